"""Hostile facts files and `screening set` values (issue 13): refused with a problem, never a
traceback, never "eligible" from input that was refused, every parse well under a second.

The reader, the facts and the evaluation run in-process (the command line adds only
printing); `test_screening_set_*` runs the command line itself on the issue's examples.
"""

from __future__ import annotations

import copy
import json
import math
import re
import time
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.cli.test_cli import cli
from tests.cli.test_screening_cli import new
from trialdesk.cli.facts_file import MAX_DEPTH, MAX_FILE_BYTES, facts_from_text, loads_strict, read_facts
from trialdesk.cli.screening_cmd import MAX_VALUE, parse_value
from trialdesk.domain.errors import FactsInvalid
from trialdesk.domain.evaluation import evaluate, normal_answers, parse_facts
from trialdesk.domain.verdict import Overall
from trialdesk.persistence.protocol_files import find_protocol
from trialdesk.resources import resource_path

NCT = find_protocol("NCT03798028")
SECOND = find_protocol("NCT00845832")
ON = date(2026, 11, 20)
EXAMPLE_TEXT = resource_path("examples/NCT03798028-eligible.json").read_text(encoding="utf-8")
EXAMPLE = json.loads(EXAMPLE_TEXT)
FUZZ = settings(deadline=None, derandomize=True, database=None, suppress_health_check=[HealthCheck.too_slow])

# Values no fact of either protocol accepts, anywhere (a fact, a course's field).
NEVER_VALID: list[Any] = [
    "2026111799", "2026-W47-2", "1972031599", "1e999999", "8_5", "٨٥", "８５", "48", "2026-11-01T00:00", "yes ",
    "１", "٢٠٢٦-١١-٠١", "0x1F", "1,5e3", "NaN", "Infinity", "", " ", "\u200byes", "yes\n", "none\x00",
    Decimal("1e999999999"), Decimal("-1e999999999"), Decimal("1" * 5000), Decimal("1e-999999999"),
    10**40, -(10**12), 1e300, float("nan"), float("inf"), Decimal("NaN"),
    [[[[[[]]]]]], {"value": {"value": 1}}, {"x": 1},
]
# ...and those a person may not type either (a typed "48" is the number 48; spaces are trimmed).
NEVER_TYPED = [v for v in NEVER_VALID if isinstance(v, str) and v.strip() and v not in ("48", "yes ", "yes\n")]
NEVER_LITERALS = ["1e999999999", "1" * 5000, "-" + "9" * 4400, "NaN", "Infinity", "-Infinity", "1E-999999", "0.0000001"]


def timed(function, *args, **kwargs):
    """function(*args) -> (result or the FactsInvalid raised, seconds); any other exception fails the test."""
    started = time.process_time()
    try:
        result = function(*args, **kwargs)
    except FactsInvalid as invalid:
        assert invalid.problems
        result = invalid
    elapsed = time.process_time() - started
    assert elapsed < 1.0, f"{function.__name__} took {elapsed:.2f} s"  # a bound on runaway cost only
    return result


def check_accepted(protocol, facts, on):
    """An accepted set of facts evaluates, and its normal forms are plain JSON that read back the same."""
    report = evaluate(protocol, facts, on)
    assert report.overall in set(Overall)
    normal = normal_answers(protocol, facts)
    text = json.dumps(normal, allow_nan=False)  # storable as it is: no Decimal, no NaN
    assert parse_facts(protocol, loads_strict(text), on) == facts  # and a facts file could hold it
    return report


def read_and_evaluate(text: str):
    """Reader, facts, evaluation: the report, or the FactsInvalid that refused the file."""
    read = timed(facts_from_text, text, None)
    if isinstance(read, FactsInvalid):
        return read
    facts = timed(parse_facts, NCT, read.facts, read.on)
    if isinstance(facts, FactsInvalid):
        return facts
    return check_accepted(NCT, facts, read.on)


# -- facts files -------------------------------------------------------------------------

fact_ids = st.sampled_from(sorted(EXAMPLE["facts"]))
json_leaf = (st.none() | st.booleans() | st.integers(-10**6, 10**6) | st.floats(allow_nan=False, allow_infinity=False)
             | st.text(max_size=12) | st.sampled_from(["yes", "no", "unknown", "none", "2026-11-01", "1970-01-01", "g/L",
                                                      "mmol/L", "mm/h", "negative", "wrist_r", "methotrexate", "oral"]))
json_values = st.recursive(json_leaf, lambda inner: st.lists(inner, max_size=3)
                           | st.dictionaries(st.sampled_from(["value", "unit", "tender", "swollen", "drug", "dose",
                                                              "start", "stop", "x"]), inner, max_size=4), max_leaves=8)


def dumps(data: Any) -> str:
    """JSON text of a structure that may hold hostile Decimals (written as their literal text)."""
    literals: dict[str, str] = {}

    def encode(value: Any) -> Any:
        if isinstance(value, Decimal) or (isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**18):
            key = f"@@{len(literals)}@@"
            literals[key] = str(value) if isinstance(value, Decimal) else format(Decimal(value), "f")
            return key
        if isinstance(value, float) and not math.isfinite(value):
            key = f"@@{len(literals)}@@"
            literals[key] = "NaN" if value != value else ("Infinity" if value > 0 else "-Infinity")
            return key
        if isinstance(value, dict):
            return {k: encode(v) for k, v in value.items()}
        if isinstance(value, list):
            return [encode(v) for v in value]
        return value

    text = json.dumps(encode(data), ensure_ascii=False, indent=1)
    for key, literal in literals.items():
        text = text.replace(f'"{key}"', literal)
    return text


_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_JSON_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?")


def numbers_outside_strings(text: str) -> list[tuple[int, int]]:
    strings = [m.span() for m in _JSON_STRING.finditer(text)]
    return [m.span() for m in _JSON_NUMBER.finditer(text)
            if not any(a <= m.start() < b for a, b in strings) and not text[m.start() - 1].isalnum()]


@st.composite
def mutated_files(draw) -> tuple[str, bool]:
    """A facts file made from the bundled eligible subject's, and whether it must be refused."""
    data = json.loads(EXAMPLE_TEXT)
    facts = data["facts"]
    hostile: set[str] = set()  # facts given a value no fact accepts
    must_refuse = False  # the file as a whole is wrong
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["hostile", "course", "any", "drop", "unknown", "date", "nest"]))
        fact = draw(fact_ids)
        if kind == "hostile":
            facts[fact] = copy.deepcopy(draw(st.sampled_from(NEVER_VALID)))
            hostile.add(fact)
        elif kind == "course":
            courses = facts.get("csdmard_history")
            if isinstance(courses, list) and courses and isinstance(courses[0], dict):
                field = draw(st.sampled_from(["drug", "dose", "unit", "route", "start", "last_change", "stop"]))
                courses[0][field] = copy.deepcopy(draw(st.sampled_from(NEVER_VALID)))
                hostile.add("csdmard_history")
        elif kind == "any":
            facts[fact] = draw(json_values)
            hostile.discard(fact)
        elif kind == "drop":
            facts.pop(fact, None)
            hostile.discard(fact)
        elif kind == "unknown":
            facts[draw(st.sampled_from(["hemoglobin", "x" * 200, "esr\n#1 forged", "", "ESR"]))] = 1
            must_refuse = True
        elif kind == "date":
            data["screening_date"] = draw(st.sampled_from(["2026111799", "2026-W47-2", "20261120", "2026-11-20 ", "1850-01-01"]))
            must_refuse = True
        elif kind == "nest":
            facts[fact] = json.loads("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1))
            hostile.add(fact)
    text = dumps(data)
    edit = draw(st.sampled_from(["none", "none", "duplicate", "literal", "bytes", "truncate", "deep"]))
    if edit == "duplicate":
        edited = text.replace('"sex": "female"', '"sex": "female", "sex": "male"', 1)
        must_refuse |= edited != text
        text = edited
    elif edit == "literal":  # a number of the file replaced by a literal no fact may hold
        numbers = numbers_outside_strings(text)
        if numbers:
            start, end = draw(st.sampled_from(numbers))
            text = text[:start] + draw(st.sampled_from(NEVER_LITERALS)) + text[end:]
            must_refuse = True
    elif edit == "bytes":  # random edits of the text itself: valid or not, never a crash
        for _ in range(draw(st.integers(1, 4))):
            at = draw(st.integers(0, len(text)))
            text = text[:at] + draw(st.text(alphabet='[]{}",:0123456789.eE-+ \\untfalsyo٨８\u200b\n', max_size=4)) + text[at + 1:]
    elif edit == "truncate":
        text = text[: draw(st.integers(0, len(text) - 1))]
        must_refuse = True
    elif edit == "deep":
        edited = text.replace('"ild_on_hrct": "no"', '"ild_on_hrct": ' + "[" * 100_000 + "]" * 100_000, 1)
        must_refuse |= edited != text
        text = edited
    return text, must_refuse or bool(hostile)


@settings(FUZZ, max_examples=2000)
@given(mutated_files())
def test_fuzzed_facts_files_are_refused_or_evaluated_never_crashing(case):
    text, must_refuse = case
    result = read_and_evaluate(text)
    if must_refuse:
        assert isinstance(result, FactsInvalid), "a hostile facts file was accepted"
    else:
        assert isinstance(result, FactsInvalid) or result.overall in set(Overall)


def test_the_unmutated_example_is_eligible():
    assert read_and_evaluate(EXAMPLE_TEXT).overall is Overall.ELIGIBLE


def codes(text: str) -> list[str]:
    result = read_and_evaluate(text)
    assert isinstance(result, FactsInvalid)
    return [p.code for p in result.problems]


def with_fact(fact: str, literal: str) -> str:
    facts = {k: v for k, v in EXAMPLE["facts"].items() if k != fact}
    body = json.dumps(facts)[:-1] + f', "{fact}": {literal}}}'
    return f'{{"screening_date": "2026-11-20", "facts": {body}}}'


@pytest.mark.parametrize(
    ("fact", "literal", "expected"),
    [
        ("date_of_birth", '"1972031599"', "invalid_date"),
        ("consent_date", '"2026111799"', "invalid_date"),
        ("consent_date", '"2026-W47-2"', "invalid_date"),
        ("esr", '"48"', "number_as_text"),
        ("esr", '{"value": "48", "unit": "mm/h"}', "number_as_text"),
        ("esr", "1e999999999", "number_too_large"),
        ("haemoglobin", '{"value": 1e999999999, "unit": "mmol/L"}', "number_too_large"),
        ("esr", "1" * 5000, "number_too_large"),
        ("esr", "1" * 4301, "number_too_large"),
        ("esr", "0.00000001", "too_many_decimals"),
        ("esr", "NaN", "not_finite"),
        ("esr", "-Infinity", "not_finite"),
        ("joint_exam", "[" * 100_000 + "]" * 100_000, "too_deep"),
        ("esr", '{"value": 40, "unit": "mm/h", "value": 41}', "duplicate_key"),
    ],
)
def test_each_hostile_facts_file_of_the_issue_is_refused(fact, literal, expected):
    assert codes(with_fact(fact, literal)) == [expected]


def test_a_file_is_read_up_to_its_size_limit(tmp_path: Path):
    path = tmp_path / "big.json"
    path.write_bytes(b" " * (MAX_FILE_BYTES + 1))
    with pytest.raises(FactsInvalid) as raised:
        read_facts(path, None)
    assert [p.code for p in raised.value.problems] == ["file_too_large"]
    path.write_bytes(b"\xef\xbb\xbf" + EXAMPLE_TEXT.encode())  # a byte-order mark (Notepad) is fine
    assert read_facts(path, None).on == ON
    path.write_bytes(b"\xff\xfe{}")
    with pytest.raises(FactsInvalid) as raised:
        read_facts(path, None)
    assert [p.code for p in raised.value.problems] == ["cannot_read"]


def test_the_subject_block_is_read_by_the_same_strict_reader(capsys, as_user, tmp_path):
    data = json.loads(EXAMPLE_TEXT)
    text = json.dumps(data).replace('"initials": "ZHL"', '"initials": "ZHL", "initials": "ABC"')
    path = tmp_path / "facts.json"
    path.write_text(text, encoding="utf-8")
    code, _, err = cli(capsys, *as_user(), "screening", "new", "--protocol", "NCT03798028", "--facts", str(path))
    assert code == 2 and "the key “initials” appears twice in one object" in err
    data["subject"]["consent_version"] = 2.0
    path.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = cli(capsys, *as_user(), "screening", "new", "--protocol", "NCT03798028", "--facts", str(path))
    assert code == 2 and "must be text" in err
    data["subject"]["consent_version"] = "v2.0"
    data["facts"]["glucocorticoid_history"][0]["dose"] = 7.5  # a JSON float: stored as plain JSON
    path.write_text(json.dumps(data), encoding="utf-8")
    code, out, err = cli(capsys, *as_user(), "screening", "new", "--protocol", "NCT03798028", "--facts", str(path))
    assert code == 0, err
    code, out, _ = cli(capsys, "screening", "show", out.strip(), "--format", "json")
    assert json.loads(out)["answers"]["glucocorticoid_history"][0]["dose"] == 7.5


# -- screening set VALUE -------------------------------------------------------------------

SET_FACTS = [(NCT, f) for f in sorted(NCT.fact)] + [(SECOND, "anti_tnf_failed")]
UNITS = sorted({u for f in NCT.fact.values() for u in getattr(f, "units", ())})
number_words = st.from_regex(r"\A[+\-]?[0-9٠-٩０-９_]{0,12}([.,][0-9]{0,9})?([eE][+-]?[0-9]{1,7})?\Z")
set_texts = st.one_of(
    st.sampled_from(NEVER_TYPED),
    st.text(max_size=30),
    number_words,
    st.builds(lambda n, sp, u: n + sp + u, number_words, st.sampled_from(["", " ", "  ", "\u00a0"]),
              st.sampled_from([*UNITS, "g/dl", "e5", "%", "_"])),
    st.from_regex(r"\A[0-9٠-٩]{4}-?[0-9W]{2,3}-?[0-9]{1,2}\Z"),
    st.builds(json.dumps, json_values),
    st.builds(lambda v: json.dumps(json.dumps(v)), json_values),  # a JSON string holding JSON
    st.sampled_from(["[" * 50_000, '{"tender": [], "tender": []}', '[NaN]', '"85 g/L"', "2026-11-01", "x" * (MAX_VALUE + 1)]),
)
_TYPED = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)?", re.ASCII)


def typed_numbers_in(raw: Any) -> list[str]:
    """The number texts an accepted raw answer holds."""
    if isinstance(raw, str):
        return [raw]
    if isinstance(raw, dict):
        return [v for k, v in raw.items() if k in ("value", "dose") and isinstance(v, str)]
    if isinstance(raw, list):
        return [n for item in raw for n in typed_numbers_in(item)]
    return []


@settings(FUZZ, max_examples=1200)
@given(st.sampled_from(SET_FACTS), set_texts)
def test_fuzzed_screening_set_values_are_refused_or_read_in_the_documented_form(target, text):
    protocol, fact = target
    raw = timed(parse_value, text, fact)
    if isinstance(raw, FactsInvalid):
        return
    parsed = timed(parse_facts, protocol, {fact: raw}, ON, typed=True)
    if text in NEVER_TYPED:
        assert isinstance(parsed, FactsInvalid), f"{text!r} was accepted for {fact}"
    if isinstance(parsed, FactsInvalid):
        return
    kind = protocol.fact[fact].type
    if kind in ("number", "count", "medications"):
        assert all(_TYPED.fullmatch(n.strip()) for n in typed_numbers_in(raw)), raw
    if kind == "date" and parsed:
        assert parsed[fact] == "none" or re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", raw, re.ASCII)
    base = parse_facts(protocol, json.loads(EXAMPLE_TEXT)["facts"] if protocol is NCT else {}, ON)
    check_accepted(protocol, {**base, **parsed}, ON)


@pytest.mark.parametrize(
    ("text", "raw"),
    [
        ("85", "85"), ("8,5", "8,5"), ("-2", "-2"), ("85 g/L", {"value": "85", "unit": "g/L"}),
        ("8,5 g/dL", {"value": "8,5", "unit": "g/dL"}), ('"85 g/L"', {"value": "85", "unit": "g/L"}),
        ("2026-11-01", "2026-11-01"), ('"2026-11-01"', "2026-11-01"), ("yes", "yes"), ("true", True),
        ("none", "none"), ("negative", "negative"), ("", None), ('""', None), ("null", None), ('"null"', "null"),
        ('[{"drug": "methotrexate", "dose": 15}]', [{"drug": "methotrexate", "dose": 15}]),
        ('{"tender": ["wrist_r"], "swollen": []}', {"tender": ["wrist_r"], "swollen": []}),
        ("2026-W47-2", "2026-W47-2"), ("1e5 g/L", "1e5 g/L"), ("8_5", "8_5"),
    ],
)
def test_parse_value_follows_the_documented_rule(text, raw):
    assert parse_value(text) == raw


@pytest.mark.parametrize(
    ("fact", "text", "expected"),
    [
        ("consent_date", '"2026111799"', "invalid_date"), ("consent_date", "2026-W47-2", "invalid_date"),
        ("esr", "1e999999", "bad_number_text"), ("esr", "8_5 mm/h", "bad_number_text"),
        ("esr", "٨٥", "bad_number_text"), ("esr", "８５ mm/h", "bad_number_text"),
        ("haemoglobin", "1e999999999 mmol/L", "bad_number_text"), ("haemoglobin", "9" * 5000 + " g/L", "number_too_large"),
        ("haemoglobin", "85", "unit_required"), ("esr", "[" * 10_000, "too_deep"),
        ("joint_exam", '{"tender": [], "tender": ["wrist_r"]}', "duplicate_key"), ("esr", "x" * (MAX_VALUE + 1), "value_too_long"),
    ],
)
def test_hostile_screening_set_values_are_refused_naming_the_fact(fact, text, expected):
    try:
        parse_facts(NCT, {fact: parse_value(text, fact)}, ON, typed=True)
    except FactsInvalid as invalid:
        assert [(p.fact, p.code) for p in invalid.problems] == [(fact, expected)]
    else:
        pytest.fail(f"{text[:40]!r} was accepted")


def test_screening_set_from_the_command_line(capsys, as_user):
    new(capsys, as_user)
    for fact, value in (("consent_date", '"2026111799"'), ("consent_date", "2026-W47-2"), ("esr", "1e999999")):
        code, _, err = cli(capsys, *as_user(), "screening", "set", "1", fact, value)
        assert code == 2 and fact in err, err
    code, out, err = cli(capsys, *as_user(), "screening", "set", "1", "haemoglobin", '"85 g/L"')
    assert code == 0, err
    code, out, err = cli(capsys, *as_user(), "screening", "set", "1", "last_live_vaccine", "2026-11-01")
    assert code == 0, err
    code, out, _ = cli(capsys, "screening", "show", "1", "--format", "json")
    answers = json.loads(out)["answers"]
    assert answers["haemoglobin"] == {"value": 85, "unit": "g/L"} and answers["last_live_vaccine"] == "2026-11-01"
    assert "consent_date" not in answers or answers["consent_date"] != "2026111799"
