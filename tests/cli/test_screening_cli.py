"""Screenings, the audit trail, the log and backups from the command line."""

from __future__ import annotations

import csv
import json
import os
import sqlite3
from pathlib import Path

import pytest

from tests.cli.test_cli import cli
from tests.conftest import COORDINATOR, PI
from trialdesk.resources import resource_path

EXAMPLES = resource_path("examples")


def new(capsys, as_user, name="incomplete", *extra, user=COORDINATOR):
    code, out, err = cli(capsys, *as_user(user), "screening", "new", "--protocol", "NCT03798028",
                         "--facts", str(EXAMPLES / f"NCT03798028-{name}.json"), *extra)
    assert code == 0, err
    return out.strip()


def test_new_set_show(capsys, as_user, _own_data_dir):
    screening_id = new(capsys, as_user, "incomplete")
    assert screening_id == "1"
    code, out, _ = cli(capsys, *as_user(PI), "screening", "set", "S-003", "haemoglobin", "85 g/L")
    assert code == 0 and "  I5 met" in out
    code, out, _ = cli(capsys, "screening", "show", "1", "--format", "json")  # reading needs no sign-in
    shown = json.loads(out)
    assert shown["answers"]["haemoglobin"] == {"value": 85, "unit": "g/L"}  # stored in its normal form
    assert shown["criteria"]["I5"]["verdict"] == "met" and shown["status"] == "in_progress"
    assert shown["criteria"]["I5"]["effect"] == "passes" and shown["criteria"]["E2"]["effect_text"] == "E2 does not apply"
    code, out, _ = cli(capsys, "audit", "show", "1")
    assert f"{COORDINATOR}: create" in out and f"{PI}: answer haemoglobin" in out


def test_a_write_without_a_signed_in_person_is_refused(capsys, as_user, tmp_path):
    new(capsys, as_user)
    code, _, err = cli(capsys, "screening", "set", "1", "esr", "30 mm/h")
    assert code == 2 and "sign in with --user NAME --password-file FILE" in err
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the password\n", encoding="utf-8")
    code, _, err = cli(capsys, "--user", COORDINATOR, "--password-file", str(wrong), "screening", "set", "1", "esr", "30 mm/h")
    assert code == 2 and "the name or the password is wrong" in err
    code, _, err = cli(capsys, "--user", "Nobody Here", "--password-file", str(wrong), "screening", "fail", "1",
                       "--reason", "x")
    assert code == 2 and "the name or the password is wrong" in err
    with pytest.raises(SystemExit) as exited:  # --by is gone: a name is never just typed
        cli(capsys, *as_user(), "screening", "set", "1", "esr", "30 mm/h", "--by", PI)
    assert exited.value.code == 2
    assert "unrecognized arguments: --by" in capsys.readouterr().err
    code, out, _ = cli(capsys, "screening", "show", "1", "--format", "json")
    assert "esr" not in json.loads(out)["answers"]


def test_five_wrong_passwords_lock_the_account_and_it_stays_locked(capsys, as_user, site_dir, tmp_path):
    new(capsys, as_user)
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not the password\n", encoding="utf-8")
    for _ in range(4):
        code, _, err = cli(capsys, "--user", COORDINATOR, "--password-file", str(wrong), "screening", "set", "1", "esr", "3")
        assert code == 2 and "password is wrong" in err
    code, _, err = cli(capsys, "--user", COORDINATOR, "--password-file", str(wrong), "screening", "set", "1", "esr", "3")
    assert code == 2 and "is locked after repeated failed sign-ins" in err
    code, _, err = cli(capsys, *as_user(), "screening", "set", "1", "esr", "30 mm/h")  # the right password, too late
    assert code == 2 and "is locked" in err
    raw = sqlite3.connect(site_dir / "trialdesk.sqlite3")
    actions = [a for (a,) in raw.execute("SELECT action FROM audit WHERE actor = ? ORDER BY seq", (COORDINATOR,))]
    raw.close()
    assert actions[-7:] == ["sign_in_failed"] * 5 + ["account_locked", "sign_in_refused"]  # every attempt, audited


def test_a_change_needs_a_reason_in_a_later_command(capsys, as_user):
    new(capsys, as_user)
    cli(capsys, *as_user(), "screening", "set", "1", "esr", "30 mm/h")
    code, _, err = cli(capsys, *as_user(), "screening", "set", "1", "esr", "31 mm/h")
    assert code == 2 and "give a reason" in err
    code, _, _ = cli(capsys, *as_user(), "screening", "set", "1", "esr", "31 mm/h", "--reason", "lab corrected the report")
    assert code == 0
    code, out, _ = cli(capsys, "audit", "show", "1")
    assert "esr: {\"unit\": \"mm/h\", \"value\": 30} → {\"unit\": \"mm/h\", \"value\": 31} (reason: lab corrected the report)" in out


def test_bad_values_and_unknown_screenings_exit_2(capsys, as_user):
    new(capsys, as_user)
    code, _, err = cli(capsys, *as_user(), "screening", "set", "1", "haemoglobin", "85 g/dl")
    assert code == 2 and "Haemoglobin (haemoglobin): unknown unit “g/dl”" in err
    code, _, err = cli(capsys, *as_user(), "screening", "set", "1", "date_of_birth", "1970-02-30")
    assert code == 2 and "not a calendar date" in err
    code, _, err = cli(capsys, "screening", "show", "S-999")
    assert code == 2 and "no screening S-999" in err
    code, _, err = cli(capsys, *as_user(), "screening", "new", "--protocol", "NCT03798028", "--facts",
                       str(EXAMPLES / "NCT03798028-incomplete.json"))
    assert code == 2 and "already used" in err


def test_fail_and_log(capsys, as_user, tmp_path):
    new(capsys, as_user, "eligible")
    new(capsys, as_user, "ineligible")
    cli(capsys, *as_user(), "screening", "fail", "S-002", "--reason", "biological agent 2026-09-01")
    code, out, _ = cli(capsys, "log", "list", "--status", "screen_failure")
    assert code == 0 and "S-002" in out and "S-001" not in out and "I5, I7, E2, E15" in out
    code, out, _ = cli(capsys, "log", "summary")
    assert "screenings: 2" in out and "screen failure: 1" in out and "E15: 1" in out
    target = tmp_path / "log.csv"
    code, out, _ = cli(capsys, "log", "export", "--csv", str(target))
    assert code == 0 and "wrote 2 screenings" in out
    with target.open(encoding="utf-8-sig") as exported:
        rows = list(csv.DictReader(exported))
    assert [(r["screening_number"], r["outcome"]) for r in rows] == [("S-001", "eligible"), ("S-002", "screen failure")]


def test_audit_verify_and_a_tampered_database(capsys, as_user, _own_data_dir):
    new(capsys, as_user)
    code, out, _ = cli(capsys, "audit", "verify")
    assert code == 0 and "intact:" in out
    raw = sqlite3.connect(_own_data_dir / "trialdesk.sqlite3")
    raw.execute("DROP TRIGGER audit_is_append_only_update")
    raw.execute("UPDATE audit SET actor = 'someone' WHERE seq = 1")
    raw.commit()
    raw.close()
    code, _, err = cli(capsys, "audit", "verify")
    assert code == 3 and "BROKEN at entry 1" in err


def test_backup_and_data_dir_option(capsys, as_user, site_dir, tmp_path):
    other = tmp_path / "elsewhere"
    site_dir.rename(other)
    code, _, err = cli(capsys, "--data-dir", str(other), *as_user(), "screening", "new", "--protocol", "NCT03798028",
                       "--facts", str(EXAMPLES / "NCT03798028-eligible.json"))
    assert code == 0 and (other / "trialdesk.sqlite3").exists(), err
    code, _, err = cli(capsys, "--data-dir", str(other), "backup", str(tmp_path / "refused.sqlite3"))
    assert code == 2 and "sign in" in err and not (tmp_path / "refused.sqlite3").exists()
    code, out, _ = cli(capsys, "--data-dir", str(other), *as_user(), "backup", str(tmp_path / "copy.sqlite3"))
    assert code == 0
    code, out, _ = cli(capsys, "--data-dir", str(tmp_path / "copy-dir"), "log", "list")
    assert out == ""
    copy = sqlite3.connect(tmp_path / "copy.sqlite3")
    assert copy.execute("SELECT screening_number FROM screenings").fetchall() == [("S-001",)]
    copy.close()


def test_a_file_that_is_not_a_database_is_refused(capsys, _own_data_dir):
    _own_data_dir.mkdir(parents=True)
    (_own_data_dir / "trialdesk.sqlite3").write_text("not a database")
    code, _, err = cli(capsys, "log", "list")
    assert code == 2 and "not a trialdesk database" in err and "left untouched" in err


def test_a_protocol_file_opened_once_stays_available(capsys, as_user, tmp_path, _own_data_dir):
    text = resource_path("protocols/NCT00845832.yaml").read_text(encoding="utf-8").replace(
        "id: NCT00845832\n", "id: SITE-TRIAL-7\n")
    path = tmp_path / "site-trial.yaml"
    path.write_text(text, encoding="utf-8")
    facts = json.loads((EXAMPLES / "NCT00845832-eligible.json").read_text(encoding="utf-8"))
    facts_path = tmp_path / "facts.json"
    facts_path.write_text(json.dumps(facts), encoding="utf-8")
    code, out, err = cli(capsys, *as_user(), "screening", "new", "--protocol", str(path), "--facts", str(facts_path))
    assert code == 0, err
    path.unlink()  # the original file is gone; the screening still opens with its protocol
    code, out, _ = cli(capsys, "screening", "show", out.strip())
    assert code == 0 and "overall: ELIGIBLE" in out
    assert (_own_data_dir / "protocols" / "SITE-TRIAL-7.yaml").exists()


def test_a_malformed_subject_block_is_refused_with_a_message(capsys, as_user, tmp_path):
    facts = tmp_path / "facts.json"
    facts.write_text(json.dumps({"screening_date": "2026-11-20", "subject": ["S-1"], "facts": {}}), encoding="utf-8")
    code, _, err = cli(capsys, *as_user(), "screening", "new", "--protocol", "NCT03798028", "--facts", str(facts))
    assert code == 2 and "“subject” must be an object with some of screening_number" in err


def test_a_screening_number_made_of_digits_is_found_by_its_number(capsys, as_user, tmp_path):
    first = new(capsys, as_user, "incomplete")  # id 1, number S-003
    facts = json.loads((EXAMPLES / "NCT03798028-incomplete.json").read_text(encoding="utf-8"))
    for number in ("0101", "1"):
        facts["subject"]["screening_number"] = number
        path = tmp_path / f"{number}.json"
        path.write_text(json.dumps(facts), encoding="utf-8")
        code, _, err = cli(capsys, *as_user(), "screening", "new", "--protocol", "NCT03798028", "--facts", str(path))
        assert code == 0, err
    code, out, _ = cli(capsys, "screening", "show", "0101", "--format", "json")
    assert code == 0 and json.loads(out)["subject"]["screening_number"] == "0101"
    code, _, err = cli(capsys, "screening", "show", "1")  # id 1, and the number of another screening
    assert code == 2 and "write #1 for the id" in err
    code, out, _ = cli(capsys, "screening", "show", f"#{first}", "--format", "json")
    assert code == 0 and json.loads(out)["subject"]["screening_number"] == "S-003"


def test_a_screening_number_is_used_once_per_protocol_and_site(capsys, as_user):
    new(capsys, as_user)  # S-003, at the site with no site number yet
    code, _, err = cli(capsys, *as_user(), "screening", "new", "--protocol", "NCT03798028", "--facts",
                       str(EXAMPLES / "NCT03798028-incomplete.json"))
    assert code == 2 and "screening number S-003 is already used for protocol NCT03798028 at site" in err
    code, _, err = cli(capsys, *as_user(PI), "site", "set", "--number", "02")
    assert code == 0, err
    second = new(capsys, as_user)  # the same number at another site is another screening
    code, _, err = cli(capsys, "screening", "show", "S-003")
    assert code == 2 and "names several screenings" in err
    assert "#1: protocol NCT03798028, site (no site number)" in err and f"#{second}: protocol NCT03798028, site 02" in err
    code, out, _ = cli(capsys, "screening", "show", f"#{second}", "--format", "json")
    assert code == 0 and json.loads(out)["subject"]["screening_number"] == "S-003"


def test_the_sites_number_pattern_from_the_command_line(capsys, as_user):
    code, _, err = cli(capsys, *as_user(PI), "site", "set", "--number-pattern", "{site}-")
    assert code == 2 and "must hold the sequence {seq}" in err
    code, out, err = cli(capsys, *as_user(PI), "site", "set", "--number", "01", "--number-pattern", "{site}-{seq:03}")
    assert code == 0 and "numbered as:  {site}-{seq:03}" in out, err
    code, _, err = cli(capsys, *as_user(), "screening", "new", "--protocol", "NCT03798028", "--facts",
                       str(EXAMPLES / "NCT03798028-incomplete.json"))  # S-003
    assert code == 2 and "not written to the site's pattern {site}-{seq:03}: the next number is 01-001" in err
    numberless = json.loads((EXAMPLES / "NCT03798028-incomplete.json").read_text(encoding="utf-8"))
    del numberless["subject"]["screening_number"]
    facts = Path(os.environ["TRIALDESK_DATA_DIR"]).parent / "numberless.json"
    facts.write_text(json.dumps(numberless), encoding="utf-8")
    code, out, err = cli(capsys, *as_user(), "screening", "new", "--protocol", "NCT03798028", "--facts", str(facts))
    assert code == 0 and "screening number 01-001" in err, err  # no number given: the pattern's next, said
    code, out, _ = cli(capsys, "screening", "show", "01-001", "--format", "json")
    assert code == 0 and json.loads(out)["subject"]["initials"] == numberless["subject"]["initials"]
