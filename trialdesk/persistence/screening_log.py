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
from trialdesk.persistence.database import Database
from trialdesk.private import spreadsheet_safe, write_whole_text

SORTABLE = ("screening_number", "initials", "screening_date", "status", "failed_criteria", "version", "protocol_id")
LOG_COLUMNS = (
    "screening_number", "version", "initials", "screening_date", "outcome", "failed_criteria",
    "screen_failure_reason", "consent_date", "consent_version", "protocol_id", "protocol_version",
)


class ScreeningLog:
    """Queries over every screening in the site database."""

    def __init__(self, database: Database) -> None:
        self.database = database

    @property
    def _read(self) -> sqlite3.Connection:
        return self.database.connection

    def _where(self, log_filter: LogFilter) -> tuple[str, list[Any]]:
        clauses, args = [], []
        if not log_filter.include_superseded:
            clauses.append("status != 'superseded'")
        if log_filter.statuses:
            clauses.append(f"status IN ({', '.join('?' for _ in log_filter.statuses)})")
            args.extend(s.value for s in log_filter.statuses)
        if log_filter.date_from:
            clauses.append("screening_date >= ?")
            args.append(log_filter.date_from.isoformat())
        if log_filter.date_to:
            clauses.append("screening_date <= ?")
            args.append(log_filter.date_to.isoformat())
        if log_filter.protocol_id:
            clauses.append("protocol_id = ?")
            args.append(log_filter.protocol_id)
        if log_filter.search.strip():
            pattern = "%" + log_filter.search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            clauses.append("(screening_number LIKE ? ESCAPE '\\' OR initials LIKE ? ESCAPE '\\')")
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
            f"consent_date, status, failed_criteria, screen_failure_reason FROM screenings{where} "
            f"ORDER BY {order_by} {direction}, id {direction} LIMIT ? OFFSET ?",
            (*args, limit, offset),
        ).fetchall()
        return [
            LogEntry(
                id=r[0], protocol_id=r[1], protocol_version=r[2], screening_number=r[3], version=r[4], initials=r[5],
                screening_date=date.fromisoformat(r[6]), consent_date=date.fromisoformat(r[7]),
                status=ScreeningStatus(r[8]), failed_criteria=tuple(r[9].split()), screen_failure_reason=r[10],
            )
            for r in rows
        ]

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
            f"consent_date, consent_version, protocol_id, protocol_version FROM screenings{where} "
            "ORDER BY screening_date, screening_number, version",
            args,
        )
        count = 0
        for row in rows:
            row = list(row)
            row[4] = (outcome_words or {}).get(row[4], row[4])
            row[5] = "; ".join(row[5].split())
            writer.writerow([spreadsheet_safe(v) for v in row])
            count += 1
        return count


def write_csv(path: Path, log: ScreeningLog, log_filter: LogFilter, words: dict[str, str]) -> int:
    """The log as CSV in UTF-8 with a byte-order mark, so that spreadsheet programs read Chinese right."""
    return write_whole_text(path, lambda out: log.export_csv(out, log_filter, words), encoding="utf-8-sig", newline="",
                            replace=True)  # whole or not at all
