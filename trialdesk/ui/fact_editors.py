"""One editor per fact type, generated from the protocol's fact definitions: the editors of the
single-field facts here, the joint figure, the classifying assessment and the medication history
in modules of their own (`editor_factory` knows them all).

The base every editor shares (`FactEditor`: raw answers in and out, `edited` and `committed`,
the problem shown, the value refused kept as typed) is in `editor_base`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from trialdesk.domain.values import NEVER
from trialdesk.ui.date_field import DateField
from trialdesk.ui.editor_base import AnswerSource, FactEditor
from trialdesk.ui.look import set_flag

__all__ = ["AnswerSource", "ChoiceEditor", "CountEditor", "DateEditor", "DateTimeEditor", "FactEditor", "NumberEditor",
           "YesNoEditor"]


class NumberEditor(FactEditor):
    """A value and its unit, named as the protocol labels it (a pure number shows none); with
    `fact.uln`, the laboratory's upper limit of normal beside it, in the same unit; with
    `fact.results`, a choice after them of a value or a result as reported instead of one
    (negative, not done): the answer is then that result's id, and the value fields rest. A value
    is the usual answer, so Tab reaches the choice after the value, not on the way to it.

    A unit to choose comes before the value, on screen and by Tab: it is chosen before the value
    is typed, so that no value is saved (after a pause in typing, or as Tab leaves it) in a unit
    the report does not give. A single unit is shown after the value."""

    def build(self) -> QWidget:
        protocol = self.words.protocol
        label = self.words.fact_label(self.fact.id)
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.result: QComboBox | None = None
        if self.fact.results:
            self.result = QComboBox(box)
            self.result.addItem(self.tr("Value"), None)
            for option in self.fact.results:
                self.result.addItem(self.words.answer(self.fact.id, option.id), option.id)
            self.result.setAccessibleName(self.tr("Result of %s") % label)
            self.result.setToolTip(self.tr("A value, or the result as the report gives it instead of one"))
            self.result.activated.connect(self._result_chosen)
        self.unit = QComboBox(box)
        for unit in self.fact.units:
            self.unit.addItem(protocol.unit_label(self.fact.id, unit), unit)
        self.unit.setAccessibleName(self.tr("Unit of %s") % label)
        self.unit.setEnabled(len(self.fact.units) > 1)
        if not any(self.unit.itemText(i) for i in range(self.unit.count())):
            self.unit.hide()  # a pure number: no unit to show or choose
        self.line = QLineEdit(box)
        self.line.setMaximumWidth(160)
        if len(self.fact.units) > 1:
            self.unit.setToolTip(self.tr("Choose the unit the report gives before typing the value"))
            row.addWidget(self.unit)
            row.addWidget(self.line)
        else:
            row.addWidget(self.line)
            row.addWidget(self.unit)
        self.uln_line: QLineEdit | None = None
        self.uln_unit: QLabel | None = None
        if self.fact.uln:
            uln_label = QLabel(self.tr("ULN"), box)
            uln_label.setToolTip(self.tr("The laboratory's upper limit of normal, printed with the result"))
            self.uln_line = QLineEdit(box)
            self.uln_line.setMaximumWidth(120)
            self.uln_line.setAccessibleName(self.tr("Upper limit of normal of %s") % label)
            uln_label.setBuddy(self.uln_line)
            self.uln_unit = QLabel(self.unit.currentText(), box)  # always the result's own unit
            row.addSpacing(12)
            for widget in (uln_label, self.uln_line, self.uln_unit):
                row.addWidget(widget)
            self.uln_line.textEdited.connect(self._edited)
            self.uln_line.editingFinished.connect(self._committed)
        if self.result is not None:
            row.addSpacing(12)
            row.addWidget(self.result)
        row.addStretch(1)
        order = [w for w in (self.unit, self.line, self.uln_line, self.result) if w is not None]
        for before, after in zip(order, order[1:]):
            QWidget.setTabOrder(before, after)
        self.line.textEdited.connect(self._edited)
        self.line.editingFinished.connect(self._committed)
        self.unit.currentIndexChanged.connect(self._unit_changed)
        return box

    def chosen_result(self) -> str | None:
        """The id of the result chosen instead of a value (None: a value)."""
        return None if self.result is None else self.result.currentData()

    def focus_target(self) -> QWidget:
        return self.line if self.chosen_result() is None else self.result

    def _show_mode(self) -> None:
        """The value fields take entries only while "Value" is chosen."""
        as_value = self.chosen_result() is None
        self.line.setEnabled(as_value)
        self.unit.setEnabled(as_value and len(self.fact.units) > 1)
        if self.uln_line is not None:
            self.uln_line.setEnabled(as_value)
        self._retarget_focus()

    def _result_chosen(self) -> None:
        self._show_mode()
        if self.chosen_result() is None:
            self.line.setFocus()
        self._edited()
        self._committed()

    def _unit_changed(self) -> None:
        if self.uln_unit is not None:
            self.uln_unit.setText(self.unit.currentText())
        if self.line.text().strip():
            self._edited()
            self._committed()

    def show_problem(self, text: str | None, paths: tuple[tuple[str | int, ...], ...] = ()) -> None:
        super().show_problem(text, paths)
        as_value = self.chosen_result() is None
        on_uln = ("uln",) in paths
        if self.result is not None:
            set_flag(self.result, "invalid", bool(text) and not as_value)
        if self.uln_line is not None:
            set_flag(self.uln_line, "invalid", bool(text) and as_value and on_uln)
        set_flag(self.line, "invalid", bool(text) and as_value and (not on_uln or any(p != ("uln",) for p in paths)))

    def entry_text(self) -> str | None:
        if self.chosen_result() is not None:
            return self.result.currentText()
        value = self.line.text().strip()
        if not value:
            return None
        text = f"{value} {self.unit.currentText()}".rstrip()
        if self.uln_line is not None and self.uln_line.text().strip():
            uln = self.tr("ULN")
            text += f", {uln} {self.uln_line.text().strip()}"
        return text

    def raw(self) -> Any:
        if self.chosen_result() is not None:
            return self.chosen_result()
        text = self.line.text().strip().replace(",", ".")
        if not text:
            return None
        answer = {"value": text, "unit": self.unit.currentData()}
        if self.uln_line is not None and self.uln_line.text().strip():
            answer["uln"] = self.uln_line.text().strip().replace(",", ".")
        return answer

    def display(self, raw: Any) -> None:
        index = self.result.findData(raw) if self.result is not None and isinstance(raw, str) else -1
        if self.result is not None:
            self.result.setCurrentIndex(max(index, 0))
        uln = None
        if index > 0:  # a result as reported: no value
            self.line.clear()
        elif isinstance(raw, dict):
            self.line.setText(str(raw.get("value", "")))
            unit = self.unit.findData(str(raw.get("unit")))
            if unit >= 0:
                self.unit.setCurrentIndex(unit)
            uln = raw.get("uln")
        else:
            self.line.setText("" if raw is None else str(raw))
        if self.uln_line is not None:
            self.uln_line.setText("" if uln is None else str(uln))
        self._show_mode()


class CountEditor(FactEditor):
    def build(self) -> QWidget:
        self.line = QLineEdit(self)
        self.line.setMaximumWidth(120)
        self.line.textEdited.connect(self._edited)
        self.line.editingFinished.connect(self._committed)
        return self.line

    def raw(self) -> Any:
        text = self.line.text().strip()
        if not text:
            return None
        return text  # the session reads it in the one typed number form (ASCII digits only)

    def display(self, raw: Any) -> None:
        self.line.setText("" if raw is None else str(raw))


class DateEditor(FactEditor):
    def build(self) -> QWidget:
        box = QWidget(self)
        self.row = QHBoxLayout(box)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.field = DateField(box)
        self.field.setMaximumWidth(200)
        self.row.addWidget(self.field)
        never = self.tr("Never")
        self.never = QCheckBox(f"{never} (N)", box)
        self.never.setAccessibleName(f"{self.words.fact_label(self.fact.id)}: {never}")
        self.never.setVisible(self.fact.allow_never)
        if self.fact.allow_never:
            self.never.setToolTip(self.tr("N in the empty date field answers Never"))
            self.field.line.installEventFilter(self)
        self.row.addWidget(self.never)
        self.row.addStretch(1)
        self.field.textEdited.connect(self._edited)
        self.field.editingFinished.connect(self._date_finished)
        self.never.toggled.connect(self._never_toggled)
        return box

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """N typed into the empty date field answers Never, as N answers No on a yes/no (the same
        key in every language); the keyboard goes on to the Never box, where Space takes it back."""
        if (watched is self.field.line and event.type() == QEvent.Type.KeyPress and not self.field.line.text()
                and event.key() == Qt.Key.Key_N and not event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier):
            self.never.setChecked(True)
            self.never.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return super().eventFilter(watched, event)

    def focus_target(self) -> QWidget:
        return self.field.line

    def _date_finished(self) -> None:
        self._committed()

    def _set_entry_enabled(self, enabled: bool) -> None:
        self.field.setEnabled(enabled)

    def _never_toggled(self, checked: bool) -> None:
        self._set_entry_enabled(not checked)
        self._edited()
        self._committed()

    def raw(self) -> Any:
        if self.fact.allow_never and self.never.isChecked():
            return NEVER
        return self.field.text() or None

    def entry_text(self) -> str | None:
        raw = self.raw()
        if raw == NEVER:
            return self.words.answer_text(self.fact.id, NEVER)
        return None if raw is None else str(raw).replace("T", " ")

    def display(self, raw: Any) -> None:
        never = raw == NEVER
        self.never.setChecked(never)
        self._set_entry_enabled(not never)
        self._show_text("" if raw is None or never else str(raw))

    def _show_text(self, text: str) -> None:
        self.field.set_text(text)


class DateTimeEditor(DateEditor):
    """A date and a time of day (the site's local time), answered as ``YYYY-MM-DDTHH:MM`` exactly as
    typed (the domain reads it strictly); "Never" where the fact allows it. Moving from the date to
    the time does not end the entry: leaving the editor, Enter or a date picked does."""

    def build(self) -> QWidget:
        box = super().build()
        self.time = QLineEdit(box)
        self.time.setPlaceholderText(self.tr("HH:MM"))
        self.time.setMaxLength(5)
        self.time.setMaximumWidth(80)
        self.time.setAccessibleName(self.tr("Time of %s") % self.words.fact_label(self.fact.id))
        self.row.insertWidget(1, self.time)  # after the date, before "Never", on screen and by Tab
        QWidget.setTabOrder(self.field.button, self.time)
        QWidget.setTabOrder(self.time, self.never)
        self.time.textEdited.connect(self._edited)
        self.time.editingFinished.connect(self._time_finished)
        return box

    def _date_finished(self) -> None:
        if QApplication.focusWidget() is not self.time:  # on to the time: the entry goes on
            self._committed()

    def _time_finished(self) -> None:
        if QApplication.focusWidget() is not self.field.line:
            self._committed()

    def _set_entry_enabled(self, enabled: bool) -> None:
        super()._set_entry_enabled(enabled)
        self.time.setEnabled(enabled)

    def show_problem(self, text: str | None, paths: tuple[tuple[str | int, ...], ...] = ()) -> None:
        super().show_problem(text, paths)
        set_flag(self.time, "invalid", bool(text))

    def raw(self) -> Any:
        if self.fact.allow_never and self.never.isChecked():
            return NEVER
        day, time = self.field.text(), self.time.text().strip()
        if day and time:
            return f"{day}T{time}"
        return day or time or None  # half an answer: the session says what is missing

    def _show_text(self, text: str) -> None:
        day, _, time = text.partition("T")
        self.field.set_text(day)
        if self.time.text() != time:
            self.time.setText(time)


class YesNoEditor(FactEditor):
    """Yes, No or Unknown: one key answers (Y, N, U, the same in every language) wherever the
    keyboard is in the editor, as do the arrows along the three and a click. No mnemonic: Alt+N
    is the window's Next."""

    ANSWERS = ("yes", "no", "unknown")
    #: the key of each answer, shown beside its word
    KEYS = {"yes": "Y", "no": "N", "unknown": "U"}

    def build(self) -> QWidget:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(box)
        words = {"yes": self.tr("Yes"), "no": self.tr("No"), "unknown": self.tr("Unknown")}
        self.buttons: dict[str, QRadioButton] = {}
        for answer in self.ANSWERS:
            button = QRadioButton(f"{words[answer]} ({self.KEYS[answer]})", box)
            button.setAccessibleName(f"{self.words.fact_label(self.fact.id)}: {words[answer]}")
            self.group.addButton(button)
            self.buttons[answer] = button
            row.addWidget(button)
        row.addStretch(1)
        self.group.buttonClicked.connect(self._clicked)
        return box

    def focus_target(self) -> QWidget:
        checked = self.group.checkedButton()
        return checked or self.buttons["yes"]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Y, N or U (unmodified, whatever the keyboard's language) answers; the focus goes to the answer."""
        answer = next((a for a, letter in self.KEYS.items() if event.key() == ord(letter)), None)
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier == Qt.KeyboardModifier.NoModifier
        if answer is None or not plain or not self.input.isEnabled():
            super().keyPressEvent(event)
            return
        event.accept()
        button = self.buttons[answer]
        button.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not button.isChecked():
            button.setChecked(True)
            self._clicked()

    def _clicked(self, *_: object) -> None:
        self._retarget_focus()
        self._edited()
        self._committed()

    def entry_text(self) -> str | None:
        raw = self.raw()
        return None if raw is None else self.words.answer(self.fact.id, raw)

    def raw(self) -> Any:
        for answer, button in self.buttons.items():
            if button.isChecked():
                return answer
        return None

    def display(self, raw: Any) -> None:
        if raw in self.buttons:
            self.buttons[raw].setChecked(True)
        else:
            self.group.setExclusive(False)
            for button in self.buttons.values():
                button.setChecked(False)
            self.group.setExclusive(True)
        self._retarget_focus()


class ChoiceEditor(FactEditor):
    def build(self) -> QWidget:
        self.combo = QComboBox(self)
        self.combo.addItem(self.tr("— not entered —"), None)
        for option in self.fact.options:
            self.combo.addItem(self.words.answer(self.fact.id, option.id), option.id)
        self.combo.activated.connect(self._committed_choice)
        return self.combo

    def _committed_choice(self, *_: object) -> None:
        self._edited()
        self._committed()

    def entry_text(self) -> str | None:
        raw = self.raw()
        return None if raw is None else self.combo.currentText()

    def raw(self) -> Any:
        return self.combo.currentData()

    def display(self, raw: Any) -> None:
        index = self.combo.findData(raw)
        self.combo.setCurrentIndex(max(index, 0))
