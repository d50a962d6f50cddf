"""Quantities, their units and exact conversions to the unit each one is compared in.

Conversions run on `Decimal`, so 9.0 g/dL becomes exactly 90 g/L and a value on
the boundary stays on it.

Haemoglobin in mmol/L is the per-globin-chain (monomer, Hb(Fe)) concentration used
by Dutch and other SI laboratories: g/dL = mmol/L / 0.6206 (REFERENCE.md §3.8, [D9]).
The per-tetramer factor (0.155) is never used by clinical laboratories for
haemoglobin and is not offered.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Context, Decimal, DivisionByZero, InvalidOperation
from types import MappingProxyType

#: Conversions run in their own context, never the thread's: 28 significant digits (as
#: Python's default), and an overflow gives Infinity (which no plausible range contains)
#: instead of raising. Answers are bounded before they get here (`values.read_number`: at
#: most 15 significant digits), so neither happens in practice.
CONVERSION = Context(prec=28, rounding=ROUND_HALF_EVEN, traps=[InvalidOperation, DivisionByZero])


@dataclass(frozen=True, slots=True)
class Conversion:
    """canonical = value * factor / divisor (kept apart so both stay exact decimals)."""

    factor: Decimal
    divisor: Decimal = Decimal(1)

    def to_canonical(self, value: Decimal) -> Decimal:
        return CONVERSION.divide(CONVERSION.multiply(value, self.factor), self.divisor)

    def from_canonical(self, value: Decimal) -> Decimal:
        return CONVERSION.divide(CONVERSION.multiply(value, self.divisor), self.factor)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A measurable quantity: the unit rules compare it in, and the units it may be entered in."""

    id: str
    canonical: str
    units: MappingProxyType[str, Conversion]

    def to_canonical(self, value: Decimal, unit: str) -> Decimal:
        return self.units[unit].to_canonical(value)

    def convert(self, value: Decimal, unit: str, to: str) -> Decimal:
        return self.units[to].from_canonical(self.units[unit].to_canonical(value))


def _quantity(id: str, canonical: str, **units: Conversion) -> Quantity:
    return Quantity(id, canonical, MappingProxyType({canonical: Conversion(Decimal(1)), **units}))


_ONE = Decimal(1)
QUANTITIES: MappingProxyType[str, Quantity] = MappingProxyType(
    {
        q.id: q
        for q in (
            _quantity(
                "haemoglobin",
                "g/L",
                **{
                    "g/dL": Conversion(Decimal(10)),
                    "mmol/L": Conversion(Decimal(10), Decimal("0.6206")),
                },
            ),
            _quantity("crp", "mg/L", **{"mg/dL": Conversion(Decimal(10))}),
            _quantity("esr", "mm/h"),
            _quantity("vas", "mm", **{"cm": Conversion(Decimal(10))}),
            _quantity("duration", "weeks", **{"days": Conversion(_ONE, Decimal(7))}),
            _quantity("plain", "1"),
        )
    }
)
