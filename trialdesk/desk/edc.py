"""The hand-off to the sponsor's EDC: a protocol's decided screenings as CDISC CDASH IE (CSV or ODM 1.3.2)
and as REDCap records, and the REDCap data dictionary they import into.

Exported are the screenings decided (eligible, ineligible, screen failure, signed) in their newest
version, of one protocol, optionally within a screening-date range, oldest first. Each screening's
criteria are evaluated from its stored answers under the protocol file it was screened under, as the
screening view shows them. Files are written whole or not at all, and never over an existing file
unless `replace` is given.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from trialdesk.domain import edc
from trialdesk.domain.log import LogFilter
from trialdesk.private import spreadsheet_safe, write_whole_text

if TYPE_CHECKING:
    from trialdesk.desk.site import Site

__all__ = ["FORMATS", "EdcExports"]

FORMATS = ("csv", "odm")


class EdcExports:
    """The EDC files of one protocol at a site."""

    def __init__(self, site: Site, protocol_id: str) -> None:
        self.site = site
        self.protocol_id = protocol_id

    def form(self) -> edc.IeForm:
        """The protocol's eligibility form: its current version's criteria, then those only older versions have
        (raises ProtocolFileError for a protocol id the site does not have)."""
        current = self.site.protocol(self.protocol_id)
        older = [v.protocol for v in reversed(self.site.protocols.versions(self.protocol_id))]
        return edc.IeForm.of(current, older)

    def screenings(self, date_from: date | None = None, date_to: date | None = None) -> list[edc.ScreeningResult]:
        """The decided screenings (newest versions only), oldest screening date first, each with its verdicts."""
        log_filter = LogFilter(statuses=edc.DECIDED, protocol_id=self.protocol_id, date_from=date_from,
                               date_to=date_to)
        total = self.site.log.count(log_filter)
        entries = self.site.log.list_log(log_filter, limit=max(total, 1), order_by="screening_date",
                                         descending=False) if total else []
        results = []
        for entry in entries:
            session = self.site.read_only_session(entry.id)
            screening = session.screening
            results.append(edc.ScreeningResult.of(
                session.protocol, session.report.results, screening_number=screening.subject.screening_number,
                site=screening.site, attempt=screening.attempt, screening_date=screening.subject.screening_date,
                status=screening.status, failed_criteria=entry.failed_criteria))
        return results

    @property
    def default_site(self) -> str:
        return self.site.site_setting("site_number")

    def write_ie(self, target: Path, fmt: str, *, date_from: date | None = None, date_to: date | None = None,
                 replace: bool = False) -> int:
        """The CDASH IE records as CSV or ODM 1.3.2 XML; returns the number of screenings."""
        if fmt not in FORMATS:
            raise ValueError(f"unknown IE format {fmt!r}; expected one of {FORMATS}")
        target = self.site.check_export_target(target)
        form, screenings = self.form(), self.screenings(date_from, date_to)
        if fmt == "csv":
            rows = edc.ie_rows(form, screenings, self.default_site)
            _write_csv(target, edc.IE_COLUMNS, rows, encoding="utf-8-sig", replace=replace)
        else:
            from trialdesk import __version__

            created = self.site.clock()
            text = edc.ie_odm(form, screenings, created=created, default_site=self.default_site,
                              file_oid=f"trialdesk.IE.{self.protocol_id}.{created.strftime('%Y%m%dT%H%M%S')}",
                              source_version=__version__)
            write_whole_text(target, lambda out: out.write(text), replace=replace)
        return len(screenings)

    def write_redcap_dictionary(self, target: Path, *, replace: bool = False) -> int:
        """The REDCap data dictionary of the eligibility instrument; returns the number of fields."""
        target = self.site.check_export_target(target)
        fields = edc.redcap_dictionary(self.form())
        _write_csv(target, edc.REDCAP_COLUMNS, fields, replace=replace)
        return len(fields)

    def write_redcap_records(self, target: Path, *, date_from: date | None = None, date_to: date | None = None,
                             replace: bool = False) -> int:
        """The screenings as records that import into the dictionary's instrument; returns their number."""
        target = self.site.check_export_target(target)
        form = self.form()
        records = edc.redcap_records(form, self.screenings(date_from, date_to), self.default_site)
        _write_csv(target, edc.redcap_fields(form), records, replace=replace)
        return len(records)


def _write_csv(target: Path, columns: Iterable[str], rows: list[dict[str, str]], *, encoding: str = "utf-8",
               replace: bool) -> None:
    """REDCap's files in UTF-8 without a byte-order mark (its importer reads the first header as given); the
    IE file with one, for spreadsheet programs. Every cell is spreadsheet-safe."""
    columns = tuple(columns)

    def write(out: TextIO) -> None:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([spreadsheet_safe(row[c]) for c in columns])

    write_whole_text(target, write, encoding=encoding, newline="", replace=replace)

