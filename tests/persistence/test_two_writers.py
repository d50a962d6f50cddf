"""Two processes changing one screening at once: every audit entry's old value is the value it
replaced, and the stored status is what the stored facts give."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from trialdesk.domain.evaluation import evaluate
from trialdesk.domain.screening import status_from_report
from trialdesk.persistence import audit_trail
from trialdesk.persistence.database import Database
from trialdesk.persistence.protocol_files import find_protocol
from trialdesk.persistence.screening_store import ScreeningStore
from trialdesk.session import parse_stored, start_screening

WRITER = Path(__file__).with_name("two_writers.py")
CHANGES_EACH = 2500
SUBJECT = {"screening_number": "W-001", "initials": "WT", "date_of_birth": "1970-01-01", "sex": "female",
           "screening_date": "2026-11-20", "consent_date": "2026-11-19", "consent_version": "1"}


def test_two_writers_on_one_screening_keep_a_true_history(tmp_path, clock):
    path = tmp_path / "site.sqlite3"
    protocol = find_protocol("NCT03798028")
    with Database(path) as database:
        first = start_screening(ScreeningStore(database), protocol, SUBJECT, site="01", actor="setup", clock=clock)
        screening_id = first.screening.id
    writers = [
        subprocess.Popen([sys.executable, str(WRITER), str(path), str(screening_id), actor, str(seed), str(CHANGES_EACH)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for actor, seed in (("Chen Hua", 1), ("Li Na", 2))
    ]
    outputs = [w.communicate(timeout=600) for w in writers]
    for writer, (out, err) in zip(writers, outputs):
        assert writer.returncode == 0, err
        assert out.splitlines()[-1].startswith(f"done {CHANGES_EACH} ")
    refused = sum(int(out.split()[-1]) for out, _ in outputs)

    with Database(path) as database:
        store = ScreeningStore(database)
        entries = audit_trail.history(database.connection, screening_id)
        current: dict = dict(entries[0].new_value["answers"])  # the create entry's answers
        answers = [e for e in entries if e.action == "answer"]
        wrong = []
        for entry in answers:
            if entry.old_value != current.get(entry.target):
                wrong.append(entry.seq)
            current[entry.target] = entry.new_value
        stored = store.load(screening_id)
        facts, unreadable = parse_stored(protocol, stored.answers, stored.subject.screening_date)
        fresh = status_from_report(evaluate(protocol, facts, stored.subject.screening_date))
    assert len(answers) >= CHANGES_EACH  # most changes change something; a same-value retype records nothing
    assert wrong == []  # every old value is the one the change replaced
    assert {k: v for k, v in current.items() if v is not None} == stored.answers  # the trail replays to the record
    assert not unreadable and stored.status is fresh  # the status is what the stored facts give
    assert refused > 0  # the writers did get in each other's way, and each such change was made again
