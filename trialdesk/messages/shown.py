"""Numbers and dates as a reader sees them, the same in every language."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_EVEN, Context, Decimal
from typing import Any

MAX_SHOWN_DECIMALS = 6
_SHOWN = Context(prec=60)


def number(value: Any) -> str:
    """A value as entered or as the protocol wrote it: exact, never rounded (9.0 stays 9.0).

    Entered values and limits have at most 6 decimals; a value with more (a conversion, a
    formula) is shown by `near` against what it is compared with.
    """
    if not isinstance(value, Decimal):
        return str(value)
    if value.as_tuple().exponent < -MAX_SHOWN_DECIMALS:
        return near(value, ())
    return format(value, "f")


def near(value: Decimal, limits: tuple | list) -> str:
    """A computed value exactly when it has at most 6 decimals; otherwise to the fewest decimals
    (at least 2, and 4 significant digits) that keep its relation to every limit:
    never rounded onto a limit it is not equal to, nor across one. 52.981 against 52.98 shows
    as 52.981, never as "52.98 outside 52.98–77.03"."""
    limits = [Decimal(limit) for limit in limits if limit is not None]
    if value == value.quantize(Decimal(1).scaleb(-MAX_SHOWN_DECIMALS), context=_SHOWN):  # exact in a few decimals
        return format(value.normalize(_SHOWN), "f")
    for places in range(max(2, 3 - value.adjusted()), 29):  # at least 2 decimals and 4 significant digits
        rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN, context=_SHOWN)
        if all((rounded > limit) == (value > limit) and (rounded < limit) == (value < limit) for limit in limits):
            return format(rounded, "f")
    return format(value, "f")


def moment(value: Any) -> str:
    """A date as YYYY-MM-DD; a date and time as YYYY-MM-DD HH:MM."""
    if value is None:
        return ""
    if hasattr(value, "hour"):
        return value.strftime("%Y-%m-%d %H:%M")
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def raw(value: Decimal) -> str:
    """A formula's unrounded result, to four decimals."""
    return format(value.quantize(Decimal("0.0001")), "f")


def plain(value: Any) -> Any:
    """A parameter of a problem or a refusal as its message shows it: lists joined, dates and
    numbers as above."""
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return number(value)
    return value
