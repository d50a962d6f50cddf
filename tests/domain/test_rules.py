"""Every rule kind, and the three-valued logic that combines them."""

from datetime import date

import pytest

from tests.domain.conftest import mini, run
from trialdesk.domain.verdict import Verdict

MET, NOT_MET, UNKNOWN = Verdict.MET, Verdict.NOT_MET, Verdict.UNKNOWN
YES_NO = [{"id": x, "type": "yes_no", "label": x.upper()} for x in ("a", "b", "c")]
ON = date(2026, 5, 31)


def verdict(protocol, raw, on=ON):
    return run(protocol, raw, on).results[0].verdict


def attest(fact):
    return {"kind": "attestation", "fact": fact}


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("yes", "yes", MET), ("yes", "no", MET), ("yes", None, MET),  # a decisive branch wins over unknown
        ("no", "no", NOT_MET), ("no", None, UNKNOWN), (None, None, UNKNOWN), ("no", "unknown", UNKNOWN),
    ],
)
def test_any_of_is_kleene_or(a, b, expected):
    protocol = mini(YES_NO, {"kind": "any_of", "any_of": [attest("a"), attest("b")]})
    assert verdict(protocol, {"a": a, "b": b}) is expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [("yes", "yes", MET), ("yes", None, UNKNOWN), ("no", None, NOT_MET), (None, "no", NOT_MET), ("no", "yes", NOT_MET)],
)
def test_all_of_is_kleene_and(a, b, expected):
    protocol = mini(YES_NO, {"kind": "all_of", "all_of": [attest("a"), attest("b")]})
    assert verdict(protocol, {"a": a, "b": b}) is expected


def test_any_of_reason_names_the_deciding_branch():
    protocol = mini(YES_NO, {"kind": "any_of", "any_of": [attest("a"), attest("b")]})
    reason = run(protocol, {"a": "no", "b": "yes"}, ON).results[0].reason
    assert reason.decided_by == 1


@pytest.mark.parametrize(("a", "expected"), [("yes", NOT_MET), ("no", MET), (None, UNKNOWN)])
def test_not(a, expected):
    assert verdict(mini(YES_NO, {"kind": "not", "rule": attest("a")}), {"a": a}) is expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [("no", None, MET), ("yes", "yes", MET), ("yes", "no", NOT_MET), (None, "yes", MET), (None, "no", UNKNOWN), ("yes", None, UNKNOWN)],
)
def test_if_then_is_kleene_implication(a, b, expected):
    protocol = mini(YES_NO, {"kind": "if_then", "if": attest("a"), "then": attest("b")})
    assert verdict(protocol, {"a": a, "b": b}) is expected


@pytest.mark.parametrize(
    ("answers", "expected"),
    [(("yes", "yes", None), MET), (("yes", "no", "no"), NOT_MET), (("yes", "no", None), UNKNOWN), (("yes", "yes", "yes"), MET)],
)
def test_at_least_k_of_n(answers, expected):
    protocol = mini(YES_NO, {"kind": "at_least", "count": 2, "of": [attest("a"), attest("b"), attest("c")]})
    assert verdict(protocol, dict(zip("abc", answers))) is expected


HB = [{"id": "hb", "type": "number", "label": "Hb", "quantity": "haemoglobin", "units": ["g/L", "g/dL", "mmol/L"], "plausible": {"min": 30, "max": 220}}]


@pytest.mark.parametrize(
    ("op", "value", "expected"),
    [(">=", 90, MET), (">", 90, NOT_MET), ("<=", 90, MET), ("<", 90, NOT_MET), ("==", 90, MET), (">=", "90.01", NOT_MET)],
)
def test_threshold_operator_is_exact(op, value, expected):
    protocol = mini(HB, {"kind": "threshold", "fact": "hb", "op": op, "value": value})
    assert verdict(protocol, {"hb": {"value": 9.0, "unit": "g/dL"}}) is expected


def test_range_inclusive_both_ends():
    protocol = mini(HB, {"kind": "range", "fact": "hb", "min": 90, "max": 100})
    assert verdict(protocol, {"hb": {"value": 90, "unit": "g/L"}}) is MET
    assert verdict(protocol, {"hb": {"value": 100, "unit": "g/L"}}) is MET
    assert verdict(protocol, {"hb": {"value": 100.1, "unit": "g/L"}}) is NOT_MET
    assert verdict(protocol, {}) is UNKNOWN


DOB = [{"id": "dob", "type": "date", "label": "Born"}]


@pytest.mark.parametrize(
    ("born", "on", "expected"),
    [
        ("2008-05-31", "2026-05-31", MET),  # 18th birthday
        ("2008-06-01", "2026-05-31", NOT_MET),  # 17 on the eve of the birthday
        ("1955-06-01", "2026-05-31", MET),  # 70, eve of the 71st birthday
        ("1955-05-31", "2026-05-31", NOT_MET),  # 71 today
        ("2008-02-29", "2026-02-28", NOT_MET),  # leap-day birth: 18 only on 1 March
        ("2008-02-29", "2026-03-01", MET),
        ("2008-02-29", "2028-02-29", MET),
    ],
)
def test_age_in_completed_years(born, on, expected):
    protocol = mini(DOB, {"kind": "age", "fact": "dob", "min_years": 18, "max_years": 70})
    assert verdict(protocol, {"dob": born}, date.fromisoformat(on)) is expected


LAST = [{"id": "last", "type": "date", "label": "Last", "allow_never": True}]


@pytest.mark.parametrize(
    ("last", "on", "expected"),
    [
        ("2026-02-28", "2026-05-31", MET),  # exactly 3 calendar months: 31 May - 3 months clamps to 28 Feb
        ("2026-02-27", "2026-05-31", NOT_MET),  # a day earlier: outside
        ("2026-03-01", "2026-05-31", MET),
        ("2024-02-29", "2024-05-31", MET),  # leap year: clamps to 29 Feb
        ("2024-02-28", "2024-05-31", NOT_MET),
        ("2025-01-31", "2025-04-30", MET),  # 89 days, but exactly 3 calendar months (REFERENCE §3.9)
        ("2026-05-31", "2026-05-31", MET),  # the screening day itself
        ("none", "2026-05-31", NOT_MET),
    ],
)
def test_date_window_in_calendar_months(last, on, expected):
    protocol = mini(LAST, {"kind": "date_window", "fact": "last", "within": {"count": 3, "unit": "months"}})
    assert verdict(protocol, {"last": last}, date.fromisoformat(on)) is expected


@pytest.mark.parametrize(("last", "expected"), [("2026-05-24", MET), ("2026-05-23", NOT_MET)])
def test_date_window_in_weeks(last, expected):
    protocol = mini(LAST, {"kind": "date_window", "fact": "last", "within": {"count": 1, "unit": "weeks"}})
    assert verdict(protocol, {"last": last}) is expected  # 7 days before 31 May is inside, 8 is not


def test_date_window_in_days():
    protocol = mini(LAST, {"kind": "date_window", "fact": "last", "within": {"count": 90, "unit": "days"}})
    assert verdict(protocol, {"last": "2026-03-02"}) is MET
    assert verdict(protocol, {"last": "2026-03-01"}) is NOT_MET


def test_on_or_before_screening():
    facts = [{"id": "consent", "type": "date", "label": "Consent", "not_after_screening": False}]
    protocol = mini(facts, {"kind": "on_or_before_screening", "fact": "consent"})
    assert verdict(protocol, {"consent": "2026-05-31"}) is MET
    assert verdict(protocol, {"consent": "2026-06-01"}) is NOT_MET


def test_one_of_choice():
    facts = [{"id": "hbv", "type": "choice", "label": "HBV", "options": [{"id": "negative", "label": "-"}, {"id": "positive", "label": "+"}]}]
    protocol = mini(facts, {"kind": "one_of", "fact": "hbv", "values": ["positive"]})
    assert verdict(protocol, {"hbv": "positive"}) is MET
    assert verdict(protocol, {"hbv": "negative"}) is NOT_MET
    assert verdict(protocol, {}) is UNKNOWN


def test_attestation_not_known_is_unknown():
    protocol = mini(YES_NO, attest("a"))
    assert verdict(protocol, {"a": "unknown"}) is UNKNOWN


JOINTS = [{"id": "joints", "type": "joints", "label": "Joints"}]


def test_threshold_on_a_count_score():
    protocol = mini(
        JOINTS,
        {"kind": "threshold", "score": "sjc", "op": ">=", "value": 4},
        scores=[{"id": "sjc", "label": "SJC28", "calculator": "sjc28", "inputs": {"joints": "joints"}}],
    )
    assert verdict(protocol, {"joints": {"tender": [], "swollen": ["wrist_r", "wrist_l", "knee_r", "mcp1_l"]}}) is MET
    assert verdict(protocol, {"joints": {"tender": ["wrist_r", "wrist_l", "knee_r", "mcp1_l"], "swollen": []}}) is NOT_MET
