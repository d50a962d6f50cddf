"""Read a subject's facts file: ``{"screening_date": "YYYY-MM-DD", "facts": {...}, "subject": {...}}``.

Strict and bounded, so no file can make reading it expensive or ambiguous: at most
`MAX_FILE_BYTES`, JSON nested at most `MAX_DEPTH` deep (checked before parsing, without
recursion), no key twice in one object, no NaN or Infinity, numbers kept exact (`Decimal`)
and never turned into a Python int of unbounded size. Each refusal is a `FactsInvalid`
with a file-level problem (fact None). The answers are then parsed with ``typed=False``:
a number in a facts file is a JSON number, never text.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from itertools import accumulate
from pathlib import Path
from typing import Any

from trialdesk.domain.errors import FactsInvalid, Problem
from trialdesk.domain.facts import to_date
from trialdesk.domain.screening import SUBJECT_FIELDS
from trialdesk.domain.values import Unreadable, json_number, read_number, shown

KEYS = {"protocol", "screening_date", "facts", "subject"}
MAX_FILE_BYTES = 1024 * 1024
MAX_DEPTH = 32
_INT_DIGITS = 18  # longer integers are read as Decimal (and refused by the fact as too large)

# A JSON string (escapes included), to blank out before the brackets are counted. The loop
# is possessive and the match cannot fail (an unterminated string runs to the end), so the
# scan is linear whatever the text: no backtracking, no restart at every quote.
_STRING = re.compile(r'"(?:[^"\\]|\\.)*+(?:"|\\?\Z)', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


@dataclass(frozen=True)
class FactsFile:
    """What a facts file holds: the raw answers, the screening date, the subject block."""

    facts: dict[str, Any]
    on: date
    subject: dict[str, Any] = field(default_factory=dict)


class _Refusal(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.code)
        self.problem = problem


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


def loads_strict(text: str) -> Any:
    """JSON, refusing what `json.loads` lets through (see the module docstring).

    Numbers come back as JSON-native values when they are within the digit bounds of
    `values.read_number` (an int, or a float that repeats the decimal exactly); any other
    number stays a `Decimal`, which every fact refuses as too large or too precise.
    """
    depth = _depth(text)
    if depth > MAX_DEPTH:
        raise FactsInvalid([Problem("too_deep", params={"limit": MAX_DEPTH})])
    try:
        data = json.loads(
            text,
            object_pairs_hook=_object,
            parse_constant=_constant,
            parse_float=Decimal,
            parse_int=_integer,
        )
    except _Refusal as refusal:
        raise FactsInvalid([refusal.problem]) from None
    except json.JSONDecodeError as error:
        raise FactsInvalid(
            [Problem("not_json", params={"line": error.lineno, "column": error.colno, "error": error.msg})]
        ) from None
    return _native(data)


def _depth(text: str) -> int:
    """How deep the brackets outside strings nest (no recursion: a running sum)."""
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    return max(accumulate(map(_STEP.__getitem__, brackets)), default=0)


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _Refusal(Problem("duplicate_key", params={"name": shown(key)}))
        result[key] = value
    return result


def _constant(name: str) -> Any:
    raise _Refusal(Problem("not_finite", params={"value": name}))


def _integer(text: str) -> int | Decimal:
    # int() of a long digit string is quadratic, and refused over 4,300 digits
    return int(text) if len(text) <= _INT_DIGITS else Decimal(text)


def _native(value: Any) -> Any:
    """Decimals within bounds as int or float (storable JSON); depth is bounded already."""
    if isinstance(value, Decimal):
        try:
            return json_number(read_number(value))
        except Unreadable:
            return value
    if isinstance(value, dict):
        return {k: _native(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_native(v) for v in value]
    return value

