"""Units and quantities a protocol declares beside the program's library (`trialdesk.domain.units`).

    units:
      - {symbol: "mg/24h", equals: 1, unit: "mg/day"}          # another name, or a multiple
    quantities:
      - id: cystatin_c
        unit: mg/L                                              # the unit rules compare it in
        units: [mg/dL]                                          # converted by dimension
      - id: ferritin_molar
        unit: µg/L
        units: [pmol/L]
        molar_mass: 474000                                      # g/mol: mass <-> amount
      - id: a1c
        unit: "%"
        conversions: [{unit: mmol/mol, divide: 10.929, add: 2.15}]   # canonical = v * multiply / divide + add

A protocol's quantity may not take the id of one of the program's: a file never changes
what "creatinine" means to another file.
"""

from __future__ import annotations

from fractions import Fraction
from types import MappingProxyType

from pydantic import BaseModel, ConfigDict, Field

from trialdesk.domain.ids import Name, Slug, Text
from trialdesk.domain.rules import ProtocolNumber
from trialdesk.domain.units import QUANTITIES, UNITS, Quantity, Unit, UnitProblem, build_quantity, unit_symbol

FROZEN = ConfigDict(frozen=True, extra="forbid")
MAX_DECLARED = 100


class UnitDeclaration(BaseModel):
    """A unit the program does not know: `equals` times a unit it does."""

    model_config = FROZEN

    symbol: Name
    equals: ProtocolNumber = Field(gt=0)
    unit: Name


class ConversionDeclaration(BaseModel):
    """An exact conversion to the quantity's unit: canonical = value * multiply / divide + add."""

    model_config = FROZEN

    unit: Name
    multiply: ProtocolNumber = Field(default=1, gt=0)
    divide: ProtocolNumber = Field(default=1, gt=0)
    add: ProtocolNumber = 0


class QuantityDeclaration(BaseModel):
    """An analyte the protocol compares: its unit, the units it may be entered in, how they convert."""

    model_config = FROZEN

    id: Slug
    unit: Name
    units: tuple[Name, ...] = Field(default=(), max_length=MAX_DECLARED)
    molar_mass: ProtocolNumber | None = Field(default=None, gt=0, description="g/mol")
    conversions: tuple[ConversionDeclaration, ...] = Field(default=(), max_length=MAX_DECLARED)
    citation: Text | None = None


def declared_units(declarations: tuple[UnitDeclaration, ...]) -> tuple[dict[str, Unit], list[tuple[str, str]]]:
    """The library with the protocol's units added, and the problems (path, message) found."""
    units: dict[str, Unit] = dict(UNITS)
    problems: list[tuple[str, str]] = []
    for i, declared in enumerate(declarations):
        if unit_symbol(declared.symbol, units) is not None:
            problems.append((f"units[{i}].symbol", f"{declared.symbol!r} is already a unit"))
            continue
        base = unit_symbol(declared.unit, units)
        if base is None:
            problems.append((f"units[{i}].unit", f"unknown unit {declared.unit!r}; expected one of the library's units"))
            continue
        known = units[base]
        units[declared.symbol] = Unit(declared.symbol, known.dim, known.factor * Fraction(declared.equals), None)
    return units, problems


def quantities(
    declarations: tuple[QuantityDeclaration, ...], units: dict[str, Unit]
) -> tuple[MappingProxyType[str, Quantity], list[tuple[str, str]]]:
    """The program's quantities with the protocol's added, and the problems (path, message) found."""
    table: dict[str, Quantity] = dict(QUANTITIES)
    problems: list[tuple[str, str]] = []
    for i, declared in enumerate(declarations):
        where = f"quantities[{i}]"
        if declared.id in table:
            problems.append((f"{where}.id", f"{declared.id!r} is a quantity of the program or declared twice; choose another id"))
            continue
        canonical = unit_symbol(declared.unit, units)
        if canonical is None:
            problems.append((f"{where}.unit", f"unknown unit {declared.unit!r}; declare it under units"))
            continue
        entered = []
        for j, symbol in enumerate(declared.units):
            found = unit_symbol(symbol, units)
            if found is None:
                problems.append((f"{where}.units[{j}]", f"unknown unit {symbol!r}; declare it under units"))
            else:
                entered.append(found)
        conversions = {  # a unit of the library by any of its spellings; else a unit this conversion defines
            (unit_symbol(c.unit, units) or c.unit): (Fraction(c.multiply) / Fraction(c.divide), Fraction(c.add))
            for c in declared.conversions
        }
        try:
            table[declared.id] = build_quantity(
                declared.id, canonical, tuple(entered), molar_mass=declared.molar_mass, conversions=conversions,
                library=units, citation=declared.citation or "",
            )
        except UnitProblem as problem:
            problems.append((where, str(problem)))
    return MappingProxyType(table), problems
