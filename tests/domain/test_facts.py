"""Bad answers are refused with a problem naming the fact, never evaluated."""

from datetime import date

import pytest

from trialdesk.domain.errors import FactsInvalid
from trialdesk.domain.evaluation import parse_facts
from trialdesk.messages import Messages

ON = date(2026, 11, 20)


def problems(protocol, raw):
    with pytest.raises(FactsInvalid) as raised:
        parse_facts(protocol, raw, ON)
    return [(p.fact, p.code) for p in raised.value.problems]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ({"hemoglobin": 85}, [("hemoglobin", "unknown_fact")]),
        ({"haemoglobin": 85}, [("haemoglobin", "unit_required")]),
        ({"haemoglobin": {"value": 85, "unit": "g/l"}}, [("haemoglobin", "unknown_unit")]),
        ({"haemoglobin": {"value": "eighty", "unit": "g/L"}}, [("haemoglobin", "not_a_number")]),
        ({"haemoglobin": {"value": "NaN", "unit": "g/L"}}, [("haemoglobin", "not_a_number")]),
        ({"haemoglobin": {"value": True, "unit": "g/L"}}, [("haemoglobin", "not_a_number")]),
        ({"haemoglobin": {"value": 850, "unit": "g/L"}}, [("haemoglobin", "implausible")]),
        ({"haemoglobin": {"value": 85, "unit": "g/dL"}}, [("haemoglobin", "implausible")]),  # 850 g/L
        ({"esr": {"value": 0, "unit": "mm/h"}}, [("esr", "implausible")]),
        ({"patient_global": {"value": 11, "unit": "cm"}}, [("patient_global", "implausible")]),
        ({"crp": {"value": -1, "unit": "mg/L"}}, [("crp", "implausible")]),
        ({"date_of_birth": "1970-02-30"}, [("date_of_birth", "invalid_date")]),
        ({"date_of_birth": "30/01/1970"}, [("date_of_birth", "invalid_date")]),
        ({"date_of_birth": "2027-01-01"}, [("date_of_birth", "after_screening")]),
        ({"last_biological_agent": "never"}, [("last_biological_agent", "invalid_date")]),
        ({"infection": "maybe"}, [("infection", "not_yes_no")]),
        ({"hbv": "reactive"}, [("hbv", "unknown_option")]),
        ({"joint_exam": {"tender": ["wrist"]}}, [("joint_exam", "unknown_joint")]),
        ({"joint_exam": ["wrist_r"]}, [("joint_exam", "not_a_joint_exam")]),
        ({"csdmard_history": "methotrexate"}, [("csdmard_history", "not_a_list")]),
    ],
)
def test_bad_answers_are_refused_naming_the_fact(nct, raw, expected):
    assert problems(nct, raw) == expected


def test_every_problem_is_reported_at_once(nct):
    found = problems(nct, {"esr": "x", "crp": {"value": 1, "unit": "%"}, "sex": "f"})
    assert sorted(found) == [("crp", "unknown_unit"), ("esr", "not_a_number"), ("sex", "unknown_option")]


def test_medication_entry_problems_name_the_entry_and_field(nct):
    course = {"drug": "methotrexate", "dose": 0, "unit": "mg/week", "route": "oral", "start": "2026-01-01", "stop": "2025-12-01"}
    with pytest.raises(FactsInvalid) as raised:
        parse_facts(nct, {"csdmard_history": [course]}, ON)
    found = {(p.path, p.code) for p in raised.value.problems}
    assert found == {((0, "dose"), "dose_not_positive"), ((0, "stop"), "before_start")}
    texts = [Messages(nct).problem(p) for p in raised.value.problems]
    assert any("entry 1, dose" in t for t in texts)


def test_a_drug_outside_the_facts_list_is_refused(nct):
    course = {"drug": "prednisone", "dose": 5, "unit": "mg/week", "route": "oral", "start": "2026-01-01"}
    assert problems(nct, {"csdmard_history": [course]}) == [("csdmard_history", "unknown_option")]


def test_messages_name_the_fact_and_the_expected_values(nct):
    with pytest.raises(FactsInvalid) as raised:
        parse_facts(nct, {"haemoglobin": {"value": 85, "unit": "g/dL"}}, ON)
    text = Messages(nct).problem(raised.value.problems[0])
    assert text == "Haemoglobin (haemoglobin): 85 g/dL is outside the plausible range 3–22 g/dL"


def test_none_means_not_entered(nct):
    assert parse_facts(nct, {"haemoglobin": None}, ON) == {}
