"""Screenings in the site database, spoken of as domain objects.

Every change is one write transaction that saves the value, appends its audit entry
and updates the screening's status together: either all of it is kept or none.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from trialdesk.domain.log import ScreeningStatus
from trialdesk.domain.screening import Screening, Subject
from trialdesk.persistence import audit_trail
from trialdesk.persistence.database import Database
from trialdesk.persistence.errors import StoreError  # noqa: F401 (re-exported)

_SCREENING_COLUMNS = (
    "id, protocol_id, protocol_version, site, screening_number, version, supersedes, initials, "
    "date_of_birth, sex, screening_date, consent_date, consent_version, status, failed_criteria, "
    "screen_failure_reason, correction_reason, created_at, created_by, protocol_sha256, first_id, subject_id, rescreen_of, "
    "attempt, prescreen_id"
)


ROLES = ("coordinator", "sub_investigator", "principal_investigator")
SIGNING_ROLES = ("sub_investigator", "principal_investigator")


@dataclass(frozen=True, slots=True)
class Delegate:
    """Someone on the site's delegation list."""

    name: str
    role: str
    since: datetime

    @property
    def may_sign(self) -> bool:
        """Only an investigator decides eligibility (ICH E6(R3) 2.7.1)."""
        return self.role in SIGNING_ROLES


@dataclass(frozen=True, slots=True)
class Numbered:
    """A screening found by its number: its newest version's id, its protocol and its site."""

    id: int
    protocol_id: str
    site: str


@dataclass(frozen=True, slots=True)
class SignedDocument:
    """A signed worksheet as kept in the database."""

    document_id: str
    file_name: str
    content_sha256: str
    signer: str
    role: str
    meaning: str
    signed_at: datetime
    pdf: bytes


def _iso(value: date | datetime) -> str:
    return value.isoformat()


#: The audit actions that change a screening's record: a window that has not seen one of them
#: is out of date and must show it before it accepts another edit.
CHANGES_RECORD = ("create", "answer", "source_note", "screen_failure", "completed", "signed", "superseded",
                  "correction")
_CHANGES_RECORD_SQL = "(" + ", ".join(f"'{a}'" for a in CHANGES_RECORD) + ")"

#: Decides, from the answers as stored after a change, the screening's status and failed criteria.
Decide = Callable[[dict[str, Any]], tuple[ScreeningStatus, list[str]]]


@dataclass(frozen=True, slots=True)
class Confirmation:
    """A warning the person confirmed for an answer (an unusual value): audited with the answer, as
    an entry of its own ("warning_confirmed"): the fact, the warning as data, and its words."""

    fact: str
    warning: dict[str, Any]
    text: str


def _confirmed(db: sqlite3.Connection, confirmations: Iterable[Confirmation], *, at: datetime, actor: str,
               screening_id: int) -> None:
    for c in confirmations:
        audit_trail.append(db, at=at, actor=actor, action="warning_confirmed", screening_id=screening_id,
                           target=c.fact, new=c.warning, reason=c.text)


@dataclass(frozen=True, slots=True)
class SavedChange:
    """What a change did, decided inside its transaction on what was stored."""

    changed: bool  # False: the stored value was the same already, nothing was written
    screening: Screening  # as stored once the change was committed
    seen_seq: int  # the audit entry that this change is, or the one the screening stood at


def changed_underneath(db: sqlite3.Connection, screening_id: int, seen_seq: int | None) -> None:
    """Refuse a change made from a view older than the record: the entries since say what changed."""
    if seen_seq is None:
        return
    later = db.execute(
        f"SELECT 1 FROM audit WHERE screening_id = ? AND seq > ? AND action IN {_CHANGES_RECORD_SQL} LIMIT 1",
        (screening_id, seen_seq)).fetchone()
    if later:
        entries = [e for e in audit_trail.history(db, screening_id, after=seen_seq) if e.action in CHANGES_RECORD]
        raise StoreError("changed_underneath", changes=entries)


class ScreeningStore:
    """Create, change, lock, correct and list screenings."""

    def __init__(self, database: Database) -> None:
        self.database = database

    @property
    def _read(self) -> sqlite3.Connection:
        return self.database.connection

    # -- creating and reading ----------------------------------------------------------------

    def create(
        self,
        *,
        protocol_id: str,
        protocol_version: str,
        protocol_sha256: str | None = None,
        site: str,
        subject: Subject,
        answers: dict[str, Any],
        status: ScreeningStatus,
        failed_criteria: Iterable[str],
        actor: str,
        at: datetime,
        edit_session: str,
        supersedes: Screening | None = None,
        correction_reason: str | None = None,
        notes: dict[str, str] | None = None,
        confirmations: Iterable[Confirmation] = (),
        rescreen_of: int | None = None,
        attempt: int = 1,
        prescreen_id: int | None = None,
        check: Callable[[], None] | None = None,
    ) -> Screening:
        """Store a new screening (or a correcting version of `supersedes`) with its first answers;
        `protocol_sha256`: of the protocol file it is made under (the trail records it too);
        `confirmations`: the warnings about those answers that the person confirmed; `rescreen_of`:
        the first version of the subject's attempt before this one, and this one's `attempt` number;
        `prescreen_id`: the pre-screening it starts from (a correction keeps all three); `check`: run
        first inside the write transaction, on what is stored then (it raises to refuse)."""
        version = supersedes.version + 1 if supersedes else 1
        if supersedes is not None:
            rescreen_of, attempt, prescreen_id = supersedes.rescreen_of, supersedes.attempt, supersedes.prescreen_id
        with self.database.write() as db:
            if check is not None:
                check()
            try:  # the database holds the number unique per protocol and site (screenings_number_once)
                cursor = db.execute(
                    "INSERT INTO screenings (protocol_id, protocol_version, site, screening_number, version, "
                    "supersedes, initials, date_of_birth, sex, screening_date, consent_date, consent_version, status, "
                    "failed_criteria, correction_reason, created_at, created_by, protocol_sha256, rescreen_of, attempt, "
                    "prescreen_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        protocol_id, protocol_version, site, subject.screening_number, version,
                        supersedes.id if supersedes else None, subject.initials, _iso(subject.date_of_birth),
                        subject.sex, _iso(subject.screening_date), _iso(subject.consent_date), subject.consent_version,
                        status.value, " ".join(failed_criteria), correction_reason, _iso(at), actor, protocol_sha256,
                        rescreen_of, attempt, prescreen_id,
                    ),
                )
            except sqlite3.IntegrityError as error:
                if "subject_id" in str(error):  # two re-screenings of one subject at once: the second is refused
                    raise StoreError("attempt_taken", attempt=attempt) from None
                if "prescreen_id" in str(error):  # two screenings started from one candidate at once
                    raise StoreError("prescreen_screened", candidate=prescreen_id, number="") from None
                if "screening_number" not in str(error):
                    raise
                raise StoreError("duplicate_screening_number", value=subject.screening_number, protocol=protocol_id,
                                 site=site) from None
            screening_id = cursor.lastrowid
            if supersedes is not None:  # the answers carry over with who entered them and when
                db.execute(
                    "INSERT INTO answers SELECT ?, fact_id, value, entered_by, entered_at, edit_session "
                    "FROM answers WHERE screening_id = ?",
                    (screening_id, supersedes.id),
                )
            for fact_id, value in answers.items() if supersedes is None else ():
                db.execute(
                    "INSERT INTO answers VALUES (?, ?, ?, ?, ?, ?)",
                    (screening_id, fact_id, json.dumps(value, ensure_ascii=False), actor, _iso(at), edit_session),
                )
            for criterion_id, note in (notes or {}).items():
                db.execute("INSERT INTO notes VALUES (?, ?, ?)", (screening_id, criterion_id, note))
            record = {"subject": subject.model_dump(mode="json"), "answers": answers, "protocol": protocol_id,
                      "protocol_version": protocol_version, "site": site}
            if protocol_sha256 is not None:
                record["protocol_sha256"] = protocol_sha256
            if rescreen_of is not None:
                record["rescreen_of"], record["attempt"] = rescreen_of, attempt
            if prescreen_id is not None:
                record["prescreen"] = prescreen_id
            if notes:
                record["notes"] = notes  # a correction carries its notes over: the trail says so
            if supersedes is not None:
                db.execute("UPDATE screenings SET status = ? WHERE id = ?", (ScreeningStatus.SUPERSEDED.value, supersedes.id))
                audit_trail.append(db, at=at, actor=actor, action="superseded", screening_id=supersedes.id,
                                   old=supersedes.status.value, new=screening_id, reason=correction_reason)
                audit_trail.append(db, at=at, actor=actor, action="correction", screening_id=screening_id,
                                   target=str(supersedes.id), new=record, reason=correction_reason)
            else:
                audit_trail.append(db, at=at, actor=actor, action="create", screening_id=screening_id, new=record)
            _confirmed(db, confirmations, at=at, actor=actor, screening_id=screening_id)
        return self.load(screening_id)

    def load(self, screening_id: int) -> Screening:
        with self.database.read() as db:  # the row, its answers and its notes from one snapshot
            row = db.execute(f"SELECT {_SCREENING_COLUMNS} FROM screenings WHERE id = ?", (screening_id,)).fetchone()
            if row is None:
                raise StoreError("no_screening", value=screening_id)
            answers = {
                fact_id: json.loads(value)
                for fact_id, value in db.execute("SELECT fact_id, value FROM answers WHERE screening_id = ?", (screening_id,))
            }
            notes = dict(db.execute("SELECT criterion_id, note FROM notes WHERE screening_id = ?", (screening_id,)))
        return _screening(row, answers, notes)

    def find(self, reference: str, protocol_id: str | None = None) -> Screening:
        """A screening by its screening number (its newest version), or by its id: `#12`, or digits
        that are no screening's number ("0101" is a number; "1" naming both an id and another
        screening's number is refused as ambiguous)."""
        if reference.startswith("#") and reference[1:].isdigit() and len(reference) < 20:
            return self.load(int(reference[1:]))
        if reference.isascii() and reference.isdigit() and len(reference) < 20:
            numbered = self._read.execute("SELECT 1 FROM screenings WHERE screening_number = ? LIMIT 1",
                                          (reference,)).fetchone()
            if not numbered:
                return self.load(int(reference))
            as_id = self._read.execute("SELECT screening_number FROM screenings WHERE id = ?",
                                       (int(reference),)).fetchone()
            if as_id and as_id[0] != reference and str(int(reference)) == reference:
                raise StoreError("ambiguous_reference", value=reference)
        candidates = self.numbered(reference, protocol_id)
        if not candidates:
            raise StoreError("no_screening", value=reference)
        if len(candidates) > 1:
            raise StoreError("ambiguous_screening", value=reference, candidates=candidates)
        return self.load(candidates[0].id)

    def numbered(self, screening_number: str, protocol_id: str | None = None) -> list[Numbered]:
        """Each screening holding this number (of the protocol, if given), by its newest version, oldest
        screening first. More than one: the same number under other protocols or sites, or a database from
        before numbers were held unique per protocol and site."""
        where, args = "screening_number = ?", [screening_number]
        if protocol_id:
            where += " AND protocol_id = ?"
            args.append(protocol_id)
        rows = self._read.execute(
            f"SELECT id, supersedes, protocol_id, site FROM screenings WHERE {where} ORDER BY id", args).fetchall()
        newest: dict[int, Numbered] = {}  # the first version's id -> the newest version of that screening
        first: dict[int, int] = {}
        for sid, supersedes, protocol, site in rows:  # a correction comes after the version it supersedes
            first[sid] = first.get(supersedes, sid) if supersedes is not None else sid
            newest[first[sid]] = Numbered(sid, protocol, site)
        return list(newest.values())

    def entry_sessions(self, screening_id: int) -> dict[str, tuple[str, str]]:
        """Who entered each answer, and in which edit session."""
        return {
            fact_id: (by, session)
            for fact_id, by, session in self._read.execute(
                "SELECT fact_id, entered_by, edit_session FROM answers WHERE screening_id = ?", (screening_id,)
            )
        }

    def entries(self, screening_id: int) -> dict[str, tuple[str, datetime]]:
        """Who entered each answer, and when."""
        return {
            fact_id: (by, datetime.fromisoformat(at))
            for fact_id, by, at in self._read.execute(
                "SELECT fact_id, entered_by, entered_at FROM answers WHERE screening_id = ?", (screening_id,)
            )
        }

    # -- changing ----------------------------------------------------------------------------

    def _unlocked(self, db: sqlite3.Connection, screening_id: int) -> ScreeningStatus:
        row = db.execute("SELECT status FROM screenings WHERE id = ?", (screening_id,)).fetchone()
        if row is None:
            raise StoreError("no_screening", value=screening_id)
        status = ScreeningStatus(row[0])
        if status.locked:
            raise StoreError("locked", status=status.value)
        return status

    def record_seq(self, screening_id: int) -> int:
        """The last audit entry that changed this screening's record."""
        row = self._read.execute(
            f"SELECT MAX(seq) FROM audit WHERE screening_id = ? AND action IN {_CHANGES_RECORD_SQL}", (screening_id,)
        ).fetchone()
        return row[0] or 0

    def snapshot(self, screening_id: int) -> tuple[Screening, dict[str, tuple[str, str]], int]:
        """The screening, who entered each answer in which edit session, and its last change's audit
        entry, all read in one snapshot."""
        with self.database.read():
            return self.load(screening_id), self.entry_sessions(screening_id), self.record_seq(screening_id)

    def changes_since(self, screening_id: int, seen_seq: int) -> list:
        """The record-changing audit entries of this screening after `seen_seq`, oldest first."""
        return [e for e in audit_trail.history(self._read, screening_id, after=seen_seq) if e.action in CHANGES_RECORD]

    def save_answer(
        self,
        screening_id: int,
        fact_id: str,
        value: Any,
        *,
        same: Callable[[Any, Any], bool],
        decide: Decide,
        actor: str,
        at: datetime,
        edit_session: str,
        reason: str | None,
        seen_seq: int | None = None,
        subject_field: tuple[str, str] | None = None,
        confirmations: Iterable[Confirmation] = (),
    ) -> SavedChange:
        """Save (or with value None, clear) one answer, audit it and update the status, atomically.

        Everything is decided inside the write transaction on what is stored, never on what a
        window remembers: `same(stored, value)` says whether the stored answer already means this
        value (nothing is then written); the audit entry's old value is the stored one; a reason is
        required when the stored answer was entered by someone else or in another edit session; the
        status comes from `decide` on the stored answers after the change. With `seen_seq` (the last
        change the caller has seen), a change made to the screening since then refuses this one
        ("changed_underneath", with the entries), so that the person sees it first. `confirmations`
        are audited right after the answer, in the same transaction (only when it is written).
        """
        with self.database.write() as db:
            current = self._unlocked(db, screening_id)
            changed_underneath(db, screening_id, seen_seq)
            row = db.execute("SELECT value, entered_by, entered_at, edit_session FROM answers "
                             "WHERE screening_id = ? AND fact_id = ?", (screening_id, fact_id)).fetchone()
            old = None if row is None else json.loads(row[0])
            if (old is None and value is None) or (old is not None and value is not None and same(old, value)):
                return SavedChange(False, self.load(screening_id), self.record_seq(screening_id))
            if row is not None and (row[1], row[3]) != (actor, edit_session) and not reason:
                raise StoreError("reason_required", fact=fact_id, by=row[1], at=row[2])
            if value is None:
                db.execute("DELETE FROM answers WHERE screening_id = ? AND fact_id = ?", (screening_id, fact_id))
            else:
                db.execute(
                    "INSERT INTO answers VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (screening_id, fact_id) DO UPDATE SET "
                    "value = excluded.value, entered_by = excluded.entered_by, entered_at = excluded.entered_at, "
                    "edit_session = excluded.edit_session",
                    (screening_id, fact_id, json.dumps(value, ensure_ascii=False), actor, _iso(at), edit_session),
                )
            if subject_field is not None:
                column, text = subject_field
                if column not in ("date_of_birth", "sex", "consent_date"):
                    raise ValueError(f"not a subject field: {column}")
                db.execute(f"UPDATE screenings SET {column} = ? WHERE id = ?", (text, screening_id))
            if current is not ScreeningStatus.SCREEN_FAILURE:
                stored = {f: json.loads(v) for f, v in db.execute(
                    "SELECT fact_id, value FROM answers WHERE screening_id = ?", (screening_id,))}
                status, failed = decide(stored)
                db.execute("UPDATE screenings SET status = ?, failed_criteria = ? WHERE id = ?",
                           (status.value, " ".join(failed), screening_id))
            seq = audit_trail.append(db, at=at, actor=actor, action="answer", screening_id=screening_id,
                                     target=fact_id, old=old, new=value, reason=reason)
            _confirmed(db, confirmations, at=at, actor=actor, screening_id=screening_id)
            return SavedChange(True, self.load(screening_id), seq)

    def save_note(self, screening_id: int, criterion_id: str, note: str, *, actor: str, at: datetime,
                  reason: str | None, seen_seq: int | None = None) -> SavedChange:
        """The source-document note of one criterion (empty clears it); the old note is the stored one."""
        with self.database.write() as db:
            self._unlocked(db, screening_id)
            changed_underneath(db, screening_id, seen_seq)
            row = db.execute("SELECT note FROM notes WHERE screening_id = ? AND criterion_id = ?",
                             (screening_id, criterion_id)).fetchone()
            old = row[0] if row else None
            if (old or "") == note:
                return SavedChange(False, self.load(screening_id), self.record_seq(screening_id))
            if note:
                db.execute("INSERT OR REPLACE INTO notes VALUES (?, ?, ?)", (screening_id, criterion_id, note))
            else:
                db.execute("DELETE FROM notes WHERE screening_id = ? AND criterion_id = ?", (screening_id, criterion_id))
            seq = audit_trail.append(db, at=at, actor=actor, action="source_note", screening_id=screening_id,
                                     target=criterion_id, old=old, new=note or None, reason=reason)
            return SavedChange(True, self.load(screening_id), seq)

    def record_screen_failure(self, screening_id: int, reason: str, *, actor: str, at: datetime,
                              seen_seq: int | None = None) -> SavedChange:
        with self.database.write() as db:
            old = self._unlocked(db, screening_id)
            changed_underneath(db, screening_id, seen_seq)
            db.execute("UPDATE screenings SET status = ?, screen_failure_reason = ? WHERE id = ?",
                       (ScreeningStatus.SCREEN_FAILURE.value, reason, screening_id))
            seq = audit_trail.append(db, at=at, actor=actor, action="screen_failure", screening_id=screening_id,
                                     old=old.value, new=ScreeningStatus.SCREEN_FAILURE.value, reason=reason)
            return SavedChange(True, self.load(screening_id), seq)

    def lock_signed(self, screening_id: int, signature: dict[str, Any], *, actor: str, at: datetime,
                    document: SignedDocument | None = None, unchanged_since: int | None = None) -> None:
        """Mark the screening signed, keeping its signed worksheet with it, in one transaction:
        from now on none of its answers or notes may change. With `unchanged_since` (the audit entry
        the signed worksheet was made from), refused if anything changed the screening after it."""
        from trialdesk.persistence.people_store import UNDOES_COMPLETION

        with self.database.write() as db:
            old = self._unlocked(db, screening_id)
            if unchanged_since is not None and db.execute(
                    f"SELECT 1 FROM audit WHERE screening_id = ? AND seq > ? AND action IN {UNDOES_COMPLETION}",
                    (screening_id, unchanged_since)).fetchone():
                raise StoreError("changed_while_signing")
            db.execute("UPDATE screenings SET status = ? WHERE id = ?", (ScreeningStatus.SIGNED.value, screening_id))
            if document is not None:
                db.execute(
                    "INSERT INTO documents (screening_id, document_id, file_name, content_sha256, pdf_sha256, signer, "
                    "role, meaning, signed_at, pdf) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (screening_id, document.document_id, document.file_name, document.content_sha256,
                     hashlib.sha256(document.pdf).hexdigest(), document.signer, document.role, document.meaning,
                     _iso(document.signed_at), document.pdf),
                )
                signature = {**signature, "document": document.document_id, "content_sha256": document.content_sha256}
            audit_trail.append(db, at=at, actor=actor, action="signed", screening_id=screening_id,
                               old=old.value, new=signature, reason=signature.get("meaning"))

    def audit_head(self) -> tuple[int, str]:
        """The audit trail's last entry: its sequence number and hash (0 and the genesis hash when empty)."""
        row = self._read.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
        return (row[0], row[1]) if row else (0, audit_trail.GENESIS)

    def last_audit_time(self) -> datetime | None:
        row = self._read.execute("SELECT at_utc FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
        return datetime.fromisoformat(row[0].replace("Z", "+00:00")) if row else None

    def successor(self, screening_id: int) -> Screening | None:
        """The newest version that replaced this screening version, if any."""
        row = self._read.execute(
            "WITH RECURSIVE later(id) AS (SELECT id FROM screenings WHERE supersedes = ? "
            "UNION SELECT s.id FROM screenings s JOIN later ON s.supersedes = later.id) "
            "SELECT MAX(id) FROM later", (screening_id,)).fetchone()
        return self.load(row[0]) if row and row[0] is not None else None

    def documents(self, screening_id: int) -> list[SignedDocument]:
        """The signed worksheets of a screening version, oldest first."""
        rows = self._read.execute(
            "SELECT document_id, file_name, content_sha256, signer, role, meaning, signed_at, pdf FROM documents "
            "WHERE screening_id = ? ORDER BY id", (screening_id,),
        ).fetchall()
        return [SignedDocument(r[0], r[1], r[2], r[3], r[4], r[5], datetime.fromisoformat(r[6]), r[7]) for r in rows]

    def document_by_content(self, content_sha256: str) -> tuple[int, SignedDocument] | None:
        """The screening id and stored worksheet whose content has this hash."""
        row = self._read.execute(
            "SELECT screening_id, document_id, file_name, content_sha256, signer, role, meaning, signed_at, pdf "
            "FROM documents WHERE content_sha256 = ?", (content_sha256,),
        ).fetchone()
        if row is None:
            return None
        return row[0], SignedDocument(row[1], row[2], row[3], row[4], row[5], row[6], datetime.fromisoformat(row[7]), row[8])

    # -- site settings ---------------------------------------------------------------------------

    def site_setting(self, key: str, default: str = "") -> str:
        row = self._read.execute("SELECT value FROM site_settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_site_setting(self, key: str, value: str, *, actor: str, at: datetime) -> None:
        with self.database.write() as db:
            old = db.execute("SELECT value FROM site_settings WHERE key = ?", (key,)).fetchone()
            db.execute("INSERT OR REPLACE INTO site_settings VALUES (?, ?)", (key, value))
            audit_trail.append(db, at=at, actor=actor, action="site_setting", target=key,
                               old=old[0] if old else None, new=value)

    def record_action(self, action: str, *, actor: str, at: datetime, target: str | None = None) -> None:
        """A site-wide action with no record of its own to change (a backup): its audit entry."""
        with self.database.write() as db:
            audit_trail.append(db, at=at, actor=actor, action=action, target=target)

    # -- the delegation list ---------------------------------------------------------------------

    def delegation(self) -> list[Delegate]:
        """The people on the site's delegation list now, by name."""
        rows = self._read.execute("SELECT name, role, added_at FROM delegation WHERE active = 1 ORDER BY name")
        return [Delegate(name, role, datetime.fromisoformat(added)) for name, role, added in rows]

    def delegate(self, name: str, role: str, *, actor: str, at: datetime) -> None:
        """Add someone (or change their role); audited."""
        if role not in ROLES:
            raise StoreError("unknown_role", value=role, roles=list(ROLES))
        name = name.strip()
        if not name:
            raise StoreError("unknown_role", value=name, roles=list(ROLES))
        with self.database.write() as db:
            old = db.execute("SELECT role FROM delegation WHERE name = ? AND active = 1", (name,)).fetchone()
            db.execute("UPDATE delegation SET active = 0 WHERE name = ? AND active = 1", (name,))
            db.execute("INSERT INTO delegation (name, role, added_at, added_by) VALUES (?, ?, ?, ?)",
                       (name, role, _iso(at), actor))
            audit_trail.append(db, at=at, actor=actor, action="delegation", target=name,
                               old=old[0] if old else None, new=role)

    def undelegate(self, name: str, *, actor: str, at: datetime) -> None:
        with self.database.write() as db:
            old = db.execute("SELECT role FROM delegation WHERE name = ? AND active = 1", (name,)).fetchone()
            if old is None:
                raise StoreError("not_delegated", value=name)
            db.execute("UPDATE delegation SET active = 0 WHERE name = ? AND active = 1", (name,))
            audit_trail.append(db, at=at, actor=actor, action="delegation", target=name, old=old[0], new=None)


def _screening(row: tuple, answers: dict[str, Any], notes: dict[str, str]) -> Screening:
    (sid, protocol_id, protocol_version, site, number, version, supersedes, initials, born, sex, on, consent,
     consent_version, status, _failed, failure_reason, correction_reason, created_at, created_by, protocol_sha256,
     first_id, subject_id, rescreen_of, attempt, prescreen_id) = row
    return Screening(
        id=sid, protocol_id=protocol_id, protocol_version=protocol_version, protocol_sha256=protocol_sha256, site=site,
        subject=Subject(screening_number=number, initials=initials, date_of_birth=born, sex=sex, screening_date=on,
                        consent_date=consent, consent_version=consent_version),
        version=version, supersedes=supersedes, status=status, answers=answers, notes=notes,
        screen_failure_reason=failure_reason, correction_reason=correction_reason,
        created_at=created_at, created_by=created_by, first_id=first_id, subject_id=subject_id,
        rescreen_of=rescreen_of, attempt=attempt, prescreen_id=prescreen_id,
    )
