"""How versions of a protocol are named in a protocol folder (cheap: no file is read).

In a protocol folder (the program's bundled one, and the site's own in the data directory),
`ID.yaml` and any number of `ID@LABEL.yaml` are versions of protocol ID (LABEL is letters,
digits, `-` and `_`, e.g. `NCT03798028@amendment-2.yaml`). A version's translation overlays and
example subjects sit beside it under its own name (`ID@LABEL.zh_CN.yaml`, `ID@LABEL.tests.yaml`),
so a name with a dot before `.yaml` is never a version itself.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from pathlib import Path

from trialdesk.resources import resource_root

#: between a protocol id and a version's label in a file name: `ID@LABEL.yaml`.
VERSION_MARK = "@"
#: the folder, inside the site's protocol folder, that keeps the exact file each screening started
#: under, as `by-sha256/<SHA-256>/ID.yaml` (with its overlays).
KEPT_FOLDER = "by-sha256"
_LABEL = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def file_sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def bundled_folder() -> Path:
    return resource_root() / "protocols"


def named_id(path: Path) -> str:
    """The protocol id a version file's name gives."""
    return path.name[:-len(".yaml")].partition(VERSION_MARK)[0]


def version_files(folder: Path) -> dict[str, list[Path]]:
    """The version files in a folder by protocol id, in name order (overlays and other files left out)."""
    found: dict[str, list[Path]] = {}
    if not folder.is_dir():
        return found
    for path in sorted(folder.glob("*.yaml")):
        stem = path.name[:-len(".yaml")]
        protocol_id, mark, label = stem.partition(VERSION_MARK)
        if "." in stem or not protocol_id or (mark and not _LABEL.match(label)):
            continue
        found.setdefault(protocol_id, []).append(path)
    return found


def protocol_ids(folders: Sequence[Path]) -> list[str]:
    """Every protocol id with a version in `folders`, the first folder's first."""
    ids: dict[str, None] = {}
    for folder in folders:
        ids.update(dict.fromkeys(version_files(folder)))
    return list(ids)
