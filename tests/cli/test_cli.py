"""The command line as a user runs it: exit codes, output, and no traceback ever."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from trialdesk.cli.main import main
from trialdesk.resources import resource_path

EXAMPLES = resource_path("examples")


def cli(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def test_protocol_check_accepts_a_bundled_protocol(capsys):
    code, out, _ = cli(capsys, "protocol", "check", str(resource_path("protocols/NCT03798028.yaml")))
    assert code == 0 and "7 inclusion and 21 exclusion" in out


def test_protocol_check_refuses_a_bad_file_with_path_and_exit_2(capsys, tmp_path):
    text = resource_path("protocols/NCT03798028.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace('{kind: threshold, score: das28_crp, op: ">=", value: 3.2}', '{kind: threshold, score: das28_crp, op: ">=", value: x}'), encoding="utf-8")
    code, _, err = cli(capsys, "protocol", "check", str(bad))
    assert code == 2
    assert str(bad) in err and "criteria[3].rule.any_of[1].value" in err and "valid decimal" in err


def test_protocol_schema_is_json_schema(capsys):
    code, out, _ = cli(capsys, "protocol", "schema")
    schema = json.loads(out)
    assert code == 0 and schema["title"] == "Protocol" and "criteria" in schema["properties"]


@pytest.mark.parametrize("name", ["eligible", "ineligible", "incomplete"])
def test_evaluate_json_for_each_example(capsys, name):
    code, out, _ = cli(capsys, "evaluate", "--protocol", "NCT03798028", str(EXAMPLES / f"NCT03798028-{name}.json"), "--format", "json")
    result = json.loads(out)
    assert code == 0
    assert result["overall"] == name
    assert set(result["criteria"]) == {f"I{i}" for i in range(1, 8)} | {f"E{i}" for i in range(1, 22)}
    assert all(set(c) >= {"verdict", "reason"} for c in result["criteria"].values())


def test_evaluate_text_names_the_reason(capsys):
    code, out, _ = cli(capsys, "evaluate", "--protocol", "NCT03798028", str(EXAMPLES / "NCT03798028-ineligible.json"))
    assert code == 0 and "overall: INELIGIBLE" in out
    assert "E15 applies: excluded" in out and "2026-09-01 is within 3 months" in out  # worded by effect
    assert "\nE14 does not apply " in out and "\nI5 not met: excluded " in out


def test_evaluate_with_a_protocol_file_and_on_date(capsys):
    protocol = str(resource_path("protocols/NCT03798028.yaml"))
    facts = str(EXAMPLES / "NCT03798028-eligible.json")
    code, out, _ = cli(capsys, "evaluate", "--protocol", protocol, facts, "--on", "2027-01-10", "--format", "json")
    result = json.loads(out)
    assert code == 0 and result["screening_date"] == "2027-01-10"


def write(tmp_path: Path, facts: dict, screening_date: str = "2026-11-20") -> str:
    path = tmp_path / "facts.json"
    path.write_text(json.dumps({"screening_date": screening_date, "facts": facts}), encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        ({"hb": 80}, "hb"),  # unknown fact
        ({"haemoglobin": {"value": "low", "unit": "g/L"}}, "Haemoglobin (haemoglobin): “low” is not a number"),
        ({"haemoglobin": {"value": 900, "unit": "g/L"}}, "outside the plausible range 30–220 g/L"),
        ({"crp": {"value": 5, "unit": "mg/l"}}, "unknown unit “mg/l”"),
        ({"date_of_birth": "1970-02-30"}, "Date of birth (date_of_birth): “1970-02-30” is not a calendar date"),
        ({"infection": 1}, "not yes, no or unknown"),
    ],
)
def test_bad_facts_exit_2_naming_the_fact(capsys, tmp_path, facts, expected):
    code, out, err = cli(capsys, "evaluate", "--protocol", "NCT03798028", write(tmp_path, facts))
    assert code == 2 and out == ""
    assert expected in err


def test_bad_facts_files(capsys, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    code, _, err = cli(capsys, "evaluate", "--protocol", "NCT03798028", str(broken))
    assert code == 2 and "not valid JSON at line 1" in err
    code, _, err = cli(capsys, "evaluate", "--protocol", "NCT03798028", write(tmp_path, {}, "2026-13-01"))
    assert code == 2 and "screening_date" in err
    code, _, err = cli(capsys, "evaluate", "--protocol", "NCT03798028", str(tmp_path / "missing.json"))
    assert code == 2 and "cannot be read" in err


def test_unknown_protocol_and_bad_date_argument(capsys, tmp_path):
    code, _, err = cli(capsys, "evaluate", "--protocol", "NCT99999999", write(tmp_path, {}))
    assert code == 2 and "no protocol with that id" in err
    with pytest.raises(SystemExit) as exited:
        main(["evaluate", "--protocol", "NCT03798028", write(tmp_path, {}), "--on", "31/05/2026"])
    assert exited.value.code == 2
    assert "is not a date" in capsys.readouterr().err


def test_console_script_runs_as_a_module():
    done = subprocess.run(
        [sys.executable, "-m", "trialdesk", "evaluate", "--protocol", "NCT03798028", str(EXAMPLES / "NCT03798028-eligible.json"), "--format", "json"],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["overall"] == "eligible"
