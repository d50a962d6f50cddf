"""Protocol files: every bundled one is valid; a bad one is refused with file, line, path, expectation."""

from __future__ import annotations

import pytest

from trialdesk.persistence.protocol_files import ProtocolFileError, find_protocol, load_protocol, parse_protocol
from trialdesk.resources import bundled_protocols, resource_path

NCT_TEXT = resource_path("protocols/NCT03798028.yaml").read_text(encoding="utf-8")


def test_every_bundled_protocol_is_valid():
    protocols = bundled_protocols()
    assert {"NCT03798028", "NCT00845832"} <= set(protocols)
    for path in protocols.values():
        assert load_protocol(path).criteria


def refused(text: str) -> list[tuple[str, str, int | None]]:
    with pytest.raises(ProtocolFileError) as raised:
        parse_protocol(text, "bad.yaml")
    return [(i.path, i.message, i.line) for i in raised.value.issues]


def edit(old: str, new: str) -> str:
    assert NCT_TEXT.count(old) == 1, old
    return NCT_TEXT.replace(old, new)


@pytest.mark.parametrize(
    ("old", "new", "path", "expected"),
    [
        ('{kind: threshold, score: das28_crp, op: ">=", value: 3.2}', '{kind: threshold, score: das28_crp, op: ">=", value: high}',
         "criteria[3].rule.any_of[1].value", "valid decimal"),
        ('{kind: threshold, score: sdai, op: ">", value: 11.0}', '{kind: threshold, score: sdai, op: "=>", value: 11.0}',
         "criteria[3].rule.any_of[2].op", "'>='"),
        ("{kind: attestation, fact: infection}", "{kind: attest, fact: infection}", "criteria[10].rule", "unknown kind 'attest'"),
        ("{kind: attestation, fact: tuberculosis}", "{kind: attestation, fact: tb}", "criteria[11].rule.fact", "unknown fact 'tb'"),
        ("interpretation: Either one excludes; each is asked on its own.", "interpretaton: Either one excludes; each is asked on its own.",
         "criteria[17].interpretaton", "unexpected field"),
        ("units: [g/L, g/dL, mmol/L]", "units: [g/L, g/dl]", "facts[23].units[1]", "'g/dl' is not a unit of haemoglobin; expected some of ['g/L', 'g/dL', 'mmol/L']"),
        ("{kind: date_window, fact: last_live_vaccine, within: {count: 3, unit: months}}",
         "{kind: date_window, fact: last_live_vaccine, within: {count: 3, unit: moons}}", "criteria[16].rule.within.unit", "'months'"),
        ("- {kind: one_of, fact: hbv, values: [negative, positive]}", "- {kind: one_of, fact: hbv, values: [negative, reactive]}",
         "criteria[14].rule.if.all_of[0].values[1]", "not an option of 'hbv'"),
        ("esr: esr, patient_global: patient_global}}", "esr: crp, patient_global: patient_global}}",
         "scores[2].inputs.esr", "measures crp; expected esr"),
        ("{kind: threshold, fact: haemoglobin, op: \"<\", value: 90}", "{kind: threshold, fact: ild_on_hrct, op: \"<\", value: 90}",
         "criteria[4].rule.any_of[0].fact", "is yes_no; expected number or count"),
        ("if: {kind: medication_in_use, fact: glucocorticoid_history}", "if: {kind: medication_in_use, fact: glucocorticoid_history, drugs: 3}",
         "criteria[6].rule.if.drugs", "expected a list"),
    ],
)
def test_a_bad_entry_is_refused_with_its_path(old, new, path, expected):
    issues = refused(edit(old, new))
    assert len(issues) == 1
    found_path, message, line = issues[0]
    assert found_path == path
    assert expected in message
    assert line is not None


def test_the_line_points_at_the_bad_entry():
    issues = refused(edit("{kind: attestation, fact: tuberculosis}", "{kind: attestation, fact: tb}"))
    line = issues[0][2]
    assert "fact: tb" in edit("{kind: attestation, fact: tuberculosis}", "{kind: attestation, fact: tb}").splitlines()[line - 1]


def test_duplicate_keys_are_refused_not_overwritten():
    text = edit("    rule: {kind: attestation, fact: family_allergy}", "    rule: {kind: attestation, fact: family_allergy}\n    rule: {kind: attestation, fact: malignancy}")
    (path, message, line), = refused(text)
    assert "duplicate key 'rule'" in message and line is not None


def test_yes_and_no_stay_strings():
    # YAML 1.1 would read an option called "no" as false; the loader reads only true/false as booleans
    text = edit("      - {id: female, label: Female}", "      - {id: female, label: no}")
    assert parse_protocol(text).fact["sex"].options[0].label == "no"


def test_duplicate_ids_are_refused():
    text = edit("  - id: I2\n", "  - id: I1\n")
    assert ("criteria[1].id", "duplicate id 'I1'") in [(p, m) for p, m, _ in refused(text)]


def test_not_yaml_and_not_a_mapping():
    assert "not valid YAML" in refused("title: [unclosed\n")[0][1]
    assert "expected a mapping" in refused("- just\n- a list\n")[0][1]


def test_unreadable_or_missing_file(tmp_path):
    with pytest.raises(ProtocolFileError) as raised:
        find_protocol(str(tmp_path / "nothing.yaml"))
    assert "NCT03798028" in raised.value.issues[0].message  # lists the bundled ids
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(ProtocolFileError) as raised:
        load_protocol(binary)
    assert "cannot read" in raised.value.issues[0].message
    assert str(binary) in raised.value.describe()
