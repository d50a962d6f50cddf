"""Review and sign, and printing, from the window."""

from __future__ import annotations

import subprocess

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QMessageBox

from tests.ui.conftest import create, when_modal
from tests.worksheet.conftest import pdfsig
from trialdesk.domain.screening import ScreeningStatus
from trialdesk.signoff import write_private
from trialdesk.ui.printing import paint_pdf
from trialdesk.ui.sign_dialog import SignDialog
from trialdesk.worksheet.signing import create_identity

PASSPHRASE = "correct horse battery"


def prepare(window):
    store = window.store
    at = __import__("datetime").datetime.now().astimezone()
    store.delegate("Wang Li", "principal_investigator", actor="coordinator", at=at)
    write_private(window.settings.data_dir / "identities" / "Wang_Li.p12",
                  create_identity("Wang Li", "principal_investigator", PASSPHRASE.encode()))
    screening_id = create(window, "eligible")
    window.open_screening(screening_id)
    return window.view


def test_an_investigator_reviews_and_signs_in_the_window(qtbot, window):
    view = prepare(window)
    assert view.stack.currentWidget() is view.summary and view.summary.sign_button.isEnabled()
    seen = {}

    def sign(dialog):
        seen["pages"] = len(dialog.page_labels)  # the worksheet itself, page by page
        qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
        qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)

    def acknowledge(box):
        seen["message"] = box.text()
        box.accept()

    when_modal(sign, SignDialog)
    when_modal(acknowledge, QMessageBox)
    qtbot.mouseClick(view.summary.sign_button, Qt.MouseButton.LeftButton)
    assert seen["pages"] >= 5
    assert "signed and filed" in seen["message"]
    screening = window.store.find("S-001")
    assert screening.status is ScreeningStatus.SIGNED
    (document,) = window.store.documents(screening.id)
    filed = window.settings.data_dir / "site-file" / document.file_name
    assert "Signature is Valid." in pdfsig(filed)
    assert view.lock_banner.isVisible() and not view.summary.sign_button.isEnabled()


def test_a_wrong_passphrase_is_shown_beside_the_field(qtbot, window):
    view = prepare(window)
    seen = {}

    def wrong(dialog):
        qtbot.keyClicks(dialog.passphrase, "not the passphrase")
        qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
        seen["problem"] = dialog.problem.text()
        seen["invalid"] = dialog.passphrase.property("invalid")
        seen["cleared"] = dialog.passphrase.text()
        dialog.reject()

    when_modal(wrong, SignDialog)
    qtbot.mouseClick(view.summary.sign_button, Qt.MouseButton.LeftButton)
    assert "passphrase does not open" in seen["problem"] and seen["invalid"] is True and seen["cleared"] == ""
    assert window.store.find("S-001").status is ScreeningStatus.ELIGIBLE


def test_printing_draws_every_page_of_the_worksheet(qtbot, window, tmp_path):
    view = prepare(window)
    pdf = view.worksheet_pdf()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    drawn = paint_pdf(pdf, printer)
    info = subprocess.run(["pdfinfo", str(tmp_path / "printed.pdf")], capture_output=True, text=True, check=True).stdout
    assert f"Pages:           {drawn}" in info and drawn >= 5
