"""Read a subject's facts file: ``{"screening_date": "YYYY-MM-DD", "facts": {...}}``."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from trialdesk.domain.errors import FactsInvalid, Problem
from trialdesk.domain.facts import to_date

KEYS = {"protocol", "screening_date", "facts", "subject"}


def read_facts_file(path: Path, on: date | None) -> tuple[dict[str, Any], date]:
    """The raw answers and the screening date (`on` overrides the file's).

    Raises FactsInvalid with file-level problems (fact None).
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise FactsInvalid([Problem("cannot_read", params={"error": str(error)})]) from None
    except json.JSONDecodeError as error:
        raise FactsInvalid(
            [Problem("not_json", params={"line": error.lineno, "column": error.colno, "error": error.msg})]
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("facts"), dict):
        raise FactsInvalid([Problem("no_facts")])
    extra = set(data) - KEYS
    if extra:
        raise FactsInvalid([Problem("unexpected_keys", params={"keys": sorted(extra), "expected": sorted(KEYS)})])
    if on is None:
        on = to_date(data.get("screening_date"))
        if on is None:
            raise FactsInvalid([Problem("no_screening_date", params={"value": data.get("screening_date")})])
    return data["facts"], on
