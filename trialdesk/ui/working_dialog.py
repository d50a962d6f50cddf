"""A dialog whose action runs off the interface thread (a password check, a signature), and
shows a refusal in words beside the field it concerns.

Checking a password costs about 0.2 s by design (Argon2id), and a signature more: the work
runs through `run_in_background`, the dialog's inputs are disabled meanwhile, and the result
or the refusal comes back on the interface thread.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication, QMimeData, Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from trialdesk.messages import Messages
from trialdesk.ui.background import run_in_background
from trialdesk.ui.look import fit_to_screen, set_flag
from trialdesk.ui.refusals import refusal_text


def _problem_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setProperty("role", "problem")
    label.setWordWrap(True)
    label.hide()
    return label


class MeaningEdit(QPlainTextEdit):
    """The meaning of a signature: one paragraph, wrapped. Tab goes on to the next field, and Return
    does what it does in any field of the dialog (its default button) instead of adding a line."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setTabChangesFocus(True)
        self.setMaximumHeight(90)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.ignore()  # on to the dialog
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt's name
        """Pasted lines join into the one paragraph."""
        if source.hasText():
            self.insertPlainText(" ".join(source.text().split()))
        else:
            super().insertFromMimeData(source)


class WorkingDialog(QDialog):
    """Subclasses lay out their fields with `beside`, start their action with `work`, and say
    which field a refusal concerns in `field_for`."""

    def __init__(self, words: Messages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.words = words
        self.busy = False
        self.problem = _problem_label(self)  # a refusal that concerns no one field
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self._problems: dict[QWidget, QLabel] = {}
        self._disabled: list[QWidget] = []
        #: the changes someone else made meanwhile, when the store refused the action for them (the dialog
        #: then closes: its owner shows the changes and redraws before the person tries again)
        self.changed_underneath: list | None = None

    def lay_out(self, above: Iterable[QWidget], form: QFormLayout, accept: str, on_accept: Callable[[], None],
                width: int) -> QPushButton:
        """The shape every password dialog shares: text, the form, the problem line, progress, Cancel and
        its default button; returns that button."""
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        button = self.buttons.addButton(accept, QDialogButtonBox.ButtonRole.AcceptRole)
        button.setDefault(True)
        self.buttons.accepted.connect(on_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in above:
            layout.addWidget(widget)
        layout.addLayout(form)
        for widget in (self.problem, self.progress, self.buttons):
            layout.addWidget(widget)
        fit_to_screen(self, width, self.sizeHint().height())
        return button

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.activateWindow()  # the keyboard comes here, also at start-up with no window yet (or no window manager)

    def beside(self, field: QWidget, *others: QWidget) -> QWidget:
        """`field` (and any widgets in its row) with its problem label under it, for a form row."""
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        if others:
            row = QHBoxLayout()
            row.addWidget(field, 1)
            for other in others:
                row.addWidget(other)
            column.addLayout(row)
        else:
            column.addWidget(field)
        label = _problem_label(box)
        column.addWidget(label)
        self._problems[field] = label
        return box

    def problem_beside(self, field: QWidget) -> str:
        """The problem shown beside `field` ("" when none is)."""
        label = self._problems[field]
        return label.text() if not label.isHidden() else ""

    def show_problem(self, text: str | None, field: QWidget | None = None) -> None:
        """Show `text` beside `field` (marked invalid), or under the form; None clears every problem."""
        for each, label in self._problems.items():
            here = bool(text) and each is field
            label.setText(text if here else "")
            label.setVisible(here)
            set_flag(each, "invalid", here)
        general = bool(text) and field not in self._problems
        self.problem.setText(text if general else "")
        self.problem.setVisible(general)
        if text and field is not None:
            field.setFocus()
            if isinstance(field, QLineEdit):
                field.selectAll()

    def take_password(self, field: QLineEdit) -> str | None:
        """The password typed in `field`, which is cleared (it is used once and not kept); None when empty."""
        password = field.text()
        field.clear()
        if not password:
            self.show_problem(QCoreApplication.translate("WorkingDialog", "Type your password"), field)
            return None
        return password

    def work(self, op: Callable[[], Any], on_done: Callable[[Any], None], inputs: Iterable[QWidget]) -> None:
        """Run `op` off the interface thread with `inputs` disabled; then `on_done(result)` or a refusal shown."""
        self.busy = True
        self.show_problem(None)
        self._disabled = [widget for widget in inputs if widget.isEnabled()]
        for widget in self._disabled:
            widget.setEnabled(False)
        self.progress.show()
        run_in_background(op, lambda result: self._finished(on_done, result), self._failed, self)

    def _idle(self) -> None:
        self.busy = False
        self.progress.hide()
        for widget in self._disabled:
            widget.setEnabled(True)
        self._disabled = []

    def _finished(self, on_done: Callable[[Any], None], result: Any) -> None:
        self._idle()
        on_done(result)

    def _failed(self, error: Exception) -> None:
        self._idle()
        if getattr(error, "code", None) == "changed_underneath":
            self.changed_underneath = list(getattr(error, "params", {}).get("changes") or [])
            self.reject()
            return
        text = self.describe(error)
        if text is None:
            raise error  # not a refusal: the error handler shows it with a reference
        self.show_problem(text, self.field_for(error))

    def describe(self, error: Exception) -> str | None:
        """The words for a refusal; None for an unexpected error."""
        return refusal_text(self.words, error)

    def field_for(self, error: Exception) -> QWidget | None:
        """The field a refusal concerns (None: it is shown under the form)."""
        return None

    def reject(self) -> None:
        if not self.busy:  # work under way (a signature being made) finishes before the dialog closes
            super().reject()
