"""The result of a screening as a monitor reads it first: the overall result, boxed with its
shape, and the criteria that decide it with their reasons (ineligible: every criterion that
excludes; incomplete: every one still open; eligible: said plainly). The worksheet's first page
and the one-page screening summary both print it."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from trialdesk.domain.verdict import Overall
from trialdesk.worksheet.content import Entry, WorksheetContent
from trialdesk.worksheet.fonts import SANS, markup
from trialdesk.worksheet.layout import BODY_SIZE, GRID, paragraph, text_width
from trialdesk.worksheet.marks import OVERALL_EFFECT, EffectMark, colour
from trialdesk.worksheet.voices import INLINE, LINE, Voices, both

MARK_COLUMN = 7 * mm
EFFECT_COLUMN = 60 * mm  # at most: the effects' words set the column
BANNER_MARK = 20


@dataclass(frozen=True)
class Brevity:
    """How much of each deciding criterion a page has room for (the summary may have less)."""

    rows: int | None = None  # criteria listed; the others named by id only
    reason_chars: int | None = None  # a longer reason is cut, with an ellipsis


def _cut(text: str, limit: int | None) -> str:
    return text if limit is None or len(text) <= limit else text[:limit].rstrip() + "…"


def banner(content: WorksheetContent, voices: Voices, styles: dict[str, ParagraphStyle], width: float) -> Table:
    """ "Overall result: INELIGIBLE" in its colour, after the shape of its effect, in a heavy box."""
    effect = OVERALL_EFFECT[content.overall]
    ink = colour(effect).hexval()
    lines = [f'{markup(w.t("ws.overall"))}: <font color="{ink}">{markup(w.overall(Overall(content.overall)).upper())}</font>'
             for w in voices.languages]
    text = paragraph(" ".join(w.t("ws.overall") for w in voices.languages), styles["overall"], "<br/>".join(lines))
    table = Table([[EffectMark(effect, BANNER_MARK), text]], colWidths=[BANNER_MARK + 8, width - BANNER_MARK - 8])
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), SANS),  # else the cells would set Helvetica, a font the PDF does not embed
        ("BOX", (0, 0), (-1, -1), 2, colour(effect)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 6), ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))
    return table


def _row(entry: Entry, styles: dict[str, ParagraphStyle], brevity: Brevity) -> list:
    ink = colour(entry.effect).hexval()
    effect = both(entry.effect_text, entry.effect_alt, LINE)
    reason = both(_cut(entry.reason, brevity.reason_chars), _cut(entry.reason_alt or "", brevity.reason_chars) or None)
    return [EffectMark(entry.effect), paragraph(effect, styles["body"], f'<font color="{ink}"><b>{markup(effect)}</b></font>'),
            paragraph(reason, styles["small"])]


def criteria_table(entries: list[Entry], styles: dict[str, ParagraphStyle], width: float,
                   brevity: Brevity = Brevity()) -> Table:
    """One row per criterion: its shape, its effect in words, its reason."""
    effect_width = min(EFFECT_COLUMN, max(text_width(line, BODY_SIZE, bold=True) for e in entries
                                          for line in both(e.effect_text, e.effect_alt).split(LINE)) + 14)
    table = Table([_row(e, styles, brevity) for e in entries],
                  colWidths=[MARK_COLUMN, effect_width, width - MARK_COLUMN - effect_width], splitByRow=1)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), SANS),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, GRID),
        ("LEFTPADDING", (0, 0), (0, -1), 1), ("RIGHTPADDING", (0, 0), (0, -1), 1),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    return table


def decision(content: WorksheetContent, voices: Voices, styles: dict[str, ParagraphStyle], width: float,
             brevity: Brevity = Brevity(), pages_follow: bool = True) -> list[Flowable]:
    """The banner, then what decides the result (`pages_follow`: the criterion pages come next)."""
    def p(text: str, style: str = "body") -> Paragraph:
        return paragraph(text, styles[style])

    by_id = {e.criterion_id: e for e in content.entries}
    story: list[Flowable] = [banner(content, voices, styles, width)]
    deciding = [by_id[c] for c in content.deciding if c in by_id]
    if content.overall == "eligible":
        inclusions = sum(1 for e in content.entries if e.kind_code == "inclusion")
        story.append(p(voices.t("sheet.eligible_finding"), "finding"))
        if pages_follow:
            story.append(p(voices.t("sheet.documented", inclusions=inclusions,
                                    exclusions=len(content.entries) - inclusions)))
    elif content.overall == "ineligible":
        story.append(p(voices.t("sheet.excluded_by", INLINE, count=len(deciding)), "subheading"))
    else:
        story.append(p(voices.t("sheet.open_heading", INLINE, count=len(deciding)), "subheading"))
        story.append(p(voices.t("sheet.incomplete_finding"), "small"))
    if deciding:
        shown = deciding if brevity.rows is None else deciding[:brevity.rows]
        if shown:
            story.append(criteria_table(shown, styles, width, brevity))
        rest = [e.criterion_id for e in deciding[len(shown):]]
        if rest:
            story.append(p(voices.t("sheet.more", INLINE, count=len(rest), ids=", ".join(rest)), "small"))
    if content.also_open:
        story.append(p(voices.t("sheet.also_open", ids=", ".join(content.also_open)), "small"))
    if content.not_applicable:
        story.append(p(voices.t("sheet.not_applicable_list", ids=", ".join(content.not_applicable)), "small"))
    return story
