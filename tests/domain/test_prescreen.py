"""Pre-screening decides as `evaluate` does: the same result for every criterion, remembered or not."""

from __future__ import annotations

import json
import random
from datetime import date

import pytest

from trialdesk.domain import prescreen as p
from trialdesk.domain.errors import FactsInvalid
from trialdesk.domain.evaluation import evaluate, parse_facts
from trialdesk.domain.prescreen import Prescreener, PrescreenStatus
from trialdesk.persistence.protocol_files import find_protocol
from trialdesk.resources import resource_path

EXAMPLES = sorted(resource_path("examples").glob("*.json"))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda path: path.stem)
def test_remembered_results_are_the_results_evaluate_gives(path, monkeypatch):
    """Any part of an example's answers, evaluated whole and through one prescreener that remembers."""
    monkeypatch.setattr(p, "MAX_REMEMBERED", 500)  # forgetting on the way changes nothing either
    data = json.loads(path.read_text(encoding="utf-8"))
    protocol = find_protocol(data["protocol"])
    on = date.fromisoformat(data["screening_date"])
    facts = parse_facts(protocol, data["facts"], on)
    prescreener = Prescreener(protocol, on)
    pick = random.Random(path.stem)
    compared = 0
    for _ in range(150):
        part = dict(pick.sample(sorted(facts.items()), pick.randint(0, len(facts))))
        try:
            parse_facts(protocol, {f: protocol.fact[f].to_answer(v) for f, v in part.items()}, on)
        except FactsInvalid:  # answers the protocol refuses together (a man's pregnancy without his sex)
            continue
        assert prescreener.results(part) == evaluate(protocol, part, on).results
        compared += 1
    assert compared > 50


def test_excluded_only_by_a_decided_criterion_and_needs_in_protocol_order():
    protocol = find_protocol("NCT03798028")
    prescreener = Prescreener(protocol, date(2026, 11, 20))
    nothing = prescreener.decide({})
    assert nothing.status is PrescreenStatus.COULD_BE_ELIGIBLE and nothing.deciding is None
    assert nothing.needs == tuple(f for f in protocol.fact if f in nothing.needs)
    man = prescreener.decide({"sex": "male", "tuberculosis": "unknown"})
    assert "pregnant" not in man.needs and "sex" not in man.needs and "tuberculosis" in man.needs
    out = prescreener.decide({"tuberculosis": "yes", "date_of_birth": "2015-01-01"})
    assert out.status is PrescreenStatus.NOT_ELIGIBLE and out.needs == ()
    assert [r.criterion_id for r in out.excluded_by] == ["I2", "E5"] and out.deciding.criterion_id == "I2"


def test_answers_the_protocol_refuses_refuse_the_candidate():
    decision = p.prescreen(find_protocol("NCT03798028"), {"sex": "male", "pregnant": "yes", "hbv": "x"},
                           date(2026, 11, 20))
    assert decision.status is PrescreenStatus.REFUSED
    assert {(problem.fact, problem.code) for problem in decision.problems} == {("hbv", "unknown_option")}
