"""The database file: schema version, refusals that leave files untouched, permissions, waits, backup."""

from __future__ import annotations

import os
import sqlite3
import stat
import threading
import time

import pytest

from trialdesk.persistence import database as database_module
from trialdesk.persistence.database import Database, DatabaseBusy, DatabaseError
from trialdesk.persistence.migrations import APPLICATION_ID, SCHEMA_VERSION
from trialdesk.persistence.screening_store import ScreeningStore


def test_a_new_database_has_the_current_schema(tmp_path):
    with Database(tmp_path / "db.sqlite3") as db:
        assert db.schema_version == SCHEMA_VERSION >= 1
        assert db.connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.connection.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_reopening_keeps_the_data(tmp_path):
    path = tmp_path / "db.sqlite3"
    with Database(path) as db:
        ScreeningStore(db).set_site_setting("site_number", "01", actor="a", at=__import__("datetime").datetime.now().astimezone())
    with Database(path) as db:
        assert ScreeningStore(db).site_setting("site_number") == "01"


def test_a_database_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "db.sqlite3"
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="newer version of trialdesk"):
        Database(path)
    assert path.read_bytes() == before


def test_a_file_that_is_not_sqlite_is_refused_and_untouched(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"these are someone's notes, not a database\n" * 100)
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="not a trialdesk database"):
        Database(path)
    assert path.read_bytes() == before and not (tmp_path / "notes.sqlite3-wal").exists()


def test_a_damaged_database_is_refused_and_untouched(tmp_path):
    path = tmp_path / "db.sqlite3"
    with Database(path):
        pass
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xde\xad" * ((4096 - 100) // 2)  # wreck the schema page after the header
    path.write_bytes(bytes(data))
    with pytest.raises(DatabaseError, match="damaged"):
        Database(path)
    assert path.read_bytes() == bytes(data)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_files_holding_personal_data_are_owner_only(tmp_path):
    path = tmp_path / "private" / "db.sqlite3"
    with Database(path) as db:
        ScreeningStore(db).set_site_setting("k", "v", actor="a", at=__import__("datetime").datetime.now().astimezone())
        for name in ("db.sqlite3", "db.sqlite3-wal", "db.sqlite3-shm"):
            assert stat.S_IMODE((path.parent / name).stat().st_mode) == 0o600, name
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_a_second_writer_waits_and_is_told_why(tmp_path):
    path = tmp_path / "db.sqlite3"
    messages: list[str] = []
    with Database(path) as first, Database(path, on_wait=messages.append) as second:
        first.connection.execute("BEGIN IMMEDIATE")
        releaser = threading.Timer(0.6, lambda: first.connection.execute("COMMIT"))
        releaser.start()
        with second.write() as db:
            db.execute("INSERT INTO site_settings VALUES ('k', 'v')")
        releaser.join()
    assert messages and "waiting for another trialdesk" in messages[0]


def test_a_writer_that_never_lets_go_gives_a_clear_refusal(tmp_path, monkeypatch):
    monkeypatch.setattr(database_module, "WRITE_WAIT_SECONDS", 0.5)
    path = tmp_path / "db.sqlite3"
    with Database(path) as first, Database(path) as second:
        first.connection.execute("BEGIN IMMEDIATE")
        started = time.monotonic()
        with pytest.raises(DatabaseBusy, match="nothing was saved"):
            with second.write():
                pass
        assert time.monotonic() - started >= 0.4
        first.connection.execute("ROLLBACK")


def test_backup_is_a_consistent_copy_while_in_use(tmp_path, store, clock):
    store.set_site_setting("site_number", "07", actor="a", at=clock())
    target = tmp_path / "backup" / "copy.sqlite3"
    store.database.connection.execute("BEGIN")  # a reader holding a snapshot does not stop the backup
    store.database.backup_to(target)
    store.database.connection.execute("COMMIT")
    with Database(target) as copy:
        assert ScreeningStore(copy).site_setting("site_number") == "07"
        assert copy.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with pytest.raises(DatabaseError, match="exists already"):
        store.database.backup_to(target)
