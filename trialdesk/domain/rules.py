"""Eligibility rules: a discriminated union on `kind`, nestable with all_of / any_of / not.

A rule states what must hold for its criterion to be *met*; for an exclusion, met
means the subject is excluded. Operators are written exactly as the protocol
writes them: ">=" is not ">".

Everything is bounded so that reading and evaluating any protocol stays cheap: numbers
(`ProtocolNumber`: at most 9 digits before the decimal point and 6 after, as answers are),
the rules a combinator holds (`MAX_CHILDREN`), the lists a rule names (`MAX_LIST`); the
depth and number of rules in a protocol are checked by `Protocol` (`MAX_DEPTH`, `MAX_RULES`).
"""

from __future__ import annotations

from decimal import Context, Decimal
from typing import Annotated, Any, Literal, Union

from pydantic import AfterValidator, BaseModel, ConfigDict, Discriminator, Field, Tag, model_validator

from trialdesk.domain.ids import Name, Slug
from trialdesk.domain.periods import Period

#: digits of a protocol's number before the decimal point (leading zeros not counted) and
#: after it (trailing zeros not counted): the same bounds as a subject's answers.
MAX_INTEGER_DIGITS = 9
MAX_FRACTION_DIGITS = 6
#: rules inside one all_of / any_of / at_least.
MAX_CHILDREN = 50
#: values of a one_of, drugs or routes a rule names.
MAX_LIST = 100
#: rules nested inside each other (a criterion's rule is at depth 1).
MAX_DEPTH = 10
#: rules in a whole protocol, nested ones included.
MAX_RULES = 2_000
#: the oldest age a rule can name.
MAX_YEARS = 150

_EXACT = Context(prec=40)


def bounded_number(value: Decimal) -> Decimal:
    """A finite decimal of at most 9 whole and 6 decimal digits; checked on its exponent, without arithmetic.

    "1e999999" or a 400-digit integer is refused here in microseconds.
    """
    if not value.is_finite():
        raise ValueError("expected a finite number")
    if value.is_zero():
        return Decimal(0)
    if value.adjusted() >= MAX_INTEGER_DIGITS:  # the exponent of the leading digit
        raise ValueError(f"expected a number of at most {MAX_INTEGER_DIGITS} digits before the decimal point")
    exponent = value.as_tuple().exponent
    if exponent < -MAX_FRACTION_DIGITS:
        # below 10^9, so the quantized coefficient has at most 15 digits: exact in this context
        if value.quantize(Decimal(1).scaleb(-MAX_FRACTION_DIGITS), context=_EXACT) != value:
            raise ValueError(f"expected a number of at most {MAX_FRACTION_DIGITS} digits after the decimal point")
        value = value.normalize(_EXACT)
    return value


#: a number a protocol compares with (a threshold, a range's end, a dose).
ProtocolNumber = Annotated[Decimal, AfterValidator(bounded_number)]

Operator = Literal[">=", ">", "<=", "<", "=="]
RULE_CONFIG = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class _Rule(BaseModel):
    model_config = RULE_CONFIG


class _OnFactOrScore(_Rule):
    fact: Slug | None = None
    score: Slug | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> _OnFactOrScore:
        if (self.fact is None) == (self.score is None):
            raise ValueError("give exactly one of 'fact' or 'score'")
        return self


class LimitCase(BaseModel):
    """One case of a conditional limit: the limit that applies when `when` is met."""

    model_config = RULE_CONFIG

    when: Rule
    value: ProtocolNumber


class Limit(BaseModel):
    """A limit that depends on other facts (by sex, by age band): the first case whose `when`
    is met applies, else `otherwise`. While a case is undecided, every limit still possible is
    tried: the rule is decided as soon as the value settles it against all of them."""

    model_config = RULE_CONFIG

    cases: tuple[LimitCase, ...] = Field(min_length=1, max_length=MAX_CHILDREN)
    otherwise: ProtocolNumber | None = None


def _bound_kind(value: Any) -> str:
    return "limit" if isinstance(value, (dict, Limit)) else "number"


#: a limit: a number, or one that depends on other facts. Told apart by shape, so a refused
#: number is reported once, as a number.
Bound = Annotated[
    Union[Annotated[ProtocolNumber, Tag("number")], Annotated[Limit, Tag("limit")]],
    Discriminator(_bound_kind),
]


class Threshold(_OnFactOrScore):
    """A fact or a computed score compared with a value, or with a multiple of the laboratory's
    upper limit of normal entered with the result (`times_uln`).

    `value` is in `unit` (a unit of the fact's quantity; default its canonical unit; a score's
    own unit); it may depend on other facts (`Limit`).
    """

    kind: Literal["threshold"]
    op: Operator
    value: Bound | None = None
    times_uln: ProtocolNumber | None = Field(default=None, gt=0)
    unit: Name | None = None

    @model_validator(mode="after")
    def _one_limit(self) -> Threshold:
        if (self.value is None) == (self.times_uln is None):
            raise ValueError("give exactly one of 'value' or 'times_uln'")
        if self.times_uln is not None and self.fact is None:
            raise ValueError("'times_uln' compares a fact entered with its ULN: give 'fact'")
        return self


class Range(_OnFactOrScore):
    """min <= fact or score <= max, both ends inclusive; either end may be left open.

    `min` and `max` are in `unit` (default the fact's canonical unit) and may depend on other
    facts (`Limit`).
    """

    kind: Literal["range"]
    min: Bound | None = None
    max: Bound | None = None
    unit: Name | None = None

    @model_validator(mode="after")
    def _some_bound(self) -> Range:
        if self.min is None and self.max is None:
            raise ValueError("give 'min', 'max' or both")
        return self


class Age(_Rule):
    """Age in completed years on the screening date (or on the date fact `anchor`), from a
    date-of-birth fact; inclusive; either bound may be left open (an age with no maximum)."""

    kind: Literal["age"]
    fact: Slug
    min_years: int | None = Field(default=None, ge=0, le=MAX_YEARS)
    max_years: int | None = Field(default=None, ge=0, le=MAX_YEARS)
    anchor: Slug | None = None

    @model_validator(mode="after")
    def _some_bound(self) -> Age:
        if self.min_years is None and self.max_years is None:
            raise ValueError("give 'min_years', 'max_years' or both")
        return self


class DateWindow(_Rule):
    """Met when the fact's date lies within `within` before (or `after`) the anchor, both ends
    included: the screening date, or the date fact `anchor` (consent, randomisation, first dose).

    A date exactly `within` before the anchor is inside the window; "never" is outside. While the
    anchor is not known the rule is pending on it, unless every date the anchor can still take
    (on or after the screening date, for a date declared so) settles it. Windows in hours need
    date-time facts on both sides.
    """

    kind: Literal["date_window"]
    fact: Slug
    within: Period
    anchor: Slug | None = None
    side: Literal["before", "after"] = "before"


class OnOrBeforeScreening(_Rule):
    """Met when the fact's date is on or before the screening date (e.g. consent)."""

    kind: Literal["on_or_before_screening"]
    fact: Slug


class OnOrBefore(_Rule):
    """Met when the fact's date is on or before the anchor's (the screening date when no anchor
    is given): consent before first dose, a stop after its start. With `by`, at least that long
    before it, the boundary day included: "at least 3 months before visit 1" is on or before
    the date 3 calendar months before visit 1."""

    kind: Literal["on_or_before"]
    fact: Slug
    anchor: Slug | None = None
    by: Period | None = None


class Attestation(_Rule):
    """Met when a yes/no fact is answered yes: an investigator's or subject's statement."""

    kind: Literal["attestation"]
    fact: Slug


class OneOf(_Rule):
    """Met when a choice fact takes one of `values`."""

    kind: Literal["one_of"]
    fact: Slug
    values: tuple[Slug, ...] = Field(min_length=1, max_length=MAX_LIST)


class DoseRange(BaseModel):
    """min <= dose <= max in `unit`, both inclusive; either end may be left open."""

    model_config = RULE_CONFIG

    min: ProtocolNumber | None = Field(default=None, ge=0)
    max: ProtocolNumber | None = Field(default=None, ge=0)
    unit: Name

    @model_validator(mode="after")
    def _some_bound(self) -> DoseRange:
        if self.min is None and self.max is None:
            raise ValueError("give 'min', 'max' or both")
        return self

    def holds(self, dose: Decimal) -> bool:
        return (self.min is None or dose >= self.min) and (self.max is None or dose <= self.max)


class _OnHistory(_Rule):
    """A rule over a medication history: the lines of `drugs` and of the members of `classes`
    (every line when neither is given; another drug, written as entered, is in no class), taken by
    `routes`, read on the date of `anchor` (a date fact; the screening date by default)."""

    fact: Slug
    drugs: tuple[Name, ...] | None = Field(default=None, max_length=MAX_LIST)
    classes: tuple[Slug, ...] | None = Field(default=None, max_length=MAX_LIST)
    routes: tuple[Name, ...] | None = Field(default=None, max_length=MAX_LIST)
    anchor: Slug | None = None


class CurrentTreatment(_OnHistory):
    """Met when the subject takes at least one of the drugs on the anchor date, and every such
    line has been taken for at least `taken_for` (counted from the start of the drug's unbroken
    treatment: one line per dose, a line starting the day after the last stopped continues it),
    at an unchanged dose for `stable_for`, and at a dose within `dose`."""

    kind: Literal["current_treatment"]
    taken_for: Period | None = None
    stable_for: Period | None = None
    dose: DoseRange | None = None


class MedicationInUse(_OnHistory):
    """Met when a line of the drugs is taken on the anchor date."""

    kind: Literal["medication_in_use"]


class PrednisoneEquivalent(_OnHistory):
    """The total daily prednisone-equivalent dose (the protocol's `glucocorticoid_table`) of the
    lines taken compared with `value` mg/day: on the anchor date, or on the worst day of `window`
    before it."""

    kind: Literal["prednisone_equivalent"]
    op: Operator
    value: ProtocolNumber
    window: Period | None = None
    routes: tuple[Name, ...] | None = Field(default=("oral", "intravenous"), max_length=MAX_LIST)


class EquivalentDose(_OnHistory):
    """The total dose of the lines taken, each converted by an equivalence table (`table`, by
    default the protocol's `glucocorticoid_table`) to the table's reference drug, compared with
    `value` in the table's unit: on the anchor date, or on the worst day of `window` before it."""

    kind: Literal["equivalent_dose"]
    op: Operator
    value: ProtocolNumber
    window: Period | None = None
    table: Slug | None = None


class SteadyEquivalentDose(_OnHistory):
    """Met when, on the anchor date, the total equivalent daily dose (every line taken that day,
    converted by `table`, by default the protocol's `glucocorticoid_table`, and summed) is above 0,
    has been above 0 on every day since `taken_for` before, and has been the same on every day
    since `stable_for` before: judged on the total, so a switch to an equal dose of another drug
    is no change, while a taper step or a burst on top of a maintenance dose is one."""

    kind: Literal["steady_equivalent_dose"]
    taken_for: Period
    stable_for: Period
    table: Slug | None = None


class MedicationEverUsed(_OnHistory):
    """Met when a line of the drugs started on or before the anchor date."""

    kind: Literal["medication_ever_used"]


class LastDoseWithin(_OnHistory):
    """Met when a line of the drugs was taken on some day within `within` before the anchor date,
    both ends included: it started on or before the anchor and stopped (or is still taken) on or
    after the day `within` before it."""

    kind: Literal["last_dose_within"]
    within: Period


class DistinctAgents(_OnHistory):
    """The number of distinct agents used on or before the anchor date (within `within` before it,
    when given) compared with `value`: "at least 2 prior csDMARDs". Agents are drugs; another
    drug written as entered counts only when the rule names no drugs or classes."""

    kind: Literal["distinct_agents"]
    op: Operator
    value: int = Field(ge=0, le=MAX_LIST)
    within: Period | None = None


class MedicationDose(_OnHistory):
    """Met when a line of the drugs is taken on the anchor date and each drug's dose that day
    (its lines taken that day added up, all in `dose.unit`) lies within `dose`."""

    kind: Literal["medication_dose"]
    dose: DoseRange


class AllOf(_Rule):
    kind: Literal["all_of"]
    all_of: tuple[Rule, ...] = Field(min_length=1, max_length=MAX_CHILDREN)


class AnyOf(_Rule):
    kind: Literal["any_of"]
    any_of: tuple[Rule, ...] = Field(min_length=1, max_length=MAX_CHILDREN)


class Not(_Rule):
    kind: Literal["not"]
    rule: Rule


class IfThen(_Rule):
    """If `if` is met then `then` must be; met when `if` is not met (Kleene implication)."""

    kind: Literal["if_then"]
    if_: Rule = Field(alias="if")
    then: Rule


class AtLeast(_Rule):
    """At least `count` of `of` are met."""

    kind: Literal["at_least"]
    count: int = Field(ge=1, le=MAX_CHILDREN)
    of: tuple[Rule, ...] = Field(min_length=1, max_length=MAX_CHILDREN)

    @model_validator(mode="after")
    def _reachable(self) -> AtLeast:
        if self.count > len(self.of):
            raise ValueError(f"count {self.count} exceeds the {len(self.of)} rules given")
        return self


Rule = Annotated[
    Union[
        Threshold,
        Range,
        Age,
        DateWindow,
        OnOrBeforeScreening,
        OnOrBefore,
        Attestation,
        OneOf,
        CurrentTreatment,
        MedicationInUse,
        PrednisoneEquivalent,
        EquivalentDose,
        SteadyEquivalentDose,
        MedicationEverUsed,
        LastDoseWithin,
        DistinctAgents,
        MedicationDose,
        AllOf,
        AnyOf,
        Not,
        IfThen,
        AtLeast,
    ],
    Field(discriminator="kind"),
]



def children(rule: Rule) -> tuple[Rule, ...]:
    """The rules nested directly inside `rule`."""
    if isinstance(rule, AllOf):
        return rule.all_of
    if isinstance(rule, AnyOf):
        return rule.any_of
    if isinstance(rule, Not):
        return (rule.rule,)
    if isinstance(rule, IfThen):
        return (rule.if_, rule.then)
    if isinstance(rule, AtLeast):
        return rule.of
    if isinstance(rule, (Threshold, Range)):
        return tuple(case.when for bound in limits(rule) for case in bound.cases)
    return ()


def limits(rule: Threshold | Range) -> tuple[Limit, ...]:
    """The conditional limits of a comparison."""
    bounds = (rule.value,) if isinstance(rule, Threshold) else (rule.min, rule.max)
    return tuple(b for b in bounds if isinstance(b, Limit))
