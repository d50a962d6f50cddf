"""Derived values a protocol declares: a small typed expression tree, never `eval`.

A derived value is a score whose `expression` combines facts: body-mass index, a ratio to
the upper limit of normal, the percentage change between two dated measurements, sums and
differences. Each node is a mapping with an `op`, nestable like the rules:

    expression: {op: divide, of: [{op: fact, fact: weight}, {op: power, of: {op: fact, fact: height}, exponent: 2}]}
    unit: kg/m²

Arithmetic is exact (fractions) on values in coherent SI units, so cm and m, mg/dL and g/L
mix freely; the dimension of every node is checked when the protocol is read (`dimension_of`),
so adding a weight to a height, or declaring kg/m² for a weight over a length, is refused
with the path of the node. Only whole exponents from -3 to 3 are allowed, so a result is
always an exact fraction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from fractions import Fraction
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, model_validator

from trialdesk.domain.ids import Name, Slug
from trialdesk.domain.periods import Period
from trialdesk.domain.rules import ProtocolNumber
from trialdesk.domain.periods import completed_years
from trialdesk.domain.units import NONE, UNITS, Dimension, Unit, times, unit_symbol

EXPRESSION = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)
#: terms of one add / multiply / min / max.
MAX_TERMS = 10
#: nodes nested inside each other, and in one expression.
MAX_DEPTH = 8
MAX_NODES = 100


class _Node(BaseModel):
    model_config = EXPRESSION


class FactTerm(_Node):
    """A number fact's value (`part: value`) or its entered upper limit of normal (`part: uln`)."""

    op: Literal["fact"]
    fact: Slug
    part: Literal["value", "uln"] = "value"


class NumberTerm(_Node):
    """A constant, in `unit` (a pure number when no unit is given)."""

    op: Literal["number"]
    value: ProtocolNumber
    unit: Name = "1"


class ScoreTerm(_Node):
    """Another score's value (a calculator's, or another derived value's)."""

    op: Literal["score"]
    score: Slug


class AgeTerm(_Node):
    """Age in completed years on the screening date, from a date-of-birth fact (a pure number)."""

    op: Literal["age"]
    fact: Slug


class RatioToUln(_Node):
    """A number fact's value divided by the upper limit of normal entered with it."""

    op: Literal["ratio_to_uln"]
    fact: Slug


class PercentChange(_Node):
    """(to − from) / from, as a fraction (declare `unit: "%"` to read it in percent), between two
    dated measurements of one quantity; `within` bounds how far apart their dates may be."""

    op: Literal["percent_change"]
    from_: Slug = Field(alias="from")
    to: Slug
    from_date: Slug
    to_date: Slug
    within: Period | None = None


class Arithmetic(_Node):
    """add / multiply / min / max of several terms; subtract / divide of exactly two."""

    op: Literal["add", "subtract", "multiply", "divide", "min", "max"]
    of: tuple[Expression, ...] = Field(min_length=2, max_length=MAX_TERMS)

    @model_validator(mode="after")
    def _two_for_binary(self) -> Arithmetic:
        if self.op in ("subtract", "divide") and len(self.of) != 2:
            raise ValueError(f"{self.op} takes exactly 2 terms, got {len(self.of)}")
        return self


class Power(_Node):
    op: Literal["power"]
    of: Expression
    exponent: int = Field(ge=-3, le=3)

    @model_validator(mode="after")
    def _not_zero(self) -> Power:
        if self.exponent == 0:
            raise ValueError("exponent 0 is always 1: leave the power out")
        return self


Expression = Annotated[
    Union[FactTerm, NumberTerm, ScoreTerm, AgeTerm, RatioToUln, PercentChange, Arithmetic, Power],
    Field(discriminator="op"),
]


def named_children(node: Expression) -> Iterator[tuple[str, Expression]]:
    if isinstance(node, Arithmetic):
        yield from ((f"of[{i}]", c) for i, c in enumerate(node.of))
    elif isinstance(node, Power):
        yield "of", node.of


def walk(node: Expression) -> Iterator[Expression]:
    yield node
    for _, child in named_children(node):
        yield from walk(child)


def facts_read(node: Expression) -> list[str]:
    """The fact ids an expression reads, in order of appearance."""
    found: list[str] = []
    for n in walk(node):
        ids = (n.from_, n.to, n.from_date, n.to_date) if isinstance(n, PercentChange) else (getattr(n, "fact", None),)
        found.extend(i for i in ids if i and i not in found)
    return found


class Missing(Exception):
    """An expression needs facts that are not entered (or not known)."""

    def __init__(self, facts: list[str]) -> None:
        super().__init__(facts)
        self.facts = facts


class NotComputable(Exception):
    """An expression's inputs are entered but give no value (division by zero, dates too far apart)."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


class Dimensions:
    """What checking an expression needs to know of the protocol around it.

    Each method gives a dimension, or a problem text when the reference does not fit.
    """

    def fact(self, fact_id: str, use: Literal["number", "uln", "date"]) -> Dimension | str:  # pragma: no cover
        raise NotImplementedError

    def score(self, score_id: str) -> Dimension | str:  # pragma: no cover
        raise NotImplementedError


def dimension_of(node: Expression, path: str, known: Dimensions, problems: list[tuple[str, str]]) -> Dimension | None:
    """The node's dimension (None when a problem hides it), adding every problem found to `problems`."""

    def found(result: Dimension | str, where: str) -> Dimension | None:
        if isinstance(result, str):
            problems.append((where, result))
            return None
        return result

    if isinstance(node, FactTerm):
        return found(known.fact(node.fact, "uln" if node.part == "uln" else "number"), f"{path}.fact")
    if isinstance(node, NumberTerm):
        unit = library_unit(node.unit)
        if unit is None:
            problems.append((f"{path}.unit", f"unknown unit {node.unit!r}; expected a unit of the program's library"))
            return None
        return unit.dim
    if isinstance(node, ScoreTerm):
        return found(known.score(node.score), f"{path}.score")
    if isinstance(node, (AgeTerm, RatioToUln)):
        found(known.fact(node.fact, "date" if isinstance(node, AgeTerm) else "uln"), f"{path}.fact")
        return NONE
    if isinstance(node, PercentChange):
        first = found(known.fact(node.from_, "number"), f"{path}.from")
        last = found(known.fact(node.to, "number"), f"{path}.to")
        for name in ("from_date", "to_date"):
            found(known.fact(getattr(node, name), "date"), f"{path}.{name}")
        if first is not None and last is not None and first != last:
            problems.append((f"{path}.to", "measures another dimension than 'from'"))
        return NONE
    parts = [dimension_of(child, f"{path}.{name}", known, problems) for name, child in named_children(node)]
    if any(p is None for p in parts):
        return None
    result = _combine(node, parts)  # type: ignore[arg-type]
    if result is None:
        problems.append((path, f"{node.op} of terms of different dimensions"))
    return result


def _combine(node: Arithmetic | Power, parts: list[Dimension]) -> Dimension | None:
    if isinstance(node, Power):
        return times(NONE, parts[0], node.exponent)
    if node.op in ("add", "subtract", "min", "max"):
        return parts[0] if all(p == parts[0] for p in parts) else None
    result = parts[0]
    for part in parts[1:]:
        result = times(result, part, 1 if node.op == "multiply" else -1)
    return result


def compute(node: Expression, facts: Callable[[str], Any], on: date) -> Fraction:
    """The node's value in coherent SI units; raises Missing (every missing fact) or NotComputable.

    `facts(id)` gives a number fact's (SI value, SI ULN or None) or a date fact's date;
    `facts("score:ID")` a score's SI value; None when not entered or not known.
    """
    missing: list[str] = []

    def value(n: Expression) -> Fraction | None:
        if isinstance(n, FactTerm):
            found = need(n.fact)
            if found is None:
                return None
            number, uln = found
            if n.part == "uln":
                if uln is None:
                    raise NotComputable("no_uln", fact=n.fact)
                return uln
            return number
        if isinstance(n, NumberTerm):
            return Fraction(n.value) * _unit_factor(n.unit)
        if isinstance(n, ScoreTerm):
            return need(f"score:{n.score}")
        if isinstance(n, AgeTerm):
            born = need(n.fact)
            return None if born is None else Fraction(completed_years(born, on))
        if isinstance(n, RatioToUln):
            found = need(n.fact)
            if found is None:
                return None
            number, uln = found
            if not uln:
                raise NotComputable("no_uln", fact=n.fact)
            return number / uln
        if isinstance(n, PercentChange):
            first, last = need(n.from_), need(n.to)
            first_day, last_day = need(n.from_date), need(n.to_date)
            if None in (first, last, first_day, last_day):
                return None
            if last_day < first_day:
                raise NotComputable("dates_reversed", from_date=n.from_date, to_date=n.to_date)
            if n.within is not None and n.within.before(last_day) > first_day:
                raise NotComputable(
                    "measurements_apart", from_date=n.from_date, to_date=n.to_date, count=n.within.count, unit=n.within.unit
                )
            if first[0] == 0:
                raise NotComputable("division_by_zero")
            return (last[0] - first[0]) / first[0]
        if isinstance(n, Power):
            base = value(n.of)
            if base is None:
                return None
            if base == 0 and n.exponent < 0:
                raise NotComputable("division_by_zero")
            return base**n.exponent
        terms = [value(c) for c in n.of]
        if any(t is None for t in terms):
            return None
        if n.op == "add":
            return sum(terms, Fraction(0))
        if n.op == "subtract":
            return terms[0] - terms[1]
        if n.op == "min":
            return min(terms)
        if n.op == "max":
            return max(terms)
        result = terms[0]
        for term in terms[1:]:
            if n.op == "multiply":
                result *= term
            elif term == 0:
                raise NotComputable("division_by_zero")
            else:
                result /= term
        return result

    def need(key: str) -> Any:
        found = facts(key)
        if found is None and key not in missing:
            missing.append(key)
        return found

    result = value(node)
    if result is None or missing:
        raise Missing(missing)
    return result


def library_unit(symbol: str) -> Unit | None:
    found = unit_symbol(symbol)
    return None if found is None else UNITS[found]


def _unit_factor(symbol: str) -> Fraction:
    unit = library_unit(symbol)
    return unit.factor if unit else Fraction(1)
