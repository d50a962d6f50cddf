"""The pre-screening page: a clinic list imported, shown by what is missing, a screening started from a
candidate and an outcome recorded for another, driven by clicks and keys."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog

from tests.cli.test_prescreen import HEADER, ROWS
from tests.conftest import COORDINATOR, PASSWORD
from trialdesk.messages import Messages
from trialdesk.ui.prescreen_page import CANDIDATE, RECORDED, RESULT, PrescreenPage

ON = date(2026, 11, 20)


@pytest.fixture
def site(open_site):
    return open_site()


def make_page(qtbot, site, lang="en"):
    desk = site.sign_in(COORDINATOR, PASSWORD)
    page = PrescreenPage(site, desk, Messages(lang=lang), lambda: "NCT03798028", lambda: ON)
    qtbot.addWidget(page)
    page.resize(1100, 600)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)  # no window manager: the program asks for focus itself
    page.import_button.setFocus()
    return page


def alt(qtbot, key):
    """Alt+key pressed where the focus is, as a person presses a mnemonic."""
    focus = QApplication.focusWidget()
    assert focus is not None
    qtbot.keyClick(focus, key, Qt.KeyboardModifier.AltModifier)


def write_list(tmp_path, *rows, header=HEADER, name="clinic.csv"):
    path = tmp_path / name
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def import_list(qtbot, page, monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), "CSV files (*.csv)"))
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)


def shown(page, column=CANDIDATE):
    model = page.table.model()
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def select(qtbot, page, candidate):
    row = shown(page).index(candidate)
    page.table.setFocus()
    page.table.selectRow(row)
    assert page.selected().decided.candidate.id == candidate


def test_a_list_is_shown_could_be_eligible_first_fewest_missing_first(qtbot, site, tmp_path, monkeypatch):
    page = make_page(qtbot, site)
    import_list(qtbot, page, monkeypatch, write_list(tmp_path, *ROWS))
    assert shown(page) == ["C-003", "C-005", "C-001", "C-002", "C-004"]
    assert shown(page, RESULT) == ["could be eligible", "could be eligible", "not eligible", "not eligible", "refused"]
    needs = [len(page.model.row_at(i).decided.decision.needs) for i in range(2)]
    assert needs[0] < needs[1]
    assert shown(page, 2)[0].startswith(f"{needs[0]}: ")
    assert shown(page, 3)[2].startswith("E5 applies: excluded: ")
    assert "5 candidates: 2 could be eligible, 2 not eligible, 1 refused" in page.message.text()


def test_sorted_by_a_header_click_and_by_keys(qtbot, site, tmp_path, monkeypatch):
    page = make_page(qtbot, site)
    import_list(qtbot, page, monkeypatch, write_list(tmp_path, *ROWS))
    header = page.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionPosition(CANDIDATE) + 5, 5))
    assert shown(page) == ["C-001", "C-002", "C-003", "C-004", "C-005"]
    assert page.sort_box.currentIndex() == CANDIDATE
    alt(qtbot, Qt.Key.Key_R)  # &Reversed
    qtbot.waitUntil(page.reverse_box.isChecked)  # a mnemonic clicks as a person would see it: animated
    assert shown(page) == ["C-005", "C-004", "C-003", "C-002", "C-001"]
    page.sort_box.setFocus()
    qtbot.keyClick(page.sort_box, Qt.Key.Key_Down)  # by result
    assert page.sort_box.currentIndex() == RESULT
    assert shown(page, RESULT)[0] == "refused"


def test_hiding_not_eligible(qtbot, site, tmp_path, monkeypatch):
    page = make_page(qtbot, site)
    import_list(qtbot, page, monkeypatch, write_list(tmp_path, *ROWS))
    alt(qtbot, Qt.Key.Key_G)  # Hide not eli&gible
    qtbot.waitUntil(page.hide_box.isChecked)
    assert shown(page) == ["C-003", "C-005", "C-004"]


def test_a_screening_is_started_from_a_candidate(qtbot, site, tmp_path, monkeypatch):
    page = make_page(qtbot, site)
    import_list(qtbot, page, monkeypatch, write_list(tmp_path, *ROWS))
    select(qtbot, page, "C-001")
    assert not page.start_button.isEnabled()  # not eligible
    select(qtbot, page, "C-003")
    assert page.start_button.isEnabled()
    with qtbot.waitSignal(page.start_requested) as started:
        alt(qtbot, Qt.Key.Key_A)  # St&art screening…
    answers, prescreen_id = started.args
    assert answers["haemoglobin"] == {"value": 85, "unit": "g/L"}
    assert answers["date_of_birth"] == "1972-03-15" and answers["tuberculosis"] == "no"
    recorded = site.prescreenings("NCT03798028")
    assert [(p.id, p.candidate, p.result, p.on) for p in recorded] == [(prescreen_id, "C-003", "could_be_eligible", ON)]
    assert recorded[0].detail.startswith("could be eligible; needs: ")
    assert shown(page, RECORDED)[0] == "pre-screened on 2026-11-20"

    subject = {"screening_number": "S-777", "initials": "ZHL", "consent_version": "v2.0 2026-09-01",
               "screening_date": ON.isoformat(), "consent_date": ON.isoformat()}
    page.desk.start_screening("NCT03798028", subject, answers, prescreen_id=prescreen_id, confirmed=True)
    page.refresh_recorded()
    assert shown(page, RECORDED)[0] == "screening started as S-777"
    assert not page.start_button.isEnabled() and not page.outcome_button.isEnabled()


def test_declined_is_recorded_for_a_candidate_not_screened(qtbot, site, tmp_path, monkeypatch):
    page = make_page(qtbot, site)
    import_list(qtbot, page, monkeypatch, write_list(tmp_path, *ROWS))
    asked = []

    def choose(parent, title, label, items, current, editable):
        asked.append(items)
        return items[0], True

    monkeypatch.setattr(QInputDialog, "getItem", choose)
    select(qtbot, page, "C-005")
    alt(qtbot, Qt.Key.Key_O)  # Record &outcome…
    qtbot.waitUntil(lambda: len(asked) == 1)
    assert asked == [["declined before consent", "not approached", "other"]]
    recorded = site.prescreenings("NCT03798028")
    assert [(p.candidate, p.outcome.value, p.screening_number) for p in recorded] == [("C-005", "declined", None)]
    row = shown(page).index("C-005")
    assert shown(page, RECORDED)[row] == "declined before consent"


def test_other_needs_words(qtbot, site, tmp_path, monkeypatch):
    page = make_page(qtbot, site)
    import_list(qtbot, page, monkeypatch, write_list(tmp_path, *ROWS))
    monkeypatch.setattr(QInputDialog, "getItem", lambda parent, title, label, items, *args: (items[2], True))
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("moved to another city", True))
    select(qtbot, page, "C-001")
    qtbot.mouseClick(page.outcome_button, Qt.MouseButton.LeftButton)
    found = site.prescreenings("NCT03798028")[0]
    assert (found.candidate, found.result, found.outcome.value, found.outcome_text) == (
        "C-001", "not_eligible", "other", "moved to another city")


@pytest.mark.parametrize(("lang", "said"), [("en", "this protocol asks no such fact"), ("zh_CN", "本方案不询问此项事实")])
def test_a_refused_file_is_said_on_the_page(qtbot, site, tmp_path, monkeypatch, lang, said):
    page = make_page(qtbot, site, lang)
    import_list(qtbot, page, monkeypatch, write_list(tmp_path, *ROWS))
    refused = write_list(tmp_path, "C-001,44", header="candidate,shoe_size", name="shoes.csv")
    import_list(qtbot, page, monkeypatch, refused)
    assert str(refused) in page.message.text() and said in page.message.text()
    assert "Traceback" not in page.message.text()
    assert QApplication.activeModalWidget() is None  # said on the page, no dialog
    assert shown(page)[0] == "C-003"  # the list shown before stays


def test_a_file_that_cannot_be_read_is_said(qtbot, site, tmp_path, monkeypatch):
    page = make_page(qtbot, site)
    import_list(qtbot, page, monkeypatch, tmp_path / "absent.csv")
    assert "absent.csv: cannot be read" in page.message.text()
    assert page.table.model().rowCount() == 0


def test_changing_the_date_decides_again(qtbot, site, tmp_path, monkeypatch):
    page = make_page(qtbot, site)
    import_list(qtbot, page, monkeypatch, write_list(tmp_path, "C-010,2008-12-01,female,,,,"))
    assert shown(page, RESULT) == ["not eligible"]  # 17 on 2026-11-20
    page.on.line.selectAll()
    qtbot.keyClicks(page.on.line, "2027-01-10")
    qtbot.keyClick(page.on.line, Qt.Key.Key_Return)
    assert page.candidates.on == date(2027, 1, 10)
    assert shown(page, RESULT) == ["could be eligible"]


def test_ten_thousand_candidates_are_one_model_no_widgets(qtbot, site, tmp_path, monkeypatch):
    rows = [f"P{n:05d},1970-01-{n % 28 + 1:02d},female,{80 + n % 70},no,negative," for n in range(10_000)]
    page = make_page(qtbot, site)
    import_list(qtbot, page, monkeypatch, write_list(tmp_path, *rows))
    assert page.table.model().rowCount() == 10_000
    assert page.table.indexWidget(page.table.model().index(0, 0)) is None
    first, last = shown(page)[0], shown(page)[-1]
    alt(qtbot, Qt.Key.Key_R)
    qtbot.waitUntil(page.reverse_box.isChecked)
    assert page.table.model().rowCount() == 10_000 and (shown(page)[0], shown(page)[-1]) == (last, first)


def test_a_list_of_another_protocol_is_put_away_when_shown_again(qtbot, site, tmp_path, monkeypatch):
    chosen = ["NCT03798028"]
    desk = site.sign_in(COORDINATOR, PASSWORD)
    page = PrescreenPage(site, desk, Messages(), lambda: chosen[0], lambda: ON)
    qtbot.addWidget(page)
    page.show()
    import_list(qtbot, page, monkeypatch, write_list(tmp_path, *ROWS))
    assert page.table.model().rowCount() == 5
    page.hide()
    chosen[0] = "another-protocol"
    page.show()
    assert page.table.model().rowCount() == 0 and not page.start_button.isEnabled()
