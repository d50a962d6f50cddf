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
