"""The command line signed in as a person of the shared test site (tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import COORDINATOR, PASSWORD


@pytest.fixture
def password_file(tmp_path: Path) -> Path:
    path = tmp_path / "password.txt"
    path.write_text(PASSWORD + "\n", encoding="utf-8")
    return path


@pytest.fixture
def as_user(site_dir: Path, password_file: Path) -> Callable[[str], list[str]]:
    """The global options that sign a command in as NAME (default: the coordinator)."""

    def options(name: str = COORDINATOR) -> list[str]:
        return ["--user", name, "--password-file", str(password_file)]

    return options
