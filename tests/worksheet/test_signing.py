"""Signing: PAdES verified by poppler's pdfsig and by trialdesk; who may sign; locking; the filed copy."""

from __future__ import annotations

from datetime import date

import pytest

from tests.worksheet.conftest import investigator, pdfsig, pdftotext, sign
from trialdesk.desk import Refused, StoreError
from trialdesk.domain.people import Task
from trialdesk.domain.screening import ScreeningStatus
from trialdesk.worksheet.signing import IdentityError, create_identity, open_identity


def test_a_signed_worksheet_is_valid_for_pdfsig_and_for_trialdesk(site):
    signed = sign(site)
    when = signed.document.signed_at
    assert signed.path == site.site.site_file_dir() / f"NCT03798028_S-001_v1_{when.date().isoformat()}.pdf"
    report = pdfsig(signed.path)
    assert "Signature Validation: Signature is Valid." in report
    assert "Signer Certificate Common Name: Wang Li" in report
    assert "Total document signed" in report
    assert "ETSI.CAdES.detached" in report  # PAdES
    check = site.site.check_worksheet(signed.path.read_bytes())
    assert check.outcome == "verified", check.all_problems
    assert check.file.signer == "Wang Li" and not check.file.trusted and check.file.pages_match
    assert check.screening_id == site.sessions["eligible"].screening.id
    text = " ".join(pdftotext(signed.path, layout=False).split())
    assert "Signed by Wang Li, Principal investigator" in text
    assert f"Date and time: {when.strftime('%Y-%m-%d %H:%M:%S')} (UTC+08:00)" in text
    assert "Meaning of the signature: Investigator's eligibility decision: I confirm that the subject is ELIGIBLE" in text
    assert "Delegation on the signing date: enter data, decide eligibility and sign, from 2026-01-01 to no end date" in text
    assert "recorded by Wang Li" in text
    assert "Completed by Chen Hua, Study coordinator" in text
    assert "Haemoglobin" in text and "Chen Hua, 2026-11-20" in text  # who entered each fact, and when
    assert "DRAFT" not in text


def test_one_changed_byte_is_reported_broken(site, tmp_path):
    signed = sign(site)
    data = bytearray(signed.path.read_bytes())
    data[len(data) // 3] ^= 0x01
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(bytes(data))
    assert "Signature Validation: Digest Mismatch." in pdfsig(broken)
    check = site.site.check_worksheet(bytes(data))
    assert check.outcome == "broken" and check.all_problems


def test_the_screening_is_locked_with_its_document(site):
    session = site.sessions["eligible"]
    signed = sign(site)
    assert session.screening.status is ScreeningStatus.SIGNED
    with pytest.raises(StoreError) as raised:
        session.record_fact("esr", {"value": 40, "unit": "mm/h"}, reason="late")
    assert raised.value.code == "locked"
    (stored,) = site.site.documents(session.screening.id)
    assert stored.pdf == signed.path.read_bytes() and stored.signer == "Wang Li"
    last = site.site.history(session.screening.id)[-1]
    assert last.action == "signed" and last.actor == "Wang Li"
    assert last.new_value["content_sha256"] == stored.content_sha256
    assert last.new_value["certificate_sha256"] == investigator(site).fingerprint
    with pytest.raises(StoreError):  # signed once: a second signature needs a correction first
        sign(site)


def test_an_ineligible_decision_can_be_signed(site):
    signed = sign(site, "ineligible")
    assert "INELIGIBLE" in " ".join(pdftotext(signed.path, layout=False).split())


def test_an_incomplete_screening_is_refused(site):
    with pytest.raises(StoreError) as raised:
        sign(site, "incomplete")
    assert raised.value.code == "incomplete"
    assert not site.site.documents(site.sessions["incomplete"].screening.id)


def test_a_coordinators_certificate_in_the_pis_name_cannot_sign(site):
    """The attack that used to succeed: a coordinator makes an identity carrying the PI's name."""
    forged = create_identity("Wang Li", "principal_investigator", b"coordinator's own secret")
    forged_identity = open_identity(forged, b"coordinator's own secret")
    assert forged_identity.name == "Wang Li"
    with pytest.raises(Refused) as raised:  # the PI's account, the forged certificate: not enrolled to the PI
        sign(site, identity=forged_identity)
    assert raised.value.code == "certificate_not_enrolled"
    with pytest.raises(Refused) as raised:  # nor can it be enrolled to anyone but the person it names
        site.coordinator.import_identity(forged, b"coordinator's own secret")
    assert raised.value.code == "certificate_of_another"
    sub_i = site.site.sign_in(site.people.sub_i.name, site.people.sub_i.password)
    with pytest.raises(Refused):  # a sub-investigator cannot sign under the PI's name either
        sub_i.import_identity(forged, b"coordinator's own secret")
    assert not any(c.fingerprint == forged_identity.fingerprint for c in site.site.certificates())
    with pytest.raises(Refused) as raised:  # and the coordinator may not sign at all
        site.coordinator.sign(site.sessions["eligible"], forged_identity, site.people.coordinator.password, site.words)
    assert raised.value.code == "not_investigator"
    assert site.sessions["eligible"].screening.status is ScreeningStatus.ELIGIBLE
    assert not site.site.documents(site.sessions["eligible"].screening.id)


def test_a_pi_cannot_sign_with_a_certificate_enrolled_to_someone_else(site):
    sub_i = open_identity(site.people.sub_i.identity, site.people.passphrase)
    with pytest.raises(Refused) as raised:
        sign(site, identity=sub_i)
    assert raised.value.code == "certificate_not_enrolled"


def test_the_password_is_asked_again_and_a_wrong_one_refuses(site):
    with pytest.raises(Refused) as raised:
        site.pi.sign(site.sessions["eligible"], investigator(site), "not my password", site.words)
    assert raised.value.code == "sign_in_failed"
    assert site.site.history()[-1].action == "sign_in_failed" and site.site.history()[-1].actor == "Wang Li"


def test_signing_needs_a_completion_made_after_the_last_change(site):
    session = site.sessions["eligible"]
    session_by_coordinator = site.coordinator.open(session.screening.id)
    session_by_coordinator.set_note("I4", "joint count from the clinic note of 2026-11-20")
    with pytest.raises(Refused) as raised:
        sign(site, session=site.pi.open(session.screening.id))
    assert raised.value.code == "not_completed"
    site.coordinator.complete(session_by_coordinator, site.people.coordinator.password)
    assert sign(site, session=site.pi.open(session.screening.id)).path.exists()


def test_an_ended_delegation_and_a_revoked_certificate_refuse(site):
    site.pi.end_delegation(site.people.sub_i.name, date(2026, 6, 30))
    sub_i = site.site.sign_in(site.people.sub_i.name, site.people.sub_i.password)
    identity = open_identity(site.people.sub_i.identity, site.people.passphrase)
    with pytest.raises(Refused) as raised:
        sub_i.sign(site.sessions["eligible"], identity, site.people.sub_i.password, site.words)
    assert raised.value.code == "not_delegated"
    site.pi.revoke_certificate(investigator(site).fingerprint, "laptop lost")
    with pytest.raises(Refused) as raised:
        sign(site)
    assert raised.value.code == "certificate_revoked"


def test_an_expired_certificate_refuses_and_every_refusal_is_audited(site, clock):
    from datetime import datetime

    clock.now = datetime(2032, 6, 1, 9, tzinfo=clock.now.tzinfo)  # five years on: the certificate has expired
    with pytest.raises(Refused) as raised:
        sign(site)
    assert raised.value.code == "certificate_expired"
    last = site.site.history()[-1]
    assert (last.actor, last.action, last.new_value) == ("Wang Li", "sign_refused", "certificate_expired")
    assert last.target == investigator(site).fingerprint


def test_a_wrong_passphrase_is_refused(site):
    with pytest.raises(IdentityError, match="passphrase does not open"):
        open_identity(site.people.pi.identity, b"not the passphrase")


def test_a_correction_is_signed_again_and_the_old_worksheet_stays(site):
    first = sign(site)
    corrected = site.pi.open(site.sessions["eligible"].screening.id).correct("haemoglobin transcribed wrongly")
    corrected.record_fact("haemoglobin", {"value": 84, "unit": "g/L"}, reason="lab report says 84 g/L")
    site.pi.complete(corrected, site.people.pi.password)
    second = sign(site, session=corrected)
    assert second.path.name.startswith("NCT03798028_S-001_v2_")
    assert first.path.exists() and site.site.documents(site.sessions["eligible"].screening.id)
    text = " ".join(pdftotext(second.path, layout=False).split())
    assert "2, correcting version 1: haemoglobin transcribed wrongly" in text


def test_an_institutions_certificate_in_the_persons_own_name_is_enrolled_and_signs(site):
    issued = create_identity("WANG  LI", None, b"institution passphrase", organisation="Xijing Hospital")
    certificate = site.pi.import_identity(issued, b"institution passphrase")
    assert certificate.person == "Wang Li" and certificate.source == "imported"
    identity = open_identity(issued, b"institution passphrase")
    assert sign(site, identity=identity).document.signer == "Wang Li"
    assert [e.action for e in site.site.history()].count("certificate_enrolled") == 3  # two at set-up, this one


def test_a_change_made_while_the_worksheet_is_signed_voids_the_signature(site):
    """The race: the PI's sign had read the completion; a coordinator changes an answer before it locks."""
    from trialdesk.signoff import SignerAuthority, sign_screening

    session = site.pi.open(site.sessions["eligible"].screening.id)
    completion = site.site.completion(session.screening.id)
    site.coordinator.open(session.screening.id).record_fact("infection", "yes", reason="lab called back")
    authority = SignerAuthority(site.people.pi.name, "principal_investigator", site.pi.delegation_entry())
    with pytest.raises(StoreError) as raised:
        sign_screening(site.store, session, investigator(site), site.words, authority=authority, completion=completion,
                       protocol_sha256="0" * 64, at=site.site.clock(), folder=site.site.site_file_dir())
    assert raised.value.code == "changed_while_signing"
    assert not site.site.documents(session.screening.id) and not site.site.site_file_dir().exists()
    assert site.site.screening(session.screening.id).status is not ScreeningStatus.SIGNED


def test_a_certificate_naming_two_people_is_not_enrolled(site):
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    from trialdesk.worksheet.signing import _strong_encryption as strong_encryption

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Zhao Min"), x509.NameAttribute(NameOID.COMMON_NAME, "Wang Li")])
    now = __import__("datetime").datetime.now(__import__("datetime").timezone.utc)
    certificate = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
                   .serial_number(7).not_valid_before(now).not_valid_after(now.replace(year=now.year + 1))
                   .sign(key, hashes.SHA256()))
    data = pkcs12.serialize_key_and_certificates(b"x", key, certificate, None, strong_encryption(b"two names here"))
    sub_i = site.site.sign_in(site.people.sub_i.name, site.people.sub_i.password)
    with pytest.raises(Refused) as raised:
        sub_i.import_identity(data, b"two names here")
    assert raised.value.code == "certificate_of_another" and "Wang Li" in raised.value.params["certificate"]


def test_a_delegation_does_not_end_before_a_signature_made_under_it_and_ends_whole(site):
    sign(site)
    with pytest.raises(Refused) as raised:
        site.pi.end_delegation(site.people.pi.name, date(2026, 6, 30))
    assert raised.value.code == "delegation_used"
    site.pi.delegate(site.people.sub_i.name, {Task.ENTER}, date(2026, 12, 1))
    with pytest.raises(Refused) as raised:  # one of the two entries cannot end then: neither ends
        site.pi.end_delegation(site.people.sub_i.name, date(2026, 11, 15))
    assert raised.value.code == "ends_before_start"
    assert all(e.ends is None for e in site.site.delegation_log() if e.person == site.people.sub_i.name)


def test_a_clock_set_back_cannot_sign_before_what_it_confirms(site, clock):
    clock.now = clock.now.replace(year=2026, month=10)  # the laptop's clock moved back a month
    with pytest.raises(Refused) as raised:
        sign(site)
    assert raised.value.code == "clock_behind"
