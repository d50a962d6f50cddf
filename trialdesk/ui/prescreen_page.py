"""The pre-screening page: a clinic list imported and decided (`desk.prescreen.read_candidates`), shown
by what is still missing, and a screening started from a candidate, or what became of them recorded.

The page decides nothing: the site service reads and decides the list and records each pre-screening;
the page orders the rows, words them, and hands a candidate's answers on (`start_requested`) to the
new-screening form.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from trialdesk.desk import DatabaseError, ProtocolFileError, Refused, StoreError
from trialdesk.desk.prescreen import CandidateList, CandidatesRefused, Decided, read_candidates, screening_answers
from trialdesk.domain.prescreen import PrescreenStatus
from trialdesk.domain.stages import PrescreenOutcome
from trialdesk.messages.prescreen import PrescreenWords
from trialdesk.ui.date_field import DateField
from trialdesk.ui.look import set_flag
from trialdesk.ui.refusals import refusal_text

if TYPE_CHECKING:
    from trialdesk.desk import Desk, Site
    from trialdesk.messages import Messages

CONTEXT = "PrescreenModel"
CANDIDATE, RESULT, NEEDED, DECIDING, RECORDED = range(5)
HEADERS = (
    QT_TRANSLATE_NOOP(CONTEXT, "Candidate"),
    QT_TRANSLATE_NOOP(CONTEXT, "Result"),
    QT_TRANSLATE_NOOP(CONTEXT, "Still needed"),
    QT_TRANSLATE_NOOP(CONTEXT, "Deciding criterion and reason"),
    QT_TRANSLATE_NOOP(CONTEXT, "Recorded at the site"),
)
#: the order of results when sorted by what is missing: who could be eligible first
_RANK = {PrescreenStatus.COULD_BE_ELIGIBLE: 0, PrescreenStatus.NOT_ELIGIBLE: 1, PrescreenStatus.REFUSED: 2}
_OUTCOMES = (PrescreenOutcome.DECLINED, PrescreenOutcome.NOT_APPROACHED, PrescreenOutcome.OTHER)
MAX_DETAIL = 2000  # characters of a pre-screening's recorded words (`Desk.record_prescreen`)


@dataclass(slots=True)
class Row:
    """One candidate as shown: the decision, its words (worded on first show), what the site recorded."""

    decided: Decided
    result: str
    needed: str = ""
    deciding: str | None = None
    recorded: Any = None  # the newest Prescreening of this candidate, if any

    @property
    def status(self) -> PrescreenStatus:
        return self.decided.decision.status

    @property
    def screened(self) -> bool:
        return self.recorded is not None and self.recorded.screening_number is not None


class PrescreenModel(QAbstractTableModel):
    """The candidates of a list, in the order chosen, not-eligible ones hidden on request."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.words: PrescreenWords | None = None
        self.site_words: Messages | None = None
        self.rows: list[Row] = []
        self.shown: list[Row] = []
        self.hide_not_eligible = False
        self._sorted: tuple[int, Qt.SortOrder] = (NEEDED, Qt.SortOrder.AscendingOrder)
        self._deciding_words: dict[int, tuple[Any, str]] = {}

    def set_list(self, candidates: CandidateList, words: PrescreenWords, site_words: Messages,
                 recorded: dict[str, Any]) -> None:
        """Show a decided list; `recorded`: the newest pre-screening recorded for each candidate id."""
        self.beginResetModel()
        self.words, self.site_words = words, site_words
        self._deciding_words.clear()
        results = {s: self._result_word(s) for s in PrescreenStatus}
        self.rows = [Row(d, results[d.decision.status], recorded=recorded.get(d.candidate.id)) for d in candidates.rows]
        needed: dict[tuple[str, ...], str] = {(): ""}  # most candidates share what they still need
        for row in self.rows:
            needs = row.decided.decision.needs
            if needs not in needed:
                needed[needs] = f"{len(needs)}: {words.listed(map(words.fact_label, needs))}"
            row.needed = needed[needs]
        self._arrange()
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self.rows, self.shown = [], []
        self.endResetModel()

    def set_recorded(self, recorded: dict[str, Any]) -> None:
        for row in self.rows:
            row.recorded = recorded.get(row.decided.candidate.id)
        if self.shown:
            self.dataChanged.emit(self.index(0, RECORDED), self.index(len(self.shown) - 1, RECORDED))

    def set_hide_not_eligible(self, hide: bool) -> None:
        self.beginResetModel()
        self.hide_not_eligible = hide
        self._arrange()
        self.endResetModel()

    # -- Qt's model ------------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.shown)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(HEADERS):
            return QCoreApplication.translate(CONTEXT, HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.checkIndex(index, QAbstractTableModel.CheckIndexOption.IndexIsValid):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return None
        return self.text(self.shown[index.row()], index.column())

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sorted = (column, order)
        self._arrange()
        self.layoutChanged.emit()

    # -- words and order -------------------------------------------------------------------------

    def row_at(self, position: int) -> Row | None:
        return self.shown[position] if 0 <= position < len(self.shown) else None

    def text(self, row: Row, column: int) -> str:
        if column == CANDIDATE:
            return row.decided.candidate.id
        if column == RESULT:
            return row.result
        if column == NEEDED:
            return row.needed
        if column == DECIDING:
            if row.deciding is None:
                row.deciding = self._deciding(row)
            return row.deciding
        return self._recorded(row)

    def _arrange(self) -> None:
        rows = [r for r in self.rows if not (self.hide_not_eligible and r.status is PrescreenStatus.NOT_ELIGIBLE)]
        column, order = self._sorted
        if column == NEEDED:
            rows.sort(key=lambda r: (_RANK[r.status], len(r.decided.decision.needs), r.decided.candidate.line))
        elif column == RESULT:
            rows.sort(key=lambda r: (_RANK[r.status], r.decided.candidate.line))
        else:
            rows.sort(key=lambda r: (self.text(r, column).casefold(), r.decided.candidate.line))
        if order == Qt.SortOrder.DescendingOrder:
            rows.reverse()
        self.shown = rows

    def _deciding(self, row: Row) -> str:
        decision = row.decided.decision
        words = self.words
        if decision.status is PrescreenStatus.REFUSED:
            return words.t("sep").join(map(words.row_problem, decision.problems))
        deciding = decision.deciding
        if deciding is None:
            return ""
        found = self._deciding_words.get(id(deciding))  # most candidates share their deciding result
        if found is not None and found[0] is deciding:
            return found[1]
        text = f"{words.effect(deciding)}: {words.reason(deciding)}"  # the effect names the criterion
        self._deciding_words[id(deciding)] = (deciding, text)
        return text

    def _recorded(self, row: Row) -> str:
        recorded = row.recorded
        if recorded is None:
            return ""
        if recorded.screening_number is not None:
            return self.tr("screening started as %1").replace("%1", recorded.screening_number)
        if recorded.outcome is not None:
            said = self.site_words.prescreen_outcome(recorded.outcome)
            return f"{said}: {recorded.outcome_text}" if recorded.outcome_text else said
        return self.tr("pre-screened on %1").replace("%1", recorded.on.isoformat())

    def _result_word(self, status: PrescreenStatus) -> str:
        return {PrescreenStatus.COULD_BE_ELIGIBLE: self.tr("could be eligible"),
                PrescreenStatus.NOT_ELIGIBLE: self.tr("not eligible"),
                PrescreenStatus.REFUSED: self.tr("refused")}[status]


class PrescreenPage(QWidget):
    """`protocol_id()` names the protocol chosen in the window; `today()` the date "decide on" starts at."""

    #: a candidate's answers (fact id -> stored form, as `Desk.start_screening` takes them) and the
    #: id of their recorded pre-screening, to start a screening with
    start_requested = Signal(object, int)

    def __init__(self, site: Site, desk: Desk, words: Messages, protocol_id: Callable[[], str],
                 today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.site = site
        self.desk = desk
        self.words = words
        self.protocol_id = protocol_id
        self.today = today
        self.candidates: CandidateList | None = None
        self.path: Path | None = None

        self.import_button = QPushButton(self.tr("&Import clinic list…"), self)
        self.import_button.setToolTip(self.tr("A CSV file: the candidate id, then one column per fact id"))
        self.on = DateField(self)
        self.on.set_date(today())
        self.on.line.setAccessibleName(self.tr("Decide on"))
        on_label = QLabel(self.tr("&Decide on:"), self)
        on_label.setBuddy(self.on.line)
        self.hide_box = QCheckBox(self.tr("Hide not eli&gible"), self)
        self.sort_box = QComboBox(self)
        self.sort_box.addItems([QCoreApplication.translate(CONTEXT, h) for h in HEADERS])
        self.sort_box.setAccessibleName(self.tr("Sort by"))
        sort_label = QLabel(self.tr("Sort &by:"), self)
        sort_label.setBuddy(self.sort_box)
        self.reverse_box = QCheckBox(self.tr("&Reversed"), self)
        self.message = QLabel(self)
        self.message.setProperty("role", "problem")
        self.message.setAccessibleName(self.tr("Message"))
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.model = PrescreenModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Candidates"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row measuring
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        cells = self.table.fontMetrics()  # widths from sample texts: measuring 10,000 rows costs too much
        for column, sample in ((CANDIDATE, "MRN-000000"), (RESULT, self.tr("could be eligible")),
                               (RECORDED, self.tr("screening started as S-0000"))):
            header.resizeSection(column, max(cells.horizontalAdvance(sample), cells.horizontalAdvance(
                self.model.headerData(column, Qt.Orientation.Horizontal) or "")) + 24)
        for column in (NEEDED, DECIDING):  # the long texts share what is left; their tooltips hold them whole
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(NEEDED, Qt.SortOrder.AscendingOrder)
        self.sort_box.setCurrentIndex(NEEDED)

        self.start_button = QPushButton(self.tr("St&art screening…"), self)
        self.start_button.setToolTip(self.tr("Record the pre-screening and open a new screening with the candidate's answers"))
        self.outcome_button = QPushButton(self.tr("Record &outcome…"), self)
        self.outcome_button.setToolTip(self.tr("Declined before consent, not approached, or another outcome"))

        top = QHBoxLayout()
        top.addWidget(self.import_button)
        top.addWidget(on_label)
        top.addWidget(self.on)
        top.addWidget(self.hide_box)
        top.addWidget(sort_label)
        top.addWidget(self.sort_box)
        top.addWidget(self.reverse_box)
        top.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.start_button)
        actions.addWidget(self.outcome_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)

        self.import_button.clicked.connect(self.choose_file)
        self.on.editingFinished.connect(self._date_changed)
        self.hide_box.toggled.connect(self.model.set_hide_not_eligible)
        self.sort_box.activated.connect(self._sort_chosen)
        self.reverse_box.toggled.connect(self._sort_chosen)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._sorted_by_header)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.model.layoutChanged.connect(self._update_buttons)
        self.start_button.clicked.connect(self.start_screening)
        self.outcome_button.clicked.connect(self.record_outcome)
        self._update_buttons()

    # -- the list --------------------------------------------------------------------------------

    @Slot()
    def choose_file(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(self, self.tr("Import a clinic list"), "",
                                              self.tr("CSV files (*.csv);;All files (*)"))
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> bool:
        """Read and decide the list at `path` on the date chosen; a refusal is said on the page."""
        from trialdesk.desk.site import shown

        try:
            on = date.fromisoformat(self.on.text())
        except ValueError:
            self._say(self.tr("The date to decide on is written YYYY-MM-DD."))
            set_flag(self.on.line, "invalid", True)
            return False
        set_flag(self.on.line, "invalid", False)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            candidates = read_candidates(self.site, self.protocol_id(), path, on)
        except CandidatesRefused as refusal:
            self._say(f"{shown(path)}: {PrescreenWords(None, self.words.lang).file_refusal(refusal.code, refusal.params)}")
            return False
        except (Refused, StoreError, ProtocolFileError, DatabaseError) as error:
            self._say(f"{shown(path)}: {refusal_text(self.words, error) or error}")
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self.path, self.candidates = path, candidates
        words = PrescreenWords(candidates.protocol, self.words.lang)
        self.model.set_list(candidates, words, self.words, self._recorded())
        self._say(f"{shown(path)}: {words.summary(candidates.counts())}", problem=False)
        if self.model.rowCount():
            self.table.selectRow(0)
        self.table.setFocus()
        return True

    @Slot()
    def _date_changed(self) -> None:
        if self.path is not None and (self.candidates is None or self.on.text() != self.candidates.on.isoformat()):
            self.import_file(self.path)

    def _recorded(self) -> dict[str, Any]:
        """The newest pre-screening recorded for each candidate of the protocol."""
        newest: dict[str, Any] = {}
        for found in self.site.prescreenings(self.candidates.protocol.id if self.candidates else self.protocol_id()):
            newest.setdefault(found.candidate, found)
        return newest

    def showEvent(self, event: QShowEvent) -> None:
        """Shown again: what the site recorded meanwhile (a screening started from a candidate) is read;
        a list read for another protocol than the one now chosen is put away."""
        super().showEvent(event)
        if self.candidates is None:
            return
        if self.candidates.protocol.id != self.protocol_id():
            self.candidates = self.path = None
            self.model.clear()
            self._say("", problem=False)
        else:
            self.refresh_recorded()

    # -- order -----------------------------------------------------------------------------------

    @Slot()
    def _sort_chosen(self) -> None:
        order = Qt.SortOrder.DescendingOrder if self.reverse_box.isChecked() else Qt.SortOrder.AscendingOrder
        self.table.sortByColumn(self.sort_box.currentIndex(), order)

    @Slot(int, Qt.SortOrder)
    def _sorted_by_header(self, column: int, order: Qt.SortOrder) -> None:
        self.sort_box.setCurrentIndex(column)
        self.reverse_box.blockSignals(True)
        self.reverse_box.setChecked(order == Qt.SortOrder.DescendingOrder)
        self.reverse_box.blockSignals(False)

    # -- a candidate -----------------------------------------------------------------------------

    def selected(self) -> Row | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    @Slot()
    def _update_buttons(self) -> None:
        row = self.selected()
        self.start_button.setEnabled(row is not None and row.status is PrescreenStatus.COULD_BE_ELIGIBLE
                                     and not row.screened)
        self.outcome_button.setEnabled(row is not None and row.status is not PrescreenStatus.REFUSED
                                       and not row.screened)

    @Slot()
    def start_screening(self) -> None:
        """Record the selected candidate's pre-screening and ask for a screening started from it."""
        row = self.selected()
        if row is None or row.status is not PrescreenStatus.COULD_BE_ELIGIBLE or row.screened:
            return
        answers = screening_answers(self.candidates, row.decided)
        prescreen_id = self._prescreen_id(row)
        if prescreen_id is not None:
            self.start_requested.emit(answers, prescreen_id)

    @Slot()
    def record_outcome(self) -> None:
        """What became of the selected candidate, who is not screened: chosen, then recorded."""
        row = self.selected()
        if row is None or row.status is PrescreenStatus.REFUSED or row.screened:
            return
        names = [self.words.prescreen_outcome(o) for o in _OUTCOMES]
        name, chosen = QInputDialog.getItem(self, self.tr("Record outcome"), self.tr("What became of candidate %1?")
                                            .replace("%1", row.decided.candidate.id), names, 0, False)
        if not chosen:
            return
        outcome = _OUTCOMES[names.index(name)]
        text = None
        if outcome is PrescreenOutcome.OTHER:
            text, given = QInputDialog.getText(self, self.tr("Record outcome"), self.tr("The outcome, in words:"))
            if not given:
                return
        prescreen_id = self._prescreen_id(row)
        if prescreen_id is None:
            return
        try:
            self.desk.record_prescreen_outcome(prescreen_id, outcome.value, text)
        except (Refused, StoreError, DatabaseError) as error:
            self._say(refusal_text(self.words, error) or str(error))
            return
        self.refresh_recorded()
        self._say(self.tr("Recorded for candidate %1: %2").replace("%1", row.decided.candidate.id)
                  .replace("%2", self.model.text(row, RECORDED)), problem=False)

    def refresh_recorded(self) -> None:
        """Read again what the site recorded (after a screening was started from a candidate, too)."""
        self.model.set_recorded(self._recorded())
        self._update_buttons()

    def _prescreen_id(self, row: Row) -> int | None:
        """The candidate's pre-screening of this list and date, recorded now if it is not yet."""
        recorded, decision = row.recorded, row.decided.decision
        if recorded is not None and recorded.on == self.candidates.on and recorded.result == decision.status.value:
            return recorded.id
        detail = self.model.words.decision(decision)[:MAX_DETAIL]
        try:
            prescreen_id = self.desk.record_prescreen(self.candidates.protocol.id, row.decided.candidate.id,
                                                      self.candidates.on, decision.status.value, detail)
        except (Refused, StoreError, DatabaseError) as error:
            self._say(refusal_text(self.words, error) or str(error))
            return None
        self.refresh_recorded()
        return prescreen_id

    def _say(self, text: str, *, problem: bool = True) -> None:
        self.message.setText(text)
        set_flag(self.message, "role", "problem" if problem else "hint")
