"""A protocol: registry identity, the facts it asks, the scores it computes, its criteria.

Protocols are data: a new trial is a new file validated by these models. Beyond the
shape, `Protocol` checks that every reference resolves (a rule's fact exists and
has a type the rule can read; a score's inputs fit its calculator) and reports the
path of the first bad entry, e.g. ``criteria[4].rule.any_of[1].fact``.

Everything is bounded, so that reading, checking and evaluating any protocol stays cheap:
the number of facts, scores, criteria, options and languages, the length of texts, every
number (`rules.ProtocolNumber`, and the same bounds for a fact's plausible range and counts),
the depth and the number of rules (`rules.MAX_DEPTH`, `rules.MAX_RULES`).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from trialdesk.domain import rules as r
from trialdesk.domain.calculators import CALCULATORS
from trialdesk.domain.facts import ChoiceFact, CountFact, FactDefinition, LanguageCode, MedicationFact, NumberFact
from trialdesk.domain.ids import CriterionCode, Name, NonEmpty, Slug, Text
from trialdesk.domain.medications import EQUIVALENCE_TABLES, GLUCOCORTICOIDS

FROZEN = ConfigDict(frozen=True, extra="forbid")

MAX_FACTS = 500
MAX_SCORES = 50
MAX_CRITERIA = 200
#: options of a choice fact; units, drugs, routes or dose units of a fact.
MAX_OPTIONS = 100
#: site interpretations of the protocol as a whole.
MAX_INTERPRETATIONS = 100
#: languages a protocol, a fact or a criterion is translated into.
MAX_LANGUAGES = 20
#: the bound of a count fact's minimum and maximum (as the digits of an answer).
MAX_COUNT = 10**r.MAX_INTEGER_DIGITS - 1


class Registry(BaseModel):
    """Where the trial is registered."""

    model_config = FROZEN

    nct: str = Field(pattern=r"^NCT\d{8}$")
    sponsor_protocol: Name | None = None


class ScoreDefinition(BaseModel):
    """A computed score: which calculator, which fact feeds each input, how it is rounded."""

    model_config = FROZEN

    id: Slug
    label: NonEmpty
    calculator: Name
    inputs: dict[Name, Slug] = Field(max_length=MAX_OPTIONS)
    round_to: int | None = Field(
        default=None, ge=0, le=6, description="decimals (half up) before comparison; null: unrounded"
    )

    @model_validator(mode="after")
    def _fits_calculator(self) -> ScoreDefinition:
        calculator = CALCULATORS.get(self.calculator)
        if calculator is None:
            raise ValueError(f"unknown calculator {self.calculator!r}; expected one of {sorted(CALCULATORS)}")
        if set(self.inputs) != set(calculator.inputs):
            raise ValueError(f"inputs must be exactly {sorted(calculator.inputs)}, got {sorted(self.inputs)}")
        return self


class CriterionText(BaseModel):
    """A criterion in another language: the site's translation, never the registry's words."""

    model_config = FROZEN

    text: NonEmpty
    interpretation: Text | None = None


class ProtocolText(BaseModel):
    model_config = FROZEN

    title: Text | None = None
    interpretations: tuple[Text, ...] = Field(default=(), max_length=MAX_INTERPRETATIONS)


class Criterion(BaseModel):
    """One inclusion or exclusion criterion: the registry's words and the rule that decides it."""

    model_config = FROZEN

    id: CriterionCode
    kind: Literal["inclusion", "exclusion"]
    text: NonEmpty = Field(description="the registry text, verbatim")
    rule: r.Rule
    interpretation: Text | None = Field(
        default=None, description="the site's reading where the text is ambiguous"
    )
    translations: dict[LanguageCode, CriterionText] = Field(
        default={}, max_length=MAX_LANGUAGES, description="the site's translations, by language (zh_CN, ...)"
    )


class Protocol(BaseModel):
    """A trial's eligibility definition."""

    model_config = FROZEN

    id: str = Field(pattern=r"^[A-Za-z0-9_.-]+$", max_length=64)
    registry: Registry
    title: NonEmpty
    sponsor: NonEmpty
    version: NonEmpty
    version_date: date
    glucocorticoid_table: Name = "meikle_tyler_1977"
    interpretations: tuple[Text, ...] = Field(
        default=(), max_length=MAX_INTERPRETATIONS, description="site interpretations that apply to the protocol as a whole"
    )
    facts: tuple[FactDefinition, ...] = Field(min_length=1, max_length=MAX_FACTS)
    scores: tuple[ScoreDefinition, ...] = Field(default=(), max_length=MAX_SCORES)
    criteria: tuple[Criterion, ...] = Field(min_length=1, max_length=MAX_CRITERIA)
    translations: dict[LanguageCode, ProtocolText] = Field(default={}, max_length=MAX_LANGUAGES)

    @cached_property
    def fact(self) -> dict[str, FactDefinition]:
        """Fact definitions by id."""
        return {f.id: f for f in self.facts}

    @cached_property
    def score(self) -> dict[str, ScoreDefinition]:
        """Score definitions by id."""
        return {s.id: s for s in self.scores}

    @property
    def inclusions(self) -> tuple[Criterion, ...]:
        return tuple(c for c in self.criteria if c.kind == "inclusion")

    @property
    def exclusions(self) -> tuple[Criterion, ...]:
        return tuple(c for c in self.criteria if c.kind == "exclusion")

    def facts_used(self, criterion: Criterion) -> tuple[str, ...]:
        """The fact ids a criterion reads, directly or through its scores, in protocol order."""
        used: set[str] = set()
        for rule in _walk(criterion.rule):
            if getattr(rule, "fact", None):
                used.add(rule.fact)
            if getattr(rule, "score", None):
                used.update(self.score[rule.score].inputs.values())
        return tuple(f.id for f in self.facts if f.id in used)

    def scores_used(self, criterion: Criterion) -> tuple[str, ...]:
        """The score ids a criterion compares, in protocol order."""
        used = {rule.score for rule in _walk(criterion.rule) if getattr(rule, "score", None)}
        return tuple(s.id for s in self.scores if s.id in used)

    @model_validator(mode="after")
    def _references_resolve(self) -> Protocol:
        problems = list(self._reference_problems())
        if problems:
            raise ValueError("\n".join(f"{path}: {message}" for path, message in problems))
        return self

    def _reference_problems(self) -> Iterator[tuple[str, str]]:
        if self.glucocorticoid_table not in EQUIVALENCE_TABLES:
            yield "glucocorticoid_table", f"expected one of {sorted(EQUIVALENCE_TABLES)}"
        for i, fact in enumerate(self.facts):
            yield from _fact_bounds(fact, f"facts[{i}]")
        yield from _tree_bounds(self.criteria)
        for name, items in (("facts", self.facts), ("scores", self.scores), ("criteria", self.criteria)):
            seen: set[str] = set()
            for i, item in enumerate(items):
                if item.id in seen:
                    yield f"{name}[{i}].id", f"duplicate id {item.id!r}"
                seen.add(item.id)
        facts = {f.id: f for f in self.facts}
        for i, score in enumerate(self.scores):
            calculator = CALCULATORS[score.calculator]
            for name, fact_id in score.inputs.items():
                where = f"scores[{i}].inputs.{name}"
                kind = calculator.inputs[name]
                fact = facts.get(fact_id)
                if fact is None:
                    yield where, f"unknown fact {fact_id!r}"
                elif fact.type not in kind.fact_types:
                    yield where, f"fact {fact_id!r} is {fact.type}; expected {' or '.join(kind.fact_types)}"
                elif isinstance(fact, NumberFact) and fact.quantity != kind.quantity:
                    yield where, f"fact {fact_id!r} measures {fact.quantity}; expected {kind.quantity}"
                elif isinstance(fact, ChoiceFact) and kind.options and set(fact.option_ids) != set(kind.options):
                    yield where, f"fact {fact_id!r} must offer exactly the options {list(kind.options)}"
        scores = {s.id for s in self.scores}
        for i, criterion in enumerate(self.criteria):
            yield from _rule_problems(criterion.rule, f"criteria[{i}].rule", facts, scores)


_FACT_TYPES: dict[type, tuple[str, ...]] = {
    r.Age: ("date",),
    r.DateWindow: ("date",),
    r.OnOrBeforeScreening: ("date",),
    r.Attestation: ("yes_no",),
    r.OneOf: ("choice", "yes_no"),
    r.CurrentTreatment: ("medications",),
    r.MedicationInUse: ("medications",),
    r.PrednisoneEquivalent: ("medications",),
    r.Threshold: ("number", "count"),
    r.Range: ("number", "count"),
}


def _bound(value: Decimal, path: str) -> Iterator[tuple[str, str]]:
    try:
        r.bounded_number(value)
    except ValueError as error:
        yield path, str(error)


def _fact_bounds(fact: FactDefinition, path: str) -> Iterator[tuple[str, str]]:
    """A fact's numbers bounded as a rule's are; its lists of options, units, drugs and routes bounded."""
    for name in ("options", "units", "drugs", "routes", "dose_units"):
        if len(getattr(fact, name, ())) > MAX_OPTIONS:
            yield f"{path}.{name}", f"at most {MAX_OPTIONS} expected"
    if len(fact.translations) > MAX_LANGUAGES:
        yield f"{path}.translations", f"at most {MAX_LANGUAGES} languages expected"
    if isinstance(fact, NumberFact):
        yield from _bound(fact.plausible.min, f"{path}.plausible.min")
        yield from _bound(fact.plausible.max, f"{path}.plausible.max")
    if isinstance(fact, CountFact):
        for name in ("minimum", "maximum"):
            if not 0 <= getattr(fact, name) <= MAX_COUNT:
                yield f"{path}.{name}", f"expected a whole number from 0 to {MAX_COUNT}"
        if fact.minimum > fact.maximum:
            yield f"{path}.maximum", "must not be below minimum"


def _tree_bounds(criteria: tuple[Criterion, ...]) -> Iterator[tuple[str, str]]:
    """Rules nested at most `MAX_DEPTH` deep, at most `MAX_RULES` in the protocol."""
    total = 0
    for i, criterion in enumerate(criteria):
        stack = [(criterion.rule, f"criteria[{i}].rule", 1)]
        too_deep = False
        while stack:
            rule, path, depth = stack.pop()
            total += 1
            if total == r.MAX_RULES + 1:
                yield path, f"the protocol's rules are more than {r.MAX_RULES} in all"
            if depth > r.MAX_DEPTH:
                if not too_deep:
                    yield path, f"rules nested more than {r.MAX_DEPTH} deep"
                too_deep = True
                continue
            stack.extend((child, f"{path}.{name}", depth + 1) for name, child in reversed(list(_named_children(rule))))


def _walk(rule: r.Rule) -> Iterator[r.Rule]:
    yield rule
    for child in r.children(rule):
        yield from _walk(child)


def _rule_problems(rule: r.Rule, path: str, facts: dict, scores: set[str]) -> Iterator[tuple[str, str]]:
    fact_id = getattr(rule, "fact", None)
    if fact_id is not None:
        fact = facts.get(fact_id)
        expected = _FACT_TYPES[type(rule)]
        if fact is None:
            yield f"{path}.fact", f"unknown fact {fact_id!r}"
        elif fact.type not in expected:
            yield f"{path}.fact", f"fact {fact_id!r} is {fact.type}; expected {' or '.join(expected)}"
        elif isinstance(rule, r.OneOf):
            options = fact.option_ids if isinstance(fact, ChoiceFact) else ("yes", "no")
            for j, value in enumerate(rule.values):
                if value not in options:
                    yield f"{path}.values[{j}]", f"{value!r} is not an option of {fact_id!r}; expected one of {list(options)}"
        elif isinstance(rule, (r.CurrentTreatment, r.MedicationInUse, r.PrednisoneEquivalent)):
            yield from _medication_problems(rule, path, fact)
    score_id = getattr(rule, "score", None)
    if score_id is not None and score_id not in scores:
        yield f"{path}.score", f"unknown score {score_id!r}; expected one of {sorted(scores)}"
    if isinstance(rule, r.Age) and rule.min_years > rule.max_years:
        yield f"{path}.max_years", "must not be below min_years"
    if isinstance(rule, r.Range) and rule.min > rule.max:
        yield f"{path}.max", "must not be below min"
    if isinstance(rule, r.PrednisoneEquivalent) and rule.value < Decimal(0):
        yield f"{path}.value", "must not be negative"
    for name, nested in _named_children(rule):
        yield from _rule_problems(nested, f"{path}.{name}", facts, scores)


def _medication_problems(rule: r.Rule, path: str, fact: MedicationFact) -> Iterator[tuple[str, str]]:
    for name in ("drugs", "routes"):
        for j, item in enumerate(getattr(rule, name, None) or ()):
            if item not in getattr(fact, name):
                yield f"{path}.{name}[{j}]", f"{item!r} is not among the fact's {name} {list(getattr(fact, name))}"
    dose = getattr(rule, "dose", None)
    if dose is not None:
        if dose.unit not in fact.dose_units:
            yield f"{path}.dose.unit", f"{dose.unit!r} is not among the fact's dose units {list(fact.dose_units)}"
        if dose.min > dose.max:
            yield f"{path}.dose.max", "must not be below min"
    if isinstance(rule, r.PrednisoneEquivalent):
        if not set(fact.drugs) <= set(GLUCOCORTICOIDS):
            yield f"{path}.fact", f"fact {fact.id!r} must list glucocorticoids only"
        if fact.dose_units != ("mg/day",):
            yield f"{path}.fact", f"fact {fact.id!r} must record doses in mg/day"


def _named_children(rule: r.Rule) -> Iterator[tuple[str, r.Rule]]:
    if isinstance(rule, r.AllOf):
        yield from ((f"all_of[{i}]", c) for i, c in enumerate(rule.all_of))
    elif isinstance(rule, r.AnyOf):
        yield from ((f"any_of[{i}]", c) for i, c in enumerate(rule.any_of))
    elif isinstance(rule, r.AtLeast):
        yield from ((f"of[{i}]", c) for i, c in enumerate(rule.of))
    elif isinstance(rule, r.Not):
        yield "rule", rule.rule
    elif isinstance(rule, r.IfThen):
        yield "if", rule.if_
        yield "then", rule.then
