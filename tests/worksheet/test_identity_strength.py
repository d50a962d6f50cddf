"""Identity files: ours are strongly protected; weak, unprotected or damaged ones are refused with a way out.

Every weak file is built here, with cryptography, by rewriting a strong file's algorithm identifiers with
asn1crypto (the strength check reads the structure only, so the ciphertext need not match), or with openssl.
"""

from __future__ import annotations

import os
import random
import shlex
import shutil
import subprocess
from datetime import datetime, timedelta, timezone

import pytest
from asn1crypto import cms, pkcs12 as asn1_pkcs12
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, rsa
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat, pkcs12
from cryptography.x509.oid import NameOID

from trialdesk.worksheet.signing import (KDF_ROUNDS, MIN_IMPORT_ROUNDS, MIN_PASSPHRASE, IdentityError,
                                         check_identity_strength, create_identity, open_identity)

PASSPHRASE = b"study passphrase 2026"
REEXPORT_ADVICE = ("openssl pkcs12 -export -keypbe AES-256-CBC -certpbe AES-256-CBC -macalg sha256 -iter 600000"
                   " -in cert.pem -inkey key.pem -out identity.p12")
LEGACY_SALT = bytes(range(8))


# --- building identity files ------------------------------------------------------------------------------------

def certificate(key, common_name: str, *, issuer: x509.Certificate | None = None, issuer_key=None, ca: bool = False):
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name),
                         x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Xijing Hospital")])
    now = datetime.now(timezone.utc)
    signing_hash = None if isinstance(issuer_key or key, ed25519.Ed25519PrivateKey) else hashes.SHA256()
    return (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer.subject if issuer else subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .sign(issuer_key or key, signing_hash)
    )


def encryption(algorithm=pkcs12.PBES.PBESv2SHA256AndAES256CBC, mac=hashes.SHA256(), rounds: int = KDF_ROUNDS):
    return (PrivateFormat.PKCS12.encryption_builder().kdf_rounds(rounds).key_cert_algorithm(algorithm)
            .hmac_hash(mac).build(PASSPHRASE))


def identity_file(key=None, protection=None, cas=None) -> bytes:
    key = key or ec.generate_private_key(ec.SECP256R1())
    return pkcs12.serialize_key_and_certificates(b"someone", key, certificate(key, "Someone"), cas,
                                                 protection or encryption())


@pytest.fixture(scope="module")
def strong() -> bytes:
    return identity_file()


def parts(data: bytes) -> list[cms.ContentInfo]:
    return list(asn1_pkcs12.Pfx.load(data).authenticated_safe)


def rebuilt(data: bytes, new_parts: list[cms.ContentInfo], mac_data="keep") -> bytes:
    """The same file with other AuthenticatedSafe parts (or MAC): the MAC no longer matches, which is beside
    the point, since the strength check runs before anything is decrypted."""
    pfx = asn1_pkcs12.Pfx.load(data)
    safe = asn1_pkcs12.AuthenticatedSafe([cms.ContentInfo.load(part.dump()) for part in new_parts])
    fields = {"version": "v3", "auth_safe": {"content_type": "data", "content": safe.dump()}}
    mac = pfx["mac_data"] if mac_data == "keep" else mac_data
    if mac is not None:
        fields["mac_data"] = asn1_pkcs12.MacData.load(mac.dump())
    return asn1_pkcs12.Pfx(fields).dump()


def with_certificate_algorithm(data: bytes, algorithm: dict) -> bytes:
    """The file with its encrypted certificate part claiming another algorithm (a legacy export, in effect)."""
    new_parts = []
    for part in parts(data):
        if part["content_type"].native == "encrypted_data":
            encrypted = part["content"]
            info = encrypted["encrypted_content_info"]
            part = cms.ContentInfo({"content_type": "encrypted_data", "content": cms.EncryptedData({
                "version": encrypted["version"].native,
                "encrypted_content_info": {"content_type": info["content_type"].native,
                                           "content_encryption_algorithm": algorithm,
                                           "encrypted_content": info["encrypted_content"].native},
            })})
        new_parts.append(part)
    return rebuilt(data, new_parts)


def with_mac_digest(data: bytes, digest: str) -> bytes:
    mac = asn1_pkcs12.MacData.load(asn1_pkcs12.Pfx.load(data)["mac_data"].dump())
    return rebuilt(data, parts(data), mac_data=asn1_pkcs12.MacData({
        "mac": {"digest_algorithm": {"algorithm": digest}, "digest": mac["mac"]["digest"].native},
        "mac_salt": mac["mac_salt"].native, "iterations": mac["iterations"].native,
    }))


def pbes2(cipher: str, cipher_parameters, rounds: int = KDF_ROUNDS) -> dict:
    return {"algorithm": "pbes2", "parameters": {
        "key_derivation_func": {"algorithm": "pbkdf2", "parameters": {
            "salt": {"specified": os.urandom(16)}, "iteration_count": rounds, "prf": {"algorithm": "sha256"}}},
        "encryption_scheme": {"algorithm": cipher, "parameters": cipher_parameters},
    }}


def refusal(data: bytes, passphrase: bytes = PASSPHRASE) -> str:
    """The message, from the check and from opening; both must refuse, and neither may show the passphrase."""
    with pytest.raises(IdentityError) as checked:
        check_identity_strength(data)
    with pytest.raises(IdentityError) as opened:
        open_identity(data, passphrase)
    message = str(checked.value)
    assert str(opened.value) == message
    assert passphrase.decode() not in message
    return message


def protections(data: bytes) -> list[tuple[str, dict]]:
    """(part, algorithm) for every encrypted part, read with asn1crypto alone, independently of trialdesk."""
    found = []
    for part in parts(data):
        if part["content_type"].native == "encrypted_data":
            algorithm = part["content"]["encrypted_content_info"]["content_encryption_algorithm"]
            found.append(("certificates", algorithm.native))
        else:
            for bag in asn1_pkcs12.SafeContents.load(part["content"].native):
                assert bag["bag_id"].native != "key_bag", "a private key stored in the clear"
                if bag["bag_id"].native == "pkcs8_shrouded_key_bag":
                    found.append(("private key", bag["bag_value"]["encryption_algorithm"].native))
    return found


# --- our own identities -----------------------------------------------------------------------------------------

def test_a_created_identity_uses_aes_256_pbkdf2_sha256_600000_rounds_and_an_hmac_sha256_mac():
    data = create_identity("Wang Li", "principal_investigator", PASSPHRASE)
    pfx = asn1_pkcs12.Pfx.load(data)
    assert pfx["mac_data"]["mac"]["digest_algorithm"]["algorithm"].native == "sha256"
    found = protections(data)
    assert sorted(part for part, _ in found) == ["certificates", "private key"]
    assert KDF_ROUNDS == 600_000
    for part, algorithm in found:
        assert algorithm["algorithm"] == "pbes2", part
        kdf = algorithm["parameters"]["key_derivation_func"]
        assert kdf["algorithm"] == "pbkdf2", part
        assert kdf["parameters"]["prf"]["algorithm"] == "sha256", part
        assert kdf["parameters"]["iteration_count"] >= 600_000, part
        assert algorithm["parameters"]["encryption_scheme"]["algorithm"] == "aes256_cbc", part
    check_identity_strength(data)


def test_a_created_identity_opens_with_its_role_and_without_one():
    with_role = open_identity(create_identity("Wang Li", "principal_investigator", PASSPHRASE), PASSPHRASE)
    assert (with_role.name, with_role.role) == ("Wang Li", "principal_investigator")
    without = open_identity(create_identity("Chen Hua", None, PASSPHRASE, organisation="Xijing"), PASSPHRASE)
    assert (without.name, without.role) == ("Chen Hua", None)
    assert without.signer.signing_cert.subject.native["organization_name"] == "Xijing"
    assert len(with_role.fingerprint) == 64 and with_role.fingerprint != without.fingerprint


@pytest.mark.parametrize("passphrase", ["123456789", "nine char", "密码密码密码密码密"])  # the last: 27 bytes
def test_a_passphrase_of_fewer_than_ten_characters_is_refused(passphrase):
    assert len(passphrase) == MIN_PASSPHRASE - 1 == 9
    with pytest.raises(IdentityError, match="at least 10 characters") as refused:
        create_identity("Wang Li", "principal_investigator", passphrase.encode("utf-8"))
    assert passphrase not in str(refused.value)


def test_a_passphrase_of_ten_characters_is_enough():
    data = create_identity("Wang Li", None, b"0123456789")
    assert open_identity(data, b"0123456789").name == "Wang Li"


def test_a_wrong_passphrase_on_a_strong_file_is_still_reported_as_such():
    with pytest.raises(IdentityError, match="passphrase does not open"):
        open_identity(create_identity("Wang Li", None, PASSPHRASE), b"not the passphrase")


# --- weak protection ----------------------------------------------------------------------------------------------

def test_an_unencrypted_file_is_refused():
    message = refusal(identity_file(protection=NoEncryption()))
    assert "private key unencrypted" in message


def test_a_private_key_in_the_clear_inside_a_nested_safe_contents_is_refused():
    plain = identity_file(protection=NoEncryption())
    bags = [bag for part in parts(plain) for bag in asn1_pkcs12.SafeContents.load(part["content"].native)]
    nested = asn1_pkcs12.SafeContents([{"bag_id": "safe_contents", "bag_value": asn1_pkcs12.SafeContents(
        [asn1_pkcs12.SafeBag.load(bag.dump()) for bag in bags])}])
    data = rebuilt(plain, [cms.ContentInfo({"content_type": "data", "content": nested.dump()})])
    assert "private key unencrypted" in refusal(data)


def test_a_3des_file_with_a_sha1_mac_is_refused():
    data = identity_file(protection=encryption(pkcs12.PBES.PBESv1SHA1And3KeyTripleDESCBC, mac=hashes.SHA1()))
    assert "3DES" in refusal(data)


@pytest.mark.parametrize("scheme, named", [
    ("pkcs12_sha1_rc2_40", "RC2 (40-bit)"),
    ("pkcs12_sha1_rc2_128", "RC2 (128-bit)"),
    ("pbes1_sha1_rc2", "RC2"),
    ("pbes1_md5_des", "DES"),
    ("pkcs12_sha1_rc4_128", "RC4 (128-bit)"),
    ("pkcs12_sha1_tripledes_2key", "two-key 3DES"),
])
def test_a_pbes1_or_pkcs12_legacy_scheme_is_refused_by_name(strong, scheme, named):
    data = with_certificate_algorithm(strong, {"algorithm": scheme,
                                               "parameters": {"salt": LEGACY_SALT, "iterations": 2048}})
    message = refusal(data)
    assert f"protects its certificates with {named}," in message and "too weak" in message


@pytest.mark.parametrize("cipher, parameters, named", [
    ("rc2", {"rc2_parameter_version": 58, "iv": bytes(8)}, "RC2"),
    ("tripledes_3key", bytes(8), "3DES"),
    ("des", bytes(8), "DES"),
])
def test_pbes2_with_a_weak_cipher_is_refused(strong, cipher, parameters, named):
    message = refusal(with_certificate_algorithm(strong, pbes2(cipher, parameters)))
    assert f"with {named}," in message and "too weak" in message


def test_pbes2_with_an_unknown_cipher_is_refused(strong):
    message = refusal(with_certificate_algorithm(strong, pbes2("aes256_ofb", bytes(16))))
    assert "aes256_ofb" in message and "does not accept" in message


def test_pbes2_with_aes_and_enough_rounds_passes_the_same_rewrite(strong):
    """The rewriting itself is not what gets files refused above."""
    check_identity_strength(with_certificate_algorithm(strong, pbes2("aes256_cbc", bytes(16))))


def test_pbkdf2_with_fewer_rounds_than_a_default_export_is_refused():
    assert MIN_IMPORT_ROUNDS == 2_000  # OpenSSL's and Windows' default exports must still import
    message = refusal(identity_file(protection=encryption(rounds=1_999)))
    assert "only 1,999 PBKDF2 rounds" in message and "at least 2,000" in message
    check_identity_strength(identity_file(protection=encryption(rounds=2_048)))


def test_a_sha1_mac_with_otherwise_aes_encryption_is_refused():
    message = refusal(identity_file(protection=encryption(mac=hashes.SHA1())))
    assert "(MAC) uses SHA-1" in message and "SHA-256 or stronger" in message


def test_an_md5_mac_is_refused(strong):
    assert "(MAC) uses MD5" in refusal(with_mac_digest(strong, "md5"))


def test_a_file_without_a_mac_is_refused(strong):
    assert "no integrity check (MAC)" in refusal(rebuilt(strong, parts(strong), mac_data=None))


def test_every_refusal_says_how_to_re_export(strong):
    weak_files = {
        "unencrypted": identity_file(protection=NoEncryption()),
        "3DES": identity_file(protection=encryption(pkcs12.PBES.PBESv1SHA1And3KeyTripleDESCBC, mac=hashes.SHA1())),
        "RC2-40": with_certificate_algorithm(strong, {"algorithm": "pkcs12_sha1_rc2_40",
                                                      "parameters": {"salt": LEGACY_SALT, "iterations": 2048}}),
        "SHA-1 MAC": identity_file(protection=encryption(mac=hashes.SHA1())),
        "few rounds": identity_file(protection=encryption(rounds=1000)),
        "no MAC": rebuilt(strong, parts(strong), mac_data=None),
        "garbage": b"not an identity file",
    }
    for kind, data in weak_files.items():
        message = refusal(data)
        assert REEXPORT_ADVICE in message, kind
        assert message.endswith("."), kind
        assert message[0].isupper(), kind


# --- keys ---------------------------------------------------------------------------------------------------------

def test_an_rsa_1024_key_in_an_otherwise_strong_file_is_refused_when_opened():
    data = identity_file(key=rsa.generate_private_key(public_exponent=65537, key_size=1024))
    check_identity_strength(data)  # the container is fine: it is the key that is not
    with pytest.raises(IdentityError, match="RSA-1024") as refused:
        open_identity(data, PASSPHRASE)
    assert "at least 2048 bits" in str(refused.value)


@pytest.mark.parametrize("key, named", [
    (ec.generate_private_key(ec.SECP256K1()), "secp256k1"),
    (ed25519.Ed25519PrivateKey.generate(), "Ed25519"),
])
def test_keys_other_than_rsa_or_nist_ec_are_refused(key, named):
    with pytest.raises(IdentityError, match=named):
        open_identity(identity_file(key=key), PASSPHRASE)


def test_an_institutional_rsa_2048_identity_with_its_chain_opens():
    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca = certificate(ca_key, "Xijing Hospital Signing CA", ca=True)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    leaf = certificate(key, "Wang Li", issuer=ca, issuer_key=ca_key)
    data = pkcs12.serialize_key_and_certificates(b"Wang Li", key, leaf, [ca], encryption())
    identity = open_identity(data, PASSPHRASE)
    assert (identity.name, identity.role) == ("Wang Li", None)
    assert identity.fingerprint == leaf.fingerprint(hashes.SHA256()).hex()
    assert identity.signer.signing_key.algorithm == "rsa"
    assert any(c.subject.native["common_name"] == "Xijing Hospital Signing CA" for c in identity.signer.cert_registry)


def test_an_ec_p384_identity_opens():
    assert open_identity(identity_file(key=ec.generate_private_key(ec.SECP384R1())), PASSPHRASE).name == "Someone"


# --- not identity files at all ------------------------------------------------------------------------------------

def not_identities(strong: bytes) -> dict[str, bytes]:
    key = ec.generate_private_key(ec.SECP256R1())
    cert = certificate(key, "Someone")
    junk_safe = {"version": "v3", "auth_safe": {"content_type": "data", "content": b"\x30\x03\x02\x01"}}
    return {
        "empty": b"",
        "text": b"not a PKCS#12 file",
        "random": random.Random(12).randbytes(2048),
        "truncated": strong[: len(strong) // 2],
        "trailing bytes": strong + b"\x00",
        "DER certificate": cert.public_bytes(Encoding.DER),
        "PEM certificate": cert.public_bytes(Encoding.PEM),
        "PDF": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
        "damaged inside": asn1_pkcs12.Pfx(junk_safe).dump(),
    }


def test_garbage_is_refused_with_identity_error_only(strong):
    for kind, data in not_identities(strong).items():
        for attempt in (check_identity_strength, lambda d: open_identity(d, PASSPHRASE)):
            try:
                attempt(data)
            except IdentityError as error:
                assert "not a PKCS#12 identity" in str(error), kind
            else:
                pytest.fail(f"{kind}: accepted")


# --- files made by openssl ------------------------------------------------------------------------------------------

@pytest.fixture
def pem_files(tmp_path):
    if shutil.which("openssl") is None:
        pytest.fail("openssl is not installed: scripts/setup.sh test installs it")
    key = ec.generate_private_key(ec.SECP256R1())
    (tmp_path / "key.pem").write_bytes(key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()))
    (tmp_path / "cert.pem").write_bytes(certificate(key, "Wang Li").public_bytes(Encoding.PEM))
    return tmp_path


def openssl_export(folder, *options: str) -> bytes:
    """openssl pkcs12 -export with the passphrase from the environment, not the command line."""
    command = ["openssl", "pkcs12", "-export", *options, "-in", "cert.pem", "-inkey", "key.pem",
               "-out", "out.p12", "-passout", "env:TRIALDESK_TEST_PASS"]
    done = subprocess.run(command, cwd=folder, capture_output=True, text=True,
                          env={**os.environ, "TRIALDESK_TEST_PASS": PASSPHRASE.decode()})
    if done.returncode:
        pytest.fail(f"this openssl cannot export with {options}: {done.stderr.strip()}")
    return (folder / "out.p12").read_bytes()


def test_an_openssl_legacy_rc2_40_file_is_refused(pem_files):
    data = openssl_export(pem_files, "-legacy", "-certpbe", "PBE-SHA1-RC2-40")
    assert "RC2 (40-bit)" in refusal(data)


def test_an_openssl_default_export_imports(pem_files):
    """OpenSSL 3 defaults to AES-256, a SHA-256 MAC and 2048 rounds: an institution's ordinary export."""
    assert open_identity(openssl_export(pem_files), PASSPHRASE).name == "Wang Li"


def test_an_openssl_file_with_its_key_in_the_clear_is_refused(pem_files):
    assert "private key unencrypted" in refusal(openssl_export(pem_files, "-keypbe", "NONE", "-iter", "600000"))


def test_plain_certificates_are_accepted_when_the_key_is_strongly_encrypted(pem_files):
    data = openssl_export(pem_files, "-certpbe", "NONE", "-keypbe", "AES-256-CBC", "-macalg", "sha256",
                          "-iter", "600000")
    assert [part for part, _ in protections(data)] == ["private key"]
    assert open_identity(data, PASSPHRASE).name == "Wang Li"


def test_the_advised_openssl_command_makes_a_file_that_opens(pem_files):
    message = refusal(identity_file(protection=encryption(mac=hashes.SHA1())))
    advised = shlex.split(message.split("for example: ", 1)[1].split(" (on Windows", 1)[0])
    assert advised[:3] == ["openssl", "pkcs12", "-export"] and advised[-2:] == ["-out", "identity.p12"]
    done = subprocess.run([*advised, "-passout", "env:TRIALDESK_TEST_PASS"], cwd=pem_files, capture_output=True,
                          text=True, env={**os.environ, "TRIALDESK_TEST_PASS": PASSPHRASE.decode()})
    assert done.returncode == 0, done.stderr
    data = (pem_files / "identity.p12").read_bytes()
    check_identity_strength(data)
    assert open_identity(data, PASSPHRASE).name == "Wang Li"
