"""Passwords kept as Argon2id hashes (argon2-cffi), with RFC 9106's second recommended profile.

RFC 9106 §4 recommends Argon2id with t=3, m=64 MiB, p=4 where memory is constrained (about
0.2 s on the project machine). A hash made with older parameters is re-made at the next
successful sign-in. The password itself is never stored, logged or kept after the check.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argon2 import PasswordHasher


@cache
def _hasher() -> PasswordHasher:
    """Made when a password is first checked or set: argon2-cffi takes tens of milliseconds to load,
    which a command that only reads, and the window until someone signs in, do without."""
    from argon2 import PasswordHasher, profiles

    return PasswordHasher.from_parameters(profiles.RFC_9106_LOW_MEMORY)


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def password_matches(stored: str, password: str) -> bool:
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return _hasher().verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    return _hasher().check_needs_rehash(stored)


@cache
def decoy_hash() -> str:
    """Checked against when no account has the name given, so that a wrong name takes as long as a wrong password."""
    return _hasher().hash("no account has this password")
