"""The new-screening form suggests four-box initials from a Chinese name typed beside them; initials
typed by hand stay; the name is never one of the form's values, is cleared when it closes, and is
nowhere in the site's data once the screening has started."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from tests.ui.conftest import TODAY, type_text, when_modal
from tests.ui.test_new_screening_checks import form
from tests.ui.test_walk import SUBJECT, fill_new_screening
from trialdesk.ui.new_screening_dialog import NewScreeningDialog

NAME = "张三丰"


def type_name(qtbot, dialog: NewScreeningDialog, name: str) -> None:
    dialog.chinese_name.setFocus()
    dialog.chinese_name.selectAll()
    qtbot.keyClick(dialog.chinese_name, Qt.Key.Key_Backspace)
    type_text(dialog.chinese_name, name)  # as an input method commits it: the characters


def initials(dialog: NewScreeningDialog) -> str:
    return dialog._focus("initials").text()


def test_typing_a_chinese_name_suggests_the_initials(qtbot, window):
    dialog = form(qtbot, window)
    type_name(qtbot, dialog, NAME)
    assert initials(dialog) == "ZSFE"
    type_name(qtbot, dialog, "曾国藩")  # the surname read as a surname: zēng
    assert initials(dialog) == "ZGFA"
    type_name(qtbot, dialog, "Zhang")  # not a Chinese name: no suggestion, nothing left of the last one
    assert initials(dialog) == ""
    assert "not kept" in dialog.chinese_name.toolTip()
    assert dialog.chinese_name.accessibleName() == "Chinese name (not stored)"


def test_the_suggestion_is_checked_like_initials_typed(qtbot, window):
    dialog = form(qtbot, window)
    fill_new_screening(qtbot, dialog, {k: v for k, v in SUBJECT.items() if k != "initials"})
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # no initials yet
    type_name(qtbot, dialog, NAME)
    assert ok.isEnabled() and dialog.values()["initials"] == "ZSFE"


def test_initials_typed_by_hand_are_kept_when_the_name_changes(qtbot, window):
    dialog = form(qtbot, window)
    type_name(qtbot, dialog, NAME)
    fill_new_screening(qtbot, dialog, {"initials": "ZHSF"})  # the person corrects the suggestion
    type_name(qtbot, dialog, "欧阳小明")
    assert initials(dialog) == "ZHSF"
    dialog._focus("initials").setFocus()  # emptied by hand: suggestions come back
    dialog._focus("initials").selectAll()
    qtbot.keyClick(dialog._focus("initials"), Qt.Key.Key_Backspace)
    type_name(qtbot, dialog, "欧阳小明")
    assert initials(dialog) == "OYXM"


def test_the_name_is_no_value_of_the_form_and_is_cleared_when_it_closes(qtbot, window):
    dialog = form(qtbot, window)
    fill_new_screening(qtbot, dialog, {k: v for k, v in SUBJECT.items() if k != "initials"})
    type_name(qtbot, dialog, NAME)
    values = dialog.values()
    assert "chinese_name" not in values and set(values) == set(SUBJECT) | {"screening_date"}
    assert all(NAME not in str(value) and "张" not in str(value) for value in values.values())
    dialog.reject()
    assert dialog.chinese_name.text() == ""
    dialog.chinese_name.undo()  # nor can it be brought back
    assert dialog.chinese_name.text() == ""


def test_a_screening_started_with_a_suggestion_keeps_nothing_of_the_name(qtbot, window, site_dir):
    def fill(dialog):
        fill_new_screening(qtbot, dialog, {k: v for k, v in SUBJECT.items() if k != "initials"})
        type_name(qtbot, dialog, NAME)
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton,
                         pos=QPoint(5, 5))

    when_modal(fill, NewScreeningDialog)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    qtbot.waitUntil(lambda: window.view is not None)
    screening = window.site.screening("S-001")
    assert screening.subject.initials == "ZSFE"
    trail = " ".join(repr(event) for event in window.site.history(screening.id))
    assert "ZSFE" in trail and NAME not in trail
    for stored in site_dir.rglob("*"):  # the database, its write-ahead log, the settings
        if stored.is_file():
            data = stored.read_bytes()
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                assert NAME.encode(encoding) not in data, stored


def test_initials_of_a_chinese_name_not_in_the_four_box_form_are_said_and_accepted(qtbot, window):
    dialog = form(qtbot, window)
    fill_new_screening(qtbot, dialog, {**SUBJECT, "initials": "ZSF"})
    note = dialog.problems["initials"]
    assert not note.isVisibleTo(dialog)  # no Chinese name typed: initials of any form
    type_name(qtbot, dialog, NAME)
    assert initials(dialog) == "ZSF" and "four-box" in note.text() and note.isVisibleTo(dialog)
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()  # said, not refused
    fill_new_screening(qtbot, dialog, {"initials": "ZSFE"})
    assert not note.isVisibleTo(dialog)
