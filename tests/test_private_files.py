"""Everything trialdesk creates in the data directory is its owner's only, whatever the umask."""

from __future__ import annotations

import os
import stat

from tests.cli.test_cli import cli
from tests.conftest import COORDINATOR, PASSWORD, PI


def test_every_created_file_is_0600_and_every_folder_0700_under_a_permissive_umask(capsys, site_people, tmp_path):
    data = tmp_path / "new" / "site"
    secret = tmp_path / "secret.txt"
    secret.write_text(PASSWORD + "\n", encoding="utf-8")
    passphrase = tmp_path / "passphrase.txt"
    passphrase.write_text("a long enough passphrase\n", encoding="utf-8")
    facts = os.path.join(os.path.dirname(__file__), "..", "resources", "examples", "NCT03798028-eligible.json")
    previous = os.umask(0)
    try:
        run = lambda *args: cli(capsys, "--data-dir", str(data), *args)  # noqa: E731
        assert run("--password-file", str(secret), "site", "init", "--admin", "Ada Admin")[0] == 0
        admin = ("--user", "Ada Admin", "--password-file", str(secret))
        own = tmp_path / "own.txt"
        own.write_text("a password of one's own\n", encoding="utf-8")
        for name, role in ((PI, "principal_investigator"), (COORDINATOR, "coordinator")):
            assert run(*admin, "user", "add", name, "--role", role, "--new-password-file", str(secret))[0] == 0
            assert run("--user", name, "--password-file", str(secret), "user", "password",
                       "--new-password-file", str(own))[0] == 0
        pi = ("--user", PI, "--password-file", str(own))
        coordinator = ("--user", COORDINATOR, "--password-file", str(own))
        assert run(*pi, "delegation", "add", PI, "--tasks", "enter,sign", "--from", "2026-01-01")[0] == 0
        assert run(*pi, "delegation", "add", COORDINATOR, "--tasks", "enter", "--from", "2026-01-01")[0] == 0
        assert run(*coordinator, "screening", "new", "--protocol", "NCT03798028", "--facts", facts)[0] == 0
        assert run(*coordinator, "complete", "S-001")[0] == 0
        assert run(*pi, "identity", "create", "--passphrase-file", str(passphrase))[0] == 0
        identity = next((data / "identities").glob("*.p12"))
        assert run(*pi, "sign", "S-001", "--identity", str(identity), "--passphrase-file", str(passphrase))[0] == 0
        assert run("log", "export", "--csv", str(data / "export.csv"))[0] == 0
        assert run(*pi, "backup", str(data / "backup.sqlite3"))[0] == 0
        assert run("worksheet", "S-001", "-o", str(data / "copy.pdf"))[0] == 0
    finally:
        os.umask(previous)
    created = [data, *data.rglob("*")]
    assert len(created) > 8
    for path in created:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), (path, oct(mode))
    assert stat.S_IMODE((tmp_path / "new").stat().st_mode) == 0o700  # a parent it had to make, too


# -- files written whole or not at all -----------------------------------------------------------

import errno  # noqa: E402
import sqlite3  # noqa: E402

import pytest  # noqa: E402

from trialdesk.desk import StorageFailed, storage_failure  # noqa: E402
from trialdesk.messages import Messages  # noqa: E402
from trialdesk.private import write_whole, write_whole_text  # noqa: E402


def test_write_whole_writes_a_private_file_and_leaves_nothing_else(tmp_path):
    previous = os.umask(0)
    try:
        target = write_whole(tmp_path / "new" / "worksheet.pdf", b"%PDF-1.7 whole")
    finally:
        os.umask(previous)
    assert target.read_bytes() == b"%PDF-1.7 whole"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600 and stat.S_IMODE(target.parent.stat().st_mode) == 0o700
    assert os.listdir(target.parent) == ["worksheet.pdf"]
    assert write_whole_text(tmp_path / "log.csv", lambda out: out.write("a,b\n"), encoding="utf-8-sig", newline="") == 4
    assert (tmp_path / "log.csv").read_bytes() == "\ufeffa,b\n".encode("utf-8")


def test_a_failure_mid_write_leaves_no_final_file_and_no_temporary_file(tmp_path):
    def half(out):
        out.write(b"%PDF-1.7 half of it")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with pytest.raises(OSError) as raised:
        write_whole(tmp_path / "worksheet.pdf", half)
    assert raised.value.errno == errno.ENOSPC and raised.value.filename == str(tmp_path / "worksheet.pdf")
    assert os.listdir(tmp_path) == []

    def some_rows(out):
        out.write("a,b\n" * 1000)
        raise RuntimeError("stopped half way")

    with pytest.raises(RuntimeError):
        write_whole_text(tmp_path / "log.csv", some_rows)
    assert os.listdir(tmp_path) == []


def test_a_failed_fsync_leaves_the_old_file_as_it_was(tmp_path, monkeypatch):
    target = tmp_path / "log.csv"
    target.write_bytes(b"the old export")

    def failing(descriptor):
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "fsync", failing)
    with pytest.raises(OSError):
        write_whole(target, b"the new export, never synced", replace=True)
    assert target.read_bytes() == b"the old export" and os.listdir(tmp_path) == ["log.csv"]


def test_an_existing_file_is_never_overwritten_unless_replacing_is_asked(tmp_path):
    target = tmp_path / "backup.sqlite3"
    target.write_bytes(b"an earlier backup")
    with pytest.raises(FileExistsError):
        write_whole(target, b"another")
    assert target.read_bytes() == b"an earlier backup" and os.listdir(tmp_path) == ["backup.sqlite3"]

    def racing(out):  # the name is taken while the file is being written: still never overwritten
        (tmp_path / "late.pdf").write_bytes(b"someone else's")
        out.write(b"ours")

    with pytest.raises(FileExistsError):
        write_whole(tmp_path / "late.pdf", racing)
    assert (tmp_path / "late.pdf").read_bytes() == b"someone else's"
    assert sorted(os.listdir(tmp_path)) == ["backup.sqlite3", "late.pdf"]
    write_whole(target, b"replaced", replace=True)
    assert target.read_bytes() == b"replaced"


def test_a_full_or_failing_disk_is_named_as_such(tmp_path):
    words = Messages()
    full = storage_failure(sqlite3.OperationalError("database or disk is full"), tmp_path)
    assert isinstance(full, StorageFailed) and full.code == "disk_full"
    assert words.store_error(full.code, full.params) == f"the disk holding {tmp_path} is full: nothing was saved"
    quota = storage_failure(OSError(errno.EDQUOT, "Disk quota exceeded", str(tmp_path / "x.csv")))
    assert quota.code == "disk_full" and quota.folder == tmp_path
    read_only = storage_failure(OSError(errno.EROFS, "Read-only file system", str(tmp_path / "x.pdf")))
    assert words.store_error(read_only.code, read_only.params) == \
        f"the disk holding {tmp_path} is read-only: nothing was saved"
    failing = storage_failure(sqlite3.OperationalError("disk I/O error"), tmp_path)  # with room to spare: not "full"
    assert failing.code == "disk_io_error" and "input/output error" in str(failing)
    assert storage_failure(OSError(errno.EACCES, "Permission denied"), tmp_path) is None
    assert storage_failure(sqlite3.OperationalError("database is locked"), tmp_path) is None
    try:
        try:
            raise OSError(errno.ENOSPC, "No space left on device", str(tmp_path / "y"))
        except OSError as error:
            raise RuntimeError("while exporting") from error
    except RuntimeError as wrapped:
        assert storage_failure(wrapped).code == "disk_full"


def test_a_signature_whose_copy_could_not_be_filed_says_so_in_both_languages(tmp_path):
    from trialdesk.signoff import SignedWorksheet

    error = OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(tmp_path / "NCT03798028_S-001_v1_2026-11-20.pdf"))
    signed = SignedWorksheet(None, None, str(error), error, tmp_path)
    assert signed.copy_missing(Messages()) == (
        f"signed and kept in the database; the copy in the site file could not be written (the disk holding "
        f"{tmp_path} is full): run trialdesk site-file check")
    assert str(tmp_path) in signed.copy_missing(Messages(lang="zh_CN"))
    assert SignedWorksheet(None, tmp_path / "filed.pdf").copy_missing(Messages()) is None
