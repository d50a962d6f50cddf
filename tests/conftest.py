"""Shared test set-up.

Qt needs a platform before anything imports it; offscreen works with no display.
Sockets are blocked for every test by pytest-socket (see pyproject's addopts).
Every test gets its own data directory: nothing reads or writes the user's own.

`site_people` is a site with its people, made once (Argon2id hashing and key generation
are the slow parts) and copied into each test's own data directory by `site_dir`:
an administrator, a principal investigator, a sub-investigator and a coordinator, the
PI's delegation from 2026-01-01 (coordinator: enter; investigators: enter and sign), and
an identity enrolled to each investigator.

`_checks_remembered`: each test process remembers the passwords and passphrases it has already
checked. An Argon2id check costs 0.1 s and opening a PKCS#12 identity 0.15 s, and the suite made
more than a thousand of them with the same few pairs (a third of its time). The first check of
each pair in a process is the real one, a wrong password or passphrase is checked every time, and
the command-line tests, run as child processes, check for real: only a repeat of a check that
succeeded is answered from memory.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from datetime import date, datetime, timedelta, timezone  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from trialdesk.persistence.database import Database  # noqa: E402
from trialdesk.persistence.screening_store import ScreeningStore  # noqa: E402

BEIJING = timezone(timedelta(hours=8))


@pytest.fixture(scope="session", autouse=True)
def _checks_remembered() -> Iterator[None]:
    from functools import wraps

    from cryptography.hazmat.primitives.serialization import pkcs12

    from trialdesk.desk import passwords

    def remembered(check):
        succeeded: dict = {}

        @wraps(check)
        def again(*args):
            if args not in succeeded:
                result = check(*args)  # raises, or returns False, for a wrong one: never remembered
                if result is False:
                    return result
                succeeded[args] = result
            return succeeded[args]
        return again

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(passwords, "password_matches", remembered(passwords.password_matches))
        patch.setattr(pkcs12, "load_key_and_certificates", remembered(pkcs12.load_key_and_certificates))
        yield


@pytest.fixture(autouse=True)
def _own_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data_dir = tmp_path / "data"
    monkeypatch.setenv("TRIALDESK_DATA_DIR", str(data_dir))
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


@dataclass(frozen=True)
class Person:
    name: str
    password: str
    identity: bytes | None = None  # PKCS#12 enrolled to this person (investigators)


@dataclass(frozen=True)
class People:
    template: Path  # a data directory holding the site database with everyone in it
    admin: Person
    pi: Person
    sub_i: Person
    coordinator: Person
    passphrase: bytes  # opens every identity above


ADMIN = "Ada Admin"
PI = "Wang Li"
SUB_I = "Zhao Min"
COORDINATOR = "Chen Hua"
PASSWORD = "correct horse battery"  # everyone's, in tests
FIRST_PASSWORD = "given by the administrator"  # until each person chooses their own
PASSPHRASE = b"staple of the battery"
DELEGATED_FROM = date(2026, 1, 1)


@pytest.fixture(scope="session")
def site_people(tmp_path_factory: pytest.TempPathFactory) -> People:
    from trialdesk.desk import Site
    from trialdesk.domain.people import Role, Task
    from trialdesk.settings import AppSettings

    template = tmp_path_factory.mktemp("site-template")
    identities: dict[str, bytes] = {}
    with Site(AppSettings(data_dir=template), clock=Clock()) as site:
        admin = site.create_first_administrator(ADMIN, PASSWORD)
        for name, role in ((PI, Role.PRINCIPAL_INVESTIGATOR), (SUB_I, Role.SUB_INVESTIGATOR),
                           (COORDINATOR, Role.COORDINATOR)):
            admin.add_user(name, role, FIRST_PASSWORD)
            site.sign_in(name, FIRST_PASSWORD).change_password(FIRST_PASSWORD, PASSWORD)  # each chooses their own
        pi = site.sign_in(PI, PASSWORD)
        for name, tasks in ((PI, {Task.ENTER, Task.SIGN}), (SUB_I, {Task.ENTER, Task.SIGN}),
                            (COORDINATOR, {Task.ENTER})):
            pi.delegate(name, tasks, DELEGATED_FROM)
        for name in (PI, SUB_I):
            identities[name] = site.sign_in(name, PASSWORD).create_identity(PASSPHRASE)
    return People(template, Person(ADMIN, PASSWORD), Person(PI, PASSWORD, identities[PI]),
                  Person(SUB_I, PASSWORD, identities[SUB_I]), Person(COORDINATOR, PASSWORD), PASSPHRASE)


@pytest.fixture
def site_dir(site_people: People, _own_data_dir: Path) -> Path:
    """This test's data directory, holding a copy of the site with its people."""
    _own_data_dir.mkdir(parents=True, exist_ok=True)
    for item in site_people.template.iterdir():
        if item.is_file() and item.suffix == ".sqlite3":
            shutil.copy2(item, _own_data_dir / item.name)
    return _own_data_dir


@pytest.fixture
def open_site(site_dir: Path, clock: Clock):
    """Open the copied site; `open_site()` gives a Site, closed after the test."""
    from trialdesk.desk import Site
    from trialdesk.settings import AppSettings

    opened = []

    def opener(**kwargs):
        opened.append(Site(AppSettings(data_dir=site_dir, **kwargs), clock=clock))
        return opened[-1]

    yield opener
    for site in opened:
        site.close()
