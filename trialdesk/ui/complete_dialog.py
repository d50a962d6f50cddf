"""Complete: the coordinator's electronic signature that the data entry of a screening is
complete (21 CFR 11.50, 11.200(a)): the meaning, and the password typed again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QWidget

from trialdesk.messages import Messages
from trialdesk.ui.refusals import ABOUT_PASSWORD
from trialdesk.ui.working_dialog import MeaningEdit, WorkingDialog

if TYPE_CHECKING:
    from trialdesk.desk import Desk
    from trialdesk.desk import Completion
    from trialdesk.session import ScreeningSession


class CompleteDialog(WorkingDialog):
    """Accepted once the completion is recorded; `completion` holds it."""

    def __init__(self, desk: Desk, session: ScreeningSession, words: Messages, parent: QWidget | None = None) -> None:
        super().__init__(words, parent)
        self.desk, self.session = desk, session
        self.completion: Completion | None = None
        self.setObjectName("completeDialog")
        self.setWindowTitle(self.tr("Complete — %s") % session.screening.subject.screening_number)
        person = desk.person
        note = QLabel(self.tr("Completing signs, under your name (%1, %2) and with the date and time, that the data "
                              "entry of this screening is complete. It is kept in the audit trail and printed on the "
                              "worksheet; a later change of any answer undoes it.")
                      .replace("%1", person.name).replace("%2", words.role(person.role)), self)
        note.setWordWrap(True)
        protocol = session.protocol
        self.meaning = MeaningEdit(words.t("meaning.completed", protocol=protocol.id, version=protocol.version), self)
        self.meaning.setAccessibleName(self.tr("Meaning of the signature"))
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Your password"))

        form = QFormLayout()
        form.addRow(self.tr("&Meaning:"), self.meaning)
        form.addRow(self.tr("Your &password:"), self.beside(self.password))
        for row, widget in ((0, self.meaning), (1, self.password)):
            form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget().setBuddy(widget)
        self.complete_button = self.lay_out([note], form, self.tr("&Complete"), self.complete, 560)
        self.password.setFocus()

    def complete(self) -> None:
        password = self.take_password(self.password)
        if password is None:
            return
        meaning = self.meaning.toPlainText().strip() or None
        self.work(lambda: self.desk.complete(self.session, password, meaning, self.words), self._completed,
                  (self.meaning, self.password, self.complete_button))

    def _completed(self, completion: Completion) -> None:
        self.completion = completion
        self.accept()

    def field_for(self, error: Exception) -> QWidget | None:
        return self.password if getattr(error, "code", None) in ABOUT_PASSWORD else None
