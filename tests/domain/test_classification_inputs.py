"""The 2010 ACR/EULAR and 1987 ACR criteria from the observations of source documents: RF and
ACPA with their ULNs, CRP and ESR, durations, joint areas and a classification joint
assessment of its own; every boundary exact, every refusal naming the score and the input."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.domain.conftest import SCREENING, mini, run
from trialdesk.domain.classification import acute_phase_category, serology_category
from trialdesk.domain.errors import FactsInvalid
from trialdesk.domain.evaluation import evaluate, normal_answer, parse_facts
from trialdesk.domain.protocol import Protocol
from trialdesk.domain.values import NOT_DOCUMENTED, JointInvolvement
from trialdesk.domain.verdict import Outcome, Verdict
from trialdesk.messages import Messages

MET, NOT_MET, UNKNOWN = Verdict.MET, Verdict.NOT_MET, Verdict.UNKNOWN
NOT_DONE = {"id": "not_done", "label": "Not done", "unknown": True}
SEROLOGY = [{"id": "negative", "label": "Negative"}, {"id": "low_positive", "label": "Low positive"},
            {"id": "high_positive", "label": "High positive"}, NOT_DONE]
ACUTE = [{"id": "normal", "label": "Normal"}, {"id": "abnormal", "label": "Abnormal"}, NOT_DONE]


def _lab(fact_id: str, label: str, quantity: str, unit: str, results: list) -> dict:
    return {"id": fact_id, "type": "number", "label": label, "quantity": quantity, "units": [unit], "uln": True,
            "plausible": {"min": 0, "max": 10000}, "results": results}


FACTS = [
    {"id": "joint_exam", "type": "joints", "joint_set": "extended", "label": "Today's joint examination"},
    {"id": "classification_joints", "type": "involved_joints", "copy_from": "joint_exam", "label": "Classification joints"},
    _lab("rf", "RF", "rheumatoid_factor", "IU/mL", SEROLOGY),
    _lab("acpa", "ACPA", "acpa", "U/mL", SEROLOGY),
    _lab("crp", "CRP", "crp", "mg/L", ACUTE),
    _lab("esr", "ESR", "esr", "mm/h", ACUTE),
    {"id": "symptoms", "type": "number", "label": "Symptoms", "quantity": "duration", "units": ["weeks", "days"],
     "plausible": {"min": 0, "max": 5200}},
    {"id": "onset", "type": "date", "label": "Onset"},
    {"id": "stiffness", "type": "number", "label": "Morning stiffness", "quantity": "stiffness", "units": ["min", "h"],
     "plausible": {"min": 0, "max": 1440}},
    {"id": "areas", "type": "count", "maximum": 14, "label": "Joint areas"},
    {"id": "criteria_weeks", "type": "number", "label": "Criteria 1-4 present", "quantity": "duration",
     "units": ["weeks", "days"], "plausible": {"min": 0, "max": 5200}},
    *({"id": f, "type": "yes_no", "label": f} for f in ("hand", "symmetric", "nodules", "erosions")),
]
INPUTS_2010 = {"large_joints": "classification_joints", "small_joints": "classification_joints", "rf": "rf",
               "acpa": "acpa", "crp": "crp", "esr": "esr", "duration_6_weeks": "symptoms"}
INPUTS_1987 = {"morning_stiffness": "stiffness", "arthritis_3_areas": "areas", "hand_arthritis": "hand",
               "symmetric_arthritis": "symmetric", "rheumatoid_nodules": "nodules", "rheumatoid_factor": "rf",
               "radiographic_changes": "erosions", "present_6_weeks": "criteria_weeks"}
DECLARED = {"units": [{"symbol": "U/mL", "equals": 1000, "unit": "U/L"}],
            "quantities": [{"id": "rheumatoid_factor", "unit": "IU/mL"}, {"id": "acpa", "unit": "U/mL"},
                           {"id": "stiffness", "unit": "min", "units": ["h"]}]}


def protocol(inputs_2010: dict | None = None, facts: list | None = None, rule: dict | None = None,
             **inputs: str) -> Protocol:
    scores = [{"id": "acr2010", "label": "2010 ACR/EULAR", "calculator": "acr_eular_2010",
               "inputs": {**(inputs_2010 or INPUTS_2010), **inputs}},
              {"id": "acr1987", "label": "1987 ACR", "calculator": "acr_1987", "inputs": INPUTS_1987},
              {"id": "tjc", "label": "TJC28", "calculator": "tjc28", "inputs": {"joints": "joint_exam"}}]
    rule = rule or {"kind": "any_of", "any_of": [{"kind": "threshold", "score": "acr2010", "op": ">=", "value": 6},
                                                 {"kind": "threshold", "score": "acr1987", "op": ">=", "value": 4}]}
    return mini(facts or FACTS, rule, scores, **DECLARED)


P = protocol()


def lab(value: Any, uln: Any, unit: str) -> dict:
    return {"value": value, "unit": unit, "uln": uln}


def subject(**answers: Any) -> dict[str, Any]:
    """A subject scoring 2010 joints 3 (3 large, 4 small), serology 2, acute phase 0, duration 1: 6."""
    raw = {"classification_joints": {"date": "2019-04-02", "large": 3, "small": 4}, "rf": lab(25, 20, "IU/mL"),
           "acpa": "negative", "crp": lab(4, 10, "mg/L"), "esr": "not_done", "symptoms": {"value": 8, "unit": "weeks"}}
    return {**raw, **answers}


def score(raw: dict[str, Any], score_id: str = "acr2010", p: Protocol = P):
    return run(p, raw).scores[score_id]


def words(raw: dict[str, Any], score_id: str = "acr2010", p: Protocol = P, lang: str = "en") -> str:
    return Messages(p, lang).score(score(raw, score_id, p))


# -- serology: value against ULN, exactly ------------------------------------------------------


@pytest.mark.parametrize(("value", "category"), [
    ("20", "negative"), ("20.01", "low_positive"), ("60", "low_positive"), ("60.01", "high_positive"),
])
def test_rf_against_its_uln_exactly(value, category):
    assert serology_category(Decimal(value), Decimal(20)) == category
    assert score(subject(rf=lab(value, 20, "IU/mL"))).inputs["serology"] == category


def test_exactly_three_times_a_fractional_uln_is_low_positive():
    assert serology_category(Decimal("0.3"), Decimal("0.1")) == "low_positive"  # 0.1 * 3 is 0.30000000000000004 in floats
    assert serology_category(Decimal("0.31"), Decimal("0.1")) == "high_positive"
    assert score(subject(rf=lab("61.5", "20.5", "IU/mL"))).components["serology"] == 2
    assert score(subject(rf=lab("61.51", "20.5", "IU/mL"))).components["serology"] == 3


def test_a_positive_reported_with_no_value_is_scored_low_positive():
    """Aletaha 2010: "where RF information is only available as positive or negative, a positive result
    should be scored as low-positive RF"."""
    positive = [*SEROLOGY, {"id": "positive", "label": "Positive"}]
    facts = [f if f["id"] != "rf" else _lab("rf", "RF", "rheumatoid_factor", "IU/mL", positive) for f in FACTS]
    p = protocol(facts=facts)
    result = score(subject(rf="positive", acpa="not_done"), p=p)
    assert result.components["serology"] == 2
    assert "RF reported as Positive, with no value: scored as low positive" in words(subject(rf="positive", acpa="not_done"), p=p)
    assert score(subject(rf="positive", acpa="not_done"), "acr1987", p).inputs["rheumatoid_factor"] is True


def test_serology_is_the_higher_category_and_names_how_it_was_computed():
    result = score(subject(rf=lab(61, 20, "IU/mL"), acpa=lab(30, 17, "U/mL")))
    assert result.components == {"joints": 3, "serology": 3, "acute_phase": 0, "duration": 1}
    text = words(subject(rf=lab(61, 20, "IU/mL"), acpa=lab(30, 17, "U/mL")))
    assert "serology 3: RF 61 IU/mL > 3 × ULN 20 IU/mL = 60 IU/mL: high positive" in text
    assert "ACPA 30 U/mL > ULN 17 U/mL and ≤ 3 × ULN 17 U/mL = 51 U/mL: low positive" in text


def test_a_test_not_done_is_left_out_and_one_result_is_enough():
    result = score(subject(rf="not_done", acpa=lab(18, 17, "U/mL")))
    assert result.components["serology"] == 2
    assert "RF: Not done, left out" in words(subject(rf="not_done", acpa=lab(18, 17, "U/mL")))


def test_both_tests_not_done_leave_serology_unknown():
    raw = subject(rf="not_done", acpa="not_done")
    result = score(raw)
    assert result.value is None and result.missing == ("rf", "acpa") and result.bounds == (4, 7)
    text = words(raw)
    assert "no result: at least one of RF, ACPA is needed" in text and "RF (Not done)" in text


def test_a_high_positive_decides_serology_before_the_other_test_is_entered():
    raw = subject(rf=lab(100, 20, "IU/mL"), acpa=None)
    assert score(raw).components["serology"] == 3 and run(P, raw).results[0].verdict is MET
    open_raw = subject(rf=lab(21, 20, "IU/mL"), acpa=None)
    assert score(open_raw).missing == ("acpa",) and score(open_raw).bounds == (6, 7)


def test_a_value_without_its_uln_is_refused_at_entry():
    with pytest.raises(FactsInvalid) as refused:
        parse_facts(P, {"rf": {"value": 25, "unit": "IU/mL"}}, SCREENING)
    assert refused.value.problems[0].code == "uln_required"


# -- acute phase --------------------------------------------------------------------------------


@pytest.mark.parametrize(("crp", "abnormal"), [("10", False), ("10.01", True)])
def test_crp_is_abnormal_only_above_its_uln(crp, abnormal):
    assert (acute_phase_category(Decimal(crp), Decimal(10)) == "abnormal") is abnormal
    assert score(subject(crp=lab(crp, 10, "mg/L"))).components["acute_phase"] == int(abnormal)


def test_acute_phase_from_results_and_both_not_done():
    assert score(subject(crp="not_done", esr="abnormal")).components["acute_phase"] == 1
    both = score(subject(crp="not_done", esr="not_done"))
    assert both.value is None and both.missing == ("crp", "esr") and both.bounds == (6, 7)
    assert score(subject(crp="normal", esr=None)).missing == ("esr",)
    assert score(subject(crp=lab(30, 10, "mg/L"), esr=None)).components["acute_phase"] == 1


# -- durations ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("answer", "point"), [
    ({"value": 5, "unit": "weeks"}, 0), ({"value": 6, "unit": "weeks"}, 1),
    ({"value": 41, "unit": "days"}, 0), ({"value": 42, "unit": "days"}, 1), ({"value": "5.99", "unit": "weeks"}, 0),
])
def test_symptoms_of_six_weeks_or_42_days_score_a_point(answer, point):
    assert score(subject(symptoms=answer)).components["duration"] == point


@pytest.mark.parametrize(("days_before", "point"), [(41, 0), (42, 1)])
def test_symptom_onset_at_least_42_days_before_screening(days_before, point):
    p = protocol(duration_6_weeks="onset")
    onset = date.fromordinal(SCREENING.toordinal() - days_before).isoformat()
    result = score(subject(symptoms=None, onset=onset), p=p)
    assert result.components["duration"] == point
    relation = "≥" if point else "<"
    assert f"Onset {onset}: {days_before} days before {SCREENING} {relation} 6 weeks (42 days)" in Messages(p).score(result)


def _1987(**answers: Any) -> dict[str, Any]:
    """Criteria 2, 3 and 6 met and present 8 weeks: 3 of 7, so criterion 1 decides."""
    raw = {"stiffness": {"value": 30, "unit": "min"}, "areas": 3, "hand": "yes", "symmetric": "no", "nodules": "no",
           "rf": lab(25, 20, "IU/mL"), "erosions": "no", "criteria_weeks": {"value": 8, "unit": "weeks"}}
    return {**raw, **answers}


@pytest.mark.parametrize(("stiffness", "count"), [
    ({"value": 59, "unit": "min"}, 3), ({"value": 60, "unit": "min"}, 4), ({"value": 1, "unit": "h"}, 4),
    ({"value": "0.99", "unit": "h"}, 3),
])
def test_morning_stiffness_of_60_minutes_counts_59_does_not(stiffness, count):
    assert score(_1987(stiffness=stiffness), "acr1987").value == count


@pytest.mark.parametrize(("weeks", "count"), [(5, 1), (6, 3)])
def test_criteria_1_to_4_count_only_when_present_6_weeks(weeks, count):
    raw = _1987(stiffness={"value": 90, "unit": "min"}, hand="no", criteria_weeks={"value": weeks, "unit": "weeks"})
    assert score(raw, "acr1987").value == count


def test_1987_areas_and_rheumatoid_factor_from_observations():
    assert score(_1987(areas=2, stiffness={"value": 60, "unit": "min"}), "acr1987").value == 3
    assert score(_1987(rf=lab(20, 20, "IU/mL"), stiffness={"value": 60, "unit": "min"}), "acr1987").value == 3
    assert score(_1987(rf="low_positive", stiffness={"value": 60, "unit": "min"}), "acr1987").value == 4
    rf_not_done = score(_1987(rf="not_done"), "acr1987")
    assert rf_not_done.missing == ("rf",) and rf_not_done.bounds == (2, 3)
    text = words(_1987(stiffness={"value": 59, "unit": "min"}), "acr1987")
    assert "criterion 1: Morning stiffness 59 min < 60 minutes" in text
    assert "criterion 2: Joint areas 3 ≥ 3 of 14 joint areas" in text


# -- the classification joint assessment -------------------------------------------------------------


@pytest.mark.parametrize(("large", "small", "points"), [(6, 4, 3), (6, 5, 5), (10, 0, 1), (10, 1, 5)])
def test_ten_versus_eleven_classification_joints(large, small, points):
    assert score(subject(classification_joints={"date": "2019-04-02", "large": large, "small": small})
                 ).components["joints"] == points


def test_marked_joints_are_counted_by_size_and_eleven_need_one_small():
    ten = ["shoulder_r", "shoulder_l", "elbow_r", "elbow_l", "hip_r", "hip_l", "knee_r", "knee_l", "ankle_r", "ankle_l"]
    assert score(subject(classification_joints={"date": "2019-04-02", "joints": ten})).components["joints"] == 1
    eleven = {"date": "2019-04-02", "joints": [*ten, "mtp2_r"]}
    assert score(subject(classification_joints=eleven)).components["joints"] == 5


def test_a_classification_assessment_different_from_todays_examination():
    today = {"tender": [f"{j}_{s}" for j in ("wrist", "mcp2", "mcp3", "pip2", "pip3", "knee") for s in "rl"], "swollen": []}
    raw = subject(joint_exam=today, classification_joints={"date": "2015-06-01", "joints": ["knee_r", "knee_l", "ankle_r"]},
                  rf=lab(61, 20, "IU/mL"), crp=lab(12, 10, "mg/L"))
    report = run(P, raw)
    assert report.scores["tjc"].value == 12  # today's activity, from today's examination
    assert report.scores["acr2010"].components == {"joints": 1, "serology": 3, "acute_phase": 1, "duration": 1}
    assert report.results[0].verdict is MET
    assert "joints 1: 3 large and 0 small joints involved on 2015-06-01" in words(raw)


def test_undocumented_classification_joints_leave_the_domain_to_the_bounds():
    low = subject(classification_joints=NOT_DOCUMENTED, rf="negative", crp="normal", symptoms={"value": 5, "unit": "weeks"})
    result = run(P, low)
    assert result.scores["acr2010"].bounds == (0, 5) and result.scores["acr2010"].not_known == {
        "classification_joints": NOT_DOCUMENTED}
    assert result.results[0].verdict is UNKNOWN  # the 1987 criteria are not entered
    only_2010 = protocol(rule={"kind": "threshold", "score": "acr2010", "op": ">=", "value": 6})
    assert run(only_2010, low).results[0].verdict is NOT_MET  # 0-5 points: 6 cannot be reached
    high = subject(classification_joints=NOT_DOCUMENTED)  # serology 2 + duration 1: 3-8
    outcome = run(only_2010, high).results[0]
    assert outcome.verdict is UNKNOWN
    assert Messages(only_2010).reason(Outcome(outcome.verdict, outcome.reason)) == (
        "2010 ACR/EULAR can still be 3 to 8, so >= 6 is not decided: it needs Classification joints (not documented)")
    assert "joints 0–5: Classification joints: not documented, so the joint domain stays open" in words(high, p=only_2010)


def test_involved_joints_answers_their_normal_form_and_display():
    on = SCREENING
    marked = normal_answer(P, "classification_joints", {"date": "2019-04-02", "joints": ["knee_l", "wrist_r", "knee_l"]}, on)
    assert marked == {"date": "2019-04-02", "joints": ["wrist_r", "knee_l"]}
    assert normal_answer(P, "classification_joints", {"date": "2019-04-02", "large": "3", "small": 4}, on) == {
        "date": "2019-04-02", "large": 3, "small": 4}
    assert normal_answer(P, "classification_joints", NOT_DOCUMENTED, on) == NOT_DOCUMENTED
    value = parse_facts(P, {"classification_joints": marked}, on)["classification_joints"]
    assert value == JointInvolvement(date(2019, 4, 2), frozenset({"wrist_r", "knee_l"}))
    assert (value.large_count, value.small_count) == (1, 1)
    text = Messages(P)
    assert text.answer_text("classification_joints", marked) == (
        "on 2019-04-02, 2 involved (1 large, 1 small): right wrist, left knee")
    assert text.answer_text("classification_joints", {"date": "2019-04-02", "large": 3, "small": 4}) == (
        "on 2019-04-02, 3 large and 4 small joints involved (numbers from the notes)")
    assert text.answer_text("classification_joints", NOT_DOCUMENTED) == "not documented"
    assert text.answer_text("rf", "high_positive") == "High positive"


@pytest.mark.parametrize(("raw", "code", "path"), [
    ({"large": 1, "small": 2}, "assessment_date_required", ("date",)),
    ({"date": "2026-11-21", "joints": []}, "after_screening", ("date",)),
    ({"date": "2019-04-02", "large": 11, "small": 0}, "out_of_range", ("large",)),
    ({"date": "2019-04-02", "large": 1, "small": 31}, "out_of_range", ("small",)),
    ({"date": "2019-04-02", "large": 1.5, "small": 0}, "not_whole", ("large",)),
    ({"date": "2019-04-02", "joints": ["dip2_r"]}, "unknown_joint", ("joints",)),
    ({"date": "2019-04-02", "joints": ["knee_r"], "large": 1}, "not_involved_joints", ()),
    ("documented", "not_involved_joints", ()),
])
def test_an_involved_joints_answer_is_refused_naming_what_is_wrong(raw, code, path):
    with pytest.raises(FactsInvalid) as refused:
        parse_facts(P, {"classification_joints": raw}, SCREENING)
    problem = refused.value.problems[0]
    assert (problem.code, problem.path) == (code, path)
    assert Messages(P).problem(problem).startswith("Classification joints (classification_joints)")


def test_a_qualitative_result_is_not_a_value_to_compare():
    p = mini([_lab("rf", "RF", "crp", "mg/L", SEROLOGY)], {"kind": "threshold", "fact": "rf", "op": ">", "value": 20})
    reported = run(p, {"rf": "negative"}).results[0]
    assert reported.verdict is UNKNOWN
    assert Messages(p).reason(Outcome(reported.verdict, reported.reason)) == "RF: reported as Negative, not as a value"
    not_done = run(p, {"rf": "not_done"}).results[0]
    assert Messages(p).reason(Outcome(not_done.verdict, not_done.reason)) == "not known: RF: Not done"
    assert run(p, {"rf": lab(21, 20, "mg/L")}).results[0].verdict is MET
    with pytest.raises(FactsInvalid) as refused:
        parse_facts(p, {"rf": "positive"}, SCREENING)
    assert Messages(p).problem_text(refused.value.problems[0]) == (
        "“positive” is neither a number nor one of the results negative, low_positive, high_positive, not_done")


# -- the protocol check ---------------------------------------------------------------------------------


def _refusal(**change: Any) -> str:
    facts, inputs = change.pop("facts", FACTS), {**INPUTS_2010, **change}
    with pytest.raises(ValueError) as refused:
        protocol({k: v for k, v in inputs.items() if v is not None}, facts)
    return str(refused.value)


def _replaced(fact_id: str, **fields: Any) -> list[dict]:
    return [({**f, **fields} if f["id"] == fact_id else f) for f in FACTS] + [
        {"id": "serology", "type": "choice", "label": "Serology", "options": SEROLOGY[:3]},
        {"id": "acute", "type": "yes_no", "label": "Acute phase abnormal"},
        {"id": "pain", "type": "number", "label": "Pain", "quantity": "vas", "units": ["mm"], "plausible": {"min": 0, "max": 100}}]


@pytest.mark.parametrize(("change", "expected"), [
    ({"serology": "serology", "facts": _replaced("rf")},
     "score 'acr2010' (acr_eular_2010): serology is given both as 'serology' and as 'rf' and 'acpa': bind one of them"),
    ({"rf": None, "acpa": None}, "serology needs 'serology' or 'rf' and 'acpa'"),
    ({"acpa": None}, "serology from 'rf' needs 'acpa' beside it"),
    ({"acute_phase_abnormal": "acute", "facts": _replaced("rf")}, "acute_phase is given both as 'acute_phase_abnormal' and as 'crp' and 'esr'"),
    ({"tjc28": "joint_exam"}, "acr_eular_2010 has no inputs ['tjc28']"),
    ({"duration_6_weeks": None}, "inputs ['duration_6_weeks'] are needed"),
    ({"facts": _replaced("rf", uln=False, results=[])},
     "scores[0].inputs.rf: score 'acr2010', input 'rf': fact 'rf' gives neither its ULN (uln: true) nor results"),
    ({"facts": _replaced("acpa", results=[{"id": "reactive", "label": "Reactive"}])},
     "input 'acpa': fact 'acpa' offers the results ['reactive']; expected results among"),
    ({"crp": "rf"}, "input 'crp': fact 'rf' offers the results ['negative', 'low_positive', 'high_positive']"),
    ({"duration_6_weeks": "pain", "facts": _replaced("rf")}, "input 'duration_6_weeks': fact 'pain' measures vas, not a duration"),
    ({"duration_6_weeks": "hand"}, None),
    ({"large_joints": "rf"}, "input 'large_joints': fact 'rf' is number; expected joints or involved_joints or count"),
    ({"facts": _replaced("classification_joints", copy_from="rf")}, "facts[1].copy_from: fact 'rf' is number; expected a joints fact"),
    ({"facts": _replaced("onset", allow_never=True), "duration_6_weeks": "onset"}, "fact 'onset' may be answered none"),
])
def test_the_protocol_check_refuses_a_binding_naming_the_score_and_input(change, expected):
    if expected is None:  # a yes/no is still a valid form
        protocol({**INPUTS_2010, **change})
        return
    assert expected in _refusal(**change)


def test_the_1987_inputs_are_checked_too():
    facts = [({**f, "maximum": 20} if f["id"] == "areas" else f) for f in FACTS]
    with pytest.raises(ValueError, match="input 'arthritis_3_areas': fact 'areas' counts up to 20"):
        protocol(facts=facts)
    facts = [({**f, "results": [{"id": "undocumented", "label": "Undocumented"}]} if f["id"] == "stiffness" else f)
             for f in FACTS]
    with pytest.raises(ValueError, match="input 'morning_stiffness': fact 'stiffness' may be answered"):
        protocol(facts=facts)


def test_a_number_with_results_cannot_feed_a_formula_that_needs_its_value():
    facts = [{"id": "crp", "type": "number", "label": "CRP", "quantity": "crp", "units": ["mg/L"],
              "plausible": {"min": 0, "max": 500}, "results": ACUTE},
             {"id": "je", "type": "joints", "label": "Joints"},
             {"id": "pg", "type": "number", "label": "PG", "quantity": "vas", "units": ["mm"], "plausible": {"min": 0, "max": 100}}]
    scores = [{"id": "das", "label": "DAS28-CRP", "calculator": "das28_crp",
               "inputs": {"tjc28": "je", "sjc28": "je", "crp": "crp", "patient_global": "pg"}}]
    with pytest.raises(ValueError, match="input 'crp': fact 'crp' may be answered \\['normal', 'abnormal'\\] instead of a value"):
        mini(facts, {"kind": "threshold", "score": "das", "op": ">=", "value": 3.2}, scores)


# -- whatever is entered, the classification is computed or refused, and worded ------------------------

answers = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 70) | st.decimals(min_value=0, max_value=100, places=2).map(str)
    | st.sampled_from(["yes", "no", "unknown", "not_done", "negative", "low_positive", "high_positive", "normal",
                       "abnormal", NOT_DOCUMENTED, "2019-04-02", "2026-11-21", "knee_r", "mtp2_l", "IU/mL", "min", "h",
                       "weeks", "days", "mg/L"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["value", "unit", "uln", "date", "joints", "large", "small"]), inner, max_size=4),
    max_leaves=8,
)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(sorted(P.fact)), answers, max_size=8))
def test_any_answers_are_refused_or_scored_and_worded(raw):
    try:
        facts = parse_facts(P, raw, SCREENING, typed=True)
    except FactsInvalid as invalid:
        assert all(Messages(P).problem(p) for p in invalid.problems)
        return
    report = evaluate(P, facts, SCREENING)
    for result in report.scores.values():
        assert Messages(P).score(result)
        assert result.value is not None or result.missing or result.problem is not None
    outcome = report.results[0]
    assert Messages(P).reason(Outcome(outcome.verdict, outcome.reason))
