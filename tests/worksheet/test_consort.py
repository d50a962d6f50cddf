"""The CONSORT diagram and chart on paper and as a picture: each number in its box, in English and
Chinese, read back with poppler (pdftotext, pdftoppm) as a monitor's machine would."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from datetime import date, datetime
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image

from trialdesk.desk.protocols import find_protocol
from trialdesk.domain.consort import OutcomeGroup, PrescreenGroup, consort_counts
from trialdesk.messages.consort import KEYS, ConsortWords
from trialdesk.worksheet.consort import PNG_SCALE, consort_drawing, render_consort_pdf, render_consort_png

NCT = find_protocol("NCT03798028")
ORDER = [criterion.id for criterion in NCT.criteria]
AT = datetime(2026, 11, 30, 14, 5)
TITLE = ("NCT03798028 · version 3.0", "Site 01 · Rheumatology, Xijing Hospital", "Period: 2026-01-01 to 2026-11-30")
#: the Chinese of the boxes' headings, until the catalogue has them (the catalogue's own wins)
ZH = {"consort.assessed": "评估合格性（n = {n}）", "consort.excluded": "排除（n = {n}）",
      "consort.enrolled": "入组 / 随机化（n = {n}）", "consort.declined": "拒绝参加（n = {n}）",
      "consort.still": "仍在筛选或待决定（n = {n}）", "consort.chart_title": "按标准的筛选失败"}


def group(status, failed=(), enrolment=None, reason=None, subjects=1, attempts=None) -> OutcomeGroup:
    return OutcomeGroup(status, tuple(failed), enrolment, reason, subjects, attempts or subjects)


COUNTS = consort_counts([
    group("in_progress", subjects=4), group("eligible", subjects=2), group("signed", subjects=3),
    group("signed", enrolment="enrolled", subjects=41), group("signed", ["E2"], enrolment="enrolled", subjects=2, attempts=5),
    group("ineligible", ["I4"], subjects=12), group("screen_failure", ["I5", "E2"], subjects=7, attempts=9),
    group("signed", ["E15"], subjects=5), group("signed", enrolment="not_enrolled", reason="declined", subjects=6),
    group("in_progress", enrolment="not_enrolled", reason="withdrew_consent", subjects=2),
    group("eligible", enrolment="not_enrolled", reason="lost"),
], [PrescreenGroup("could_be_eligible", "screened", 60), PrescreenGroup("not_eligible", None, 85),
    PrescreenGroup("could_be_eligible", "declined", 9), PrescreenGroup("could_be_eligible", None, 11)],
    criteria_order=ORDER)


def chinese() -> ConsortWords:
    words = ConsortWords(NCT, "zh_CN")
    words._translated = {**{(key, KEYS[key]): text for key, text in ZH.items()}, **words._translated}
    return words


@dataclass(frozen=True)
class Line:
    text: str
    x: float
    y: float  # from the top of the page


def lines(pdf: bytes, tmp_path: Path, page: int = 1) -> list[Line]:
    """Each line of text of a page with where it starts, as poppler reads it."""
    path = tmp_path / "consort.pdf"
    path.write_bytes(pdf)
    xhtml = subprocess.run(["pdftotext", "-bbox-layout", "-f", str(page), "-l", str(page), str(path), "-"],
                           capture_output=True, check=True, text=True).stdout
    root = ElementTree.fromstring(re.sub(r'\sxmlns="[^"]+"', "", xhtml, count=1))
    return [Line(" ".join(word.text for word in line.iter("word")), float(line.get("xMin")), float(line.get("yMin")))
            for line in root.iter("line")]


def rows(found: list[Line]) -> list[Line]:
    """Lines drawn at the same height joined left to right: a chart's row (its id, label and count)."""
    joined: dict[int, list[Line]] = {}
    for line in found:
        joined.setdefault(round(line.y), []).append(line)
    return [Line(" ".join(part.text for part in sorted(parts, key=lambda part: part.x)), min(p.x for p in parts), y)
            for y, parts in sorted(joined.items())]


def find(found: list[Line], text: str) -> Line:
    squeezed = "".join(text.split())
    matches = [line for line in found if "".join(line.text.split()).startswith(squeezed)]
    assert len(matches) == 1, (text, [line.text for line in found])
    return matches[0]


def test_each_number_is_in_its_box(tmp_path: Path) -> None:
    found = lines(render_consort_pdf(COUNTS, ConsortWords(NCT), title_lines=TITLE, printed_at=AT), tmp_path)
    main = [find(found, text) for text in ("Pre-screened on records (n = 165)", "Assessed for eligibility (n = 85)",
                                           "Enrolled / randomised (n = 43)")]
    side = [find(found, text) for text in ("Not screened (n = 105)", "Excluded (n = 33)",
                                           "Still being screened or awaiting a decision (n = 9)")]
    assert max(line.x for line in main) + 150 < min(line.x for line in side)  # the side column, right of the main
    order = [main[0], side[0], main[1], side[1], side[2], main[2]]
    assert [line.y for line in order] == sorted(line.y for line in order)  # top to bottom, as the flow runs
    excluded, still = side[1], side[2]
    for text in ("Not meeting eligibility criteria (n = 24)", "Declined to participate (n = 6)",
                 "Other reasons (n = 3)", "withdrew consent (n = 2)", "lost to follow-up (n = 1)"):
        line = find(found, "• " + text if not text[0].islower() else "– " + text)
        assert excluded.y < line.y < still.y and line.x > excluded.x  # under the Excluded heading, indented
    for text in ("Screening in progress (n = 4)", "Eligible, not yet signed (n = 2)",
                 "Signed eligible, no decision recorded (n = 3)"):
        assert find(found, "• " + text).y > still.y
    assert find(found, "• Not eligible on records (n = 85)").y > side[0].y
    assert find(found, "• of whom 2 with a").y > main[2].y
    assert find(found, "Re-screening: 9 subjects screened more than once; 90 screening attempts in all")


def test_the_chart_shows_each_failed_criterion_once_with_its_count(tmp_path: Path) -> None:
    found = rows(lines(render_consort_pdf(COUNTS, ConsortWords(NCT), title_lines=TITLE, printed_at=AT), tmp_path))
    title = find(found, "Screen failures by criterion")
    bars = [line for line in found if line.y > title.y and re.match(r"^[IE]\d+ ", line.text)]
    assert [line.text.split()[0] for line in bars] == ["I4", "I5", "E2", "E15"]  # protocol order; no one failed I1
    assert find(found, "I5 Hemoglobin < 90 g/L").text.endswith(" 7")
    assert find(found, "I4 Disease Activity Score").text.endswith(" 12")
    assert find(found, "E15 Participants received any biological").text.endswith(" 5")


def test_header_definitions_and_page_numbers(tmp_path: Path) -> None:
    pdf = render_consort_pdf(COUNTS, ConsortWords(NCT), title_lines=TITLE, printed_at=AT)
    pages = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    count = int(re.search(r"Pages:\s+(\d+)", pages).group(1))
    assert 1 <= count <= 2
    every = [line.text for page in range(1, count + 1) for line in lines(pdf, tmp_path, page)]
    text = " ".join(every)
    for line in (*TITLE, "Printed 2026-11-30 14:05", f"Page 1 of {count}"):
        assert line in text
    assert "Screened (assessed for eligibility): a subject who gave informed consent" in text
    assert "a subject failing several criteria is counted under each" in text


def test_in_chinese_the_boxes_and_criteria_are_chinese(tmp_path: Path) -> None:
    words = chinese()
    found = lines(render_consort_pdf(COUNTS, words, title_lines=TITLE, printed_at=AT), tmp_path)
    assessed, excluded, enrolled = (find(found, "评估合格性（n = 85）"), find(found, "排除（n = 33）"),
                                    find(found, "入组 / 随机化（n = 43）"))
    assert assessed.y < excluded.y < enrolled.y and excluded.x > assessed.x + 150
    assert excluded.y < find(found, "• 拒绝参加（n = 6）").y
    chart = find(found, "按标准的筛选失败")
    row = find(rows(found), "I5 " + words.criterion_label("I5")[:6])
    assert row.y > chart.y and row.text.endswith(" 7")
    assert re.search(r"[\u4e00-\u9fff]", words.criterion_label("I5"))  # the site's translation of the criterion


@pytest.mark.parametrize("words", [ConsortWords(NCT), chinese()], ids=["en", "zh_CN"])
def test_the_pages_render_as_a4_images(words: ConsortWords, tmp_path: Path) -> None:
    (tmp_path / "consort.pdf").write_bytes(render_consort_pdf(COUNTS, words, title_lines=TITLE, printed_at=AT))
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(tmp_path / "consort.pdf"), str(tmp_path / "page")],
                   check=True, capture_output=True)
    images = sorted(tmp_path.glob("page*.png"))
    assert 1 <= len(images) <= 2
    for path in images:
        with Image.open(path) as image:
            assert image.size == (414, 585)  # A4 (595 × 842 pt) at 50 dpi, as poppler rounds
            assert image.convert("L").getextrema()[0] < 50  # something dark drawn on it


@pytest.mark.parametrize("words", [ConsortWords(NCT), chinese()], ids=["en", "zh_CN"])
def test_the_png_decodes_at_the_drawing_size(words: ConsortWords) -> None:
    png = render_consort_png(COUNTS, words, title_lines=TITLE, printed_at=AT)
    drawing = consort_drawing(COUNTS, words, title_lines=TITLE, printed_at=AT)
    with Image.open(BytesIO(png)) as image:
        assert image.format == "PNG"
        assert abs(image.width - drawing.width * PNG_SCALE) <= 1 and abs(image.height - drawing.height * PNG_SCALE) <= 1
        grey = image.convert("L")
        assert grey.getpixel((2, 2)) == 255  # a white margin
        assert grey.getextrema()[0] < 50  # and ink


def test_nothing_to_count_still_prints_every_box(tmp_path: Path) -> None:
    empty = consort_counts([], [], criteria_order=ORDER)
    found = lines(render_consort_pdf(empty, ConsortWords(NCT), title_lines=(), printed_at=AT), tmp_path)
    for text in ("Pre-screened on records (n = 0)", "Assessed for eligibility (n = 0)", "Excluded (n = 0)",
                 "Enrolled / randomised (n = 0)", "No subject failed a criterion in this period."):
        find(found, text)


def test_every_criterion_failing_fits_two_pages(tmp_path: Path) -> None:
    every = consort_counts([group("ineligible", [criterion], subjects=i + 1) for i, criterion in enumerate(ORDER)], [],
                           criteria_order=ORDER)
    pdf = render_consort_pdf(every, ConsortWords(NCT), title_lines=TITLE, printed_at=AT)
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout.decode()
    assert re.search(r"Pages:\s+2\b", info)
    text = " ".join(line.text for page in (1, 2) for line in lines(pdf, tmp_path, page))
    assert all(re.search(rf"\b{criterion} ", text) for criterion in ORDER)


def test_the_json_document_states_the_period_and_what_screened_means() -> None:
    import json

    document = json.loads(json.dumps(ConsortWords(NCT).document(COUNTS, (date(2026, 1, 1), None))))
    assert document["period"] == {"from": "2026-01-01", "to": None}
    assert document["assessed_for_eligibility"] == 85
    assert document["definitions"]["screened"].startswith("Screened (assessed for eligibility): a subject who gave")
    assert set(document["definitions"]) == {"prescreened", "screened", "once", "not_meeting", "by_criterion",
                                            "declined_other", "still", "enrolled", "rescreened"}
    outline = ConsortWords(NCT).outline(COUNTS)
    assert ("Assessed for eligibility (n = 85)", []) in outline
    assert outline[-1][1][0].startswith("I4 ") and outline[-1][1][0].endswith(": 12")
