"""The worksheet read by a monitor in a hurry: the first page gives the overall result and the
criteria that decide it, with their reasons, before the criterion pages; the signature stands
with the result; the header keeps the site number whole; every effect has its own shape."""

from __future__ import annotations

import pypdfium2
import pytest

from tests.worksheet.conftest import sign
from tests.worksheet.pages import flat, page_texts
from trialdesk.domain.verdict import Effect, Outcome
from trialdesk.signoff import draft_worksheet, worksheet_content
from trialdesk.worksheet.marks import EffectMark
from trialdesk.worksheet.render import render_worksheet


def first_page_and_rest(site, name: str) -> tuple[str, str, list[str]]:
    pages = [flat(t) for t in page_texts(draft_worksheet(site.store, site.sessions[name], site.words).pdf)]
    return pages[0], " ".join(pages[1:]), pages


def test_an_ineligible_subjects_first_page_names_every_criterion_that_excludes_with_its_reason(site):
    first, rest, _ = first_page_and_rest(site, "ineligible")
    report = site.sessions["ineligible"].report
    excluding = [r for r in report.results if r.effect is Effect.EXCLUDES]
    assert [r.criterion_id for r in excluding] == ["I5", "I7", "E2", "E15"]  # both kinds: not met, and applies
    assert "Overall result: INELIGIBLE" in first
    assert "Criteria that exclude the subject (4)" in first
    for result in excluding:
        assert site.words.effect(result) in first  # "I5 not met: excluded", "E2 applies: excluded"
        reason = flat(site.words.reason(Outcome(result.verdict, result.reason)))
        assert reason[:60] in first, result.criterion_id
    assert "I5 not met: excluded" in first and "E2 applies: excluded" in first
    assert "I1 met" not in first and "E1 does not apply" not in first  # only what decides
    assert first.index("Overall result") < first.index("Criteria that exclude")
    # then the criteria one by one, each by its effect
    assert "Criteria one by one" in rest and "Criteria one by one" not in first
    assert "I1 met · Inclusion criterion" in rest and "E1 does not apply · Exclusion criterion" in rest
    assert "E2 applies: excluded · Exclusion criterion" in rest


def test_an_eligible_subjects_first_page_says_so_plainly(site):
    first, _, _ = first_page_and_rest(site, "eligible")
    assert "Overall result: ELIGIBLE" in first
    assert "Every inclusion criterion is met and no exclusion criterion applies." in first
    assert "inclusion criteria 7, exclusion criteria 21" in first
    assert "excluded" not in first and "not decided" not in first


def test_an_incomplete_subjects_first_page_names_what_is_still_open(site):
    first, _, _ = first_page_and_rest(site, "incomplete")
    report = site.sessions["incomplete"].report
    still_open = [r for r in report.results if r.effect in (Effect.OPEN, Effect.PENDING)]
    assert still_open and "Overall result: INCOMPLETE" in first
    assert f"Criteria not decided yet ({len(still_open)})" in first
    for result in still_open:
        assert site.words.effect(result) in first  # "I5 not decided yet"
    assert "excluded" not in first


def test_the_content_names_the_deciding_criteria(site):
    ineligible = worksheet_content(site.store, site.sessions["ineligible"], site.words)
    assert ineligible.deciding == ("I5", "I7", "E2", "E15") and ineligible.also_open == ()
    entry = next(e for e in ineligible.entries if e.criterion_id == "E2")
    assert (entry.effect, entry.effect_text) == ("excludes", "E2 applies: excluded")
    incomplete = worksheet_content(site.store, site.sessions["incomplete"], site.words)
    assert incomplete.deciding and all(
        next(e for e in incomplete.entries if e.criterion_id == c).effect in ("open", "pending")
        for c in incomplete.deciding)
    assert worksheet_content(site.store, site.sessions["eligible"], site.words).deciding == ()


@pytest.mark.parametrize("name", ["eligible", "ineligible"])
def test_the_signature_stands_with_the_overall_result_not_alone_on_the_last_page(site, name):
    signed = sign(site, name)
    pages = [flat(t) for t in page_texts(signed.path.read_bytes())]
    at = next(i for i, text in enumerate(pages) if "Signed by Wang Li, Principal investigator" in text)
    assert at < len(pages) - 1  # before the criterion pages
    assert f"Overall result: {name.upper()}" in pages[at]
    assert f"the subject is {name.upper()}" in pages[at]  # the investigator's statement, on the same page
    assert signed.document.pdf == signed.path.read_bytes()
    assert all("Criteria one by one" not in text for text in pages[:at + 1])
    if name == "eligible":
        assert at == 0  # the whole decision on the first page


@pytest.mark.parametrize("name, number", [
    ("Department of Rheumatology and Clinical Immunology, The First Affiliated Hospital of the Air Force "
     "Military Medical University (Xijing Hospital), Xi'an, Shaanxi", "CN-SHX-0042-B"),
    ("Rheumatology", "SITE-" + "0" * 90 + "7"),
])
def test_the_header_never_cuts_off_the_site_number(site, name, number):
    content = worksheet_content(site.store, site.sessions["ineligible"], site.words)
    long = content.model_copy(update={"site_name": name, "site_number": number})
    pages = page_texts(render_worksheet(long, site.words).pdf)
    assert len(pages) > 2
    for text in pages[1:]:  # past the first page only the running header names the site
        line = next(line for line in text.splitlines() if "Site: " in line)
        assert line.endswith(f"({number})"), line


def test_every_effect_has_its_own_shape_in_greyscale():
    """The marks drawn alone and rasterised in grey: no two effects look alike without colour."""
    from reportlab.pdfgen.canvas import Canvas
    from io import BytesIO

    size, scale = 20, 4
    images = {}
    for effect in Effect:
        buffer = BytesIO()
        canvas = Canvas(buffer, pagesize=(size, size))
        mark = EffectMark(effect.value, size)
        mark.drawOn(canvas, 0, 0)
        canvas.showPage()
        canvas.save()
        page = pypdfium2.PdfDocument(buffer.getvalue())[0]
        images[effect] = page.render(scale=scale, grayscale=True).to_pil().convert("L").tobytes()
    for a in Effect:
        for b in Effect:
            if a.value < b.value:
                differing = sum(1 for x, y in zip(images[a], images[b]) if abs(x - y) > 60)
                assert differing > len(images[a]) * 0.04, (a, b, differing)
