"""`trialdesk prescreen`: a clinic list in, one result per candidate out, in the list's order."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.cli.test_cli import cli
from tests.cli.test_lean_imports import heavy, imported_by
from trialdesk.desk import candidates_file

ON = "2026-11-20"
HEADER = "candidate,date_of_birth,sex,haemoglobin [g/L],tuberculosis,hbv,crp"
ROWS = [
    "C-001,1972-03-15,male,130,yes,,",  # E5 applies: tuberculosis
    "C-002,2015-01-01,female,,,,",  # I2 not met: age 11
    "C-003,1972-03-15,male,85,no,negative,12 mg/L",  # could be eligible: much still needed
    "C-004,1980-05-05,female,abc,no,maybe,",  # refused: two bad cells
    "C-005,1980-05-05,female,,unknown,,",  # answered, but not known: still needed
]


def prescreen(capsys, tmp_path, *rows, header=HEADER, options=()):
    source = tmp_path / "candidates.csv"
    source.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return cli(capsys, "prescreen", "--protocol", "NCT03798028", "--on", ON, *options, str(source))


def results(out: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(out)))


def test_each_candidate_gets_one_result_in_the_list_s_order(capsys, tmp_path):
    code, out, err = prescreen(capsys, tmp_path, *ROWS)
    rows = results(out)
    assert code == 0
    assert [r["candidate"] for r in rows] == ["C-001", "C-002", "C-003", "C-004", "C-005"]
    assert [r["line"] for r in rows] == ["2", "3", "4", "5", "6"]
    assert [r["status"] for r in rows] == ["not_eligible", "not_eligible", "could_be_eligible", "refused",
                                           "could_be_eligible"]
    assert "5 candidates: 2 could be eligible, 2 not eligible, 1 refused" in err


def test_ruled_out_by_an_exclusion_that_applies(capsys, tmp_path):
    _, out, _ = prescreen(capsys, tmp_path, ROWS[0])
    row = results(out)[0]
    assert (row["criterion"], row["reason_code"], row["needs"]) == ("E5", "attestation", "")
    assert row["text"].startswith("not eligible: E5 applies: excluded: ") and "tuberculosis" in row["text"]


def test_ruled_out_by_an_inclusion_not_met(capsys, tmp_path):
    _, out, _ = prescreen(capsys, tmp_path, ROWS[1])
    row = results(out)[0]
    assert (row["status"], row["criterion"], row["reason_code"]) == ("not_eligible", "I2", "age")
    assert "I2 not met: excluded" in row["text"] and "age 11" in row["text"]


def test_could_be_eligible_with_the_facts_still_needed(capsys, tmp_path):
    _, out, _ = prescreen(capsys, tmp_path, ROWS[2], ROWS[4])
    man, unknown = results(out)
    needs = man["needs"].split()
    assert man["criterion"] == "" and {"consent_date", "joint_exam", "hiv"} <= set(needs)
    assert not {"date_of_birth", "sex", "haemoglobin", "tuberculosis", "hbv", "crp"} & set(needs)  # known already
    assert "pregnant" not in needs  # not asked of a man
    assert man["text"].startswith("could be eligible; needs: Date informed consent was signed, ")
    assert "tuberculosis" in unknown["needs"].split() and "pregnant" in unknown["needs"].split()


def test_a_candidate_is_ruled_out_only_by_a_decided_criterion(capsys, tmp_path):
    """Nothing known but the id: every criterion is open, so nobody is excluded for what is missing."""
    _, out, _ = prescreen(capsys, tmp_path, "C-010", header="candidate")
    row = results(out)[0]
    assert row["status"] == "could_be_eligible" and len(row["needs"].split()) > 50


def test_a_bad_cell_refuses_its_row_only_naming_the_column_and_what_was_expected(capsys, tmp_path):
    code, out, _ = prescreen(capsys, tmp_path, ROWS[3], ROWS[0])
    refused, decided = results(out)
    assert code == 0 and decided["status"] == "not_eligible"
    assert refused["status"] == "refused" and refused["criterion"] == ""
    assert "(haemoglobin): “abc” is not a number" in refused["text"]
    assert "(hbv): “maybe” is not one of negative, positive, not_done" in refused["text"]


@pytest.mark.parametrize(("cell", "expected"), [
    ("8.5 g/dL", "column haemoglobin [g/L]: the cell gives the unit “g/dL”, the header “g/L”"),
    ("500", "500 g/L is outside the plausible range 30–220 g/L"),
])
def test_the_unit_in_the_header_reads_every_number_of_its_column(capsys, tmp_path, cell, expected):
    _, out, _ = prescreen(capsys, tmp_path, f"C-020,{cell}", "C-021,85 g/L", "C-022,85", header="id,haemoglobin [g/L]")
    bad, same_unit, number = results(out)
    assert bad["status"] == "refused" and expected in bad["text"]
    assert same_unit["status"] == number["status"] == "could_be_eligible"
    assert "haemoglobin" not in same_unit["needs"].split()


def test_a_measurement_with_its_unit_in_the_cell_is_read_as_screening_set_reads_it(capsys, tmp_path):
    _, out, _ = prescreen(capsys, tmp_path, "C-030,12 kg", "C-031,12", "C-032,1.2 mg/dL", header="id,crp")
    wrong_unit, no_unit, right = results(out)
    assert "unknown unit “kg”; expected one of mg/L, mg/dL" in wrong_unit["text"]
    assert "give the unit: one of mg/L, mg/dL" in no_unit["text"]
    assert right["status"] == "could_be_eligible" and "crp" not in right["needs"].split()


@pytest.mark.parametrize(("header", "expected"), [
    ("candidate,haemoglobin,weight", "column weight: this protocol asks no such fact; known facts: date_of_birth, sex"),
    ("candidate,haemoglobin [kg]", "column haemoglobin [kg]: unknown unit “kg”; expected one of g/L, g/dL, mmol/L"),
    ("candidate,sex [g/L]", "column sex [g/L]: sex is not a measurement"),
    ("candidate,sex,sex", "column sex: sex has a column already"),
    ("candidate," + ",".join(["sex"] * 100), "the header has 101 columns"),
    ("candidate,sex,", "column 3 has no fact id in its header"),  # a spreadsheet's empty column
    ("", "has no header row"),
])
def test_a_bad_header_refuses_the_whole_file_naming_the_column(capsys, tmp_path, header, expected):
    code, out, err = prescreen(capsys, tmp_path, "C-001,x", header=header)
    assert code == 2 and out == ""
    assert expected in err


def test_chinese_results_keep_the_same_status_codes(capsys, tmp_path):
    code, out, err = prescreen(capsys, tmp_path, *ROWS, options=("--lang", "zh_CN"))
    rows = results(out)
    assert code == 0 and [r["status"] for r in rows][:3] == ["not_eligible", "not_eligible", "could_be_eligible"]
    assert rows[0]["text"].startswith("不符合入选条件：E5") and rows[0]["criterion"] == "E5"
    assert rows[2]["text"].startswith("可能符合入选条件；尚需：签署知情同意书的日期")
    assert rows[3]["text"].startswith("已拒绝：血红蛋白 (haemoglobin)")
    assert "共 5 名候选者" in err


@pytest.mark.parametrize(("limit", "value", "expected"), [
    ("MAX_FILE_BYTES", 200, "is larger than 0 MiB: split the list"),
    ("MAX_ROWS", 3, "has more than 3 candidates: split the list"),
])
def test_an_over_size_file_is_refused_and_nothing_is_written(capsys, tmp_path, monkeypatch, limit, value, expected):
    monkeypatch.setattr(candidates_file, limit, value)
    target = tmp_path / "results.csv"
    code, out, err = prescreen(capsys, tmp_path, *ROWS, options=("-o", str(target)))
    assert code == 2 and out == "" and expected in err
    assert not target.exists()


@pytest.mark.parametrize(("rows", "expected"), [
    (['C-001,"1972-03-15' + "\nx" * 10], "line 2: a row longer than"),  # an unclosed quote: the rest of the file
    (['C-001,"1972"-03-15'], "line 2: not CSV: ',' expected after '\"'"),  # text after a cell's closing quote
])
def test_a_row_that_would_swallow_the_file_or_is_not_csv_refuses_it(capsys, tmp_path, monkeypatch, rows, expected):
    monkeypatch.setattr(candidates_file, "MAX_ROW_CHARS", 30)
    code, out, err = prescreen(capsys, tmp_path, *rows, header="candidate,date_of_birth")
    assert code == 2 and out == "" and expected in err


def test_a_file_that_is_not_text_is_refused(capsys, tmp_path):
    source = tmp_path / "list.csv"
    source.write_bytes(b"candidate,sex\n\xff\xfe,male\n")
    code, out, err = cli(capsys, "prescreen", "--protocol", "NCT03798028", str(source))
    assert code == 2 and out == "" and "is not UTF-8 text" in err


def test_hostile_ids_and_cells_refuse_their_row(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr(candidates_file, "MAX_CELL_CHARS", 50)
    code, out, _ = prescreen(capsys, tmp_path, "=HYPERLINK(x),male", ",male", "C-1,male", "C-1,female", "C-2," + "m" * 51,
                             "C-3,male,extra", header="candidate,sex")
    formula, no_id, first, again, long_cell, extra = results(out)
    assert code == 0 and first["status"] == "could_be_eligible"
    assert formula["status"] == "refused" and "not starting with = + - @" in formula["text"]
    assert "column candidate: no candidate id" in no_id["text"]
    assert "the candidate “C-1” is on line 4 already" in again["text"]
    assert "column sex: a cell longer than 50 characters" in long_cell["text"]
    assert "the row has 3 cells, the header 2" in extra["text"]


def test_jsonl_results_with_lists_and_the_problems_by_column(capsys, tmp_path):
    target = tmp_path / "results.jsonl"
    code, out, _ = prescreen(capsys, tmp_path, *ROWS, options=("-o", str(target)))
    records = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert code == 0 and out == ""
    assert [r["candidate"] for r in records] == ["C-001", "C-002", "C-003", "C-004", "C-005"]
    assert records[0]["excluded_by"] == ["E5"] and records[0]["needs"] == []
    assert "consent_date" in records[2]["needs"] and records[2]["status"] == "could_be_eligible"
    problems = records[3]["problems"]
    assert [(p["column"], p["code"]) for p in problems] == [("haemoglobin [g/L]", "bad_number_text"), ("hbv", "unknown_option")]


def test_results_never_replace_a_file_and_go_only_to_csv_or_jsonl(capsys, tmp_path):
    kept = tmp_path / "kept.csv"
    kept.write_text("mine\n", encoding="utf-8")
    code, _, err = prescreen(capsys, tmp_path, *ROWS, options=("-o", str(kept)))
    assert code == 2 and "already exists" in err and kept.read_text(encoding="utf-8") == "mine\n"
    code, _, err = prescreen(capsys, tmp_path, *ROWS, options=("-o", str(tmp_path / "results.xlsx")))
    assert code == 2 and ".csv or a .jsonl" in err and not (tmp_path / "results.xlsx").exists()


def test_a_medication_history_cell_is_json_read_strictly(capsys, tmp_path):
    course = '"[{""drug"": ""methotrexate"", ""dose"": 15, ""unit"": ""mg/week"", ""route"": ""oral"", ""start"": ""2026-08-01""}]"'
    _, out, _ = prescreen(capsys, tmp_path, f"C-040,{course}", 'C-041,"[{""drug"": ""methotrexate""}, {""drug"": ""x"", ""drug"": 1}]"',
                          header="candidate,csdmard_history")
    read, duplicate = results(out)
    assert read["status"] == "could_be_eligible" and "csdmard_history" not in read["needs"].split()
    assert duplicate["status"] == "refused" and "drug" in duplicate["text"]


def test_pre_screening_imports_no_database_pdf_or_qt(tmp_path):
    source = tmp_path / "candidates.csv"
    source.write_text("\n".join([HEADER, *ROWS]) + "\n", encoding="utf-8")
    assert heavy(imported_by("prescreen", "--protocol", "NCT03798028", "--on", ON, str(source))) == []
