"""The audit trail: append-only, hash-chained, timestamped in UTC with the local offset.

In the spirit of 21 CFR 11.10(e) and ICH E6(R3) Annex 1 §4.2: who, when, what, the old
and the new value, and why. The database refuses UPDATE and DELETE on it (triggers);
an edit made around them with any SQLite editor breaks the hash chain, and `verify`
names the first entry that no longer fits.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from trialdesk.domain.screening import AuditEntry

GENESIS = "0" * 64
_COLUMNS = "seq, at_utc, utc_offset, actor, screening_id, action, target, old_value, new_value, reason, prev_hash, hash"


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _digest(prev_hash: str, fields: list[Any]) -> str:
    payload = json.dumps([prev_hash, *fields], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _offset(at: datetime) -> str:
    offset = at.utcoffset()
    if offset is None:
        raise ValueError("audit times must be timezone-aware")
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def append(
    db: sqlite3.Connection,
    *,
    at: datetime,
    actor: str,
    action: str,
    screening_id: int | None = None,
    target: str | None = None,
    old: Any = None,
    new: Any = None,
    reason: str | None = None,
) -> int:
    """Add one entry inside the caller's write transaction; returns its sequence number."""
    head = db.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    prev_seq, prev_hash = head if head else (0, GENESIS)
    seq = prev_seq + 1
    at_utc = at.astimezone(timezone.utc).isoformat(timespec="microseconds").replace("+00:00", "Z")
    fields = [seq, at_utc, _offset(at), actor, screening_id, action, target, _json(old), _json(new), reason]
    db.execute(
        f"INSERT INTO audit ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (*fields, prev_hash, _digest(prev_hash, fields)),
    )
    return seq


def history(db: sqlite3.Connection, screening_id: int | None = None, *, after: int = 0) -> list[AuditEntry]:
    """Entries in order, for one screening or for the whole database (those after seq `after`)."""
    from trialdesk.domain.screening import AuditEntry  # the pydantic models: off the start-up path

    where, args = ("WHERE seq > ?", [after])
    if screening_id is not None:
        where, args = where + " AND screening_id = ?", [after, screening_id]
    rows = db.execute(f"SELECT {_COLUMNS} FROM audit {where} ORDER BY seq", args).fetchall()
    return [
        AuditEntry(
            seq=r[0],
            at=datetime.fromisoformat(r[1].replace("Z", "+00:00")),
            utc_offset=r[2],
            actor=r[3],
            screening_id=r[4],
            action=r[5],
            target=r[6],
            old_value=None if r[7] is None else json.loads(r[7]),
            new_value=None if r[8] is None else json.loads(r[8]),
            reason=r[9],
        )
        for r in rows
    ]


@dataclass(frozen=True, slots=True)
class Verification:
    """The result of checking the chain: intact, or the first entry that is not."""

    entries: int
    broken_at: int | None = None
    problem: str | None = None

    @property
    def intact(self) -> bool:
        return self.broken_at is None


def verify(db: sqlite3.Connection) -> Verification:
    """Recompute the chain: detects an entry edited, inserted or deleted (including the last)."""
    expected_prev, expected_seq, count = GENESIS, 1, 0
    for row in db.execute(f"SELECT {_COLUMNS} FROM audit ORDER BY seq"):
        fields, prev_hash, stored = list(row[:10]), row[10], row[11]
        seq = fields[0]
        if seq != expected_seq:
            return Verification(count, expected_seq, f"entry {expected_seq} is missing (the next one is {seq})")
        if prev_hash != expected_prev:
            return Verification(count, seq, f"entry {seq} does not follow entry {seq - 1}: one was inserted or replaced")
        if _digest(prev_hash, fields) != stored:
            return Verification(count, seq, f"entry {seq} was changed after it was written")
        expected_prev, expected_seq, count = stored, seq + 1, count + 1
    # AUTOINCREMENT remembers the highest number ever given: a deleted last entry leaves a gap.
    high = db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'audit'").fetchone()
    if high and high[0] >= expected_seq:
        return Verification(count, expected_seq, f"entries {expected_seq} to {high[0]} were deleted")
    return Verification(count)
