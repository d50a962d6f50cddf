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

from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from decimal import Decimal
from functools import cached_property
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from trialdesk.domain import expressions as x
from trialdesk.domain import rules as r
from trialdesk.domain.calculators import CALCULATORS
from trialdesk.domain.declared_units import QuantityDeclaration, UnitDeclaration, declared_units, quantities
from trialdesk.domain.facts import (
    ChoiceFact,
    CountFact,
    DateFact,
    DateTimeFact,
    FactDefinition,
    LanguageCode,
    MedicationFact,
    NumberFact,
)
from trialdesk.domain.ids import CriterionCode, Name, NonEmpty, Slug, Text
from trialdesk.domain.drugs import (
    MAX_CLASSES,
    MAX_DRUGS,
    MAX_TABLES,
    DrugClassDeclaration,
    DrugDeclaration,
    EquivalenceTableDeclaration,
    equivalence_problems,
    shown_ids,
    vocabulary_problems,
)
from trialdesk.domain.units import NONE, Quantity, Unit, describe, unit_symbol
from trialdesk.domain.values import NOT_DOCUMENTED
from trialdesk.domain.versions import ValidTo

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


class ScoreText(BaseModel):
    """A score in another language: the site's label for it."""

    model_config = FROZEN

    label: NonEmpty


class ScoreDefinition(BaseModel):
    """A computed score: a calculator the program provides with the fact that feeds each input,
    or a derived value the protocol declares as an `expression` in `unit`; how it is rounded."""

    model_config = FROZEN

    id: Slug
    label: NonEmpty
    calculator: Name | None = None
    inputs: dict[Name, Slug] = Field(default={}, max_length=MAX_OPTIONS)
    expression: x.Expression | None = None
    unit: Name | None = Field(default=None, description="the unit of a derived value (none: a pure number)")
    round_to: int | None = Field(
        default=None, ge=0, le=6, description="decimals (half up) before comparison; null: unrounded"
    )
    translations: dict[LanguageCode, ScoreText] = Field(
        default={}, max_length=MAX_LANGUAGES, description="the site's labels, by language (zh_CN, ...)"
    )

    @model_validator(mode="after")
    def _fits_calculator(self) -> ScoreDefinition:
        if (self.calculator is None) == (self.expression is None):
            raise ValueError("give exactly one of 'calculator' (with 'inputs') or 'expression' (with 'unit')")
        if self.expression is not None:
            if self.inputs:
                raise ValueError("'inputs' belong to a calculator; an expression names its facts itself")
            return self
        if self.unit is not None:
            raise ValueError("a calculator gives its own unit: leave 'unit' out")
        calculator = CALCULATORS.get(self.calculator)
        if calculator is None:
            raise ValueError(f"unknown calculator {self.calculator!r}; expected one of {sorted(CALCULATORS)}")
        problems = calculator.binding_problems(set(self.inputs))
        if problems:
            raise ValueError(f"score {self.id!r} ({calculator.id}): " + "; ".join(problems))
        return self

    @property
    def shown_unit(self) -> str:
        """The unit a reader sees beside the value ("" for a pure number or points)."""
        if self.calculator is not None:
            return CALCULATORS[self.calculator].unit
        unit = unit_symbol(self.unit) if self.unit else None
        return "" if unit is None else (x.library_unit(unit).label if x.library_unit(unit) else unit)


class ConsistencyText(BaseModel):
    model_config = FROZEN

    text: NonEmpty


class ConsistencyCheck(BaseModel):
    """Answers that cannot both be true, refused at entry naming the facts: when `if` is met,
    `then` must not be "not met" (pregnancy answered yes requires female sex; a stop date on or
    after its start). With `confirm`, answers that are unusual together rather than impossible:
    they warn and are kept only when the person confirms them (`evaluation.answer_warnings`)."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    id: Slug
    if_: r.Rule = Field(alias="if")
    then: r.Rule
    text: NonEmpty = Field(description="what must hold, in words, e.g. 'pregnancy requires female sex'")
    translations: dict[LanguageCode, ConsistencyText] = Field(default={}, max_length=MAX_LANGUAGES)
    confirm: bool = Field(default=False, description="true: warn and ask to confirm instead of refusing")


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
    applies_if: r.Rule | None = Field(
        default=None,
        description="the criterion applies only when this is met; otherwise it is not applicable (and passes)",
    )
    interpretation: Text | None = Field(
        default=None, description="the site's reading where the text is ambiguous"
    )
    translations: dict[LanguageCode, CriterionText] = Field(
        default={}, max_length=MAX_LANGUAGES, description="the site's translations, by language (zh_CN, ...)"
    )


def _reaches_itself(start: str, reads: Mapping[str, Iterable[str]]) -> bool:
    """Whether following `reads` (what each id reads) from `start` comes back to it."""
    seen: set[str] = set()
    todo = list(reads.get(start, ()))
    while todo:
        current = todo.pop()
        if current == start:
            return True
        if current not in seen:
            seen.add(current)
            todo.extend(reads.get(current, ()))
    return False


MAX_ATTEMPTS = 9


class ScreeningPolicy(BaseModel):
    """A protocol's rules for screening attempts (its `screening:` block)."""

    model_config = FROZEN

    max_attempts: int = Field(default=1, ge=1, le=MAX_ATTEMPTS,
                              description="screenings one subject may have in all, the first included (1: no re-screening)")
    min_interval_days: int = Field(default=0, ge=0, le=3650,
                                   description="days from one attempt's screening date to the next one's, at least")


class Protocol(BaseModel):
    """A trial's eligibility definition."""

    model_config = FROZEN

    id: str = Field(pattern=r"^[A-Za-z0-9_.-]+$", max_length=64)
    registry: Registry
    title: NonEmpty
    sponsor: NonEmpty
    version: NonEmpty
    version_date: date
    amendment: Name | None = Field(default=None, description="the amendment this version carries, as the sponsor names it")
    valid_from: date | None = Field(default=None, description="the first screening date this version applies to (inclusive); null: no start")
    valid_to: ValidTo = Field(default=None, description="the last screening date this version applies to (inclusive); null: no end")
    withdrawn: bool = Field(default=False, description="true: no new screening starts under this version (its screenings stay readable)")
    screening: ScreeningPolicy = Field(
        default=ScreeningPolicy(), description="screening attempts a subject may have, and the days between them (re-screening)"
    )
    glucocorticoid_table: Name = Field(
        default="meikle_tyler_1977",
        description="the equivalence table prednisone_equivalent converts with: the program's meikle_tyler_1977 or one under equivalence_tables",
    )
    drugs: tuple[DrugDeclaration, ...] = Field(
        default=(), max_length=MAX_DRUGS, description="the protocol's own drugs, beside the program's library (a library id replaces the library's drug)"
    )
    drug_classes: tuple[DrugClassDeclaration, ...] = Field(
        default=(), max_length=MAX_CLASSES, description="classes of drugs: members are drug or class ids, less those under except"
    )
    equivalence_tables: tuple[EquivalenceTableDeclaration, ...] = Field(
        default=(), max_length=MAX_TABLES, description="dose equivalence tables, each with its citation, beside the program's meikle_tyler_1977"
    )
    interpretations: tuple[Text, ...] = Field(
        default=(), max_length=MAX_INTERPRETATIONS, description="site interpretations that apply to the protocol as a whole"
    )
    units: tuple[UnitDeclaration, ...] = Field(default=(), max_length=MAX_OPTIONS)
    quantities: tuple[QuantityDeclaration, ...] = Field(default=(), max_length=MAX_OPTIONS)
    facts: tuple[FactDefinition, ...] = Field(min_length=1, max_length=MAX_FACTS)
    scores: tuple[ScoreDefinition, ...] = Field(default=(), max_length=MAX_SCORES)
    criteria: tuple[Criterion, ...] = Field(min_length=1, max_length=MAX_CRITERIA)
    consistency: tuple[ConsistencyCheck, ...] = Field(default=(), max_length=MAX_CRITERIA)
    translations: dict[LanguageCode, ProtocolText] = Field(default={}, max_length=MAX_LANGUAGES)

    @cached_property
    def fact(self) -> dict[str, FactDefinition]:
        """Fact definitions by id."""
        return {f.id: f for f in self.facts}

    @cached_property
    def score(self) -> dict[str, ScoreDefinition]:
        """Score definitions by id."""
        return {s.id: s for s in self.scores}

    @cached_property
    def consistency_facts(self) -> tuple[tuple[str, ...], ...]:
        """The fact ids each consistency check reads, its `if` first, in order of appearance."""
        found = []
        for check in self.consistency:
            read: list[str] = []
            for rule in (*_walk(check.if_), *_walk(check.then)):
                read.extend(f for f in rule_facts(rule) if f not in read)
            found.append(tuple(read))
        return tuple(found)

    @cached_property
    def asked_conditions(self) -> tuple[tuple[str, r.Rule, tuple[str, ...]], ...]:
        """(fact id, its `asked_if`, the facts that condition reads, through scores too) for every fact
        asked only under a condition, each after the conditions of the facts it reads."""
        reads = {f.id: self.condition_facts(f.asked_if) for f in self.facts if f.asked_if is not None}
        ordered: list[str] = []

        def visit(fact_id: str, seen: frozenset[str]) -> None:
            if fact_id in ordered or fact_id in seen:  # a cycle is refused when the file is read
                return
            for read in reads[fact_id]:
                if read in reads:
                    visit(read, seen | {fact_id})
            ordered.append(fact_id)

        for fact_id in reads:
            visit(fact_id, frozenset())
        return tuple((f, self.fact[f].asked_if, reads[f]) for f in ordered)

    def condition_facts(self, rule: r.Rule) -> tuple[str, ...]:
        """The fact ids a rule reads, nested rules, anchors and scores included, in order of appearance."""
        read: list[str] = []
        for part in _walk(rule):
            found = [*rule_facts(part), *sorted(self.score_facts(part.score) if getattr(part, "score", None) else ())]
            read.extend(f for f in found if f not in read)
        return tuple(read)

    @cached_property
    def unknown_answers(self) -> dict[str, frozenset[str]]:
        """The answers that leave a fact not known, by fact id: "unknown" of a yes/no, a choice's
        options and a number's results declared unknown (not done, indeterminate), joints "not
        documented"."""
        found = {f.id: frozenset({"unknown"}) for f in self.facts if f.type == "yes_no"}
        found.update({f.id: f.unknown_ids for f in self.facts
                      if isinstance(f, (ChoiceFact, NumberFact)) and f.unknown_ids})
        found.update({f.id: frozenset({NOT_DOCUMENTED}) for f in self.facts if f.type == "involved_joints"})
        return found

    @cached_property
    def _units_and_quantities(self) -> tuple[dict[str, Unit], Any, list[tuple[str, str]]]:
        units, problems = declared_units(self.units)
        table, more = quantities(self.quantities, units)
        return units, table, problems + more

    @property
    def quantity(self) -> Any:
        """Quantities by id: the program's and the protocol's own."""
        return self._units_and_quantities[1]

    def quantity_of(self, fact_id: str) -> Quantity:
        """The quantity a number fact measures."""
        return self.quantity[self.fact[fact_id].quantity]

    def unit_label(self, fact_id: str, unit: str | None = None) -> str:
        """How a reader sees a number fact's unit (its canonical one by default; "" for a pure number)."""
        quantity = self.quantity_of(fact_id)
        return quantity.unit_label(unit or quantity.canonical)

    @property
    def inclusions(self) -> tuple[Criterion, ...]:
        return tuple(c for c in self.criteria if c.kind == "inclusion")

    @property
    def exclusions(self) -> tuple[Criterion, ...]:
        return tuple(c for c in self.criteria if c.kind == "exclusion")

    def facts_used(self, criterion: Criterion) -> tuple[str, ...]:
        """The fact ids a criterion reads, directly, through its anchors, limits and scores, in protocol order."""
        used: set[str] = set()
        for rule in self._rules_of(criterion):
            used.update(rule_facts(rule))
            if getattr(rule, "score", None):
                used.update(self.score_facts(rule.score))
        return tuple(f.id for f in self.facts if f.id in used)

    def score_facts(self, score_id: str, seen: frozenset[str] = frozenset()) -> set[str]:
        """The fact ids a score reads, through the scores it reads too."""
        score = self.score.get(score_id)
        if score is None or score_id in seen:
            return set()
        if score.expression is None:
            return set(score.inputs.values())
        found = set(x.facts_read(score.expression))
        for node in x.walk(score.expression):
            if isinstance(node, x.ScoreTerm):
                found |= self.score_facts(node.score, seen | {score_id})
        return found

    def scores_used(self, criterion: Criterion) -> tuple[str, ...]:
        """The score ids a criterion compares, in protocol order."""
        used = {rule.score for rule in self._rules_of(criterion) if getattr(rule, "score", None)}
        return tuple(s.id for s in self.scores if s.id in used)

    @staticmethod
    def _rules_of(criterion: Criterion) -> Iterator[r.Rule]:
        yield from _walk(criterion.rule)
        if criterion.applies_if is not None:
            yield from _walk(criterion.applies_if)

    @model_validator(mode="after")
    def _references_resolve(self) -> Protocol:
        problems = list(self._reference_problems())
        if problems:
            raise ValueError("\n".join(f"{path}: {message}" for path, message in problems))
        return self

    def _reference_problems(self) -> Iterator[tuple[str, str]]:
        for i, fact in enumerate(self.facts):
            yield from _fact_bounds(fact, f"facts[{i}]")
        yield from _tree_bounds(self._rule_roots())
        for name, items in (("facts", self.facts), ("scores", self.scores), ("criteria", self.criteria)):
            seen: set[str] = set()
            for i, item in enumerate(items):
                if item.id in seen:
                    yield f"{name}[{i}].id", f"duplicate id {item.id!r}"
                seen.add(item.id)
        facts = {f.id: f for f in self.facts}
        for i, score in enumerate(self.scores):
            if score.calculator is None:
                continue  # a derived value: checked with the expressions
            calculator = CALCULATORS[score.calculator]
            for name, fact_id in score.inputs.items():
                where = f"scores[{i}].inputs.{name}"
                kind = calculator.inputs[name]
                fact = facts.get(fact_id)
                if fact is None:
                    yield where, f"score {score.id!r}, input {name!r}: unknown fact {fact_id!r}"
                    continue
                quantity = self.quantity.get(fact.quantity) if isinstance(fact, NumberFact) else None
                problem = kind.problem(fact, quantity)
                if problem is not None:
                    yield where, f"score {score.id!r}, input {name!r}: {problem}"
        for i, fact in enumerate(self.facts):
            source = getattr(fact, "copy_from", None)
            if source is not None and getattr(facts.get(source), "type", None) != "joints":
                found = facts.get(source)
                yield f"facts[{i}].copy_from", (f"unknown fact {source!r}; expected a joints fact" if found is None
                                                else f"fact {source!r} is {found.type}; expected a joints fact")
        yield from self._units_and_quantities[2]
        yield from self._fact_quantity_problems()
        yield from self._expression_problems()
        yield from vocabulary_problems(self)
        scores = {s.id for s in self.scores}
        check = _RuleCheck(self, facts, scores)
        for i, criterion in enumerate(self.criteria):
            yield from check(criterion.rule, f"criteria[{i}].rule")
            if criterion.applies_if is not None:
                yield from check(criterion.applies_if, f"criteria[{i}].applies_if")
        for i, consistency in enumerate(self.consistency):
            yield from check(consistency.if_, f"consistency[{i}].if")
            yield from check(consistency.then, f"consistency[{i}].then")
        for i, fact in enumerate(self.facts):
            if fact.asked_if is not None:
                yield from check(fact.asked_if, f"facts[{i}].asked_if")
        yield from self._asked_if_cycles()

    def _asked_if_cycles(self) -> Iterator[tuple[str, str]]:
        """A fact is never asked only under a condition that reads it, itself or through others' conditions."""
        known = {f.id for f in self.facts}
        reads = {f.id: [g for g in self.condition_facts(f.asked_if) if g in known]
                 for f in self.facts if f.asked_if is not None}
        for i, fact in enumerate(self.facts):
            if _reaches_itself(fact.id, reads):
                yield f"facts[{i}].asked_if", f"fact {fact.id!r} is asked only under a condition that reads it itself"

    def _circular_scores(self) -> Iterator[tuple[str, str]]:
        """A derived value may read other scores, never itself through them."""
        reads = {s.id: {n.score for n in x.walk(s.expression) if isinstance(n, x.ScoreTerm)}
                 for s in self.scores if s.expression is not None}
        for i, score in enumerate(self.scores):
            if _reaches_itself(score.id, reads):
                yield f"scores[{i}].expression", f"{score.id!r} reads itself through the scores it reads"

    def _rule_roots(self) -> list[tuple[r.Rule, str]]:
        roots = []
        for i, criterion in enumerate(self.criteria):
            roots.append((criterion.rule, f"criteria[{i}].rule"))
            if criterion.applies_if is not None:
                roots.append((criterion.applies_if, f"criteria[{i}].applies_if"))
        for i, check in enumerate(self.consistency):
            roots += [(check.if_, f"consistency[{i}].if"), (check.then, f"consistency[{i}].then")]
        roots += [(f.asked_if, f"facts[{i}].asked_if") for i, f in enumerate(self.facts) if f.asked_if is not None]
        return roots

    def _fact_quantity_problems(self) -> Iterator[tuple[str, str]]:
        table = self.quantity
        for i, fact in enumerate(self.facts):
            if not isinstance(fact, NumberFact):
                continue
            quantity = table.get(fact.quantity)
            if quantity is None:
                yield f"facts[{i}].quantity", (
                    f"unknown quantity {fact.quantity!r}; expected one of the program's ({', '.join(sorted(table))}) "
                    "or one declared under quantities"
                )
                continue
            for j, unit in enumerate(fact.units):
                if unit not in quantity.units:
                    yield f"facts[{i}].units[{j}]", f"{unit!r} is not a unit of {fact.quantity}; expected some of {list(quantity.units)}"

    def _expression_problems(self) -> Iterator[tuple[str, str]]:
        yield from self._circular_scores()
        known = _ProtocolDimensions(self)
        for i, score in enumerate(self.scores):
            if score.expression is None:
                continue
            problems: list[tuple[str, str]] = []
            if _too_big(score.expression):
                yield f"scores[{i}].expression", (
                    f"expressions are at most {x.MAX_DEPTH} deep and {x.MAX_NODES} nodes"
                )
                continue
            dim = x.dimension_of(score.expression, f"scores[{i}].expression", known, problems)
            yield from problems
            if dim is None:
                continue
            unit = x.library_unit(score.unit) if score.unit else None
            if score.unit and unit is None:
                yield f"scores[{i}].unit", f"unknown unit {score.unit!r}; expected a unit of the program's library"
            elif (unit.dim if unit else NONE) != dim:
                yield f"scores[{i}].unit", (
                    f"the expression gives {describe(dim)}, "
                    f"but {score.unit or 'no unit'} is {describe(unit.dim if unit else NONE)}"
                )


_FACT_TYPES: dict[type, tuple[str, ...]] = {
    r.Age: ("date",),
    r.DateWindow: ("date", "datetime"),
    r.OnOrBeforeScreening: ("date", "datetime"),
    r.OnOrBefore: ("date", "datetime"),
    r.Attestation: ("yes_no",),
    r.OneOf: ("choice", "yes_no"),
    r.CurrentTreatment: ("medications",),
    r.MedicationInUse: ("medications",),
    r.PrednisoneEquivalent: ("medications",),
    r.EquivalentDose: ("medications",),
    r.SteadyEquivalentDose: ("medications",),
    r.MedicationEverUsed: ("medications",),
    r.LastDoseWithin: ("medications",),
    r.DistinctAgents: ("medications",),
    r.MedicationDose: ("medications",),
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


def _tree_bounds(roots: list[tuple[r.Rule, str]]) -> Iterator[tuple[str, str]]:
    """Rules nested at most `MAX_DEPTH` deep, at most `MAX_RULES` in the protocol (criteria, the
    conditions they apply under, consistency checks)."""
    total = 0
    for root, path in roots:
        stack = [(root, path, 1)]
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


def rule_facts(rule: r.Rule) -> tuple[str, ...]:
    """The fact ids one rule reads itself (not its nested rules): its fact and its anchor."""
    return tuple(f for f in (getattr(rule, "fact", None), getattr(rule, "anchor", None)) if f)


_DATE_TYPES = ("date", "datetime")


class _RuleCheck:
    """The reference problems of rules: facts exist and fit, units belong to the fact's quantity."""

    def __init__(self, protocol: Protocol, facts: dict, scores: set[str]) -> None:
        self.protocol, self.facts, self.scores = protocol, facts, scores

    def __call__(self, rule: r.Rule, path: str) -> Iterator[tuple[str, str]]:
        facts = self.facts
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
            elif fact.type == "medications":
                yield from _medication_problems(rule, path, fact)
            elif isinstance(rule, (r.Threshold, r.Range)):
                yield from self._comparison(rule, path, fact)
        anchor = getattr(rule, "anchor", None)
        if anchor is not None:
            fact = facts.get(anchor)
            if fact is None:
                yield f"{path}.anchor", f"unknown fact {anchor!r}; expected a date fact"
            elif fact.type not in _DATE_TYPES:
                yield f"{path}.anchor", f"fact {anchor!r} is {fact.type}; expected date or datetime"
        if isinstance(rule, r.DateWindow) and rule.within.unit == "hours":
            for name, fid in (("fact", rule.fact), ("anchor", rule.anchor)):
                fact = facts.get(fid) if fid else None
                if fid is None or (fact is not None and fact.type != "datetime"):
                    yield f"{path}.{name}", "a window in hours needs a datetime fact (and a datetime anchor)"
        score_id = getattr(rule, "score", None)
        if score_id is not None:
            if score_id not in self.scores:
                yield f"{path}.score", f"unknown score {score_id!r}; expected one of {sorted(self.scores)}"
            elif getattr(rule, "unit", None) is not None:
                yield f"{path}.unit", "a score is compared in its own unit: leave 'unit' out"
        if isinstance(rule, r.Age) and None not in (rule.min_years, rule.max_years) and rule.min_years > rule.max_years:
            yield f"{path}.max_years", "must not be below min_years"
        if isinstance(rule, r.Range) and isinstance(rule.min, Decimal) and isinstance(rule.max, Decimal) and rule.min > rule.max:
            yield f"{path}.max", "must not be below min"
        if isinstance(rule, r.PrednisoneEquivalent) and rule.value < Decimal(0):
            yield f"{path}.value", "must not be negative"
        for name, nested in _named_children(rule):
            yield from self(nested, f"{path}.{name}")

    def _comparison(self, rule: r.Threshold | r.Range, path: str, fact: FactDefinition) -> Iterator[tuple[str, str]]:
        if isinstance(rule, r.Threshold) and rule.times_uln is not None and not getattr(fact, "uln", False):
            yield f"{path}.times_uln", f"fact {fact.id!r} is not entered with its ULN (declare uln: true)"
        if rule.unit is not None:
            if not isinstance(fact, NumberFact):
                yield f"{path}.unit", f"fact {fact.id!r} is a {fact.type}: it has no unit"
            else:
                quantity = self.protocol.quantity.get(fact.quantity)
                if quantity is not None and rule.unit not in quantity.units:
                    yield f"{path}.unit", f"{rule.unit!r} is not a unit of {fact.quantity}; expected one of {list(quantity.units)}"


class _ProtocolDimensions(x.Dimensions):
    """Dimensions of a protocol's facts and scores, for checking its expressions."""

    def __init__(self, protocol: Protocol) -> None:
        self.protocol = protocol

    def fact(self, fact_id: str, use: str) -> Any:
        fact = self.protocol.fact.get(fact_id)
        if fact is None:
            return f"unknown fact {fact_id!r}"
        if use == "date":
            return NONE if fact.type in _DATE_TYPES else f"fact {fact_id!r} is {fact.type}; expected a date"
        if isinstance(fact, CountFact):
            return NONE if use == "number" else f"fact {fact_id!r} is a count: it has no ULN"
        if not isinstance(fact, NumberFact):
            return f"fact {fact_id!r} is {fact.type}; expected number or count"
        if use == "uln" and not fact.uln:
            return f"fact {fact_id!r} is not entered with its ULN (declare uln: true)"
        quantity = self.protocol.quantity.get(fact.quantity)
        return f"unknown quantity {fact.quantity!r}" if quantity is None else quantity.dim

    def score(self, score_id: str) -> Any:
        score = self.protocol.score.get(score_id)
        if score is None:
            return f"unknown score {score_id!r}"
        if score.expression is None:
            return NONE  # calculators give points, counts and indices
        unit = x.library_unit(score.unit) if score.unit else None
        return unit.dim if unit else NONE


def _too_big(node: x.Expression) -> bool:
    count = 0
    stack = [(node, 1)]
    while stack:
        current, depth = stack.pop()
        count += 1
        if depth > x.MAX_DEPTH or count > x.MAX_NODES:
            return True
        stack.extend((child, depth + 1) for _, child in x.named_children(current))
    return False


def _medication_problems(rule: r.Rule, path: str, fact: MedicationFact) -> Iterator[tuple[str, str]]:
    """A rule over a history reads only what its fact records: drugs and classes it offers, its routes
    and dose units, doses only where every line has one, dates (windows of days or longer), and an
    equivalence table that converts every drug the rule reads."""
    vocabulary, offered = fact.vocabulary, fact.offered
    for j, drug in enumerate(getattr(rule, "drugs", None) or ()):
        if drug not in offered:
            yield f"{path}.drugs[{j}]", f"{drug!r} is not among the fact's drugs ({shown_ids(offered, ordered=True)})"
    for j, class_id in enumerate(getattr(rule, "classes", None) or ()):
        if class_id not in vocabulary.classes:
            yield f"{path}.classes[{j}]", f"unknown drug class {class_id!r}; expected one of {shown_ids(vocabulary.classes)}"
        elif not set(vocabulary.classes[class_id].members) & set(offered):
            yield f"{path}.classes[{j}]", f"no drug of class {class_id!r} is among the fact's drugs ({shown_ids(offered, ordered=True)})"
    for name in ("within", "window", "taken_for", "stable_for"):
        period = getattr(rule, name, None)
        if period is not None and period.unit == "hours":
            yield f"{path}.{name}.unit", "a medication history records days: give the window in days, weeks, months or years"
    dose = getattr(rule, "dose", None)
    equivalent = isinstance(rule, (r.PrednisoneEquivalent, r.EquivalentDose, r.SteadyEquivalentDose))
    # one line per dose: a treatment's stability is read from its lines (a new line, a new dose)
    stable_from_lines = isinstance(rule, r.CurrentTreatment) and fact.one_line_per_dose
    reads_doses = (dose is not None or equivalent
                   or (getattr(rule, "stable_for", None) is not None and not stable_from_lines))
    if not fact.dose_required and (reads_doses or getattr(rule, "routes", None)):
        yield f"{path}.fact", f"fact {fact.id!r} records doses and routes only where given (dose_required: false): no rule can read them"
        return
    # a default the author did not write (prednisone_equivalent's oral and intravenous) only filters
    routes = getattr(rule, "routes", None) if "routes" in rule.model_fields_set else ()
    for j, route in enumerate(routes or ()):
        if route not in fact.routes:
            yield f"{path}.routes[{j}]", f"{route!r} is not among the fact's routes {list(fact.routes)}"
    if dose is not None:
        if dose.unit not in fact.dose_units:
            yield f"{path}.dose.unit", f"{dose.unit!r} is not among the fact's dose units {list(fact.dose_units)}"
        if dose.min is not None and dose.max is not None and dose.min > dose.max:
            yield f"{path}.dose.max", "must not be below min"
    if equivalent:
        yield from equivalence_problems(rule, path, fact)


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
    elif isinstance(rule, (r.Threshold, r.Range)):
        for name in ("value", "min", "max"):
            bound = getattr(rule, name, None)
            if isinstance(bound, r.Limit):
                yield from ((f"{name}.cases[{i}].when", case.when) for i, case in enumerate(bound.cases))
