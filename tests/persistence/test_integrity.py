"""The audit trail against someone who owns the file: every rewrite a dishonest user can make is caught."""

from __future__ import annotations

import sqlite3

import pytest

from tests.worksheet.conftest import sign, site  # noqa: F401  (the site with its screenings)
from trialdesk.persistence import audit_trail
from trialdesk.persistence.integrity import expected_schema

TRIGGERS = [name for kind, name in expected_schema() if kind == "trigger"]


@pytest.fixture
def signed_site(site):
    """A site whose PI signed S-001: its worksheet in the site file anchors the trail."""
    signed = sign(site)
    site.site.close()
    return site, signed


def tamper(site, *statements, drop_triggers: bool = True, recompute: bool = False, restore_triggers: bool = False):
    """What a dishonest user with a SQLite editor does, then reopen the site."""
    path = site.site.settings.database_path
    db = sqlite3.connect(path, isolation_level=None)
    if drop_triggers:
        for name in TRIGGERS:
            db.execute(f"DROP TRIGGER IF EXISTS {name}")
    for statement in statements:
        db.execute(*statement) if isinstance(statement, tuple) else db.execute(statement)
    if recompute:
        _recompute_chain(db)
    if restore_triggers:
        from trialdesk.persistence.database import _statements
        from trialdesk.persistence.migrations import MIGRATIONS

        for script in MIGRATIONS:
            for statement in _statements(script):
                if statement.upper().startswith("CREATE TRIGGER"):
                    db.execute(statement)
    db.close()
    from trialdesk.desk import Site

    return Site(site.site.settings, clock=site.site.clock)


def _recompute_chain(db):
    previous = audit_trail.GENESIS
    rows = db.execute("SELECT seq, at_utc, utc_offset, actor, screening_id, action, target, old_value, new_value, "
                      "reason FROM audit ORDER BY seq").fetchall()
    for row in rows:
        digest = audit_trail._digest(previous, list(row))
        db.execute("UPDATE audit SET prev_hash = ?, hash = ? WHERE seq = ?", (previous, digest, row[0]))
        previous = digest
    high = db.execute("SELECT MAX(seq) FROM audit").fetchone()[0] or 0
    db.execute("UPDATE sqlite_sequence SET seq = ? WHERE name = 'audit'", (high,))


def problems(opened) -> str:
    try:
        result = opened.verify_records()
        assert not result.intact
        return " | ".join(result.problems) + (result.chain.problem or "")
    finally:
        opened.close()


def test_an_honest_site_verifies_and_is_anchored_by_its_worksheet(signed_site):
    site, _ = signed_site
    from trialdesk.desk import Site

    with Site(site.site.settings, clock=site.site.clock) as opened:
        result = opened.verify_records()
        assert result.intact, result.problems
        assert result.anchored_by == 2  # the filed copy and the one kept in the database


def test_dropped_triggers_are_named(signed_site):
    site, _ = signed_site
    found = problems(tamper(site))
    assert "the trigger audit_is_append_only_update was dropped" in found


def test_a_full_rewrite_with_recomputed_hashes_and_restored_triggers_is_caught_by_the_worksheet(signed_site):
    site, _ = signed_site
    opened = tamper(site, "UPDATE audit SET actor = 'Someone Else' WHERE seq = 3", recompute=True,
                    restore_triggers=True)
    assert opened.verify_audit().intact  # the chain alone is fooled
    assert "is not the one this worksheet recorded at its signing: the trail was rewritten" in problems(opened)


def test_truncation_to_before_the_signature_is_caught(signed_site):
    site, signed = signed_site
    from trialdesk.worksheet.verification import check_file

    seq = check_file(signed.path.read_bytes()).content.audit_seq  # the head before its own "signed" entry
    found = problems(tamper(site, ("DELETE FROM audit WHERE seq >= ?", (seq,)), recompute=True, restore_triggers=True))
    assert "no longer has entry" in found and "the trail was cut" in found
    assert "the audit trail says" in found or "never recorded" in found  # and the records no longer replay


def test_deleting_everything_is_caught(signed_site):
    site, _ = signed_site
    found = problems(tamper(site, "DELETE FROM audit", "UPDATE sqlite_sequence SET seq = 0 WHERE name = 'audit'",
                            restore_triggers=True))
    assert "has no creation entry in the audit trail" in found and "the trail was cut" in found


def test_a_direct_edit_of_an_answer_is_caught_and_named(signed_site):
    site, _ = signed_site
    sid = site.sessions["ineligible"].screening.id
    found = problems(tamper(site, ("UPDATE answers SET value = '{\"unit\": \"g/L\", \"value\": \"84\"}' "
                                   "WHERE screening_id = ? AND fact_id = 'haemoglobin'", (sid,)),
                            drop_triggers=False))
    assert "S-002" in found and "the stored answer haemoglobin is" in found and "the audit trail says" in found


def test_a_signed_screenings_status_edit_is_caught(signed_site):
    site, _ = signed_site
    sid = site.sessions["eligible"].screening.id
    found = problems(tamper(site, ("UPDATE screenings SET status = 'eligible' WHERE id = ?", (sid,)),
                            drop_triggers=False))
    assert "stored as eligible, the audit trail says signed" in found


def test_a_status_that_disagrees_with_the_answers_is_caught(signed_site):
    site, _ = signed_site
    sid = site.sessions["ineligible"].screening.id
    found = problems(tamper(site, ("UPDATE screenings SET status = 'eligible' WHERE id = ?", (sid,)),
                            drop_triggers=False))
    assert "stored as eligible, but its answers evaluate to ineligible" in found


def test_replacing_the_stored_pdf_is_caught(signed_site):
    site, _ = signed_site
    found = problems(tamper(site, "UPDATE documents SET pdf = CAST('%PDF-1.7 forged' AS BLOB)",
                            drop_triggers=False))
    assert "the stored signed PDF was replaced" in found
    found = problems(tamper(site, "UPDATE documents SET pdf = CAST('%PDF-1.7 forged' AS BLOB), "
                                  "pdf_sha256 = '" + __import__("hashlib").sha256(b"%PDF-1.7 forged").hexdigest() + "'",
                            drop_triggers=False))
    assert "not the one the audit trail recorded at signing" in found


def test_a_head_read_from_paper_must_be_in_the_trail(signed_site):
    site, signed = signed_site
    from trialdesk.desk import Site
    from trialdesk.worksheet.verification import check_file

    head = check_file(signed.path.read_bytes()).content.audit_hash
    with Site(site.site.settings, clock=site.site.clock) as opened:
        assert opened.verify_records(heads=[head[:16]]).intact
        result = opened.verify_records(heads=["ab" * 32])
        assert not result.intact and "no entry of the audit trail has the hash" in result.problems[0]


def test_a_password_hash_copied_into_the_pis_account_is_caught(signed_site):
    from tests.conftest import COORDINATOR, PI

    site, _ = signed_site
    found = problems(tamper(site, ("UPDATE accounts SET password_hash = (SELECT password_hash FROM accounts "
                                   "WHERE name = ?) WHERE name = ?", (COORDINATOR, PI)), drop_triggers=False))
    assert f"the password of {PI} was replaced outside trialdesk" in found


def test_delegation_and_certificates_written_into_the_file_are_caught(signed_site):
    from tests.conftest import COORDINATOR

    site, _ = signed_site
    found = problems(tamper(site, (
        "INSERT INTO delegation_log (account_id, tasks, starts, recorded_by, recorded_at) "
        "SELECT id, 'enter sign', '2026-01-01', 'Wang Li', '2026-01-01T00:00:00+08:00' FROM accounts WHERE name = ?",
        (COORDINATOR,)), (
        "INSERT INTO certificates (fingerprint, account_id, subject, not_after, source, enrolled_at, enrolled_by) "
        "SELECT 'ab' || hex(randomblob(31)), id, 'CN=x', '2031-01-01T00:00:00+00:00', 'created', "
        "'2026-01-01T00:00:00+00:00', 'x' FROM accounts WHERE name = ?", (COORDINATOR,)),
        "UPDATE accounts SET role = 'principal_investigator' WHERE name = 'Chen Hua'", drop_triggers=False))
    assert "a delegation entry of Chen Hua (enter sign from 2026-01-01) was written into the records" in found
    assert "a certificate of Chen Hua" in found and "enrolled outside trialdesk" in found
    assert "the account Chen Hua is a principal_investigator in the records, a coordinator in the audit trail" in found


def test_the_stored_worksheets_anchor_the_trail_even_when_the_site_file_is_gone(signed_site):
    import shutil

    site, signed = signed_site
    shutil.rmtree(signed.path.parent)
    found = problems(tamper(site, "UPDATE audit SET actor = 'Someone Else' WHERE seq = 3", recompute=True,
                            restore_triggers=True))
    assert "the stored worksheet of screening id" in found and "the trail was rewritten" in found


def test_who_entered_an_answer_cannot_be_rewritten_in_the_records(signed_site):
    site, _ = signed_site
    sid = site.sessions["ineligible"].screening.id
    found = problems(tamper(site, ("UPDATE answers SET entered_by = 'Wang Li', entered_at = '2026-11-20T08:00:00+08:00' "
                                   "WHERE screening_id = ? AND fact_id = 'haemoglobin'", (sid,)), drop_triggers=False))
    assert "the answer haemoglobin is recorded as entered by Wang Li" in found and "the audit trail says Chen Hua" in found
