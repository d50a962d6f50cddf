"""The screening log's vocabulary: statuses, log rows and filters, and what is still open.

Plain frozen dataclasses rather than pydantic models: rows are read from the site's own
database (already validated when written) by the hundred on the start-up path.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import Enum
from typing import TYPE_CHECKING

from trialdesk.domain.verdict import CriterionResult, Effect

if TYPE_CHECKING:
    from trialdesk.domain.stages import Enrolment, Stage


class ScreeningStatus(str, Enum):
    IN_PROGRESS = "in_progress"
    ELIGIBLE = "eligible"
    INELIGIBLE = "ineligible"
    SCREEN_FAILURE = "screen_failure"
    SIGNED = "signed"
    SUPERSEDED = "superseded"

    @property
    def locked(self) -> bool:
        """No answer of a screening in this status may change."""
        return self in (ScreeningStatus.SIGNED, ScreeningStatus.SUPERSEDED)


@dataclass(frozen=True, slots=True)
class LogEntry:
    """One row of the screening log."""

    id: int
    protocol_id: str
    protocol_version: str
    screening_number: str
    version: int
    initials: str
    screening_date: date
    consent_date: date
    status: ScreeningStatus
    failed_criteria: tuple[str, ...] = ()
    screen_failure_reason: str | None = None
    attempt: int = 1
    rescreen_of: str | None = None  # the screening number of the subject's attempt before this one
    enrolment: Enrolment | None = None

    @property
    def stage(self) -> Stage:
        from trialdesk.domain.stages import stage_of

        return stage_of(self.status, self.failed_criteria, self.enrolment)

    def as_dict(self) -> dict[str, object]:
        e = self.enrolment
        return {
            "id": self.id, "protocol_id": self.protocol_id, "protocol_version": self.protocol_version,
            "screening_number": self.screening_number, "version": self.version, "initials": self.initials,
            "screening_date": self.screening_date.isoformat(), "consent_date": self.consent_date.isoformat(),
            "status": self.status.value, "failed_criteria": list(self.failed_criteria),
            "screen_failure_reason": self.screen_failure_reason, "stage": self.stage.value, "attempt": self.attempt,
            "rescreen_of": self.rescreen_of,
            "enrolment": None if e is None else {
                "enrolled": e.enrolled, "on": e.on.isoformat(), "number": e.number,
                "reason": e.reason.value if e.reason else None, "text": e.text},
        }


@dataclass(frozen=True, slots=True)
class LogFilter:
    """What the screening log shows: by status, screening-date range and a search text."""

    statuses: tuple[ScreeningStatus, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    search: str = ""
    protocol_id: str | None = None
    include_superseded: bool = False


#: Two audit entries further apart than this are two sittings, not one: the pause between them
#: (lunch, a clinic, the night) is not time spent on the screening.
WORKING_PAUSE = timedelta(minutes=30)

#: The effects of a criterion that is still to be decided: answers still to give, or a date still to come.
STILL_OPEN = (Effect.OPEN, Effect.PENDING)


@dataclass(frozen=True, slots=True)
class Signing:
    """Who signed (or completed) a screening, and when, in the time of the place where it was done."""

    name: str
    at: datetime


@dataclass(frozen=True, slots=True)
class LogRow:
    """One row of the log as the window shows it: the entry, who entered and signed it, the time spent.

    `entered_by`: who started the screening, then anyone else whose answer it holds.
    `time_spent`: the sum of its sittings in the audit trail (pauses over `WORKING_PAUSE` left
    out); None when not read with the row (see `trialdesk.desk.log`). `last_change`: the audit
    sequence of its last entry (0 when none), which says whether what was worked out from the
    screening's trail and answers is still current.
    """

    entry: LogEntry
    entered_by: tuple[str, ...] = ()
    signed: Signing | None = None
    completed: Signing | None = None
    time_spent: timedelta | None = None
    last_change: int = 0


def still_open(results: Iterable[CriterionResult]) -> tuple[CriterionResult, ...]:
    """The results still to be decided, in protocol order."""
    return tuple(r for r in results if r.effect in STILL_OPEN)


def may_have_open_criteria(status: ScreeningStatus) -> bool:
    """Whether a screening in this status is still being worked on and may leave criteria open:
    an eligible one has none, and a signed or failed one is finished with."""
    return status in (ScreeningStatus.IN_PROGRESS, ScreeningStatus.INELIGIBLE)
