"""Calendar arithmetic for date windows and ages.

Months and years are calendar units (dateutil's relativedelta): a month back from
31 May is 30 April, three months back from 31 May is 28 February (29 in a leap
year): the day clamps to the end of a shorter month.

A period is at most a century in its unit (`MAX_COUNT`): no eligibility window is
longer, and a count of 10^400 is refused when the protocol is read, not when it is used.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal, TypeVar

from dateutil.relativedelta import relativedelta
from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

PeriodUnit = Literal["hours", "days", "weeks", "months", "years"]

#: the longest period in each unit: 100 years.
MAX_COUNT: dict[str, int] = {"hours": 876_600, "days": 36_525, "weeks": 5_218, "months": 1_200, "years": 100}

Moment = TypeVar("Moment", date, datetime)


class Period(BaseModel):
    """A length of time in one calendar unit, e.g. 3 months (at most 100 years)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    # `unit` is read first so that `count` is checked against its unit's maximum.
    unit: PeriodUnit
    count: int = Field(ge=0, le=max(MAX_COUNT.values()))

    @field_validator("count")
    @classmethod
    def _at_most_a_century(cls, count: int, info: ValidationInfo) -> int:
        unit = info.data.get("unit")
        if unit in MAX_COUNT and count > MAX_COUNT[unit]:
            raise ValueError(f"at most {MAX_COUNT[unit]} {unit} (100 years) expected")
        return count

    def before(self, day: Moment) -> Moment:
        """The date (or moment) this period before `day` (month ends clamp; never before year 1)."""
        try:
            return day - relativedelta(**{self.unit: self.count})
        except (OverflowError, ValueError):
            return type(day).min

    def after(self, day: Moment) -> Moment:
        """The date (or moment) this period after `day` (month ends clamp; never after year 9999)."""
        try:
            return day + relativedelta(**{self.unit: self.count})
        except (OverflowError, ValueError):
            return type(day).max


def completed_years(born: date, on: date) -> int:
    """Age in completed years on `on`.

    Someone born on 29 February completes a year on 1 March in a common year
    (the anniversary has not been reached on 28 February).
    """
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))
