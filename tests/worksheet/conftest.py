"""A site with an eligible, an ineligible and an incomplete screening, a delegation list, identities."""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from trialdesk.messages import Messages
from trialdesk.persistence.protocol_files import find_protocol
from trialdesk.resources import resource_path
from trialdesk.session import ScreeningSession, start_screening
from trialdesk.worksheet.signing import create_identity, open_identity

NCT = find_protocol("NCT03798028")
PASSPHRASE = b"correct horse battery"
SIGNED_AT = datetime(2026, 11, 20, 10, 32, 5, tzinfo=timezone(timedelta(hours=8)))


@dataclass
class Site:
    store: object
    sessions: dict[str, ScreeningSession]
    investigator: bytes
    coordinator: bytes
    outsider: bytes
    words: Messages


@pytest.fixture(scope="session")
def identities() -> dict[str, bytes]:
    """Made once: key generation is the slow part."""
    return {
        "investigator": create_identity("Wang Li", "principal_investigator", PASSPHRASE),
        "coordinator": create_identity("Chen Hua", "coordinator", PASSPHRASE),
        "outsider": create_identity("Zhao Min", "sub_investigator", PASSPHRASE),
    }


@pytest.fixture
def site(store, clock, identities) -> Site:
    sessions = {}
    for name, number in (("eligible", "S-001"), ("ineligible", "S-002"), ("incomplete", "S-003")):
        data = json.loads(resource_path(f"examples/NCT03798028-{name}.json").read_text(encoding="utf-8"))
        subject = {**data["subject"], "screening_number": number, "screening_date": data["screening_date"]}
        sessions[name] = start_screening(store, NCT, subject, data["facts"], site="01", actor="Chen Hua", clock=clock)
    sessions["eligible"].set_note("I5", "CBC report 2026-11-19, hospital laboratory system")
    store.set_site_setting("site_name", "Rheumatology, Xijing Hospital", actor="Chen Hua", at=clock())
    store.set_site_setting("site_number", "01", actor="Chen Hua", at=clock())
    store.delegate("Wang Li", "principal_investigator", actor="Chen Hua", at=clock())
    store.delegate("Chen Hua", "coordinator", actor="Chen Hua", at=clock())
    return Site(store, sessions, identities["investigator"], identities["coordinator"], identities["outsider"], Messages(NCT))


def investigator(site: Site):
    return open_identity(site.investigator, PASSPHRASE)


def pdftotext(path: Path, page: int | None = None, layout: bool = True) -> str:
    args = ["pdftotext"] + (["-layout"] if layout else []) + (["-f", str(page), "-l", str(page)] if page else []) + [str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def pdfsig(path: Path) -> str:
    # pdfsig exits 0 even for a broken signature: what it prints is the verdict
    return subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, check=False).stdout
