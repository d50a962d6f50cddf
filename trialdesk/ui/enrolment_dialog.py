"""Records a screening's enrolment outcome: enrolled (randomised) with its number and date, or not
enrolled with a coded reason. The site service decides; a refusal is shown inside the dialog, beside
what was typed, and nothing typed is lost to it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from trialdesk.domain.stages import NotEnrolledReason
from trialdesk.ui.date_field import DateField

#: What the dialog hands the site service, as `Desk.record_enrolment` takes it.
Record = Callable[[dict], None]


class EnrolmentDialog(QDialog):
    """`record(values)` records the outcome (raising the service's refusal); `refusal_text(error)` words one."""

    def __init__(self, number: str, words, today: date, record: Record,
                 refusal_text: Callable[[Exception], str | None], *, current: str | None = None,
                 enrolled: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("enrolmentDialog")
        self.setWindowTitle(self.tr("Enrolment outcome — %1").replace("%1", number))
        self.record, self.refusal_text = record, refusal_text
        self.enrolled = QRadioButton(self.tr("&Enrolled (randomised)"), self)
        self.not_enrolled = QRadioButton(self.tr("N&ot enrolled"), self)
        choice = QButtonGroup(self)
        choice.addButton(self.enrolled)
        choice.addButton(self.not_enrolled)
        (self.enrolled if enrolled else self.not_enrolled).setChecked(True)
        self.number = QLineEdit(self)
        self.number.setAccessibleName(self.tr("Randomisation number"))
        self.on = DateField(self)
        self.on.set_text(today.isoformat())
        self.reason = QComboBox(self)
        self.reason.setAccessibleName(self.tr("Reason not enrolled"))
        for code in NotEnrolledReason:
            self.reason.addItem(words.not_enrolled_reason(code), code.value)
        self.reason.setPlaceholderText(self.tr("Choose the reason"))
        self.reason.setCurrentIndex(-1)  # a coded reason is chosen, never taken by Enter
        self.text = QLineEdit(self)
        self.text.setAccessibleName(self.tr("Reason in words"))
        self.text.setPlaceholderText(self.tr("required with “other”"))
        self.change_reason = QLineEdit(self)
        self.change_reason.setAccessibleName(self.tr("Reason for the change"))
        form = QFormLayout()
        rows = [(self.tr("Randomisation &number:"), self.number), (self.tr("&Date:"), self.on),
                (self.tr("&Reason:"), self.reason), (self.tr("In &words:"), self.text)]
        self.labels = {}
        for text, widget in rows:
            label = QLabel(text, self)
            label.setBuddy(widget.line if isinstance(widget, DateField) else widget)
            form.addRow(label, widget)
            self.labels[widget] = label
        self.current = QLabel(self)
        self.current.setWordWrap(True)
        if current:  # an outcome is recorded already: a change needs its reason, and keeps the first
            self.current.setText(self.tr("Recorded now: %1. A change keeps it in the history, with your reason.")
                                 .replace("%1", current))
            label = QLabel(self.tr("Reason for the &change:"), self)
            label.setBuddy(self.change_reason)
            form.addRow(label, self.change_reason)
        else:
            self.current.hide()
            self.change_reason.hide()
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setProperty("role", "problem")
        self.problem.setAccessibleName(self.tr("Why it was not recorded"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Re&cord"))
        layout = QVBoxLayout(self)
        for widget in (self.enrolled, self.not_enrolled):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(self.current)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)  # one width, enrolled or not
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.enrolled.toggled.connect(self._show_fields)
        self._show_fields()

    @Slot()
    def _show_fields(self) -> None:
        enrolled = self.enrolled.isChecked()
        for widget, shown in ((self.number, enrolled), (self.reason, not enrolled), (self.text, not enrolled)):
            widget.setVisible(shown)
            self.labels[widget].setVisible(shown)
        (self.number if enrolled else self.reason).setFocus()

    def values(self) -> dict:
        enrolled = self.enrolled.isChecked()
        try:
            on = date.fromisoformat(self.on.text().strip())
        except ValueError:
            on = None
        return {"enrolled": enrolled, "on": on, "number": self.number.text().strip() if enrolled else None,
                "reason": None if enrolled else self.reason.currentData(),
                "text": None if enrolled else self.text.text().strip() or None,
                "change_reason": self.change_reason.text().strip() or None}

    @Slot()
    def submit(self) -> None:
        values = self.values()
        if values["on"] is None:
            self._say(self.tr("The date is written YYYY-MM-DD."), self.on.line)
            return
        if not values["enrolled"] and values["reason"] is None:
            self._say(self.tr("Choose the reason from the list."), self.reason)
            return
        try:
            self.record(values)
        except Exception as error:  # the service's refusal, shown here; anything else goes up
            text = self.refusal_text(error)
            if text is None:
                raise
            self._say(text, None)
            return
        self.accept()

    def _say(self, text: str, field: QWidget | None) -> None:
        """Why nothing was recorded, whole, beside what was typed (kept)."""
        self.problem.setText(text)
        self.adjustSize()
        if field is not None:
            field.setFocus()
