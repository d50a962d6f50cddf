"""The screening and enrolment log sponsors file: every page numbered "Page x of N" with the
protocol and the site, one row per screening in order, nothing that identifies a subject beyond
number and initials, and on the last page only the closing box with the right totals."""

from __future__ import annotations

import dataclasses
import re
import subprocess
from datetime import date, datetime, timedelta, timezone

import pytest

from tests.worksheet.pages import compact, flat, page_texts
from trialdesk.domain.sponsor_log import REASONS, SponsorLogHeader, SponsorLogRow, totals
from trialdesk.messages import Messages
from trialdesk.worksheet.screening_log import COLUMNS, render_screening_log

PRINTED = datetime(2026, 12, 1, 9, 30, tzinfo=timezone(timedelta(hours=8)))
LONG_REASON = ("moved to another province before randomisation and said she would come back if the study is "
               "still recruiting in the spring; the coordinator will call again in March")
CHINESE_REASON = "受试者搬到外地，表示如果研究春天仍在招募会回来"


def header(**changes) -> SponsorLogHeader:
    values = dict(protocol_id="NCT03798028", protocol_title="Human Umbilical Cord MSCs in Rheumatoid Arthritis",
                  sponsor="Xijing Hospital", protocol_versions=("1.0", "2.0"), site_number="01",
                  date_from=date(2026, 1, 1), date_to=date(2026, 11, 30), printed_at=PRINTED, printed_by="Wang Li")
    return SponsorLogHeader(**{**values, **changes})


def row(number: int, **changes) -> SponsorLogRow:
    values = dict(screening_number=f"01-{number:03}", initials="ZHSA", consent_date=date(2026, 3, 1),
                  consent_version="ICF v2.0", screening_date=date(2026, 3, 2), eligible=None, criteria_not_met=(),
                  screen_failure_reason=None, enrolled=None, randomisation_number=None, enrolment_date=None,
                  reason_not_enrolled=None, reason_text=None, attempt=1, rescreen_of=None, protocol_version="2.0")
    return SponsorLogRow(**{**values, **changes})


def enrolled(number: int) -> SponsorLogRow:
    return row(number, eligible=True, enrolled=True, randomisation_number=f"R-{number:04}", enrolment_date=date(2026, 3, 9))


def failed(number: int) -> SponsorLogRow:
    return row(number, eligible=False, criteria_not_met=("I3", "E7"), screen_failure_reason="haemoglobin 85 g/L")


def three() -> list[SponsorLogRow]:
    """An enrolled subject; a screen failure; the failure re-screened, eligible, who declined."""
    return [enrolled(1), failed(2),
            row(3, eligible=True, enrolled=False, reason_not_enrolled="declined", attempt=2, rescreen_of="01-002")]


def many(count: int) -> list[SponsorLogRow]:
    """Every kind of row in turn; each fifth row re-screens the row two before it."""
    rows = []
    for number in range(1, count + 1):
        kind = number % 5
        if kind == 0:
            rows.append(row(number, eligible=True, enrolled=False, reason_not_enrolled="other", reason_text=LONG_REASON,
                            attempt=2, rescreen_of=f"01-{number - 2:03}"))
        else:
            rows.append([row(number), enrolled(number), failed(number),
                         row(number, eligible=True, enrolled=False, reason_not_enrolled="lost")][kind - 1])
    return rows


def pages_of(pdf: bytes) -> list[str]:
    return [flat(text) for text in page_texts(pdf)]


def check_pages(pages: list[str], words: Messages) -> None:
    """Each page numbered with the true count and naming the protocol and the site."""
    for number, page in enumerate(pages, start=1):
        assert words.t("ws.page", page=number, pages=len(pages)) in page
        assert "NCT03798028" in page and words.t("sponsor_log.site", site="01") in page
        assert words.t("sponsor_log.printed", at="2026-12-01 09:30+08:00", by="Wang Li") in page
        assert (words.t("sponsor_log.closing.title") in page) == (number == len(pages))  # the closing box last only


def test_three_rows_in_english(tmp_path):
    words = Messages()
    pdf = render_screening_log(three(), header(), words)
    pages = pages_of(pdf)
    check_pages(pages, words)
    text = " ".join(pages)
    assert "Page 1 of" in pages[0] and "Protocol NCT03798028, versions 1.0, 2.0 · Sponsor: Xijing Hospital" in text
    assert "Screenings from 2026-01-01 to 2026-11-30" in text
    assert re.search(r"01-001 ZHSA 2026-03-01 ICF v2.0 2026-03-02 protocol 2.0 Y Y R-0001 2026-03-09", text)
    assert re.search(r"01-002 .* N I3, E7 haemoglobin 85 g/L N", text)
    assert re.search(r"01-003 .* Y N declined 01-002, attempt 2", text)
    last = pages[-1]
    closing = last[last.index("Closing of the log"):]
    for label, count in (("Subjects screened", 2), ("Screenings listed (re-screenings: 1)", 3), ("Eligible", 2),
                         ("Not eligible (screen failure)", 1), ("Eligibility not decided yet", 0), ("Enrolled", 1),
                         ("Not enrolled", 1), ("Not enrolled: declined", 1),
                         ("Outcome not recorded yet (not found ineligible)", 0)):
        assert f"{label} {count}" in closing, label
    assert "complete and accurate" in closing
    assert "Investigator (name) Signature Date" in closing


def test_three_hundred_rows_page_by_page():
    words = Messages()
    rows = many(300)
    pages = pages_of(render_screening_log(rows, header(), words))
    assert len(pages) > 5
    check_pages(pages, words)
    for page in pages:  # the header row repeats on every page
        assert "Screening no. Initials Consent date / version Screening date Eligible Criteria not met Enrolled" in page
    numbers = re.findall(r"\b01-\d{3}\b(?!, attempt)", " ".join(pages))
    assert numbers == [r.screening_number for r in rows]  # each once, in the order given
    assert compact(LONG_REASON) in compact(" ".join(pages))  # wrapped, not cut
    counts = totals(rows)
    closing = pages[-1]
    assert f"Subjects screened {counts.subjects}" in closing and counts.subjects == 240
    assert f"Not enrolled: lost to follow-up {60}" in closing and f"Not enrolled: other {60}" in closing
    assert f"Enrolled {60}" in closing and f"Outcome not recorded yet (not found ineligible) {60}" in closing


def test_three_and_three_hundred_rows_in_chinese(tmp_path):
    words = Messages(lang="zh_CN")
    rows = [*three()[:2], row(3, eligible=True, enrolled=False, reason_not_enrolled="other", reason_text=CHINESE_REASON,
                             attempt=2, rescreen_of="01-002")]
    title = "人脐带间充质干细胞治疗类风湿关节炎"
    for listed in (rows, [*rows, *many(300)[3:]]):
        pdf = render_screening_log(listed, header(protocol_title=title, sponsor="西京医院"), words)
        pages = pages_of(pdf)
        check_pages(pages, words)
        assert words.t("ws.page", page=1, pages=len(pages)).startswith("第")  # the worksheet's Chinese page numbers
        text = compact(" ".join(pages))
        assert title in compact(pages[-1]) and "西京医院" in compact(pages[0])
        assert compact(words.t("sponsor_log.reason_with_text", reason=words.t("sponsor_log.reason.other"),
                               text=CHINESE_REASON)) in text
        path = tmp_path / "log.pdf"
        path.write_bytes(pdf)
        fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
        embedded = [line.split()[0] for line in fonts.splitlines()[2:] if line.split()[-5] == "yes"]
        assert any("WenQuanYiMicroHei" in name for name in embedded)  # Chinese in the worksheet's CJK font
        assert len(embedded) == len(fonts.splitlines()[2:])  # every font embedded: none the reader must have


def test_no_column_and_no_field_beyond_those_named():
    assert [f.name for f in dataclasses.fields(SponsorLogRow)] == [
        "screening_number", "initials", "consent_date", "consent_version", "screening_date", "eligible",
        "criteria_not_met", "screen_failure_reason", "enrolled", "randomisation_number", "enrolment_date",
        "reason_not_enrolled", "reason_text", "attempt", "rescreen_of", "protocol_version"]
    assert [key.removeprefix("sponsor_log.col.") for key, _ in COLUMNS] == [
        "number", "initials", "consent", "screening_date", "eligible", "criteria", "enrolled", "randomisation",
        "reason", "rescreen"]
    words = Messages()
    text = " ".join(pages_of(render_screening_log(many(30), header(), words)))
    for word in ("birth", "Sex", "female", words.t("ws.date_of_birth")):
        assert word not in text


def test_a_number_longer_than_its_column_is_cut_not_spilled():
    number = "SITE01-SCREEN-2026-000000000017"  # 31 characters, no space to break at
    pages = page_texts(render_screening_log([row(1, screening_number=number, initials="OYXM")], header(), Messages()))
    cell = pages[0][pages[0].index(number[:6]):pages[0].index("OYXM")]
    assert compact(cell) == number and len(cell.split()) > 1  # whole, on more than one line


def test_an_empty_log_still_closes():
    words = Messages()
    (page,) = pages_of(render_screening_log([], header(date_from=None, date_to=None), words))
    assert "Page 1 of 1" in page and "No screening in this period." in page and "Every screening at the site" in page
    assert "Subjects screened 0" in page and "Closing of the log" in page


def test_the_totals_count_each_subject_once():
    rows = [failed(1), row(2, eligible=False, attempt=2, rescreen_of="01-001"), enrolled(3),  # 01-001 twice
            row(4, eligible=True, attempt=3, rescreen_of="01-000"),  # its earlier attempts before the period
            row(5, eligible=True, enrolled=False, reason_not_enrolled="withdrew_consent"),
            row(6, eligible=True, enrolled=False), row(7), failed(8)]  # 01-002 is no new subject
    counts = totals(rows)
    assert (counts.subjects, counts.screenings, counts.rescreenings) == (7, 8, 2)
    assert (counts.eligible, counts.not_eligible, counts.eligibility_pending) == (4, 3, 1)
    assert counts.enrolled == 1 and counts.not_enrolled == (("withdrew_consent", 1), (None, 1))
    assert counts.not_enrolled_total == 2
    assert counts.outcome_pending == 2  # 01-004 eligible and 01-007 undecided; screen failures are not pending
    assert totals(reversed(rows)) == counts


@pytest.mark.parametrize("changes", [dict(attempt=0), dict(attempt=2), dict(rescreen_of="01-000"),
                                     dict(reason_not_enrolled="busy")])
def test_a_row_that_contradicts_itself_is_refused(changes):
    with pytest.raises(ValueError):
        row(1, **changes)


def test_the_printing_time_carries_its_offset():
    with pytest.raises(ValueError):
        header(printed_at=datetime(2026, 12, 1, 9, 30))
    assert REASONS == ("declined", "not_approached", "withdrew_consent", "lost", "other")
