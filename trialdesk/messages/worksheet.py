"""Words of the eligibility worksheet's first page, its running header and the one-page
screening summary printed from the log (the criterion pages' labels are the `ws.` keys)."""

from __future__ import annotations

from trialdesk.i18n import QT_TRANSLATE_NOOP

KEYS: dict[str, str] = {
    # the running header and the subject block
    "sheet.running_protocol": QT_TRANSLATE_NOOP("sheet.running_protocol", "Protocol {version}"),
    "sheet.running_site": QT_TRANSLATE_NOOP("sheet.running_site", "Site: {site}"),
    "sheet.site_value": QT_TRANSLATE_NOOP("sheet.site_value", "{name} ({number})"),
    "sheet.document_label": QT_TRANSLATE_NOOP("sheet.document_label", "Document"),
    "sheet.content_label": QT_TRANSLATE_NOOP("sheet.content_label", "Content"),
    "sheet.running_subject": QT_TRANSLATE_NOOP("sheet.running_subject", "Subject: {number} ({initials}) · version {version}"),
    # the first page: the result and the criteria that decide it
    "sheet.overall_line": QT_TRANSLATE_NOOP("sheet.overall_line", "Overall result: {overall}"),
    "sheet.eligible_finding": QT_TRANSLATE_NOOP(
        "sheet.eligible_finding", "Every inclusion criterion is met and no exclusion criterion applies."),
    "sheet.documented": QT_TRANSLATE_NOOP(
        "sheet.documented", "Documented criterion by criterion on the pages that follow: inclusion criteria {inclusions}, exclusion criteria {exclusions}."),
    "sheet.not_applicable_list": QT_TRANSLATE_NOOP("sheet.not_applicable_list", "Not applicable to this subject: {ids}."),
    "sheet.excluded_by": QT_TRANSLATE_NOOP("sheet.excluded_by", "Criteria that exclude the subject ({count})"),
    "sheet.open_heading": QT_TRANSLATE_NOOP("sheet.open_heading", "Criteria not decided yet ({count})"),
    "sheet.incomplete_finding": QT_TRANSLATE_NOOP(
        "sheet.incomplete_finding", "No criterion decided so far excludes the subject; the result waits for these criteria."),
    "sheet.also_open": QT_TRANSLATE_NOOP(
        "sheet.also_open", "Also not decided yet, which cannot change this result: {ids}."),
    "sheet.criteria_pages": QT_TRANSLATE_NOOP("sheet.criteria_pages", "Criteria one by one"),
    # the signature block of a bilingual worksheet: each label in both languages, the value once
    "sheet.meaning_label": QT_TRANSLATE_NOOP("sheet.meaning_label", "Meaning of the signature"),
    "sheet.when_label": QT_TRANSLATE_NOOP("sheet.when_label", "Date and time"),
    "sheet.delegation_label": QT_TRANSLATE_NOOP("sheet.delegation_label", "Delegation on the signing date"),
    "sheet.certificate_label": QT_TRANSLATE_NOOP("sheet.certificate_label", "Certificate SHA-256"),
    # the one-page summary of a screening, printed from the log
    "sheet.summary_title": QT_TRANSLATE_NOOP("sheet.summary_title", "Screening summary"),
    "sheet.summary_note": QT_TRANSLATE_NOOP(
        "sheet.summary_note", "A summary for the screening log, not the eligibility worksheet: the signed worksheet is the record."),
    "sheet.people": QT_TRANSLATE_NOOP("sheet.people", "Entered, completed and signed"),
    "sheet.entered_span": QT_TRANSLATE_NOOP("sheet.entered_span", "Entered by {name}: {first} to {last}"),
    "sheet.entered_once": QT_TRANSLATE_NOOP("sheet.entered_once", "Entered by {name}: {at}"),
    "sheet.nothing_entered": QT_TRANSLATE_NOOP("sheet.nothing_entered", "Nothing entered yet"),
    "sheet.completed_line": QT_TRANSLATE_NOOP("sheet.completed_line", "Completed by {name}, {role}: {at}"),
    "sheet.signed_line": QT_TRANSLATE_NOOP("sheet.signed_line", "Signed by {name}, {role}: {at}"),
    "sheet.more": QT_TRANSLATE_NOOP("sheet.more", "… and {count} more: {ids}"),
    "sheet.printed": QT_TRANSLATE_NOOP("sheet.printed", "Printed {at} · worksheet content SHA-256 {digest}"),
}
