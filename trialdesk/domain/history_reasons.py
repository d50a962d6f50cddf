"""The reasons of the rules over a medication history (`history_rules`): one frozen class per
kind, and the lines of a history as they name them.

A drug is named as a line records it: `drug`, an id of the fact's vocabulary, or `other`, a
drug outside it as written (then in no class).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import ClassVar

from trialdesk.domain.reasons import Moment, Reason, Span


@dataclass(frozen=True, slots=True)
class Agent:
    """A drug as a reason names it."""

    drug: str | None = None
    other: str | None = None


@dataclass(frozen=True, slots=True)
class Scope:
    """What every reason over a history names: the fact, the drugs and classes the rule reads (none:
    every drug), its anchor (None: the screening date), and the other drugs, written as entered and
    in no class, that naming drugs or classes leaves out."""

    fact: str
    drugs: tuple[str, ...] = ()
    classes: tuple[str, ...] = ()
    anchor: str | None = None
    others: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DoseRange:
    """A dose range of a rule; None for an open end."""

    low: Decimal | None
    high: Decimal | None
    unit: str


@dataclass(frozen=True, slots=True)
class EquivalenceTable:
    """The equivalence table a total is counted with: its reference drug and unit, and its source."""

    id: str
    citation: str
    reference: str
    unit: str


# -- lines of a history, as the reasons name them ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class CheckedCourse:
    """A line taken on the day, checked: taken long enough since `start` (the unbroken treatment's
    first day), its dose unchanged since `dose_since` (None: whether it changed is not recorded),
    its dose within the range (None: in another unit)."""

    drug: str | None
    other: str | None
    dose: Decimal | None
    unit: str | None
    start: date
    dose_since: date
    taken_ok: bool
    stable_ok: bool | None
    dose_ok: bool | None


@dataclass(frozen=True, slots=True)
class DoseTotal:
    """A drug's doses on one day, added up; `other_unit` the unit of a line not comparable with the
    range (`ok` None: nothing known)."""

    drug: str | None
    other: str | None
    dose: Decimal
    unit: str
    other_unit: str | None
    ok: bool | None


@dataclass(frozen=True, slots=True)
class EquivalentLine:
    """A line counted in an equivalent total (`dose` None: not recorded on the day; `equivalent`
    None: the table does not convert it)."""

    drug: str | None
    dose: Decimal | None
    unit: str | None
    equivalent: Decimal | None
    other: str | None = None


@dataclass(frozen=True, slots=True)
class UncountedLine:
    """A line the equivalence table cannot convert: another drug, or a unit it has no dose in."""

    drug: str | None
    other: str | None
    unit: str | None


@dataclass(frozen=True, slots=True)
class UnrecordedLine:
    """A line taken at a dose the history does not give: from `start` until `dose_since`."""

    drug: str | None
    other: str | None
    start: date
    dose_since: date


@dataclass(frozen=True, slots=True)
class RouteLine:
    """A line of the rule's drugs by a route the rule does not read."""

    drug: str | None
    other: str | None
    route: str | None


@dataclass(frozen=True, slots=True)
class TotalChange:
    """The day the total changed, from `before` to `after` (`…_open`: more than that, with lines not converted)."""

    on: date
    before: Decimal
    before_open: bool
    after: Decimal
    after_open: bool


@dataclass(frozen=True, slots=True)
class TotalSpan:
    """Days from `start` to `end` whose total differs from today's."""

    start: date
    end: date
    total: Decimal
    open: bool


# -- the reasons ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TakenOn(Reason):
    """The drugs counted on the anchor's day `on` (`since`: the first day of the reach, `within`)."""

    code: ClassVar[str] = "medication_in_use"
    scope: Scope
    within: Span | None
    current: tuple[Agent, ...]
    on: date
    since: date | None


@dataclass(frozen=True, slots=True)
class EverUsed(TakenOn):
    code: ClassVar[str] = "medication_ever_used"


@dataclass(frozen=True, slots=True)
class LastDoseWithin(TakenOn):
    code: ClassVar[str] = "last_dose_within"


@dataclass(frozen=True, slots=True)
class TakenWhatever(Reason):
    """Decided before the anchor is known: the drugs counted on every date it can take (`earliest`
    to `latest`; None: unbounded)."""

    code: ClassVar[str] = "medication_in_use_early"
    scope: Scope
    within: Span | None
    current: tuple[Agent, ...]
    earliest: date | None
    latest: date | None


@dataclass(frozen=True, slots=True)
class EverUsedWhatever(TakenWhatever):
    code: ClassVar[str] = "medication_ever_used_early"


@dataclass(frozen=True, slots=True)
class LastDoseWhatever(TakenWhatever):
    code: ClassVar[str] = "last_dose_within_early"


@dataclass(frozen=True, slots=True)
class DistinctAgents(Reason):
    code: ClassVar[str] = "distinct_agents"
    scope: Scope
    op: str
    value: int
    within: Span | None
    agents: tuple[Agent, ...]
    on: date
    since: date | None


@dataclass(frozen=True, slots=True)
class DistinctAgentsWhatever(Reason):
    """Decided before the anchor is known: `low` agents surely, `high` at most, whatever its date."""

    code: ClassVar[str] = "distinct_agents_early"
    scope: Scope
    op: str
    value: int
    within: Span | None
    agents: tuple[Agent, ...]
    low: int
    high: int
    earliest: date | None
    latest: date | None


@dataclass(frozen=True, slots=True)
class NoCurrentTreatment(Reason):
    code: ClassVar[str] = "no_current_treatment"
    scope: Scope
    on: date


@dataclass(frozen=True, slots=True)
class CurrentTreatment(Reason):
    """The lines taken on `on`, each checked against how long (`taken_for`), how stable
    (`stable_for`) and at what dose the rule asks."""

    code: ClassVar[str] = "current_treatment"
    scope: Scope
    on: date
    courses: tuple[CheckedCourse, ...]
    taken_for: Span | None
    stable_for: Span | None
    taken_since: date | None
    stable_since: date | None
    dose: DoseRange | None


@dataclass(frozen=True, slots=True)
class MedicationDose(Reason):
    code: ClassVar[str] = "medication_dose"
    scope: Scope
    dose: DoseRange
    on: date
    doses: tuple[DoseTotal, ...]


@dataclass(frozen=True, slots=True)
class PrednisoneEquivalent(Reason):
    """The highest total equivalent dose on a day (`day`) of the window (`window` before the anchor;
    None: the anchor's day alone), against `op threshold`."""

    code: ClassVar[str] = "prednisone_equivalent"
    scope: Scope
    table: EquivalenceTable
    op: str
    threshold: Decimal
    window: Span | None
    total: Decimal
    day: date
    courses: tuple[EquivalentLine, ...]


@dataclass(frozen=True, slots=True)
class EquivalentDose(PrednisoneEquivalent):
    code: ClassVar[str] = "equivalent_dose"


@dataclass(frozen=True, slots=True)
class DoseUnrecorded(Reason):
    """A total not decided: a line was taken at a dose the history does not give."""

    code: ClassVar[str] = "dose_unrecorded"
    scope: Scope
    unrecorded: UnrecordedLine


@dataclass(frozen=True, slots=True)
class EquivalentUncounted(Reason):
    """A total not decided: lines the table cannot convert could add to it."""

    code: ClassVar[str] = "equivalent_uncounted"
    scope: Scope
    table: EquivalenceTable
    total: Decimal
    day: date
    uncounted: tuple[UncountedLine, ...]


@dataclass(frozen=True, slots=True)
class SteadyEquivalentDose(Reason):
    """The total equivalent dose on `on`, taken without a gap since `continuous_since` and unchanged
    since `unchanged_since`; what changed, what is not decided, and the lines not counted."""

    code: ClassVar[str] = "steady_equivalent_dose"
    scope: Scope
    table: EquivalenceTable
    taken_for: Span
    stable_for: Span
    on: date
    taken_since: date
    stable_since: date
    continuous_since: date
    unchanged_since: date
    taken_ok: bool
    steady: bool | None
    total: Decimal
    total_open: bool
    courses: tuple[EquivalentLine, ...]
    changes: tuple[TotalChange, ...]
    differs: TotalSpan | None
    undecided: Moment | None
    regimen_changes: tuple[date, ...]
    uncounted: tuple[UncountedLine, ...]
    unrecorded: UnrecordedLine | None
    by_route: tuple[RouteLine, ...]
