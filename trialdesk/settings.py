"""Application settings, built once at start and passed down.

The data directory holds the site database, the site's own protocol files and the
error log. It defaults to the user's data directory (platformdirs) and is overridden
by `TRIALDESK_DATA_DIR` or the `--data-dir` option; `TRIALDESK_USER` names who works
(default: the login name). A plain dataclass: settings are read on the start-up path,
where a settings framework would cost more than the window itself.
"""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass, field
from pathlib import Path

DATABASE_NAME = "trialdesk.sqlite3"


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name on some service accounts
        return "unknown user"


def _default_data_dir() -> Path:
    configured = os.environ.get("TRIALDESK_DATA_DIR", "").strip()
    if configured:
        return Path(configured)
    from platformdirs import user_data_path

    return user_data_path("trialdesk", appauthor=False)


def _default_user() -> str:
    return os.environ.get("TRIALDESK_USER", "").strip() or _login_name()


@dataclass(frozen=True, slots=True)
class AppSettings:
    """Where the data lives and who is working."""

    data_dir: Path = field(default_factory=_default_data_dir)
    user: str = field(default_factory=_default_user)

    @property
    def database_path(self) -> Path:
        return self.data_dir / DATABASE_NAME

    @property
    def protocol_dir(self) -> Path:
        """Protocol files the site has added: kept with the data so every screening can be reopened."""
        return self.data_dir / "protocols"
