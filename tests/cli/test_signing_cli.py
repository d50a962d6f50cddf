"""People, delegation, identities, the two signatures, verifying and worksheets from the command line."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.test_cli import cli
from tests.cli.test_screening_cli import new
from tests.conftest import ADMIN, COORDINATOR, PASSWORD, PI, SUB_I
from tests.worksheet.conftest import pdfsig
from trialdesk.worksheet.signing import create_identity

PASSPHRASE = "staple of the battery"  # opens the test site's identities (tests/conftest.py)


@pytest.fixture
def prepared(capsys, as_user, site_people, tmp_path):
    new(capsys, as_user, "eligible")
    new(capsys, as_user, "incomplete")
    code, _, err = cli(capsys, *as_user(ADMIN), "site", "set", "--name", "Rheumatology, Xijing Hospital", "--number", "01")
    assert code == 0, err
    code, _, err = cli(capsys, *as_user(), "complete", "S-001")
    assert code == 0, err
    identity, secret = pi_signing_files(site_people, tmp_path)
    return {"identity": str(identity), "secret": str(secret)}


def pi_signing_files(site_people, folder):
    """The principal investigator's identity file and a file holding its passphrase."""
    identity = folder / "wang-li.p12"
    identity.write_bytes(site_people.pi.identity)
    secret = folder / "passphrase.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return identity, secret


def test_site_show_lists_todays_delegation(capsys, prepared):
    code, out, _ = cli(capsys, "site", "show")
    assert "Rheumatology, Xijing Hospital" in out
    assert f"{PI} — enter data, decide eligibility and sign" in out and f"{COORDINATOR} — enter data" in out


def test_an_honest_sign_off_verifies(capsys, as_user, prepared, monkeypatch, _own_data_dir):
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSPHRASE + "\n"))
    code, out, err = cli(capsys, *as_user(PI), "sign", "S-001", "--identity", prepared["identity"])
    assert code == 0, err
    assert f"signed by {PI}" in out
    path = out.strip().splitlines()[-1]
    assert Path(path).name.startswith("NCT03798028_S-001_v1_") and path.endswith(".pdf")
    assert "Signature is Valid." in pdfsig(path)
    code, out, err = cli(capsys, "verify", path)
    assert code == 0, err
    assert "result:        verified" in out and "(screening id 1, version 1;" in out and f"signer:        {PI}" in out
    assert "pages rendered from it" in out
    code, out, _ = cli(capsys, "worksheet", "S-001", "-o", str(_own_data_dir / "copy.pdf"))
    assert code == 0 and "signed" in out
    assert (_own_data_dir / "copy.pdf").read_bytes() == Path(path).read_bytes()
    code, out, _ = cli(capsys, "audit", "show", "S-001")
    assert f"{COORDINATOR}: completed" in out and f"{PI}: signed" in out


def test_a_changed_byte_makes_verify_fail(capsys, as_user, prepared, tmp_path):
    code, out, _ = cli(capsys, *as_user(PI), "sign", "S-001", "--identity", prepared["identity"],
                       "--passphrase-file", prepared["secret"])
    path = out.strip().splitlines()[-1]
    data = bytearray(Path(path).read_bytes())
    data[2000] ^= 0x20
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(bytes(data))
    code, out, err = cli(capsys, "verify", str(broken))
    assert code == 3 and "BROKEN" in err


def test_verify_exit_codes_superseded_unchecked_and_unreadable(capsys, as_user, prepared, tmp_path):
    code, out, _ = cli(capsys, *as_user(PI), "sign", "S-001", "--identity", prepared["identity"],
                       "--passphrase-file", prepared["secret"])
    path = out.strip().splitlines()[-1]
    code, out, err = cli(capsys, "--data-dir", str(tmp_path / "no-site-here"), "verify", path)
    assert code == 5 and "not checked:" in out and "not checked against a site database" in out
    assert not (tmp_path / "no-site-here").exists()  # verifying creates no database
    code, out, err = cli(capsys, *as_user(PI), "screening", "correct", "S-001", "--reason", "typo in ESR")
    assert code == 0, err
    code, _, _ = cli(capsys, *as_user(PI), "complete", "S-001")
    code, out, err = cli(capsys, *as_user(PI), "sign", "S-001", "--identity", prepared["identity"],
                         "--passphrase-file", prepared["secret"])
    assert code == 0, err
    code, out, _ = cli(capsys, "verify", path)
    assert code == 4 and "SUPERSEDED by version 2" in out
    for bad in (tmp_path, tmp_path / "missing.pdf"):
        code, _, err = cli(capsys, "verify", str(bad))
        assert code == 3 and "cannot be read" in err


def test_a_coordinator_cannot_sign_as_the_pi(capsys, as_user, prepared, tmp_path):
    """The attack that succeeded before: a certificate in the PI's name, made by the coordinator."""
    code, out, err = cli(capsys, *as_user(), "identity", "create", "--passphrase-file", prepared["secret"],
                         "-o", str(tmp_path / "mine.p12"))
    assert code == 0, err
    assert f"{COORDINATOR}: certificate enrolled" in out  # in her own name: she cannot choose another
    with pytest.raises(SystemExit):  # there is no --name to choose: the certificate carries the account's name
        cli(capsys, *as_user(), "identity", "create", "--name", PI, "--passphrase-file", prepared["secret"])
    assert "unrecognized arguments: --name" in capsys.readouterr().err
    forged = tmp_path / "forged.p12"
    forged.write_bytes(create_identity(PI, "principal_investigator", PASSPHRASE.encode()))
    code, _, err = cli(capsys, *as_user(), "sign", "S-001", "--identity", str(forged), "--passphrase-file", prepared["secret"])
    assert code == 2 and "only a sub-investigator or the principal investigator" in err
    code, _, err = cli(capsys, *as_user(PI), "sign", "S-001", "--identity", str(forged), "--passphrase-file", prepared["secret"])
    assert code == 2 and f"this certificate is not enrolled to {PI}" in err
    sub_i = tmp_path / "sub-i.p12"
    code, _, _ = cli(capsys, *as_user(SUB_I), "identity", "create", "-o", str(sub_i), "--passphrase-file", prepared["secret"])
    assert code == 0
    code, _, err = cli(capsys, *as_user(PI), "sign", "S-001", "--identity", str(sub_i), "--passphrase-file", prepared["secret"])
    assert code == 2 and "not enrolled to" in err  # a PI cannot sign with someone else's certificate
    code, out, _ = cli(capsys, "screening", "show", "S-001")
    assert "status: eligible" in out


def test_delegation_belongs_to_the_pi(capsys, as_user, prepared):
    code, _, err = cli(capsys, *as_user(), "delegation", "add", COORDINATOR, "--tasks", "enter,sign", "--from", "2026-01-01")
    assert code == 2 and "belongs to the principal investigator" in err
    code, _, err = cli(capsys, *as_user(ADMIN), "delegation", "end", PI, "--on", "2026-11-01")
    assert code == 2 and "documented instruction" in err
    code, _, err = cli(capsys, *as_user(PI), "delegation", "add", COORDINATOR, "--tasks", "sign", "--from", "2026-01-01")
    assert code == 2 and "only a sub-investigator or the principal investigator decides eligibility" in err
    code, out, err = cli(capsys, *as_user(ADMIN), "delegation", "end", SUB_I, "--on", "2026-11-01",
                         "--instruction", "PI's e-mail of 2026-10-30, filed in the ISF")
    assert code == 0, err
    code, out, _ = cli(capsys, "delegation", "list")
    assert f"ended by {ADMIN}" in out and "2026-01-01 to 2026-11-01" in out
    code, _, err = cli(capsys, *as_user(PI), "delegation", "end", PI, "--on", "2026-11-01")
    assert code == 0, err
    code, _, err = cli(capsys, *as_user(PI), "sign", "S-001", "--identity", prepared["identity"],
                       "--passphrase-file", prepared["secret"])
    assert code == 2 and "holds no delegation to decide eligibility and sign" in err


def test_accounts_are_kept_by_the_administrator(capsys, as_user, password_file, tmp_path):
    code, _, err = cli(capsys, *as_user(), "user", "add", "Li Na", "--role", "coordinator",
                       "--new-password-file", str(password_file))
    assert code == 2 and "not a site administrator" in err
    short = tmp_path / "short.txt"
    short.write_text("short\n", encoding="utf-8")
    code, _, err = cli(capsys, *as_user(ADMIN), "user", "add", "Li Na", "--role", "coordinator",
                       "--new-password-file", str(short))
    assert code == 2 and "at least 10 characters" in err
    code, out, err = cli(capsys, *as_user(ADMIN), "user", "add", "Li Na", "--role", "coordinator",
                         "--new-password-file", str(password_file))
    assert code == 0 and "Li Na: Study coordinator" in out
    code, _, err = cli(capsys, *as_user(ADMIN), "user", "add", "Li Na", "--role", "coordinator",
                       "--new-password-file", str(password_file))
    assert code == 2 and "exists already" in err
    code, out, _ = cli(capsys, "user", "list")
    assert "Li Na\tStudy coordinator\tactive" in out
    code, _, err = cli(capsys, *as_user("Li Na"), "site", "set", "--name", "Li Na's own site")
    assert code == 2 and "still has the password an administrator gave" in err  # the administrator's word is not hers
    code, _, _ = cli(capsys, *as_user(ADMIN), "user", "disable", "Li Na")
    assert code == 0
    code, _, err = cli(capsys, *as_user("Li Na"), "user", "password", "--new-password-file", str(password_file))
    assert code == 2 and "disabled" in err
    new_password = tmp_path / "new.txt"
    new_password.write_text("a brand new passphrase\n", encoding="utf-8")
    code, out, err = cli(capsys, *as_user(COORDINATOR), "user", "password", "--new-password-file", str(new_password))
    assert code == 0, err
    code, _, err = cli(capsys, *as_user(COORDINATOR), "user", "password", "--new-password-file", str(new_password))
    assert code == 2 and "password is wrong" in err  # the old one no longer signs in


def test_site_init_makes_the_first_administrator_once(capsys, tmp_path, password_file):
    data = tmp_path / "new-site"
    code, out, err = cli(capsys, "--data-dir", str(data), "--password-file", str(password_file), "site", "init",
                         "--admin", "Ada Admin")
    assert code == 0 and "Ada Admin is its site administrator" in out, err
    code, _, err = cli(capsys, "--data-dir", str(data), "--password-file", str(password_file), "site", "init",
                       "--admin", "Eve Intruder")
    assert code == 2 and "has accounts already" in err
    code, _, err = cli(capsys, "--data-dir", str(tmp_path / "empty"), "--user", "X", "--password-file",
                       str(password_file), "screening", "fail", "1", "--reason", "x")
    assert code == 2 and "site init" in err


def test_weak_identity_files_are_refused_on_import(capsys, as_user, prepared, tmp_path):
    from cryptography.hazmat.primitives.serialization import NoEncryption, pkcs12

    opened = pkcs12.load_key_and_certificates(create_identity(PI, None, PASSPHRASE.encode()), PASSPHRASE.encode())
    plain = tmp_path / "plain.p12"
    plain.write_bytes(pkcs12.serialize_key_and_certificates(b"x", opened[0], opened[1], None, NoEncryption()))
    code, _, err = cli(capsys, *as_user(PI), "identity", "import", str(plain), "--passphrase-file", prepared["secret"])
    assert code == 2 and "Re-export it with AES-256 and SHA-256" in err
    code, out, _ = cli(capsys, "identity", "list")
    assert str(plain) not in out and out.count(PI) == 1  # only the PI's own enrolled certificate


def test_passphrase_is_no_abbreviation_and_is_never_echoed(capsys, as_user, prepared):
    code, out, err = cli(capsys, *as_user(PI), "sign", "S-001", "--identity", prepared["identity"],
                         "--passphrase", "hunter2-secret")
    assert code == 2 and "--passphrase… is not an option" in err and "--passphrase-file FILE" in err
    assert "hunter2-secret" not in out + err
    for glued in ("--passwordhunter2", "--pw=hunter2", "-p"):
        try:
            code, out, err = cli(capsys, *as_user(PI), glued, "hunter2", "log", "list")
        except SystemExit as exited:  # argparse's own refusal
            code, err = exited.code, capsys.readouterr().err
        assert code == 2 and "hunter2" not in err, glued
    code, out, err = cli(capsys, "--user", PI, f"--password={PASSWORD}", "log", "list")
    assert code == 2 and PASSWORD not in out + err
    with pytest.raises(SystemExit) as exited:  # an unknown option's value is not echoed either
        cli(capsys, *as_user(PI), "sign", "S-001", "--identity", prepared["identity"], "--pin", "123456")
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "unrecognized arguments: --pin" in err and "123456" not in err
    code, out, err = cli(capsys, "screening", "show", "S-001")
    assert "status: eligible" in out


def test_a_terminal_is_asked_for_the_password(tmp_path, site_dir):
    """Run as a person at a terminal would: the password is read from standard input, not from an argument."""
    result = subprocess.run(
        [sys.executable, "-m", "trialdesk", "--data-dir", str(site_dir), "--user", COORDINATOR, "--password-file", "-",
         "screening", "new", "--protocol", "NCT03798028", "--facts",
         str(Path(__file__).resolve().parents[2] / "resources" / "examples" / "NCT03798028-eligible.json")],
        input=PASSWORD + "\n", capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert PASSWORD not in result.stdout + result.stderr


def test_refusals(capsys, as_user, prepared, tmp_path):
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not it at all\n", encoding="utf-8")
    code, _, err = cli(capsys, *as_user(PI), "sign", "S-001", "--identity", prepared["identity"], "--passphrase-file", str(wrong))
    assert code == 2 and "passphrase does not open" in err and "not it at all" not in err
    code, _, err = cli(capsys, *as_user(PI), "sign", "S-003", "--identity", prepared["identity"],
                       "--passphrase-file", prepared["secret"])
    assert code == 2 and ("incomplete" in err or "not completed" in err)
    code, _, err = cli(capsys, "verify", str(tmp_path / "wrong.txt"))
    assert code == 3


def test_a_draft_worksheet_before_signing(capsys, prepared, tmp_path):
    code, out, _ = cli(capsys, "worksheet", "S-003", "-o", str(tmp_path / "draft.pdf"), "--paper", "letter")
    assert code == 0 and "draft (not signed)" in out
    assert (tmp_path / "draft.pdf").read_bytes().startswith(b"%PDF")


def test_audit_verify_is_anchored_by_the_site_file_and_exports_the_history(capsys, as_user, prepared, tmp_path):
    import csv
    import subprocess

    code, out, err = cli(capsys, *as_user(PI), "sign", "S-001", "--identity", prepared["identity"],
                         "--passphrase-file", prepared["secret"])
    path = out.strip().splitlines()[-1]
    code, out, _ = cli(capsys, "verify", path)
    head = next(line for line in out.splitlines() if line.startswith("audit trail:")).split("SHA-256 ")[1].split()[0]
    code, out, err = cli(capsys, "audit", "verify", "--head", head, "--worksheets", str(tmp_path))
    assert code == 0, err
    assert "2 signed worksheet(s) (filed and kept) anchor the trail; 1 head(s) from paper found" in out
    code, _, err = cli(capsys, "audit", "verify", "--head", "not-a-hash")
    assert code == 2 and "not an audit hash" in err
    code, _, err = cli(capsys, "audit", "verify", "--head", "0" * 64)
    assert code == 3 and "no entry of the audit trail has the hash" in err
    code, out, _ = cli(capsys, "audit", "export", "S-001", "--csv", str(tmp_path / "history.csv"))
    assert code == 0 and "entries of screening S-001" in out
    with (tmp_path / "history.csv").open(encoding="utf-8-sig") as exported:
        rows = list(csv.DictReader(exported))
    assert [r["action"] for r in rows] == ["create", "completed", "signed"]
    assert rows[1]["who"] == COORDINATOR and rows[2]["who"] == PI
    import re

    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d\d:\d\d", rows[2]["local time"])  # with its offset
    code, _, _ = cli(capsys, "audit", "export", "S-001", "--pdf", str(tmp_path / "history.pdf"))
    text = subprocess.run(["pdftotext", str(tmp_path / "history.pdf"), "-"], capture_output=True, text=True).stdout
    assert code == 0 and "Audit history: NCT03798028 screening S-001" in text and "completed" in text
