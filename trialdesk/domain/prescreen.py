"""Pre-screening: what the facts known from records say of a candidate, before any consent visit.

A candidate is "not eligible" only when a criterion is decided against them (an exclusion that
applies, an inclusion not met: `Effect.EXCLUDES`), the same three-valued evaluation as a screening;
otherwise they "could be eligible", with the facts still needed; answers the protocol refuses make
the candidate "refused", with the problems. `Prescreener.decide` gives what `evaluate` would, for a
clinic list of thousands, by remembering each criterion's result by the answers it reads.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any

from trialdesk.domain.errors import FactsInvalid, Problem
from trialdesk.domain.evaluation import criterion_result, not_asked, parse_facts
from trialdesk.domain.log import STILL_OPEN
from trialdesk.domain.protocol import Criterion, Protocol
from trialdesk.domain.values import FactValue
from trialdesk.domain.verdict import CriterionResult, Effect

#: criterion results remembered at most (then forgotten, and worked out again): bounds the memory a list takes
MAX_REMEMBERED = 100_000


class PrescreenStatus(str, Enum):
    """A candidate's pre-screening result; the value is the status code written out."""

    COULD_BE_ELIGIBLE = "could_be_eligible"
    NOT_ELIGIBLE = "not_eligible"
    REFUSED = "refused"


@dataclass(frozen=True, slots=True)
class PrescreenDecision:
    """One candidate's result: the facts still `needs` (protocol order) when they could be eligible,
    the criteria that rule them out (`excluded_by`, protocol order: the first decides) when not,
    the `problems` of their answers when refused."""

    status: PrescreenStatus
    needs: tuple[str, ...] = ()
    excluded_by: tuple[CriterionResult, ...] = ()
    problems: tuple[Problem, ...] = ()

    @property
    def deciding(self) -> CriterionResult | None:
        """The criterion named as the reason a candidate is not eligible: the first that excludes."""
        return self.excluded_by[0] if self.excluded_by else None


@dataclass(frozen=True, slots=True)
class _Found:
    """A criterion's result as remembered: with its effect, and the facts it still needs when open."""

    result: CriterionResult
    effect: Effect
    needs: tuple[str, ...]


class Prescreener:
    """Decides candidates against one protocol on one date.

    A criterion's result depends only on the answers to the facts it reads (`Protocol.facts_used`)
    and on whether those are asked, which the facts of their `asked_if` conditions decide; so it is
    remembered by those answers. Candidates known by a few facts each share most results. Answers
    that are equal are parsed to one form (85, 85.0 and "85,0" alike), so a remembered result's
    reason says what the candidate's own would.
    """

    def __init__(self, protocol: Protocol, on: date) -> None:
        self.protocol = protocol
        self.on = on
        self._criteria = tuple((c, protocol.facts_used(c), _key_facts(protocol, c)) for c in protocol.criteria)
        self._unknown = protocol.unknown_answers
        self._fact_order = tuple(protocol.fact)
        self._remembered: dict[tuple[Any, ...], _Found] = {}

    def decide(self, raw: Mapping[str, Any]) -> PrescreenDecision:
        """A candidate's raw answers (fact id -> typed answer, as `parse_facts` reads with ``typed=True``;
        None: not known from the records) decided."""
        try:
            facts = parse_facts(self.protocol, raw, self.on, typed=True)
        except FactsInvalid as invalid:
            return PrescreenDecision(PrescreenStatus.REFUSED, problems=tuple(invalid.problems))
        return self.decide_facts(facts)

    def decide_facts(self, facts: Mapping[str, FactValue]) -> PrescreenDecision:
        """Parsed answers decided: not eligible as soon as a criterion excludes."""
        results = [self.result(index, facts) for index in range(len(self._criteria))]
        excluded = tuple(found.result for found in results if found.effect is Effect.EXCLUDES)
        if excluded:
            return PrescreenDecision(PrescreenStatus.NOT_ELIGIBLE, excluded_by=excluded)
        needed = {f for found in results for f in found.needs}
        return PrescreenDecision(PrescreenStatus.COULD_BE_ELIGIBLE,
                                 needs=tuple(f for f in self._fact_order if f in needed))

    def results(self, facts: Mapping[str, FactValue]) -> tuple[CriterionResult, ...]:
        """Every criterion's result, the same as `evaluate(protocol, facts, on).results`."""
        return tuple(self.result(index, facts).result for index in range(len(self._criteria)))

    def result(self, index: int, facts: Mapping[str, FactValue]) -> _Found:
        """The result of the criterion at `index`, with its effect and the facts it still needs."""
        criterion, used, key_facts = self._criteria[index]
        key = (index, *map(facts.get, key_facts))
        try:
            return self._remembered[key]
        except KeyError:
            pass
        except TypeError:  # an answer that cannot be a key (none of the fact types gives one): work it out
            return self._work_out(criterion, used, key_facts, facts)
        if len(self._remembered) >= MAX_REMEMBERED:
            self._remembered.clear()
        found = self._remembered[key] = self._work_out(criterion, used, key_facts, facts)
        return found

    def _work_out(self, criterion: Criterion, used: tuple[str, ...], key_facts: tuple[str, ...],
                  facts: Mapping[str, FactValue]) -> _Found:
        read = {f: facts[f] for f in key_facts if f in facts}
        result = criterion_result(self.protocol, criterion, read, self.on)
        effect = result.effect
        if effect not in STILL_OPEN:
            return _Found(result, effect, ())
        unasked = not_asked(self.protocol, read, self.on)
        return _Found(result, effect, tuple(f for f in used if f not in unasked and self._unanswered(f, read.get(f))))

    def _unanswered(self, fact_id: str, value: Any) -> bool:
        """No usable answer: not known from the records, or answered with what leaves it not known."""
        return value is None or (value.__class__ is str and value in self._unknown.get(fact_id, ()))


def _key_facts(protocol: Protocol, criterion: Criterion) -> tuple[str, ...]:
    """The facts whose answers decide a criterion's result: those it reads, and the facts the
    conditions they are asked under read, through those facts' own conditions too."""
    found = list(protocol.facts_used(criterion))
    for fact_id in found:  # grows as conditions add facts; each is visited once
        condition = protocol.fact[fact_id].asked_if
        if condition is not None:
            found.extend(f for f in protocol.condition_facts(condition) if f not in found)
    return tuple(found)


def refused(problems: list[Problem] | tuple[Problem, ...], decision: PrescreenDecision) -> PrescreenDecision:
    """A candidate refused for problems found before their answers were decided (a cell unread, an id
    given twice), with the problems of those answers too."""
    return PrescreenDecision(PrescreenStatus.REFUSED, problems=(*problems, *decision.problems))


def prescreen(protocol: Protocol, raw: Mapping[str, Any], on: date) -> PrescreenDecision:
    """One candidate's raw answers decided (see `Prescreener.decide`)."""
    return Prescreener(protocol, on).decide(raw)
