"""`trialdesk protocol draft STUDY.json -o FILE.yaml`: a registry record becomes a protocol file to refine."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from tests.cli.test_cli import cli
from trialdesk.persistence.protocol_files import load_protocol

STUDY = Path(__file__).parent.parent / "data" / "NCT03798028.study.json"


def test_the_draft_of_a_v2_record_passes_protocol_check_unchanged(capsys, tmp_path):
    target = tmp_path / "NCT03798028-draft.yaml"
    code, out, err = cli(capsys, "protocol", "draft", str(STUDY), "-o", str(target))
    assert code == 0, err
    assert f"{target}: draft protocol NCT03798028: 8 inclusion and 21 exclusion criteria, 29 facts" in out
    code, out, err = cli(capsys, "protocol", "check", str(target))
    assert code == 0, err
    assert "valid protocol NCT03798028 version draft from registry record: 8 inclusion and 21 exclusion" in out
    protocol = load_protocol(target)
    assert protocol.criteria[4].text.endswith("Clinical Disease Activity Index (CDAI) >10.0.")


def test_the_file_is_plain_yaml_in_the_order_a_protocol_is_written(capsys, tmp_path):
    target = tmp_path / "draft.yaml"
    assert cli(capsys, "protocol", "draft", str(STUDY), "-o", str(target))[0] == 0
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Drafted by trialdesk protocol draft from NCT03798028.study.json")
    data = yaml.safe_load(text)
    assert list(data)[:6] == ["id", "registry", "title", "sponsor", "version", "version_date"]
    assert "或" in text  # allow_unicode: the registry's characters as they are, not escaped
    assert not list(tmp_path.glob(".*partial"))  # written whole


def test_an_existing_file_is_never_replaced(capsys, tmp_path):
    target = tmp_path / "mine.yaml"
    target.write_text("my refined protocol\n", encoding="utf-8")
    code, _, err = cli(capsys, "protocol", "draft", str(STUDY), "-o", str(target))
    assert code == 2 and "already exists" in err
    assert target.read_text(encoding="utf-8") == "my refined protocol\n"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"protocolSection": {"identificationModule": {"briefTitle": "x"}}}', "protocolSection.identificationModule.nctId is missing"),
        ('{"FullStudiesResponse": {}}', "retired ClinicalTrials.gov API (v1) format"),
        ('{"protocolSection": 1, "protocolSection": 2}', "the key “protocolSection” appears twice"),
        ("{not json", "not valid JSON at line 1"),
        ('[1, 2]', "expected a JSON object"),
        ('{"a": NaN}', "NaN and Infinity are refused"),
    ],
)
def test_a_malformed_record_is_refused_with_a_clear_message(capsys, tmp_path, content, message):
    source = tmp_path / "study.json"
    source.write_text(content, encoding="utf-8")
    target = tmp_path / "out.yaml"
    code, out, err = cli(capsys, "protocol", "draft", str(source), "-o", str(target))
    assert code == 2 and out == ""
    assert f"{source}: cannot draft a protocol: " in err and message in err
    assert not target.exists()


def test_a_missing_record_file_is_refused(capsys, tmp_path):
    code, _, err = cli(capsys, "protocol", "draft", str(tmp_path / "none.json"), "-o", str(tmp_path / "out.yaml"))
    assert code == 2 and "cannot be read" in err


def test_a_record_whose_draft_would_be_invalid_is_refused_before_writing(capsys, tmp_path):
    record = json.loads(STUDY.read_text(encoding="utf-8"))
    record["protocolSection"]["identificationModule"]["briefTitle"] = "x" * 20_000  # longer than a protocol text may be
    record["protocolSection"]["identificationModule"].pop("officialTitle")
    source = tmp_path / "study.json"
    source.write_text(json.dumps(record), encoding="utf-8")
    code, _, err = cli(capsys, "protocol", "draft", str(source), "-o", str(tmp_path / "out.yaml"))
    assert code == 2 and "the draft would not be a valid protocol file" in err and "title" in err
    assert not (tmp_path / "out.yaml").exists()
