"""Application settings, built once at start and passed down.

The data directory holds the site database, the site's own protocol files and the
error log. It defaults to the user's data directory (platformdirs) and is overridden
by `TRIALDESK_DATA_DIR` or the `--data-dir` option. Who works is never a setting: each
person signs in (`trialdesk.desk`). A plain dataclass: settings are read on the start-up
path, where a settings framework would cost more than the window itself.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DATABASE_NAME = "trialdesk.sqlite3"


def _default_data_dir() -> Path:
    configured = os.environ.get("TRIALDESK_DATA_DIR", "").strip()
    if configured:
        return Path(configured)
    from platformdirs import user_data_path

    return user_data_path("trialdesk", appauthor=False)


#: The window locks after this long without a key or a click (21 CFR 11.300; ICH E6(R3) Annex 1 §4.2).
DEFAULT_LOCK_AFTER_MINUTES = 15


@dataclass(frozen=True, slots=True)
class AppSettings:
    """Where the data lives, and how soon an idle window locks."""

    data_dir: Path = field(default_factory=_default_data_dir)
    lock_after_minutes: float = DEFAULT_LOCK_AFTER_MINUTES

    def __post_init__(self) -> None:
        # resolved once, at start: a relative folder means the one where trialdesk was started
        object.__setattr__(self, "data_dir", Path(self.data_dir).expanduser().absolute())

    @property
    def database_path(self) -> Path:
        return self.data_dir / DATABASE_NAME

    @property
    def protocol_dir(self) -> Path:
        """Protocol files the site has added: kept with the data so every screening can be reopened."""
        return self.data_dir / "protocols"
