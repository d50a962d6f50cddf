"""Typed reasons in words: one wording per kind through one table, in English and Chinese; each
thing said once (what is missing, a table's citation, "not decided yet", "none holds"); a value
just refused said to be refused, not missing."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from tests.domain.conftest import example, run
from trialdesk.domain import derivations, history_reasons
from trialdesk.domain import reasons as why
from trialdesk.domain.verdict import CriterionResult, Effect, Outcome, Verdict
from trialdesk.messages import Messages
from trialdesk.messages.reasons import renderers
from trialdesk.messages.scores import derivation_renderers

MET, NOT_MET, UNKNOWN = Verdict.MET, Verdict.NOT_MET, Verdict.UNKNOWN
GLUCOCORTICOIDS = "Systemic glucocorticoids, oral, intravenous or intramuscular (current and past 3 months)"


def kinds(base: type) -> set[type]:
    """Every class of reason below `base` that a reason can be an instance of (`dataclass(slots=True)`
    makes a new class: the one it replaced, without `__slots__`, may linger among the subclasses)."""
    found = set()
    for cls in base.__subclasses__():
        found |= ({cls} if "__slots__" in vars(cls) else set()) | kinds(cls)
    return found


def test_every_kind_of_reason_has_one_wording_and_a_code_of_its_own():
    rule_kinds = kinds(why.Reason) - kinds(derivations.Derivation) - {derivations.Derivation}
    assert set(renderers()) == rule_kinds
    assert set(derivation_renderers()) == kinds(derivations.Derivation)
    codes = [kind.code for kind in kinds(why.Reason) - {derivations.Derivation}]
    assert len(codes) == len(set(codes))  # a code names one kind, in JSON and anything stored
    assert why.Missing.code == "missing" and history_reasons.SteadyEquivalentDose.code == "steady_equivalent_dose"


def test_a_reason_is_frozen_and_typed():
    reason = why.Attestation("tuberculosis", "no")
    with pytest.raises(dataclasses.FrozenInstanceError):
        reason.answer = "yes"  # type: ignore[misc]
    assert not hasattr(reason, "params") and [f.name for f in dataclasses.fields(reason)] == ["fact", "answer"]


def both(nct, outcome, **kwargs) -> tuple[str, str]:
    return Messages(nct).reason(outcome, **kwargs), Messages(nct, "zh_CN").reason(outcome, **kwargs)


def test_typed_reasons_are_worded_in_both_languages(nct):
    below = Outcome(MET, why.Threshold(why.FactOperand("haemoglobin", Decimal("85"), "g/L"), "<", Decimal("90")))
    assert both(nct, below) == ("Haemoglobin 85 g/L < 90 g/L", "血红蛋白 85 g/L < 90 g/L")
    converted = why.FactOperand("haemoglobin", Decimal("102"), "g/L", Decimal("10.2"), "g/dL", converted=True)
    above = Outcome(NOT_MET, why.Threshold(converted, "<", Decimal("90")))
    assert both(nct, above)[0] == "Haemoglobin 10.2 g/dL (= 102 g/L) is not < 90 g/L"
    answered = Outcome(NOT_MET, why.Attestation("tuberculosis", "no"))
    assert both(nct, answered) == ("Acute or chronic tuberculosis infection: no", "急性或慢性结核感染：否")
    none = Outcome(NOT_MET, why.AnyOf((above, answered)))
    assert both(nct, none) == (
        "none holds: Haemoglobin 10.2 g/dL (= 102 g/L) is not < 90 g/L; Acute or chronic tuberculosis infection: no",
        "均不成立：血红蛋白 10.2 g/dL（= 102 g/L） 不满足 < 90 g/L；急性或慢性结核感染：否")
    missing = Outcome(UNKNOWN, why.Missing(("haemoglobin", "ild_on_hrct")))
    assert both(nct, missing) == ("missing: Haemoglobin; Interstitial lung disease shown on high-resolution CT",
                                  "缺少：血红蛋白；高分辨率 CT 显示间质性肺病")


def test_nested_combinations_say_once_what_is_missing_and_never_not_decided_yet(nct):
    def open_any(*facts: str) -> Outcome:
        return Outcome(UNKNOWN, why.AnyOf(tuple(Outcome(UNKNOWN, why.Missing((f,))) for f in facts)))

    nested = Outcome(UNKNOWN, why.AllOf((open_any("sex", "pregnant"), open_any("pregnant", "breast_feeding"),
                                         Outcome(MET, why.Attestation("tuberculosis", "yes")))))
    english, chinese = both(nct, nested)
    assert english == "missing: Sex; Pregnant; Breast-feeding"
    assert chinese == "缺少：性别；妊娠；哺乳"
    assert "not decided" not in english and "尚未判定" not in chinese


def test_i7_says_the_glucocorticoid_history_is_missing_once(nct):
    raw = example("eligible")
    del raw["glucocorticoid_history"]
    result = run(nct, raw).result("I7")
    words = Messages(nct)
    assert result.effect is Effect.OPEN and words.effect(result) == "I7 not decided yet"
    assert words.reason(result) == f"missing: {GLUCOCORTICOIDS}"  # the condition and both parts of what must hold read it


def test_an_open_if_then_takes_its_missing_facts_into_one_list(nct):
    raw = {k: v for k, v in example("eligible").items()
           if k not in ("hiv", "hbv_infection", "hcv_infection", "hiv_infection")}
    reason = Messages(nct).reason(run(nct, raw).result("E8"))
    assert reason == ("missing: HIV test (anti-HIV or HIV Ag/Ab); "
                      "The investigator concludes the participant has hepatitis B infection; "
                      "The investigator concludes the participant has hepatitis C infection; "
                      "The investigator concludes the participant has HIV infection")


def test_the_equivalence_table_is_cited_once_at_the_end(nct):
    reason = Messages(nct).reason(run(nct, example("eligible")).result("I7"))
    assert reason.count("[equivalence table: meikle_tyler_1977]") == 1 and reason.count("Meikle & Tyler") == 1
    assert reason.endswith("is <= 10 mg/day [equivalence table: meikle_tyler_1977] — Meikle & Tyler, Am J Med 1977"
                           " (deflazacort: Parente 2017)")
    assert "(prednisone 7.5 mg/day = 7.5 mg/day)" in reason  # an equivalent with its unit


def test_a_criterion_that_does_not_apply_names_only_the_condition(nct):
    words = Messages(nct, "zh_CN")
    condition = Outcome(NOT_MET, why.OneOf("sex", "male", ("female",)))
    result = CriterionResult("E13", "exclusion", Verdict.NOT_APPLICABLE, why.NotApplicable(condition))
    assert words.reason(result) == "性别：男"


def test_a_refused_value_is_said_to_be_refused_not_missing(nct):
    raw = example("eligible")
    del raw["haemoglobin"], raw["ild_on_hrct"]
    result = run(nct, raw).result("I5")
    refused = {"haemoglobin": "8.5 g/L"}
    english, chinese = both(nct, result, refused=refused)
    assert english == ("Haemoglobin 8.5 g/L was refused: see the field; "
                       "missing: Interstitial lung disease shown on high-resolution CT")
    assert chinese == "血红蛋白 8.5 g/L 未被接受：请查看该字段；缺少：高分辨率 CT 显示间质性肺病"
    assert Messages(nct).reason(result) == ("missing: Haemoglobin; "
                                            "Interstitial lung disease shown on high-resolution CT")  # nothing refused


def test_a_refused_input_of_a_score_is_said_to_be_refused(nct):
    raw = example("eligible")
    for fact in ("crp", "evaluator_global"):
        del raw[fact]
    raw["esr"] = None
    result = run(nct, {k: v for k, v in raw.items() if v is not None}).result("I4")
    reason = Messages(nct).reason(result, refused={"esr": "380 mm/h"})
    assert reason.startswith("DAS28-ESR needs: ESR (380 mm/h was refused); DAS28-CRP needs: CRP")
    assert Messages(nct).reason(result, refused={"haemoglobin": "8.5 g/L"}).startswith("DAS28-ESR needs: ESR;")


def test_a_refused_value_of_a_fact_with_a_value_changes_nothing(nct):
    result = run(nct, example("eligible")).result("I5")
    assert Messages(nct).reason(result, refused={"haemoglobin": "8.5 g/L"}) == "Haemoglobin 85 g/L < 90 g/L"


def test_waiting_only_on_a_date_still_to_come_is_pending_at_any_depth():
    pending = Outcome(UNKNOWN, why.Pending("first_dose"))
    missing = Outcome(UNKNOWN, why.Missing(("sex",)))
    met = Outcome(MET, why.Attestation("a", "yes"))

    def effect(reason: why.Reason) -> Effect:
        return CriterionResult("I1", "inclusion", UNKNOWN, reason).effect

    assert effect(why.AllOf((met, Outcome(UNKNOWN, why.AnyOf((pending, pending)))))) is Effect.PENDING
    assert effect(why.AllOf((pending, missing))) is Effect.OPEN
    assert effect(why.IfThen(pending, pending)) is Effect.OPEN  # only combinations of parts wait together


def test_whether_a_criterion_applies_is_said_once_not_decided(nct):
    condition = Outcome(UNKNOWN, why.Missing(("sex",)))
    part = Outcome(UNKNOWN, why.AnyOf((Outcome(UNKNOWN, why.Missing(("pregnant",))),
                                       Outcome(UNKNOWN, why.Missing(("breast_feeding",))))))
    result = CriterionResult("E13", "exclusion", UNKNOWN, why.AppliesOpen(condition, part))
    words = Messages(nct)
    assert f"{words.effect(result)}: {words.reason(result)}" == (
        "E13 not decided yet: to tell whether it applies: missing: Sex; if it applies: missing: Pregnant; Breast-feeding")
