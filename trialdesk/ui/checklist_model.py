"""The rows of the checklist of yes/no criteria: which questions it asks, and what each row shows.

A yes/no criterion is one whose every fact is a yes/no question (an attestation: "E4: chronic or
acute infection"); a question shared by several criteria is asked once, on the first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QWidget

from trialdesk.messages import Messages
from trialdesk.ui.criterion_page import appearance
from trialdesk.ui.look import state_icon

if TYPE_CHECKING:
    from trialdesk.domain.protocol import Criterion, Protocol
    from trialdesk.ui.qt_session import QtScreeningSession

Index = QModelIndex | QPersistentModelIndex

CRITERION, QUESTION, ANSWER, RESULT = range(4)


def checklist_rows(protocol: Protocol) -> list[tuple[Criterion, str]]:
    """(criterion, fact id) for each question of the yes/no criteria, in protocol order, each fact once."""
    rows: list[tuple[Criterion, str]] = []
    seen: set[str] = set()
    for criterion in protocol.criteria:
        facts = protocol.facts_used(criterion)
        if not facts or any(protocol.fact[f].type != "yes_no" for f in facts):
            continue
        for fact_id in facts:
            if fact_id not in seen:
                seen.add(fact_id)
                rows.append((criterion, fact_id))
    return rows


class ChecklistModel(QAbstractTableModel):
    """The rows of the checklist as the session holds them now (answers, the facts not asked, results)."""

    def __init__(self, qt_session: QtScreeningSession, words: Messages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.qt = qt_session
        self.words = words
        self.rows = checklist_rows(qt_session.session.protocol)
        self._headers = (self.tr("Criterion"), self.tr("Question"), self.tr("Answer"), self.tr("Result"))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own default
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable if index.isValid() else Qt.ItemFlag.NoItemFlags

    def fact_id(self, row: int) -> str:
        return self.rows[row][1]

    def asked(self, row: int) -> bool:
        return self.fact_id(row) not in self.qt.not_asked

    def answer_text(self, row: int) -> str:
        fact_id = self.fact_id(row)
        if not self.asked(row):
            return self.words.not_asked_answer(fact_id)
        answer = self.qt.session.answer(fact_id)
        return self.words.answer(fact_id, answer) if answer is not None else self.tr("—")

    def row_text(self, row: int) -> str:
        """What the row says, read aloud: criterion, question, answer, result."""
        criterion, fact_id = self.rows[row]
        result = self.qt.report.result(criterion.id)
        return self.tr("%1, %2: %3. %4").replace("%1", criterion.id).replace("%2", self.words.fact_label(fact_id)) \
            .replace("%3", self.answer_text(row)).replace("%4", self.words.effect(result))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        criterion, fact_id = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == CRITERION:
                return criterion.id
            if column == QUESTION:
                return self.words.fact_label(fact_id)
            if column == ANSWER:
                return self.answer_text(index.row())
            return self.words.effect(self.qt.report.result(criterion.id))
        if role == Qt.ItemDataRole.DecorationRole and column == RESULT:
            return state_icon(appearance(self.qt.report.result(criterion.id)))
        if role == Qt.ItemDataRole.ToolTipRole:
            return criterion.text if column == CRITERION else self.data(index)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.row_text(index.row())
        return None

    def refresh(self) -> None:
        """Every row again: an answer, a fact asked or not, a result may have changed."""
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self._headers) - 1))
