"""The screening pipeline beyond one screening's record: enrolment outcomes, pre-screenings, and
the attempts of one subject.

An enrolment outcome is a row that is never changed: a later row replaces it (citing it, with a
reason), in the same transaction as its audit entry. A pre-screening keeps what was found on the
records; only its outcome (declined, not approached, other) is added later, audited.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from trialdesk.domain.log import ScreeningStatus
from trialdesk.domain.stages import Attempt, Enrolment, NotEnrolledReason, PrescreenOutcome, number_key
from trialdesk.persistence import audit_trail
from trialdesk.persistence.database import Database
from trialdesk.persistence.errors import StoreError

_ENROLMENT_COLUMNS = "outcome, on_date, number, reason, reason_text, recorded_by, recorded_at, replaces, id"


def _enrolment(row: tuple | None) -> Enrolment | None:
    if row is None:
        return None
    outcome, on, number, reason, text, by, at, replaces, _id = row
    return Enrolment(outcome == "enrolled", date.fromisoformat(on), number=number,
                     reason=NotEnrolledReason(reason) if reason else None, text=text, recorded_by=by,
                     recorded_at=datetime.fromisoformat(at), replaces=replaces)


@dataclass(frozen=True, slots=True)
class Prescreening:
    """A candidate pre-screened from records, before consent."""

    id: int
    protocol_id: str
    site: str
    candidate: str
    on: date
    result: str  # could_be_eligible, not_eligible
    detail: str
    outcome: PrescreenOutcome | None
    outcome_text: str | None
    recorded_by: str
    recorded_at: datetime
    screening_number: str | None = None  # of the screening started from it


class PipelineStore:
    """Enrolment outcomes, pre-screenings, and a subject's attempts."""

    def __init__(self, database: Database) -> None:
        self.database = database

    @property
    def _read(self) -> sqlite3.Connection:
        return self.database.connection

    # -- enrolment -----------------------------------------------------------------------------

    def enrolment(self, first_id: int) -> Enrolment | None:
        """The screening's current enrolment outcome (the newest recorded), if any."""
        return _enrolment(self._read.execute(
            f"SELECT {_ENROLMENT_COLUMNS} FROM enrolments WHERE first_id = ? ORDER BY id DESC LIMIT 1",
            (first_id,)).fetchone())

    def enrolment_history(self, first_id: int) -> list[Enrolment]:
        rows = self._read.execute(f"SELECT {_ENROLMENT_COLUMNS} FROM enrolments WHERE first_id = ? ORDER BY id",
                                  (first_id,)).fetchall()
        return [_enrolment(r) for r in rows]

    def record_enrolment(self, screening_id: int,
                         decide: Callable[[ScreeningStatus, tuple[str, ...], date, date | None], Enrolment],
                         *, actor: str, at: datetime, reason: str | None) -> Enrolment:
        """Record an enrolment outcome of the screening whose newest version is `screening_id`.

        Decided inside the write transaction, on what is stored: `decide(status, failed_criteria,
        screening_date, signed_on)` gives the outcome by the domain's rules, or raises. An attempt
        re-screened since has no outcome of its own any more (the subject's latest attempt has it); a
        subject is enrolled under one number, given once per protocol and site however it is written
        (`number_key`); an outcome already recorded is replaced only with a reason."""
        with self.database.write() as db:
            row = db.execute("SELECT first_id, status, failed_criteria, screening_date, protocol_id, site, "
                             "screening_number, subject_id FROM screenings WHERE id = ?", (screening_id,)).fetchone()
            if row is None:
                raise StoreError("no_screening", value=screening_id)
            first_id, status, failed, on, protocol_id, site, number, subject_id = row
            signed = db.execute("SELECT signed_at FROM documents WHERE screening_id = ? ORDER BY id DESC LIMIT 1",
                                (screening_id,)).fetchone()
            signed_on = datetime.fromisoformat(signed[0]).date() if signed else None  # where it was signed
            enrolment = decide(ScreeningStatus(status), tuple(failed.split()), date.fromisoformat(on), signed_on)
            later = db.execute("SELECT screening_number FROM screenings WHERE rescreen_of = ? AND status != 'superseded' "
                               "LIMIT 1", (first_id,)).fetchone()
            if later:
                raise StoreError("enrolment_not_latest_attempt", number=number, later=later[0])
            current = db.execute(f"SELECT {_ENROLMENT_COLUMNS} FROM enrolments WHERE first_id = ? ORDER BY id DESC "
                                 "LIMIT 1", (first_id,)).fetchone()
            old = _enrolment(current)
            if old is not None and (old.enrolled, old.on, old.number, old.reason, old.text) == (
                    enrolment.enrolled, enrolment.on, enrolment.number, enrolment.reason, enrolment.text):
                raise StoreError("enrolment_unchanged")
            if old is not None and not reason:
                raise StoreError("enrolment_change_needs_reason", current="enrolled" if old.enrolled else "not_enrolled")
            key = number_key(enrolment.number) if enrolment.number is not None else None
            if key is not None:
                taken = db.execute(
                    "SELECT s.screening_number FROM enrolments e JOIN screenings s ON s.id = e.first_id "
                    "WHERE e.number_key = ? AND s.protocol_id = ? AND s.site = ? AND e.first_id != ? AND e.id = "
                    "(SELECT MAX(id) FROM enrolments WHERE first_id = e.first_id)",
                    (key, protocol_id, site, first_id)).fetchone()
                if taken:
                    raise StoreError("enrolment_number_taken", number=enrolment.number, screening=taken[0])
            if enrolment.enrolled:
                other = db.execute(
                    "SELECT s.screening_number FROM screenings s JOIN enrolments e ON e.first_id = s.first_id "
                    "WHERE s.subject_id = ? AND s.first_id != ? AND s.status != 'superseded' AND e.outcome = 'enrolled' "
                    "AND e.id = (SELECT MAX(id) FROM enrolments WHERE first_id = e.first_id) LIMIT 1",
                    (subject_id, first_id)).fetchone()
                if other:
                    raise StoreError("enrolment_subject_enrolled", number=other[0])
            value = _enrolment_value(enrolment)
            seq = audit_trail.append(db, at=at, actor=actor, action="enrolment", screening_id=screening_id,
                                     target=number, old=_enrolment_value(old) if old else None, new=value,
                                     reason=reason)
            db.execute(
                "INSERT INTO enrolments (first_id, outcome, on_date, number, number_key, reason, reason_text, replaces, "
                "recorded_by, recorded_at, audit_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (first_id, value["outcome"], value["on"], enrolment.number, key, value.get("reason"), enrolment.text,
                 current[8] if current else None, actor, at.isoformat(), seq))
        return self.enrolment(first_id)

    # -- attempts --------------------------------------------------------------------------------

    def latest_attempt(self, screening_id: int) -> tuple[Attempt, str | None]:
        """The latest attempt of the subject of this screening (any version of any attempt), and the number
        of the screening named when it is not that latest attempt (None when it is)."""
        row = self._read.execute("SELECT subject_id, first_id FROM screenings WHERE id = ?", (screening_id,)).fetchone()
        if row is None:
            raise StoreError("no_screening", value=screening_id)
        subject_id, first_id = row
        latest = self._read.execute(
            "SELECT first_id, screening_number, attempt, protocol_id, site, status, failed_criteria, screening_date "
            "FROM screenings WHERE subject_id = ? AND status != 'superseded' ORDER BY attempt DESC, id DESC LIMIT 1",
            (subject_id,)).fetchone()
        attempt = Attempt(first_id=latest[0], screening_number=latest[1], attempt=latest[2], protocol_id=latest[3],
                          site=latest[4], status=ScreeningStatus(latest[5]), failed_criteria=tuple(latest[6].split()),
                          screening_date=date.fromisoformat(latest[7]), enrolment=self.enrolment(latest[0]))
        return attempt, None if latest[0] == first_id else latest[1]

    def attempts(self, screening_id: int) -> list[tuple[int, int, str, str]]:
        """Every attempt of this screening's subject, first first: (attempt, newest version id, number, status)."""
        row = self._read.execute("SELECT subject_id FROM screenings WHERE id = ?", (screening_id,)).fetchone()
        if row is None:
            raise StoreError("no_screening", value=screening_id)
        return [tuple(r) for r in self._read.execute(
            "SELECT attempt, id, screening_number, status FROM screenings WHERE subject_id = ? AND status != 'superseded' "
            "ORDER BY attempt, id", (row[0],))]

    # -- pre-screening -----------------------------------------------------------------------------

    def record_prescreen(self, *, protocol_id: str, site: str, candidate: str, on: date, result: str, detail: str,
                         actor: str, at: datetime) -> int:
        with self.database.write() as db:
            cursor = db.execute(
                "INSERT INTO prescreenings (protocol_id, site, candidate, on_date, result, detail, recorded_by, "
                "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (protocol_id, site, candidate, on.isoformat(), result, detail, actor, at.isoformat()))
            audit_trail.append(db, at=at, actor=actor, action="prescreened", target=str(cursor.lastrowid),
                               new={"protocol": protocol_id, "site": site, "candidate": candidate, "on": on.isoformat(),
                                    "result": result, "detail": detail})
            return cursor.lastrowid

    def prescreen_outcome(self, prescreen_id: int, outcome: PrescreenOutcome, text: str | None, *, actor: str,
                          at: datetime) -> None:
        with self.database.write() as db:
            row = db.execute("SELECT outcome, outcome_text, candidate FROM prescreenings WHERE id = ?",
                             (prescreen_id,)).fetchone()
            if row is None:
                raise StoreError("no_prescreening", value=prescreen_id)
            screened = db.execute("SELECT screening_number FROM screenings WHERE prescreen_id = ? AND supersedes IS NULL LIMIT 1",
                                  (prescreen_id,)).fetchone()
            if screened:
                raise StoreError("prescreen_screened", candidate=row[2], number=screened[0])
            db.execute("UPDATE prescreenings SET outcome = ?, outcome_text = ? WHERE id = ?",
                       (outcome.value, text, prescreen_id))
            audit_trail.append(db, at=at, actor=actor, action="prescreen_outcome", target=str(prescreen_id),
                               old={"outcome": row[0], "text": row[1]} if row[0] else None,
                               new={"outcome": outcome.value, "text": text})

    def prescreening(self, prescreen_id: int) -> Prescreening:
        found = self.prescreenings(where=("p.id = ?", [prescreen_id]))
        if not found:
            raise StoreError("no_prescreening", value=prescreen_id)
        return found[0]

    def prescreenings(self, protocol_id: str | None = None, *, limit: int = 1000,
                      where: tuple[str, list] | None = None) -> list[Prescreening]:
        """Pre-screenings, newest first (of one protocol, if given)."""
        clause, args = where or (("p.protocol_id = ?", [protocol_id]) if protocol_id else ("1", []))
        where = f"WHERE {clause}"
        rows = self._read.execute(
            "SELECT p.id, p.protocol_id, p.site, p.candidate, p.on_date, p.result, p.detail, p.outcome, p.outcome_text, "
            "p.recorded_by, p.recorded_at, (SELECT screening_number FROM screenings s WHERE s.prescreen_id = p.id "
            f"AND s.supersedes IS NULL LIMIT 1) FROM prescreenings p {where} ORDER BY p.id DESC LIMIT ?", [*args, limit])
        return [Prescreening(r[0], r[1], r[2], r[3], date.fromisoformat(r[4]), r[5], r[6],
                             PrescreenOutcome(r[7]) if r[7] else None, r[8], r[9], datetime.fromisoformat(r[10]), r[11])
                for r in rows]


def _enrolment_value(enrolment: Enrolment) -> dict[str, str]:
    """An outcome as the audit trail records it."""
    value = {"outcome": "enrolled" if enrolment.enrolled else "not_enrolled", "on": enrolment.on.isoformat()}
    if enrolment.number is not None:
        value["number"] = enrolment.number
    if enrolment.reason is not None:
        value["reason"] = enrolment.reason.value
    if enrolment.text:
        value["text"] = enrolment.text
    return value
