"""The values a subject's facts take once checked against their definitions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal, Union

#: a date fact answered "never" (no intra-articular injection, no biological agent...).
NEVER = "none"
YesNo = Literal["yes", "no", "unknown"]


@dataclass(frozen=True, slots=True)
class Measurement:
    """A number as entered, with its unit, and the same value in the quantity's canonical unit."""

    value: Decimal
    unit: str
    canonical: Decimal


@dataclass(frozen=True, slots=True)
class JointExam:
    """Which joints were found tender and which swollen (ids from `trialdesk.domain.joints`)."""

    tender: frozenset[str]
    swollen: frozenset[str]

    @property
    def involved(self) -> frozenset[str]:
        return self.tender | self.swollen


@dataclass(frozen=True, slots=True)
class MedicationEntry:
    """One course of one drug at one dose: from `start` (or the last dose change) until `stop`."""

    drug: str
    dose: Decimal
    unit: str
    route: str
    start: date
    last_change: date | None = None
    stop: date | None = None

    @property
    def dose_since(self) -> date:
        """The day the current dose began."""
        return self.last_change or self.start

    def active_on(self, day: date) -> bool:
        return self.start <= day and (self.stop is None or self.stop >= day)


FactValue = Union[Measurement, int, date, str, JointExam, tuple[MedicationEntry, ...]]
