"""Site, delegation, identities, signing, verifying and worksheets from the command line."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from tests.cli.test_cli import cli
from tests.cli.test_screening_cli import new
from tests.worksheet.conftest import pdfsig


@pytest.fixture
def prepared(capsys, tmp_path, monkeypatch):
    new(capsys, "eligible")
    new(capsys, "incomplete")
    cli(capsys, "site", "set", "--name", "Rheumatology, Xijing Hospital", "--number", "01")
    cli(capsys, "delegation", "add", "Wang Li", "--role", "principal_investigator")
    cli(capsys, "delegation", "add", "Chen Hua", "--role", "coordinator")
    secret = tmp_path / "passphrase.txt"
    secret.write_text("correct horse battery\n", encoding="utf-8")
    code, out, _ = cli(capsys, "identity", "create", "--name", "Wang Li", "--role", "principal_investigator",
                       "--passphrase-file", str(secret))
    assert code == 0
    return {"identity": out.strip(), "secret": str(secret)}


def test_site_show_lists_the_delegation(capsys, prepared):
    code, out, _ = cli(capsys, "site", "show")
    assert "Rheumatology, Xijing Hospital" in out and "Wang Li — Principal investigator" in out
    assert "Chen Hua — Study coordinator" in out


def test_sign_with_the_passphrase_on_standard_input_then_verify(capsys, prepared, monkeypatch, _own_data_dir):
    monkeypatch.setattr("sys.stdin", io.StringIO("correct horse battery\n"))
    code, out, err = cli(capsys, "sign", "S-001", "--identity", prepared["identity"])
    assert code == 0, err
    path = out.strip().splitlines()[-1]
    assert Path(path).name.startswith("NCT03798028_S-001_v1_") and path.endswith(".pdf")
    assert "Signature is Valid." in pdfsig(path)
    code, out, _ = cli(capsys, "verify", path)
    assert code == 0 and "integrity:     intact" in out and "matches screening id 1" in out and "signer:        Wang Li" in out
    code, out, _ = cli(capsys, "worksheet", "S-001", "-o", str(_own_data_dir / "copy.pdf"))
    assert code == 0 and "signed" in out
    assert (_own_data_dir / "copy.pdf").read_bytes() == Path(path).read_bytes()


def test_a_changed_byte_makes_verify_fail(capsys, prepared, tmp_path):
    code, out, _ = cli(capsys, "sign", "S-001", "--identity", prepared["identity"], "--passphrase-file", prepared["secret"])
    path = out.strip().splitlines()[-1]
    data = bytearray(Path(path).read_bytes())
    data[2000] ^= 0x20
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(bytes(data))
    code, out, _ = cli(capsys, "verify", str(broken))
    assert code == 3 and "BROKEN" in out


def test_refusals(capsys, prepared, tmp_path):
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not it\n", encoding="utf-8")
    code, _, err = cli(capsys, "sign", "S-001", "--identity", prepared["identity"], "--passphrase-file", str(wrong))
    assert code == 2 and "passphrase does not open" in err
    code, _, err = cli(capsys, "sign", "S-003", "--identity", prepared["identity"], "--passphrase-file", prepared["secret"])
    assert code == 2 and "incomplete" in err
    code, _, _ = cli(capsys, "delegation", "remove", "Wang Li")
    code, _, err = cli(capsys, "sign", "S-001", "--identity", prepared["identity"], "--passphrase-file", prepared["secret"])
    assert code == 2 and "not on the site's delegation list" in err
    code, _, err = cli(capsys, "verify", str(tmp_path / "wrong.txt"))
    assert code == 3


def test_a_draft_worksheet_before_signing(capsys, prepared, tmp_path):
    code, out, _ = cli(capsys, "worksheet", "S-003", "-o", str(tmp_path / "draft.pdf"), "--paper", "letter")
    assert code == 0 and "draft (not signed)" in out
    assert (tmp_path / "draft.pdf").read_bytes().startswith(b"%PDF")
