"""Open the site's SQLite database safely, and run writes one at a time.

- Every committed change is durable: WAL with synchronous=FULL, so a commit that
  returned survives a crash or a power cut (https://sqlite.org/pragma.html#pragma_synchronous).
- Only trialdesk's own databases are opened: the file carries trialdesk's
  `PRAGMA application_id` and a schema version this program knows. A zero-byte file, a
  foreign SQLite database, a damaged file or one written by a newer trialdesk is refused and
  left untouched. Only a missing file is created, and it appears whole: it is built under a
  temporary name and linked into place once its schema is written.
- Opening never takes the write lock: the schema is upgraded only when it is old, in its own
  write transaction. Readers read during another process's write (WAL).
- A database on a read-only disk (or a file we may not write) opens read-only, and says so.
- The database and its WAL/SHM files are readable by their owner only (0600): SQLite
  gives the journal files the permissions of the database file.
- Writers take the write lock up front (BEGIN IMMEDIATE); a second process waits for
  the first, is told why, and gives up with a clear message after `WRITE_WAIT_SECONDS`.
"""

from __future__ import annotations

import os
import secrets
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from trialdesk.persistence.migrations import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION
from trialdesk.private import private_folder

SQLITE_HEADER = b"SQLite format 3\x00"
FIRST_WAIT_MS = 250
WRITE_WAIT_SECONDS = 30.0
#: Tables every trialdesk database has had since its first schema (how one from before
#: `application_id` was set is told from a foreign database).
FIRST_TABLES = frozenset({"screenings", "answers", "notes", "audit", "site_settings"})


class DatabaseError(Exception):
    """A database that cannot be used, with the reason in words."""


class DatabaseBusy(DatabaseError):
    """Another process held the write lock for longer than we wait."""


class DatabaseReadOnly(DatabaseError):
    """A change asked of a database that is open for reading only."""


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """A read-only connection that never creates or changes a file.

    `mode=ro` reads the WAL too; where the folder cannot hold the WAL index (read-only media) and
    no WAL file is left, the file is opened as immutable, which is what read-only media is."""
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, isolation_level=None,
                                 check_same_thread=False)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return connection
    except sqlite3.OperationalError:
        connection.close()
        wal = path.with_name(path.name + "-wal")
        if wal.exists() and wal.stat().st_size > 0:
            raise
    return sqlite3.connect(f"{path.as_uri()}?immutable=1", uri=True, isolation_level=None, check_same_thread=False)


def _probe(path: Path) -> sqlite3.Connection:
    """A connection for looking at a file before it is trusted: it writes nothing beside it.

    With no WAL file beside it, nobody has the database open, and it is read as immutable (no
    WAL index is made); otherwise read-only, which reads the WAL too."""
    if not path.with_name(path.name + "-wal").exists():
        return sqlite3.connect(f"{path.as_uri()}?immutable=1", uri=True, isolation_level=None)
    return _connect_read_only(path)


def _identify(path: Path) -> int:
    """The schema version of a trialdesk database; refuses, untouched, anything else."""
    with path.open("rb") as handle:
        header = handle.read(100)  # the database header (https://sqlite.org/fileformat.html#the_database_header)
    if not header:
        raise DatabaseError(f"{path} is empty (0 bytes): it is not a trialdesk database; it was left untouched. "
                            "Move it away to start a new site database there, or choose another data folder")
    if not header.startswith(SQLITE_HEADER) or len(header) < 100:
        raise DatabaseError(f"{path} is not a trialdesk database (not an SQLite file); it was left untouched")
    header_version = int.from_bytes(header[60:64], "big")
    header_application = int.from_bytes(header[68:72], "big")
    if header_application != APPLICATION_ID and not (header_application == 0 and 0 < header_version < 4):
        # told from the header alone: SQLite never opens another program's file, so nothing is made beside it
        raise DatabaseError(f"{path} is an SQLite database of another program, not trialdesk's; it was left untouched")
    try:
        probe = _probe(path)
        try:
            application_id = probe.execute("PRAGMA application_id").fetchone()[0]
            version = probe.execute("PRAGMA user_version").fetchone()[0]
            tables = {row[0] for row in probe.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if probe.execute("PRAGMA quick_check(1)").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError("quick_check failed")
        finally:
            probe.close()
    except sqlite3.DatabaseError as error:
        raise DatabaseError(f"{path} is damaged and cannot be opened ({error}); it was left untouched") from None
    ours = application_id == APPLICATION_ID or (application_id == 0 and 0 < version < 4 and FIRST_TABLES <= tables)
    if not ours:
        raise DatabaseError(f"{path} is an SQLite database of another program, not trialdesk's; it was left untouched")
    if version > SCHEMA_VERSION:
        raise DatabaseError(
            f"{path} was written by a newer version of trialdesk (database schema {version}, "
            f"this program knows up to {SCHEMA_VERSION}); use that version or newer"
        )
    return version


def _writable(path: Path) -> bool:
    """Whether SQLite can write the file and its journals beside it (not read-only media)."""
    try:
        if os.statvfs(path.parent).f_flag & os.ST_RDONLY:
            return False
    except (AttributeError, OSError):  # no statvfs (Windows): access() tells
        pass
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _create_private(path: Path) -> None:
    private_folder(path.parent)
    if not path.exists():
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    if os.name == "posix":
        os.chmod(path, 0o600)


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _migrate(connection: sqlite3.Connection, version: int) -> None:
    """Upgrade an old schema in one write transaction (re-read inside it: another process may
    have upgraded it meanwhile)."""
    connection.execute("BEGIN IMMEDIATE")
    try:
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        for index in range(version, SCHEMA_VERSION):
            for statement in _statements(MIGRATIONS[index]):
                connection.execute(statement)
        if version != SCHEMA_VERSION:
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def _create(path: Path) -> None:
    """A new, empty site database, appearing whole under its name (never half-made)."""
    private_folder(path.parent)
    draft = path.with_name(f".{path.name}.new-{os.getpid()}-{secrets.token_hex(4)}")
    os.close(os.open(draft, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    try:
        connection = sqlite3.connect(draft, isolation_level=None)
        try:
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = FULL")
            _migrate(connection, 0)
        finally:
            connection.close()
        with draft.open("rb+") as handle:
            os.fsync(handle.fileno())
        try:
            os.link(draft, path)  # never replaces: a database another process created first is kept
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links
            if not path.exists():
                os.replace(draft, path)
        _fsync_folder(path.parent)
    finally:
        for leftover in (draft, draft.with_name(draft.name + "-wal"), draft.with_name(draft.name + "-shm")):
            leftover.unlink(missing_ok=True)


class Database:
    """One connection to the site database, with write transactions that wait politely.

    `create`: make the database when the file is missing (the window, `site init`); otherwise
    a missing file is refused. `read_only` says whether it was opened for reading only."""

    def __init__(self, path: Path, on_wait: Callable[[str], None] | None = None, *, create: bool = True) -> None:
        self.path = Path(path).absolute()
        self.on_wait = on_wait
        if not self.path.exists():
            if not create:
                raise DatabaseError(f"there is no site database in {self.path.parent} "
                                    "(set one up with `trialdesk site init`, or check --data-dir)")
            _create(self.path)
        version = _identify(self.path)
        self._full = None  # the StorageFailed that made a full disk open read-only
        self.read_only = not _writable(self.path)
        if self.read_only:
            if version != SCHEMA_VERSION:
                raise DatabaseError(f"{self.path} was written by an older trialdesk and must be upgraded, which "
                                    "cannot be done where it is (read-only); copy it to a writable disk first")
            self.connection = _connect_read_only(self.path)
            self.connection.execute(f"PRAGMA busy_timeout = {FIRST_WAIT_MS}")
            return
        if os.name == "posix":
            os.chmod(self.path, 0o600)
        journals = [self.path.with_name(self.path.name + suffix) for suffix in ("-wal", "-shm")]
        in_use = any(j.exists() for j in journals)
        self.connection = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        try:
            self.connection.execute(f"PRAGMA busy_timeout = {FIRST_WAIT_MS}")
            if self.connection.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                self.connection.execute("PRAGMA journal_mode = WAL")
            self.connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError as error:
            # a full disk cannot hold the WAL index: what is stored can still be read, nothing saved
            from trialdesk.persistence.storage_errors import storage_failure

            self.connection.close()
            failure = storage_failure(error, self.path.parent)
            if failure is None or version != SCHEMA_VERSION or in_use:
                raise failure or error from None
            for journal in journals:  # the empty ones this attempt made; nobody else had it open
                journal.unlink(missing_ok=True)
            self.read_only, self._full = True, failure
            self.connection = sqlite3.connect(f"{self.path.as_uri()}?immutable=1", uri=True, isolation_level=None,
                                              check_same_thread=False)
            return
        self.connection.execute("PRAGMA synchronous = FULL")
        self.connection.execute("PRAGMA foreign_keys = ON")
        if version != SCHEMA_VERSION:
            _migrate(self.connection, version)

    @property
    def read_only_notice(self) -> str | None:
        """What to tell the person when the database is open for reading only."""
        if not self.read_only:
            return None
        if self._full is not None:
            return f"the disk holding {self.path.parent} is full: {self.path.name} is open for reading only"
        return f"{self.path} is on a read-only disk (or may not be written): it is open for reading only"

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return self.connection.execute("PRAGMA user_version").fetchone()[0]

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """One consistent snapshot for several reads (inside a write, that write's own view)."""
        if self.connection.in_transaction:
            yield self.connection
            return
        self.connection.execute("BEGIN DEFERRED")
        try:
            yield self.connection
        finally:
            if self.connection.in_transaction:
                self.connection.execute("COMMIT")

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """A transaction holding the write lock; commits on success, rolls back on error.

        A full or failing disk (at BEGIN, in a statement or at COMMIT) is raised as `StorageFailed`
        naming the database's folder: nothing of the transaction was saved."""
        from trialdesk.persistence.storage_errors import storage_failure

        try:
            self._begin_immediate()
        except sqlite3.Error as error:
            failure = storage_failure(error, self.path.parent)
            if failure is None:
                raise
            raise failure from error
        try:
            yield self.connection
            self.connection.execute("COMMIT")
        except BaseException as error:
            if self.connection.in_transaction:  # SQLite may have rolled a failed COMMIT back already
                try:
                    self.connection.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
            failure = storage_failure(error, self.path.parent)
            if failure is None or failure is error:
                raise
            raise failure from error

    def _begin_immediate(self) -> None:
        if self._full is not None:
            raise self._full  # the disk is full: nothing was saved
        if self.read_only:
            raise DatabaseReadOnly(f"{self.read_only_notice}: nothing was saved")
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
        """A consistent copy of the database while it is in use (SQLite's online backup), written whole
        or not at all: into a temporary file beside `target`, synced, then given its name. An existing
        file is never overwritten; a full or failing disk raises `StorageFailed` and leaves no file."""
        from trialdesk.persistence.storage_errors import storage_failure
        from trialdesk.private import finish_whole, temporary_beside

        target = Path(target)
        exists = DatabaseError(f"{target} exists already; choose a new file name")
        try:
            temporary = temporary_beside(target)
            try:
                copy = sqlite3.connect(temporary)
                try:
                    self.connection.backup(copy)
                finally:
                    copy.close()
            except BaseException:
                for leftover in (temporary, temporary.with_name(temporary.name + "-journal")):
                    leftover.unlink(missing_ok=True)
                raise
            finish_whole(temporary, target)
        except FileExistsError:
            raise exists from None
        except (OSError, sqlite3.Error) as error:
            failure = storage_failure(error, target.parent)
            if failure is None:
                raise
            raise failure from error


def _statements(script: str) -> Iterator[str]:
    """Split a migration into statements (triggers keep their inner semicolons)."""
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                yield buffer.strip()
            buffer = ""
