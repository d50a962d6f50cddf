"""A value as a person types it (`screening set VALUE`, a cell of a candidates file), read into the
raw answer a fact then parses with ``typed=True``: one rule for every place that reads typed text.

JSON inside a value (and a facts file's, through `loads_strict`) is read strictly and bounded: nested at
most `MAX_DEPTH` deep (checked before parsing, without recursion), no key twice in one object, no NaN or
Infinity, numbers kept exact (`Decimal`) and never turned into a Python int of unbounded size.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from decimal import Decimal
from itertools import accumulate
from typing import Any

from trialdesk.domain.errors import FactsInvalid, Problem
from trialdesk.domain.values import Unreadable, json_number, read_number, shown

MAX_VALUE = 20_000  # characters of one VALUE (a medication history of 100 courses fits)
# "85 g/L", "8,5g/dL": digits (with separators), then a unit that starts with a letter or %
# and is not an exponent ("1e5" is a number refused, not 1 in the unit "e5"). The digits are
# checked by the fact (`values.TYPED_NUMBER`: "٨٥ g/L" is refused there), the unit by its list.
_MEASUREMENT = re.compile(r"([+-]?\d[\d.,]*)\s*((?![eE][+-]?\d)(?:[^\W\d_]|%)\S*)")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
MAX_DEPTH = 32
_INT_DIGITS = 18  # longer integers are read as Decimal (and refused by the fact as too large)

# A JSON string (escapes included), to blank out before the brackets are counted. The loop
# is possessive and the match cannot fail (an unterminated string runs to the end), so the
# scan is linear whatever the text: no backtracking, no restart at every quote.
_STRING = re.compile(r'"(?:[^"\\]|\\.)*+(?:"|\\?\Z)', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


def parse_value(text: str, fact: str | None = None) -> Any:
    """VALUE of `screening set` (a cell of a candidates file), read by one rule (README "Command line"), as a raw answer:

    - "" (or only spaces, or the JSON "", or null) clears the answer: None;
    - starting with [ or {: JSON, read as strictly as a facts file (a medication list, a
      joint examination, a measurement object), except that a number inside may also be text
      in the one typed form, as everywhere a person types;
    - starting with ": a JSON string, whose text is then read by the rules below
      ('"85 g/L"' is the measurement 85 g/L);
    - true / false: JSON booleans (yes / no);
    - a date YYYY-MM-DD: that text (never a number with a unit "-11-01");
    - a number followed by a unit ("85 g/L", "8,5 g/dL"): {"value": "85", "unit": "g/L"};
    - anything else: the text itself, e.g. a number 85 or 8,5 (read by the fact in the one
      typed form: `values.TYPED_NUMBER`), yes, no, unknown, none, an option id.

    Numbers stay text: the session parses them with ``typed=True``. Raises FactsInvalid
    (naming `fact` when given) for a VALUE longer than MAX_VALUE or JSON that is refused.
    """
    if len(text) > MAX_VALUE:
        raise FactsInvalid([Problem("value_too_long", fact, {"limit": MAX_VALUE})])
    text = text.strip()
    if text[:1] in ("[", "{"):
        return _json(text, fact)
    if text[:1] == '"':
        text = str(_json(text, fact)).strip()  # JSON that starts with " is one string
        if not text:
            return None
    elif text in ("", "null"):
        return None
    if text in ("true", "false"):
        return text == "true"
    if _DATE.fullmatch(text):
        return text
    match = _MEASUREMENT.fullmatch(text)
    if match:
        return {"value": match.group(1), "unit": match.group(2)}
    return text


def _json(text: str, fact: str | None) -> Any:
    try:
        return loads_strict(text)
    except FactsInvalid as invalid:
        raise FactsInvalid([replace(p, fact=fact) for p in invalid.problems]) from None


def loads_strict(text: str) -> Any:
    """JSON, refusing what `json.loads` lets through (see the module docstring): raises FactsInvalid.

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


class _Refusal(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.code)
        self.problem = problem
