"""The site's screening-number pattern: centre plus sequence, as Chinese GCP practice numbers screenings.

A pattern is text with `{site}` (the site number) and one `{seq}` (the sequence), which `{seq:03}` pads
with zeros to three digits: "{site}-{seq:03}" numbers site 01's screenings 01-001, 01-002, and so on
(01-1000 after 01-999). Its other characters are those a screening number may hold.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

#: The site setting holding the pattern (empty: screening numbers are free text).
PATTERN_SETTING = "screening_number_pattern"

_FIELD = re.compile(r"\{(site|seq)(?::0([1-9]))?\}")
_LITERAL = re.compile(r"[A-Za-z0-9._/-]*")
MAX_PATTERN = 32


class BadPattern(ValueError):
    """A pattern that numbers nothing well; `code` feeds the messages."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True, slots=True)
class NumberPattern:
    """A parsed pattern: the literal parts and fields in order."""

    text: str
    parts: tuple[tuple[str, str, int], ...]  # (kind: "text" | "site" | "seq", literal, zero-padded width)

    @classmethod
    def parse(cls, text: str) -> NumberPattern:
        """Refuses (BadPattern) a pattern without exactly one `{seq}`, with another `{…}` field, or with
        characters a screening number may not hold."""
        if len(text) > MAX_PATTERN:
            raise BadPattern("too_long")
        parts: list[tuple[str, str, int]] = []
        at = 0
        for field in _FIELD.finditer(text):
            parts.append(("text", text[at:field.start()], 0))
            parts.append((field.group(1), "", int(field.group(2) or 0)))
            at = field.end()
        parts.append(("text", text[at:], 0))
        if any(kind == "text" and not _LITERAL.fullmatch(literal) for kind, literal, _ in parts) or (
                parts[0][1][:1] in "._/-" and parts[0][1]):  # a number begins with a letter or a digit
            raise BadPattern("bad_character")
        if sum(kind == "seq" for kind, _, _ in parts) != 1:
            raise BadPattern("one_sequence")
        return cls(text, tuple(p for p in parts if p[0] != "text" or p[1]))

    def _regex(self, site: str) -> re.Pattern[str]:
        pieces = []
        for kind, literal, width in self.parts:
            if kind == "text":
                pieces.append(re.escape(literal))
            elif kind == "site":
                pieces.append(re.escape(site))
            else:
                pieces.append(rf"(?P<seq>[0-9]{{{max(width, 1)},}})" if width else "(?P<seq>[1-9][0-9]*)")
        return re.compile("".join(pieces))

    def sequence(self, number: str, site: str) -> int | None:
        """The sequence of a number written to this pattern at this site; None for one that is not."""
        found = self._regex(site).fullmatch(number)
        if found is None:
            return None
        digits = found.group("seq")
        width = next(w for kind, _, w in self.parts if kind == "seq")
        if (width and len(digits) > width and digits.startswith("0")) or not int(digits):
            return None  # 01-0001 is not how {seq:03} writes 1; a sequence starts at 1
        return int(digits)

    def number(self, site: str, seq: int) -> str:
        return "".join(literal if kind == "text" else site if kind == "site" else f"{seq:0{width}d}"
                       for kind, literal, width in self.parts)

    def next_number(self, site: str, used: Iterable[str]) -> str:
        """The number after the highest sequence among `used` that follow this pattern at this site."""
        sequences = [s for s in (self.sequence(n, site) for n in used) if s is not None]
        return self.number(site, max(sequences, default=0) + 1)
