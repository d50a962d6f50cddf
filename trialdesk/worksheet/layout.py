"""Page geometry, the style sheet, and the canvas that puts the running header and footer,
"Page x of y" and the draft watermark on every page."""

from __future__ import annotations

import re
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from trialdesk.worksheet.fonts import CJK, SANS, SANS_BOLD, markup, runs

PAPER = {"a4": A4, "letter": LETTER}
LEFT_MARGIN = RIGHT_MARGIN = 16 * mm
TOP_MARGIN = 30 * mm  # room for the three-line running header
BOTTOM_MARGIN = 18 * mm  # room for the footer
FRAME_PADDING = 6  # platypus frames pad their content by 6 pt on each side
HEADER_SIZE = 8
MIN_HEADER_SIZE = 5
FOOTER_SIZE = 6.5
BODY_SIZE = 9
WATERMARK_SIZE = 54
CJK_SHARE = 5  # a paragraph with at least 1 character in 5 Chinese is set as Chinese
GRID = colors.HexColor("#707070")  # dark enough to survive a photocopy or a fax
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
        "subheading": ParagraphStyle("subheading", parent=body, fontName=SANS_BOLD, fontSize=9.5, leading=12,
                                     spaceBefore=1.8 * mm, spaceAfter=1 * mm),
        "overall": ParagraphStyle("overall", parent=body, fontName=SANS_BOLD, fontSize=14, leading=18),
        "finding": ParagraphStyle("finding", parent=body, fontName=SANS_BOLD, fontSize=10.5, leading=14,
                                  spaceBefore=3 * mm, spaceAfter=1 * mm),
    }


def paragraph(text: str, style: ParagraphStyle, marked: str | None = None) -> Paragraph:
    """A paragraph of plain `text` (or of `marked`, markup already made from it); one written in
    Chinese breaks its lines between any two CJK characters, not only at spaces (slower: English
    text quoting a Chinese word, as a registry text may, keeps breaking at spaces)."""
    cjk = sum(len(part) for part, chinese in runs(text) if chinese)
    chinese = cjk * CJK_SHARE >= len("".join(text.split()))
    return Paragraph(markup(text) if marked is None else marked, _cjk(style) if chinese and cjk else style)


_NO_LINE_START = frozenset("，。、；：？！）》」』】〉,.;:?!)]}%…")  # closing punctuation never starts a line
_NO_LINE_END = frozenset("（《「『【〈([{")
_TOKENS = re.compile(r"[\u2e80-\u9fff\u3000-\u303f\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]"
                     r"|[^\s\u2e80-\u9fff\u3000-\u303f\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]+\s*|\s+")


def break_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """Text with Chinese in it broken into lines of at most `width` in one font: between any two
    CJK characters or at a space, never a line starting with closing punctuation nor ending with
    an opening one. What reportlab's CJK paragraphs do, at the cost of a plain cell."""
    lines: list[str] = []
    for part in text.split("\n"):
        line, used = "", 0.0
        for token in _TOKENS.findall(part):
            size_of = stringWidth(token.rstrip(), font, size)
            if not line or used + size_of <= width or token.isspace():
                line, used = line + token, used + stringWidth(token, font, size)
                continue
            carried = ""
            if token[0] in _NO_LINE_START or line[-1] in _NO_LINE_END:  # carry the line's last character over
                line, carried = line[:-1], line[-1]
            lines.append(line.rstrip())
            line = carried + token
            used = stringWidth(line, font, size)
        lines.append(line.rstrip())
    return lines


_CJK_STYLES: dict[int, ParagraphStyle] = {}


def _cjk(style: ParagraphStyle) -> ParagraphStyle:
    variant = _CJK_STYLES.get(id(style))
    if variant is None or variant.parent is not style:
        variant = _CJK_STYLES[id(style)] = ParagraphStyle(f"{style.name}-cjk", parent=style, wordWrap="CJK")
    return variant


def _pieces(text: str, size: float, bold: bool) -> list[tuple[str, str]]:
    return [(part, CJK if cjk else (SANS_BOLD if bold else SANS)) for part, cjk in runs(text)]


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width of a line as `draw_text` sets it: Latin in DejaVu, Chinese in WenQuanYi."""
    return sum(stringWidth(part, font, size) for part, font in _pieces(text, size, bold))


def draw_text(canvas: Canvas, x: float, y: float, text: str, size: float, bold: bool = False, right: bool = False) -> None:
    """A line of text with Latin in DejaVu and Chinese in WenQuanYi, as a paragraph would set it."""
    pieces = _pieces(text, size, bold)
    if right:
        x -= sum(stringWidth(part, font, size) for part, font in pieces)
    for part, font in pieces:
        canvas.setFont(font, size)
        canvas.drawString(x, y, part)
        x += stringWidth(part, font, size)


def fit(text: str, size: float, width: float, bold: bool = False) -> str:
    """Shorten a header line to the width, with an ellipsis."""
    if text_width(text, size, bold) <= width:
        return text
    while text and text_width(text + "…", size, bold) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def fit_keeping(before: str, name: str, after: str, size: float, width: float) -> tuple[str, float]:
    """`before + name + after` within the width: only the name is shortened, so what comes after
    it (a site number) is never cut off; where even that is too wide, a smaller size. Returns the
    line and its size."""
    if text_width(before + name + after, size) <= width:
        return before + name + after, size
    shortest = before + "…" + after
    while text_width(shortest, size) > width and size > MIN_HEADER_SIZE:
        size -= 0.25
    if text_width(shortest, size) > width:
        return shortest, size  # a site number longer than the line: printed whole all the same
    return before + fit(name, size, width - text_width(before + after, size)) + after, size


@dataclass(frozen=True)
class Running:
    """What every page repeats. `site` is (before, name, after): only the name may be shortened."""

    title: str
    protocol: str
    site: tuple[str, str, str]
    subject: str
    footer: tuple[str, str]
    page_words: str  # "Page {page} of {pages}"
    watermark: str | None


def header_lines(running: Running, usable: float) -> tuple[tuple[str, float], tuple[str, float]]:
    """The protocol line and the site line side by side on the header's second line: the site keeps
    what it needs (its number whole), the protocol line the rest."""
    before, name, after = running.site
    gap = 4 * mm
    protocol_width = text_width(running.protocol, HEADER_SIZE)
    site_full = text_width(before + name + after, HEADER_SIZE)
    site_room = min(site_full, max(usable - protocol_width - gap, usable * 0.55))
    site = fit_keeping(before, name, after, HEADER_SIZE, site_room)
    protocol_room = usable - max(site_room, text_width(site[0], site[1])) - gap
    return (fit(running.protocol, HEADER_SIZE, protocol_room), HEADER_SIZE), site


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
            right = width - RIGHT_MARGIN
            self.saveState()
            self.setFillColor(colors.black)
            draw_text(self, LEFT_MARGIN, top, fit(running.title, HEADER_SIZE, usable, bold=True), HEADER_SIZE, bold=True)
            (protocol, size), (site, site_size) = header_lines(running, usable)
            draw_text(self, LEFT_MARGIN, top - line, protocol, size)
            draw_text(self, right, top - line, site, site_size, right=True)
            page = running.page_words.format(page=self._pageNumber, pages=total)
            page_width = text_width(page, HEADER_SIZE)
            subject = fit(running.subject, HEADER_SIZE, usable - page_width - 4 * mm, bold=True)
            draw_text(self, LEFT_MARGIN, top - 2 * line, subject, HEADER_SIZE, bold=True)
            draw_text(self, right, top - 2 * line, page, HEADER_SIZE, right=True)
            self.setStrokeColor(GRID)
            self.setLineWidth(0.5)
            self.line(LEFT_MARGIN, top - 2 * line - 2.5 * mm, right, top - 2 * line - 2.5 * mm)
            self.line(LEFT_MARGIN, BOTTOM_MARGIN - 5 * mm, right, BOTTOM_MARGIN - 5 * mm)
            self.setFillColor(colors.HexColor("#444444"))
            draw_text(self, LEFT_MARGIN, BOTTOM_MARGIN - 8.5 * mm, fit(running.footer[0], FOOTER_SIZE, usable), FOOTER_SIZE)
            draw_text(self, LEFT_MARGIN, BOTTOM_MARGIN - 8.5 * mm - FOOTER_SIZE * 1.4, fit(running.footer[1], FOOTER_SIZE, usable), FOOTER_SIZE)
            if running.watermark:
                self._watermark(width, height)
            self.restoreState()

        def _watermark(self, width: float, height: float) -> None:
            """Diagonal, one line per language."""
            self.setFillColor(colors.Color(0.7, 0.1, 0.1, alpha=0.18))
            self.translate(width / 2, height / 2)
            self.rotate(40)
            lines = running.watermark.split("\n")
            for index, text in enumerate(lines):
                chinese = any(cjk for _, cjk in runs(text))
                size = WATERMARK_SIZE if len(lines) == 1 else WATERMARK_SIZE * 0.75
                self.setFont(CJK if chinese else SANS_BOLD, size)
                self.drawCentredString(0, (len(lines) / 2 - index - 0.7) * size * 1.15, text)

    return NumberedCanvas
