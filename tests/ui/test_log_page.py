"""The screening log page as a coordinator uses it: what each column shows, the count, sorting and
opening from the keyboard, what is still open, and the one-page summary printed from the log."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from tests.conftest import COORDINATOR, PASSWORD, PI
from trialdesk.domain.verdict import Effect
from trialdesk.messages import Messages
from trialdesk.resources import resource_path
from trialdesk.ui.log_page import LogPage
from trialdesk.ui.log_table_model import COLUMN


def start(desk, name: str, number: str, initials: str | None = None):
    data = json.loads(resource_path(f"examples/NCT03798028-{name}.json").read_text(encoding="utf-8"))
    subject = {**data["subject"], "screening_date": data["screening_date"], "screening_number": number}
    if initials:
        subject["initials"] = initials
    return desk.start_screening("NCT03798028", subject, data["facts"])


@pytest.fixture
def site(open_site):
    return open_site()


@pytest.fixture
def coordinator_desk(site):
    return site.sign_in(COORDINATOR, PASSWORD)


@pytest.fixture
def page(qtbot, site):
    page = LogPage(site.log, Messages(lang="en"), site=site)
    qtbot.addWidget(page)
    page.resize(1340, 500)
    page.show()
    qtbot.waitExposed(page)
    yield page
    qtbot.waitUntil(lambda: not page.working_out)  # nothing reads the site once the test is done with it
    page.later.stop()
    page.close()


def headers(page: LogPage) -> list[str]:
    header = page.table.horizontalHeader()
    return [page.model.headerData(header.logicalIndex(v), Qt.Orientation.Horizontal) for v in range(header.count())]


def shown(page: LogPage) -> list[dict[str, str]]:
    """Each row as the table shows it, by header."""
    names = headers(page)
    header = page.table.horizontalHeader()
    return [{names[v]: page.model.index(r, header.logicalIndex(v)).data() for v in range(header.count())}
            for r in range(page.model.rowCount())]


def numbers(page: LogPage) -> list[str]:
    return [row["Screening no."] for row in shown(page)]


def settled(qtbot, page: LogPage) -> list[dict[str, str]]:
    """The rows once the time spent is read and what is still open worked out."""
    qtbot.waitUntil(lambda: all("…" not in (row["Still open"], row["Time spent"]) for row in shown(page)))
    return shown(page)


def test_the_columns_a_coordinator_reads_across(qtbot, page, site, coordinator_desk, clock):
    session = start(coordinator_desk, "incomplete", "S-003")
    clock.now += timedelta(minutes=12)
    session.record_fact("haemoglobin", {"value": "121", "unit": "g/L"})
    start(coordinator_desk, "eligible", "S-001")
    page.refresh()
    assert headers(page) == ["Screening no.", "Initials", "Screening date", "Consent date", "Status", "Stage",
                             "Still open", "Excluded by", "Entered by", "Signed", "Time spent", "Version", "Protocol"]
    rows = {row["Screening no."]: row for row in settled(qtbot, page)}
    incomplete, eligible = rows["S-003"], rows["S-001"]
    consent = str(session.screening.subject.consent_date)
    assert incomplete["Consent date"] == consent and incomplete["Status"] == "in progress"
    assert incomplete["Stage"] == "consented, screening" and eligible["Stage"] == "screened, awaiting decision"
    assert incomplete["Still open"] == "I5, E4, E5, E10"  # by id, in protocol order, as the screening view has them
    assert incomplete["Entered by"] == COORDINATOR and incomplete["Signed"] == ""
    assert incomplete["Time spent"] == "12 min"
    assert eligible["Still open"] == "" and eligible["Time spent"] == "< 1 min"
    tip = page.model.headerData(COLUMN["time_spent"], Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "pause of more than 30 minutes" in tip and "Ctrl+Shift+S" in tip
    row = numbers(page).index("S-003")
    tip = page.model.index(row, COLUMN["still_open"]).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.splitlines() == ["I5 not decided yet", "E4 not decided yet", "E5 not decided yet", "E10 not decided yet"]


def test_what_is_still_open_follows_each_change(qtbot, page, coordinator_desk):
    session = start(coordinator_desk, "incomplete", "S-003")
    page.refresh()
    assert settled(qtbot, page)[0]["Still open"] == "I5, E4, E5, E10"
    session.record_fact("infection", "no")  # E4 decided
    page.refresh()
    assert shown(page)[0]["Still open"] == "…"  # the change is seen, what it leaves open not yet
    assert settled(qtbot, page)[0]["Still open"] == "I5, E5, E10"


@dataclass(frozen=True)
class _Result:  # what the page reads of a criterion's result
    criterion_id: str
    kind: str
    effect: Effect


def test_criteria_waiting_for_a_date_are_said_apart_from_those_not_decided(page, coordinator_desk):
    start(coordinator_desk, "incomplete", "S-003")
    page.model.refresh()
    entry = page.model.log_row(0)
    results = (_Result("I3", "inclusion", Effect.OPEN), _Result("E9", "exclusion", Effect.PENDING))
    page.model.set_open({entry.entry.id: results}, {entry.entry.id: entry.last_change})
    assert shown(page)[0]["Still open"] == "I3 · waiting for a date: E9"
    tip = page.model.index(0, COLUMN["still_open"]).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "I3 not decided yet\nE9 waits for a date still to come"


def test_signed_rows_say_who_signed_and_when(qtbot, page, site, site_people, coordinator_desk):
    from trialdesk.worksheet.signing import open_identity

    session = start(coordinator_desk, "eligible", "S-001")
    coordinator_desk.complete(session, PASSWORD)
    pi = site.sign_in(PI, PASSWORD)
    opened = pi.open(session.screening.id)
    pi.sign(opened, open_identity(site_people.pi.identity, site_people.passphrase), PASSWORD, Messages(opened.protocol))
    page.refresh()
    row = shown(page)[0]
    signed_at = site.documents(session.screening.id)[-1].signed_at
    assert row["Signed"] == f"{PI}, {signed_at.strftime('%Y-%m-%d %H:%M')}"
    tip = page.model.index(0, COLUMN["signed"]).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith(f"Data entry completed by {COORDINATOR} on ") and f"Signed by {PI} on " in tip


def test_the_count_says_1_screening_and_then_2_screenings(page, coordinator_desk):
    page.refresh()
    assert page.count.text().startswith("0 screenings")
    start(coordinator_desk, "eligible", "S-001")
    page.refresh()
    assert page.count.text().startswith("1 screening ·")
    start(coordinator_desk, "ineligible", "S-002")
    page.refresh()
    assert page.count.text().startswith("2 screenings ·")


def test_the_log_sorts_from_the_keyboard(qtbot, page, coordinator_desk):
    for name, number, initials in (("eligible", "B-2", "CC"), ("ineligible", "A-1", "BB"), ("incomplete", "C-3", "AA")):
        start(coordinator_desk, name, number, initials)
    page.refresh()
    table = page.table
    table.setFocus()
    assert page.count.text() == "3 screenings · sorted by Screening date, descending"
    qtbot.keyClick(table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert table.currentIndex().column() == COLUMN["screening_number"]
    qtbot.keyClick(table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert numbers(page) == ["A-1", "B-2", "C-3"]
    assert page.count.text() == "3 screenings · sorted by Screening no., ascending"
    qtbot.keyClick(table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert numbers(page) == ["C-3", "B-2", "A-1"]  # again: the other way
    header = table.horizontalHeader()
    assert header.sortIndicatorSection() == COLUMN["screening_number"]
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    qtbot.keyClick(table, Qt.Key.Key_Right)  # the next column on screen: Initials
    assert table.currentIndex().column() == COLUMN["initials"]
    qtbot.keyClick(table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert [row["Initials"] for row in shown(page)] == ["AA", "BB", "CC"]
    while table.currentIndex().column() != COLUMN["still_open"]:
        qtbot.keyClick(table, Qt.Key.Key_Right)
    qtbot.keyClick(table, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert [row["Initials"] for row in shown(page)] == ["AA", "BB", "CC"]  # left as it was, and said why
    assert page.count.text() == "The log cannot be sorted by “Still open”"
    assert header.sortIndicatorSection() == COLUMN["initials"]


def test_enter_in_search_opens_the_one_match_and_otherwise_goes_to_the_list(qtbot, page, coordinator_desk):
    ids = {number: start(coordinator_desk, name, number).screening.id
           for name, number in (("eligible", "S-001"), ("ineligible", "S-002"), ("incomplete", "S-103"))}
    page.refresh()
    opened = []
    page.opened.connect(opened.append)
    page.search.setFocus()
    qtbot.keyClicks(page.search, "S-0")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert opened == [] and page.table.hasFocus()  # two match: the list takes the keys
    assert page.table.currentIndex().row() == 0
    page.search.setFocus()
    qtbot.keyClicks(page.search, "02")
    assert numbers(page) == ["S-002"]
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert opened == [ids["S-002"]]


def test_every_widget_of_the_page_has_an_accessible_name(page):
    for widget in page.findChildren(QWidget):
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus and widget.isVisibleTo(page):
            assert widget.accessibleName(), widget
    assert page.table.horizontalHeader().accessibleName()


def test_without_the_site_the_page_lists_with_the_time_spent_but_not_what_is_open(qtbot, site, coordinator_desk):
    start(coordinator_desk, "incomplete", "S-003")
    bare = LogPage(site.log, Messages(lang="en"))
    qtbot.addWidget(bare)
    bare.refresh()
    bare.show()
    qtbot.waitUntil(lambda: shown(bare)[0]["Time spent"] != "…")  # read from the log alone
    assert shown(bare)[0]["Screening no."] == "S-003"
    assert bare.table.isColumnHidden(COLUMN["still_open"])  # worked out through the site only
    assert not bare.print_summary_button.isEnabled()
    bare.later.stop()
    bare.close()


def test_the_print_summary_key_waits_for_a_row(page):
    page.refresh()
    assert page.model.rowCount() == 0
    assert not page.print_summary_button.isEnabled() and not page.print_summary_action.isEnabled()


def test_ctrl_p_previews_the_screenings_one_page_summary_at_page_width(qtbot, page, coordinator_desk):
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    from tests.ui.conftest import when_modal
    from trialdesk.ui.printing import PreviewDialog

    start(coordinator_desk, "eligible", "S-001")
    start(coordinator_desk, "incomplete", "S-003")
    page.refresh()
    table = page.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert shown(page)[table.currentIndex().row()]["Screening no."] == "S-001"
    assert page.print_summary_button.isEnabled()
    seen = {}

    def look(dialog):
        seen.update(title=dialog.windowTitle(), pages=dialog.preview.pageCount(), zoom=dialog.preview.zoomMode(),
                    name=dialog.accessibleName())
        dialog.reject()

    when_modal(look, PreviewDialog)
    qtbot.keyClick(table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(seen), timeout=20000)
    assert seen == {"title": "Summary of screening S-001", "pages": 1,
                    "zoom": QPrintPreviewWidget.ZoomMode.FitToWidth, "name": "Summary of screening S-001"}
    qtbot.waitUntil(page.print_summary_button.isEnabled)


def test_the_summary_is_one_page_naming_the_subject_and_what_is_still_open(site, coordinator_desk, tmp_path):
    import subprocess

    from trialdesk.desk.log import summary_job

    session = start(coordinator_desk, "incomplete", "S-003")
    pdf = summary_job(site, session.screening.id, "en")()
    (tmp_path / "summary.pdf").write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "summary.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert text.count("\f") == 1  # one page
    assert "S-003" in text and "LXY" in text
    assert all(criterion in text for criterion in ("I5", "E4", "E5", "E10"))


def three_pages() -> bytes:
    from io import BytesIO

    from reportlab.pdfgen.canvas import Canvas

    buffer = BytesIO()
    canvas = Canvas(buffer)
    for number in (1, 2, 3):
        canvas.drawString(100, 700, f"page {number}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def test_the_preview_opens_at_page_width_and_pgdn_pgup_turn_its_pages(qtbot):
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget

    from trialdesk.ui.printing import PreviewDialog

    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = PreviewDialog(three_pages(), QPrinter(), parent, "Worksheet")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()  # as when it runs modal
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    preview = dialog.preview
    assert preview.zoomMode() == QPrintPreviewWidget.ZoomMode.FitToWidth and preview.pageCount() == 3
    assert preview.currentPage() == 1 and preview.accessibleName() == "Pages"
    focused = QApplication.focusWidget() or dialog

    def press(key) -> int:
        qtbot.keyClick(QApplication.focusWidget() or focused, key)
        return preview.currentPage()

    assert press(Qt.Key.Key_PageDown) == 2
    assert press(Qt.Key.Key_PageDown) == 3
    assert press(Qt.Key.Key_PageDown) == 3  # the last page stays
    assert press(Qt.Key.Key_PageUp) == 2
    assert press(Qt.Key.Key_Home) == 1
    assert press(Qt.Key.Key_End) == 3
    dialog.close()
