"""Whose work it is: every entry under the person signed in; the window locks after a time
without use; the same person unlocks, or someone else signs in and the first one's work is
saved and closed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import Coordinator, create, when_modal
from trialdesk.ui.lock_dialog import LockDialog
from trialdesk.ui.sign_in_dialog import SignInDialog


def haemoglobin(view):
    view.go_to_criterion("I5")
    return next(e for e in view.current_page().editors if e.fact.id == "haemoglobin")


def answers_to(window, screening_id: int, fact_id: str):
    return [e for e in window.site.history(screening_id) if e.action == "answer" and e.target == fact_id]


@pytest.mark.parametrize("user", ["coordinator", "sub_i"], indirect=True)
def test_an_entry_typed_in_the_window_is_recorded_under_the_person_signed_in(qtbot, window, user):
    screening_id = create(window, "incomplete")
    window.open_screening(screening_id)
    editor = haemoglobin(window.view)
    editor.line.setFocus()
    qtbot.keyClicks(editor.line, "85")
    qtbot.keyClick(editor.line, Qt.Key.Key_Tab)
    (entry,) = answers_to(window, screening_id, "haemoglobin")
    assert (entry.actor, entry.new_value) == (user.name, {"value": 85, "unit": "g/L"})
    created = next(e for e in window.site.history(screening_id) if e.action == "create")
    assert created.actor == user.name


def test_the_window_locks_after_a_time_without_use_and_the_same_person_unlocks(qtbot, make_window, site_people):
    window = make_window(lock_after_minutes=0.01)  # 0.6 s without a key or a click
    window.open_screening(create(window, "incomplete"))
    view = window.view
    qtbot.waitUntil(lambda: window.lock_dialog is not None, timeout=5000)
    dialog = window.lock_dialog
    assert dialog.heading.text() == "Locked: Chen Hua (Study coordinator) is signed in"
    assert window.stack.currentWidget() is window.locked_page and "S-003" not in window.windowTitle()
    assert QApplication.activeModalWidget() is dialog
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Escape)  # Escape does not unlock
    assert window.lock_dialog is dialog and dialog.isVisible()
    qtbot.keyClicks(dialog.password, "not my password")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.busy)
    assert dialog.problem_beside(dialog.password) == "the name or the password is wrong"
    assert window.lock_dialog is dialog
    qtbot.keyClicks(dialog.password, site_people.coordinator.password)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.lock_dialog is None)
    assert window.view is view and window.stack.currentWidget() is view and "S-003" in window.windowTitle()
    assert window.desk.person.name == "Chen Hua"
    unlocks = [(e.actor, e.action) for e in window.site.history() if e.target == "unlock"]
    assert unlocks == [("Chen Hua", "sign_in_failed"), ("Chen Hua", "sign_in")]  # failures count toward the lock


def test_a_key_press_or_a_click_anywhere_starts_the_count_again(qtbot, window):
    idle = window.idle.timer
    assert idle.isActive() and idle.isSingleShot() and idle.interval() == 15 * 60_000  # the default: 15 minutes
    window.open_screening(create(window, "incomplete"))
    editor = haemoglobin(window.view)
    editor.line.setFocus()
    idle.stop()
    qtbot.keyClick(editor.line, Qt.Key.Key_8)
    assert idle.isActive()
    idle.stop()
    qtbot.mouseClick(window.view.side.viewport(), Qt.MouseButton.LeftButton)
    assert idle.isActive()
    window.idle.pause()  # as while locked: keys typed into the lock dialog do not count
    qtbot.keyClick(editor.line, Qt.Key.Key_5)
    assert not idle.isActive()


def test_someone_else_signs_in_at_the_lock_and_the_first_persons_work_is_saved_and_closed(qtbot, window, site_people):
    screening_id = create(window, "incomplete")
    window.open_screening(screening_id)
    qtbot.waitUntil(window.isActiveWindow)
    view = window.view
    editor = haemoglobin(view)
    editor.line.setFocus()
    qtbot.keyClicks(editor.line, "85")  # saved after a pause in typing: not yet
    assert answers_to(window, screening_id, "haemoglobin") == []

    def someone_else(dialog):
        qtbot.mouseClick(dialog.someone_else_button, Qt.MouseButton.LeftButton)

    def sign_in_as_the_pi(dialog):
        qtbot.waitUntil(dialog.isActiveWindow)
        Coordinator(qtbot).choose(dialog.name, "Wang Li")
        qtbot.keyClick(dialog.name, Qt.Key.Key_Tab)
        qtbot.keyClicks(dialog.password, site_people.pi.password)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)

    when_modal(someone_else, LockDialog)
    when_modal(sign_in_as_the_pi, SignInDialog)
    qtbot.keyClick(editor.line, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.locked
    (entry,) = answers_to(window, screening_id, "haemoglobin")  # saved as the window locked
    assert entry.actor == "Chen Hua"
    qtbot.waitUntil(lambda: window.desk.person.name == "Wang Li")
    assert not window.locked and window.view is None and window.stack.indexOf(view) == -1
    assert window.stack.currentWidget() is window.log
    assert window.signed_in.text() == "Signed in as Wang Li (Principal investigator)"
    window.open_screening(screening_id)
    assert window.view.session.actor == "Wang Li"
    assert window.view.session.answer("haemoglobin") == {"value": 85, "unit": "g/L"}


def test_quitting_at_the_lock_closes_the_window(qtbot, window):
    window.open_screening(create(window, "incomplete"))
    when_modal(lambda dialog: qtbot.mouseClick(dialog.quit_button, Qt.MouseButton.LeftButton), LockDialog)
    window.lock_action.trigger()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert window.lock_dialog is None and window.view is None


def test_a_dialog_left_open_is_cancelled_when_the_window_locks(qtbot, window, site_people):
    from trialdesk.ui.dialogs import ReasonDialog

    screening_id = create(window, "eligible")
    window.open_screening(screening_id)
    editor = haemoglobin(window.view)
    seen = {}

    def walk_away(dialog):  # the reason for a change is asked, and nobody answers before the lock
        seen["asked"] = dialog.windowTitle()
        window.lock()

    def unlock(dialog):
        qtbot.waitUntil(dialog.isActiveWindow)
        seen["reason open"] = any(isinstance(w, ReasonDialog) and w.isVisible() for w in QApplication.topLevelWidgets())
        qtbot.keyClicks(dialog.password, site_people.coordinator.password)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)

    when_modal(walk_away, ReasonDialog)
    when_modal(unlock, LockDialog)
    editor.line.setFocus()
    editor.line.selectAll()
    qtbot.keyClicks(editor.line, "84")
    qtbot.keyClick(editor.line, Qt.Key.Key_Tab)  # the imported 85 was entered earlier: a reason is asked
    qtbot.waitUntil(lambda: "reason open" in seen and not window.locked)
    assert seen == {"asked": "Reason for change", "reason open": False}
    assert editor.line.text() == "85" and window.site.screening(screening_id).answers["haemoglobin"]["value"] == 85
    assert answers_to(window, screening_id, "haemoglobin") == []  # the unconfirmed change was not saved
