"""People in the site database: accounts, the delegation log, certificates, and a database from before them."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from tests.conftest import ADMIN, COORDINATOR, PASSWORD, PI
from trialdesk.desk import Refused, StoreError
from trialdesk.domain.people import Task
from trialdesk.persistence import audit_trail
from trialdesk.persistence.database import Database, _statements
from trialdesk.persistence.migrations import MIGRATIONS


def test_passwords_are_kept_as_argon2id_hashes_only(open_site, site_dir):
    site = open_site()
    site.close()
    raw = site_dir.joinpath("trialdesk.sqlite3").read_bytes()
    assert PASSWORD.encode() not in raw
    with sqlite3.connect(site_dir / "trialdesk.sqlite3") as db:
        hashes = [h for (h,) in db.execute("SELECT password_hash FROM accounts")]
    assert len(hashes) == 4 and all(h.startswith("$argon2id$v=19$m=65536,t=3,p=4$") for h in hashes)
    assert len(set(hashes)) == 4  # salted: the same password gives four different hashes


def test_an_account_is_never_renamed_or_deleted_and_the_delegation_log_keeps_its_history(open_site, site_dir):
    open_site().close()
    with sqlite3.connect(site_dir / "trialdesk.sqlite3") as db:
        with pytest.raises(sqlite3.IntegrityError, match="never changed"):
            db.execute("UPDATE accounts SET name = 'Someone Else' WHERE name = ?", (PI,))
        with pytest.raises(sqlite3.IntegrityError, match="never deleted"):
            db.execute("DELETE FROM accounts WHERE name = ?", (COORDINATOR,))
        with pytest.raises(sqlite3.IntegrityError, match="history"):
            db.execute("DELETE FROM delegation_log")
        with pytest.raises(sqlite3.IntegrityError, match="revoked, never deleted"):
            db.execute("DELETE FROM certificates")


def test_a_name_is_given_once_and_only_the_first_administrator_is_made_without_signing_in(open_site):
    site = open_site()
    with pytest.raises(StoreError) as raised:
        site.create_first_administrator("Eve Intruder", PASSWORD)
    assert raised.value.code == "site_initialised"
    admin = site.sign_in(ADMIN, PASSWORD)
    with pytest.raises(StoreError) as raised:
        admin.add_user(f"  {PI} ", "coordinator", PASSWORD)  # the same name, spaced differently
    assert raised.value.code == "account_exists"


def test_delegation_history_is_kept_and_read_by_date(open_site):
    site = open_site()
    pi = site.sign_in(PI, PASSWORD)
    pi.end_delegation(COORDINATOR, date(2026, 6, 30))
    pi.delegate(COORDINATOR, {Task.ENTER}, date(2026, 9, 1), date(2026, 12, 31))
    coordinator = site.sign_in(COORDINATOR, PASSWORD)
    entries = [e for e in site.delegation_log() if e.person == COORDINATOR]
    assert [(e.starts, e.ends, e.ended_by) for e in entries] == [
        (date(2026, 1, 1), date(2026, 6, 30), PI), (date(2026, 9, 1), date(2026, 12, 31), None)]
    assert coordinator.delegation_entry(date(2026, 7, 15)) is None
    assert coordinator.delegation_entry(date(2026, 3, 1)).ends == date(2026, 6, 30)
    assert coordinator.delegation_entry(date(2026, 11, 20)).starts == date(2026, 9, 1)
    actions = [(e.actor, e.action, e.target) for e in site.history()]
    assert (PI, "delegation_ended", COORDINATOR) in actions and (PI, "delegation_added", COORDINATOR) in actions


def test_work_without_data_entry_delegation_opens_read_only(open_site, site_people):
    from tests.ui.conftest import example

    site = open_site()
    coordinator = site.sign_in(COORDINATOR, PASSWORD)
    data = example("eligible")
    session = coordinator.start_screening(site.protocol("NCT03798028"),
                                          {**data["subject"], "screening_date": data["screening_date"]}, data["facts"])
    site.sign_in(PI, PASSWORD).end_delegation(COORDINATOR, date(2026, 10, 31))
    reopened = coordinator.open(session.screening.id)
    assert reopened.read_only
    with pytest.raises(Refused) as raised:
        reopened.record_fact("esr", {"value": 30, "unit": "mm/h"}, reason="lab")
    assert raised.value.code == "not_delegated"
    with pytest.raises(Refused):
        coordinator.start_screening(site.protocol("NCT03798028"), {**data["subject"], "screening_number": "S-2",
                                                                   "screening_date": data["screening_date"]})


def _version_2_database(path) -> None:
    """A database as the version before named users wrote it: name-only delegation, names as typed."""
    db = sqlite3.connect(path, isolation_level=None)
    for script in MIGRATIONS[:2]:
        for statement in _statements(script):
            db.execute(statement)
    db.execute("PRAGMA user_version = 2")
    db.execute("INSERT INTO delegation (name, role, added_at, added_by) VALUES ('Wang Li', 'principal_investigator', "
               "'2026-10-01T09:00:00+08:00', 'clinic-pc')")
    from datetime import datetime, timedelta, timezone

    at = datetime(2026, 10, 1, 9, tzinfo=timezone(timedelta(hours=8)))
    db.execute("BEGIN")
    audit_trail.append(db, at=at, actor="clinic-pc", action="delegation", target="Wang Li", new="principal_investigator")
    db.execute("COMMIT")
    db.close()


def test_an_older_database_migrates_keeping_its_names_marked_as_before_named_users(tmp_path, clock):
    from trialdesk.desk import Site
    from trialdesk.settings import AppSettings

    _version_2_database(tmp_path / "trialdesk.sqlite3")
    with Site(AppSettings(data_dir=tmp_path), clock=clock) as site:
        assert site.needs_first_administrator()
        admin = site.create_first_administrator(ADMIN, PASSWORD)
        old, new = site.history()[0], site.history()[-1]
        assert old.actor == "clinic-pc" and site.before_named_users(old)
        assert new.actor == ADMIN and not site.before_named_users(new)
        assert site.legacy_delegation() == [("Wang Li", "principal_investigator", "2026-10-01T09:00:00+08:00",
                                            "clinic-pc", 1)]
        assert site.delegation_log() == []  # the old list gives no authority: the PI delegates again
        assert site.verify_audit().intact
        assert admin.person.name == ADMIN
    with Database(tmp_path / "trialdesk.sqlite3") as reopened:
        assert reopened.schema_version == len(MIGRATIONS)
