"""One person's work on one screening: the API the interface and the command line share.

Each change is validated against the protocol, saved with its audit entry in one
transaction, and re-evaluated; the caller gets the new report and the criteria whose
verdict or reason changed, and decides what to redraw.

A reason is required whenever a value replaces one entered earlier: by someone else, or
in an earlier edit session (a window opened before, a previous command). Correcting what
one has just typed in the same session is recorded in the audit trail without asking.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from trialdesk.domain.errors import FactsInvalid, Problem
from trialdesk.domain.evaluation import evaluate, parse_facts
from trialdesk.domain.protocol import Protocol
from trialdesk.domain.log import ScreeningStatus
from trialdesk.domain.screening import SUBJECT_FACTS, Screening, check_subject, status_from_report
from trialdesk.domain.text import MAX_NOTE, check_text
from trialdesk.domain.values import FactValue
from trialdesk.domain.verdict import EligibilityReport
from trialdesk.persistence.screening_store import ScreeningStore, StoreError

Clock = Callable[[], datetime]


def local_now() -> datetime:
    """Now, aware, in the machine's time zone (the audit trail keeps UTC and this offset)."""
    return datetime.now().astimezone()


@dataclass(frozen=True, slots=True)
class SessionChange:
    """What one change did: the new evaluation and the criteria it changed."""

    report: EligibilityReport
    changed: tuple[str, ...]


def _failed(report: EligibilityReport) -> list[str]:
    return [r.criterion_id for r in report.results if r.excludes]


def _status(report: EligibilityReport) -> ScreeningStatus:
    return status_from_report(report)


def start_screening(
    store: ScreeningStore,
    protocol: Protocol,
    subject_values: dict[str, Any],
    answers: dict[str, Any] | None = None,
    *,
    site: str,
    actor: str,
    clock: Clock = local_now,
) -> ScreeningSession:
    """Create a screening for a new subject, with any answers already known (from a file).

    The subject's date of birth, sex and consent date are answers too when the protocol
    asks them under those ids. Raises FactsInvalid (every bad field or answer) or StoreError.
    """
    answers = dict(answers or {})
    values = dict(subject_values)
    for fact_id in SUBJECT_FACTS:  # one truth: a value given in either place serves both
        if values.get(fact_id) in (None, "") and answers.get(fact_id) is not None:
            values[fact_id] = answers[fact_id]
    problems: list[Problem] = []
    try:
        subject = check_subject(values)
    except FactsInvalid as invalid:
        problems.extend(invalid.problems)
        subject = None
    for fact_id in SUBJECT_FACTS:
        if fact_id in protocol.fact and values.get(fact_id) not in (None, ""):
            answers[fact_id] = values[fact_id]
    on = subject.screening_date if subject else None
    facts: dict[str, FactValue] = {}
    if on is not None:
        try:
            facts = parse_facts(protocol, answers, on)
        except FactsInvalid as invalid:
            problems.extend(invalid.problems)
    if problems:
        raise FactsInvalid(problems)
    report = evaluate(protocol, facts, on)
    edit_session = uuid.uuid4().hex
    screening = store.create(
        protocol_id=protocol.id,
        protocol_version=protocol.version,
        site=site,
        subject=subject,
        answers={k: v for k, v in answers.items() if v is not None},
        status=_status(report),
        failed_criteria=_failed(report),
        actor=actor,
        at=clock(),
        edit_session=edit_session,
    )
    return ScreeningSession(store, protocol, screening, actor=actor, clock=clock, edit_session=edit_session)


class ScreeningSession:
    """Edits of one screening by one person; holds the current evaluation."""

    def __init__(
        self,
        store: ScreeningStore,
        protocol: Protocol,
        screening: Screening | int,
        *,
        actor: str,
        clock: Clock = local_now,
        edit_session: str | None = None,
        refusal: Exception | None = None,
    ) -> None:
        self.store = store
        self.refusal = refusal  # why this person may not change the screening (None: they may)
        self.protocol = protocol
        self.actor = actor
        self.clock = clock
        self.edit_session = edit_session or uuid.uuid4().hex
        self.screening = store.load(screening) if isinstance(screening, int) else screening
        if self.screening.protocol_id != protocol.id:
            raise StoreError("wrong_protocol", value=self.screening.protocol_id, protocol=protocol.id)
        self.facts, self.unreadable = self._parse_stored()
        self.report = evaluate(protocol, self.facts, self.on)
        self._entered = store.entry_sessions(self.screening.id)

    @property
    def on(self):
        return self.screening.subject.screening_date

    @property
    def locked(self) -> bool:
        return self.screening.status.locked

    @property
    def read_only(self) -> bool:
        return self.locked or self.refusal is not None

    def _check_writable(self) -> None:
        if self.refusal is not None:
            raise self.refusal
        if self.locked:
            raise StoreError("locked", status=self.screening.status.value)

    def _parse_stored(self) -> tuple[dict[str, FactValue], tuple[Problem, ...]]:
        """Stored answers as values; any the protocol no longer accepts are set aside, named."""
        facts: dict[str, FactValue] = {}
        unreadable: list[Problem] = []
        for fact_id, raw in self.screening.answers.items():
            try:
                facts.update(parse_facts(self.protocol, {fact_id: raw}, self.on))
            except FactsInvalid as invalid:
                unreadable.extend(invalid.problems)
        return facts, tuple(unreadable)

    def answer(self, fact_id: str) -> Any:
        """The raw answer as stored (None when not entered)."""
        return self.screening.answers.get(fact_id)

    def needs_reason(self, fact_id: str) -> bool:
        """Whether changing this answer now must give a reason."""
        if fact_id not in self.screening.answers:
            return False
        return self._entered.get(fact_id) != (self.actor, self.edit_session)

    def preview(self, fact_id: str, raw: Any) -> SessionChange:
        """The evaluation as it would be with this answer, saving nothing (live feedback while typing).

        Raises FactsInvalid for a value the fact does not accept.
        """
        parsed = {} if raw is None else parse_facts(self.protocol, {fact_id: raw}, self.on)
        facts = {k: v for k, v in self.facts.items() if k != fact_id} | parsed
        report = evaluate(self.protocol, facts, self.on)
        return SessionChange(report, report.changed_since(self.report))

    def record_fact(self, fact_id: str, raw: Any, reason: str | None = None) -> SessionChange:
        """Validate, save, audit and re-evaluate one answer (None clears it).

        Raises FactsInvalid for a bad value, StoreError("reason_required") when a reason is
        due and missing, StoreError("locked") on a signed screening.
        """
        self._check_writable()
        old = self.screening.answers.get(fact_id)
        if raw is None:
            if fact_id not in self.protocol.fact:
                raise FactsInvalid([Problem("unknown_fact", fact_id, {"known": sorted(self.protocol.fact)})])
            parsed = {}
        else:
            parsed = parse_facts(self.protocol, {fact_id: raw}, self.on)
        if raw == old:
            return SessionChange(self.report, ())
        reason = check_text(reason or "", "reason") or None
        if reason is None and self.needs_reason(fact_id):
            raise StoreError("reason_required", fact=fact_id)
        facts = {k: v for k, v in self.facts.items() if k != fact_id} | parsed
        report = evaluate(self.protocol, facts, self.on)
        subject_field = None
        if fact_id in SUBJECT_FACTS and raw is not None:
            subject_field = (fact_id, str(raw))
        status = self.store.save_answer(
            self.screening.id, fact_id, raw, old=old, status=_status(report), failed_criteria=_failed(report),
            actor=self.actor, at=self.clock(), edit_session=self.edit_session, reason=reason,
            subject_field=subject_field,
        )
        answers = {k: v for k, v in self.screening.answers.items() if k != fact_id}
        if raw is not None:
            answers[fact_id] = raw
            self._entered[fact_id] = (self.actor, self.edit_session)
        update: dict[str, Any] = {"answers": answers, "status": status}
        if subject_field is not None:
            update["subject"] = self.screening.subject.model_copy(update={fact_id: parsed[fact_id]})
        previous, self.report, self.facts = self.report, report, facts
        self.screening = self.screening.model_copy(update=update)
        return SessionChange(report, report.changed_since(previous))

    def set_note(self, criterion_id: str, note: str, reason: str | None = None) -> None:
        """The source-document note for one criterion (where each value was verified)."""
        self._check_writable()
        old = self.screening.notes.get(criterion_id)
        note = check_text(note, "source_note", MAX_NOTE)
        reason = check_text(reason or "", "reason")
        if (old or "") == note:
            return
        self.store.save_note(self.screening.id, criterion_id, note, old=old, actor=self.actor, at=self.clock(),
                             reason=reason or None)
        self.screening = self.store.load(self.screening.id)

    def record_screen_failure(self, reason: str) -> None:
        if self.refusal is not None:
            raise self.refusal
        reason = check_text(reason, "reason")
        if not reason:
            raise StoreError("reason_required", fact=None)
        self.store.record_screen_failure(self.screening.id, reason, actor=self.actor, at=self.clock())
        self.screening = self.store.load(self.screening.id)

    def correct(self, reason: str) -> ScreeningSession:
        """Open a new version of a signed screening, citing this one; this one stays as it was."""
        if self.refusal is not None:
            raise self.refusal
        reason = check_text(reason, "reason")
        if not reason:
            raise StoreError("reason_required", fact=None)
        if self.screening.status is not ScreeningStatus.SIGNED:
            raise StoreError("not_signed", status=self.screening.status.value)
        session = uuid.uuid4().hex
        new = self.store.create(
            protocol_id=self.protocol.id, protocol_version=self.protocol.version, site=self.screening.site,
            subject=self.screening.subject, answers=self.screening.answers, status=_status(self.report),
            failed_criteria=_failed(self.report), actor=self.actor, at=self.clock(), edit_session=session,
            supersedes=self.screening, correction_reason=reason, notes=self.screening.notes,
        )
        self.screening = self.store.load(self.screening.id)
        return ScreeningSession(self.store, self.protocol, new, actor=self.actor, clock=self.clock, edit_session=session)
