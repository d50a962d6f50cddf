"""Verdicts, and the outcomes of rules and criteria with the reasons behind them.

Reasons (`trialdesk.domain.reasons`) carry values, never sentences: `trialdesk.messages` words
them in the reader's language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the reason types are imported once a reason is looked into, not to read the log
    from trialdesk.domain.derivations import Derivation
    from trialdesk.domain.reasons import Reason

__all__ = ["CriterionResult", "EligibilityReport", "Effect", "Outcome", "Overall", "Reason", "ScoreResult", "Verdict"]


class Verdict(str, Enum):
    """Three-valued: a missing fact is UNKNOWN, never MET.

    A criterion that applies only under a condition (`applies_if`) the subject does not meet is
    NOT_APPLICABLE: it passes (never excludes) and is shown and printed as such.
    """

    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"
    NOT_APPLICABLE = "not_applicable"


class Effect(str, Enum):
    """What a criterion's result does to the subject's eligibility, whatever its kind.

    For an exclusion "met" means the subject is excluded; the effect says so for both kinds:
    an inclusion not met and an exclusion that applies both EXCLUDE. OPEN waits on answers still
    to give; PENDING waits only on a date still to come (the screening date, a visit); a
    criterion that does not apply to this subject is NOT_APPLICABLE, and passes.
    """

    PASSES = "passes"
    EXCLUDES = "excludes"
    OPEN = "open"
    PENDING = "pending"
    NOT_APPLICABLE = "not_applicable"


class Overall(str, Enum):
    ELIGIBLE = "eligible"
    INELIGIBLE = "ineligible"
    INCOMPLETE = "incomplete"


@dataclass(frozen=True, slots=True)
class Outcome:
    """A rule's verdict with its reason."""

    verdict: Verdict
    reason: Reason


@dataclass(frozen=True, slots=True)
class ScoreResult:
    """A computed score with the inputs it used.

    `value` is the formula's result, `compared` what thresholds see (rounded as the
    protocol declares). When inputs are missing, `value` is None, `missing` names the
    facts (`not_known` those of them answered "not known", with the answer), and point scores
    give the `bounds` still reachable.
    """

    score_id: str
    label: str
    inputs: dict[str, Any]
    value: Decimal | None = None
    compared: Decimal | None = None
    round_to: int | None = None
    components: dict[str, int] = field(default_factory=dict)
    unit: str = ""  # as a reader sees it; "" for points, counts and pure numbers
    derived: bool = False  # a derived value: `inputs` are the facts it read, by id
    missing: tuple[str, ...] = ()
    bounds: tuple[int, int] | None = None
    problem: Any = None
    #: how inputs derived from observations came out, by component (serology from RF and ACPA...)
    derivations: dict[str, Derivation] = field(default_factory=dict)
    #: the facts among `missing` that are answered, but with an answer that leaves them not known
    not_known: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class CriterionResult:
    criterion_id: str
    kind: str
    verdict: Verdict
    reason: Reason

    @property
    def excludes(self) -> bool:
        """This result alone makes the subject ineligible."""
        if self.kind == "inclusion":
            return self.verdict is Verdict.NOT_MET
        return self.verdict is Verdict.MET

    @property
    def effect(self) -> Effect:
        """What this result does to eligibility: the one thing the window, the summary and the
        worksheet show, in words, shape and colour."""
        if self.verdict is Verdict.NOT_APPLICABLE:
            return Effect.NOT_APPLICABLE
        if self.excludes:
            return Effect.EXCLUDES
        if self.verdict is Verdict.UNKNOWN:
            return Effect.PENDING if _only_pending(self.reason) else Effect.OPEN
        return Effect.PASSES


def _only_pending(reason: Reason) -> bool:
    """The reason waits on nothing but a date still to come."""
    from trialdesk.domain.reasons import COMBINATIONS, Pending

    if isinstance(reason, Pending):
        return True
    if not isinstance(reason, COMBINATIONS):
        return False
    open_parts = [c for c in reason.children if c.verdict is Verdict.UNKNOWN]
    return bool(open_parts) and all(_only_pending(c.reason) for c in open_parts)


@dataclass(frozen=True, slots=True)
class EligibilityReport:
    """Every criterion's result, the scores computed, and the overall decision."""

    protocol_id: str
    protocol_version: str
    on: date
    results: tuple[CriterionResult, ...]
    scores: dict[str, ScoreResult]

    @property
    def overall(self) -> Overall:
        """Ineligible as soon as one criterion excludes; eligible only when all are decided."""
        if any(r.excludes for r in self.results):
            return Overall.INELIGIBLE
        if any(r.verdict is Verdict.UNKNOWN for r in self.results):
            return Overall.INCOMPLETE
        return Overall.ELIGIBLE

    def result(self, criterion_id: str) -> CriterionResult:
        for result in self.results:
            if result.criterion_id == criterion_id:
                return result
        raise KeyError(criterion_id)

    def changed_since(self, previous: EligibilityReport | None) -> tuple[str, ...]:
        """Criterion ids whose verdict or reason differ from `previous`."""
        if previous is None:
            return tuple(r.criterion_id for r in self.results)
        before = {r.criterion_id: r for r in previous.results}
        return tuple(r.criterion_id for r in self.results if before.get(r.criterion_id) != r)


def __getattr__(name: str) -> Any:
    if name == "Reason":  # still importable from here, without importing the reasons on the start-up path
        from trialdesk.domain.reasons import Reason

        return Reason
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
