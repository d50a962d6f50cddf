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
    QApplication,
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
    `fact.uln`, the laboratory's upper limit of normal beside it, in the same unit."""

    def build(self) -> QWidget:
        protocol = self.words.protocol
        label = self.words.fact_label(self.fact.id)
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
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

    def focus_target(self) -> QWidget:
        return self.line

    def _unit_changed(self) -> None:
        if self.uln_unit is not None:
            self.uln_unit.setText(self.unit.currentText())
        if self.line.text().strip():
            self._edited()
            self._committed()

    def show_problem(self, text: str | None, paths: tuple[tuple[str | int, ...], ...] = ()) -> None:
        super().show_problem(text, paths)
        if self.uln_line is not None:
            on_uln = ("uln",) in paths
            set_flag(self.uln_line, "invalid", bool(text) and on_uln)
            set_flag(self.line, "invalid", bool(text) and (not on_uln or any(p != ("uln",) for p in paths)))

    def raw(self) -> Any:
        text = self.line.text().strip().replace(",", ".")
        if not text:
            return None
        answer = {"value": text, "unit": self.unit.currentData()}
        if self.uln_line is not None and self.uln_line.text().strip():
            answer["uln"] = self.uln_line.text().strip().replace(",", ".")
        return answer

    def display(self, raw: Any) -> None:
        if isinstance(raw, dict):
            self.line.setText(str(raw.get("value", "")))
            index = self.unit.findData(str(raw.get("unit")))
            if index >= 0:
                self.unit.setCurrentIndex(index)
            uln = raw.get("uln")
        else:
            self.line.setText("" if raw is None else str(raw))
            uln = None
        if self.uln_line is not None:
            self.uln_line.setText("" if uln is None else str(uln))


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


class CourseRow(QWidget):
    """One line of a medication history: the drug (by its label; "Other drug…" where the fact
    allows it, with a field for the name as written), then the fact's own fields among dose,
    unit, route, start, last dose change and stop."""

    OTHER = "other"  # the data of the drug list's "Other drug…" item (no drug id is a bare "other" line)

    changed = Signal()
    removeRequested = Signal(object)

    def __init__(self, fact: Any, words: Messages, entry: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.fact = fact
        self.combos: dict[str, QComboBox] = {}
        self.lines: dict[str, QLineEdit] = {}
        self.dates: dict[str, DateField] = {}
        self.other: QLineEdit | None = None
        names = {"drug": self.tr("Drug"), "dose": self.tr("Dose"), "unit": self.tr("Unit"), "route": self.tr("Route"),
                 "start": self.tr("Start"), "last_change": self.tr("Last dose change"), "stop": self.tr("Stop")}
        choices = {"unit": [(u, u) for u in fact.dose_units], "route": [(r, r.replace("_", "-")) for r in fact.routes]}
        for name in MedicationEditor.columns(fact):
            if name == "drug":
                widget: QWidget = self._drug_field(words, entry)
            elif name in choices:
                combo = QComboBox(self)
                combo.addItem("", None)
                for value, text in choices[name]:
                    combo.addItem(text, value)
                default = choices[name][0][0] if len(choices[name]) == 1 else None
                combo.setCurrentIndex(max(combo.findData(entry.get(name, default)), 0))
                combo.activated.connect(self.changed)
                widget = self.combos[name] = combo
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
            if name != "drug":
                widget.setAccessibleName(names[name])
                widget.setToolTip(names[name])
            row.addWidget(widget)
        self.remove = QPushButton(self.tr("Remove"), self)
        self.remove.setAccessibleName(self.tr("Remove this course"))
        self.remove.clicked.connect(lambda: self.removeRequested.emit(self))
        row.addWidget(self.remove)

    def _drug_field(self, words: Messages, entry: dict[str, Any]) -> QWidget:
        """The drugs the fact offers, by their labels in the reader's language (other names as a tooltip)."""
        box = QWidget(self)
        cell = QHBoxLayout(box)
        cell.setContentsMargins(0, 0, 0, 0)
        combo = self.combos["drug"] = QComboBox(box)
        combo.setAccessibleName(self.tr("Drug"))
        combo.setToolTip(self.tr("Drug"))
        combo.addItem("", None)
        vocabulary = self.fact.vocabulary
        for drug_id in self.fact.offered:
            combo.addItem(words.drug_name(self.fact.id, drug_id), drug_id)
            drug = vocabulary.drugs.get(drug_id)
            if drug is not None and drug.synonyms:
                combo.setItemData(combo.count() - 1, ", ".join(drug.synonyms), Qt.ItemDataRole.ToolTipRole)
        cell.addWidget(combo)
        if self.fact.allow_other:
            combo.addItem(self.tr("Other drug…"), self.OTHER)
            other = self.other = QLineEdit(box)
            other.setPlaceholderText(self.tr("Name of the other drug, as written"))
            other.setAccessibleName(self.tr("Name of the other drug, as written"))
            other.setToolTip(self.tr("Kept as written and counted in no class"))
            other.setText(str(entry.get("other") or ""))
            other.editingFinished.connect(self.changed)
            keep_place = other.sizePolicy()
            keep_place.setRetainSizeWhenHidden(True)  # rows keep their columns aligned
            other.setSizePolicy(keep_place)
            cell.addWidget(other)
        chosen = self.OTHER if entry.get("other") is not None and self.other is not None else entry.get("drug")
        if chosen is None and len(self.fact.offered) == 1 and not self.fact.allow_other:
            chosen = self.fact.offered[0]
        combo.setCurrentIndex(max(combo.findData(chosen), 0))
        if self.other is not None:
            self.other.setVisible(combo.currentData() == self.OTHER)
        combo.activated.connect(self._drug_chosen)
        return box

    def _drug_chosen(self) -> None:
        if self.other is not None:
            is_other = self.combos["drug"].currentData() == self.OTHER
            self.other.setVisible(is_other)
            if is_other:
                self.other.setFocus()
                if not self.other.text().strip():
                    return  # the line is complete once its name is typed
        self.changed.emit()

    def field(self, name: str) -> QWidget | None:
        """The widget showing one field of the line (for marking a problem)."""
        if name == "other":
            return self.other
        if name in self.dates:
            return self.dates[name].line
        return self.combos.get(name) or self.lines.get(name)

    def entry(self) -> dict[str, Any]:
        """The line as a raw answer: only the fields the fact asks, `other` in place of `drug` for another drug."""
        entry: dict[str, Any] = {name: combo.currentData() for name, combo in self.combos.items()}
        if "dose" in self.lines:
            entry["dose"] = self.lines["dose"].text().strip().replace(",", ".") or None
        entry.update({name: field.text() or None for name, field in self.dates.items()})
        if entry.get("drug") == self.OTHER and self.other is not None:
            del entry["drug"]
            entry["other"] = self.other.text()
        return {name: entry[name] for name in self.fact.fields if name in entry}


class MedicationEditor(FactEditor):
    """Lines of a history as rows of fields (Tab moves through them): one line per drug and dose,
    with only the fields the fact asks; "None taken" records an empty history."""

    @staticmethod
    def columns(fact: Any) -> tuple[str, ...]:
        """The fields a row shows, in order ("other" shares the drug's cell)."""
        return tuple(name for name in fact.fields if name != "other")

    def build(self) -> QWidget:
        self.COLUMNS = self.columns(self.fact)
        box = QWidget(self)
        self.column = QVBoxLayout(box)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.none_taken = QCheckBox(self.tr("None taken"), box)
        self.column.addWidget(self.none_taken)
        self.heading = QLabel(self._heading(), box)
        self.heading.setProperty("role", "hint")
        self.heading.setWordWrap(True)
        self.column.addWidget(self.heading)
        self.rows_box = QVBoxLayout()
        self.column.addLayout(self.rows_box)
        self.add = QPushButton(self.tr("Add a course"), box)
        self.column.addWidget(self.add, 0, Qt.AlignmentFlag.AlignLeft)
        self.rows: list[CourseRow] = []
        self.add.clicked.connect(self._add_clicked)
        self.none_taken.toggled.connect(self._none_toggled)
        return box

    def _heading(self) -> str:
        if self.COLUMNS == ("drug", "dose", "unit", "route", "start", "last_change", "stop") and not self.fact.allow_other:
            return self.tr("Drug · dose · unit · route · start · last dose change · stop (empty while taken); "
                           "dates YYYY-MM-DD")
        names = {"drug": "Drug", "dose": "Dose", "unit": "Unit", "route": "Route", "start": "Start",
                 "last_change": "Last dose change", "stop": "Stop"}  # CourseRow's words, translated as there
        fields = " · ".join(QApplication.translate("CourseRow", names[name]) for name in self.COLUMNS)
        text = self.tr("One line per drug and dose: %s (stop empty while taken); dates YYYY-MM-DD.") % fields
        if self.fact.allow_other:
            text += " " + self.tr("A drug not on the list: choose “Other drug…” and type its name as written; "
                                  "it is counted in no class.")
        return text

    def focus_target(self) -> QWidget:
        return self.rows[0].combos["drug"] if self.rows else self.add

    def _add_row(self, entry: dict[str, Any]) -> CourseRow:
        row = CourseRow(self.fact, self.words, entry, self.input)
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

    def show_problem(self, text: str | None, paths: tuple[tuple[str | int, ...], ...] = ()) -> None:
        super().show_problem(text, paths)
        marked = {(p[0], p[1]) for p in paths if len(p) > 1 and isinstance(p[0], int)}
        for index, row in enumerate(self.rows):
            for name in ("drug", "other", *self.COLUMNS):
                widget = row.field(name)
                if widget is not None:
                    set_flag(widget, "invalid", (index, name) in marked)

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
