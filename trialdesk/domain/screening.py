"""Screening records: the subject, the answers entered, and where the screening stands.

A screening is identified by its screening number within a protocol and site; a
correction of a signed screening is a new version of it that cites the one it replaces.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from trialdesk.domain.errors import FactsInvalid, Problem
from trialdesk.domain.log import ScreeningStatus
from trialdesk.domain.people import Refused
from trialdesk.domain.text import check_text
from trialdesk.domain.values import Unreadable, read_date, shown
from trialdesk.domain.verdict import EligibilityReport, Overall

FROZEN = ConfigDict(frozen=True, extra="forbid")

#: Subject details that are also facts when the protocol asks them under these ids.
SUBJECT_FACTS = ("date_of_birth", "sex", "consent_date")
SUBJECT_FIELDS = ("screening_number", "initials", "date_of_birth", "sex", "screening_date", "consent_date", "consent_version")
SEXES = ("female", "male")
MAX_CONSENT_VERSION = 100

_SCREENING_NUMBER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]{0,31}$")
# Initials: letters of any script (Chinese names included), with optional hyphens or dots.
_INITIALS = re.compile(r"^[^\W\d_](?:[^\W\d_]|[-.]){0,7}$")


def status_from_report(report: EligibilityReport) -> ScreeningStatus:
    """The status an evaluation gives a screening that is being entered."""
    return {
        Overall.ELIGIBLE: ScreeningStatus.ELIGIBLE,
        Overall.INELIGIBLE: ScreeningStatus.INELIGIBLE,
        Overall.INCOMPLETE: ScreeningStatus.IN_PROGRESS,
    }[report.overall]


class Subject(BaseModel):
    """Who is screened, when, and under which consent."""

    model_config = FROZEN

    screening_number: str
    initials: str
    date_of_birth: date
    sex: Literal["female", "male"]
    screening_date: date
    consent_date: date
    consent_version: str


def check_subject(raw: dict[str, Any]) -> Subject:
    """A subject from raw form or file values; raises FactsInvalid with a problem per bad field.

    Dates are exactly ``YYYY-MM-DD`` (or date objects) within 1900–2199; the other fields are text.
    """
    problems: list[Problem] = []
    values: dict[str, Any] = {}
    for field in SUBJECT_FIELDS:
        value = raw.get(field)
        if isinstance(value, str):
            value = value.strip()
        if value is None or value == "":
            problems.append(Problem("required", field))
            continue
        if field in ("date_of_birth", "screening_date", "consent_date"):
            try:
                value = read_date(value)
            except Unreadable as error:
                problems.append(Problem(error.code, field, error.params))
                continue
        elif not isinstance(value, str):
            problems.append(Problem("not_text", field, {"value": shown(value)}))
            continue
        elif field == "screening_number" and not _SCREENING_NUMBER.fullmatch(value):
            problems.append(Problem("bad_screening_number", field, {"value": shown(value)}))
            continue
        elif field == "initials" and not _INITIALS.fullmatch(value):
            problems.append(Problem("bad_initials", field, {"value": shown(value)}))
            continue
        elif field == "sex" and value not in SEXES:
            problems.append(Problem("unknown_option", field, {"value": shown(value), "options": list(SEXES)}))
            continue
        elif field == "consent_version":
            try:
                value = check_text(value, field, MAX_CONSENT_VERSION)
            except Refused as refused:
                problems.append(Problem(refused.code, field, {"value": shown(value), **refused.params}))
                continue
        values[field] = value
    on = values.get("screening_date")
    for field in ("date_of_birth", "consent_date"):
        if on and field in values and values[field] > on:
            problems.append(Problem("after_screening", field, {"value": values[field], "screening_date": on}))
    if problems:
        raise FactsInvalid(problems)
    return Subject(**values)


class Screening(BaseModel):
    """One version of one subject's screening, as stored."""

    model_config = FROZEN

    id: int
    protocol_id: str
    protocol_version: str
    protocol_sha256: str | None = None  # of the protocol file it was started under; None: not recorded (older)
    site: str
    subject: Subject
    version: int = 1
    supersedes: int | None = None
    status: ScreeningStatus = ScreeningStatus.IN_PROGRESS
    answers: dict[str, Any] = {}
    notes: dict[str, str] = {}
    screen_failure_reason: str | None = None
    correction_reason: str | None = None
    created_at: datetime
    created_by: str
    first_id: int | None = None  # the screening's first version (its corrections keep it)
    subject_id: int | None = None  # the first version of the subject's first attempt
    rescreen_of: int | None = None  # the first version of the subject's attempt before this one
    attempt: int = 1
    prescreen_id: int | None = None  # the pre-screening it was started from


class AuditEntry(BaseModel):
    """One line of the audit trail: who did what, when, from which value to which, and why."""

    model_config = FROZEN

    seq: int
    at: datetime  # aware, UTC
    utc_offset: str  # the local offset where it was entered, e.g. "+08:00"
    actor: str
    screening_id: int | None
    action: str
    target: str | None = None
    old_value: Any = None
    new_value: Any = None
    reason: str | None = None
