"""The screening pipeline from the main window, as a coordinator and an investigator use it: the log's
Stage column, Subject ▸ Record enrolment / not enrolled, Re-screen, CONSORT counts, Pre-screening, and
File ▸ Export … as PDF, driven by keys and clicks."""

from __future__ import annotations

import subprocess

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QFileDialog, QMessageBox

from tests.cli.test_prescreen import HEADER, ROWS
from tests.conftest import PASSWORD
from tests.ui.conftest import create, example, when_modal
from tests.ui.test_walk import fill_new_screening
from trialdesk.desk.prescreen import screening_answers
from trialdesk.messages import Messages
from trialdesk.resources import resource_path
from trialdesk.ui.consort_page import ConsortPage
from trialdesk.ui.enrolment_dialog import EnrolmentDialog
from trialdesk.ui.log_table_model import COLUMN
from trialdesk.ui.new_screening_dialog import NewScreeningDialog
from trialdesk.ui.prescreen_page import CANDIDATE, RECORDED, PrescreenPage
from trialdesk.worksheet.signing import open_identity

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
NEW_ATTEMPT = {"screening_number": "S-101", "consent_date": "2026-11-19", "consent_version": "v2.0 2026-09-01"}


# -- helpers --------------------------------------------------------------------------------------

@pytest.fixture
def boxes(monkeypatch) -> list[str]:
    """Every message box the window raises, by its text (none is expected where a dialog says it)."""
    said: list[str] = []
    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, lambda _parent, title, text, *a, **k: said.append(f"{title}: {text}")
                            or QMessageBox.StandardButton.Ok)
    return said


def completed(window, name: str, number: str, protocol=None) -> int:
    """A screening of the example `name`, entered and completed by the window's coordinator."""
    if protocol is None:
        screening_id = create(window, name, number)
    else:
        data = example(name)
        subject = {**data["subject"], "screening_number": number, "screening_date": data["screening_date"]}
        screening_id = window.desk.start_screening(window.protocol(protocol), subject, data["facts"]).screening.id
    session = window.desk.open(screening_id)
    if name == "eligible":
        session.set_note("I5", "CBC report 2026-11-19, hospital laboratory system")
    window.desk.complete(session, PASSWORD)
    return screening_id


def signed(window, people, name: str, number: str) -> int:
    """Completed by the coordinator, then signed by the PI (password again, enrolled certificate)."""
    screening_id = completed(window, name, number)
    pi = window.site.sign_in(people.pi.name, people.pi.password)
    session = pi.open(screening_id)
    pi.sign(session, open_identity(people.pi.identity, people.passphrase), people.pi.password,
            Messages(session.protocol))
    return screening_id


def row_of(window, number: str) -> int:
    model = window.log.model
    return next(r for r in range(model.rowCount()) if model.entry(r).screening_number == number)


def cell(window, number: str, key: str) -> str:
    model = window.log.model
    return model.data(model.index(row_of(window, number), COLUMN[key]))


def choose_row(qtbot, window, number: str) -> None:
    """The log shown, its row of `number` current, the keys in the table."""
    window.show_log()
    table = window.log.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Home, CTRL)
    for _ in range(window.log.model.rowCount()):
        if window.log.current_entry().screening_number == number:
            return
        qtbot.keyClick(table, Qt.Key.Key_Down)
    assert window.log.current_entry().screening_number == number


def back_to_window(qtbot, window) -> None:
    """The dialogs closed; the window given the keys again (offscreen there is no window manager to do it)."""
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    if QApplication.activeWindow() is not window:
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def rescreening_protocol(tmp_path) -> str:
    text = resource_path("protocols/NCT03798028.yaml").read_text(encoding="utf-8")
    text = text.replace("id: NCT03798028\n", "id: RESCREEN-1\n", 1).replace(
        "glucocorticoid_table:", "screening: {max_attempts: 2, min_interval_days: 0}\nglucocorticoid_table:", 1)
    path = tmp_path / "RESCREEN-1.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


# -- 1. enrolment --------------------------------------------------------------------------------

def test_the_log_shows_the_stage_and_ctrl_e_records_the_enrolment_of_a_signed_eligible_subject(
        qtbot, window, site_people, boxes):
    header = window.log.model.headerData(COLUMN["stage"], Qt.Orientation.Horizontal)
    assert header == "Stage" and not window.log.table.isColumnHidden(COLUMN["stage"])
    signed(window, site_people, "eligible", "S-001")
    create(window, "incomplete", "S-003")  # later screenings: listed above S-001 (newest first)
    choose_row(qtbot, window, "S-001")
    assert cell(window, "S-001", "stage") == "eligible (signed)"
    assert cell(window, "S-003", "stage") == "consented, screening"

    def enrol(dialog):
        assert dialog.enrolled.isChecked() and dialog.number.isVisible() and not dialog.reason.isVisible()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.number)  # the number is typed first
        qtbot.keyClicks(dialog.number, "R-014")
        qtbot.keyClick(dialog.number, Qt.Key.Key_Return)

    when_modal(enrol, EnrolmentDialog)
    qtbot.keyClick(window.log.table, Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert cell(window, "S-001", "stage") == "enrolled R-014"
    assert window.statusBar().currentMessage().startswith("S-001: ")
    assert "R-014" in window.statusBar().currentMessage()
    assert boxes == []
    # the row acted on stays the current one: Ctrl+E again acts on S-001, not on the log's first row
    assert window.log.current_entry().screening_number == "S-001"


def test_after_the_enrolment_dialog_the_keys_are_back_in_the_log(qtbot, window, site_people):
    signed(window, site_people, "eligible", "S-001")
    choose_row(qtbot, window, "S-001")

    def enrol(dialog):
        qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.number)
        qtbot.keyClicks(dialog.number, "R-014")
        qtbot.keyClick(dialog.number, Qt.Key.Key_Return)

    when_modal(enrol, EnrolmentDialog)
    qtbot.keyClick(window.log.table, Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    # as after the new-screening form (which calls activateWindow): the window, and the log's table, have the keys
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=1000)
    assert QApplication.focusWidget() is window.log.table


def test_enrolling_an_unsigned_screening_is_refused_inside_the_dialog_with_the_number_kept(
        qtbot, window, boxes):
    completed(window, "eligible", "S-001")
    choose_row(qtbot, window, "S-001")
    seen = {}

    def enrol(dialog):
        qtbot.keyClicks(dialog.number, "R-015")
        qtbot.keyClick(dialog.number, Qt.Key.Key_Return)
        seen.update(open=dialog.isVisible(), number=dialog.number.text(), problem=dialog.problem.text(),
                    shown=dialog.problem.isVisible())
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    when_modal(enrol, EnrolmentDialog)
    qtbot.keyClick(window.log.table, Qt.Key.Key_E, CTRL)
    back_to_window(qtbot, window)
    assert seen["open"] and seen["number"] == "R-015" and seen["shown"]
    assert "only once an investigator has signed" in seen["problem"]
    assert "Traceback" not in seen["problem"]
    assert boxes == []
    assert cell(window, "S-001", "stage") != "enrolled R-015"


def test_a_refusal_in_the_enrolment_dialog_is_shown_whole(qtbot, window):
    completed(window, "eligible", "S-001")
    choose_row(qtbot, window, "S-001")
    seen = {}

    def enrol(dialog):
        qtbot.keyClicks(dialog.number, "R-015")
        qtbot.keyClick(dialog.number, Qt.Key.Key_Return)
        qtbot.wait(50)  # the layout settles
        label = dialog.problem
        seen.update(height=label.height(), needed=label.heightForWidth(label.width()), text=label.text())
        dialog.reject()

    when_modal(enrol, EnrolmentDialog)
    qtbot.keyClick(window.log.table, Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert seen["text"]
    assert seen["height"] >= seen["needed"], f"the refusal is cut: {seen}"


def test_not_enrolled_is_never_recorded_with_a_reason_nobody_chose(qtbot, window, site_people):
    signed(window, site_people, "eligible", "S-001")
    choose_row(qtbot, window, "S-001")
    seen = {}

    def at_once(dialog):
        seen["reason"] = dialog.reason.currentText()
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)  # Enter at once: nothing chosen
        seen["open"] = dialog.isVisible()
        if dialog.isVisible():
            dialog.reject()

    when_modal(at_once, EnrolmentDialog)
    window.not_enrolled_action.trigger()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert window.site.enrolment(window.site.screening("S-001")) is None, (
        f"recorded as {seen['reason']!r} though no reason was chosen")
    assert seen["open"]


# -- 2. not enrolled ------------------------------------------------------------------------------

def test_not_enrolled_for_another_reason_needs_its_words(qtbot, window, site_people, boxes, coordinator):
    signed(window, site_people, "eligible", "S-001")
    choose_row(qtbot, window, "S-001")
    seen = {}

    def not_enrolled(dialog):
        assert dialog.not_enrolled.isChecked() and dialog.reason.isVisible() and not dialog.number.isVisible()
        coordinator.choose_data(dialog.reason, "other")
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        seen.update(open=dialog.isVisible(), problem=dialog.problem.text())
        dialog.text.setFocus()
        qtbot.keyClicks(dialog.text, "moved to another city")
        qtbot.keyClick(dialog.text, Qt.Key.Key_Return)

    when_modal(not_enrolled, EnrolmentDialog)
    window.not_enrolled_action.trigger()
    back_to_window(qtbot, window)
    assert seen["open"] and seen["problem"]
    assert "other" in seen["problem"].lower() or "words" in seen["problem"].lower()
    assert window.site.enrolment(window.site.screening("S-001")).text == "moved to another city"
    assert cell(window, "S-001", "stage") == "not enrolled"
    assert boxes == []


def test_a_second_outcome_asks_for_the_reason_of_the_change(qtbot, window, site_people, boxes):
    signed(window, site_people, "eligible", "S-001")
    choose_row(qtbot, window, "S-001")
    seen = {}

    def first(dialog):
        qtbot.keyClicks(dialog.number, "R-014")
        qtbot.keyClick(dialog.number, Qt.Key.Key_Return)

    when_modal(first, EnrolmentDialog)
    qtbot.keyClick(window.log.table, Qt.Key.Key_E, CTRL)
    back_to_window(qtbot, window)

    def again(dialog):
        seen["current"] = dialog.current.text()
        seen["change_shown"] = dialog.change_reason.isVisible()
        qtbot.keyClicks(dialog.number, "R-016")
        qtbot.keyClick(dialog.number, Qt.Key.Key_Return)
        seen["refused"] = dialog.problem.text()
        dialog.change_reason.setFocus()
        qtbot.keyClicks(dialog.change_reason, "transcription error")
        qtbot.keyClick(dialog.change_reason, Qt.Key.Key_Return)

    when_modal(again, EnrolmentDialog)
    qtbot.keyClick(window.log.table, Qt.Key.Key_E, CTRL)
    back_to_window(qtbot, window)
    assert "R-014" in seen["current"] and seen["change_shown"] and seen["refused"]
    assert cell(window, "S-001", "stage") == "enrolled R-016"
    assert boxes == []


# -- 3. re-screening ------------------------------------------------------------------------------

def test_ctrl_shift_r_opens_the_form_filled_in_and_starts_attempt_two(qtbot, window, tmp_path, boxes):
    assert window.add_protocol_file(rescreening_protocol(tmp_path)) is True
    window.picker.setCurrentIndex(window.picker.findText("RESCREEN-1"))
    first_id = completed(window, "ineligible", "S-100", protocol="RESCREEN-1")
    first = window.site.screening(first_id)
    choose_row(qtbot, window, "S-100")
    seen = {}

    def fill(dialog):
        seen.update(initials=dialog.inputs["initials"].text(), dob=dialog.inputs["date_of_birth"].text(),
                    sex=dialog.sex.checkedButton().property("value") if dialog.sex.checkedButton() else None,
                    title=dialog.windowTitle())
        fill_new_screening(qtbot, dialog, NEW_ATTEMPT)
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok.isEnabled(), {f: p.text() for f, p in dialog.problems.items() if p.text()}
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    when_modal(fill, NewScreeningDialog)
    qtbot.keyClick(window.log.table, Qt.Key.Key_R, CTRL | SHIFT)
    qtbot.waitUntil(lambda: window.view is not None)
    assert (seen["initials"], seen["dob"], seen["sex"]) == (
        first.subject.initials, first.subject.date_of_birth.isoformat(), first.subject.sex)
    assert "S-100" in seen["title"]
    screening = window.view.session.screening
    assert screening.subject.screening_number == "S-101"
    assert screening.attempt == 2 and screening.rescreen_of == first_id
    window.show_log()
    assert cell(window, "S-101", "stage").endswith("(attempt 2)")
    assert boxes == []


# -- 4. CONSORT ------------------------------------------------------------------------------------

def test_ctrl_shift_c_shows_the_consort_counts_of_the_screenings_made(qtbot, window, site_people, boxes):
    signed(window, site_people, "eligible", "S-001")
    completed(window, "ineligible", "S-002")
    create(window, "incomplete", "S-003")
    choose_row(qtbot, window, "S-001")

    def enrol(dialog):
        qtbot.keyClicks(dialog.number, "R-014")
        qtbot.keyClick(dialog.number, Qt.Key.Key_Return)

    when_modal(enrol, EnrolmentDialog)
    qtbot.keyClick(window.log.table, Qt.Key.Key_E, CTRL)
    back_to_window(qtbot, window)
    qtbot.keyClick(window.log.table, Qt.Key.Key_C, CTRL | SHIFT)
    page = window.stack.currentWidget()
    assert isinstance(page, ConsortPage) and page.isVisible()
    counts = page.counts
    assert counts is not None
    lines = []

    def walk(item):
        lines.append(item.text(0))
        for i in range(item.childCount()):
            walk(item.child(i))

    for i in range(page.numbers.topLevelItemCount()):
        walk(page.numbers.topLevelItem(i))
    text = "\n".join(lines)
    assert counts.assessed == 3 and counts.enrolled == 1, counts
    assert counts.excluded >= 1
    assert any("3" in line and "ssessed" in line for line in lines), text
    assert any("1" in line and "nrolled" in line for line in lines), text
    assert boxes == []
    # twice in a row: the page made again, the one before taken out of the window
    first = page
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_C, CTRL | SHIFT)
    assert window.stack.currentWidget() is window.consort_page is not first
    assert window.stack.indexOf(first) == -1
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_L, CTRL)
    assert window.stack.currentWidget() is window.log and window.windowTitle() == "trialdesk"


# -- 5. pre-screening ---------------------------------------------------------------------------

def test_a_screening_started_from_a_could_be_eligible_candidate_is_linked_and_the_page_says_so(
        qtbot, window, tmp_path, monkeypatch, boxes):
    path = tmp_path / "clinic.csv"
    path.write_text("\n".join([HEADER, *ROWS]) + "\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), "CSV files (*.csv)"))
    qtbot.keyClick(window.log.table, Qt.Key.Key_P, CTRL | SHIFT)
    page = window.stack.currentWidget()
    assert isinstance(page, PrescreenPage)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    model = page.table.model()
    candidates = [model.data(model.index(r, CANDIDATE)) for r in range(model.rowCount())]
    row = candidates.index("C-003")
    page.table.setFocus()
    page.table.selectRow(row)
    decided = page.selected().decided
    assert page.start_button.isEnabled()
    seen = {}

    def fill(dialog):
        seen.update(dob=dialog.inputs["date_of_birth"].text(),
                    sex=dialog.sex.checkedButton().property("value") if dialog.sex.checkedButton() else None)
        values = {"screening_number": "S-201", "initials": "LMW", "consent_date": "2026-11-19",
                  "consent_version": "v2.0 2026-09-01"}
        if not seen["dob"]:
            values["date_of_birth"] = "1970-01-01"
        if not seen["sex"]:
            values["sex"] = "female"
        fill_new_screening(qtbot, dialog, values)
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok.isEnabled(), {f: p.text() for f, p in dialog.problems.items() if p.text()}
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    when_modal(fill, NewScreeningDialog)
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.view is not None)
    screening = window.view.session.screening
    assert screening.subject.screening_number == "S-201"
    assert screening.prescreen_id is not None
    assert (seen["dob"], seen["sex"]) == ("1972-03-15", "male")  # the candidate's records, filled in
    expected = screening_answers(page.candidates, decided)
    assert {"haemoglobin", "tuberculosis"} <= set(expected) or len(expected) >= 4, expected
    for fact_id, value in expected.items():
        if fact_id in ("date_of_birth", "sex"):  # the form's subject fields
            continue
        assert screening.answers.get(fact_id) == value, (fact_id, screening.answers.get(fact_id), value)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    focus = QApplication.focusWidget()
    assert window.isAncestorOf(focus), focus  # the keys are in the screening just opened
    qtbot.keyClick(focus, Qt.Key.Key_P, CTRL | SHIFT)
    assert window.stack.currentWidget() is page, (focus, window.stack.currentWidget())
    rows = [model.data(model.index(r, CANDIDATE)) for r in range(model.rowCount())]
    recorded = model.data(model.index(rows.index("C-003"), RECORDED))
    assert "screening started" in recorded and "S-201" in recorded, recorded
    page.table.selectRow(rows.index("C-003"))
    assert not page.start_button.isEnabled()
    assert boxes == []


# -- 6. the sponsor's log ---------------------------------------------------------------------------

def test_the_log_exported_as_pdf_holds_the_screenings_and_its_pages(qtbot, window, site_people, tmp_path,
                                                                  monkeypatch, boxes):
    signed(window, site_people, "eligible", "S-001")
    completed(window, "ineligible", "S-002")
    target = tmp_path / "out" / "log.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF files (*.pdf)"))
    window.export_pdf_action.trigger()
    assert target.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "S-001" in text and "S-002" in text and "Page 1 of" in text
    assert str(target) in window.statusBar().currentMessage()
    window.export_pdf_action.trigger()  # twice: the file dialog asked before replacing
    assert boxes == []


# -- with nothing chosen, someone who may not enter, twice in a row --------------------------------

def test_with_no_screening_chosen_the_actions_say_so_and_open_nothing(qtbot, window, boxes):
    assert window.log.current_entry() is None
    for keys in ((Qt.Key.Key_E, CTRL), (Qt.Key.Key_R, CTRL | SHIFT)):
        window.statusBar().clearMessage()
        qtbot.keyClick(window.log.table, *keys)
        assert window.statusBar().currentMessage() == "Choose a screening in the log first"
        assert QApplication.activeModalWidget() is None
    window.not_enrolled_action.trigger()
    assert window.statusBar().currentMessage() == "Choose a screening in the log first"
    assert boxes == []


def closing_any_dialog(opened: list[str]) -> None:
    """A dialog that should not open is looked at and closed if it does (unlike `when_modal`, none is required)."""
    def look(tries: int = 0) -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QDialog):
            opened.append(modal.windowTitle())
            modal.reject()
        elif tries < 30:
            QTimer.singleShot(10, lambda: look(tries + 1))

    QTimer.singleShot(0, look)


@pytest.mark.parametrize("user", ["admin"], indirect=True)
def test_someone_without_delegation_is_told_before_typing_in_vain(qtbot, window, site_people, boxes):
    """As Ctrl+N does (`refused(desk, Task.ENTER)` before the form): no enrolment dialog to fill in vain."""
    coordinator = window.site.sign_in(site_people.coordinator.name, site_people.coordinator.password)
    create(window, "ineligible", "S-002", desk=coordinator)
    window.log.refresh()
    choose_row(qtbot, window, "S-002")
    opened: list[str] = []
    for action in (window.enrol_action, window.not_enrolled_action):
        closing_any_dialog(opened)
        action.trigger()
        qtbot.wait(400)
    assert opened == [], f"the dialog opened for someone who may not enter data: {opened}"
    assert len([text for text in boxes if "holds no delegation to enter data" in text]) == 2, boxes


def test_a_re_screening_the_protocol_refuses_is_said_before_the_form_is_filled(qtbot, window, boxes):
    """The bundled protocol declares no re-screening: "the protocol allows 1 in all" is said, before anything
    is typed (a form that opens anyway is filled and accepted, to see what it says, then given up)."""
    completed(window, "ineligible", "S-002")
    choose_row(qtbot, window, "S-002")
    opened: list[str] = []

    def look(tries: int = 0) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, NewScreeningDialog):
            opened.append(dialog.windowTitle())
            if len(opened) == 1:
                fill_new_screening(qtbot, dialog, NEW_ATTEMPT)
                dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()  # refused: the form comes back
                QTimer.singleShot(0, look)
            else:
                dialog.reject()
        elif tries < 30:
            QTimer.singleShot(10, lambda: look(tries + 1))

    QTimer.singleShot(0, look)
    qtbot.keyClick(window.log.table, Qt.Key.Key_R, CTRL | SHIFT)
    qtbot.wait(400)
    assert any("the protocol allows 1 in all" in text for text in boxes), boxes
    assert window.view is None and window.site.attempts(window.site.screening("S-002").id)[-1][0] == 1
    assert opened == [], f"the form opened, to be filled in vain, for a re-screening the protocol refuses: {opened}"
