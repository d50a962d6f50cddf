"""The criterion walk: a page per criterion, a side list of every criterion's live status,
and the summary. Every entry goes through the session as it is made: live evaluation on
each keystroke, saved when the entry is complete (or after a short pause in typing)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from trialdesk.desk.errors import Refused, StoreError
from trialdesk.domain.errors import FactsInvalid, Problem
from trialdesk.domain.people import Task
from trialdesk.domain.verdict import EligibilityReport, Outcome, Verdict
from trialdesk.messages import Messages
from trialdesk.ui.criterion_page import CriterionPage, effect
from trialdesk.ui.dialogs import ReasonDialog
from trialdesk.ui.fact_editors import FactEditor
from trialdesk.ui.look import state_icon
from trialdesk.ui.qt_session import QtScreeningSession
from trialdesk.ui.refusals import refusal_text, refused
from trialdesk.ui.summary_page import OVERALL_STATE, SummaryPage

if TYPE_CHECKING:
    from trialdesk.desk import Desk
    from trialdesk.desk import Completion

SAVE_AFTER_TYPING_MS = 700


class ScreeningView(QWidget):
    """One screening, walked criterion by criterion by the person signed in at `desk`.

    A person without data-entry delegation today sees it read-only, with the reason.
    """

    correctionOpened = Signal(object)  # the new ScreeningSession
    backToLog = Signal()

    def __init__(self, qt_session: QtScreeningSession, words: Messages, desk: Desk,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.site = desk.site
        self.qt = qt_session
        self.session = qt_session.session
        self.words = words
        self.protocol = self.session.protocol
        self._timers: dict[str, QTimer] = {}
        self._pending: dict[str, tuple[FactEditor, Any]] = {}
        self.completion: Completion | None = None  # read with the screening (_show_screening)

        self.subject = QLabel(self)
        self.subject.setWordWrap(True)
        self.lock_banner = QLabel(self)
        self.lock_banner.setProperty("role", "locked")
        self.lock_banner.setWordWrap(True)
        self.correct_button = QPushButton(self.tr("&Correct…"), self)
        self.correct_button.setToolTip(self.tr("Open a new version of this signed screening, citing it"))
        banner = QHBoxLayout()
        banner.addWidget(self.lock_banner, 1)
        banner.addWidget(self.correct_button)

        self.side = QListWidget(self)
        self.side.setAccessibleName(self.tr("Criteria"))
        self.side.setMinimumWidth(190)
        self.stack = QStackedWidget(self)
        self.pages: list[CriterionPage] = []
        self.editors: dict[str, list[FactEditor]] = {}
        for criterion in self.protocol.criteria:
            page = CriterionPage(self.protocol, criterion, words, self.stack)
            self.pages.append(page)
            self.stack.addWidget(page)
            self.side.addItem(QListWidgetItem(criterion.id))
            page.noteEdited.connect(self._note_edited)
            page.note.setText(self.session.screening.notes.get(criterion.id, ""))
            for editor in page.editors:
                self.editors.setdefault(editor.fact.id, []).append(editor)
                editor.set_value(self.session.answer(editor.fact.id))
                editor.edited.connect(lambda fact_id, raw, e=editor: self._edited(e, fact_id, raw))
                editor.committed.connect(lambda fact_id, raw, e=editor: self._committed(e, fact_id, raw))
        self.summary = SummaryPage(words, self.stack)
        self.stack.addWidget(self.summary)
        self.side.addItem(QListWidgetItem(self.tr("Summary")))
        self.summary.jumpTo.connect(self.go_to_criterion)
        self.summary.screenFailureRequested.connect(self._record_screen_failure)
        self.summary.completeRequested.connect(self.complete)
        self.summary.signRequested.connect(self.review_and_sign)
        self.summary.printRequested.connect(self.print_worksheet)

        self.back = QPushButton(self.tr("◀ &Back"), self)
        self.back.setToolTip(self.tr("Previous criterion (Alt+Left, Page Up)"))
        self.next = QPushButton(self.tr("&Next ▶"), self)
        self.next.setToolTip(self.tr("Next criterion (Alt+Right, Page Down)"))
        self.position = QLabel(self)
        nav = QHBoxLayout()
        nav.addWidget(self.back)
        nav.addWidget(self.position, 1, Qt.AlignmentFlag.AlignCenter)
        nav.addWidget(self.next)

        splitter = QSplitter(self)
        splitter.addWidget(self.side)
        right = QWidget(splitter)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.stack, 1)
        right_layout.addLayout(nav)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.subject)
        layout.addLayout(banner)
        layout.addWidget(splitter, 1)

        self.side.currentRowChanged.connect(self._show_page)
        self.back.clicked.connect(lambda: self.step(-1))
        self.next.clicked.connect(lambda: self.step(1))
        for keys, step in (("Alt+Left", -1), ("Alt+Right", 1), ("PgUp", -1), ("PgDown", 1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda s=step: self.step(s))
        self.correct_button.clicked.connect(self._correct)
        self.qt.reportChanged.connect(self.show_report)
        self.qt.screeningChanged.connect(self._show_screening)

        self._show_screening()
        self.show_report(self.session.report)
        self.side.setCurrentRow(self.resume_index())

    # -- state shown -----------------------------------------------------------------------

    def resume_index(self) -> int:
        """The first criterion still open, or the summary when none is."""
        for index, result in enumerate(self.session.report.results):
            if result.verdict is Verdict.UNKNOWN:
                return index
        return len(self.pages)

    def _show_screening(self) -> None:
        s = self.session.screening
        subject = s.subject
        version = self.tr(", version %d, corrects an earlier version: %s") % (s.version, s.correction_reason) if s.supersedes else ""
        self.subject.setText(
            self.tr("<b>%1</b> · %2 · born %3 · %4 · screened %5 · consent %6 (form %7) · %8 %9%10")
            .replace("%10", version).replace("%1", subject.screening_number).replace("%2", subject.initials)
            .replace("%3", subject.date_of_birth.isoformat()).replace("%4", self.words.answer("sex", subject.sex))
            .replace("%5", subject.screening_date.isoformat()).replace("%6", subject.consent_date.isoformat())
            .replace("%7", subject.consent_version).replace("%8", self.protocol.id)
            .replace("%9", self.words.status(s.status))
        )
        locked, refusal = self.session.locked, self.session.refusal
        self.lock_banner.setVisible(self.session.read_only)
        self.correct_button.setVisible(locked and s.status.value == "signed" and refusal is None)
        if locked:
            self.lock_banner.setText(
                self.tr("This screening is %s and locked: nothing in it can change. A correction opens a new "
                        "version that cites this one.") % self.words.status(s.status)
            )
        elif refusal is not None:
            self.lock_banner.setText(self.tr("You can read this screening but not change it: %s")
                                     % (refusal_text(self.words, refusal) or refusal))
        for page in self.pages:
            page.set_read_only(self.session.read_only)
        self.completion = self.site.completion(s.id)
        self._show_summary(self.qt.report)

    def _show_summary(self, report: EligibilityReport) -> None:
        self.summary.show_report(report, self.session.screening, self.completion, self.session.read_only)

    def show_report(self, report: EligibilityReport) -> None:
        for index, (page, result) in enumerate(zip(self.pages, report.results)):
            page.show_report(report)
            item = self.side.item(index)
            state = effect(result)
            item.setIcon(state_icon(state))
            item.setText(f"{result.criterion_id}  {self.words.verdict(result.verdict)}")
            item.setToolTip(self.words.reason(Outcome(result.verdict, result.reason)))
            item.setData(Qt.ItemDataRole.AccessibleTextRole,
                         f"{result.criterion_id}: {self.words.verdict(result.verdict)}, {self.words.t(f'effect.{state}')}")
        summary_item = self.side.item(len(self.pages))
        summary_item.setIcon(state_icon(OVERALL_STATE[report.overall]))
        summary_item.setText(self.tr("Summary: %s") % self.words.overall(report.overall))
        if self.stack.currentWidget() is self.summary:
            self._show_summary(report)

    # -- navigation ------------------------------------------------------------------------

    def _show_page(self, index: int) -> None:
        if index < 0:
            return
        self.stack.setCurrentIndex(index)
        self.back.setEnabled(index > 0)
        self.next.setEnabled(index < len(self.pages))
        total = len(self.pages)
        self.position.setText(self.tr("Criterion %1 of %2").replace("%1", str(index + 1)).replace("%2", str(total))
                              if index < total else self.tr("Summary"))
        if index >= total:
            self._show_summary(self.qt.report)
        self.focus_current()

    def focus_current(self) -> None:
        """Put the keyboard in the current page's first entry."""
        page = self.current_page()
        (page.first_input() if page else self.summary).setFocus()

    def step(self, delta: int) -> None:
        self.side.setCurrentRow(max(0, min(self.side.count() - 1, self.side.currentRow() + delta)))

    def go_to_criterion(self, criterion_id: str) -> None:
        ids = [c.id for c in self.protocol.criteria]
        if criterion_id in ids:
            self.side.setCurrentRow(ids.index(criterion_id))

    def current_page(self) -> CriterionPage | None:
        index = self.stack.currentIndex()
        return self.pages[index] if index < len(self.pages) else None

    # -- entries -----------------------------------------------------------------------------

    def _problem_text(self, problems: tuple[Problem, ...]) -> str | None:
        return "\n".join(self.words.problem_text(p) if not p.path else self.words.problem(p) for p in problems) or None

    def _edited(self, editor: FactEditor, fact_id: str, raw: Any) -> None:
        problems = self.qt.preview(fact_id, raw)
        editor.show_problem(self._problem_text(problems))
        timer = self._timers.get(fact_id)
        if timer is not None:
            timer.stop()
        if problems or self.session.needs_reason(fact_id):
            self._pending.pop(fact_id, None)
            return
        self._pending[fact_id] = (editor, raw)
        if timer is None:
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.setInterval(SAVE_AFTER_TYPING_MS)
            timer.timeout.connect(lambda f=fact_id: self._save_pending(f))
            self._timers[fact_id] = timer
        timer.start()

    def _save_pending(self, fact_id: str) -> None:
        pending = self._pending.pop(fact_id, None)
        if pending is not None:
            self._save(*pending, fact_id=fact_id)

    def _committed(self, editor: FactEditor, fact_id: str, raw: Any) -> None:
        timer = self._timers.get(fact_id)
        if timer is not None:
            timer.stop()
        self._pending.pop(fact_id, None)
        self._save(editor, raw, fact_id=fact_id)

    def flush(self) -> None:
        """Save every entry still waiting for its pause (before the view closes)."""
        for fact_id in list(self._pending):
            self._timers[fact_id].stop()
            self._save_pending(fact_id)

    def _save(self, editor: FactEditor, raw: Any, *, fact_id: str) -> None:
        if self.session.read_only or raw == self.session.answer(fact_id):
            return
        try:
            self.session.preview(fact_id, raw)
        except FactsInvalid as invalid:
            editor.show_problem(self._problem_text(invalid.problems))
            return
        reason = None
        if self.session.needs_reason(fact_id):
            reason = ReasonDialog.ask(
                self.tr("Reason for change"),
                self.tr("“%s” was entered earlier. Changing it is recorded in the audit trail with the old value, "
                        "the new value and your reason.") % self.words.fact_label(fact_id),
                self,
            )
            if reason is None:
                self._revert(fact_id)
                return
        try:
            self.qt.save(fact_id, raw, reason)
        except FactsInvalid as invalid:
            editor.show_problem(self._problem_text(invalid.problems))
            return
        except (StoreError, Refused) as error:
            QMessageBox.warning(self, self.tr("Not saved"), refusal_text(self.words, error))
            self._revert(fact_id)
            return
        for other in self.editors.get(fact_id, ()):
            other.show_problem(None)
            if other is not editor:
                other.set_value(raw)

    def _revert(self, fact_id: str) -> None:
        stored = self.session.answer(fact_id)
        for editor in self.editors.get(fact_id, ()):
            editor.set_value(stored)
            editor.show_problem(None)
        self.qt.preview(fact_id, stored)

    def _note_edited(self, criterion_id: str, note: str) -> None:
        if self.session.read_only or note.strip() == self.session.screening.notes.get(criterion_id, ""):
            return
        try:
            self.qt.set_note(criterion_id, note)
        except (StoreError, Refused) as error:
            QMessageBox.warning(self, self.tr("Not saved"), refusal_text(self.words, error))

    # -- decisions -------------------------------------------------------------------------

    def _refuse(self, title: str, error: Exception) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, title, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("refused")
        box.setInformativeText(refusal_text(self.words, error) or str(error))
        box.exec()

    def _record_screen_failure(self) -> None:
        failing = [r.criterion_id for r in self.qt.report.results if r.excludes]
        suggestion = self.tr("Not eligible: %s") % ", ".join(failing) if failing else ""
        reason = ReasonDialog.ask(
            self.tr("Record screen failure"),
            self.tr("The subject will be listed as a screen failure in the screening log, with this reason."),
            self, suggestion,
        )
        if not reason:
            return
        try:
            self.qt.record_screen_failure(reason)
        except (StoreError, Refused) as error:
            self._refuse(self.tr("Not recorded"), error)

    def complete(self) -> None:
        """The signed-in person signs, with their password, that the data entry is complete."""
        from trialdesk.ui.complete_dialog import CompleteDialog

        self.flush()
        dialog = CompleteDialog(self.desk, self.session, self.words, self)
        if dialog.exec() == CompleteDialog.DialogCode.Accepted:
            self._show_screening()
        dialog.deleteLater()
        self.window().activateWindow()

    def review_and_sign(self) -> None:
        """The investigator's signature; someone who may not sign is told so before typing anything."""
        from trialdesk.ui.sign_dialog import SignDialog

        self.flush()
        refusal = refused(self.desk, Task.SIGN)
        if refusal is None and self.site.completion(self.session.screening.id) is None:
            refusal = Refused("not_completed")
        if refusal is not None:
            self._refuse(self.tr("Not signed"), refusal)
            return
        dialog = SignDialog(self.desk, self.session, self.words, self)
        if dialog.exec() == SignDialog.DialogCode.Accepted and dialog.result_ is not None:
            self.qt.screeningChanged.emit()
            where = dialog.result_.path or dialog.result_.file_problem
            QMessageBox.information(self, self.tr("Signed"), self.tr("The worksheet is signed and filed: %s") % where)
        dialog.deleteLater()
        self.window().activateWindow()

    def worksheet_pdf(self) -> bytes:
        """The signed worksheet of this version, or the draft as it stands."""
        documents = self.site.documents(self.session.screening.id)
        if documents:
            return documents[-1].pdf
        return self.site.draft_pdf(self.session, self.words)

    def print_worksheet(self) -> None:
        from trialdesk.ui.printing import print_with_preview

        self.flush()
        print_with_preview(self.worksheet_pdf(), self)

    def _correct(self) -> None:
        reason = ReasonDialog.ask(
            self.tr("Correct a signed screening"),
            self.tr("A new version of this screening opens with the same answers. It cites this version, which "
                    "stays as it was with its signed worksheet; the new version must be signed again."),
            self,
        )
        if not reason:
            return
        try:
            corrected = self.session.correct(reason)
        except (StoreError, Refused) as error:
            self._refuse(self.tr("Not corrected"), error)
            return
        self.correctionOpened.emit(corrected)
