"""Benchmark: the screening pipeline at 100,000 screenings, as years of a busy site would leave them
(one in twenty subjects re-screened, one in ten enrolled or not enrolled with a reason, 20,000
pre-screened candidates): the CONSORT counts (group each subject once by its latest attempt, then
fold; on the open database, and with the open that checks the file first), and the window's first
log page with its stages (open, page, count of screenings and of subjects).

Run: .venv/bin/python -m bench.bench_pipeline [--write] [--dir DIR]
"""

from __future__ import annotations

import argparse
import tempfile
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from bench.bench_store import _timed
from bench.common import update_readme
from trialdesk.desk.log import ScreeningLog, consort
from trialdesk.domain.log import LogFilter, ScreeningStatus
from trialdesk.persistence.database import Database

CRITERIA = [f"I{i}" for i in range(1, 8)] + [f"E{i}" for i in range(1, 22)]


def fill(path: Path, count: int) -> None:
    """`count` screenings straight into the tables, with attempts, enrolment outcomes and pre-screenings."""
    with Database(path) as database:
        db = database.connection
        db.execute("BEGIN")
        statuses = [s.value for s in ScreeningStatus if s is not ScreeningStatus.SUPERSEDED]
        start = date(2020, 1, 1)
        now = datetime(2026, 11, 20, tzinfo=timezone.utc).isoformat()
        rows = []
        for i in range(count):
            status = statuses[i % len(statuses)]
            on = (start + timedelta(days=i % 2500)).isoformat()
            failed = "I5 E15" if status in ("ineligible", "screen_failure") and i % 3 else ""
            rescreen = i % 20 == 19  # a re-screening of the screening before it
            rows.append((f"S-{i:06d}", f"A{chr(65 + i % 26)}", on, on, status, failed, now,
                         i if rescreen else None, 2 if rescreen else 1))
        db.executemany(
            "INSERT INTO screenings (protocol_id, protocol_version, site, screening_number, initials, date_of_birth, sex, "
            "screening_date, consent_date, consent_version, status, failed_criteria, created_at, created_by, "
            "rescreen_of, attempt) VALUES ('NCT03798028', '1', '01', ?, ?, '1970-01-01', 'female', ?, ?, '1', ?, ?, ?, "
            "'bench', ?, ?)", rows)
        outcomes = []
        for i in range(1, count + 1, 10):
            enrolled = i % 20 == 1
            number = f"R-{i:06d}" if enrolled else None
            outcomes.append((i, "enrolled" if enrolled else "not_enrolled", number, number and number.casefold(),
                             None if enrolled else ("declined", "lost", "withdrew_consent")[i % 3], now))
        db.executemany("INSERT INTO enrolments (first_id, outcome, on_date, number, number_key, reason, recorded_by, "
                       "recorded_at, audit_seq) VALUES (?, ?, '2026-11-20', ?, ?, ?, 'bench', ?, 0)", outcomes)
        db.executemany("INSERT INTO prescreenings (protocol_id, site, candidate, on_date, result, recorded_by, "
                       "recorded_at) VALUES ('NCT03798028', '01', ?, '2026-11-20', ?, 'bench', ?)",
                       ((f"C-{i}", "could_be_eligible" if i % 3 else "not_eligible", now) for i in range(count // 5)))
        db.execute("COMMIT")


def consort_counts(path: Path, repeat: int = 11) -> tuple[float, float, object]:
    """Median seconds of the counts on the open database (the CONSORT page counting again), and with
    the database opened first (`trialdesk log consort`: the open checks the whole file, quick_check)."""
    found = []
    log_filter = LogFilter(protocol_id="NCT03798028")

    def cold() -> None:
        with Database(path) as database:
            found[:] = [consort(ScreeningLog(database), log_filter, CRITERIA)]

    with Database(path) as database:
        log = ScreeningLog(database)
        warm = _timed(lambda: consort(log, log_filter, CRITERIA), repeat)
    return warm, _timed(cold, repeat), found[0]


def first_page(path: Path, repeat: int = 21) -> float:
    def run() -> None:
        with Database(path) as database:
            log = ScreeningLog(database)
            rows = log.rows(limit=100)
            log.count()
            log.subjects()  # the window says how many subjects the screenings are
            assert all(r.entry.stage for r in rows)

    return _timed(run, repeat)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--dir", type=Path, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as folder:
        path = Path(folder) / "pipeline.sqlite3"
        fill(path, 100_000)
        seconds, cold, counts = consort_counts(path)
        page = first_page(path)
    print(f"CONSORT counts of 100,000 screenings ({counts.assessed:,} subjects, {counts.enrolled:,} enrolled): "
          f"{seconds * 1e3:.1f} ms on the open database, {cold * 1e3:.1f} ms opening it first")
    print(f"first log page with stages, 100,000 screenings: {page * 1e3:.1f} ms")
    if args.write:
        update_readme({
            "CONSORT counts, 100,000 screenings (each subject once + fold; the page counting again)":
                (f"{seconds * 1e3:.0f} ms", "< 200 ms"),
            "CONSORT counts, 100,000 screenings, fresh process's open included (quick_check of the file)":
                (f"{cold * 1e3:.0f} ms", "—"),
            "First log page with stages and enrolment, 100,000 screenings (open + page + count of screenings and subjects)":
                (f"{page * 1e3:.1f} ms", "< 100 ms"),
        })


if __name__ == "__main__":
    main()
