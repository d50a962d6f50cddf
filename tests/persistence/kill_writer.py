"""Records answers as fast as it can until it is killed; prints each one before and after saving.

Run by test_kill.py as: python kill_writer.py DATABASE SEED. Lines: "try FACT VALUE" before a
change, "ack FACT VALUE" once record_fact has returned (the change is committed).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from trialdesk.persistence.database import Database
from trialdesk.persistence.protocol_files import find_protocol
from trialdesk.persistence.screening_store import ScreeningStore, StoreError
from trialdesk.session import ScreeningSession, start_screening

# values in their stored normal form (JSON numbers), so an acknowledged value reads back equal
FACTS = {
    "haemoglobin": lambda r: {"value": r.randint(40, 200), "unit": "g/L"},
    "esr": lambda r: {"value": r.randint(1, 150), "unit": "mm/h"},
    "crp": lambda r: {"value": r.randint(1, 900) / 10 if r.random() < 0.9 else r.randint(1, 90), "unit": "mg/L"},
    "infection": lambda r: r.choice(["yes", "no", "unknown"]),
}


def main() -> None:
    path, seed = Path(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(seed)
    protocol = find_protocol("NCT03798028")
    store = ScreeningStore(Database(path))
    try:
        screening = store.find("K-001")
        session = ScreeningSession(store, protocol, screening, actor="writer")
    except StoreError:
        subject = {"screening_number": "K-001", "initials": "KT", "date_of_birth": "1970-01-01", "sex": "female",
                   "screening_date": "2026-11-20", "consent_date": "2026-11-19", "consent_version": "1"}
        session = start_screening(store, protocol, subject, site="01", actor="writer")
    print("ready", flush=True)
    while True:
        fact = rng.choice(sorted(FACTS))
        value = FACTS[fact](rng)
        if value == session.answer(fact):  # an unchanged value is not a change: nothing to save
            continue
        encoded = repr(value)
        print(f"try {fact} {encoded}", flush=True)
        session.record_fact(fact, value, reason="kill test", confirmed=True)  # unusual values too
        print(f"ack {fact} {encoded}", flush=True)


if __name__ == "__main__":
    main()
