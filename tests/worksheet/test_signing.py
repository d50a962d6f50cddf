"""Signing: PAdES verified by poppler's pdfsig and by trialdesk; refusals; locking; the filed copy."""

from __future__ import annotations

import pytest

from tests.worksheet.conftest import PASSPHRASE, SIGNED_AT, investigator, pdfsig, pdftotext
from trialdesk.domain.screening import ScreeningStatus
from trialdesk.persistence import audit_trail
from trialdesk.persistence.screening_store import StoreError
from trialdesk.signoff import check_worksheet, sign_screening
from trialdesk.worksheet.signing import IdentityError, open_identity


def sign(site, name="eligible", identity=None, folder=None, **kwargs):
    return sign_screening(site.store, site.sessions[name], identity or investigator(site), site.words, at=SIGNED_AT,
                          folder=folder, **kwargs)


def test_a_signed_worksheet_is_valid_for_pdfsig_and_for_trialdesk(site, tmp_path):
    signed = sign(site, folder=tmp_path / "site-file")
    assert signed.path == tmp_path / "site-file" / "NCT03798028_S-001_v1_2026-11-20.pdf"
    report = pdfsig(signed.path)
    assert "Signature Validation: Signature is Valid." in report
    assert "Signer Certificate Common Name: Wang Li" in report
    assert "Total document signed" in report
    assert "ETSI.CAdES.detached" in report  # PAdES
    check = check_worksheet(signed.path.read_bytes(), site.store)
    assert check.signature.unbroken and check.signature.signer == "Wang Li" and not check.signature.trusted
    assert check.matches_database and check.same_file and check.screening_id == site.sessions["eligible"].screening.id
    text = " ".join(pdftotext(signed.path, layout=False).split())
    assert "Signed by Wang Li, Principal investigator" in text
    assert "Date and time: 2026-11-20 10:32:05 (UTC+08:00); 2026-11-20 02:32:05 UTC" in text
    assert "Meaning of the signature: Investigator's eligibility decision: I confirm that the subject is ELIGIBLE" in text
    assert "DRAFT" not in text


def test_one_changed_byte_is_reported_broken(site, tmp_path):
    signed = sign(site, folder=tmp_path)
    data = bytearray(signed.path.read_bytes())
    data[len(data) // 3] ^= 0x01
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(bytes(data))
    assert "Signature Validation: Digest Mismatch." in pdfsig(broken)
    check = check_worksheet(bytes(data), site.store)
    assert not check.signature.unbroken and not check.same_file


def test_the_screening_is_locked_with_its_document(site, tmp_path):
    session = site.sessions["eligible"]
    signed = sign(site, folder=tmp_path)
    assert session.screening.status is ScreeningStatus.SIGNED
    with pytest.raises(StoreError) as raised:
        session.record_fact("esr", {"value": 40, "unit": "mm/h"}, reason="late")
    assert raised.value.code == "locked"
    (stored,) = site.store.documents(session.screening.id)
    assert stored.pdf == signed.path.read_bytes() and stored.signer == "Wang Li"
    last = audit_trail.history(site.store.database.connection, session.screening.id)[-1]
    assert last.action == "signed" and last.new_value["content_sha256"] == stored.content_sha256
    with pytest.raises(StoreError):  # signed once: a second signature needs a correction first
        sign(site, folder=tmp_path)


def test_an_ineligible_decision_can_be_signed(site, tmp_path):
    signed = sign(site, "ineligible", folder=tmp_path)
    assert "INELIGIBLE" in " ".join(pdftotext(signed.path, layout=False).split())


def test_an_incomplete_screening_is_refused(site, tmp_path):
    with pytest.raises(StoreError) as raised:
        sign(site, "incomplete", folder=tmp_path / "site-file")
    assert raised.value.code == "incomplete"
    assert not (tmp_path / "site-file").exists() and not site.store.documents(site.sessions["incomplete"].screening.id)


def test_a_coordinator_and_someone_not_delegated_are_refused(site, tmp_path):
    with pytest.raises(StoreError) as raised:
        sign(site, identity=open_identity(site.coordinator, PASSPHRASE), folder=tmp_path)
    assert raised.value.code == "not_investigator"
    with pytest.raises(StoreError) as raised:
        sign(site, identity=open_identity(site.outsider, PASSPHRASE), folder=tmp_path)
    assert raised.value.code == "not_delegated"
    assert site.sessions["eligible"].screening.status is ScreeningStatus.ELIGIBLE


def test_a_wrong_passphrase_is_refused(site):
    with pytest.raises(IdentityError, match="passphrase does not open"):
        open_identity(site.investigator, b"not the passphrase")


def test_a_correction_is_signed_again_and_the_old_worksheet_stays(site, tmp_path):
    first = sign(site, folder=tmp_path)
    corrected = site.sessions["eligible"].correct("haemoglobin transcribed wrongly")
    corrected.record_fact("haemoglobin", {"value": 84, "unit": "g/L"}, reason="lab report says 84 g/L")
    second = sign_screening(site.store, corrected, investigator(site), site.words, at=SIGNED_AT, folder=tmp_path)
    assert second.path.name == "NCT03798028_S-001_v2_2026-11-20.pdf"
    assert first.path.exists() and site.store.documents(site.sessions["eligible"].screening.id)
    text = " ".join(pdftotext(second.path, layout=False).split())
    assert "2, correcting version 1: haemoglobin transcribed wrongly" in text
