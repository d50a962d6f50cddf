"""Words the fact editors show for a medication line: routes by their labels, drugs as the first
word of a list entry ("Methotrexate", not the library's running-text "methotrexate")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from trialdesk.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from trialdesk.messages import Messages

KEYS: dict[str, str] = {
    # the routes the bundled protocols name (`domain.medications.ROUTES`); a protocol may name others
    "route.oral": QT_TRANSLATE_NOOP("route.oral", "Oral"),
    "route.intravenous": QT_TRANSLATE_NOOP("route.intravenous", "Intravenous"),
    "route.intramuscular": QT_TRANSLATE_NOOP("route.intramuscular", "Intramuscular"),
    "route.subcutaneous": QT_TRANSLATE_NOOP("route.subcutaneous", "Subcutaneous"),
    "route.intra_articular": QT_TRANSLATE_NOOP("route.intra_articular", "Intra-articular"),
    "route.topical": QT_TRANSLATE_NOOP("route.topical", "Topical"),
    "route.inhaled": QT_TRANSLATE_NOOP("route.inhaled", "Inhaled"),
}


def _as_entry(text: str) -> str:
    """A name as the first word of a list entry: its first letter a capital (Chinese is unchanged)."""
    return text[:1].upper() + text[1:]


def route_label(words: Messages, route: str) -> str:
    """A route by its label in the reader's language; a route the program does not know, by its id
    written as words ("intra_dermal" as "Intra-dermal")."""
    key = f"route.{route}"
    return words.t(key) if key in KEYS else _as_entry(route.replace("_", "-"))


def drug_label(words: Messages, fact_id: str, drug_id: str) -> str:
    """A drug of a history's list by its label in the reader's language, as a list entry."""
    return _as_entry(words.drug_name(fact_id, drug_id))
