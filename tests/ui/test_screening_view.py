"""The criterion walk: live verdicts, shared facts, invalid entries, resuming, reasons, locking."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import create, editor_on, when_modal
from trialdesk.domain.screening import ScreeningStatus


def open_example(qtbot, window, name: str, number: str | None = None):
    screening_id = create(window, name, number)
    window.open_screening(screening_id)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window.view



def test_an_ineligible_subject_shows_the_right_criteria_and_reasons(qtbot, window):
    view = open_example(qtbot, window, "ineligible")
    assert view.stack.currentWidget() is view.summary  # nothing open: it opens on the summary
    assert "INELIGIBLE" in view.summary.overall.text()
    summary = view.summary
    assert list(summary.links) == ["I5", "I7", "E2", "E15"]
    # each row says what the criterion does to eligibility, whatever its kind, then why
    assert [summary.link(c).text() for c in summary.links] == [
        "I5 not met: excluded", "I7 not met: excluded", "E2 applies: excluded", "E15 applies: excluded"]
    assert "Haemoglobin 10.2 g/dL (= 102 g/L) is not < 90 g/L" in summary.links["I5"].text()
    assert "2026-09-01 is within 3 months before 2026-11-20" in summary.links["E15"].text()
    assert "12.5 mg/day prednisone-equivalent" in summary.links["E2"].text()
    assert [view.side.item(i).text() for i in (4, 5, 8, 9)] == [
        "I5 not met: excluded", "I6 met", "E2 applies: excluded", "E3 does not apply"]  # and the side list
    assert QApplication.focusWidget() is summary.link("I5")  # the keyboard starts at the first link
    for _ in range(3):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is summary.link("E15")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # a link followed from the keyboard
    assert view.current_page().criterion.id == "E15"
    assert view.side.currentItem().text() == "E15 applies: excluded"


def test_typing_updates_the_verdict_live_and_saves_after_the_entry(qtbot, window):
    view = open_example(qtbot, window, "incomplete")
    editor = editor_on(view, "I5", "haemoglobin")
    page = view.current_page()
    assert page.verdict.title.text() == "I5 not decided yet"
    editor.line.setFocus()
    qtbot.keyClicks(editor.line, "85")
    assert page.verdict.title.text() == "I5 met"  # live, on the keystroke
    assert "Haemoglobin 85 g/L < 90 g/L" in page.verdict.reason.text()
    qtbot.keyClick(editor.line, Qt.Key.Key_Tab)  # the entry is complete: saved
    assert window.site.screening("S-003").answers["haemoglobin"] == {"value": 85, "unit": "g/L"}


def test_a_pause_in_typing_saves_without_leaving_the_field(qtbot, window):
    view = open_example(qtbot, window, "incomplete")
    editor = editor_on(view, "I5", "haemoglobin")
    editor.line.setFocus()
    qtbot.keyClicks(editor.line, "88")
    qtbot.waitUntil(lambda: "haemoglobin" in window.site.screening("S-003").answers, timeout=3000)
    assert editor.line.hasFocus()


def test_an_invalid_entry_is_marked_beside_the_field_and_the_verdict_stays_open(qtbot, window):
    view = open_example(qtbot, window, "incomplete")
    editor = editor_on(view, "I5", "haemoglobin")
    coordinator_unit = editor.unit
    coordinator_unit.setFocus()
    qtbot.keyClick(coordinator_unit, Qt.Key.Key_Down)  # g/dL
    editor.line.setFocus()
    qtbot.keyClicks(editor.line, "85")  # 850 g/L: not plausible
    assert editor.problem.isVisible()
    assert "85 g/dL is outside the plausible range 3–22 g/dL" in editor.problem.text()
    assert editor.line.property("invalid") is True
    assert view.current_page().verdict.title.text() == "I5 not decided yet"
    qtbot.keyClick(editor.line, Qt.Key.Key_Tab)
    assert "haemoglobin" not in window.site.screening("S-003").answers  # never accepted silently
    editor.line.selectAll()
    qtbot.keyClicks(editor.line, "8.5")
    assert not editor.problem.isVisible() and editor.line.property("invalid") is False
    assert view.current_page().verdict.title.text() == "I5 met"


def test_a_fact_shared_by_several_criteria_is_entered_once_and_updates_every_one(qtbot, window, coordinator):
    view = open_example(qtbot, window, "incomplete")
    on_i7 = editor_on(view, "I7", "glucocorticoid_history")
    assert view.session.report.result("E2").verdict.value == "not_met"
    # the import entered the history: the first change asks a reason
    when_modal(lambda dialog: (qtbot.keyClicks(dialog.reason, "burst found in the clinic notes"), dialog.accept()))
    coordinator.enter(on_i7, [{"drug": "prednisone", "dose": 20, "unit": "mg/day", "route": "oral",
                               "start": "2026-11-01", "stop": "2026-11-05"}])
    qtbot.waitUntil(lambda: len(view.session.screening.answers["glucocorticoid_history"]) == 2)
    on_e2 = editor_on(view, "E2", "glucocorticoid_history")
    assert on_e2 is not on_i7
    assert len(on_e2.rows) == 2  # the other page shows the line entered on I7
    assert view.session.report.result("E2").verdict.value == "met"  # 27.5 mg/day on 1-5 November
    assert view.session.report.result("I7").verdict.value == "not_met"  # the total changed within the month


def test_the_joint_picker_works_from_the_keyboard(qtbot, window):
    view = open_example(qtbot, window, "incomplete")
    picker = editor_on(view, "I4", "joint_exam").picker
    picker.setFocus()
    start = picker.joints[picker.current]
    qtbot.keyClick(picker, Qt.Key.Key_Up)
    moved = picker.joints[picker.current]
    assert moved != start
    was_tender, was_swollen = moved in picker.tender, moved in picker.swollen
    when_modal(lambda dialog: (qtbot.keyClicks(dialog.reason, "re-examined"), dialog.accept()))
    for key in (Qt.Key.Key_T, Qt.Key.Key_S):  # the first change of the imported exam asks a reason
        qtbot.keyClick(picker, key)
    assert (moved in picker.tender) != was_tender and (moved in picker.swollen) != was_swollen
    stored = window.site.screening("S-003").answers["joint_exam"]
    assert (moved in stored["tender"], moved in stored["swollen"]) == (not was_tender, not was_swollen)


def test_closing_and_reopening_resumes_where_it_stopped(qtbot, window):
    view = open_example(qtbot, window, "incomplete")
    assert view.current_page().criterion.id == "I5"  # the first open criterion
    editor = editor_on(view, "I5", "haemoglobin")
    editor.line.setFocus()
    qtbot.keyClicks(editor.line, "85")
    ild = editor_on(view, "I5", "ild_on_hrct")
    qtbot.mouseClick(ild.buttons["no"], Qt.MouseButton.LeftButton, pos=QPoint(5, 8))
    window.show_log()  # closing the screening saves whatever waits for a pause
    window.log.table.setFocus()
    window.log.table.setCurrentIndex(window.log.model.index(0, 0))
    qtbot.keyClick(window.log.table, Qt.Key.Key_Return)
    reopened = window.view
    assert reopened is not view
    assert reopened.current_page().criterion.id == "E4"
    assert editor_on(reopened, "I5", "haemoglobin").line.text() == "85"


def test_changing_an_earlier_value_asks_for_a_reason(qtbot, window):
    view = open_example(qtbot, window, "eligible")
    editor = editor_on(view, "I5", "haemoglobin")

    def give_reason(dialog):
        dialog.reason.setFocus()
        qtbot.keyClicks(dialog.reason, "re-read the lab report")
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)

    when_modal(give_reason)
    editor.line.setFocus()
    editor.line.selectAll()
    qtbot.keyClicks(editor.line, "84")
    qtbot.keyClick(editor.line, Qt.Key.Key_Tab)
    last = window.site.history(view.session.screening.id)[-1]
    assert (last.target, last.new_value, last.reason) == ("haemoglobin", {"value": 84, "unit": "g/L"}, "re-read the lab report")


def test_cancelling_the_reason_keeps_the_earlier_value(qtbot, window):
    view = open_example(qtbot, window, "eligible")
    editor = editor_on(view, "I5", "haemoglobin")
    when_modal(lambda dialog: dialog.reject())
    editor.line.setFocus()
    editor.line.selectAll()
    qtbot.keyClicks(editor.line, "95")
    qtbot.keyClick(editor.line, Qt.Key.Key_Tab)
    assert editor.line.text() == "85"
    assert window.site.screening("S-001").answers["haemoglobin"]["value"] == 85
    assert view.current_page().verdict.title.text() == "I5 met"


def test_a_signed_screening_opens_read_only_and_is_corrected_by_a_new_version(qtbot, window):
    screening_id = create(window, "eligible")
    window.site.store.lock_signed(screening_id, {"signer": "Wang Li", "meaning": "eligibility confirmed"},
                                  actor="Wang Li", at=window.site.clock())
    window.open_screening(screening_id)
    view = window.view
    assert view.lock_banner.isVisible() and "signed and locked" in view.lock_banner.text()
    editor = editor_on(view, "I5", "haemoglobin")
    assert not editor.input.isEnabled()
    assert view.current_page().note.isReadOnly()

    def reason(dialog):
        qtbot.keyClicks(dialog.reason, "haemoglobin was transcribed wrongly")
        qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)

    when_modal(reason)
    qtbot.mouseClick(view.correct_button, Qt.MouseButton.LeftButton)
    corrected = window.view
    assert corrected is not view and not corrected.lock_banner.isVisible()
    assert corrected.session.screening.version == 2
    assert "corrects an earlier version: haemoglobin was transcribed wrongly" in corrected.subject.text()
    assert window.site.screening(screening_id).status is ScreeningStatus.SUPERSEDED


def test_recording_a_screen_failure(qtbot, window):
    view = open_example(qtbot, window, "ineligible")

    def accept(dialog):
        assert dialog.reason.text() == "Not eligible: I5, I7, E2, E15"  # proposed from the failing criteria
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)

    when_modal(accept)
    qtbot.mouseClick(view.summary.fail_button, Qt.MouseButton.LeftButton)
    assert window.site.screening("S-002").status is ScreeningStatus.SCREEN_FAILURE
    assert "screen failure — Not eligible: I5, I7, E2, E15" in view.summary.status.text()
    assert not view.summary.fail_button.isEnabled()


def test_keyboard_navigation_and_side_list(qtbot, window):
    view = open_example(qtbot, window, "incomplete")
    view.go_to_criterion("I2")
    focus = QApplication.focusWidget()
    qtbot.keyClick(focus, Qt.Key.Key_PageDown)
    assert view.current_page().criterion.id == "I3"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert view.current_page().criterion.id == "I2"
    view.side.setFocus()
    qtbot.keyClick(view.side, Qt.Key.Key_End)
    assert view.stack.currentWidget() is view.summary
    item = view.side.item(0)
    assert item.data(Qt.ItemDataRole.AccessibleTextRole) == "I1 met"
    for page in view.pages:  # every entry has an accessible name
        for editor in page.editors:
            assert editor.focus_target().accessibleName()


def test_source_document_note_is_saved(qtbot, window):
    view = open_example(qtbot, window, "incomplete")
    view.go_to_criterion("I2")
    note = view.current_page().note
    note.setFocus()
    qtbot.keyClicks(note, "ID card seen")
    qtbot.keyClick(note, Qt.Key.Key_Tab)
    assert window.site.screening("S-003").notes == {"I2": "ID card seen"}


def test_a_refused_value_is_named_as_refused_in_the_side_list_and_the_summary(qtbot, window):
    view = open_example(qtbot, window, "incomplete")
    editor = editor_on(view, "I5", "haemoglobin")
    editor.line.setFocus()
    qtbot.keyClicks(editor.line, "850")  # g/L: not plausible, refused
    qtbot.keyClick(editor.line, Qt.Key.Key_Tab)
    assert "haemoglobin" not in window.site.screening("S-003").answers
    tooltip = view.side.item(4).toolTip()  # I5's reason, not "missing: Haemoglobin"
    assert "850 g/L was refused" in tooltip and "missing: Haemoglobin" not in tooltip
    view.side.setCurrentRow(len(view.pages))
    assert "refused" in view.summary.links["I5"].text()
