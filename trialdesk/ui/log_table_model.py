"""The screening log as a Qt table model over the site's log, fetched a page at a time.

The time spent on each screening and what each still leaves open are read after its row is shown
(see `LogPage`); until then their cells say "…".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from trialdesk.desk.log import reading
from trialdesk.domain.log import WORKING_PAUSE, LogEntry, LogFilter, LogRow, may_have_open_criteria
from trialdesk.domain.verdict import Effect
from trialdesk.messages import Messages

if TYPE_CHECKING:
    from trialdesk.desk.log import ScreeningLog
    from trialdesk.domain.verdict import CriterionResult

PAGE = 200
#: The first page is what a tall screen shows, and then some: the rest comes as the view scrolls.
FIRST_PAGE = 80
Index = QModelIndex | QPersistentModelIndex
_DISPLAY, _TIP, _ALIGN = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole
_ROLES = frozenset({_DISPLAY, Qt.ItemDataRole.AccessibleTextRole, _TIP, _ALIGN})
_VALID = QAbstractTableModel.CheckIndexOption.IndexIsValid
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_CONTEXT = "ScreeningLogTableModel"
_SORT_HINT = QT_TRANSLATE_NOOP("ScreeningLogTableModel",
                               "Ctrl+Shift+S sorts the log by the column of the current cell (choose it with ← "
                               "and →); again reverses the order. A click on the header does too.")


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    sort_key: str | None  # the log's order (None: this column cannot order the log)
    tip: str = ""


# In the model's order (kept for those who read the model by column number); the page shows
# them in `log_page.SHOWN_ORDER`.
COLUMNS = (
    Column("screening_number", QT_TRANSLATE_NOOP("ScreeningLogTableModel", "Screening no."), "screening_number"),
    Column("initials", QT_TRANSLATE_NOOP("ScreeningLogTableModel", "Initials"), "initials"),
    Column("screening_date", QT_TRANSLATE_NOOP("ScreeningLogTableModel", "Screening date"), "screening_date"),
    Column("status", QT_TRANSLATE_NOOP("ScreeningLogTableModel", "Status"), "status"),
    Column("failed_criteria", QT_TRANSLATE_NOOP("ScreeningLogTableModel", "Excluded by"), "failed_criteria",
           QT_TRANSLATE_NOOP("ScreeningLogTableModel",
                             "The criteria that exclude the subject: an inclusion not met, an exclusion that applies")),
    Column("consent_date", QT_TRANSLATE_NOOP("ScreeningLogTableModel", "Consent date"), "consent_date"),
    Column("still_open", QT_TRANSLATE_NOOP("ScreeningLogTableModel", "Still open"), None,
           QT_TRANSLATE_NOOP("ScreeningLogTableModel",
                             "The criteria not decided yet, and those waiting for a date still to come, of a "
                             "screening still being entered or found ineligible. Worked out from its answers once "
                             "the list is shown, so the log cannot be sorted by it.")),
    Column("entered_by", QT_TRANSLATE_NOOP("ScreeningLogTableModel", "Entered by"), "entered_by",
           QT_TRANSLATE_NOOP("ScreeningLogTableModel",
                             "Who started the screening, then anyone else whose answers it holds (sorted by who "
                             "started it)")),
    Column("signed", QT_TRANSLATE_NOOP("ScreeningLogTableModel", "Signed"), "signed",
           QT_TRANSLATE_NOOP("ScreeningLogTableModel",
                             "The investigator who signed the worksheet, and when (local time where it was signed)")),
    Column("time_spent", QT_TRANSLATE_NOOP("ScreeningLogTableModel", "Time spent"), "time_spent",
           QT_TRANSLATE_NOOP("ScreeningLogTableModel",
                             "Time at work on the screening: its audit trail's entries taken sitting by sitting, any "
                             "pause of more than %1 minutes between two entries left out (from the first entry to "
                             "the last would count nights and days off)")),
    Column("version", QT_TRANSLATE_NOOP("ScreeningLogTableModel", "Version"), "version"),
    Column("protocol_id", QT_TRANSLATE_NOOP("ScreeningLogTableModel", "Protocol"), "protocol_id"),
    Column("stage", QT_TRANSLATE_NOOP("ScreeningLogTableModel", "Stage"), None,
           QT_TRANSLATE_NOOP("ScreeningLogTableModel",
                             "Where the subject stands: consented and being screened, screened and awaiting the "
                             "investigator's decision, eligible (signed) or screen failure, then enrolled or not "
                             "enrolled with its reason; a re-screening says its attempt")),
)
COLUMN = {column.key: number for number, column in enumerate(COLUMNS)}


def _tr(text: str) -> str:
    """A string marked with QT_TRANSLATE_NOOP in this model's context, translated."""
    return QCoreApplication.translate(_CONTEXT, text)


class ScreeningLogTableModel(QAbstractTableModel):
    """Rows of the log for the current filter and order; more are fetched as the view scrolls."""

    def __init__(self, log: ScreeningLog, words: Messages, parent: Any = None) -> None:
        super().__init__(parent)
        self.log = reading(log)
        self.words = words
        self.filter = LogFilter()
        self.order = ("screening_date", True)
        self._rows: list[LogRow] = []
        self._total = 0
        self.subjects = 0  # the subjects among them, each once however often re-screened
        #: screening id → (its last audit entry when worked out, what is still open; None: unreadable protocol)
        self._open: dict[int, tuple[int, tuple[CriterionResult, ...] | None]] = {}
        #: screening id → (its last audit entry when read, the time spent on it; None: no audit entry)
        self._spent: dict[int, tuple[int, timedelta | None]] = {}

    def set_rows(self, rows: list[LogRow], total: int) -> None:
        """Replace the model contents and notify attached views."""
        self.beginResetModel()
        self._rows, self._total = rows, total
        self.endResetModel()

    def refresh(self) -> None:
        order_by, descending = self.order
        rows = self.log.rows(self.filter, limit=FIRST_PAGE, order_by=order_by, descending=descending)
        self.subjects = self.log.subjects(self.filter)
        self.set_rows(rows, self.log.count(self.filter))

    def set_filter(self, log_filter: LogFilter) -> None:
        self.filter = log_filter
        self.refresh()

    def entry(self, row: int) -> LogEntry:
        return self._rows[row].entry

    def log_row(self, row: int) -> LogRow:
        return self._rows[row]

    @property
    def total(self) -> int:
        return self._total

    def duration(self, spent: timedelta) -> str:
        """"< 1 min", "12 min", "2 h 05 min"."""
        minutes = int(spent.total_seconds() // 60)
        if minutes < 1:
            return self.tr("< 1 min")
        if minutes < 60:
            return self.tr("%1 min").replace("%1", str(minutes))
        return self.tr("%1 h %2 min").replace("%1", str(minutes // 60)).replace("%2", f"{minutes % 60:02d}")

    # -- read once the rows are shown -------------------------------------------------------------

    def time_wanted(self) -> dict[int, int]:
        """The screenings shown whose time spent is not read for their last change: id → that change."""
        return {r.entry.id: r.last_change for r in self._rows
                if r.time_spent is None and self._spent.get(r.entry.id, (None,))[0] != r.last_change}

    def read_time_spent(self) -> None:
        """Read the time spent on the screenings shown that lack it (one query)."""
        wanted = self.time_wanted()
        if wanted:
            spent = self.log.time_spent(wanted)
            self._spent.update((sid, (change, spent.get(sid))) for sid, change in wanted.items())
            self._changed(wanted, "time_spent")

    def _time_spent(self, row: LogRow) -> str:
        if row.time_spent is not None:
            return self.duration(row.time_spent)
        change, spent = self._spent.get(row.entry.id, (None, None))
        if change != row.last_change:
            return "…"
        return "" if spent is None else self.duration(spent)

    def _changed(self, ids, key: str) -> None:
        column = COLUMN[key]
        rows = [n for n, r in enumerate(self._rows) if r.entry.id in ids]
        if rows:
            self.dataChanged.emit(self.index(min(rows), column), self.index(max(rows), column))

    # -- what is still open ------------------------------------------------------------------------

    def open_wanted(self) -> dict[int, int]:
        """The screenings shown whose open criteria are not worked out for their last change: id → that change."""
        return {r.entry.id: r.last_change for r in self._rows
                if may_have_open_criteria(r.entry.status) and self._open.get(r.entry.id, (None,))[0] != r.last_change}

    def set_open(self, worked_out: dict[int, tuple[CriterionResult, ...] | None], changes: dict[int, int]) -> None:
        """What is still open in screenings, as worked out at their change `changes[id]`."""
        self._open.update((sid, (changes[sid], results)) for sid, results in worked_out.items())
        self._changed(worked_out, "still_open")

    def _open_results(self, row: LogRow) -> tuple[CriterionResult, ...] | None | str:
        """What is still open in the row's screening; "" when it is not worked out for this row (its
        status leaves nothing to do), "…" while it is being worked out."""
        if not may_have_open_criteria(row.entry.status):
            return ""
        change, results = self._open.get(row.entry.id, (None, ()))
        return "…" if change != row.last_change else results

    def _still_open(self, row: LogRow) -> str:
        results = self._open_results(row)
        if isinstance(results, str):
            return results
        if results is None:
            return "?"
        open_ids = [r.criterion_id for r in results if r.effect is Effect.OPEN]
        dated = [r.criterion_id for r in results if r.effect is Effect.PENDING]
        parts = [", ".join(open_ids)] if open_ids else []
        if dated:
            parts.append(self.tr("waiting for a date: %1").replace("%1", ", ".join(dated)))
        return " · ".join(parts)

    def _open_tip(self, row: LogRow) -> str:
        results = self._open_results(row)
        if results == "…":
            return self.tr("Being worked out from the answers")
        if results is None:
            return self.tr("The protocol file this screening was started under cannot be read")
        return "\n".join(self.words.effect(r) for r in results)

    # -- Qt -----------------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        order_by, descending = self.order
        more = self.log.rows(self.filter, limit=PAGE, offset=len(self._rows), order_by=order_by, descending=descending)
        if more:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        # Painting asks each cell for a dozen roles: the ones no cell has are refused first, cheaply.
        if role not in _ROLES or not self.checkIndex(index, _VALID):
            return None
        key = COLUMNS[index.column()].key
        if role == _ALIGN:
            return _RIGHT if key == "time_spent" else None
        row = self._rows[index.row()]
        if role == _TIP:
            return self._tip(row, key) or self._text(row, key) or None
        return self._text(row, key)

    def _text(self, row: LogRow, key: str) -> str:
        entry = row.entry
        if key == "status":
            text = self.words.status(entry.status)
            return f"{text} — {entry.screen_failure_reason}" if entry.screen_failure_reason else text
        if key == "stage":
            text = self.words.stage(entry.stage)
            if entry.enrolment is not None and entry.enrolment.enrolled:
                text = f"{text} {entry.enrolment.number}"
            return text + (self.tr(" (attempt %1)").replace("%1", str(entry.attempt)) if entry.attempt > 1 else "")
        if key == "failed_criteria":
            return ", ".join(entry.failed_criteria)
        if key in ("screening_date", "consent_date"):
            return getattr(entry, key).isoformat()
        if key == "still_open":
            return self._still_open(row)
        if key == "entered_by":
            return ", ".join(row.entered_by)
        if key == "signed":
            return f"{row.signed.name}, {row.signed.at.strftime('%Y-%m-%d %H:%M')}" if row.signed else ""
        if key == "time_spent":
            return self._time_spent(row)
        return str(getattr(entry, key))

    def _tip(self, row: LogRow, key: str) -> str:
        """A cell's tooltip, where it says more than the cell (else the cell's text is the tip)."""
        if key == "still_open":
            return self._open_tip(row)
        if key == "stage":
            entry, lines = row.entry, [self.words.stage(row.entry.stage)]
            if entry.enrolment is not None:
                lines.append(self.words.enrolment(entry.enrolment))
            if entry.attempt > 1:
                lines.append(self.words.t("stage.attempt", attempt=entry.attempt, number=entry.rescreen_of or "?"))
            return "\n".join(lines)
        if key == "time_spent":
            return self._explained(COLUMN[key])
        if key == "signed":
            lines = []
            if row.completed:
                lines.append(self.tr("Data entry completed by %1 on %2").replace("%1", row.completed.name)
                             .replace("%2", row.completed.at.strftime("%Y-%m-%d %H:%M")))
            if row.signed:
                lines.append(self.tr("Signed by %1 on %2").replace("%1", row.signed.name)
                             .replace("%2", row.signed.at.strftime("%Y-%m-%d %H:%M")))
            return "\n".join(lines)
        return ""

    @staticmethod
    def _explained(section: int) -> str:
        tip = COLUMNS[section].tip
        return _tr(tip).replace("%1", str(int(WORKING_PAUSE.total_seconds() // 60))) if tip else ""

    def _column_tip(self, section: int) -> str:
        tip = self._explained(section)
        if COLUMNS[section].sort_key is None:
            return tip
        return f"{tip}\n{_tr(_SORT_HINT)}" if tip else _tr(_SORT_HINT)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return _tr(COLUMNS[section].header)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._column_tip(section)
        return None

    def sortable(self, column: int) -> bool:
        return COLUMNS[column].sort_key is not None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Order the log by `column` (a column that cannot order it leaves the order as it is)."""
        key = COLUMNS[column].sort_key
        if key is not None:
            self.order = (key, order == Qt.SortOrder.DescendingOrder)
            self.refresh()

    def sort_column(self) -> int:
        """The column the log is ordered by."""
        return next(n for n, c in enumerate(COLUMNS) if c.sort_key == self.order[0])
