"""NCT00845832 ships as data only: the same engine decides it."""

import copy
import json

import pytest

from tests.domain.conftest import run
from trialdesk.domain.verdict import Overall, Verdict
from trialdesk.persistence.protocol_files import find_protocol
from trialdesk.resources import resource_path

PROTOCOL = find_protocol("NCT00845832")
ELIGIBLE = json.loads(resource_path("examples/NCT00845832-eligible.json").read_text(encoding="utf-8"))["facts"]


def with_changes(**changes):
    raw = copy.deepcopy(ELIGIBLE)
    raw.update(changes)
    return run(PROTOCOL, raw)


def test_criteria_are_verbatim_from_the_record():
    record = resource_path("protocols/NCT00845832.registry.txt").read_text(encoding="utf-8")
    assert all(c.text in record for c in PROTOCOL.criteria)


def test_eligible_example():
    assert with_changes().overall is Overall.ELIGIBLE


@pytest.mark.parametrize(
    ("changes", "criterion"),
    [
        ({"date_of_birth": "1960-11-20"}, "I1"),  # 66 today
        ({"functional_class": "class_4"}, "I2"),
        ({"joint_exam": {"tender": ["wrist_r", "wrist_l", "mcp2_r", "knee_l"], "swollen": ["wrist_r", "wrist_l", "mcp2_r"]}}, "I3"),
        ({"anti_ccp": "negative"}, "I4"),
        ({"anti_tnf_failed": 2}, "I5"),
        ({"methotrexate_history": [{"drug": "methotrexate", "dose": 30, "unit": "mg/week", "route": "oral", "start": "2026-03-01"}]}, "I6"),
        ({"methotrexate_history": [{"drug": "methotrexate", "dose": 7.5, "unit": "mg/week", "route": "oral", "start": "2026-08-29"}]}, "I6"),
        ({"cardiac_pulmonary_disease": "yes"}, "E4"),
    ],
)
def test_each_failing_criterion(changes, criterion):
    report = with_changes(**changes)
    assert report.overall is Overall.INELIGIBLE
    assert [r.criterion_id for r in report.results if r.excludes] == [criterion]


def test_methotrexate_dose_range_is_inclusive():
    course = {"drug": "methotrexate", "unit": "mg/week", "route": "oral", "start": "2026-03-01"}
    assert with_changes(methotrexate_history=[course | {"dose": 7.5}]).result("I6").verdict is Verdict.MET
    assert with_changes(methotrexate_history=[course | {"dose": 25}]).result("I6").verdict is Verdict.MET
    assert with_changes(methotrexate_history=[course | {"dose": "25.5"}]).result("I6").verdict is Verdict.NOT_MET
