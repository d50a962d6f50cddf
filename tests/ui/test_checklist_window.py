"""The checklist from the screening window (View menu, Ctrl+T), and Undo across it: the answers it
saves are the sitting's changes, shown on the criterion pages and taken back by Ctrl+Z in the window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import create, editor_on, when_modal
from trialdesk.ui.checklist_view import ChecklistDialog

CTRL = Qt.KeyboardModifier.ControlModifier


def test_ctrl_t_opens_the_checklist_whose_answers_the_pages_show_and_ctrl_z_takes_back(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_T, CTRL)  # on the log: no screening, no checklist
    assert QApplication.activeModalWidget() is None
    window.open_screening(create(window, "incomplete"))
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    view = window.view
    assert window.checklist_action in window.view_menu.actions() and window.checklist_action.text() == "Yes/no &checklist…"
    editor = editor_on(view, "E5", "tuberculosis")  # asked by E5 alone, not answered in the example
    assert editor.raw() is None
    seen = []

    def answer(dialog):
        seen.append(dialog.windowTitle())
        dialog.go_to(next(r for r, (_, f) in enumerate(dialog.model.rows) if f == "tuberculosis"))
        qtbot.keyClick(dialog.table, Qt.Key.Key_N)
        qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)

    when_modal(answer, ChecklistDialog)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_T, CTRL)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert seen == ["Checklist of yes/no criteria — S-003 (LXY)"]
    assert window.site.screening("S-003").answers["tuberculosis"] == "no"
    assert editor.raw() == "no" and view.current_page().verdict.title.text() == "E5 does not apply"
    assert view.undo_action.isEnabled() and view.undo_action.text() == "&Undo: Acute or chronic tuberculosis infection"
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL)
    assert "tuberculosis" not in window.site.screening("S-003").answers and editor.raw() is None
    last = window.site.history(view.session.screening.id)[-1]
    assert (last.target, last.old_value, last.new_value) == ("tuberculosis", "no", None)
    assert last.reason.startswith("Undo: undoes the change of ")


def test_the_checklist_of_someone_who_may_not_change_the_screening_changes_nothing(qtbot, make_window, site_people):
    window = make_window(site_people.admin)  # the site administrator enters no data: read-only, with the reason
    coordinator = window.site.sign_in(site_people.coordinator.name, site_people.coordinator.password)
    window.open_screening(create(window, "incomplete", desk=coordinator))
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert window.view.read_only
    before = len(window.site.history(window.view.session.screening.id))
    checked = []

    def look(dialog):
        checked.append((dialog.read_only, dialog.banner.isVisible(), dialog.undo_button.isEnabled()))
        qtbot.keyClick(dialog.table, Qt.Key.Key_Y)
        checked.append(dialog.status.text())
        dialog.reject()

    when_modal(look, ChecklistDialog)
    window.checklist_action.trigger()
    assert checked[0] == (True, True, False) and checked[1].startswith("Read only:")
    assert len(window.site.history(window.view.session.screening.id)) == before
