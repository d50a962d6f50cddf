"""What a criterion's effect looks like on paper: a colour and a shape, the window's icons drawn
as vectors, so the page reads the same in greyscale or photocopied as in colour.

A tick in a filled circle passes; a cross in a filled square excludes; a question mark in a
dashed circle is still open; a dashed circle with clock hands waits for a date; a bar in a plain
circle does not apply to this subject.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import Flowable

from trialdesk.worksheet.layout import EXCLUDES, OPEN, PASSES

NOT_APPLICABLE = colors.HexColor("#5f6b7a")
PENDING = OPEN
COLOURS = {"passes": PASSES, "excludes": EXCLUDES, "open": OPEN, "pending": PENDING, "not_applicable": NOT_APPLICABLE}
#: the overall result shown as the effect it has: eligible passes, ineligible excludes, incomplete is open
OVERALL_EFFECT = {"eligible": "passes", "ineligible": "excludes", "incomplete": "open"}


def colour(effect: str) -> colors.Color:
    return COLOURS.get(effect, OPEN)


class EffectMark(Flowable):
    """The effect's shape, `size` points square."""

    def __init__(self, effect: str, size: float = 11) -> None:
        super().__init__()
        self.effect = effect
        self.size = size
        self.width = self.height = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        c, s = self.canv, self.size
        ink = colour(self.effect)
        c.saveState()
        c.setLineCap(1)
        c.setLineJoin(1)
        r = s / 2 - 0.6
        if self.effect == "passes":
            c.setFillColor(ink)
            c.circle(s / 2, s / 2, r, stroke=0, fill=1)
            c.setStrokeColor(colors.white)
            c.setLineWidth(s / 9)
            path = c.beginPath()
            path.moveTo(s * 0.28, s * 0.50)
            path.lineTo(s * 0.44, s * 0.33)
            path.lineTo(s * 0.73, s * 0.67)
            c.drawPath(path, stroke=1, fill=0)
        elif self.effect == "excludes":
            c.setFillColor(ink)
            c.roundRect(0.6, 0.6, s - 1.2, s - 1.2, s / 8, stroke=0, fill=1)
            c.setStrokeColor(colors.white)
            c.setLineWidth(s / 9)
            c.line(s * 0.3, s * 0.3, s * 0.7, s * 0.7)
            c.line(s * 0.7, s * 0.3, s * 0.3, s * 0.7)
        elif self.effect == "not_applicable":
            c.setStrokeColor(ink)
            c.setLineWidth(s / 12)
            c.circle(s / 2, s / 2, r - s / 24, stroke=1, fill=0)
            c.setLineWidth(s / 9)
            c.line(s * 0.3, s / 2, s * 0.7, s / 2)
        else:  # open, pending: a dashed circle, with a question mark or clock hands
            c.setStrokeColor(ink)
            c.setLineWidth(s / 12)
            c.setDash(s / 7, s / 10)
            c.circle(s / 2, s / 2, r - s / 24, stroke=1, fill=0)
            c.setDash()
            if self.effect == "pending":
                c.setLineWidth(s / 11)
                c.line(s / 2, s / 2, s / 2, s * 0.76)
                c.line(s / 2, s / 2, s * 0.70, s * 0.42)
            else:  # a question mark drawn, not set: no stray "?" in the page's text
                c.setLineWidth(s / 11)
                path = c.beginPath()
                path.arc(s * 0.37, s * 0.47, s * 0.63, s * 0.73, startAng=160, extent=-220)
                path.lineTo(s / 2, s * 0.40)
                c.drawPath(path, stroke=1, fill=0)
                c.setFillColor(ink)
                c.circle(s / 2, s * 0.27, s / 18, stroke=0, fill=1)
        c.restoreState()


class Marked(Flowable):
    """A paragraph after an effect's shape, as a criterion's heading (lighter than a nested table)."""

    def __init__(self, effect: str, paragraph: Flowable, size: float = 11, gap: float = 4) -> None:
        super().__init__()
        self.mark = EffectMark(effect, size)
        self.paragraph = paragraph
        self.gap = gap

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        indent = self.mark.size + self.gap
        _, self.text_height = self.paragraph.wrap(available_width - indent, available_height)
        self.width, self.height = available_width, max(self.text_height, self.mark.size)
        return self.width, self.height

    def draw(self) -> None:
        self.mark.drawOn(self.canv, 0, self.height - self.mark.size)
        self.paragraph.drawOn(self.canv, self.mark.size + self.gap, self.height - self.text_height)
