"""Every window and dialog of the program, one after another, for the tests that look at all of them
(mnemonics, accessible names): the main window with the log, with each criterion page of the bundled
protocol and with the summary, and each dialog, made as the program makes it and shown."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtWidgets import QDialog, QWidget

from tests.conftest import People
from tests.ui.conftest import TODAY, create
from trialdesk.ui.changes_dialog import ChangesDialog
from trialdesk.ui.checklist_view import ChecklistDialog
from trialdesk.ui.complete_dialog import CompleteDialog
from trialdesk.ui.confirm_dialog import ConfirmValueDialog
from trialdesk.ui.dialogs import ReasonDialog
from trialdesk.ui.first_run_dialog import FirstRunDialog
from trialdesk.ui.lock_dialog import LockDialog
from trialdesk.ui.main_window import MainWindow
from trialdesk.ui.new_screening_dialog import NewScreeningDialog
from trialdesk.ui.password_dialog import ChoosePasswordDialog
from trialdesk.ui.sign_dialog import SignDialog
from trialdesk.ui.sign_in_dialog import SignInDialog


def every_screen(qtbot, window: MainWindow, people: People) -> Iterator[tuple[str, QWidget]]:
    """(what is shown, its top-level window), each shown in turn; the window is left on the log."""
    window.show_log()
    yield "the screening log", window
    window.open_screening(create(window, "eligible"))  # every answer in: medication lines, joints, scores
    view = window.view
    for page in view.pages:
        view.go_to_criterion(page.criterion.id)
        yield f"criterion page {page.criterion.id}", window
    view.side.setCurrentRow(len(view.pages))
    yield "the summary", window
    for name, make in dialogs(window, people.coordinator.password).items():
        dialog = make()
        dialog.show()
        qtbot.waitExposed(dialog)
        try:
            yield name, dialog
        finally:
            dialog.hide()
            dialog.deleteLater()
    window.show_log()


def dialogs(window: MainWindow, password: str) -> dict[str, Callable[[], QDialog]]:
    """Each dialog, made as the program makes it, over the screening open in `window` (`password`: the
    signed-in person's)."""
    view = window.view
    site, desk, words, session = window.site, window.desk, view.words, view.session
    protocol = session.protocol
    return {
        "new screening": lambda: NewScreeningDialog(protocol, site.log, "", words, TODAY, window,
                                                    versions=lambda on: site.version_choice(protocol.id, on)),
        "complete": lambda: CompleteDialog(desk, session, words, window),
        "review and sign": lambda: SignDialog(desk, session, words, window),
        "reason for a change": lambda: ReasonDialog("Reason for change", "Why it changes", window),
        "changed meanwhile": lambda: ChangesDialog(site.history(session.screening.id)[-3:], words, "Someone", window),
        "confirm an unusual value": lambda: ConfirmValueDialog("Haemoglobin: 300 g/L", ["above the usual"], window),
        "checklist": lambda: ChecklistDialog(view.qt, words, window),
        "locked": lambda: LockDialog(site, desk.person, words, window),
        "sign in": lambda: SignInDialog(site, words, window),
        "first run": lambda: FirstRunDialog(site, words, window),
        "choose a password": lambda: ChoosePasswordDialog(desk, password, words, window),
    }
