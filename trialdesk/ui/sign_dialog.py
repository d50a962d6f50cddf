"""Review and sign: the worksheet as it will be signed, the meaning of the signature, and the
investigator's two components: their account password and their certificate's passphrase
(with the identity file). Opening the identity and signing run off the interface thread."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from trialdesk.messages import Messages
from trialdesk.ui.printing import page_pixmaps
from trialdesk.ui.refusals import ABOUT_CERTIFICATE, ABOUT_PASSWORD
from trialdesk.ui.working_dialog import WorkingDialog
from trialdesk.worksheet.content import default_meaning
from trialdesk.worksheet.signing import IdentityError, open_identity

if TYPE_CHECKING:
    from trialdesk.desk import Desk
    from trialdesk.session import ScreeningSession
    from trialdesk.signoff import SignedWorksheet

PREVIEW_WIDTH = 560


def identity_files(folder: Path, name: str) -> list[Path]:
    """The identity files kept in `folder`, the person's own first (`identity create` names it after them)."""
    own = re.sub(r"[^\w.-]+", "_", name, flags=re.UNICODE).strip("_")
    return sorted(folder.glob("*.p12"), key=lambda path: (path.stem != own, path.name))


class SignDialog(WorkingDialog):
    """Accepted once the worksheet is signed, kept and filed; `result_` holds what was signed."""

    def __init__(self, desk: Desk, session: ScreeningSession, words: Messages, parent: QWidget | None = None) -> None:
        super().__init__(words, parent)
        self.desk, self.session = desk, session
        self.site = desk.site
        self.result_: SignedWorksheet | None = None
        self.setObjectName("signDialog")
        self.setWindowTitle(self.tr("Review and sign — %s") % session.screening.subject.screening_number)

        self.pages = QWidget(self)
        self.pages_layout = QVBoxLayout(self.pages)
        preview = QScrollArea(self)
        preview.setWidget(self.pages)
        preview.setWidgetResizable(True)
        preview.setMinimumWidth(PREVIEW_WIDTH + 40)
        preview.setAccessibleName(self.tr("Worksheet preview"))

        self.identities = self.site.data_dir / "identities"
        self.identity = QLineEdit(self)
        self.identity.setAccessibleName(self.tr("Identity file"))
        found = identity_files(self.identities, desk.person.name)
        if found:
            self.identity.setText(str(found[0]))
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._browse)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Your password"))
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.meaning = QPlainTextEdit(default_meaning(session.protocol, session.report, words), self)
        self.meaning.setAccessibleName(self.tr("Meaning of the signature"))
        self.meaning.setTabChangesFocus(True)
        self.meaning.setMaximumHeight(90)
        self.paper = QComboBox(self)
        self.paper.addItem("A4", "a4")
        self.paper.addItem("Letter", "letter")
        self.paper.currentIndexChanged.connect(self._preview)

        form = QFormLayout()
        form.addRow(self.tr("Your pass&word:"), self.beside(self.password))
        form.addRow(self.tr("&Identity file:"), self.beside(self.identity, browse))
        form.addRow(self.tr("&Passphrase:"), self.beside(self.passphrase))
        form.addRow(self.tr("&Meaning:"), self.meaning)
        form.addRow(self.tr("Pa&per:"), self.paper)
        for row, widget in enumerate((self.password, self.identity, self.passphrase, self.meaning, self.paper)):
            form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget().setBuddy(widget)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.sign_button = self.buttons.addButton(self.tr("&Sign"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.rejected.connect(self.reject)
        self.sign_button.clicked.connect(self.sign)
        self._inputs = (self.password, self.identity, browse, self.passphrase, self.meaning, self.paper,
                        self.sign_button)

        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        person = desk.person
        note = QLabel(self.tr("Signing records your name (%1, %2), the date and time and this meaning on the "
                              "worksheet and in a digital (PAdES) signature. It takes both your password and your "
                              "certificate's passphrase. The screening is then locked.")
                      .replace("%1", person.name).replace("%2", words.role(person.role)), side)
        note.setWordWrap(True)
        side_layout.addWidget(note)
        side_layout.addLayout(form)
        side_layout.addWidget(self.problem)
        side_layout.addWidget(self.progress)
        side_layout.addStretch(1)
        side_layout.addWidget(self.buttons)
        splitter = QSplitter(self)
        splitter.addWidget(preview)
        splitter.addWidget(side)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.resize(1100, 760)
        self._preview()
        self.password.setFocus()

    def _preview(self) -> None:
        while self.pages_layout.count():
            widget = self.pages_layout.takeAt(0).widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        pdf = self.site.draft_pdf(self.session, self.words, self.paper.currentData())
        self.page_labels = []
        for pixmap in page_pixmaps(pdf, PREVIEW_WIDTH):
            label = QLabel(self.pages)
            label.setPixmap(pixmap)
            self.pages_layout.addWidget(label)
            self.page_labels.append(label)

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Identity file"), str(self.identities),
                                              self.tr("PKCS#12 identity (*.p12 *.pfx)"))
        if name:
            self.identity.setText(name)

    def sign(self) -> None:
        """Check what can be checked at once, then open the identity and sign in the background."""
        password = self.take_password(self.password)
        passphrase = self.passphrase.text().encode("utf-8")
        self.passphrase.clear()  # used once and not kept
        if password is None:
            return
        try:
            data = Path(self.identity.text().strip()).read_bytes()
        except OSError as error:
            self.show_problem(self.tr("The identity file cannot be read: %s") % (error.strerror or error), self.identity)
            return
        meaning = self.meaning.toPlainText().strip() or None
        paper = self.paper.currentData()

        def sign() -> SignedWorksheet:
            identity = open_identity(data, passphrase)
            return self.desk.sign(self.session, identity, password, self.words, meaning=meaning, paper=paper)

        self.work(sign, self._signed, self._inputs)

    def _signed(self, result: SignedWorksheet) -> None:
        self.result_ = result
        self.accept()

    def describe(self, error: Exception) -> str | None:
        if isinstance(error, IdentityError):
            return str(error)
        return super().describe(error)

    def field_for(self, error: Exception) -> QWidget | None:
        if isinstance(error, IdentityError):
            return self.passphrase
        code = getattr(error, "code", None)
        if code in ABOUT_PASSWORD:
            return self.password
        if code in ABOUT_CERTIFICATE:
            return self.identity
        return None
