"""Where a subject stands in the screening pipeline, and what may follow.

The stages, in order: pre-screened (from records, before consent), consented (a screening is
started), screened (every criterion evaluated, the investigator's decision still to come),
eligible or screen failure (decided: the investigator signed, or a screen failure was recorded),
then enrolled (randomised: a number and a date) or not enrolled with a coded reason. A stage is
worked out from what is recorded, never stored beside it: the screening's status and criteria,
its enrolment outcome, and the pre-screening it was started from.

A re-screening is a new screening (a new attempt) of a subject whose earlier attempt ended
without enrolment; the protocol says how many attempts a subject may have and how long after
the last one the next may start (`protocol.ScreeningPolicy`). A protocol that declares nothing allows
one attempt: re-screening is the protocol's to permit.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from trialdesk.domain.log import ScreeningStatus
from trialdesk.domain.people import Refused
from trialdesk.domain.text import check_text

if TYPE_CHECKING:
    from trialdesk.domain.protocol import ScreeningPolicy

MAX_REASON_TEXT = 200
MAX_ENROLMENT_NUMBER = 32


_DASHES = re.compile("[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]")


def number_key(number: str) -> str:
    """What makes two randomisation numbers the same number: "R-014", "r-014", "Ｒ-０１４" (full width) and
    "R‑014" (a non-breaking hyphen) are one number, given once."""
    return _DASHES.sub("-", unicodedata.normalize("NFKC", number)).casefold().strip()


class Stage(StrEnum):
    PRE_SCREENED = "pre_screened"
    CONSENTED = "consented"
    SCREENED = "screened"
    ELIGIBLE = "eligible"
    SCREEN_FAILURE = "screen_failure"
    ENROLLED = "enrolled"
    NOT_ENROLLED = "not_enrolled"


class NotEnrolledReason(StrEnum):
    DECLINED = "declined"
    NOT_APPROACHED = "not_approached"
    WITHDREW_CONSENT = "withdrew_consent"
    LOST = "lost"
    OTHER = "other"


class PrescreenOutcome(StrEnum):
    """What became of a pre-screened candidate who was not (or not yet) screened."""

    DECLINED = "declined"
    NOT_APPROACHED = "not_approached"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Enrolment:
    """An enrolment outcome as recorded: enrolled (randomised) with its number and date, or not
    enrolled with a coded reason (and words for "other")."""

    enrolled: bool
    on: date
    number: str | None = None
    reason: NotEnrolledReason | None = None
    text: str | None = None
    recorded_by: str = ""
    recorded_at: datetime | None = None
    replaces: int | None = None  # the id of the outcome this one corrects


def stage_of(status: ScreeningStatus, failed_criteria: tuple[str, ...] | list[str],
             enrolment: Enrolment | None) -> Stage:
    """The stage a screening has reached: its enrolment outcome first, then its decision."""
    if enrolment is not None:
        return Stage.ENROLLED if enrolment.enrolled else Stage.NOT_ENROLLED
    if status is ScreeningStatus.SCREEN_FAILURE or (status is ScreeningStatus.SIGNED and failed_criteria):
        return Stage.SCREEN_FAILURE
    if status is ScreeningStatus.SIGNED:
        return Stage.ELIGIBLE
    if status in (ScreeningStatus.ELIGIBLE, ScreeningStatus.INELIGIBLE):
        return Stage.SCREENED
    return Stage.CONSENTED


def decided_eligible(status: ScreeningStatus, failed_criteria: tuple[str, ...] | list[str]) -> bool | None:
    """The sponsor log's "eligible": True once an investigator signed it eligible, False when criteria
    exclude or a screen failure was recorded, None while it is still to be decided."""
    if status is ScreeningStatus.SCREEN_FAILURE or (failed_criteria and status in (ScreeningStatus.INELIGIBLE,
                                                                                  ScreeningStatus.SIGNED)):
        return False
    return True if status is ScreeningStatus.SIGNED else None


def check_enrolment(status: ScreeningStatus, failed_criteria: tuple[str, ...] | list[str], *, enrolled: bool,
                    on: date, screening_date: date, today: date, number: str | None,
                    reason: str | None, text: str | None, signed_on: date | None = None) -> Enrolment:
    """An enrolment outcome for a screening as it stands, or Refused saying why not.

    Enrolled needs the investigator's signed decision that the subject is eligible, a number and a
    date neither before the screening date (nor before the investigator signed, `signed_on`) nor after
    today; the number is kept in its NFKC form (full-width digits as digits). Not enrolled needs a coded reason ("other"
    needs words too) and may be recorded at any stage after consent, a screen failure included (a
    subject who was not eligible is a screen failure already: the reason is for those who were, or
    left before the decision)."""
    if status is ScreeningStatus.SUPERSEDED:
        raise Refused("enrolment_superseded")
    if on < screening_date:
        raise Refused("enrolment_before_screening", on=on.isoformat(), screening_date=screening_date.isoformat())
    if on > today:
        raise Refused("enrolment_in_future", on=on.isoformat(), today=today.isoformat())
    text = check_text(text or "", "text", MAX_REASON_TEXT) or None
    if enrolled:
        if status is not ScreeningStatus.SIGNED or failed_criteria:
            raise Refused("enrolment_needs_signed_eligible", status=status.value)
        if signed_on is not None and on < signed_on:
            raise Refused("enrolment_before_signature", on=on.isoformat(), signed=signed_on.isoformat())
        number = unicodedata.normalize("NFKC", check_text(number or "", "number", MAX_ENROLMENT_NUMBER)).strip()
        if not number:
            raise Refused("enrolment_number_required")
        return Enrolment(True, on, number=number, text=text)
    if number:
        raise Refused("enrolment_number_not_enrolled")
    try:
        code = NotEnrolledReason(reason or "")
    except ValueError:
        raise Refused("not_enrolled_reason_required", options=", ".join(r.value for r in NotEnrolledReason)) from None
    if code is NotEnrolledReason.OTHER and not text:
        raise Refused("not_enrolled_other_needs_text")
    return Enrolment(False, on, reason=code, text=text)


@dataclass(frozen=True, slots=True)
class Attempt:
    """The subject's latest attempt as stored: what a re-screening is decided on."""

    first_id: int
    screening_number: str
    attempt: int
    protocol_id: str
    site: str
    status: ScreeningStatus
    failed_criteria: tuple[str, ...]
    screening_date: date
    enrolment: Enrolment | None


def check_rescreen(policy: ScreeningPolicy, latest: Attempt, *, protocol_id: str, on: date,
                   attempt: int | None = None) -> int:
    """The attempt number a re-screening of `latest`'s subject on `on` would have, or Refused.

    A subject is re-screened only after an attempt that ended without enrolment (a screen failure,
    an ineligible evaluation, or a not-enrolled outcome), under the same protocol, within the
    protocol's attempts and after its interval. `attempt`: the number the new screening says it
    has, which must be that one."""
    if latest.protocol_id != protocol_id:
        raise Refused("rescreen_other_protocol", protocol=latest.protocol_id)
    stage = stage_of(latest.status, latest.failed_criteria, latest.enrolment)
    if stage is Stage.ENROLLED:
        raise Refused("rescreen_enrolled", number=latest.screening_number)
    ended = stage in (Stage.SCREEN_FAILURE, Stage.NOT_ENROLLED) or latest.status is ScreeningStatus.INELIGIBLE
    if not ended:
        raise Refused("rescreen_not_ended", number=latest.screening_number, stage=stage.value)
    if latest.attempt + 1 > policy.max_attempts:
        raise Refused("rescreen_too_many", number=latest.screening_number, attempts=latest.attempt,
                      most=policy.max_attempts)
    days = (on - latest.screening_date).days
    if days < policy.min_interval_days:
        raise Refused("rescreen_too_soon", number=latest.screening_number, days=days,
                      interval=policy.min_interval_days, earliest=date.fromordinal(
                          latest.screening_date.toordinal() + policy.min_interval_days).isoformat())
    if attempt is not None and attempt != latest.attempt + 1:
        raise Refused("rescreen_wrong_attempt", number=latest.screening_number, attempt=attempt,
                      expected=latest.attempt + 1)
    return latest.attempt + 1
