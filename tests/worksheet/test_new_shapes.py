"""The worksheet prints the protocol language's new shapes: date-time answers, results with their
ULN, pure numbers, scores with their units (a calculator's and a derived value), a criterion pending
an anchor, and one that does not apply, in its own words, shape and grey (`tests/data/new_shapes.yaml`)."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
import pytest

from tests.worksheet.conftest import pdftotext
from trialdesk.messages import Messages
from trialdesk.signoff import draft_worksheet, worksheet_content
from trialdesk.worksheet.signing import open_identity
from trialdesk.worksheet.verification import check_file

PROTOCOL = Path(__file__).parents[1] / "data" / "new_shapes.yaml"
SUBJECT = {"screening_number": "T-001", "initials": "AB", "date_of_birth": "1960-05-01", "sex": "male",
           "screening_date": "2026-11-20", "consent_date": "2026-11-20", "consent_version": "v1"}
ANSWERS = {"symptom_onset": "2026-11-19T22:15", "ast": {"value": 52, "unit": "U/L", "uln": 40},
           "ast_drawn": "2026-11-19T07:30", "inr": 1.1,
           "creatinine": {"value": 1.1, "unit": "mg/dL"}, "weight": {"value": 82, "unit": "kg"},
           "height": {"value": 1.75, "unit": "m"}, "pregnant": "no", "hcg_test": "not_done",
           "last_thrombolysis": "none"}


@pytest.fixture
def shapes(open_site, site_people):
    """The coordinator's screening of a man under the test protocol: randomisation not known yet."""
    site = open_site()
    coordinator = site.sign_in(site_people.coordinator.name, site_people.coordinator.password)
    protocol = site.add_protocol_file(PROTOCOL)
    session = coordinator.start_screening(protocol, SUBJECT, ANSWERS)
    return site, coordinator, session, Messages(session.protocol)


def entry(content, criterion_id: str):
    return next(e for e in content.entries if e.criterion_id == criterion_id)


def flat(path: Path) -> str:
    return " ".join(pdftotext(path, layout=False).split())


def test_the_content_words_every_new_shape_with_the_messages(shapes):
    site, _, session, words = shapes
    content = worksheet_content(site.store, session, words)
    na = entry(content, "E3")
    assert (na.verdict, na.verdict_code, na.excludes) == ("not applicable", "not_applicable", False)
    assert na.reason.endswith("Sex: Male")  # the condition it applies under, as the messages word it
    assert ("Symptom onset (date and time)", "2026-11-19 22:15") in entry(content, "I2").facts
    assert entry(content, "I2").reason.startswith("pending Randomisation (date and time)")
    assert ("AST", "52 U/L (ULN 40 U/L)") in entry(content, "E1").facts
    assert ("INR", "1.1") in entry(content, "E2").facts  # a pure number: no unit printed
    assert ("Last thrombolytic treatment (date and time)", "never") in entry(content, "E5").facts
    egfr, = entry(content, "E4").scores
    assert egfr.startswith("eGFR 74 mL/min/1.73m²") and "formula: eGFR (CKD-EPI 2021 creatinine)" in egfr
    bmi, = entry(content, "E6").scores  # a derived value names its inputs, and has no program formula
    assert bmi.startswith("BMI 26.8 kg/m²") and "Weight 82 kg, Height 1.75 m" in bmi and "formula" not in bmi
    assert ("AST sample drawn (date and time)", "2026-11-19 07:30") in entry(content, "I3").facts
    assert content.overall == "incomplete"  # pending counts as open; not applicable does not


def test_the_pdf_prints_not_applicable_with_its_mark_and_the_new_answers(shapes, tmp_path):
    site, _, session, words = shapes
    rendered = draft_worksheet(site.store, session, words)
    path = tmp_path / "draft.pdf"
    path.write_bytes(rendered.pdf)
    text = flat(path)
    assert "E3 not applicable to this subject · Exclusion criterion" in text
    assert "Sex: Male" in text.split("E3 not applicable to this subject · Exclusion criterion")[1]
    assert "I2 waits for a date still to come · Inclusion criterion" in text
    assert "pending Randomisation (date and time): Symptom onset (date and time) 2026-11-19 22:15" in text
    assert "AST: 52 U/L (ULN 40 U/L)" in text and "AST 52 U/L is not > 1.5 × ULN 40 U/L = 60.0 U/L" in text
    assert "INR: 1.1" in text and "Symptom onset (date and time): 2026-11-19 22:15" in text
    assert "BMI 26.8 kg/m²" in text and "eGFR 74 mL/min/1.73m²" in text
    assert "Not applicable to this subject: E3." in text  # named on the first page, apart from what decides


def test_not_applicable_is_printed_in_its_own_grey(shapes, tmp_path):
    """The verdict's colour on the page, read from the rendered pixels: grey, not the green of a pass."""
    site, _, session, words = shapes
    document = pypdfium2.PdfDocument(draft_worksheet(site.store, session, words).pdf)

    def colours_of(word: str) -> set[tuple[int, int, int]]:
        for page in document:
            found = page.get_textpage().search(word, match_case=True, match_whole_word=False)
            hit = found.get_next()
            if hit is None:
                continue
            index, count = hit
            box = page.get_textpage().get_charbox(index, loose=False)
            scale = 4
            image = page.render(scale=scale).to_pil().convert("RGB")
            height = page.get_height()
            left, bottom, right, top = box
            crop = image.crop((int(left * scale), int((height - top) * scale), int(right * scale) + 1,
                               int((height - bottom) * scale) + 1))
            data = crop.tobytes()
            pixels = {tuple(data[i:i + 3]) for i in range(0, len(data), 3)}
            return {pixel for pixel in pixels if min(pixel) < 200}  # the ink, not the paper
        raise AssertionError(f"{word!r} not on any page")

    grey = colours_of("E3 not applicable")
    green = colours_of("E1 does not apply")  # printed in the green of a criterion that passes
    darkest = min(grey, key=sum)
    assert max(darkest) - min(darkest) < 40, darkest  # neutral: no strong hue
    assert not any(g > r + 40 and g > b + 40 for r, g, b in grey)
    assert any(g > r + 40 for r, g, b in green)


def test_a_signed_worksheet_with_a_criterion_that_does_not_apply_verifies(shapes, site_people):
    site, coordinator, session, words = shapes
    session.record_fact("randomisation", "2026-11-20T08:00")
    assert session.report.overall.value == "eligible"  # not applicable passes
    coordinator.complete(session, site_people.coordinator.password)
    pi = site.sign_in(site_people.pi.name, site_people.pi.password)
    identity = open_identity(site_people.pi.identity, site_people.passphrase)
    signed = pi.sign(pi.open(session.screening.id), identity, site_people.pi.password, words)
    check = check_file(signed.path.read_bytes())
    assert not check.problems, check.problems
    assert entry(check.content, "E3").verdict_code == "not_applicable"
    assert "E3 not applicable to this subject" in " ".join(pdftotext(signed.path, layout=False).split())
