"""The one-page summary of a screening, printed from the screening log: the subject, the overall
result with the criteria that decide it (or are still open), and who entered, completed and
signed it, when. Not the worksheet: the signed worksheet stays the record."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from io import BytesIO

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, SimpleDocTemplate, Spacer

from trialdesk.messages import Messages
from trialdesk.worksheet.content import WorksheetContent
from trialdesk.worksheet.decision import Brevity, decision
from trialdesk.worksheet.fonts import SANS
from trialdesk.worksheet.layout import BOTTOM_MARGIN, FOOTER_SIZE, LEFT_MARGIN, RIGHT_MARGIN, draw_text, fit
from trialdesk.worksheet.render import WorksheetRenderer
from trialdesk.worksheet.voices import INLINE

SUMMARY_TOP_MARGIN = 16 * mm
#: ever shorter, until the summary fits its one page: the deciding criteria's reasons, then their number
BREVITIES = (Brevity(), Brevity(reason_chars=240), Brevity(rows=8, reason_chars=160), Brevity(rows=5, reason_chars=110),
             Brevity(rows=3, reason_chars=80), Brevity(rows=0))


@dataclass(frozen=True)
class SignedMark:
    """Who signed the screening's worksheet and when, as the site keeps it (a signed document's
    `signer`, `role`, `signed_at`), for a summary of content built without the signature."""

    name: str
    role: str
    signed_at: datetime


def _moment(at: datetime) -> str:
    return at.isoformat(sep=" ", timespec="minutes")


class SummaryRenderer(WorksheetRenderer):
    """The worksheet's subject block and result, and the people, on one page."""

    def summary(self, content: WorksheetContent, signed: SignedMark | None, printed_at: datetime | None) -> bytes:
        self.speak(content)
        for brevity in BREVITIES:
            pdf, pages = self._build(content, signed, printed_at, brevity)
            if pages == 1:
                break
        return pdf

    def _build(self, content, signed, printed_at, brevity: Brevity) -> tuple[bytes, int]:
        buffer = BytesIO()
        doc = SimpleDocTemplate(
            buffer, pagesize=self.pagesize, leftMargin=LEFT_MARGIN, rightMargin=RIGHT_MARGIN,
            topMargin=SUMMARY_TOP_MARGIN, bottomMargin=BOTTOM_MARGIN,
            title=f"{self.voices.t('sheet.summary_title', INLINE)} {content.document_id}",
            subject=f"{content.protocol_id} {content.screening_number}", creator=f"trialdesk {content.program_version}",
            invariant=True, initialFontName=SANS,
        )
        footer = self._footer(content, printed_at)

        def on_page(canvas, _doc) -> None:
            canvas.saveState()
            canvas.setFillColor(colors.HexColor("#444444"))
            width = self.pagesize[0] - LEFT_MARGIN - RIGHT_MARGIN
            for index, line in enumerate(footer):
                draw_text(canvas, LEFT_MARGIN, BOTTOM_MARGIN - 8.5 * mm - index * FOOTER_SIZE * 1.4,
                          fit(line, FOOTER_SIZE, width), FOOTER_SIZE)
            canvas.restoreState()

        doc.build(self._flow(content, signed, brevity), onFirstPage=on_page, onLaterPages=on_page)
        return buffer.getvalue(), doc.page

    def _footer(self, content: WorksheetContent, printed_at: datetime | None) -> list[str]:
        lines = [self.words.t("sheet.summary_note")]
        if self.voices.alt:
            lines.append(self.voices.alt.t("sheet.summary_note"))
        if printed_at is not None:
            lines.append(self.words.t("sheet.printed", at=_moment(printed_at), digest=content.digest()))
        return lines

    def _flow(self, content: WorksheetContent, signed: SignedMark | None, brevity: Brevity) -> list[Flowable]:
        v, p = self.voices, self.p
        return [p(v.t("sheet.summary_title", INLINE), "title"), self._subject(content), Spacer(1, 4 * mm),
                *decision(content, v, self.styles, self.width, brevity, pages_follow=False),
                p(v.t("sheet.people", INLINE), "subheading"), *(p(line) for line in self._people(content, signed))]

    def _people(self, content: WorksheetContent, signed: SignedMark | None) -> list[str]:
        """Who entered the facts standing (first and last entry), completed and signed, and when."""
        v = self.voices
        lines = [v.t("sheet.entered_once", INLINE, name=e.name, at=_moment(e.first)) if e.first == e.last else
                 v.t("sheet.entered_span", INLINE, name=e.name, first=_moment(e.first), last=_moment(e.last))
                 for e in content.enterers] or [v.t("sheet.nothing_entered", INLINE)]
        mark = content.completion
        lines.append(self._person("sheet.completed_line", mark.name, mark.role, mark.completed_at) if mark
                     else v.t("ws.not_completed", INLINE))
        signature = content.signature or signed
        if signature is not None:
            lines.append(self._person("sheet.signed_line", signature.name, signature.role, signature.signed_at))
        else:
            lines.append(v.t("ws.not_signed", INLINE))
        return lines

    def _person(self, key: str, name: str, role: str, at: datetime) -> str:
        return INLINE.join(w.t(key, name=name, role=w.role(role), at=_moment(at)) for w in self.voices.languages)


def render_summary(content: WorksheetContent, words: Messages, *, signed: SignedMark | None = None,
                   printed_at: datetime | None = None) -> bytes:
    """One A4 (or Letter, as `content.paper`) page: the screening's subject, overall result, the
    criteria that decide it or are still open, and who entered, completed and signed it and when.

    `content` is the worksheet's (`trialdesk.signoff.worksheet_content`, with the completion);
    `signed` names the signer when the content carries no signature (a signed screening's
    document: `SignedMark(document.signer, document.role, document.signed_at)`); `printed_at`
    is printed in the footer. On a bilingual content both languages, as on the worksheet."""
    return SummaryRenderer(words, content.paper).summary(content, signed, printed_at)
