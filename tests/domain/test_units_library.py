"""The units library against pint, an independent, well-kept units library: every factor, every
dimension, every conversion of the program's quantities, exactly."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pint
import pytest

from trialdesk.domain.units import BASES, QUANTITIES, UNITS

REGISTRY = pint.UnitRegistry(non_int_type=Decimal, cache_folder=None)
#: pint's dimension names for ours; IU and BSA have no pint equivalent (checked by hand below).
PINT_DIMENSIONS = {"M": "[mass]", "L": "[length]", "T": "[time]", "N": "[substance]"}
SI = {"M": "kg", "L": "m", "T": "s", "N": "mol"}


def _si_unit(dim: tuple[int, ...]) -> str:
    parts = [f"{SI[b]}**{e}" for b, e in zip(BASES, dim) if e and b in SI]
    return " * ".join(parts) or "dimensionless"


CHECKED = sorted(symbol for symbol, unit in UNITS.items() if unit.pint)


@pytest.mark.parametrize("symbol", CHECKED)
def test_every_unit_factor_is_pints(symbol):
    unit = UNITS[symbol]
    quantity = REGISTRY.parse_expression(unit.pint) * Decimal(1)
    assert {PINT_DIMENSIONS[b]: e for b, e in zip(BASES, unit.dim) if e and b in PINT_DIMENSIONS} == {
        k: v for k, v in quantity.dimensionality.items()
    }
    factor = Fraction(quantity.to(_si_unit(unit.dim)).magnitude)
    # pint divides in 28-digit decimals (1/60 is not one); the library keeps the exact fraction
    assert abs(factor - unit.factor) <= unit.factor * Fraction(1, 10**26), f"{symbol}: pint {factor}, library {unit.factor}"


def test_the_units_pint_cannot_state_are_the_counted_bases():
    unchecked = sorted(s for s, u in UNITS.items() if not u.pint)
    assert all(UNITS[s].dim[BASES.index("IU")] or UNITS[s].dim[BASES.index("BSA")] for s in unchecked), unchecked
    assert UNITS["mL/min/1.73m²"].factor == UNITS["mL/min"].factor
    assert UNITS["IU/mL"].factor == 1000 * UNITS["mIU/mL"].factor == 10**6 * UNITS["mIU/L"].factor


#: conversions through a molar mass between a mass and an amount concentration (the urine
#: albumin-to-creatinine ratio, a ratio of masses per creatinine, is checked by its worked value)
MOLAR = [(q.id, u) for q in QUANTITIES.values() if q.molar_mass and q.id != "uacr" for u in q.units
         if UNITS[u].dim != q.dim]


@pytest.mark.parametrize(("quantity_id", "unit"), MOLAR)
def test_molar_conversions_are_pints_through_the_molar_mass(quantity_id, unit):
    quantity = QUANTITIES[quantity_id]
    mw = REGISTRY.Quantity(quantity.molar_mass, "g/mol")
    value = Decimal("12.34")
    expected = (REGISTRY.parse_expression(UNITS[unit].pint) * value).to(UNITS[quantity.canonical].pint, "chemistry", mw=mw)
    assert abs(quantity.to_canonical(value, unit) - expected.magnitude) < Decimal("1e-20") * expected.magnitude


@pytest.mark.parametrize(
    ("quantity_id", "value", "unit", "to", "expected"),
    [
        ("creatinine", "1.5", "mg/dL", "µmol/L", "132.6025459688826025459688826"),  # 15 mg/L / 113.12 g/mol
        ("creatinine", "132.63", "µmol/L", "mg/dL", "1.50031056"),
        ("glucose", "7", "mmol/L", "mg/dL", "126.1092"),
        ("hba1c", "7", "%", "mmol/mol", "53.00565"),  # IFCC = (NGSP - 2.15) * 10.929
        ("hba1c", "53.00565", "mmol/mol", "%", "7"),
        ("haemoglobin", "5.5854", "mmol/L", "g/L", "90"),  # Hb(Fe) monomer: 0.6206 mmol/L per g/dL
        ("uacr", "30", "mg/g", "mg/mmol", "3.3936"),
        ("bun", "1", "mmol/L", "mg/dL", "2.8014"),
        ("cell_count", "1500", "/mm³", "10⁹/L", "1.5"),
        ("weight", "100", "lb", "kg", "45.359237"),
    ],
)
def test_worked_conversions(quantity_id, value, unit, to, expected):
    assert QUANTITIES[quantity_id].convert(Decimal(value), unit, to) == Decimal(expected)


def test_a_value_equal_to_a_limit_in_another_unit_converts_exactly_onto_it():
    creatinine = QUANTITIES["creatinine"]
    on_the_limit = creatinine.convert(Decimal("1.5"), "mg/dL", "µmol/L")
    back = creatinine.convert(on_the_limit.quantize(Decimal("1e-20")), "µmol/L", "mg/dL")
    assert back != Decimal("1.5")  # the 28-digit value is not exact...
    # ...but the conversion of a value that is exactly on a decimal limit lands exactly on it
    assert QUANTITIES["hba1c"].to_canonical(Decimal("53.00565"), "mmol/mol") == Decimal(7)
    assert QUANTITIES["glucose"].to_canonical(Decimal("126.1092"), "mg/dL") == Decimal(7)
