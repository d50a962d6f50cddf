"""Why a rule came out as it did: one frozen class per kind of reason, with the values it used
and, where the kind has parts, their outcomes.

Reasons hold values, never sentences: `trialdesk.messages` words each kind, once. `code` names
a kind wherever it leaves the program (JSON output, anything stored) and never changes.
The reasons over medication histories are in `history_reasons`, the inputs a classification
derives from observations in `derivations`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from collections.abc import Mapping

    from trialdesk.domain.errors import Problem
    from trialdesk.domain.verdict import Outcome

Moment = date | datetime
#: a limit a comparison can still be held against: a threshold, or a range's (low, high) with None for an open end
Limit = Decimal | tuple[Decimal | None, Decimal | None]
#: a period as a rule writes it: (count, unit), e.g. (3, "months")
Span = tuple[int, str]


@dataclass(frozen=True, slots=True)
class Reason:
    """The base of every kind of reason."""

    code: ClassVar[str]


# -- what a comparison reads ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FactOperand:
    """A number fact as compared: `value` in the unit of the limits (`unit`, as a reader sees it);
    `entered` in `entered_unit` when it was `converted`; the laboratory's ULN when the limit is a
    multiple of it (`times_uln`)."""

    fact: str
    value: Decimal | int
    unit: str = ""
    entered: Decimal | None = None
    entered_unit: str = ""
    converted: bool = False
    uln: Decimal | None = None
    times_uln: Decimal | None = None


@dataclass(frozen=True, slots=True)
class ScoreOperand:
    """A score as compared: `value` as compared (rounded to `round_to` decimals), `raw` the
    formula's result; `whole` for a score that is a whole number by nature (points, counts)."""

    score: str
    value: Decimal
    raw: Decimal | None = None
    round_to: int | None = None
    whole: bool = False
    unit: str = ""


Operand = FactOperand | ScoreOperand


# -- facts without a usable value -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Missing(Reason):
    """Facts not entered yet."""

    code: ClassVar[str] = "missing"
    facts: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class NotKnown(Reason):
    """Facts answered with an answer that leaves them not known ("not done"), by fact."""

    code: ClassVar[str] = "not_known"
    facts: tuple[str, ...]
    answers: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class NotAsked(Reason):
    """Facts not asked with these answers, with the outcomes of the conditions they are asked under."""

    code: ClassVar[str] = "not_asked"
    facts: tuple[str, ...]
    conditions: tuple[Outcome, ...]


@dataclass(frozen=True, slots=True)
class ReportedAs(Reason):
    """A number fact reported as a qualitative result: nothing to compare."""

    code: ClassVar[str] = "reported_as"
    fact: str
    result: str


# -- scores that decide nothing yet -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ScoreMissing(Reason):
    """A score still open: the facts it needs (`not_known`: those answered with what leaves them
    not known); for a point score compared with one threshold, the totals it can still reach."""

    code: ClassVar[str] = "score_missing"
    score: str
    facts: tuple[str, ...]
    not_known: Mapping[str, Any]
    bounds: tuple[int, int] | None = None
    op: str | None = None
    threshold: Decimal | None = None


@dataclass(frozen=True, slots=True)
class ScoreBounds(Reason):
    """A point score still open, decided by the totals it can still reach: against `op threshold`,
    or within `low`–`high` (a range; None for an open end)."""

    code: ClassVar[str] = "score_bounds"
    score: str
    bounds: tuple[int, int]
    missing: tuple[str, ...]
    not_known: Mapping[str, Any]
    op: str | None = None
    threshold: Decimal | None = None
    low: Decimal | None = None
    high: Decimal | None = None


@dataclass(frozen=True, slots=True)
class ScoreProblem(Reason):
    """A score that cannot be computed from these answers."""

    code: ClassVar[str] = "score_problem"
    score: str
    problem: Problem


# -- comparisons -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Threshold(Reason):
    code: ClassVar[str] = "threshold"
    operand: Operand
    op: str
    threshold: Decimal


@dataclass(frozen=True, slots=True)
class Range(Reason):
    code: ClassVar[str] = "range"
    operand: Operand
    min: Decimal
    max: Decimal


@dataclass(frozen=True, slots=True)
class LimitSettled(Reason):
    """A value that compares the same against every limit its cases can still give; `open_cases`
    the outcomes of the cases still undecided. `op` for a threshold, None for a range."""

    code: ClassVar[str] = "limit_settled"
    operand: Operand
    limits: tuple[Limit, ...]
    op: str | None = None
    open_cases: tuple[Outcome, ...] = ()


@dataclass(frozen=True, slots=True)
class LimitOpen(Reason):
    """A value whose comparison depends on which case's limit applies (`open_cases`); with no
    limit and no open case, no limit of the protocol applies to these answers."""

    code: ClassVar[str] = "limit_open"
    operand: Operand
    limits: tuple[Limit, ...]
    op: str | None = None
    open_cases: tuple[Outcome, ...] = ()


# -- ages and dates ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Pending(Reason):
    """Not known only because an anchor date is still to come (None: the screening date);
    `fact` and `date` the date that waits on it, when there is one."""

    code: ClassVar[str] = "pending"
    anchor: str | None
    fact: str | None = None
    date: Moment | None = None


@dataclass(frozen=True, slots=True)
class Age(Reason):
    """Age in completed years on `on` (the anchor's date, or the screening date)."""

    code: ClassVar[str] = "age"
    fact: str
    born: date
    min: int | None
    max: int | None
    anchor: str | None
    age: int
    on: date


@dataclass(frozen=True, slots=True)
class AgeEarly(Reason):
    """Age decided before its anchor is known: `age` on `on`, the earliest (`side` "after") or the
    latest ("before") date the anchor can take, or on every date from `on` to `until` ("between")."""

    code: ClassVar[str] = "age_early"
    fact: str
    born: date
    min: int | None
    max: int | None
    anchor: str | None
    age: int
    on: date
    side: str
    until: date | None = None


@dataclass(frozen=True, slots=True)
class Never(Reason):
    """A date answered "never" (no such event): no window around it, nothing before it."""

    code: ClassVar[str] = "date_window_never"
    fact: str | None


@dataclass(frozen=True, slots=True)
class DateWindow(Reason):
    """`date` against the window from `since` to `until`, `count` `unit` `side` the anchor's `on`."""

    code: ClassVar[str] = "date_window"
    fact: str
    date: Moment
    count: int
    unit: str
    side: str
    anchor: str | None
    since: Moment
    until: Moment
    on: Moment


@dataclass(frozen=True, slots=True)
class DateWindowEarly(Reason):
    """A window decided for every date an anchor not yet known can take (`earliest` to `latest`;
    None: unbounded on that side)."""

    code: ClassVar[str] = "date_window_early"
    fact: str
    date: Moment
    count: int
    unit: str
    side: str
    anchor: str | None
    earliest: Moment | None
    latest: Moment | None


@dataclass(frozen=True, slots=True)
class OnOrBefore(Reason):
    """`date` on or before `limit`: the anchor's `on`, or `by` (count, unit) before it."""

    code: ClassVar[str] = "on_or_before"
    fact: str
    date: Moment
    anchor: str | None
    by: Span | None
    on: Moment
    limit: Moment


@dataclass(frozen=True, slots=True)
class OnOrBeforeEarly(Reason):
    """Decided before the anchor is known: on or before its `earliest` date, or after its `latest`."""

    code: ClassVar[str] = "on_or_before_early"
    fact: str
    date: Moment
    anchor: str | None
    by: Span | None
    earliest: Moment | None = None
    latest: Moment | None = None


# -- answers -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Attestation(Reason):
    code: ClassVar[str] = "attestation"
    fact: str
    answer: str


@dataclass(frozen=True, slots=True)
class OneOf(Reason):
    code: ClassVar[str] = "one_of"
    fact: str
    answer: str
    values: tuple[str, ...]


# -- combinations (Kleene) ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AllOf(Reason):
    """Every part's outcome; `decided_by` indexes the part that settled it (one not met)."""

    code: ClassVar[str] = "all_of"
    children: tuple[Outcome, ...]
    decided_by: int | None = None


@dataclass(frozen=True, slots=True)
class AnyOf(Reason):
    """Every part's outcome; `decided_by` indexes the part that settled it (one met)."""

    code: ClassVar[str] = "any_of"
    children: tuple[Outcome, ...]
    decided_by: int | None = None


@dataclass(frozen=True, slots=True)
class AtLeast(Reason):
    code: ClassVar[str] = "at_least"
    count: int
    met: int
    of: int
    children: tuple[Outcome, ...]


@dataclass(frozen=True, slots=True)
class Not(Reason):
    code: ClassVar[str] = "not"
    part: Outcome


@dataclass(frozen=True, slots=True)
class IfThen(Reason):
    """The condition's outcome, and what must hold when it does (None: the condition is not met)."""

    code: ClassVar[str] = "if_then"
    condition: Outcome
    then: Outcome | None = None


@dataclass(frozen=True, slots=True)
class NotApplicable(Reason):
    """A criterion that applies only under a condition the subject does not meet."""

    code: ClassVar[str] = "not_applicable"
    condition: Outcome


@dataclass(frozen=True, slots=True)
class AppliesOpen(Reason):
    """Whether the criterion applies is not decided yet, and if it applies it would not pass."""

    code: ClassVar[str] = "applies_open"
    condition: Outcome
    part: Outcome


COMBINATIONS = (AllOf, AnyOf, AtLeast)
