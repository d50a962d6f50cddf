"""QtScreeningSession: the session API as a QObject, re-announcing its results as signals."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QObject, Signal

from trialdesk.desk.errors import StoreError
from trialdesk.domain.errors import FactsInvalid, Problem
from trialdesk.domain.screening import AuditEntry
from trialdesk.domain.verdict import EligibilityReport, Outcome
from trialdesk.session import SavedChange, ScreeningSession, SessionChange, Undoable

#: Refusals after which the session has read the screening again: what it shows is the stored state.
REREAD = frozenset({"changed_underneath", "reason_required", "locked"})


class QtScreeningSession(QObject):
    """Wraps one ScreeningSession; widgets listen to it, and never to each other.

    `not_asked` holds the facts not asked with the answers of the report last announced (saved or
    previewed), each with its condition's outcome: it is current whenever `reportChanged` fires.

    Undo (`undo_last`) takes back this sitting's last change; `undoAvailable` fires whenever `can_undo`
    or `next_undo` changes (an Undo action follows it: enabled, and naming what it takes back).
    """

    reportChanged = Signal(object)  # EligibilityReport: saved, or previewed while typing
    answerSaved = Signal(str)  # a fact id (saved, or put back by Undo)
    screeningChanged = Signal()  # status, lock, screen failure
    undoAvailable = Signal(bool)  # can_undo, whenever it or what Undo would take back changes

    def __init__(self, session: ScreeningSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.not_asked: Mapping[str, Outcome] = session.not_asked
        self._undo_shown = (self.can_undo, self.next_undo)

    @property
    def report(self) -> EligibilityReport:
        return self.session.report

    def preview(self, fact_id: str, raw: Any) -> tuple[Problem, ...]:
        """Evaluate with this answer, saving nothing. An invalid answer counts as not entered
        (its criteria show "incomplete") and its problems are returned."""
        try:
            change = self.session.preview(fact_id, raw)
            problems: tuple[Problem, ...] = ()
        except FactsInvalid as invalid:
            change = self.session.preview(fact_id, None)
            problems = invalid.problems
        self.not_asked = change.not_asked
        self.reportChanged.emit(change.report)
        return problems

    def warnings(self, fact_id: str, raw: Any) -> tuple[Problem, ...]:
        """What this answer would need confirmed before it is saved (none for an answer refused)."""
        try:
            return self.session.warnings(fact_id, raw)
        except FactsInvalid:
            return ()

    def save(self, fact_id: str, raw: Any, reason: str | None = None, *, confirmed: bool = False) -> SessionChange:
        """Record an answer (raises FactsInvalid, NeedsConfirmation or StoreError, which the caller shows)."""
        with self._rereading():
            change = self.session.record_fact(fact_id, raw, reason=reason, confirmed=confirmed)
        self.not_asked = change.not_asked
        self.reportChanged.emit(change.report)
        self.answerSaved.emit(fact_id)
        self.screeningChanged.emit()
        self._tell_undo()
        return change

    def set_note(self, criterion_id: str, note: str, reason: str | None = None) -> None:
        with self._rereading():
            self.session.set_note(criterion_id, note, reason)
        self._tell_undo()

    def record_screen_failure(self, reason: str) -> None:
        with self._rereading():
            self.session.record_screen_failure(reason)
        self.screeningChanged.emit()
        self._tell_undo()

    # -- undo ------------------------------------------------------------------------------------

    @property
    def can_undo(self) -> bool:
        """Whether Undo has a change of this sitting to take back (and the screening may change)."""
        return not self.session.read_only and self.session.next_undo is not None

    @property
    def next_undo(self) -> Undoable | None:
        """What Undo would take back now (its fact or criterion: `target`)."""
        return self.session.next_undo if self.can_undo else None

    @property
    def last_undone(self) -> AuditEntry | None:
        """The audit entry of the change Undo last took back (what it was: target, old and new value)."""
        return self.session.last_undone

    def undo_last(self, *, confirmed: bool = False) -> SavedChange | None:
        """Take back this sitting's last change (None: nothing to undo). Raises as `save` does
        (FactsInvalid, NeedsConfirmation, StoreError: "changed_underneath" after anyone else's change)."""
        try:
            with self._rereading():
                saved = self.session.undo_last(confirmed=confirmed)
        finally:
            self._tell_undo()
        if saved is None:
            return None
        self.not_asked = self.session.not_asked
        self.reportChanged.emit(self.session.report)
        undone = self.session.last_undone
        if undone is not None and undone.action == "answer" and undone.target:
            self.answerSaved.emit(undone.target)
        self.screeningChanged.emit()
        return saved

    def _tell_undo(self) -> None:
        now = (self.can_undo, self.next_undo)
        if now != self._undo_shown:
            self._undo_shown = now
            self.undoAvailable.emit(now[0])

    # -- staying current -------------------------------------------------------------------------

    def changes_since_seen(self) -> list[AuditEntry]:
        """What others changed since the session last read the screening (a cheap query)."""
        return self.session.changes_since_seen()

    def catch_up(self) -> list[AuditEntry]:
        """Read the screening again when someone changed it meanwhile; the changes not seen (none: nothing
        was read). Listeners are told, so every widget shows the stored state."""
        if not self.session.changes_since_seen():
            return []
        changes = self.session.refresh()
        self.announce()
        return changes

    def announce(self) -> None:
        """Tell the widgets the session holds a newly read screening."""
        self.not_asked = self.session.not_asked
        self.reportChanged.emit(self.session.report)
        self.screeningChanged.emit()
        self._tell_undo()

    @contextmanager
    def _rereading(self) -> Iterator[None]:
        """A refusal after which the session read the screening again is announced before it is raised."""
        try:
            yield
        except StoreError as error:
            if error.code in REREAD:
                self.announce()
            raise
