"""Steady glucocorticoid dosing judged on the total equivalent daily dose (`steady_equivalent_dose`),
histories entered one line per dose, and the lines a rule does not count.

The cases are those of a coordinator entering source records: a taper as lines, a switch to an
equal dose of another drug, a burst on top of maintenance (unstable for I7, and over 10 mg/day for
E2), a day without any line, a line the table cannot convert, an anchor not known yet, and the
boundaries of 3 months and 1 month (both ends included, calendar months).
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from tests.domain.conftest import mini, run
from trialdesk.domain.errors import FactsInvalid
from trialdesk.domain.evaluation import parse_facts
from trialdesk.domain.medications import EQUIVALENCE_TABLES
from trialdesk.domain.protocol import Protocol
from trialdesk.domain.verdict import Verdict
from trialdesk.messages import Messages

MET, NOT_MET, UNKNOWN = Verdict.MET, Verdict.NOT_MET, Verdict.UNKNOWN
ON = date(2026, 11, 20)  # 3 months before: 2026-08-20; 1 month before: 2026-10-20
STEROIDS = {"id": "steroids", "type": "medications", "label": "Glucocorticoids", "classes": ["glucocorticoids"],
            "allow_other": True, "one_line_per_dose": True, "routes": ["oral", "intravenous", "intramuscular"],
            "dose_units": ["mg/day", "mg/week"]}
FIRST_DOSE = {"id": "first_dose", "type": "date", "label": "first dose", "on_or_after_screening": True,
              "allow_never": True}
STEADY = {"kind": "steady_equivalent_dose", "fact": "steroids", "taken_for": {"count": 3, "unit": "months"},
          "stable_for": {"count": 1, "unit": "months"}}
MEIKLE_TYLER = EQUIVALENCE_TABLES["meikle_tyler_1977"]
TABLE = " [equivalence table: meikle_tyler_1977] — Meikle & Tyler, Am J Med 1977 (deflazacort: Parente 2017)"


def gc(drug: str, dose: Any, start: str, stop: str | None = None, route: str = "oral", unit: str = "mg/day") -> dict:
    return {"drug": drug, "dose": dose, "unit": unit, "route": route, "start": start, "stop": stop}


def other(name: str, dose: Any, start: str, stop: str | None = None) -> dict:
    return {"other": name, "dose": dose, "unit": "mg/day", "route": "oral", "start": start, "stop": stop}


def steady(lines: list | None, rule: dict | None = None, on: date = ON, **answers: Any) -> tuple[Verdict, str]:
    protocol = mini([STEROIDS, FIRST_DOSE], {**STEADY, **(rule or {})})
    result = run(protocol, {"steroids": lines, **answers}, on).results[0]
    return result.verdict, Messages(protocol).reason(result)


MAINTENANCE = gc("prednisone", 5, "2026-01-05")


# -- a taper, a switch, a burst ------------------------------------------------------------------------

def test_a_taper_step_inside_the_month_is_a_change_and_the_reason_names_its_day():
    taper = [gc("prednisone", 10, "2026-01-05", "2026-10-31"), gc("prednisone", "7.5", "2026-11-01")]
    assert steady(taper) == (NOT_MET, (
        "Glucocorticoids: 7.5 mg/day prednisone-equivalent on 2026-11-20 (prednisone 7.5 mg/day = 7.5 mg/day); taken without"
        " a gap since 2026-01-05 (≥ 3 months: on or before 2026-08-20), unchanged since 2026-11-01 (less than 1 month:"
        " after 2026-10-20): changed on 2026-11-01 from 10 to 7.5" + TABLE))


def test_a_taper_five_weeks_ago_entered_as_two_lines_is_steady_and_taken_since_the_first():
    """The issue's case: following "one line per dose" literally no longer makes the newer line "started recently"."""
    taper = [gc("prednisone", 10, "2026-01-05", "2026-10-15"), gc("prednisone", "7.5", "2026-10-16")]
    found, reason = steady(taper)
    assert found is MET
    assert "taken without a gap since 2026-01-05 (≥ 3 months" in reason
    assert "unchanged since 2026-10-16 (≥ 1 month: on or before 2026-10-20)" in reason


def test_a_switch_to_an_equal_dose_of_another_drug_is_no_change():
    switch = [gc("prednisone", 10, "2026-01-05", "2026-10-31"), gc("methylprednisolone", 8, "2026-11-01")]
    assert steady(switch) == (MET, (
        "Glucocorticoids: 10 mg/day prednisone-equivalent on 2026-11-20 (methylprednisolone 8 mg/day = 10 mg/day); taken without"
        " a gap since 2026-01-05 (≥ 3 months: on or before 2026-08-20), unchanged since 2026-01-05 (≥ 1 month: on or"
        " before 2026-10-20); the lines changed on 2026-11-01 at the same total" + TABLE))
    unequal = [switch[0], gc("methylprednisolone", 10, "2026-11-01")]  # 12.5 mg prednisone: a change
    assert steady(unequal)[0] is NOT_MET


def test_a_repeat_prescription_at_the_same_dose_is_neither_a_change_nor_a_switch():
    found, reason = steady([gc("prednisone", 5, "2026-01-05", "2026-10-31"), gc("prednisone", 5, "2026-11-01")])
    assert found is MET and "unchanged since 2026-01-05" in reason and "lines changed" not in reason


def test_doses_are_converted_exactly_so_two_half_doses_equal_one_whole():
    two_halves = [gc("dexamethasone", "0.5", "2026-01-05"), gc("dexamethasone", "0.5", "2026-01-05", "2026-10-31"),
                  gc("dexamethasone", "0.5", "2026-11-01")]
    assert steady(two_halves)[0] is MET
    morning_and_evening = [gc("dexamethasone", "0.5", "2026-11-01"), gc("dexamethasone", "0.5", "2026-11-01")]
    found, reason = steady([gc("dexamethasone", 1, "2026-01-05", "2026-10-31"), *morning_and_evening])
    assert found is MET
    assert "6.667 mg/day prednisone-equivalent on 2026-11-20 (dexamethasone 0.5 mg/day = 3.333 mg/day, dexamethasone 0.5" in reason


def i7_and_e2() -> Protocol:
    """I7 and E2 as version 2.0 of NCT03798028 writes them."""
    in_use = {"kind": "medication_in_use", "fact": "steroids"}
    at_most_10 = {"kind": "prednisone_equivalent", "fact": "steroids", "op": "<=", "value": 10}
    over_10 = {"kind": "prednisone_equivalent", "fact": "steroids", "op": ">", "value": 10,
               "window": {"count": 1, "unit": "months"}}
    return Protocol.model_validate({
        "id": "TEST", "registry": {"nct": "NCT00000000"}, "title": "t", "sponsor": "s", "version": "1",
        "version_date": "2026-01-01", "facts": [STEROIDS],
        "criteria": [
            {"id": "I7", "kind": "inclusion", "text": "t",
             "rule": {"kind": "if_then", "if": in_use, "then": {"kind": "all_of", "all_of": [STEADY, at_most_10]}}},
            {"id": "E2", "kind": "exclusion", "text": "t", "rule": over_10},
        ],
    })


def i7_e2(lines: list) -> tuple[Verdict, Verdict]:
    report = run(i7_and_e2(), {"steroids": lines}, ON)
    return report.results[0].verdict, report.results[1].verdict


def test_a_burst_on_top_of_maintenance_is_unstable_for_i7_and_over_10_for_e2():
    burst = [MAINTENANCE, gc("prednisone", 20, "2026-11-01", "2026-11-07")]
    found, reason = steady(burst)
    assert found is NOT_MET
    assert reason == (
        "Glucocorticoids: 5 mg/day prednisone-equivalent on 2026-11-20 (prednisone 5 mg/day = 5 mg/day); taken without a gap"
        " since 2026-01-05 (≥ 3 months: on or before 2026-08-20), unchanged since 2026-11-08 (less than 1 month: after"
        " 2026-10-20): changed on 2026-11-01 from 5 to 25, on 2026-11-08 from 25 to 5" + TABLE)
    assert i7_e2(burst) == (NOT_MET, MET)
    assert i7_e2([MAINTENANCE, gc("prednisone", 20, "2026-10-01", "2026-10-07")]) == (MET, NOT_MET)  # before the month
    assert i7_e2([MAINTENANCE, gc("prednisone", 3, "2026-11-01", "2026-11-07")]) == (NOT_MET, NOT_MET)  # 8: unstable only


def test_a_one_day_intramuscular_injection_inside_the_month_is_a_burst():
    injection = gc("triamcinolone", 40, "2026-11-10", "2026-11-10", route="intramuscular")
    found, reason = steady([MAINTENANCE, injection])
    assert found is NOT_MET and "changed on 2026-11-10 from 5 to 55, on 2026-11-11 from 55 to 5" in reason
    found, reason = steady([MAINTENANCE, injection], {"routes": ["oral"]})
    assert found is MET and reason.endswith(" — not counted, route not read: triamcinolone (intramuscular)" + TABLE)


def test_without_a_glucocorticoid_on_the_day_it_is_not_met_and_i7_does_not_apply():
    assert steady([gc("prednisone", 5, "2026-01-05", "2026-11-19")]) == (NOT_MET, "Glucocorticoids: no current course")
    assert steady([]) == (NOT_MET, "Glucocorticoids: no current course")
    assert steady(None) == (UNKNOWN, "missing: Glucocorticoids")
    assert i7_e2([]) == (MET, NOT_MET)


# -- continuity and the boundaries -----------------------------------------------------------------------

def test_a_day_without_any_line_breaks_continuity():
    gap = [gc("prednisone", 5, "2026-01-05", "2026-09-30"), gc("prednisone", 5, "2026-10-02")]
    found, reason = steady(gap)
    assert found is NOT_MET
    assert "taken without a gap since 2026-10-02 (less than 3 months: after 2026-08-20)" in reason
    assert steady([gap[0], gc("prednisone", 5, "2026-10-01")])[0] is MET  # the day after: unbroken


def test_a_gap_inside_the_month_also_breaks_stability():
    gap = [gc("prednisone", 5, "2026-01-05", "2026-11-09"), gc("prednisone", 5, "2026-11-11")]
    found, reason = steady(gap)
    assert found is NOT_MET and "changed on 2026-11-10 from 5 to 0, on 2026-11-11 from 0 to 5" in reason


@pytest.mark.parametrize(("start", "expected"), [("2026-08-20", MET), ("2026-08-21", NOT_MET)])
def test_taken_for_exactly_3_months_is_enough(start, expected):
    assert steady([gc("prednisone", 5, start)])[0] is expected


@pytest.mark.parametrize(("change", "expected"), [("2026-10-20", MET), ("2026-10-21", NOT_MET)])
def test_unchanged_for_exactly_1_month_is_enough(change, expected):
    lines = [gc("prednisone", 10, "2026-01-05", None), gc("prednisone", 5, change)]
    lines[0]["stop"] = date.fromordinal(date.fromisoformat(change).toordinal() - 1).isoformat()
    assert steady(lines)[0] is expected


@pytest.mark.parametrize(("start", "expected"), [("2026-02-28", MET), ("2026-03-01", NOT_MET)])
def test_calendar_months_clamp_to_the_shorter_month(start, expected):
    """3 months before 31 May is 28 February; 1 month before is 30 April."""
    assert steady([gc("prednisone", 5, start)], on=date(2026, 5, 31))[0] is expected
    lines = [gc("prednisone", 10, "2026-01-05", "2026-04-29"), gc("prednisone", 5, "2026-04-30")]
    assert steady(lines, on=date(2026, 5, 31))[0] is MET


# -- what the table cannot convert -------------------------------------------------------------------------

ANY_DRUG = {"classes": None}  # every line of the history, other drugs included


def test_a_line_the_table_cannot_convert_taken_throughout_is_steady_but_its_total_is_not_known():
    lines = [MAINTENANCE, other("cortivazol", 1, "2026-01-05")]
    found, reason = steady(lines, ANY_DRUG)
    assert found is MET
    assert reason.startswith("Glucocorticoids: more than 5 mg/day prednisone-equivalent on 2026-11-20 (prednisone"
                             " 5 mg/day = 5 mg/day, cortivazol (written as entered; in no class) 1 mg/day: not converted)")
    assert reason.endswith(" — not converted by the table: cortivazol (written as entered; in no class)" + TABLE)


def test_a_switch_to_a_drug_the_table_cannot_convert_is_not_decided():
    lines = [gc("prednisone", 5, "2026-01-05", "2026-10-31"), other("cortivazol", 1, "2026-11-01")]
    found, reason = steady(lines, ANY_DRUG)
    assert found is UNKNOWN
    assert ("unchanged since 2026-11-01 (less than 1 month: after 2026-10-20): whether it changed on 2026-11-01 is not"
            " decided") in reason


def test_what_is_known_decides_when_it_can():
    on_top = [MAINTENANCE, other("cortivazol", 1, "2026-11-01")]  # something added to an unchanged dose
    found, reason = steady(on_top, ANY_DRUG)
    assert found is NOT_MET and "changed on 2026-11-01 from 5 to more than 5" in reason
    gap = [gc("prednisone", 5, "2026-01-05", "2026-09-30"), other("cortivazol", 1, "2026-10-02")]
    assert steady(gap, ANY_DRUG)[0] is NOT_MET  # a gap whatever the amounts
    weekly = [MAINTENANCE, gc("prednisone", 35, "2026-01-05", unit="mg/week")]  # another unit, the same all along
    found, reason = steady(weekly)
    assert found is MET and reason.endswith("not converted by the table: prednisone in mg/week" + TABLE)


def test_a_dose_before_the_last_change_is_not_recorded():
    history = {**STEROIDS, "one_line_per_dose": False}
    protocol = mini([history], STEADY)
    changed = {**MAINTENANCE, "last_change": "2026-11-01"}
    result = run(protocol, {"steroids": [changed]}, ON).results[0]
    assert result.verdict is UNKNOWN
    assert Messages(protocol).reason(result).endswith(
        "; the dose of prednisone between 2026-01-05 and 2026-11-01 is not recorded: enter it as its own course to decide"
        + TABLE)
    changed["last_change"] = "2026-10-01"  # before the month: its dose then is not read
    assert run(protocol, {"steroids": [changed]}, ON).results[0].verdict is MET


# -- anchors --------------------------------------------------------------------------------------------------

def test_an_anchor_not_known_yet_is_pending_and_decided_once_entered():
    rule = {"anchor": "first_dose"}
    assert steady([MAINTENANCE], rule) == (UNKNOWN, "pending first dose")
    found, reason = steady([MAINTENANCE], rule, first_dose="2026-12-01")
    assert found is MET and "on 2026-12-01" in reason and "(≥ 1 month: on or before 2026-11-01)" in reason
    assert steady([MAINTENANCE], rule, first_dose="none")[0] is NOT_MET


# -- one line per dose, other drugs, and the checks of a protocol --------------------------------------------

def test_one_line_per_dose_has_no_last_change():
    protocol = mini([STEROIDS], STEADY)
    assert protocol.fact["steroids"].fields == ("drug", "other", "dose", "unit", "route", "start", "stop")
    with pytest.raises(FactsInvalid) as refused:
        parse_facts(protocol, {"steroids": [{**MAINTENANCE, "last_change": "2026-06-01"}]}, ON)
    assert [p.code for p in refused.value.problems] == ["unexpected_keys"]


CSDMARDS = {"id": "csdmards", "type": "medications", "label": "csDMARDs", "classes": ["csdmards"], "allow_other": True,
            "one_line_per_dose": True, "dose_required": False, "routes": ["oral"], "dose_units": ["mg/week"]}
I6 = {"kind": "current_treatment", "fact": "csdmards", "classes": ["csdmards"], "taken_for": {"count": 3, "unit": "months"},
      "stable_for": {"count": 1, "unit": "months"}}


def test_current_treatment_reads_stability_from_the_lines_when_doses_are_optional():
    protocol = mini([CSDMARDS], I6)
    lines = [{"drug": "methotrexate", "start": "2026-01-05", "stop": "2026-10-31"},
             {"drug": "methotrexate", "dose": 20, "unit": "mg/week", "start": "2026-11-01"},
             {"other": "iguratimod", "start": "2026-06-01"}]
    result = run(protocol, {"csdmards": lines}, ON).results[0]
    assert result.verdict is UNKNOWN  # the line before gives no dose: it may have been 20 mg/week too
    assert Messages(protocol).reason(result) == (
        "methotrexate 20 mg/week: started 2026-01-05 (≥ 3 months: on or before 2026-08-20), dose unchanged since"
        " 2026-11-01 (follows a line with no day between, and a dose is not given: whether it changed after 2026-10-20"
        " is not recorded) — not counted, in no class: “iguratimod”")
    dosed = [{**lines[0], "dose": 15, "unit": "mg/week"}, lines[1]]
    result = run(protocol, {"csdmards": dosed}, ON).results[0]
    assert result.verdict is NOT_MET  # 15, then 20 mg/week from 2026-11-01
    assert "dose unchanged since 2026-11-01 (less than 1 month: after 2026-10-20)" in Messages(protocol).reason(result)
    result = run(protocol, {"csdmards": [{"drug": "methotrexate", "start": "2026-01-05"}, lines[2]]}, ON).results[0]
    assert result.verdict is MET
    assert Messages(protocol).reason(result) == (
        "methotrexate: started 2026-01-05 (≥ 3 months: on or before 2026-08-20), this line (one dose) since 2026-01-05"
        " (≥ 1 month: on or before 2026-10-20) — not counted, in no class: “iguratimod”")
    shown = Messages(protocol).answer_text("csdmards", [lines[2]])
    assert shown == "iguratimod (written as entered; in no class), from 2026-06-01, ongoing"


def refusal(fact: dict, rule: dict, **extra: Any) -> str:
    with pytest.raises(ValidationError) as refused:
        mini([fact], rule, **extra)
    return str(refused.value)


def test_a_history_without_doses_can_only_be_read_for_stability_one_line_per_dose():
    assert "no rule can read them" in refusal({**CSDMARDS, "one_line_per_dose": False}, I6)
    assert "no rule can read them" in refusal({**STEROIDS, "dose_required": False}, STEADY)


@pytest.mark.parametrize(("change", "message"), [
    ({"table": "nowhere"}, "unknown equivalence table 'nowhere'"),
    ({"stable_for": {"count": 24, "unit": "hours"}}, "a medication history records days"),
    ({"drugs": ["methotrexate"]}, "'methotrexate' is not among the fact's drugs"),
    ({"stable_for": None}, "stable_for"),
])
def test_a_steady_rule_that_does_not_fit_its_fact_is_refused(change, message):
    assert message in refusal(STEROIDS, {**STEADY, **change})


def test_every_drug_read_must_be_in_the_table():
    fact = {**STEROIDS, "classes": [], "drugs": ["prednisone", "methotrexate"]}
    assert "the table 'meikle_tyler_1977' has no dose of ['methotrexate']" in refusal(fact, {**STEADY, "classes": None})
    assert mini([fact], {**STEADY, "classes": None, "drugs": ["prednisone"]}).criteria


# -- the stretches agree with a reading day by day ---------------------------------------------------------

DOSES = {"prednisone": ["2.5", "5", "7.5", "10"], "methylprednisolone": ["4", "8"], "dexamethasone": ["0.5", "0.75", "1.5"]}


@st.composite
def histories(draw: Any) -> list[dict]:
    lines = []
    for _ in range(draw(st.integers(1, 4))):
        drug = draw(st.sampled_from(sorted(DOSES)))
        start = ON.toordinal() - draw(st.integers(0, 150))
        stop = draw(st.none() | st.integers(start, ON.toordinal() + 5))
        lines.append(gc(drug, draw(st.sampled_from(DOSES[drug])), date.fromordinal(start).isoformat(),
                        None if stop is None else date.fromordinal(stop).isoformat()))
    return lines


def day_by_day(lines: list[dict]) -> Verdict:
    """I7's reading spelled out: each day's total, on every day of the 3 months and of the month."""
    table = MEIKLE_TYLER.doses

    def total(day: date) -> Fraction:
        return sum((Fraction(line["dose"]) * 5 / Fraction(table[line["drug"]]) for line in lines
                    if date.fromisoformat(line["start"]) <= day
                    and (line["stop"] is None or date.fromisoformat(line["stop"]) >= day)), Fraction(0))

    today = total(ON)
    days = [date.fromordinal(d) for d in range(date(2026, 8, 20).toordinal(), ON.toordinal() + 1)]
    taken = today > 0 and all(total(d) > 0 for d in days)
    stable = all(total(d) == today for d in days if d >= date(2026, 10, 20))
    return MET if taken and stable else NOT_MET


STEADY_PROTOCOL = mini([STEROIDS], STEADY)


@settings(max_examples=150, deadline=None)
@given(histories())
def test_the_rule_reads_a_history_as_a_reading_day_by_day_would(lines):
    assert run(STEADY_PROTOCOL, {"steroids": lines}, ON).results[0].verdict is day_by_day(lines)


@settings(max_examples=100, deadline=None)
@given(histories(), st.data())
def test_splitting_a_line_into_two_at_the_same_dose_changes_nothing(lines, data):
    line = data.draw(st.sampled_from(lines))
    start = date.fromisoformat(line["start"])
    end = min(date.fromisoformat(line["stop"]), ON) if line["stop"] else ON  # a line starts by the screening date
    if start == end:
        return
    cut = date.fromordinal(data.draw(st.integers(start.toordinal(), end.toordinal() - 1)))
    split = [l for l in lines if l is not line] + [
        {**line, "stop": cut.isoformat()}, {**line, "start": date.fromordinal(cut.toordinal() + 1).isoformat()}]
    assert run(STEADY_PROTOCOL, {"steroids": split}, ON).results[0].verdict is day_by_day(lines)
