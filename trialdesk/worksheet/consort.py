"""The CONSORT flow diagram and the chart of screen failures by criterion, on paper and as a picture.

Both are reportlab drawings, built from the counts alone: the diagram's boxes (pre-screened,
assessed for eligibility, excluded with its breakdown and still being screened at the side,
enrolled) joined by arrows, and a horizontal bar per criterion that excluded someone.
`render_consort_pdf` prints them on one or two A4 pages with the header, the definitions and
"Page x of y"; `render_consort_png` draws the header, the diagram and the chart as one picture.
The picture is the drawing printed to PDF and rasterised by PDFium (already used to preview and
print): reportlab's own bitmap renderer needs a cairo backend this program does not ship.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from io import BytesIO

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing, Group, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer

from trialdesk.domain.consort import ConsortCounts
from trialdesk.messages.consort import ConsortWords
from trialdesk.worksheet.fonts import CJK, SANS, SANS_BOLD, markup, register_fonts, runs
from trialdesk.worksheet.layout import (
    BOTTOM_MARGIN,
    FOOTER_SIZE,
    GRID,
    LEFT_MARGIN,
    RIGHT_MARGIN,
    SHADE,
    break_lines,
    draw_text,
    fit,
    paragraph,
    styles,
    text_width,
)

TOP_MARGIN = 16 * mm
USABLE = A4[0] - LEFT_MARGIN - RIGHT_MARGIN
BOX_SIZE = 8.5  # text in the boxes, pt
BOX_LEADING = BOX_SIZE * 1.3
PAD = 2.2 * mm  # inside a box
INDENT = 3.5 * mm  # a box's breakdown under its heading, and a sub-item under an item
HANG = "   "  # a wrapped item's next lines, under its text rather than its bullet
MAIN_WIDTH = 70 * mm  # the boxes of the main column
SIDE_GAP = 12 * mm  # from the main column's boxes to a side box
ROW_GAP = 5 * mm
ARROW = 1.8 * mm  # the arrowhead's length
NOTE_SIZE = 7.5  # beside an arrow
NOTE = colors.HexColor("#444444")
INK = colors.black
#: the chart
CHART_SIZE = 8
ROW_HEIGHT = 5.4 * mm
BAR_HEIGHT = 3.4 * mm
LABEL_WIDTH = 82 * mm
COUNT_ROOM = 12 * mm
PAGE_ROWS = 40  # bars in one drawing on paper: a drawing never splits across pages
AXIS_ROOM = 9 * mm  # the ticks' numbers and what they count
BAR = colors.HexColor("#5b6f8f")
#: the picture
PNG_MARGIN = 8 * mm
PNG_SCALE = 2.0  # 144 dpi


def _font(text: str, bold: bool) -> str:
    return CJK if any(cjk for _, cjk in runs(text)) else (SANS_BOLD if bold else SANS)


def _wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """Lines of at most `width` (a little less for Chinese: its Latin is set in a wider font)."""
    font = _font(text, bold)
    return break_lines(text, font, size, width * (0.94 if font == CJK else 1.0))


def _string(group: Group, x: float, y: float, text: str, size: float, *, bold: bool = False,
            anchor: str = "start", colour=INK) -> None:
    """One line, Latin in DejaVu and Chinese in WenQuanYi, as `draw_text` sets it on a canvas."""
    if anchor == "middle":
        x -= text_width(text, size, bold) / 2
    elif anchor == "end":
        x -= text_width(text, size, bold)
    for part, cjk in runs(text):
        font = CJK if cjk else (SANS_BOLD if bold else SANS)
        group.add(String(x, y, part, fontName=font, fontSize=size, fillColor=colour))
        x += text_width(part, size, bold)


@dataclass
class _Box:
    """A heading (bold) and its breakdown lines, each (text, level), wrapped to the box's width."""

    heading: str
    items: Sequence[tuple[str, int]]
    width: float
    shaded: bool = False

    def __post_init__(self) -> None:
        inner = self.width - 2 * PAD
        self.lines = [(line, 0, True) for line in _wrap(self.heading, inner, BOX_SIZE, bold=True)]
        for text, level in self.items:
            bullet = "• " if level == 0 else "– "
            wrapped = _wrap(bullet + text, inner - INDENT * (level + 1) - text_width(HANG, BOX_SIZE), BOX_SIZE)
            self.lines += [(line if i == 0 else HANG + line, level + 1, False) for i, line in enumerate(wrapped)]
        self.height = 2 * PAD + len(self.lines) * BOX_LEADING - (BOX_LEADING - BOX_SIZE) + (1.2 * mm if self.items else 0)

    def draw(self, group: Group, x: float, top: float) -> None:
        """Draw with its top-left corner at (x, top) (reportlab's y grows upwards)."""
        group.add(Rect(x, top - self.height, self.width, self.height, strokeColor=INK, strokeWidth=0.8,
                       fillColor=SHADE if self.shaded else colors.white))
        y = top - PAD - BOX_SIZE * 0.85
        for index, (line, level, bold) in enumerate(self.lines):
            if index and not bold and self.lines[index - 1][2]:
                y -= 1.2 * mm  # a little room between the heading and its breakdown
            _string(group, x + PAD + INDENT * level, y, line, BOX_SIZE, bold=bold)
            y -= BOX_LEADING


def _arrow(group: Group, x1: float, y1: float, x2: float, y2: float) -> None:
    """A line from (x1, y1) to (x2, y2) ending in a filled head (horizontal or vertical)."""
    group.add(Line(x1, y1, x2, y2, strokeColor=INK, strokeWidth=0.8))
    dx, dy = (x2 > x1) - (x2 < x1), (y2 > y1) - (y2 < y1)
    back_x, back_y = x2 - dx * ARROW, y2 - dy * ARROW
    side_x, side_y = -dy * ARROW * 0.45, dx * ARROW * 0.45
    group.add(Polygon([x2, y2, back_x + side_x, back_y + side_y, back_x - side_x, back_y - side_y],
                      fillColor=INK, strokeColor=INK, strokeWidth=0.5))


def flow_group(counts: ConsortCounts, words: ConsortWords, width: float = USABLE) -> tuple[Group, float]:
    """The flow diagram, `width` wide, and its height; its bottom-left corner at (0, 0)."""
    c, w = counts, words
    side_x = MAIN_WIDTH + SIDE_GAP
    side_width = width - side_x
    centre = MAIN_WIDTH / 2
    other = [(w.n("consort.other_reasons", c.other_total), 0), *((line, 1) for line in w.other_reason_lines(c))]
    prescreened = _Box(w.n("consort.prescreened", c.prescreen.candidates), (), MAIN_WIDTH, shaded=True)
    not_screened = _Box(w.n("consort.not_screened", c.prescreen.not_screened),
                        [(line, 0) for line in w.not_screened_lines(c)], side_width)
    assessed = _Box(w.n("consort.assessed", c.assessed), (), MAIN_WIDTH, shaded=True)
    excluded = _Box(w.n("consort.excluded", c.excluded), [
        (w.n("consort.not_meeting", c.not_meeting_criteria), 0), (w.t("consort.see_chart"), 1),
        (w.n("consort.declined", c.declined), 0), *other], side_width)
    still = _Box(w.n("consort.still", c.still_screening), [(line, 0) for line in w.still_lines(c)], side_width)
    failing = [(w.t("consort.enrolled_failing", n=c.enrolled_failing_criteria), 0)] if c.enrolled_failing_criteria else []
    enrolled = _Box(w.n("consort.enrolled", c.enrolled), failing, MAIN_WIDTH, shaded=True)
    rescreening = _wrap(w.rescreening(c), width, BOX_SIZE)

    # positions measured down from the top, turned into reportlab's upward y at the end
    first_gap = max(not_screened.height + 2 * ROW_GAP, 14 * mm)
    assessed_top = prescreened.height + first_gap
    excluded_top = assessed_top + assessed.height + ROW_GAP
    still_top = excluded_top + excluded.height + ROW_GAP
    enrolled_top = still_top + still.height + ROW_GAP
    note_top = enrolled_top + enrolled.height + 4 * mm
    height = note_top + len(rescreening) * BOX_LEADING

    def up(from_top: float) -> float:
        return height - from_top

    group = Group()
    prescreened.draw(group, 0, up(0))
    middle = prescreened.height + first_gap / 2
    not_screened.draw(group, side_x, up(middle - not_screened.height / 2))
    _arrow(group, centre, up(prescreened.height), centre, up(assessed_top))
    _arrow(group, centre, up(middle), side_x, up(middle))
    screened = _wrap(w.n("consort.from_prescreen", c.prescreen.screened), side_x - centre - 4 * mm, NOTE_SIZE)
    for index, line in enumerate(screened):  # beside the arrow, under its branch
        _string(group, centre + 1.5 * mm, up(middle + 2 * mm + (index + 1) * NOTE_SIZE * 1.2), line, NOTE_SIZE,
                colour=NOTE)
    assessed.draw(group, 0, up(assessed_top))
    _arrow(group, centre, up(assessed_top + assessed.height), centre, up(enrolled_top))
    for box, top in ((excluded, excluded_top), (still, still_top)):
        box.draw(group, side_x, up(top))
        arrow_at = top + min(box.height / 2, 5 * mm)
        _arrow(group, centre, up(arrow_at), side_x, up(arrow_at))
    enrolled.draw(group, 0, up(enrolled_top))
    for index, line in enumerate(rescreening):
        _string(group, 0, up(note_top + (index + 1) * BOX_LEADING - (BOX_LEADING - BOX_SIZE)), line, BOX_SIZE)
    return group, height


def _step(largest: int) -> int:
    """A round step (1, 2 or 5 times a power of ten) giving at most six ticks up to `largest`."""
    power = 10 ** max(0, int(math.log10(max(largest, 1))) - 1)
    return next(step * power * scale for scale in (1, 10, 100) for step in (1, 2, 5) if largest / (step * power * scale) <= 6)


def chart_parts(counts: ConsortCounts, words: ConsortWords, width: float = USABLE,
                rows_per_part: int | None = None) -> list[tuple[Group, float]]:
    """The chart of screen failures, one bar per criterion that excluded someone, in protocol order
    ("I5  its text", the bar, the count), as groups of at most `rows_per_part` bars (all in one by
    default), each with its axis, on one scale; the title and note head the first."""
    rows = counts.failures
    size = rows_per_part or max(len(rows), 1)
    chunks = [rows[start:start + size] for start in range(0, len(rows), size)] or [()]
    largest = max((count for _, count in rows), default=1)
    step = _step(largest)
    scale_top = step * math.ceil(largest / step)
    return [_chart(chunk, words, width, scale_top, step, heading=index == 0) for index, chunk in enumerate(chunks)]


def _chart(rows: Sequence[tuple[str, int]], words: ConsortWords, width: float, scale_top: int, step: int, *,
           heading: bool) -> tuple[Group, float]:
    w = words
    title = _wrap(w.t("consort.chart_title"), width, 10.5, bold=True) if heading else []
    note = _wrap(w.t("consort.chart_note"), width, CHART_SIZE - 0.5) if heading else []
    head = len(title) * 13 + len(note) * (CHART_SIZE * 1.25) + (2 * mm if heading else 0)
    body = len(rows) * ROW_HEIGHT + AXIS_ROOM + 2 * mm if rows else CHART_SIZE * 2
    height = head + body
    group = Group()
    y = height - 10.5
    for line in title:
        _string(group, 0, y, line, 10.5, bold=True)
        y -= 13
    for line in note:
        _string(group, 0, y, line, CHART_SIZE - 0.5, colour=NOTE)
        y -= CHART_SIZE * 1.25
    top = height - head
    if not rows:
        _string(group, 0, top - CHART_SIZE * 1.3, w.t("consort.chart_none"), CHART_SIZE)
        return group, height
    bars = width - LABEL_WIDTH - COUNT_ROOM
    axis_y = top - len(rows) * ROW_HEIGHT
    for tick in range(0, scale_top + 1, step):
        x = LABEL_WIDTH + bars * tick / scale_top
        group.add(Line(x, top, x, axis_y, strokeColor=colors.HexColor("#d0d0d0") if tick else GRID, strokeWidth=0.4))
        _string(group, x, axis_y - CHART_SIZE - 1, str(tick), CHART_SIZE - 1, anchor="middle", colour=GRID)
    _string(group, LABEL_WIDTH + bars / 2, axis_y - 2 * CHART_SIZE - 1.5, w.t("consort.subjects"), CHART_SIZE - 1,
            anchor="middle", colour=NOTE)
    id_width = max(text_width(criterion, CHART_SIZE, True) for criterion, _ in rows)
    id_width = max(id_width, text_width("E00", CHART_SIZE, True)) + 1.5 * mm
    for index, (criterion, count) in enumerate(rows):
        row_top = top - index * ROW_HEIGHT
        baseline = row_top - ROW_HEIGHT / 2 - CHART_SIZE * 0.35
        _string(group, 0, baseline, criterion, CHART_SIZE, bold=True)
        label = fit(w.criterion_label(criterion), CHART_SIZE, LABEL_WIDTH - id_width - 2 * mm)
        _string(group, id_width, baseline, label, CHART_SIZE)
        length = bars * count / scale_top
        group.add(Rect(LABEL_WIDTH, row_top - (ROW_HEIGHT + BAR_HEIGHT) / 2, length, BAR_HEIGHT,
                       fillColor=BAR, strokeColor=None))
        _string(group, LABEL_WIDTH + length + 1.5 * mm, baseline, str(count), CHART_SIZE, bold=True)
    return group, height


def _drawing(group: Group, width: float, height: float) -> Drawing:
    drawing = Drawing(width, height)
    drawing.add(group)
    return drawing


def render_consort_pdf(counts: ConsortCounts, words: ConsortWords, *, title_lines: Sequence[str],
                       printed_at: datetime) -> bytes:
    """The diagram, the chart and the definitions on one or two A4 pages.

    `title_lines`: what the header says under the title, e.g. the protocol id and version, the site
    and the period (`words.period(start, end)`); `printed_at` is printed in each page's footer."""
    register_fonts()
    _, pages = _build(counts, words, title_lines, printed_at, None)  # once to count the pages, for "Page x of y"
    return _build(counts, words, title_lines, printed_at, pages)[0]


def _build(counts, words: ConsortWords, title_lines, printed_at: datetime, pages: int | None) -> tuple[bytes, int]:
    buffer = BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=LEFT_MARGIN, rightMargin=RIGHT_MARGIN, topMargin=TOP_MARGIN,
                            bottomMargin=BOTTOM_MARGIN, title=words.t("consort.title"), creator="trialdesk",
                            invariant=True, initialFontName=SANS)
    printed = words.t("consort.printed", at=printed_at.isoformat(sep=" ", timespec="minutes"))

    def on_page(canvas, _doc) -> None:
        canvas.saveState()
        canvas.setStrokeColor(GRID)
        canvas.setLineWidth(0.5)
        canvas.line(LEFT_MARGIN, BOTTOM_MARGIN - 5 * mm, A4[0] - RIGHT_MARGIN, BOTTOM_MARGIN - 5 * mm)
        canvas.setFillColor(colors.HexColor("#444444"))
        draw_text(canvas, LEFT_MARGIN, BOTTOM_MARGIN - 8.5 * mm, fit(printed, FOOTER_SIZE, USABLE / 2), FOOTER_SIZE)
        page = words.t("consort.page", page=canvas.getPageNumber(), pages=pages or "?")
        draw_text(canvas, A4[0] - RIGHT_MARGIN, BOTTOM_MARGIN - 8.5 * mm, page, FOOTER_SIZE, right=True)
        canvas.restoreState()

    doc.build(_story(counts, words, title_lines, printed), onFirstPage=on_page, onLaterPages=on_page)
    return buffer.getvalue(), doc.page


def _story(counts: ConsortCounts, words: ConsortWords, title_lines: Sequence[str], printed: str) -> list[Flowable]:
    sheet = styles()
    story: list[Flowable] = [paragraph(words.t("consort.title"), sheet["title"])]
    story += [paragraph(line, sheet["body"]) for line in title_lines]
    story += [paragraph(printed, sheet["small"]), Spacer(1, 5 * mm)]
    flow, flow_height = flow_group(counts, words)
    story += [_drawing(flow, USABLE, flow_height), Spacer(1, 7 * mm)]
    story += [_drawing(chart, USABLE, height) for chart, height in chart_parts(counts, words, rows_per_part=PAGE_ROWS)]
    definition = ParagraphStyle("definition", parent=sheet["small"], spaceAfter=1.2 * mm)
    story.append(KeepTogether([paragraph(words.t("consort.definitions"), sheet["heading"]),
                               *(_definition(text, definition) for text in words.definitions())]))
    return story


def _definition(text: str, style: ParagraphStyle) -> Paragraph:
    """The term defined (before the first colon) in bold, then its definition."""
    for colon in (":", "："):
        term, found, rest = text.partition(colon)
        if found and len(term) < len(text) / 2:
            return paragraph(text, style, f"<b>{markup(term + colon)}</b>{markup(rest)}")
    return paragraph(text, style)


def consort_drawing(counts: ConsortCounts, words: ConsortWords, *, title_lines: Sequence[str],
                    printed_at: datetime) -> Drawing:
    """The picture's drawing: the title and header lines, the diagram, then the chart, with margins."""
    register_fonts()
    header: list[tuple[str, float, bool]] = [(words.t("consort.title"), 13, True)]
    header += [(line, 9, False) for line in title_lines]
    header.append((words.t("consort.printed", at=printed_at.isoformat(sep=" ", timespec="minutes")), 8, False))
    header_height = sum(size * 1.35 for _, size, _ in header) + 4 * mm
    flow, flow_height = flow_group(counts, words)
    (chart, chart_height), = chart_parts(counts, words)
    gap = 7 * mm
    width = USABLE + 2 * PNG_MARGIN
    height = 2 * PNG_MARGIN + header_height + flow_height + gap + chart_height
    drawing = Drawing(width, height)
    drawing.add(Rect(0, 0, width, height, fillColor=colors.white, strokeColor=None))
    y = height - PNG_MARGIN
    for text, size, bold in header:
        y -= size * 1.35
        _string(drawing, PNG_MARGIN, y + size * 0.3, fit(text, size, USABLE, bold), size, bold=bold,
                colour=INK if bold else colors.HexColor("#333333"))
    flow.translate(PNG_MARGIN, PNG_MARGIN + chart_height + gap)
    chart.translate(PNG_MARGIN, PNG_MARGIN)
    drawing.add(flow)
    drawing.add(chart)
    return drawing


def render_consort_png(counts: ConsortCounts, words: ConsortWords, *, title_lines: Sequence[str],
                       printed_at: datetime, scale: float = PNG_SCALE) -> bytes:
    """The picture (`consort_drawing`) as a PNG, `scale` pixels per point (2: 144 dpi)."""
    import pypdfium2

    drawing = consort_drawing(counts, words, title_lines=title_lines, printed_at=printed_at)
    document = pypdfium2.PdfDocument(renderPDF.drawToString(drawing))
    try:
        page = document[0]
        image = page.render(scale=scale).to_pil()
        page.close()
    finally:
        document.close()
    buffer = BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
