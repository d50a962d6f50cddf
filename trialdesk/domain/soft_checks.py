"""Soft checks of the subject's dates: possible, but what a tired coordinator mistypes.

Each gives a warning that the person confirms (the confirmation is audited) or corrects; none
refuses. The hard limits stay where they are (`check_subject`, `read_date`): dates within
1900–2199, the date of birth and the consent date on or before the screening date.

- A date of birth giving an age over `MAX_USUAL_AGE` at the screening date (1952 typed 1925).
- A screening or consent date after today: it cannot have happened yet, unless the computer's
  clock is wrong, which is why it is a warning and not a refusal.
- A screening or consent date `FAR_YEARS` or more before today. Screenings are entered at the
  visit or from their paper source days later; a site backfilling its log, or entering screenings
  under a protocol version since replaced, enters dates weeks or months back, and asking each of
  those to be confirmed would teach people to press Confirm unread. What lands a year back is
  the mistyped year (last year's, in January), which this catches.

"Today" is the caller's (the session's clock): the domain reads no clock.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from trialdesk.domain.errors import Problem
from trialdesk.domain.periods import completed_years

MAX_USUAL_AGE = 100  # completed years at the screening date; older asks to be confirmed
FAR_YEARS = 1  # a screening or consent date this many years or more before today asks to be confirmed

#: the subject's dates these checks read
CHECKED = ("date_of_birth", "screening_date", "consent_date")


def subject_warnings(dates: Mapping[str, date | None], today: date | None,
                     changed: Iterable[str] | None = None) -> list[Problem]:
    """The warnings about the subject's dates (`date_of_birth`, `screening_date`, `consent_date`;
    a missing one is not checked). With `changed`, only those dates' warnings; with `today` None,
    only the age (the dates against today are not checked)."""
    wanted = set(CHECKED if changed is None else changed)
    on = dates.get("screening_date")
    problems: list[Problem] = []
    born = dates.get("date_of_birth")
    if "date_of_birth" in wanted and born is not None and on is not None:
        age = completed_years(born, on)
        if age > MAX_USUAL_AGE:
            problems.append(Problem("age_over_usual", "date_of_birth",
                                    {"value": born.isoformat(), "age": age, "limit": MAX_USUAL_AGE}))
    for field in ("screening_date", "consent_date"):
        day = dates.get(field)
        if field not in wanted or day is None or today is None:
            continue
        if day > today:
            problems.append(Problem("date_in_future", field, {"value": day.isoformat(), "today": today.isoformat(),
                                                              "days": (day - today).days}))
        elif completed_years(day, today) >= FAR_YEARS:
            problems.append(Problem("date_far_past", field, {"value": day.isoformat(), "today": today.isoformat(),
                                                             "days": (today - day).days, "years": FAR_YEARS}))
    return problems
