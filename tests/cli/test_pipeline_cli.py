"""The screening pipeline from the command line: enrolment outcomes, re-screening, CONSORT counts in
JSON, PDF and PNG, and the screening and enrolment log as sponsors file it (CSV and PDF)."""

from __future__ import annotations

import csv
import json
import subprocess
from datetime import date

from tests.cli.test_cli import cli
from tests.cli.test_edc import facts_file, run, screened  # noqa: F401  (S-001 signed eligible ... S-004 in progress)
from tests.conftest import PI

TODAY = date.today().isoformat()


def test_a_signed_eligible_subject_is_enrolled_and_the_screening_shows_its_stage(capsys, as_user, screened):
    out = run(capsys, *as_user(), "screening", "enrol", "S-001", "--number", "R-001")
    assert out.strip() == f"recorded: enrolled {TODAY} as R-001"
    shown = run(capsys, *as_user(), "screening", "show", "S-001")
    assert f"stage: enrolled; enrolled {TODAY} as R-001" in shown
    data = json.loads(run(capsys, *as_user(), "screening", "show", "S-001", "--format", "json"))
    assert data["stage"] == "enrolled" and data["enrolment"]["number"] == "R-001"
    listed = {e["screening_number"]: e for e in json.loads(run(capsys, *as_user(), "log", "list", "--format", "json"))}
    assert listed["S-001"]["stage"] == "enrolled" and listed["S-004"]["stage"] == "consented"
    assert listed["S-002"]["stage"] == "screened"  # ineligible on its criteria, the investigator yet to sign


def test_an_enrolment_the_rules_refuse_is_said_and_nothing_is_recorded(capsys, as_user, screened):
    code, _, err = cli(capsys, *as_user(), "screening", "enrol", "S-002", "--number", "R-001")
    assert code == 2 and "only once an investigator has signed the worksheet" in err
    code, _, err = cli(capsys, *as_user(), "screening", "not-enrolled", "S-001", "--reason", "other")
    assert code == 2 and "say in words what the other reason is" in err
    run(capsys, *as_user(), "screening", "enrol", "S-001", "--number", "R-001")
    code, _, err = cli(capsys, *as_user(), "screening", "not-enrolled", "S-001", "--reason", "declined")
    assert code == 2 and "give the reason for the change" in err
    out = run(capsys, *as_user(), "audit", "show", "S-001")
    assert out.count("enrolment") == 1


def test_the_bundled_protocol_allows_no_re_screening(capsys, as_user, screened):
    code, _, err = cli(capsys, *as_user(), "screening", "rescreen", "S-002", "--consent-date", "2026-11-30",
                       "--consent-version", "2.1", "--number", "S-102", "--on", "2026-11-30")
    assert code == 2 and "the protocol allows 1 in all" in err


def test_consort_counts_each_subject_once_and_say_what_screened_means(capsys, as_user, screened):
    run(capsys, *as_user(), "screening", "enrol", "S-001", "--number", "R-001")
    counts = json.loads(run(capsys, *as_user(), "log", "consort"))
    assert counts["assessed_for_eligibility"] == 4 and counts["enrolled"]["total"] == 1
    not_meeting = counts["excluded"]["not_meeting_criteria"]
    assert not_meeting["total"] == 2  # S-002 on I5 and E5; S-003 a screen failure
    by = {row["criterion"]: row["subjects"] for row in not_meeting["by_criterion"]}
    assert by["I5"] == 1 and by["E5"] == 1 and by["I1"] == 0
    assert counts["still_screening"]["in_progress"] == 1
    assert "consent" in counts["definitions"]["screened"]
    ranged = json.loads(run(capsys, *as_user(), "log", "consort", "--from", "2026-11-25"))
    assert ranged["assessed_for_eligibility"] == 2 and ranged["period"]["from"] == "2026-11-25"


def test_consort_pdf_and_png_are_real_files(capsys, as_user, screened, tmp_path):
    pdf, png = tmp_path / "consort.pdf", tmp_path / "consort.png"
    code, _, err = cli(capsys, *as_user(), "log", "consort", "--format", "pdf")
    assert code == 2 and "-o FILE" in err
    run(capsys, *as_user(), "log", "consort", "--format", "pdf", "-o", str(pdf))
    run(capsys, *as_user(), "log", "consort", "--format", "png", "--lang", "zh_CN", "-o", str(png))
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "NCT03798028" in text and "Assessed for eligibility" in text
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    code, _, err = cli(capsys, *as_user(), "log", "consort", "--format", "pdf", "-o", str(pdf))
    assert code == 2  # an existing file is never replaced


def test_the_sponsors_log_csv_and_pdf_carry_the_pipeline(capsys, as_user, screened, tmp_path):
    run(capsys, *as_user(), "screening", "enrol", "S-001", "--number", "R-001")
    out = tmp_path / "log.csv"
    run(capsys, *as_user(), "log", "export", "--csv", str(out))
    with open(out, encoding="utf-8-sig", newline="") as file:
        rows = {r["screening_number"]: r for r in csv.DictReader(file)}
    assert (rows["S-001"]["eligible"], rows["S-001"]["enrolled"], rows["S-001"]["randomisation_number"]) == ("Y", "Y", "R-001")
    assert rows["S-002"]["eligible"] == "N" and rows["S-004"]["eligible"] == "" and rows["S-004"]["enrolled"] == ""
    assert rows["S-001"]["attempt"] == "1" and rows["S-001"]["rescreen_of"] == ""
    assert "date_of_birth" not in rows["S-001"] and "sex" not in rows["S-001"]
    pdf = tmp_path / "log.pdf"
    run(capsys, *as_user(PI), "log", "export", "--pdf", str(pdf))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "R-001" in text and "S-004" in text and "Page 1 of" in text and PI in text
