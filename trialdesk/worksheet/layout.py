"""Page geometry, the style sheet, and the canvas that puts the running header and footer,
"Page x of y" and the draft watermark on every page."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from trialdesk.worksheet.fonts import CJK, SANS, SANS_BOLD, runs

PAPER = {"a4": A4, "letter": LETTER}
LEFT_MARGIN = RIGHT_MARGIN = 16 * mm
TOP_MARGIN = 30 * mm  # room for the three-line running header
BOTTOM_MARGIN = 18 * mm  # room for the footer
FRAME_PADDING = 6  # platypus frames pad their content by 6 pt on each side
HEADER_SIZE = 8
FOOTER_SIZE = 6.5
BODY_SIZE = 9
WATERMARK_SIZE = 54
GRID = colors.HexColor("#9a9a9a")
SHADE = colors.HexColor("#f0f0ea")
EXCLUDES = colors.HexColor("#b3261e")
PASSES = colors.HexColor("#1b7f3b")
OPEN = colors.HexColor("#8a6d00")


def styles() -> dict[str, ParagraphStyle]:
    """The worksheet's paragraph styles, built once per document."""
    body = ParagraphStyle("body", fontName=SANS, fontSize=BODY_SIZE, leading=BODY_SIZE * 1.3)
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=BODY_SIZE - 1, leading=(BODY_SIZE - 1) * 1.3),
        "label": ParagraphStyle("label", parent=body, fontName=SANS_BOLD),
        "title": ParagraphStyle("title", parent=body, fontName=SANS_BOLD, fontSize=15, leading=19, spaceAfter=4 * mm),
        "heading": ParagraphStyle("heading", parent=body, fontName=SANS_BOLD, fontSize=11.5, leading=15,
                                  spaceBefore=4 * mm, spaceAfter=2 * mm),
        "overall": ParagraphStyle("overall", parent=body, fontName=SANS_BOLD, fontSize=14, leading=18, spaceBefore=2 * mm),
    }


def draw_text(canvas: Canvas, x: float, y: float, text: str, size: float, bold: bool = False, right: bool = False) -> None:
    """A line of text with Latin in DejaVu and Chinese in WenQuanYi, as a paragraph would set it."""
    pieces = [(part, CJK if cjk else (SANS_BOLD if bold else SANS)) for part, cjk in runs(text)]
    width = sum(stringWidth(part, font, size) for part, font in pieces)
    if right:
        x -= width
    for part, font in pieces:
        canvas.setFont(font, size)
        canvas.drawString(x, y, part)
        x += stringWidth(part, font, size)


def fit(text: str, size: float, width: float) -> str:
    """Shorten a header line to the width, with an ellipsis."""
    font = SANS
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


@dataclass(frozen=True)
class Running:
    """What every page repeats."""

    header: tuple[str, str, str]
    subject: str
    footer: tuple[str, str]
    page_words: str  # "Page {page} of {pages}"
    watermark: str | None


def numbered_canvas(running: Running) -> type[Canvas]:
    """A canvas class that knows the page count when it draws each page's header and footer."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            width, height = self._pagesize
            top = height - 12 * mm
            line = HEADER_SIZE * 1.35
            usable = width - LEFT_MARGIN - RIGHT_MARGIN
            self.saveState()
            self.setFillColor(colors.black)
            draw_text(self, LEFT_MARGIN, top, fit(running.header[0], HEADER_SIZE, usable * 0.8), HEADER_SIZE, bold=True)
            draw_text(self, LEFT_MARGIN, top - line, fit(running.header[1], HEADER_SIZE, usable), HEADER_SIZE)
            draw_text(self, LEFT_MARGIN, top - 2 * line, running.subject, HEADER_SIZE, bold=True)
            page = running.page_words.format(page=self._pageNumber, pages=total)
            draw_text(self, width - RIGHT_MARGIN, top - 2 * line, page, HEADER_SIZE, right=True)
            self.setStrokeColor(GRID)
            self.setLineWidth(0.5)
            self.line(LEFT_MARGIN, top - 2 * line - 2.5 * mm, width - RIGHT_MARGIN, top - 2 * line - 2.5 * mm)
            self.line(LEFT_MARGIN, BOTTOM_MARGIN - 5 * mm, width - RIGHT_MARGIN, BOTTOM_MARGIN - 5 * mm)
            self.setFillColor(colors.HexColor("#444444"))
            draw_text(self, LEFT_MARGIN, BOTTOM_MARGIN - 8.5 * mm, running.footer[0], FOOTER_SIZE)
            draw_text(self, LEFT_MARGIN, BOTTOM_MARGIN - 8.5 * mm - FOOTER_SIZE * 1.4, fit(running.footer[1], FOOTER_SIZE, usable), FOOTER_SIZE)
            if running.watermark:
                self.setFillColor(colors.Color(0.7, 0.1, 0.1, alpha=0.18))
                self.translate(width / 2, height / 2)
                self.rotate(40)
                chinese = any(cjk for _, cjk in runs(running.watermark))
                self.setFont(CJK if chinese else SANS_BOLD, WATERMARK_SIZE)
                self.drawCentredString(0, 0, running.watermark)
            self.restoreState()

    return NumberedCanvas
