"""Units, quantities (analytes) and exact conversions between the units a quantity is entered in.

Two layers, as a laboratory's own reference tables have them:

- **Units** (`UNITS`): each symbol has a dimension (exponents of mass, length, time, amount
  of substance, and two counted bases) and an exact factor to the coherent SI unit of that
  dimension, as a fraction. mg/dL is mass/length³ with factor 1/100 (kg/m³); µmol/L is
  amount/length³ with factor 1/1000 (mol/m³). Every factor is checked against pint, a
  well-kept units library, by the test suite (tests/domain/test_units_library.py); pint is
  not needed to run the program, whose arithmetic is these exact fractions.
- **Quantities** (`QUANTITIES`, extended by a protocol's `quantities:`): an analyte with the
  unit rules compare it in (canonical) and the units it may be entered in. Units of the
  canonical unit's dimension convert by their factors; a mass and an amount concentration
  convert through the analyte's molar mass (creatinine 113.12 g/mol: 1 mg/dL = 88.42 µmol/L);
  anything else is declared per analyte as an exact affine conversion (HbA1c IFCC mmol/mol to
  NGSP %: the master equation NGSP = IFCC / 10.929 + 2.15).

Conversions are exact: factors are fractions, the result is one decimal division in the
`CONVERSION` context (28 significant digits). A limit is a decimal of at most 6 places and a
value has at most 15 significant digits, so a converted value equal to a limit comes out
exactly equal, and one that differs differs far above the 28th digit: a comparison at the
boundary is decided exactly.

Haemoglobin in mmol/L is the per-globin-chain (monomer, Hb(Fe)) concentration used by Dutch
and other SI laboratories: g/dL = mmol/L / 0.6206 (REFERENCE.md §3.8, [D9]). The
per-tetramer factor (0.155) is never used by clinical laboratories for haemoglobin.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, Context, Decimal, DivisionByZero, InvalidOperation
from fractions import Fraction
from types import MappingProxyType

#: Conversions run in their own context, never the thread's; an overflow gives Infinity
#: (which no plausible range contains) instead of raising.
CONVERSION = Context(prec=28, rounding=ROUND_HALF_EVEN, traps=[InvalidOperation, DivisionByZero])

#: dimension bases: mass, length, time, amount of substance, "international units" of a
#: biological activity that has no molar definition, and body-surface-normalised (1.73 m²).
BASES = ("M", "L", "T", "N", "IU", "BSA")
Dimension = tuple[int, int, int, int, int, int]
NONE: Dimension = (0, 0, 0, 0, 0, 0)


def dimension(**exponents: int) -> Dimension:
    return tuple(exponents.get(b, 0) for b in BASES)  # type: ignore[return-value]


def times(a: Dimension, b: Dimension, power: int = 1) -> Dimension:
    return tuple(x + power * y for x, y in zip(a, b))  # type: ignore[return-value]


def describe(dim: Dimension) -> str:
    """A dimension in words for a refusal: "M·L⁻³"."""
    parts = [b if e == 1 else f"{b}^{e}" for b, e in zip(BASES, dim) if e]
    return "·".join(parts) or "dimensionless"


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit symbol: its dimension and its exact factor to the coherent SI unit of it."""

    symbol: str
    dim: Dimension
    factor: Fraction
    pint: str | None = None  # the same unit in pint's syntax, for the independent check
    shown: str | None = None  # how a reader sees it, where the symbol is not ("" for a pure number)

    @property
    def label(self) -> str:
        return self.symbol if self.shown is None else self.shown


_F = Fraction
_MASS, _LEN, _TIME, _AMOUNT = dimension(M=1), dimension(L=1), dimension(T=1), dimension(N=1)
_VOLUME = dimension(L=3)
_PER_VOLUME = dimension(L=-3)
_MASS_CONC = dimension(M=1, L=-3)
_AMOUNT_CONC = dimension(N=1, L=-3)
_DAY = _F(86_400)


def _units(*units: Unit) -> MappingProxyType[str, Unit]:
    return MappingProxyType({u.symbol: u for u in units})


#: The program's units library: the units laboratories, clinics and protocols write.
UNITS: MappingProxyType[str, Unit] = _units(
    # pure numbers
    Unit("1", NONE, _F(1), "dimensionless", shown=""),
    Unit("%", NONE, _F(1, 100), "percent"),
    Unit("ratio", NONE, _F(1), "dimensionless", shown=""),
    Unit("mmol/mol", NONE, _F(1, 1000), "mmol/mol"),
    Unit("points", NONE, _F(1), "dimensionless", shown="points"),
    # mass, length, area, volume, time
    Unit("kg", _MASS, _F(1), "kg"),
    Unit("g", _MASS, _F(1, 1000), "g"),
    Unit("mg", _MASS, _F(1, 10**6), "mg"),
    Unit("µg", _MASS, _F(1, 10**9), "ug"),
    Unit("lb", _MASS, _F(45_359_237, 10**8), "lb"),
    Unit("m", _LEN, _F(1), "m"),
    Unit("cm", _LEN, _F(1, 100), "cm"),
    Unit("mm", _LEN, _F(1, 1000), "mm"),
    Unit("in", _LEN, _F(254, 10_000), "inch"),
    Unit("m²", dimension(L=2), _F(1), "m**2"),
    Unit("L", _VOLUME, _F(1, 1000), "L"),
    Unit("mL", _VOLUME, _F(1, 10**6), "mL"),
    Unit("s", _TIME, _F(1), "s"),
    Unit("min", _TIME, _F(60), "min"),
    Unit("h", _TIME, _F(3600), "hour"),
    Unit("days", _TIME, _DAY, "day"),
    Unit("weeks", _TIME, 7 * _DAY, "week"),
    Unit("ms", _TIME, _F(1, 1000), "ms"),
    # body-mass index, rates, pressure, speed
    Unit("kg/m²", dimension(M=1, L=-2), _F(1), "kg/m**2"),
    Unit("/min", dimension(T=-1), _F(1, 60), "1/min"),
    Unit("bpm", dimension(T=-1), _F(1, 60), "1/min"),
    Unit("mm/h", dimension(L=1, T=-1), _F(1, 1000 * 3600), "mm/hour"),
    Unit("mmHg", dimension(M=1, L=-1, T=-2), _F(133_322_387_415, 10**9), "mmHg"),
    Unit("kPa", dimension(M=1, L=-1, T=-2), _F(1000), "kPa"),
    Unit("mL/min", dimension(L=3, T=-1), _F(1, 60 * 10**6), "mL/min"),
    Unit("mL/min/1.73m²", dimension(L=3, T=-1, BSA=-1), _F(1, 60 * 10**6), None),
    # mass concentrations (kg/m³ = g/L)
    Unit("g/L", _MASS_CONC, _F(1), "g/L"),
    Unit("g/dL", _MASS_CONC, _F(10), "g/dL"),
    Unit("mg/dL", _MASS_CONC, _F(1, 100), "mg/dL"),
    Unit("mg/L", _MASS_CONC, _F(1, 1000), "mg/L"),
    Unit("µg/L", _MASS_CONC, _F(1, 10**6), "ug/L"),
    Unit("ng/mL", _MASS_CONC, _F(1, 10**6), "ng/mL"),
    Unit("µg/dL", _MASS_CONC, _F(1, 10**5), "ug/dL"),
    Unit("pg/mL", _MASS_CONC, _F(1, 10**9), "pg/mL"),
    Unit("ng/L", _MASS_CONC, _F(1, 10**9), "ng/L"),
    # amount concentrations (mol/m³ = mmol/L)
    Unit("mol/L", _AMOUNT_CONC, _F(1000), "mol/L"),
    Unit("mmol/L", _AMOUNT_CONC, _F(1), "mmol/L"),
    Unit("µmol/L", _AMOUNT_CONC, _F(1, 1000), "umol/L"),
    Unit("nmol/L", _AMOUNT_CONC, _F(1, 10**6), "nmol/L"),
    Unit("pmol/L", _AMOUNT_CONC, _F(1, 10**9), "pmol/L"),
    Unit("mEq/L", _AMOUNT_CONC, _F(1), "mmol/L"),  # for monovalent ions, as laboratories use it
    # enzyme activities (U = µmol/min) and international units
    Unit("U/L", dimension(N=1, T=-1, L=-3), _F(1, 60 * 1000), "U/L"),
    Unit("IU/L", dimension(N=1, T=-1, L=-3), _F(1, 60 * 1000), "U/L"),
    Unit("kU/L", dimension(N=1, T=-1, L=-3), _F(1, 60), "kU/L"),
    Unit("IU/mL", dimension(IU=1, L=-3), _F(10**6), None),
    Unit("mIU/mL", dimension(IU=1, L=-3), _F(1000), None),
    Unit("mIU/L", dimension(IU=1, L=-3), _F(1), None),
    # cell counts (per m³)
    Unit("10⁹/L", _PER_VOLUME, _F(10**12), "1e9/L", shown="× 10⁹/L"),
    Unit("10¹²/L", _PER_VOLUME, _F(10**15), "1e12/L", shown="× 10¹²/L"),
    Unit("/mm³", _PER_VOLUME, _F(10**9), "1/mm**3"),
    Unit("/µL", _PER_VOLUME, _F(10**9), "1/uL"),
    # doses
    Unit("mg/day", dimension(M=1, T=-1), _F(1, 10**6) / _DAY, "mg/day"),
    Unit("mg/week", dimension(M=1, T=-1), _F(1, 10**6) / (7 * _DAY), "mg/week"),
    Unit("g/day", dimension(M=1, T=-1), _F(1, 1000) / _DAY, "g/day"),
    Unit("mg/kg", NONE, _F(1, 10**6), "mg/kg"),
    Unit("mg/g", NONE, _F(1, 1000), "mg/g"),
    Unit("mg/mmol", dimension(M=1, N=-1), _F(1, 1000), "mg/mmol"),
    Unit("mg/m²", dimension(M=1, L=-2), _F(1, 10**6), "mg/m**2"),
)

#: symbols written differently for the same unit (ASCII for µ, ² and ⁹)
ALIASES = MappingProxyType(
    {"ug": "µg", "ug/L": "µg/L", "ug/dL": "µg/dL", "umol/L": "µmol/L", "m2": "m²", "kg/m2": "kg/m²",
     "mL/min/1.73m2": "mL/min/1.73m²", "10^9/L": "10⁹/L", "10^12/L": "10¹²/L", "/mm3": "/mm³",
     "/uL": "/µL", "mg/m2": "mg/m²", "hours": "h"}
)


def unit_symbol(symbol: str, extra: MappingProxyType[str, Unit] | dict[str, Unit] | None = None) -> str | None:
    """The library symbol `symbol` names (aliases resolved), or None when no unit has it."""
    symbol = ALIASES.get(symbol, symbol)
    if symbol in UNITS or (extra is not None and symbol in extra):
        return symbol
    return None


@dataclass(frozen=True, slots=True)
class Conversion:
    """canonical = value * factor + offset, exactly (fractions), computed as one decimal division:
    canonical = (value * A + C) / B with whole numbers A, B, C."""

    factor: Fraction
    offset: Fraction = Fraction(0)
    _a: Decimal = field(init=False, repr=False, compare=False)
    _b: Decimal = field(init=False, repr=False, compare=False)
    _c: Decimal = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        q, p = self.offset.denominator, self.offset.numerator
        object.__setattr__(self, "_a", Decimal(self.factor.numerator * q))
        object.__setattr__(self, "_b", Decimal(self.factor.denominator * q))
        object.__setattr__(self, "_c", Decimal(p * self.factor.denominator))

    def to_canonical(self, value: Decimal) -> Decimal:
        if self.offset == 0:
            return CONVERSION.divide(CONVERSION.multiply(value, self._a), self._b)
        return CONVERSION.divide(CONVERSION.fma(value, self._a, self._c), self._b)

    def from_canonical(self, value: Decimal) -> Decimal:
        return CONVERSION.divide(CONVERSION.fma(value, self._b, -self._c), self._a)


def to_decimal(value: Fraction) -> Decimal:
    """A fraction as a decimal of 28 significant digits (exact whenever the decimal is finite and that short)."""
    return CONVERSION.divide(Decimal(value.numerator), Decimal(value.denominator))


@dataclass(frozen=True, slots=True)
class Quantity:
    """A measurable quantity (an analyte): the unit rules compare it in, and the units it may be entered in."""

    id: str
    canonical: str
    units: MappingProxyType[str, Conversion]
    dim: Dimension = NONE
    molar_mass: Decimal | None = None  # g/mol
    citation: str = ""
    labels: MappingProxyType[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def to_canonical(self, value: Decimal, unit: str) -> Decimal:
        return self.units[unit].to_canonical(value)

    def convert(self, value: Decimal, unit: str, to: str) -> Decimal:
        if unit == to:
            return value
        return self.units[to].from_canonical(self.units[unit].to_canonical(value))

    def unit_label(self, unit: str) -> str:
        """How a reader sees a unit of this quantity ("" for a pure number)."""
        return self.labels.get(unit, unit)

    si_factor: Fraction = Fraction(1)  # the canonical unit's factor to the coherent SI unit

    def to_si(self, value: Decimal) -> Fraction:
        """A canonical value in the coherent SI unit of the canonical unit's dimension (for derived values)."""
        return Fraction(value) * self.si_factor


class UnitProblem(ValueError):
    """A quantity that cannot be built: which unit, and what was expected."""


def build_quantity(
    id: str,
    canonical: str,
    units: tuple[str, ...],
    *,
    molar_mass: Decimal | None = None,
    conversions: dict[str, tuple[Fraction, Fraction]] | None = None,
    library: MappingProxyType[str, Unit] | dict[str, Unit] = UNITS,
    citation: str = "",
) -> Quantity:
    """A quantity whose units convert to `canonical` by dimension, by molar mass, or as declared.

    `conversions` maps a unit to (factor, offset) with canonical = value * factor + offset.
    """
    conversions = conversions or {}
    base = library[canonical]
    table: dict[str, Conversion] = {canonical: Conversion(Fraction(1))}
    labels: dict[str, str] = {}
    for symbol in dict.fromkeys((canonical, *units, *conversions)):
        unit = library.get(symbol)
        if unit is not None and unit.shown is not None:
            labels[symbol] = unit.shown
        if symbol == canonical:
            continue
        if symbol in conversions:
            factor, offset = conversions[symbol]
            table[symbol] = Conversion(factor, offset)
        elif unit is None:
            raise UnitProblem(f"unknown unit {symbol!r}: declare it under units, or give its conversion")
        elif unit.dim == base.dim:
            table[symbol] = Conversion(unit.factor / base.factor)
        elif molar_mass is not None and _molar(unit.dim, base.dim) is not None:
            # mass = amount * M: a unit of amount concentration times M (kg/mol) gives mass concentration
            power = _molar(unit.dim, base.dim)
            table[symbol] = Conversion(unit.factor * (Fraction(molar_mass) / 1000) ** power / base.factor)
        else:
            hint = " (give the analyte's molar_mass)" if _molar(unit.dim, base.dim) is not None else ""
            raise UnitProblem(
                f"unit {symbol!r} ({describe(unit.dim)}) does not convert to {canonical!r} "
                f"({describe(base.dim)}){hint}; declare its conversion"
            )
    return Quantity(id, canonical, MappingProxyType(table), base.dim, molar_mass, citation, MappingProxyType(labels),
                    base.factor)


def _molar(unit: Dimension, canonical: Dimension) -> int | None:
    """+1 when `unit` is an amount form of `canonical`'s mass form, -1 the reverse; else None."""
    amount_to_mass = times(dimension(M=1), dimension(N=1), -1)  # kg per mol
    if times(unit, amount_to_mass) == canonical:
        return 1
    if times(unit, amount_to_mass, -1) == canonical:
        return -1
    return None


def _q(id: str, canonical: str, *units: str, citation: str = "", molar_mass: str | None = None,
       conversions: dict[str, tuple[Fraction, Fraction]] | None = None) -> Quantity:
    return build_quantity(id, canonical, units, citation=citation, conversions=conversions,
                          molar_mass=None if molar_mass is None else Decimal(molar_mass))


_ZERO = Fraction(0)
#: The program's curated quantities: what a protocol names with `quantity:` without declaring it.
QUANTITIES: MappingProxyType[str, Quantity] = MappingProxyType(
    {
        q.id: q
        for q in (
            _q("haemoglobin", "g/L", "g/dL", "mmol/L",
               conversions={"mmol/L": (_F(10) / _F("0.6206"), _ZERO)},
               citation="Hb(Fe) monomer: g/dL = mmol/L / 0.6206"),
            _q("crp", "mg/L", "mg/dL"),
            _q("esr", "mm/h"),
            _q("vas", "mm", "cm"),
            _q("duration", "weeks", "days"),
            _q("plain", "1"),
            _q("percent", "%"),
            _q("weight", "kg", "g", "lb"),
            _q("height", "cm", "m", "in"),
            _q("bmi", "kg/m²"),
            _q("blood_pressure", "mmHg", "kPa"),
            _q("heart_rate", "bpm", "/min"),
            _q("qtc", "ms"),
            _q("lvef", "%"),
            _q("creatinine", "mg/dL", "µmol/L", "mmol/L", molar_mass="113.12",
               citation="creatinine 113.12 g/mol: 1 mg/dL = 88.42 µmol/L"),
            _q("glucose", "mmol/L", "mg/dL", molar_mass="180.156",
               citation="glucose 180.156 g/mol: 1 mmol/L = 18.0156 mg/dL"),
            _q("hba1c", "%", "mmol/mol",
               conversions={"mmol/mol": (1 / _F("10.929"), _F("2.15"))},
               citation="NGSP/IFCC master equation: NGSP % = IFCC mmol/mol / 10.929 + 2.15"),
            _q("bilirubin", "mg/dL", "µmol/L", molar_mass="584.66",
               citation="bilirubin 584.66 g/mol: 1 mg/dL = 17.1 µmol/L"),
            _q("albumin", "g/L", "g/dL"),
            _q("total_protein", "g/L", "g/dL"),
            _q("urea", "mmol/L", "mg/dL", molar_mass="60.06", citation="urea 60.06 g/mol"),
            _q("bun", "mg/dL", "mmol/L", molar_mass="28.014",
               citation="urea nitrogen 28.014 g/mol (two nitrogen atoms): 1 mmol/L = 2.8014 mg/dL"),
            _q("potassium", "mmol/L", "mEq/L"),
            _q("sodium", "mmol/L", "mEq/L"),
            _q("calcium", "mmol/L", "mg/dL", molar_mass="40.078"),
            _q("cholesterol", "mmol/L", "mg/dL", molar_mass="386.65",
               citation="cholesterol 386.65 g/mol: 1 mmol/L = 38.665 mg/dL"),
            _q("triglycerides", "mmol/L", "mg/dL", molar_mass="885.7",
               citation="triolein 885.7 g/mol: 1 mmol/L = 88.57 mg/dL"),
            _q("enzyme", "U/L", "IU/L", "kU/L"),
            _q("cell_count", "10⁹/L", "/mm³", "/µL"),
            _q("platelets", "10⁹/L", "/mm³", "/µL"),
            _q("red_cells", "10¹²/L"),
            _q("inr", "ratio"),
            _q("egfr", "mL/min/1.73m²"),
            _q("creatinine_clearance", "mL/min"),
            _q("ntprobnp", "pg/mL", "ng/L"),
            _q("troponin", "ng/L", "pg/mL", "µg/L"),
            _q("psa", "ng/mL", "µg/L"),
            _q("hcg", "mIU/mL", "mIU/L", "IU/mL"),
            _q("uacr", "mg/g", "mg/mmol", molar_mass="113.12",
               citation="urine albumin to creatinine, creatinine 113.12 g/mol: 1 mg/mmol = 8.84 mg/g"),
            _q("urine_protein", "g/day", "mg/day"),
            _q("fev1_percent", "%"),
            _q("spo2", "%"),
            _q("ecog", "points"),
        )
    }
)
