"""QtScreeningSession: the session API as a QObject, re-announcing its results as signals."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from trialdesk.domain.errors import FactsInvalid, Problem
from trialdesk.domain.verdict import EligibilityReport
from trialdesk.session import ScreeningSession, SessionChange


class QtScreeningSession(QObject):
    """Wraps one ScreeningSession; widgets listen to it, and never to each other."""

    reportChanged = Signal(object)  # EligibilityReport: saved, or previewed while typing
    answerSaved = Signal(str)  # a fact id
    screeningChanged = Signal()  # status, lock, screen failure

    def __init__(self, session: ScreeningSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session

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
        self.reportChanged.emit(change.report)
        return problems

    def save(self, fact_id: str, raw: Any, reason: str | None = None) -> SessionChange:
        """Record an answer (raises FactsInvalid or StoreError, which the caller shows)."""
        change = self.session.record_fact(fact_id, raw, reason=reason)
        self.reportChanged.emit(change.report)
        self.answerSaved.emit(fact_id)
        self.screeningChanged.emit()
        return change

    def set_note(self, criterion_id: str, note: str, reason: str | None = None) -> None:
        self.session.set_note(criterion_id, note, reason)

    def record_screen_failure(self, reason: str) -> None:
        self.session.record_screen_failure(reason)
        self.screeningChanged.emit()
