"""Strict, bounded parsing (issue 13, item 6): each hostile value seen is refused, quickly,
naming the fact; every accepted value has one normal stored form that parses back to itself."""

from __future__ import annotations

import json
import time
from datetime import date
from decimal import Decimal

import pytest

from trialdesk.domain.errors import FactsInvalid
from trialdesk.domain.evaluation import normal_answer, normal_answers, parse_facts
from trialdesk.domain.facts import MAX_COURSES, to_date
from trialdesk.domain.screening import check_subject
from trialdesk.domain.units import QUANTITIES
from trialdesk.domain.values import MAX_FRACTION_DIGITS, MAX_INTEGER_DIGITS, read_number
from trialdesk.messages import Messages

ON = date(2026, 11, 20)
COURSE = {"drug": "methotrexate", "dose": 15, "unit": "mg/week", "route": "oral",
          "start": "2025-06-01", "stop": None}


def refused(protocol, raw, typed=False):
    """The (fact, code) of every problem, after checking the refusal took well under a second."""
    started = time.process_time()
    with pytest.raises(FactsInvalid) as raised:
        parse_facts(protocol, raw, ON, typed=typed)
    assert time.process_time() - started < 1.0
    words = Messages(protocol)
    for problem in raised.value.problems:
        assert len(words.problem(problem)) < 2000  # a hostile value is quoted short
    return [(p.fact, p.code) for p in raised.value.problems]


@pytest.mark.parametrize("text", ["2026111799", "2026-W47-2", "1972031599", "20261117", "2026-11-1", "2026-11-01T00:00",
                                  " 2026-11-01", "2026-11-01\n", "２０２６-１１-０１", "٢٠٢٦-١١-٠١", "0000-01-01"])
def test_dates_are_exactly_yyyy_mm_dd(nct, text):
    assert to_date(text) is None
    assert refused(nct, {"consent_date": text}) == [("consent_date", "invalid_date")]
    assert refused(nct, {"consent_date": text}, typed=True) == [("consent_date", "invalid_date")]


def test_dates_outside_1900_to_2199_are_refused_and_real_dates_read(nct):
    assert refused(nct, {"date_of_birth": "1899-12-31"}) == [("date_of_birth", "date_out_of_range")]
    assert to_date("2026-11-17") == date(2026, 11, 17) and to_date("2024-02-29") == date(2024, 2, 29)
    assert to_date("2026-02-29") is None


def test_check_subject_uses_the_same_dates_and_wants_text():
    subject = {"screening_number": "S-1", "initials": "ZHL", "date_of_birth": "1972031599", "sex": "female",
               "screening_date": "2026-W47-2", "consent_date": "2026-11-18", "consent_version": 2}
    with pytest.raises(FactsInvalid) as raised:
        check_subject(subject)
    found = {(p.fact, p.code) for p in raised.value.problems}
    assert found == {("date_of_birth", "invalid_date"), ("screening_date", "invalid_date"), ("consent_version", "not_text")}
    with pytest.raises(FactsInvalid) as raised:
        check_subject({**subject, "date_of_birth": "1972-03-15", "screening_date": "2026-11-20",
                       "consent_version": "v2\n#99 forged"})
    assert [(p.fact, p.code) for p in raised.value.problems] == [("consent_version", "control_characters")]


def test_a_huge_count_text_is_refused_within_a_second(nct, second):
    assert refused(second, {"anti_tnf_failed": "1e999999"}, typed=True) == [("anti_tnf_failed", "bad_number_text")]
    assert refused(nct, {"esr": "1e999999"}, typed=True) == [("esr", "bad_number_text")]


@pytest.mark.parametrize("unit", ["g/L", "g/dL", "mmol/L"])
def test_huge_numbers_with_a_unit_conversion_are_refused_without_overflow(nct, unit):
    for value in (Decimal("1e999999999"), Decimal("-1e999999999"), Decimal("1e-999999999"), 1e308):
        found = refused(nct, {"haemoglobin": {"value": value, "unit": unit}})
        assert found in ([("haemoglobin", "number_too_large")], [("haemoglobin", "too_many_decimals")])


def test_a_5000_digit_integer_is_refused_quickly(nct, second):
    huge = int("9" * 4000) * 10**1000 + 7  # over Python's 4,300-digit str() limit
    assert refused(nct, {"esr": huge}) == [("esr", "number_too_large")]
    assert refused(second, {"anti_tnf_failed": Decimal("1" * 5000)}) == [("anti_tnf_failed", "number_too_large")]
    assert refused(nct, {"esr": {"value": "1" * 5000, "unit": "mm/h"}}, typed=True) == [("esr", "number_too_large")]


@pytest.mark.parametrize("text", ["8_5", "٨٥", "８５", "1e2", "1E2", "0x55", "85.", ".5", "8 5", "8.5.1", "8,5,1", "+-8",
                                  "85\u00a0", "\u200b85", "NaN", "inf", "Infinity", "1,000.5", "", "85 g/L"])
def test_only_the_one_typed_form_of_a_number_is_read(nct, text):
    if text.strip() == "85":
        return
    assert refused(nct, {"esr": {"value": text, "unit": "mm/h"}}, typed=True) == [("esr", "bad_number_text")]


def test_a_number_as_text_in_a_facts_file_is_refused_naming_the_fact(nct, second):
    assert refused(nct, {"esr": {"value": "48", "unit": "mm/h"}}) == [("esr", "number_as_text")]
    assert refused(second, {"anti_tnf_failed": "1"}) == [("anti_tnf_failed", "number_as_text")]
    found = refused(nct, {"csdmard_history": [{**COURSE, "dose": "15"}]})
    assert found == [("csdmard_history", "number_as_text")]
    text = Messages(nct).problem(parse_problem(nct, {"esr": "48"}))
    assert text == "ESR (esr): “48” is text: in a facts file a number is a JSON number, without quotes"


def parse_problem(protocol, raw):
    with pytest.raises(FactsInvalid) as raised:
        parse_facts(protocol, raw, ON)
    return raised.value.problems[0]


def test_bool_is_never_a_number(nct):
    assert refused(nct, {"esr": True}, typed=True) == [("esr", "not_a_number")]
    assert refused(nct, {"csdmard_history": [{**COURSE, "dose": True}]}) == [("csdmard_history", "not_a_number")]


def test_digit_bounds():
    assert read_number(Decimal("999999999.999999")) == Decimal("999999999.999999")
    assert read_number("-000000000000085,500000000", typed=True) == Decimal("-85.5")  # zeros do not count
    for raw, code in ((10**MAX_INTEGER_DIGITS, "number_too_large"), ("1" * (MAX_INTEGER_DIGITS + 1), "number_too_large"),
                      ("0." + "0" * MAX_FRACTION_DIGITS + "1", "too_many_decimals"), (1e-7, "too_many_decimals"),
                      (Decimal("0.1000000000000000055511151231257827"), "too_many_decimals")):
        with pytest.raises(ValueError) as raised:
            read_number(raw, typed=True)
        assert raised.value.code == code


def test_conversions_stay_exact_within_the_bounds():
    hb = QUANTITIES["haemoglobin"]
    assert hb.to_canonical(Decimal("999999999.999999"), "mmol/L") > 0
    assert hb.to_canonical(Decimal("9.0"), "g/dL") == 90


def test_a_medication_history_is_bounded(nct):
    courses = [dict(COURSE) for _ in range(MAX_COURSES + 1)]
    assert refused(nct, {"csdmard_history": courses}) == [("csdmard_history", "too_many_courses")]


@pytest.mark.parametrize(
    ("fact", "raws", "normal"),
    [
        ("esr", [85, 85.0, Decimal("85.000"), "85", "85,0", "+85", {"value": "85.0", "unit": "mm/h"},
                 {"value": 85, "unit": "mm/h"}], {"value": 85, "unit": "mm/h"}),
        ("haemoglobin", [{"value": "8,5", "unit": "g/dL"}, {"value": 8.5, "unit": "g/dL"},
                         {"value": Decimal("8.50"), "unit": "g/dL"}], {"value": 8.5, "unit": "g/dL"}),
        ("crp", [{"value": "0.000001", "unit": "mg/L"}], {"value": 0.000001, "unit": "mg/L"}),
        ("date_of_birth", ["1972-03-15", date(1972, 3, 15)], "1972-03-15"),
        ("last_biological_agent", ["none"], "none"),
        ("infection", ["no", False], "no"),
        ("hbv", ["negative"], "negative"),
        ("joint_exam", [{"tender": ["wrist_r", "knee_r", "wrist_r"]}, {"swollen": [], "tender": ["knee_r", "wrist_r"]}],
         {"tender": ["wrist_r", "knee_r"], "swollen": []}),  # in the examination form's order
        ("csdmard_history", [[COURSE], [{**COURSE, "dose": "15,0"}], [{k: v for k, v in COURSE.items() if k != "stop"}]],
         [COURSE]),
    ],
)
def test_raws_that_mean_the_same_have_one_normal_form_that_parses_back(nct, fact, raws, normal):
    for raw in raws:
        value = parse_facts(nct, {fact: raw}, ON, typed=True)[fact]
        assert normal_answer(nct, fact, raw, ON) == normal
        assert json.loads(json.dumps(normal)) == normal  # plain JSON
        assert parse_facts(nct, {fact: normal}, ON) == {fact: value}  # typed=False: a file could hold it
        assert repr(normal_answers(nct, {fact: value})[fact]) == repr(normal)


def test_a_count_has_one_normal_form(second):
    for raw in (2, 2.0, "2", "02", "2,0"):
        assert normal_answer(second, "anti_tnf_failed", raw, ON) == 2
    assert normal_answer(second, "anti_tnf_failed", None, ON) is None


@pytest.fixture(scope="module")
def second():
    from trialdesk.persistence.protocol_files import find_protocol

    return find_protocol("NCT00845832")
