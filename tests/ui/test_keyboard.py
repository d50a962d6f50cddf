"""The criterion walk from the keyboard: the next open criterion (Ctrl+J), the side list, and Undo (Ctrl+Z)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import create, editor_on
from trialdesk.domain.verdict import Effect

CTRL = Qt.KeyboardModifier.ControlModifier


def opened(qtbot, window, name: str):
    window.open_screening(create(window, name))
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window.view


def key(qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def test_ctrl_j_goes_to_each_open_criterion_in_turn_then_to_the_summary(qtbot, window, coordinator):
    view = opened(qtbot, window, "incomplete")
    still_open = [r.criterion_id for r in view.session.report.results if r.effect is Effect.OPEN]
    assert len(still_open) >= 3 and view.current_page().criterion.id == still_open[0]
    for criterion_id in [*still_open[1:], still_open[0]]:  # on, and round again from the first
        key(qtbot, Qt.Key.Key_J, CTRL)
        assert view.current_page().criterion.id == criterion_id
        assert view.current_page().isAncestorOf(QApplication.focusWidget())  # the keyboard is in the page
    view.go_to_criterion("I5")
    coordinator.enter(editor_on(view, "I5", "haemoglobin"), {"value": 85, "unit": "g/L"})
    coordinator.enter(editor_on(view, "I5", "ild_on_hrct"), "no")
    assert view.session.report.result("I5").effect is Effect.PASSES
    ids = [page.criterion.id for page in view.pages]
    now_open = [r.criterion_id for r in view.session.report.results if r.effect is Effect.OPEN]
    key(qtbot, Qt.Key.Key_J, CTRL)  # from I5, decided now, to the next still open
    assert view.current_page().criterion.id == next(c for c in now_open if ids.index(c) > ids.index("I5"))


def test_ctrl_j_with_nothing_open_goes_to_the_summary(qtbot, window):
    view = opened(qtbot, window, "eligible")
    view.go_to_criterion("I3")
    key(qtbot, Qt.Key.Key_J, CTRL)
    assert view.stack.currentWidget() is view.summary
    assert QApplication.focusWidget() is view.summary.complete_button  # what is left to do here


def test_the_side_list_browses_from_the_keyboard_and_return_enters_the_page(qtbot, window):
    view = opened(qtbot, window, "incomplete")
    key(qtbot, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)  # Cr&iteria
    assert QApplication.focusWidget() is view.side
    row = view.side.currentRow()
    for _ in range(2):
        key(qtbot, Qt.Key.Key_Down)
    assert view.side.currentRow() == row + 2 and view.stack.currentIndex() == row + 2
    assert QApplication.focusWidget() is view.side  # browsing: the keyboard stays in the list
    key(qtbot, Qt.Key.Key_Return)
    page = view.current_page()
    assert QApplication.focusWidget() is page.first_empty_input()
    view.side.setFocus()
    key(qtbot, Qt.Key.Key_End)
    assert view.stack.currentWidget() is view.summary and QApplication.focusWidget() is view.side


def test_ctrl_z_takes_back_the_last_change_of_this_sitting_and_says_so(qtbot, window):
    view = opened(qtbot, window, "incomplete")
    assert not view.undo_action.isEnabled()  # nothing entered yet in this sitting
    editor = editor_on(view, "I5", "haemoglobin")
    editor.line.setFocus()
    qtbot.keyClicks(editor.line, "85")
    key(qtbot, Qt.Key.Key_Tab)  # saved
    assert window.site.screening("S-003").answers["haemoglobin"] == {"value": 85, "unit": "g/L"}
    assert view.undo_action.isEnabled() and view.undo_action.text() == "&Undo: Haemoglobin"
    assert window.edit_menu.actions() == [view.undo_action]
    assert QApplication.focusWidget() is not editor.line
    key(qtbot, Qt.Key.Key_Z, CTRL)
    assert "haemoglobin" not in window.site.screening("S-003").answers
    assert editor.line.text() == "" and QApplication.focusWidget() is editor.line
    assert window.statusBar().currentMessage() == "Undone: Haemoglobin is not entered again"
    assert view.current_page().verdict.title.text() == "I5 not decided yet"
    assert not view.undo_action.isEnabled()
    last = window.site.history(view.session.screening.id)[-1]
    assert (last.target, last.old_value, last.new_value) == ("haemoglobin", {"value": 85, "unit": "g/L"}, None)
    assert "undo" in last.reason.lower()


def test_ctrl_z_while_typing_undoes_the_typing_only(qtbot, window):
    view = opened(qtbot, window, "incomplete")
    before = len(window.site.history(view.session.screening.id))
    editor = editor_on(view, "I5", "haemoglobin")
    editor.line.setFocus()
    qtbot.keyClicks(editor.line, "8")
    key(qtbot, Qt.Key.Key_Z, CTRL)
    assert editor.line.text() == "" and "haemoglobin" not in window.site.screening("S-003").answers
    assert len(window.site.history(view.session.screening.id)) == before  # nothing saved, nothing undone
