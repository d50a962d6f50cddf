"""The screening pipeline at the site service: enrolment outcomes, re-screening attempts and
pre-screened candidates (the signed-in person's work, `PipelineWork`, a part of `Desk`), and what is
read and printed of them (`PipelineReports`, a part of `Site`): the CONSORT counts and picture, and
the screening and enrolment log as sponsors file it.

The rules are the domain's (`trialdesk.domain.stages`); the store applies them again inside the
write that records a change, on what is stored then, so that a second window or a hand-made link
never gets past them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from trialdesk.domain.people import Refused, Task
from trialdesk.domain.text import MAX_LINE, check_text
from trialdesk.persistence.errors import StoreError

if TYPE_CHECKING:
    from trialdesk.domain.protocol import Protocol
    from trialdesk.domain.screening import Screening
    from trialdesk.domain.stages import Enrolment
    from trialdesk.session import ScreeningSession


class PipelineReports:
    """What a site reads of its pipeline (a part of `Site`)."""

    @cached_property
    def pipeline(self):
        from trialdesk.persistence.pipeline_store import PipelineStore

        return PipelineStore(self.database)

    def enrolment(self, screening: Screening) -> Enrolment | None:
        """The enrolment outcome recorded for this screening (any of its versions), if any."""
        return self.pipeline.enrolment(screening.first_id or screening.id)

    def attempts(self, screening_id: int) -> list[tuple[int, int, str, str]]:
        """Every attempt of the screening's subject: (attempt, newest version id, screening number, status)."""
        return self.pipeline.attempts(screening_id)

    def prescreenings(self, protocol_id: str | None = None, limit: int = 100_000):
        """The candidates pre-screened (of one protocol, if given), newest first: as many as one clinic list holds."""
        return self.pipeline.prescreenings(protocol_id, limit=limit)

    def consort(self, protocol_id: str, date_from: date | None = None, date_to: date | None = None):
        """The CONSORT counts of a protocol's screenings (by screening date) and pre-screenings."""
        from trialdesk.desk.log import consort
        from trialdesk.domain.log import LogFilter

        protocol = self.protocol(protocol_id)
        return consort(self.log, LogFilter(protocol_id=protocol.id, date_from=date_from, date_to=date_to),
                       [c.id for c in protocol.criteria])

    def consort_title(self, protocol_id: str, words, date_from: date | None, date_to: date | None) -> list[str]:
        """What a CONSORT page says under its title: the protocol, the site, the period."""
        protocol = self.protocol(protocol_id)
        site = self.site_setting("site_number")
        name = self.site_setting("site_name")
        return [f"{protocol.id} — {protocol.title}",
                words.t("stage.report_site", site=" ".join(p for p in (site, name) if p) or "—",
                        version=protocol.version),
                words.period(date_from, date_to)]

    def consort_file(self, protocol_id: str, fmt: str, lang: str, date_from: date | None = None,
                     date_to: date | None = None) -> bytes:
        """The CONSORT counts as JSON, or the diagram and chart as PDF or PNG, in `lang`."""
        from trialdesk.messages.consort import ConsortWords

        counts = self.consort(protocol_id, date_from, date_to)
        words = ConsortWords(self.protocol(protocol_id), lang)
        if fmt == "json":  # the counts, the period and the definitions of "screened" and the rest, in `lang`
            import json

            document = words.document(counts, (date_from, date_to))
            return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
        from trialdesk.worksheet import consort as pictures

        render = pictures.render_consort_pdf if fmt == "pdf" else pictures.render_consort_png
        return render(counts, words, title_lines=self.consort_title(protocol_id, words, date_from, date_to),
                      printed_at=self.clock())

    def sponsor_log_pdf(self, log_filter, lang: str, printed_by: str) -> bytes:
        """The screening and enrolment log as sponsors file it, paginated, in `lang` (one protocol)."""
        from trialdesk.domain.sponsor_log import SponsorLogHeader
        from trialdesk.messages import Messages
        from trialdesk.messages import sponsor_log as _keys  # noqa: F401 (its words join the catalogue)
        from trialdesk.persistence.screening_log import sponsor_rows
        from trialdesk.worksheet.screening_log import render_screening_log

        protocol = self.protocol(log_filter.protocol_id)
        rows = sponsor_rows(self.log, log_filter)
        versions = tuple(dict.fromkeys(r.protocol_version for r in rows)) or (protocol.version,)
        header = SponsorLogHeader(protocol_id=protocol.id, protocol_title=protocol.title, sponsor=protocol.sponsor,
                                  protocol_versions=versions, site_number=self.site_setting("site_number"),
                                  date_from=log_filter.date_from, date_to=log_filter.date_to,
                                  printed_at=self.clock(), printed_by=printed_by)
        return render_screening_log(rows, header, Messages(protocol, lang))

    def write_export(self, target: Path, data: bytes, *, replace: bool = False) -> Path:
        """An export written whole (never onto the site's own records; an existing file only with `replace`)."""
        from trialdesk.private import write_whole

        return write_whole(self.check_export_target(target), data, replace=replace)


class PipelineWork:
    """The signed-in person's pipeline work (a part of `Desk`): each change needs data-entry delegation today."""

    def record_enrolment(self, reference: str | int, *, enrolled: bool, on: date, number: str | None = None,
                         reason: str | None = None, text: str | None = None,
                         change_reason: str | None = None) -> Enrolment:
        """Enrolled (randomised) with its number and date, or not enrolled with a coded reason; audited.
        An outcome recorded already is replaced only with `change_reason`."""
        from trialdesk.domain.stages import check_enrolment

        self._may(Task.ENTER)
        screening = self.site.screening(reference)
        today = self._today()
        change_reason = check_text(change_reason or "", "reason", MAX_LINE) or None

        def decide(status, failed, screening_date, signed_on) -> Enrolment:  # on what is stored, inside the write
            return check_enrolment(status, failed, enrolled=enrolled, on=on, screening_date=screening_date,
                                   today=today, number=number, reason=reason, text=text, signed_on=signed_on)

        return self.site.pipeline.record_enrolment(screening.id, decide, actor=self.person.name, at=self.clock(),
                                                   reason=change_reason)

    def rescreen(self, reference: str | int, subject_values: dict[str, Any], answers: dict[str, Any] | None = None,
                 *, confirmed: bool = False) -> ScreeningSession:
        """A new screening attempt of the subject of `reference` (any of its attempts), linked to the
        latest one, under the protocol's attempts and interval. The subject's initials, date of birth and
        sex carry over unless given; the new attempt has its own number (the site pattern's next when none
        is given), consent date and consent version."""
        from trialdesk.domain.errors import FactsInvalid, Problem
        from trialdesk.domain.stages import check_rescreen
        from trialdesk.domain.values import Unreadable, read_date

        self._may(Task.ENTER)
        earlier = self.site.screening(reference)
        latest, named = self.site.pipeline.latest_attempt(earlier.id)
        values = {"initials": earlier.subject.initials, "date_of_birth": earlier.subject.date_of_birth.isoformat(),
                  "sex": earlier.subject.sex}
        for field in ("date_of_birth", "sex"):  # the same person: a difference is the earlier attempt's correction
            given = subject_values.get(field)
            if given not in (None, "") and str(given).strip() != values[field]:
                raise Refused(f"rescreen_{field}_differs", value=str(given).strip()[:40],
                              earlier=values[field], number=earlier.subject.screening_number)
        values.update({k: v for k, v in subject_values.items() if v not in (None, "")})
        values["screening_date"] = values.get("screening_date") or self._today().isoformat()
        try:
            day = read_date(values["screening_date"])
        except Unreadable as error:  # named beside the field, as the subject check names it
            raise FactsInvalid([Problem(error.code, "screening_date", error.params)]) from None
        if named is not None:
            raise Refused("rescreen_not_latest", number=earlier.subject.screening_number, later=named)
        protocol = self.site.protocols.for_start(earlier.protocol_id, day).protocol
        attempt = check_rescreen(protocol.screening, latest, protocol_id=earlier.protocol_id, on=day)
        return self.start_screening(earlier.protocol_id, values, answers, site=earlier.site, confirmed=confirmed,
                                    lineage={"rescreen_of": latest.first_id, "attempt": attempt})

    def rescreen_attempt(self, reference: str | int, on: date | None = None) -> int:
        """The attempt a re-screening of `reference`'s subject on `on` (today) would be, or Refused: asked
        before a form is filled in vain."""
        from trialdesk.domain.stages import check_rescreen

        self._may(Task.ENTER)
        earlier = self.site.screening(reference)
        latest, named = self.site.pipeline.latest_attempt(earlier.id)
        if named is not None:
            raise Refused("rescreen_not_latest", number=earlier.subject.screening_number, later=named)
        day = on or self._today()
        policy = self.site.protocols.for_start(earlier.protocol_id, day).protocol.screening
        return check_rescreen(policy, latest, protocol_id=earlier.protocol_id, on=day)

    def _rescreen_check(self, protocol: Protocol, lineage: dict[str, int | None], on: Any) -> Callable[[], None]:
        """The re-screening rules again, inside the write that stores the new attempt, on what is stored then:
        an enrolment or another attempt recorded meanwhile in another window refuses it, and a link given by
        hand (`lineage`) is held to the same rules as `rescreen`'s."""
        from trialdesk.domain.stages import check_rescreen
        from trialdesk.domain.values import Unreadable, read_date

        try:
            day = read_date(on)
        except Unreadable:
            day = None  # the subject check names the date, before anything is written

        def check() -> None:
            latest, named = self.site.pipeline.latest_attempt(lineage["rescreen_of"])
            if named is not None or latest.first_id != lineage["rescreen_of"]:
                raise Refused("rescreen_not_latest", number=latest.screening_number, later=named or "")
            if day is not None:
                check_rescreen(protocol.screening, latest, protocol_id=protocol.id, on=day, attempt=lineage.get("attempt"))

        return check

    def record_prescreen(self, protocol_id: str, candidate: str, on: date, result: str, detail: str = "") -> int:
        """A candidate pre-screened from records (before consent), kept with what was found; audited."""
        self._may(Task.ENTER)
        candidate = check_text(candidate, "candidate", 64)
        if not candidate:
            raise Refused("prescreen_candidate_required")
        if result not in ("could_be_eligible", "not_eligible"):
            raise Refused("prescreen_result_unknown", value=str(result)[:40])
        if protocol_id not in self.site.protocol_ids():
            raise Refused("prescreen_unknown_protocol", protocol=str(protocol_id)[:64])
        today = self._today()
        if not date(1900, 1, 1) <= on <= today:
            raise Refused("prescreen_date", on=on.isoformat(), today=today.isoformat())
        site = self.site.site_setting("site_number")
        return self.site.pipeline.record_prescreen(protocol_id=protocol_id, site=site, candidate=candidate, on=on,
                                                   result=result, detail=check_text(detail, "detail", 2000),
                                                   actor=self.person.name, at=self.clock())

    def record_prescreen_outcome(self, prescreen_id: int, outcome: str, text: str | None = None) -> None:
        """What became of a pre-screened candidate who is not screened: declined, not approached, other."""
        from trialdesk.domain.stages import PrescreenOutcome

        self._may(Task.ENTER)
        try:
            code = PrescreenOutcome(outcome)
        except ValueError:
            raise Refused("prescreen_outcome_unknown", options=", ".join(o.value for o in PrescreenOutcome)) from None
        text = check_text(text or "", "text", MAX_LINE) or None
        if code is PrescreenOutcome.OTHER and not text:
            raise Refused("prescreen_other_needs_text")
        self.site.pipeline.prescreen_outcome(prescreen_id, code, text, actor=self.person.name, at=self.clock())

    def _unscreened_prescreen(self, prescreen_id: int, protocol_id: str, site: str) -> int:
        found = self.site.pipeline.prescreening(prescreen_id)
        if (found.protocol_id, found.site) != (protocol_id, site):
            raise Refused("prescreen_other_protocol", candidate=found.candidate, protocol=found.protocol_id,
                          site=found.site or "—")
        if found.screening_number is not None:
            raise StoreError("prescreen_screened", candidate=found.candidate, number=found.screening_number)
        return prescreen_id

