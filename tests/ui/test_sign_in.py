"""Opening the window: the first administrator at a new site, signing in by keyboard, wrong
passwords, the account lock, and what a person without delegation sees."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from tests.ui.conftest import Coordinator, create, type_text, when_modal
from trialdesk.desk import Site
from trialdesk.domain.people import Role
from trialdesk.messages import Messages
from trialdesk.settings import AppSettings
from trialdesk.ui import app as app_module
from trialdesk.ui.first_run_dialog import FirstRunDialog
from trialdesk.ui.main_window import MainWindow
from trialdesk.ui.password_dialog import ChoosePasswordDialog
from trialdesk.ui.sign_in_dialog import SignInDialog


def press_enter(qtbot, dialog, field) -> None:
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.busy)


def test_the_first_run_creates_the_site_administrator_with_the_password_typed_twice(qtbot, _own_data_dir, clock):
    seen = {}

    def create_administrator(dialog):
        dialog.name.setFocus()
        type_text(dialog.name, "李华")  # a Chinese full name, as an input method types it
        for field, text in ((dialog.password, "correct horse battery"), (dialog.again, "correct horse batter")):
            field.setFocus()
            qtbot.keyClicks(field, text)
        qtbot.keyClick(dialog.again, Qt.Key.Key_Return)
        seen["differ"] = dialog.problem_beside(dialog.again)
        for field in (dialog.password, dialog.again):
            qtbot.keyClicks(field, "short")
        press_enter(qtbot, dialog, dialog.again)
        seen["short"] = dialog.problem_beside(dialog.password)
        for field in (dialog.password, dialog.again):
            qtbot.keyClicks(field, "correct horse battery")
        press_enter(qtbot, dialog, dialog.again)

    with Site(AppSettings(data_dir=_own_data_dir), clock=clock) as site:
        assert site.needs_first_administrator()
        when_modal(create_administrator, FirstRunDialog)
        desk = app_module.sign_in(site, Messages())
        assert seen["differ"] == "the two entries differ: nothing was changed"
        assert seen["short"] == "the password must have at least 10 characters"
        assert (desk.person.name, desk.person.role) == ("李华", Role.SITE_ADMINISTRATOR)
        assert [account.name for account in site.accounts()] == ["李华"]
        assert site.sign_in("李华", "correct horse battery").person.id == desk.person.id
        window = MainWindow(site, desk)
        qtbot.addWidget(window)
        assert window.signed_in.text() == "Signed in as 李华 (Site administrator)"
        window.close()


def test_signing_in_by_keyboard_opens_the_window_as_that_person(qtbot, open_site, site_people):
    site = open_site()

    def sign_in(dialog):
        qtbot.waitUntil(dialog.isActiveWindow)  # the dialog asks for the keyboard itself
        assert dialog.name.currentIndex() == -1 and QApplication.focusWidget() is dialog.name  # nobody is chosen
        Coordinator(qtbot).choose(dialog.name, "Chen Hua")  # arrow keys
        qtbot.keyClick(dialog.name, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is dialog.password
        qtbot.keyClicks(dialog.password, site_people.coordinator.password)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)

    when_modal(sign_in, SignInDialog)
    window = app_module.start(site)
    qtbot.addWidget(window)
    assert window is not None and window.isVisible()
    assert window.signed_in.text() == "Signed in as Chen Hua (Study coordinator)"
    assert window.desk.person.name == "Chen Hua"
    last = site.history()[-1]
    assert (last.actor, last.action, last.target) == ("Chen Hua", "sign_in", "sign_in")
    window.close()


def test_a_wrong_password_is_shown_beside_the_field_and_opens_no_window(qtbot, open_site, site_people):
    site = open_site()
    seen = {}

    def wrong(dialog):
        Coordinator(qtbot).choose(dialog.name, "Wang Li")
        dialog.password.setFocus()
        qtbot.keyClicks(dialog.password, "not my password")
        press_enter(qtbot, dialog, dialog.password)
        seen["problem"] = dialog.problem_beside(dialog.password)
        seen["invalid"] = dialog.password.property("invalid")
        seen["open"] = dialog.isVisible()
        dialog.reject()

    when_modal(wrong, SignInDialog)
    assert app_module.start(site) is None
    assert seen == {"problem": "the name or the password is wrong", "invalid": True, "open": True}
    assert not any(isinstance(w, MainWindow) and w.isVisible() for w in QApplication.topLevelWidgets())
    failed = site.history()[-1]
    assert (failed.actor, failed.action, failed.new_value) == ("Wang Li", "sign_in_failed", 1)


def test_five_wrong_passwords_lock_the_account_and_say_until_when(qtbot, open_site, site_people):
    site = open_site()
    seen: list[str] = []

    def five_wrong(dialog):
        Coordinator(qtbot).choose(dialog.name, "Chen Hua")
        for attempt in range(5):
            qtbot.keyClicks(dialog.password, f"wrong guess {attempt}")
            press_enter(qtbot, dialog, dialog.password)
            seen.append(dialog.problem_beside(dialog.password))
        qtbot.keyClicks(dialog.password, site_people.coordinator.password)  # right, but too late
        press_enter(qtbot, dialog, dialog.password)
        seen.append(dialog.problem_beside(dialog.password))
        dialog.reject()

    when_modal(five_wrong, SignInDialog)
    assert app_module.sign_in(site, Messages()) is None
    assert seen[:4] == ["the name or the password is wrong"] * 4
    locked = "the account of Chen Hua is locked after repeated failed sign-ins, until 2026-11-20T09:"
    assert seen[4].startswith(locked) and seen[5].startswith(locked)
    assert site.people.account("Chen Hua").locked(site.clock())


def test_a_cancelled_sign_in_exits_cleanly(qtbot, settings, monkeypatch):
    from trialdesk.ui.look import install_language

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() installs its error dialog; put it back after
    when_modal(lambda dialog: qtbot.keyClick(dialog, Qt.Key.Key_Escape), SignInDialog)
    try:
        assert app_module.run(settings) == 0
    finally:
        install_language(QApplication.instance(), "en")
    assert not any(isinstance(w, (MainWindow, QDialog)) and w.isVisible() for w in QApplication.topLevelWidgets())


@pytest.mark.parametrize("user", ["admin"], indirect=True)
def test_someone_without_data_entry_delegation_reads_a_screening_but_cannot_change_it(qtbot, window, site_people):
    coordinator = window.site.sign_in(site_people.coordinator.name, site_people.coordinator.password)
    screening_id = create(window, "incomplete", desk=coordinator)
    window.open_screening(screening_id)
    view = window.view
    assert view.lock_banner.isVisible()
    assert view.lock_banner.text() == ("You can read this screening but not change it: Ada Admin holds no delegation "
                                       "to enter data on 2026-11-20")
    view.go_to_criterion("I5")
    editor = next(e for e in view.current_page().editors if e.fact.id == "haemoglobin")
    assert not editor.input.isEnabled() and view.current_page().note.isReadOnly()
    view.side.setCurrentRow(len(view.pages))
    summary = view.summary
    assert not summary.complete_button.isEnabled() and not summary.fail_button.isEnabled()
    assert not view.correct_button.isVisible()
    seen = {}

    def read(box):
        seen["text"] = box.text()
        box.accept()

    when_modal(read)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # New screening: refused before the form
    assert seen["text"] == "Ada Admin holds no delegation to enter data on 2026-11-20"


GIVEN = "given by Ada Admin"  # the password the administrator gives a new account
OWN = "my very own password"


def added_by_the_administrator(site, site_people, name: str = "Liu Yang") -> str:
    site.sign_in(site_people.admin.name, site_people.admin.password).add_user(name, Role.COORDINATOR, GIVEN)
    return name


def sign_in_by_keys(qtbot, name: str, password: str):
    def sign_in(dialog):
        qtbot.waitUntil(dialog.isActiveWindow)
        Coordinator(qtbot).choose(dialog.name, name)
        qtbot.keyClick(dialog.name, Qt.Key.Key_Tab)
        qtbot.keyClicks(dialog.password, password)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)

    return sign_in


def test_an_account_the_administrator_added_chooses_its_own_password_at_the_first_sign_in(qtbot, open_site,
                                                                                           site_people):
    site = open_site()
    name = added_by_the_administrator(site, site_people)
    seen = {}

    def choose(dialog):
        qtbot.waitUntil(dialog.isActiveWindow)
        seen["title"] = dialog.windowTitle()
        assert QApplication.focusWidget() is dialog.password
        qtbot.keyClicks(dialog.password, "too short")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Tab)
        qtbot.keyClicks(dialog.again, "too short")
        qtbot.keyClick(dialog.again, Qt.Key.Key_Return)
        seen["short"] = dialog.problem_beside(dialog.password)
        seen["invalid"] = dialog.password.property("invalid")
        seen["focus"] = QApplication.focusWidget() is dialog.password
        qtbot.keyClicks(dialog.password, OWN)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Tab)
        qtbot.keyClicks(dialog.again, OWN + "!")
        qtbot.keyClick(dialog.again, Qt.Key.Key_Return)
        seen["differ"] = dialog.problem_beside(dialog.again)
        qtbot.keyClicks(dialog.password, OWN)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Tab)
        qtbot.keyClicks(dialog.again, OWN)
        press_enter(qtbot, dialog, dialog.again)

    when_modal(sign_in_by_keys(qtbot, name, GIVEN), SignInDialog)
    when_modal(choose, ChoosePasswordDialog)
    window = app_module.start(site)
    qtbot.addWidget(window)
    assert seen == {"title": "Choose your own password", "short": "the password must have at least 10 characters",
                    "invalid": True, "focus": True, "differ": "the two entries differ: nothing was changed"}
    assert window is not None and window.isVisible()
    assert window.signed_in.text() == "Signed in as Liu Yang (Study coordinator)"
    assert not window.desk.must_change_password and window.desk.refresh().name == name  # the desk acts again
    changed = [(e.actor, e.target) for e in site.history() if e.action == "password_changed"]
    assert changed[-1] == (name, name)
    window.close()

    def old_password(dialog):
        sign_in_by_keys(qtbot, name, GIVEN)(dialog)
        qtbot.waitUntil(lambda: not dialog.busy)
        seen["old"] = dialog.problem_beside(dialog.password)
        dialog.reject()

    when_modal(old_password, SignInDialog)
    assert app_module.sign_in(site, Messages()) is None
    assert seen["old"] == "the name or the password is wrong"
    assert site.sign_in(name, OWN).person.name == name


def test_cancelling_the_choice_of_a_password_signs_nobody_in(qtbot, open_site, site_people):
    site = open_site()
    name = added_by_the_administrator(site, site_people)
    when_modal(sign_in_by_keys(qtbot, name, GIVEN), SignInDialog)
    when_modal(lambda dialog: qtbot.keyClick(dialog.password, Qt.Key.Key_Escape), ChoosePasswordDialog)
    assert app_module.start(site) is None
    assert not any(isinstance(w, (MainWindow, QDialog)) and w.isVisible() for w in QApplication.topLevelWidgets())
    assert site.sign_in(name, GIVEN).must_change_password  # still on the given password


def test_someone_else_at_the_lock_chooses_their_own_password_or_the_window_stays_locked(qtbot, window, site_people):
    from trialdesk.ui.lock_dialog import LockDialog

    name = added_by_the_administrator(window.site, site_people)
    seen = {}

    def someone_else(dialog):
        qtbot.waitUntil(dialog.isActiveWindow)
        seen["lock"] = dialog
        qtbot.mouseClick(dialog.someone_else_button, Qt.MouseButton.LeftButton)

    def cancel(dialog):
        qtbot.waitUntil(dialog.isActiveWindow)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Escape)
        seen["cancelled"] = True

    when_modal(someone_else, LockDialog)
    when_modal(sign_in_by_keys(qtbot, name, GIVEN), SignInDialog)
    when_modal(cancel, ChoosePasswordDialog)
    window.lock_action.trigger()
    qtbot.waitUntil(lambda: "cancelled" in seen and QApplication.activeModalWidget() is seen["lock"],
                    timeout=15000)  # three dialogs in turn, each checking a password: slow on a busy machine
    assert not any(isinstance(w, (SignInDialog, ChoosePasswordDialog)) and w.isVisible()
                   for w in QApplication.topLevelWidgets())
    assert window.locked and window.lock_dialog is seen["lock"] and window.lock_dialog.isVisible()
    assert window.desk.person.name == "Chen Hua"

    def choose(dialog):
        qtbot.waitUntil(dialog.isActiveWindow)
        for field in (dialog.password, dialog.again):
            qtbot.keyClicks(field, OWN)
        press_enter(qtbot, dialog, dialog.again)

    when_modal(sign_in_by_keys(qtbot, name, GIVEN), SignInDialog)
    when_modal(choose, ChoosePasswordDialog)
    qtbot.mouseClick(window.lock_dialog.someone_else_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.desk.person.name == name)
    assert not window.locked and not window.desk.must_change_password
    assert window.signed_in.text() == "Signed in as Liu Yang (Study coordinator)"
