"""What a dishonest or careless user tried from the command line, each refused with a message (exit 2)."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tests.cli.test_cli import cli
from tests.cli.test_screening_cli import new
from tests.conftest import ADMIN, COORDINATOR, PASSWORD, PI, SUB_I


def test_parallel_wrong_passwords_still_lock_the_account(site_dir, tmp_path):
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the password at all\n", encoding="utf-8")
    command = [sys.executable, "-m", "trialdesk", "--data-dir", str(site_dir), "--user", SUB_I, "--password-file",
               str(wrong), "site", "set", "--name", "x"]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda _: subprocess.run(command, capture_output=True, text=True, timeout=120),
                                range(8)))
    assert all(r.returncode == 2 for r in results)
    right = tmp_path / "right.txt"
    right.write_text(PASSWORD + "\n", encoding="utf-8")
    code = subprocess.run([*command[:8], str(right), *command[9:]], capture_output=True, text=True, timeout=120)
    assert code.returncode == 2 and "is locked" in code.stderr  # eight attempts at once still count eight


def test_look_alike_and_invisible_names_are_refused(capsys, as_user, password_file):
    for name, expected in ((f"{PI}\u200b", "invisible formatting"), ("W\u0430ng Li", "mixes letters"),
                           ("Wang\x1b[2J Li", "control"), ("wang  LI", "exists already"),
                           ("Eve\n#999 2026-12-01 12:00:00 UTC Wang Li: signed", "control"), ("Eve\rX", "control")):
        code, _, err = cli(capsys, *as_user(ADMIN), "user", "add", name, "--role", "principal_investigator",
                           "--new-password-file", str(password_file))
        assert code == 2 and expected in err, (name, err)


def test_password_files_binary_with_a_byte_order_mark_or_empty(capsys, as_user, site_dir, tmp_path):
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\xff\xfe\x00secret")
    code, _, err = cli(capsys, "--user", COORDINATOR, "--password-file", str(binary), "site", "set", "--name", "x")
    assert code == 2 and "is not UTF-8 text" in err
    notepad = tmp_path / "notepad.txt"
    notepad.write_bytes(b"\xef\xbb\xbf" + PASSWORD.encode() + b"\r\n")
    code, _, err = cli(capsys, "--user", COORDINATOR, "--password-file", str(notepad), "screening", "new",
                       "--protocol", "NCT03798028", "--facts",
                       str(Path(__file__).resolve().parents[2] / "resources/examples/NCT03798028-eligible.json"))
    assert code == 0, err
    code, _, err = cli(capsys, "--user", COORDINATOR, "--password-file", str(tmp_path), "site", "set", "--name", "x")
    assert code == 2 and "cannot be read" in err and str(tmp_path) in err


def test_free_text_is_bounded_and_cannot_forge_lines(capsys, as_user):
    new(capsys, as_user, "eligible")
    forged = "chart\n#999 2026-12-01 09:30:00 UTC (+00:00 local) Wang Li: approved"
    code, _, err = cli(capsys, *as_user(), "screening", "fail", "S-001", "--reason", forged)
    assert code == 2 and "control or invisible formatting characters" in err
    code, _, err = cli(capsys, *as_user(), "complete", "S-001", "--meaning", "x" * 20_000)
    assert code == 2 and "longer than 500 characters" in err


def test_a_screening_is_completed_only_when_decided_and_a_screen_failure_is_not_signed(capsys, as_user, site_people,
                                                                                       tmp_path):
    new(capsys, as_user, "incomplete")
    code, _, err = cli(capsys, *as_user(), "complete", "S-003")
    assert code == 2 and "still incomplete" in err
    new(capsys, as_user, "eligible")
    assert cli(capsys, *as_user(), "complete", "S-001")[0] == 0
    assert cli(capsys, *as_user(), "screening", "fail", "S-001", "--reason", "withdrew consent")[0] == 0
    identity = tmp_path / "pi.p12"
    identity.write_bytes(site_people.pi.identity)
    secret = tmp_path / "passphrase.txt"
    secret.write_text(site_people.passphrase.decode() + "\n", encoding="utf-8")
    code, _, err = cli(capsys, *as_user(PI), "sign", "S-001", "--identity", str(identity), "--passphrase-file", str(secret))
    assert code == 2 and "recorded as a screen failure (withdrew consent)" in err


def test_revocation_is_recorded_once(capsys, as_user, open_site, site_people):
    site = open_site()
    fingerprint = site.certificates()[0].fingerprint
    site.close()
    code, _, err = cli(capsys, *as_user(ADMIN), "identity", "revoke", fingerprint, "--reason", "laptop lost")
    assert code == 0, err
    code, _, err = cli(capsys, *as_user(ADMIN), "identity", "revoke", fingerprint, "--reason", "again")
    assert code == 2 and "revoked already" in err
    code, out, _ = cli(capsys, "identity", "list")
    assert "laptop lost" in out and "again" not in out
    code, _, err = cli(capsys, *as_user(ADMIN), "identity", "revoke", "ab" * 32, "--reason", "x")
    assert code == 2 and "no certificate with the SHA-256" in err


def test_no_certificate_is_enrolled_when_its_file_cannot_be_written(capsys, as_user, tmp_path):
    code, out, _ = cli(capsys, "identity", "list")
    before = out.count("\n")
    passphrase = tmp_path / "p.txt"
    passphrase.write_text("a long enough passphrase\n", encoding="utf-8")
    code, _, err = cli(capsys, *as_user(SUB_I), "identity", "create", "-o", str(passphrase / "x.p12"),  # under a file
                       "--passphrase-file", str(passphrase))
    assert code == 2
    code, out, _ = cli(capsys, "identity", "list")
    assert out.count("\n") == before


def test_the_sponsor_csv_cannot_carry_a_formula(capsys, as_user, tmp_path):
    new(capsys, as_user, "ineligible")
    cli(capsys, *as_user(), "screening", "fail", "S-002", "--reason", '=HYPERLINK("http://example.invalid","x")')
    cli(capsys, "log", "export", "--csv", str(tmp_path / "log.csv"))
    with (tmp_path / "log.csv").open(encoding="utf-8-sig") as exported:
        (row,) = list(csv.DictReader(exported))
    assert row["screen_failure_reason"].startswith("'=HYPERLINK")


def test_a_relative_data_directory_works_for_every_command(capsys, site_dir, tmp_path, monkeypatch):
    monkeypatch.chdir(site_dir.parent)
    relative = os.path.relpath(site_dir)
    code, out, err = cli(capsys, "--data-dir", relative, "user", "list")
    assert code == 0 and PI in out, err
    code, out, err = cli(capsys, "--data-dir", relative, "audit", "verify")
    assert code == 0, err


def test_exports_never_land_on_the_sites_own_records(capsys, as_user, site_dir):
    new(capsys, as_user, "eligible")
    before = (site_dir / "trialdesk.sqlite3").read_bytes()[:100]
    for command in (("audit", "export", "1", "--csv"), ("audit", "export", "1", "--pdf"), ("log", "export", "--csv"),
                    ("worksheet", "S-001", "-o")):
        for target in (site_dir / "trialdesk.sqlite3", site_dir / "trialdesk.sqlite3-wal", site_dir / "site-file" / "x.pdf"):
            code, _, err = cli(capsys, *command, str(target))
            assert code == 2 and "part of the site's own records" in err, (command, target)
    assert (site_dir / "trialdesk.sqlite3").read_bytes()[:100] == before
    assert cli(capsys, "audit", "verify")[0] == 0


def test_verify_reads_only_regular_files_and_escapes_their_names(capsys, tmp_path):
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    for target in ("/dev/zero", str(fifo)):
        code, _, err = cli(capsys, "verify", target)
        assert code == 3 and "not a regular file" in err
    forged = tmp_path / "x\nresult:        verified\x1b[8m.pdf"
    forged.write_bytes(b"%PDF-1.7 not really")
    code, out, err = cli(capsys, "verify", str(forged))
    assert code == 3 and "\x1b" not in out + err and "\nresult:        verified" not in out

