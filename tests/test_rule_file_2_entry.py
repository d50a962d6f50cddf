"""Entering NCT03798028 rule file 2.0 as the source documents give it: what is refused, what asks to
be confirmed, and what the subject's record keeps."""

from __future__ import annotations

import copy
import json
from datetime import date

import pytest

from trialdesk.domain.errors import FactsInvalid, NeedsConfirmation
from trialdesk.domain.evaluation import answer_warnings, parse_facts
from trialdesk.messages import Messages
from trialdesk.persistence import audit_trail
from trialdesk.persistence.protocol_files import find_protocol
from trialdesk.resources import resource_path
from trialdesk.session import start_screening

ON = date(2026, 11, 20)
NCT = find_protocol("NCT03798028")
EXAMPLE = json.loads(resource_path("examples/NCT03798028-eligible.json").read_text(encoding="utf-8"))
SUBJECT = {**EXAMPLE["subject"], "screening_date": EXAMPLE["screening_date"]}


def start(store, clock, answers=None):
    facts = copy.deepcopy(EXAMPLE["facts"] if answers is None else answers)
    return start_screening(store, NCT, SUBJECT, facts, site="01", actor="coordinator", clock=clock)


def refused(raw: dict) -> list[tuple[str, str]]:
    with pytest.raises(FactsInvalid) as raised:
        parse_facts(NCT, raw, ON)
    return [(p.fact, p.code) for p in raised.value.problems]


def test_a_known_drug_of_another_history_is_refused_as_another_drug():
    line = {"other": "泼尼松", "start": "2025-01-01", "stop": None}  # prednisone, by its Chinese name
    assert refused({"csdmard_history": [line]}) == [("csdmard_history", "drug_of_another_history")]
    with pytest.raises(FactsInvalid) as raised:
        parse_facts(NCT, {"csdmard_history": [line]}, ON)
    assert Messages(NCT).problem_text(raised.value.problems[0]) == (
        "“泼尼松” is prednisone, which this history does not take: enter it in the history its rules read")
    kept = parse_facts(NCT, {"csdmard_history": [{**line, "other": "iguratimod"}]}, ON)["csdmard_history"][0]
    assert (kept.drug, kept.other) == (None, "iguratimod")  # a drug the program does not know is recorded as written


@pytest.mark.parametrize(("uln", "unusual"), [("4.99", True), ("5", False), ("60", False), ("60.01", True)])
def test_a_uln_outside_what_laboratories_give_asks_to_be_confirmed(uln, unusual):
    facts = parse_facts(NCT, {"rf": {"value": "30", "unit": "IU/mL", "uln": uln}}, ON, typed=True)
    warnings = answer_warnings(NCT, facts, ON)
    assert [(w.fact, w.code, w.path) for w in warnings] == ([("rf", "unusual_uln", ("uln",))] if unusual else [])


def test_a_mistyped_uln_is_not_saved_until_confirmed_and_the_confirmation_is_audited(store, clock):
    session = start(store, clock)
    with pytest.raises(NeedsConfirmation) as asked:
        session.record_fact("rf", {"value": "30", "unit": "IU/mL", "uln": "1"}, reason="report re-read")
    assert Messages(NCT).problem_text(asked.value.warnings[0]) == (
        "an upper limit of normal of 1 IU/mL is outside the range laboratories usually give, 5–60 IU/mL")
    assert session.answer("rf") == EXAMPLE["facts"]["rf"]  # nothing saved
    session.record_fact("rf", {"value": "30", "unit": "IU/mL", "uln": "1"}, reason="report re-read", confirmed=True)
    history = audit_trail.history(store.database.connection, session.screening.id)
    assert [e.action for e in history][-2:] == ["answer", "warning_confirmed"]


def test_the_subjects_sex_is_corrected_never_emptied(store, clock):
    session = start(store, clock)
    with pytest.raises(FactsInvalid) as raised:
        session.record_fact("sex", None, reason="typed in error")
    assert [(p.fact, p.code) for p in raised.value.problems] == [("sex", "subject_fact_required")]
    session.record_fact("sex", "male", reason="typed in error")  # a correction goes through
    assert session.screening.subject.sex == "male"
    assert session.report.result("E13").verdict.value == "not_met"  # the earlier "not pregnant" is not asked of a man


def test_a_subject_block_and_answers_that_disagree_are_refused(store, clock):
    facts = {k: v for k, v in EXAMPLE["facts"].items() if k not in ("pregnant", "breast_feeding")}
    with pytest.raises(FactsInvalid) as raised:
        start_screening(store, NCT, {**SUBJECT, "sex": "female"}, {**facts, "sex": "male"}, site="01",
                        actor="coordinator", clock=clock)
    assert [(p.fact, p.code) for p in raised.value.problems] == [("sex", "subject_answer_differs")]
    assert Messages(NCT).problem_text(raised.value.problems[0]) == (
        "the subject gives “female” and the answers “male”: give one value")


def reason_of(criterion_id: str, **changes) -> str:
    from trialdesk.domain.evaluation import evaluate
    from trialdesk.domain.verdict import Outcome

    raw = {**copy.deepcopy(EXAMPLE["facts"]), **changes}
    report = evaluate(NCT, parse_facts(NCT, {k: v for k, v in raw.items() if v is not None}, ON), ON)
    result = report.result(criterion_id)
    return Messages(NCT).reason(Outcome(result.verdict, result.reason))


def test_nested_combinations_say_their_words_once():
    assert reason_of("E13") == ("none holds: Pregnant: no; Breast-feeding: no; "
                                "Plans a pregnancy (own or partner's) within 1 year: no")
    assert reason_of("E13", pregnant=None, pregnancy_plan_1_year=None) == (
        "missing: Pregnant; Plans a pregnancy (own or partner's) within 1 year")  # the effect says "not decided yet"
    # met by what must hold, the condition (every test reported) still open: the conclusion alone
    assert reason_of("E8", hiv=None, hbv_infection="yes") == (
        "The investigator concludes the participant has hepatitis B infection: yes")
