"""`trialdesk edc`: a site's decided screenings handed to the sponsor's EDC, each file checked against
its format's rules (tests/edc_rules.py): CDASH IE as CSV and as ODM 1.3.2 (against CDISC's schema),
and a REDCap data dictionary with records that import into it."""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET

import pytest

from tests.cli.test_cli import cli
from tests.cli.test_lean_imports import heavy, imported_by
from tests.cli.test_signing_cli import pi_signing_files
from tests.conftest import ADMIN, PI
from tests.edc_rules import dictionary_problems, ie_problems, odm_schema, records_problems
from trialdesk.resources import resource_path

ODM = "{http://www.cdisc.org/ns/odm/v1.3}"


def facts_file(tmp_path, number: str, on: str, example: str = "eligible", **changes) -> str:
    data = json.loads(resource_path(f"examples/NCT03798028-{example}.json").read_text(encoding="utf-8"))
    data["subject"]["screening_number"] = number
    data["screening_date"] = on
    data["facts"].update(changes)
    path = tmp_path / f"{number}.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def run(capsys, *args):
    code, out, err = cli(capsys, *args)
    assert code == 0, err
    return out


@pytest.fixture
def screened(capsys, as_user, site_people, tmp_path):
    """Four screenings at site 01: S-001 eligible and signed; S-002 ineligible, two criteria not met (I5, E5);
    S-003 eligible, then a screen failure (consent withdrawn: no criterion failed); S-004 still in progress."""
    run(capsys, *as_user(ADMIN), "site", "set", "--name", "Rheumatology, Xijing Hospital", "--number", "01")
    new = ("screening", "new", "--protocol", "NCT03798028", "--facts")
    run(capsys, *as_user(), *new, facts_file(tmp_path, "S-001", "2026-11-20"))
    run(capsys, *as_user(), *new, facts_file(tmp_path, "S-002", "2026-11-24", haemoglobin={"value": 120, "unit": "g/L"},
                                              tuberculosis="yes"))
    run(capsys, *as_user(), *new, facts_file(tmp_path, "S-003", "2026-11-26"))
    run(capsys, *as_user(), *new, facts_file(tmp_path, "S-004", "2026-11-26", "incomplete"))
    run(capsys, *as_user(), "screening", "fail", "S-003", "--reason", "withdrew consent")
    run(capsys, *as_user(), "complete", "S-001")
    identity, secret = pi_signing_files(site_people, tmp_path)
    run(capsys, *as_user(PI), "sign", "S-001", "--identity", str(identity), "--passphrase-file", str(secret))
    return tmp_path


def read_csv(path, encoding="utf-8"):
    with open(path, encoding=encoding, newline="") as file:
        rows = list(csv.reader(file))
    return rows[0], rows[1:]


def test_ie_csv_has_one_record_per_criterion_not_met_and_the_all_met_answer(capsys, screened):
    target = screened / "ie.csv"
    out = run(capsys, "edc", "ie", "--protocol", "NCT03798028", "--format", "csv", "-o", str(target))
    assert f"wrote the IE records of 3 screenings of NCT03798028 to {target}" in out
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")  # spreadsheet programs read it as UTF-8
    with open(target, encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    assert ie_problems(rows) == []
    assert [(r["SUBJID"], r["IEYN"], r["IECAT"], r["IETESTCD"], r["IEORRES"]) for r in rows] == [
        ("S-001", "Y", "", "", ""),  # signed, eligible
        ("S-002", "N", "INCLUSION", "I5", "N"),  # an inclusion not met
        ("S-002", "N", "EXCLUSION", "E5", "Y"),  # an exclusion met
        ("S-003", "N", "", "", ""),  # a screen failure with no criterion failed still says No
    ]
    assert {(r["STUDYID"], r["SITEID"]) for r in rows} == {("NCT03798028", "01")}
    assert [r["IEDAT"] for r in rows] == ["2026-11-20", "2026-11-24", "2026-11-24", "2026-11-26"]
    assert rows[1]["IETEST"].startswith("Hemoglobin < 90 g/L")


def test_ie_odm_is_valid_odm_1_3_2_with_a_repeat_per_criterion_not_met(capsys, screened):
    target = screened / "ie.xml"
    run(capsys, "edc", "ie", "--protocol", "NCT03798028", "--format", "odm", "-o", str(target))
    schema = odm_schema()
    schema.validate(str(target))  # raises, naming the element, when the file breaks the schema
    root = ET.parse(target).getroot()
    assert (root.get("FileType"), root.get("ODMVersion")) == ("Snapshot", "1.3.2")
    assert root.get("CreationDateTime") and root.get("FileOID")
    names = [i.get("Name") for i in root.iter(f"{ODM}ItemDef")]
    assert names == ["STUDYID", "SITEID", "SUBJID", "IEDAT", "IEYN", "IECAT", "IETESTCD", "IETEST", "IEORRES"]
    lists = {c.get("OID"): [i.get("CodedValue") for i in c] for c in root.iter(f"{ODM}CodeList")}
    assert lists == {"CL.NY": ["N", "Y"], "CL.IECAT": ["INCLUSION", "EXCLUSION"]}
    subjects = {s.get("SubjectKey"): s for s in root.iter(f"{ODM}SubjectData")}
    assert list(subjects) == ["01-S-001", "01-S-002", "01-S-003"]  # the site's number and the screening's
    ineligible = [g for g in subjects["01-S-002"].iter(f"{ODM}ItemGroupData") if g.get("ItemGroupOID") == "IG.IE"]
    assert [g.get("ItemGroupRepeatKey") for g in ineligible] == ["1", "2"]
    assert [{d.get("ItemOID"): d.get("Value") for d in g}["IT.IETESTCD"] for g in ineligible] == ["I5", "E5"]
    said = {key: next(d.get("Value") for d in s.iter(f"{ODM}ItemData") if d.get("ItemOID") == "IT.IEYN")
            for key, s in subjects.items()}
    assert said == {"01-S-001": "Y", "01-S-002": "N", "01-S-003": "N"}
    # the schema check bites: the same file with a FileType ODM does not know is refused
    root.set("FileType", "Draft")
    assert not schema.is_valid(ET.tostring(root, encoding="unicode"))


def test_a_screening_date_range_exports_only_the_screenings_in_it(capsys, screened):
    target = screened / "late.csv"
    out = run(capsys, "edc", "ie", "--protocol", "NCT03798028", "--from", "2026-11-21", "--to", "2026-11-25",
              "-o", str(target))
    assert "of 1 screenings" in out
    with open(target, encoding="utf-8-sig", newline="") as file:
        assert {r["SUBJID"] for r in csv.DictReader(file)} == {"S-002"}
    code, _, err = cli(capsys, "edc", "ie", "--protocol", "NCT03798028", "--from", "2026-11-25", "--to", "2026-11-21",
                       "-o", str(screened / "none.csv"))
    assert code == 2 and "--from 2026-11-25 is after --to 2026-11-21" in err
    assert not (screened / "none.csv").exists()


def test_the_redcap_dictionary_follows_redcap_s_rules_and_the_records_import_into_it(capsys, screened):
    dictionary, records = screened / "dictionary.csv", screened / "records.csv"
    out = run(capsys, "edc", "redcap-dictionary", "--protocol", "NCT03798028", "-o", str(dictionary))
    assert "(37 fields)" in out  # 9 of the screening, 7 inclusions, 21 exclusions
    out = run(capsys, "edc", "redcap-records", "--protocol", "NCT03798028", "-o", str(records))
    assert "wrote 3 REDCap records" in out
    assert not dictionary.read_bytes().startswith(b"\xef\xbb\xbf")  # REDCap reads the first header as it is
    header, fields = read_csv(dictionary)
    assert dictionary_problems(header, fields) == []
    record_header, rows = read_csv(records)
    assert records_problems(fields, record_header, rows) == []
    by_number = {r["screening_number"]: r for r in (dict(zip(record_header, row)) for row in rows)}
    assert list(by_number) == ["S-001", "S-002", "S-003"]
    assert by_number["S-001"]["record_id"] == "01-S-001"
    assert [(r["eligibility_status"], r["all_criteria_met"], r["worksheet_signed"]) for r in by_number.values()] == [
        ("1", "1", "1"), ("2", "0", "0"), ("3", "0", "0")]
    assert (by_number["S-002"]["inc_i5"], by_number["S-002"]["exc_e5"]) == ("0", "1")  # not met; applies
    assert (by_number["S-001"]["inc_i5"], by_number["S-001"]["exc_e5"]) == ("1", "0")  # met; does not apply
    assert by_number["S-002"]["screening_date"] == "2026-11-24"


def test_an_existing_file_is_kept_unless_replace_is_given(capsys, screened):
    target = screened / "ie.csv"
    target.write_text("the sponsor's earlier file\n", encoding="utf-8")
    for action in (["ie"], ["redcap-dictionary"], ["redcap-records"]):
        code, _, err = cli(capsys, "edc", *action, "--protocol", "NCT03798028", "-o", str(target))
        assert code == 2 and f"{target} exists already" in err and "--replace" in err
        assert target.read_text(encoding="utf-8") == "the sponsor's earlier file\n"
    run(capsys, "edc", "ie", "--protocol", "NCT03798028", "-o", str(target), "--replace")
    assert "IETESTCD" in target.read_text(encoding="utf-8-sig")


def test_a_corrected_screening_is_exported_in_its_newest_version_only(capsys, as_user, screened):
    run(capsys, *as_user(PI), "screening", "correct", "S-001", "--reason", "consent form version misread")
    target = screened / "records.csv"
    run(capsys, "edc", "redcap-records", "--protocol", "NCT03798028", "-o", str(target))
    header, rows = read_csv(target)
    numbers = [dict(zip(header, row))["screening_number"] for row in rows]
    assert numbers.count("S-001") == 1
    assert "S-004" not in numbers  # still in progress


def test_refusals_are_one_line_without_a_traceback(capsys, screened, _own_data_dir):
    code, _, err = cli(capsys, "edc", "ie", "--protocol", "NCT99999999", "-o", str(screened / "x.csv"))
    assert code == 2 and "NCT99999999" in err
    code, _, err = cli(capsys, "edc", "ie", "--protocol", "NCT03798028", "-o", str(_own_data_dir / "trialdesk.sqlite3"))
    assert code == 2 and "part of the site's own records" in err
    with pytest.raises(SystemExit) as exited:
        cli(capsys, "edc", "ie", "--protocol", "NCT03798028", "--format", "xlsx", "-o", str(screened / "x.xlsx"))
    assert exited.value.code == 2


def test_an_export_signs_no_one_in_and_loads_no_qt(site_dir, tmp_path):
    modules = imported_by("edc", "ie", "--protocol", "NCT03798028", "--format", "odm", "-o", str(tmp_path / "ie.xml"))
    assert "trialdesk.desk.edc" in modules and (tmp_path / "ie.xml").exists()
    assert heavy(modules, ("argon2", "PySide6", "trialdesk.ui")) == []
    assert not {m for m in imported_by("edc", "ie", "--help") if m.startswith("trialdesk.cli.")} - {
        "trialdesk.cli.main", "trialdesk.cli.common", "trialdesk.cli.context", "trialdesk.cli.edc_cmd"}
