"""Fact definitions: what a protocol asks about a subject, and how an answer is checked.

Each definition type parses a raw answer (as JSON or a form gives it) into a value
from `trialdesk.domain.values`, or raises `FactsInvalid` with structured problems.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, model_validator

from trialdesk.domain.errors import FactsInvalid, Problem
from trialdesk.domain.ids import NonEmpty, Slug
from trialdesk.domain.joints import JOINT_SETS
from trialdesk.domain.medications import DOSE_UNITS, DRUGS, ROUTES
from trialdesk.domain.units import QUANTITIES
from trialdesk.domain.values import NEVER, FactValue, JointExam, Measurement, MedicationEntry

FROZEN = ConfigDict(frozen=True, extra="forbid")
COURSE_FIELDS = ("drug", "dose", "unit", "route", "start", "last_change", "stop")


LanguageCode = Annotated[str, Field(pattern=r"^[a-z]{2,3}(_[A-Z]{2})?$")]


class FactText(BaseModel):
    """A fact's words in another language: the site's translation of the protocol's English."""

    model_config = FROZEN

    label: NonEmpty
    help: str = ""
    options: dict[str, NonEmpty] = {}


class _Fact(BaseModel):
    model_config = FROZEN

    id: Slug
    label: NonEmpty
    help: str = ""
    translations: dict[LanguageCode, FactText] = {}

    @model_validator(mode="after")
    def _translated_options_exist(self) -> _Fact:
        known = {o.id for o in getattr(self, "options", ())}
        for lang, text in self.translations.items():
            unknown = sorted(set(text.options) - known)
            if unknown:
                raise ValueError(f"translations.{lang}.options: {unknown} are not options of this fact")
        return self

    def problem(self, code: str, path: tuple[str | int, ...] = (), **params: Any) -> FactsInvalid:
        return FactsInvalid([Problem(code, self.id, params, path)])

    def parse(self, raw: Any, on: date) -> FactValue:  # pragma: no cover - every type overrides
        raise NotImplementedError


def to_decimal(raw: Any) -> Decimal | None:
    """A finite decimal from an int, float or numeric string; None for anything else."""
    if isinstance(raw, bool):
        return None
    if isinstance(raw, float):
        if not math.isfinite(raw):
            return None
        raw = repr(raw)
    if isinstance(raw, (int, str, Decimal)):
        try:
            value = Decimal(str(raw).strip())
        except InvalidOperation:
            return None
        return value if value.is_finite() else None
    return None


def to_date(raw: Any) -> date | None:
    """A real calendar date from an ISO `YYYY-MM-DD` string (or a date)."""
    if isinstance(raw, date):
        return raw
    if isinstance(raw, str) and len(raw) == 10:
        try:
            return date.fromisoformat(raw)
        except ValueError:
            return None
    return None


class Plausible(BaseModel):
    """The range a value can physiologically take, in the quantity's canonical unit."""

    model_config = FROZEN

    min: Decimal
    max: Decimal

    @model_validator(mode="after")
    def _ordered(self) -> Plausible:
        if self.min > self.max:
            raise ValueError("min must not exceed max")
        return self


class NumberFact(_Fact):
    """A measurement in one of a quantity's units, e.g. haemoglobin in g/L, g/dL or mmol/L."""

    type: Literal["number"]
    quantity: str
    units: tuple[str, ...] = Field(min_length=1)
    plausible: Plausible

    @model_validator(mode="after")
    def _known_units(self) -> NumberFact:
        if self.quantity not in QUANTITIES:
            raise ValueError(f"unknown quantity {self.quantity!r}; expected one of {sorted(QUANTITIES)}")
        known = QUANTITIES[self.quantity].units
        unknown = [u for u in self.units if u not in known]
        if unknown:
            raise ValueError(f"unknown unit(s) {unknown} for {self.quantity}; expected some of {list(known)}")
        return self

    @property
    def canonical_unit(self) -> str:
        return QUANTITIES[self.quantity].canonical

    def parse(self, raw: Any, on: date) -> Measurement:
        if isinstance(raw, Mapping):
            extra = set(raw) - {"value", "unit"}
            if extra:
                raise self.problem("unexpected_keys", keys=sorted(extra), expected=["value", "unit"])
            unit = raw.get("unit")
            raw = raw.get("value")
        elif len(self.units) == 1:
            unit = self.units[0]
        else:
            raise self.problem("unit_required", units=list(self.units))
        value = to_decimal(raw)
        if value is None:
            raise self.problem("not_a_number", value=raw)
        if unit not in self.units:
            raise self.problem("unknown_unit", unit=unit, units=list(self.units))
        canonical = QUANTITIES[self.quantity].to_canonical(value, unit)
        low, high = self.plausible.min, self.plausible.max
        if not low <= canonical <= high:
            quantity = QUANTITIES[self.quantity]
            raise self.problem(
                "implausible",
                value=value,
                unit=unit,
                min=quantity.convert(low, self.canonical_unit, unit).normalize(),
                max=quantity.convert(high, self.canonical_unit, unit).normalize(),
            )
        return Measurement(value, unit, canonical)


class CountFact(_Fact):
    """A whole number within bounds, e.g. a joint count or a number of prior therapies."""

    type: Literal["count"]
    minimum: int = 0
    maximum: int

    def parse(self, raw: Any, on: date) -> int:
        value = to_decimal(raw)
        if value is None:
            raise self.problem("not_a_number", value=raw)
        if value != value.to_integral_value():
            raise self.problem("not_whole", value=raw)
        if not self.minimum <= value <= self.maximum:
            raise self.problem("out_of_range", value=int(value), min=self.minimum, max=self.maximum)
        return int(value)


class DateFact(_Fact):
    """A calendar date; `allow_never` accepts "none" for an event that never happened."""

    type: Literal["date"]
    allow_never: bool = False
    not_after_screening: bool = True

    def parse(self, raw: Any, on: date) -> date | str:
        if self.allow_never and raw == NEVER:
            return NEVER
        value = to_date(raw)
        if value is None:
            raise self.problem("invalid_date", value=raw, never_allowed=self.allow_never)
        if self.not_after_screening and value > on:
            raise self.problem("after_screening", value=value, screening_date=on)
        return value


class YesNoFact(_Fact):
    """A yes / no / not known answer, typically an investigator's attestation."""

    type: Literal["yes_no"]

    def parse(self, raw: Any, on: date) -> str:
        if raw is True or raw is False:
            return "yes" if raw else "no"
        if raw in ("yes", "no", "unknown"):
            return raw
        raise self.problem("not_yes_no", value=raw)


class Option(BaseModel):
    model_config = FROZEN

    id: Slug
    label: NonEmpty


class ChoiceFact(_Fact):
    """One option from a closed list, e.g. a serology result."""

    type: Literal["choice"]
    options: tuple[Option, ...] = Field(min_length=2)

    @model_validator(mode="after")
    def _unique(self) -> ChoiceFact:
        ids = [o.id for o in self.options]
        if len(set(ids)) != len(ids):
            raise ValueError(f"option ids must be unique, got {ids}")
        return self

    @property
    def option_ids(self) -> tuple[str, ...]:
        return tuple(o.id for o in self.options)

    def parse(self, raw: Any, on: date) -> str:
        if raw not in self.option_ids:
            raise self.problem("unknown_option", value=raw, options=list(self.option_ids))
        return raw


class MedicationFact(_Fact):
    """A medication history: courses of the listed drugs with dose, route and dates."""

    type: Literal["medications"]
    drugs: tuple[str, ...] = Field(min_length=1)
    routes: tuple[str, ...] = Field(min_length=1)
    dose_units: tuple[str, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _known(self) -> MedicationFact:
        for name, given, known in (
            ("drugs", self.drugs, DRUGS),
            ("routes", self.routes, ROUTES),
            ("dose_units", self.dose_units, DOSE_UNITS),
        ):
            unknown = [x for x in given if x not in known]
            if unknown:
                raise ValueError(f"unknown {name} {unknown}; expected some of {sorted(known)}")
        return self

    def parse(self, raw: Any, on: date) -> tuple[MedicationEntry, ...]:
        if not isinstance(raw, list):
            raise self.problem("not_a_list", value=raw)
        problems: list[Problem] = []
        entries = []
        for index, item in enumerate(raw):
            try:
                entries.append(self._entry(index, item, on))
            except FactsInvalid as invalid:
                problems.extend(invalid.problems)
        if problems:
            raise FactsInvalid(problems)
        return tuple(entries)

    def _entry(self, index: int, item: Any, on: date) -> MedicationEntry:
        if not isinstance(item, Mapping):
            raise self.problem("not_an_entry", (index,), value=item)
        extra = set(item) - set(COURSE_FIELDS)
        if extra:
            raise self.problem("unexpected_keys", (index,), keys=sorted(extra), expected=list(COURSE_FIELDS))
        problems: list[Problem] = []

        def bad(field: str, code: str, **params: Any) -> None:
            problems.append(Problem(code, self.id, params, (index, field)))

        for field, allowed in (("drug", self.drugs), ("route", self.routes), ("unit", self.dose_units)):
            if item.get(field) not in allowed:
                bad(field, "unknown_option", value=item.get(field), options=list(allowed))
        dose = to_decimal(item.get("dose"))
        if dose is None or dose <= 0:
            bad("dose", "dose_not_positive", value=item.get("dose"))
        dates: dict[str, date | None] = {}
        for field in ("start", "last_change", "stop"):
            raw = item.get(field)
            if raw is None and field != "start":
                dates[field] = None
                continue
            dates[field] = to_date(raw)
            if dates[field] is None:
                bad(field, "invalid_date", value=raw, never_allowed=False)
        start, change, stop = dates.get("start"), dates.get("last_change"), dates.get("stop")
        for field, day in (("start", start), ("last_change", change)):
            if day and day > on:
                bad(field, "after_screening", value=day, screening_date=on)
        if start and change and change < start:
            bad("last_change", "before_start", value=change, start=start)
        if start and stop and stop < start:
            bad("stop", "before_start", value=stop, start=start)
        if change and stop and change > stop:
            bad("last_change", "after_stop", value=change, stop=stop)
        if problems:
            raise FactsInvalid(problems)
        return MedicationEntry(
            drug=item["drug"],
            dose=dose,
            unit=item["unit"],
            route=item["route"],
            start=start,
            last_change=change,
            stop=stop,
        )


class JointsFact(_Fact):
    """A joint examination: each joint of the set marked tender and/or swollen."""

    type: Literal["joints"]
    joint_set: Literal["das28", "extended"] = "das28"

    def parse(self, raw: Any, on: date) -> JointExam:
        if not isinstance(raw, Mapping) or set(raw) - {"tender", "swollen"}:
            raise self.problem("not_a_joint_exam", value=raw)
        known = JOINT_SETS[self.joint_set]
        found: dict[str, frozenset[str]] = {}
        for part in ("tender", "swollen"):
            listed = raw.get(part, [])
            if not isinstance(listed, list) or not all(isinstance(j, str) for j in listed):
                raise self.problem("not_a_joint_exam", (part,), value=listed)
            unknown = [j for j in listed if j not in known]
            if unknown:
                raise self.problem("unknown_joint", (part,), joints=unknown)
            found[part] = frozenset(listed)
        return JointExam(found["tender"], found["swollen"])


FactDefinition = Annotated[
    Union[NumberFact, CountFact, DateFact, YesNoFact, ChoiceFact, MedicationFact, JointsFact],
    Field(discriminator="type"),
]
