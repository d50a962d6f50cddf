"""Draw a WorksheetContent as an A4 (or Letter) PDF with reportlab platypus; returns bytes.

The first page gives the subject, the overall result and the criteria that decide it, then the
statement and both signatures, kept together (with the result repeated above them when they
must go overleaf); the criterion pages follow, each criterion headed by its effect in words and
shape. Criterion entries are tables that split only between rows, repeating the criterion's
header row, so no row is cut across pages. The position of the signature box is recorded as it
is drawn, for the visible PDF signature to sit exactly on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from trialdesk.messages import Messages
from trialdesk.worksheet.content import WorksheetContent
from trialdesk.worksheet.decision import decision
from trialdesk.worksheet.fonts import CJK, SANS, SANS_BOLD, markup, register_fonts, runs
from trialdesk.worksheet.layout import (
    BODY_SIZE,
    BOTTOM_MARGIN,
    FRAME_PADDING,
    GRID,
    LEFT_MARGIN,
    PAPER,
    RIGHT_MARGIN,
    SHADE,
    TOP_MARGIN,
    Running,
    break_lines,
    numbered_canvas,
    paragraph,
    styles,
)
from trialdesk.worksheet.manifestation import Manifestations
from trialdesk.worksheet.marks import OVERALL_EFFECT, Marked, colour
from trialdesk.worksheet.voices import INLINE, LINE, Voices, both

MIN_LABEL_WIDTH = 22 * mm
CELL_PADDING = 4
LABEL_KEYS = ("ws.registry_text", "ws.translation", "ws.interpretation", "ws.facts", "ws.scores", "ws.reason", "ws.source",
              "ws.screening_number", "ws.initials", "ws.date_of_birth", "ws.sex", "ws.screening_date", "ws.consent",
              "ws.version", "ws.protocol")
EXCLUDES_SHADE = colors.HexColor("#f6dfdc")
LAST_TOGETHER = 2  # criteria kept on the last page together
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


class WorksheetRenderer(Manifestations):
    """Lays out one worksheet: the result and the signature first, then the criteria one by one."""

    def __init__(self, words: Messages, paper: str = "a4") -> None:
        register_fonts()
        self.words = words
        self.voices = Voices(words)
        self.pagesize = PAPER[paper]
        self.styles = styles()
        self.width = self.pagesize[0] - LEFT_MARGIN - RIGHT_MARGIN - 2 * FRAME_PADDING
        self.frame_height = self.pagesize[1] - TOP_MARGIN - BOTTOM_MARGIN - 2 * FRAME_PADDING
        self.label_width = self._label_width(LABEL_KEYS)

    def _label_width(self, keys) -> float:
        """The label column fits the longest label in the worksheet's languages, on one line each."""
        widths = [stringWidth(line, label_font(line), BODY_SIZE - 0.5) + 2 * CELL_PADDING + 2
                  for key in keys for line in self.voices.t(key).split("\n")]
        return max([MIN_LABEL_WIDTH, *widths])

    def p(self, text: str, style: str = "body") -> Paragraph:
        return paragraph(text, self.styles[style])

    def cell(self, text: str, width: float, style: str = "body") -> _Plain:
        """A table value broken into lines once, here, and set as a plain cell (wrapping paragraphs is
        most of the rendering time): Latin text in DejaVu, text with Chinese in it in WenQuanYi."""
        st = self.styles[style]
        room = width - 2 * CELL_PADDING
        if any(cjk for _, cjk in runs(text)):
            return _Plain("\n".join(break_lines(text, CJK, st.fontSize, room)), CJK, st.fontSize, st.leading)
        lines = [line for part in text.split("\n") for line in (simpleSplit(part, st.fontName, st.fontSize, room) or [""])]
        return _Plain("\n".join(lines), st.fontName, st.fontSize, st.leading)

    def speak(self, content: WorksheetContent) -> None:
        """Take the content's languages: its own, and a bilingual worksheet's second one."""
        self.voices = Voices.of(self.words, content.alt_language)
        self.label_width = self._label_width(LABEL_KEYS)

    def render(self, content: WorksheetContent) -> RenderedWorksheet:
        self.speak(content)
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
            title=f"{self.voices.t('ws.title', INLINE)} {content.document_id}",
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
        t, v = self.words.t, self.voices
        ids = " · ".join(part for part in (content.nct, content.sponsor_protocol) if part)
        site = self._site(content)
        subject = v.t("sheet.running_subject", INLINE, number=content.screening_number, initials=content.initials,
                      version=content.screening_version)
        return Running(
            title=both(content.title_translation or content.title,
                       content.title if content.title_translation and content.alt_language else None, INLINE),
            protocol=f"{ids} · " + (t("sheet.running_protocol", version=content.protocol_version) if v.alt is None
                                    else f"{v.t('ws.protocol', INLINE)} {content.protocol_version}"),
            site=site,
            subject=subject,
            footer=self._footer(content, digest),
            page_words=v.t("ws.page", INLINE, page="{page}", pages="{pages}"),
            watermark=None if content.signature else v.t("ws.draft"),
        )

    def _footer(self, content: WorksheetContent, digest: str) -> tuple[str, str]:
        t, v = self.words.t, self.voices
        version_date = content.protocol_version_date.isoformat()
        if v.alt is None:
            return (t("ws.footer", document=content.document_id, digest=digest),
                    t("ws.footer_versions", program=content.program_version, protocol=content.protocol_id,
                      version=content.protocol_version, version_date=version_date))
        return (f"{v.t('sheet.document_label', INLINE)} {content.document_id} · "
                f"{v.t('sheet.content_label', INLINE)} SHA-256 {digest}",
                f"trialdesk {content.program_version} · {v.t('ws.protocol', INLINE)} {content.protocol_id} · "
                f"{v.t('ws.version', INLINE)} {content.protocol_version} ({version_date})")

    def _site(self, content: WorksheetContent) -> tuple[str, str, str]:
        """The header's site as (before, name, after): the name may be shortened, the number never."""
        value = self.words.t("sheet.site_value", name="\0", number=content.site_number) if content.site_number else "\0"
        pre, post = value.split("\0")
        if self.voices.alt is None:
            before, after = self.words.t("sheet.running_site", site=value).split("\0")
        else:
            before, after = f"{self.voices.t('ws.site', INLINE)}: {pre}", post
        return before, content.site_name or "—", after

    # -- the flow ----------------------------------------------------------------------------

    def _grid(self, rows: list[list], widths: list[float], header: bool = False, label_columns=(0,)) -> Table:
        """A bordered table whose label columns hold one-line labels as plain cells (no paragraph to
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
            for column in label_columns:
                if column < len(cells) and isinstance(cells[column], str):
                    style.append(("FONTNAME", (column, row), (column, row), label_font(cells[column])))
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

    def _subject(self, content: WorksheetContent) -> Table:
        """Who was screened, against what, where: two label-value pairs a row."""
        v, t = self.voices, self.words.t
        version = t("ws.version_value", version=content.screening_version)
        if content.supersedes:
            version = t("ws.corrects", version=content.screening_version, previous=content.supersedes,
                        reason=content.correction_reason or "")
        site = (self.words.t("sheet.site_value", name=content.site_name or "—", number=content.site_number)
                if content.site_number else content.site_name or "—")
        pairs = [
            ("ws.screening_number", content.screening_number), ("ws.initials", content.initials),
            ("ws.date_of_birth", content.date_of_birth.isoformat()), ("ws.sex", both(content.sex, content.sex_alt, INLINE)),
            ("ws.screening_date", content.screening_date.isoformat()),
            ("ws.consent", t("ws.consent_value", date=content.consent_date.isoformat(), version=content.consent_version)),
            ("ws.version", version), ("ws.site", site),
        ]
        left, right = pairs[::2], pairs[1::2]
        left_label = self._label_width([key for key, _ in left] + ["ws.protocol"])
        right_label = self._label_width([key for key, _ in right])
        # the left values are short (numbers, dates): the right ones (consent, site) take the rest
        style = self.styles["body"]
        left_value = min(max(stringWidth(b, style.fontName, style.fontSize) for _, b in left) + 2 * CELL_PADDING + 2,
                         (self.width - left_label - right_label) / 2)
        right_value = self.width - left_label - right_label - left_value
        rows = [[v.t(a), self.cell(b, left_value), v.t(c), self.cell(d, right_value)] for (a, b), (c, d) in zip(left, right)]
        title = both(content.title_translation, content.title) if content.title_translation else content.title
        rows.append([v.t("ws.protocol"), self.cell(f"{content.protocol_id} — {title} ({content.sponsor})",
                                                   self.width - left_label, "small"), "", ""])
        table = self._grid(rows, [left_label, left_value, right_label, right_value], label_columns=(0, 2))
        table.setStyle(TableStyle([("SPAN", (1, len(rows) - 1), (3, len(rows) - 1))]))
        return table

    def _story(self, content: WorksheetContent, where: dict) -> list[Flowable]:
        v, p = self.voices, self.p
        opening: list[Flowable] = [p(v.t("ws.title", INLINE), "title"), self._subject(content), Spacer(1, 5 * mm),
                                   *decision(content, v, self.styles, self.width)]
        signing = self._signing(content, where)
        if not self._fits([*opening, Spacer(1, 2 * mm), *signing]):  # the signature would stand apart from the result: repeat it
            overall = OVERALL_EFFECT[content.overall]
            text = v.t("sheet.overall_line", INLINE, overall=v.overall(content.overall))
            line = paragraph(text, self.styles["finding"], f'<font color="{colour(overall).hexval()}">{markup(text)}</font>')
            signing = [line, *signing]
        story = [*opening, Spacer(1, 2 * mm), KeepTogether(signing), PageBreak(),
                 p(v.t("sheet.criteria_pages", INLINE), "heading"), p(v.t("ws.verbatim_note"), "small")]
        if content.interpretations:  # how the whole protocol is read, before its criteria
            story.append(p(v.t("ws.interpretations", INLINE), "subheading"))
            story.extend(p(f"• {text}", "small") for text in (*content.interpretations, *content.interpretations_alt))
            story.append(Spacer(1, 3 * mm))
        entries = [[self._entry(entry), Spacer(1, 2.5 * mm)] for entry in content.entries]
        for flowables in entries[:-LAST_TOGETHER]:
            story.extend(flowables)
        # the last criteria go overleaf together rather than leave a last page holding a table's last row
        story.append(KeepTogether([f for flowables in entries[-LAST_TOGETHER:] for f in flowables]))
        return story

    def _fits(self, flowables: list[Flowable]) -> bool:
        """Whether these flowables fill no more than one page."""
        height = 0.0
        for flowable in flowables:
            height += flowable.wrap(self.width, self.frame_height)[1] + flowable.getSpaceBefore() + flowable.getSpaceAfter()
        return height <= self.frame_height

    def _entry(self, entry) -> Table:
        v = self.voices
        ink = colour(entry.effect)
        effect = both(entry.effect_text or entry.verdict, entry.effect_alt, LINE)
        kind = both(entry.kind, entry.kind_alt, INLINE)
        words = paragraph(effect + kind, self.styles["body"], f'<font color="{ink.hexval()}"><b>{markup(effect)}</b></font>'
                          f'<font size="{BODY_SIZE - 1}"> · {markup(kind)}</font>')
        width = self.width - self.label_width
        mark = Marked(entry.effect or "open", words)
        rows = [[mark, ""], [v.t("ws.registry_text"), self.cell(entry.text, width)]]
        if entry.translation:
            rows.append([v.t("ws.translation"), self.cell(entry.translation, width)])
        if entry.interpretation:
            rows.append([v.t("ws.interpretation"), self.cell(both(entry.interpretation, entry.interpretation_alt),
                                                             width, "small")])
        if entry.facts:
            rows.append([v.t("ws.facts"), self.cell("\n".join(f"{label}: {value}" for label, value in entry.facts),
                                                    width, "small")])
        if entry.scores:
            rows.append([v.t("ws.scores"), self.cell("\n".join((*entry.scores, *entry.scores_alt)), width, "small")])
        rows.append([v.t("ws.reason"), self.cell(both(entry.reason, entry.reason_alt), width)])
        rows.append([v.t("ws.source"), self.cell(entry.source or self.words.t("ws.no_source"), width)])
        if entry.entered:
            rows.append([v.t("ws.entered"), self.cell("\n".join(entry.entered), width, "small")])
        table = self._grid(rows, [self.label_width, self.width - self.label_width], header=True)
        if entry.effect == "excludes":  # a heavier frame: an excluding criterion stands out photocopied too
            table.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.6, ink), ("BACKGROUND", (0, 0), (-1, 0), EXCLUDES_SHADE)]))
        return table


def render_worksheet(content: WorksheetContent, words: Messages, paper: str | None = None) -> RenderedWorksheet:
    """The worksheet's PDF. Deterministic: the same content and program give the same bytes,
    which is how `verify` proves a signed worksheet's pages were rendered from its payload."""
    return WorksheetRenderer(words, paper or content.paper).render(content)
