"""The main window: the screening log, the protocol picker, and the screening being walked, by
the person signed in; it locks itself after a time without use."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QMainWindow,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from trialdesk import __version__
from trialdesk.i18n import languages
from trialdesk.messages import Messages
from trialdesk.ui.idle_lock import IdleLock
from trialdesk.ui.log_page import LogPage
from trialdesk.ui.look import fit_to_screen

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from trialdesk.desk import Desk, Site
    from trialdesk.domain.protocol import Protocol
    from trialdesk.session import ScreeningSession
    from trialdesk.ui.lock_dialog import LockDialog
    from trialdesk.ui.screening_view import ScreeningView

# The window shows the screening log first; the protocol, record and form machinery
# (pydantic models, the YAML reader) is imported once it is on screen, not before.
WARM_UP_AFTER_MS = 200
LANGUAGE_NAMES = {"en": "English", "zh_CN": "简体中文"}

DEFAULT_PROTOCOL = "NCT03798028"


class MainWindow(QMainWindow):
    """Everything is done as `desk`'s person; after someone else signs in at the lock, as theirs."""

    languageChosen = Signal(str)

    def __init__(self, site: Site, desk: Desk, today: Callable[[], date] | None = None,
                 parent: QWidget | None = None, lang: str = "en") -> None:
        super().__init__(parent)
        self.site = site
        self.desk = desk
        self.settings = site.settings
        self.today = today or (lambda: site.clock().date())
        self.lang = lang
        self.words = Messages(lang=lang)
        self.view: ScreeningView | None = None
        self.lock_dialog: LockDialog | None = None
        self._before_lock: tuple[QWidget, str] | None = None
        self.setWindowTitle("trialdesk")
        self.ui_state = QSettings(str(site.data_dir / "window.ini"), QSettings.Format.IniFormat)

        self.picker = QComboBox(self)
        self.picker.setAccessibleName(self.tr("Protocol"))
        self.picker.setMinimumContentsLength(14)
        self.log = LogPage(site.log, self.words, self, site=site)
        self.locked_page = QLabel(self.tr("Locked"), self)
        self.locked_page.setProperty("role", "heading")
        self.locked_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.log)
        self.stack.addWidget(self.locked_page)
        self.setCentralWidget(self.stack)
        self._build_actions()
        self._fill_picker()
        self.log.opened.connect(self.open_screening)
        self.log.refresh()
        self.signed_in = QLabel(self)
        self.signed_in.setObjectName("signedInAs")
        self.statusBar().addPermanentWidget(self.signed_in)
        self.read_only_notice = QLabel(self)  # read-only media: said all the time, not only when a save fails
        self.read_only_notice.setObjectName("readOnlyNotice")
        self.read_only_notice.setProperty("role", "locked")
        self.read_only_notice.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # never wider than the window
        if site.read_only:
            notice = site.read_only_notice or ""
            self.read_only_notice.setText(self.tr("Read only: nothing can be saved. %s") % notice)
            self.read_only_notice.setToolTip(notice)
            self.statusBar().addPermanentWidget(self.read_only_notice)
            for action in (self.new_action, self.enrol_action, self.not_enrolled_action, self.rescreen_action,
                           self.prescreen_action):
                action.setEnabled(False)
        else:
            self.read_only_notice.hide()
        self._show_person()
        self.statusBar().showMessage(self.tr("Data: %s") % self.settings.database_path)
        geometry = self.ui_state.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:  # a laptop's screen is smaller: the window takes what there is, and its pages scroll
            fit_to_screen(self, 1180, 820, centre=True)
        self.idle = IdleLock(self.settings.lock_after_minutes, self.lock, self)
        QTimer.singleShot(WARM_UP_AFTER_MS, self._warm_up)

    def _warm_up(self) -> None:
        """Load what opening a screening needs while the user reads the log."""
        import trialdesk.ui.screening_view  # noqa: F401
        import trialdesk.ui.new_screening_dialog  # noqa: F401

        try:
            self.protocol(self.picker.currentText())
        except Exception:  # a bad protocol file is reported when the user picks it, not here
            pass

    def _show_person(self) -> None:
        person = self.desk.person
        self.signed_in.setText(self.tr("Signed in as %1 (%2)").replace("%2", self.words.role(person.role))
                               .replace("%1", person.name))

    def _refuse(self, title: str, error: Exception) -> None:
        from PySide6.QtWidgets import QMessageBox

        from trialdesk.ui.refusals import refusal_text

        QMessageBox.warning(self, title, refusal_text(self.words, error) or str(error))

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
        self.export_pdf_action = self._action(self.tr("Export the screening and enrolment log as &PDF…"),
                                              lambda: self.export_log("pdf"))
        self.export_csv_action = self._action(self.tr("Export the screening and enrolment log as CS&V…"),
                                              lambda: self.export_log("csv"))
        self.enrol_action = self._action(self.tr("Record &enrolment…"), lambda: self.record_enrolment(True), "Ctrl+E")
        self.not_enrolled_action = self._action(self.tr("Record &not enrolled…"), lambda: self.record_enrolment(False))
        self.rescreen_action = self._action(self.tr("&Re-screen the subject…"), self.rescreen, "Ctrl+Shift+R")
        self.consort_action = self._action(self.tr("&CONSORT counts"), self.show_consort, "Ctrl+Shift+C")
        self.prescreen_action = self._action(self.tr("&Pre-screening from a clinic list"), self.show_prescreen,
                                             "Ctrl+Shift+P")
        self.lock_action = self._action(self.tr("Loc&k now"), self.lock, "Ctrl+Shift+L")
        quit_action = self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        about_action = self._action(self.tr("&About trialdesk"), self.about)
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        for action in (self.new_action, self.open_protocol_action, self.backup_action, self.export_pdf_action,
                       self.export_csv_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.lock_action)
        file_menu.addAction(quit_action)
        # Edit and View offer the screening's own actions (Undo, the next open criterion) while one is open
        self.edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.no_undo_action = QAction(self.tr("&Undo"), self)
        self.no_undo_action.setEnabled(False)
        self.view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.view_menu.addAction(self.log_action)
        self.subject_menu = self.menuBar().addMenu(self.tr("Sub&ject"))
        for action in (self.enrol_action, self.not_enrolled_action, self.rescreen_action):
            self.subject_menu.addAction(action)
        self.subject_menu.addSeparator()
        self.subject_menu.addAction(self.prescreen_action)
        self.subject_menu.addAction(self.consort_action)
        self._show_view_actions()
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
        label = QLabel(self.tr("Pro&tocol:"), toolbar)
        label.setBuddy(self.picker)
        toolbar.addWidget(label)
        toolbar.addWidget(self.picker)
        toolbar.addAction(self.new_action)
        toolbar.addAction(self.log_action)
        self.addToolBar(toolbar)

    # -- the pipeline: enrolment, re-screening, pre-screening, CONSORT, the sponsor's log --------------

    def _current_screening(self):
        """The screening the pipeline's actions act on: the one open, else the log's current row."""
        if self.view is not None and self.stack.currentWidget() is self.view:
            return self.site.screening(self.view.session.screening.id)
        entry = self.log.current_entry()
        return self.site.screening(entry.id) if entry is not None else None

    def record_enrolment(self, enrolled: bool) -> None:
        from trialdesk.desk import ProtocolFileError, Refused, StoreError
        from trialdesk.domain.people import Task
        from trialdesk.ui.enrolment_dialog import EnrolmentDialog
        from trialdesk.ui.refusals import refusal_text, refused

        title = self.tr("Not recorded")
        refusal = refused(self.desk, Task.ENTER)  # said before the dialog is filled in vain
        if refusal is not None:
            self._refuse(title, refusal)
            return
        try:
            screening = self._current_screening()
        except (StoreError, Refused, ProtocolFileError) as error:
            self._refuse(title, error)
            return
        if screening is None:
            self.statusBar().showMessage(self.tr("Choose a screening in the log first"), 10000)
            return
        current = self.site.enrolment(screening)
        dialog = EnrolmentDialog(
            f"{screening.subject.screening_number} ({screening.subject.initials})", self.words, self.today(),
            lambda v: self.desk.record_enrolment(screening.id, **v),
            lambda error: refusal_text(self.words, error),
            current=self.words.enrolment(current) if current else None, enrolled=enrolled, parent=self)
        try:
            if dialog.exec() == EnrolmentDialog.DialogCode.Accepted:
                recorded = self.site.enrolment(screening)
                self.statusBar().showMessage(self.tr("%1: %2").replace("%1", screening.subject.screening_number)
                                             .replace("%2", self.words.enrolment(recorded)), 10000)
                self.log.refresh()
        finally:
            dialog.deleteLater()
            self.activateWindow()  # the keys go back to the log, or the screening

    def rescreen(self) -> None:
        """A new attempt of the current screening's subject, its details carried over, its own number and consent."""
        from trialdesk.desk import ProtocolFileError, Refused, StoreError

        try:
            earlier = self._current_screening()
            if earlier is not None:  # the rules said before the form is filled in vain
                self.desk.rescreen_attempt(earlier.id, self.today())
        except (StoreError, Refused, ProtocolFileError) as error:
            self._refuse(self.tr("Not re-screened"), error)
            return
        if earlier is None:
            self.statusBar().showMessage(self.tr("Choose a screening in the log first"), 10000)
            return
        self.new_screening(rescreen_of=earlier)

    def show_consort(self) -> None:
        from trialdesk.desk import ProtocolFileError
        from trialdesk.messages.consort import ConsortWords
        from trialdesk.ui.consort_page import ConsortPage

        protocol_id = self.picker.currentText()
        try:
            words = ConsortWords(self.protocol(protocol_id), self.lang)
        except ProtocolFileError as error:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self, self.tr("Protocol file refused"), error.describe())
            return
        self._close_view()
        if getattr(self, "consort_page", None) is not None:
            self.stack.removeWidget(self.consort_page)
            self.consort_page.deleteLater()
        title = self.site.consort_title(protocol_id, words, None, None)[:2]
        self.consort_page = ConsortPage(words, lambda start, end: self.site.consort(protocol_id, start, end), self.stack,
                                        save=lambda path, data: self.site.write_export(path, data, replace=True),
                                        title_lines=title, now=self.site.clock)
        self.consort_page.saved.connect(lambda path: self.statusBar().showMessage(self.tr("Saved %s") % path, 10000))
        self.stack.addWidget(self.consort_page)
        self.stack.setCurrentWidget(self.consort_page)
        self.setWindowTitle(f"trialdesk — {protocol_id} — CONSORT")

    def show_prescreen(self) -> None:
        from trialdesk.ui.prescreen_page import PrescreenPage

        self._close_view()
        if getattr(self, "prescreen_page", None) is None:
            self.prescreen_page = PrescreenPage(self.site, self.desk, self.words, self.picker.currentText, self.today,
                                                self.stack)
            self.prescreen_page.start_requested.connect(self._start_from_candidate)
            self.stack.addWidget(self.prescreen_page)
        self.stack.setCurrentWidget(self.prescreen_page)
        self.setWindowTitle(f"trialdesk — {self.picker.currentText()} — " + self.tr("Pre-screening"))

    def _start_from_candidate(self, answers: dict, prescreen_id: int) -> None:
        self.new_screening(answers=answers, prescreen_id=prescreen_id)

    def export_log(self, fmt: str) -> None:
        """The screening and enrolment log of the protocol chosen, as sponsors file it (PDF or CSV)."""
        from PySide6.QtWidgets import QFileDialog

        from trialdesk.desk import ProtocolFileError, Refused, StoreError
        from trialdesk.domain.log import LogFilter, ScreeningStatus

        protocol_id = self.picker.currentText()
        suffix = {"pdf": self.tr("PDF files (*.pdf)"), "csv": self.tr("CSV files (*.csv)")}[fmt]
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export the screening and enrolment log"),
                                              str(Path.home() / f"{protocol_id}-screening-log.{fmt}"), suffix)
        if not name:
            return
        try:
            log_filter = LogFilter(protocol_id=protocol_id)
            if fmt == "pdf":
                pdf = self.site.sponsor_log_pdf(log_filter, self.lang, self.desk.person.name)
                self.site.write_export(Path(name), pdf, replace=True)  # the file dialog asked before replacing
            else:
                words = {s.value: self.words.status(s) for s in ScreeningStatus}
                self.site.export_log(Path(name), log_filter, words)
        except (StoreError, Refused, ProtocolFileError, OSError) as error:
            self._refuse(self.tr("Not exported"), error)
            return
        self.statusBar().showMessage(self.tr("Saved %s") % name, 10000)

    def _show_view_actions(self) -> None:
        """The menus offer the open screening's Undo and next open criterion (Undo, greyed, when none is open)."""
        self.edit_menu.clear()
        self.edit_menu.addAction(self.view.undo_action if self.view is not None else self.no_undo_action)
        for action in self.view_menu.actions()[1:]:
            self.view_menu.removeAction(action)
        if self.view is not None:
            self.view_menu.addAction(self.view.next_open_action)
        # -- H4 "checks" (begin): the checklist of the open screening's yes/no criteria, View menu, Ctrl+T
        # (no other action or field of the program takes Ctrl+T; Ctrl+K would delete to a field's line end)
        if self.view is not None:
            if getattr(self, "checklist_action", None) is None:
                from trialdesk.ui.checklist_view import open_checklist

                self.checklist_action = self._action(self.tr("Yes/no &checklist…"), lambda: open_checklist(self),
                                                     "Ctrl+T")
            self.view_menu.addAction(self.checklist_action)
        # -- H4 "checks" (end)

    # -- protocols ------------------------------------------------------------------------------

    def _fill_picker(self) -> None:
        ids = self.site.protocol_ids()  # each once, however many versions it has
        self.picker.clear()
        self.picker.addItems(ids)
        self.picker.setCurrentIndex(max(0, ids.index(DEFAULT_PROTOCOL) if DEFAULT_PROTOCOL in ids else 0))

    def protocol(self, protocol_id: str) -> Protocol:
        return self.site.protocol(protocol_id)

    def open_protocol_file(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(self, self.tr("Open a protocol file"), "", self.tr("Protocol files (*.yaml *.yml)"))
        if name:
            self.add_protocol_file(Path(name))

    def add_protocol_file(self, path: Path) -> bool:
        """Check a protocol file, keep it with the site's data, and select it; show every problem if bad."""
        from PySide6.QtWidgets import QMessageBox

        from trialdesk.desk import ProtocolFileError

        try:
            protocol = self.site.add_protocol_file(path)
        except ProtocolFileError as error:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Protocol file refused"),
                              self.tr("This file cannot be used as a protocol:"), QMessageBox.StandardButton.Ok, self)
            box.setObjectName("protocolRefused")
            box.setInformativeText(error.describe())
            box.exec()
            return False
        self._fill_picker()
        self.picker.setCurrentIndex(self.picker.findText(protocol.id))
        return True

    # -- screenings -------------------------------------------------------------------------------

    def new_screening(self, *, answers: dict | None = None, prescreen_id: int | None = None,
                      rescreen_of=None) -> None:
        """The new-screening form; with `answers` and `prescreen_id`, started from a pre-screened candidate;
        with `rescreen_of` (a screening), a new attempt of its subject, its details filled in."""
        from PySide6.QtWidgets import QMessageBox

        from trialdesk.desk import ProtocolFileError, Refused
        from trialdesk.domain.people import Task
        from trialdesk.ui.new_screening_dialog import NewScreeningDialog
        from trialdesk.ui.refusals import refused

        refusal = refused(self.desk, Task.ENTER)  # said before the form is filled in vain
        if refusal is not None:
            self._refuse(self.tr("Not created"), refusal)
            return
        try:
            protocol = self.protocol(rescreen_of.protocol_id if rescreen_of is not None else self.picker.currentText())
        except ProtocolFileError as error:
            QMessageBox.warning(self, self.tr("Protocol file refused"), error.describe())
            return
        site_number = rescreen_of.site if rescreen_of is not None else self.site.site_setting("site_number")
        try:
            suggested = self.site.next_screening_number(protocol.id, site_number)
        except Refused as refusal:  # a pattern written into the database by hand: said, no form opens
            self._refuse(self.tr("Not created"), refusal)
            return
        dialog = NewScreeningDialog(protocol, self.site.log, site_number, self.words, self.today(), self,
                                    versions=lambda on: self.site.version_choice(protocol.id, on),
                                    suggested_number=suggested)
        if rescreen_of is not None:
            subject = rescreen_of.subject
            dialog.prefill({"initials": subject.initials, "date_of_birth": subject.date_of_birth.isoformat(),
                            "sex": subject.sex})
            dialog.setWindowTitle(self.tr("Re-screening of %1 — %2").replace("%1", subject.screening_number)
                                  .replace("%2", protocol.id))
        elif answers:
            dialog.prefill({k: answers[k] for k in ("date_of_birth", "sex") if isinstance(answers.get(k), str)})
        try:
            session = self._start_from(dialog, protocol, site_number, answers=answers, prescreen_id=prescreen_id,
                                       rescreen_of=rescreen_of)
        finally:
            dialog.deleteLater()
            self.activateWindow()
        if session is not None:
            self.show_session(session)

    def _start_from(self, dialog, protocol, site_number: str | None, *, answers: dict | None = None,
                    prescreen_id: int | None = None, rescreen_of=None) -> ScreeningSession | None:
        """Start the screening the form describes. A value sent back to be changed, or a refusal,
        opens the form again with everything typed still in it: nothing typed is lost to a question."""
        from trialdesk.desk import ProtocolFileError, Refused, StoreError
        from trialdesk.domain.errors import NeedsConfirmation
        from trialdesk.ui.confirm_dialog import ConfirmValueDialog
        from trialdesk.ui.new_screening_dialog import NewScreeningDialog

        while dialog.exec() == NewScreeningDialog.DialogCode.Accepted:
            values = dialog.values()

            def start(confirmed: bool = False) -> ScreeningSession:  # under the version in force then
                if rescreen_of is not None:
                    return self.desk.rescreen(rescreen_of.id, values, confirmed=confirmed)
                given = {k: v for k, v in (answers or {}).items() if k not in values}  # the form's subject wins
                return self.desk.start_screening(protocol, values, given, site=site_number, confirmed=confirmed,
                                                 prescreen_id=prescreen_id)

            try:
                try:
                    return start()
                except NeedsConfirmation as unusual:  # subject details a check marked `confirm` finds unusual
                    heading = self.tr("New screening %s") % values.get("screening_number", "")
                    lines = [Messages(protocol, self.lang).problem(w) for w in unusual.warnings]
                    if ConfirmValueDialog.ask(heading, lines, self):
                        return start(confirmed=True)
            except (StoreError, Refused, ProtocolFileError) as error:
                self._refuse(self.tr("Not created"), error)
        return None

    @Slot(int)
    def open_screening(self, screening_id: int) -> None:
        """Open a screening to work on (read-only, with the reason, for someone who may not change it)."""
        from PySide6.QtWidgets import QMessageBox

        from trialdesk.desk import ProtocolFileError, Refused, StoreError

        try:
            session = self.desk.open(screening_id)
        except ProtocolFileError as error:
            QMessageBox.warning(self, self.tr("Protocol file refused"), error.describe())
            return
        except (StoreError, Refused) as error:
            self._refuse(self.tr("Not opened"), error)
            return
        self.show_session(session)

    def show_session(self, session: ScreeningSession) -> None:
        from trialdesk.ui.qt_session import QtScreeningSession
        from trialdesk.ui.screening_view import ScreeningView

        self._close_view()
        self.idle.on_screen()  # entries are to be typed: every key counts from here
        self.view = ScreeningView(QtScreeningSession(session), Messages(session.protocol, self.lang), self.desk,
                                  self.stack)
        self.view.correctionOpened.connect(self.show_session)
        self.view.said.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.stack.addWidget(self.view)
        self.stack.setCurrentWidget(self.view)
        self._show_view_actions()
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
            self._show_view_actions()

    def show_log(self) -> None:
        self._close_view()
        self.setWindowTitle("trialdesk")
        self.log.refresh()
        self.stack.setCurrentWidget(self.log)
        self.log.table.setFocus()

    # -- locking ------------------------------------------------------------------------------------

    @property
    def locked(self) -> bool:
        return self.lock_dialog is not None

    @Slot()
    def lock(self) -> None:
        """Save what waits for a pause, hide the work, and ask for a password over the window."""
        from trialdesk.ui.lock_dialog import LockDialog

        if self.lock_dialog is not None:
            return
        if any(getattr(dialog, "busy", False) for dialog in self.findChildren(QDialog)):
            self.idle.resume()  # a signature is being made: lock once it is done
            return
        self.idle.pause()
        self._close_dialogs()
        if self.view is not None:
            self.view.flush()
        self._before_lock = (self.stack.currentWidget(), self.windowTitle())
        self.stack.setCurrentWidget(self.locked_page)
        self.setWindowTitle(self.tr("trialdesk — locked"))
        dialog = LockDialog(self.site, self.desk.person, self.words, self)
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.finished.connect(self._lock_finished)
        self.lock_dialog = dialog
        dialog.show()  # not exec(): the lock must not run inside another dialog's event loop

    def _close_dialogs(self) -> None:
        """Cancel the dialogs left open: nothing they would change was confirmed (entries are saved as made)."""
        for _ in range(10):
            modal = QApplication.activeModalWidget()
            if modal is None:
                return
            if isinstance(modal, QDialog):
                modal.reject()
            else:
                modal.close()

    def _lock_finished(self, result: int) -> None:
        from trialdesk.ui.lock_dialog import LockDialog

        dialog, self.lock_dialog = self.lock_dialog, None
        desk = dialog.desk
        dialog.deleteLater()
        if result == LockDialog.QUIT:
            self.close()
            return
        before, self._before_lock = self._before_lock, None
        if desk is not None and desk.person.id != self.desk.person.id:
            self.switch_person(desk)
        else:
            if desk is not None:
                self.desk = desk
                if self.view is not None:
                    self.view.desk = desk
            widget, title = before
            self.stack.setCurrentWidget(widget if self.stack.indexOf(widget) >= 0 else self.log)
            self.setWindowTitle(title)
            if self.view is not None and widget is self.view:
                self.view.focus_current()
        self.idle.resume()

    def switch_person(self, desk: Desk) -> None:
        """Another person takes over: the first person's screening is closed (saved), and the log shown."""
        self._close_view()
        self.desk = desk
        self._show_person()
        self.show_log()

    # -- the rest ---------------------------------------------------------------------------------

    def backup(self) -> None:
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from trialdesk.desk import DatabaseError

        name, _ = QFileDialog.getSaveFileName(self, self.tr("Back up the database"),
                                              f"trialdesk-backup-{self.today().isoformat()}.sqlite3",
                                              self.tr("SQLite database (*.sqlite3)"))
        if not name:
            return
        try:
            self.desk.backup_to(Path(name))
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
        from PySide6.QtWidgets import QMessageBox

        from trialdesk.desk import ProtocolFileError

        try:
            protocol = self.protocol(self.picker.currentText())
            version_label = self.tr("Protocol version")
            protocol_text = f"{protocol.id} — {protocol.title}<br>{version_label}: {protocol.version} ({protocol.version_date})"
            protocol_text += f"<br>{self.examples_text(protocol.id)}"
        except ProtocolFileError:
            protocol_text = self.picker.currentText()
        purpose = self.tr("Offline eligibility screening")
        QMessageBox.about(self, self.tr("About trialdesk"),
                          f"<b>trialdesk {__version__}</b><br>{purpose}<br><br>{protocol_text}")

    def examples_text(self, protocol_id: str) -> str:
        """How many of the protocol's example subjects (ID.tests.yaml beside it) get the verdicts they expect."""
        from trialdesk.desk import ProtocolFileError
        from trialdesk.desk.protocols import example_agreement

        try:
            agreement = example_agreement(protocol_id, self.settings.protocol_dir)
        except ProtocolFileError:
            return self.tr("The protocol's example subjects cannot be read (trialdesk protocol test says why)")
        if agreement is None:
            return self.tr("The protocol has no example subjects")
        return self.tr("%d of %d example subjects agree") % (agreement.agreed, len(agreement.cases))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.lock_dialog is not None:  # closing while locked: the work was saved when it locked
            dialog, self.lock_dialog = self.lock_dialog, None
            dialog.finished.disconnect(self._lock_finished)
            dialog.dismiss()
            dialog.deleteLater()
        self.idle.stop()
        self._close_view()
        self.ui_state.setValue("geometry", self.saveGeometry())
        self.ui_state.sync()
        event.accept()
