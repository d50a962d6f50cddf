"""Fixtures for the domain tests: the bundled protocol, its example subjects, small protocols."""

from __future__ import annotations

import copy
import json
from datetime import date
from typing import Any

import pytest

from trialdesk.domain.evaluation import evaluate, parse_facts
from trialdesk.domain.protocol import Protocol
from trialdesk.domain.verdict import EligibilityReport
from trialdesk.persistence.protocol_files import find_protocol
from trialdesk.resources import resource_path

SCREENING = date(2026, 11, 20)


@pytest.fixture(scope="session")
def nct() -> Protocol:
    return find_protocol("NCT03798028")


def example(name: str) -> dict[str, Any]:
    data = json.loads(resource_path(f"examples/NCT03798028-{name}.json").read_text(encoding="utf-8"))
    return copy.deepcopy(data["facts"])


@pytest.fixture
def eligible() -> dict[str, Any]:
    """The raw answers of the bundled eligible subject (screened on 2026-11-20)."""
    return example("eligible")


def run(protocol: Protocol, raw: dict[str, Any], on: date = SCREENING, *, typed: bool = True) -> EligibilityReport:
    """Evaluate raw answers; numbers may be typed text ("9.0"), as a person enters them."""
    return evaluate(protocol, parse_facts(protocol, raw, on, typed=typed), on)


def mini(facts: list[dict], rule: dict, scores: list[dict] | None = None, **extra: Any) -> Protocol:
    """A one-criterion protocol around `rule`."""
    return Protocol.model_validate(
        {
            "id": "TEST",
            "registry": {"nct": "NCT00000000"},
            "title": "t",
            "sponsor": "s",
            "version": "1",
            "version_date": "2026-01-01",
            "facts": facts,
            "scores": scores or [],
            "criteria": [{"id": "I1", "kind": "inclusion", "text": "t", "rule": rule}],
            **extra,
        }
    )
