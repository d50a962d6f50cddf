"""Eligibility rules: a discriminated union on `kind`, nestable with all_of / any_of / not.

A rule states what must hold for its criterion to be *met*; for an exclusion, met
means the subject is excluded. Operators are written exactly as the protocol
writes them: ">=" is not ">".
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, model_validator

from trialdesk.domain.ids import Slug
from trialdesk.domain.periods import Period

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


class Threshold(_OnFactOrScore):
    """A fact (in its canonical unit) or a computed score compared with a value."""

    kind: Literal["threshold"]
    op: Operator
    value: Decimal


class Range(_OnFactOrScore):
    """min <= fact or score <= max, both ends inclusive."""

    kind: Literal["range"]
    min: Decimal
    max: Decimal


class Age(_Rule):
    """Age in completed years at the screening date, from a date-of-birth fact; inclusive."""

    kind: Literal["age"]
    fact: Slug
    min_years: int = Field(ge=0)
    max_years: int = Field(ge=0)


class DateWindow(_Rule):
    """Met when the fact's date lies within `within` before the screening date (inclusive).

    A date exactly `within` before screening is inside the window; "never" is outside.
    """

    kind: Literal["date_window"]
    fact: Slug
    within: Period


class OnOrBeforeScreening(_Rule):
    """Met when the fact's date is on or before the screening date (e.g. consent)."""

    kind: Literal["on_or_before_screening"]
    fact: Slug


class Attestation(_Rule):
    """Met when a yes/no fact is answered yes: an investigator's or subject's statement."""

    kind: Literal["attestation"]
    fact: Slug


class OneOf(_Rule):
    """Met when a choice fact takes one of `values`."""

    kind: Literal["one_of"]
    fact: Slug
    values: tuple[Slug, ...] = Field(min_length=1)


class DoseRange(BaseModel):
    """min <= dose <= max in `unit` (both inclusive)."""

    model_config = RULE_CONFIG

    min: Decimal = Field(ge=0)
    max: Decimal = Field(ge=0)
    unit: str


class CurrentTreatment(_Rule):
    """Met when the subject currently takes at least one of `drugs`, and every such current
    course has been taken for at least `taken_for`, at an unchanged dose for `stable_for`,
    and at a dose within `dose`."""

    kind: Literal["current_treatment"]
    fact: Slug
    drugs: tuple[str, ...] | None = None
    routes: tuple[str, ...] | None = None
    taken_for: Period | None = None
    stable_for: Period | None = None
    dose: DoseRange | None = None


class MedicationInUse(_Rule):
    """Met when any course of `drugs` by `routes` is current on the screening date."""

    kind: Literal["medication_in_use"]
    fact: Slug
    drugs: tuple[str, ...] | None = None
    routes: tuple[str, ...] | None = None


class PrednisoneEquivalent(_Rule):
    """The total daily prednisone-equivalent dose of current glucocorticoid courses compared
    with `value` mg/day: on the screening date, or on the worst day of `window` before it."""

    kind: Literal["prednisone_equivalent"]
    fact: Slug
    op: Operator
    value: Decimal
    window: Period | None = None
    routes: tuple[str, ...] = ("oral", "intravenous")


class AllOf(_Rule):
    kind: Literal["all_of"]
    all_of: tuple[Rule, ...] = Field(min_length=1)


class AnyOf(_Rule):
    kind: Literal["any_of"]
    any_of: tuple[Rule, ...] = Field(min_length=1)


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
    count: int = Field(ge=1)
    of: tuple[Rule, ...] = Field(min_length=1)

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
        Attestation,
        OneOf,
        CurrentTreatment,
        MedicationInUse,
        PrednisoneEquivalent,
        AllOf,
        AnyOf,
        Not,
        IfThen,
        AtLeast,
    ],
    Field(discriminator="kind"),
]

for _model in (AllOf, AnyOf, Not, IfThen, AtLeast):
    _model.model_rebuild()


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
    return ()
