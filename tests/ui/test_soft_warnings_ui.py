"""In the window: a fact not asked has its editor disabled with its condition beside it; an unusual
value is said while typing and saved only once confirmed in a dialog, keyboard first."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.conftest import COORDINATOR, PASSWORD
from tests.ui.conftest import editor, page_of, when_modal
from trialdesk.messages import Messages
from trialdesk.ui.confirm_dialog import ConfirmValueDialog
from trialdesk.ui.qt_session import QtScreeningSession
from trialdesk.ui.screening_view import ScreeningView

PROTOCOL_FILE = Path(__file__).parents[1] / "data" / "asked_if.yaml"
SUBJECT = {"screening_number": "W-001", "initials": "ZL", "date_of_birth": "1980-05-01", "sex": "female",
           "screening_date": "2026-11-20", "consent_date": "2026-11-18", "consent_version": "v1"}


@pytest.fixture
def site(open_site):
    site = open_site()
    site.add_protocol_file(PROTOCOL_FILE)
    return site


@pytest.fixture
def make_view(qtbot, site):
    def make(answers=None, **subject) -> ScreeningView:
        desk = site.sign_in(COORDINATOR, PASSWORD)
        protocol = site.protocol("ENTRY-TEST")
        session = desk.start_screening(protocol, {**SUBJECT, **subject}, answers)
        view = ScreeningView(QtScreeningSession(session), Messages(protocol), desk)
        qtbot.addWidget(view)
        view.resize(1366, 768)
        view.show()
        qtbot.waitExposed(view)
        view.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is view)  # the keyboard goes to it
        return view
    return make


def stored(site, fact_id: str):
    return site.screening("W-001").answers.get(fact_id)


# -- facts not asked -----------------------------------------------------------------------------------


def test_a_man_sees_pregnancy_disabled_with_the_condition_beside_it(make_view):
    view = make_view(sex="male")
    page = page_of(view, "E1")
    pregnant = editor(page, "pregnant")
    assert not pregnant.input.isEnabled() and editor(page, "sex").input.isEnabled()
    note = page.asked_notes["pregnant"]
    assert note.isVisible() and note.text() == "Asked only when Sex is Female"
    assert page.first_input() is editor(page, "sex")  # the keyboard starts on what is asked
    page = page_of(view, "E2")
    assert "Breast-feeding: not asked (asked only when Sex is Female)" in page.verdict.reason.text()


def test_choosing_the_sex_turns_the_questions_on_and_off_as_it_is_chosen(qtbot, make_view, coordinator, site):
    view = make_view()
    page = page_of(view, "E1")
    pregnant, note = editor(page, "pregnant"), page.asked_notes["pregnant"]
    assert pregnant.input.isEnabled() and not note.isVisible()
    coordinator.enter(editor(page, "sex"), "male")
    qtbot.waitUntil(lambda: stored(site, "sex") == "male")
    assert not pregnant.input.isEnabled() and note.isVisible()
    assert not editor(page_of(view, "E2"), "breast_feeding").input.isEnabled()  # on every page that asks it
    coordinator.enter(editor(page_of(view, "E1"), "sex"), "female")
    qtbot.waitUntil(lambda: stored(site, "sex") == "female")
    assert pregnant.input.isEnabled() and not note.isVisible()


def test_a_sex_corrected_after_pregnancy_was_answered_goes_through_and_the_answer_is_not_asked(
        qtbot, make_view, coordinator, site):
    view = make_view({"pregnant": "no"})
    page = page_of(view, "E1")
    sex = editor(page, "sex")
    coordinator.enter(sex, "male")
    qtbot.waitUntil(lambda: stored(site, "sex") == "male")
    assert not sex.problem.isVisible()
    qtbot.waitUntil(lambda: not page.asked_notes["pregnant"].isHidden())
    assert page.asked_notes["pregnant"].text() == "Asked only when Sex is Female"


# -- unusual values --------------------------------------------------------------------------------------


def test_an_unusual_value_is_said_while_typing_and_never_saved_after_a_pause(qtbot, make_view, site):
    view = make_view()
    hb = editor(page_of(view, "I2"), "haemoglobin")
    hb.line.setFocus()
    qtbot.keyClicks(hb.line, "200")
    assert hb.problem.isVisible() and hb.problem.text() == (
        "Unusual, to be confirmed when you leave the field: 200 g/L is outside the usual range 50–180 g/L")
    qtbot.wait(1200)  # longer than the pause after which an entry is saved
    assert stored(site, "haemoglobin") is None and QApplication.activeModalWidget() is None
    hb.line.selectAll()
    qtbot.keyClicks(hb.line, "150")  # back inside the usual range: saved after the pause
    qtbot.waitUntil(lambda: stored(site, "haemoglobin") == {"value": 150, "unit": "g/L"}, timeout=3000)
    assert not hb.problem.isVisible()


def test_changing_the_value_keeps_nothing_and_returns_to_the_field(qtbot, make_view, site):
    view = make_view()
    hb = editor(page_of(view, "I2"), "haemoglobin")
    seen = {}

    def change_the_value(dialog):
        seen.update(text=dialog.warnings.text(), focus=dialog.focusWidget() is dialog.change,
                    title=dialog.windowTitle())
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)  # Enter: the default, Change the value

    when_modal(change_the_value, ConfirmValueDialog)
    hb.line.setFocus()
    qtbot.keyClicks(hb.line, "200")
    qtbot.keyClick(hb.line, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == {"text": "• 200 g/L is outside the usual range 50–180 g/L", "focus": True,
                    "title": "Confirm an unusual value"}
    qtbot.waitUntil(lambda: hb.line.hasFocus())
    assert stored(site, "haemoglobin") is None and hb.line.text() == ""
    assert hb.problem.text() == "Not saved, not confirmed: 200 g/L is outside the usual range 50–180 g/L"


def test_confirming_saves_the_value_and_the_audit_trail_says_who_confirmed_what(qtbot, make_view, site):
    view = make_view()
    hb = editor(page_of(view, "I2"), "haemoglobin")

    def confirm(dialog):
        qtbot.waitUntil(dialog.isActiveWindow)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)  # &Confirm

    when_modal(confirm, ConfirmValueDialog)
    hb.line.setFocus()
    qtbot.keyClicks(hb.line, "200")
    qtbot.keyClick(hb.line, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: stored(site, "haemoglobin") == {"value": 200, "unit": "g/L"})
    last = site.history(site.screening("W-001").id)[-1]
    assert (last.action, last.actor, last.target) == ("warning_confirmed", COORDINATOR, "haemoglobin")
    assert last.reason == "Haemoglobin (haemoglobin): 200 g/L is outside the usual range 50–180 g/L"
    assert not hb.problem.isVisible()
    assert page_of(view, "I2").verdict.title.text() == "I2 met"


def test_unusual_answers_together_are_confirmed_with_the_click_that_makes_them(qtbot, make_view, coordinator, site):
    view = make_view({"hbv": "positive"})
    infection = editor(page_of(view, "E3"), "hbv_infection")
    seen = []

    def confirm(dialog):
        seen.append(dialog.warnings.text())
        dialog.confirm.click()

    when_modal(confirm, ConfirmValueDialog)
    coordinator.enter(infection, "no")
    qtbot.waitUntil(lambda: stored(site, "hbv_infection") == "no")
    assert "HBsAg is positive but the investigator concludes no hepatitis B infection" in seen[0]
    assert site.history(site.screening("W-001").id)[-1].action == "warning_confirmed"
