"""A protocol's example subjects: the tests-file models, and the agreement of every case."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from pydantic import ValidationError

from trialdesk.domain.protocol_tests import MAX_CASES, ExampleCase, ProtocolTests, run_cases
from trialdesk.domain.verdict import Overall, Verdict
from trialdesk.persistence.protocol_files import find_protocol

PROTOCOL = find_protocol("NCT00845832")
CRITERIA = [c.id for c in PROTOCOL.criteria]
ELIGIBLE = {c: ("met" if c.startswith("I") else "not_met") for c in CRITERIA}
BASE = {
    "date_of_birth": "1968-07-04", "ra_diagnosis": "yes", "functional_class": "class_2",
    "joint_exam": {"tender": ["wrist_r", "wrist_l", "mcp2_r", "knee_l"], "swollen": ["wrist_r", "wrist_l", "mcp2_r", "knee_l"]},
    "rheumatoid_factor": "negative", "anti_ccp": "positive", "anti_tnf_failed": 1,
    "methotrexate_history": [{"drug": "methotrexate", "dose": 20, "unit": "mg/week", "route": "oral",
                              "start": "2026-03-01", "last_change": None, "stop": None}],
    "methotrexate_inadequate_response": "yes", "other_rheumatic_autoimmune": "no",
    "other_inflammatory_joint_disease": "no", "jia_or_ra_before_16": "no", "cardiac_pulmonary_disease": "no",
    "other_biologic_for_ra": "no",
}


def case(**fields):
    return {"name": "a subject", "on": date(2026, 11, 20), "expect": dict(ELIGIBLE), **fields}


def agreement(*cases, base=BASE):
    return run_cases(PROTOCOL, ProtocolTests.model_validate({"protocol": "NCT00845832", "base_facts": base, "cases": cases}))


def test_the_eligible_subject_agrees_on_every_criterion():
    result = agreement(case(overall="eligible"))
    assert result.all_agree and result.agreed == 1
    assert [c.criterion_id for c in result.cases[0].criteria] == CRITERIA
    assert all(c.expected == c.got for c in result.cases[0].criteria)


def test_a_wrong_expectation_is_a_disagreement_naming_expected_and_got():
    result = agreement(case(name="17 today", facts={"date_of_birth": "2008-11-21"}), case(name="eligible"))
    first = result.cases[0]
    assert not result.all_agree and result.agreed == 1
    assert [(d.criterion_id, d.expected, d.got) for d in first.disagreements] == [("I1", "met", "not_met")]


def test_a_case_must_state_every_criterion_and_only_the_protocols():
    expect = {k: v for k, v in ELIGIBLE.items() if k != "E3"} | {"E9": "not_met"}
    result = agreement(case(expect=expect))
    found = {d.criterion_id: (d.expected, d.got) for d in result.cases[0].disagreements}
    assert found == {"E3": (None, "not_met"), "E9": ("not_met", None)}
    assert not result.all_agree


def test_the_overall_result_is_compared_when_given():
    result = agreement(case(facts={"cardiac_pulmonary_disease": "yes"}, expect={**ELIGIBLE, "E4": "met"}, overall="eligible"))
    only = result.cases[0]
    assert not only.disagreements and not only.overall_agrees and only.overall == "ineligible"


def test_a_missing_fact_gives_unknown_and_a_case_can_expect_it():
    result = agreement(case(facts={"anti_ccp": None}, expect={**ELIGIBLE, "I4": "unknown"}, overall="incomplete"))
    assert result.all_agree


def test_an_expected_refusal_names_the_fact_and_the_problem():
    refused = {"name": "too many", "on": "2026-11-20", "facts": {"anti_tnf_failed": 4}}
    assert agreement({**refused, "refused": {"anti_tnf_failed": "out_of_range"}}).all_agree
    assert agreement({**refused, "refused": {"anti_tnf_failed": None}}).all_agree  # any problem of that fact
    wrong_code = agreement({**refused, "refused": {"anti_tnf_failed": "not_whole"}})
    assert not wrong_code.all_agree and wrong_code.cases[0].refused == {"anti_tnf_failed": ("out_of_range",)}
    wrong_fact = agreement({**refused, "refused": {"date_of_birth": None}})
    assert not wrong_fact.all_agree


def test_facts_accepted_when_a_refusal_was_expected_or_refused_when_verdicts_were_do_not_agree():
    accepted = agreement({"name": "fine", "on": "2026-11-20", "refused": {"anti_tnf_failed": None}})
    assert not accepted.all_agree and accepted.cases[0].problems == ()
    refused = agreement(case(facts={"anti_tnf_failed": 4}))
    assert not refused.all_agree and [p.fact for p in refused.cases[0].problems] == ["anti_tnf_failed"]


def test_numbers_must_be_numbers_as_in_a_facts_file():
    result = agreement(case(facts={"anti_tnf_failed": "1"}))
    assert [(p.fact, p.code) for p in result.cases[0].problems] == [("anti_tnf_failed", "number_as_text")]


def test_a_case_replaces_base_facts_one_by_one_and_null_is_not_entered():
    tests = ProtocolTests.model_validate({"protocol": "NCT00845832", "base_facts": {"ra_diagnosis": "yes", "anti_ccp": "positive"},
                                          "cases": [case(facts={"anti_ccp": None, "sex": "x"})]})
    assert tests.answers(tests.cases[0]) == {"ra_diagnosis": "yes", "anti_ccp": None, "sex": "x"}


def test_a_bare_yaml_date_in_the_facts_is_its_iso_text():
    built = ExampleCase.model_validate(case(facts={"date_of_birth": date(2008, 11, 20),
                                                   "methotrexate_history": [{"start": date(2026, 3, 1)}]}))
    assert built.facts == {"date_of_birth": "2008-11-20", "methotrexate_history": [{"start": "2026-03-01"}]}
    with pytest.raises(ValidationError, match="in quotes"):
        ExampleCase.model_validate(case(facts={"date_of_birth": datetime(2008, 11, 20, 9, 30)}))


@pytest.mark.parametrize("verdict", [v.value for v in Verdict])
def test_every_verdict_the_engine_has_can_be_expected(verdict):
    assert ExampleCase.model_validate(case(expect={"I1": verdict})).expect == {"I1": verdict}


@pytest.mark.parametrize("overall", [o.value for o in Overall])
def test_every_overall_result_can_be_expected(overall):
    assert ExampleCase.model_validate(case(overall=overall)).overall == overall


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"expect": {"I1": "yes"}}, "unknown verdict 'yes'"),
        ({"overall": "maybe"}, "unknown overall result"),
        ({"expects": {}}, "Extra inputs are not permitted"),
        ({"expect": None}, "give the verdict of every criterion"),
        ({"refused": {"esr": None}}, "either verdicts"),
        ({"expect": None, "refused": {}}, "at least one fact"),
        ({"name": ""}, "at least 1 character"),
        ({"name": "x" * 201}, "at most 200 characters"),
        ({"on": "2026-11-31"}, "expected a date YYYY-MM-DD"),
        ({"on": 20261120}, "expected a date YYYY-MM-DD"),
        ({"on": "2026-11-20T00:00"}, "expected a date YYYY-MM-DD"),
        ({"facts": {"Not A Slug": 1}}, "should match pattern"),
        ({"facts": {"deep": [[[[[[[[[[1]]]]]]]]]]}}, "nested more than 8 deep"),
    ],
)
def test_a_malformed_case_is_refused(fields, message):
    with pytest.raises(ValidationError, match=message):
        ExampleCase.model_validate(case(**fields))


def test_the_file_is_bounded_names_its_protocol_and_names_each_case_once():
    with pytest.raises(ValidationError, match="a second case named"):
        ProtocolTests.model_validate({"protocol": "NCT00845832", "cases": [case(), case()]})
    with pytest.raises(ValidationError, match=f"at most {MAX_CASES} items"):
        ProtocolTests.model_validate({"protocol": "NCT00845832", "cases": [case(name=f"c{i}") for i in range(MAX_CASES + 1)]})
    with pytest.raises(ValidationError, match="at least one case"):
        ProtocolTests.model_validate({"protocol": "NCT00845832", "cases": []})
    with pytest.raises(ValueError, match="not 'NCT00845832'"):
        run_cases(PROTOCOL, ProtocolTests.model_validate({"protocol": "NCT03798028", "cases": [case()]}))
