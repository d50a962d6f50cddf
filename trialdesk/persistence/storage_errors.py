"""A full, read-only or failing disk, said in words: never an "unexpected error".

SQLite reports a full disk as `sqlite3.OperationalError("database or disk is full")`
(SQLITE_FULL) and a failing one as "disk I/O error" (SQLITE_IOERR); the file system reports
ENOSPC, EDQUOT, EROFS or EIO. `storage_failure` turns any of them into a `StorageFailed`
naming the folder whose disk it is, a `StoreError` like the store's other refusals, so the
command line and the window show it the way they show those, and the command exits 2.
"""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from trialdesk.persistence.errors import StoreError

if TYPE_CHECKING:
    from trialdesk.messages import Messages

FULL, READ_ONLY, IO_ERROR = "disk_full", "disk_read_only", "disk_io_error"

_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_ERRNO_KINDS = {**{n: FULL for n in _FULL_ERRNOS}, errno.EROFS: READ_ONLY, errno.EIO: IO_ERROR}
_SQLITE_KINDS = (  # by the result code where Python gives it (3.11+), else by SQLite's own words
    ("SQLITE_FULL", "database or disk is full", FULL),
    ("SQLITE_IOERR", "disk i/o error", IO_ERROR),
)


class StorageFailed(StoreError):
    """The disk holding `folder` is full, read-only or failing; `code` is one of FULL, READ_ONLY, IO_ERROR."""

    def __init__(self, code: str, folder: Path | str) -> None:
        super().__init__(code, folder=str(folder))
        self.folder = Path(folder)

    @property
    def kind(self) -> str:
        """The state of the disk without the outcome: the key `disk.KIND` words it ("the disk holding … is full")."""
        return self.code.removeprefix("disk_")

    def __str__(self) -> str:
        from trialdesk.messages import Messages

        return Messages().store_error(self.code, self.params)


def storage_kind(error: BaseException) -> str | None:
    """FULL, READ_ONLY or IO_ERROR when `error` (or what caused it) is a disk failing, else None."""
    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, StorageFailed):
            return error.code
        if isinstance(error, OSError) and error.errno in _ERRNO_KINDS:
            return _ERRNO_KINDS[error.errno]
        if isinstance(error, sqlite3.Error):
            name = getattr(error, "sqlite_errorname", "") or ""
            text = str(error).lower()
            for code_name, words, kind in _SQLITE_KINDS:
                if name.startswith(code_name) or words in text:
                    return kind
        # what caused it: an error raised `from None` was put in words on purpose, and stays as it is
        error = error.__cause__ if error.__cause__ is not None or error.__suppress_context__ else error.__context__
    return None


def storage_failure(error: BaseException, folder: Path | str | None = None) -> StorageFailed | None:
    """The `StorageFailed` that `error` is, or None for any other error.

    The folder is the one the error names (an OSError's file), else `folder` (the database's)."""
    if isinstance(error, StorageFailed):
        return error
    kind = storage_kind(error)
    if kind is None:
        return None
    named = getattr(error, "filename", None)
    if named:
        named_path = Path(named)
        where = named_path if named_path.is_dir() else named_path.parent
    else:
        where = Path(folder) if folder is not None else Path.cwd()
    if kind == IO_ERROR and _nearly_full(where):  # SQLite says "disk I/O error" when it cannot grow its -shm file
        kind = FULL
    return StorageFailed(kind, where.absolute())


NEARLY_FULL = 1 << 20  # less free than this and a failed write is taken for a full disk


def _nearly_full(folder: Path) -> bool:
    import shutil

    probe = Path(folder)
    while not probe.exists() and probe.parent != probe:
        probe = probe.parent
    try:
        return shutil.disk_usage(probe).free < NEARLY_FULL
    except OSError:
        return False


def write_problem(words: Messages, error: BaseException, folder: Path | str | None = None) -> str:
    """Why a file could not be written, without the outcome ("the disk holding … is full")."""
    failure = storage_failure(error, folder)
    if failure is not None:
        return words.t(f"disk.{failure.kind}", folder=str(failure.folder))
    named = getattr(error, "filename", None) or folder or ""
    return words.t("disk.other", file=str(named), error=getattr(error, "strerror", None) or type(error).__name__)
