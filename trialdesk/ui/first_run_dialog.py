"""The first run at a site with no accounts: whoever sets trialdesk up creates its first site
administrator (full name, password typed twice) and is signed in as them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from trialdesk.domain.people import MIN_PASSWORD
from trialdesk.messages import Messages
from trialdesk.ui.working_dialog import WorkingDialog

if TYPE_CHECKING:
    from trialdesk.desk import Desk, Site

_ABOUT_NAME = frozenset({"bad_name", "account_exists"})
_ABOUT_PASSWORD = frozenset({"password_too_short", "password_too_long"})


class FirstRunDialog(WorkingDialog):
    """Accepted with `desk`, the new administrator's."""

    def __init__(self, site: Site, words: Messages, parent: QWidget | None = None) -> None:
        super().__init__(words, parent)
        self.site = site
        self.desk: Desk | None = None
        self.setObjectName("firstRunDialog")
        self.setWindowTitle(self.tr("Set up trialdesk"))
        intro = QLabel(self.tr("This site has no accounts yet. Create the first one: the site administrator, who "
                               "then adds the coordinators and investigators. Give your full name: it is recorded "
                               "with everything you do here and is never given to anyone else."), self)
        intro.setWordWrap(True)
        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("Full name"))
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.password.setPlaceholderText(self.tr("at least %d characters") % MIN_PASSWORD)
        self.again = QLineEdit(self)
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again.setAccessibleName(self.tr("Password again"))

        form = QFormLayout()
        form.addRow(self.tr("Full &name:"), self.beside(self.name))
        form.addRow(self.tr("&Password:"), self.beside(self.password))
        form.addRow(self.tr("Password &again:"), self.beside(self.again))
        for row, widget in enumerate((self.name, self.password, self.again)):
            form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget().setBuddy(widget)
        self.create_button = self.lay_out([intro], form, self.tr("&Create administrator"), self.create, 480)
        self.name.setFocus()

    def create(self) -> None:
        name = self.name.text()
        password, again = self.password.text(), self.again.text()
        self.password.clear()
        self.again.clear()
        if password != again:
            self.show_problem(self.words.refusal("passwords_differ", {}), self.again)
            self.password.setFocus()
            return
        self.work(lambda: self.site.create_first_administrator(name, password), self._created,
                  (self.name, self.password, self.again, self.create_button))

    def _created(self, desk: Desk) -> None:
        self.desk = desk
        self.accept()

    def field_for(self, error: Exception) -> QWidget | None:
        code = getattr(error, "code", None)
        if code in _ABOUT_NAME:
            return self.name
        if code in _ABOUT_PASSWORD:
            return self.password
        return None
