"""One editor per fact type, generated from the protocol's fact definitions.

An editor shows and produces *raw answers* (what a facts file holds); it never decides
whether a value is valid: the session does, and the editor shows the problem it is told.
`edited` fires as the user types (live evaluation), `committed` when an entry is complete
(focus leaves, Enter, a choice is made): that is when it is saved.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
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
        self.label.setBuddy(self.focus_target())
        self.focus_target().setAccessibleName(words.fact_label(fact.id))
        self.setFocusProxy(self.focus_target())

    def build(self) -> QWidget:  # pragma: no cover - every editor overrides
        raise NotImplementedError

    def focus_target(self) -> QWidget:
        return self.input

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
        self.unit.setAccessibleName(self.tr("Unit of %s") % self.words.fact_label(self.fact.id))
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

    def display(self, raw: Any) -> None:
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
        return text  # the session reads it in the one typed number form (ASCII digits only)

    def display(self, raw: Any) -> None:
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

    def display(self, raw: Any) -> None:
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


class CourseRow(QWidget):
    """One course of one drug: drug, dose, unit, route, start, last dose change, stop."""

    changed = Signal()
    removeRequested = Signal(object)

    def __init__(self, fact: Any, entry: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.combos: dict[str, QComboBox] = {}
        self.lines: dict[str, QLineEdit] = {}
        self.dates: dict[str, DateField] = {}
        names = {"drug": self.tr("Drug"), "dose": self.tr("Dose"), "unit": self.tr("Unit"), "route": self.tr("Route"),
                 "start": self.tr("Start"), "last_change": self.tr("Last dose change"), "stop": self.tr("Stop")}
        choices = {"drug": fact.drugs, "unit": fact.dose_units, "route": fact.routes}
        for name in MedicationEditor.COLUMNS:
            if name in choices:
                combo = QComboBox(self)
                combo.addItem("", None)
                for value in choices[name]:
                    combo.addItem(value.replace("_", "-"), value)
                default = choices[name][0] if len(choices[name]) == 1 else None
                combo.setCurrentIndex(max(combo.findData(entry.get(name, default)), 0))
                combo.activated.connect(self.changed)
                widget: QWidget = combo
                self.combos[name] = combo
            elif name == "dose":
                line = QLineEdit("" if entry.get(name) is None else str(entry[name]), self)
                line.setMaximumWidth(80)
                line.editingFinished.connect(self.changed)
                widget = self.lines[name] = line
            else:
                field = DateField(self)
                field.set_text("" if entry.get(name) is None else str(entry[name]))
                field.editingFinished.connect(self.changed)
                widget = self.dates[name] = field
            widget.setAccessibleName(names[name])
            widget.setToolTip(names[name])
            row.addWidget(widget)
        self.remove = QPushButton(self.tr("Remove"), self)
        self.remove.setAccessibleName(self.tr("Remove this course"))
        self.remove.clicked.connect(lambda: self.removeRequested.emit(self))
        row.addWidget(self.remove)

    def entry(self) -> dict[str, Any]:
        entry: dict[str, Any] = {name: combo.currentData() for name, combo in self.combos.items()}
        entry["dose"] = self.lines["dose"].text().strip().replace(",", ".") or None
        entry.update({name: field.text() or None for name, field in self.dates.items()})
        return {name: entry[name] for name in MedicationEditor.COLUMNS}


class MedicationEditor(FactEditor):
    """Courses as rows of fields (Tab moves through them); "None taken" records an empty history."""

    COLUMNS = f.COURSE_FIELDS

    def build(self) -> QWidget:
        box = QWidget(self)
        self.column = QVBoxLayout(box)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.none_taken = QCheckBox(self.tr("None taken"), box)
        self.column.addWidget(self.none_taken)
        self.heading = QLabel(self.tr("Drug · dose · unit · route · start · last dose change · stop (empty while taken); "
                                      "dates YYYY-MM-DD"), box)
        self.heading.setProperty("role", "hint")
        self.column.addWidget(self.heading)
        self.rows_box = QVBoxLayout()
        self.column.addLayout(self.rows_box)
        self.add = QPushButton(self.tr("Add a course"), box)
        self.column.addWidget(self.add, 0, Qt.AlignmentFlag.AlignLeft)
        self.rows: list[CourseRow] = []
        self.add.clicked.connect(self._add_clicked)
        self.none_taken.toggled.connect(self._none_toggled)
        return box

    def focus_target(self) -> QWidget:
        return self.rows[0].combos["drug"] if self.rows else self.add

    def _add_row(self, entry: dict[str, Any]) -> CourseRow:
        row = CourseRow(self.fact, entry, self.input)
        row.changed.connect(self._committed_change)
        row.removeRequested.connect(self._remove_row)
        self.rows_box.addWidget(row)
        row.show()  # at once: a layout would show it on the next turn of the event loop, and Tab skips it until then
        self.rows.append(row)
        return row

    def _add_clicked(self) -> None:
        self.none_taken.setChecked(False)
        self._add_row({}).combos["drug"].setFocus()

    def _remove_row(self, row: CourseRow) -> None:
        self.rows.remove(row)
        row.hide()
        row.deleteLater()
        self._committed_change()
        self.add.setFocus()

    def _none_toggled(self, checked: bool) -> None:
        if checked:
            for row in list(self.rows):
                row.hide()
                row.deleteLater()
            self.rows = []
        self._committed_change()

    def _committed_change(self, *_: object) -> None:
        self._edited()
        self._committed()

    def raw(self) -> Any:
        if self.none_taken.isChecked():
            return []
        return [row.entry() for row in self.rows] or None

    def display(self, raw: Any) -> None:
        for row in self.rows:
            row.hide()
            row.deleteLater()
        self.rows = []
        self.none_taken.blockSignals(True)
        self.none_taken.setChecked(raw == [])
        self.none_taken.blockSignals(False)
        for entry in raw or ():
            self._add_row(entry if isinstance(entry, dict) else {})

    def set_read_only(self, read_only: bool) -> None:
        self.input.setEnabled(not read_only)
