"""Words of the screening and enrolment log sponsors file: its running header, its columns, the
reasons a subject was not enrolled, and the closing box with the investigator's confirmation.

"Page x of y" is the worksheet's own `ws.page`: one wording for every paginated document."""

from __future__ import annotations

from trialdesk.i18n import QT_TRANSLATE_NOOP
from trialdesk.messages import EN, Messages

KEYS: dict[str, str] = {
    "sponsor_log.title": QT_TRANSLATE_NOOP("sponsor_log.title", "Screening and enrolment log"),
    "sponsor_log.protocol_one": QT_TRANSLATE_NOOP(
        "sponsor_log.protocol_one", "Protocol {protocol}, version {versions} · Sponsor: {sponsor}"),
    "sponsor_log.protocol_many": QT_TRANSLATE_NOOP(
        "sponsor_log.protocol_many", "Protocol {protocol}, versions {versions} · Sponsor: {sponsor}"),
    "sponsor_log.site": QT_TRANSLATE_NOOP("sponsor_log.site", "Site {site}"),
    "sponsor_log.period_all": QT_TRANSLATE_NOOP("sponsor_log.period_all", "Every screening at the site"),
    "sponsor_log.period_between": QT_TRANSLATE_NOOP("sponsor_log.period_between", "Screenings from {start} to {end}"),
    "sponsor_log.period_from": QT_TRANSLATE_NOOP("sponsor_log.period_from", "Screenings from {start}"),
    "sponsor_log.period_to": QT_TRANSLATE_NOOP("sponsor_log.period_to", "Screenings up to {end}"),
    "sponsor_log.printed": QT_TRANSLATE_NOOP("sponsor_log.printed", "Printed {at} by {by}"),
    "sponsor_log.identifies": QT_TRANSLATE_NOOP(
        "sponsor_log.identifies", "Subjects are identified by screening number and initials only."),
    # the columns
    "sponsor_log.col.number": QT_TRANSLATE_NOOP("sponsor_log.col.number", "Screening no."),
    "sponsor_log.col.initials": QT_TRANSLATE_NOOP("sponsor_log.col.initials", "Initials"),
    "sponsor_log.col.consent": QT_TRANSLATE_NOOP("sponsor_log.col.consent", "Consent date / version"),
    "sponsor_log.col.screening_date": QT_TRANSLATE_NOOP("sponsor_log.col.screening_date", "Screening date"),
    "sponsor_log.col.eligible": QT_TRANSLATE_NOOP("sponsor_log.col.eligible", "Eligible"),
    "sponsor_log.col.criteria": QT_TRANSLATE_NOOP("sponsor_log.col.criteria", "Criteria not met"),
    "sponsor_log.col.enrolled": QT_TRANSLATE_NOOP("sponsor_log.col.enrolled", "Enrolled"),
    "sponsor_log.col.randomisation": QT_TRANSLATE_NOOP("sponsor_log.col.randomisation", "Randomisation no. / date"),
    "sponsor_log.col.reason": QT_TRANSLATE_NOOP("sponsor_log.col.reason", "Reason not enrolled"),
    "sponsor_log.col.rescreen": QT_TRANSLATE_NOOP("sponsor_log.col.rescreen", "Re-screening of"),
    # the cells
    "sponsor_log.yes": QT_TRANSLATE_NOOP("sponsor_log.yes", "Y"),
    "sponsor_log.no": QT_TRANSLATE_NOOP("sponsor_log.no", "N"),
    "sponsor_log.pending": QT_TRANSLATE_NOOP("sponsor_log.pending", "pending"),
    "sponsor_log.protocol_version": QT_TRANSLATE_NOOP("sponsor_log.protocol_version", "protocol {version}"),
    "sponsor_log.reason.declined": QT_TRANSLATE_NOOP("sponsor_log.reason.declined", "declined"),
    "sponsor_log.reason.not_approached": QT_TRANSLATE_NOOP("sponsor_log.reason.not_approached", "not approached"),
    "sponsor_log.reason.withdrew_consent": QT_TRANSLATE_NOOP("sponsor_log.reason.withdrew_consent", "withdrew consent"),
    "sponsor_log.reason.lost": QT_TRANSLATE_NOOP("sponsor_log.reason.lost", "lost to follow-up"),
    "sponsor_log.reason.other": QT_TRANSLATE_NOOP("sponsor_log.reason.other", "other"),
    "sponsor_log.reason.none": QT_TRANSLATE_NOOP("sponsor_log.reason.none", "no reason recorded"),
    "sponsor_log.reason_with_text": QT_TRANSLATE_NOOP("sponsor_log.reason_with_text", "{reason}: {text}"),
    "sponsor_log.rescreen_value": QT_TRANSLATE_NOOP("sponsor_log.rescreen_value", "{number}, attempt {attempt}"),
    "sponsor_log.empty": QT_TRANSLATE_NOOP("sponsor_log.empty", "No screening in this period."),
    # the closing box, on the last page
    "sponsor_log.closing.title": QT_TRANSLATE_NOOP("sponsor_log.closing.title", "Closing of the log"),
    "sponsor_log.closing.subjects": QT_TRANSLATE_NOOP("sponsor_log.closing.subjects", "Subjects screened"),
    "sponsor_log.closing.screenings": QT_TRANSLATE_NOOP(
        "sponsor_log.closing.screenings", "Screenings listed (re-screenings: {rescreenings})"),
    "sponsor_log.closing.eligible": QT_TRANSLATE_NOOP("sponsor_log.closing.eligible", "Eligible"),
    "sponsor_log.closing.not_eligible": QT_TRANSLATE_NOOP("sponsor_log.closing.not_eligible", "Not eligible (screen failure)"),
    "sponsor_log.closing.eligibility_pending": QT_TRANSLATE_NOOP(
        "sponsor_log.closing.eligibility_pending", "Eligibility not decided yet"),
    "sponsor_log.closing.enrolled": QT_TRANSLATE_NOOP("sponsor_log.closing.enrolled", "Enrolled"),
    "sponsor_log.closing.not_enrolled": QT_TRANSLATE_NOOP("sponsor_log.closing.not_enrolled", "Not enrolled"),
    "sponsor_log.closing.not_enrolled_reason": QT_TRANSLATE_NOOP(
        "sponsor_log.closing.not_enrolled_reason", "Not enrolled: {reason}"),
    "sponsor_log.closing.outcome_pending": QT_TRANSLATE_NOOP(
        "sponsor_log.closing.outcome_pending", "Outcome not recorded yet (not found ineligible)"),
    "sponsor_log.closing.by_screening": QT_TRANSLATE_NOOP(
        "sponsor_log.closing.by_screening",
        "Subjects are counted once however often re-screened; the other counts are by screening."),
    "sponsor_log.closing.statement": QT_TRANSLATE_NOOP(
        "sponsor_log.closing.statement", "I confirm that this screening and enrolment log is complete and accurate: "
        "it lists every subject who signed informed consent for this protocol at this site in the period shown."),
    "sponsor_log.closing.name": QT_TRANSLATE_NOOP("sponsor_log.closing.name", "Investigator (name)"),
    "sponsor_log.closing.signature": QT_TRANSLATE_NOOP("sponsor_log.closing.signature", "Signature"),
    "sponsor_log.closing.date": QT_TRANSLATE_NOOP("sponsor_log.closing.date", "Date"),
}

# Joined to the others' as the log's printing loads this module: the window, which opens without
# printing a log, does without them.
EN.update(KEYS)


def yes_no(words: Messages, value: bool | None) -> str:
    """Y, N, or "pending" for what is not decided or recorded yet."""
    return words.t("sponsor_log.pending" if value is None else "sponsor_log.yes" if value else "sponsor_log.no")


def reason_words(words: Messages, code: str | None, text: str | None) -> str:
    """A coded reason a subject was not enrolled in words, with the words given with it."""
    worded = words.t(f"sponsor_log.reason.{code}") if code else ""
    if worded and text:
        return words.t("sponsor_log.reason_with_text", reason=worded, text=text)
    return worded or text or ""
