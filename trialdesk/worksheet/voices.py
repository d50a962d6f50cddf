"""One worksheet's languages: its own, and on a bilingual worksheet the second one beside it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from trialdesk.messages import Messages

LINE, INLINE = "\n", " / "


def both(text: str, alt: str | None, sep: str = LINE) -> str:
    """`text`, and the second language's `alt` after it where it says something else."""
    return text if not alt or alt == text else f"{text}{sep}{alt}"


@dataclass(frozen=True)
class Voices:
    """The worksheet's words (`words`) and, on a bilingual worksheet, the second language's (`alt`)."""

    words: Messages
    alt: Messages | None = None

    @classmethod
    def of(cls, words: Messages, alt_language: str | None) -> Voices:
        return cls(words, Messages(lang=alt_language) if alt_language else None)

    def t(self, key: str, sep: str = LINE, **params: Any) -> str:
        """The message in every language of the worksheet."""
        return both(self.words.t(key, **params), self.alt.t(key, **params) if self.alt else None, sep)

    def one(self, key: str, **params: Any) -> str:
        """The message in the worksheet's own language only (a line that repeats on every page)."""
        return self.words.t(key, **params)

    def role(self, role: str, sep: str = INLINE) -> str:
        return both(self.words.role(role), self.alt.role(role) if self.alt else None, sep)

    def kind(self, kind: str, sep: str = INLINE) -> str:
        return both(self.words.kind(kind), self.alt.kind(kind) if self.alt else None, sep)

    def overall(self, overall: str, sep: str = INLINE) -> str:
        """The overall result, in capitals: "INELIGIBLE"."""
        from trialdesk.domain.verdict import Overall

        value = Overall(overall)
        return both(self.words.overall(value).upper(), self.alt.overall(value).upper() if self.alt else None, sep)

    @property
    def languages(self) -> tuple[Messages, ...]:
        return (self.words, self.alt) if self.alt else (self.words,)
