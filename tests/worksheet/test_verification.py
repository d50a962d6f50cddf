"""`verify` proves, it does not trust: every forgery a dishonest holder of the files can make is caught."""

from __future__ import annotations

from io import BytesIO

import pytest

from tests.worksheet.conftest import investigator, sign
from trialdesk.messages import Messages
from trialdesk.worksheet.content import WorksheetContent
from trialdesk.worksheet.render import render_worksheet
from trialdesk.worksheet.signing import create_identity, open_identity, sign_pdf
from trialdesk.worksheet.verification import check_file

FORGER = b"forger's passphrase"


@pytest.fixture
def signed(site):
    return sign(site).path.read_bytes()


def payload_of(pdf: bytes) -> WorksheetContent:
    content = check_file(pdf).content
    assert content is not None
    return content


def resign(content: WorksheetContent, identity, *, with_payload: bool = True, claim_certificate: bool = True) -> bytes:
    """What a forger with trialdesk's own renderer can make: pages, payload and signature all consistent."""
    if claim_certificate:
        content = content.model_copy(update={"signature": content.signature.model_copy(
            update={"certificate_sha256": identity.fingerprint})})
    rendered = render_worksheet(content, Messages(lang=content.language))
    payload = content.model_dump_json().encode() if with_payload else None
    return sign_pdf(rendered.pdf, identity, page=rendered.signature_page, box=rendered.signature_box, reason="x",
                    payload=payload, at=content.signature.signed_at)


def forged_pi():
    return open_identity(create_identity("Wang Li", "principal_investigator", FORGER), FORGER)


def test_the_honest_worksheet_is_verified(site, signed):
    check = site.site.check_worksheet(signed)
    assert check.outcome == "verified", check.all_problems
    assert check.file.pages_match and check.file.content.audit_hash and check.file.content.protocol_sha256


def test_stripped_altered_and_re_signed_with_a_self_made_certificate_in_the_pis_name(site, signed):
    content = payload_of(signed)
    altered = content.model_copy(update={"date_of_birth": content.date_of_birth.replace(year=1980)})
    forged = resign(altered, forged_pi())
    alone = check_file(forged)
    assert alone.holds  # consistent on its own: only the site's records can tell
    check = site.site.check_worksheet(forged)
    assert check.outcome == "broken"
    problems = " ".join(check.all_problems)
    assert "never signed this content" in problems and "not enrolled to Wang Li" in problems
    assert "date of birth" in problems


def test_the_same_pages_re_signed_unaltered_by_an_unenrolled_certificate(site, signed):
    content = payload_of(signed)
    forged = resign(content, forged_pi(), claim_certificate=False)
    check = site.site.check_worksheet(forged)
    assert check.outcome == "broken"
    assert any("certificate other than the one the page names" in p for p in check.file.problems)
    check_claiming = site.site.check_worksheet(resign(content, forged_pi()))
    assert check_claiming.outcome == "broken"
    assert any("never signed this content" in p for p in check_claiming.problems)


def test_the_unsigned_first_revision_re_signed_without_its_payload(site, signed):
    content = payload_of(signed)
    check = site.site.check_worksheet(resign(content, forged_pi(), with_payload=False))
    assert check.outcome == "broken"
    assert any("no embedded worksheet content" in p for p in check.all_problems)


def test_screening_as_worksheet_presented_for_another_screening(site, signed):
    content = payload_of(signed)
    other = site.sessions["ineligible"].screening
    posing = content.model_copy(update={"screening_id": other.id})
    check = site.site.check_worksheet(resign(posing, investigator(site)))
    assert check.outcome == "broken"
    assert any("screening number" in p for p in check.problems) and any("never signed" in p for p in check.problems)


def test_an_appended_update_changing_only_metadata_is_caught(site, signed):
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(BytesIO(signed))
    info = writer.trailer["/Info"].get_object()
    info[generic.NameObject("/Keywords")] = generic.TextStringObject("trialdesk-document=NCT03798028_S-002_v1")
    writer.update_container(info)
    out = BytesIO()
    writer.write(out)
    check = site.site.check_worksheet(out.getvalue())
    assert check.outcome == "broken"
    assert any("appended after signing" in p for p in check.file.problems)
    assert check.file.content.screening_number == "S-001"  # read from the signed revision, not the update


def test_a_superseded_worksheet_says_so(site, signed):
    corrected = site.pi.open(site.sessions["eligible"].screening.id).correct("haemoglobin transcribed wrongly")
    site.pi.complete(corrected, site.people.pi.password)
    newer = sign(site, session=corrected)
    old = site.site.check_worksheet(signed)
    assert old.outcome == "superseded" and old.superseded_by == 2
    assert site.site.check_worksheet(newer.path.read_bytes()).outcome == "verified"


@pytest.mark.parametrize("cut", [0, 10, 1000, 0.5, 0.9, -1])
def test_truncated_files_are_broken_never_an_error(site, signed, cut):
    length = int(len(signed) * cut) if isinstance(cut, float) else (cut if cut >= 0 else len(signed) + cut)
    check = site.site.check_worksheet(signed[:length])
    assert check.outcome == "broken" and check.all_problems


def test_damaged_bytes_anywhere_in_the_signature_are_broken_never_an_error(site, signed):
    start = signed.index(b"/Contents <") + len(b"/Contents <")
    for offset in range(0, 400, 7):  # the CMS header, the certificate set, the signer info
        damaged = bytearray(signed)
        damaged[start + offset] = ord("f") if damaged[start + offset] != ord("f") else ord("0")
        check = site.site.check_worksheet(bytes(damaged))
        assert check.outcome == "broken", offset


def test_without_the_database_it_says_what_it_could_not_check(signed):
    from trialdesk.signoff import check_worksheet

    check = check_worksheet(signed, None)
    assert check.outcome == "unchecked" and check.file.holds
    assert any("enrolled" in item for item in check.not_checked)
