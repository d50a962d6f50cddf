"""Domain checks shared by the score functions."""

from __future__ import annotations

from decimal import Decimal

from trialdesk.domain.errors import DomainError, Problem


def joint_count(name: str, value: int, maximum: int = 28) -> int:
    """A whole joint count within 0..maximum."""
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, (float, Decimal)) and value == int(value):
            value = int(value)
        else:
            raise DomainError(Problem("not_whole", params={"input": name, "value": value}))
    if not 0 <= value <= maximum:
        raise DomainError(
            Problem("out_of_range", params={"input": name, "value": value, "min": 0, "max": maximum})
        )
    return value


def within(name: str, value: Decimal, low: Decimal, high: Decimal, unit: str) -> Decimal:
    """A measurement within low..high inclusive."""
    if not low <= value <= high:
        raise DomainError(
            Problem(
                "out_of_range",
                params={"input": name, "value": value, "min": low, "max": high, "unit": unit},
            )
        )
    return value


def positive(name: str, value: Decimal, unit: str) -> Decimal:
    """A strictly positive measurement (a logarithm's argument)."""
    if value <= 0:
        raise DomainError(Problem("not_positive", params={"input": name, "value": value, "unit": unit}))
    return value
