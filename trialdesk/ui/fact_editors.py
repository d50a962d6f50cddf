"""One editor per fact type, generated from the protocol's fact definitions: the editors of the
single-field facts here, the joint figure, the classifying assessment and the medication history
in modules of their own (`editor_factory` knows them all).

An editor shows and produces *raw answers* (what a facts file holds); it never decides
whether a value is valid: the session does, and the editor shows the problem it is told.
`edited` fires as the user types (live evaluation), `committed` when an entry is complete
(focus leaves, Enter, a choice is made): that is when it is saved.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Protocol

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from trialdesk.domain.values import NEVER
from trialdesk.messages import Messages
from trialdesk.ui.date_field import DateField
from trialdesk.ui.look import set_flag


class AnswerSource(Protocol):
    """What an editor may read of the screening open in the window (its session gives it)."""

    @property
    def on(self) -> date: ...

    def answer(self, fact_id: str) -> Any: ...


class FactEditor(QWidget):
    """Label, input, help and the problem line of one fact."""

    edited = Signal(str, object)
    committed = Signal(str, object)
    #: the window's answers, for an editor that offers to start from another fact's (set by the view)
    answers: AnswerSource | None = None

    def __init__(self, fact: Any, words: Messages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fact = fact
        self.words = words
        self._loading = False
        self.label = QLabel(f"<b>{words.fact_label(fact.id)}</b>", self)
        self.label.setWordWrap(True)
        self.problem = QLabel(self)
        self.problem.setProperty("role", "problem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 4, 0, 4)
        self.layout_.addWidget(self.label)
        self.input = self.build()
        self.layout_.addWidget(self.input)
        if words.fact_help(fact.id):
            hint = QLabel(words.fact_help(fact.id), self)
            hint.setProperty("role", "hint")
            hint.setWordWrap(True)
            self.layout_.addWidget(hint)
        self.layout_.addWidget(self.problem)
        self.focus_target().setAccessibleName(words.fact_label(fact.id))
        self._retarget_focus()

    def build(self) -> QWidget:  # pragma: no cover - every editor overrides
        raise NotImplementedError

    def focus_target(self) -> QWidget:
        return self.input

    def _retarget_focus(self) -> None:
        """Point the label and the editor's focus at the entry that takes the keyboard now (an
        editor whose fields are enabled by a choice calls it after each)."""
        self.label.setBuddy(self.focus_target())
        self.setFocusProxy(self.focus_target())

    def raw(self) -> Any:  # pragma: no cover
        raise NotImplementedError

    def display(self, raw: Any) -> None:  # pragma: no cover
        raise NotImplementedError

    def set_value(self, raw: Any) -> None:
        """Show a stored answer without announcing an edit."""
        self._loading = True
        try:
            self.display(raw)
        finally:
            self._loading = False

    def show_problem(self, text: str | None, paths: tuple[tuple[str | int, ...], ...] = ()) -> None:
        """Show the session's refusal beside the field (None clears it); `paths` say where inside the
        answer each problem lies (("uln",) for a ULN), for an editor with several fields to mark the right one."""
        self.problem.setText(text or "")
        self.problem.setVisible(bool(text))
        set_flag(self.focus_target(), "invalid", bool(text))
        self.focus_target().setAccessibleDescription(text or "")

    def set_read_only(self, read_only: bool) -> None:
        self.input.setEnabled(not read_only)

    def _edited(self, *_: object) -> None:
        if not self._loading:
            self.edited.emit(self.fact.id, self.raw())

    def _committed(self, *_: object) -> None:
        if not self._loading:
            self.committed.emit(self.fact.id, self.raw())


class NumberEditor(FactEditor):
    """A value and its unit, named as the protocol labels it (a pure number shows none); with
    `fact.uln`, the laboratory's upper limit of normal beside it, in the same unit; with
    `fact.results`, a choice before them of a value or a result as reported instead of one
    (negative, not done): the answer is then that result's id, and the value fields rest."""

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
            row.addWidget(self.result)
            self.result.activated.connect(self._result_chosen)
        self.line = QLineEdit(box)
        self.line.setMaximumWidth(160)
        row.addWidget(self.line)
        self.unit = QComboBox(box)
        for unit in self.fact.units:
            self.unit.addItem(protocol.unit_label(self.fact.id, unit), unit)
        self.unit.setAccessibleName(self.tr("Unit of %s") % label)
        self.unit.setEnabled(len(self.fact.units) > 1)
        if not any(self.unit.itemText(i) for i in range(self.unit.count())):
            self.unit.hide()  # a pure number: no unit to show or choose
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
        row.addStretch(1)
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
        self.never = QCheckBox(self.tr("Never"), box)
        self.never.setVisible(self.fact.allow_never)
        self.row.addWidget(self.never)
        self.row.addStretch(1)
        self.field.textEdited.connect(self._edited)
        self.field.editingFinished.connect(self._date_finished)
        self.never.toggled.connect(self._never_toggled)
        return box

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
    ANSWERS = ("yes", "no", "unknown")

    def build(self) -> QWidget:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(box)
        texts = {"yes": self.tr("&Yes"), "no": self.tr("&No"), "unknown": self.tr("Not &known")}
        self.buttons: dict[str, QRadioButton] = {}
        for answer in self.ANSWERS:
            button = QRadioButton(texts[answer], box)
            button.setAccessibleName(f"{self.words.fact_label(self.fact.id)}: {texts[answer].replace('&', '')}")
            self.group.addButton(button)
            self.buttons[answer] = button
            row.addWidget(button)
        row.addStretch(1)
        self.group.buttonClicked.connect(self._clicked)
        return box

    def focus_target(self) -> QWidget:
        checked = self.group.checkedButton()
        return checked or self.buttons["yes"]

    def _clicked(self, *_: object) -> None:
        self._edited()
        self._committed()

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

    def raw(self) -> Any:
        return self.combo.currentData()

    def display(self, raw: Any) -> None:
        index = self.combo.findData(raw)
        self.combo.setCurrentIndex(max(index, 0))
