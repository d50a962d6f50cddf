"""Review and sign: the worksheet as it will be signed, the meaning of the signature, who signs
(an identity file) and their passphrase. Signing runs off the interface thread."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from trialdesk.messages import Messages
from trialdesk.persistence.screening_store import ScreeningStore, StoreError
from trialdesk.session import ScreeningSession, local_now
from trialdesk.signoff import SignedWorksheet, check_signer, draft_worksheet, sign_screening, site_file_dir
from trialdesk.ui.background import run_in_background
from trialdesk.ui.look import set_flag
from trialdesk.ui.printing import page_pixmaps
from trialdesk.worksheet.content import default_meaning
from trialdesk.worksheet.signing import IdentityError, open_identity

PREVIEW_WIDTH = 560


class SignDialog(QDialog):
    """Accepted once the worksheet is signed, kept and filed; `result_` holds what was signed."""

    def __init__(self, store: ScreeningStore, session: ScreeningSession, words: Messages, data_dir: Path,
                 parent: QWidget | None = None, clock=local_now) -> None:
        super().__init__(parent)
        self.store, self.session, self.words, self.data_dir, self.clock = store, session, words, data_dir, clock
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

        self.identity = QLineEdit(self)
        self.identity.setAccessibleName(self.tr("Identity file"))
        identities = sorted((data_dir / "identities").glob("*.p12"))
        if identities:
            self.identity.setText(str(identities[0]))
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._browse)
        identity_row = QHBoxLayout()
        identity_row.addWidget(self.identity, 1)
        identity_row.addWidget(browse)
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.meaning = QPlainTextEdit(default_meaning(session.protocol, session.report, words), self)
        self.meaning.setAccessibleName(self.tr("Meaning of the signature"))
        self.meaning.setMaximumHeight(90)
        self.paper = QComboBox(self)
        self.paper.addItem("A4", "a4")
        self.paper.addItem("Letter", "letter")
        self.paper.currentIndexChanged.connect(self._preview)
        self.problem = QLabel(self)
        self.problem.setProperty("role", "problem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.hide()

        form = QFormLayout()
        form.addRow(self.tr("&Identity file:"), identity_row)
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        form.addRow(self.tr("&Meaning:"), self.meaning)
        form.addRow(self.tr("Pa&per:"), self.paper)
        for label, widget in ((0, self.identity), (1, self.passphrase), (2, self.meaning), (3, self.paper)):
            form.itemAt(label, QFormLayout.ItemRole.LabelRole).widget().setBuddy(widget)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.sign_button = self.buttons.addButton(self.tr("&Sign"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.rejected.connect(self.reject)
        self.sign_button.clicked.connect(self.sign)

        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        note = QLabel(self.tr("Signing records your name, role, the date and time and this meaning on the worksheet "
                              "and in a digital (PAdES) signature. The screening is then locked."), side)
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
        self.passphrase.setFocus()

    def _preview(self) -> None:
        while self.pages_layout.count():
            widget = self.pages_layout.takeAt(0).widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        rendered = draft_worksheet(self.store, self.session, self.words, self.paper.currentData())
        self.page_labels = []
        for pixmap in page_pixmaps(rendered.pdf, PREVIEW_WIDTH):
            label = QLabel(self.pages)
            label.setPixmap(pixmap)
            self.pages_layout.addWidget(label)
            self.page_labels.append(label)

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Identity file"), str(self.data_dir / "identities"),
                                              self.tr("PKCS#12 identity (*.p12 *.pfx)"))
        if name:
            self.identity.setText(name)

    def show_problem(self, text: str | None, field: QWidget | None = None) -> None:
        self.problem.setText(text or "")
        self.problem.setVisible(bool(text))
        for widget in (self.identity, self.passphrase):
            set_flag(widget, "invalid", widget is field)

    def sign(self) -> None:
        """Check everything the signer can get wrong here, then sign in the background."""
        try:
            data = Path(self.identity.text().strip()).read_bytes()
        except OSError as error:
            self.show_problem(self.tr("The identity file cannot be read: %s") % error.strerror, self.identity)
            return
        try:
            identity = open_identity(data, self.passphrase.text().encode("utf-8"))
        except IdentityError as error:
            self.show_problem(str(error), self.passphrase)
            self.passphrase.selectAll()
            self.passphrase.setFocus()
            return
        finally:
            self.passphrase.clear()  # the passphrase is used once and not kept
        try:
            check_signer(self.store, self.session, identity.name)
        except StoreError as error:
            self.show_problem(self.words.store_error(error.code, error.params), self.identity)
            return
        self.show_problem(None)
        self.progress.show()
        self.sign_button.setEnabled(False)
        meaning = self.meaning.toPlainText().strip() or None
        paper = self.paper.currentData()
        at: datetime = self.clock()
        folder = site_file_dir(self.store, self.data_dir)
        run_in_background(
            lambda: sign_screening(self.store, self.session, identity, self.words, at=at, folder=folder,
                                   meaning=meaning, paper=paper),
            self._signed, self._failed, self,
        )

    def _signed(self, result: SignedWorksheet) -> None:
        self.progress.hide()
        self.result_ = result
        self.accept()

    def _failed(self, error: Exception) -> None:
        self.progress.hide()
        self.sign_button.setEnabled(True)
        if isinstance(error, StoreError):
            self.show_problem(self.words.store_error(error.code, error.params))
        else:
            self.show_problem(self.tr("Not signed: %s") % error)
