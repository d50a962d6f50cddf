"""Words for what a criterion's result does to eligibility, the same for the window, the
summary, the log and the worksheet: "E2 applies: excluded", "E2 does not apply"."""

from __future__ import annotations

from trialdesk.i18n import QT_TRANSLATE_NOOP

KEYS: dict[str, str] = {
    "effect.inclusion.passes": QT_TRANSLATE_NOOP("effect.inclusion.passes", "{id} met"),
    "effect.inclusion.excludes": QT_TRANSLATE_NOOP("effect.inclusion.excludes", "{id} not met: excluded"),
    "effect.exclusion.passes": QT_TRANSLATE_NOOP("effect.exclusion.passes", "{id} does not apply"),
    "effect.exclusion.excludes": QT_TRANSLATE_NOOP("effect.exclusion.excludes", "{id} applies: excluded"),
    "effect.open": QT_TRANSLATE_NOOP("effect.open", "{id} not decided yet"),
    "effect.pending": QT_TRANSLATE_NOOP("effect.pending", "{id} waits for a date still to come"),
    "effect.not_applicable": QT_TRANSLATE_NOOP("effect.not_applicable", "{id} not applicable to this subject"),
    # the effect alone, where the criterion is already named (a column, a legend)
    "effect.word.passes": QT_TRANSLATE_NOOP("effect.word.passes", "passes"),
    "effect.word.excludes": QT_TRANSLATE_NOOP("effect.word.excludes", "excluded"),
    "effect.word.open": QT_TRANSLATE_NOOP("effect.word.open", "not decided yet"),
    "effect.word.pending": QT_TRANSLATE_NOOP("effect.word.pending", "waits for a date"),
    "effect.word.not_applicable": QT_TRANSLATE_NOOP("effect.word.not_applicable", "not applicable"),
}


def effect_key(kind: str, effect: str) -> str:
    """The key of a result's sentence: passing and excluding read differently by kind."""
    if effect in ("passes", "excludes"):
        return f"effect.{kind}.{effect}"
    return f"effect.{effect}"
