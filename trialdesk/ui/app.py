"""Start the desktop application."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from trialdesk.persistence.database import Database, DatabaseError
from trialdesk.settings import AppSettings
from trialdesk.ui.errors import install_error_handler
from trialdesk.ui.look import prepare_application
from trialdesk.ui.main_window import MainWindow

#: set to quit as soon as the main window is shown with its log filled (start-up benchmark).
QUIT_WHEN_SHOWN = "TRIALDESK_QUIT_WHEN_SHOWN"


def run(settings: AppSettings) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("trialdesk")
    prepare_application(app)
    try:
        database = Database(settings.database_path, on_wait=lambda text: window.statusBar().showMessage(text))
    except DatabaseError as error:
        QMessageBox.critical(None, "trialdesk", str(error))
        return 2
    window = MainWindow(settings, database)
    install_error_handler(settings.data_dir, lambda: window)
    window.show()
    if os.environ.get(QUIT_WHEN_SHOWN):
        QTimer.singleShot(0, app.quit)
    code = app.exec()
    database.close()
    return code
