"""Draw a WorksheetContent as an A4 (or Letter) PDF with reportlab platypus; returns bytes.

Criterion entries are tables that split only between rows, repeating the criterion's
header row, so no row is cut across pages. The position of the signature box is recorded
as it is drawn, for the visible PDF signature to sit exactly on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timezone
from io import BytesIO

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from trialdesk.messages import Messages
from trialdesk.worksheet.content import WorksheetContent
from trialdesk.worksheet.fonts import CJK, SANS, SANS_BOLD, markup, register_fonts, runs
from trialdesk.worksheet.layout import (
    BODY_SIZE,
    BOTTOM_MARGIN,
    EXCLUDES,
    FRAME_PADDING,
    GRID,
    LEFT_MARGIN,
    OPEN,
    PAPER,
    PASSES,
    RIGHT_MARGIN,
    SHADE,
    TOP_MARGIN,
    Running,
    numbered_canvas,
    styles,
)

MIN_LABEL_WIDTH = 22 * mm
CELL_PADDING = 4
LABEL_KEYS = ("ws.registry_text", "ws.translation", "ws.interpretation", "ws.facts", "ws.scores", "ws.reason", "ws.source",
              "ws.screening_number", "ws.initials", "ws.date_of_birth", "ws.sex", "ws.screening_date", "ws.consent",
              "ws.version", "ws.protocol")
#: a criterion that does not apply passes untested: its own grey and mark (a circled bar, as in the
#: window), so it reads apart from "met" and "not met" in greyscale too
NOT_APPLICABLE = colors.HexColor("#5f6b7a")
NOT_APPLICABLE_MARK = "\u2296"
SIGNATURE_HEIGHT = 38 * mm
WET_INK_HEIGHT = 14 * mm
KEYWORD = "trialdesk-content-sha256="


@dataclass(frozen=True, slots=True)
class RenderedWorksheet:
    pdf: bytes
    digest: str
    signature_page: int  # zero-based
    signature_box: tuple[int, int, int, int]  # x1, y1, x2, y2 in points


@dataclass(frozen=True, slots=True)
class _Plain:
    """Text already broken into lines, for a plain table cell in one font."""

    text: str
    font: str
    size: float
    leading: float


def label_font(text: str) -> str:
    """Bold Latin, or the CJK font for a label with Chinese in it (a plain cell has one font)."""
    return CJK if any(cjk for _, cjk in runs(text)) else SANS_BOLD


class _SignatureBox(Flowable):
    """The signature manifestation, boxed; remembers where on which page it was drawn."""

    def __init__(self, table: Table, where: dict) -> None:
        super().__init__()
        self.table = table
        self.where = where

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = self.table.wrap(available_width, available_height)
        return self.width, self.height

    def draw(self) -> None:
        self.table.drawOn(self.canv, 0, 0)

    def drawOn(self, canvas, x: float, y: float, _sW: float = 0) -> None:
        self.where.update(page=canvas.getPageNumber() - 1, box=(int(x), int(y), int(x + self.width), int(y + self.height)))
        super().drawOn(canvas, x, y, _sW)


class WorksheetRenderer:
    """Lays out one worksheet."""

    def __init__(self, words: Messages, paper: str = "a4") -> None:
        register_fonts()
        self.words = words
        self.pagesize = PAPER[paper]
        self.styles = styles()
        self.width = self.pagesize[0] - LEFT_MARGIN - RIGHT_MARGIN - 2 * FRAME_PADDING
        # the label column fits the longest label in this language, on one line
        self.label_width = max(
            [MIN_LABEL_WIDTH] + [stringWidth(words.t(k), label_font(words.t(k)), BODY_SIZE - 0.5) + 2 * CELL_PADDING + 2
                                 for k in LABEL_KEYS]
        )

    def p(self, text: str, style: str = "body") -> Paragraph:
        return Paragraph(markup(text), self.styles[style])

    def cell(self, text: str, width: float, style: str = "body") -> Paragraph | _Plain:
        """A table value: Latin text broken into lines once, here, and set as a plain cell (fast);
        text with Chinese in it as a Paragraph, which knows how to break CJK lines."""
        if any(cjk for _, cjk in runs(text)):
            return self.p(text, style)
        st = self.styles[style]
        lines = [line for part in text.split("\n")
                 for line in (simpleSplit(part, st.fontName, st.fontSize, width - 2 * CELL_PADDING) or [""])]
        return _Plain("\n".join(lines), st.fontName, st.fontSize, st.leading)

    def render(self, content: WorksheetContent) -> RenderedWorksheet:
        digest = content.digest()
        where: dict = {}
        buffer = BytesIO()
        doc = SimpleDocTemplate(
            buffer,
            pagesize=self.pagesize,
            leftMargin=LEFT_MARGIN,
            rightMargin=RIGHT_MARGIN,
            topMargin=TOP_MARGIN,
            bottomMargin=BOTTOM_MARGIN,
            title=f"{self.words.t('ws.title')} {content.document_id}",
            author=content.signature.name if content.signature else "trialdesk",
            subject=f"{content.protocol_id} {content.screening_number}",
            creator=f"trialdesk {content.program_version}",
            keywords=[f"{KEYWORD}{digest}", f"trialdesk-document={content.document_id}"],
            invariant=True,
            initialFontName=SANS,  # else the canvas starts in Helvetica, a font no reader is sure to have
        )
        doc.build(self._story(content, where), canvasmaker=numbered_canvas(self._running(content, digest)))
        return RenderedWorksheet(buffer.getvalue(), digest, where["page"], where["box"])

    # -- every page ------------------------------------------------------------------------

    def _running(self, content: WorksheetContent, digest: str) -> Running:
        t = self.words.t
        sponsor_protocol = f" · {content.sponsor_protocol}" if content.sponsor_protocol else ""
        site = f"{content.site_name} ({content.site_number})" if content.site_number else content.site_name
        return Running(
            header=(
                content.title,
                f"{content.nct}{sponsor_protocol} · {t('ws.protocol')} {content.protocol_version} · {t('ws.site')}: {site or '—'}",
                "",
            ),
            subject=f"{t('ws.subject')}: {content.screening_number} ({content.initials}) · v{content.screening_version}",
            footer=(
                t("ws.footer", document=content.document_id, digest=digest),
                t("ws.footer_versions", program=content.program_version, protocol=content.protocol_id,
                  version=content.protocol_version, version_date=content.protocol_version_date.isoformat()),
            ),
            page_words=t("ws.page", page="{page}", pages="{pages}"),
            watermark=None if content.signature else t("ws.draft"),
        )

    # -- the flow ----------------------------------------------------------------------------

    def _grid(self, rows: list[list], widths: list[float], header: bool = False) -> Table:
        """A bordered table whose first column holds one-line labels as plain cells (no paragraph to
        wrap: wrapping paragraphs is most of the rendering time)."""
        first = 1 if header else 0
        rows = [list(cells) for cells in rows]
        style = [
            ("FONTNAME", (0, 0), (-1, -1), SANS),  # plain-string cells would otherwise be set in Helvetica
            ("FONTSIZE", (0, 0), (-1, -1), BODY_SIZE - 0.5),
            ("GRID", (0, 0), (-1, -1), 0.4, GRID),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ]
        for row, cells in enumerate(rows[first:], start=first):
            if isinstance(cells[0], str):
                style.append(("FONTNAME", (0, row), (0, row), label_font(cells[0])))
            for column, value in enumerate(cells):
                if isinstance(value, _Plain):
                    cells[column] = value.text
                    where = (column, row), (column, row)
                    style += [("FONTNAME", *where, value.font), ("FONTSIZE", *where, value.size),
                              ("LEADING", *where, value.leading)]
        if header:
            style += [("BACKGROUND", (0, 0), (-1, 0), SHADE), ("SPAN", (0, 0), (-1, 0))]
        table = Table(rows, colWidths=widths, splitByRow=1, repeatRows=1 if header else 0)
        table.setStyle(TableStyle(style))
        return table

    def _story(self, content: WorksheetContent, where: dict) -> list[Flowable]:
        t, p = self.words.t, self.p
        story: list[Flowable] = [p(t("ws.title"), "title")]
        version = t("ws.version_value", version=content.screening_version)
        if content.supersedes:
            version = t("ws.corrects", version=content.screening_version, previous=content.supersedes,
                        reason=content.correction_reason or "")
        subject_rows = [
            (t("ws.screening_number"), content.screening_number),
            (t("ws.initials"), content.initials),
            (t("ws.date_of_birth"), content.date_of_birth.isoformat()),
            (t("ws.sex"), content.sex),
            (t("ws.screening_date"), content.screening_date.isoformat()),
            (t("ws.consent"), t("ws.consent_value", date=content.consent_date.isoformat(), version=content.consent_version)),
            (t("ws.version"), version),
            (t("ws.protocol"), f"{content.protocol_id} — {content.title} ({content.sponsor})"),
        ]
        value_width = self.width - self.label_width
        story.append(self._grid([[a, self.cell(b, value_width)] for a, b in subject_rows], [self.label_width, value_width]))
        story.append(p(t("ws.criteria"), "heading"))
        story.append(p(t("ws.verbatim_note"), "small"))
        for entry in content.entries:
            story.append(self._entry(entry))
            story.append(Spacer(1, 2.5 * mm))
        if content.interpretations:
            story.append(p(t("ws.interpretations"), "heading"))
            story.extend(p(f"• {text}") for text in content.interpretations)
        colour = {"eligible": PASSES, "ineligible": EXCLUDES}.get(content.overall, OPEN)
        overall = Paragraph(f'{markup(t("ws.overall"))}: <font color="{colour.hexval()}">{markup(content.overall_text)}</font>',
                            self.styles["overall"])
        story.append(KeepTogether([overall, p(t("ws.statement"), "heading"), p(content.statement)]))
        story.append(Spacer(1, 4 * mm))
        story.append(KeepTogether([p(t("ws.completion"), "heading"), self._completion(content)]))
        story.append(Spacer(1, 3 * mm))
        evidence = []
        if content.audit_hash:
            evidence = [p(t("ws.evidence", seq=content.audit_seq, head=content.audit_hash,
                            protocol=content.protocol_sha256 or "—"), "small")]
        story.append(KeepTogether([p(t("ws.signature"), "heading"), _SignatureBox(self._signature(content), where),
                                   *evidence, Spacer(1, 5 * mm), self._wet_ink()]))
        return story

    def _entry(self, entry) -> Table:
        t = self.words.t
        colour = EXCLUDES if entry.excludes else (OPEN if entry.verdict_code == "unknown" else PASSES)
        verdict = markup(entry.verdict)
        if entry.verdict_code == "not_applicable":
            colour, verdict = NOT_APPLICABLE, f"{NOT_APPLICABLE_MARK} {verdict}"
        head = Paragraph(f"<b>{markup(entry.criterion_id)}</b> · {markup(entry.kind)} · {markup(t('ws.verdict'))}: "
                         f'<font color="{colour.hexval()}"><b>{verdict}</b></font>', self.styles["body"])
        width = self.width - self.label_width
        rows = [[head, ""], [t("ws.registry_text"), self.cell(entry.text, width)]]
        if entry.translation:
            rows.append([t("ws.translation"), self.cell(entry.translation, width)])
        if entry.interpretation:
            rows.append([t("ws.interpretation"), self.cell(entry.interpretation, width, "small")])
        if entry.facts:
            rows.append([t("ws.facts"), self.cell("\n".join(f"{label}: {value}" for label, value in entry.facts), width, "small")])
        if entry.scores:
            rows.append([t("ws.scores"), self.cell("\n".join(entry.scores), width, "small")])
        reason = entry.reason + (f"\n{entry.reason_alt}" if entry.reason_alt else "")
        rows.append([t("ws.reason"), self.cell(reason, width)])
        rows.append([t("ws.source"), self.cell(entry.source or t("ws.no_source"), width)])
        if entry.entered:
            rows.append([t("ws.entered"), self.cell("\n".join(entry.entered), width, "small")])
        return self._grid(rows, [self.label_width, self.width - self.label_width], header=True)

    @staticmethod
    def _when(at) -> dict[str, str]:
        offset = at.strftime("%z")
        return {"local": at.strftime("%Y-%m-%d %H:%M:%S"), "offset": f"{offset[:3]}:{offset[3:]}",
                "utc": at.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S")}

    def _completion(self, content: WorksheetContent) -> Table:
        """The coordinator's "completed by" manifestation (outside the box the digital signature covers)."""
        t, p = self.words.t, self.p
        mark = content.completion
        if mark is None:
            lines = [p(t("ws.not_completed"), "label")]
        else:
            lines = [p(t("ws.completed_by", name=mark.name, role=self.words.role(mark.role)), "label"),
                     p(t("ws.signed_at", **self._when(mark.completed_at))),
                     p(t("ws.meaning", meaning=mark.meaning))]
        table = Table([[lines]], colWidths=[self.width])
        table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), SANS),
                                   ("BOX", (0, 0), (-1, -1), 0.8, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 6), ("TOPPADDING", (0, 0), (-1, -1), 5)]))
        return table

    def _signature(self, content: WorksheetContent) -> Table:
        t, p = self.words.t, self.p
        signature = content.signature
        if signature is None:
            lines = [p(t("ws.not_signed"), "label")]
        else:
            lines = [
                p(t("ws.signed_by", name=signature.name, role=self.words.role(signature.role)), "label"),
                p(t("ws.signed_at", **self._when(signature.signed_at))),
                p(t("ws.meaning", meaning=signature.meaning)),
                p(t("ws.delegation", entry=signature.delegation), "small"),
                p(t("ws.certificate", fingerprint=signature.certificate_sha256), "small"),
            ]
        table = Table([[lines]], colWidths=[self.width], rowHeights=[SIGNATURE_HEIGHT])
        table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), SANS),
                                   ("BOX", (0, 0), (-1, -1), 1.2, colors.black), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 6), ("TOPPADDING", (0, 0), (-1, -1), 5)]))
        return table

    def _wet_ink(self) -> Table:
        t, p = self.words.t, self.p
        third = self.width / 3
        rows = [[p(t("ws.wet_ink"), "label"), "", ""], ["", "", ""],
                [p(t("ws.wet_ink_line"), "small"), p(t("ws.wet_ink_name"), "small"), p(t("ws.wet_ink_date"), "small")]]
        table = Table(rows, colWidths=[third] * 3, rowHeights=[None, WET_INK_HEIGHT, None])
        table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), SANS), ("SPAN", (0, 0), (-1, 0)),
                                   ("LINEBELOW", (0, 1), (-1, 1), 0.8, colors.black),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 10)]))
        return table


def render_worksheet(content: WorksheetContent, words: Messages, paper: str | None = None) -> RenderedWorksheet:
    """The worksheet's PDF. Deterministic: the same content and program give the same bytes,
    which is how `verify` proves a signed worksheet's pages were rendered from its payload."""
    return WorksheetRenderer(words, paper or content.paper).render(content)
