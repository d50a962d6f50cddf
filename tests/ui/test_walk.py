"""A coordinator's whole screening, by keyboard and mouse, as the screen shows it; and the bundled
eligible subject from Ctrl+N to the signed worksheet by keyboard alone, its keys counted."""

from __future__ import annotations

from collections import deque
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QMessageBox, QWidget

from tests.ui.conftest import TODAY, example, when_modal
from trialdesk.domain.evaluation import parse_facts
from trialdesk.domain.screening import ScreeningStatus
from trialdesk.domain.values import NEVER
from trialdesk.signoff import write_private
from trialdesk.ui import fact_editors as fe
from trialdesk.ui.complete_dialog import CompleteDialog
from trialdesk.ui.involved_joints_editor import MARKED, InvolvedJointsEditor
from trialdesk.ui.joint_picker import JointPicker, JointsEditor, grid_step
from trialdesk.ui.medication_editor import MedicationEditor
from trialdesk.ui.new_screening_dialog import NewScreeningDialog
from trialdesk.ui.sign_dialog import SignDialog

#: the most keys (other than the characters of what is typed) from Ctrl+N to the signed worksheet
MOST_KEYS = 200


def fill_new_screening(qtbot, dialog: NewScreeningDialog, values: dict[str, str]) -> None:
    for field, text in values.items():
        if field == "sex":
            button = next(b for b in dialog.sex.buttons() if b.property("value") == text)
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(5, button.height() // 2))
        else:
            line = dialog._focus(field)
            line.setFocus()
            line.selectAll()
            qtbot.keyClicks(line, text)


SUBJECT = {"screening_number": "S-001", "initials": "ZHL", "date_of_birth": "1972-03-15", "sex": "female",
           "consent_date": "2026-11-18", "consent_version": "v2.0 2026-09-01"}


def test_a_coordinator_walks_an_eligible_subject_to_eligible(qtbot, window, coordinator):
    def fill(dialog):
        fill_new_screening(qtbot, dialog, SUBJECT)
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok.isEnabled()
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    when_modal(fill)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    view = window.view
    assert view is not None and view.side.currentRow() == 0  # resumes at the first open criterion: I1

    answers = example("eligible")["facts"]
    entered = {"date_of_birth", "sex", "consent_date"}  # given in the new-screening form
    for index, page in enumerate(view.pages):
        assert view.stack.currentIndex() == index, (index, view.stack.currentIndex())
        assert page.criterion.id in view.position.text() or f"{index + 1} of 28" in view.position.text()
        for editor in page.editors:
            if editor.fact.id in entered:
                assert view.session.same_answer(editor.fact.id, editor.raw())  # a shared fact shows its answer
                continue
            coordinator.enter(editor, answers[editor.fact.id])
            entered.add(editor.fact.id)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)

    assert view.stack.currentWidget() is view.summary
    assert "ELIGIBLE" in view.summary.overall.text()
    assert view.side.item(len(view.pages)).text().endswith("eligible")
    assert not view.summary.links  # nothing open, nothing excluding
    assert window.site.screening("S-001").status is ScreeningStatus.ELIGIBLE
    stored = window.site.screening("S-001")
    protocol = view.protocol
    # every answer stored is the example's, as the domain reads them (joint order, "38" vs 38 aside)
    assert parse_facts(protocol, stored.answers, TODAY) == parse_facts(protocol, answers, TODAY)


class Keyboard:
    """Keys pressed where the keyboard is (the focus widget), counted. `keys`: every key pressed but
    the characters of text typed into a field; `typed`: those characters (the data itself: numbers,
    dates, names, passwords), which no design of the window can spare."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.keys = 0
        self.typed = 0
        self.log: list[str] = []

    @property
    def focus(self) -> QWidget:
        return QApplication.focusWidget()

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        self.keys += 1
        self.log.append(QKeySequence(modifier.value | key.value).toString())
        self.qtbot.keyClick(self.focus, key, modifier)

    def type(self, text: str) -> None:
        self.typed += len(text)
        self.log.append(repr(text))
        self.qtbot.keyClicks(self.focus, text)

    def tab_to(self, target: QWidget, most: int = 12) -> None:
        """Tab on until `target` has the keyboard."""
        for _ in range(most):
            if self.focus is target:
                return
            self.press(Qt.Key.Key_Tab)
        assert self.focus is target, (self.focus.accessibleName(), target.accessibleName())

    def choose(self, combo: QComboBox, data: Any) -> None:
        """Select the entry that stands for `data`: its first letter when that finds it, else the arrows."""
        target = combo.findData(data)
        assert target >= 0, data
        if combo.currentIndex() != target:
            letter = combo.itemText(target)[:1]
            if letter.isalpha() and next(i for i in range(combo.count()) if combo.itemText(i)[:1].lower() ==
                                         letter.lower()) == target:
                self.press(Qt.Key(ord(letter.upper())))
        while combo.currentIndex() != target:
            self.press(Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up)


ARROWS = {(1, 0): Qt.Key.Key_Right, (-1, 0): Qt.Key.Key_Left, (0, 1): Qt.Key.Key_Down, (0, -1): Qt.Key.Key_Up}


def arrows(picker: JointPicker, target: str) -> list[tuple[int, int]]:
    """The shortest run of arrows from the figure's current joint to `target`, on its grid."""
    paths: dict[str, list[tuple[int, int]]] = {picker.current_joint: []}
    queue = deque([picker.current_joint])
    while queue:
        joint = queue.popleft()
        if joint == target:
            return paths[joint]
        for step in ARROWS:
            after = grid_step(picker.joints, joint, *step)
            if after not in paths:
                paths[after] = [*paths[joint], step]
                queue.append(after)
    raise AssertionError(f"{target} cannot be reached")


def mark(keyboard: Keyboard, picker: JointPicker, marks: dict[str, str]) -> None:
    """Go to each joint of `marks` (joint -> the keys that mark it, "T", "S" or "TS"), nearest first, and mark it."""
    left = dict(marks)
    while left:
        joint = min(left, key=lambda j: len(arrows(picker, j)))
        for _ in range(3):  # a move that retraces the way it came may differ from the grid's: plan again
            for step in arrows(picker, joint):
                keyboard.press(ARROWS[step])
            if picker.current_joint == joint:
                break
        assert picker.current_joint == joint
        for letter in left.pop(joint):
            keyboard.press(Qt.Key(ord(letter)))


YES_NO_KEYS = {"yes": Qt.Key.Key_Y, "no": Qt.Key.Key_N, "unknown": Qt.Key.Key_U}


def enter(keyboard: Keyboard, editor: fe.FactEditor, raw: Any, answers: Any) -> None:
    """Enter `raw` into `editor` from the keyboard, as a practised coordinator would."""
    if isinstance(editor, fe.YesNoEditor):
        keyboard.tab_to(editor.focus_target())
        keyboard.press(YES_NO_KEYS[raw])
    elif isinstance(editor, fe.NumberEditor):
        keyboard.tab_to(editor.line)
        if editor.unit.currentData() != raw["unit"]:  # back to the unit, before the value
            keyboard.press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
            keyboard.choose(editor.unit, raw["unit"])
            keyboard.press(Qt.Key.Key_Tab)
        keyboard.type(str(raw["value"]))
        if raw.get("uln") is not None:
            keyboard.tab_to(editor.uln_line)
            keyboard.type(str(raw["uln"]))
    elif isinstance(editor, fe.CountEditor):
        keyboard.tab_to(editor.line)
        keyboard.type(str(raw))
    elif isinstance(editor, fe.DateEditor):
        if raw == NEVER:
            keyboard.tab_to(editor.field.line)
            keyboard.press(Qt.Key.Key_N)  # N in the empty date: never
            assert editor.never.isChecked()
        else:
            keyboard.tab_to(editor.field.line)
            keyboard.type(raw)
    elif isinstance(editor, fe.ChoiceEditor):
        keyboard.tab_to(editor.combo)
        keyboard.choose(editor.combo, raw)
    elif isinstance(editor, InvolvedJointsEditor):
        keyboard.tab_to(editor.field.line)
        keyboard.type(raw["date"])
        exam = answers.answer(editor.fact.copy_from) if editor.copy is not None else None
        copied = set(exam["tender"]) | set(exam["swollen"]) if exam else set()
        if copied and copied <= set(editor.joint_set) and copied == set(raw["joints"]):
            keyboard.tab_to(editor.copy)  # today's examination marks the same joints
            keyboard.press(Qt.Key.Key_Space)
        else:
            keyboard.tab_to(editor.picker)  # a joint marked marks the form "Joints marked"
            mark(keyboard, editor.picker, {j: "T" for j in raw["joints"]})
    elif isinstance(editor, JointsEditor):
        keyboard.tab_to(editor.picker)
        marks = {j: "T" for j in raw["tender"]}
        for joint in raw["swollen"]:
            marks[joint] = marks.get(joint, "") + "S"
        mark(keyboard, editor.picker, marks)
    elif isinstance(editor, MedicationEditor):
        for entry in raw:
            keyboard.tab_to(editor.add)
            keyboard.press(Qt.Key.Key_Space)  # a new line, the keyboard on its drug
            row = editor.rows[-1]
            for name in editor.COLUMNS:
                value = entry.get(name)
                if value is None:
                    continue
                if name in row.combos:
                    keyboard.tab_to(row.combos[name])
                    keyboard.choose(row.combos[name], value)
                else:
                    keyboard.tab_to(row.lines[name] if name in row.lines else row.dates[name].line)
                    keyboard.type(str(value))
    else:  # pragma: no cover
        raise AssertionError(f"no way to enter {type(editor).__name__} by keyboard")


@pytest.mark.parametrize("user", ["pi"], indirect=True)  # an investigator enters, completes and signs
def test_the_eligible_subject_by_keyboard_alone_from_ctrl_n_to_the_signed_worksheet(qtbot, window, site_people):
    write_private(window.site.data_dir / "identities" / "Wang_Li.p12", site_people.pi.identity)
    keyboard = Keyboard(qtbot)
    answers = example("eligible")["facts"]

    def new_screening(dialog):
        qtbot.waitUntil(dialog.isActiveWindow)
        assert keyboard.focus is dialog._focus("screening_number")
        for field in ("screening_number", "initials", "date_of_birth", "consent_date", "consent_version"):
            if field == "consent_date":
                keyboard.press(Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)  # Se&x: &Female
                qtbot.waitUntil(lambda: dialog.values()["sex"] == "female")  # a mnemonic clicks after a moment
            keyboard.tab_to(dialog._focus(field))
            keyboard.type(SUBJECT[field])
        keyboard.press(Qt.Key.Key_Return)  # Start screening

    when_modal(new_screening, NewScreeningDialog)
    window.log.table.setFocus()
    keyboard.press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.view is not None and QApplication.activeWindow() is window)
    view = window.view
    entered = {"date_of_birth", "sex", "consent_date"}  # given in the new-screening form
    for _ in range(len(view.pages)):
        page = view.current_page()
        if page is None:
            break
        assert page.isAncestorOf(keyboard.focus)  # each page starts the keyboard in it
        for editor in page.editors:
            fact_id = editor.fact.id
            if fact_id not in entered and fact_id not in view.qt.not_asked:
                enter(keyboard, editor, answers[fact_id], view.session)
                entered.add(fact_id)
        keyboard.press(Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)  # the next open criterion
    assert view.stack.currentWidget() is view.summary and "ELIGIBLE" in view.summary.overall.text()
    stored = window.site.screening("S-001").answers
    assert parse_facts(view.protocol, stored, TODAY) == parse_facts(view.protocol, answers, TODAY)
    password, passphrase = site_people.pi.password, site_people.passphrase.decode()

    def complete(dialog):
        qtbot.waitUntil(lambda: keyboard.focus is dialog.password)
        keyboard.type(password)
        keyboard.press(Qt.Key.Key_Return)

    def sign(dialog):
        qtbot.waitUntil(lambda: keyboard.focus is dialog.password)
        keyboard.type(password)
        keyboard.press(Qt.Key.Key_Tab)
        keyboard.type(passphrase)
        keyboard.press(Qt.Key.Key_Return)

    def acknowledge(box):
        qtbot.waitUntil(box.isActiveWindow)
        keyboard.press(Qt.Key.Key_Return)

    assert keyboard.focus is view.summary.complete_button
    when_modal(complete, CompleteDialog)
    keyboard.press(Qt.Key.Key_Return)
    assert window.site.completion(view.session.screening.id) is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert keyboard.focus is view.summary.sign_button  # on to what is left to do
    when_modal(sign, SignDialog)
    when_modal(acknowledge, QMessageBox)
    keyboard.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.site.screening("S-001").status is ScreeningStatus.SIGNED)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert keyboard.focus is view.summary.print_button  # what is left: the signed worksheet, to print
    print(f"\nkeys {keyboard.keys}, characters typed {keyboard.typed}:\n{' '.join(keyboard.log)}")
    assert keyboard.keys <= MOST_KEYS
