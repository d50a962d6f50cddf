"""Calendar arithmetic for date windows and ages.

Months and years are calendar units (dateutil's relativedelta): a month back from
31 May is 30 April, three months back from 31 May is 28 February (29 in a leap
year): the day clamps to the end of a shorter month.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from dateutil.relativedelta import relativedelta
from pydantic import BaseModel, ConfigDict, Field

PeriodUnit = Literal["days", "weeks", "months", "years"]


class Period(BaseModel):
    """A length of time in one calendar unit, e.g. 3 months."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    count: int = Field(ge=0)
    unit: PeriodUnit

    def before(self, day: date) -> date:
        """The date this period before `day` (month ends clamp)."""
        return day - relativedelta(**{self.unit: self.count})


def completed_years(born: date, on: date) -> int:
    """Age in completed years on `on`.

    Someone born on 29 February completes a year on 1 March in a common year
    (the anniversary has not been reached on 28 February).
    """
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))
