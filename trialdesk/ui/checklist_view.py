"""The checklist: every yes/no criterion of the protocol in one table, answered at the speed of paper
(Y, N, U, the arrows), each answer still checked, saved and audited one by one through the session,
the same path the criterion pages take; read-only when the screening is locked. Its rows:
`trialdesk.ui.checklist_model`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from trialdesk.desk.errors import Refused, StoreError
from trialdesk.domain.errors import FactsInvalid, NeedsConfirmation, Problem
from trialdesk.messages import Messages
from trialdesk.ui.changes_dialog import ChangesDialog
from trialdesk.ui.checklist_model import ANSWER, CRITERION, QUESTION, RESULT, ChecklistModel
from trialdesk.ui.confirm_dialog import ConfirmValueDialog
from trialdesk.ui.dialogs import ReasonDialog
from trialdesk.ui.look import fit_to_screen
from trialdesk.ui.refusals import refusal_text

if TYPE_CHECKING:
    from trialdesk.ui.qt_session import QtScreeningSession

#: the key -> the answer it gives
KEYS = {Qt.Key.Key_Y: "yes", Qt.Key.Key_N: "no", Qt.Key.Key_U: "unknown"}
CLEAR_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)


class ChecklistTable(QTableView):
    """The table: Y, N, U answer the current row and go to the next; Delete clears; arrows move."""

    def __init__(self, dialog: ChecklistDialog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dialog = dialog

    def keyPressEvent(self, event: QKeyEvent) -> None:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier & ~Qt.KeyboardModifier.KeypadModifier
        key = Qt.Key(event.key())
        if modifiers == Qt.KeyboardModifier.NoModifier and self.currentIndex().isValid():
            row = self.currentIndex().row()
            if key in KEYS:
                self.dialog.answer(row, KEYS[key])
                return
            if key in CLEAR_KEYS:
                self.dialog.answer(row, None)
                return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.dialog.go_to(row + 1)
                return
        super().keyPressEvent(event)


class ChecklistDialog(QDialog):
    """The yes/no criteria of the screening `qt_session` holds, in one table. `read_only` (default:
    the session's) leaves every answer as it is."""

    def __init__(self, qt_session: QtScreeningSession, words: Messages, parent: QWidget | None = None, *,
                 read_only: bool | None = None) -> None:
        super().__init__(parent)
        self.qt = qt_session
        self.session = qt_session.session
        self.words = words
        self.read_only = self.session.read_only if read_only is None else read_only
        self.setObjectName("checklistDialog")
        subject = self.session.screening.subject
        self.setWindowTitle(self.tr("Checklist of yes/no criteria — %1 (%2)")
                            .replace("%1", subject.screening_number).replace("%2", subject.initials))
        self.model = ChecklistModel(qt_session, words, self)

        heading = QLabel(self.tr("Every yes/no criterion of %1 in one table. Each answer is checked and saved "
                                 "on its own, as on the criterion pages.").replace("%1", self.session.protocol.id), self)
        heading.setWordWrap(True)
        keys = QLabel(self.tr("Y yes · N no · U not known · Delete clears · ↑ ↓ move · Ctrl+Z undoes the last "
                              "change"), self)
        keys.setProperty("role", "hint")
        keys.setWordWrap(True)
        self.banner = QLabel(self)
        self.banner.setObjectName("checklistReadOnly")
        self.banner.setProperty("role", "locked")
        self.banner.setWordWrap(True)
        self.banner.setText(self.tr("This screening cannot be changed here: the checklist is read only."))
        self.banner.setVisible(self.read_only)

        self.table = ChecklistTable(self, self)
        self.table.setObjectName("checklistTable")
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Yes/no criteria"))
        self.table.setAccessibleDescription(keys.text())
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table for the buttons
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(CRITERION, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(QUESTION, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ANSWER, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(RESULT, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

        self.text = QLabel(self)  # the current criterion's protocol text, verbatim
        self.text.setObjectName("checklistProtocolText")
        self.text.setProperty("role", "registry-text")
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QLabel(self)
        self.progress.setObjectName("checklistProgress")
        self.status = QLabel(self)
        self.status.setObjectName("checklistStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)

        self.undo_button = QPushButton(self.tr("&Undo the last change"), self)
        self.undo_button.setAccessibleName(self.tr("Undo the last change"))
        self.undo_button.setToolTip(self.tr("Undo the last change made in this sitting (Ctrl+Z)"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("&Close"))
        close.setAccessibleName(self.tr("Close the checklist"))
        close.setAutoDefault(False)
        self.undo_button.setAutoDefault(False)
        row = QHBoxLayout()
        row.addWidget(self.undo_button)
        row.addWidget(self.progress, 1)
        row.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        for widget in (heading, keys, self.banner):
            layout.addWidget(widget)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.text)
        layout.addWidget(self.status)
        layout.addLayout(row)

        self.buttons.rejected.connect(self.reject)
        self.undo_button.clicked.connect(self.undo)
        undo = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self)
        undo.activated.connect(self.undo)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _: self._show_text(current.row()))
        self.qt.reportChanged.connect(self._refresh)
        self.qt.undoAvailable.connect(self._show_undo)
        self._refresh()
        self._show_undo()
        self._fit()
        if self.model.rows:
            self.go_to(self._first_open_row())
        else:
            self._say(self.tr("This protocol has no yes/no criteria: every criterion is entered on its page."))

    # -- shown ---------------------------------------------------------------------------------

    def _fit(self) -> None:
        """As large as the work needs, never larger than the screen the window is on (the table scrolls)."""
        fit_to_screen(self, 1100, max(self.sizeHint().height(), 620))

    def _refresh(self, *_: object) -> None:
        self.model.refresh()
        answered = sum(1 for r in range(len(self.model.rows))
                       if self.session.answer(self.model.fact_id(r)) is not None or not self.model.asked(r))
        self.progress.setText(self.tr("%1 of %2 questions answered").replace("%1", str(answered))
                              .replace("%2", str(len(self.model.rows))))
        self._show_text(self.table.currentIndex().row())

    def _show_undo(self, *_: object) -> None:
        self.undo_button.setEnabled(not self.read_only and self.qt.can_undo)

    def _show_text(self, row: int) -> None:
        if not 0 <= row < len(self.model.rows):
            self.text.setText("")
            return
        criterion, _ = self.model.rows[row]
        translation = self.words.criterion_translation(criterion)
        text = f"{criterion.id} · {self.words.kind(criterion.kind)}\n{criterion.text}"
        self.text.setText(f"{text}\n{translation}" if translation else text)
        self.text.setAccessibleName(self.tr("Protocol text"))

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setAccessibleName(text)

    def _first_open_row(self) -> int:
        return next((r for r in range(len(self.model.rows))
                     if self.model.asked(r) and self.session.answer(self.model.fact_id(r)) is None), 0)

    def go_to(self, row: int) -> None:
        if not self.model.rows:
            return
        row = max(0, min(row, len(self.model.rows) - 1))
        self.table.setCurrentIndex(self.model.index(row, ANSWER))
        self.table.scrollTo(self.model.index(row, ANSWER))
        self.table.setFocus()

    # -- answering ----------------------------------------------------------------------------

    def answer(self, row: int, raw: str | None) -> bool:
        """Answer the question of `row` (None clears it) through the session; True when it is saved,
        and the next row is then current."""
        criterion, fact_id = self.model.rows[row]
        label = f"{criterion.id} {self.words.fact_label(fact_id)}"
        if self.read_only:
            self._say(self.tr("Read only: %s was not changed.") % label)
            return False
        if not self.model.asked(row):
            self._say(self.words.asked_only_when(fact_id))
            return False
        if self.session.same_answer(fact_id, raw):
            self.go_to(row + 1)
            return True
        changes = self.qt.catch_up()  # an answer is given on what is stored: others' changes are shown first
        if changes:
            self._changed_meanwhile(changes)
            return False
        reason = None
        if self.session.needs_reason(fact_id):
            reason = self._ask_reason(fact_id)
            if reason is None:
                self._say(self.tr("Not saved: %s needs a reason for the change.") % label)
                return False
        if not self._save(fact_id, raw, reason):
            return False
        shown = self.words.answer(fact_id, raw) if raw is not None else self.tr("cleared")
        self._say(self.tr("Saved: %1: %2").replace("%1", label).replace("%2", shown))
        self.go_to(row + 1)
        return True

    def _save(self, fact_id: str, raw: str | None, reason: str | None) -> bool:
        confirmed = False
        for _ in range(3):  # a reason the store found due, a confirmation: each asked once
            try:
                self.qt.save(fact_id, raw, reason, confirmed=confirmed)
                return True
            except FactsInvalid as invalid:
                self._refused(invalid.problems)
                return False
            except NeedsConfirmation as unusual:
                shown = self.words.answer(fact_id, raw) if raw is not None else self.tr("cleared")
                if confirmed or not self._confirm(f"{self.words.fact_label(fact_id)}: {shown}", unusual.warnings):
                    return False
                confirmed = True
            except StoreError as error:
                if error.code == "changed_underneath":
                    self._changed_meanwhile(error.params.get("changes") or [])
                    return False
                if error.code == "reason_required" and reason is None:
                    reason = self._ask_reason(fact_id, error.params.get("by"), error.params.get("at"))
                    if reason is None:
                        return False
                    continue
                self._not_saved(error)
                return False
            except Refused as error:
                self._not_saved(error)
                return False
        return False

    def _refused(self, problems: tuple[Problem, ...]) -> None:
        self._say(self.tr("Not saved: %s") % "; ".join(self.words.problem(p) for p in problems))

    def _not_saved(self, error: Exception) -> None:
        text = refusal_text(self.words, error) or str(error)
        self._say(self.tr("Not saved: %s") % text)
        QMessageBox.warning(self, self.tr("Not saved"), text)

    def _confirm(self, heading: str, warnings: tuple[Problem, ...]) -> bool:
        if ConfirmValueDialog.ask(heading, [self.words.problem_text(w) for w in warnings], self):
            return True
        self._say(self.tr("Not saved, not confirmed: %s") % "; ".join(self.words.problem_text(w) for w in warnings))
        return False

    def _ask_reason(self, fact_id: str, by: str | None = None, at: str | None = None) -> str | None:
        label = self.words.fact_label(fact_id)
        if by:
            explanation = (self.tr("“%1” was entered by %2 (%3). Changing it is recorded in the audit trail with "
                                   "the old value, the new value and your reason.")
                           .replace("%1", label).replace("%2", by).replace("%3", str(at or "")))
        else:
            explanation = (self.tr("“%s” was entered earlier. Changing it is recorded in the audit trail with the "
                                   "old value, the new value and your reason.") % label)
        return ReasonDialog.ask(self.tr("Reason for change"), explanation, self)

    def _changed_meanwhile(self, changes: list) -> None:
        """Others changed the screening: the table shows what is stored, then what changed is shown."""
        changes = self.qt.catch_up() or changes
        self._refresh()
        self._say(self.tr("Changed meanwhile by someone else: the table shows what is stored now."))
        if changes:
            ChangesDialog.show_changes(changes, self.words, self.session.actor, self)

    # -- undo ---------------------------------------------------------------------------------

    def undo(self) -> None:
        """Take back the last change of this sitting (one made here or on a criterion page)."""
        if self.read_only or not self.qt.can_undo:
            self._say(self.tr("Nothing to undo."))
            return
        target = self.qt.next_undo.target
        confirmed = False
        for _ in range(2):
            try:
                saved = self.qt.undo_last(confirmed=confirmed)
            except NeedsConfirmation as unusual:
                heading = self.tr("Undo: %s") % self._target_label(target)
                if confirmed or not self._confirm(heading, unusual.warnings):
                    return
                confirmed = True
                continue
            except FactsInvalid as invalid:
                self._say(self.tr("Not undone: %s") % "; ".join(self.words.problem(p) for p in invalid.problems))
                return
            except StoreError as error:
                if error.code == "changed_underneath":
                    self._changed_meanwhile(error.params.get("changes") or [])
                    self._say(self.tr("Not undone: someone else changed the screening since."))
                    return
                self._not_saved(error)
                return
            except Refused as error:
                self._not_saved(error)
                return
            break
        else:
            return
        entry = self.qt.last_undone
        if saved is None or entry is None:
            return
        self._say(self.tr("Undone: %1 is back to %2").replace("%1", self._target_label(entry.target))
                  .replace("%2", self._value_text(entry.action, entry.target, entry.old_value)))
        rows = [r for r, (_, fact_id) in enumerate(self.model.rows) if fact_id == entry.target]
        if rows:
            self.go_to(rows[0])

    def _target_label(self, target: str) -> str:
        return self.words.fact_label(target) if target in self.session.protocol.fact else target

    def _value_text(self, action: str, target: str, value: Any) -> str:
        if value is None or value == "":
            return self.words.t("answer.not_entered")
        if action == "answer":
            return self.words.answer_text(target, value)
        return str(value)


def open_checklist(window: Any) -> None:
    """The checklist over the main window's open screening (its menu action): what waits for a pause is
    saved first, and the criterion pages show every answer the checklist saved once it closes."""
    view = window.view
    if view is None:
        return
    view.flush()
    dialog = ChecklistDialog(view.qt, view.words, window, read_only=view.read_only)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()
    if window.view is view:
        view.redraw()
    if not getattr(window, "locked", False):  # closed by the idle lock: its password dialog keeps the keyboard
        if window.view is view:
            view.focus_current()
        window.activateWindow()
