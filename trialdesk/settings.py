"""Application settings, built once at start and passed down.

The data directory holds the site database, the site's own protocol files and the
error log. It defaults to the user's data directory (platformdirs) and is overridden
by `TRIALDESK_DATA_DIR` or the `--data-dir` option.
"""

from __future__ import annotations

import getpass
from pathlib import Path

from platformdirs import user_data_path
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

DATABASE_NAME = "trialdesk.sqlite3"


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name on some service accounts
        return "unknown user"


class AppSettings(BaseSettings):
    """Where the data lives and who is working."""

    model_config = SettingsConfigDict(env_prefix="TRIALDESK_", frozen=True)

    data_dir: Path = Field(default_factory=lambda: user_data_path("trialdesk", appauthor=False))
    user: str = Field(default_factory=_login_name)

    @property
    def database_path(self) -> Path:
        return self.data_dir / DATABASE_NAME

    @property
    def protocol_dir(self) -> Path:
        """Protocol files the site has added: kept with the data so every screening can be reopened."""
        return self.data_dir / "protocols"
