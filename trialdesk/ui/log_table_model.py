"""The screening log as a Qt table model over the store, fetched a page at a time."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from trialdesk.domain.log import LogEntry, LogFilter
from trialdesk.messages import Messages

if TYPE_CHECKING:
    from trialdesk.desk.log import ScreeningLog

PAGE = 200
Index = QModelIndex | QPersistentModelIndex

# (header, store column it sorts by)
COLUMNS = (
    (QT_TRANSLATE_NOOP("ScreeningLogTableModel", "Screening no."), "screening_number"),
    (QT_TRANSLATE_NOOP("ScreeningLogTableModel", "Initials"), "initials"),
    (QT_TRANSLATE_NOOP("ScreeningLogTableModel", "Screening date"), "screening_date"),
    (QT_TRANSLATE_NOOP("ScreeningLogTableModel", "Status"), "status"),
    (QT_TRANSLATE_NOOP("ScreeningLogTableModel", "Criteria not met"), "failed_criteria"),
    (QT_TRANSLATE_NOOP("ScreeningLogTableModel", "Version"), "version"),
    (QT_TRANSLATE_NOOP("ScreeningLogTableModel", "Protocol"), "protocol_id"),
)


class ScreeningLogTableModel(QAbstractTableModel):
    """Rows of the log for the current filter and order; more are fetched as the view scrolls."""

    def __init__(self, log: ScreeningLog, words: Messages, parent: Any = None) -> None:
        super().__init__(parent)
        self.log = log
        self.words = words
        self.filter = LogFilter()
        self.order = ("screening_date", True)
        self._rows: list[LogEntry] = []
        self._total = 0

    def set_rows(self, rows: list[LogEntry], total: int) -> None:
        """Replace the model contents and notify attached views."""
        self.beginResetModel()
        self._rows, self._total = rows, total
        self.endResetModel()

    def refresh(self) -> None:
        order_by, descending = self.order
        rows = self.log.list_log(self.filter, limit=PAGE, order_by=order_by, descending=descending)
        self.set_rows(rows, self.log.count(self.filter))

    def set_filter(self, log_filter: LogFilter) -> None:
        self.filter = log_filter
        self.refresh()

    def entry(self, row: int) -> LogEntry:
        return self._rows[row]

    @property
    def total(self) -> int:
        return self._total

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        order_by, descending = self.order
        more = self.log.list_log(self.filter, limit=PAGE, offset=len(self._rows), order_by=order_by, descending=descending)
        if more:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.checkIndex(index, QAbstractTableModel.CheckIndexOption.IndexIsValid):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        entry = self._rows[index.row()]
        column = COLUMNS[index.column()][1]
        if column == "status":
            text = self.words.status(entry.status)
            return f"{text} — {entry.screen_failure_reason}" if entry.screen_failure_reason else text
        if column == "failed_criteria":
            return ", ".join(entry.failed_criteria)
        if column == "screening_date":
            return entry.screening_date.isoformat()
        return str(getattr(entry, column))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("ScreeningLogTableModel", COLUMNS[section][0])
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.order = (COLUMNS[column][1], order == Qt.SortOrder.DescendingOrder)
        self.refresh()
