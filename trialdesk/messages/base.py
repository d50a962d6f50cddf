"""The English catalogue every message comes from, and saying one message in a language.

Each concern's module contributes its `KEYS` (key -> English, marked with `QT_TRANSLATE_NOOP`
so that lupdate extracts them); `trialdesk.messages` merges them into `EN`. A translation is
looked up by the key and the English text together, so a changed wording is untranslated
until the catalogue has it again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from trialdesk.i18n import SOURCE_LANGUAGE, catalogue, languages

if TYPE_CHECKING:  # the protocol models are not needed to word a status on the start-up path
    from trialdesk.domain.protocol import Protocol

EN: dict[str, str] = {}


class Words:
    """One language, and the protocol whose facts, scores and drugs the messages name."""

    def __init__(self, protocol: Protocol | None = None, lang: str = SOURCE_LANGUAGE) -> None:
        self.protocol = protocol
        self.lang = lang if lang in languages() else SOURCE_LANGUAGE
        self._translated = catalogue(self.lang)

    def t(self, key: str, **params: Any) -> str:
        """The message `key` in this language (English where a translation is missing)."""
        english = EN[key]
        return self._translated.get((key, english), english).format(**params)
