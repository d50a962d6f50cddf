"""Files and folders readable by their owner only: they name subjects and hold signatures.

Everything trialdesk creates is 0600 (folders 0700) whatever the umask it was started under:
`restrict_umask` at start covers what libraries create (SQLite's journal, Qt's settings), and
the helpers here set the modes explicitly for what trialdesk writes itself.

Worksheets, exports and backups are written whole or not at all (`write_whole`): a full disk
or a crash never leaves a truncated file under the final name.
"""

from __future__ import annotations

import errno
import io
import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, TextIO, TypeVar

T = TypeVar("T")

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


def restrict_umask() -> None:
    os.umask(0o077)


def private_folder(path: Path) -> Path:
    """Make `path` (and any missing parents) as private folders."""
    path = Path(path)
    missing = []
    probe = path
    while not probe.exists():
        missing.append(probe)
        if probe.parent == probe:
            break
        probe = probe.parent
    for folder in reversed(missing):
        folder.mkdir(mode=PRIVATE_FOLDER, exist_ok=True)
        if os.name == "posix":
            os.chmod(folder, PRIVATE_FOLDER)
    return path


def open_private(path: Path, mode: str = "w", **kwargs):
    """Open a file for writing (created 0600); text modes take open()'s keyword arguments."""
    path = Path(path)
    private_folder(path.parent)
    flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if "a" in mode else os.O_EXCL if "x" in mode else os.O_TRUNC)
    mode = mode.replace("x", "w")
    descriptor = os.open(path, flags, PRIVATE_FILE)
    if os.name == "posix":
        os.fchmod(descriptor, PRIVATE_FILE)
    return os.fdopen(descriptor, mode, **kwargs)


def _sync_folder(folder: Path) -> None:
    """Make a rename or a new name in `folder` durable (POSIX; Windows has no folder handle to sync)."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def write_whole(path: Path, data: bytes | Callable[[BinaryIO], object], *, replace: bool = False) -> Path:
    """Write a file whole or not at all (created 0600, like `open_private`).

    The bytes (or what `data(out)` writes into the binary file it is given) go to a temporary file
    in the same folder, which is flushed and fsync'd, then renamed into place, and the folder is
    fsync'd. With `replace=False` an existing file is never overwritten: FileExistsError, checked
    before anything is written and again, atomically, when the file takes its name (os.link).
    On any failure the temporary file is removed and nothing is left under `path`; the error is
    raised as it came (an OSError names `path` when the system named no file)."""
    path = Path(path)
    temporary = temporary_beside(path, replace=replace)
    try:
        with open(temporary, "r+b") as out:
            if callable(data):
                data(out)
            else:
                out.write(data)
            out.flush()
            os.fsync(out.fileno())  # on this descriptor: a write-back error is reported to it
    except BaseException as error:
        _remove(temporary)
        if isinstance(error, OSError):
            _name(error, path)
        raise
    return finish_whole(temporary, path, replace=replace, synced=True)


def write_whole_text(path: Path, write: Callable[[TextIO], T], *, encoding: str = "utf-8", newline: str | None = None,
                     replace: bool = False) -> T:
    """`write_whole` for text: `write(out)` writes into a text file; returns what it returns."""
    results: list[T] = []

    def binary(out: BinaryIO) -> None:
        text = io.TextIOWrapper(out, encoding=encoding, newline=newline)
        try:
            results.append(write(text))
            text.flush()
        finally:
            text.detach()  # the binary file is `write_whole`'s to sync and close

    write_whole(path, binary, replace=replace)
    return results[0]


def temporary_beside(path: Path, *, replace: bool = False) -> Path:
    """A new, empty private file in `path`'s folder, to be written and then given its name by
    `finish_whole`. Refuses at once (FileExistsError) when `path` exists and may not be replaced."""
    path = Path(path)
    folder = private_folder(path.parent)
    if not replace and os.path.lexists(path):
        raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path))
    from secrets import token_hex

    temporary = folder / f".{path.name}.{token_hex(6)}.partial"
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                             PRIVATE_FILE)
    except OSError as error:
        raise _name(error, path)
    try:
        if os.name == "posix":
            os.fchmod(descriptor, PRIVATE_FILE)
    finally:
        os.close(descriptor)
    return temporary


def finish_whole(temporary: Path, path: Path, *, replace: bool = False, synced: bool = False) -> Path:
    """fsync the written `temporary` (unless `synced` already), give it the name `path` (never over an
    existing file unless `replace`) and fsync the folder. On failure the temporary file is removed and
    `path` is as it was."""
    path = Path(path)
    placed = False
    try:
        if not synced:
            descriptor = os.open(temporary, os.O_RDWR | getattr(os, "O_BINARY", 0))
            try:
                os.fsync(descriptor)
            finally:
                os.close(descriptor)
        if replace:
            os.replace(temporary, path)
        else:
            _link_new(temporary, path)
        placed = True
        _sync_folder(path.parent)
    except OSError as error:
        raise _name(error, path)
    finally:
        if not placed:
            _remove(temporary)
    return path


def _name(error: OSError, path: Path) -> OSError:
    """A failed write or fsync names no file: name the one it was for (the message says where)."""
    if error.filename is None or str(error.filename).endswith(".partial"):
        error.filename = str(path)
    return error


def _remove(temporary: Path) -> None:
    try:
        os.unlink(temporary)
    except OSError:
        pass


_NO_HARD_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS, errno.EXDEV}


def _link_new(temporary: Path, path: Path) -> None:
    """Give the finished file its final name only if that name is free (never overwrites)."""
    try:
        os.link(temporary, path)
    except OSError as error:
        if isinstance(error, FileExistsError) or error.errno not in _NO_HARD_LINKS:
            raise
        # a file system without hard links (FAT, some shares): Windows' rename refuses an existing name
        if os.path.lexists(path):
            raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(path)) from None
        os.rename(temporary, path)
        return
    try:
        os.unlink(temporary)  # the file now has its final name; the temporary one goes
    except OSError:
        pass


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> str:
    """A CSV cell a spreadsheet shows as text: one starting like a formula (=, +, -, @) is quoted
    with an apostrophe, so a reason typed as =HYPERLINK(...) never runs (CSV injection)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text
