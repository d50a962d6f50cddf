"""A new screening: the subject's details, checked as they are typed, and the protocol version
that applies on the screening date (or why none does).

A date that is possible but unusual (an age over 100, a screening or consent date after today or a
year or more before it: `trialdesk.domain.soft_checks`) is said beside its field as it is typed; the
window asks to confirm it when the screening starts, and the confirmation is audited.

Beside the initials, the subject's Chinese name may be typed to suggest them in the four-box form
(`trialdesk.desk.initials`): the name is not one of the dialog's values, is cleared when it closes,
and initials typed by hand are never overwritten by a suggestion."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from trialdesk.desk.initials import MAX_NAME, NameTooLong, suggest_initials
from trialdesk.domain.errors import FactsInvalid, Problem
from trialdesk.domain.initials import is_four_box
from trialdesk.domain.protocol import Protocol
from trialdesk.domain.screening import SUBJECT_FIELDS, check_subject
from trialdesk.domain.soft_checks import subject_warnings
from trialdesk.domain.values import Unreadable, read_date
from trialdesk.domain.versions import WITHDRAWN, InstalledVersion, VersionChoice, is_withdrawn
from trialdesk.messages import Messages
from trialdesk.ui.date_field import DateField
from trialdesk.ui.look import available_area, fit_to_screen, set_flag

if TYPE_CHECKING:
    from trialdesk.desk.log import ScreeningLog


class NewScreeningDialog(QDialog):
    """The screening number starts as `suggested_number` (the site's pattern's next, from the site
    service). OK is enabled only when every field is valid, the screening number is free and, with
    `versions` (the site service's choice of version for a screening date), a version of the
    protocol may start a screening on the screening date."""

    def __init__(self, protocol: Protocol, log: ScreeningLog, site: str, words: Messages, today: date,
                 parent: QWidget | None = None, *,
                 versions: Callable[[date], VersionChoice] | None = None, suggested_number: str | None = None) -> None:
        super().__init__(parent)
        self.protocol, self.log, self.site, self.words = protocol, log, site, words
        self.versions = versions
        self.today = today
        self.setWindowTitle(self.tr("New screening — %s") % protocol.id)
        self.setObjectName("newScreeningDialog")
        self.inputs: dict[str, QWidget] = {}
        self.problems: dict[str, QLabel] = {}
        self.body = QWidget(self)  # the fields scroll on a screen too small for them
        form = QFormLayout(self.body)
        labels = {
            "screening_number": self.tr("Screening &number"),
            "initials": self.tr("&Initials"),
            "date_of_birth": self.tr("Date of &birth"),
            "sex": self.tr("Se&x"),
            "screening_date": self.tr("Screening &date"),
            "consent_date": self.tr("Informed &consent date"),
            "consent_version": self.tr("Consent form &version"),
        }
        for field in SUBJECT_FIELDS:
            widget = self._input(field)
            problem = QLabel(self.body)
            problem.setProperty("role", "problem")
            problem.setWordWrap(True)
            problem.hide()
            box = QWidget(self.body)
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(self._with_name(widget) if field == "initials" else widget)
            column.addWidget(problem)
            label = QLabel(labels[field], self.body)
            label.setBuddy(self._focus(field))
            self._focus(field).setAccessibleName(labels[field].replace("&", ""))
            form.addRow(label, box)
            self.problems[field] = problem
        self.inputs["screening_date"].set_date(today)
        if suggested_number:  # the next number of the site's pattern, editable
            self.inputs["screening_number"].setText(suggested_number)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start screening"))
        layout = QVBoxLayout(self)
        self.title = QLabel(f"<b>{protocol.id}</b> — {protocol.title}", self)
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.version_note = QLabel(self.body)
        self.version_note.setObjectName("protocolVersion")
        self.version_note.setWordWrap(True)
        self.version_note.setVisible(versions is not None)
        form.addRow(self.version_note)
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("newScreeningFields")
        self.scroll.setAccessibleName(self.tr("The subject's details"))
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setWidget(self.body)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._touched: set[str] = set()
        self.check()
        fit_to_screen(self, max(self.sizeHint().width(), 640), self._wanted_height())

    def _input(self, field: str) -> QWidget:
        if field == "sex":
            box = QWidget(self)
            row = QHBoxLayout(box)
            row.setContentsMargins(0, 0, 0, 0)
            self.sex = QButtonGroup(box)
            for value, text in (("female", self.tr("&Female")), ("male", self.tr("&Male"))):
                button = QRadioButton(text, box)
                button.setProperty("value", value)
                self.sex.addButton(button)
                row.addWidget(button)
            row.addStretch(1)
            self.sex.buttonClicked.connect(lambda *_: self._changed("sex"))
            widget = box
        elif field in ("date_of_birth", "screening_date", "consent_date"):
            widget = DateField(self)
            widget.textEdited.connect(lambda *_, f=field: self._changed(f))
        else:
            widget = QLineEdit(self)
            widget.textEdited.connect(lambda *_, f=field: self._changed(f))
        self.inputs[field] = widget
        return widget

    def _with_name(self, initials: QLineEdit) -> QWidget:
        """The initials and, beside them, the Chinese name that suggests them (`chinese_name`)."""
        row = QWidget(self.body)
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        self.chinese_name = QLineEdit(row)
        self.chinese_name.setObjectName("chineseName")
        self.chinese_name.setMaxLength(MAX_NAME)
        # no input method learns it or predicts from it
        self.chinese_name.setInputMethodHints(Qt.InputMethodHint.ImhSensitiveData | Qt.InputMethodHint.ImhNoPredictiveText)
        note = self.tr("Only to suggest the initials in the four-box form (张三丰 → ZSFE): the name is not kept, "
                       "and is cleared when this window closes. Initials typed by hand are kept.")
        self.chinese_name.setToolTip(note)
        self.chinese_name.setAccessibleName(self.tr("Chinese name (not stored)"))
        self.chinese_name.setAccessibleDescription(note)
        label = QLabel(self.tr("C&hinese name (not stored)"), row)
        label.setBuddy(self.chinese_name)
        label.setToolTip(note)
        line.addWidget(initials, 1)
        line.addWidget(label)
        line.addWidget(self.chinese_name, 1)
        self._initials_by_hand = False
        initials.textEdited.connect(self._initials_typed)
        self.chinese_name.textEdited.connect(self._suggest)
        return row

    def _initials_typed(self, text: str) -> None:
        """Initials typed by hand stay: no suggestion replaces them (unless they are emptied again)."""
        self._initials_by_hand = bool(text.strip())

    def _suggest(self, name: str) -> None:
        if self._initials_by_hand:  # kept as typed; whether they are in the four-box form is said again
            self.check()
            return
        try:
            suggestion = suggest_initials(name)
        except NameTooLong:  # the field holds no more than MAX_NAME characters: a paste cut short
            suggestion = None
        initials = self.inputs["initials"]
        if initials.text() != (suggestion or ""):
            initials.setText(suggestion or "")
            self._changed("initials")

    def _not_four_box(self, initials: str | None) -> bool:
        """Initials of a Chinese name (one is typed beside them) that are not in the four-box form: said, not refused."""
        return bool(self.chinese_name.text().strip() and initials and not is_four_box(initials))

    def done(self, result: int) -> None:
        """Closing (accepted, cancelled or closed) forgets the name; setText also drops its undo history."""
        self.chinese_name.setText("")
        super().done(result)

    def _focus(self, field: str) -> QWidget:
        widget = self.inputs[field]
        if field == "sex":
            return self.sex.buttons()[0]
        return widget.line if isinstance(widget, DateField) else widget

    def prefill(self, values: dict[str, str]) -> None:
        """Fill fields known already (a re-screening's subject, a pre-screened candidate's records); each
        stays editable, and is checked as if typed."""
        for field, value in values.items():
            widget = self.inputs.get(field)
            if widget is None or value in (None, ""):
                continue
            if field == "sex":
                for button in self.sex.buttons():
                    button.setChecked(button.property("value") == value)
            elif isinstance(widget, DateField):
                widget.set_text(str(value))
            elif isinstance(widget, QLineEdit):
                widget.setText(str(value))
            self._touched.add(field)
        self.check()

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for field, widget in self.inputs.items():
            if field == "sex":
                checked = self.sex.checkedButton()
                values[field] = checked.property("value") if checked else None
            else:
                values[field] = widget.text().strip() if isinstance(widget, (QLineEdit, DateField)) else None
        return values

    def _changed(self, field: str) -> None:
        self._touched.add(field)
        self.check()

    def check(self) -> bool:
        """Show each touched field's problem beside it; enable OK when there are none at all."""
        problems: dict[str, Problem] = {}
        values = self.values()
        try:
            check_subject(values)
        except FactsInvalid as invalid:
            problems = {p.fact: p for p in invalid.problems}
        number = values["screening_number"]
        if "screening_number" not in problems and self.log.number_taken(self.protocol.id, self.site, number):
            problems["screening_number"] = Problem("duplicate_screening_number", "screening_number",
                                                 {"value": number, "protocol": self.protocol.id, "site": self.site})
        unusual = self._unusual(values, problems)
        for field, label in self.problems.items():
            problem = problems.get(field) if field in self._touched else None
            if problem is not None and problem.code == "duplicate_screening_number":
                text = self.words.store_error(problem.code, problem.params)
            else:
                text = self.words.problem_text(problem) if problem else ""
            set_flag(self._focus(field), "invalid", bool(text))
            if not text and field in unusual:
                text = self.tr("Unusual, to be confirmed when the screening starts: %s") % unusual[field]
            if not text and field == "initials" and self._not_four_box(values["initials"]):
                text = self.tr("Not in the four-box form of a Chinese name (four capital letters, as ZSFE or WAE-)")
            label.setText(text)
            label.setVisible(bool(text))
            self._focus(field).setAccessibleDescription(text)
        version_ok = self._show_version(values["screening_date"])
        self._grow()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problems and version_ok)
        return not problems and version_ok

    def _wanted_height(self) -> int:
        """The height that shows every field and what is said beside it without scrolling."""
        margins = self.layout().contentsMargins()
        others = self.height() - self.scroll.height() if self.isVisible() else (
            self.layout().spacing() * 2 + margins.top() + margins.bottom() + self.buttons.sizeHint().height()
            + self.title.sizeHint().height())
        return self.body.sizeHint().height() + others

    def _grow(self) -> None:
        """Taller when what is said beside the fields needs it, as far as the screen allows (then it scrolls)."""
        if not self.isVisible() or self.body.sizeHint().height() <= self.scroll.viewport().height():
            return
        fit_to_screen(self, self.width(), self._wanted_height())
        area, frame = available_area(self), self.frameGeometry()
        if frame.bottom() > area.bottom():  # grown past the screen's foot: moved up, inside it
            self.move(self.x(), max(area.top(), self.y() - (frame.bottom() - area.bottom())))

    def _unusual(self, values: dict[str, Any], problems: dict[str, Problem]) -> dict[str, str]:
        """What is unusual in the touched dates the form accepts, in words, by field."""
        dates = {}
        for field in ("date_of_birth", "screening_date", "consent_date"):
            if field in problems:
                continue
            try:
                dates[field] = read_date(values[field])
            except Unreadable:
                continue
        warned: dict[str, list[str]] = {}
        for warning in subject_warnings(dates, self.today, changed=self._touched):
            warned.setdefault(warning.fact, []).append(self.words.problem_text(warning))
        return {field: "; ".join(texts) for field, texts in warned.items()}

    def _show_version(self, screening_date: str | None) -> bool:
        """Say which protocol version applies on the screening date, or why none does; False when none does."""
        if self.versions is None:
            return True
        try:
            on = read_date(screening_date)
        except Unreadable:  # the date itself is refused beside its field
            self.version_note.setText("")
            return True
        choice = self.versions(on)
        if choice.chosen is not None:
            text = self.tr("Protocol version for %1: %2, %3").replace("%3", self._validity(choice.chosen, choice)) \
                .replace("%2", choice.chosen.label).replace("%1", on.isoformat())
        else:
            listed = "; ".join(dict.fromkeys(f"{v.label}, {self._validity(v, choice)}" for v in choice.versions))
            if choice.problem == WITHDRAWN and choice.withdrawn is not None:
                text = self.tr("Version %1, in force on %2, is withdrawn: no new screening starts under it. "
                               "Versions: %3").replace("%3", listed).replace("%2", on.isoformat()) \
                    .replace("%1", choice.withdrawn.label)
            else:
                text = self.tr("No version of %1 is in force on %2. Versions: %3").replace("%3", listed) \
                    .replace("%2", on.isoformat()).replace("%1", choice.protocol_id)
        self.version_note.setText(text)
        set_flag(self.version_note, "role", "hint" if choice.chosen is not None else "problem")
        return choice.chosen is not None

    def _validity(self, version: InstalledVersion, choice: VersionChoice) -> str:
        start, end = version.protocol.valid_from, version.protocol.valid_to
        if start and end:
            text = self.tr("valid %1 to %2").replace("%2", end.isoformat()).replace("%1", start.isoformat())
        elif start:
            text = self.tr("valid from %1").replace("%1", start.isoformat())
        elif end:
            text = self.tr("valid until %1").replace("%1", end.isoformat())
        else:
            text = self.tr("valid on any date")
        return text + (self.tr(", withdrawn") if is_withdrawn(version, choice.versions) else "")
