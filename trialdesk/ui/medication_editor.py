"""The editor of a medication history: one row of fields per line of the source records.

A line is one drug at one constant dose (`MedicationFact`): the drug by its label, or another
drug by its name as written where the fact allows it, then only the fields the fact asks.

A line is entered field by field and committed as a whole: when the keyboard (or a click) leaves
its fields, or Enter is pressed in one. Only then is the history saved, and only then does a problem
show, on the field it is in. A line added and not begun (nothing entered in it) is no line at all;
the keyboard leaving the window leaves the line open.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trialdesk.messages import Messages
from trialdesk.messages.editors import drug_label, route_label
from trialdesk.ui.date_field import DateField
from trialdesk.ui.editor_base import FactEditor
from trialdesk.ui.look import set_flag


class CourseRow(QWidget):
    """One line of a medication history: the drug (by its label; "Other drug…" where the fact
    allows it, with a field for the name as written), then the fact's own fields among dose,
    unit, route, start, last dose change and stop. Dose, unit and route a fact does not require
    start empty and say they are optional.

    An edit in a field makes the line `dirty`; `commit` (called as the keyboard leaves the line's
    fields, or on Enter) announces it once with `changed`."""

    OTHER = "other"  # the data of the drug list's "Other drug…" item (no drug id is a bare "other" line)

    changed = Signal()
    removeRequested = Signal(object)

    def __init__(self, fact: Any, words: Messages, entry: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.fact = fact
        self.words = words
        self.dirty = False  # edited since last committed
        self.begun = bool(entry)  # entered (a line not begun is no line: a unit or drug shown by default is not an entry)
        self.combos: dict[str, QComboBox] = {}
        self.lines: dict[str, QLineEdit] = {}
        self.dates: dict[str, DateField] = {}
        self.other: QLineEdit | None = None
        self.names = names = {
            "drug": self.tr("Drug"), "dose": self.tr("Dose"), "unit": self.tr("Unit"), "route": self.tr("Route"),
            "start": self.tr("Start"), "last_change": self.tr("Last dose change"), "stop": self.tr("Stop"),
            "other": self.tr("Name of the other drug, as written")}
        optional = not fact.dose_required
        if optional:
            names.update(dose=self.tr("Dose (optional)"), unit=self.tr("Unit (optional)"), route=self.tr("Route (optional)"))
        choices = {"unit": [(u, words.unit(u)) for u in fact.dose_units], "route": [(r, route_label(words, r)) for r in fact.routes]}
        for name in MedicationEditor.columns(fact):
            if name == "drug":
                widget: QWidget = self._drug_field(words, entry)
            elif name in choices:
                combo = QComboBox(self)
                combo.addItem("", None)
                for value, text in choices[name]:
                    combo.addItem(text, value)
                # the only unit or route is taken for a line that needs one; an optional one stays as the record has it
                default = choices[name][0][0] if len(choices[name]) == 1 and not optional else None
                combo.setCurrentIndex(max(combo.findData(entry.get(name, default)), 0))
                combo.activated.connect(self._edited)
                widget = self.combos[name] = combo
            elif name == "dose":
                line = QLineEdit("" if entry.get(name) is None else str(entry[name]), self)
                line.setMaximumWidth(80)
                if optional:
                    line.setPlaceholderText(self.tr("optional"))
                line.textEdited.connect(self._edited)
                line.returnPressed.connect(self.commit)
                widget = self.lines[name] = line
            else:
                field = DateField(self)
                field.set_text("" if entry.get(name) is None else str(entry[name]))
                field.textEdited.connect(self._edited)
                field.line.returnPressed.connect(self.commit)
                widget = self.dates[name] = field
            if name != "drug":
                widget.setToolTip(names[name])
            row.addWidget(widget)
        self.remove = QPushButton(self.tr("Remove"), self)
        # Tab goes from a line's last field to the next line, not through its Remove button: the keyboard
        # removes a line by Ctrl+Delete in any of its fields. A click on Remove removes the line without
        # committing it first: the line, not the page, takes the focus.
        self.remove.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.remove.setToolTip(self.tr("Remove this line (Ctrl+Delete in any of its fields)"))
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.remove.clicked.connect(lambda: self.removeRequested.emit(self))
        removal = QShortcut(QKeySequence(Qt.KeyboardModifier.ControlModifier | Qt.Key.Key_Delete), self)
        removal.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        removal.activated.connect(lambda: self.removeRequested.emit(self))
        row.addWidget(self.remove)
        self.set_number(1)

    def set_number(self, number: int) -> None:
        """Name every field of the line by its place in the history ("Start, line 2")."""
        def named(what: str) -> str:
            return self.tr("%1, line %2").replace("%1", what).replace("%2", str(number))

        for name in ("drug", "other", *MedicationEditor.columns(self.fact)[1:]):
            widget = self.field(name)
            if widget is not None:
                widget.setAccessibleName(named(self.names[name]))
        for field in self.dates.values():
            field.button.setAccessibleName(named(QApplication.translate("DateField", "Calendar")))
        self.setAccessibleName(named(self.words.fact_label(self.fact.id)))  # the line itself takes a click's focus
        self.remove.setAccessibleName(self.tr("Remove line %d") % number)

    def fields(self) -> list[QWidget]:
        """The line's fields in the order shown (the other drug's name beside the drug)."""
        names = ("drug", "other", *MedicationEditor.columns(self.fact)[1:])
        return [field for field in map(self.field, names) if field is not None]

    def tab_stops(self) -> list[QWidget]:
        return self.fields()

    def holds(self, widget: QWidget | None) -> bool:
        """`widget` is one of the line's fields, or a list or calendar one of them opened."""
        while widget is not None:
            if widget is self:
                return True
            widget = widget.parentWidget()
        return False

    @Slot()
    def _edited(self, *_: object) -> None:
        self.dirty = self.begun = True

    @Slot()
    def commit(self) -> None:
        """The line is complete as the person sees it: announce it once (nothing if nothing changed)."""
        if self.dirty:
            self.dirty = False
            self.changed.emit()

    def text(self) -> str:
        """The line as entered, in words ("Methotrexate 15 mg/week Oral 2026-01-05")."""
        parts = []
        for name in MedicationEditor.columns(self.fact):
            if name == "drug":
                combo = self.combos["drug"]
                parts.append(self.other.text().strip() if combo.currentData() == self.OTHER and self.other is not None
                             else combo.currentText())
            elif name in self.combos:
                parts.append(self.combos[name].currentText())
            elif name in self.lines:
                parts.append(self.lines[name].text().strip())
            else:
                parts.append(self.dates[name].text())
        return " ".join(part for part in parts if part)

    def _drug_field(self, words: Messages, entry: dict[str, Any]) -> QWidget:
        """The drugs the fact offers, by their labels in the reader's language (other names as a tooltip)."""
        box = QWidget(self)
        cell = QHBoxLayout(box)
        cell.setContentsMargins(0, 0, 0, 0)
        combo = self.combos["drug"] = QComboBox(box)
        combo.setToolTip(self.tr("Drug"))
        combo.addItem("", None)
        vocabulary = self.fact.vocabulary
        for drug_id in self.fact.offered:
            combo.addItem(drug_label(words, self.fact.id, drug_id), drug_id)
            drug = vocabulary.drugs.get(drug_id)
            if drug is not None and drug.synonyms:
                combo.setItemData(combo.count() - 1, ", ".join(drug.synonyms), Qt.ItemDataRole.ToolTipRole)
        cell.addWidget(combo)
        if self.fact.allow_other:
            combo.addItem(self.tr("Other drug…"), self.OTHER)
            other = self.other = QLineEdit(box)
            other.setPlaceholderText(self.tr("Name of the other drug, as written"))
            other.setToolTip(self.tr("Kept as written and counted in no class"))
            other.setText(str(entry.get("other") or ""))
            other.textEdited.connect(self._edited)
            other.returnPressed.connect(self.commit)
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
        self._edited()
        if self.other is not None:
            is_other = self.combos["drug"].currentData() == self.OTHER
            self.other.setVisible(is_other)
            if is_other:
                self.other.setFocus()

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
    with only the fields the fact asks (no last dose change where each dose is a line of its own);
    "None taken" records an empty history. The history is saved as a line is committed (the
    keyboard leaves it, or Enter), as a line is removed, or "None taken" is ticked."""

    @staticmethod
    def columns(fact: Any) -> tuple[str, ...]:
        """The fields a row shows, in order ("other" shares the drug's cell)."""
        return tuple(name for name in fact.fields if name != "other")

    def build(self) -> QWidget:
        self.COLUMNS = self.columns(self.fact)
        box = QWidget(self)
        self.column = QVBoxLayout(box)
        self.column.setContentsMargins(0, 0, 0, 0)
        label = self.words.fact_label(self.fact.id)
        self.none_taken = QCheckBox(self.tr("None taken"), box)
        self.none_taken.setAccessibleName(f"{label}: {self.none_taken.text()}")
        self.column.addWidget(self.none_taken)
        self.heading = QLabel(self._heading(), box)
        self.heading.setProperty("role", "hint")
        self.heading.setWordWrap(True)
        self.column.addWidget(self.heading)
        self.rows_box = QVBoxLayout()
        self.column.addLayout(self.rows_box)
        self.add = QPushButton(self.tr("Add a course"), box)
        self.add.setAccessibleName(f"{label}: {self.add.text()}")
        self.column.addWidget(self.add, 0, Qt.AlignmentFlag.AlignLeft)
        self.rows: list[CourseRow] = []
        self.add.clicked.connect(self._add_clicked)
        self.none_taken.toggled.connect(self._none_toggled)
        QApplication.instance().focusChanged.connect(self._focus_moved)
        return box

    @Slot(QWidget, QWidget)
    def _focus_moved(self, old: QWidget | None, new: QWidget | None) -> None:
        """The keyboard left a line (to another line, another field, another page): it is committed.
        Focus leaving the window (to look something up elsewhere) leaves the line open."""
        if old is None or new is None:
            return
        for row in self.rows:
            if row.dirty and row.holds(old) and not row.holds(new):
                row.commit()

    def _heading(self) -> str:
        if self.COLUMNS == ("drug", "dose", "unit", "route", "start", "last_change", "stop") and not self.fact.allow_other \
                and self.fact.dose_required:
            return self.tr("Drug · dose · unit · route · start · last dose change · stop (empty while taken); "
                           "dates YYYY-MM-DD") + " " + self._removal_hint()
        names = {"drug": "Drug", "dose": "Dose", "unit": "Unit", "route": "Route", "start": "Start",
                 "last_change": "Last dose change", "stop": "Stop"}  # CourseRow's words, translated as there
        fields = " · ".join(QApplication.translate("CourseRow", names[name]) for name in self.COLUMNS)
        text = self.tr("One line per drug and dose: %s (stop empty while taken); dates YYYY-MM-DD.") % fields
        if self.fact.one_line_per_dose:
            text += " " + self.tr("A dose change is a new line: the old line stops the day before the change, the new "
                                  "one starts on the day of the change.")
        if not self.fact.dose_required and {"dose", "unit", "route"} & set(self.COLUMNS):
            text += " " + self.tr("Dose, unit and route may be left empty where the record does not give them.")
        if self.fact.allow_other:
            text += " " + self.tr("A drug not on the list: choose “Other drug…” and type its name as written; "
                                  "it is counted in no class.")
        return text + " " + self._removal_hint()

    def _removal_hint(self) -> str:
        return self.tr("Ctrl+Delete in a line removes it.")

    def focus_target(self) -> QWidget:
        return self.rows[0].combos["drug"] if self.rows else self.add

    def _add_row(self, entry: dict[str, Any]) -> CourseRow:
        row = CourseRow(self.fact, self.words, entry, self.input)
        row.changed.connect(self._committed_change)
        row.removeRequested.connect(self._remove_row)
        self.rows_box.addWidget(row)
        row.show()  # at once: a layout would show it on the next turn of the event loop, and Tab skips it until then
        self.rows.append(row)
        row.set_number(len(self.rows))
        self._order_tab()
        return row

    def _order_tab(self) -> None:
        """Tab goes as the editor shows it: "None taken", each line's fields, then "Add a course" (a
        line made later would otherwise come last in the window)."""
        stops = [self.none_taken, *(stop for row in self.rows for stop in row.tab_stops()), self.add]
        for before, after in zip(stops, stops[1:]):
            QWidget.setTabOrder(before, after)

    def _add_clicked(self) -> None:
        self.none_taken.setChecked(False)
        self._add_row({}).combos["drug"].setFocus()

    def _remove_row(self, row: CourseRow) -> None:
        row.dirty = False  # removed, not committed as the keyboard leaves it
        self.rows.remove(row)
        self.add.setFocus()
        row.hide()
        row.deleteLater()
        for number, other in enumerate(self.rows, 1):
            other.set_number(number)
        self._committed_change()

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

    def entered(self) -> list[CourseRow]:
        """The lines begun, in order: the entries of the answer (a line not begun is none)."""
        return [row for row in self.rows if row.begun]

    def show_problem(self, text: str | None, paths: tuple[tuple[str | int, ...], ...] = ()) -> None:
        super().show_problem(text, paths)
        marked = {(p[0], p[1]) for p in paths if len(p) > 1 and isinstance(p[0], int)}
        entered = self.entered()
        for row in self.rows:
            index = entered.index(row) if row in entered else None
            for name in ("drug", "other", *self.COLUMNS):
                widget = row.field(name)
                if widget is not None:
                    set_flag(widget, "invalid", (index, name) in marked)
        at_fault = sorted({p[0] for p in paths if p and isinstance(p[0], int) and p[0] < len(entered)})
        if self.refused_text() is not None and at_fault:  # the lines refused, not the whole history
            self._set_refused("; ".join(entered[index].text() for index in at_fault))

    def entry_text(self) -> str | None:
        if self.none_taken.isChecked():
            return self.none_taken.text()
        return "; ".join(row.text() for row in self.entered()) or None

    def raw(self) -> Any:
        if self.none_taken.isChecked():
            return []
        return [row.entry() for row in self.entered()] or None

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
