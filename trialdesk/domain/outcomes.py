"""The small vocabulary every rule's evaluation shares: operators as the protocol writes them,
the verdicts, and the day of a date or a date and time."""

from __future__ import annotations

import operator
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from trialdesk.domain.verdict import Verdict

MET, NOT_MET, UNKNOWN, NOT_APPLICABLE = Verdict.MET, Verdict.NOT_MET, Verdict.UNKNOWN, Verdict.NOT_APPLICABLE
OPERATORS: dict[str, Callable[[Any, Any], bool]] = {
    ">=": operator.ge,
    ">": operator.gt,
    "<=": operator.le,
    "<": operator.lt,
    "==": operator.eq,
}


def verdict_for(holds: bool) -> Verdict:
    return MET if holds else NOT_MET


def day_of(moment: date | datetime) -> date:
    return moment.date() if isinstance(moment, datetime) else moment
