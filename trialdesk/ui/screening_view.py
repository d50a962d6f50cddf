"""The criterion walk: a page per criterion, a side list of every criterion's live effect on
eligibility, and the summary. Every entry goes through the session as it is made: live evaluation
on each keystroke, saved when the entry is complete (or after a short pause in typing).

By keyboard: a page starts in its first empty field; Alt+Right / Alt+Left (Page Down / Page Up) go
to the next and previous page, Ctrl+J to the next criterion still open; Alt+I is the side list,
whose arrows browse the pages and whose Return goes into the page; Ctrl+Z takes back the last
change of this sitting (in a field being typed in, the typing)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
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
from trialdesk.domain.errors import FactsInvalid, NeedsConfirmation, Problem
from trialdesk.domain.people import Task
from trialdesk.domain.verdict import CriterionResult, Effect, EligibilityReport, Outcome, Verdict
from trialdesk.messages import Messages
from trialdesk.ui.changes_dialog import ChangesDialog
from trialdesk.ui.confirm_dialog import ConfirmValueDialog
from trialdesk.ui.criterion_page import CriterionPage, appearance
from trialdesk.ui.dialogs import ReasonDialog
from trialdesk.ui.fact_editors import FactEditor
from trialdesk.ui.look import state_icon
from trialdesk.ui.qt_session import QtScreeningSession
from trialdesk.ui.refusals import refusal_text, refused
from trialdesk.ui.summary_page import OVERALL_STATE, SummaryPage

if TYPE_CHECKING:
    from trialdesk.desk import Desk
    from trialdesk.desk import Completion
    from trialdesk.domain.screening import AuditEntry

SAVE_AFTER_TYPING_MS = 700
NEXT_OPEN = "Ctrl+J"
SIDE_WIDTH = 240  # the side list's widest on a large screen


def _local(at: str | None) -> str:
    """A stored ISO time in this computer's time zone."""
    from datetime import datetime

    try:
        return datetime.fromisoformat(str(at)).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return str(at or "")


class CriteriaList(QListWidget):
    """The side list. Moving through it with the keys browses the pages and leaves the keyboard in
    the list; Return (or a click) takes it into the page shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browsing = False  # a key of the list's own is moving its current row

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.browsing = True
        try:
            super().keyPressEvent(event)
        finally:
            self.browsing = False


class ScreeningView(QWidget):
    """One screening, walked criterion by criterion by the person signed in at `desk`.

    A person without data-entry delegation today sees it read-only, with the reason; so does
    everyone when the site's database is open for reading only (read-only media).

    The session is a view of what is stored. When someone else (another window, person or
    command) changed the screening meanwhile, the window shows what changed, by whom and when,
    and redraws from the stored state before it accepts the next edit: a save the store refuses
    as "changed_underneath", the first keystroke of an entry, the window getting the focus back
    and the view being shown all check, and an entry typed against the out-of-date view is dropped.

    An unusual answer (outside its usual range) is said beside its field while typing and saved only
    once confirmed in a dialog when the entry is complete; a fact not asked with the answers given
    has its editor disabled, with the condition it is asked under beside it.
    """

    correctionOpened = Signal(object)  # the new ScreeningSession
    backToLog = Signal()
    said = Signal(str)  # a short notice for the status line (what Undo took back)

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
        self._checked: set[str] = set()  # facts whose entry under way began on a current view
        self._busy = 0  # a save or a dialog of this view is under way: no check from activation
        self._watched: QWidget | None = None  # the top-level whose activation is watched
        self._changes_shown = 0  # how often changes made meanwhile were shown

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

        self.side = CriteriaList(self)
        self.side.setAccessibleName(self.tr("Criteria"))
        self.side.setMinimumWidth(150)
        self.side.setWordWrap(True)  # narrow (a laptop at 150 %), an effect takes two lines rather than a scroll bar
        self.side.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # what each side item shows: redrawn only when it changes
        self._shown: list[tuple[CriterionResult, dict[str, str]] | None] = [None] * len(self.protocol.criteria)
        self._summary_shown: object = None  # the overall result the summary's side item shows
        self._facts = [frozenset(self.protocol.facts_used(c)) for c in self.protocol.criteria]
        self._report = self.session.report  # the report shown (saved, or previewed while typing)
        self._stale: set[int] = set()  # pages not showing `_report` yet: brought up to date when shown
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
                editor.answers = self.session  # what an editor may start from (copy today's examination)
                editor.set_value(self.session.answer(editor.fact.id))
                editor.edited.connect(lambda fact_id, raw, e=editor: self._edited(e, fact_id, raw))
                editor.committed.connect(lambda fact_id, raw, e=editor: self._committed(e, fact_id, raw))
                editor.refusedChanged.connect(lambda: self._show_side(self._report))
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
        self.next.setToolTip(self.tr("Next criterion (Alt+Right, Page Down); the next one still open: %s") % NEXT_OPEN)
        self.position = QLabel(self)
        nav = QHBoxLayout()
        nav.addWidget(self.back)
        nav.addWidget(self.position, 1, Qt.AlignmentFlag.AlignCenter)
        nav.addWidget(self.next)

        self.splitter = splitter = QSplitter(self)
        splitter.setChildrenCollapsible(False)
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        criteria_label = QLabel(self.tr("Cr&iteria"), left)
        criteria_label.setBuddy(self.side)
        left_layout.addWidget(criteria_label)
        left_layout.addWidget(self.side, 1)
        splitter.addWidget(left)
        right = QWidget(splitter)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.stack, 1)
        right_layout.addLayout(nav)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        self._sized = False  # the side list's share of the width is set when the view is first shown
        layout = QVBoxLayout(self)
        layout.addWidget(self.subject)
        layout.addLayout(banner)
        layout.addWidget(splitter, 1)

        self.side.currentRowChanged.connect(self._show_page)
        self.side.activated.connect(lambda _index: self.focus_current())
        self.back.clicked.connect(lambda: self.step(-1))
        self.next.clicked.connect(lambda: self.step(1))
        for keys, step in (("Alt+Left", -1), ("Alt+Right", 1), ("PgUp", -1), ("PgDown", 1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda s=step: self.step(s))
        self.undo_action = QAction(self.tr("&Undo"), self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.next_open_action = QAction(self.tr("&Next open criterion"), self)
        self.next_open_action.setShortcut(QKeySequence(NEXT_OPEN))
        for action, slot in ((self.undo_action, self.undo), (self.next_open_action, self.next_open)):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
        QApplication.instance().focusChanged.connect(self._focus_moved)
        self.correct_button.clicked.connect(self._correct)
        self.qt.reportChanged.connect(self.show_report)
        self.qt.screeningChanged.connect(self._show_screening)
        self.qt.undoAvailable.connect(self._show_undo)
        self.qt.answerSaved.connect(self._show_undo)
        self.qt.answerSaved.connect(self._show_saved)

        self._show_screening()
        self.show_report(self.session.report)
        self._show_undo()
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
        self.lock_banner.setVisible(self.read_only)
        self.correct_button.setVisible(locked and s.status.value == "signed" and refusal is None
                                       and not self.site.read_only)
        if locked:
            self.lock_banner.setText(
                self.tr("This screening is %s and locked: nothing in it can change. A correction opens a new "
                        "version that cites this one.") % self.words.status(s.status)
            )
        elif refusal is not None:
            self.lock_banner.setText(self.tr("You can read this screening but not change it: %s")
                                     % (refusal_text(self.words, refusal) or refusal))
        elif self.site.read_only:
            self.lock_banner.setText(self.tr("The site's database is open for reading only: nothing in this "
                                             "screening can be changed here (%s).") % self.site.read_only_notice)
        for page in self.pages:
            page.set_read_only(self.read_only)
        self.completion = self.site.completion(s.id)
        self._show_summary(self.qt.report)

    def _show_summary(self, report: EligibilityReport) -> None:
        self.summary.show_report(report, self.session.screening, self.completion, self.read_only,
                                 refused=self.refused())

    def refused(self) -> dict[str, str]:
        """The values typed and refused (not saved), by fact, as typed: a reason says "refused" for
        them rather than "missing"."""
        refused: dict[str, str] = {}
        for fact_id, editors in self.editors.items():
            text = next((t for t in (e.refused_text() for e in editors) if t), None)
            if text:
                refused[fact_id] = text
        return refused

    @property
    def read_only(self) -> bool:
        """Nothing can be changed here: the screening is locked, the person may not change it, or the
        site's database is open for reading only."""
        return self.session.read_only or bool(self.site.read_only)

    def show_report(self, report: EligibilityReport) -> None:
        """The report on the page shown and in the side list; the other pages take it when shown (a
        keystroke redraws one page, not every one)."""
        self._report = report
        for page in self.pages:
            page.show_asked(self.qt.not_asked)
        self._stale = set(range(len(self.pages)))
        self._bring_up_to_date(self.stack.currentIndex())
        self._show_side(report)

    def _bring_up_to_date(self, index: int) -> None:
        if index in self._stale:
            self._stale.discard(index)
            self.pages[index].show_report(self._report)

    def _show_side(self, report: EligibilityReport) -> None:
        """Each criterion's effect in the side list, its reason as the tooltip (a value refused named as
        refused), and the summary's."""
        refused = self.refused()
        for index, result in enumerate(report.results):
            own = {fact: text for fact, text in refused.items() if fact in self._facts[index]}
            before = self._shown[index]
            if before == (result, own):
                continue  # typing redraws only the criteria it changes
            self._shown[index] = (result, own)
            item = self.side.item(index)
            effect = self.words.effect(result)
            reason = self.words.reason(Outcome(result.verdict, result.reason), refused=own)
            if before is None or appearance(before[0]) != appearance(result):
                # an icon set again, even the same one, counts as a change: the list lays out every row again
                item.setIcon(state_icon(appearance(result)))
            item.setText(effect)  # text set again unchanged is no change
            item.setData(Qt.ItemDataRole.AccessibleTextRole, effect)
            # The reason is read when it is asked for (the tooltip, a screen reader on the row), and it
            # changes with nearly every keystroke: told to the list, any change lays out every row again.
            with QSignalBlocker(self.side.model()):
                item.setToolTip(reason)
                item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, reason)
        if self._summary_shown != report.overall:  # an icon set again lays the list out again (above)
            self._summary_shown = report.overall
            summary_item = self.side.item(len(self.pages))
            summary_item.setIcon(state_icon(OVERALL_STATE[report.overall]))
            summary_item.setText(self.tr("Summary: %s") % self.words.overall(report.overall))
        if self.stack.currentWidget() is self.summary:
            self._show_summary(report)

    # -- navigation ------------------------------------------------------------------------

    def _show_page(self, index: int) -> None:
        if index < 0:
            return
        self._bring_up_to_date(index)
        self.stack.setCurrentIndex(index)
        self.back.setEnabled(index > 0)
        self.next.setEnabled(index < len(self.pages))
        total = len(self.pages)
        self.position.setText(self.tr("Criterion %1 of %2").replace("%1", str(index + 1)).replace("%2", str(total))
                              if index < total else self.tr("Summary"))
        if index >= total:
            self._show_summary(self.qt.report)
        if not self.side.browsing:  # browsing the side list with the keys: the keyboard stays there
            self.focus_current()

    def focus_current(self) -> None:
        """Put the keyboard in the current page's first empty entry (the summary's first link or action)."""
        page = self.current_page()
        if page is None:
            self.summary.focus_first()
        else:
            page.focus_first_empty()

    def step(self, delta: int) -> None:
        self.side.setCurrentRow(max(0, min(self.side.count() - 1, self.side.currentRow() + delta)))

    def next_open(self) -> None:
        """Go to the next criterion still open after the one shown (from the first again after the last),
        or to the summary when no other is open (Ctrl+J). A criterion waiting only for a date still to
        come is not open: nothing can be entered for it today."""
        results, here = self._report.results, self.side.currentRow()
        count = len(self.pages)
        for index in [*range(here + 1, count), *range(0, min(here, count))]:
            if results[index].effect is Effect.OPEN:
                self.side.setCurrentRow(index)
                return
        self.side.setCurrentRow(count)

    def go_to_criterion(self, criterion_id: str) -> None:
        ids = [c.id for c in self.protocol.criteria]
        if criterion_id in ids:
            self.side.setCurrentRow(ids.index(criterion_id))

    def current_page(self) -> CriterionPage | None:
        index = self.stack.currentIndex()
        return self.pages[index] if index < len(self.pages) else None

    # -- entries -----------------------------------------------------------------------------

    def _problem_text(self, problems: tuple[Problem, ...]) -> str | None:
        """Beside its field a problem needs no fact named, only the entry of a list it is in (a course)."""
        return "\n".join(self.words.problem(p) if p.path and isinstance(p.path[0], int) else self.words.problem_text(p)
                         for p in problems) or None

    def _show_problems(self, editor: FactEditor, problems: tuple[Problem, ...]) -> None:
        """The session's refusal beside the field being edited (a consistency check's too, naming
        the other facts), the part of the answer it concerns marked."""
        editor.show_problem(self._problem_text(problems), tuple(p.path for p in problems))

    def _edited(self, editor: FactEditor, fact_id: str, raw: Any) -> None:
        if fact_id not in self._checked:  # the first keystroke of an entry: is what it changes still current?
            if self.catch_up():
                return  # dropped: typed against a view that was out of date, and the person has now seen why
            self._checked.add(fact_id)
        problems = self.qt.preview(fact_id, raw)
        warnings = () if problems else self.qt.warnings(fact_id, raw)
        if warnings:  # said now, asked to be confirmed when the entry is complete (never after a pause)
            editor.show_problem(self.tr("Unusual, to be confirmed when you leave the field: %s")
                                % self._problem_text(warnings))
        else:
            self._show_problems(editor, problems)
        timer = self._timers.get(fact_id)
        if timer is not None:
            timer.stop()
        if problems or warnings or self.session.needs_reason(fact_id):
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
            self._checked.discard(fact_id)

    def _committed(self, editor: FactEditor, fact_id: str, raw: Any) -> None:
        timer = self._timers.get(fact_id)
        if timer is not None:
            timer.stop()
        self._pending.pop(fact_id, None)
        self._save(editor, raw, fact_id=fact_id)
        self._checked.discard(fact_id)  # the entry is over: the next one checks again

    def flush(self) -> None:
        """Save every entry still waiting for its pause (before the view closes)."""
        for fact_id in list(self._pending):
            self._timers[fact_id].stop()
            self._save_pending(fact_id)

    def _save(self, editor: FactEditor, raw: Any, *, fact_id: str) -> None:
        self._busy += 1
        try:
            self._save_entry(editor, raw, fact_id)
        finally:
            self._busy -= 1

    def _save_entry(self, editor: FactEditor, raw: Any, fact_id: str) -> None:
        if self.read_only or self.session.same_answer(fact_id, raw):  # the same value typed again is no change
            return
        try:
            self.session.preview(fact_id, raw)
        except FactsInvalid as invalid:
            self._show_problems(editor, invalid.problems)
            return
        reason = None
        if self.session.needs_reason(fact_id):
            if self.catch_up():  # never ask a reason for replacing a value the person has not seen
                return
            reason = self._ask_change_reason(fact_id)
            if reason is None:
                self._revert(fact_id)
                return
        confirmed = False
        for _ in range(3):  # a reason the store found due, a confirmation: each asked once
            try:
                self.qt.save(fact_id, raw, reason, confirmed=confirmed)
            except FactsInvalid as invalid:
                self._show_problems(editor, invalid.problems)
                return
            except NeedsConfirmation as unusual:
                if confirmed or not self._confirmed(editor, fact_id, raw, unusual.warnings):
                    return
                confirmed = True
                continue
            except StoreError as error:
                if error.code == "changed_underneath":
                    self.changed_underneath(error.params.get("changes") or [])
                    return
                if error.code == "reason_required" and reason is None:
                    # the store found the answer entered by someone else meanwhile: ask, then try once more
                    reason = self._ask_change_reason(fact_id, error.params.get("by"), error.params.get("at"))
                    if reason is None:
                        self._revert(fact_id)
                        return
                    continue
                QMessageBox.warning(self, self.tr("Not saved"), refusal_text(self.words, error))
                self._revert(fact_id)
                return
            except Refused as error:
                QMessageBox.warning(self, self.tr("Not saved"), refusal_text(self.words, error))
                self._revert(fact_id)
                return
            break
        for other in self.editors.get(fact_id, ()):
            other.show_problem(None)
            if other is not editor:
                other.set_value(raw)

    def _show_saved(self, fact_id: str) -> None:
        """An answer saved through the session from elsewhere (the checklist, Undo) shows in every field of it."""
        stored = self.session.answer(fact_id)
        for editor in self.editors.get(fact_id, ()):
            if not self.session.same_answer(fact_id, editor.raw()):
                editor.set_value(stored)
                editor.show_problem(None)

    def _confirmed(self, editor: FactEditor, fact_id: str, raw: Any, warnings: tuple[Problem, ...]) -> bool:
        """Ask to confirm an unusual answer. Changing the value keeps nothing: the field shows the stored
        answer again, with what was not confirmed beside it, and the keyboard goes back to it."""
        shown = self.words.answer_text(fact_id, self.session.normal(fact_id, raw))
        heading = f"{self.words.fact_label(fact_id)}: {shown}"
        if ConfirmValueDialog.ask(heading, [self.words.problem_text(w) for w in warnings], self):
            return True
        self._revert(fact_id)
        editor.show_problem(self.tr("Not saved, not confirmed: %s") % self._problem_text(warnings))
        editor.setFocus()
        return False

    def _ask_change_reason(self, fact_id: str, by: str | None = None, at: str | None = None) -> str | None:
        label = self.words.fact_label(fact_id)
        if by:  # the store found it entered by someone else meanwhile
            explanation = (self.tr("“%1” was entered by %2 (%3). Changing it is recorded in the audit trail with the "
                                   "old value, the new value and your reason.")
                           .replace("%1", label).replace("%2", by).replace("%3", _local(at)))
        else:
            explanation = (self.tr("“%s” was entered earlier. Changing it is recorded in the audit trail with the old "
                                   "value, the new value and your reason.") % label)
        return ReasonDialog.ask(self.tr("Reason for change"), explanation, self)

    def _revert(self, fact_id: str) -> None:
        self._checked.discard(fact_id)
        stored = self.session.answer(fact_id)
        for editor in self.editors.get(fact_id, ()):
            editor.set_value(stored)
            editor.show_problem(None)
        self.qt.preview(fact_id, stored)

    def _note_edited(self, criterion_id: str, note: str) -> None:
        if self.read_only or note.strip() == self.session.screening.notes.get(criterion_id, ""):
            return
        self._busy += 1
        try:
            self.qt.set_note(criterion_id, note)
            self._show_undo()
        except StoreError as error:
            if error.code == "changed_underneath":
                self.changed_underneath(error.params.get("changes") or [])
            else:
                QMessageBox.warning(self, self.tr("Not saved"), refusal_text(self.words, error))
        except Refused as error:
            QMessageBox.warning(self, self.tr("Not saved"), refusal_text(self.words, error))
        finally:
            self._busy -= 1

    # -- undo --------------------------------------------------------------------------------

    def _show_undo(self, *_: object) -> None:
        """Undo is offered, naming what it takes back, while this sitting has a change to take back."""
        undoable = None if self.read_only else self.qt.next_undo
        self.undo_action.setEnabled(undoable is not None)
        if undoable is None:
            self.undo_action.setText(self.tr("&Undo"))
            self.undo_action.setToolTip(self.tr("Nothing entered in this sitting to undo"))
            return
        what = (self.words.fact_label(undoable.target) if undoable.action == "answer"
                else self.tr("Source document for %s") % undoable.target)
        self.undo_action.setText(self.tr("&Undo: %s") % what)
        self.undo_action.setToolTip(self.tr("Take back the last change made in this sitting: %s (Ctrl+Z)") % what)

    def undo(self) -> None:
        """Take back the last change made in this sitting (Ctrl+Z), recorded as a change of its own; show
        the value it took back, on its page, and say what was undone."""
        if self.read_only or not self._saved_and_current() or self.qt.next_undo is None:
            return
        undoable = self.qt.next_undo
        self._busy += 1
        try:
            confirmed = False
            for _ in range(2):  # a value put back that is unusual is confirmed once
                try:
                    saved = self.qt.undo_last(confirmed=confirmed)
                except NeedsConfirmation as unusual:
                    label = self.words.fact_label(undoable.target)
                    if confirmed or not ConfirmValueDialog.ask(self.tr("Undo: %s") % label,
                                                               [self.words.problem_text(w) for w in unusual.warnings],
                                                               self):
                        return
                    confirmed = True
                    continue
                except FactsInvalid as invalid:
                    self._refuse(self.tr("Not undone"), "\n".join(self.words.problem_text(p) for p in invalid.problems))
                    return
                except StoreError as error:
                    if error.code == "changed_underneath":
                        self.changed_underneath(error.params.get("changes") or [])
                    else:
                        self._refuse(self.tr("Not undone"), error)
                    return
                except Refused as error:
                    self._refuse(self.tr("Not undone"), error)
                    return
                break
        finally:
            self._busy -= 1
            self._show_undo()
        if saved is not None and self.qt.last_undone is not None:
            self._show_undone(self.qt.last_undone)

    def _show_undone(self, entry: AuditEntry) -> None:
        """The value Undo put back, in its field on the page shown (or the first page asking it), and in words."""
        target = entry.target or ""
        if entry.action == "answer":
            stored = self.session.answer(target)
            editors = self.editors.get(target, [])
            for editor in editors:
                editor.set_value(stored)
                editor.show_problem(None)
            page = self.current_page()
            here = next((e for e in editors if page is not None and e in page.editors), None)
            if here is None and editors:
                here = editors[0]
                self.go_to_criterion(next(p.criterion.id for p in self.pages if here in p.editors))
            if here is not None:
                here.setFocus()
            shown = self.words.answer_text(target, stored) if stored is not None else self.words.t("answer.not_entered")
            text = self.tr("Undone: %1 is %2 again").replace("%1", self.words.fact_label(target)).replace("%2", shown)
        else:
            note = self.session.screening.notes.get(target, "")
            self.go_to_criterion(target)
            page = self.current_page()
            if page is not None and page.criterion.id == target:
                page.note.setText(note)
                page.note.setFocus()
            text = (self.tr("Undone: the source document for %1 is “%2” again").replace("%1", target).replace("%2", note)
                    if note else self.tr("Undone: the source document for %s is empty again") % target)
        self.said.emit(text)

    # -- staying current ---------------------------------------------------------------------

    def _saved_and_current(self) -> bool:
        """Save the entries waiting for a pause, then check the view is current; False when the person
        was just shown changes made meanwhile (what they were about to do waits for them to look)."""
        shown = self._changes_shown
        self.flush()
        return shown == self._changes_shown and not self.catch_up()

    def catch_up(self) -> bool:
        """When someone changed the screening since the session read it: read it again, redraw, and show
        what changed (by whom, when). True when it had changed (the entry under way is dropped)."""
        changes = self.qt.catch_up()
        if not changes:
            return False
        self.changed_underneath(changes)
        return True

    def changed_underneath(self, changes: list[AuditEntry]) -> None:
        """The session has read the screening again (a save was refused, or a check found changes):
        every editor, note and the side list now show what is stored; then the changes are shown."""
        if self.qt.changes_since_seen():  # refused by the store without the session reading it again
            changes = self.qt.catch_up() or changes
        self.redraw()
        self._changes_shown += 1
        self._busy += 1
        try:
            ChangesDialog.show_changes(changes, self.words, self.session.actor, self)
        finally:
            self._busy -= 1

    def redraw(self) -> None:
        """Show the screening as the session holds it: entries under way are dropped."""
        for timer in self._timers.values():
            timer.stop()
        self._pending.clear()
        self._checked.clear()
        for fact_id, editors in self.editors.items():
            stored = self.session.answer(fact_id)
            for editor in editors:
                editor.set_value(stored)
                editor.show_problem(None)
        notes = self.session.screening.notes
        for page in self.pages:
            page.note.setText(notes.get(page.criterion.id, ""))
        self.qt.announce()  # the subject line, the lock, the summary, the side list and every verdict

    def check_current(self) -> None:
        """Look for changes made meanwhile (the window got the focus back, the view was shown)."""
        if self._busy or QApplication.activeModalWidget() is not None or not self.isVisible():
            return  # a save or a dialog under way checks for itself; the window is checked once it is back
        self.catch_up()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:  # a fifth of the width for the side list, the rest for the page (a laptop's is narrow)
            self._sized = True
            width = self.splitter.width()
            side = max(self.side.minimumWidth(), min(SIDE_WIDTH, width // 5))
            self.splitter.setSizes([side, width - side])
        top = self.window()
        if top is not self._watched:
            if self._watched is not None:
                self._watched.removeEventFilter(self)
            top.installEventFilter(self)
            self._watched = top
        QTimer.singleShot(0, self, self.check_current)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._watched and event.type() == QEvent.Type.WindowActivate:
            QTimer.singleShot(0, self, self.check_current)  # once the activation is over, not inside it
        elif (event.type() == QEvent.Type.ShortcutOverride and isinstance(watched, QLineEdit)
              and isinstance(event, QKeyEvent) and event.matches(QKeySequence.StandardKey.Undo)):
            return not self._typing_in(watched)  # True: not the field's own undo, the screening's (Ctrl+Z)
        return super().eventFilter(watched, event)

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        """A field of this view taking the keyboard shares Ctrl+Z with the screening's Undo (rows of a
        medication history are made as they are added, so each field is watched once it has the focus)."""
        if isinstance(new, QLineEdit) and self.isAncestorOf(new):
            new.installEventFilter(self)

    def _typing_in(self, line: QLineEdit) -> bool:
        """Whether `line` holds an entry under way (Ctrl+Z there undoes the typing, not a saved change)."""
        widget: QWidget | None = line
        while widget is not None and widget is not self:
            if isinstance(widget, FactEditor):
                return widget.fact.id in self._checked or widget.fact.id in self._pending
            if isinstance(widget, CriterionPage):
                return line is widget.note and line.text().strip() != self.session.screening.notes.get(
                    widget.criterion.id, "")
            widget = widget.parentWidget()
        return True

    # -- decisions -------------------------------------------------------------------------

    def _refuse(self, title: str, error: Exception | str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, title, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("refused")
        box.setInformativeText(error if isinstance(error, str) else refusal_text(self.words, error) or str(error))
        box.exec()

    def _record_screen_failure(self) -> None:
        if not self._saved_and_current():  # decided on what is stored, seen first
            return
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
            if getattr(error, "code", None) == "changed_underneath":
                self.changed_underneath(error.params.get("changes") or [])
                return
            self._refuse(self.tr("Not recorded"), error)

    def complete(self) -> None:
        """The signed-in person signs, with their password, that the data entry is complete."""
        from trialdesk.ui.complete_dialog import CompleteDialog

        if not self._saved_and_current():  # one completes what one has seen
            return
        dialog = CompleteDialog(self.desk, self.session, self.words, self)
        self._busy += 1
        try:
            accepted = dialog.exec() == CompleteDialog.DialogCode.Accepted
        finally:
            self._busy -= 1
        changes = dialog.changed_underneath
        dialog.deleteLater()
        self.window().activateWindow()
        if accepted:
            self._show_screening()
            self.summary.focus_first()  # on to what is left to do: the signature
        elif changes is not None:
            self.changed_underneath(changes)

    def review_and_sign(self) -> None:
        """The investigator's signature; someone who may not sign is told so before typing anything."""
        from trialdesk.ui.sign_dialog import SignDialog

        if not self._saved_and_current():  # one signs what one has seen
            return
        if self.site.read_only:
            self._refuse(self.tr("Not signed"), self.site.read_only_notice or "")
            return
        refusal = refused(self.desk, Task.SIGN)
        if refusal is None and self.site.completion(self.session.screening.id) is None:
            refusal = Refused("not_completed")
        if refusal is not None:
            self._refuse(self.tr("Not signed"), refusal)
            return
        dialog = SignDialog(self.desk, self.session, self.words, self)
        self._busy += 1
        try:
            accepted = dialog.exec() == SignDialog.DialogCode.Accepted
        finally:
            self._busy -= 1
        if not accepted and dialog.changed_underneath is not None:
            dialog.deleteLater()
            self.window().activateWindow()
            self.changed_underneath(dialog.changed_underneath)
            return
        if accepted and dialog.result_ is not None:
            self.qt.screeningChanged.emit()
            missing = dialog.result_.copy_missing(self.words)
            if missing is None:
                QMessageBox.information(self, self.tr("Signed"),
                                        self.tr("The worksheet is signed and filed: %s") % dialog.result_.path)
            else:  # signed and kept in the database; the site-file copy is missing
                QMessageBox.warning(self, self.tr("Signed"), missing)
            self.summary.focus_first()  # what is left to do: print the signed worksheet
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
        if self.catch_up():
            return
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
            if getattr(error, "code", None) == "changed_underneath":
                self.changed_underneath(error.params.get("changes") or [])
                return
            self._refuse(self.tr("Not corrected"), error)
            return
        self.correctionOpened.emit(corrected)
