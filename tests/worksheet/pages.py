"""Reading a worksheet back: each page's text as drawn (PDFium), and the English words left on a
page once what is quoted (the registry's text, names, citations) is taken out."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pypdfium2

from trialdesk.domain.calculators import CALCULATORS
from trialdesk.domain.medications import EQUIVALENCE_TABLES
from trialdesk.domain.protocol import Protocol
from trialdesk.worksheet.content import WorksheetContent

#: abbreviations, units and codes a Chinese clinical document writes in Latin letters
ALLOWED = frozenset("""
    NCT ZX MSCs DAS ESR CRP SDAI CDAI ACR EULAR RF ACPA CCP ULN VAS TJC SJC MCP PIP MTP IP DIP CMC
    HBsAg HCV HIV RNA CT BMI eGFR INR AST ALT SOP SHA UTC PDF
    IU mL dL mg kg mm cm min mmol mol
    trialdesk
""".split())
HEX = re.compile(r"\b[0-9a-f]{16,}\b")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def page_texts(pdf: bytes) -> list[str]:
    """Every page's text in the order it was drawn (a table cell's lines stay together)."""
    document = pypdfium2.PdfDocument(pdf)
    return [page.get_textpage().get_text_range() for page in document]


def flat(text: str) -> str:
    return " ".join(text.split())


def compact(text: str) -> str:
    """Without any whitespace: Chinese broken across lines reads whole again."""
    return "".join(text.split())


def _anywhere(quoted: str) -> re.Pattern[str]:
    """`quoted` however the page broke its lines: any whitespace may stand between two characters."""
    return re.compile(r"\s*".join(re.escape(ch) for ch in "".join(quoted.split())))


def without(text: str, quoted: Iterable[str]) -> str:
    """The page text with each quoted string taken out, longest first (so a part never spoils the whole)."""
    for item in sorted({q for q in quoted if q and q.strip()}, key=len, reverse=True):
        text = _anywhere(item).sub(" ", text)
    return text


def english_left(text: str, quoted: Iterable[str]) -> list[str]:
    """The Latin words on the page that are neither quoted nor an allowed abbreviation, unit or code."""
    rest = without(HEX.sub(" ", text), quoted)  # hashes first: a quoted "01" must not split one
    return sorted({word for word in LATIN_WORD.findall(rest) if word not in ALLOWED})


def quoted_data(protocol: Protocol, content: WorksheetContent, people: Iterable[str]) -> list[str]:
    """What a worksheet quotes rather than says: the registry's words, the site's data and its
    translations of the protocol, the people's names, the formulas' and tables' citations."""
    data = [protocol.title, protocol.sponsor, protocol.version, content.site_name, content.site_number,
            content.document_id, content.consent_version, content.initials, content.screening_number, *people]
    for mark in (content.completion, content.signature):  # a signature's meaning as the signer recorded it
        data += [mark.meaning] if mark else []
    for criterion in protocol.criteria:
        data.append(criterion.text)
    for entry in content.entries:
        data += [entry.translation or "", entry.interpretation or "", entry.source or ""]
    data += list(content.interpretations)
    for calculator in CALCULATORS.values():
        data += [calculator.name, calculator.citation]
    for table in EQUIVALENCE_TABLES.values():
        data += [table.id, table.citation]
    return data


def worded_elsewhere(content: WorksheetContent) -> list[str]:
    """What the messages package words for the worksheet (reasons, scores, answers), not the worksheet itself."""
    words: list[str] = []
    for entry in content.entries:
        words += [entry.reason, *entry.scores, *(value for _, value in entry.facts)]
    return words
