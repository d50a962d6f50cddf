"""The screening log page: filter by status, search, sort (from the keyboard too), open a screening,
and print a screening's one-page summary.

Keys: in Search, Enter opens the screening when only one matches (else goes to the list); in the
list, ← → choose a column and Ctrl+Shift+S sorts by it (again: the other way), Enter opens the
screening, Ctrl+P prints its one-page summary.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from trialdesk.domain.log import LogFilter, ScreeningStatus
from trialdesk.messages import Messages
from trialdesk.ui.log_table_model import COLUMN, COLUMNS, ScreeningLogTableModel

if TYPE_CHECKING:
    from trialdesk.desk import Site
    from trialdesk.desk.log import ScreeningLog

#: How long the list waits, once shown or changed, before it reads the time spent on each screening
#: shown and works out what each still leaves open (also the pause while someone types a search).
LATER_MS = 250

#: The columns left to right (the model's own order is kept for those who read it by number).
SHOWN_ORDER = ("screening_number", "initials", "screening_date", "consent_date", "status", "stage", "still_open",
               "failed_criteria", "entered_by", "signed", "time_spent", "version", "protocol_id")
#: What a column's width is measured on, beside its header: the widest text it usually holds
#: (measuring every row of a long log, ResizeToContents, costs more than the rest of start-up).
SAMPLES = {"screening_number": "S-0000-00", "initials": "WWW", "screening_date": "2026-11-20",
           "consent_date": "2026-11-20", "still_open": "I5, E4, E5, E10", "failed_criteria": "I5, I7, E2, E15",
           "entered_by": "Chen Hua", "signed": "Wang Li, 2026-11-20 12:17", "version": "10",
           "protocol_id": "NCT03798028"}
#: Room beside a cell's text, and beside a header's (its sort arrow)
CELL_MARGIN, HEADER_MARGIN = 16, 30


class LogPage(QWidget):
    """With `site`, the page also works out what each screening still leaves open and prints summaries."""

    opened = Signal(int)  # a screening id

    def __init__(self, log: ScreeningLog, words: Messages, parent: QWidget | None = None, *,
                 site: Site | None = None) -> None:
        super().__init__(parent)
        self.site = site
        self.words = words
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
        self.search.setToolTip(self.tr("Enter opens the screening when only one matches, else goes to the list"))
        self.count = QLabel(self)
        self.count.setAccessibleName(self.tr("Screenings listed"))
        self.print_summary_button = QPushButton(self.tr("Print s&ummary…"), self)
        self.print_summary_button.setAccessibleName(self.tr("Print the summary of the selected screening"))
        self.print_summary_button.setToolTip(self.tr("The selected screening on one page: its result, what decides "
                                                     "it and what is still open (Ctrl+P)"))
        status_label = QLabel(self.tr("&Status:"), self)
        status_label.setBuddy(self.status)
        search_label = QLabel(self.tr("Sea&rch:"), self)
        search_label.setBuddy(self.search)
        bar = QHBoxLayout()
        bar.addWidget(status_label)
        bar.addWidget(self.status)
        bar.addWidget(search_label)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.count)
        bar.addWidget(self.print_summary_button)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName(self.tr("Screening log"))
        self.table.setToolTip(self.tr("Enter opens the screening; Ctrl+P prints its summary. ← and → choose a "
                                      "column, Ctrl+Shift+S sorts by it, again the other way."))
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setAccessibleName(self.tr("Columns of the screening log"))
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        self.table.setWordWrap(False)  # a long cell ends in "…"; its tooltip has it all
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)  # narrower windows scroll
        for position, key in enumerate(SHOWN_ORDER):
            header.moveSection(header.visualIndex(COLUMN[key]), position)
        self._size_columns()
        # what is still open is worked out through the site (its protocol files): without it, not shown
        self.table.setColumnHidden(COLUMN["still_open"], site is None)
        self._show_sort_indicator()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

        self.sort_action = self._shortcut("Ctrl+Shift+S", self.sort_by_current_column)
        self.print_summary_action = self._shortcut(QKeySequence.StandardKey.Print, self.print_summary)
        self.later = QTimer(self)  # what is read once the rows are on screen
        self.later.setSingleShot(True)
        self.later.setInterval(LATER_MS)
        self.later.timeout.connect(self.read_later)
        self.working_out = False  # a round of working out what is still open is running
        self.printing = False  # a summary is being rendered
        self.status.currentIndexChanged.connect(self.apply_filter)
        self.search.textChanged.connect(self.apply_filter)
        self.search.returnPressed.connect(self._search_entered)
        header.sectionClicked.connect(self.sort_by)
        self.table.activated.connect(lambda index: self.opened.emit(self.model.entry(index.row()).id))
        self.print_summary_button.clicked.connect(self.print_summary)
        self.model.modelReset.connect(self._shown)
        self.model.rowsInserted.connect(self._shown)
        self.table.selectionModel().currentChanged.connect(self._enable_print)
        self._enable_print()

    def _size_columns(self) -> None:
        """Each column as wide as its header or the widest text it usually holds, in this language."""
        from datetime import timedelta

        header = self.table.horizontalHeader()
        cells, headers = self.table.fontMetrics(), header.fontMetrics()
        from trialdesk.domain.stages import Stage

        samples = {**SAMPLES, "status": max((self.words.status(s) for s in ScreeningStatus), key=cells.horizontalAdvance),
                   "stage": max((self.words.stage(s) for s in Stage), key=cells.horizontalAdvance),
                   "time_spent": self.model.duration(timedelta(minutes=65))}
        for key, number in COLUMN.items():
            name = self.model.headerData(number, Qt.Orientation.Horizontal)
            header.resizeSection(number, max(headers.horizontalAdvance(name) + HEADER_MARGIN,
                                             cells.horizontalAdvance(samples[key]) + CELL_MARGIN))

    def _shortcut(self, keys: QKeySequence | QKeySequence.StandardKey | str, slot) -> QAction:
        """A key of this page only (the screening view may give the same keys another meaning)."""
        action = QAction(self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    # -- listing ------------------------------------------------------------------------------------

    def apply_filter(self) -> None:
        status = self.status.currentData()
        statuses = (ScreeningStatus(status),) if status else ()
        self.model.filter = LogFilter(statuses=statuses, search=self.search.text())
        self.refresh()

    def refresh(self) -> None:
        """Read the log again. The row that was current stays current if it is still listed (the keys act on
        it: an action repeated never lands on another subject); else the first row is."""
        current, column = self.current_entry(), self.table.currentIndex().column()
        self.model.refresh()
        if current is not None:
            for row in range(self.model.rowCount()):
                if self.model.entry(row).id == current.id:
                    self.table.setCurrentIndex(self.model.index(row, max(column, 0)))
                    return
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, self.model.sort_column()))

    def _shown(self) -> None:
        self._show_count()
        self._enable_print()
        self.later.start()

    def _show_count(self) -> None:
        total = self.model.total
        count = self.tr("1 screening") if total == 1 else self.tr("%d screenings") % total
        if self.model.subjects != total:  # re-screened subjects: each counted once
            count = self.tr("%1 of %2 subjects").replace("%1", count).replace("%2", str(self.model.subjects))
        column = COLUMNS[self.model.sort_column()]
        name = self.model.headerData(COLUMN[column.key], Qt.Orientation.Horizontal)
        order = (self.tr("sorted by %1, descending") if self.model.order[1] else
                 self.tr("sorted by %1, ascending")).replace("%1", name)
        self.count.setText(f"{count} · {order}")

    @Slot()
    def _search_entered(self) -> None:
        """Enter in Search: the one screening found opens; with several, the list takes the keys."""
        if self.model.total == 1 and self.model.rowCount() == 1:
            self.opened.emit(self.model.entry(0).id)
        elif self.model.rowCount():
            self.table.setFocus()
            self.table.setCurrentIndex(self.model.index(0, self.model.sort_column()))

    # -- sorting ------------------------------------------------------------------------------------

    @Slot(int)
    def sort_by(self, column: int) -> None:
        """Order the log by `column`: ascending first, the other way when it is ordered by it already."""
        if not self.model.sortable(column):
            self._show_sort_indicator()
            name = self.model.headerData(column, Qt.Orientation.Horizontal)
            self.count.setText(self.tr("The log cannot be sorted by “%1”").replace("%1", name))
            return
        descending = (not self.model.order[1]) if column == self.model.sort_column() else False
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        self.model.sort(column, order)
        self._show_sort_indicator()
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, column))
        self._show_count()

    def current_entry(self):
        """The log entry of the current row, if any."""
        index = self.table.currentIndex()
        return self.model.entry(index.row()) if index.isValid() else None

    @Slot()
    def sort_by_current_column(self) -> None:
        index = self.table.currentIndex()
        self.sort_by(index.column() if index.isValid() else self.model.sort_column())

    def _show_sort_indicator(self) -> None:
        order = Qt.SortOrder.DescendingOrder if self.model.order[1] else Qt.SortOrder.AscendingOrder
        self.table.horizontalHeader().setSortIndicator(self.model.sort_column(), order)

    # -- read once the rows are shown ---------------------------------------------------------------

    @Slot()
    def read_later(self) -> None:
        """The time spent on the screenings shown, and (with the site, off the interface thread)
        what each still leaves open."""
        if not self.isVisible():  # shown again, the log is refreshed, and this called again
            return
        self.model.read_time_spent()
        if self.site is not None:
            self.work_out_open_criteria()

    def work_out_open_criteria(self) -> None:
        from trialdesk.desk.log import OpenCriteria
        from trialdesk.ui.background import run_in_background

        if self.working_out:  # once this round is done, another for what changed meanwhile
            self.later.start()
            return
        wanted = self.model.open_wanted()
        if not wanted:
            return
        job = OpenCriteria.read(self.site, wanted)
        self.working_out = True

        def done(results: dict) -> None:
            self.working_out = False
            self.model.set_open(results, wanted)

        def failed(error: Exception) -> None:
            from trialdesk.ui.errors import log_error

            self.working_out = False
            log_error(self.site.data_dir, error, error.__traceback__)
            self.model.set_open(dict.fromkeys(wanted), wanted)

        run_in_background(job.evaluate, done, failed, self)

    # -- the one-page summary -----------------------------------------------------------------------

    def _enable_print(self) -> None:
        enabled = self.site is not None and self.table.currentIndex().isValid() and not self.printing
        self.print_summary_button.setEnabled(enabled)
        self.print_summary_action.setEnabled(enabled)

    @Slot()
    def print_summary(self) -> None:
        """Preview (then print) the one-page summary of the screening of the current row."""
        from PySide6.QtWidgets import QMessageBox

        from trialdesk.desk import ProtocolFileError, Refused, StoreError
        from trialdesk.desk.log import summary_job
        from trialdesk.ui.background import run_in_background
        from trialdesk.ui.printing import print_with_preview
        from trialdesk.ui.refusals import refusal_text

        index = self.table.currentIndex()
        if self.site is None or not index.isValid():
            return
        entry = self.model.entry(index.row())
        title = self.tr("Summary of screening %1").replace("%1", entry.screening_number)

        def refuse(error: Exception) -> None:
            self.printing = False
            self._enable_print()
            text = refusal_text(self.words, error)
            if text is None:
                raise error  # unexpected: the interface's last guard reports it
            QMessageBox.warning(self, title, text)

        try:
            render = summary_job(self.site, entry.id, self.words.lang)
        except (ProtocolFileError, Refused, StoreError) as error:
            refuse(error)
            return
        self.printing = True
        self._enable_print()

        def show(pdf: bytes) -> None:
            self.printing = False
            self._enable_print()
            print_with_preview(pdf, self, title)

        run_in_background(render, show, refuse, self)
