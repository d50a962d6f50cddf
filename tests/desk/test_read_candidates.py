"""`read_candidates`: a clinic list decided at a site under the protocol version in force on the date."""

from __future__ import annotations

from datetime import date

import pytest

from tests.cli.test_prescreen import HEADER, ROWS
from trialdesk.desk import ProtocolFileError
from trialdesk.desk.prescreen import CandidatesRefused, read_candidates, screening_answers
from trialdesk.domain.errors import FactsInvalid
from trialdesk.domain.prescreen import PrescreenStatus

ON = date(2026, 11, 20)


def clinic_list(tmp_path, *rows, header=HEADER):
    path = tmp_path / "clinic.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def test_every_candidate_is_decided_in_the_file_s_order(open_site, tmp_path):
    candidates = read_candidates(open_site(), "NCT03798028", clinic_list(tmp_path, *ROWS), ON)
    assert [r.candidate.id for r in candidates.rows] == ["C-001", "C-002", "C-003", "C-004", "C-005"]
    assert [r.decision.status.value for r in candidates.rows] == [
        "not_eligible", "not_eligible", "could_be_eligible", "refused", "could_be_eligible"]
    assert candidates.rows[0].decision.deciding.criterion_id == "E5"
    assert candidates.counts() == {PrescreenStatus.COULD_BE_ELIGIBLE: 2, PrescreenStatus.NOT_ELIGIBLE: 2,
                                   PrescreenStatus.REFUSED: 1}
    assert candidates.on == ON and candidates.protocol.id == "NCT03798028"
    assert candidates.headers["haemoglobin"] == "haemoglobin [g/L]"


def test_the_same_results_as_the_command_line(open_site, tmp_path, capsys):
    from tests.cli.test_prescreen import prescreen, results

    _, out, _ = prescreen(capsys, tmp_path, *ROWS)
    candidates = read_candidates(open_site(), "NCT03798028", clinic_list(tmp_path, *ROWS), ON)
    assert [(r["status"], r["needs"]) for r in results(out)] == [
        (d.decision.status.value, " ".join(d.decision.needs)) for d in candidates.rows]


def test_a_candidate_s_answers_in_the_form_a_screening_starts_with(open_site, tmp_path):
    candidates = read_candidates(open_site(), "NCT03798028", clinic_list(tmp_path, ROWS[2]), ON)
    answers = screening_answers(candidates, candidates.rows[0])
    assert answers["haemoglobin"] == {"value": 85, "unit": "g/L"}
    assert answers["date_of_birth"] == "1972-03-15" and answers["tuberculosis"] == "no"
    assert "crp" in answers and "sex" in answers


def test_a_refused_candidate_has_no_answers_to_start_with(open_site, tmp_path):
    candidates = read_candidates(open_site(), "NCT03798028", clinic_list(tmp_path, ROWS[3]), ON)
    with pytest.raises(FactsInvalid):
        screening_answers(candidates, candidates.rows[0])


def test_a_refused_file_raises_its_refusal(open_site, tmp_path):
    path = clinic_list(tmp_path, "C-001,1", header="candidate,shoe_size")
    with pytest.raises(CandidatesRefused) as refused:
        read_candidates(open_site(), "NCT03798028", path, ON)
    assert refused.value.code == "prescreen.file.unknown_column"
    assert refused.value.params["column"] == "shoe_size"


def test_a_missing_file_is_refused_not_raised_as_os_error(open_site, tmp_path):
    with pytest.raises(CandidatesRefused) as refused:
        read_candidates(open_site(), "NCT03798028", tmp_path / "absent.csv", ON)
    assert refused.value.code == "prescreen.file.cannot_read"


def test_a_protocol_not_installed_is_refused(open_site, tmp_path):
    with pytest.raises(ProtocolFileError):
        read_candidates(open_site(), "NCT00000000", clinic_list(tmp_path, *ROWS), ON)


def test_a_screening_starts_from_a_candidate_s_answers_and_is_linked(open_site, tmp_path):
    from tests.conftest import COORDINATOR, PASSWORD

    site = open_site()
    desk = site.sign_in(COORDINATOR, PASSWORD)
    candidates = read_candidates(site, "NCT03798028", clinic_list(tmp_path, ROWS[2]), ON)
    row = candidates.rows[0]
    prescreen_id = desk.record_prescreen("NCT03798028", row.candidate.id, ON, row.decision.status.value, "needs more")
    subject = {"screening_number": "S-901", "initials": "ZHL", "consent_version": "v2.0 2026-09-01",
               "screening_date": ON.isoformat(), "consent_date": ON.isoformat()}
    session = desk.start_screening("NCT03798028", subject, screening_answers(candidates, row), prescreen_id=prescreen_id,
                                   confirmed=True)
    assert session.screening.answers["haemoglobin"] == {"value": 85, "unit": "g/L"}
    assert site.prescreenings("NCT03798028")[0].screening_number == "S-901"
