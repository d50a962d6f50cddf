"""Hostile protocol files are refused quickly, with the place: numbers, trees, sizes, aliases.

Issue 13, item 6: a date window of `count: 10^400` used to pass `protocol check` and fail
evaluation; nested any_of rules took over 20 s to read; an alias bomb would expand.
"""

from __future__ import annotations

import json
import re
import time
from datetime import date

import pytest
import yaml

from trialdesk.domain import rules as r
from trialdesk.domain.evaluation import evaluate
from trialdesk.persistence import protocol_files as pf
from trialdesk.persistence.protocol_files import ProtocolFileError, load_protocol, parse_protocol
from trialdesk.resources import resource_path

NCT_TEXT = resource_path("protocols/NCT03798028.yaml").read_text(encoding="utf-8")
SCREENING = date(2026, 11, 20)
LEAF = "{kind: attestation, fact: infection}"
VACCINE = "{kind: date_window, fact: last_live_vaccine, within: {count: 3, unit: months}}"
DAS28 = '{kind: threshold, score: das28_crp, op: ">=", value: 3.2}'


def edit(old: str, new: str, text: str = NCT_TEXT) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def refused(text: str) -> list[tuple[str, str, int | None]]:
    started = time.process_time()
    with pytest.raises(ProtocolFileError) as raised:
        parse_protocol(text, "bad.yaml")
    assert time.process_time() - started < 1.0
    return [(i.path, i.message, i.line) for i in raised.value.issues]


def only(text: str) -> tuple[str, str, int | None]:
    issues = refused(text)
    assert len(issues) == 1, issues
    return issues[0]


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


# -- numbers -------------------------------------------------------------------------


def test_a_window_count_of_10_to_the_400_is_refused_with_its_path():
    text = edit(VACCINE, VACCINE.replace("count: 3", "count: 1" + "0" * 400))
    path, message, line = only(text)
    assert path == "criteria[16].rule.within.count"
    assert "number" in message and line == line_of(text, "last_live_vaccine, within")


@pytest.mark.parametrize(
    ("count", "unit", "accepted"),
    [(36525, "days", True), (36526, "days", False), (5218, "weeks", True), (5219, "weeks", False),
     (1200, "months", True), (1201, "months", False), (100, "years", True), (101, "years", False),
     (10**40, "months", False), (-1, "days", False)],
)
def test_windows_are_at_most_a_century(count, unit, accepted):
    text = edit(VACCINE, f"{{kind: date_window, fact: last_live_vaccine, within: {{count: {count}, unit: {unit}}}}}")
    if accepted:
        protocol = parse_protocol(text)
        evaluate(protocol, {}, SCREENING)
        evaluate(protocol, {}, date(1, 1, 1))  # a century before year 1: clamps, never raises
    else:
        path, message, _ = only(text)
        assert path == "criteria[16].rule.within.count"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("1e999999", "digits before the decimal point"), ('"1e999999"', "digits before the decimal point"),
     ("1" + "0" * 399, "more than 100 characters"), ("1" + "0" * 40, "digits before the decimal point"),
     ("1.0e+999999", "finite"), (".nan", "finite"), ("1e-999999", "after the decimal point"),
     ("3.2000001", "after the decimal point"), ("1000000000", "digits before the decimal point")],
)
def test_huge_or_over_precise_thresholds_are_refused_with_their_path(value, expected):
    text = edit(DAS28, DAS28.replace("3.2", value))
    path, message, line = only(text)
    assert path == "criteria[3].rule.any_of[1].value"
    assert expected in message
    assert line == line_of(text, "score: das28_crp")


@pytest.mark.parametrize("value", ["999999999", "3.200000", "3.2000000000000000000", "0.000001", "0E-999999"])
def test_thresholds_within_the_bounds_load(value):
    protocol = parse_protocol(edit(DAS28, DAS28.replace("3.2", value)))
    threshold = protocol.criteria[3].rule.any_of[1].value
    assert threshold == r.bounded_number(threshold)


def test_ranges_doses_ages_and_plausible_ranges_are_bounded():
    assert only(edit("plausible: {min: 30, max: 220}", "plausible: {min: 30, max: 1e999999}"))[0] == "facts[23].plausible.max"
    assert only(edit("min_years: 18, max_years: 70", "min_years: 18, max_years: 1000"))[0] == "criteria[1].rule.max_years"
    text = resource_path("protocols/NCT00845832.yaml").read_text(encoding="utf-8")
    path, message, _ = only(edit("dose: {min: 7.5, max: 25, unit: mg/week}", "dose: {min: 7.5, max: 1e400, unit: mg/week}", text))
    assert path.endswith("dose.max") and "digits" in message
    path, message, _ = only(edit("maximum: 3", "maximum: 10000000000", text))
    assert path.endswith("maximum") and "whole number from 0 to" in message


def test_round_to_and_at_least_counts_are_bounded():
    round_to = "{id: das28_esr, label: DAS28-ESR, calculator: das28_esr, round_to: 2,"
    assert only(edit(round_to, round_to.replace("2,", "7,")))[0] == "scores[2].round_to"
    assert only(edit(round_to, round_to.replace("2,", "1" + "0" * 400 + ",")))[0] == "scores[2].round_to"
    rule = "{kind: at_least, count: %s, of: [%s]}" % ("1" + "0" * 50, LEAF)
    path, _, _ = only(edit(DAS28, rule))
    assert path == "criteria[3].rule.any_of[1].count"


# -- rule trees ------------------------------------------------------------------------


def nested(depth: int, width: int) -> str:
    """any_of `depth` levels deep, each level `width` wide (the first branch nests further)."""
    rule = LEAF
    for _ in range(depth):
        rule = "{kind: any_of, any_of: [%s]}" % ", ".join([rule] + [LEAF] * (width - 1))
    return rule


def full_tree(depth: int, width: int) -> str:
    rule = LEAF
    for _ in range(depth):
        rule = "{kind: any_of, any_of: [%s]}" % ", ".join([rule] * width)
    return rule


def test_eight_levels_of_ten_wide_any_of_load_within_a_second():
    text = edit(DAS28, nested(8, 10))
    started = time.process_time()
    protocol = parse_protocol(text)
    evaluate(protocol, {}, SCREENING)
    assert time.process_time() - started < 1.0


@pytest.mark.parametrize("depth", [2, 3, 4, 5])
def test_a_full_ten_wide_tree_is_refused_or_loads_within_a_second(depth):
    # 10^depth rules: 3 levels load, 4 are refused at the entry crossing the bound of entries,
    # 5 (and so 8) are over 2 MiB
    text = edit(DAS28, full_tree(depth, 10))
    started = time.process_time()
    try:
        evaluate(parse_protocol(text, "bad.yaml"), {}, SCREENING)
    except ProtocolFileError as error:
        assert error.issues and all(issue.line or "2 MiB" in issue.message for issue in error.issues)
    assert time.process_time() - started < 1.0


def test_rules_nested_too_deep_are_refused_at_the_first_too_deep_rule():
    path, message, line = only(edit(DAS28, nested(r.MAX_DEPTH, 2)))
    assert path == "criteria[3].rule.any_of[1]" + ".any_of[0]" * (r.MAX_DEPTH - 1)
    assert f"nested more than {r.MAX_DEPTH} deep" in message and line


def test_too_many_rules_in_all_are_refused():
    wide = "{kind: any_of, any_of: [%s]}" % ", ".join([LEAF] * r.MAX_CHILDREN)
    rule = "{kind: all_of, all_of: [%s]}" % ", ".join([wide] * (r.MAX_RULES // r.MAX_CHILDREN))
    path, message, _ = only(edit(DAS28, rule))
    assert path.startswith("criteria[3].rule.any_of[1].all_of[") and f"more than {r.MAX_RULES}" in message


def test_a_combinator_holds_at_most_max_children():
    rule = "{kind: any_of, any_of: [%s]}" % ", ".join([LEAF] * (r.MAX_CHILDREN + 1))
    path, message, _ = only(edit(DAS28, rule))
    assert path == "criteria[3].rule.any_of[1].any_of" and str(r.MAX_CHILDREN) in message


def test_yaml_nesting_is_bounded_before_anything_is_built():
    path, message, line = only("a: " + "[" * 100 + "]" * 100 + "\n")
    assert path.startswith("a[0][0]") and f"nested more than {pf.MAX_DEPTH} deep" in message and line == 1
    _, message, line = only("a: " + "[" * 100_000 + "]" * 100_000 + "\n")  # libyaml's own bound (1,000)
    assert "nesting depth" in message and line == 1


def test_the_number_of_entries_is_bounded():
    text = "title: x\nextra: [" + ", ".join(["1"] * (pf.MAX_NODES + 10)) + "]\n"
    path, message, line = only(text)
    assert path.startswith("extra[") and f"more than {pf.MAX_NODES} entries" in message and line == 2


def test_lists_of_criteria_facts_and_options_are_bounded():
    criterion = NCT_TEXT[NCT_TEXT.index("  - id: I1\n"):NCT_TEXT.index("  - id: I2\n")]
    many = edit(criterion, criterion * 201)
    assert any(p == "criteria" and "at most 200 items" in m for p, m, _ in refused(many))
    options = "      - {id: female, label: Female}\n"
    extra = "".join(f"      - {{id: o{i}, label: O}}\n" for i in range(101))
    paths = [p for p, _, _ in refused(edit(options, options + extra))]
    assert "facts[1].options" in paths


def test_texts_are_bounded():
    text = edit("    rule: {kind: attestation, fact: family_allergy}",
                "    interpretation: " + "x" * (pf.MAX_SCALAR + 1) + "\n    rule: {kind: attestation, fact: family_allergy}")
    path, message, _ = only(text)
    assert path.endswith(".interpretation") and "more than 10000 characters" in message


# -- aliases, anchors, size ------------------------------------------------------------


BILLION_LAUGHS = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


def test_the_alias_bomb_is_refused_at_its_first_anchor():
    path, message, line = only(BILLION_LAUGHS)
    assert path == "a" and "anchor (&a)" in message and line == 1


def test_aliases_and_anchors_are_refused_with_their_line():
    anchored = edit("    rule: {kind: attestation, fact: family_allergy}", "    rule: &allergy {kind: attestation, fact: family_allergy}")
    path, message, line = only(anchored)
    assert "anchor (&allergy)" in message and "family_allergy" in anchored.splitlines()[line - 1]
    alias = edit("    rule: {kind: attestation, fact: tuberculosis}", "    rule: *allergy", anchored.replace("&allergy ", ""))
    path, message, line = only(alias)
    assert "alias (*allergy)" in message and "*allergy" in alias.splitlines()[line - 1]
    assert path.endswith(".rule")


def test_merge_keys_are_refused_with_the_aliases_they_exist_for():
    text = edit("    rule: {kind: attestation, fact: family_allergy}", "    rule: {<<: {kind: attestation}, fact: family_allergy}")
    path, message, line = only(text)
    assert path.endswith(".rule") and "merge key (<<)" in message and "<<" in text.splitlines()[line - 1]


def test_a_three_mib_file_is_refused_without_being_read_whole(tmp_path):
    big = tmp_path / "big.yaml"
    big.write_text(NCT_TEXT + "# " + "x" * (3 * 1024 * 1024) + "\n", encoding="utf-8")
    started = time.process_time()
    with pytest.raises(ProtocolFileError) as raised:
        load_protocol(big)
    assert time.process_time() - started < 1.0
    assert "larger than 2 MiB" in raised.value.issues[0].message and str(big) in raised.value.describe()


def test_a_file_of_exactly_the_bound_is_read(tmp_path):
    exact = tmp_path / "exact.yaml"
    exact.write_bytes(NCT_TEXT.encode("utf-8") + b"#" * (pf.MAX_FILE_BYTES - len(NCT_TEXT.encode("utf-8")) - 1) + b"\n")
    assert load_protocol(exact).criteria


def test_a_fifo_is_refused_not_waited_on(tmp_path):
    import os

    fifo = tmp_path / "fifo.yaml"
    os.mkfifo(fifo)
    with pytest.raises(ProtocolFileError) as raised:
        load_protocol(fifo)
    assert "not a regular file" in raised.value.issues[0].message


# -- translation overlays -------------------------------------------------------------


@pytest.fixture
def protocol_dir(tmp_path):
    for name in ("NCT03798028.yaml", "NCT03798028.zh_CN.yaml"):
        (tmp_path / name).write_bytes(resource_path(f"protocols/{name}").read_bytes())
    return tmp_path


def test_overlays_go_through_the_same_bounds(protocol_dir):
    overlay = protocol_dir / "NCT03798028.zh_CN.yaml"
    original = overlay.read_text(encoding="utf-8")
    assert load_protocol(protocol_dir / "NCT03798028.yaml").translations
    for hostile, expected in [
        ("x: &a [1]\ny: *a\n", "anchor (&a)"),
        ("title: " + "[" * 100 + "]" * 100 + "\n", "nested more than"),
        ("title: " + "x" * (pf.MAX_SCALAR + 1) + "\n", "more than 10000 characters"),
        (original + "# " + "x" * (3 * 1024 * 1024), "larger than 2 MiB"),
        ("title: a\ntitle: b\n", "duplicate key"),
        ("facts: [a, b]\n", "expected a mapping"),
    ]:
        overlay.write_text(hostile, encoding="utf-8")
        with pytest.raises(ProtocolFileError) as raised:
            load_protocol(protocol_dir / "NCT03798028.yaml")
        assert raised.value.file == str(overlay)
        assert expected in raised.value.issues[0].message, (hostile[:40], raised.value.issues)


def test_an_overlay_gives_score_labels_and_refuses_a_score_the_protocol_has_not(protocol_dir):
    overlay = protocol_dir / "NCT03798028.zh_CN.yaml"
    original = overlay.read_text(encoding="utf-8")
    protocol = load_protocol(protocol_dir / "NCT03798028.yaml")
    assert protocol.score["acr_eular_2010"].translations["zh_CN"].label == "2010 ACR/EULAR 类风湿关节炎分类评分"
    assert protocol.score["das28_esr"].translations == {}  # an abbreviation needs none
    for hostile, file, path, expected in [
        (original.replace("  acr_1987:", "  acr_1988:"), overlay, "scores.acr_1988", "no score 'acr_1988'"),
        (original.replace("scores:\n", "scores: [acr_1987]\nold_scores:\n"), overlay, "", "expected a mapping with some of"),
        (re.sub(r"scores:\n(  .*\n)+", "scores: [acr_1987]\n", original), overlay, "scores",
         "expected a mapping of score ids"),
        (original.replace("acr_1987: {label:", "acr_1987: {help: x, label:"), protocol_dir / "NCT03798028.yaml",
         "scores[1].translations.zh_CN.help", "unexpected field"),
        (original.replace("acr_1987: {label: 符合 1987 年 ACR 分类标准的条数}", "acr_1987: {}"),
         protocol_dir / "NCT03798028.yaml", "scores[1].translations.zh_CN.label", "Field required"),
    ]:
        overlay.write_text(hostile, encoding="utf-8")
        with pytest.raises(ProtocolFileError) as raised:
            load_protocol(protocol_dir / "NCT03798028.yaml")
        assert raised.value.file == str(file)
        assert (raised.value.issues[0].path, expected in raised.value.issues[0].message) == (path, True), raised.value.issues


def test_an_overlay_merged_into_a_malformed_protocol_is_reported_not_crashed(protocol_dir):
    main = protocol_dir / "NCT03798028.yaml"
    main.write_text(NCT_TEXT.replace("criteria:\n", "criteria: 3\nold_criteria:\n", 1), encoding="utf-8")
    with pytest.raises(ProtocolFileError):
        load_protocol(main)


# -- the loader is strict and never leaks another exception ----------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("version_date: 2026-13-45\n", "month must be in 1..12"), ("a: !!int xyz\n", "cannot read 'xyz'"),
     ("? [a]\n: 1\n", "cannot be a key"), ("a: 1\n---\nb: 2\n", "second document"),
     ("a: !!python/object:os.system x\n", "not valid YAML"), ("a: !!binary é\n", "not valid YAML"),
     ("a: [1\n", "not valid YAML")],
)
def test_odd_yaml_is_refused_as_yaml(text, expected):
    (path, message, line), = refused(text)
    assert expected in message and line


def test_many_problems_are_listed_up_to_a_bound():
    bad = '{kind: threshold, fact: haemoglobin, op: "=>", value: x}'
    rule = "{kind: all_of, all_of: [%s]}" % ", ".join(
        "{kind: any_of, any_of: [%s]}" % ", ".join([bad] * r.MAX_CHILDREN) for _ in range(10)
    )
    issues = refused(edit(DAS28, rule))
    assert len(issues) == pf.MAX_ISSUES + 1 and "only the first" in issues[-1][1]


def test_the_bundled_protocols_are_well_inside_the_bounds():
    for name in ("NCT03798028.yaml", "NCT03798028.zh_CN.yaml", "NCT00845832.yaml"):
        text = resource_path(f"protocols/{name}").read_text(encoding="utf-8")
        assert len(text.encode("utf-8")) < pf.MAX_FILE_BYTES / 50
        nodes = list(_nodes(yaml.compose(text)))
        assert len(nodes) < pf.MAX_NODES / 10
        assert max(d for d, _ in nodes) < pf.MAX_DEPTH / 2
    example = json.loads(resource_path("examples/NCT03798028-eligible.json").read_text(encoding="utf-8"))
    assert example["facts"]


def _nodes(node, depth=1):
    yield depth, node
    if isinstance(node, yaml.SequenceNode):
        for child in node.value:
            yield from _nodes(child, depth + 1)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _nodes(key, depth + 1)
            yield from _nodes(value, depth + 1)


# -- through the command line ----------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [(VACCINE, VACCINE.replace("count: 3", "count: 1" + "0" * 400), "criteria[16].rule.within.count"),
     (DAS28, DAS28.replace("3.2", "1e999999"), "criteria[3].rule.any_of[1].value"),
     (DAS28, full_tree(4, 10), "more than 20000 entries"),
     ("    rule: {kind: attestation, fact: family_allergy}", "    rule: &a {kind: attestation, fact: family_allergy}", "anchor (&a)")],
)
def test_protocol_check_refuses_the_attacks_with_exit_2_within_a_second(capsys, tmp_path, old, new, expected):
    from trialdesk.cli.main import main

    bad = tmp_path / "bad.yaml"
    bad.write_text(edit(old, new), encoding="utf-8")
    started = time.process_time()
    code = main(["protocol", "check", str(bad)])
    elapsed = time.process_time() - started
    out, err = capsys.readouterr()
    assert code == 2 and elapsed < 1.0
    assert "Traceback" not in out + err
    assert f"{bad}:" in err and expected in err


def test_a_duplicate_key_is_refused_with_its_path():
    text = edit("    rule: {kind: attestation, fact: family_allergy}", "    rule: {kind: attestation, fact: family_allergy, fact: malignancy}")
    path, message, line = only(text)
    assert path.endswith("].rule.fact") and "duplicate key 'fact'" in message and "malignancy" in text.splitlines()[line - 1]


def test_events_come_from_libyaml():
    # the time bound rests on the C parser: the pure-Python one costs about 8 µs a byte
    assert pf._Parser.__module__ == "yaml._yaml"
