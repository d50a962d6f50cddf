"""Review and sign: the worksheet as it will be signed, the meaning of the signature, and the
investigator's two components: their account password and their certificate's passphrase
(with the identity file). Opening the identity and signing run off the interface thread.

The dialog fits the screen it opens on: the preview and the form scroll, the Sign and Cancel
buttons stay in view below them. The keyboard starts in the password; Tab goes on to the
passphrase (the identity file is found beside the site's data), and Return signs."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from trialdesk.messages import Messages
from trialdesk.ui.printing import page_pixmaps
from trialdesk.ui.refusals import ABOUT_CERTIFICATE, ABOUT_PASSWORD
from trialdesk.ui.look import fit_to_screen
from trialdesk.ui.working_dialog import MeaningEdit, WorkingDialog
from trialdesk.worksheet.content import default_meaning
from trialdesk.worksheet.signing import IdentityError, open_identity

if TYPE_CHECKING:
    from trialdesk.desk import Desk
    from trialdesk.session import ScreeningSession
    from trialdesk.signoff import SignedWorksheet

PREVIEW_WIDTH = 560  # the widest the worksheet's pages are drawn; narrower on a small screen
MIN_PREVIEW_WIDTH = 300
SIDE_WIDTH = 420  # what the form needs beside the preview


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

        fit_to_screen(self, 1100, 760)
        self.pages = QWidget(self)
        self.pages_layout = QVBoxLayout(self.pages)
        preview = QScrollArea(self)
        preview.setWidget(self.pages)
        preview.setWidgetResizable(True)
        preview.setMinimumWidth(MIN_PREVIEW_WIDTH // 2)
        preview.setAccessibleName(self.tr("Worksheet preview"))
        self.preview_width = max(MIN_PREVIEW_WIDTH, min(PREVIEW_WIDTH, self.width() - SIDE_WIDTH - 60))

        self.identities = self.site.data_dir / "identities"
        self.identity = QLineEdit(self)
        self.identity.setAccessibleName(self.tr("Identity file"))
        found = identity_files(self.identities, desk.person.name)
        if found:
            self.identity.setText(str(found[0]))
        browse = QPushButton(self.tr("C&hoose…"), self)
        browse.setAccessibleName(self.tr("Choose the identity file"))
        browse.clicked.connect(self._browse)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Your password"))
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.meaning = MeaningEdit(default_meaning(session.protocol, session.report, words), self)
        self.meaning.setAccessibleName(self.tr("Meaning of the signature"))
        self.paper = QComboBox(self)
        self.paper.setAccessibleName(self.tr("Paper"))
        self.paper.addItem("A4", "a4")
        self.paper.addItem("Letter", "letter")
        self.paper.currentIndexChanged.connect(self._preview)

        form = QFormLayout()
        form.addRow(self.tr("Your pass&word:"), self.beside(self.password))
        form.addRow(self.tr("Certificate &passphrase:"), self.beside(self.passphrase))
        form.addRow(self.tr("&Identity file:"), self.beside(self.identity, browse))
        form.addRow(self.tr("&Meaning:"), self.meaning)
        form.addRow(self.tr("Pap&er:"), self.paper)
        for row, widget in enumerate((self.password, self.passphrase, self.identity, self.meaning, self.paper)):
            form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget().setBuddy(widget)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.sign_button = self.buttons.addButton(self.tr("&Sign"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.sign_button.setDefault(True)  # Return in a field signs
        self.buttons.rejected.connect(self.reject)
        self.sign_button.clicked.connect(self.sign)
        self._inputs = (self.password, self.identity, browse, self.passphrase, self.meaning, self.paper,
                        self.sign_button)
        chain = (self.password, self.passphrase, self.identity, browse, self.meaning, self.paper, self.sign_button)
        for before, after in zip(chain, chain[1:]):
            QWidget.setTabOrder(before, after)

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
        side_layout.addStretch(1)
        side_scroll = QScrollArea(self)
        side_scroll.setWidget(side)
        side_scroll.setWidgetResizable(True)
        side_scroll.setFrameShape(QFrame.Shape.NoFrame)
        side_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        splitter = QSplitter(self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(preview)
        splitter.addWidget(side_scroll)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([self.preview_width + 40, SIDE_WIDTH])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        for widget in (self.problem, self.progress, self.buttons):  # always in view, below what scrolls
            layout.addWidget(widget)
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
        for pixmap in page_pixmaps(pdf, self.preview_width):
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
