"""Protocol versions from the command line: the version in force by screening date, the stored hash, the listing."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from tests.cli.test_cli import cli
from tests.persistence.test_protocol_versions import _schema_4_database, version_text, write
from trialdesk.resources import resource_path

EXAMPLE = json.loads(resource_path("examples/NCT00845832-eligible.json").read_text(encoding="utf-8"))


def facts_file(folder: Path, number: str, on: str) -> Path:
    data = {"screening_date": on, "subject": {**EXAMPLE["subject"], "screening_number": number, "consent_date": on},
            "facts": {"date_of_birth": EXAMPLE["facts"]["date_of_birth"]}}  # the rest is entered later
    return write(folder, f"{number}.json", json.dumps(data))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_screening_new_takes_the_version_in_force_on_the_screening_date(capsys, as_user, tmp_path):
    first = write(tmp_path, "v1.yaml", version_text("1.0", valid_from="2026-01-01", valid_to="2026-06-30"))
    second = write(tmp_path, "v2.yaml", version_text("2.0", amendment="Amendment 2", valid_from="2026-07-01"))
    code, out, err = cli(capsys, *as_user(), "screening", "new", "--protocol", str(first),
                         "--facts", str(facts_file(tmp_path, "S-1", "2026-06-30")))
    assert code == 0, err
    code, out, err = cli(capsys, *as_user(), "screening", "new", "--protocol", str(second),
                         "--facts", str(facts_file(tmp_path, "S-2", "2026-07-01")))
    assert code == 0, err
    # given by id, or by the file of the other version: the screening date decides
    code, out, err = cli(capsys, *as_user(), "screening", "new", "--protocol", str(second),
                         "--facts", str(facts_file(tmp_path, "S-3", "2026-02-01")))
    assert code == 0, err
    code, out, _ = cli(capsys, "screening", "show", "S-1")
    assert f"protocol: SITE-V version 1.0; file SHA-256 {sha256(first)}" in out
    code, out, _ = cli(capsys, "screening", "show", "S-2", "--format", "json")
    shown = json.loads(out)
    assert (shown["protocol_version"], shown["protocol_amendment"], shown["protocol_sha256"]) == \
        ("2.0", "Amendment 2", sha256(second))
    code, out, _ = cli(capsys, "screening", "show", "S-3", "--format", "json")
    assert json.loads(out)["protocol_sha256"] == sha256(first)


def test_a_screening_date_no_version_covers_is_refused_with_exit_2(capsys, as_user, tmp_path):
    first = write(tmp_path, "v1.yaml", version_text("1.0", valid_from="2026-01-01", valid_to="2026-06-30"))
    code, _, err = cli(capsys, *as_user(), "screening", "new", "--protocol", str(first),
                       "--facts", str(facts_file(tmp_path, "S-1", "2026-11-20")))
    assert code == 2
    assert err.strip() == "SITE-V: no version is in force on 2026-11-20 (versions: 1.0, valid 2026-01-01 to 2026-06-30)"
    code, out, _ = cli(capsys, "log", "list")
    assert "S-1" not in out


def test_an_overlapping_version_is_refused_with_both_files_named(capsys, as_user, tmp_path):
    first = write(tmp_path, "v1.yaml", version_text("1.0", valid_to="2026-06-30"))
    cli(capsys, *as_user(), "screening", "new", "--protocol", str(first), "--facts",
        str(facts_file(tmp_path, "S-1", "2026-06-01")))
    overlapping = write(tmp_path, "v2.yaml", version_text("2.0", valid_from="2026-06-01"))
    code, _, err = cli(capsys, *as_user(), "screening", "new", "--protocol", str(overlapping),
                       "--facts", str(facts_file(tmp_path, "S-2", "2026-08-01")))
    assert code == 2
    assert str(overlapping) in err and "overlaps version 1.0" in err and "SITE-V.yaml" in err


def test_protocol_list_shows_every_version_with_its_validity(capsys, as_user, site_dir, tmp_path):
    first = write(tmp_path, "v1.yaml", version_text("1.0", valid_from="2026-01-01", valid_to="2026-06-30"))
    second = write(tmp_path, "v2.yaml", version_text("2.0", amendment="Amendment 2", valid_from="2026-07-01"))
    for number, path, on in (("S-1", first, "2026-03-01"), ("S-2", second, "2026-08-01")):
        assert cli(capsys, *as_user(), "screening", "new", "--protocol", str(path), "--facts",
                   str(facts_file(tmp_path, number, on)))[0] == 0
    withdrawal = write(tmp_path, "v1-withdrawn.yaml", version_text("1.0", valid_from="2026-01-01",
                                                                   valid_to="2026-06-30", withdrawn=True))
    write(site_dir / "protocols", "SITE-V@withdrawn-1.yaml", withdrawal.read_text(encoding="utf-8"))
    code, out, _ = cli(capsys, "protocol", "list")
    assert code == 0
    rows = [line.split("\t") for line in out.splitlines()]
    bundled = [r[:5] for r in rows if r[0] == "NCT03798028"]
    assert bundled == [  # rule file 1.0 stays, withdrawn, for the screenings made under it
        ["NCT03798028", "registry record; site rule file 1.0", "valid on any date, withdrawn", "bundled",
         sha256(resource_path("protocols/NCT03798028@rule-file-1.yaml"))],
        ["NCT03798028", "registry record; site rule file 2.0", "valid on any date", "bundled",
         sha256(resource_path("protocols/NCT03798028.yaml"))]]
    site_v = [r[1:5] for r in rows if r[0] == "SITE-V"]
    assert ["1.0", "valid 2026-01-01 to 2026-06-30, withdrawn", "site", sha256(first)] in site_v
    assert ["2.0 (Amendment 2)", "valid from 2026-07-01", "site", sha256(second)] in site_v
    assert len(site_v) == 3  # the withdrawal notice is a file of version 1.0 too
    code, out, _ = cli(capsys, "screening", "show", "S-1")  # its screenings stay readable
    assert code == 0 and f"file SHA-256 {sha256(first)}" in out


def test_a_screening_from_before_stored_hashes_says_not_recorded(capsys, _own_data_dir):
    from trialdesk.settings import AppSettings

    _own_data_dir.mkdir(parents=True, exist_ok=True)
    _schema_4_database(AppSettings(data_dir=_own_data_dir).database_path,
                       [("NCT03798028", "registry record; site rule file 1.0")])
    code, out, err = cli(capsys, "screening", "show", "S-1")
    assert code == 0, err
    assert "protocol: NCT03798028 version registry record; site rule file 1.0; file SHA-256 not recorded" in out
    code, out, _ = cli(capsys, "audit", "verify")
    assert code == 0 and "intact" in out
