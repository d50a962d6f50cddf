"""Words of the CONSORT counts: the boxes of the flow diagram, the chart, the definitions, the header."""

from __future__ import annotations

from datetime import date
from typing import Any

from trialdesk.domain.consort import DEFINITIONS, ConsortCounts
from trialdesk.i18n import QT_TRANSLATE_NOOP
from trialdesk.messages import EN, Messages

#: A criterion's label on the chart is its text cut to this many characters
LABEL_CHARS = 48

KEYS: dict[str, str] = {
    "consort.title": QT_TRANSLATE_NOOP("consort.title", "Screening and enrolment: CONSORT flow"),
    "consort.prescreened": QT_TRANSLATE_NOOP("consort.prescreened", "Pre-screened on records (n = {n})"),
    "consort.not_screened": QT_TRANSLATE_NOOP("consort.not_screened", "Not screened (n = {n})"),
    "consort.ps.not_eligible": QT_TRANSLATE_NOOP("consort.ps.not_eligible", "Not eligible on records (n = {n})"),
    "consort.ps.declined": QT_TRANSLATE_NOOP("consort.ps.declined", "Declined (n = {n})"),
    "consort.ps.not_approached": QT_TRANSLATE_NOOP("consort.ps.not_approached", "Not approached (n = {n})"),
    "consort.ps.other": QT_TRANSLATE_NOOP("consort.ps.other", "Other reasons (n = {n})"),
    "consort.ps.awaiting": QT_TRANSLATE_NOOP("consort.ps.awaiting", "Could be eligible, nothing further recorded (n = {n})"),
    "consort.from_prescreen": QT_TRANSLATE_NOOP("consort.from_prescreen", "of whom screened (n = {n})"),
    "consort.assessed": QT_TRANSLATE_NOOP("consort.assessed", "Assessed for eligibility (n = {n})"),
    "consort.excluded": QT_TRANSLATE_NOOP("consort.excluded", "Excluded (n = {n})"),
    "consort.not_meeting": QT_TRANSLATE_NOOP("consort.not_meeting", "Not meeting eligibility criteria (n = {n})"),
    "consort.declined": QT_TRANSLATE_NOOP("consort.declined", "Declined to participate (n = {n})"),
    "consort.other_reasons": QT_TRANSLATE_NOOP("consort.other_reasons", "Other reasons (n = {n})"),
    "consort.reason.not_approached": QT_TRANSLATE_NOOP("consort.reason.not_approached", "not approached (n = {n})"),
    "consort.reason.withdrew_consent": QT_TRANSLATE_NOOP("consort.reason.withdrew_consent", "withdrew consent (n = {n})"),
    "consort.reason.lost": QT_TRANSLATE_NOOP("consort.reason.lost", "lost to follow-up (n = {n})"),
    "consort.reason.other": QT_TRANSLATE_NOOP("consort.reason.other", "other (n = {n})"),
    "consort.still": QT_TRANSLATE_NOOP("consort.still", "Still being screened or awaiting a decision (n = {n})"),
    "consort.still.in_progress": QT_TRANSLATE_NOOP("consort.still.in_progress", "Screening in progress (n = {n})"),
    "consort.still.eligible": QT_TRANSLATE_NOOP("consort.still.eligible", "Eligible, not yet signed (n = {n})"),
    "consort.still.awaiting": QT_TRANSLATE_NOOP("consort.still.awaiting", "Signed eligible, no decision recorded (n = {n})"),
    "consort.enrolled": QT_TRANSLATE_NOOP("consort.enrolled", "Enrolled / randomised (n = {n})"),
    "consort.enrolled_failing": QT_TRANSLATE_NOOP(
        "consort.enrolled_failing", "of whom {n} with a criterion that excludes: a deviation to review"),
    "consort.rescreening": QT_TRANSLATE_NOOP(
        "consort.rescreening", "Re-screening: {subjects} subjects screened more than once; {attempts} screening attempts in all"),
    "consort.see_chart": QT_TRANSLATE_NOOP("consort.see_chart", "by criterion: see the chart"),
    "consort.chart_title": QT_TRANSLATE_NOOP("consort.chart_title", "Screen failures by criterion"),
    "consort.chart_note": QT_TRANSLATE_NOOP(
        "consort.chart_note", "Subjects not meeting eligibility criteria, under each criterion they fail (one subject may fail several)"),
    "consort.chart_row": QT_TRANSLATE_NOOP("consort.chart_row", "{id} {label}: {n}"),
    "consort.chart_none": QT_TRANSLATE_NOOP("consort.chart_none", "No subject failed a criterion in this period."),
    "consort.subjects": QT_TRANSLATE_NOOP("consort.subjects", "subjects"),
    "consort.definitions": QT_TRANSLATE_NOOP("consort.definitions", "Definitions"),
    "consort.period": QT_TRANSLATE_NOOP("consort.period", "Period: {start} to {end}"),
    "consort.period_from": QT_TRANSLATE_NOOP("consort.period_from", "Period: from {start}"),
    "consort.period_to": QT_TRANSLATE_NOOP("consort.period_to", "Period: up to {end}"),
    "consort.period_all": QT_TRANSLATE_NOOP("consort.period_all", "Period: all dates"),
    "consort.printed": QT_TRANSLATE_NOOP("consort.printed", "Printed {at}"),
    "consort.page": QT_TRANSLATE_NOOP("consort.page", "Page {page} of {pages}"),
    "consort.def.prescreened": QT_TRANSLATE_NOOP(
        "consort.def.prescreened", "Pre-screened: a candidate checked against the criteria on their records, before any "
        "consent. Each is counted once: screened, else not eligible on records, else declined, not approached or other, "
        "else could be eligible with nothing further recorded."),
    "consort.def.screened": QT_TRANSLATE_NOOP(
        "consort.def.screened", "Screened (assessed for eligibility): a subject who gave informed consent and has a "
        "screening, whether or not they were pre-screened."),
    "consort.def.once": QT_TRANSLATE_NOOP(
        "consort.def.once", "Each subject is counted once, by the newest version of their latest screening attempt; "
        "so assessed = excluded + still being screened + enrolled."),
    "consort.def.not_meeting": QT_TRANSLATE_NOOP(
        "consort.def.not_meeting", "Not meeting eligibility criteria: the latest attempt is ineligible, a recorded screen "
        "failure, or signed with a criterion that excludes. This wins over a recorded reason for not enrolling."),
    "consort.def.by_criterion": QT_TRANSLATE_NOOP(
        "consort.def.by_criterion", "By criterion: a subject failing several criteria is counted under each, so these "
        "counts may add up to more than the subjects not meeting the criteria."),
    "consort.def.declined_other": QT_TRANSLATE_NOOP(
        "consort.def.declined_other", "Declined and other reasons: the reason recorded for not enrolling. It wins over a "
        "screening still open: a subject who withdrew consent mid-screening is counted under other reasons."),
    "consort.def.still": QT_TRANSLATE_NOOP(
        "consort.def.still", "Still being screened or awaiting a decision: a screening in progress, eligible but not "
        "yet signed, or signed eligible with no enrolment decision recorded."),
    "consort.def.enrolled": QT_TRANSLATE_NOOP(
        "consort.def.enrolled", "Enrolled / randomised: an enrolment is recorded, with its number and date; it needs "
        "nothing else."),
    "consort.def.rescreened": QT_TRANSLATE_NOOP(
        "consort.def.rescreened", "Re-screened: a subject with more than one screening attempt, the attempts linked to "
        "the one subject."),
}

EN.update(KEYS)


class ConsortWords(Messages):
    """The CONSORT diagram's sentences in one language; the protocol names the criteria on the chart."""

    def n(self, key: str, n: int) -> str:
        return self.t(key, n=n)

    def period(self, start: date | None, end: date | None) -> str:
        if start and end:
            return self.t("consort.period", start=start.isoformat(), end=end.isoformat())
        if start:
            return self.t("consort.period_from", start=start.isoformat())
        if end:
            return self.t("consort.period_to", end=end.isoformat())
        return self.t("consort.period_all")

    def criterion_label(self, criterion_id: str) -> str:
        """The criterion's text (the site's translation where there is one), cut short for a chart row."""
        criterion = next((c for c in self.protocol.criteria if c.id == criterion_id), None) if self.protocol else None
        if criterion is None:
            return ""
        text = " ".join((self.criterion_translation(criterion) or criterion.text).split())
        return text if len(text) <= LABEL_CHARS else text[:LABEL_CHARS - 1].rstrip() + "…"

    def not_screened_lines(self, counts: ConsortCounts) -> list[str]:
        p = counts.prescreen
        return [self.n("consort.ps.not_eligible", p.not_eligible), self.n("consort.ps.declined", p.declined),
                self.n("consort.ps.not_approached", p.not_approached), self.n("consort.ps.other", p.other),
                self.n("consort.ps.awaiting", p.awaiting)]

    def other_reason_lines(self, counts: ConsortCounts) -> list[str]:
        return [self.n(f"consort.reason.{reason}", n) for reason, n in counts.other_reasons]

    def still_lines(self, counts: ConsortCounts) -> list[str]:
        return [self.n("consort.still.in_progress", counts.in_progress),
                self.n("consort.still.eligible", counts.eligible_not_signed),
                self.n("consort.still.awaiting", counts.awaiting_decision)]

    def outline(self, counts: ConsortCounts) -> list[tuple[str, list[str]]]:
        """The diagram and the chart as text, each box's heading with its breakdown, in reading order:
        for screen readers and for a plain-text listing."""
        c = counts
        other = [self.n("consort.other_reasons", c.other_total), *("– " + line for line in self.other_reason_lines(c))]
        failing = [self.t("consort.enrolled_failing", n=c.enrolled_failing_criteria)] if c.enrolled_failing_criteria else []
        chart = [self.t("consort.chart_row", id=criterion, label=self.criterion_label(criterion), n=n)
                 for criterion, n in c.failures] or [self.t("consort.chart_none")]
        return [(self.n("consort.prescreened", c.prescreen.candidates), [self.n("consort.from_prescreen", c.prescreen.screened)]),
                (self.n("consort.not_screened", c.prescreen.not_screened), self.not_screened_lines(c)),
                (self.n("consort.assessed", c.assessed), []),
                (self.n("consort.excluded", c.excluded), [self.n("consort.not_meeting", c.not_meeting_criteria),
                                                          self.n("consort.declined", c.declined), *other]),
                (self.n("consort.still", c.still_screening), self.still_lines(c)),
                (self.n("consort.enrolled", c.enrolled), failing),
                (self.rescreening(c), []),
                (self.t("consort.chart_title"), chart)]

    def rescreening(self, counts: ConsortCounts) -> str:
        return self.t("consort.rescreening", subjects=counts.rescreened_subjects, attempts=counts.attempts)

    def definitions(self) -> list[str]:
        """The sentences that define what each box counts, in print order."""
        return [self.t(key) for key in DEFINITIONS]

    def document(self, counts: ConsortCounts, period: tuple[date | None, date | None]) -> dict[str, Any]:
        """The JSON of `trialdesk log consort --format json`: the counts, the period, and the definitions
        in this language (keyed by definition, `consort.def.` left off)."""
        start, end = period
        return {**counts.as_dict(), "period": {"from": start.isoformat() if start else None,
                                               "to": end.isoformat() if end else None},
                "definitions": {key.removeprefix("consort.def."): self.t(key) for key in DEFINITIONS}}
