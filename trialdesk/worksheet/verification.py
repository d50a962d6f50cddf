"""A signed worksheet checked on its own: what its signed revision proves, trusting nothing it merely says.

Everything is read from the revision the signature covers. The embedded payload (the worksheet
content as data) is parsed and its digest recomputed; the pages must be exactly the rendering
of that payload (the renderer is deterministic), so a page cannot say what the data does not.
The certificate that signed must be the one the page names, at the time the page states.
Whatever a damaged, truncated, stripped, re-signed or foreign file does, the answer is a list
of problems in words, never an exception.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from io import BytesIO

from trialdesk import __version__
from trialdesk.messages import Messages
from trialdesk.worksheet.content import WorksheetContent
from trialdesk.worksheet.render import render_worksheet
from trialdesk.worksheet.signing import PAYLOAD_NAME

MAX_PAYLOAD = 4 * 1024 * 1024  # a worksheet's content is tens of kilobytes


@dataclass(frozen=True)
class FileCheck:
    """What a signed worksheet file proves by itself. `problems` empty: it holds."""

    signed: bool = False
    intact: bool = False  # the signed bytes are those the signer signed
    whole_file: bool = False  # nothing was appended after the signature
    signer: str | None = None  # the certificate's common name
    certificate_sha256: str | None = None
    signing_time: datetime | None = None
    trusted: bool = False
    content: WorksheetContent | None = None
    digest: str | None = None  # recomputed from the payload
    pages_match: bool = False
    problems: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default=())

    @property
    def holds(self) -> bool:
        return not self.problems


def check_file(pdf: bytes) -> FileCheck:
    problems: list[str] = []
    try:
        signature, status = _validated_signature(pdf, problems)
    except _Unreadable as unreadable:
        return FileCheck(problems=(str(unreadable),))
    if signature is None:
        return FileCheck(problems=tuple(problems))
    certificate = status.signing_cert if status is not None else None
    names = [v for k, v in certificate.subject.native.items() if k == "common_name"] if certificate else []
    fingerprint = hashlib.sha256(certificate.dump()).hexdigest() if certificate else None
    intact = bool(status and status.intact and status.valid)
    whole = bool(status and _covers_whole_file(status))
    if status is not None and not intact:
        problems.append("BROKEN: the signed bytes were changed after signing (the digest does not match)")
    if status is not None and intact and not whole:
        problems.append("an update was appended after signing: what follows the signature is not covered by it")
    signed_revision = _signed_revision(pdf, signature)
    content, digest, pages_match, notes = _payload_checks(signed_revision, problems)
    signing_time = status.signer_reported_dt if status is not None else None
    signer = str(names[0]) if names else None
    if content is not None:
        _check_manifestation(content, signer, fingerprint, signing_time, problems)
    return FileCheck(signed=True, intact=intact, whole_file=whole, signer=signer, certificate_sha256=fingerprint,
                     signing_time=signing_time, trusted=bool(status and status.trusted), content=content,
                     digest=digest, pages_match=pages_match, problems=tuple(problems), notes=tuple(notes))


class _Unreadable(Exception):
    pass


def _validated_signature(pdf: bytes, problems: list[str]):
    import logging

    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    if not pdf.startswith(b"%PDF-"):
        raise _Unreadable("not a PDF file")
    try:
        reader = PdfFileReader(BytesIO(pdf), strict=False)
        signatures = reader.embedded_signatures
    except Exception as error:  # whatever a damaged or truncated file makes the parser raise
        raise _Unreadable(f"not a readable PDF: damaged or truncated ({type(error).__name__})") from None
    if not signatures:
        problems.append("not signed: the file carries no signature (a draft, or the signature was stripped)")
        return None, None
    if len(signatures) > 1:
        problems.append(f"{len(signatures)} signatures: a trialdesk worksheet carries exactly one (signed again?)")
    signature = signatures[0]
    quiet = logging.getLogger("pyhanko")  # a self-signed certificate is logged with a traceback: expected here
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)
    try:
        # No trust list: offline, trust is reported (a personal certificate is untrusted); integrity decides.
        status = validate_pdf_signature(signature, ValidationContext(trust_roots=[], allow_fetching=False))
    except Exception as error:  # a damaged CMS, certificate set or byte range
        problems.append(f"BROKEN: the signature cannot be read ({type(error).__name__}); the file is damaged")
        return signature, None
    finally:
        quiet.setLevel(level)
    return signature, status


def _covers_whole_file(status) -> bool:
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    return status.coverage == SignatureCoverageLevel.ENTIRE_FILE


def _signed_revision(pdf: bytes, signature) -> bytes:
    """The bytes of the revision the signature covers: an appended update is not part of it."""
    try:
        start, first, second, length = (int(v) for v in signature.byte_range)
        return pdf[:second + length]
    except (TypeError, ValueError):
        return pdf


def _payload_checks(revision: bytes, problems: list[str]):
    """The embedded content, its digest, and whether the pages are its rendering."""
    payload = _embedded_payload(revision)
    if payload is None:
        problems.append("no embedded worksheet content in the signed revision: not a trialdesk worksheet, "
                        "or its content was stripped")
        return None, None, False, []
    try:
        content = WorksheetContent.model_validate_json(payload)
    except ValueError:
        problems.append("the embedded worksheet content is not valid worksheet data")
        return None, None, False, []
    notes: list[str] = []
    try:
        rendered = render_worksheet(content, Messages(lang=content.language)).pdf
    except Exception as error:  # a payload made to break the renderer
        problems.append(f"the embedded worksheet content cannot be rendered ({type(error).__name__})")
        return content, content.digest(), False, notes
    pages_match = revision.startswith(rendered)
    if not pages_match:
        if content.program_version == __version__:
            problems.append("the pages are not the rendering of the embedded content: the page or the data was "
                            "altered")
        elif _same_text(revision, rendered):
            pages_match = True
            notes.append(f"made by trialdesk {content.program_version}: pages compared by their text")
        else:
            problems.append(f"the pages do not say what the embedded content says (made by trialdesk "
                            f"{content.program_version})")
    return content, content.digest(), pages_match, notes


def _embedded_payload(revision: bytes) -> bytes | None:
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(BytesIO(revision), strict=False)
        names = reader.root["/Names"]["/EmbeddedFiles"]["/Names"]
        for index in range(0, len(names) - 1, 2):
            if str(names[index]) == PAYLOAD_NAME:
                stream = names[index + 1].get_object()["/EF"]["/F"].get_object()
                data = stream.data
                return data if len(data) <= MAX_PAYLOAD else None
    except Exception:  # a missing or malformed name tree is "no payload"
        return None
    return None


def _same_text(revision: bytes, rendered: bytes) -> bool:
    import pypdfium2

    try:
        ours, theirs = pypdfium2.PdfDocument(rendered), pypdfium2.PdfDocument(revision)
        if len(ours) != len(theirs):
            return False
        return all(ours[i].get_textpage().get_text_range() == theirs[i].get_textpage().get_text_range()
                   for i in range(len(ours)))
    except Exception:
        return False


def _check_manifestation(content: WorksheetContent, signer: str | None, fingerprint: str | None,
                         signing_time: datetime | None, problems: list[str]) -> None:
    """The page names who signed, with which certificate, when: the signature must agree."""
    signature = content.signature
    if signature is None:
        problems.append("the embedded content carries no signature manifestation: it is a draft's")
        return
    if fingerprint and signature.certificate_sha256 != fingerprint:
        problems.append(f"signed with a certificate other than the one the page names (signed with SHA-256 "
                        f"{fingerprint[:16]}…, the page names {signature.certificate_sha256[:16]}…)")
    if signer is not None and signer != signature.name:
        problems.append(f"the certificate is {signer}'s, the page says {signature.name} signed")
    if signing_time is not None and int(signing_time.timestamp()) != int(signature.signed_at.timestamp()):
        problems.append(f"the signature was made at {signing_time.isoformat()}, the page says "
                        f"{signature.signed_at.isoformat()}")
