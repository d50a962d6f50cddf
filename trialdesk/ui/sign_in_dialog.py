"""Sign in: choose your name, type your password. Accepted with `desk`, the signed-in person's.

Someone still on the password an administrator gave chooses their own before the dialog is
accepted; when they cancel that, the sign-in is cancelled too (nobody is signed in)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from trialdesk.messages import Messages
from trialdesk.ui.working_dialog import WorkingDialog

if TYPE_CHECKING:
    from trialdesk.desk import Desk, Site


class SignInDialog(WorkingDialog):
    """Every active account is listed by its full name; five wrong passwords in a row lock it."""

    def __init__(self, site: Site, words: Messages, parent: QWidget | None = None) -> None:
        super().__init__(words, parent)
        self.site = site
        self.desk: Desk | None = None
        self.setObjectName("signInDialog")
        self.setWindowTitle(self.tr("Sign in — trialdesk"))
        intro = QLabel(self.tr("Choose your name and type your password. Everything you enter is recorded "
                               "under your name."), self)
        intro.setWordWrap(True)

        self.name = QComboBox(self)
        for account in site.accounts():
            if account.active:
                self.name.addItem(account.name, account.name)
                self.name.setItemData(self.name.count() - 1, words.role(account.role), Qt.ItemDataRole.ToolTipRole)
        self.name.setCurrentIndex(-1)
        self.name.setPlaceholderText(self.tr("Choose your name"))
        self.name.setAccessibleName(self.tr("Your name"))
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))

        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.beside(self.name))
        form.addRow(self.tr("&Password:"), self.beside(self.password))
        for row, widget in ((0, self.name), (1, self.password)):
            form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget().setBuddy(widget)
        self.sign_in_button = self.lay_out([intro], form, self.tr("&Sign in"), self.sign_in, 440)
        self.name.setFocus()

    def choose(self, name: str) -> None:
        """Preselect a person (the one whose window this is), leaving the password to type."""
        index = self.name.findData(name)
        if index >= 0:
            self.name.setCurrentIndex(index)
            self.password.setFocus()

    def sign_in(self) -> None:
        name = self.name.currentData()
        if not name:
            self.show_problem(self.tr("Choose your name"), self.name)
            return
        password = self.take_password(self.password)
        if password is None:
            return
        self.work(lambda: self.site.sign_in(name, password), lambda desk: self._signed_in(desk, password),
                  (self.name, self.password, self.sign_in_button))

    def _signed_in(self, desk: Desk, password: str) -> None:
        from trialdesk.ui.password_dialog import choose_own_password

        if not choose_own_password(desk, password, self.words, self):
            self.reject()
            return
        self.desk = desk
        self.accept()

    def field_for(self, error: Exception) -> QWidget | None:
        return self.password
