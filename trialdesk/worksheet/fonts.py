"""Embedded fonts for the worksheet, and text markup that switches font for Chinese.

reportlab embeds (as subsets) TrueType fonts only; DejaVu Sans sets Latin text and
WenQuanYi Micro Hei (a TrueType collection, sub-font 0) every CJK run, so each character
renders on any reader's machine with no fonts of its own.
"""

from __future__ import annotations

import re
from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from trialdesk.resources import resource_path

SANS, SANS_BOLD, CJK = "TDSans", "TDSans-Bold", "TDCJK"
_CJK_RUN = re.compile(r"([\u2e80-\u9fff\u3000-\u303f\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]+)")


@cache
def register_fonts() -> None:
    pdfmetrics.registerFont(TTFont(SANS, str(resource_path("fonts/DejaVuSans.ttf"))))
    pdfmetrics.registerFont(TTFont(SANS_BOLD, str(resource_path("fonts/DejaVuSans-Bold.ttf"))))
    pdfmetrics.registerFont(TTFont(CJK, str(resource_path("fonts/wqy-microhei.ttc")), subfontIndex=0))
    addMapping(SANS, 0, 0, SANS)
    addMapping(SANS, 1, 0, SANS_BOLD)
    addMapping(SANS, 0, 1, SANS)
    addMapping(SANS, 1, 1, SANS_BOLD)


def markup(text: str) -> str:
    """Paragraph markup for plain text: escaped, with CJK runs set in the CJK font."""
    return _CJK_RUN.sub(lambda m: f'<font face="{CJK}">{m.group(1)}</font>', escape(text)).replace("\n", "<br/>")


def runs(text: str) -> list[tuple[str, bool]]:
    """The text split into (run, is_cjk) pieces, for drawing straight onto a canvas."""
    return [(part, bool(_CJK_RUN.fullmatch(part))) for part in _CJK_RUN.split(text) if part]
