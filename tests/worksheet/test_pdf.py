"""The worksheet as a real PDF: parsed, extracted, rendered page by page, fonts embedded."""

from __future__ import annotations

import subprocess

import pypdfium2
import pytest

from tests.worksheet.conftest import pages, pdftotext
from trialdesk.signoff import draft_worksheet


@pytest.fixture
def draft_pdf(site, tmp_path):
    rendered = draft_worksheet(site.store, site.sessions["eligible"], site.words)
    path = tmp_path / "draft.pdf"
    path.write_bytes(rendered.pdf)
    return path, rendered


def test_every_page_has_the_header_page_numbers_footer_and_draft_mark(draft_pdf):
    path, rendered = draft_pdf
    total = pages(path)
    document = pypdfium2.PdfDocument(str(path))
    assert len(document) == total
    assert total >= 5
    for page in range(1, total + 1):
        text = pdftotext(path, page)
        assert "The Safety and Effects of Mesenchymal Stem Cell" in text
        assert "NCT03798028" in text and "2014ZX09508002" in text and "Site: Rheumatology, Xijing Hospital (01)" in text
        assert "Subject: S-001 (ZHL)" in text
        assert f"Page {page} of {total}" in text
        assert f"content SHA-256 {rendered.digest}" in text
        # the watermark is set diagonally, and poppler's text extraction skips diagonal text: read it with PDFium
        assert "DRAFT — NOT SIGNED" in document[page - 1].get_textpage().get_text_range()


def test_criterion_text_is_extractable_verbatim(draft_pdf, site):
    path, _ = draft_pdf
    text = " ".join(pdftotext(path, layout=False).split())
    for criterion in ("Participants taking immune modulators such as Transfer Factor, Thymosin and Intravenous",
                      "Disease Activity Score (DAS) 28≥3.2或 Simple Disease Activity Index (SDAI)>11.0或"):
        assert criterion in text
    assert "Overall result: ELIGIBLE" in text
    assert "Not signed" in text and "Signature of investigator" in text


def test_every_page_renders_and_is_not_blank(draft_pdf, tmp_path):
    path, _ = draft_pdf
    subprocess.run(["pdftoppm", "-r", "30", "-gray", str(path), str(tmp_path / "page")], check=True)
    images = sorted(tmp_path.glob("page-*.pgm"))
    assert len(images) == pages(path)
    for image in images:
        data = image.read_bytes()
        pixels = data[data.index(b"255\n") + 4:]  # after the PGM header
        dark = sum(1 for value in pixels if value < 128)
        assert dark > len(pixels) * 0.005, image.name


def test_fonts_are_embedded(draft_pdf):
    path, _ = draft_pdf
    listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = listing.splitlines()[2:]
    assert rows and all(" yes yes " in row for row in rows), listing
    assert any("WenQuanYi" in row for row in rows)


def test_letter_paper(site, tmp_path):
    rendered = draft_worksheet(site.store, site.sessions["eligible"], site.words, paper="letter")
    path = tmp_path / "letter.pdf"
    path.write_bytes(rendered.pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert "612 x 792 pts (letter)" in info
