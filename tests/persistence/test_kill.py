"""Nothing acknowledged is ever lost: a writer SIGKILLed at random moments, many times."""

from __future__ import annotations

import ast
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from trialdesk.persistence import audit_trail
from trialdesk.persistence.database import Database
from trialdesk.persistence.screening_store import ScreeningStore

WRITER = Path(__file__).with_name("kill_writer.py")
KILLS = 12


def _run_until_killed(db_path: Path, seed: int, delay: float) -> list[str]:
    lines: list[str] = []
    ready = threading.Event()
    with subprocess.Popen(
        [sys.executable, str(WRITER), str(db_path), str(seed)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    ) as process:

        def read() -> None:
            for line in process.stdout:
                lines.append(line.rstrip("\n"))
                if line.startswith("ready"):
                    ready.set()

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        assert ready.wait(60) or process.poll() is None, "the writer did not start"
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait(30)
        reader.join(10)
    assert process.returncode == -signal.SIGKILL
    return lines


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_every_acknowledged_change_survives_sigkill(tmp_path):
    db_path = tmp_path / "site.sqlite3"
    rng = random.Random(20261120)
    acknowledged: dict[str, object] = {}
    in_flight: dict[str, object] = {}
    acks = 0
    for run in range(KILLS):
        lines = _run_until_killed(db_path, seed=run, delay=rng.uniform(0.02, 0.4))
        for line in lines:
            kind, _, rest = line.partition(" ")
            if kind not in ("try", "ack"):
                continue
            fact, _, value = rest.partition(" ")
            value = ast.literal_eval(value)
            if kind == "try":
                in_flight = {fact: value}
            else:
                acknowledged[fact] = value
                in_flight = {}
                acks += 1

        with Database(db_path) as database:
            db = database.connection
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            verification = audit_trail.verify(db)
            assert verification.intact, verification.problem
            answers = ScreeningStore(database).find("K-001").answers
            for fact, value in acknowledged.items():
                # the last acknowledged value, or the one being saved when the kill came (committed, not yet acked)
                assert answers.get(fact) == value or in_flight.get(fact) == answers.get(fact), (run, fact)
            for fact, value in in_flight.items():
                if answers.get(fact) == value:  # it was committed before the kill: the value later runs must keep
                    acknowledged[fact] = value
            in_flight = {}
            changes = db.execute("SELECT count(*) FROM audit WHERE action = 'answer'").fetchone()[0]
            assert changes >= acks
    assert acks > KILLS  # the writer really was killed in the middle of its work, many times
