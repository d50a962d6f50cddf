"""One person's work on one screening: the API the interface and the command line share.

Each change is validated against the protocol, saved with its audit entry in one
transaction, and re-evaluated; the caller gets the new report and the criteria whose
verdict or reason changed, and decides what to redraw.

A reason is required whenever a value replaces one entered earlier: by someone else, or
in an earlier edit session (a window opened before, a previous command). Correcting what
one has just typed in the same session is recorded in the audit trail without asking.

What the session holds is a view; the store decides every change on what is stored (the old
value, whether a reason is due, the status afterwards). A change made by someone else since the
view was read refuses the next edit ("changed_underneath", with the entries): the session has
then read the screening again, and the person sees what changed, by whom and when, first.
Values are kept in one normal form (`to_answer`), so typing the same value again is no change.

An answer that is possible but unusual (a value outside its usual range, answers a check marked
`confirm` finds unusual together) is saved only when confirmed: `record_fact` raises
`NeedsConfirmation` with the warnings, and with `confirmed=True` saves the answer and audits each
warning confirmed, by whom, in the same transaction. An answer to a fact not asked with the other
answers (`asked_if`) is refused; a change that leaves an earlier answer not asked goes through, and
that answer is then not read. The subject's date of birth, sex and consent date are corrected,
never emptied. The subject's dates are checked softly too (`trialdesk.domain.soft_checks`: an age over
100, a screening or consent date after today or a year or more before it), against the session's clock.

Undo (`undo_last`) takes back the last change this session made (an answer, a source note), as a
change of its own whose reason names the change undone; again, and it takes back the one before.
Only this sitting's changes are undone, and only while nobody else changed the screening since:
otherwise it is refused as any out-of-date change is ("changed_underneath").
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

from trialdesk.domain.errors import FactsInvalid, NeedsConfirmation, Problem
from trialdesk.domain.evaluation import answer_warnings, evaluate, inconsistencies, not_asked, parse_facts
from trialdesk.domain.protocol import Protocol
from trialdesk.domain.log import ScreeningStatus
from trialdesk.domain.soft_checks import CHECKED, subject_warnings
from trialdesk.domain.screening import SUBJECT_FACTS, AuditEntry, Screening, check_subject, status_from_report
from trialdesk.domain.text import MAX_NOTE, check_text
from trialdesk.domain.values import FactValue
from trialdesk.domain.verdict import EligibilityReport, Outcome
from trialdesk.persistence.screening_store import Confirmation, SavedChange, ScreeningStore, StoreError

Clock = Callable[[], datetime]


def local_now() -> datetime:
    """Now, aware, in the machine's time zone (the audit trail keeps UTC and this offset)."""
    return datetime.now().astimezone()


@dataclass(frozen=True, slots=True)
class SessionChange:
    """What one change did: the new evaluation, the criteria it changed, and the facts not asked
    with the answers it leaves (each with its condition's outcome)."""

    report: EligibilityReport
    changed: tuple[str, ...]
    not_asked: Mapping[str, Outcome] = field(default_factory=dict)


def confirmations(protocol: Protocol, warnings: tuple[Problem, ...] | list[Problem]) -> list[Confirmation]:
    """The audit entries of warnings confirmed: each warning as data and in the protocol's English
    words (the trail keeps one language; a reader's words come from the data)."""
    if not warnings:
        return []
    from trialdesk.messages import Messages

    words = Messages(protocol)
    return [Confirmation(w.fact or "", {"warning": w.code, **_plain(w.params)}, words.problem(w)) for w in warnings]


def _plain(params: dict[str, Any]) -> dict[str, Any]:
    """A warning's values as JSON keeps them: exact decimals as written, lists, no translations."""
    return {k: format(v, "f") if isinstance(v, Decimal) else list(v) if isinstance(v, tuple) else v
            for k, v in params.items() if k != "translations"}


def _failed(report: EligibilityReport) -> list[str]:
    return [r.criterion_id for r in report.results if r.excludes]


def _status(report: EligibilityReport) -> ScreeningStatus:
    return status_from_report(report)


def _dates(subject: Any) -> dict[str, date]:
    """The subject's dates the soft checks read."""
    return {field: getattr(subject, field) for field in CHECKED}


def _entry_time(entry: AuditEntry) -> str:
    """When an audit entry was made, in the time zone it was made in."""
    sign = -1 if entry.utc_offset.startswith("-") else 1
    hours, minutes = entry.utc_offset.lstrip("+-").split(":")
    zone = timezone(sign * timedelta(hours=int(hours), minutes=int(minutes)))
    return entry.at.astimezone(zone).strftime("%Y-%m-%d %H:%M:%S")


@dataclass(frozen=True, slots=True)
class Undoable:
    """A change this session made that Undo can take back: its audit entry and what it changed."""

    seq: int
    action: str  # "answer" or "source_note"
    target: str  # the fact id, or the criterion id of a source note


def parse_stored(protocol: Protocol, answers: dict[str, Any], on) -> tuple[dict[str, FactValue], tuple[Problem, ...]]:
    """Stored answers as values; any the protocol no longer accepts are set aside, named."""
    facts: dict[str, FactValue] = {}
    unreadable: list[Problem] = []
    for fact_id, raw in answers.items():
        try:
            facts.update(parse_facts(protocol, {fact_id: raw}, on, typed=True, consistent=False))
        except FactsInvalid as invalid:
            unreadable.extend(invalid.problems)
    return facts, tuple(unreadable)


def start_screening(
    store: ScreeningStore,
    protocol: Protocol,
    subject_values: dict[str, Any],
    answers: dict[str, Any] | None = None,
    *,
    site: str,
    actor: str,
    clock: Clock = local_now,
    typed: bool = False,
    protocol_sha256: str | None = None,
    confirmed: bool = False,
    lineage: dict[str, int | None] | None = None,
    check: Callable[[], None] | None = None,
) -> ScreeningSession:
    """Create a screening for a new subject, with any answers already known (from a file).

    The subject's date of birth, sex and consent date are answers too when the protocol
    asks them under those ids. `typed`: the answers were typed by a person (numbers may be text in
    the documented form), not read from a file. `protocol_sha256`: of the file `protocol` was read
    from, stored with the screening. Raises FactsInvalid (every bad field or answer), NeedsConfirmation
    (answers that are unusual; with `confirmed` they are saved, each confirmation audited) or StoreError.
    `lineage`: the store's `rescreen_of`, `attempt` and `prescreen_id` of a re-screening or of a
    screening started from a pre-screened candidate; `check`: run inside the write that stores it.
    """
    answers = dict(answers or {})
    values = dict(subject_values)
    for fact_id in SUBJECT_FACTS:  # one truth: a value given in either place serves both
        if values.get(fact_id) in (None, "") and answers.get(fact_id) is not None:
            values[fact_id] = answers[fact_id]
    problems: list[Problem] = []
    for fact_id in SUBJECT_FACTS:  # given in both places, they must agree
        given, answered = values.get(fact_id), answers.get(fact_id)
        if given not in (None, "") and answered is not None and str(given).strip() != str(answered).strip():
            problems.append(Problem("subject_answer_differs", fact_id, {"subject": str(given)[:40], "answer": str(answered)[:40]}))
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
            facts = parse_facts(protocol, answers, on, typed=typed)
        except FactsInvalid as invalid:
            problems.extend(invalid.problems)
    if problems:
        raise FactsInvalid(problems)
    now = clock()
    warnings = answer_warnings(protocol, facts, on) + subject_warnings(_dates(subject), now.date())
    if warnings and not confirmed:
        raise NeedsConfirmation(warnings)
    report = evaluate(protocol, facts, on)
    edit_session = uuid.uuid4().hex
    screening = store.create(
        protocol_id=protocol.id,
        protocol_version=protocol.version,
        protocol_sha256=protocol_sha256,
        site=site,
        subject=subject,
        answers={k: protocol.fact[k].to_answer(v) for k, v in facts.items()},
        status=_status(report),
        failed_criteria=_failed(report),
        actor=actor,
        at=now,
        edit_session=edit_session,
        confirmations=confirmations(protocol, warnings),
        check=check,
        **(lineage or {}),
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
        one_shot: bool = False,
    ) -> None:
        self.store = store
        # one command's single change, made right after it read the screening (the command line):
        # a change of another fact meanwhile does not refuse it (the old value, the reason and the
        # status are decided on what is stored all the same). A window (one_shot False) shows
        # others' changes first.
        self.one_shot = one_shot
        self.refusal = refusal  # why this person may not change the screening (None: they may)
        self.protocol = protocol
        self.actor = actor
        self.clock = clock
        self.edit_session = edit_session or uuid.uuid4().hex
        screening_id = screening if isinstance(screening, int) else screening.id
        self.seen_seq = 0
        self._decided: tuple | None = None
        self._sitting: list[Undoable] = []  # the changes Undo can take back, the last made last
        self._own: set[int] = set()  # the audit entries of every change this session made
        #: the audit entry of the change Undo last took back
        self.last_undone: AuditEntry | None = None
        self._adopt(*store.snapshot(screening_id))
        if self.screening.protocol_id != protocol.id:
            raise StoreError("wrong_protocol", value=self.screening.protocol_id, protocol=protocol.id)

    def _adopt(self, screening: Screening, entered: dict[str, tuple[str, str]], seen_seq: int) -> None:
        """Take the screening as stored (at audit entry `seen_seq`) as this session's view."""
        self.screening = screening
        self._entered = entered
        self.seen_seq = seen_seq
        decided, self._decided = self._decided, None
        if decided is not None and decided[0] == screening.answers:  # what the change was decided on
            self.facts, self.unreadable, self.report = decided[1:]
        else:
            if screening.protocol_id == self.protocol.id:
                self.facts, self.unreadable = parse_stored(self.protocol, screening.answers, self.on)
            else:
                self.facts, self.unreadable = {}, ()
            self.report = evaluate(self.protocol, self.facts, self.on)
        #: the facts not asked with the stored answers, each with its condition's outcome
        self.not_asked = not_asked(self.protocol, self.facts, self.on)

    @property
    def on(self):
        return self.screening.subject.screening_date

    @property
    def enrolment(self):
        """The enrolment outcome recorded for this screening (read now), if any."""
        from trialdesk.persistence.pipeline_store import PipelineStore

        return PipelineStore(self.store.database).enrolment(self.screening.first_id or self.screening.id)

    @property
    def stage(self):
        """Where the screening stands in the pipeline (`trialdesk.domain.stages.Stage`)."""
        from trialdesk.domain.stages import stage_of

        return stage_of(self.screening.status, tuple(_failed(self.report)), self.enrolment)

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

    # -- staying current -------------------------------------------------------------------------

    def changes_since_seen(self) -> list[AuditEntry]:
        """What others changed in this screening since this session last read it (oldest first)."""
        return self.store.changes_since(self.screening.id, self.seen_seq)

    def refresh(self) -> list[AuditEntry]:
        """Read the screening again; returns the changes this session had not seen."""
        with self.store.database.read():  # the changes listed are exactly those the new view has
            changes = self.changes_since_seen()
            snapshot = self.store.snapshot(self.screening.id)
        self._adopt(*snapshot)
        return changes

    def check_current(self) -> None:
        """Refuse to go on from an out-of-date view: reads the screening again and raises
        StoreError("changed_underneath", changes=...) when someone changed it meanwhile."""
        changes = self.refresh()
        if changes:
            raise StoreError("changed_underneath", changes=changes)

    @property
    def _watched_seq(self) -> int | None:
        """The change a store write must find no later change than (None: none is watched)."""
        return None if self.one_shot else self.seen_seq

    def _saving(self, save: Callable[[], SavedChange]) -> SavedChange:
        """Run one store change; when the screening changed underneath, read it again and re-raise."""
        try:
            saved = save()
        except StoreError as error:
            if error.code in ("changed_underneath", "locked", "reason_required"):
                self._adopt(*self.store.snapshot(self.screening.id))
            raise
        if saved.changed:
            self._own.add(saved.seen_seq)
        self._adopt(saved.screening, self.store.entry_sessions(saved.screening.id), saved.seen_seq)
        return saved

    # -- answers ---------------------------------------------------------------------------------

    def answer(self, fact_id: str) -> Any:
        """The answer as stored (None when not entered)."""
        return self.screening.answers.get(fact_id)

    def normal(self, fact_id: str, raw: Any) -> Any:
        """An answer in its one stored form (None for None); raises FactsInvalid for a bad one."""
        if raw is None:
            return None
        parsed = self._parsed(fact_id, raw)
        return self.protocol.fact[fact_id].to_answer(parsed[fact_id])

    def _parsed(self, fact_id: str, raw: Any) -> dict[str, FactValue]:
        """One answer checked alone, then with the others against the protocol's consistency checks."""
        parsed = parse_facts(self.protocol, {fact_id: raw}, self.on, typed=True, consistent=False)
        problems = inconsistencies(self.protocol, {**self.facts, **parsed}, self.on, changed=fact_id)
        if problems:
            raise FactsInvalid(problems)
        return parsed

    def warnings(self, fact_id: str, raw: Any) -> tuple[Problem, ...]:
        """What this answer needs confirmed before it is saved (nothing for None, or for the answer
        stored already: it was confirmed then); raises FactsInvalid for a value the fact refuses."""
        if raw is None:
            return ()
        parsed = self._parsed(fact_id, raw)
        definition = self.protocol.fact[fact_id]
        stored = self.facts.get(fact_id)
        if stored is not None and definition.to_answer(stored) == definition.to_answer(parsed[fact_id]):
            return ()
        found = answer_warnings(self.protocol, {**self.facts, **parsed}, self.on, changed=fact_id)
        value = parsed[fact_id]
        if fact_id in CHECKED and isinstance(value, date):  # a correction of the subject's date of birth or consent
            today = self.clock().date() if fact_id != "date_of_birth" else None
            found += subject_warnings({**_dates(self.screening.subject), fact_id: value}, today, changed=(fact_id,))
        return tuple(found)

    def same_answer(self, fact_id: str, raw: Any) -> bool:
        """Whether `raw` means what is stored already (typing the same value again is no change)."""
        try:
            return self.normal(fact_id, raw) == self.normal(fact_id, self.answer(fact_id))
        except FactsInvalid:
            return raw == self.answer(fact_id)

    def needs_reason(self, fact_id: str) -> bool:
        """Whether changing this answer now must give a reason (as far as this view knows; the
        store decides again on what is stored)."""
        if fact_id not in self.screening.answers:
            return False
        return self._entered.get(fact_id) != (self.actor, self.edit_session)

    def preview(self, fact_id: str, raw: Any) -> SessionChange:
        """The evaluation as it would be with this answer, saving nothing (live feedback while typing).

        Raises FactsInvalid for a value the fact does not accept.
        """
        parsed = {} if raw is None else self._parsed(fact_id, raw)
        facts = {k: v for k, v in self.facts.items() if k != fact_id} | parsed
        report = evaluate(self.protocol, facts, self.on)
        return SessionChange(report, report.changed_since(self.report), not_asked(self.protocol, facts, self.on))

    def _decide(self, stored: dict[str, Any]) -> tuple[ScreeningStatus, list[str]]:
        facts, unreadable = parse_stored(self.protocol, stored, self.on)
        report = evaluate(self.protocol, facts, self.on)
        self._decided = (stored, facts, unreadable, report)  # the view once the change is committed
        return _status(report), _failed(report)

    def _same_as_stored(self, fact_id: str) -> Callable[[Any, Any], bool]:
        def same(stored: Any, value: Any) -> bool:
            try:
                return self.normal(fact_id, stored) == value
            except FactsInvalid:  # a stored answer the protocol no longer reads: replaced by a readable one
                return False
        return same

    def record_fact(self, fact_id: str, raw: Any, reason: str | None = None, *,
                    confirmed: bool = False) -> SessionChange:
        """Validate, save, audit and re-evaluate one answer (None clears it).

        Raises FactsInvalid for a bad value (one not asked with the other answers included),
        NeedsConfirmation for an unusual one unless `confirmed` (then each warning confirmed is
        audited with the answer), StoreError("reason_required") when a reason is due and missing,
        StoreError("locked") on a signed screening, StoreError("changed_underneath") when someone
        changed the screening since this session read it (it has read it again).
        """
        change, saved = self._record(fact_id, raw, reason, confirmed)
        if saved is not None and saved.changed:
            self._sitting.append(Undoable(saved.seen_seq, "answer", fact_id))
        return change

    def _record(self, fact_id: str, raw: Any, reason: str | None,
                confirmed: bool) -> tuple[SessionChange, SavedChange | None]:
        self._check_writable()
        if fact_id not in self.protocol.fact:
            raise FactsInvalid([Problem("unknown_fact", fact_id, {"known": sorted(self.protocol.fact)})])
        value = self.normal(fact_id, raw)
        if value is None and fact_id in SUBJECT_FACTS and fact_id in self.screening.answers:
            raise FactsInvalid([Problem("subject_fact_required", fact_id, {})])  # the subject's record: corrected, never emptied
        reason = check_text(reason or "", "reason") or None
        if not self.one_shot and self.same_answer(fact_id, value) and not self.changes_since_seen():
            return SessionChange(self.report, (), self.not_asked), None
        warnings = self.warnings(fact_id, value)
        if warnings and not confirmed:
            raise NeedsConfirmation(warnings)
        if reason is None and self.needs_reason(fact_id):
            raise StoreError("reason_required", fact=fact_id)
        subject_field = (fact_id, str(value)) if fact_id in SUBJECT_FACTS and value is not None else None
        previous = self.report
        saved = self._saving(lambda: self.store.save_answer(
            self.screening.id, fact_id, value, same=self._same_as_stored(fact_id), decide=self._decide,
            actor=self.actor, at=self.clock(), edit_session=self.edit_session, reason=reason,
            seen_seq=self._watched_seq, subject_field=subject_field,
            confirmations=confirmations(self.protocol, warnings),
        ))
        return SessionChange(self.report, self.report.changed_since(previous), self.not_asked), saved

    def set_note(self, criterion_id: str, note: str, reason: str | None = None) -> None:
        """The source-document note for one criterion (where each value was verified)."""
        self._check_writable()
        note = check_text(note, "source_note", MAX_NOTE)
        reason = check_text(reason or "", "reason")
        if not self.one_shot and (self.screening.notes.get(criterion_id) or "") == note and not self.changes_since_seen():
            return
        saved = self._save_note(criterion_id, note, reason or None)
        if saved.changed:
            self._sitting.append(Undoable(saved.seen_seq, "source_note", criterion_id))

    def _save_note(self, criterion_id: str, note: str, reason: str | None) -> SavedChange:
        return self._saving(lambda: self.store.save_note(self.screening.id, criterion_id, note, actor=self.actor,
                                                         at=self.clock(), reason=reason, seen_seq=self._watched_seq))

    def record_screen_failure(self, reason: str) -> None:
        if self.refusal is not None:
            raise self.refusal
        reason = check_text(reason, "reason")
        if not reason:
            raise StoreError("reason_required", fact=None)
        self._saving(lambda: self.store.record_screen_failure(self.screening.id, reason, actor=self.actor,
                                                              at=self.clock(), seen_seq=self._watched_seq))
        self.forget_undo()  # the screen failure was decided on these answers: they are no longer taken back

    # -- undo ------------------------------------------------------------------------------------

    @property
    def next_undo(self) -> Undoable | None:
        """The change Undo would take back now; None when this sitting has none left to undo."""
        return self._sitting[-1] if self._sitting else None

    def forget_undo(self) -> None:
        """Nothing made so far can be undone any more (a completion or a screen failure was decided on it)."""
        self._sitting.clear()

    def undo_last(self, *, confirmed: bool = False) -> SavedChange | None:
        """Take back the last change this session made, as a change of its own: the value before it is
        saved again (a first answer is cleared), audited with a reason naming the change undone. None
        when there is nothing left to undo.

        Refused as any change is: StoreError("locked"), FactsInvalid (the value put back is no longer
        accepted, or clearing it would empty the subject's record), NeedsConfirmation when the value put
        back is unusual (unless `confirmed`), and StoreError("changed_underneath") when anyone changed
        the screening since that change (the session has read it again; nothing before can be undone).
        """
        self._check_writable()
        undoable = self.next_undo
        if undoable is None:
            return None
        since = self.store.changes_since(self.screening.id, undoable.seq - 1)
        others = [e for e in since if e.seq not in self._own]
        if others or not since or since[0].seq != undoable.seq:
            self.forget_undo()
            self.refresh()
            raise StoreError("changed_underneath", changes=others)
        entry = since[0]
        from trialdesk.messages import Messages  # the trail keeps one language: the protocol's English

        reason = Messages(self.protocol).t("undo.reason", time=_entry_time(entry), seq=entry.seq)
        if undoable.action == "answer":
            if entry.old_value is None and undoable.target in SUBJECT_FACTS:
                raise FactsInvalid([Problem("undo_empties_subject", undoable.target, {})])
            saved = self._record(undoable.target, entry.old_value, reason, confirmed)[1]
        else:
            saved = self._save_note(undoable.target, entry.old_value or "", check_text(reason, "reason"))
        self._sitting.pop()
        self.last_undone = entry
        return saved or SavedChange(False, self.screening, self.seen_seq)

    def correct(self, reason: str) -> ScreeningSession:
        """Open a new version of a signed screening, citing this one; this one stays as it was. The new
        version is made under the same protocol file (the same SHA-256)."""
        if self.refusal is not None:
            raise self.refusal
        reason = check_text(reason, "reason")
        if not reason:
            raise StoreError("reason_required", fact=None)
        self.check_current()
        if self.screening.status is not ScreeningStatus.SIGNED:
            raise StoreError("not_signed", status=self.screening.status.value)
        session = uuid.uuid4().hex
        new = self.store.create(
            protocol_id=self.protocol.id, protocol_version=self.protocol.version,
            protocol_sha256=self.screening.protocol_sha256, site=self.screening.site,
            subject=self.screening.subject, answers=self.screening.answers, status=_status(self.report),
            failed_criteria=_failed(self.report), actor=self.actor, at=self.clock(), edit_session=session,
            supersedes=self.screening, correction_reason=reason, notes=self.screening.notes,
        )
        self.refresh()
        return ScreeningSession(self.store, self.protocol, new, actor=self.actor, clock=self.clock, edit_session=session)
