"""Shared test set-up.

Qt needs a platform before anything imports it; offscreen works with no display.
Sockets are blocked for every test by pytest-socket (see pyproject's addopts).
Every test gets its own data directory: nothing reads or writes the user's own.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from datetime import datetime, timedelta, timezone  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from trialdesk.persistence.database import Database  # noqa: E402
from trialdesk.persistence.screening_store import ScreeningStore  # noqa: E402

BEIJING = timezone(timedelta(hours=8))


@pytest.fixture(autouse=True)
def _own_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data_dir = tmp_path / "data"
    monkeypatch.setenv("TRIALDESK_DATA_DIR", str(data_dir))
    monkeypatch.setenv("TRIALDESK_USER", "coordinator")
    return data_dir


class Clock:
    """A clock that advances one second a reading, in Beijing time."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 20, 9, 0, tzinfo=BEIJING)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    with Database(tmp_path / "site.sqlite3") as db:
        yield db


@pytest.fixture
def store(database: Database) -> ScreeningStore:
    return ScreeningStore(database)
