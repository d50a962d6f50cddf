"""Start the desktop application: open the site, sign in (or create its first administrator),
then the main window, signed in."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from trialdesk.i18n import system_language
from trialdesk.messages import Messages
from trialdesk.settings import AppSettings
from trialdesk.ui.errors import install_error_handler
from trialdesk.ui.look import install_language, prepare_application
from trialdesk.ui.main_window import MainWindow

if TYPE_CHECKING:
    from trialdesk.desk import Desk, Site

#: set to quit as soon as the first window (sign-in, or first run) is shown (start-up benchmark).
QUIT_WHEN_SHOWN = "TRIALDESK_QUIT_WHEN_SHOWN"


def sign_in(site: Site, words: Messages, parent: QWidget | None = None, *, quit_when_shown: bool = False) -> Desk | None:
    """The first-run dialog at a site with no accounts, else the sign-in dialog: the desk of the
    person signed in, or None when they cancel."""
    from trialdesk.ui.first_run_dialog import FirstRunDialog
    from trialdesk.ui.sign_in_dialog import SignInDialog

    first = site.needs_first_administrator()
    dialog = FirstRunDialog(site, words, parent) if first else SignInDialog(site, words, parent)
    if quit_when_shown:
        QTimer.singleShot(0, dialog.reject)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    desk = dialog.desk if accepted else None
    dialog.deleteLater()
    return desk


def start(site: Site, lang: str = "en", *, quit_when_shown: bool = False) -> MainWindow | None:
    """Sign in, then show the main window as that person; None when the sign-in is cancelled."""
    desk = sign_in(site, Messages(lang=lang), quit_when_shown=quit_when_shown)
    if desk is None:
        return None
    window = MainWindow(site, desk, lang=lang)
    window.show()
    return window


def run(settings: AppSettings) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("trialdesk")
    prepare_application(app)
    state = QSettings(str(settings.data_dir / "window.ini"), QSettings.Format.IniFormat)
    lang = str(state.value("language", "") or system_language())
    install_language(app, lang)
    from trialdesk.desk import DatabaseError, Site

    windows: list[MainWindow] = []

    def waiting(text: str) -> None:  # another program holds the database: said where it is seen
        if windows:
            windows[-1].statusBar().showMessage(text)

    try:
        site = Site(settings, on_wait=waiting)
    except DatabaseError as error:
        QMessageBox.critical(None, "trialdesk", str(error))
        return 2
    with site:
        install_error_handler(settings.data_dir, lambda: windows[-1] if windows else None)
        first = start(site, lang, quit_when_shown=bool(os.environ.get(QUIT_WHEN_SHOWN)))
        if first is None:
            return 0

        def rebuild(language: str) -> None:
            """The window again in another language, for the person signed in now."""
            install_language(app, language)
            old = windows[-1]
            adopt(MainWindow(site, old.desk, lang=language))
            old.close()  # after the new one shows: the last window closing would quit
            old.deleteLater()

        def adopt(window: MainWindow) -> None:
            window.languageChosen.connect(rebuild)
            windows.append(window)
            window.show()

        adopt(first)
        return app.exec()
