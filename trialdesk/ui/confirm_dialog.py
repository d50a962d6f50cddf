"""Asks to confirm an answer that is possible but unusual (a value outside its usual range, answers a
check marked `confirm` finds unusual together), as REDCap's soft validation does: Confirm keeps it
and the audit trail records the confirmation; Change the value (the default, and Escape) keeps
nothing."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget


class ConfirmValueDialog(QDialog):
    """The answer, what is unusual about it (one line a warning), and two buttons: the keyboard
    starts on Change the value."""

    def __init__(self, heading: str, warnings: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("confirmValueDialog")
        self.setWindowTitle(self.tr("Confirm an unusual value"))
        heading = QLabel(f"<b>{html.escape(heading)}</b>", self)
        heading.setWordWrap(True)
        self.warnings = QLabel("<br>".join(f"• {html.escape(w)}" for w in warnings), self)
        self.warnings.setWordWrap(True)
        self.warnings.setProperty("role", "problem")
        explanation = QLabel(self.tr("Check it against the source document. Confirm keeps it as entered and records "
                                     "your confirmation in the audit trail; Change the value saves nothing."), self)
        explanation.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.confirm = QPushButton(self.tr("&Confirm"), self)
        self.change = QPushButton(self.tr("C&hange the value"), self)
        self.buttons.addButton(self.confirm, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.change, QDialogButtonBox.ButtonRole.RejectRole)
        self.change.setDefault(True)  # Enter typed on from the field never confirms by accident
        layout = QVBoxLayout(self)
        for widget in (heading, self.warnings, explanation, self.buttons):
            layout.addWidget(widget)
        self.setAccessibleDescription(f"{heading.text()} {self.warnings.text()}")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.resize(520, self.sizeHint().height())
        self.change.setFocus()

    @classmethod
    def ask(cls, heading: str, warnings: list[str], parent: QWidget | None = None) -> bool:
        """True when the person confirms the answer."""
        dialog = cls(heading, warnings, parent)
        confirmed = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if parent is not None:
            parent.window().activateWindow()
        return confirmed
