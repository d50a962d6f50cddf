"""The two signatures from the window: the coordinator's Complete…, the investigator's Review and
sign… (password and passphrase), who may not sign, and printing."""

from __future__ import annotations

import subprocess

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.ui.conftest import create, when_modal
from tests.worksheet.conftest import pdfsig
from trialdesk.domain.screening import ScreeningStatus
from trialdesk.signoff import write_private
from trialdesk.ui.complete_dialog import CompleteDialog
from trialdesk.ui.printing import paint_pdf
from trialdesk.ui.sign_dialog import SignDialog

as_pi = pytest.mark.parametrize("user", ["pi"], indirect=True)


def completed_by_coordinator(window, site_people) -> int:
    """An eligible screening whose data entry the coordinator completed (outside the window)."""
    coordinator = window.site.sign_in(site_people.coordinator.name, site_people.coordinator.password)
    screening_id = create(window, "eligible", desk=coordinator)
    coordinator.complete(coordinator.open(screening_id), site_people.coordinator.password)
    return screening_id


def open_for_signing(window, site_people):
    """The PI's identity file where the dialog looks, and a completed eligible screening open on its summary."""
    write_private(window.site.data_dir / "identities" / "Wang_Li.p12", site_people.pi.identity)
    window.open_screening(completed_by_coordinator(window, site_people))
    return window.view


def test_the_coordinator_completes_with_their_password_and_the_summary_says_so(qtbot, window, site_people):
    window.open_screening(create(window, "eligible"))
    view = window.view
    summary = view.summary
    assert view.stack.currentWidget() is summary and summary.completion.text() == "Not completed"
    seen = {}

    def complete(dialog):
        seen["meaning"] = dialog.meaning.toPlainText()
        qtbot.keyClicks(dialog.password, "not my password")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not dialog.busy)
        seen["wrong"] = dialog.problem_beside(dialog.password)
        seen["invalid"] = dialog.password.property("invalid")
        qtbot.keyClicks(dialog.password, site_people.coordinator.password)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)

    when_modal(complete, CompleteDialog)
    qtbot.mouseClick(summary.complete_button, Qt.MouseButton.LeftButton)
    assert seen["meaning"].startswith("Completed by: I entered or checked every fact of this screening")
    assert seen["wrong"] == "the name or the password is wrong" and seen["invalid"] is True
    completion = window.site.completion(view.session.screening.id)
    assert (completion.name, completion.role, completion.meaning) == ("Chen Hua", "coordinator", seen["meaning"])
    assert summary.completion.text().startswith("Completed by Chen Hua, Study coordinator, 2026-11-20 09:")
    assert summary.completion.text().endswith(seen["meaning"]) and "(UTC+08:00)" in summary.completion.text()
    assert not summary.complete_button.isEnabled()
    failed = [e for e in window.site.history() if e.action == "sign_in_failed"]
    assert [(e.actor, e.target) for e in failed] == [("Chen Hua", "complete")]  # counts toward the account lock


def test_a_coordinator_is_told_at_once_that_only_an_investigator_signs(qtbot, window):
    window.open_screening(create(window, "eligible"))
    seen = {}

    def read(box):
        seen["text"] = box.informativeText()
        box.accept()

    when_modal(read, QMessageBox)
    qtbot.mouseClick(window.view.summary.sign_button, Qt.MouseButton.LeftButton)
    assert seen["text"] == ("Chen Hua is a Study coordinator: only a sub-investigator or the principal investigator "
                            "decides eligibility and signs")
    assert window.site.screening("S-001").status is ScreeningStatus.ELIGIBLE


@as_pi
def test_the_investigator_cannot_sign_what_was_not_completed(qtbot, window):
    window.open_screening(create(window, "eligible"))
    seen = {}

    def read(box):
        seen["text"] = box.informativeText()
        box.accept()

    when_modal(read, QMessageBox)
    qtbot.mouseClick(window.view.summary.sign_button, Qt.MouseButton.LeftButton)
    assert seen["text"].startswith("the screening's data entry is not completed")


@as_pi
def test_the_investigator_signs_with_password_and_passphrase_and_the_screening_locks(qtbot, window, site_people):
    view = open_for_signing(window, site_people)
    assert view.stack.currentWidget() is view.summary and view.summary.sign_button.isEnabled()
    assert view.summary.completion.text().startswith("Completed by Chen Hua, Study coordinator")
    seen = {}

    def sign(dialog):  # by keyboard: the password, Tab, the passphrase, Return
        seen["pages"] = len(dialog.page_labels)  # the worksheet itself, page by page
        seen["identity"] = dialog.identity.text()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.password)  # where the keyboard starts
        qtbot.keyClicks(dialog.password, site_people.pi.password)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is dialog.passphrase
        qtbot.keyClicks(dialog.passphrase, site_people.passphrase.decode())
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)

    def acknowledge(box):
        seen["message"] = box.text()
        box.accept()

    when_modal(sign, SignDialog)
    when_modal(acknowledge, QMessageBox)
    qtbot.mouseClick(view.summary.sign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "message" in seen)
    assert seen["pages"] >= 5 and seen["identity"].endswith("Wang_Li.p12")
    assert "signed and filed" in seen["message"]
    screening = window.site.screening("S-001")
    assert screening.status is ScreeningStatus.SIGNED
    (document,) = window.site.documents(screening.id)
    assert (document.signer, document.role) == ("Wang Li", "principal_investigator")
    filed = window.site.site_file_dir() / document.file_name
    assert "Signature is Valid." in pdfsig(filed)
    assert view.lock_banner.isVisible() and not view.summary.sign_button.isEnabled()
    signed = [e for e in window.site.history(screening.id) if e.action == "signed"]
    assert [e.actor for e in signed] == ["Wang Li"]


@as_pi
def test_in_the_meaning_box_tab_moves_on_and_return_adds_no_line(qtbot, window, site_people):
    view = open_for_signing(window, site_people)
    seen = {}

    def keys(dialog):
        meaning = dialog.meaning
        before = meaning.toPlainText()
        qtbot.waitUntil(dialog.isActiveWindow)
        meaning.setFocus()
        qtbot.keyClick(meaning, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(meaning, Qt.Key.Key_Return)  # the dialog's Return: Sign, which wants the password first
        seen["unchanged"] = meaning.toPlainText() == before and "\n" not in before
        seen["asked"] = dialog.problem_beside(dialog.password)
        meaning.setFocus()
        qtbot.keyClick(meaning, Qt.Key.Key_Tab)
        seen["next"] = QApplication.focusWidget() is dialog.paper
        dialog.reject()

    when_modal(keys, SignDialog)
    qtbot.mouseClick(view.summary.sign_button, Qt.MouseButton.LeftButton)
    assert seen == {"unchanged": True, "asked": "Type your password", "next": True}


@as_pi
def test_a_wrong_password_or_passphrase_is_shown_beside_its_field(qtbot, window, site_people):
    view = open_for_signing(window, site_people)
    seen = {}

    def wrong(dialog):
        qtbot.keyClicks(dialog.password, "not my password")
        qtbot.keyClicks(dialog.passphrase, site_people.passphrase.decode())
        qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.busy)
        seen["password"] = dialog.problem_beside(dialog.password)
        seen["cleared"] = (dialog.password.text(), dialog.passphrase.text())
        qtbot.keyClicks(dialog.password, site_people.pi.password)
        qtbot.keyClicks(dialog.passphrase, "not the passphrase")
        qtbot.mouseClick(dialog.sign_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.busy)
        seen["passphrase"] = dialog.problem_beside(dialog.passphrase)
        seen["invalid"] = (dialog.password.property("invalid"), dialog.passphrase.property("invalid"))
        seen["beside password now"] = dialog.problem_beside(dialog.password)
        dialog.reject()

    when_modal(wrong, SignDialog)
    qtbot.mouseClick(view.summary.sign_button, Qt.MouseButton.LeftButton)
    assert seen["password"] == "the name or the password is wrong" and seen["cleared"] == ("", "")
    assert "passphrase does not open" in seen["passphrase"] and seen["invalid"] == (False, True)
    assert seen["beside password now"] == ""
    assert window.site.screening("S-001").status is ScreeningStatus.ELIGIBLE


def test_printing_draws_every_page_of_the_worksheet(qtbot, window, tmp_path):
    window.open_screening(create(window, "eligible"))
    pdf = window.view.worksheet_pdf()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    drawn = paint_pdf(pdf, printer)
    info = subprocess.run(["pdfinfo", str(tmp_path / "printed.pdf")], capture_output=True, text=True, check=False).stdout
    assert f"Pages:           {drawn}" in info and drawn >= 5
