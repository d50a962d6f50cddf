"""Start the desktop application."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from trialdesk.persistence.database import Database, DatabaseError
from trialdesk.settings import AppSettings
from trialdesk.ui.errors import install_error_handler
from trialdesk.i18n import system_language
from trialdesk.ui.look import install_language, prepare_application
from trialdesk.ui.main_window import MainWindow

#: set to quit as soon as the main window is shown with its log filled (start-up benchmark).
QUIT_WHEN_SHOWN = "TRIALDESK_QUIT_WHEN_SHOWN"


def run(settings: AppSettings) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("trialdesk")
    prepare_application(app)
    try:
        database = Database(settings.database_path, on_wait=lambda text: windows[-1].statusBar().showMessage(text))
    except DatabaseError as error:
        QMessageBox.critical(None, "trialdesk", str(error))
        return 2
    state = QSettings(str(settings.data_dir / "window.ini"), QSettings.Format.IniFormat)
    lang = str(state.value("language", "") or system_language())
    install_language(app, lang)
    windows: list[MainWindow] = []

    def open_window(language: str) -> None:
        install_language(app, language)
        if windows:
            windows[-1].close()
            windows[-1].deleteLater()
        window = MainWindow(settings, database, lang=language)
        window.languageChosen.connect(open_window)
        windows.append(window)
        window.show()

    open_window(lang)
    install_error_handler(settings.data_dir, lambda: windows[-1])
    if os.environ.get(QUIT_WHEN_SHOWN):
        QTimer.singleShot(0, app.quit)
    code = app.exec()
    database.close()
    return code
