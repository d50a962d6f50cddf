"""The screening log: the site's screenings listed, filtered, counted and exported.

Reads only; kept apart from the store that writes so that the main window can show the
log without loading the protocol and record models behind it.
"""

from __future__ import annotations

import csv
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from trialdesk.domain.log import LogEntry, LogFilter, ScreeningStatus
from trialdesk.domain.stages import decided_eligible
from trialdesk.persistence.database import Database
from trialdesk.private import spreadsheet_safe, write_whole_text

SORTABLE = ("screening_number", "initials", "screening_date", "status", "failed_criteria", "version", "protocol_id")
LOG_COLUMNS = (
    "screening_number", "version", "initials", "screening_date", "outcome", "failed_criteria",
    "screen_failure_reason", "consent_date", "consent_version", "protocol_id", "protocol_version",
    "eligible", "enrolled", "randomisation_number", "outcome_date", "reason_not_enrolled", "reason_text",
    "attempt", "rescreen_of",
)


#: A screening's place in the pipeline, as columns of a query over `screenings` named `{t}`: the number
#: of the subject's attempt before it, and its current enrolment outcome (fields joined by char(31)).
PIPELINE_COLUMNS = (
    "(SELECT r.screening_number FROM screenings r WHERE r.id = {t}.rescreen_of) AS rescreen_number, "
    "(SELECT e.outcome || char(31) || e.on_date || char(31) || COALESCE(e.number, '') || char(31) || "
    "COALESCE(e.reason, '') || char(31) || COALESCE(e.reason_text, '') FROM enrolments e "
    "WHERE e.first_id = {t}.first_id ORDER BY e.id DESC LIMIT 1) AS enrolment"
)


def enrolment_of(text: str | None):
    """An enrolment outcome from PIPELINE_COLUMNS' `enrolment`."""
    if text is None:
        return None
    from trialdesk.domain.stages import Enrolment, NotEnrolledReason

    outcome, on, number, reason, words = text.split("\x1f")
    return Enrolment(outcome == "enrolled", date.fromisoformat(on), number=number or None,
                     reason=NotEnrolledReason(reason) if reason else None, text=words or None)


class ScreeningLog:
    """Queries over every screening in the site database."""

    def __init__(self, database: Database) -> None:
        self.database = database

    @property
    def _read(self) -> sqlite3.Connection:
        return self.database.connection

    def _where(self, log_filter: LogFilter, table: str = "") -> tuple[str, list[Any]]:
        """The filter as a WHERE clause (its columns of `table`, when given) and its arguments."""
        t = f"{table}." if table else ""
        clauses, args = [], []
        if not log_filter.include_superseded:
            clauses.append(f"{t}status != 'superseded'")
        if log_filter.statuses:
            clauses.append(f"{t}status IN ({', '.join('?' for _ in log_filter.statuses)})")
            args.extend(s.value for s in log_filter.statuses)
        if log_filter.date_from:
            clauses.append(f"{t}screening_date >= ?")
            args.append(log_filter.date_from.isoformat())
        if log_filter.date_to:
            clauses.append(f"{t}screening_date <= ?")
            args.append(log_filter.date_to.isoformat())
        if log_filter.protocol_id:
            clauses.append(f"{t}protocol_id = ?")
            args.append(log_filter.protocol_id)
        if log_filter.search.strip():
            pattern = "%" + log_filter.search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            clauses.append(f"({t}screening_number LIKE ? ESCAPE '\\' OR {t}initials LIKE ? ESCAPE '\\')")
            args.extend([pattern, pattern])
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", args

    def list_log(
        self,
        log_filter: LogFilter = LogFilter(),
        *,
        limit: int = 100,
        offset: int = 0,
        order_by: str = "screening_date",
        descending: bool = True,
    ) -> list[LogEntry]:
        """One page of the log, newest screening date first unless `order_by` says otherwise."""
        if order_by not in SORTABLE:
            raise ValueError(f"cannot sort the log by {order_by!r}; expected one of {SORTABLE}")
        where, args = self._where(log_filter)
        direction = "DESC" if descending else "ASC"
        rows = self._read.execute(
            "SELECT id, protocol_id, protocol_version, screening_number, version, initials, screening_date, "
            f"consent_date, status, failed_criteria, screen_failure_reason, attempt, {PIPELINE_COLUMNS.format(t='screenings')} "
            f"FROM screenings{where} ORDER BY {order_by} {direction}, id {direction} LIMIT ? OFFSET ?",
            (*args, limit, offset),
        ).fetchall()
        return [
            LogEntry(
                id=r[0], protocol_id=r[1], protocol_version=r[2], screening_number=r[3], version=r[4], initials=r[5],
                screening_date=date.fromisoformat(r[6]), consent_date=date.fromisoformat(r[7]),
                status=ScreeningStatus(r[8]), failed_criteria=tuple(r[9].split()), screen_failure_reason=r[10],
                attempt=r[11], rescreen_of=r[12], enrolment=enrolment_of(r[13]),
            )
            for r in rows
        ]

    def protocols_used(self) -> list[str]:
        """The protocols the site has screenings of."""
        return [p for (p,) in self._read.execute("SELECT DISTINCT protocol_id FROM screenings ORDER BY protocol_id")]

    def number_taken(self, protocol_id: str, site: str, screening_number: str) -> bool:
        """Whether a screening number is already used for this protocol at this site."""
        return self._read.execute(
            "SELECT 1 FROM screenings WHERE protocol_id = ? AND site = ? AND screening_number = ?",
            (protocol_id, site, screening_number),
        ).fetchone() is not None

    def numbers(self, protocol_id: str, site: str) -> list[str]:
        """The screening numbers used for this protocol at this site."""
        return [n for (n,) in self._read.execute(
            "SELECT DISTINCT screening_number FROM screenings WHERE protocol_id = ? AND site = ?", (protocol_id, site))]

    def count(self, log_filter: LogFilter = LogFilter()) -> int:
        where, args = self._where(log_filter)
        return self._read.execute(f"SELECT count(*) FROM screenings{where}", args).fetchone()[0]

    def subjects(self, log_filter: LogFilter = LogFilter()) -> int:
        """The subjects among the screenings the filter keeps, each once however many attempts it has: the
        screenings less those whose subject's earlier attempt is kept too (a few, through an index)."""
        where, args = self._where(log_filter)
        kept, kept_args = self._where(log_filter, "s")
        later, later_args = self._where(log_filter, "later")
        again = self._read.execute(
            f"SELECT count(*) FROM screenings AS later JOIN screenings AS s ON s.first_id = later.rescreen_of"
            f"{kept.replace(' WHERE', ' AND', 1)}{later}{' AND' if later else ' WHERE'} later.rescreen_of IS NOT NULL",
            [*kept_args, *later_args]).fetchone()[0]
        return self._read.execute(f"SELECT count(*) FROM screenings{where}", args).fetchone()[0] - again

    def counts_by_status(self, log_filter: LogFilter = LogFilter()) -> dict[ScreeningStatus, int]:
        where, args = self._where(log_filter)
        rows = self._read.execute(f"SELECT status, count(*) FROM screenings{where} GROUP BY status", args)
        return {ScreeningStatus(status): n for status, n in rows}

    def failure_reasons(self, log_filter: LogFilter = LogFilter()) -> dict[str, int]:
        """How many screen failures (and ineligible screenings) each criterion caused."""
        where, args = self._where(log_filter)
        failed = "status IN ('ineligible', 'screen_failure') AND failed_criteria != ''"
        where = f"{where} AND {failed}" if where else f" WHERE {failed}"
        counts: dict[str, int] = {}
        for (criteria,) in self._read.execute(f"SELECT failed_criteria FROM screenings{where}", args):
            for criterion in criteria.split():
                counts[criterion] = counts.get(criterion, 0) + 1
        return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))

    def export_csv(self, out: TextIO, log_filter: LogFilter = LogFilter(), outcome_words: dict[str, str] | None = None) -> int:
        """Write the log as a sponsor's screening log (CSV); returns the number of rows."""
        writer = csv.writer(out)
        writer.writerow(LOG_COLUMNS)
        where, args = self._where(log_filter)
        rows = self._read.execute(
            "SELECT screening_number, version, initials, screening_date, status, failed_criteria, screen_failure_reason, "
            f"consent_date, consent_version, protocol_id, protocol_version, attempt, "
            f"{PIPELINE_COLUMNS.format(t='screenings')} FROM screenings{where} "
            "ORDER BY screening_date, screening_number, version",
            args,
        )
        count = 0
        for row in rows:
            *row, attempt, rescreen_number, enrolment_text = row
            enrolment = enrolment_of(enrolment_text)
            eligible = {True: "Y", False: "N", None: ""}[decided_eligible(ScreeningStatus(row[4]), row[5].split())]
            row[4] = (outcome_words or {}).get(row[4], row[4])
            row[5] = "; ".join(row[5].split())
            if enrolment is None:
                row += [eligible, "", "", "", "", ""]
            else:
                row += [eligible, "Y" if enrolment.enrolled else "N", enrolment.number or "", enrolment.on.isoformat(),
                        enrolment.reason.value if enrolment.reason else "", enrolment.text or ""]
            row += [attempt, rescreen_number or ""]
            writer.writerow([spreadsheet_safe(v) for v in row])
            count += 1
        return count


def write_csv(path: Path, log: ScreeningLog, log_filter: LogFilter, words: dict[str, str]) -> int:
    """The log as CSV in UTF-8 with a byte-order mark, so that spreadsheet programs read Chinese right."""
    return write_whole_text(path, lambda out: log.export_csv(out, log_filter, words), encoding="utf-8-sig", newline="",
                            replace=True)  # whole or not at all


def consort_groups(log: ScreeningLog, log_filter: LogFilter = LogFilter()) -> list[tuple]:
    """Subjects counted once, by the latest of their attempts that the filter keeps, grouped alike:
    (status, failed criteria, enrolment outcome, reason not enrolled, subjects, attempts), subjects
    screened once apart from those screened again (a subject's attempts: its latest one's number).

    Three queries, none reading a row twice: every screening the filter keeps grouped; the earlier
    attempts of those re-screened (a few), taken out; and those with an enrolment outcome (a few),
    whose counts move from the first groups to their own."""
    every, args = log._where(log_filter, "s")
    later_kept, later_args = log._where(log_filter, "later")
    groups: dict[tuple, list[int]] = {}
    for status, failed, again, subjects, attempts in log._read.execute(
            f"SELECT status, failed_criteria, attempt > 1, count(*), sum(attempt) FROM screenings AS s{every} "
            "GROUP BY status, failed_criteria, attempt > 1", args):
        groups[(status, failed, None, None, again)] = [subjects, attempts]
    for status, failed, again, subjects, attempts in log._read.execute(  # attempts re-screened since: not latest
            f"SELECT s.status, s.failed_criteria, s.attempt > 1, count(*), sum(s.attempt) FROM screenings AS later "
            f"JOIN screenings AS s ON s.first_id = later.rescreen_of{every.replace(' WHERE', ' AND', 1)} "
            f"{later_kept}{' AND' if later_kept else ' WHERE'} later.rescreen_of IS NOT NULL "
            "GROUP BY s.status, s.failed_criteria, s.attempt > 1", [*args, *later_args]):
        earlier = groups[(status, failed, None, None, again)]
        earlier[0] -= subjects
        earlier[1] -= attempts
    later_kept = later_kept.replace(" WHERE", " AND", 1)
    for status, failed, again, outcome, reason, subjects, attempts in log._read.execute(
            "SELECT s.status, s.failed_criteria, s.attempt > 1, e.outcome, e.reason, count(*), sum(s.attempt) "
            f"FROM enrolments AS e JOIN screenings AS s ON s.first_id = e.first_id{every.replace(' WHERE', ' AND', 1)} "
            "WHERE e.id = (SELECT MAX(id) FROM enrolments WHERE first_id = e.first_id) AND NOT EXISTS (SELECT 1 FROM "
            f"screenings AS later WHERE later.rescreen_of = s.first_id{later_kept}) "
            "GROUP BY s.status, s.failed_criteria, s.attempt > 1, e.outcome, e.reason", [*args, *later_args]):
        unrecorded = groups[(status, failed, None, None, again)]
        unrecorded[0] -= subjects
        unrecorded[1] -= attempts
        groups[(status, failed, outcome, reason, again)] = [subjects, attempts]
    return [(status, failed, outcome, reason, subjects, attempts)
            for (status, failed, outcome, reason, _again), (subjects, attempts) in groups.items() if subjects]


def prescreen_groups(log: ScreeningLog, log_filter: LogFilter = LogFilter()) -> list[tuple]:
    """Pre-screened candidates grouped alike: (result, outcome or "screened", candidates). One query."""
    clauses, args = [], []
    if log_filter.protocol_id:
        clauses.append("p.protocol_id = ?")
        args.append(log_filter.protocol_id)
    if log_filter.date_from:
        clauses.append("p.on_date >= ?")
        args.append(log_filter.date_from.isoformat())
    if log_filter.date_to:
        clauses.append("p.on_date <= ?")
        args.append(log_filter.date_to.isoformat())
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    return log._read.execute(
        "SELECT p.result, CASE WHEN EXISTS (SELECT 1 FROM screenings s WHERE s.prescreen_id = p.id AND s.supersedes IS NULL) THEN 'screened' "
        f"ELSE p.outcome END AS became, count(*) FROM prescreenings p{where} GROUP BY p.result, became", args).fetchall()


def sponsor_rows(log: ScreeningLog, log_filter: LogFilter = LogFilter()) -> list:
    """The screening and enrolment log as sponsors file it (`SponsorLogRow`), in screening-date order:
    number and initials, never another identifier. One query."""
    from trialdesk.domain.sponsor_log import SponsorLogRow

    where, args = log._where(log_filter)
    rows = log._read.execute(
        "SELECT screening_number, initials, consent_date, consent_version, screening_date, status, failed_criteria, "
        f"screen_failure_reason, attempt, protocol_version, {PIPELINE_COLUMNS.format(t='screenings')} "
        f"FROM screenings{where} ORDER BY screening_date, screening_number, version", args)
    found = []
    for (number, initials, consent, consent_version, on, status, failed, failure_reason, attempt, version,
         rescreen_number, enrolment_text) in rows:
        enrolment = enrolment_of(enrolment_text)
        eligible = decided_eligible(ScreeningStatus(status), failed.split())
        found.append(SponsorLogRow(
            screening_number=number, initials=initials, consent_date=date.fromisoformat(consent),
            consent_version=consent_version, screening_date=date.fromisoformat(on), eligible=eligible,
            criteria_not_met=tuple(failed.split()), screen_failure_reason=failure_reason,
            enrolled=None if enrolment is None else enrolment.enrolled,
            randomisation_number=enrolment.number if enrolment else None,
            enrolment_date=enrolment.on if enrolment else None,
            reason_not_enrolled=enrolment.reason.value if enrolment and enrolment.reason else None,
            reason_text=enrolment.text if enrolment else None, attempt=attempt,
            rescreen_of=rescreen_number if attempt > 1 else None, protocol_version=version))
    return found
