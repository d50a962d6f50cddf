"""Personal signing identities (PKCS#12) and the PAdES signature of a worksheet.

PAdES B-B, made entirely offline with pyHanko: the signature covers the whole file, and
any changed byte breaks it. pyHanko is imported only here and only when signing or
verifying (importing it costs about 0.4 s). The passphrase opens the key and is never
kept: not stored, not logged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from io import BytesIO
from typing import Any

SIGNATURE_FIELD = "InvestigatorSignature"
BYTES_RESERVED = 16384  # room for the CMS with an institutional certificate chain; spares a sizing pass


class IdentityError(Exception):
    """An identity file that cannot be used, or a passphrase that does not open it."""


@dataclass(frozen=True)
class Identity:
    """An opened PKCS#12 identity: who signs, and the signer pyHanko uses."""

    name: str
    role: str | None
    fingerprint: str
    signer: Any


def create_identity(name: str, role: str, passphrase: bytes, *, organisation: str | None = None,
                    years: int = 5) -> bytes:
    """A new personal identity: EC P-256 key and a self-signed certificate, as passphrase-protected PKCS#12."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    if len(passphrase) < 8:
        raise IdentityError("the passphrase must have at least 8 characters")
    key = ec.generate_private_key(ec.SECP256R1())
    attributes = [x509.NameAttribute(NameOID.COMMON_NAME, name), x509.NameAttribute(NameOID.TITLE, role)]
    if organisation:
        attributes.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation))
    subject = x509.Name(attributes)
    now = datetime.now(timezone.utc)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=365 * years))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                          data_encipherment=False, key_agreement=False, key_cert_sign=False, crl_sign=False,
                          encipher_only=False, decipher_only=False),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
        .sign(key, hashes.SHA256())
    )
    return pkcs12.serialize_key_and_certificates(name.encode("utf-8"), key, certificate, None,
                                                 BestAvailableEncryption(passphrase))


def open_identity(pkcs12_bytes: bytes, passphrase: bytes) -> Identity:
    """Open an identity (ours, or one issued by the institution: RSA or EC). Raises IdentityError."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    try:
        key, certificate, chain = pkcs12.load_key_and_certificates(pkcs12_bytes, passphrase)
    except ValueError:
        raise IdentityError("the passphrase does not open this identity (or the file is not a PKCS#12 identity)") from None
    if key is None or certificate is None:
        raise IdentityError("the identity file holds no private key and certificate")
    from asn1crypto import x509 as asn1_x509
    from pyhanko.sign import signers

    signer = signers.SimpleSigner.load_pkcs12_data(
        pkcs12_bytes, other_certs=[asn1_x509.Certificate.load(c.public_bytes(_der())) for c in chain or ()],
        passphrase=passphrase,
    )
    if signer is None:
        raise IdentityError("the identity could not be opened for signing")
    names = certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    titles = certificate.subject.get_attributes_for_oid(NameOID.TITLE)
    return Identity(
        name=str(names[0].value) if names else certificate.subject.rfc4514_string(),
        role=str(titles[0].value) if titles else None,
        fingerprint=certificate.fingerprint(hashes.SHA256()).hex(),
        signer=signer,
    )


def _der():
    from cryptography.hazmat.primitives.serialization import Encoding

    return Encoding.DER


def sign_pdf(pdf: bytes, identity: Identity, *, page: int, box: tuple[int, int, int, int], reason: str,
             location: str | None = None) -> bytes:
    """The PDF with a visible PAdES B-B signature over the box where the worksheet prints its manifestation."""
    from pyhanko import stamp
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    writer = IncrementalPdfFileWriter(BytesIO(pdf))
    metadata = signers.PdfSignatureMetadata(
        field_name=SIGNATURE_FIELD,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason,
        name=identity.name,
        location=location,
    )
    pdf_signer = signers.PdfSigner(
        metadata,
        signer=identity.signer,
        # The page already shows name, role, time and meaning in the box: the widget adds no drawing of its own.
        stamp_style=stamp.StaticStampStyle(border_width=0),
        new_field_spec=fields.SigFieldSpec(SIGNATURE_FIELD, on_page=page, box=box),
    )
    return pdf_signer.sign_pdf(writer, bytes_reserved=BYTES_RESERVED).getvalue()


@dataclass(frozen=True)
class PdfVerification:
    """What a signed worksheet says about itself."""

    signed: bool
    signer: str | None = None
    signing_time: datetime | None = None
    intact: bool = False
    valid: bool = False
    trusted: bool = False
    whole_file: bool = False
    content_digest: str | None = None
    document_id: str | None = None
    problem: str | None = None

    @property
    def unbroken(self) -> bool:
        """Cryptographically intact and covering every byte of the file."""
        return self.signed and self.intact and self.valid and self.whole_file


def verify_pdf(pdf: bytes) -> PdfVerification:
    """Check a worksheet's signature (integrity and coverage; trust is reported, not required)."""
    import logging

    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    from trialdesk.worksheet.render import KEYWORD

    try:
        reader = PdfFileReader(BytesIO(pdf), strict=False)
        info = reader.trailer["/Info"]
        keywords = str(info.get("/Keywords", ""))
    except Exception as error:  # anything a damaged or foreign file makes the parser raise
        return PdfVerification(signed=False, problem=f"not a readable PDF ({type(error).__name__})")
    digest = document = None
    for part in keywords.split(","):
        part = part.strip()
        if part.startswith(KEYWORD):
            digest = part[len(KEYWORD):]
        elif part.startswith("trialdesk-document="):
            document = part.split("=", 1)[1]
    signatures = reader.embedded_signatures
    if not signatures:
        return PdfVerification(signed=False, content_digest=digest, document_id=document, problem="the file is not signed")
    signature = signatures[0]
    quiet = logging.getLogger("pyhanko")  # a self-signed certificate is logged with a traceback: expected here
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)
    try:
        # No trust list: offline, trust is reported (a personal certificate is untrusted), integrity decides.
        status = validate_pdf_signature(signature, ValidationContext(trust_roots=[], allow_fetching=False))
    except (SignatureValidationError, ValueError) as error:
        return PdfVerification(signed=True, content_digest=digest, document_id=document, problem=str(error))
    finally:
        quiet.setLevel(level)
    cert = status.signing_cert
    names = [v for k, v in cert.subject.native.items() if k == "common_name"] if cert else []
    return PdfVerification(
        signed=True,
        signer=str(names[0]) if names else None,
        signing_time=status.signer_reported_dt,
        intact=status.intact,
        valid=status.valid,
        trusted=status.trusted,
        whole_file=status.coverage == SignatureCoverageLevel.ENTIRE_FILE,
        content_digest=digest,
        document_id=document,
    )
