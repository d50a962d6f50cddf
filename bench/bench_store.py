"""Recording one fact against one fsync'd SQLite insert, and listing the screening log.

Goals: one recorded fact (validate + save + audit + re-evaluate, fsync'd) within 3x one
fsync'd insert on the same disk, measured side by side; the first page of a 10,000-screening
log under 100 ms and of 100,000 under 150 ms.

Run: .venv/bin/python -m bench.bench_store [--write] [--dir DIR]   (DIR: the disk to measure on)
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from bench.common import update_readme
from trialdesk.domain.log import LogFilter, ScreeningStatus
from trialdesk.persistence.database import Database
from trialdesk.persistence.protocol_files import find_protocol
from trialdesk.persistence.screening_log import ScreeningLog
from trialdesk.persistence.screening_store import ScreeningStore
from trialdesk.session import start_screening

SUBJECT = {"screening_number": "B-1", "initials": "BM", "date_of_birth": "1970-01-01", "sex": "female",
           "screening_date": "2026-11-20", "consent_date": "2026-11-19", "consent_version": "1"}


def _timed(run, repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def record_fact_against_insert(folder: Path, repeat: int = 200) -> tuple[float, float]:
    """Median seconds for one session.record_fact and for one fsync'd insert, interleaved."""
    protocol = find_protocol("NCT03798028")
    store = ScreeningStore(Database(folder / "record.sqlite3"))
    session = start_screening(store, protocol, SUBJECT, site="01", actor="bench")
    plain = sqlite3.connect(folder / "plain.sqlite3", isolation_level=None)
    plain.execute("PRAGMA journal_mode = WAL")
    plain.execute("PRAGMA synchronous = FULL")
    plain.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, fact TEXT, value TEXT)")
    record_samples, insert_samples = [], []
    for i in range(repeat):
        value = {"value": str(60 + i % 100), "unit": "g/L"}
        start = time.perf_counter()
        session.record_fact("haemoglobin", value, reason="bench")
        record_samples.append(time.perf_counter() - start)
        start = time.perf_counter()
        plain.execute("INSERT INTO t (fact, value) VALUES (?, ?)", ("haemoglobin", str(value)))
        insert_samples.append(time.perf_counter() - start)
    plain.close()
    store.database.close()
    return statistics.median(record_samples), statistics.median(insert_samples)


def fill(path: Path, count: int) -> None:
    """`count` screenings straight into the tables, as years of a busy site would leave them."""
    with Database(path) as database:
        db = database.connection
        db.execute("BEGIN")
        statuses = [s.value for s in ScreeningStatus if s is not ScreeningStatus.SUPERSEDED]
        start = date(2020, 1, 1)
        now = datetime(2026, 11, 20, tzinfo=timezone.utc).isoformat()
        db.executemany(
            "INSERT INTO screenings (protocol_id, protocol_version, site, screening_number, initials, date_of_birth, sex, "
            "screening_date, consent_date, consent_version, status, failed_criteria, created_at, created_by) "
            "VALUES ('NCT03798028', '1', '01', ?, ?, '1970-01-01', 'female', ?, ?, '1', ?, ?, ?, 'bench')",
            (
                (f"S-{i:06d}", f"A{chr(65 + i % 26)}", (start + timedelta(days=i % 2500)).isoformat(),
                 (start + timedelta(days=i % 2500)).isoformat(), statuses[i % len(statuses)],
                 "I5 E15" if i % 5 == 2 else "", now)
                for i in range(count)
            ),
        )
        db.execute("COMMIT")


def first_page(path: Path, log_filter: LogFilter = LogFilter(), repeat: int = 21) -> float:
    """Median seconds to open the database and read the first page (100 rows) and the total."""

    def run() -> None:
        with Database(path) as database:
            log = ScreeningLog(database)
            log.list_log(log_filter, limit=100)
            log.count(log_filter)

    return _timed(run, repeat)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--dir", type=Path, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir) as folder:
        folder = Path(folder)
        record, insert = record_fact_against_insert(folder)
        print(f"record one fact (validate, save, audit, re-evaluate): {record * 1e3:7.2f} ms")
        print(f"one fsync'd SQLite insert, same disk:                 {insert * 1e3:7.2f} ms   ratio {record / insert:.2f}x")
        pages = {}
        for count in (10_000, 100_000):
            path = folder / f"log{count}.sqlite3"
            fill(path, count)
            pages[count] = first_page(path)
            searched = first_page(path, LogFilter(search="S-0042", statuses=(ScreeningStatus.ELIGIBLE,)))
            print(f"first log page of {count:>7,} screenings: {pages[count] * 1e3:6.1f} ms "
                  f"(searching number and status: {searched * 1e3:.1f} ms)")
    if args.write:
        update_readme({
            "Record one fact (validate, save, audit, re-evaluate; fsync'd) vs one fsync'd SQLite insert":
                (f"{record * 1e3:.2f} ms vs {insert * 1e3:.2f} ms ({record / insert:.2f}x)", "within 3x"),
            "First page of the screening log, 10,000 screenings (open + page + count)": (f"{pages[10_000] * 1e3:.1f} ms", "< 100 ms"),
            "First page of the screening log, 100,000 screenings (open + page + count)": (f"{pages[100_000] * 1e3:.1f} ms", "< 150 ms"),
        })


if __name__ == "__main__":
    main()
