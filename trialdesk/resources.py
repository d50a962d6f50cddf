"""Where the program's own files are: the one module that knows source from frozen.

PyInstaller's bootloader sets `sys._MEIPASS` to the folder a bundle unpacked into;
from a source checkout the resources sit beside the package.
"""

from __future__ import annotations

import sys
from pathlib import Path


def resource_root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(relative: str) -> Path:
    """A bundled resource; raises FileNotFoundError naming what exists beside it."""
    path = resource_root() / relative
    if not path.exists():
        known = sorted(p.name for p in path.parent.glob("*")) if path.parent.is_dir() else []
        raise FileNotFoundError(f"no resource {relative!r}; found {known}")
    return path


def protocol_files(folder: Path) -> dict[str, Path]:
    """Protocol files in a folder by protocol id (the file name without .yaml); translation
    overlays (ID.LANG.yaml) are not protocols of their own, and other versions of a protocol
    (ID@LABEL.yaml) are found through `trialdesk.persistence.protocol_versions`."""
    return {p.stem: p for p in sorted(folder.glob("*.yaml")) if "." not in p.stem and "@" not in p.stem}


def bundled_protocols() -> dict[str, Path]:
    return protocol_files(resource_root() / "protocols")
