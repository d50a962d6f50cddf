"""Is the database what its audit trail says it is? Replay, schema, and anchors outside the database.

The hash chain alone only shows that the trail was not edited by someone who did not recompute
the hashes. Three more checks make the records hold against the file's owner:

- replay: the trail is replayed from its first entry, and every stored answer, note, status,
  signed document and completion must be exactly what it says (the first disagreement named);
- schema: the tables and the triggers that protect them must be the ones the migrations made;
- anchors: each signed worksheet carries the trail's head at its signing; the entry with that
  number must still have that hash, so truncating or rewriting anything before the latest
  signature shows, even after every hash was recomputed.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from trialdesk.persistence.migrations import MIGRATIONS

LOCKED_BY = {"superseded": "superseded", "signed": "signed", "screen_failure": "screen_failure"}
SUBJECT_FACTS = ("date_of_birth", "sex", "consent_date")


@dataclass
class _Screening:
    answers: dict[str, Any] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    subject: dict[str, Any] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    entered: dict[str, tuple[str, str]] = field(default_factory=dict)  # fact: (who, UTC time) of its last entry
    documents: list[tuple[str, str | None]] = field(default_factory=list)  # (content SHA-256, PDF SHA-256)
    protocol_sha256: str | None = None  # of the protocol file it was made under


def _load(text: str | None) -> Any:
    return None if text is None else json.loads(text)


def replay(db: sqlite3.Connection) -> dict[int, _Screening]:
    """Every screening as the audit trail says it should be now."""
    state: dict[int, _Screening] = {}
    rows = db.execute("SELECT seq, screening_id, action, target, new_value, actor, at_utc FROM audit ORDER BY seq")
    for _seq, sid, action, target, new_text, actor, at_utc in rows:
        new = _load(new_text)
        if action in ("create", "correction") and sid is not None and isinstance(new, dict):
            screening = state[sid] = _Screening(answers=dict(new.get("answers") or {}),
                                                subject=dict(new.get("subject") or {}),
                                                protocol_sha256=new.get("protocol_sha256"))
            screening.entered = {fact: (actor, at_utc) for fact in screening.answers}
            if action == "correction":
                previous = state.get(int(target)) if str(target).isdigit() else None
                screening.notes = dict(new["notes"]) if "notes" in new else dict(previous.notes if previous else {})
                if previous is not None:  # the answers carry over with who entered them and when
                    screening.entered = {f: previous.entered.get(f, (actor, at_utc)) for f in screening.answers}
        elif sid not in state:
            continue
        elif action == "answer":
            if new is None:
                state[sid].answers.pop(target, None)
            else:
                state[sid].answers[target] = new
                state[sid].entered[target] = (actor, at_utc)
                if target in SUBJECT_FACTS:
                    state[sid].subject[target] = new
        elif action == "protocol_sha256":  # recorded for a screening made before the hash was stored
            state[sid].protocol_sha256 = new
        elif action == "source_note":
            if new is None:
                state[sid].notes.pop(target, None)
            else:
                state[sid].notes[target] = new
        elif action in LOCKED_BY:
            state[sid].flags.add(action)
            if action == "signed" and isinstance(new, dict):
                state[sid].documents.append((new.get("content_sha256"), new.get("pdf_sha256")))
    return state


def replay_problems(db: sqlite3.Connection,
                    expected_status: Callable[[int, dict[str, Any]], str | None] | None = None) -> list[str]:
    """Where the stored records disagree with the replayed trail, in the order found."""
    state = replay(db)
    problems: list[str] = []
    stored_ids = {sid for (sid,) in db.execute("SELECT id FROM screenings")}
    for sid in sorted(set(state) - stored_ids):
        problems.append(f"screening {sid} is in the audit trail but was deleted from the records")
    for sid, number, status, born, sex, consent, protocol_sha256 in db.execute(
            "SELECT id, screening_number, status, date_of_birth, sex, consent_date, protocol_sha256 FROM screenings "
            "ORDER BY id"):
        where = f"screening {number} (id {sid})"
        replayed = state.get(sid)
        if replayed is None:
            problems.append(f"{where} has no creation entry in the audit trail")
            continue
        answers = {f: json.loads(v) for f, v in db.execute(
            "SELECT fact_id, value FROM answers WHERE screening_id = ?", (sid,))}
        for fact in sorted(set(answers) | set(replayed.answers)):
            if answers.get(fact) != replayed.answers.get(fact):
                problems.append(f"{where}: the stored answer {fact} is {_show(answers.get(fact))}, the audit trail "
                                f"says {_show(replayed.answers.get(fact))}")
        for fact, who, when in db.execute(
                "SELECT fact_id, entered_by, entered_at FROM answers WHERE screening_id = ?", (sid,)):
            said = replayed.entered.get(fact)
            if said is not None and (who != said[0] or not _same_moment(when, said[1])):
                problems.append(f"{where}: the answer {fact} is recorded as entered by {who} at {when}, the audit "
                                f"trail says {said[0]} at {said[1]}")
        notes = dict(db.execute("SELECT criterion_id, note FROM notes WHERE screening_id = ?", (sid,)))
        for criterion in sorted(set(notes) | set(replayed.notes)):
            if notes.get(criterion) != replayed.notes.get(criterion):
                problems.append(f"{where}: the source note of {criterion} differs from the audit trail")
        for column, value in (("date_of_birth", born), ("sex", sex), ("consent_date", consent)):
            if column in replayed.subject and str(replayed.subject[column]) != value:
                problems.append(f"{where}: the stored {column} {value} is not the audit trail's "
                                f"{replayed.subject[column]}")
        if protocol_sha256 != replayed.protocol_sha256:
            problems.append(f"{where}: the stored protocol file SHA-256 {protocol_sha256 or 'not recorded'} is not "
                            f"the audit trail's {replayed.protocol_sha256 or 'not recorded'}")
        problems += _status_problems(where, sid, status, replayed, answers, expected_status)
        problems += _document_problems(db, where, sid, replayed)
    problems += _completion_problems(db)
    return problems


def _same_moment(local_iso: str, utc_iso: str) -> bool:
    from datetime import datetime

    try:
        return abs((datetime.fromisoformat(local_iso) - datetime.fromisoformat(utc_iso.replace("Z", "+00:00")))
                   .total_seconds()) < 1
    except ValueError:
        return False


def _show(value: Any) -> str:
    return "not entered" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def _status_problems(where: str, sid: int, status: str, replayed: _Screening, answers: dict[str, Any],
                     expected_status: Callable[[int, dict[str, Any]], str | None] | None) -> list[str]:
    for flag in ("superseded", "signed", "screen_failure"):
        if flag in replayed.flags:
            return [] if status == LOCKED_BY[flag] else [
                f"{where}: stored as {status}, the audit trail says {LOCKED_BY[flag]}"]
    if status in LOCKED_BY.values():
        return [f"{where}: stored as {status}, but the audit trail never recorded that"]
    expected = expected_status(sid, answers) if expected_status else None
    if expected is not None and expected != status:
        return [f"{where}: stored as {status}, but its answers evaluate to {expected}"]
    return []


def _document_problems(db: sqlite3.Connection, where: str, sid: int, replayed: _Screening) -> list[str]:
    problems = []
    stored = db.execute("SELECT content_sha256, pdf_sha256, pdf FROM documents WHERE screening_id = ? ORDER BY id",
                        (sid,)).fetchall()
    recorded = list(replayed.documents)
    for content_sha, pdf_sha, pdf in stored:
        actual = hashlib.sha256(pdf).hexdigest()
        if actual != pdf_sha:
            problems.append(f"{where}: the stored signed PDF was replaced (its SHA-256 is not the one kept with it)")
        match = next((r for r in recorded if r[0] == content_sha), None)
        if match is None:
            problems.append(f"{where}: a signed worksheet is stored that the audit trail never recorded")
            continue
        recorded.remove(match)
        if match[1] is not None and match[1] != actual:
            problems.append(f"{where}: the stored signed PDF is not the one the audit trail recorded at signing")
    for _content_sha, _pdf_sha in recorded:
        problems.append(f"{where}: the audit trail records a signed worksheet the records no longer hold")
    return problems


def _completion_problems(db: sqlite3.Connection) -> list[str]:
    entries = {seq: (sid, actor) for seq, sid, actor in db.execute(
        "SELECT seq, screening_id, actor FROM audit WHERE action = 'completed'")}
    problems = []
    for sid, name, seq in db.execute("SELECT screening_id, name, audit_seq FROM completions ORDER BY id"):
        if entries.get(seq) != (sid, name):
            problems.append(f"screening id {sid}: a completion by {name} is stored that the audit trail does not hold")
    return problems


def number_problems(db: sqlite3.Connection) -> list[str]:
    """Screening numbers that name more than one screening of a protocol at a site: held in a database
    from before numbers were unique (schema 6 marks each later one), or written in by hand."""
    problems = []
    for protocol, site, number, ids in db.execute(
            "SELECT protocol_id, site, screening_number, group_concat(id, ', ') FROM "
            "(SELECT protocol_id, site, screening_number, id FROM screenings WHERE supersedes IS NULL ORDER BY id) "
            "GROUP BY protocol_id, site, screening_number HAVING count(*) > 1 ORDER BY min(id)"):
        problems.append(f"screening number {number} names several screenings of protocol {protocol} at site "
                        f"{site or '(no site number)'} (ids {ids}): each is kept; refer to them by id (#id)")
    return problems


# -- the schema --------------------------------------------------------------------------------


def _schema(db: sqlite3.Connection) -> dict[tuple[str, str], str]:
    rows = db.execute("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND sql IS NOT NULL")
    return {(kind, name): " ".join(sql.split()) for kind, name, sql in rows}


def expected_schema() -> dict[tuple[str, str], str]:
    from trialdesk.persistence.database import _statements

    memory = sqlite3.connect(":memory:")
    try:
        for script in MIGRATIONS:
            for statement in _statements(script):
                memory.execute(statement)
        return _schema(memory)
    finally:
        memory.close()


def schema_problems(db: sqlite3.Connection) -> list[str]:
    """Tables, indexes and protective triggers that are missing, changed or were added."""
    expected, actual = expected_schema(), _schema(db)
    problems = []
    for (kind, name), sql in sorted(expected.items()):
        if (kind, name) not in actual:
            problems.append(f"the {kind} {name} was dropped" + (": the records it protected can be rewritten"
                                                                 if kind == "trigger" else ""))
        elif actual[(kind, name)] != sql:
            problems.append(f"the {kind} {name} was changed")
    for kind, name in sorted(set(actual) - set(expected)):
        problems.append(f"an unexpected {kind} {name} was added")
    return problems


# -- anchors outside the database --------------------------------------------------------------


@dataclass(frozen=True)
class Anchor:
    """A point of the trail recorded outside the database: a worksheet's head at signing, or one read from paper."""

    where: str  # the worksheet file, or "the head given"
    seq: int | None
    hash: str


def anchor_problems(db: sqlite3.Connection, anchors: Iterable[Anchor]) -> list[str]:
    problems = []
    for anchor in anchors:
        if anchor.seq is None:
            found = db.execute("SELECT seq FROM audit WHERE hash LIKE ? || '%'", (anchor.hash.lower(),)).fetchone()
            if found is None:
                problems.append(f"{anchor.where}: no entry of the audit trail has the hash {anchor.hash}: "
                                "the trail was rewritten or cut")
            continue
        row = db.execute("SELECT hash FROM audit WHERE seq = ?", (anchor.seq,)).fetchone()
        if row is None:
            problems.append(f"{anchor.where}: the audit trail no longer has entry {anchor.seq}, which this worksheet "
                            "recorded at its signing: the trail was cut")
        elif row[0] != anchor.hash:
            problems.append(f"{anchor.where}: entry {anchor.seq} of the audit trail is not the one this worksheet "
                            "recorded at its signing: the trail was rewritten")
    return problems


# -- people: accounts, the delegation log, certificates ------------------------------------------


def people_problems(db: sqlite3.Connection) -> list[str]:
    """Accounts, delegation entries and certificates as the trail says they should be: a password
    hash copied from another account, a delegation written in, a certificate enrolled by editing
    the file, each shows."""
    accounts: dict[str, dict[str, Any]] = {}
    entries: dict[int, dict[str, Any]] = {}
    certificates: dict[str, dict[str, Any]] = {}
    rows = db.execute("SELECT actor, action, target, new_value FROM audit WHERE action IN ('account_added', "
                      "'account_status', 'password_changed', 'password_rehashed', 'delegation_added', "
                      "'delegation_ended', 'certificate_enrolled', 'certificate_revoked') ORDER BY seq")
    for actor, action, target, new_text in rows:
        new = _load(new_text)
        if action == "account_added":
            role = new.get("role") if isinstance(new, dict) else new
            password = new.get("password") if isinstance(new, dict) else None
            accounts[target] = {"role": role, "status": "active", "password": password}
        elif action == "account_status" and target in accounts:
            accounts[target]["status"] = new
        elif action in ("password_changed", "password_rehashed") and target in accounts and isinstance(new, dict):
            accounts[target]["password"] = new.get("password")
        elif action == "delegation_added" and isinstance(new, dict):
            entries[new.get("entry")] = {"person": target, "tasks": new.get("tasks"), "starts": new.get("from"),
                                         "ends": new.get("to"), "by": actor}
        elif action == "delegation_ended" and isinstance(new, dict) and new.get("entry") in entries:
            entries[new["entry"]]["ends"] = new.get("to")
        elif action == "certificate_enrolled":
            certificates[target] = {"person": actor, "revoked": False}
        elif action == "certificate_revoked" and target in certificates:
            certificates[target]["revoked"] = True
    return (_account_problems(db, accounts) + _delegation_problems(db, entries)
            + _certificate_problems(db, certificates))


def _account_problems(db: sqlite3.Connection, recorded: dict[str, dict[str, Any]]) -> list[str]:
    problems = []
    for name, role, status, password_hash in db.execute("SELECT name, role, status, password_hash FROM accounts"):
        said = recorded.pop(name, None)
        if said is None:
            problems.append(f"the account {name} is in the records but the audit trail never added it")
            continue
        if said["role"] != role:
            problems.append(f"the account {name} is a {role} in the records, a {said['role']} in the audit trail")
        if said["status"] != status:
            problems.append(f"the account {name} is {status} in the records, {said['status']} in the audit trail")
        if said["password"] and hashlib.sha256(password_hash.encode("ascii")).hexdigest() != said["password"]:
            problems.append(f"the password of {name} was replaced outside trialdesk (no audit entry gives it)")
    problems += [f"the account {name} was deleted from the records" for name in recorded]
    return problems


def _delegation_problems(db: sqlite3.Connection, recorded: dict[int, dict[str, Any]]) -> list[str]:
    problems = []
    for entry_id, person, tasks, starts, ends, by in db.execute(
            "SELECT d.id, a.name, d.tasks, d.starts, d.ends, d.recorded_by FROM delegation_log d "
            "JOIN accounts a ON a.id = d.account_id"):
        said = recorded.pop(entry_id, None)
        stored = {"person": person, "tasks": tasks, "starts": starts, "ends": ends, "by": by}
        if said is None:
            problems.append(f"a delegation entry of {person} ({tasks} from {starts}) was written into the records, "
                            "not recorded in the audit trail")
        elif said != stored:
            problems.append(f"the delegation entry {entry_id} of {person} differs from the audit trail")
    problems += [f"the delegation entry {entry_id} of {said['person']} was removed from the records"
                 for entry_id, said in recorded.items()]
    return problems


def _certificate_problems(db: sqlite3.Connection, recorded: dict[str, dict[str, Any]]) -> list[str]:
    problems = []
    for fingerprint, person, revoked in db.execute(
            "SELECT c.fingerprint, a.name, c.revoked_at FROM certificates c JOIN accounts a ON a.id = c.account_id"):
        said = recorded.pop(fingerprint, None)
        if said is None:
            problems.append(f"a certificate of {person} ({fingerprint[:16]}…) was enrolled outside trialdesk")
        elif said["person"] != person or said["revoked"] != (revoked is not None):
            problems.append(f"the certificate {fingerprint[:16]}… differs from the audit trail (owner or revocation)")
    problems += [f"the certificate {fp[:16]}… was removed from the records" for fp in recorded]
    return problems


# -- the pipeline: attempts, enrolment outcomes, pre-screenings ----------------------------------


def pipeline_problems(db: sqlite3.Connection) -> list[str]:
    """Re-screening links, enrolment outcomes and pre-screenings as the trail says they should be: an
    outcome, a randomisation number, who recorded it, a link or a subject written into the file with an
    SQLite editor shows."""
    problems: list[str] = []
    created = {sid: _load(new) for sid, new in db.execute(
        "SELECT screening_id, new_value FROM audit WHERE action IN ('create', 'correction')")}
    first_of: dict[int, int] = {}  # every screening's first version and subject, worked out as the trigger does
    subject_of: dict[int, int] = {}
    for sid, number, rescreen_of, attempt, prescreen_id, supersedes, first_id, subject_id in db.execute(
            "SELECT id, screening_number, rescreen_of, attempt, prescreen_id, supersedes, first_id, subject_id "
            "FROM screenings ORDER BY id"):
        first_of[sid] = first_of.get(supersedes, sid) if supersedes is not None else sid
        subject_of[sid] = (subject_of.get(supersedes) if supersedes is not None else
                           subject_of.get(rescreen_of, sid) if rescreen_of is not None else sid)
        where = f"screening {number} (id {sid})"
        if (first_id, subject_id) != (first_of[sid], subject_of[sid]):
            problems.append(f"{where}: its first version or subject was changed in the file (the screenings it "
                            "follows say otherwise)")
        said = created.get(sid)
        if not isinstance(said, dict):
            continue
        if (said.get("rescreen_of"), said.get("attempt", 1), said.get("prescreen")) != (rescreen_of, attempt, prescreen_id):
            problems.append(f"{where}: its re-screening link (attempt {attempt}, of {rescreen_of or 'none'}) or "
                            "pre-screening is not the one the audit trail recorded")
    recorded = {seq: (sid, _load(new), actor, at) for seq, sid, new, actor, at in db.execute(
        "SELECT seq, screening_id, new_value, actor, at_utc FROM audit WHERE action = 'enrolment'")}
    previous: dict[int, tuple[int, int]] = {}  # first version -> (the id and audit entry of its newest outcome)
    for eid, first_id, outcome, on, number, reason, text, seq, replaces, by, at in db.execute(
            "SELECT id, first_id, outcome, on_date, number, reason, reason_text, audit_seq, replaces, recorded_by, "
            "recorded_at FROM enrolments ORDER BY id"):
        where = f"the enrolment outcome of screening id {first_id} ({outcome} {number or reason or ''})"
        stored = {k: v for k, v in (("outcome", outcome), ("on", on), ("number", number), ("reason", reason),
                                    ("text", text)) if v is not None}
        sid, said, actor, at_utc = recorded.pop(seq, (None, None, None, None))
        if said != stored:
            problems.append(f"{where} is not the one the audit trail recorded")
        elif first_of.get(sid) != first_id:
            problems.append(f"{where} was moved from another screening (the audit trail recorded it for screening "
                            f"id {sid})")
        elif actor != by or not _same_moment(at, at_utc):
            problems.append(f"{where} is recorded as by {by} at {at}; the audit trail says {actor} at {at_utc}")
        before = previous.get(first_id)
        if replaces != (before[0] if before else None) or (before and seq <= before[1]):
            problems.append(f"{where}: the order of its outcomes was changed in the file (an older outcome made "
                            "current)")
        previous[first_id] = (eid, seq)
    problems += [f"the audit trail records an enrolment outcome of screening id {sid} that the records no longer hold"
                 for sid, *_ in recorded.values()]
    said_prescreen = {}
    for action, target, new, actor, at in db.execute(
            "SELECT action, target, new_value, actor, at_utc FROM audit "
            "WHERE action IN ('prescreened', 'prescreen_outcome') ORDER BY seq"):
        value = _load(new) or {}
        if action == "prescreened":
            said_prescreen[target] = ({**value, "outcome": None, "outcome_text": None}, actor, at)
        elif target in said_prescreen:
            said_prescreen[target][0].update(outcome=value.get("outcome"), outcome_text=value.get("text"))
    for pid, protocol, site, candidate, on, result, detail, outcome, outcome_text, by, at in db.execute(
            "SELECT id, protocol_id, site, candidate, on_date, result, detail, outcome, outcome_text, recorded_by, "
            "recorded_at FROM prescreenings"):
        said, actor, at_utc = said_prescreen.pop(str(pid), (None, None, None))
        stored = {"protocol": protocol, "site": site, "candidate": candidate, "on": on, "result": result,
                  "detail": detail, "outcome": outcome, "outcome_text": outcome_text}
        if said != stored or actor != by or not _same_moment(at, at_utc or ""):
            problems.append(f"the pre-screening of candidate {candidate} (id {pid}) is not the one the audit trail "
                            "recorded")
    problems += [f"the audit trail records a pre-screening (id {pid}) that the records no longer hold"
                 for pid in said_prescreen]
    return problems
