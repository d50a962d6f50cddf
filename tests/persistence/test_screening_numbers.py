"""A screening number names one screening per protocol and site, held by the database itself."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timezone

import pytest

from trialdesk.domain.log import ScreeningStatus
from trialdesk.domain.screening import Subject
from trialdesk.messages import Messages
from trialdesk.persistence import integrity
from trialdesk.persistence.database import Database
from trialdesk.persistence.migrations import MIGRATIONS, SCHEMA_VERSION
from trialdesk.persistence.screening_store import Numbered, ScreeningStore, StoreError

AT = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.utc)


def create(store: ScreeningStore, number: str = "01-001", protocol: str = "P1", site: str = "01", **changes):
    subject = Subject(screening_number=number, initials="ZS", date_of_birth=date(1970, 1, 1), sex="female",
                      screening_date=date(2026, 11, 20), consent_date=date(2026, 11, 19), consent_version="1.0")
    return store.create(protocol_id=protocol, protocol_version="1", site=site, subject=subject, answers={},
                        status=ScreeningStatus.IN_PROGRESS, failed_criteria=(), actor="coordinator", at=AT,
                        edit_session="s", **changes)


def test_a_number_used_again_for_the_protocol_at_the_site_is_refused_naming_all_three(store):
    create(store)
    with pytest.raises(StoreError) as raised:
        create(store)
    assert raised.value.code == "duplicate_screening_number"
    assert raised.value.params == {"value": "01-001", "protocol": "P1", "site": "01"}
    text = Messages().store_error(raised.value.code, raised.value.params)
    assert "01-001" in text and "protocol P1" in text and "site 01" in text
    assert store.database.connection.execute("SELECT count(*) FROM screenings").fetchone()[0] == 1


def test_the_same_number_under_another_protocol_or_at_another_site_is_allowed(store):
    create(store)
    create(store, protocol="P2")
    create(store, site="02")
    assert store.database.connection.execute("SELECT count(*) FROM screenings").fetchone()[0] == 3


def test_a_correction_keeps_its_screenings_number(store):
    first = create(store)
    store.database.connection.execute("UPDATE screenings SET status = 'signed' WHERE id = ?", (first.id,))
    corrected = create(store, supersedes=store.load(first.id), correction_reason="typo")
    assert (corrected.version, corrected.subject.screening_number) == (2, "01-001")
    assert store.find("01-001").id == corrected.id  # one screening: its newest version


def test_the_database_refuses_a_duplicate_written_past_the_store(store):
    create(store)
    db = store.database.connection
    row = ("P1", "1", "01", "01-001", 7, "ZS", "1970-01-01", "female", "2026-11-20", "2026-11-19", "1.0",
           "in_progress", AT.isoformat(), "someone")
    insert = ("INSERT INTO screenings (protocol_id, protocol_version, site, screening_number, version, initials, "
              "date_of_birth, sex, screening_date, consent_date, consent_version, status, created_at, created_by{}) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?{})")
    with pytest.raises(sqlite3.IntegrityError, match="screening_number"):
        db.execute(insert.format("", ""), row)  # another version number does not make it another screening
    with pytest.raises(sqlite3.IntegrityError, match="used once per protocol and site"):
        db.execute(insert.format(", number_reused", ", ?"), (*row, 99))  # nor a mark of a legacy reuse


def _legacy_database(path):
    """A schema-5 database holding the number 01-001 twice for P1 at site 01 (written in by hand), and
    a corrected screening 01-002."""
    old = sqlite3.connect(path, isolation_level=None)
    for script in MIGRATIONS[:5]:
        old.executescript(script)
    old.execute("PRAGMA user_version = 5")
    columns = ("protocol_id, protocol_version, site, screening_number, version, supersedes, initials, date_of_birth, "
               "sex, screening_date, consent_date, consent_version, status, created_at, created_by")
    for number, version, supersedes, status in (("01-001", 1, None, "in_progress"), ("01-002", 1, None, "superseded"),
                                                ("01-002", 2, 2, "in_progress"), ("01-001", 2, None, "in_progress")):
        old.execute(f"INSERT INTO screenings ({columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    ("P1", "1", "01", number, version, supersedes, "ZS", "1970-01-01", "female", "2026-11-20",
                     "2026-11-19", "1.0", status, AT.isoformat(), "coordinator"))
    old.close()


def test_a_database_already_holding_a_number_twice_opens_marks_and_reports_it(tmp_path):
    path = tmp_path / "legacy.sqlite3"
    _legacy_database(path)
    with Database(path) as database:
        assert database.schema_version == SCHEMA_VERSION
        db = database.connection
        marked = db.execute("SELECT id FROM screenings WHERE number_reused != 0").fetchall()
        assert marked == [(4,)]  # the later of the two; the correction of 01-002 is not a reuse
        assert integrity.schema_problems(db) == []
        (problem,) = integrity.number_problems(db)
        assert "01-001" in problem and "P1" in problem and "site 01" in problem and "ids 1, 4" in problem
        store = ScreeningStore(database)
        with pytest.raises(StoreError) as raised:
            store.find("01-001")
        assert raised.value.code == "ambiguous_screening"
        assert raised.value.params["candidates"] == [Numbered(1, "P1", "01"), Numbered(4, "P1", "01")]
        text = Messages().store_error(raised.value.code, raised.value.params)
        assert "#1: protocol P1, site 01" in text and "#4: protocol P1, site 01" in text
        assert store.find("01-002").id == 3  # a corrected screening is one screening
        assert store.find("#4").id == 4
        with pytest.raises(StoreError, match="duplicate_screening_number"):
            create(store)  # a third one is refused
        with pytest.raises(sqlite3.IntegrityError, match="stays marked"):
            db.execute("UPDATE screenings SET number_reused = 0 WHERE id = 4")


def test_a_number_used_once_is_not_reported(store):
    create(store)
    create(store, site="02")
    assert integrity.number_problems(store.database.connection) == []
