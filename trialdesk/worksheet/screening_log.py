"""The screening and enrolment log as sponsors file it: an A4 landscape PDF, one table row per
screening in the order given, its header row repeated on every page.

Every page repeats the protocol (id, title, versions), the sponsor, the site number, the period
listed, "Page x of y" (the true count: the canvas draws headers once every page is laid out) and
who printed it when. The last page closes with the log's totals and the lines on which the
investigator confirms it complete and accurate. Subjects are named by screening number and
initials only. Cells are broken into lines here and set as plain table cells, as the worksheet's
are: wrapping thousands of paragraphs would be most of the rendering time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from io import BytesIO

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, SimpleDocTemplate, Spacer, Table, TableStyle

from trialdesk.domain.sponsor_log import LogTotals, SponsorLogHeader, SponsorLogRow, totals
from trialdesk.messages import Messages
from trialdesk.messages.sponsor_log import reason_words, yes_no
from trialdesk.worksheet.fonts import CJK, SANS, SANS_BOLD, register_fonts, runs
from trialdesk.worksheet.layout import (
    BOTTOM_MARGIN,
    FRAME_PADDING,
    GRID,
    LEFT_MARGIN,
    RIGHT_MARGIN,
    SHADE,
    TOP_MARGIN,
    Running,
    break_lines,
    numbered_canvas,
    paragraph,
    styles,
)

CELL_SIZE = 7.5
CELL_LEADING = 9.3
CELL_PADDING = 3
STRIPE = colors.HexColor("#f7f7f3")  # every other row, faint enough to photocopy as white
SIGNING_HEIGHT = 13 * mm  # room to sign by hand
#: the columns in order: message key, width in mm (None: a share of what the fixed columns leave)
COLUMNS: tuple[tuple[str, float | None], ...] = (
    ("sponsor_log.col.number", 22), ("sponsor_log.col.initials", 13), ("sponsor_log.col.consent", 33),
    ("sponsor_log.col.screening_date", 20), ("sponsor_log.col.eligible", 15), ("sponsor_log.col.criteria", None),
    ("sponsor_log.col.enrolled", 15), ("sponsor_log.col.randomisation", 26), ("sponsor_log.col.reason", None),
    ("sponsor_log.col.rescreen", 27),
)
SHARES = {"sponsor_log.col.criteria": 0.53, "sponsor_log.col.reason": 0.47}


def _moment(at: datetime) -> str:
    return at.isoformat(sep=" ", timespec="minutes")


def _cut(line: str, font: str, room: float) -> list[str]:
    """A line still wider than the cell (one word longer than it: a 32-character screening number)
    cut between characters."""
    pieces: list[str] = []
    while stringWidth(line, font, CELL_SIZE) > room and len(line) > 1:
        end = len(line) - 1
        while end > 1 and stringWidth(line[:end], font, CELL_SIZE) > room:
            end -= 1
        pieces.append(line[:end])
        line = line[end:]
    return [*pieces, line]


@dataclass(frozen=True, slots=True)
class _Cell:
    """A cell's text broken into lines, and the one font it is set in."""

    text: str
    font: str


class ScreeningLogRenderer:
    """Lays out one log: the table of screenings, then the closing box."""

    pagesize = landscape(A4)

    def __init__(self, words: Messages) -> None:
        register_fonts()
        self.words = words
        self.styles = styles()
        self.width = self.pagesize[0] - LEFT_MARGIN - RIGHT_MARGIN - 2 * FRAME_PADDING
        fixed = sum(width * mm for _, width in COLUMNS if width is not None)
        self.widths = [width * mm if width is not None else (self.width - fixed) * SHARES[key] for key, width in COLUMNS]

    def render(self, rows: Sequence[SponsorLogRow], header: SponsorLogHeader) -> bytes:
        buffer = BytesIO()
        t = self.words.t
        doc = SimpleDocTemplate(
            buffer, pagesize=self.pagesize, leftMargin=LEFT_MARGIN, rightMargin=RIGHT_MARGIN,
            topMargin=TOP_MARGIN, bottomMargin=BOTTOM_MARGIN,
            title=f"{t('sponsor_log.title')} {header.protocol_id} {t('sponsor_log.site', site=header.site_number)}",
            subject=header.protocol_title, author=header.printed_by, creator="trialdesk",
            invariant=True, initialFontName=SANS,  # else the canvas starts in Helvetica, a font no reader is sure to have
        )
        story: list[Flowable] = [paragraph(t("sponsor_log.title"), self.styles["title"]),
                                 paragraph(header.protocol_title, self.styles["body"]), Spacer(1, 3 * mm),
                                 self._table(rows, header)]
        if not rows:
            story += [Spacer(1, 2 * mm), paragraph(t("sponsor_log.empty"), self.styles["body"])]
        story.append(KeepTogether(self._closing(totals(rows))))
        doc.build(story, canvasmaker=numbered_canvas(self._running(header)))
        return buffer.getvalue()

    # -- every page ------------------------------------------------------------------------

    def _running(self, header: SponsorLogHeader) -> Running:
        t = self.words.t
        key = "sponsor_log.protocol_one" if len(header.protocol_versions) <= 1 else "sponsor_log.protocol_many"
        before, after = t("sponsor_log.site", site="\0").split("\0")
        return Running(
            title=f"{t('sponsor_log.title')} · {header.protocol_title}",
            protocol=t(key, protocol=header.protocol_id, versions=", ".join(header.protocol_versions) or "—",
                       sponsor=header.sponsor),
            site=(before, "", header.site_number + after),
            subject=self._period(header),
            footer=(t("sponsor_log.printed", at=_moment(header.printed_at), by=header.printed_by),
                    t("sponsor_log.identifies")),
            page_words=t("ws.page", page="{page}", pages="{pages}"),
            watermark=None,
        )

    def _period(self, header: SponsorLogHeader) -> str:
        start, end = header.date_from, header.date_to
        if start and end:
            return self.words.t("sponsor_log.period_between", start=start.isoformat(), end=end.isoformat())
        if start:
            return self.words.t("sponsor_log.period_from", start=start.isoformat())
        if end:
            return self.words.t("sponsor_log.period_to", end=end.isoformat())
        return self.words.t("sponsor_log.period_all")

    # -- the table ---------------------------------------------------------------------------

    def _cell(self, text: str, width: float, bold: bool = False) -> _Cell:
        room = width - 2 * CELL_PADDING
        if any(cjk for _, cjk in runs(text)):
            return _Cell("\n".join(break_lines(text, CJK, CELL_SIZE, room)), CJK)
        font = SANS_BOLD if bold else SANS
        lines = [piece for part in text.split("\n") for line in (simpleSplit(part, font, CELL_SIZE, room) or [""])
                 for piece in _cut(line, font, room)]
        return _Cell("\n".join(lines), font)

    def _values(self, row: SponsorLogRow, versions_shown: bool) -> list[str]:
        w = self.words
        screening = row.screening_date.isoformat()
        if versions_shown:  # the log spans versions: which one this screening was under
            screening += "\n" + w.t("sponsor_log.protocol_version", version=row.protocol_version)
        criteria = ", ".join(row.criteria_not_met)
        if row.screen_failure_reason:
            criteria = f"{criteria}\n{row.screen_failure_reason}" if criteria else row.screen_failure_reason
        # a screen failure is never enrolled, whether or not an outcome was recorded for it
        enrolled = False if row.enrolled is None and row.eligible is False else row.enrolled
        randomised = "\n".join(part for part in (row.randomisation_number,
                                                 row.enrolment_date.isoformat() if row.enrolment_date else None) if part)
        rescreen = (w.t("sponsor_log.rescreen_value", number=row.rescreen_of, attempt=row.attempt)
                    if row.rescreen_of else "")
        return [row.screening_number, row.initials, f"{row.consent_date.isoformat()}\n{row.consent_version}", screening,
                yes_no(w, row.eligible), criteria, yes_no(w, enrolled), randomised,
                reason_words(w, row.reason_not_enrolled, row.reason_text), rescreen]

    def _table(self, rows: Sequence[SponsorLogRow], header: SponsorLogHeader) -> Table:
        versions_shown = len(header.protocol_versions) > 1
        heads = [self._cell(self.words.t(key), width, bold=True) for (key, _), width in zip(COLUMNS, self.widths)]
        body = [[self._cell(value, width) for value, width in zip(self._values(row, versions_shown), self.widths)]
                for row in rows]
        style = [
            ("FONTNAME", (0, 0), (-1, -1), SANS),
            ("FONTNAME", (0, 0), (-1, 0), SANS_BOLD),
            ("FONTSIZE", (0, 0), (-1, -1), CELL_SIZE),
            ("LEADING", (0, 0), (-1, -1), CELL_LEADING),
            ("GRID", (0, 0), (-1, -1), 0.4, GRID),
            ("BOX", (0, 0), (-1, -1), 0.8, GRID),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("BACKGROUND", (0, 0), (-1, 0), SHADE),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, STRIPE]),
        ]
        for index, cells in enumerate([heads, *body]):
            for column, cell in enumerate(cells):
                if cell.font == CJK:  # the rest are set in the table's fonts
                    style.append(("FONTNAME", (column, index), (column, index), CJK))
        table = Table([[cell.text for cell in cells] for cells in [heads, *body]], colWidths=self.widths,
                      repeatRows=1, splitByRow=1)
        table.setStyle(TableStyle(style))
        return table

    # -- the last page -----------------------------------------------------------------------

    def _closing(self, counts: LogTotals) -> list[Flowable]:
        """The totals, then the investigator's confirmation with a line each for name, signature, date."""
        t, p = self.words.t, paragraph
        left = [(t("sponsor_log.closing.subjects"), counts.subjects),
                (t("sponsor_log.closing.screenings", rescreenings=counts.rescreenings), counts.screenings),
                (t("sponsor_log.closing.eligible"), counts.eligible),
                (t("sponsor_log.closing.not_eligible"), counts.not_eligible),
                (t("sponsor_log.closing.eligibility_pending"), counts.eligibility_pending)]
        right = [(t("sponsor_log.closing.enrolled"), counts.enrolled),
                 (t("sponsor_log.closing.not_enrolled"), counts.not_enrolled_total),
                 *((t("sponsor_log.closing.not_enrolled_reason", reason=reason_words(self.words, reason, None)
                      or t("sponsor_log.reason.none")), count) for reason, count in counts.not_enrolled),
                 (t("sponsor_log.closing.outcome_pending"), counts.outcome_pending)]
        label_width = (self.width - 2 * 18 * mm) / 2
        widths = [label_width, 18 * mm, label_width, 18 * mm]
        body, small = self.styles["body"], self.styles["small"]
        rows: list[list] = [[p(t("sponsor_log.closing.title"), self.styles["subheading"]), "", "", ""]]
        for index in range(max(len(left), len(right))):
            cells: list = []
            for pairs in (left, right):
                label, count = pairs[index] if index < len(pairs) else ("", "")
                cells += [p(label, body) if label else "", str(count) if label else ""]
            rows.append(cells)
        counts_end = len(rows)
        rows.append([p(t("sponsor_log.closing.by_screening"), small), "", "", ""])
        rows.append([p(t("sponsor_log.closing.statement"), self.styles["label"]), "", "", ""])
        signing = [t("sponsor_log.closing.name"), t("sponsor_log.closing.signature"), t("sponsor_log.closing.date")]
        gap = 10 * mm
        third = (self.width - 12 - 2 * gap) / 3  # within the box's cell padding
        lines = Table([[p(signing[0], small), "", p(signing[1], small), "", p(signing[2], small)], [""] * 5],
                      colWidths=[third, gap, third, gap, third], rowHeights=[None, SIGNING_HEIGHT])
        lines.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), SANS),
                                   *(("LINEBELOW", (column, 1), (column, 1), 0.6, colors.black) for column in (0, 2, 4)),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        rows.append([lines, "", "", ""])
        box = Table(rows, colWidths=widths, spaceBefore=6 * mm)  # no space above it at the top of a page
        box.setStyle(TableStyle([
            ("FONTNAME", (0, 0), (-1, -1), SANS),
            ("FONTSIZE", (0, 0), (-1, -1), self.styles["body"].fontSize),
            ("BOX", (0, 0), (-1, -1), 1.2, colors.black),
            ("BACKGROUND", (0, 0), (-1, 0), SHADE),
            ("SPAN", (0, 0), (-1, 0)),
            *(("SPAN", (0, row), (-1, row)) for row in range(counts_end, len(rows))),
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, GRID),
            ("LINEBELOW", (0, counts_end - 1), (-1, counts_end - 1), 0.4, GRID),
            ("ALIGN", (1, 1), (1, counts_end - 1), "RIGHT"),
            ("ALIGN", (3, 1), (3, counts_end - 1), "RIGHT"),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 1), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 1), (-1, -1), 2),
            ("TOPPADDING", (0, len(rows) - 1), (-1, len(rows) - 1), 4 * mm),
        ]))
        return [box]


def render_screening_log(rows: Sequence[SponsorLogRow], header: SponsorLogHeader, words: Messages) -> bytes:
    """The screening and enrolment log's PDF for the sponsor: the rows in the order given, in the
    language of `words`. Deterministic: the same rows and header give the same bytes."""
    return ScreeningLogRenderer(words).render(rows, header)
