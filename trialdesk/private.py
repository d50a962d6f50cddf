"""Files and folders readable by their owner only: they name subjects and hold signatures.

Everything trialdesk creates is 0600 (folders 0700) whatever the umask it was started under:
`restrict_umask` at start covers what libraries create (SQLite's journal, Qt's settings), and
the helpers here set the modes explicitly for what trialdesk writes itself.
"""

from __future__ import annotations

import os
from pathlib import Path

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


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> str:
    """A CSV cell a spreadsheet shows as text: one starting like a formula (=, +, -, @) is quoted
    with an apostrophe, so a reason typed as =HYPERLINK(...) never runs (CSV injection)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text
