"""Accounts, the delegation log, enrolled certificates and completions, as domain objects.

Each change is one write transaction with its audit entry. Nothing here decides who may do
what: `trialdesk.domain.people` does, and the site service asks it before calling in here.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from trialdesk.domain.log import ScreeningStatus
from trialdesk.domain.people import Account, AccountStatus, DelegationEntry, Role, Task
from trialdesk.persistence import audit_trail
from trialdesk.persistence.database import Database
from trialdesk.persistence.errors import StoreError

#: What changes a screening after its completion, and so undoes it.
UNDOES_COMPLETION = "('answer', 'source_note', 'screen_failure', 'correction')"
_ACCOUNT = "id, name, role, status, failed_signins, locked_until, must_change_password"
_ENTRY = ("d.id, d.account_id, a.name, d.tasks, d.starts, d.ends, d.recorded_by, d.recorded_at, d.instruction, "
          "d.ended_by, d.ended_at")
_CERTIFICATE = ("c.fingerprint, c.account_id, a.name, c.subject, c.not_after, c.source, c.enrolled_at, c.enrolled_by, "
                "c.revoked_at, c.revoked_by, c.revocation_reason")


@dataclass(frozen=True, slots=True)
class Certificate:
    """A signing certificate enrolled to one person."""

    fingerprint: str  # SHA-256 of the DER certificate, hex
    account_id: int
    person: str
    subject: str
    not_after: datetime
    source: str  # created | imported
    enrolled_at: datetime
    enrolled_by: str
    revoked_at: datetime | None = None
    revoked_by: str | None = None
    revocation_reason: str | None = None

    def usable(self, at: datetime) -> bool:
        return self.revoked_at is None and at <= self.not_after


@dataclass(frozen=True, slots=True)
class Completion:
    """The coordinator's "completed by" signature on a screening."""

    screening_id: int
    account_id: int
    name: str
    role: str
    meaning: str
    completed_at: datetime
    audit_seq: int


def _digest(password_hash: str) -> str:
    """What the audit trail keeps of a password hash: enough to see it replaced, nothing to attack."""
    return hashlib.sha256(password_hash.encode("ascii")).hexdigest()


def _when(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def _account(row: tuple) -> Account:
    return Account(id=row[0], name=row[1], role=Role(row[2]), status=AccountStatus(row[3]), failed_signins=row[4],
                   locked_until=_when(row[5]), must_change_password=bool(row[6]))


def _entry(row: tuple) -> DelegationEntry:
    return DelegationEntry(
        id=row[0], person_id=row[1], person=row[2], tasks=frozenset(Task(t) for t in row[3].split()),
        starts=date.fromisoformat(row[4]), ends=None if row[5] is None else date.fromisoformat(row[5]),
        recorded_by=row[6], recorded_at=datetime.fromisoformat(row[7]), instruction=row[8], ended_by=row[9],
        ended_at=_when(row[10]),
    )


def _certificate(row: tuple) -> Certificate:
    return Certificate(row[0], row[1], row[2], row[3], datetime.fromisoformat(row[4]), row[5],
                       datetime.fromisoformat(row[6]), row[7], _when(row[8]), row[9], row[10])


class PeopleStore:
    def __init__(self, database: Database) -> None:
        self.database = database

    @property
    def _read(self) -> sqlite3.Connection:
        return self.database.connection

    # -- accounts --------------------------------------------------------------------------------

    def accounts(self) -> list[Account]:
        return [_account(r) for r in self._read.execute(f"SELECT {_ACCOUNT} FROM accounts ORDER BY name")]

    def account(self, name: str) -> Account | None:
        row = self._read.execute(f"SELECT {_ACCOUNT} FROM accounts WHERE name = ?", (name,)).fetchone()
        return None if row is None else _account(row)

    def account_by_id(self, account_id: int) -> Account:
        row = self._read.execute(f"SELECT {_ACCOUNT} FROM accounts WHERE id = ?", (account_id,)).fetchone()
        if row is None:
            raise StoreError("no_account", value=account_id)
        return _account(row)

    def password_hash(self, account_id: int) -> str:
        return self._read.execute("SELECT password_hash FROM accounts WHERE id = ?", (account_id,)).fetchone()[0]

    def add_account(self, name: str, role: Role, password_hash: str, *, actor: str, at: datetime,
                    first: bool = False, same_as: Callable[[str], str] = str) -> Account:
        """A new account; `same_as` maps a name to the form in which two names count as the same person's."""
        with self.database.write() as db:
            if first and db.execute("SELECT COUNT(*) FROM accounts").fetchone()[0]:
                raise StoreError("site_initialised")
            taken = {same_as(n): n for (n,) in db.execute("SELECT name FROM accounts")}
            if same_as(name) in taken:
                raise StoreError("account_exists", value=taken[same_as(name)])
            db.execute("INSERT INTO accounts (name, role, password_hash, created_at, created_by, must_change_password) "
                       "VALUES (?, ?, ?, ?, ?, ?)", (name, role.value, password_hash, at.isoformat(), actor, int(not first)))
            audit_trail.append(db, at=at, actor=actor, action="account_added", target=name,
                               new={"role": role.value, "password": _digest(password_hash)})
        return self.account(name)

    def set_status(self, account: Account, status: AccountStatus, *, actor: str, at: datetime) -> None:
        with self.database.write() as db:
            db.execute("UPDATE accounts SET status = ?, failed_signins = 0, locked_until = NULL WHERE id = ?",
                       (status.value, account.id))
            audit_trail.append(db, at=at, actor=actor, action="account_status", target=account.name,
                               old=account.status.value, new=status.value)

    def set_password_hash(self, account: Account, password_hash: str, *, actor: str, at: datetime,
                          rehash: bool = False) -> None:
        """A new password (audited, never its value); `rehash` is the same password with today's parameters."""
        with self.database.write() as db:
            db.execute("UPDATE accounts SET password_hash = ?, must_change_password = 0 WHERE id = ?",
                       (password_hash, account.id))
            audit_trail.append(db, at=at, actor=actor, action="password_rehashed" if rehash else "password_changed",
                               target=account.name, new={"password": _digest(password_hash)})

    def record_failure(self, account: Account, *, at: datetime, purpose: str, lock_after: int,
                       lock_for: timedelta) -> datetime | None:
        """A wrong password, counted in the database itself (attempts in parallel all count); returns the
        end of the lock it causes, if it causes one."""
        with self.database.write() as db:
            failures = db.execute("UPDATE accounts SET failed_signins = failed_signins + 1 WHERE id = ? "
                                  "RETURNING failed_signins", (account.id,)).fetchone()[0]
            audit_trail.append(db, at=at, actor=account.name, action="sign_in_failed", target=purpose, new=failures)
            if failures < lock_after:
                return None
            until = at + lock_for
            db.execute("UPDATE accounts SET failed_signins = 0, locked_until = ? WHERE id = ?",
                       (until.isoformat(), account.id))
            audit_trail.append(db, at=at, actor=account.name, action="account_locked", target=account.name,
                               new=until.isoformat())
            return until

    def record_success(self, account: Account, *, at: datetime, purpose: str) -> bool:
        """A right password: False if the account was locked meanwhile (by attempts in parallel)."""
        with self.database.write() as db:
            locked = db.execute("SELECT locked_until FROM accounts WHERE id = ?", (account.id,)).fetchone()[0]
            if locked is not None and at < datetime.fromisoformat(locked):
                audit_trail.append(db, at=at, actor=account.name, action="sign_in_refused", target="locked")
                return False
            db.execute("UPDATE accounts SET failed_signins = 0, locked_until = NULL WHERE id = ?", (account.id,))
            audit_trail.append(db, at=at, actor=account.name, action="sign_in", target=purpose)
            return True

    def record_refused_sign_in(self, account: Account, *, at: datetime, why: str) -> None:
        """A sign-in refused before the password was checked (a locked or disabled account)."""
        with self.database.write() as db:
            audit_trail.append(db, at=at, actor=account.name, action="sign_in_refused", target=why)

    def record_refusal(self, account: Account, action: str, *, at: datetime, code: str,
                       screening_id: int | None = None, target: str | None = None) -> None:
        """A refused signature (expired or foreign certificate, no delegation…): the attempt is evidence too."""
        with self.database.write() as db:
            audit_trail.append(db, at=at, actor=account.name, action=action, screening_id=screening_id,
                               target=target, new=code)

    def record_unknown_sign_in(self, *, at: datetime) -> None:
        with self.database.write() as db:
            audit_trail.append(db, at=at, actor="(no such account)", action="sign_in_failed", target="sign_in")

    # -- the delegation log ----------------------------------------------------------------------

    def delegation_log(self) -> list[DelegationEntry]:
        rows = self._read.execute(
            f"SELECT {_ENTRY} FROM delegation_log d JOIN accounts a ON a.id = d.account_id ORDER BY d.starts, d.id")
        return [_entry(r) for r in rows]

    def add_delegation(self, person: Account, tasks: frozenset[Task], starts: date, ends: date | None, *,
                       actor: str, at: datetime, instruction: str | None) -> DelegationEntry:
        text = " ".join(sorted(t.value for t in tasks))
        with self.database.write() as db:
            cursor = db.execute(
                "INSERT INTO delegation_log (account_id, tasks, starts, ends, recorded_by, recorded_at, instruction) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (person.id, text, starts.isoformat(), None if ends is None else ends.isoformat(), actor,
                 at.isoformat(), instruction),
            )
            audit_trail.append(db, at=at, actor=actor, action="delegation_added", target=person.name,
                               new={"tasks": text, "from": starts.isoformat(), "to": ends and ends.isoformat(),
                                    "entry": cursor.lastrowid}, reason=instruction)
        return next(e for e in self.delegation_log() if e.id == cursor.lastrowid)

    def end_delegations(self, entries: list[DelegationEntry], ends: date, *, actor: str, at: datetime,
                        instruction: str | None) -> None:
        """End these entries on `ends`, all in one transaction."""
        with self.database.write() as db:
            for entry in entries:
                db.execute("UPDATE delegation_log SET ends = ?, ended_by = ?, ended_at = ? WHERE id = ?",
                           (ends.isoformat(), actor, at.isoformat(), entry.id))
                audit_trail.append(db, at=at, actor=actor, action="delegation_ended", target=entry.person,
                                   old=entry.ends and entry.ends.isoformat(),
                                   new={"to": ends.isoformat(), "entry": entry.id}, reason=instruction)

    def last_signature_day(self, name: str) -> date | None:
        """The local date of the last worksheet this person signed, if any."""
        row = self._read.execute("SELECT MAX(signed_at) FROM documents WHERE signer = ?", (name,)).fetchone()
        return datetime.fromisoformat(row[0]).date() if row and row[0] else None

    def legacy_delegation(self) -> list[tuple[str, str, str, str, bool]]:
        """The name-only list kept before named users: (name, role, added at, added by, still listed)."""
        return list(self._read.execute(
            "SELECT name, role, added_at, added_by, active FROM delegation ORDER BY added_at, id"))

    # -- certificates ----------------------------------------------------------------------------

    def certificates(self, account_id: int | None = None) -> list[Certificate]:
        where, args = ("WHERE c.account_id = ?", (account_id,)) if account_id is not None else ("", ())
        rows = self._read.execute(
            f"SELECT {_CERTIFICATE} FROM certificates c JOIN accounts a ON a.id = c.account_id {where} "
            "ORDER BY c.enrolled_at", args)
        return [_certificate(r) for r in rows]

    def certificate(self, fingerprint: str) -> Certificate | None:
        row = self._read.execute(
            f"SELECT {_CERTIFICATE} FROM certificates c JOIN accounts a ON a.id = c.account_id "
            "WHERE c.fingerprint = ?", (fingerprint,)).fetchone()
        return None if row is None else _certificate(row)

    def enrol(self, person: Account, fingerprint: str, subject: str, not_after: datetime, source: str, *,
              at: datetime) -> Certificate:
        with self.database.write() as db:
            owner = db.execute("SELECT a.name FROM certificates c JOIN accounts a ON a.id = c.account_id "
                               "WHERE c.fingerprint = ?", (fingerprint,)).fetchone()
            if owner is not None:
                raise StoreError("certificate_enrolled", value=owner[0])
            db.execute("INSERT INTO certificates (fingerprint, account_id, subject, not_after, source, enrolled_at, "
                       "enrolled_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       (fingerprint, person.id, subject, not_after.isoformat(), source, at.isoformat(), person.name))
            audit_trail.append(db, at=at, actor=person.name, action="certificate_enrolled", target=fingerprint,
                               new={"subject": subject, "not_after": not_after.isoformat(), "source": source})
        return self.certificate(fingerprint)

    def revoke(self, certificate: Certificate, *, actor: str, at: datetime, reason: str) -> None:
        with self.database.write() as db:
            db.execute("UPDATE certificates SET revoked_at = ?, revoked_by = ?, revocation_reason = ? "
                       "WHERE fingerprint = ?", (at.isoformat(), actor, reason, certificate.fingerprint))
            audit_trail.append(db, at=at, actor=actor, action="certificate_revoked", target=certificate.fingerprint,
                               old=certificate.person, reason=reason)

    # -- completions -----------------------------------------------------------------------------

    def complete(self, screening_id: int, person: Account, meaning: str, *, at: datetime,
                 seen_seq: int | None = None) -> Completion:
        """The completion mark; with `seen_seq`, refused if the screening changed after that entry."""
        from trialdesk.persistence.screening_store import changed_underneath

        with self.database.write() as db:
            status = db.execute("SELECT status FROM screenings WHERE id = ?", (screening_id,)).fetchone()
            if status is None:
                raise StoreError("no_screening", value=screening_id)
            if ScreeningStatus(status[0]).locked:
                raise StoreError("locked", status=status[0])
            changed_underneath(db, screening_id, seen_seq)
            seq = audit_trail.append(db, at=at, actor=person.name, action="completed", screening_id=screening_id,
                                     new={"name": person.name, "role": person.role.value}, reason=meaning)
            db.execute("INSERT INTO completions (screening_id, account_id, name, role, meaning, completed_at, "
                       "audit_seq) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       (screening_id, person.id, person.name, person.role.value, meaning, at.isoformat(), seq))
        return self.completion(screening_id)

    def completion(self, screening_id: int) -> Completion | None:
        """The latest completion, if nothing about the screening changed after it."""
        row = self._read.execute(
            "SELECT screening_id, account_id, name, role, meaning, completed_at, audit_seq FROM completions "
            "WHERE screening_id = ? ORDER BY id DESC LIMIT 1", (screening_id,)).fetchone()
        if row is None:
            return None
        changed = self._read.execute(
            f"SELECT 1 FROM audit WHERE screening_id = ? AND seq > ? AND action IN {UNDOES_COMPLETION} LIMIT 1",
            (screening_id, row[6])).fetchone()
        if changed:
            return None
        return Completion(row[0], row[1], row[2], row[3], row[4], datetime.fromisoformat(row[5]), row[6])

    def named_users_since(self) -> int:
        """The last audit entry recorded before named users (0 for a site that always had them)."""
        row = self._read.execute("SELECT value FROM site_settings WHERE key = 'named_users_since_seq'").fetchone()
        return int(row[0]) if row else 0
