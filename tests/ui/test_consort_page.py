"""The CONSORT page as a coordinator uses it: a period typed, the diagram and its numbers as text,
and the diagram saved through the file dialog (the page hands the bytes on; it writes nothing)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QTreeWidgetItemIterator

from tests.ui.conftest import when_modal
from trialdesk.desk import DatabaseError
from trialdesk.desk.protocols import find_protocol
from trialdesk.domain.consort import OutcomeGroup, PrescreenGroup, consort_counts
from trialdesk.messages.consort import KEYS, ConsortWords
from trialdesk.ui.consort_page import ConsortPage

NCT = find_protocol("NCT03798028")
ORDER = [criterion.id for criterion in NCT.criteria]
AT = datetime(2026, 11, 30, 14, 5)


def counts_of(enrolled: int):
    return consort_counts(
        [OutcomeGroup("signed", (), "enrolled", None, enrolled, enrolled),
         OutcomeGroup("screen_failure", ("I5", "E2"), None, None, 7, 9),
         OutcomeGroup("signed", (), "not_enrolled", "declined", 3, 3),
         OutcomeGroup("in_progress", (), None, None, 2, 2)],
        [PrescreenGroup("could_be_eligible", "screened", 10), PrescreenGroup("not_eligible", None, 4)],
        criteria_order=ORDER)


class Site:
    """What the page is given: counts by period (the year 2026 has fewer), and a place files go."""

    def __init__(self) -> None:
        self.asked: list[tuple[date | None, date | None]] = []
        self.files: dict[Path, bytes] = {}
        self.fail_with: Exception | None = None

    def counts_for(self, start: date | None, end: date | None):
        if self.fail_with:
            raise self.fail_with
        self.asked.append((start, end))
        return counts_of(5 if start else 20)

    def save(self, path: Path, data: bytes) -> None:
        if self.fail_with:
            raise self.fail_with
        self.files[path] = data


@pytest.fixture
def site() -> Site:
    return Site()


def make(qtbot, site: Site, words: ConsortWords) -> ConsortPage:
    page = ConsortPage(words, site.counts_for, None, save=site.save, title_lines=("NCT03798028 · version 3.0",),
                       now=lambda: AT)
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


@pytest.fixture
def page(qtbot, site: Site) -> ConsortPage:
    return make(qtbot, site, ConsortWords(NCT))


def texts(page: ConsortPage) -> list[str]:
    found, items = [], QTreeWidgetItemIterator(page.numbers)
    while items.value():
        found.append(items.value().text(0))
        items += 1
    return found


def type_period(qtbot, page: ConsortPage, start: str, end: str) -> None:
    for field, text in ((page.start, start), (page.end, end)):
        field.line.clear()
        qtbot.keyClicks(field.line, text)
    qtbot.keyClick(page.end.line, Qt.Key.Key_Return)


def test_it_opens_on_every_date_with_the_numbers_as_text(page: ConsortPage, site: Site) -> None:
    assert site.asked == [(None, None)]
    shown = texts(page)
    for line in ("Assessed for eligibility (n = 32)", "Excluded (n = 10)", "Not meeting eligibility criteria (n = 7)",
                 "Declined to participate (n = 3)", "Enrolled / randomised (n = 20)", "Screening in progress (n = 2)",
                 "Pre-screened on records (n = 14)", "Not eligible on records (n = 4)"):
        assert line in shown
    assert any(line.startswith("I5 Hemoglobin") and line.endswith(": 7") for line in shown)
    assert not page.picture.pixmap().isNull()
    assert page.picture.pixmap().width() <= page.scroll.viewport().width()
    assert "Assessed for eligibility (n = 32)" in page.picture.accessibleDescription()


def test_a_period_typed_is_counted_on_return(qtbot, page: ConsortPage, site: Site) -> None:
    type_period(qtbot, page, "2026-01-01", "2026-11-30")
    assert site.asked[-1] == (date(2026, 1, 1), date(2026, 11, 30))
    assert "Enrolled / randomised (n = 5)" in texts(page)
    assert "Period: 2026-01-01 to 2026-11-30" in page.header_lines()


def test_an_open_start_is_counted_with_the_button(qtbot, page: ConsortPage, site: Site) -> None:
    qtbot.keyClicks(page.end.line, "2026-06-30")
    qtbot.mouseClick(page.show_button, Qt.MouseButton.LeftButton)
    assert site.asked[-1] == (None, date(2026, 6, 30))


@pytest.mark.parametrize(("start", "end", "problem"), [("2026-13-01", "", "is not a date"),
                                                         ("2026-11-30", "2026-01-01", "ends before it starts")])
def test_a_wrong_period_is_said_and_not_counted(qtbot, page: ConsortPage, site: Site, start, end, problem) -> None:
    type_period(qtbot, page, start, end)
    assert problem in page.message.text()
    assert site.asked == [(None, None)]
    assert "Enrolled / randomised (n = 20)" in texts(page)  # what was shown stays
    assert page.start.line.property("invalid") or page.end.line.property("invalid")


def test_counts_that_cannot_be_read_are_said(qtbot, page: ConsortPage, site: Site) -> None:
    site.fail_with = DatabaseError("the database is locked")
    qtbot.mouseClick(page.show_button, Qt.MouseButton.LeftButton)
    assert "the database is locked" in page.message.text()
    assert "Enrolled / randomised (n = 20)" in texts(page)


def choose_file(path: Path):
    def choose(dialog: QFileDialog) -> None:
        dialog.selectFile(str(path))
        dialog.accept()
    return choose


def test_save_pdf_hands_the_pdf_to_the_site(qtbot, page: ConsortPage, site: Site, tmp_path: Path) -> None:
    type_period(qtbot, page, "2026-01-01", "2026-11-30")
    when_modal(choose_file(tmp_path / "report"), QFileDialog)
    with qtbot.waitSignal(page.saved) as saved:
        qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    path = tmp_path / "report.pdf"
    assert saved.args == [str(path)]
    assert site.files[path].startswith(b"%PDF-")
    assert b"Enrolled" not in site.files[path][:20] and len(site.files[path]) > 5000
    assert not list(tmp_path.iterdir())  # the page itself wrote nothing


def test_save_png_hands_the_picture_to_the_site(qtbot, page: ConsortPage, site: Site, tmp_path: Path) -> None:
    when_modal(choose_file(tmp_path / "flow.png"), QFileDialog)
    with qtbot.waitSignal(page.saved):
        qtbot.mouseClick(page.png_button, Qt.MouseButton.LeftButton)
    assert site.files[tmp_path / "flow.png"].startswith(b"\x89PNG\r\n\x1a\n")


def test_a_file_that_cannot_be_written_is_said(qtbot, page: ConsortPage, site: Site, tmp_path: Path) -> None:
    when_modal(choose_file(tmp_path / "flow.png"), QFileDialog)
    site.fail_with = PermissionError(13, "Permission denied")
    qtbot.mouseClick(page.png_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Permission denied" in page.message.text())
    assert "flow.png" in page.message.text() and not site.files


def test_in_chinese_the_numbers_are_chinese(qtbot, site: Site) -> None:
    words = ConsortWords(NCT, "zh_CN")
    words._translated = {("consort.assessed", KEYS["consort.assessed"]): "评估合格性（n = {n}）", **words._translated}
    page = make(qtbot, site, words)
    shown = texts(page)
    assert "评估合格性（n = 32）" in shown
    assert any(line.startswith("I5 血红蛋白") for line in shown)  # the site's translation of the criterion
