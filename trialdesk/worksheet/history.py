"""A screening's audit history for a monitor: who, when (UTC and local), what, old, new, why.

The same rows go to CSV (for a spreadsheet) and to an A4 landscape PDF with the fonts embedded.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from io import BytesIO
from typing import Any

HEADER = ("entry", "UTC", "local time", "who", "action", "what", "old value", "new value", "reason")


@dataclass(frozen=True)
class HistoryRow:
    seq: int
    utc: str
    local: str
    who: str
    action: str
    target: str
    old: str
    new: str
    reason: str

    def cells(self) -> tuple[str, ...]:
        return (str(self.seq), self.utc, self.local, self.who, self.action, self.target, self.old, self.new, self.reason)


def value_text(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)


def write_history_csv(out, rows: Iterable[HistoryRow]) -> int:
    import csv

    from trialdesk.private import spreadsheet_safe

    writer = csv.writer(out)
    writer.writerow(HEADER)
    count = 0
    for row in rows:
        writer.writerow([spreadsheet_safe(cell) for cell in row.cells()])
        count += 1
    return count


def render_history_pdf(title: str, subtitle: str, rows: Sequence[HistoryRow]) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer, TableStyle

    from trialdesk.worksheet.fonts import SANS, SANS_BOLD, markup, register_fonts

    register_fonts()
    cell = ParagraphStyle("cell", fontName=SANS, fontSize=6.5, leading=8)
    head = ParagraphStyle("head", fontName=SANS_BOLD, fontSize=7, leading=9)
    widths = [x * mm for x in (13, 29, 30, 28, 22, 28, 48, 52, 27)]
    data = [[Paragraph(markup(h), head) for h in HEADER]]
    data += [[Paragraph(markup(text), cell) for text in row.cells()] for row in rows]
    table = LongTable(data, colWidths=widths, repeatRows=1, splitInRow=1)  # a long value continues overleaf
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.3, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92))]))
    buffer = BytesIO()
    doc = SimpleDocTemplate(buffer, pagesize=landscape(A4), leftMargin=10 * mm, rightMargin=10 * mm,
                            topMargin=12 * mm, bottomMargin=12 * mm, title=title, creator="trialdesk", invariant=True,
                            initialFontName=SANS)
    story = [Paragraph(markup(title), ParagraphStyle("title", fontName=SANS_BOLD, fontSize=12, leading=15)),
             Paragraph(markup(subtitle), ParagraphStyle("sub", fontName=SANS, fontSize=8, leading=10)),
             Spacer(1, 4 * mm), table]
    doc.build(story)
    return buffer.getvalue()
