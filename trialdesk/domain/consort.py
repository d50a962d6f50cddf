"""CONSORT counts of a site's screening and enrolment, folded from grouped rows.

The store groups subjects (never single screenings) by how their latest attempt ended
(`OutcomeGroup`) and pre-screened candidates by their result and what became of them
(`PrescreenGroup`); `consort_counts` folds those few rows into the numbers of a CONSORT flow
diagram. Its cost grows with the number of groups, not of screenings.

Rules, applied to each subject once, by the latest attempt's newest version:

1. Assessed for eligibility ("screened"): every subject who consented and has a screening,
   counted once however many attempts they had (re-screening is counted apart).
2. Enrolled / randomised: an enrolment is recorded. Nothing else is required; an enrolled subject
   whose latest attempt has excluding criteria is counted enrolled, and also in
   `enrolled_failing_criteria` (a deviation a monitor wants to see).
3. Excluded, not meeting eligibility criteria: the latest attempt is ineligible or a screen
   failure, or signed with excluding criteria (a screen failure recorded by hand with no
   criterion excluding and a not-enrolled reason is that reason's). The decided screening wins
   over a recorded not-enrolled reason: a subject who fails a criterion could not have been enrolled, whatever
   they decided. Such a subject is counted under each criterion they fail, so the per-criterion
   counts may add up to more than the subjects.
4. Excluded, declined / other reasons: otherwise, a recorded not-enrolled reason wins over the
   screening status: a subject who withdrew consent mid-screening is "other: withdrew consent",
   not "still being screened". Declined is a reason of its own; not_approached,
   withdrew_consent, lost and other are the other reasons, each counted.
5. Still being screened / awaiting a decision: nothing above: the screening is in progress,
   eligible but not yet signed, or signed eligible with no enrolment decision recorded.

So assessed = excluded + still being screened + enrolled, always.

Pre-screened candidates (before consent) are counted apart, each once: screened (a screening
was started from the candidate) first, then not eligible on records, then declined, not
approached, other, and awaiting (could be eligible, nothing further recorded). The subjects
assessed may include people screened without a pre-screen, so `prescreen.screened` may be
smaller than `assessed`.

Re-screening: `rescreened_subjects` counts the subjects of groups with more attempts than
subjects. It is exact when the groups keep subjects screened once apart from those screened
again (the store groups on "more than one attempt" too).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

STATUSES = ("in_progress", "eligible", "ineligible", "screen_failure", "signed")
ENROLMENTS = ("enrolled", "not_enrolled")
#: Reasons a subject is not enrolled other than declining, in the order they are shown
OTHER_REASONS = ("not_approached", "withdrew_consent", "lost", "other")
REASONS = ("declined", *OTHER_REASONS)
PRESCREEN_RESULTS = ("could_be_eligible", "not_eligible")
PRESCREEN_OUTCOMES = (None, "screened", "declined", "not_approached", "other")
#: Version of the `as_dict` shape; a changed key makes a new version
SCHEMA = "trialdesk.consort/1"
#: The message keys of the definitions, in the order they are printed
DEFINITIONS = ("consort.def.prescreened", "consort.def.screened", "consort.def.once", "consort.def.not_meeting",
               "consort.def.by_criterion", "consort.def.declined_other", "consort.def.still",
               "consort.def.enrolled", "consort.def.rescreened")


@dataclass(frozen=True, slots=True)
class OutcomeGroup:
    """Subjects whose latest attempt ended alike."""

    status: str  # ScreeningStatus value of the latest attempt's newest version
    failed_criteria: tuple[str, ...]  # criteria that exclude (a signed screening is eligible iff empty)
    enrolment: str | None  # "enrolled", "not_enrolled", or None (nothing recorded)
    reason: str | None  # when not_enrolled: declined, not_approached, withdrew_consent, lost, other
    subjects: int  # how many subjects
    attempts: int  # how many screening attempts those subjects had in all (>= subjects)


@dataclass(frozen=True, slots=True)
class PrescreenGroup:
    """Pre-screened candidates (before consent) alike."""

    result: str  # "could_be_eligible" or "not_eligible"
    outcome: str | None  # None, "screened", "declined", "not_approached", "other"
    candidates: int


@dataclass(frozen=True, slots=True)
class PrescreenCounts:
    """Pre-screened candidates, each counted once (see the module's rules)."""

    candidates: int = 0
    screened: int = 0
    not_eligible: int = 0  # not eligible on records, and not screened
    declined: int = 0
    not_approached: int = 0
    other: int = 0
    awaiting: int = 0  # could be eligible, nothing further recorded

    @property
    def not_screened(self) -> int:
        return self.candidates - self.screened


@dataclass(frozen=True, slots=True)
class ConsortCounts:
    """The numbers of a CONSORT flow diagram of screening and enrolment."""

    prescreen: PrescreenCounts
    assessed: int
    not_meeting_criteria: int
    by_criterion: tuple[tuple[str, int], ...]  # protocol order, every criterion (0 too), then any other failed
    declined: int
    other_reasons: tuple[tuple[str, int], ...]  # each of OTHER_REASONS, in that order
    in_progress: int
    eligible_not_signed: int
    awaiting_decision: int  # signed eligible, no enrolment decision recorded
    enrolled: int
    enrolled_failing_criteria: int
    rescreened_subjects: int
    attempts: int

    @property
    def other_total(self) -> int:
        return sum(count for _, count in self.other_reasons)

    @property
    def excluded(self) -> int:
        return self.not_meeting_criteria + self.declined + self.other_total

    @property
    def still_screening(self) -> int:
        return self.in_progress + self.eligible_not_signed + self.awaiting_decision

    @property
    def failures(self) -> tuple[tuple[str, int], ...]:
        """The criteria that excluded someone, protocol order: what the chart shows."""
        return tuple(item for item in self.by_criterion if item[1])

    def as_dict(self) -> dict[str, Any]:
        """The counts for JSON. Keys (stable within `schema`):

        schema; prescreened {candidates, screened, not_screened, not_eligible_on_records, declined,
        not_approached, other, awaiting}; assessed_for_eligibility; excluded {total, not_meeting_criteria {total,
        by_criterion [{criterion, subjects}]}, declined, other_reasons {total, not_approached,
        withdrew_consent, lost, other}}; still_screening {total, in_progress, eligible_not_signed,
        signed_awaiting_decision}; enrolled {total, failing_criteria}; rescreening
        {rescreened_subjects, attempts}.
        """
        p = self.prescreen
        return {
            "schema": SCHEMA,
            "prescreened": {"candidates": p.candidates, "screened": p.screened, "not_screened": p.not_screened,
                            "not_eligible_on_records": p.not_eligible,
                            "declined": p.declined, "not_approached": p.not_approached, "other": p.other,
                            "awaiting": p.awaiting},
            "assessed_for_eligibility": self.assessed,
            "excluded": {
                "total": self.excluded,
                "not_meeting_criteria": {"total": self.not_meeting_criteria,
                                         "by_criterion": [{"criterion": c, "subjects": n} for c, n in self.by_criterion]},
                "declined": self.declined,
                "other_reasons": {"total": self.other_total, **dict(self.other_reasons)},
            },
            "still_screening": {"total": self.still_screening, "in_progress": self.in_progress,
                                "eligible_not_signed": self.eligible_not_signed,
                                "signed_awaiting_decision": self.awaiting_decision},
            "enrolled": {"total": self.enrolled, "failing_criteria": self.enrolled_failing_criteria},
            "rescreening": {"rescreened_subjects": self.rescreened_subjects, "attempts": self.attempts},
        }


def _check(group: OutcomeGroup) -> None:
    if group.status not in STATUSES:
        raise ValueError(f"unknown screening status {group.status!r}; expected one of {', '.join(STATUSES)}")
    if group.enrolment not in (None, *ENROLMENTS):
        raise ValueError(f"unknown enrolment {group.enrolment!r}; expected enrolled, not_enrolled or none")
    if (group.enrolment == "not_enrolled") != (group.reason is not None) or (group.reason and group.reason not in REASONS):
        raise ValueError(f"a not-enrolled subject needs one of {', '.join(REASONS)} (and only they a reason), "
                         f"not {group.reason!r}")
    if group.subjects < 0 or group.attempts < group.subjects:
        raise ValueError(f"{group.subjects} subjects with {group.attempts} attempts: attempts are at least the subjects")


def _fails(group: OutcomeGroup) -> bool:
    """The latest attempt decides the subject does not meet the criteria. A screen failure recorded
    by hand with no criterion excluding and a not-enrolled reason (consent withdrawn mid-screening)
    is that reason's, not the criteria's."""
    if group.status == "screen_failure" and not group.failed_criteria and group.enrolment == "not_enrolled":
        return False
    return group.status in ("ineligible", "screen_failure") or (group.status == "signed" and bool(group.failed_criteria))


def _prescreen_counts(prescreens: Iterable[PrescreenGroup]) -> PrescreenCounts:
    counts = dict.fromkeys(("screened", "not_eligible", "declined", "not_approached", "other", "awaiting"), 0)
    total = 0
    for group in prescreens:
        if group.result not in PRESCREEN_RESULTS or group.outcome not in PRESCREEN_OUTCOMES or group.candidates < 0:
            raise ValueError(f"unknown pre-screening result or outcome: {group.result!r}, {group.outcome!r}")
        total += group.candidates
        if group.outcome == "screened":
            counts["screened"] += group.candidates
        elif group.result == "not_eligible":
            counts["not_eligible"] += group.candidates
        else:
            counts[group.outcome or "awaiting"] += group.candidates
    return PrescreenCounts(candidates=total, **counts)


def consort_counts(groups: Iterable[OutcomeGroup], prescreens: Iterable[PrescreenGroup], *,
                   criteria_order: Sequence[str]) -> ConsortCounts:
    """The CONSORT counts of the grouped subjects and candidates, by the module's rules.

    `criteria_order` is the protocol's criteria in order; a failed criterion not in it (another
    protocol version's) follows them, sorted. Raises ValueError on a status, enrolment or reason
    it does not know, so that a new value is never counted silently in the wrong box."""
    by_criterion = dict.fromkeys(criteria_order, 0)
    extra: dict[str, int] = {}
    reasons = dict.fromkeys(REASONS, 0)
    assessed = not_meeting = in_progress = eligible_not_signed = awaiting = 0
    enrolled = enrolled_failing = rescreened = attempts = 0
    for group in groups:
        _check(group)
        count = group.subjects
        assessed += count
        attempts += group.attempts
        if group.attempts > count:
            rescreened += count
        if group.enrolment == "enrolled":
            enrolled += count
            enrolled_failing += count if _fails(group) else 0
        elif _fails(group):
            not_meeting += count
            for criterion in dict.fromkeys(group.failed_criteria):
                target = by_criterion if criterion in by_criterion else extra
                target[criterion] = target.get(criterion, 0) + count
        elif group.enrolment == "not_enrolled":
            reasons[group.reason] += count
        elif group.status == "in_progress":
            in_progress += count
        elif group.status == "eligible":
            eligible_not_signed += count
        else:  # signed with nothing failed, no decision recorded
            awaiting += count
    return ConsortCounts(
        prescreen=_prescreen_counts(prescreens), assessed=assessed, not_meeting_criteria=not_meeting,
        by_criterion=(*by_criterion.items(), *sorted(extra.items())), declined=reasons["declined"],
        other_reasons=tuple((reason, reasons[reason]) for reason in OTHER_REASONS), in_progress=in_progress,
        eligible_not_signed=eligible_not_signed, awaiting_decision=awaiting, enrolled=enrolled,
        enrolled_failing_criteria=enrolled_failing, rescreened_subjects=rescreened, attempts=attempts)
