"""A site with an eligible, an ineligible and an incomplete screening; its coordinator completed the first two."""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from trialdesk.messages import Messages
from trialdesk.desk.protocols import find_protocol
from trialdesk.resources import resource_path
from trialdesk.session import ScreeningSession
from trialdesk.worksheet.signing import open_identity

NCT = find_protocol("NCT03798028")
SIGNED_AT = datetime(2026, 11, 20, 10, 32, 5, tzinfo=timezone(timedelta(hours=8)))


@dataclass
class Sheet:
    """A site whose coordinator entered three subjects and completed two; its PI ready to sign."""

    site: object  # trialdesk.desk.Site
    store: object
    sessions: dict[str, ScreeningSession]
    coordinator: object  # Desk
    pi: object  # Desk
    people: object  # tests.conftest.People
    words: Messages


@pytest.fixture
def site(open_site, site_people) -> Sheet:
    opened = open_site()
    coordinator = opened.sign_in(site_people.coordinator.name, site_people.coordinator.password)
    admin = opened.sign_in(site_people.admin.name, site_people.admin.password)
    admin.set_site_setting("site_name", "Rheumatology, Xijing Hospital")
    admin.set_site_setting("site_number", "01")
    sessions = {}
    for name, number in (("eligible", "S-001"), ("ineligible", "S-002"), ("incomplete", "S-003")):
        data = json.loads(resource_path(f"examples/NCT03798028-{name}.json").read_text(encoding="utf-8"))
        subject = {**data["subject"], "screening_number": number, "screening_date": data["screening_date"]}
        sessions[name] = coordinator.start_screening(NCT, subject, data["facts"])
    sessions["eligible"].set_note("I5", "CBC report 2026-11-19, hospital laboratory system")
    for name in ("eligible", "ineligible"):  # an incomplete screening cannot be completed
        coordinator.complete(sessions[name], site_people.coordinator.password)
    pi = opened.sign_in(site_people.pi.name, site_people.pi.password)
    return Sheet(opened, opened.store, sessions, coordinator, pi, site_people, Messages(NCT))


def investigator(site: Sheet):
    return open_identity(site.people.pi.identity, site.people.passphrase)


def sign(site: Sheet, name: str = "eligible", identity=None, desk=None, session=None, **kwargs):
    """The PI signs as they would: password again, enrolled certificate, delegation today."""
    desk = desk or site.pi
    return desk.sign(session or site.sessions[name], identity or investigator(site), site.people.pi.password,
                     site.words, **kwargs)


def pdftotext(path: Path, page: int | None = None, layout: bool = True) -> str:
    args = ["pdftotext"] + (["-layout"] if layout else []) + (["-f", str(page), "-l", str(page)] if page else []) + [str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def pdfsig(path: Path) -> str:
    # pdfsig exits 0 even for a broken signature: what it prints is the verdict
    return subprocess.run(["pdfsig", str(path)], capture_output=True, text=True, check=False).stdout
