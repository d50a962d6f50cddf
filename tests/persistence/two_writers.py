"""One of two processes changing the same screening as fast as they can.

Run by test_two_writers.py as: python two_writers.py DATABASE SCREENING_ID ACTOR SEED COUNT. Makes
COUNT saved changes; a change refused because the other writer changed the screening first
("changed_underneath") is made again on the screening as read again, as a person would.
Prints "done SAVED REFUSED" at the end.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from trialdesk.persistence.database import Database
from trialdesk.persistence.protocol_files import find_protocol
from trialdesk.persistence.screening_store import ScreeningStore, StoreError
from trialdesk.session import ScreeningSession

FACTS = {
    "haemoglobin": lambda r: {"value": str(r.randint(40, 200)), "unit": "g/L"},
    "esr": lambda r: {"value": str(r.randint(1, 150)), "unit": "mm/h"},
    "crp": lambda r: {"value": f"{r.randint(0, 900) / 10}", "unit": "mg/L"},
    "infection": lambda r: r.choice(["yes", "no", "unknown"]),
    "pregnant": lambda r: r.choice(["yes", "no"]),
}


def main() -> None:
    path, screening_id, actor, seed, count = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
    rng = random.Random(seed)
    store = ScreeningStore(Database(path, create=False))
    session = ScreeningSession(store, find_protocol("NCT03798028"), screening_id, actor=actor)
    saved = refused = 0
    print("ready", flush=True)
    while saved < count:
        fact = rng.choice(sorted(FACTS))
        value = FACTS[fact](rng)
        try:
            session.record_fact(fact, value, reason=f"two writers {seed}", confirmed=True)  # unusual ones too
        except StoreError as error:
            if error.code != "changed_underneath":
                raise
            refused += 1
            continue
        saved += 1
    print(f"done {saved} {refused}", flush=True)


if __name__ == "__main__":
    main()
