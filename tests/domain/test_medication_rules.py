"""Rules over a medication history: in use, ever used, last dose within a window, distinct agents,
dose ranges, duration and stability, equivalent doses; at the screening date or another anchor."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from tests.domain.conftest import mini, run
from trialdesk.domain.verdict import Verdict
from trialdesk.messages import Messages

MET, NOT_MET, UNKNOWN = Verdict.MET, Verdict.NOT_MET, Verdict.UNKNOWN
ON = date(2026, 5, 31)
HISTORY = {"id": "history", "type": "medications", "label": "DMARDs", "classes": ["csdmards"], "drugs": ["prednisone"],
           "allow_other": True, "routes": ["oral", "subcutaneous"], "dose_units": ["mg/week", "mg/day"]}
DATES = [
    {"id": "first_dose", "type": "date", "label": "first dose", "on_or_after_screening": True},
    {"id": "diagnosis", "type": "date", "label": "diagnosis"},
    {"id": "randomisation", "type": "date", "label": "randomisation", "allow_never": True, "not_after_screening": False},
]


def line(drug: str = "methotrexate", start: str = "2025-01-01", stop: str | None = None, dose: Any = 15,
         unit: str = "mg/week", **more: Any) -> dict[str, Any]:
    return {"drug": drug, "dose": dose, "unit": unit, "route": "oral", "start": start, "stop": stop, **more}


def other(name: str, **more: Any) -> dict[str, Any]:
    entry = line(**more)
    del entry["drug"]
    return {**entry, "other": name}


def outcome(rule: dict, lines: list | None, on: date = ON, fact: dict = HISTORY, **answers: Any) -> tuple[Verdict, str]:
    protocol = mini([fact, *DATES], {"fact": fact["id"], **rule})
    result = run(protocol, {fact["id"]: lines, **answers}, on).results[0]
    return result.verdict, Messages(protocol).reason(result)


def verdict(rule: dict, lines: list | None, **kwargs: Any) -> Verdict:
    return outcome(rule, lines, **kwargs)[0]


IN_USE = {"kind": "medication_in_use"}


# -- in use, ever used, last dose within -------------------------------------------------------------

@pytest.mark.parametrize(
    ("stop", "expected"), [(None, MET), ("2026-05-31", MET), ("2026-05-30", NOT_MET)],
)
def test_in_use_on_the_screening_date_counts_the_stop_day(stop, expected):
    assert verdict(IN_USE, [line(stop=stop)]) is expected


def test_in_use_at_an_anchor_reads_that_date():
    rule = {**IN_USE, "anchor": "diagnosis"}
    lines = [line(start="2025-01-01", stop="2025-06-30")]
    assert verdict(rule, lines, diagnosis="2025-06-30") is MET
    found, reason = outcome(rule, lines, diagnosis="2025-07-01")
    assert found is NOT_MET and reason == "DMARDs: none in use on diagnosis 2025-07-01"


def test_an_anchor_not_known_is_pending_unless_every_date_it_can_take_agrees():
    assert outcome({**IN_USE, "anchor": "diagnosis"}, [line()]) == (UNKNOWN, "pending diagnosis")
    rule = {**IN_USE, "anchor": "first_dose"}  # on or after the screening date
    found, reason = outcome(rule, [line(drug="MTX")])
    assert found is MET
    assert reason == "DMARDs: in use on first dose whatever date it takes (on or after 2026-05-31): methotrexate"
    assert verdict(rule, [line(stop="2026-05-01")]) is NOT_MET  # stopped before any first dose
    assert verdict(rule, [line(stop="2026-06-30")]) is UNKNOWN  # taken until a date after screening


def test_an_anchor_that_never_happens_is_not_met():
    assert verdict({**IN_USE, "anchor": "randomisation"}, [line()], randomisation="none") is NOT_MET


@pytest.mark.parametrize(("start", "expected"), [("2025-03-01", MET), ("2025-03-02", NOT_MET)])
def test_ever_used_by_an_anchor(start, expected):
    rule = {"kind": "medication_ever_used", "classes": ["csdmards"], "anchor": "diagnosis"}
    assert verdict(rule, [line(start=start)], diagnosis="2025-03-01") is expected


def test_ever_used_names_the_other_drugs_it_does_not_count():
    found, reason = outcome({"kind": "medication_ever_used", "classes": ["csdmards"]}, [other("iguratimod")])
    assert found is NOT_MET
    assert reason == ("DMARDs: none used on or before the screening date 2026-05-31"
                      " — not counted, in no class: “iguratimod”")
    assert verdict({"kind": "medication_ever_used"}, [other("iguratimod")]) is MET  # naming no class: every line


@pytest.mark.parametrize(
    ("stop", "expected"),
    [(None, MET), ("2026-02-28", MET), ("2026-02-27", NOT_MET)],  # 3 calendar months before 31 May: 28 February
)
def test_last_dose_within_a_window_before_the_screening_date(stop, expected):
    rule = {"kind": "last_dose_within", "drugs": ["methotrexate"], "within": {"count": 3, "unit": "months"}}
    assert verdict(rule, [line(stop=stop)]) is expected


def test_last_dose_within_a_window_before_an_anchor():
    rule = {"kind": "last_dose_within", "classes": ["csdmards"], "within": {"count": 4, "unit": "weeks"},
            "anchor": "first_dose"}
    lines = [line(stop="2026-05-20")]
    found, reason = outcome(rule, lines, first_dose="2026-06-17")
    assert found is MET
    assert reason == "DMARDs: taken within 4 weeks before first dose 2026-06-17 (on or after 2026-05-20): methotrexate"
    assert verdict(rule, lines, first_dose="2026-06-18") is NOT_MET
    assert verdict(rule, [line(stop="2026-04-01")]) is NOT_MET  # more than 4 weeks before any first dose


# -- distinct agents -------------------------------------------------------------------------------

PRIOR_LINES = {"kind": "distinct_agents", "classes": ["csdmards"], "op": ">=", "value": 2}


def test_at_least_two_prior_agents_counts_drugs_not_lines():
    dose_change = [line(stop="2025-06-30"), line(start="2025-07-01", dose=20)]
    assert verdict(PRIOR_LINES, dose_change) is NOT_MET
    found, reason = outcome(PRIOR_LINES, [*dose_change, line(drug="leflunomide", unit="mg/day", dose=20)])
    assert found is MET
    assert reason == ("DMARDs: 2 distinct agents of conventional synthetic DMARDs used on or before the screening date"
                      " 2026-05-31 (methotrexate, leflunomide), >= 2")


def test_another_drug_is_in_no_class_and_the_reason_says_so():
    found, reason = outcome(PRIOR_LINES, [line(), other("艾拉莫德")])
    assert found is NOT_MET and reason.endswith("not >= 2 — not counted, in no class: “艾拉莫德”")
    every_drug = {**PRIOR_LINES, "classes": None}
    assert verdict(every_drug, [line(), other("艾拉莫德"), other(" 艾拉莫德 ")]) is MET  # the same name counts once


def test_distinct_agents_within_a_window():
    rule = {**PRIOR_LINES, "within": {"count": 12, "unit": "months"}}
    lines = [line(stop="2025-05-30"), line(drug="leflunomide", start="2025-06-01")]
    assert verdict(rule, lines) is NOT_MET  # methotrexate stopped more than 12 months before
    assert verdict(rule, [line(stop="2025-05-31"), lines[1]]) is MET


def test_distinct_agents_decided_early_when_every_anchor_agrees():
    rule = {**PRIOR_LINES, "anchor": "first_dose"}
    found, reason = outcome(rule, [line(), line(drug="leflunomide", stop="2025-02-01")])
    assert found is MET and "2 distinct agents of conventional synthetic DMARDs whatever date first dose takes" in reason


# -- doses -----------------------------------------------------------------------------------------

STEROID_DOSE = {"kind": "medication_dose", "drugs": ["prednisone"], "dose": {"max": "7.5", "unit": "mg/day"}}


def test_a_drugs_lines_taken_the_same_day_add_up():
    lines = [line("prednisone", dose=5, unit="mg/day"), line("prednisone", dose="2.5", unit="mg/day", start="2026-05-01")]
    found, reason = outcome(STEROID_DOSE, lines)
    assert found is MET and reason == "prednisone 7.5 mg/day on 2026-05-31 (≤ 7.5 mg/day)"
    lines[1]["dose"] = 3
    assert verdict(STEROID_DOSE, lines) is NOT_MET


def test_a_dose_in_another_unit_is_not_compared():
    found, reason = outcome(STEROID_DOSE, [line("prednisone", dose=35, unit="mg/week")])
    assert found is UNKNOWN and "(recorded in mg/week: not comparable with ≤ 7.5 mg/day)" in reason
    assert verdict(STEROID_DOSE, [line("prednisone", dose=8, unit="mg/day"), line("prednisone", unit="mg/week")]) is NOT_MET


def test_no_line_in_use_is_not_a_dose_in_range():
    assert verdict(STEROID_DOSE, [line("prednisone", dose=5, unit="mg/day", stop="2026-01-01")]) is NOT_MET


# -- duration and stability ------------------------------------------------------------------------

STABLE = {"kind": "current_treatment", "drugs": ["methotrexate"], "taken_for": {"count": 3, "unit": "months"},
          "stable_for": {"count": 1, "unit": "months"}, "dose": {"min": "7.5", "max": 25, "unit": "mg/week"}}


def test_treatment_runs_from_the_first_of_its_dose_lines():
    lines = [line(start="2026-02-01", stop="2026-04-15"), line(start="2026-04-16", dose=20)]
    found, reason = outcome(STABLE, lines)
    assert found is MET
    assert reason.startswith("methotrexate 20 mg/week (within 7.5–25 mg/week): started 2026-02-01 (≥ 3 months")
    assert verdict(STABLE, [lines[0], line(start="2026-04-18", dose=20)]) is NOT_MET  # a gap: treatment restarted


def test_a_current_dose_in_another_unit_leaves_treatment_undecided():
    assert verdict(STABLE, [line(start="2026-01-01", unit="mg/day")]) is UNKNOWN
    assert verdict(STABLE, [line(start="2026-05-01", unit="mg/day")]) is NOT_MET  # too short whatever the dose


def test_current_treatment_at_an_anchor():
    rule = {**STABLE, "anchor": "first_dose"}
    assert verdict(rule, [line(start="2026-03-01")]) is UNKNOWN  # pending first dose
    assert verdict(rule, [line(start="2026-03-01")], first_dose="2026-06-01") is MET


# -- equivalent doses ------------------------------------------------------------------------------

STEROIDS = {"id": "steroids", "type": "medications", "label": "Glucocorticoids", "classes": ["glucocorticoids"],
            "allow_other": True, "routes": ["oral", "intravenous"], "dose_units": ["mg/day"]}
LOW_BETAMETHASONE = {"id": "betamethasone_0_6", "citation": "GlobalRPh, betamethasone 0.6 mg (REFERENCE §3.7 [D8])",
                     "reference": {"drug": "prednisone", "dose": 5},
                     "doses": {"betamethasone": "0.6", "dexamethasone": "0.75", "prednisolone": 5}}


def steroid(drug: str, dose: Any, **more: Any) -> dict[str, Any]:
    return line(drug, dose=dose, unit="mg/day", **more)


def equivalent(rule: dict, lines: list, **extra: Any) -> tuple[Verdict, str]:
    protocol = mini([STEROIDS], {"fact": "steroids", **rule}, equivalence_tables=[LOW_BETAMETHASONE], **extra)
    result = run(protocol, {"steroids": lines}, ON).results[0]
    return result.verdict, Messages(protocol).reason(result)


def test_the_table_decides_betamethasone_and_every_reason_names_it():
    at_most_8 = {"kind": "prednisone_equivalent", "op": "<=", "value": 8}
    found, reason = equivalent(at_most_8, [steroid("betamethasone", "1.2")])
    assert found is MET and "8 mg/day prednisone-equivalent" in reason
    assert reason.endswith("[equivalence table: meikle_tyler_1977] — Meikle & Tyler, Am J Med 1977 (deflazacort: Parente 2017)")
    rule = {"kind": "equivalent_dose", "table": "betamethasone_0_6", "drugs": ["betamethasone"], "op": "<=", "value": 8}
    found, reason = equivalent(rule, [steroid("betamethasone", "1.2")])
    assert found is NOT_MET
    assert reason == ("10 mg/day prednisone-equivalent on 2026-05-31 (betamethasone 1.2 mg/day = 10 mg/day) is not <= 8 mg/day"
                      " [equivalence table: betamethasone_0_6] — GlobalRPh, betamethasone 0.6 mg (REFERENCE §3.7 [D8])")


def test_the_protocols_glucocorticoid_table_is_its_choice():
    rule = {"kind": "prednisone_equivalent", "classes": None, "drugs": ["betamethasone"], "op": "<=", "value": 8}
    found, reason = equivalent(rule, [steroid("betamethasone", "1.2")], glucocorticoid_table="betamethasone_0_6")
    assert found is NOT_MET and "[equivalence table: betamethasone_0_6] — GlobalRPh" in reason


def test_another_drug_cannot_be_converted_so_decides_one_way_only():
    at_most_10 = {"kind": "prednisone_equivalent", "op": "<=", "value": 10}
    found, reason = equivalent(at_most_10, [steroid("prednisone", 5), other("cortivazol", unit="mg/day")])
    assert found is UNKNOWN
    assert reason == ("Glucocorticoids: 5 mg/day prednisone-equivalent counted on 2026-05-31, but cortivazol (written as"
                      " entered; in no class) cannot be converted with the equivalence table meikle_tyler_1977 — Meikle"
                      " & Tyler, Am J Med 1977 (deflazacort: Parente 2017): not decided")
    over_10 = {"kind": "prednisone_equivalent", "op": ">", "value": 10}
    assert equivalent(over_10, [steroid("prednisone", 15), other("cortivazol", unit="mg/day")])[0] is MET


def test_a_new_line_at_the_same_dose_the_day_after_the_last_keeps_the_dose_unchanged_since_the_first():
    """A repeat prescription is a new line in the source record, not a change of dose."""
    from decimal import Decimal

    from trialdesk.domain.history_rules import HistoryRules
    from trialdesk.domain.values import MedicationEntry

    first = MedicationEntry(drug="methotrexate", dose=Decimal(15), unit="mg/week", route="oral",
                            start=date(2026, 6, 1), stop=date(2026, 11, 3))
    repeat = MedicationEntry(drug="methotrexate", dose=Decimal(15), unit="mg/week", route="oral", start=date(2026, 11, 4))
    raised = MedicationEntry(drug="methotrexate", dose=Decimal(20), unit="mg/week", route="oral", start=date(2026, 11, 4))
    since = HistoryRules._dose_unchanged_since((first, repeat))[0]
    assert since[repeat] == date(2026, 6, 1)
    assert HistoryRules._dose_unchanged_since((first, raised))[0][raised] == date(2026, 11, 4)
    gap = MedicationEntry(drug="methotrexate", dose=Decimal(15), unit="mg/week", route="oral", start=date(2026, 11, 5))
    assert HistoryRules._dose_unchanged_since((first, gap))[0][gap] == date(2026, 11, 5)
