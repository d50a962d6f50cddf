"""`trialdesk protocol facts`: every fact a protocol asks, for its authors."""

from __future__ import annotations

import json

import pytest

from tests.cli.test_cli import cli
from trialdesk.persistence.protocol_files import find_protocol
from trialdesk.resources import resource_path


def listing(capsys, *args):
    code, out, err = cli(capsys, "protocol", "facts", *args, "--format", "json")
    assert code == 0, err
    return {f["id"]: f for f in json.loads(out)["facts"]}


@pytest.mark.parametrize("protocol_id", ["NCT03798028", "NCT00845832"])
def test_every_fact_is_listed_in_protocol_order_with_type_and_label(capsys, protocol_id):
    protocol = find_protocol(protocol_id)
    facts = listing(capsys, protocol_id)
    assert list(facts) == [f.id for f in protocol.facts]
    assert all(facts[f.id]["type"] == f.type and facts[f.id]["label"] == f.label for f in protocol.facts)


def test_units_options_drugs_and_routes_are_given(capsys):
    facts = listing(capsys, "NCT03798028")
    assert facts["haemoglobin"]["units"] == ["g/L", "g/dL", "mmol/L"] and facts["haemoglobin"]["compared_in"] == "g/L"
    assert [o["id"] for o in facts["hbv"]["options"]] == ["negative", "positive", "not_done"]
    assert "deflazacort" in facts["glucocorticoid_history"]["drugs"]
    assert facts["glucocorticoid_history"]["routes"] == ["oral", "intravenous", "intramuscular"]
    assert "units" not in facts["infection"] and "options" not in facts["infection"]


def test_each_fact_names_the_criteria_that_read_it_through_scores_too(capsys):
    facts = listing(capsys, "NCT03798028")
    assert facts["joint_exam"]["read_by"] == ["I4"]  # the DAS28, SDAI and CDAI
    assert facts["classification_joints"]["read_by"] == ["I1"]  # the 2010 score
    assert facts["glucocorticoid_history"]["read_by"] == ["I7", "E2"]
    assert facts["sex"]["read_by"] == ["E13"]


def test_the_text_form_reads_by_fact(capsys):
    code, out, _ = cli(capsys, "protocol", "facts", str(resource_path("protocols/NCT00845832.yaml")))
    assert code == 0 and out.startswith("NCT00845832 version ") and ": 14 facts" in out
    block = out.split("\nmethotrexate_history  (medications)  Methotrexate\n", 1)[1].split("\n\n", 1)[0]
    assert "    drugs: methotrexate" in block and "    routes: oral, subcutaneous, intramuscular" in block
    assert "    dose units: mg/week" in block and block.endswith("    read by: I6")
    assert "functional_class  (choice)  ACR functional status\n    options: class_1 (Class I), class_2 (Class II)" in out


def test_an_unknown_protocol_is_refused(capsys):
    code, out, err = cli(capsys, "protocol", "facts", "NCT99999999")
    assert code == 2 and out == "" and "no protocol with that id" in err
