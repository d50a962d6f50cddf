"""The main window: the screening log, the protocol picker, and the screening being walked."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QComboBox, QFileDialog, QLabel, QMainWindow, QMessageBox, QStackedWidget, QToolBar, QWidget

from trialdesk import __version__
from trialdesk.i18n import languages
from trialdesk.messages import Messages
from trialdesk.persistence.database import Database, DatabaseError
from trialdesk.persistence.screening_log import ScreeningLog
from trialdesk.resources import bundled_protocols
from trialdesk.settings import AppSettings
from trialdesk.ui.log_page import LogPage

if TYPE_CHECKING:
    from trialdesk.domain.protocol import Protocol
    from trialdesk.persistence.screening_store import ScreeningStore
    from trialdesk.session import ScreeningSession
    from trialdesk.ui.screening_view import ScreeningView

# The window shows the screening log first; the protocol, record and form machinery
# (pydantic models, the YAML reader) is imported once it is on screen, not before.
WARM_UP_AFTER_MS = 200
LANGUAGE_NAMES = {"en": "English", "zh_CN": "简体中文"}

DEFAULT_PROTOCOL = "NCT03798028"


class MainWindow(QMainWindow):
    languageChosen = Signal(str)

    def __init__(self, settings: AppSettings, database: Database, today: Callable[[], date] = date.today,
                 parent: QWidget | None = None, lang: str = "en") -> None:
        super().__init__(parent)
        self.settings = settings
        self.database = database
        self.screening_log = ScreeningLog(database)
        self.today = today
        self.lang = lang
        self.words = Messages(lang=lang)
        self.view: ScreeningView | None = None
        self._protocols: dict[str, Protocol] = {}
        self.setWindowTitle("trialdesk")
        self.ui_state = QSettings(str(settings.data_dir / "window.ini"), QSettings.Format.IniFormat)

        self.picker = QComboBox(self)
        self.picker.setAccessibleName(self.tr("Protocol"))
        self.picker.setMinimumContentsLength(14)
        self.log = LogPage(self.screening_log, self.words, self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.log)
        self.setCentralWidget(self.stack)
        self._build_actions()
        self._fill_picker()
        self.log.opened.connect(self.open_screening)
        self.log.refresh()
        self.statusBar().showMessage(self.tr("Data: %s") % settings.database_path)
        geometry = self.ui_state.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1180, 820)
        QTimer.singleShot(WARM_UP_AFTER_MS, self._warm_up)

    @cached_property
    def store(self) -> ScreeningStore:
        from trialdesk.persistence.screening_store import ScreeningStore

        return ScreeningStore(self.database)

    def _warm_up(self) -> None:
        """Load what opening a screening needs while the user reads the log."""
        import trialdesk.ui.screening_view  # noqa: F401
        import trialdesk.ui.new_screening_dialog  # noqa: F401

        try:
            self.protocol(self.picker.currentText())
        except Exception:  # a bad protocol file is reported when the user picks it, not here
            pass

    # -- actions ---------------------------------------------------------------------------

    def _action(self, text: str, slot: Callable[[], object], shortcut: QKeySequence | str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action(self.tr("&New screening…"), self.new_screening, QKeySequence.StandardKey.New)
        self.open_protocol_action = self._action(self.tr("&Open protocol file…"), self.open_protocol_file, QKeySequence.StandardKey.Open)
        self.log_action = self._action(self.tr("Screening &log"), self.show_log, "Ctrl+L")
        self.backup_action = self._action(self.tr("&Back up the database…"), self.backup)
        quit_action = self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        about_action = self._action(self.tr("&About trialdesk"), self.about)
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        for action in (self.new_action, self.open_protocol_action, self.backup_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        self.menuBar().addMenu(self.tr("&View")).addAction(self.log_action)
        language_menu = self.menuBar().addMenu(self.tr("&Language"))
        self.language_actions = {}
        for code in languages():
            action = language_menu.addAction(LANGUAGE_NAMES.get(code, code))
            action.setCheckable(True)
            action.setChecked(code == self.lang)
            action.triggered.connect(lambda _=False, c=code: self.choose_language(c))
            self.language_actions[code] = action
        self.menuBar().addMenu(self.tr("&Help")).addAction(about_action)
        toolbar = QToolBar(self.tr("Main"), self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        label = QLabel(self.tr("&Protocol:"), toolbar)
        label.setBuddy(self.picker)
        toolbar.addWidget(label)
        toolbar.addWidget(self.picker)
        toolbar.addAction(self.new_action)
        toolbar.addAction(self.log_action)
        self.addToolBar(toolbar)

    # -- protocols ------------------------------------------------------------------------------

    def _fill_picker(self) -> None:
        ids = list(bundled_protocols())
        site_dir = self.settings.protocol_dir
        if site_dir.is_dir():
            ids += [p.stem for p in sorted(site_dir.glob("*.yaml")) if p.stem not in ids]
        self.picker.clear()
        self.picker.addItems(ids)
        self.picker.setCurrentIndex(max(0, ids.index(DEFAULT_PROTOCOL) if DEFAULT_PROTOCOL in ids else 0))

    def protocol(self, protocol_id: str) -> Protocol:
        from trialdesk.persistence.protocol_files import find_protocol

        if protocol_id not in self._protocols:
            self._protocols[protocol_id] = find_protocol(protocol_id, self.settings.protocol_dir)
        return self._protocols[protocol_id]

    def open_protocol_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Open a protocol file"), "", self.tr("Protocol files (*.yaml *.yml)"))
        if name:
            self.add_protocol_file(Path(name))

    def add_protocol_file(self, path: Path) -> bool:
        """Check a protocol file, keep it with the site's data, and select it; show every problem if bad."""
        from trialdesk.persistence.protocol_files import ProtocolFileError, keep_site_protocol, load_protocol

        try:
            protocol = load_protocol(path)
            keep_site_protocol(path, protocol, self.settings.protocol_dir)
        except ProtocolFileError as error:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Protocol file refused"),
                              self.tr("This file cannot be used as a protocol:"), QMessageBox.StandardButton.Ok, self)
            box.setObjectName("protocolRefused")
            box.setInformativeText(error.describe())
            box.exec()
            return False
        self._protocols[protocol.id] = protocol
        self._fill_picker()
        self.picker.setCurrentIndex(self.picker.findText(protocol.id))
        return True

    # -- screenings -------------------------------------------------------------------------------

    def new_screening(self) -> None:
        from trialdesk.persistence.protocol_files import ProtocolFileError
        from trialdesk.persistence.screening_store import StoreError
        from trialdesk.session import start_screening
        from trialdesk.ui.new_screening_dialog import NewScreeningDialog

        try:
            protocol = self.protocol(self.picker.currentText())
        except ProtocolFileError as error:
            QMessageBox.warning(self, self.tr("Protocol file refused"), error.describe())
            return
        site = self.store.site_setting("site_number")
        dialog = NewScreeningDialog(protocol, self.screening_log, site, self.words, self.today(), self)
        accepted = dialog.exec() == NewScreeningDialog.DialogCode.Accepted
        values = dialog.values()
        dialog.deleteLater()
        self.activateWindow()
        if not accepted:
            return
        try:
            session = start_screening(self.store, protocol, values, site=site, actor=self.settings.user)
        except StoreError as error:
            QMessageBox.warning(self, self.tr("Not created"), self.words.store_error(error.code, error.params))
            return
        self.show_session(session)

    def open_screening(self, screening_id: int) -> None:
        from trialdesk.persistence.protocol_files import ProtocolFileError
        from trialdesk.session import ScreeningSession

        screening = self.store.load(screening_id)
        try:
            protocol = self.protocol(screening.protocol_id)
        except ProtocolFileError as error:
            QMessageBox.warning(self, self.tr("Protocol file refused"), error.describe())
            return
        self.show_session(ScreeningSession(self.store, protocol, screening, actor=self.settings.user))

    def show_session(self, session: ScreeningSession) -> None:
        from trialdesk.ui.qt_session import QtScreeningSession
        from trialdesk.ui.screening_view import ScreeningView

        self._close_view()
        self.view = ScreeningView(QtScreeningSession(session), Messages(session.protocol, self.lang), self.settings.data_dir, self.stack)
        self.view.correctionOpened.connect(self.show_session)
        self.stack.addWidget(self.view)
        self.stack.setCurrentWidget(self.view)
        subject = session.screening.subject
        self.setWindowTitle(f"trialdesk — {session.protocol.id} — {subject.screening_number} ({subject.initials})")
        self.activateWindow()
        self.view.focus_current()

    def _close_view(self) -> None:
        if self.view is not None:
            self.view.flush()
            self.stack.removeWidget(self.view)
            self.view.deleteLater()
            self.view = None

    def show_log(self) -> None:
        self._close_view()
        self.setWindowTitle("trialdesk")
        self.log.refresh()
        self.stack.setCurrentWidget(self.log)
        self.log.table.setFocus()

    # -- the rest ---------------------------------------------------------------------------------

    def backup(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Back up the database"),
                                              f"trialdesk-backup-{self.today().isoformat()}.sqlite3",
                                              self.tr("SQLite database (*.sqlite3)"))
        if not name:
            return
        try:
            self.database.backup_to(Path(name))
        except (DatabaseError, OSError) as error:
            QMessageBox.warning(self, self.tr("Backup failed"), str(error))
            return
        self.statusBar().showMessage(self.tr("Backed up to %s") % name)

    def choose_language(self, lang: str) -> None:
        """Remember the language and ask for the window to be rebuilt in it."""
        self.ui_state.setValue("language", lang)
        self.ui_state.sync()
        if lang != self.lang:
            self.languageChosen.emit(lang)

    def about(self) -> None:
        from trialdesk.persistence.protocol_files import ProtocolFileError

        try:
            protocol = self.protocol(self.picker.currentText())
            version_label = self.tr("Protocol version")
            protocol_text = f"{protocol.id} — {protocol.title}<br>{version_label}: {protocol.version} ({protocol.version_date})"
        except ProtocolFileError:
            protocol_text = self.picker.currentText()
        purpose = self.tr("Offline eligibility screening")
        QMessageBox.about(self, self.tr("About trialdesk"),
                          f"<b>trialdesk {__version__}</b><br>{purpose}<br><br>{protocol_text}")

    def closeEvent(self, event: QCloseEvent) -> None:
        self._close_view()
        self.ui_state.setValue("geometry", self.saveGeometry())
        self.ui_state.sync()
        event.accept()

