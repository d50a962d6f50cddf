"""The screening log page: filter by status, search, sort, and open a screening."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QTableView, QVBoxLayout, QWidget

from trialdesk.domain.log import LogFilter, ScreeningStatus
from trialdesk.messages import Messages
from trialdesk.ui.log_table_model import ScreeningLogTableModel

if TYPE_CHECKING:
    from trialdesk.desk.log import ScreeningLog


class LogPage(QWidget):
    opened = Signal(int)  # a screening id

    def __init__(self, log: ScreeningLog, words: Messages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ScreeningLogTableModel(log, words, self)
        self.status = QComboBox(self)
        self.status.addItem(self.tr("All statuses"), None)
        for status in ScreeningStatus:
            if status is not ScreeningStatus.SUPERSEDED:
                self.status.addItem(words.status(status), status.value)
        self.status.setAccessibleName(self.tr("Status filter"))
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search screening number or initials"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search"))
        self.count = QLabel(self)
        status_label = QLabel(self.tr("&Status:"), self)
        status_label.setBuddy(self.status)
        search_label = QLabel(self.tr("Searc&h:"), self)
        search_label.setBuddy(self.search)
        bar = QHBoxLayout()
        bar.addWidget(status_label)
        bar.addWidget(self.status)
        bar.addWidget(search_label)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.count)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Widths from the header font, not from the rows: measuring every row of a long log
        # (ResizeToContents) costs more than the rest of start-up together.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        em = self.fontMetrics().horizontalAdvance("M")
        for column, width in enumerate((10, 7, 13, 24, 14, 6)):
            header.resizeSection(column, width * em)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(self.tr("Screening log"))
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.status.currentIndexChanged.connect(self.apply_filter)
        self.search.textChanged.connect(self.apply_filter)
        self.table.activated.connect(lambda index: self.opened.emit(self.model.entry(index.row()).id))
        self.model.modelReset.connect(self._show_count)

    def apply_filter(self) -> None:
        status = self.status.currentData()
        statuses = (ScreeningStatus(status),) if status else ()
        self.model.set_filter(LogFilter(statuses=statuses, search=self.search.text()))

    def refresh(self) -> None:
        self.model.refresh()
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))

    def _show_count(self) -> None:
        self.count.setText(self.tr("%d screenings") % self.model.total)
