"""The screening log's vocabulary: statuses, log rows and filters.

Plain frozen dataclasses rather than pydantic models: rows are read from the site's own
database (already validated when written) by the hundred on the start-up path.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import Enum


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

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id, "protocol_id": self.protocol_id, "protocol_version": self.protocol_version,
            "screening_number": self.screening_number, "version": self.version, "initials": self.initials,
            "screening_date": self.screening_date.isoformat(), "consent_date": self.consent_date.isoformat(),
            "status": self.status.value, "failed_criteria": list(self.failed_criteria),
            "screen_failure_reason": self.screen_failure_reason,
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
