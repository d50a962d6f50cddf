"""Open the site's SQLite database safely, and run writes one at a time.

- Every committed change is durable: WAL with synchronous=FULL, so a commit that
  returned survives a crash or a power cut (https://sqlite.org/pragma.html#pragma_synchronous).
- A file that is not a trialdesk database, or is damaged, is refused and never written.
- A database written by a newer trialdesk is refused rather than misread.
- The database and its WAL/SHM files are readable by their owner only (0600): SQLite
  gives the journal files the permissions of the database file.
- Writers take the write lock up front (BEGIN IMMEDIATE); a second process waits for
  the first, is told why, and gives up with a clear message after `WRITE_WAIT_SECONDS`.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from trialdesk.persistence.migrations import MIGRATIONS, SCHEMA_VERSION
from trialdesk.private import private_folder

SQLITE_HEADER = b"SQLite format 3\x00"
FIRST_WAIT_MS = 250
WRITE_WAIT_SECONDS = 30.0


class DatabaseError(Exception):
    """A database that cannot be used, with the reason in words."""


class DatabaseBusy(DatabaseError):
    """Another process held the write lock for longer than we wait."""


def _refuse_unusable(path: Path) -> None:
    """Refuse, without writing to it, a file that is not a readable SQLite database."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise DatabaseError(f"{path} is not a trialdesk database (not an SQLite file); it was left untouched")
    try:
        probe = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            version = probe.execute("PRAGMA user_version").fetchone()[0]
            probe.execute("SELECT count(*) FROM sqlite_master").fetchone()
            if version and probe.execute("PRAGMA quick_check(1)").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("quick_check failed")
        finally:
            probe.close()
    except sqlite3.DatabaseError as error:
        raise DatabaseError(f"{path} is damaged and cannot be opened ({error}); it was left untouched") from None
    if version > SCHEMA_VERSION:
        raise DatabaseError(
            f"{path} was written by a newer version of trialdesk (database schema {version}, "
            f"this program knows up to {SCHEMA_VERSION}); use that version or newer"
        )


def _create_private(path: Path) -> None:
    private_folder(path.parent)
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    if os.name == "posix":
        os.chmod(path, 0o600)


class Database:
    """One connection to the site database, with write transactions that wait politely."""

    def __init__(self, path: Path, on_wait: Callable[[str], None] | None = None) -> None:
        self.path = Path(path)
        self.on_wait = on_wait
        _refuse_unusable(self.path)
        _create_private(self.path)
        self.connection = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        self.connection.execute(f"PRAGMA busy_timeout = {FIRST_WAIT_MS}")
        self.connection.execute("PRAGMA journal_mode = WAL")
        self.connection.execute("PRAGMA synchronous = FULL")
        self.connection.execute("PRAGMA foreign_keys = ON")
        self._migrate()

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return self.connection.execute("PRAGMA user_version").fetchone()[0]

    def _migrate(self) -> None:
        with self.write() as db:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            for index in range(version, SCHEMA_VERSION):
                for statement in _statements(MIGRATIONS[index]):
                    db.execute(statement)
            if version != SCHEMA_VERSION:
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A transaction holding the write lock; commits on success, rolls back on error."""
        self._begin_immediate()
        try:
            yield self.connection
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    def _begin_immediate(self) -> None:
        try:
            self.connection.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) and "busy" not in str(error):
                raise
        if self.on_wait:
            self.on_wait(f"waiting for another trialdesk window or command that is saving to {self.path.name}…")
        self.connection.execute(f"PRAGMA busy_timeout = {int(WRITE_WAIT_SECONDS * 1000)}")
        try:
            self.connection.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError:
            raise DatabaseBusy(
                f"another trialdesk process kept {self.path} busy for {WRITE_WAIT_SECONDS:.0f} s; nothing was saved, try again"
            ) from None
        finally:
            self.connection.execute(f"PRAGMA busy_timeout = {FIRST_WAIT_MS}")

    def backup_to(self, target: Path) -> None:
        """A consistent copy of the database while it is in use (SQLite's online backup)."""
        target = Path(target)
        if target.exists():
            raise DatabaseError(f"{target} exists already; choose a new file name")
        _create_private(target)
        copy = sqlite3.connect(target)
        try:
            self.connection.backup(copy)
        finally:
            copy.close()


def _statements(script: str) -> Iterator[str]:
    """Split a migration into statements (triggers keep their inner semicolons)."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                yield buffer.strip()
            buffer = ""
