"""The audit trail refuses changes, and any edit made around that refusal is found."""

from __future__ import annotations

import sqlite3

import pytest

from trialdesk.persistence import audit_trail


def _fill(store, clock, n=5):
    with store.database.write() as db:
        for i in range(n):
            audit_trail.append(db, at=clock(), actor="coordinator", action="answer", screening_id=1, target="esr",
                               old=i, new=i + 1, reason=None if i == 0 else "lab corrected")


def test_entries_keep_utc_and_the_local_offset(store, clock):
    _fill(store, clock, 1)
    (entry,) = audit_trail.history(store.database.connection)
    assert entry.utc_offset == "+08:00"
    assert entry.at.utcoffset().total_seconds() == 0 and entry.at.hour == 1  # 09:00:01 in Beijing
    assert (entry.old_value, entry.new_value) == (0, 1)


def test_the_database_refuses_update_and_delete(store, clock):
    _fill(store, clock)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.database.connection.execute("UPDATE audit SET actor = 'someone else' WHERE seq = 2")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.database.connection.execute("DELETE FROM audit WHERE seq = 2")


def tamper(store, sql: str, *args) -> None:
    """What someone with an SQLite editor could do: drop the guards, then edit."""
    db = store.database.connection
    db.execute("DROP TRIGGER audit_is_append_only_update")
    db.execute("DROP TRIGGER audit_is_append_only_delete")
    db.execute(sql, args)


def test_an_intact_trail_verifies(store, clock):
    _fill(store, clock)
    result = audit_trail.verify(store.database.connection)
    assert result.intact and result.entries == 5


@pytest.mark.parametrize(
    ("sql", "args", "broken_at", "words"),
    [
        ("UPDATE audit SET new_value = '99' WHERE seq = 3", (), 3, "changed"),
        ("DELETE FROM audit WHERE seq = 2", (), 2, "missing"),
        ("DELETE FROM audit WHERE seq = 5", (), 5, "deleted"),
        ("UPDATE audit SET reason = NULL WHERE seq = 4", (), 4, "changed"),
    ],
)
def test_edits_and_deletions_are_found_naming_the_first_broken_entry(store, clock, sql, args, broken_at, words):
    _fill(store, clock)
    tamper(store, sql, *args)
    result = audit_trail.verify(store.database.connection)
    assert (result.intact, result.broken_at) == (False, broken_at)
    assert words in result.problem


def test_an_inserted_entry_is_found(store, clock):
    _fill(store, clock)
    db = store.database.connection
    row = db.execute("SELECT * FROM audit WHERE seq = 3").fetchone()
    tamper(store, "DELETE FROM audit WHERE seq >= 3")
    forged = list(row)
    forged[5] = "forged"
    db.execute("INSERT INTO audit VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", forged)
    result = audit_trail.verify(db)
    assert (result.intact, result.broken_at) == (False, 3)


def test_a_rehashed_forgery_is_still_found_when_the_chain_continues(store, clock):
    _fill(store, clock)
    db = store.database.connection
    seq, at, offset, actor, sid, action, target, old, new, reason, prev, _ = db.execute(
        "SELECT * FROM audit WHERE seq = 2").fetchone()
    fields = [seq, at, offset, "impostor", sid, action, target, old, new, reason]
    tamper(store, "UPDATE audit SET actor = 'impostor', hash = ? WHERE seq = 2", audit_trail._digest(prev, fields))
    result = audit_trail.verify(db)
    assert (result.intact, result.broken_at) == (False, 3)  # entry 3 no longer follows entry 2
