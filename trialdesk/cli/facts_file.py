"""Read a subject's facts file: ``{"screening_date": "YYYY-MM-DD", "facts": {...}, "subject": {...}}``.

Strict and bounded, so no file can make reading it expensive or ambiguous: at most
`MAX_FILE_BYTES`, JSON nested at most `MAX_DEPTH` deep (checked before parsing, without
recursion), no key twice in one object, no NaN or Infinity, numbers kept exact (`Decimal`)
and never turned into a Python int of unbounded size. Each refusal is a `FactsInvalid`
with a file-level problem (fact None). The answers are then parsed with ``typed=False``:
a number in a facts file is a JSON number, never text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from trialdesk.domain.errors import FactsInvalid, Problem
from trialdesk.domain.facts import to_date
from trialdesk.domain.screening import SUBJECT_FIELDS
from trialdesk.desk.typed_values import MAX_DEPTH, loads_strict  # noqa: F401 (MAX_DEPTH: named here too)
from trialdesk.domain.values import shown

KEYS = {"protocol", "screening_date", "facts", "subject"}
MAX_FILE_BYTES = 1024 * 1024


@dataclass(frozen=True)
class FactsFile:
    """What a facts file holds: the raw answers, the screening date, the subject block."""

    facts: dict[str, Any]
    on: date
    subject: dict[str, Any] = field(default_factory=dict)


def read_facts(path: Path, on: date | None) -> FactsFile:
    """The facts file at `path` (`on` overrides its screening date); FactsInvalid when refused."""
    return facts_from_text(_read_text(path), on)


def facts_from_text(text: str, on: date | None) -> FactsFile:
    """A facts file's text, read as `read_facts` reads a file (after its size is checked)."""
    data = loads_strict(text)
    if not isinstance(data, dict) or not isinstance(data.get("facts"), dict):
        raise FactsInvalid([Problem("no_facts")])
    extra = set(data) - KEYS
    if extra:
        keys = sorted(shown(k) for k in extra)[:10]
        raise FactsInvalid([Problem("unexpected_keys", params={"keys": keys, "expected": sorted(KEYS)})])
    if on is None:
        on = to_date(data.get("screening_date"))
        if on is None:
            raise FactsInvalid([Problem("no_screening_date", params={"value": shown(data.get("screening_date"))})])
    subject = data.get("subject") or {}
    if not isinstance(subject, dict):
        raise FactsInvalid([Problem("bad_subject", params={"fields": list(SUBJECT_FIELDS)})])
    return FactsFile(data["facts"], on, subject)


def read_facts_file(path: Path, on: date | None) -> tuple[dict[str, Any], date]:
    """The raw answers and the screening date (`on` overrides the file's).

    Raises FactsInvalid with file-level problems (fact None).
    """
    read = read_facts(path, on)
    return read.facts, read.on


def _read_text(path: Path) -> str:
    try:
        with open(path, "rb") as file:
            data = file.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            raise FactsInvalid([Problem("file_too_large", params={"limit": MAX_FILE_BYTES // 1024})])
        return data.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise FactsInvalid([Problem("cannot_read", params={"error": shown(str(error))})]) from None
    if isinstance(value, dict):
        return {k: _native(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_native(v) for v in value]
    return value

