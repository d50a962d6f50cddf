"""Facts asked only under a condition (`asked_if`): what is asked, what is refused, how rules read a
fact not asked, and what the protocol check refuses."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from trialdesk.domain.errors import FactsInvalid
from trialdesk.domain.evaluation import evaluate, inconsistencies, not_asked, parse_facts
from trialdesk.domain.protocol import Protocol
from trialdesk.domain.verdict import Outcome, Verdict
from trialdesk.messages import Messages
from trialdesk.persistence.protocol_files import load_protocol

ON = date(2026, 11, 20)
PROTOCOL = load_protocol(Path(__file__).parents[1] / "data" / "asked_if.yaml")
WORDS = Messages(PROTOCOL)


def facts(**raw: Any) -> dict[str, Any]:
    return parse_facts(PROTOCOL, raw, ON, typed=True)


def reason(report, criterion_id: str) -> str:
    result = report.result(criterion_id)
    return WORDS.reason(Outcome(result.verdict, result.reason))


# -- what is asked -------------------------------------------------------------------------------


def test_a_man_is_not_asked_pregnancy_nor_what_only_a_pregnancy_asks():
    assert set(not_asked(PROTOCOL, facts(sex="male"), ON)) == {"pregnant", "breast_feeding", "pregnancy_weeks"}


def test_a_woman_is_asked_pregnancy_and_its_weeks_while_pregnancy_is_open():
    assert not_asked(PROTOCOL, facts(sex="female"), ON) == {}
    assert set(not_asked(PROTOCOL, facts(sex="female", pregnant="no"), ON)) == {"pregnancy_weeks"}
    assert not_asked(PROTOCOL, facts(sex="female", pregnant="yes"), ON) == {}


def test_a_condition_not_known_yet_asks_the_fact():
    assert not_asked(PROTOCOL, {}, ON) == {}  # sex not entered: pregnancy is asked
    assert "pregnancy_weeks" not in not_asked(PROTOCOL, facts(pregnant="unknown"), ON)  # answered not known


def test_what_is_not_asked_comes_with_its_condition_outcome():
    outcome = not_asked(PROTOCOL, facts(sex="male"), ON)["pregnant"]
    assert outcome.verdict is Verdict.NOT_MET and WORDS.reason(outcome) == "Sex: Male"


# -- refused at entry ------------------------------------------------------------------------------


def test_an_answer_to_a_fact_not_asked_is_refused_naming_its_condition():
    with pytest.raises(FactsInvalid) as refused:
        facts(sex="male", pregnant="no")
    (problem,) = refused.value.problems
    assert (problem.code, problem.fact, problem.params) == ("not_asked", "pregnant", {"fact": "pregnant", "facts": ["sex"]})
    assert WORDS.problem(problem) == "Pregnant (pregnant): not asked with these answers: it is asked only when Sex is Female"
    assert Messages(PROTOCOL, "zh_CN").problem(problem).startswith("妊娠 (pregnant)")


def test_a_corrected_condition_goes_through_and_leaves_the_earlier_answer_not_asked():
    """Sex corrected to male after "not pregnant" was answered: the correction is not refused (a yes/no
    answer cannot be taken back in the window); the earlier answer is then not asked, and never read."""
    entered = {**facts(sex="female", pregnant="no", breast_feeding="no"), **facts(sex="male")}
    assert inconsistencies(PROTOCOL, entered, ON, changed="sex") == []
    assert {"pregnant", "breast_feeding"} <= set(not_asked(PROTOCOL, entered, ON))
    problems = inconsistencies(PROTOCOL, entered, ON, changed="pregnant")  # answering it again is refused
    assert [(p.code, p.fact) for p in problems] == [("not_asked", "pregnant")]
    assert [(p.code, p.fact) for p in inconsistencies(PROTOCOL, entered, ON)] == [  # all at once, as a facts file
        ("not_asked", "pregnant"), ("not_asked", "breast_feeding")]


def test_clearing_an_answer_first_lets_the_change_through():
    assert inconsistencies(PROTOCOL, facts(sex="male"), ON, changed="sex") == []


# -- how rules read a fact not asked ----------------------------------------------------------------


def test_a_rule_reading_a_fact_not_asked_says_so():
    report = evaluate(PROTOCOL, facts(sex="male", date_of_birth="1980-01-01"), ON)
    assert report.result("E1").verdict is Verdict.NOT_MET  # decided by sex, whatever pregnancy is
    assert report.result("E2").verdict is Verdict.UNKNOWN
    assert reason(report, "E2") == "Breast-feeding: not asked (asked only when Sex is Female)"
    assert report.result("E4").verdict is Verdict.NOT_APPLICABLE  # applies only to a pregnant woman


def test_stored_answers_not_asked_are_read_as_not_entered():
    """An answer kept from before (read without the checks) does not decide anything."""
    stored = {**parse_facts(PROTOCOL, {"sex": "male", "breast_feeding": "yes"}, ON, consistent=False)}
    report = evaluate(PROTOCOL, stored, ON)
    assert report.result("E2").verdict is Verdict.UNKNOWN and "not asked" in reason(report, "E2")


def test_a_woman_answers_and_the_rules_read_her_answers():
    report = evaluate(PROTOCOL, facts(sex="female", pregnant="yes", pregnancy_weeks=14, breast_feeding="no"), ON)
    assert [report.result(c).verdict for c in ("E1", "E2", "E4")] == [Verdict.MET, Verdict.NOT_MET, Verdict.MET]


def test_the_words_of_conditions():
    assert WORDS.asked_only_when("pregnant") == "Asked only when Sex is Female"
    assert WORDS.asked_only_when("pregnancy_weeks") == "Asked only when Pregnant is answered yes"
    shown = Messages(_with_condition({"kind": "any_of", "any_of": [
        {"kind": "not", "rule": {"kind": "one_of", "fact": "sex", "values": ["male"]}},
        {"kind": "all_of", "all_of": [{"kind": "threshold", "fact": "haemoglobin", "op": "<", "value": 90},
                                      {"kind": "age", "fact": "date_of_birth", "min_years": 50}]}]}))
    assert shown.asked_only_when("pregnant") == (
        "Asked only when not (Sex is Male) or (Haemoglobin < 90 g/L and the age is at least 50)")


# -- the protocol check -----------------------------------------------------------------------------


def _with_condition(condition: dict, fact: str = "pregnant", **more: Any) -> Protocol:
    data = PROTOCOL.model_dump(mode="json", by_alias=True, exclude_none=True)
    for entry in data["facts"]:
        if entry["id"] == fact:
            entry["asked_if"] = condition
        entry.update(more.get(entry["id"], {}))
    return Protocol.model_validate(data)


@pytest.mark.parametrize("condition, path, message", [
    ({"kind": "one_of", "fact": "gender", "values": ["female"]}, "facts[2].asked_if.fact", "unknown fact 'gender'"),
    ({"kind": "attestation", "fact": "sex"}, "facts[2].asked_if.fact", "fact 'sex' is choice; expected yes_no"),
    ({"kind": "one_of", "fact": "sex", "values": ["woman"]}, "facts[2].asked_if.values[0]", "'woman' is not an option"),
    ({"kind": "all_of", "all_of": [{"kind": "attestation", "fact": "pregnant"}]}, "facts[2].asked_if",
     "asked only under a condition that reads it itself"),
])
def test_a_condition_is_checked_like_every_rule(condition, path, message):
    with pytest.raises(ValidationError) as refused:
        _with_condition(condition)
    assert f"{path}: " in str(refused.value) and message in str(refused.value)


def test_conditions_that_read_each_other_are_refused():
    with pytest.raises(ValidationError, match=r"facts\[2\]\.asked_if: fact 'pregnant' is asked only under a condition"):
        _with_condition({"kind": "attestation", "fact": "breast_feeding"},
                        breast_feeding={"asked_if": {"kind": "attestation", "fact": "pregnant"}})


def test_conditions_are_walked_in_the_order_they_read_each_other():
    order = [f for f, _, _ in PROTOCOL.asked_conditions]
    assert order.index("pregnant") < order.index("pregnancy_weeks")


def test_every_bundled_protocol_without_conditions_is_unchanged():
    """A protocol that asks everything of everyone: nothing is ever not asked."""
    from trialdesk.resources import bundled_protocols

    for protocol_id in ("NCT00220155", "NCT00845832", "NCT03036150", "NCT04367051"):
        if protocol_id in bundled_protocols():
            protocol = load_protocol(bundled_protocols()[protocol_id])
            assert protocol.asked_conditions == () and not_asked(protocol, {}, ON) == {}
