"""A full disk, for real: small tmpfs mounts (CI runs as root), filled with a filler file.

Recording an answer on a full disk exits 2 saying the disk is full, and loses nothing already
saved; signing with the site file on a nearly full disk keeps the signature in the database,
leaves no partial PDF under its final name, says the copy is missing, and `site-file check`
files it again once there is room; exports and backups onto a full disk exit 2 and leave no file.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.cli.conftest import as_user, password_file  # noqa: F401 - the fixtures, for this module too
from tests.cli.test_cli import cli
from tests.cli.test_signing_cli import pi_signing_files
from tests.conftest import ADMIN, COORDINATOR, PI
from tests.worksheet.conftest import pdfsig
from trialdesk.resources import resource_path

EXAMPLES = resource_path("examples")


@pytest.fixture
def small_disk(tmp_path, request):
    """`small_disk(name, size)`: a tmpfs of `size` mounted at tmp_path/name, unmounted after the test."""

    def mount(name: str, size: str = "2m") -> Path:
        where = tmp_path / name
        where.mkdir()
        if os.geteuid() != 0:
            pytest.fail("the full-disk tests mount a small tmpfs and must run as root (CI does): "
                        f"this run has uid {os.geteuid()}")
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs", str(where)],
                              capture_output=True, text=True)
        if done.returncode != 0:
            pytest.fail(f"cannot mount a tmpfs at {where} for the full-disk tests (as root, CI can): "
                        f"{done.stderr.strip() or done.returncode}")
        request.addfinalizer(lambda: subprocess.run(["umount", "-l", str(where)], capture_output=True))
        return where

    return mount


def fill(folder: Path, leave: int = 0) -> Path:
    """Fill the disk holding `folder` with a filler file, leaving about `leave` bytes free."""
    filler = folder / "filler"
    descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        while True:
            free = shutil.disk_usage(folder).free
            if free <= leave:
                break
            try:
                os.write(descriptor, b"\0" * max(4096, min(1 << 16, free - leave)))
            except OSError as error:
                assert error.errno == errno.ENOSPC, error
                break
    finally:
        os.close(descriptor)
    return filler


def site_on(data: Path, site_people) -> Path:
    for item in site_people.template.iterdir():
        if item.is_file() and item.suffix == ".sqlite3":
            shutil.copy2(item, data / item.name)
    return data


def left_over(folder: Path) -> list[str]:
    """Temporary or partial files trialdesk may have left in `folder`."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".partial") or p.name.startswith("."))


def test_recording_on_a_full_disk_says_so_exits_2_and_loses_nothing(capsys, site_people, as_user, small_disk):
    data = site_on(small_disk("disk", "4m"), site_people)
    run = lambda *args: cli(capsys, "--data-dir", str(data), *args)  # noqa: E731
    code, out, err = run(*as_user(), "screening", "new", "--protocol", "NCT03798028",
                         "--facts", str(EXAMPLES / "NCT03798028-incomplete.json"))
    assert code == 0, err
    code, _, err = run(*as_user(), "screening", "set", "1", "esr", "30 mm/h", "--reason", "lab report")
    assert code == 0, err
    code, before, err = run("screening", "show", "1", "--format", "json")
    assert code == 0, err
    fill(data)
    code, out, err = run(*as_user(), "screening", "set", "1", "esr", "31 mm/h", "--reason", "lab report corrected")
    assert code == 2, (out, err)
    assert f"the disk holding {data} is full: nothing was saved" in err, err
    assert "unexpected" not in err
    (data / "filler").unlink()
    code, after, err = run("screening", "show", "1", "--format", "json")
    assert code == 0, err
    assert json.loads(after)["answers"] == json.loads(before)["answers"]
    assert json.loads(after)["answers"]["esr"] == json.loads(before)["answers"]["esr"]
    code, out, err = run("audit", "verify")
    assert code == 0, out + err


def test_signing_with_the_site_file_on_a_nearly_full_disk_keeps_the_signature_and_no_partial_file(
        capsys, site_people, as_user, small_disk, tmp_path, _own_data_dir):
    site_file = small_disk("site-file", "1m")
    code, _, err = cli(capsys, *as_user(ADMIN), "site", "set", "--site-file", str(site_file))
    assert code == 0, err
    code, _, err = cli(capsys, *as_user(), "screening", "new", "--protocol", "NCT03798028",
                       "--facts", str(EXAMPLES / "NCT03798028-eligible.json"))
    assert code == 0, err
    code, _, err = cli(capsys, *as_user(), "complete", "S-001")
    assert code == 0, err
    identity, secret = pi_signing_files(site_people, tmp_path)
    filler = fill(site_file, leave=32 * 1024)  # a signed worksheet is larger than this
    free = shutil.disk_usage(site_file).free
    code, out, err = cli(capsys, *as_user(PI), "sign", "S-001", "--identity", str(identity),
                         "--passphrase-file", str(secret))
    assert code == 2, (out, err)
    assert f"signed by {PI}" in out
    assert "signed and kept in the database; the copy in the site file could not be written" in err, err
    assert f"the disk holding {site_file} is full" in err and "trialdesk site-file check" in err, err
    assert sorted(p.name for p in site_file.iterdir()) == ["filler"]  # no partial PDF, no temporary file
    code, out, _ = cli(capsys, "screening", "show", "S-001", "--format", "json")
    assert json.loads(out)["status"] == "signed"

    code, out, err = cli(capsys, *as_user(PI), "site-file", "check")  # still full: said, and exit 2
    assert code == 2, (out, err)
    assert "missing: could not be filed again" in err and "is full" in err, err
    assert sorted(p.name for p in site_file.iterdir()) == ["filler"]

    filler.unlink()
    code, out, err = cli(capsys, *as_user(PI), "site-file", "check")
    assert code == 0, (out, err)
    assert "missing: filed again from the database" in out, out
    (filed,) = site_file.glob("*.pdf")
    assert filed.name.startswith("NCT03798028_S-001_v1_") and filed.stat().st_size > free
    assert "Signature is Valid." in pdfsig(filed)
    code, out, err = cli(capsys, "verify", str(filed))
    assert code == 0, out + err
    code, out, err = cli(capsys, *as_user(PI), "site-file", "check")
    assert code == 0 and f"{filed.name}: right" in out, out + err

    good = filed.read_bytes()  # a damaged copy is moved aside, never deleted, and filed again
    filed.write_bytes(good[: len(good) // 2])
    code, out, err = cli(capsys, *as_user(PI), "site-file", "check")
    assert code == 0, (out, err)
    assert "damaged (not the signed worksheet kept in the database): filed again" in out, out
    (aside,) = site_file.glob(f"{filed.name}.damaged-*")
    assert aside.read_bytes() == good[: len(good) // 2] and filed.read_bytes() == good
    code, out, err = cli(capsys, "audit", "verify")
    assert code == 0, out + err
    refiled = [(action, actor) for action, actor in _audit_actions(_own_data_dir) if action.startswith("site_file")]
    assert refiled == [("site_file_refiled_missing", PI), ("site_file_refiled_damaged", PI)]


def _audit_actions(data: Path) -> list[tuple[str, str]]:
    import sqlite3

    db = sqlite3.connect(f"{(data / 'trialdesk.sqlite3').as_uri()}?mode=ro", uri=True)
    try:
        return list(db.execute("SELECT action, actor FROM audit ORDER BY seq"))
    finally:
        db.close()


def test_exports_and_backups_onto_a_full_disk_exit_2_and_leave_no_file(capsys, site_people, as_user, small_disk):
    code, _, err = cli(capsys, *as_user(), "screening", "new", "--protocol", "NCT03798028",
                       "--facts", str(EXAMPLES / "NCT03798028-eligible.json"))
    assert code == 0, err
    full = small_disk("exports", "1m")
    fill(full)
    for args in (("audit", "export", "S-001", "--csv", str(full / "history.csv")),
                 ("audit", "export", "S-001", "--pdf", str(full / "history.pdf")),
                 ("log", "export", "--csv", str(full / "log.csv")),
                 ("worksheet", "S-001", "-o", str(full / "draft.pdf")),
                 (*as_user(), "backup", str(full / "backup.sqlite3"))):
        code, out, err = cli(capsys, *args)
        assert code == 2, (args, out, err)
        assert f"the disk holding {full} is full: nothing was saved" in err, (args, err)
        assert sorted(p.name for p in full.iterdir()) == ["filler"], args  # nothing partial, no temporary file
    code, out, err = cli(capsys, "audit", "verify")
    assert code == 0, out + err


def test_a_window_open_while_the_disk_fills_is_told_in_words_and_keeps_what_was_saved(site_people, small_disk, clock):
    """The window's path: a site open, its -shm already there, and the disk fills under it."""
    from tests.conftest import PASSWORD
    from trialdesk.desk import Site, StorageFailed
    from trialdesk.desk.protocols import find_protocol
    from trialdesk.messages import Messages
    from trialdesk.settings import AppSettings
    from trialdesk.ui.refusals import refusal_text

    data = site_on(small_disk("disk", "4m"), site_people)
    example = json.loads((EXAMPLES / "NCT03798028-incomplete.json").read_text(encoding="utf-8"))
    subject = {**example["subject"], "screening_date": example["screening_date"]}
    with Site(AppSettings(data_dir=data), clock=clock) as site:
        desk = site.sign_in(COORDINATOR, PASSWORD)
        session = desk.start_screening(find_protocol("NCT03798028"), subject, example["facts"])
        session.record_fact("esr", {"value": 30, "unit": "mm/h"}, reason="lab report")
        saved = site.screening(session.screening.id).answers
        fill(data)
        with pytest.raises(StorageFailed) as raised:
            session.record_fact("esr", {"value": 31, "unit": "mm/h"}, reason="lab report corrected")
        assert raised.value.code == "disk_full" and raised.value.folder == data
        assert refusal_text(Messages(), raised.value) == f"the disk holding {data} is full: nothing was saved"
        (data / "filler").unlink()
        assert site.screening(session.screening.id).answers == saved
        session.record_fact("esr", {"value": 31, "unit": "mm/h"}, reason="lab report corrected")  # room again: saved
        assert site.screening(session.screening.id).answers["esr"] != saved["esr"]


def test_a_site_copied_onto_a_full_disk_can_still_be_read(capsys, site_people, small_disk):
    data = site_on(small_disk("disk", "4m"), site_people)
    fill(data)
    code, out, err = cli(capsys, "--data-dir", str(data), "user", "list")
    assert code == 0 and COORDINATOR in out
    assert "is full" in err and "open for reading only" in err
    assert sorted(p.name for p in data.iterdir()) == ["filler", "trialdesk.sqlite3"]  # no WAL index was made
