"""Protocol identity and versions: the file's SHA-256 stored with each screening, and the version in force.

Versions of one site protocol (SITE-V) are written from the bundled NCT00845832 into the test's
own folder and opened as a site opens a protocol file; nothing outside tmp_path is written.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import COORDINATOR, PASSWORD, Clock
from trialdesk.desk import ProtocolFileError
from trialdesk.desk.protocol_versions import VersionNotInForce
from trialdesk.domain.evaluation import evaluate, parse_facts
from trialdesk.messages import Messages
from trialdesk.persistence import audit_trail
from trialdesk.persistence.database import Database
from trialdesk.persistence.migrations import MIGRATIONS, SCHEMA_VERSION
from trialdesk.persistence.protocol_files import parse_protocol
from trialdesk.persistence.protocol_hashes import RECORDED_BY
from trialdesk.resources import resource_path
from trialdesk.settings import AppSettings

BASE = resource_path("protocols/NCT00845832.yaml").read_text(encoding="utf-8")


def version_text(version: str, *, protocol_id: str = "SITE-V", title: str | None = None, **fields: object) -> str:
    """NCT00845832 as protocol `protocol_id` version `version`, with validity fields after version_date."""
    text = BASE
    for key, value in (("id", protocol_id), ("version", json.dumps(version)), ("title", title)):
        if value is not None:
            text, count = re.subn(rf"^{key}: .*$", f"{key}: {value}", text, count=1, flags=re.MULTILINE)
            assert count == 1, key
    extra = "".join(f"{key}: {str(value).lower() if isinstance(value, bool) else value}\n"
                    for key, value in fields.items() if value is not None)
    text, count = re.subn(r"^(version_date: .*\n)", lambda m: m.group(1) + extra, text, count=1, flags=re.MULTILINE)
    assert count == 1
    return text


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def subject(number: str, on: str) -> dict[str, str]:
    return {"screening_number": number, "initials": "AB", "date_of_birth": "1968-07-04", "sex": "female",
            "screening_date": on, "consent_date": on, "consent_version": "v1"}


@pytest.fixture
def files(tmp_path: Path) -> Path:
    return tmp_path / "from-the-sponsor"


@pytest.fixture
def adjacent(files: Path) -> tuple[Path, Path]:
    """Version 1.0 valid to 2026-06-30 (inclusive), version 2.0 from 2026-07-01, the day after."""
    first = write(files, "v1.yaml", version_text("1.0", amendment="Amendment 1", valid_from="2026-01-01",
                                                 valid_to="2026-06-30"))
    second = write(files, "v2.yaml", version_text("2.0", title="SITE-V as amended", amendment="Amendment 2",
                                                  valid_from="2026-07-01"))
    return first, second


@pytest.fixture
def coordinator(open_site):
    site = open_site()
    return site, site.sign_in(COORDINATOR, PASSWORD)


def test_each_screening_starts_under_the_version_in_force_on_its_date(coordinator, adjacent):
    site, desk = coordinator
    for path in adjacent:
        site.add_protocol_file(path)
    # B-2's screening date lies after today: it starts once that is confirmed
    started = {number: desk.start_screening("SITE-V", subject(number, on), confirmed=on > "2026-11-20").screening
               for number, on in (("A-1", "2026-01-01"), ("A-2", "2026-06-30"), ("B-1", "2026-07-01"),
                                  ("B-2", "2027-03-01"))}
    assert {n: s.protocol_version for n, s in started.items()} == {"A-1": "1.0", "A-2": "1.0", "B-1": "2.0", "B-2": "2.0"}
    first, second = (sha256(path) for path in adjacent)
    assert {n: s.protocol_sha256 for n, s in started.items()} == {"A-1": first, "A-2": first, "B-1": second, "B-2": second}
    stored = dict(site.database.connection.execute("SELECT screening_number, protocol_sha256 FROM screenings"))
    assert stored == {"A-1": first, "A-2": first, "B-1": second, "B-2": second}
    created = next(e for e in site.history(started["B-1"].id) if e.action == "create")
    assert created.new_value["protocol_sha256"] == second  # the trail records which file, too


def test_a_date_no_version_covers_is_refused_naming_the_versions_and_their_dates(coordinator, files):
    site, desk = coordinator
    site.add_protocol_file(write(files, "v1.yaml", version_text("1.0", valid_from="2026-01-01", valid_to="2026-03-31")))
    site.add_protocol_file(write(files, "v2.yaml", version_text("2.0", valid_from="2026-05-01")))
    for on in ("2025-12-31", "2026-04-15"):  # before the first, and in the gap between them
        with pytest.raises(VersionNotInForce) as refused:
            desk.start_screening("SITE-V", subject("S-1", on))
        assert refused.value.describe() == (
            f"SITE-V: no version is in force on {on} (versions: 1.0, valid 2026-01-01 to 2026-03-31; "
            "2.0, valid from 2026-05-01)")
        assert refused.value.choice.chosen is None
    assert site.database.connection.execute("SELECT count(*) FROM screenings").fetchone()[0] == 0


def test_an_old_screening_reopens_under_its_own_version_after_a_newer_one_is_installed(open_site, adjacent):
    first_file, second_file = adjacent
    site = open_site()
    desk = site.sign_in(COORDINATOR, PASSWORD)
    site.add_protocol_file(first_file)
    old = desk.start_screening("SITE-V", subject("S-1", "2026-03-01")).screening
    site.add_protocol_file(second_file)
    first_file.unlink()  # the sponsor's file is gone: the site keeps its own copy
    again = open_site()  # a later start of the program, with both versions installed
    reopened = again.sign_in(COORDINATOR, PASSWORD).open("S-1")
    assert reopened.protocol.version == "1.0" and reopened.protocol.title != "SITE-V as amended"
    assert reopened.screening.protocol_sha256 == old.protocol_sha256
    assert again.read_only_session("S-1").protocol.version == "1.0"
    assert again.protocol("SITE-V").version == "2.0"  # today's (2026-11-20), for a new screening


def test_the_kept_copy_reopens_a_screening_whose_installed_file_is_gone(open_site, site_dir, adjacent):
    site = open_site()
    desk = site.sign_in(COORDINATOR, PASSWORD)
    site.add_protocol_file(adjacent[0])
    old = desk.start_screening("SITE-V", subject("S-1", "2026-03-01")).screening
    bundled = desk.start_screening("NCT03798028", subject("N-1", "2026-11-20")).screening
    kept = site_dir / "protocols" / "by-sha256"
    assert sha256(kept / old.protocol_sha256 / "SITE-V.yaml") == old.protocol_sha256
    assert bundled.protocol_sha256 == sha256(resource_path("protocols/NCT03798028.yaml"))
    assert (kept / bundled.protocol_sha256 / "NCT03798028.zh_CN.yaml").read_bytes() == \
        resource_path("protocols/NCT03798028.zh_CN.yaml").read_bytes()  # with its translations
    (site_dir / "protocols" / "SITE-V.yaml").unlink()  # as if the installed version were removed
    reopened = open_site().read_only_session("S-1")
    assert reopened.protocol.version == "1.0" and reopened.screening.protocol_sha256 == old.protocol_sha256
    (kept / old.protocol_sha256 / "SITE-V.yaml").write_text(version_text("1.0"), encoding="utf-8")  # altered
    with pytest.raises(ProtocolFileError, match=f"SHA-256 {old.protocol_sha256}\\) is not installed"):
        open_site().read_only_session("S-1")


def test_a_withdrawn_version_starts_nothing_but_its_screenings_stay_readable_and_printable(coordinator, files):
    site, desk = coordinator
    original = version_text("1.0", valid_from="2026-01-01", valid_to="2026-12-31")
    site.add_protocol_file(write(files, "v1.yaml", original))
    started = desk.start_screening("SITE-V", subject("S-1", "2026-03-01"))
    notice = write(files, "v1-withdrawn.yaml", version_text("1.0", valid_from="2026-01-01", valid_to="2026-12-31",
                                                            withdrawn=True))
    site.add_protocol_file(notice)  # the version's withdrawal: its own file, the original kept
    assert site.version_choice("SITE-V", date(2026, 4, 1)).problem == "withdrawn"
    with pytest.raises(VersionNotInForce, match=r"version 1.0, in force on 2026-04-01, is withdrawn: no new "
                                                r"screening starts under it \(versions: 1.0, valid 2026-01-01 to "
                                                r"2026-12-31, withdrawn\)"):
        desk.start_screening("SITE-V", subject("S-2", "2026-04-01"))
    session = site.read_only_session("S-1")
    assert session.protocol.withdrawn is False  # the exact file it started under
    assert session.screening.protocol_sha256 == started.screening.protocol_sha256
    assert site.draft_pdf(session, Messages(session.protocol)).startswith(b"%PDF")
    assert [e.action for e in site.history(session.screening.id)][:1] == ["create"]


def test_overlapping_versions_are_refused_when_loaded(coordinator, files, site_dir):
    site, desk = coordinator
    site.add_protocol_file(write(files, "v1.yaml", version_text("1.0", valid_from="2026-01-01", valid_to="2026-06-30")))
    started = desk.start_screening("SITE-V", subject("S-1", "2026-02-01")).screening
    overlapping = write(files, "v2.yaml", version_text("2.0", valid_from="2026-06-30"))  # one day in common
    with pytest.raises(ProtocolFileError) as refused:
        site.add_protocol_file(overlapping)
    message = refused.value.describe()
    assert str(overlapping) in message and "SITE-V.yaml" in message
    assert "version 2.0 (valid from 2026-06-30) overlaps version 1.0" in message
    assert sorted(p.name for p in (site_dir / "protocols").glob("*.yaml")) == ["SITE-V.yaml"]  # nothing kept
    # a file put into the site's folder by hand is refused with the others when they are loaded
    write(site_dir / "protocols", "SITE-V@by-hand.yaml", overlapping.read_text(encoding="utf-8"))
    again = open_site_again(site_dir)
    with pytest.raises(ProtocolFileError, match="overlaps version 1.0"):
        again.sign_in(COORDINATOR, PASSWORD).start_screening("SITE-V", subject("S-2", "2026-08-01"))
    assert again.read_only_session("S-1").screening.protocol_sha256 == started.protocol_sha256  # still opens
    again.close()


def open_site_again(site_dir: Path):
    from trialdesk.desk import Site

    return Site(AppSettings(data_dir=site_dir), clock=Clock())


def test_a_version_of_a_bundled_protocol_valid_on_every_date_is_refused(coordinator, files):
    site, _ = coordinator
    other = write(files, "nct.yaml", version_text("2.0", protocol_id="NCT00845832"))
    with pytest.raises(ProtocolFileError, match="overlaps version registry record; site rule file 1.0"):
        site.add_protocol_file(other)


def test_a_version_of_a_bundled_protocol_from_a_later_date_needs_the_bundled_one_to_end(coordinator, files):
    site, desk = coordinator
    later = write(files, "nct.yaml", version_text("2.0", protocol_id="NCT00845832", valid_from="2027-01-01"))
    with pytest.raises(ProtocolFileError, match="valid on any date"):
        site.add_protocol_file(later)  # the bundled file says nothing of an end: both would be in force
    assert desk.start_screening("NCT00845832", subject("S-1", "2026-11-20")).screening.protocol_version \
        == "registry record; site rule file 1.0"


def test_valid_to_before_valid_from_is_refused_with_its_line():
    with pytest.raises(ProtocolFileError) as refused:
        parse_protocol(version_text("1.0", valid_from="2026-07-01", valid_to="2026-06-30"), "v.yaml")
    (issue,) = refused.value.issues
    assert issue.path == "valid_to" and issue.message == "must not be before valid_from (2026-07-01)"
    assert issue.line is not None
    same_day = parse_protocol(version_text("1.0", valid_from="2026-07-01", valid_to="2026-07-01"))
    assert same_day.valid_from == same_day.valid_to == date(2026, 7, 1)


def _schema_4_database(path: Path, rows: list[tuple[str, str]]) -> None:
    """A site database as trialdesk wrote it before protocol hashes (schema 4), with one screening a row."""
    from trialdesk.persistence.database import _statements

    old = sqlite3.connect(path, isolation_level=None)
    for script in MIGRATIONS[:4]:
        for statement in _statements(script):
            old.execute(statement)
    old.execute("PRAGMA user_version = 4")
    at = Clock()()
    old.execute("BEGIN")
    for number, (protocol_id, version) in enumerate(rows, start=1):
        values = subject(f"S-{number}", "2026-11-20")
        cursor = old.execute(
            "INSERT INTO screenings (protocol_id, protocol_version, site, screening_number, initials, date_of_birth, "
            "sex, screening_date, consent_date, consent_version, status, created_at, created_by) "
            "VALUES (?, ?, '01', ?, 'AB', '1968-07-04', 'female', '2026-11-20', '2026-11-20', 'v1', 'in_progress', ?, "
            "'Chen Hua')", (protocol_id, version, values["screening_number"], at.isoformat()))
        record = {"subject": {**values, "screening_date": "2026-11-20"}, "answers": {}, "protocol": protocol_id,
                  "protocol_version": version, "site": "01"}
        audit_trail.append(old, at=at, actor="Chen Hua", action="create", screening_id=cursor.lastrowid, new=record)
    old.execute("COMMIT")
    old.close()


def test_an_old_database_is_upgraded_and_its_site_protocol_screenings_get_the_kept_copys_hash(tmp_path):
    data = tmp_path / "old-site"
    kept = write(data / "protocols", "SITE-OLD.yaml", version_text("1.0", protocol_id="SITE-OLD"))
    settings = AppSettings(data_dir=data)
    data.mkdir(exist_ok=True)
    _schema_4_database(settings.database_path, [("SITE-OLD", "1.0"), ("NCT03798028", "registry record; site rule file 1.0")])
    from trialdesk.desk import Site

    with Site(settings, clock=Clock(), create=False) as site:
        assert site.database.schema_version == SCHEMA_VERSION == 7
        assert site.screening("S-1").protocol_sha256 == sha256(kept)
        assert site.screening("S-2").protocol_sha256 is None  # bundled: not recorded
        recorded = [e for e in site.history(site.screening("S-1").id) if e.action == "protocol_sha256"]
        assert [(e.actor, e.new_value) for e in recorded] == [(RECORDED_BY, sha256(kept))]
        assert site.read_only_session("S-1").protocol.id == "SITE-OLD"
        assert site.read_only_session("S-2").protocol.id == "NCT03798028"  # reopens under its installed version
        check = site.verify_records()
        assert check.intact, check.problems
    with Site(settings, clock=Clock(), create=False) as site:  # recorded once, not again at each opening
        assert sum(e.action == "protocol_sha256" for e in site.history()) == 1


def test_audit_verify_names_a_protocol_hash_changed_behind_the_trails_back(coordinator, adjacent):
    site, desk = coordinator
    site.add_protocol_file(adjacent[0])
    desk.start_screening("SITE-V", subject("S-1", "2026-03-01"))
    with Database(site.settings.database_path) as raw:
        raw.connection.execute("UPDATE screenings SET protocol_sha256 = ?", (sha256(adjacent[1]),))
    with open_site_again(site.data_dir) as again:
        problems = again.verify_records().problems
    assert any("protocol file SHA-256" in p and sha256(adjacent[1]) in p for p in problems)


def test_the_signed_worksheet_prints_the_hash_of_the_screenings_file_not_the_newest(open_site, site_people, files,
                                                                                    tmp_path):
    import subprocess

    from tests.conftest import PI
    from trialdesk.worksheet.signing import open_identity

    site = open_site()
    coordinator = site.sign_in(COORDINATOR, PASSWORD)
    first = write(files, "v1.yaml", version_text("1.0", valid_to="2026-11-20"))
    second = write(files, "v2.yaml", version_text("2.0", valid_from="2026-11-21"))
    site.add_protocol_file(first)
    data = json.loads(resource_path("examples/NCT00845832-eligible.json").read_text(encoding="utf-8"))
    started = coordinator.start_screening("SITE-V", {**data["subject"], "screening_date": "2026-11-20"}, data["facts"])
    site.add_protocol_file(second)  # installed before the signature: the worksheet stays version 1.0's
    coordinator.complete(started, PASSWORD)
    pi = site.sign_in(PI, PASSWORD)
    session = pi.open(started.screening.id)
    signed = pi.sign(session, open_identity(site_people.pi.identity, site_people.passphrase), PASSWORD,
                     Messages(session.protocol))
    check = site.check_worksheet(signed.document.pdf)
    assert check.outcome == "verified", check.all_problems
    assert check.file.content.protocol_sha256 == sha256(first) != sha256(second)
    assert check.file.content.protocol_version == "1.0"
    pdf = tmp_path / "signed.pdf"
    pdf.write_bytes(signed.document.pdf)
    printed = "".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
    assert sha256(first) in printed and sha256(second) not in printed


def test_an_unreadable_screening_date_is_refused_as_the_subjects_problem_not_as_a_version(coordinator, adjacent):
    from trialdesk.domain.errors import FactsInvalid

    site, desk = coordinator
    for path in adjacent:
        site.add_protocol_file(path)
    with pytest.raises(FactsInvalid) as refused:
        desk.start_screening("SITE-V", {**subject("S-1", "2026-03-01"), "screening_date": "2026-13-01"})
    assert [p.fact for p in refused.value.problems] == ["screening_date"]


#: the SHA-256 of NCT03798028.yaml as rule file 1.0 was shipped, before rule file 2.0 took its name.
RULE_FILE_1_AS_SHIPPED = "7954071434cebc8a9ede0758983a06a20536fe93f4a4657d2fe5594ca8024a15"


def _rule_file_1_as_shipped() -> bytes:
    """Rule file 1.0 as it was shipped: the bundled copy without the lines that withdraw it."""
    text = resource_path("protocols/NCT03798028@rule-file-1.yaml").read_text(encoding="utf-8")
    header, _, rest = text.partition("# Criterion texts")
    assert header.count("\n") == 4 and "withdrawn by rule file 2.0" in header
    original = ("# Eligibility of ClinicalTrials.gov record NCT03798028, transcribed by the site.\n# Criterion texts"
                + rest.replace("withdrawn: true\n", "", 1))
    return original.encode("utf-8")


def test_screenings_made_under_rule_file_1_of_nct03798028_reopen_under_it(tmp_path):
    """Rule file 2.0 asks other questions; a screening started under 1.0 keeps 1.0's questions and rules."""
    data = tmp_path / "upgraded-site"
    settings = AppSettings(data_dir=data)
    data.mkdir()
    _schema_4_database(settings.database_path, [("NCT03798028", "registry record; site rule file 1.0")])
    old_facts = json.loads(Path(__file__).parent.parent.joinpath("data", "NCT03798028@rule-file-1-eligible.json")
                           .read_text(encoding="utf-8"))["facts"]
    from trialdesk.desk import Site

    with Site(settings, clock=Clock(), create=False) as site:
        session = site.read_only_session("S-1")
        protocol = session.protocol
        assert protocol.version == "registry record; site rule file 1.0" and protocol.withdrawn
        assert "acr2010_serology" in protocol.fact and "rf" not in protocol.fact  # 1.0's questions
        on = date(2026, 11, 20)
        assert evaluate(protocol, parse_facts(protocol, old_facts, on), on).overall.value == "eligible"
        assert site.draft_pdf(session, Messages(protocol)).startswith(b"%PDF")
        assert site.protocol("NCT03798028").version == "registry record; site rule file 2.0"  # for a new screening
    # a screening whose hash was stored reopens under its kept copy: the file as shipped, the same rules
    shipped = _rule_file_1_as_shipped()
    assert hashlib.sha256(shipped).hexdigest() == RULE_FILE_1_AS_SHIPPED
    assert parse_protocol(shipped.decode("utf-8")).criteria == \
        parse_protocol(resource_path("protocols/NCT03798028@rule-file-1.yaml").read_text(encoding="utf-8")).criteria
