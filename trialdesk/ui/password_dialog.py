"""Choose your own password: asked right after the sign-in of someone still on the password an
administrator gave (`Desk.must_change_password`); until they choose one, their desk refuses
everything. Accepted once the new password is saved; cancelled, nobody is signed in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QWidget

from trialdesk.desk import Refused
from trialdesk.domain.people import MIN_PASSWORD, check_password
from trialdesk.messages import Messages
from trialdesk.ui.working_dialog import WorkingDialog

if TYPE_CHECKING:
    from trialdesk.desk import Desk

#: Refusals about the new password itself: shown beside it.
_ABOUT_NEW = frozenset({"password_too_short", "password_too_long", "password_unchanged"})


class ChoosePasswordDialog(WorkingDialog):
    """The new password twice; `desk.change_password(current, new)` runs off the interface thread."""

    def __init__(self, desk: Desk, current: str, words: Messages, parent: QWidget | None = None) -> None:
        super().__init__(words, parent)
        self.desk = desk
        self._current = current  # the password just typed at sign-in: kept only while this dialog is open
        self.setObjectName("choosePasswordDialog")
        self.setWindowTitle(self.tr("Choose your own password"))
        heading = QLabel(self.tr("Choose your own password, %s") % desk.person.name, self)
        heading.setProperty("role", "heading")
        heading.setWordWrap(True)
        intro = QLabel(self.tr("You signed in with the password the site administrator gave you. Choose one that "
                               "only you know: trialdesk opens once it is saved, and you sign in with it from "
                               "now on."), self)
        intro.setWordWrap(True)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("New password"))
        self.password.setPlaceholderText(self.tr("at least %d characters") % MIN_PASSWORD)
        self.again = QLineEdit(self)
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again.setAccessibleName(self.tr("New password again"))

        form = QFormLayout()
        form.addRow(self.tr("&New password:"), self.beside(self.password))
        form.addRow(self.tr("Password &again:"), self.beside(self.again))
        for row, widget in enumerate((self.password, self.again)):
            form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget().setBuddy(widget)
        self.save_button = self.lay_out([heading, intro], form, self.tr("&Save password"), self.save, 480)
        self.password.setFocus()

    def save(self) -> None:
        new, again = self.password.text(), self.again.text()
        self.password.clear()
        self.again.clear()
        try:  # what can be told without checking the current password again (each check counts as a sign-in)
            check_password(new)
            if new != again:
                raise Refused("passwords_differ")
            if new == self._current:
                raise Refused("password_unchanged")
        except Refused as refused:
            self.show_problem(self.describe(refused), self.field_for(refused))
            self.password.setFocus()
            return
        desk, current = self.desk, self._current

        def change() -> None:
            desk.change_password(current, new)
            desk.refresh()  # the person as recorded now: no longer on the given password

        self.work(change, self._saved, (self.password, self.again, self.save_button))

    def _saved(self, _result: object) -> None:
        self.accept()

    def field_for(self, error: Exception) -> QWidget | None:
        code = getattr(error, "code", None)
        if code in _ABOUT_NEW:
            return self.password
        if code == "passwords_differ":
            return self.again
        return None  # the account itself (locked, disabled meanwhile): under the form

    def done(self, result: int) -> None:
        self._current = ""  # work under way keeps its own copy until it finishes
        super().done(result)


def choose_own_password(desk: Desk, current: str, words: Messages, parent: QWidget | None = None) -> bool:
    """Whether `desk` may go on: at once if its person chose their own password already, else once
    they choose one now (False when they cancel)."""
    if not desk.must_change_password:
        return True
    dialog = ChoosePasswordDialog(desk, current, words, parent)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    return accepted
