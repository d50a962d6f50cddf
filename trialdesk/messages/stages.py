"""Words of the screening pipeline: stages, reasons a subject was not enrolled, what became of a
pre-screened candidate, and why an enrolment outcome or a re-screening is refused."""

from __future__ import annotations

from typing import Any

from trialdesk.i18n import QT_TRANSLATE_NOOP
from trialdesk.messages.base import Words

KEYS: dict[str, str] = {
    "stage.pre_screened": QT_TRANSLATE_NOOP("stage.pre_screened", "pre-screened"),
    "stage.consented": QT_TRANSLATE_NOOP("stage.consented", "consented, screening"),
    "stage.screened": QT_TRANSLATE_NOOP("stage.screened", "screened, awaiting decision"),
    "stage.eligible": QT_TRANSLATE_NOOP("stage.eligible", "eligible (signed)"),
    "stage.screen_failure": QT_TRANSLATE_NOOP("stage.screen_failure", "screen failure"),
    "stage.enrolled": QT_TRANSLATE_NOOP("stage.enrolled", "enrolled"),
    "stage.not_enrolled": QT_TRANSLATE_NOOP("stage.not_enrolled", "not enrolled"),
    "not_enrolled.declined": QT_TRANSLATE_NOOP("not_enrolled.declined", "declined"),
    "not_enrolled.not_approached": QT_TRANSLATE_NOOP("not_enrolled.not_approached", "not approached"),
    "not_enrolled.withdrew_consent": QT_TRANSLATE_NOOP("not_enrolled.withdrew_consent", "withdrew consent"),
    "not_enrolled.lost": QT_TRANSLATE_NOOP("not_enrolled.lost", "lost to follow-up"),
    "not_enrolled.other": QT_TRANSLATE_NOOP("not_enrolled.other", "other"),
    "stage.enrolled_as": QT_TRANSLATE_NOOP("stage.enrolled_as", "enrolled {on} as {number}"),
    "stage.not_enrolled_because": QT_TRANSLATE_NOOP("stage.not_enrolled_because", "not enrolled ({reason}) {on}"),
    "stage.attempt": QT_TRANSLATE_NOOP("stage.attempt", "attempt {attempt}, re-screening of {number}"),
    "stage.report_site": QT_TRANSLATE_NOOP("stage.report_site", "Site: {site}; protocol version {version}"),
    "people.protocol_needed": QT_TRANSLATE_NOOP("people.protocol_needed", "the site screens for several protocols ({protocols}): name one with --protocol"),
    "people.output_needed": QT_TRANSLATE_NOOP("people.output_needed", "a {format} file is written to a file: give it with -o FILE"),
    "prescreen_outcome.declined": QT_TRANSLATE_NOOP("prescreen_outcome.declined", "declined before consent"),
    "prescreen_outcome.not_approached": QT_TRANSLATE_NOOP("prescreen_outcome.not_approached", "not approached"),
    "prescreen_outcome.other": QT_TRANSLATE_NOOP("prescreen_outcome.other", "other"),
    "prescreen_outcome.screened": QT_TRANSLATE_NOOP("prescreen_outcome.screened", "screening started"),
    # refusals (worded by PeopleWords.refusal as people.<code>)
    "people.enrolment_superseded": QT_TRANSLATE_NOOP("people.enrolment_superseded", "this version of the screening was replaced by a correction: record the outcome on the newest version"),
    "people.enrolment_before_screening": QT_TRANSLATE_NOOP("people.enrolment_before_screening", "the date {on} is before the screening date {screening_date}"),
    "people.enrolment_in_future": QT_TRANSLATE_NOOP("people.enrolment_in_future", "the date {on} is after today ({today})"),
    "people.enrolment_needs_signed_eligible": QT_TRANSLATE_NOOP("people.enrolment_needs_signed_eligible", "a subject is enrolled only once an investigator has signed the worksheet that finds them eligible (this screening is {status})"),
    "people.enrolment_number_required": QT_TRANSLATE_NOOP("people.enrolment_number_required", "give the randomisation (or enrolment) number"),
    "people.enrolment_number_not_enrolled": QT_TRANSLATE_NOOP("people.enrolment_number_not_enrolled", "a subject not enrolled has no randomisation number"),
    "store.enrolment_number_taken": QT_TRANSLATE_NOOP("store.enrolment_number_taken", "randomisation number {number} is already given to screening {screening} of this protocol at this site"),
    "store.enrolment_unchanged": QT_TRANSLATE_NOOP("store.enrolment_unchanged", "this outcome is recorded already"),
    "store.enrolment_change_needs_reason": QT_TRANSLATE_NOOP("store.enrolment_change_needs_reason", "an outcome is recorded already ({current}): give the reason for the change"),
    "people.not_enrolled_reason_required": QT_TRANSLATE_NOOP("people.not_enrolled_reason_required", "give the reason the subject was not enrolled: one of {options}"),
    "people.not_enrolled_other_needs_text": QT_TRANSLATE_NOOP("people.not_enrolled_other_needs_text", "say in words what the other reason is"),
    "people.rescreen_other_protocol": QT_TRANSLATE_NOOP("people.rescreen_other_protocol", "that subject was screened for protocol {protocol}: a re-screening is for the same protocol"),
    "people.rescreen_enrolled": QT_TRANSLATE_NOOP("people.rescreen_enrolled", "the subject of screening {number} is enrolled: an enrolled subject is not screened again"),
    "people.rescreen_not_ended": QT_TRANSLATE_NOOP("people.rescreen_not_ended", "screening {number} has not ended ({stage}): a subject is re-screened after a screen failure or a recorded outcome of not enrolled"),
    "people.rescreen_too_many": QT_TRANSLATE_NOOP("people.rescreen_too_many", "the subject of screening {number} has had {attempts} screening(s); the protocol allows {most} in all"),
    "people.rescreen_too_soon": QT_TRANSLATE_NOOP("people.rescreen_too_soon", "only {days} days since screening {number}: the protocol asks at least {interval} days, so not before {earliest}"),
    "people.rescreen_not_latest": QT_TRANSLATE_NOOP("people.rescreen_not_latest", "screening {number} was re-screened already as {later}: re-screen from the latest attempt"),
    "store.no_prescreening": QT_TRANSLATE_NOOP("store.no_prescreening", "no pre-screening {value} is recorded"),
    "store.attempt_taken": QT_TRANSLATE_NOOP("store.attempt_taken", "attempt {attempt} of this subject was started a moment ago by someone else: open the log to see it"),
    "people.enrolment_before_signature": QT_TRANSLATE_NOOP("people.enrolment_before_signature", "the date {on} is before the investigator signed the worksheet ({signed})"),
    "people.rescreen_wrong_attempt": QT_TRANSLATE_NOOP("people.rescreen_wrong_attempt", "a re-screening of screening {number} is its subject's attempt {expected}, not {attempt}"),
    "people.rescreen_date_of_birth_differs": QT_TRANSLATE_NOOP("people.rescreen_date_of_birth_differs", "the date of birth given ({value}) is not the one of screening {number} ({earlier}): the same subject is screened again; correct the earlier screening if it was wrong"),
    "people.rescreen_sex_differs": QT_TRANSLATE_NOOP("people.rescreen_sex_differs", "the sex given ({value}) is not the one of screening {number} ({earlier}): the same subject is screened again; correct the earlier screening if it was wrong"),
    "people.prescreen_result_unknown": QT_TRANSLATE_NOOP("people.prescreen_result_unknown", "a pre-screening's result is could_be_eligible or not_eligible, not {value}"),
    "people.prescreen_unknown_protocol": QT_TRANSLATE_NOOP("people.prescreen_unknown_protocol", "no protocol {protocol} is installed at this site"),
    "people.prescreen_date": QT_TRANSLATE_NOOP("people.prescreen_date", "a pre-screening is dated from 1900-01-01 to today ({today}), not {on}"),
    "people.prescreen_other_protocol": QT_TRANSLATE_NOOP("people.prescreen_other_protocol", "candidate {candidate} was pre-screened for protocol {protocol} at site {site}: start its screening there"),
    "store.enrolment_not_latest_attempt": QT_TRANSLATE_NOOP("store.enrolment_not_latest_attempt", "screening {number} was re-screened as {later}: the subject's outcome is recorded on the latest attempt"),
    "store.enrolment_subject_enrolled": QT_TRANSLATE_NOOP("store.enrolment_subject_enrolled", "this subject is enrolled already, under screening {number}"),
    "people.prescreen_candidate_required": QT_TRANSLATE_NOOP("people.prescreen_candidate_required", "give the candidate's id from the clinic list"),
    "people.prescreen_outcome_unknown": QT_TRANSLATE_NOOP("people.prescreen_outcome_unknown", "the outcome of a pre-screening is one of {options}"),
    "people.prescreen_other_needs_text": QT_TRANSLATE_NOOP("people.prescreen_other_needs_text", "say in words what the other outcome is"),
    "store.prescreen_screened": QT_TRANSLATE_NOOP("store.prescreen_screened", "candidate {candidate} is being screened already (screening {number})"),
}


class StageWords(Words):
    def stage(self, stage: Any) -> str:
        return self.t(f"stage.{getattr(stage, 'value', stage)}")

    def not_enrolled_reason(self, reason: Any) -> str:
        return self.t(f"not_enrolled.{getattr(reason, 'value', reason)}")

    def prescreen_outcome(self, outcome: Any) -> str:
        return self.t(f"prescreen_outcome.{getattr(outcome, 'value', outcome)}")

    def enrolment(self, enrolment: Any) -> str:
        """ "enrolled 2026-12-01 as R-014" or "not enrolled (declined: ...) 2026-12-01"."""
        if enrolment.enrolled:
            return self.t("stage.enrolled_as", on=enrolment.on.isoformat(), number=enrolment.number)
        reason = self.not_enrolled_reason(enrolment.reason)
        if enrolment.text:
            reason = f"{reason}: {enrolment.text}"
        return self.t("stage.not_enrolled_because", reason=reason, on=enrolment.on.isoformat())
