"""Personal signing identities (PKCS#12) and the PAdES signature of a worksheet.

PAdES B-B, made entirely offline with pyHanko: the signature covers the whole file, and
any changed byte breaks it. pyHanko is imported only here and only when signing or
verifying (importing it costs about 0.4 s). The passphrase opens the key and is never
kept: not stored, not logged.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from datetime import datetime, timedelta, timezone
from io import BytesIO
from typing import Any, NoReturn

SIGNATURE_FIELD = "InvestigatorSignature"
BYTES_RESERVED = 16384  # room for the CMS with an institutional certificate chain; spares a sizing pass

# Identity files are copied to laptops and USB sticks: their protection must hold against offline guessing.
KDF_ROUNDS = 600_000  # PBKDF2-HMAC-SHA256 rounds in our own files (OWASP's 2023 figure)
# The least we accept from an institution's file: OpenSSL 3 and Windows export AES-256 files with
# about 2,000 PBKDF2 rounds by default; refusing those would refuse every institutional export.
MIN_IMPORT_ROUNDS = 2_000
MIN_PASSPHRASE = 10  # characters, not bytes
MIN_RSA_BITS = 2048
EC_CURVES = frozenset({"secp256r1", "secp384r1", "secp521r1"})  # P-256, P-384, P-521
STRONG_MAC_DIGESTS = frozenset({"sha256", "sha384", "sha512", "sha512_256", "sha3_256", "sha3_384", "sha3_512"})
PBES2_CIPHERS = frozenset({"aes128_cbc", "aes192_cbc", "aes256_cbc"})
# asn1crypto's names of the PBES1 and PKCS#12 schemes (all of them broken or brute-forceable), for people.
LEGACY_SCHEMES = {
    "pbes1_md2_des": "DES", "pbes1_md5_des": "DES", "pbes1_sha1_des": "DES",
    "pbes1_md2_rc2": "RC2", "pbes1_md5_rc2": "RC2", "pbes1_sha1_rc2": "RC2",
    "pkcs12_sha1_rc2_40": "RC2 (40-bit)", "pkcs12_sha1_rc2_128": "RC2 (128-bit)",
    "pkcs12_sha1_rc4_40": "RC4 (40-bit)", "pkcs12_sha1_rc4_128": "RC4 (128-bit)",
    "pkcs12_sha1_tripledes_3key": "3DES", "pkcs12_sha1_tripledes_2key": "two-key 3DES",
}
WEAK_PBES2_CIPHERS = {"des": "DES", "tripledes_3key": "3DES", "rc2": "RC2", "rc4": "RC4", "rc5": "RC5"}
DIGEST_NAMES = {"md2": "MD2", "md5": "MD5", "sha1": "SHA-1", "sha224": "SHA-224", "sha512_224": "SHA-512/224",
                "sha3_224": "SHA3-224"}
EXPORT_COMMAND = (f"openssl pkcs12 -export -keypbe AES-256-CBC -certpbe AES-256-CBC -macalg sha256 -iter {KDF_ROUNDS}"
                  " -in cert.pem -inkey key.pem -out identity.p12")
WINDOWS_EXPORT = 'on Windows: certificate export with "AES256-SHA256"'
REEXPORT = f"Re-export it with AES-256 and SHA-256, for example: {EXPORT_COMMAND} ({WINDOWS_EXPORT})."
NOT_PKCS12 = ("This file is not a PKCS#12 identity (.p12 or .pfx). Export the certificate and its key as PKCS#12"
              f" with AES-256 and SHA-256, for example: {EXPORT_COMMAND} ({WINDOWS_EXPORT}).")


class IdentityError(Exception):
    """An identity file that cannot be used, or a passphrase that does not open it."""


@dataclass(frozen=True)
class Identity:
    """An opened PKCS#12 identity: who signs, and the signer pyHanko uses."""

    name: str
    role: str | None
    fingerprint: str
    signer: Any
    subject: str = ""  # the certificate's subject, RFC 4514
    not_after: datetime | None = None  # the certificate's end of validity (aware, UTC)
    common_names: tuple[str, ...] = ()  # every CN of the subject (a verifier may show any of them)


def create_identity(name: str, role: str | None, passphrase: bytes, *, organisation: str | None = None,
                    years: int = 5) -> bytes:
    """A new personal identity: EC P-256 key and a self-signed certificate, as passphrase-protected PKCS#12.

    AES-256 with PBKDF2-HMAC-SHA256 and an HMAC-SHA256 MAC, set explicitly: "best available" encryption is
    whatever the installed cryptography chooses, and its round count is far below what an offline attack needs.
    """
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import pkcs12

    if len(passphrase.decode("utf-8", errors="replace")) < MIN_PASSPHRASE:
        raise IdentityError(f"The passphrase must have at least {MIN_PASSPHRASE} characters.")
    key = ec.generate_private_key(ec.SECP256R1())
    certificate = _self_signed(key, _subject(name, role, organisation), years)
    return pkcs12.serialize_key_and_certificates(name.encode("utf-8"), key, certificate, None,
                                                 _strong_encryption(passphrase))


def _subject(name: str, role: str | None, organisation: str | None):
    """The role and site travel in the certificate, so a verifier sees them without trialdesk's database."""
    from cryptography import x509
    from cryptography.x509.oid import NameOID

    attributes = [x509.NameAttribute(NameOID.COMMON_NAME, name)]
    if role:
        attributes.append(x509.NameAttribute(NameOID.TITLE, role))
    if organisation:
        attributes.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation))
    return x509.Name(attributes)


def _self_signed(key, subject, years: int):
    """A signing-only certificate: non-repudiation set, no CA rights, so it cannot vouch for anything else."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.x509.oid import ExtendedKeyUsageOID

    now = datetime.now(timezone.utc)
    return (
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


def _strong_encryption(passphrase: bytes):
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.serialization import PrivateFormat, pkcs12

    return (
        PrivateFormat.PKCS12.encryption_builder()
        .kdf_rounds(KDF_ROUNDS)
        .key_cert_algorithm(pkcs12.PBES.PBESv2SHA256AndAES256CBC)
        .hmac_hash(hashes.SHA256())
        .build(passphrase)
    )


def open_identity(pkcs12_bytes: bytes, passphrase: bytes) -> Identity:
    """Open an identity (ours, or one issued by the institution: RSA or EC). Raises IdentityError."""
    from cryptography.exceptions import UnsupportedAlgorithm
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    check_identity_strength(pkcs12_bytes)
    try:
        key, certificate, chain = pkcs12.load_key_and_certificates(pkcs12_bytes, passphrase)
    except ValueError:
        raise IdentityError("the passphrase does not open this identity (or the file is not a PKCS#12 identity)") from None
    except UnsupportedAlgorithm:
        raise IdentityError(f"This identity file uses an algorithm this computer cannot open. {REEXPORT}") from None
    if key is None or certificate is None:
        raise IdentityError("the identity file holds no private key and certificate")
    _check_key_strength(key)
    from pyhanko.keys.internal import translate_pyca_cryptography_cert_to_asn1, translate_pyca_cryptography_key_to_asn1
    from pyhanko.sign import signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    # Built from the key already unlocked: decrypting the file a second time costs another 600,000 rounds.
    registry = SimpleCertificateStore()
    registry.register_multiple([translate_pyca_cryptography_cert_to_asn1(c) for c in chain or ()])
    signer = signers.SimpleSigner(signing_cert=translate_pyca_cryptography_cert_to_asn1(certificate),
                                  signing_key=translate_pyca_cryptography_key_to_asn1(key), cert_registry=registry)
    names = certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    titles = certificate.subject.get_attributes_for_oid(NameOID.TITLE)
    return Identity(
        name=str(names[0].value) if names else certificate.subject.rfc4514_string(),
        role=str(titles[0].value) if titles else None,
        fingerprint=certificate.fingerprint(hashes.SHA256()).hex(),
        signer=signer,
        subject=certificate.subject.rfc4514_string(),
        not_after=certificate.not_valid_after_utc,
        common_names=tuple(str(n.value) for n in names),
    )


def _check_key_strength(key) -> None:
    """A PAdES signature is evidence only while its key cannot be factored or its curve is one verifiers know."""
    from cryptography.hazmat.primitives.asymmetric import ec, rsa

    if isinstance(key, rsa.RSAPrivateKey):
        if key.key_size >= MIN_RSA_BITS:
            return
        kind = f"RSA-{key.key_size}"
    elif isinstance(key, ec.EllipticCurvePrivateKey):
        if key.curve.name in EC_CURVES:
            return
        kind = f"EC on the curve {key.curve.name}"
    else:  # Ed25519, DSA...: not what PAdES verifiers at sponsors and authorities expect
        kind = type(key).__name__.removesuffix("PrivateKey")
    raise IdentityError(
        f"This identity's key is {kind}; signing needs RSA of at least {MIN_RSA_BITS} bits or EC P-256, P-384 "
        "or P-521. Ask the issuer for a new certificate, or create a new identity in trialdesk."
    )


@dataclass(frozen=True)
class _Protection:
    """How one part of a PKCS#12 file is encrypted, as plain values (asn1crypto's algorithm names)."""

    part: str  # "private key" or "certificates"
    scheme: str  # "pbes2", or a PBES1 / PKCS#12 scheme such as "pkcs12_sha1_rc2_40"
    cipher: str | None = None  # PBES2 only, as are kdf and rounds
    kdf: str | None = None
    rounds: int | None = None


@dataclass(frozen=True)
class _Container:
    """What the strength check looks at; read in one go so a damaged file fails while parsing, not mid-check."""

    mac_digest: str | None
    protections: tuple[_Protection, ...]
    plain_keys: int
    foreign_parts: tuple[str, ...]  # content types that are neither plain data nor passphrase-encrypted


def check_identity_strength(pkcs12_bytes: bytes) -> None:
    """Refuse an identity file whose protection a thief could break offline or alter unnoticed.

    Read from the file's structure alone, before any passphrase is tried: the weakness is in how the file was
    exported, not in who opens it, and the message says how to re-export it. Raises IdentityError.
    """
    container = _read_container(pkcs12_bytes)
    _check_encryption(container)
    _check_mac(container.mac_digest)


def _read_container(pkcs12_bytes: bytes) -> _Container:
    from asn1crypto import pkcs12

    try:
        pfx = pkcs12.Pfx.load(pkcs12_bytes, strict=True)
        mac = pfx["mac_data"].native
        protections, bags, foreign = [], [], []
        for info in pfx.authenticated_safe:
            kind = info["content_type"].native
            if kind == "data":
                bags.extend(_bags(pkcs12.SafeContents.load(info["content"].native, strict=True)))
            elif kind == "encrypted_data":
                algorithm = info["content"]["encrypted_content_info"]["content_encryption_algorithm"]
                protections.append(_protection("certificates", algorithm))
            else:
                foreign.append(str(kind))
        kinds = [bag["bag_id"].native for bag in bags]
        protections += [_protection("private key", bag["bag_value"]["encryption_algorithm"])
                        for bag, kind in zip(bags, kinds) if kind == "pkcs8_shrouded_key_bag"]
        mac_digest = mac["mac"]["digest_algorithm"]["algorithm"] if mac else None
    except Exception:  # anything a damaged or foreign file makes the parser raise
        raise IdentityError(NOT_PKCS12) from None
    return _Container(mac_digest, tuple(protections), kinds.count("key_bag"), tuple(foreign))


def _bags(safe_contents):
    """Every bag, nested SafeContents included: a key hidden one level down is still a key."""
    for bag in safe_contents:
        if bag["bag_id"].native == "safe_contents":
            yield from _bags(bag["bag_value"])
        else:
            yield bag


def _protection(part: str, algorithm) -> _Protection:
    scheme = algorithm["algorithm"].native
    if scheme != "pbes2":
        return _Protection(part, scheme)
    parameters = algorithm["parameters"]
    kdf = parameters["key_derivation_func"]
    kdf_name = kdf["algorithm"].native
    return _Protection(
        part, scheme,
        cipher=parameters["encryption_scheme"]["algorithm"].native,
        kdf=kdf_name,
        rounds=kdf["parameters"]["iteration_count"].native if kdf_name == "pbkdf2" else None,
    )


def _check_encryption(container: _Container) -> None:
    if container.foreign_parts:
        raise IdentityError(f"This identity file holds a part trialdesk cannot check"
                            f" ({', '.join(container.foreign_parts)}). {REEXPORT}")
    if container.plain_keys:
        raise IdentityError(f"This identity file stores its private key unencrypted. {REEXPORT}")
    if not container.protections:
        raise IdentityError(f"This identity file is not encrypted. {REEXPORT}")
    for protection in container.protections:
        _check_protection(protection)


def _check_protection(protection: _Protection) -> None:
    """An allow-list, PBES2 with AES and PBKDF2: the weak schemes are named so the message can say what is wrong."""
    part = protection.part
    if protection.scheme != "pbes2":
        _refuse_algorithm(part, LEGACY_SCHEMES.get(protection.scheme), protection.scheme)
    if protection.cipher not in PBES2_CIPHERS or protection.kdf != "pbkdf2":
        _refuse_algorithm(part, WEAK_PBES2_CIPHERS.get(protection.cipher or ""),
                          f"{protection.cipher} with {protection.kdf}")
    if (protection.rounds or 0) < MIN_IMPORT_ROUNDS:
        # No Windows hint here: the Windows export wizard cannot set the round count.
        raise IdentityError(
            f"This identity file protects its {part} with only {protection.rounds or 0:,} PBKDF2 rounds;"
            f" trialdesk needs at least {MIN_IMPORT_ROUNDS:,}. Re-export it with more rounds, for example:"
            f" {EXPORT_COMMAND}."
        )


def _refuse_algorithm(part: str, weak: str | None, name: str) -> NoReturn:
    if weak:
        raise IdentityError(f"This identity file protects its {part} with {weak}, which is too weak to keep"
                            f" the key safe. {REEXPORT}")
    raise IdentityError(f"This identity file protects its {part} with {name}, which trialdesk does not"
                        f" accept. {REEXPORT}")


def _check_mac(digest: str | None) -> None:
    """The MAC is what reveals a tampered file, e.g. a certificate swapped for the attacker's."""
    if digest is None:
        raise IdentityError(f"This identity file has no integrity check (MAC), so a change to it would go"
                            f" unnoticed. {REEXPORT}")
    if digest not in STRONG_MAC_DIGESTS:
        raise IdentityError(f"This identity file's integrity check (MAC) uses {DIGEST_NAMES.get(digest, digest)};"
                            f" trialdesk needs SHA-256 or stronger. {REEXPORT}")


PAYLOAD_NAME = "trialdesk-worksheet.json"  # the worksheet content, embedded in the signed revision


def sign_pdf(pdf: bytes, identity: Identity, *, page: int, box: tuple[int, int, int, int], reason: str,
             location: str | None = None, payload: bytes | None = None, at: datetime | None = None) -> bytes:
    """The PDF with a visible PAdES B-B signature over the box where the worksheet prints its manifestation.

    `payload` (the worksheet content as JSON) is embedded as an associated file (PDF/A-3 style,
    /AFRelationship /Data) in the same revision the signature covers; `at` is the signing time
    the CMS states, the one the site records.
    """
    from pyhanko import stamp
    from pyhanko.pdf_utils import embed, generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    writer = IncrementalPdfFileWriter(BytesIO(pdf))
    if payload is not None:
        stamp_time = at or datetime.now(timezone.utc)
        data = embed.EmbeddedFileObject.from_file_data(
            writer, data=payload, mime_type="application/json",
            params=embed.EmbeddedFileParams(creation_date=stamp_time, modification_date=stamp_time),
        )
        embed.embed_file(writer, embed.FileSpec(
            file_spec_string=PAYLOAD_NAME, file_name=PAYLOAD_NAME, embedded_data=data,
            description="trialdesk worksheet content: what every page says, as data",
            af_relationship=generic.NameObject("/Data"),
        ))
    metadata = signers.PdfSignatureMetadata(
        field_name=SIGNATURE_FIELD,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason,
        name=identity.name,
        location=location,
    )
    pdf_signer = _signer_at()(
        metadata,
        signer=identity.signer,
        # The page already shows name, role, time and meaning in the box: the widget adds no drawing of its own.
        stamp_style=stamp.StaticStampStyle(border_width=0),
        new_field_spec=fields.SigFieldSpec(SIGNATURE_FIELD, on_page=page, box=box),
        at=at,
    )
    return pdf_signer.sign_pdf(writer, bytes_reserved=BYTES_RESERVED).getvalue()


@cache
def _signer_at() -> type:
    """pyHanko's PdfSigner, stating a given signing time (the class is made on first use: pyHanko loads slowly)."""
    from pyhanko.sign import signers

    class SignerAt(signers.PdfSigner):
        """States the site's signing time in the CMS, so the file and the database say the same moment."""

        def __init__(self, *args, at: datetime | None = None, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._at = at

        def init_signing_session(self, pdf_out, existing_fields_only=False):
            session = super().init_signing_session(pdf_out, existing_fields_only=existing_fields_only)
            if self._at is not None:
                session.system_time = self._at
            return session

    return SignerAt
