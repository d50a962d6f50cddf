"""`trialdesk protocol test` and `protocol check`: a protocol's example subjects, run and compared."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.cli.test_cli import cli
from trialdesk.resources import resource_path

PROTOCOLS = resource_path("protocols")


def copy_protocol(tmp_path: Path, protocol_id: str, *, tests: str | None = None) -> Path:
    """The bundled protocol (and its translations) in `tmp_path`, with `tests` as its tests file if given."""
    for path in PROTOCOLS.glob(f"{protocol_id}.*yaml"):
        if not path.name.endswith(".tests.yaml"):
            shutil.copy(path, tmp_path / path.name)
    if tests is not None:
        (tmp_path / f"{protocol_id}.tests.yaml").write_text(tests, encoding="utf-8")
    return tmp_path / f"{protocol_id}.yaml"


def bundled_tests(protocol_id: str) -> str:
    return (PROTOCOLS / f"{protocol_id}.tests.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("protocol_id", ["NCT03798028", "NCT00845832"])
def test_every_bundled_protocol_ships_example_subjects_that_all_agree(capsys, protocol_id):
    code, out, err = cli(capsys, "protocol", "test", protocol_id)
    total = re.search(r"(\d+) of (\d+) cases agree", out)
    assert code == 0, out + err
    assert total and total.group(1) == total.group(2) and int(total.group(2)) >= 12
    assert out.count("  agrees     ") == int(total.group(2)) and "DISAGREES" not in out


@pytest.mark.parametrize("protocol_id", ["NCT03798028", "NCT00845832"])
def test_the_bundled_cases_sit_at_the_boundaries_and_cover_every_outcome(protocol_id):
    text = bundled_tests(protocol_id)
    for needed in ("exactly 18", "the day before the 18th birthday", "born 29 February", "refused:",
                   "overall: eligible", "overall: ineligible", "overall: incomplete", ": unknown"):
        assert needed in text, needed


def test_a_wrong_expectation_is_reported_with_expected_and_got_and_exit_1(capsys, tmp_path):
    tests = bundled_tests("NCT00845832").replace(
        "facts: {date_of_birth: 2008-11-20}\n    expect: {I1: met,", "facts: {date_of_birth: 2008-11-20}\n    expect: {I1: not_met,", 1)
    assert tests != bundled_tests("NCT00845832")
    protocol = copy_protocol(tmp_path, "NCT00845832", tests=tests)
    code, out, _ = cli(capsys, "protocol", "test", str(protocol))
    assert code == 1
    assert "  DISAGREES  exactly 18 on the screening date\n      I1: expected not_met, got met: age 18" in out
    total = re.search(r"(\d+) of (\d+) cases agree", out)
    assert int(total.group(1)) == int(total.group(2)) - 1


def test_a_case_that_leaves_out_a_criterion_is_a_defect(capsys, tmp_path):
    tests = bundled_tests("NCT00845832").replace("E4: not_met, E5: not_met}", "E5: not_met}", 1)
    code, out, _ = cli(capsys, "protocol", "test", str(copy_protocol(tmp_path, "NCT00845832", tests=tests)))
    assert code == 1
    assert "E4: not stated by the case (got not_met" in out and "a case states the verdict of every criterion" in out


def test_an_unexpected_refusal_and_an_overall_mismatch_are_reported(capsys, tmp_path):
    tests = """protocol: NCT00845832
cases:
  - name: refused though verdicts were expected
    on: 2026-11-20
    facts: {anti_tnf_failed: 9}
    expect: {I1: unknown, I2: unknown, I3: unknown, I4: unknown, I5: unknown, I6: unknown,
             E1: unknown, E2: unknown, E3: unknown, E4: unknown, E5: unknown}
  - name: nothing entered is incomplete, not eligible
    on: 2026-11-20
    expect: {I1: unknown, I2: unknown, I3: unknown, I4: unknown, I5: unknown, I6: unknown,
             E1: unknown, E2: unknown, E3: unknown, E4: unknown, E5: unknown}
    overall: eligible
"""
    code, out, _ = cli(capsys, "protocol", "test", str(copy_protocol(tmp_path, "NCT00845832", tests=tests)))
    assert code == 1 and "0 of 2 cases agree" in out
    assert "refused: Number of approved anti-TNF agents failed" in out and "[out_of_range]" in out
    assert "overall: expected eligible, got incomplete" in out


@pytest.mark.parametrize(
    ("tests", "where", "expected"),
    [
        ("protocol: NCT00845832\ncases:\n  - name: x\n    on: 2026-11-20\n    expect: {I1: maybe}\n",
         ":5: cases[0].expect.I1", "unknown verdict 'maybe'"),
        ("protocol: NCT00845832\ncases:\n  - name: x\n    on: 2026-11-20\n    expect: {}\n    colour: red\n",
         ":6: cases[0].colour", "unexpected field"),
        ("protocol: NCT00845832\ncases:\n  - name: x\n    name: y\n", ":4: cases[0].name", "duplicate key 'name'"),
        ("protocol: NCT00845832\ncases: []\n", ":2: cases", "at least one case expected"),
        ("protocol: NCT00845832\ncases: &a []\n", ":2: cases", "an anchor (&a) is not allowed"),
        ("protocol: NCT03798028\ncases:\n  - {name: x, on: 2026-11-20, expect: {}}\n", ":1: protocol",
         "the cases are for 'NCT03798028'; expected 'NCT00845832'"),
        ("- just a list\n", ": (top level)", "expected a mapping with protocol and cases"),
    ],
)
def test_a_malformed_tests_file_is_refused_with_file_line_path_and_exit_2(capsys, tmp_path, tests, where, expected):
    protocol = copy_protocol(tmp_path, "NCT00845832", tests=tests)
    code, out, err = cli(capsys, "protocol", "test", str(protocol))
    tests_file = str(tmp_path / "NCT00845832.tests.yaml")
    assert code == 2 and out == ""
    assert f"{tests_file}: not a valid protocol tests file" in err
    assert f"{tests_file}{where}" in err and expected in err


def test_a_protocol_without_tests_file_cannot_be_tested(capsys, tmp_path):
    code, _, err = cli(capsys, "protocol", "test", str(copy_protocol(tmp_path, "NCT00845832")))
    assert code == 2 and "NCT00845832.tests.yaml: no such file" in err


def test_an_unknown_protocol_is_refused(capsys):
    code, _, err = cli(capsys, "protocol", "test", "NCT99999999")
    assert code == 2 and "no protocol with that id" in err


def test_check_runs_the_example_subjects_when_they_are_there(capsys, tmp_path):
    code, out, _ = cli(capsys, "protocol", "check", str(PROTOCOLS / "NCT00845832.yaml"))
    assert code == 0 and re.search(r"NCT00845832\.tests\.yaml: (\d+) of \1 cases agree", out)
    code, out, _ = cli(capsys, "protocol", "check", str(copy_protocol(tmp_path, "NCT00845832")))
    assert code == 0 and "no example subjects: " in out and "NCT00845832.tests.yaml does not exist" in out


def test_check_fails_when_an_example_disagrees_or_its_file_is_bad(capsys, tmp_path):
    wrong = bundled_tests("NCT00845832").replace("functional_class: class_4}\n    expect: {I1: met, I2: not_met",
                                                 "functional_class: class_4}\n    expect: {I1: met, I2: met", 1)
    assert wrong != bundled_tests("NCT00845832")
    code, out, _ = cli(capsys, "protocol", "check", str(copy_protocol(tmp_path, "NCT00845832", tests=wrong)))
    assert code == 1 and "DISAGREES  functional class IV" in out and "I2: expected met, got not_met" in out
    assert "  agrees" not in out  # check lists only the cases that disagree
    code, _, err = cli(capsys, "protocol", "check", str(copy_protocol(tmp_path, "NCT00845832", tests="cases: [")))
    assert code == 2 and "not a valid protocol tests file" in err


def test_only_a_language_code_makes_a_translation_overlay(capsys, tmp_path):
    """ID.zh_CN.yaml is read with the protocol; ID.old.yaml, ID.bak.yaml and ID.tests.yaml are not."""
    protocol = copy_protocol(tmp_path, "NCT03798028")
    for name in ("NCT03798028.old.yaml", "NCT03798028.bak.yaml", "NCT03798028.backup.yaml"):
        (tmp_path / name).write_text("not: [an overlay", encoding="utf-8")
    shutil.copy(PROTOCOLS / "NCT03798028.tests.yaml", tmp_path)
    code, out, err = cli(capsys, "protocol", "check", str(protocol))
    assert code == 0, err
    (tmp_path / "NCT03798028.zh_CN.yaml").write_text("facts: {no_such_fact: {label: x}}\n", encoding="utf-8")
    code, _, err = cli(capsys, "protocol", "check", str(protocol))
    assert code == 2 and "NCT03798028.zh_CN.yaml" in err and "no fact 'no_such_fact'" in err


@pytest.mark.parametrize(
    ("middle", "overlay"),
    [("zh_CN", True), ("en", True), ("de_DE", True), ("fil", True), ("yue", True),
     ("old", False), ("bak", False), ("new", False), ("tests", False), ("registry", False), ("zh_cn", False), ("", False)],
)
def test_a_language_code_is_the_protocols_pattern_naming_a_known_language(middle, overlay):
    from trialdesk.persistence.protocol_files import is_language_code

    assert is_language_code(middle) is overlay
