"""Free text and names that reach the audit trail, the worksheet and a terminal: checked, bounded.

A control character can forge a line in `audit show` or move a terminal's cursor; a format
character (a zero-width space, a right-to-left override) makes two different names look the
same; a name mixing Latin with Cyrillic or Greek letters is a look-alike of another.
"""

from __future__ import annotations

import unicodedata

from trialdesk.domain.people import Refused

MAX_LINE = 500  # a reason, a meaning, an instruction
MAX_NOTE = 2000  # a source-document note
_REFUSED_CATEGORIES = {"Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp"}
_LOOK_ALIKE_SCRIPTS = {"LATIN", "CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE", "COPTIC"}


def check_text(value: str, what: str, limit: int = MAX_LINE) -> str:
    """One line of text (NFC, trimmed), or Refused naming `what`."""
    value = unicodedata.normalize("NFC", value).strip()
    if any(unicodedata.category(c) in _REFUSED_CATEGORIES for c in value):
        raise Refused("control_characters", what=what)
    if len(value) > limit:
        raise Refused("text_too_long", what=what, limit=limit)
    return value


def normal_name(name: str, limit: int) -> str:
    """A person's full name in one normal form (NFKC, single spaces), refusing look-alike tricks."""
    if any(unicodedata.category(c) in _REFUSED_CATEGORIES for c in name):  # before spaces are tidied:
        raise Refused("control_characters", what="name")  # a newline is refused, never made a space
    name = " ".join(unicodedata.normalize("NFKC", name).split())
    if not name or len(name) > limit:
        raise Refused("bad_name", limit=limit)
    if any(unicodedata.category(c) in _REFUSED_CATEGORIES for c in name):
        raise Refused("control_characters", what="name")
    scripts = {unicodedata.name(c, "").split(" ")[0] for c in name if c.isalpha()} & _LOOK_ALIKE_SCRIPTS
    if len(scripts) > 1:
        raise Refused("mixed_scripts", scripts=sorted(scripts))
    return name


def same_person_key(name: str) -> str:
    """Two names that differ only in case or spacing are the same name."""
    return " ".join(unicodedata.normalize("NFKC", name).split()).casefold()
