"""Fact definitions: what a protocol asks about a subject, and how an answer is checked.

Each definition type parses a raw answer (as JSON or a form gives it) into a value
from `trialdesk.domain.values`, or raises `FactsInvalid` with structured problems, and
gives back the one normal stored form of a value (`to_answer`).

Two input modes: a facts file's answers (`typed=False`) hold numbers as JSON numbers only,
a string "48" is refused; what a person typed (`typed=True`: the window, `screening set`,
answers stored as text) may also hold numbers as text in one form (`values.TYPED_NUMBER`).
Either way, for any raw `r` a fact accepts, ``parse(to_answer(parse(r))) == parse(r)``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, model_validator

from trialdesk.domain import rules as r
from trialdesk.domain.errors import FactsInvalid, Problem
from trialdesk.domain.ids import NonEmpty, Slug
from trialdesk.domain.joints import JOINT_SETS
from trialdesk.domain.medications import LIBRARY, Vocabulary, other_name
from trialdesk.domain.units import QUANTITIES, Quantity
from trialdesk.domain.values import (
    MAX_TYPED_TEXT,
    NEVER,
    NOT_DOCUMENTED,
    TYPED_NUMBER,
    FactValue,
    JointExam,
    JointInvolvement,
    Measurement,
    MedicationEntry,
    Unreadable,
    json_number,
    read_date,
    read_datetime,
    read_number,
    shown,
)

FROZEN = ConfigDict(frozen=True, extra="forbid")
#: the fields of one line of a medication history; a fact asks those it uses (`MedicationFact.fields`).
COURSE_FIELDS = ("drug", "other", "dose", "unit", "route", "start", "last_change", "stop")
MAX_COURSES = 100  # courses in one medication history (evaluation is quadratic in them)
MAX_DOSE_UNIT = 64  # characters of a dose unit a protocol declares (mg/m², mg/kg/day, cycles)
MAX_NAMED = 100  # drugs, classes, routes or dose units one medication fact names


#: a language as translations name it: zh_CN, en, fil.
LANGUAGE_CODE = r"^[a-z]{2,3}(_[A-Z]{2})?$"
LanguageCode = Annotated[str, Field(pattern=LANGUAGE_CODE)]


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
    #: asked only when this rule is not "not met" (pregnancy of women): else an answer is refused,
    #: and rules reading the fact see it as not asked (`evaluation.not_asked`).
    asked_if: r.Rule | None = None

    @model_validator(mode="after")
    def _translated_options_exist(self) -> _Fact:
        known = {o.id for o in (*getattr(self, "options", ()), *getattr(self, "results", ()))}
        for lang, text in self.translations.items():
            unknown = sorted(set(text.options) - known)
            if unknown:
                raise ValueError(f"translations.{lang}.options: {unknown} are not options of this fact")
        return self

    def problem(self, code: str, path: tuple[str | int, ...] = (), **params: Any) -> FactsInvalid:
        return FactsInvalid([Problem(code, self.id, params, path)])

    def unreadable(self, error: Unreadable, path: tuple[str | int, ...] = ()) -> FactsInvalid:
        return self.problem(error.code, path, **error.params)

    def parse(self, raw: Any, on: date, *, typed: bool = False) -> FactValue:  # pragma: no cover
        raise NotImplementedError

    def to_answer(self, value: Any) -> Any:  # pragma: no cover - every type overrides
        """The one normal stored (JSON) form of a value this fact parsed."""
        raise NotImplementedError


def to_decimal(raw: Any, *, typed: bool = False) -> Decimal | None:
    """A bounded decimal (see `values.read_number`); None for anything it refuses."""
    try:
        return read_number(raw, typed=typed)
    except Unreadable:
        return None


def to_date(raw: Any) -> date | None:
    """A real calendar date from exactly ``YYYY-MM-DD`` (or a date), within 1900–2199; else None."""
    try:
        return read_date(raw)
    except Unreadable:
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


class Option(BaseModel):
    """One answer of a choice; `unknown` marks an answer that leaves the result not known
    (indeterminate, not done): rules reading the fact stay undecided and say which it was."""

    model_config = FROZEN

    id: Slug
    label: NonEmpty
    unknown: bool = False


class NumberFact(_Fact):
    """A measurement in one of a quantity's units, e.g. haemoglobin in g/L, g/dL or mmol/L.

    The quantity is the program's (`units.QUANTITIES`) or one the protocol declares; the
    protocol checks that it and the units exist. With `uln`, the answer also carries the
    laboratory's upper limit of normal printed with the result, in the result's unit, so that
    a value and its ULN always come from the same report. With `results`, a report that gives a
    qualitative result instead of a value (negative, high positive, not done) is answered with
    that result's id: the parsed value is then that id (a str), which no comparison can read. A value outside `usual` (inside
    `plausible`, in the canonical unit too) is possible but unusual: it is kept only when the
    person confirms it (`unusual`). With `uln`, `uln_usual` is the range a laboratory's upper
    limit of normal usually takes (canonical unit): a ULN outside it is confirmed the same way, so
    that a mistyped ULN cannot quietly move a result across a category.
    """

    type: Literal["number"]
    quantity: str
    units: tuple[str, ...] = Field(min_length=1)
    plausible: Plausible
    usual: Plausible | None = None
    uln: bool = False
    uln_usual: Plausible | None = None
    results: tuple[Option, ...] = Field(default=(), max_length=20)

    @model_validator(mode="after")
    def _results_unique(self) -> NumberFact:
        ids = [o.id for o in self.results]
        if len(set(ids)) != len(ids):
            raise ValueError(f"result ids must be unique, got {ids}")
        return self

    @property
    def result_ids(self) -> tuple[str, ...]:
        return tuple(o.id for o in self.results)

    @property
    def unknown_ids(self) -> frozenset[str]:
        """The results that leave the value not known (not done, indeterminate)."""
        return frozenset(o.id for o in self.results if o.unknown)

    @model_validator(mode="after")
    def _usual_inside_plausible(self) -> NumberFact:
        usual, plausible = self.usual, self.plausible
        if usual is not None and not plausible.min <= usual.min <= usual.max <= plausible.max:
            raise ValueError(f"usual ({usual.min}–{usual.max}) must lie inside plausible ({plausible.min}–{plausible.max})")
        if self.uln_usual is not None and not self.uln:
            raise ValueError("uln_usual needs uln: true (the answer carries no ULN otherwise)")
        return self

    def unusual(self, value: Any, quantity: Quantity | None = None) -> Problem | None:
        """The warning for a measurement outside `usual`, or a ULN outside `uln_usual`, the range in the
        unit entered; None otherwise."""
        if not isinstance(value, Measurement):
            return None
        measure = self.quantity_of(quantity)

        def outside(amount: Decimal, usual: Plausible | None) -> dict[str, Any] | None:
            canonical = measure.to_canonical(amount, value.unit)
            if usual is None or usual.min <= canonical <= usual.max:
                return None
            low, high = (measure.convert(end, measure.canonical, value.unit).normalize() for end in (usual.min, usual.max))
            return {"value": amount, "unit": value.unit, "min": low, "max": high}

        found = outside(value.value, self.usual)
        if found is not None:
            return Problem("unusual", self.id, found)
        found = None if value.uln is None else outside(value.uln, self.uln_usual)
        return None if found is None else Problem("unusual_uln", self.id, found, ("uln",))

    def quantity_of(self, quantity: Quantity | None = None) -> Quantity:
        return quantity if quantity is not None else QUANTITIES[self.quantity]

    @property
    def canonical_unit(self) -> str:
        """The canonical unit of a program quantity (a protocol's own: `Protocol.quantity`)."""
        return QUANTITIES[self.quantity].canonical if self.quantity in QUANTITIES else ""

    def parse(self, raw: Any, on: date, *, typed: bool = False, quantity: Quantity | None = None) -> Measurement | str:
        if self.results and isinstance(raw, str):
            if raw in self.result_ids:
                return raw
            if len(raw) > MAX_TYPED_TEXT or not TYPED_NUMBER.fullmatch(raw.strip()):
                raise self.problem("not_value_or_result", value=shown(raw), results=list(self.result_ids))
        measure = self.quantity_of(quantity)
        keys = ["value", "unit", "uln"] if self.uln else ["value", "unit"]
        uln_raw = None
        if isinstance(raw, Mapping):
            extra = set(raw) - set(keys)
            if extra:
                raise self.problem("unexpected_keys", keys=_keys(extra), expected=keys)
            unit = raw.get("unit")
            uln_raw = raw.get("uln")
            raw = raw.get("value")
        else:
            unit = self.units[0] if len(self.units) == 1 else None
        try:
            value = read_number(raw, typed=typed)
        except Unreadable as error:
            raise self.unreadable(error) from None
        if unit is None:
            raise self.problem("unit_required", units=list(self.units))
        if not isinstance(unit, str) or unit not in self.units:
            raise self.problem("unknown_unit", unit=shown(unit), units=list(self.units))
        canonical = measure.to_canonical(value, unit)
        self._plausible(measure, value, canonical, unit, ())
        uln = None
        if self.uln:
            if uln_raw is None:
                raise self.problem("uln_required", ("uln",), unit=unit)
            try:
                uln = read_number(uln_raw, typed=typed)
            except Unreadable as error:
                raise self.unreadable(error, ("uln",)) from None
            if uln <= 0:
                raise self.problem("uln_not_positive", ("uln",), value=uln, unit=unit)
            self._plausible(measure, uln, measure.to_canonical(uln, unit), unit, ("uln",))
        return Measurement(value, unit, canonical, uln)

    def _plausible(self, measure: Quantity, value: Decimal, canonical: Decimal, unit: str, path: tuple) -> None:
        low, high = self.plausible.min, self.plausible.max
        if not low <= canonical <= high:
            raise self.problem(
                "implausible",
                path,
                value=value,
                unit=unit,
                min=measure.convert(low, measure.canonical, unit).normalize(),
                max=measure.convert(high, measure.canonical, unit).normalize(),
            )

    def to_answer(self, value: Measurement | str) -> dict[str, Any] | str:
        if isinstance(value, str):  # a qualitative result, by its id
            return value
        answer = {"value": json_number(value.value), "unit": value.unit}
        if value.uln is not None:
            answer["uln"] = json_number(value.uln)
        return answer


class CountFact(_Fact):
    """A whole number within bounds, e.g. a joint count or a number of prior therapies."""

    type: Literal["count"]
    minimum: int = 0
    maximum: int

    def parse(self, raw: Any, on: date, *, typed: bool = False) -> int:
        try:
            value = read_number(raw, typed=typed)
        except Unreadable as error:
            raise self.unreadable(error) from None
        if value != value.to_integral_value():
            raise self.problem("not_whole", value=shown(raw))
        if not self.minimum <= value <= self.maximum:
            raise self.problem("out_of_range", value=int(value), min=self.minimum, max=self.maximum)
        return int(value)

    def to_answer(self, value: int) -> int:
        return int(value)


class DateFact(_Fact):
    """A calendar date; `allow_never` accepts "none" for an event that never happened.

    A date the screening looks forward to (randomisation, first dose) is declared
    `on_or_after_screening`: it may lie after the screening date and never before it, and a
    window anchored on it is decided early when every date it can still take settles it.
    """

    type: Literal["date"]
    allow_never: bool = False
    not_after_screening: bool = True
    on_or_after_screening: bool = False

    @model_validator(mode="before")
    @classmethod
    def _one_direction(cls, data: Any) -> Any:
        """A date on or after screening may be after it: `not_after_screening` defaults to false then."""
        if isinstance(data, Mapping) and data.get("on_or_after_screening") is True and "not_after_screening" not in data:
            return {**data, "not_after_screening": False}
        return data

    @model_validator(mode="after")
    def _not_both(self) -> DateFact:
        if self.on_or_after_screening and self.not_after_screening:
            raise ValueError("a date on or after the screening date cannot also be not after it")
        return self

    def parse(self, raw: Any, on: date, *, typed: bool = False) -> date | str:
        if self.allow_never and raw == NEVER:
            return NEVER
        try:
            value = read_date(raw)
        except Unreadable as error:
            raise self.problem(error.code, never_allowed=self.allow_never, **error.params) from None
        if self.not_after_screening and value > on:
            raise self.problem("after_screening", value=value, screening_date=on)
        if self.on_or_after_screening and value < on:
            raise self.problem("before_screening", value=value, screening_date=on)
        return value

    def to_answer(self, value: date | str) -> str:
        return NEVER if value == NEVER else value.isoformat()


class DateTimeFact(DateFact):
    """A date and time of day (``YYYY-MM-DDTHH:MM``, the site's local time), for windows in hours."""

    type: Literal["datetime"]  # type: ignore[assignment]

    def parse(self, raw: Any, on: date, *, typed: bool = False) -> datetime | str:
        if self.allow_never and raw == NEVER:
            return NEVER
        try:
            value = read_datetime(raw)
        except Unreadable as error:
            raise self.problem(error.code, never_allowed=self.allow_never, **error.params) from None
        if self.not_after_screening and value.date() > on:
            raise self.problem("after_screening", value=value.date(), screening_date=on)
        if self.on_or_after_screening and value.date() < on:
            raise self.problem("before_screening", value=value.date(), screening_date=on)
        return value

    def to_answer(self, value: datetime | str) -> str:
        return NEVER if value == NEVER else value.strftime("%Y-%m-%dT%H:%M")


class YesNoFact(_Fact):
    """A yes / no / not known answer, typically an investigator's attestation."""

    type: Literal["yes_no"]

    def parse(self, raw: Any, on: date, *, typed: bool = False) -> str:
        if raw is True or raw is False:
            return "yes" if raw else "no"
        if isinstance(raw, str) and raw in ("yes", "no", "unknown"):
            return raw
        raise self.problem("not_yes_no", value=shown(raw))

    def to_answer(self, value: str) -> str:
        return value


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

    @property
    def unknown_ids(self) -> frozenset[str]:
        """The options that leave the result not known."""
        return frozenset(o.id for o in self.options if o.unknown)

    def parse(self, raw: Any, on: date, *, typed: bool = False) -> str:
        if not isinstance(raw, str) or raw not in self.option_ids:
            raise self.problem("unknown_option", value=shown(raw), options=list(self.option_ids))
        return raw

    def to_answer(self, value: str) -> str:
        return value


class MedicationFact(_Fact):
    """A medication history: one line per drug at one constant dose, as source records give it
    (start and stop; dose, unit and route where the protocol reads them).

    The drugs a line may name are `drugs` and the members of `classes`: ids of the program's
    library or of the protocol's own `drugs:` and `drug_classes:`. The protocol checks them and
    binds its vocabulary to the fact (`bind`); a line may name a drug by any of its names and is
    kept under its id. With `allow_other`, a line may give instead another drug's name in
    `other`: kept as written, and counted in no class. With `dose_required: false` a line may
    leave out dose, unit and route, and no rule may read them. With `one_line_per_dose` a line
    has no last dose change: a new dose is a new line, the old one stopped the day before.
    """

    type: Literal["medications"]
    drugs: tuple[Slug, ...] = Field(default=(), max_length=MAX_NAMED)
    classes: tuple[Slug, ...] = Field(default=(), max_length=MAX_NAMED)
    allow_other: bool = False
    routes: tuple[Slug, ...] = Field(default=(), max_length=MAX_NAMED)
    dose_units: tuple[Annotated[str, Field(min_length=1, max_length=MAX_DOSE_UNIT)], ...] = Field(default=(), max_length=MAX_NAMED)
    dose_required: bool = True
    one_line_per_dose: bool = False
    _vocabulary: Vocabulary | None = None
    _offered: frozenset[str] | None = None

    @model_validator(mode="after")
    def _asks_something(self) -> MedicationFact:
        if not (self.drugs or self.classes or self.allow_other):
            raise ValueError("give the drugs a line may name ('drugs', 'classes'), or 'allow_other: true'")
        for name in ("drugs", "classes", "routes", "dose_units"):
            listed = getattr(self, name)
            if len(set(listed)) != len(listed):
                raise ValueError(f"{name} must not repeat an entry, got {list(listed)}")
        if self.dose_required and not (self.dose_units and self.routes):
            raise ValueError("a history with doses needs 'dose_units' and 'routes' (or 'dose_required: false')")
        return self

    def bind(self, vocabulary: Vocabulary) -> None:
        """Read lines with the protocol's vocabulary: called once, as the protocol is checked."""
        self._vocabulary = vocabulary
        self._offered = frozenset(vocabulary.expand(self.drugs, self.classes))

    @property
    def vocabulary(self) -> Vocabulary:
        """The protocol's vocabulary (the program's library for a fact read on its own)."""
        return LIBRARY if self._vocabulary is None else self._vocabulary

    @property
    def offered(self) -> tuple[str, ...]:
        """The drug ids a line may name: `drugs`, then the members of `classes`, each once."""
        return self.vocabulary.expand(self.drugs, self.classes)

    @property
    def fields(self) -> tuple[str, ...]:
        """The fields of a line this fact asks (in `COURSE_FIELDS` order)."""
        used = {"drug", "start", "stop"}
        used |= {"other"} if self.allow_other else set()
        used |= {"dose", "unit"} if self.dose_units else set()
        used |= {"last_change"} if self.dose_units and not self.one_line_per_dose else set()
        used |= {"route"} if self.routes else set()
        return tuple(f for f in COURSE_FIELDS if f in used)

    def parse(self, raw: Any, on: date, *, typed: bool = False) -> tuple[MedicationEntry, ...]:
        if not isinstance(raw, list):
            raise self.problem("not_a_list", value=shown(raw))
        if len(raw) > MAX_COURSES:
            raise self.problem("too_many_courses", count=len(raw), limit=MAX_COURSES)
        problems: list[Problem] = []
        entries = []
        for index, item in enumerate(raw):
            try:
                entries.append(self._entry(index, item, on, typed))
            except FactsInvalid as invalid:
                problems.extend(invalid.problems)
        if problems:
            raise FactsInvalid(problems)
        return tuple(entries)

    def to_answer(self, value: tuple[MedicationEntry, ...]) -> list[dict[str, Any]]:
        def day(d: date | None) -> str | None:
            return None if d is None else d.isoformat()

        fields = self.fields
        answers = []
        for e in value:
            answer = {"drug": e.drug} if e.other is None else {"other": e.other}
            answer.update(dose=None if e.dose is None else json_number(e.dose), unit=e.unit, route=e.route,
                          start=day(e.start), last_change=day(e.last_change), stop=day(e.stop))
            answers.append({k: v for k, v in answer.items() if k in fields})
        return answers

    def _entry(self, index: int, item: Any, on: date, typed: bool) -> MedicationEntry:
        if not isinstance(item, Mapping):
            raise self.problem("not_an_entry", (index,), value=shown(item))
        extra = set(item) - set(self.fields)
        if extra:
            raise self.problem("unexpected_keys", (index,), keys=_keys(extra), expected=list(self.fields))
        problems: list[Problem] = []

        def bad(field: str, code: str, **params: Any) -> None:
            problems.append(Problem(code, self.id, params, (index, field)))

        drug, other = self._drug(item, bad)
        unit, route = self._choice(item, "unit", self.dose_units, bad), self._choice(item, "route", self.routes, bad)
        dose = None
        try:
            dose = None if item.get("dose") is None else read_number(item["dose"], typed=typed)
        except Unreadable as error:
            bad("dose", error.code, **error.params)
        else:
            if (dose is None and self.dose_required) or (dose is not None and dose <= 0):
                bad("dose", "dose_not_positive", value=shown(item.get("dose")))
            elif dose is not None and item.get("unit") is None and not self.dose_required:  # a dose needs its unit
                bad("unit", "unknown_option", value=None, options=list(self.dose_units))
        dates: dict[str, date | None] = {}
        for field in ("start", "last_change", "stop"):
            raw = item.get(field)
            if raw is None and field != "start":
                dates[field] = None
                continue
            try:
                dates[field] = read_date(raw)
            except Unreadable as error:
                dates[field] = None
                bad(field, error.code, never_allowed=False, **error.params)
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
        return MedicationEntry(drug=drug, dose=dose, unit=unit, route=route, start=start, last_change=change,
                               stop=stop, other=other)

    def _drug(self, item: Mapping, bad: Any) -> tuple[str | None, str | None]:
        """(drug id, None) for a drug of the list, named by any of its names; (None, name as written)
        for another drug."""
        raw, other = item.get("drug"), item.get("other")
        offered = self._offered if self._offered is not None else frozenset(self.offered)
        if other is not None:
            if raw is not None:
                bad("other", "drug_and_other", value=shown(other))
                return None, None
            try:
                text = other_name(other)
            except Unreadable as error:
                bad("other", error.code, **error.params)
                return None, None
            listed = self.vocabulary.find(text)
            if listed is not None and listed not in offered:  # a known drug this history does not take
                bad("other", "drug_of_another_history", value=text, drug=listed)
                return None, None
            return (listed, None) if listed in offered else (None, text)  # a drug of the list is kept as that drug
        found = self.vocabulary.find(raw) if isinstance(raw, str) else None
        if found is None or found not in offered:
            bad("drug", "unknown_option", value=shown(raw), options=_keys(list(self.offered)))
            return None, None
        return found, None

    def _choice(self, item: Mapping, field: str, allowed: tuple[str, ...], bad: Any) -> str | None:
        value = item.get(field)
        if value is None and not self.dose_required:
            return None
        if not isinstance(value, str) or value not in allowed:
            bad(field, "unknown_option", value=shown(value), options=list(allowed))
            return None
        return value


class JointsFact(_Fact):
    """A joint examination: each joint of the set marked tender and/or swollen."""

    type: Literal["joints"]
    joint_set: Literal["das28", "extended"] = "das28"

    def parse(self, raw: Any, on: date, *, typed: bool = False) -> JointExam:
        if not isinstance(raw, Mapping) or set(raw) - {"tender", "swollen"}:
            raise self.problem("not_a_joint_exam", value=shown(raw))
        known = JOINT_SETS[self.joint_set]
        found: dict[str, frozenset[str]] = {}
        for part in ("tender", "swollen"):
            listed = raw.get(part, [])
            if not isinstance(listed, list) or not all(isinstance(j, str) for j in listed):
                raise self.problem("not_a_joint_exam", (part,), value=shown(listed))
            unknown = [j for j in listed if j not in known]
            if unknown:
                raise self.problem("unknown_joint", (part,), joints=_keys(unknown))
            found[part] = frozenset(listed)
        return JointExam(found["tender"], found["swollen"])

    def to_answer(self, value: JointExam) -> dict[str, list[str]]:
        order = JOINT_SETS[self.joint_set]  # the examination form's order, as the worksheet lists them
        return {part: [j for j in order if j in found] for part, found in
                (("tender", value.tender), ("swollen", value.swollen))}


#: the keys of an involved-joints answer: the joints marked, or the numbers of large and small joints.
_INVOLVED_SHAPES = (frozenset({"date", "joints"}), frozenset({"date", "large", "small"}))


class InvolvedJointsFact(_Fact):
    """The joints involved (swollen or tender) at one assessment, on that assessment's date: the
    findings a subject was classified on, often years before today's examination.

    Answered ``{"date": "YYYY-MM-DD", "joints": [ids of the set]}`` when the joints are marked,
    ``{"date": "YYYY-MM-DD", "large": n, "small": m}`` when the notes give only the numbers, or
    ``"not_documented"`` (where `allow_not_documented`). `copy_from` names a `joints` fact of the
    protocol whose involved joints (tender or swollen, within this set) the window offers to copy.
    """

    type: Literal["involved_joints"]
    joint_set: Literal["das28", "extended"] = "extended"
    copy_from: Slug | None = None
    allow_not_documented: bool = True

    def maximum(self, size: str) -> int:
        """How many joints of `size` ("large" or "small") the set holds."""
        return sum(1 for found in JOINT_SETS[self.joint_set].values() if found == size)

    def parse(self, raw: Any, on: date, *, typed: bool = False) -> JointInvolvement | str:
        if isinstance(raw, str) and raw == NOT_DOCUMENTED and self.allow_not_documented:
            return NOT_DOCUMENTED
        keys = frozenset(raw) if isinstance(raw, Mapping) else None
        if keys is None or not any(keys == shape or keys == shape - {"date"} for shape in _INVOLVED_SHAPES):
            raise self.problem("not_involved_joints", value=shown(raw), not_documented=self.allow_not_documented)
        if "date" not in keys:
            raise self.problem("assessment_date_required", ("date",))
        try:
            day = read_date(raw["date"])
        except Unreadable as error:
            raise self.problem(error.code, ("date",), never_allowed=False, **error.params) from None
        if day > on:
            raise self.problem("after_screening", ("date",), value=day, screening_date=on)
        if "joints" in keys:
            listed = raw["joints"]
            if not isinstance(listed, list) or not all(isinstance(j, str) for j in listed):
                raise self.problem("not_involved_joints", ("joints",), value=shown(listed),
                                   not_documented=self.allow_not_documented)
            known = JOINT_SETS[self.joint_set]
            unknown = [j for j in listed if j not in known]
            if unknown:
                raise self.problem("unknown_joint", ("joints",), joints=_keys(unknown))
            return JointInvolvement(day, joints=frozenset(listed))
        counts = {}
        for size in ("large", "small"):
            try:
                value = read_number(raw[size], typed=typed)
            except Unreadable as error:
                raise self.unreadable(error, (size,)) from None
            if value != value.to_integral_value():
                raise self.problem("not_whole", (size,), value=shown(raw[size]))
            if not 0 <= value <= self.maximum(size):
                raise self.problem("out_of_range", (size,), value=int(value), min=0, max=self.maximum(size))
            counts[size] = int(value)
        return JointInvolvement(day, large=counts["large"], small=counts["small"])

    def to_answer(self, value: JointInvolvement | str) -> dict[str, Any] | str:
        if isinstance(value, str):
            return NOT_DOCUMENTED
        if value.joints is None:
            return {"date": value.on.isoformat(), "large": int(value.large or 0), "small": int(value.small or 0)}
        order = JOINT_SETS[self.joint_set]
        return {"date": value.on.isoformat(), "joints": [j for j in order if j in value.joints]}


def _keys(names: Any, limit: int = 10) -> list[Any]:
    """Names a message lists (unexpected keys, unknown joints): the first few, each cut short."""
    listed: list[Any] = []
    for name in names if isinstance(names, list) else sorted(names, key=str):
        name = shown(name)
        if name not in listed:
            if len(listed) == limit:
                return [*listed, "…"]
            listed.append(name)
    return listed


FactDefinition = Annotated[
    Union[NumberFact, CountFact, DateFact, DateTimeFact, YesNoFact, ChoiceFact, MedicationFact, JointsFact,
          InvolvedJointsFact],
    Field(discriminator="type"),
]
