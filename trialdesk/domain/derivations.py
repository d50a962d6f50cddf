"""How a classification input was derived from what source documents record (`classification`):
one frozen class per kind, each with the points it can still give.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, ClassVar

from trialdesk.domain.reasons import Reason


@dataclass(frozen=True, slots=True)
class LabTest:
    """One laboratory test as a domain reads it. `state`: "value" (with its `uln`), "result" (a
    category as reported; `answer` "positive" when reported so, with no value), "not_known" (the
    `answer` that left it so), "missing", or "no_uln" (a value with no upper limit of normal)."""

    fact: str
    state: str
    answer: Any = None
    category: str | None = None
    value: Decimal | None = None
    unit: str = ""
    uln: Decimal | None = None


@dataclass(frozen=True, slots=True)
class Derivation(Reason):
    """The base of the derivations; each gives `points`, the lowest and highest it can still give."""


def _one_point(holds: bool | None) -> tuple[int, int]:
    return (int(bool(holds)),) * 2


@dataclass(frozen=True, slots=True)
class DerivedDuration(Derivation):
    """A duration entered as a number of a time quantity, against `limit` ("six_weeks", "one_hour")."""

    code: ClassVar[str] = "derived_duration"
    fact: str
    limit: str
    holds: bool
    value: Decimal
    unit: str

    @property
    def points(self) -> tuple[int, int]:
        return _one_point(self.holds)


@dataclass(frozen=True, slots=True)
class DerivedOnset(Derivation):
    """A duration from an onset date to `on`, `days` long, against `limit`."""

    code: ClassVar[str] = "derived_onset"
    fact: str
    limit: str
    holds: bool
    onset: date
    on: date
    days: int

    @property
    def points(self) -> tuple[int, int]:
        return _one_point(self.holds)


@dataclass(frozen=True, slots=True)
class DerivedJoints(Derivation):
    """The joints involved at the assessment a subject was classified on: marked one by one
    (`marked`), or counted from the notes."""

    code: ClassVar[str] = "derived_joints"
    fact: str
    on: date
    large: int
    small: int
    marked: bool
    points: tuple[int, int]


@dataclass(frozen=True, slots=True)
class JointsNotKnown(Derivation):
    """The joints involved answered with what leaves them not known ("not documented")."""

    code: ClassVar[str] = "derived_joints_not_known"
    fact: str
    answer: Any
    points: tuple[int, int]


@dataclass(frozen=True, slots=True)
class DerivedSerology(Derivation):
    """The serology domain: the highest category among the tests with a result (`no_result`: none has one)."""

    code: ClassVar[str] = "derived_serology"
    tests: tuple[LabTest, ...]
    category: str | None
    points: tuple[int, int]
    no_result: bool


@dataclass(frozen=True, slots=True)
class DerivedAcutePhase(Derivation):
    """The acute-phase domain: abnormal when either test is (None: not known yet)."""

    code: ClassVar[str] = "derived_acute_phase"
    tests: tuple[LabTest, ...]
    abnormal: bool | None
    points: tuple[int, int]
    no_result: bool


@dataclass(frozen=True, slots=True)
class DerivedAreas(Derivation):
    """The number of joint areas with arthritis against `min` of `of` (1987 criterion 2)."""

    code: ClassVar[str] = "derived_areas"
    fact: str
    value: int
    min: int
    of: int
    holds: bool

    @property
    def points(self) -> tuple[int, int]:
        return _one_point(self.holds)


@dataclass(frozen=True, slots=True)
class DerivedRheumatoidFactor(Derivation):
    """Rheumatoid factor from its test (1987 criterion 6); `holds` None while not known."""

    code: ClassVar[str] = "derived_rheumatoid_factor"
    test: LabTest
    holds: bool | None

    @property
    def points(self) -> tuple[int, int]:
        return _one_point(self.holds)
