"""Properties over generated inputs: monotonic scores, round-tripping units, an evaluator that
never crashes and never says "eligible" from invalid input."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.domain.conftest import example
from trialdesk.domain.errors import FactsInvalid
from trialdesk.domain.evaluation import evaluate, parse_facts
from trialdesk.domain.scores.cdai import cdai
from trialdesk.domain.scores.das28 import das28_crp, das28_esr
from trialdesk.domain.scores.sdai import sdai
from trialdesk.domain.units import QUANTITIES
from trialdesk.domain.values import JointExam, JointInvolvement, Measurement
from trialdesk.domain.verdict import Overall
from trialdesk.persistence.protocol_files import find_protocol

counts = st.integers(0, 28)
tenths = st.decimals(min_value=0, max_value=10, places=1)
esr = st.decimals(min_value=1, max_value=300, places=0)
crp = st.decimals(min_value=0, max_value=499, places=1)
gh = st.decimals(min_value=0, max_value=100, places=0)
NCT = find_protocol("NCT03798028")
ON = date(2026, 11, 20)


@given(counts, counts, esr, gh, st.sampled_from(["tjc", "sjc", "esr", "gh"]))
def test_das28_esr_increases_with_each_input(t, s, e, g, which):
    bumped = {"tjc": (min(t + 1, 28), s, e, g), "sjc": (t, min(s + 1, 28), e, g),
              "esr": (t, s, min(e + 1, 300), g), "gh": (t, s, e, min(g + 1, 100))}[which]
    assert das28_esr(*bumped) >= das28_esr(t, s, e, g)


@given(counts, counts, crp, gh)
def test_das28_crp_increases_with_crp_and_is_at_least_its_floor(t, s, c, g):
    assert das28_crp(t, s, c + 1, g) > das28_crp(t, s, c, g) >= 0.96


@given(counts, counts, tenths, tenths, st.decimals(min_value=0, max_value=50, places=2))
def test_sdai_is_cdai_plus_crp_and_both_monotonic(t, s, pt, ev, c):
    assert sdai(t, s, pt, ev, c) == cdai(t, s, pt, ev) + c
    assert cdai(min(t + 1, 28), s, pt, ev) >= cdai(t, s, pt, ev)


@given(st.sampled_from(sorted(QUANTITIES)), st.decimals(min_value=0, max_value=1000, places=3), st.data())
def test_unit_conversions_round_trip(quantity_id, value, data):
    quantity = QUANTITIES[quantity_id]
    unit = data.draw(st.sampled_from(sorted(quantity.units)))
    other = data.draw(st.sampled_from(sorted(quantity.units)))
    back = quantity.convert(quantity.convert(value, unit, other), other, unit)
    assert abs(back - value) <= Decimal("1e-20")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=True) | st.text(max_size=12)
    | st.sampled_from(["yes", "no", "unknown", "none", "2026-02-30", "2026-11-01", "1970-01-01", "g/L", "mmol/L",
                       "not_documented", "not_done", "negative", "high_positive", "wrist_r"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["value", "unit", "uln", "tender", "swollen", "drug", "dose", "start", "date", "joints", "large", "small", "x"]), inner, max_size=4),
    max_leaves=8,
)
fact_ids = st.sampled_from(sorted(NCT.fact) + ["unknown_fact"])


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(fact_ids, json_values, max_size=6))
def test_fuzzed_facts_never_crash_and_invalid_input_never_yields_eligible(raw):
    try:
        facts = parse_facts(NCT, raw, ON)
    except FactsInvalid as invalid:
        assert invalid.problems  # refused, with reasons: no evaluation happens
        return
    report = evaluate(NCT, facts, ON)
    assert report.overall in set(Overall)


VALUE_TYPES = {
    "number": (Measurement, str), "count": int, "date": (date, str), "yes_no": str, "choice": str,
    "medications": tuple, "joints": JointExam, "involved_joints": (JointInvolvement, str),
}


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(sorted(example("eligible"))), json_values)
def test_a_corrupted_answer_is_refused_or_kept_in_its_promised_type(fact_id, value):
    raw = example("eligible")
    raw[fact_id] = value
    try:
        facts = parse_facts(NCT, raw, ON)
    except FactsInvalid as invalid:
        assert {p.fact for p in invalid.problems} == {fact_id}  # refused, naming the fact
        return
    if value is None:
        assert fact_id not in facts
    else:
        assert isinstance(facts[fact_id], VALUE_TYPES[NCT.fact[fact_id].type])
    assert evaluate(NCT, facts, ON).overall in set(Overall)
