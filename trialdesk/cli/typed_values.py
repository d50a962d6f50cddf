"""A value as a person types it (`screening set VALUE`, a cell of a `prescreen` candidates file), read
into the raw answer a fact then parses with ``typed=True``: one rule for every place that reads typed text."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from trialdesk.cli.facts_file import loads_strict
from trialdesk.domain.errors import FactsInvalid, Problem

MAX_VALUE = 20_000  # characters of one VALUE (a medication history of 100 courses fits)
# "85 g/L", "8,5g/dL": digits (with separators), then a unit that starts with a letter or %
# and is not an exponent ("1e5" is a number refused, not 1 in the unit "e5"). The digits are
# checked by the fact (`values.TYPED_NUMBER`: "٨٥ g/L" is refused there), the unit by its list.
_MEASUREMENT = re.compile(r"([+-]?\d[\d.,]*)\s*((?![eE][+-]?\d)(?:[^\W\d_]|%)\S*)")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


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
