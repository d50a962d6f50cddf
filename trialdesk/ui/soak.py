"""A soak of the Qt binding: thousands of ordinary edits, each delivered as signals to Python slots.

A binding that mishandles references on signal delivery (PySide6-Essentials 6.12.0 drops one
reference to `None` or `True` per signal; on Python 3.11 the interpreter aborts after a few
thousand) passes every short test and then kills a coordinator's window mid-entry. `soak`
drives real fact editors the way a person does (keys typed, Backspace, Enter, Tab, an option
chosen with the arrow keys, a yes/no clicked, a joint marked) and reports how far the reference
counts of `None`, `True` and `False` moved: a sound binding leaves them where they were.
"""

from __future__ import annotations

import gc
import itertools
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from trialdesk.ui import fact_editors as fe
from trialdesk.ui.involved_joints_editor import COUNTS, MARKED, InvolvedJointsEditor
from trialdesk.ui.joint_picker import JointsEditor
from trialdesk.ui.medication_editor import MedicationEditor

#: How far a reference count may move over a soak and still be sound (allocation noise).
REFCOUNT_TOLERANCE = 100
WARM_UP_EDITS = 50

Action = Callable[[], None]


@dataclass(frozen=True)
class SoakResult:
    edits: int
    signals: int  # edited/committed signals the editors delivered to Python slots
    drift: dict[str, int]  # reference count after minus before, for None, True and False

    @property
    def sound(self) -> bool:
        return all(abs(moved) <= REFCOUNT_TOLERANCE for moved in self.drift.values())

    def describe(self) -> str:
        moved = ", ".join(f"{name} {value:+d}" for name, value in self.drift.items())
        return f"{self.edits} edits, {self.signals} signals; reference counts moved {moved}"


def _press(widget: QWidget, key: Qt.Key, text: str = "", modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, key, modifiers, text))
    QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyRelease, key, modifiers, text))


def _typing(line: QWidget, texts: Iterable[str]) -> list[Action]:
    """Focus, type each character, delete one, Enter, then Tab away: one action each."""
    actions: list[Action] = [line.setFocus]
    for text in texts:
        actions.append(lambda t=text: _press(line, Qt.Key.Key_unknown, t))
    actions += [
        lambda: _press(line, Qt.Key.Key_Backspace),
        lambda: _press(line, Qt.Key.Key_Return),
        lambda: _press(line, Qt.Key.Key_A, "", Qt.KeyboardModifier.ControlModifier),
        lambda: _press(line, Qt.Key.Key_Backspace),
        lambda: _press(line, Qt.Key.Key_Tab),
    ]
    return actions


def _actions(editor: fe.FactEditor) -> list[Action]:
    """One round of a person's edits on this editor."""
    if isinstance(editor, fe.NumberEditor):
        unit = editor.unit
        choose = [lambda: _press(unit, Qt.Key.Key_Down), lambda: _press(unit, Qt.Key.Key_Up)] if unit.count() > 1 else []
        uln = _typing(editor.uln_line, "40") if editor.uln_line is not None else []
        result = editor.result
        instead = [lambda: _press(result, Qt.Key.Key_Down), lambda: _press(result, Qt.Key.Key_Up)] if result else []
        return _typing(editor.line, "123") + uln + choose + instead
    if isinstance(editor, fe.CountEditor):
        return _typing(editor.line, "12")
    if isinstance(editor, fe.DateEditor):
        return _typing(editor.field.line, "2026-01-05")
    if isinstance(editor, fe.DateTimeEditor):
        return _typing(editor.field.line, "2026-01-05") + _typing(editor.time, "09:30")
    if isinstance(editor, fe.YesNoEditor):
        return [editor.buttons[answer].click for answer in ("yes", "no", "unknown")]
    if isinstance(editor, fe.ChoiceEditor):
        combo = editor.combo
        return [lambda: _press(combo, Qt.Key.Key_Down), lambda: _press(combo, Qt.Key.Key_Down),
                lambda: _press(combo, Qt.Key.Key_Up), lambda: _press(combo, Qt.Key.Key_Up)]
    if isinstance(editor, MedicationEditor):
        def typed() -> QWidget:  # the dose, or the start where a line has no dose
            row = editor.rows[-1]
            return row.lines.get("dose") or row.dates["start"].line

        return [editor.none_taken.click, editor.none_taken.click, editor.add.click,
                lambda: _press(editor.rows[-1].combos["drug"], Qt.Key.Key_Down),
                lambda: typed().setFocus(),
                lambda: _press(typed(), Qt.Key.Key_unknown, "5"),
                lambda: _press(typed(), Qt.Key.Key_Return),
                lambda: editor.rows[-1].remove.click()]
    if isinstance(editor, InvolvedJointsEditor):
        picker, large = editor.picker, editor.spins["large"]
        return _typing(editor.field.line, "2025-03-01") + [
            editor.modes[MARKED].click, picker.setFocus, lambda: _press(picker, Qt.Key.Key_T),
            lambda: _press(picker, Qt.Key.Key_Right), lambda: _press(picker, Qt.Key.Key_Space),
            editor.modes[COUNTS].click, large.setFocus, lambda: _press(large, Qt.Key.Key_Up),
            lambda: _press(large, Qt.Key.Key_Up), lambda: _press(large, Qt.Key.Key_Return)]
    if isinstance(editor, JointsEditor):
        picker = editor.picker
        return [picker.setFocus, lambda: _press(picker, Qt.Key.Key_T), lambda: _press(picker, Qt.Key.Key_S),
                lambda: _press(picker, Qt.Key.Key_Right), lambda: _press(picker, Qt.Key.Key_T),
                editor.none_affected.click]
    raise TypeError(f"no soak actions for {type(editor).__name__}")


def _rounds(editors: list[fe.FactEditor]) -> Iterator[Action]:
    for editor in itertools.cycle(editors):
        yield from _actions(editor)


def _run(action: Action) -> None:
    """One edit, then what the event loop does before the next key arrives (deferred deletes included)."""
    action()
    QApplication.processEvents()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _counts() -> dict[str, int]:
    gc.collect()
    return {"None": sys.getrefcount(None), "True": sys.getrefcount(True), "False": sys.getrefcount(False)}


def soak(editors: Iterable[fe.FactEditor], edits: int) -> SoakResult:
    """Drive `editors` (shown, enabled, wired as the window wires them) through `edits` edits."""
    editors = list(editors)
    if not editors:
        raise ValueError("nothing to soak: no fact editors")
    delivered = [0]

    def count(*_: object) -> None:
        delivered[0] += 1

    for editor in editors:
        editor.edited.connect(count)
        editor.committed.connect(count)
    actions = _rounds(editors)
    try:
        for action in itertools.islice(actions, WARM_UP_EDITS):
            _run(action)
        before, delivered[0] = _counts(), 0
        for action in itertools.islice(actions, edits):
            _run(action)
        after = _counts()
    finally:
        for editor in editors:
            editor.edited.disconnect(count)
            editor.committed.disconnect(count)
    return SoakResult(edits, delivered[0], {name: after[name] - before[name] for name in before})
