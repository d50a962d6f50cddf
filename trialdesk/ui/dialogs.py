"""Small dialogs that ask for a reason: a change of an earlier value, a screen failure, a correction."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from trialdesk.ui.look import fit_to_screen


class ReasonDialog(QDialog):
    """Asks for a non-empty reason; OK stays disabled until one is typed."""

    def __init__(self, title: str, explanation: str, parent: QWidget | None = None, text: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("reasonDialog")
        label = QLabel(explanation, self)
        label.setWordWrap(True)
        self.reason = QLineEdit(text, self)
        self.reason.setAccessibleName(self.tr("Reason"))
        caption = QLabel(self.tr("&Reason:"), self)
        caption.setBuddy(self.reason)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        layout = QVBoxLayout(self)
        for widget in (label, caption, self.reason, self.buttons):
            layout.addWidget(widget)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self._update)
        self._update()
        fit_to_screen(self, 480, self.sizeHint().height())

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.reason.text().strip()))

    @classmethod
    def ask(cls, title: str, explanation: str, parent: QWidget | None = None, text: str = "") -> str | None:
        dialog = cls(title, explanation, parent, text)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        reason = dialog.reason.text().strip()
        dialog.deleteLater()
        if parent is not None:
            parent.window().activateWindow()
        return reason if accepted and reason else None
