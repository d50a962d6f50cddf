"""One editor per fact type, generated from the protocol's fact definitions.

An editor shows and produces *raw answers* (what a facts file holds); it never decides
whether a value is valid: the session does, and the editor shows the problem it is told.
`edited` fires as the user types (live evaluation), `committed` when an entry is complete
(focus leaves, Enter, a choice is made): that is when it is saved.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trialdesk.domain import facts as f
from trialdesk.domain.values import NEVER
from trialdesk.messages import Messages
from trialdesk.ui.date_field import DateField
from trialdesk.ui.look import set_flag


class FactEditor(QWidget):
    """Label, input, help and the problem line of one fact."""

    edited = Signal(str, object)
    committed = Signal(str, object)

    def __init__(self, fact: Any, words: Messages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fact = fact
        self.words = words
        self._loading = False
        self.label = QLabel(f"<b>{fact.label}</b>", self)
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
        if fact.help:
            hint = QLabel(fact.help, self)
            hint.setProperty("role", "hint")
            hint.setWordWrap(True)
            self.layout_.addWidget(hint)
        self.layout_.addWidget(self.problem)
        self.label.setBuddy(self.focus_target())
        self.focus_target().setAccessibleName(fact.label)
        self.setFocusProxy(self.focus_target())

    def build(self) -> QWidget:  # pragma: no cover - every editor overrides
        raise NotImplementedError

    def focus_target(self) -> QWidget:
        return self.input

    def raw(self) -> Any:  # pragma: no cover
        raise NotImplementedError

    def show(self, raw: Any) -> None:  # pragma: no cover
        raise NotImplementedError

    def set_value(self, raw: Any) -> None:
        """Show a stored answer without announcing an edit."""
        self._loading = True
        try:
            self.show(raw)
        finally:
            self._loading = False

    def show_problem(self, text: str | None) -> None:
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
    def build(self) -> QWidget:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.line = QLineEdit(box)
        self.line.setMaximumWidth(160)
        row.addWidget(self.line)
        self.unit = QComboBox(box)
        self.unit.addItems(list(self.fact.units))
        self.unit.setAccessibleName(self.tr("Unit of %s") % self.fact.label)
        self.unit.setEnabled(len(self.fact.units) > 1)
        row.addWidget(self.unit)
        row.addStretch(1)
        self.line.textEdited.connect(self._edited)
        self.line.editingFinished.connect(self._committed)
        self.unit.currentIndexChanged.connect(self._unit_changed)
        return box

    def focus_target(self) -> QWidget:
        return self.line

    def _unit_changed(self) -> None:
        if self.line.text().strip():
            self._edited()
            self._committed()

    def raw(self) -> Any:
        text = self.line.text().strip().replace(",", ".")
        return {"value": text, "unit": self.unit.currentText()} if text else None

    def show(self, raw: Any) -> None:
        if isinstance(raw, dict):
            self.line.setText(str(raw.get("value", "")))
            index = self.unit.findText(str(raw.get("unit")))
            if index >= 0:
                self.unit.setCurrentIndex(index)
        else:
            self.line.setText("" if raw is None else str(raw))


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
        return int(text) if text.isdigit() else text

    def show(self, raw: Any) -> None:
        self.line.setText("" if raw is None else str(raw))


class DateEditor(FactEditor):
    def build(self) -> QWidget:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.field = DateField(box)
        self.field.setMaximumWidth(200)
        row.addWidget(self.field)
        self.never = QCheckBox(self.tr("Never"), box)
        self.never.setVisible(self.fact.allow_never)
        row.addWidget(self.never)
        row.addStretch(1)
        self.field.textEdited.connect(self._edited)
        self.field.editingFinished.connect(self._committed)
        self.never.toggled.connect(self._never_toggled)
        return box

    def focus_target(self) -> QWidget:
        return self.field.line

    def _never_toggled(self, checked: bool) -> None:
        self.field.setEnabled(not checked)
        self._edited()
        self._committed()

    def raw(self) -> Any:
        if self.fact.allow_never and self.never.isChecked():
            return NEVER
        return self.field.text() or None

    def show(self, raw: Any) -> None:
        never = raw == NEVER
        self.never.setChecked(never)
        self.field.setEnabled(not never)
        self.field.set_text("" if raw is None or never else str(raw))


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
            button.setAccessibleName(f"{self.fact.label}: {texts[answer].replace('&', '')}")
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

    def show(self, raw: Any) -> None:
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
            self.combo.addItem(option.label, option.id)
        self.combo.activated.connect(self._committed_choice)
        return self.combo

    def _committed_choice(self, *_: object) -> None:
        self._edited()
        self._committed()

    def raw(self) -> Any:
        return self.combo.currentData()

    def show(self, raw: Any) -> None:
        index = self.combo.findData(raw)
        self.combo.setCurrentIndex(max(index, 0))


class MedicationEditor(FactEditor):
    COLUMNS = ("drug", "dose", "unit", "route", "start", "last_change", "stop")

    def build(self) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.none_taken = QCheckBox(self.tr("None taken"), box)
        column.addWidget(self.none_taken)
        self.table = QTableWidget(0, len(self.COLUMNS), box)
        headers = [self.tr("Drug"), self.tr("Dose"), self.tr("Unit"), self.tr("Route"), self.tr("Start (YYYY-MM-DD)"),
                   self.tr("Last dose change"), self.tr("Stop (empty: ongoing)")]
        self.table.setHorizontalHeaderLabels(headers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAccessibleName(self.fact.label)
        self.table.setMinimumHeight(110)
        column.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add = QPushButton(self.tr("Add a course"), box)
        self.remove = QPushButton(self.tr("Remove the selected course"), box)
        buttons.addWidget(self.add)
        buttons.addWidget(self.remove)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.add.clicked.connect(self._add_row)
        self.remove.clicked.connect(self._remove_row)
        self.none_taken.toggled.connect(self._none_toggled)
        self.table.itemChanged.connect(self._committed_change)
        return box

    def focus_target(self) -> QWidget:
        return self.table

    def _combo(self, values: tuple[str, ...], current: Any) -> QComboBox:
        combo = QComboBox(self.table)
        combo.addItem("", None)
        for value in values:
            combo.addItem(value.replace("_", "-"), value)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.activated.connect(self._committed_change)
        return combo

    def _add_row(self, entry: dict | None = None) -> None:
        entry = entry if isinstance(entry, dict) else {}
        self.table.blockSignals(True)
        row = self.table.rowCount()
        self.table.insertRow(row)
        choices = {"drug": self.fact.drugs, "unit": self.fact.dose_units, "route": self.fact.routes}
        default_unit = self.fact.dose_units[0] if len(self.fact.dose_units) == 1 else None
        for column, name in enumerate(self.COLUMNS):
            if name in choices:
                current = entry.get(name, default_unit if name == "unit" else None)
                self.table.setCellWidget(row, column, self._combo(choices[name], current))
            else:
                value = entry.get(name)
                self.table.setItem(row, column, QTableWidgetItem("" if value is None else str(value)))
        self.table.blockSignals(False)
        if not entry:
            self.none_taken.setChecked(False)
            self.table.setCurrentCell(row, 0)
            self.table.setFocus()

    def _remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self._committed_change()

    def _none_toggled(self, checked: bool) -> None:
        if checked:
            self.table.setRowCount(0)
        self.table.setEnabled(not checked)
        self.add.setEnabled(not checked)
        self.remove.setEnabled(not checked)
        self._committed_change()

    def _committed_change(self, *_: object) -> None:
        self._edited()
        self._committed()

    def raw(self) -> Any:
        if self.none_taken.isChecked():
            return []
        entries = []
        for row in range(self.table.rowCount()):
            entry: dict[str, Any] = {}
            for column, name in enumerate(self.COLUMNS):
                widget = self.table.cellWidget(row, column)
                if isinstance(widget, QComboBox):
                    entry[name] = widget.currentData()
                else:
                    item = self.table.item(row, column)
                    text = item.text().strip() if item else ""
                    entry[name] = text or None
            entries.append(entry)
        return entries or None

    def show(self, raw: Any) -> None:
        self.table.setRowCount(0)
        self.none_taken.blockSignals(True)
        self.none_taken.setChecked(raw == [])
        self.none_taken.blockSignals(False)
        self.table.setEnabled(raw != [])
        for entry in raw or ():
            self._add_row(entry)

    def set_read_only(self, read_only: bool) -> None:
        for widget in (self.none_taken, self.table, self.add, self.remove):
            widget.setEnabled(not read_only)


def make_editor(fact: Any, words: Messages, parent: QWidget | None = None) -> FactEditor:
    """The editor for a fact definition."""
    from trialdesk.ui.joint_picker import JointsEditor

    editors = {
        f.NumberFact: NumberEditor,
        f.CountFact: CountEditor,
        f.DateFact: DateEditor,
        f.YesNoFact: YesNoEditor,
        f.ChoiceFact: ChoiceEditor,
        f.MedicationFact: MedicationEditor,
        f.JointsFact: JointsEditor,
    }
    return editors[type(fact)](fact, words, parent)

