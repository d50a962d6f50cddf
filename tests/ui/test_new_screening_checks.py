"""The new-screening form: an unusual date of birth, screening or consent date said beside its field as
it is typed, then confirmed (and audited) when the screening starts; the form fits a laptop screen."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from tests.ui.conftest import TODAY, when_modal
from tests.ui.test_walk import SUBJECT, fill_new_screening
from trialdesk.ui.confirm_dialog import ConfirmValueDialog
from trialdesk.ui.new_screening_dialog import NewScreeningDialog


def form(qtbot, window) -> NewScreeningDialog:
    dialog = NewScreeningDialog(window.protocol("NCT03798028"), window.site.log, "", window.words, TODAY, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def ok(dialog: NewScreeningDialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_an_unusual_date_is_said_beside_its_field_and_refuses_nothing(qtbot, window):
    dialog = form(qtbot, window)
    fill_new_screening(qtbot, dialog, {**SUBJECT, "date_of_birth": "1920-05-01"})
    assert dialog.problems["date_of_birth"].text() == (
        "Unusual, to be confirmed when the screening starts: 1920-05-01 gives an age of 106 at the screening date, "
        "over 100: check the year")
    assert dialog._focus("date_of_birth").property("invalid") is not True and ok(dialog).isEnabled()
    assert dialog._focus("date_of_birth").accessibleDescription() == dialog.problems["date_of_birth"].text()
    fill_new_screening(qtbot, dialog, {"date_of_birth": "1972-03-15", "screening_date": "2026-11-23"})
    assert not dialog.problems["date_of_birth"].isVisible()
    assert dialog.problems["screening_date"].text().endswith("2026-11-23 is after today (2026-11-20): this date has "
                                                             "not come yet")
    fill_new_screening(qtbot, dialog, {"screening_date": "2026-11-20", "consent_date": "2025-11-01"})
    assert "a year or more" in dialog.problems["consent_date"].text() and ok(dialog).isEnabled()
    fill_new_screening(qtbot, dialog, {"consent_date": "2026-11-21"})  # the hard limit still refuses
    assert "after the screening date" in dialog.problems["consent_date"].text() and not ok(dialog).isEnabled()


def start_with(qtbot, window, values, answer):
    def fill(dialog):
        fill_new_screening(qtbot, dialog, values)
        qtbot.mouseClick(ok(dialog), Qt.MouseButton.LeftButton)

    when_modal(fill, NewScreeningDialog)
    when_modal(answer, ConfirmValueDialog)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)


def test_the_window_asks_to_confirm_the_unusual_date_and_the_trail_keeps_the_confirmation(qtbot, window):
    asked = []

    def confirm(dialog):
        asked.append(dialog.warnings.text())
        qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))

    start_with(qtbot, window, {**SUBJECT, "date_of_birth": "1920-05-01"}, confirm)
    assert asked and "gives an age of 106" in asked[0]
    qtbot.waitUntil(lambda: window.view is not None)
    screening = window.site.screening("S-001")
    confirmed = [e for e in window.site.history(screening.id) if e.action == "warning_confirmed"]
    assert [(e.target, e.new_value["warning"], e.actor) for e in confirmed] == [
        ("date_of_birth", "age_over_usual", window.desk.person.name)]


def test_changing_the_unusual_date_starts_nothing_and_gives_the_form_back_as_typed(qtbot, window):
    back = {}

    def fill(dialog):
        fill_new_screening(qtbot, dialog, {**SUBJECT, "screening_date": "2026-12-20"})
        qtbot.mouseClick(ok(dialog), Qt.MouseButton.LeftButton)

    def change(dialog):
        when_modal(correct, NewScreeningDialog)  # the form comes back
        dialog.change.click()

    def correct(dialog):
        back.update(dialog.values())
        assert window.site.log.number_taken("NCT03798028", "", "S-001") is False  # nothing started meanwhile
        fill_new_screening(qtbot, dialog, {"screening_date": "2026-11-20"})
        qtbot.mouseClick(ok(dialog), Qt.MouseButton.LeftButton)

    when_modal(fill, NewScreeningDialog)
    when_modal(change, ConfirmValueDialog)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.view is not None)
    assert {key: back[key] for key in SUBJECT if key != "sex"} == {k: v for k, v in SUBJECT.items() if k != "sex"}
    assert back["sex"] == "female" and back["screening_date"] == "2026-12-20"  # everything typed, as typed
    screening = window.site.screening("S-001")
    assert str(screening.subject.screening_date) == "2026-11-20"
    assert not [e for e in window.site.history(screening.id) if e.action == "warning_confirmed"]


def test_the_form_fits_the_screen_and_its_buttons_are_on_it(qtbot, window):
    dialog = form(qtbot, window)
    fill_new_screening(qtbot, dialog, {**SUBJECT, "date_of_birth": "1920-05-01", "screening_date": "2027-01-01",
                                       "consent_date": "2025-01-01"})  # three explanations, all at once
    available = dialog.screen().availableGeometry()  # offscreen: 800 × 800, smaller than 1366 × 768's height
    frame = dialog.frameGeometry()
    assert frame.width() <= available.width() and frame.height() <= available.height()
    button = ok(dialog)
    assert dialog.rect().contains(QRect(button.mapTo(dialog, QPoint(0, 0)), button.size()))  # never scrolled away
    assert dialog.scroll.widget() is dialog.body and dialog.scroll.accessibleName()
    for field in ("date_of_birth", "screening_date", "consent_date"):
        assert dialog.problems[field].isVisible()


def test_the_form_suggests_the_next_number_of_the_sites_pattern(qtbot, window):
    from tests.conftest import PASSWORD, PI
    from trialdesk.domain.screening_numbers import PATTERN_SETTING

    window.site.sign_in(PI, PASSWORD).set_site_setting(PATTERN_SETTING, "S-{seq:03}")
    shown = []

    def look(dialog):
        shown.append(dialog._focus("screening_number").text())
        dialog.reject()

    when_modal(look, NewScreeningDialog)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert shown == ["S-001"]  # editable: a suggestion, checked again when the screening starts
