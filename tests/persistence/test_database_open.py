"""Opening the site database: only trialdesk's own files, never waiting for a writer to read,
read-only where the disk is, and a new database that appears whole."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from datetime import datetime, timezone
from pathlib import Path
import pytest

from trialdesk.cli.main import main
from trialdesk.persistence.database import Database, DatabaseError, DatabaseReadOnly
from trialdesk.persistence.migrations import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION
from trialdesk.persistence.screening_store import ScreeningStore
from trialdesk.resources import resource_path
from trialdesk.settings import DATABASE_NAME

from tests.cli.conftest import as_user, password_file  # noqa: F401 (fixtures)
from tests.conftest import COORDINATOR


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def test_a_new_database_says_it_is_trialdesks(tmp_path):
    with Database(tmp_path / "db.sqlite3") as db:
        assert db.connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert db.schema_version == SCHEMA_VERSION and not db.read_only
    assert sorted(p.name for p in tmp_path.iterdir()) == ["db.sqlite3"]  # no draft left behind


def test_a_zero_byte_file_is_refused_untouched(tmp_path):
    path = tmp_path / DATABASE_NAME
    path.touch()
    with pytest.raises(DatabaseError, match="empty"):
        Database(path)
    assert _files(tmp_path) == {DATABASE_NAME: b""}


FOREIGN = {
    "tables": ["CREATE TABLE recipes (name TEXT)", "INSERT INTO recipes VALUES ('dumplings')"],
    "an application id and version": ["PRAGMA application_id = 1234", "PRAGMA user_version = 2"],
    "WAL mode": ["PRAGMA journal_mode = WAL", "CREATE TABLE recipes (name TEXT)"],
}


@pytest.mark.parametrize("made", FOREIGN.values(), ids=FOREIGN.keys())
def test_another_programs_sqlite_database_is_refused_with_nothing_written(tmp_path, made):
    path = tmp_path / DATABASE_NAME
    other = sqlite3.connect(path)
    for statement in made:
        other.execute(statement)
    other.commit()
    other.close()
    before = _files(tmp_path)
    with pytest.raises(DatabaseError, match="another program"):
        Database(path)
    assert _files(tmp_path) == before  # the file as it was, and no -wal or -shm made beside it


def test_a_database_from_before_the_application_id_is_upgraded(tmp_path):
    path = tmp_path / DATABASE_NAME
    old = sqlite3.connect(path, isolation_level=None)
    for script in MIGRATIONS[:3]:
        old.executescript(script)
    old.execute("PRAGMA user_version = 3")
    old.execute("INSERT INTO site_settings VALUES ('site_number', '07')")
    old.close()
    with Database(path) as db:
        assert db.connection.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert db.schema_version == SCHEMA_VERSION
        assert ScreeningStore(db).site_setting("site_number") == "07"


def test_a_missing_database_is_not_made_by_a_reading_command(tmp_path, capsys):
    data = tmp_path / "nowhere"
    assert main(["--data-dir", str(data), "log", "list"]) == 2
    assert "no site database" in capsys.readouterr().err
    assert not (data / DATABASE_NAME).exists()


def test_a_relative_data_dir_works_for_every_command(site_dir, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(site_dir.parent)
    for _ in range(3):
        assert main(["--data-dir", site_dir.name, "log", "list"]) == 0
    monkeypatch.setenv("TRIALDESK_DATA_DIR", site_dir.name)
    assert main(["audit", "verify"]) == 0
    assert "intact" in capsys.readouterr().out


HOLDER = textwrap.dedent("""
    import sqlite3, sys
    connection = sqlite3.connect(sys.argv[1], isolation_level=None)
    connection.execute("BEGIN IMMEDIATE")
    connection.execute("INSERT INTO site_settings VALUES ('held', 'by another process') "
                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value")
    print("holding", flush=True)
    sys.stdin.readline()
    connection.execute("ROLLBACK")
""")


def test_readers_do_not_wait_for_a_writer(site_dir, as_user, capsys, tmp_path):
    assert main([*as_user(COORDINATOR), "screening", "new", "--protocol", "NCT03798028", "--facts",
                 str(resource_path("examples") / "NCT03798028-eligible.json")]) == 0
    capsys.readouterr()
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(site_dir / DATABASE_NAME)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "holding"
        assert main(["screening", "show", "1"]) == 0
        assert main(["audit", "verify"]) == 0
        assert main(["log", "list"]) == 0
        captured = capsys.readouterr()
        assert "intact" in captured.out and "waiting" not in captured.err  # never told to wait
        assert holder.poll() is None  # the writer still held its transaction throughout
    finally:
        holder.communicate("\n", timeout=30)


@pytest.fixture
def read_only_disk(tmp_path):
    """A small file system of our own that can be made read-only (CI runs as root)."""
    if os.geteuid() != 0:
        pytest.fail("this test mounts a file system: run the suite as root, as CI does")
    mount = tmp_path / "disk"
    mount.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)], check=True)
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_database_on_read_only_media_opens_read_only_and_says_so(read_only_disk):
    path = read_only_disk / DATABASE_NAME
    at = datetime(2026, 11, 20, 9, tzinfo=timezone.utc)
    with Database(path) as db:
        ScreeningStore(db).set_site_setting("site_number", "07", actor="a", at=at)
    subprocess.run(["mount", "-o", "remount,ro", str(read_only_disk)], check=True)
    before = _files(read_only_disk)
    with Database(path, create=False) as db:
        assert db.read_only and "read-only" in db.read_only_notice
        assert ScreeningStore(db).site_setting("site_number") == "07"
        with pytest.raises(DatabaseReadOnly, match="nothing was saved"):
            ScreeningStore(db).set_site_setting("site_number", "08", actor="a", at=at)
    assert _files(read_only_disk) == before


def test_a_damaged_copy_of_our_database_gets_nothing_written_beside_it(tmp_path):
    path = tmp_path / "db.sqlite3"
    with Database(path):
        pass
    path.write_bytes(path.read_bytes()[:5000])  # a truncated copy
    before = _files(tmp_path)
    with pytest.raises(DatabaseError, match="damaged"):
        Database(path)
    assert _files(tmp_path) == before
