"""The screening and enrolment log as sponsors file it: one row per screening, and its totals.

A row identifies the subject by screening number and initials only, as a log that leaves the site
must: no name, no date of birth, nothing else that points to a person. Re-screenings are rows of
their own, linked to the subject's previous attempt by `rescreen_of`; the totals count each
subject once. Built by the site service from the site's records; printed by
`trialdesk.worksheet.screening_log`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

#: the coded reasons a subject was not enrolled, in the order the log lists them
REASONS = ("declined", "not_approached", "withdrew_consent", "lost", "other")


@dataclass(frozen=True, slots=True)
class SponsorLogRow:
    """One screening (one attempt) of one subject.

    `eligible` is None while the eligibility is not decided; `enrolled` None while no outcome is
    recorded. `reason_not_enrolled` is one of `REASONS`; `reason_text` the words given with
    "other", or any note. `attempt` 1 is the subject's first screening; a later attempt names the
    screening number of the one before it in `rescreen_of`."""

    screening_number: str
    initials: str
    consent_date: date
    consent_version: str
    screening_date: date
    eligible: bool | None
    criteria_not_met: tuple[str, ...]
    screen_failure_reason: str | None
    enrolled: bool | None
    randomisation_number: str | None
    enrolment_date: date | None
    reason_not_enrolled: str | None
    reason_text: str | None
    attempt: int
    rescreen_of: str | None
    protocol_version: str

    def __post_init__(self) -> None:
        if self.attempt < 1:
            raise ValueError(f"{self.screening_number}: attempt {self.attempt}: the first screening is attempt 1")
        if (self.attempt == 1) != (self.rescreen_of is None):
            raise ValueError(f"{self.screening_number}: a re-screening (attempt 2 or later), and only one, "
                             f"names the attempt before it")
        if self.reason_not_enrolled is not None and self.reason_not_enrolled not in REASONS:
            raise ValueError(f"{self.screening_number}: {self.reason_not_enrolled!r} is not one of {', '.join(REASONS)}")


@dataclass(frozen=True, slots=True)
class SponsorLogHeader:
    """What every page of the log repeats, and who printed it when. `date_from`/`date_to` bound the
    screening dates listed (None: open); `printed_at` is aware."""

    protocol_id: str
    protocol_title: str
    sponsor: str
    protocol_versions: tuple[str, ...]
    site_number: str
    date_from: date | None
    date_to: date | None
    printed_at: datetime
    printed_by: str

    def __post_init__(self) -> None:
        if self.printed_at.tzinfo is None or self.printed_at.utcoffset() is None:
            raise ValueError("printed_at must carry its offset from UTC")


@dataclass(frozen=True, slots=True)
class LogTotals:
    """The log's closing counts.

    `subjects` counts each subject once: a first attempt, or a re-screening whose earlier attempt is
    not among the rows (screened before the period listed). Eligibility and outcomes are counted by
    screening. `not_enrolled` gives each reason's count in `REASONS` order (None: no reason given),
    only the reasons that occur; `outcome_pending` the screenings not found ineligible whose
    outcome is not recorded yet."""

    subjects: int
    screenings: int
    rescreenings: int
    eligible: int
    not_eligible: int
    eligibility_pending: int
    enrolled: int
    not_enrolled: tuple[tuple[str | None, int], ...]
    outcome_pending: int

    @property
    def not_enrolled_total(self) -> int:
        return sum(count for _, count in self.not_enrolled)


def totals(rows: Iterable[SponsorLogRow]) -> LogTotals:
    """The counts of the log's closing box, for rows in any order."""
    rows = list(rows)
    listed = {row.screening_number for row in rows}
    reasons = Counter(row.reason_not_enrolled for row in rows if row.enrolled is False)
    return LogTotals(
        subjects=sum(row.attempt == 1 or row.rescreen_of not in listed for row in rows),
        screenings=len(rows),
        rescreenings=sum(row.attempt > 1 for row in rows),
        eligible=sum(row.eligible is True for row in rows),
        not_eligible=sum(row.eligible is False for row in rows),
        eligibility_pending=sum(row.eligible is None for row in rows),
        enrolled=sum(row.enrolled is True for row in rows),
        not_enrolled=tuple((reason, reasons[reason]) for reason in (*REASONS, None) if reasons[reason]),
        outcome_pending=sum(row.enrolled is None and row.eligible is not False for row in rows),
    )
