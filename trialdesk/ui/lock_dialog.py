"""The locked window: the person signed in unlocks with their password, someone else signs in
in their place, or trialdesk quits. Escape and closing do not unlock."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from trialdesk.messages import Messages
from trialdesk.ui.look import fit_to_screen
from trialdesk.ui.sign_in_dialog import SignInDialog
from trialdesk.ui.working_dialog import WorkingDialog

if TYPE_CHECKING:
    from trialdesk.desk import Desk, Site
    from trialdesk.domain.people import Account


class LockDialog(WorkingDialog):
    """Finishes Accepted with `desk` (the same person's, or another's), or with QUIT."""

    QUIT = 2

    def __init__(self, site: Site, person: Account, words: Messages, parent: QWidget | None = None) -> None:
        super().__init__(words, parent)
        self.site = site
        self.person = person
        self.desk: Desk | None = None
        self.setObjectName("lockDialog")
        self.setWindowTitle(self.tr("trialdesk is locked"))
        heading = QLabel(self.tr("Locked: %1 (%2) is signed in").replace("%1", person.name)
                         .replace("%2", words.role(person.role)), self)
        heading.setProperty("role", "heading")
        heading.setWordWrap(True)
        self.heading = heading
        intro = QLabel(self.tr("The window locked itself after a time without use; everything entered is saved. "
                               "Type your password to go on, or sign in as someone else: the work open now is "
                               "then closed."), self)
        intro.setWordWrap(True)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password of %s") % person.name)
        form = QFormLayout()
        form.addRow(self.tr("&Password:"), self.beside(self.password))
        form.itemAt(0, QFormLayout.ItemRole.LabelRole).widget().setBuddy(self.password)

        self.buttons = QDialogButtonBox(self)
        self.unlock_button = self.buttons.addButton(self.tr("&Unlock"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.unlock_button.setDefault(True)
        self.someone_else_button = self.buttons.addButton(self.tr("Sign in as &someone else…"),
                                                          QDialogButtonBox.ButtonRole.ActionRole)
        self.quit_button = self.buttons.addButton(self.tr("&Quit trialdesk"), QDialogButtonBox.ButtonRole.DestructiveRole)
        self.buttons.accepted.connect(self.unlock)
        self.someone_else_button.clicked.connect(self.someone_else)
        self.quit_button.clicked.connect(lambda: self.done(self.QUIT))

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 520, self.sizeHint().height())
        self.password.setFocus()

    def unlock(self) -> None:
        password = self.take_password(self.password)
        if password is None:
            return
        self.work(lambda: self.site.sign_in(self.person.name, password, purpose="unlock"), self._signed_in,
                  (self.password, *self.buttons.buttons()))

    def someone_else(self) -> None:
        dialog = SignInDialog(self.site, self.words, self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        desk = dialog.desk
        dialog.deleteLater()
        if accepted and desk is not None:
            self._signed_in(desk)

    def _signed_in(self, desk: Desk) -> None:
        self.desk = desk
        self.accept()

    def field_for(self, error: Exception) -> QWidget | None:
        return self.password

    def reject(self) -> None:
        """Escape and the close button leave the window locked."""

    def dismiss(self) -> None:
        """Close without unlocking (the window itself is closing)."""
        QDialog.done(self, QDialog.DialogCode.Rejected)
