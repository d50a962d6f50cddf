"""Interface fixtures: a main window on a copy of the test site, signed in, and a coordinator's hands.

`window` is signed in (through the Site, not the dialog) as the coordinator; a test asks for
someone else with `@pytest.mark.parametrize("user", ["pi"], indirect=True)` (admin, pi, sub_i,
coordinator), or builds its own with `make_window(person, **settings)`.
`Coordinator` enters answers the way a person does: clicks, typed keys, Tab to move on.
Non-ASCII text is sent as QKeyEvents with text (qtbot.keyClicks aborts on it).
A dialog nobody answers is closed after a few seconds and fails the test.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QWidget

from tests.conftest import People, Person
from trialdesk.resources import resource_path
from trialdesk.settings import AppSettings
from trialdesk.ui import fact_editors as fe
from trialdesk.ui.involved_joints_editor import COUNTS, MARKED, InvolvedJointsEditor
from trialdesk.ui.joint_picker import JointsEditor
from trialdesk.ui.medication_editor import MedicationEditor
from trialdesk.ui.look import prepare_application
from trialdesk.ui.main_window import MainWindow

TODAY = date(2026, 11, 20)


@pytest.fixture(scope="session", autouse=True)
def _prepared(qapp) -> None:
    prepare_application(qapp)


@pytest.fixture
def settings(site_dir: Path) -> AppSettings:
    return AppSettings(data_dir=site_dir)


class ModalWatchdog:
    """Closes a modal dialog nobody answers (it would block the test forever) and remembers it.

    A dialog still at work (a password being checked, a worksheet being signed) is left alone.
    """

    def __init__(self) -> None:
        self.unanswered: list[str] = []
        self._seen: QWidget | None = None
        self.timer = QTimer()
        self.timer.setInterval(4000)
        self.timer.timeout.connect(self._check)
        self.timer.start()

    def _check(self) -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None and modal is self._seen and not getattr(modal, "busy", False):
            self.unanswered.append(modal.windowTitle())
            modal.done(0) if isinstance(modal, QDialog) else modal.close()
        self._seen = modal


@pytest.fixture(autouse=True)
def _watchdog(qapp) -> Iterator[ModalWatchdog]:
    watchdog = ModalWatchdog()
    yield watchdog
    watchdog.timer.stop()
    assert not watchdog.unanswered, f"a dialog nobody expected stayed open: {watchdog.unanswered}"


@pytest.fixture
def user(request, site_people: People) -> Person:
    """Who the `window` fixture signs in: the coordinator unless a test parametrizes it (indirect)."""
    return getattr(site_people, getattr(request, "param", "coordinator"))


@pytest.fixture
def make_window(qtbot, open_site, site_people: People) -> Iterator[Callable[..., MainWindow]]:
    """`make_window(person=coordinator, **settings)`: a shown main window on the test site, signed in."""
    made: list[MainWindow] = []

    def make(person: Person | None = None, **settings: Any) -> MainWindow:
        site = open_site(**settings)
        person = person or site_people.coordinator
        main = MainWindow(site, site.sign_in(person.name, person.password))
        qtbot.addWidget(main)
        main.resize(1200, 850)
        main.show()
        qtbot.waitExposed(main)
        made.append(main)
        return main

    yield make
    for main in made:
        main.close()


@pytest.fixture
def window(make_window, user: Person) -> MainWindow:
    return make_window(user)


def example(name: str) -> dict[str, Any]:
    return json.loads(resource_path(f"examples/NCT03798028-{name}.json").read_text(encoding="utf-8"))


def create(window: MainWindow, name: str, number: str | None = None, desk=None) -> int:
    """A screening made outside the interface (as an import would) by `desk` (the window's), returning its id."""
    data = example(name)
    subject = {**data["subject"], "screening_date": data["screening_date"]}
    if number:
        subject["screening_number"] = number
    session = (desk or window.desk).start_screening(window.protocol("NCT03798028"), subject, data["facts"])
    return session.screening.id


def open_new(qtbot, window: MainWindow, protocol: Any, subject: dict[str, Any], facts: dict[str, Any] | None = None):
    """A new screening under `protocol` (an installed one, or a file's) with `facts`, open in the window."""
    session = window.desk.start_screening(protocol, subject, facts or {})
    window.open_screening(session.screening.id)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window.view


def page_of(view, criterion_id: str) -> Any:
    """The page of `criterion_id`, shown."""
    view.go_to_criterion(criterion_id)
    return view.current_page()


def editor(page, fact_id: str) -> Any:
    """The editor of `fact_id` on `page`."""
    return next(e for e in page.editors if e.fact.id == fact_id)


def editor_on(view, criterion_id: str, fact_id: str) -> Any:
    """The editor of `fact_id` on the page of `criterion_id`, that page shown."""
    return editor(page_of(view, criterion_id), fact_id)


_PENDING: list[dict] = []


@pytest.fixture(autouse=True)
def _modal_handlers_are_used() -> Iterator[None]:
    """Every expected dialog must have come: a handler left waiting is a test that did not happen."""
    yield
    unused = [entry["name"] for entry in _PENDING if not entry["done"]]
    for entry in _PENDING:
        entry["done"] = True  # stop waiting: it must not act on a later test's dialog
    _PENDING.clear()
    assert not unused, f"expected dialogs that never opened: {unused}"


def when_modal(handler: Callable[[QWidget], None], kind: type | None = None) -> None:
    """Run `handler` on the next modal dialog (of `kind`), once it is up (a dialog's exec() blocks the test)."""
    entry = {"done": False, "name": getattr(handler, "__name__", "handler")}
    _PENDING.append(entry)

    def attempt(tries: int = 0) -> None:
        if entry["done"]:
            return
        dialog = QApplication.activeModalWidget()
        if dialog is None or (kind is not None and not isinstance(dialog, kind)):
            if tries < 1000:
                QTimer.singleShot(10, lambda: attempt(tries + 1))
            return
        entry["done"] = True
        handler(dialog)

    QTimer.singleShot(0, attempt)


def type_text(widget: QWidget, text: str) -> None:
    """Type any text, Chinese included, as key events carrying the characters."""
    for char in text:
        QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, char))
        QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyRelease, 0, Qt.KeyboardModifier.NoModifier, char))


class Coordinator:
    """Enters raw answers into fact editors with the mouse and keyboard."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot

    def choose(self, combo: QComboBox, text: str) -> None:
        """Select an entry with the arrow keys, as a keyboard user does (typing a space would open the list)."""
        combo.setFocus()
        self.qtbot.keyClick(combo, Qt.Key.Key_Home)
        for _ in range(combo.count()):
            if combo.currentText() == text:
                return
            self.qtbot.keyClick(combo, Qt.Key.Key_Down)
        assert combo.currentText() == text, (combo.currentText(), text)

    def choose_data(self, combo: QComboBox, data: Any) -> None:
        """Select the entry that stands for `data` (a drug id, a route), with the arrow keys."""
        combo.setFocus()
        self.qtbot.keyClick(combo, Qt.Key.Key_Home)
        for _ in range(combo.count()):
            if combo.currentData() == data:
                return
            self.qtbot.keyClick(combo, Qt.Key.Key_Down)
        assert combo.currentData() == data, (combo.currentData(), data)

    def click(self, button: QWidget) -> None:
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(5, button.height() // 2))

    def type_line(self, line: QWidget, text: str) -> None:
        line.setFocus()
        line.selectAll()
        self.qtbot.keyClicks(line, text)
        self.qtbot.keyClick(line, Qt.Key.Key_Tab)

    def enter(self, editor: fe.FactEditor, raw: Any) -> None:
        if isinstance(editor, fe.NumberEditor):
            if editor.result is not None:  # a result as reported instead of a value, or "Value"
                self.choose_data(editor.result, raw if isinstance(raw, str) else None)
                if isinstance(raw, str):
                    return
            if len(editor.fact.units) > 1:
                self.choose_data(editor.unit, raw["unit"])
            self.type_line(editor.line, str(raw["value"]))
            if raw.get("uln") is not None:
                self.type_line(editor.uln_line, str(raw["uln"]))
        elif isinstance(editor, InvolvedJointsEditor):
            if raw == "not_documented":
                self.click(editor.modes["not_documented"])
                return
            self.type_line(editor.field.line, raw["date"])
            if "joints" in raw:
                self.click(editor.modes[MARKED])
                picker = editor.picker
                for joint in raw["joints"]:
                    self.qtbot.mouseClick(picker, Qt.MouseButton.LeftButton, pos=picker._centre(joint).toPoint())
            else:
                self.click(editor.modes[COUNTS])
                for size in ("large", "small"):
                    self.type_line(editor.spins[size], str(raw[size]))
        elif isinstance(editor, fe.CountEditor):
            self.type_line(editor.line, str(raw))
        elif isinstance(editor, fe.DateEditor):
            if raw == "none":
                self.qtbot.mouseClick(editor.never, Qt.MouseButton.LeftButton, pos=QPoint(5, editor.never.height() // 2))
            else:
                self.type_line(editor.field.line, raw)
        elif isinstance(editor, fe.YesNoEditor):
            button = editor.buttons[raw]
            self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(5, button.height() // 2))
        elif isinstance(editor, fe.ChoiceEditor):
            label = next(o.label for o in editor.fact.options if o.id == raw)
            self.choose(editor.combo, label)
        elif isinstance(editor, JointsEditor):
            picker = editor.picker
            for part, button in (("tender", Qt.MouseButton.LeftButton), ("swollen", Qt.MouseButton.RightButton)):
                for joint in raw[part]:
                    self.qtbot.mouseClick(picker, button, pos=picker._centre(joint).toPoint())
        elif isinstance(editor, MedicationEditor):
            if raw == []:
                self.qtbot.mouseClick(editor.none_taken, Qt.MouseButton.LeftButton, pos=QPoint(5, 8))
                return
            for entry in raw:
                self.qtbot.mouseClick(editor.add, Qt.MouseButton.LeftButton)
                row = editor.rows[-1]
                for name in editor.COLUMNS:
                    value = entry.get(name)
                    if name == "drug" and entry.get("other") is not None:
                        self.choose_data(row.combos["drug"], row.OTHER)
                        self.type_line(row.other, entry["other"])
                    elif name in row.combos:
                        if value is not None:
                            self.choose_data(row.combos[name], value)
                    elif value is not None:
                        line = row.lines[name] if name in row.lines else row.dates[name].line
                        self.type_line(line, str(value))
        else:  # pragma: no cover
            raise AssertionError(f"no way to enter {type(editor).__name__}")


@pytest.fixture
def coordinator(qtbot) -> Coordinator:
    return Coordinator(qtbot)
