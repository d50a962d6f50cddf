"""The protocol language's shapes, evaluated and worded: declared quantities and units, ULN
multiples, conditional and open limits, anchors and pending criteria, date-time windows,
derived values, not-applicable criteria, "not done" options, consistency checks."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from trialdesk.domain.errors import FactsInvalid
from trialdesk.domain.evaluation import evaluate, parse_facts
from trialdesk.domain.verdict import Verdict
from trialdesk.messages import Messages
from trialdesk.persistence.errors import ProtocolFileError as ProtocolInvalid
from trialdesk.persistence.protocol_files import parse_protocol

SOURCE = (Path(__file__).parents[1] / "data" / "language.yaml").read_text(encoding="utf-8")
PROTOCOL = parse_protocol(SOURCE, "language.yaml")
ON = date(2026, 11, 20)
WORDS = Messages(PROTOCOL)
MET, NOT_MET, UNKNOWN, NA = Verdict.MET, Verdict.NOT_MET, Verdict.UNKNOWN, Verdict.NOT_APPLICABLE


def run(**raw):
    report = evaluate(PROTOCOL, parse_facts(PROTOCOL, raw, ON), ON)
    return report


def result(criterion, **raw):
    outcome = run(**raw).result(criterion)
    return outcome.verdict, WORDS.reason(outcome)


# -- units and quantities -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "verdict", "shown"),
    [
        ({"value": 7.0, "unit": "%"}, MET, "HbA1c 7 % within 7.0–9.5 %"),
        ({"value": 53.00565, "unit": "mmol/mol"}, MET, "53.00565 mmol/mol (= 7 %)"),  # exactly 7.0 % by the master equation
        ({"value": 53.005, "unit": "mmol/mol"}, NOT_MET, "53.005 mmol/mol (= 6.9999 %) outside 7.0–9.5 %"),
        ({"value": 52.981, "unit": "mmol/mol"}, NOT_MET, "52.981 mmol/mol (= 6.998 %) outside"),
    ],
)
def test_a_declared_affine_quantity_is_compared_exactly_and_never_rounded_onto_its_limit(answer, verdict, shown):
    got, text = result("I2", hba1c=answer)
    assert got is verdict
    assert shown in text


@pytest.mark.parametrize(
    ("answer", "verdict", "shown"),
    [
        (1.495, NOT_MET, "Serum creatinine 1.495 mg/dL is not >= 1.5 mg/dL"),
        ({"value": 132.6, "unit": "µmol/L"}, NOT_MET, "132.6 µmol/L (= 1.49997 mg/dL) is not >= 1.5 mg/dL"),
        ({"value": 132.63, "unit": "µmol/L"}, MET, "132.63 µmol/L (= 1.5003 mg/dL) >= 1.5 mg/dL"),
    ],
)
def test_a_molar_conversion_keeps_the_relation_it_is_decided_on(answer, verdict, shown):
    got, text = result("I3", creatinine=answer if isinstance(answer, dict) else {"value": answer, "unit": "mg/dL"})
    assert (got, shown in text) == (verdict, True), text


def test_a_declared_unit_and_quantity_are_used_and_a_clash_with_the_library_is_refused():
    assert PROTOCOL.quantity["a1c"].convert(PROTOCOL.quantity["a1c"].to_canonical(
        __import__("decimal").Decimal("7"), "%"), "%", "mmol/mol") == __import__("decimal").Decimal("53.00565")
    with pytest.raises(ProtocolInvalid) as refused:
        parse_protocol(SOURCE.replace("  - id: cystatin\n", "  - id: creatinine\n"), "clash.yaml")
    assert any(i.path == "quantities[1].id" and "is a quantity of the program" in i.message for i in refused.value.issues)


@pytest.mark.parametrize(
    ("old", "new", "path", "expected"),
    [
        ("units: [mg/dL]", "units: [mmol/L]", "quantities[1]", "does not convert to 'mg/L'"),
        ("unit: kg/m²\n", "unit: kg\n", "scores[0].unit", "the expression gives M·L^-2"),
        ("{count: 48, unit: hours}, anchor: randomised_at", "{count: 48, unit: hours}, anchor: first_dose",
         "criteria[8].rule.anchor", "needs a datetime fact"),
        ("times_uln: 2.5", "times_uln: 2.5, unit: U/L", "criteria[3].rule.any_of[1]", None),
        ("{op: fact, fact: weight}, {op: power", "{op: fact, fact: sex}, {op: power", "scores[0].expression.of[0].fact",
         "expected number or count"),
        ("{kind: threshold, fact: ast, op: \"<=\", times_uln: 2.5}", "{kind: threshold, fact: haemoglobin, op: \"<=\", times_uln: 2.5}",
         "criteria[3].rule.any_of[1].times_uln", "not entered with its ULN"),
    ],
)
def test_a_shape_that_does_not_fit_is_refused_with_its_path(old, new, path, expected):
    assert old in SOURCE
    edited = SOURCE.replace(old, new)
    if expected is None:  # a unit of the quantity beside a ULN multiple is allowed
        parse_protocol(edited, "edited.yaml")
        return
    with pytest.raises(ProtocolInvalid) as refused:
        parse_protocol(edited, "edited.yaml")
    assert any(i.path == path and expected in i.message for i in refused.value.issues), refused.value.issues


# -- ULN multiples and conditional limits -----------------------------------------------------


@pytest.mark.parametrize(
    ("ast", "liver", "verdict"),
    [(100, "no", MET), (100.5, "no", NOT_MET), (200, "yes", MET), (200.5, "yes", NOT_MET)],
)
def test_a_value_is_compared_with_a_multiple_of_the_uln_entered_with_it(ast, liver, verdict):
    got, text = result("I4", ast={"value": ast, "unit": "U/L", "uln": 40}, liver_metastases=liver)
    assert got is verdict
    assert "× ULN 40 U/L = " in text


def test_a_uln_is_required_with_the_value():
    with pytest.raises(FactsInvalid) as refused:
        parse_facts(PROTOCOL, {"ast": {"value": 30, "unit": "U/L"}}, ON)
    assert refused.value.problems[0].code == "uln_required"


@pytest.mark.parametrize(
    ("hb", "sex", "verdict", "words"),
    [
        (12.0, "female", MET, ">= 12 g/dL"),
        (12.9, "male", NOT_MET, "is not >= 13 g/dL"),
        (13.5, None, MET, "the same against every limit"),  # settles it for either sex
        (11.5, None, NOT_MET, "the same against every limit"),
        (12.5, None, UNKNOWN, "the limit depends on"),
    ],
)
def test_a_limit_by_sex_is_resolved_early_when_the_value_settles_it(hb, sex, verdict, words):
    raw = {"haemoglobin": {"value": hb, "unit": "g/dL"}}
    if sex:
        raw["sex"] = sex
    got, text = result("I5", **raw)
    assert got is verdict
    assert words in text, text


def test_an_open_bound_has_no_maximum():
    assert result("I1", date_of_birth="1900-01-01")[0] is MET
    assert result("I1", date_of_birth="2008-11-21")[0] is NOT_MET  # 18 tomorrow
    assert "at least 18" in result("I1", date_of_birth="2008-11-20")[1]


# -- not applicable and "not done" ------------------------------------------------------------


def test_a_criterion_that_does_not_apply_passes_as_not_applicable():
    report = run(sex="male")
    assert report.result("E3").verdict is NA
    assert not report.result("E3").excludes
    assert WORDS.reason(report.result("E3")) == "Sex: Male"  # the effect says it does not apply
    assert WORDS.effect(report.result("E3")) == "E3 not applicable to this subject"
    assert run(sex="female", pregnant="yes").result("E3").verdict is MET
    assert run(pregnant="no").result("E3").verdict is NOT_MET  # passes whether or not it applies
    assert run(pregnant="yes").result("E3").verdict is UNKNOWN  # sex not known yet


def test_an_option_declared_unknown_leaves_the_rule_open_and_an_option_called_unknown_does_not():
    verdict, text = result("E4", hbv_dna="not_done")
    assert verdict is UNKNOWN
    assert text == "not known: HBV DNA: Not done"
    assert result("E4", hbv_dna="unknown")[0] is NOT_MET  # a real category with the id "unknown"


# -- anchors, pending, date-time windows -----------------------------------------------------------


def test_a_window_on_an_unknown_anchor_is_pending_unless_the_dates_settle_it():
    verdict, text = result("E1", last_chemo="2026-11-01")
    assert (verdict, text) == (UNKNOWN, "pending First dose of study treatment: Last dose of chemotherapy 2026-11-01")
    # 6 weeks before screening: before any first dose on or after screening, more than 4 weeks
    verdict, text = result("E1", last_chemo="2026-10-09")
    assert verdict is NOT_MET
    assert "cannot be within 4 weeks before First dose of study treatment (on or after 2026-11-20)" in text
    assert result("E1", last_chemo="2026-11-01", first_dose="2026-11-29")[0] is MET  # exactly 4 weeks
    assert result("E1", last_chemo="2026-11-01", first_dose="2026-11-30")[0] is NOT_MET
    assert result("E1", last_chemo="none")[0] is NOT_MET  # never: outside every window


def test_a_window_in_hours_between_two_date_times():
    assert result("E2", infusion_end="2026-11-20T08:00", randomised_at="2026-11-22T08:00")[0] is MET
    assert result("E2", infusion_end="2026-11-20T08:00", randomised_at="2026-11-22T08:01")[0] is NOT_MET
    assert result("E2", infusion_end="2026-11-17T23:59")[0] is NOT_MET  # 48 h end before any randomisation on or after screening
    assert result("E2", infusion_end="2026-11-18T00:00")[0] is UNKNOWN  # randomised at midnight on the 20th, it is inside
    assert result("E2", infusion_end="2026-11-20T08:00")[0] is UNKNOWN


def test_a_date_time_is_read_strictly():
    with pytest.raises(FactsInvalid) as refused:
        parse_facts(PROTOCOL, {"infusion_end": "2026-11-20 08:00"}, ON)
    assert refused.value.problems[0].code == "invalid_datetime"
    with pytest.raises(FactsInvalid) as refused:
        parse_facts(PROTOCOL, {"first_dose": "2026-11-19"}, ON)
    assert refused.value.problems[0].code == "before_screening"


def test_on_or_before_an_anchor():
    assert result("I7", consent_date="2026-11-20")[0] is MET  # before any first dose (on or after screening)
    assert result("I7", consent_date="2026-11-20", first_dose="2026-11-20")[0] is MET


# -- derived values -------------------------------------------------------------------------


def test_body_mass_index_is_derived_in_its_unit_from_mixed_units():
    report = run(weight={"value": 100, "unit": "kg"}, height={"value": 200, "unit": "cm"})
    bmi = report.scores["bmi"]
    assert (bmi.unit, bmi.value) == ("kg/m²", 25)  # 100 kg over (2 m)², exactly
    assert WORDS.score(bmi).startswith("Body-mass index 25 kg/m² — Weight 100 kg, Height 200 cm")
    pounds = run(weight={"value": 77.1618, "unit": "lb"}, height={"value": 1.4, "unit": "m"}).scores["bmi"]
    assert round(pounds.value, 4) == __import__("decimal").Decimal("17.8571")  # 35.0000... kg over 1.96 m²
    assert run(weight={"value": 77.1618, "unit": "lb"}, height={"value": 1.4, "unit": "m"}).result("I6").verdict is NOT_MET
    assert report.result("I6").verdict is MET
    missing = run(weight={"value": 80, "unit": "kg"}).scores["bmi"]
    assert missing.missing == ("height",)


def test_percent_change_between_two_dated_measurements_within_a_look_back():
    raw = {"ldl_before": {"value": 4.0, "unit": "mmol/L"}, "ldl_before_date": "2026-09-01",
           "ldl_now": {"value": 2.8, "unit": "mmol/L"}, "ldl_now_date": "2026-11-10"}
    report = run(**raw)
    assert report.scores["ldl_change"].value == -30
    assert report.result("E5").verdict is NOT_MET  # -30 % is not < -30 %
    far = run(**{**raw, "ldl_before_date": "2026-08-10"})  # 13 weeks apart
    assert far.scores["ldl_change"].problem.code == "measurements_apart"
    assert far.result("E5").verdict is UNKNOWN


def test_ratio_to_uln_and_egfr():
    report = run(ast={"value": 100, "unit": "U/L", "uln": 40}, creatinine={"value": 1.0, "unit": "mg/dL"},
                 date_of_birth="1976-06-01", sex="female")
    assert report.scores["ast_ratio"].value == __import__("decimal").Decimal("2.5")
    egfr = report.scores["egfr"]
    assert abs(float(egfr.value) - 68.6) < 0.1  # CKD-EPI 2021, female, 50, 1.0 mg/dL
    assert "mL/min/1.73m²" in WORDS.score(egfr)


# -- consistency checks -------------------------------------------------------------------------


def test_a_contradiction_is_refused_naming_both_facts():
    with pytest.raises(FactsInvalid) as refused:
        parse_facts(PROTOCOL, {"sex": "male", "pregnant": "yes"}, ON)
    problem = refused.value.problems[0]
    assert problem.code == "inconsistent"
    assert WORDS.problem(problem) == (
        "Pregnant (pregnant): refused: pregnancy requires female sex (the answers to Pregnant, Sex contradict each other)"
    )
    assert "妊娠仅适用于女性" in Messages(PROTOCOL, "zh_CN").problem(problem)
    parse_facts(PROTOCOL, {"sex": "female", "pregnant": "yes"}, ON)  # consistent


def test_a_refusal_names_the_shape_that_was_missing():
    edited = SOURCE.replace("{kind: age, fact: date_of_birth, min_years: 18}", "{fact: date_of_birth, min_years: 18}", 1)
    with pytest.raises(ProtocolInvalid) as refused:
        parse_protocol(edited, "edited.yaml")
    (issue,) = refused.value.issues
    assert issue.path == "criteria[0].rule"
    assert issue.message.startswith("no 'kind' given: expected one of ['age', ")
    assert "'threshold'" in issue.message and "'date_window'" in issue.message


def test_a_window_around_an_event_that_never_happened_is_not_met():
    protocol = parse_protocol(SOURCE.replace(
        "{id: first_dose, type: date, label: First dose of study treatment, on_or_after_screening: true}",
        "{id: first_dose, type: date, label: First dose of study treatment, on_or_after_screening: true, allow_never: true}"),
        "never.yaml")
    outcome = evaluate(protocol, parse_facts(protocol, {"last_chemo": "2026-11-01", "first_dose": "none"}, ON), ON).result("E1")
    assert outcome.verdict is NOT_MET
    assert Messages(protocol).reason(outcome) == "First dose of study treatment: never"


def test_a_converted_value_is_shown_exactly_when_it_is_short_and_a_count_unit_reads_as_a_multiple():
    from decimal import Decimal

    from trialdesk.messages.shown import near as _near

    assert _near(Decimal("0.078"), [Decimal("0.11")]) == "0.078"
    assert _near(Decimal("0.0780004"), []) == "0.07800"  # four significant digits
    assert _near(Decimal("0.0780004"), [Decimal("0.078")]) == "0.0780004"  # never rounded onto its limit
    assert PROTOCOL.quantity["cell_count"].unit_label("10⁹/L") == "× 10⁹/L"


@pytest.mark.parametrize(("day", "verdict"), [("2026-08-20", MET), ("2026-08-21", NOT_MET), ("2026-02-28", MET)])
def test_at_least_a_period_before_an_anchor_includes_the_boundary_day(day, verdict):
    got, text = result("I8", ldl_before_date=day)
    assert got is verdict
    assert ("at least 3 months before the screening date 2026-11-20 (on or before 2026-08-20)" in text) is (verdict is MET)


def test_a_plausible_range_is_never_rounded_onto_the_value_it_refuses():
    with pytest.raises(FactsInvalid) as refused:
        parse_facts(PROTOCOL, {"creatinine": {"value": 8.84, "unit": "µmol/L"}}, ON)
    text = WORDS.problem(refused.value.problems[0])
    assert "8.84 µmol/L is outside the plausible range 8.8402" in text, text


def test_a_limit_open_on_two_cases_says_what_it_needs_once():
    verdict, text = result("I5", haemoglobin={"value": 12.5, "unit": "g/dL"})
    assert verdict is UNKNOWN
    assert text.count("missing: Sex") == 1, text



def test_a_yes_no_answered_unknown_is_said_not_known_once():
    from trialdesk.desk.protocols import find_protocol
    from trialdesk.messages import Messages

    nct, on = find_protocol("NCT03798028"), date(2026, 11, 20)
    result = evaluate(nct, parse_facts(nct, {"infection": "unknown"}, on), on).result("E4")
    assert Messages(nct).reason(result) == "not known: Chronic or acute infection (bacterial, viral, parasitic or other)"
    assert Messages(nct, "zh_CN").reason(result) == "不明：慢性或急性感染（细菌、病毒、寄生虫等）"
