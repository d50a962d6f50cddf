"""What others changed in a screening while this window showed it: each change in words, by whom
and when, shown before the window accepts the next edit (the window has read the screening again)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from trialdesk.messages import Messages
from trialdesk.ui.look import fit_to_screen

if TYPE_CHECKING:
    from trialdesk.domain.screening import AuditEntry

COLUMNS = 6  # when, who, what, before, after, reason
WIDEST = (150, 130, 180, 170, 170, 160)  # pixels: a long value wraps within its column
MAX_CELL = 400  # a long value (a joint exam, a list of courses) is cut, whole in the tooltip


def local_time(entry: AuditEntry) -> str:
    """When the change was made, in this computer's time zone."""
    return entry.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")


class ChangesDialog(QDialog):
    """The changes made underneath, oldest first; `rows` holds what each row says (for reading aloud,
    and for tests)."""

    def __init__(self, changes: Sequence[AuditEntry], words: Messages, actor: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.words = words
        self.actor = actor
        self.setObjectName("changedUnderneath")
        self.setWindowTitle(self.tr("Changed meanwhile"))
        self.summary = QLabel(words.store_error("changed_underneath", {"changes": list(changes)}), self)
        self.summary.setObjectName("changesSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        hint = QLabel(self.tr("The screen now shows what is stored. Your last entry, if any, was not saved: "
                              "make it again if it is still right."), self)
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        self.rows = [self.describe(entry) for entry in changes]
        self.table = QTableWidget(len(self.rows), COLUMNS, self)
        self.table.setObjectName("changesTable")
        self.table.setAccessibleName(self.tr("Changes made meanwhile"))
        self.table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Before"),
                                              self.tr("After"), self.tr("Reason")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for row, cells in enumerate(self.rows):
            for column, text in enumerate(cells):
                shown = text if len(text) <= MAX_CELL else text[:MAX_CELL] + "…"
                item = QTableWidgetItem(shown)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        for column, widest in enumerate(WIDEST):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), widest))
        self.table.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        for widget in (self.summary, self.table, hint, buttons):
            layout.addWidget(widget)
        fit_to_screen(self, 1000, min(600, 220 + 48 * len(self.rows)))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setFocus()

    # -- one change in words -----------------------------------------------------------------------

    def who(self, entry: AuditEntry) -> str:
        if entry.actor == self.actor:
            return self.tr("%s (you, in another window or command)") % entry.actor
        return entry.actor

    def describe(self, entry: AuditEntry) -> tuple[str, str, str, str, str, str]:
        """When, who, what, the value before, the value after and the reason, in words."""
        what, before, after = self.what(entry)
        return local_time(entry), self.who(entry), what, before, after, entry.reason or ""

    def what(self, entry: AuditEntry) -> tuple[str, str, str]:
        words, action, target = self.words, entry.action, entry.target or ""
        if action == "answer":
            return words.fact_label(target), self.answer(target, entry.old_value), self.answer(target, entry.new_value)
        if action == "source_note":
            return (self.tr("Source document for %s") % target, entry.old_value or self.tr("(none)"),
                    entry.new_value or self.tr("(none)"))
        if action == "screen_failure":
            return self.tr("Screen failure recorded"), self.status(entry.old_value), self.status(entry.new_value)
        if action == "completed":
            return self.tr("Data entry completed"), "", ""
        if action == "signed":
            return self.tr("Worksheet signed: the screening is locked"), self.status(entry.old_value), \
                self.status("signed")
        if action == "superseded":
            return self.tr("Corrected: a new version replaces this one"), "", self.status("superseded")
        if action == "create":
            return self.tr("Screening created"), "", ""
        if action == "correction":
            return self.tr("Correction of an earlier version opened"), "", ""
        return f"{action} {target}".strip(), _plain(entry.old_value), _plain(entry.new_value)

    def answer(self, fact_id: str, value: Any) -> str:
        if value is None:
            return self.words.t("answer.not_entered")
        try:
            return self.words.answer_text(fact_id, value)
        except Exception:  # a stored value the protocol no longer reads: shown as stored
            return _plain(value)

    def status(self, value: Any) -> str:
        if not isinstance(value, str):
            return ""
        try:
            return self.words.status(value)
        except KeyError:
            return value

    @classmethod
    def show_changes(cls, changes: Sequence[AuditEntry], words: Messages, actor: str, parent: QWidget) -> None:
        dialog = cls(changes, words, actor, parent)
        dialog.exec()
        dialog.deleteLater()
        parent.window().activateWindow()


def _plain(value: Any) -> str:
    from trialdesk.worksheet.history import value_text

    return value_text(value)
