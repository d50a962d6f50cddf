"""Names as a reader sees them: verdicts and effects, the protocol's facts and scores by their
labels in the reader's language, its texts and translations, periods and dates."""

from __future__ import annotations

import datetime
from typing import Any

from trialdesk.domain.verdict import CriterionResult, Effect, Overall, Verdict
from trialdesk.i18n import QT_TRANSLATE_NOOP
from trialdesk.messages import effects
from trialdesk.messages.base import EN, Words

KEYS: dict[str, str] = {
    "verdict.met": QT_TRANSLATE_NOOP("verdict.met", "met"),
    "verdict.not_met": QT_TRANSLATE_NOOP("verdict.not_met", "not met"),
    "verdict.unknown": QT_TRANSLATE_NOOP("verdict.unknown", "incomplete"),
    "verdict.not_applicable": QT_TRANSLATE_NOOP("verdict.not_applicable", "not applicable"),
    "overall.eligible": QT_TRANSLATE_NOOP("overall.eligible", "eligible"),
    "overall.ineligible": QT_TRANSLATE_NOOP("overall.ineligible", "ineligible"),
    "overall.incomplete": QT_TRANSLATE_NOOP("overall.incomplete", "incomplete"),
    "yes": QT_TRANSLATE_NOOP("yes", "yes"),
    "no": QT_TRANSLATE_NOOP("no", "no"),
    "unknown": QT_TRANSLATE_NOOP("unknown", "not known"),
    "sep": QT_TRANSLATE_NOOP("sep", "; "),
    # between the names of a list (facts a score needs, drugs): a Chinese list takes 、
    "list": QT_TRANSLATE_NOOP("list", ", "),
    "side.before": QT_TRANSLATE_NOOP("side.before", "before"),
    "side.after": QT_TRANSLATE_NOOP("side.after", "after"),
    "anchor.screening": QT_TRANSLATE_NOOP("anchor.screening", "the screening date"),
    "input.tjc28": QT_TRANSLATE_NOOP("input.tjc28", "TJC28"),
    "input.sjc28": QT_TRANSLATE_NOOP("input.sjc28", "SJC28"),
    "input.esr": QT_TRANSLATE_NOOP("input.esr", "ESR"),
    "input.crp": QT_TRANSLATE_NOOP("input.crp", "CRP"),
    "input.patient_global": QT_TRANSLATE_NOOP("input.patient_global", "patient global"),
    "input.evaluator_global": QT_TRANSLATE_NOOP("input.evaluator_global", "evaluator global"),
    "input.large_joints": QT_TRANSLATE_NOOP("input.large_joints", "large joints"),
    "input.small_joints": QT_TRANSLATE_NOOP("input.small_joints", "small joints"),
    "kind.inclusion": QT_TRANSLATE_NOOP("kind.inclusion", "Inclusion criterion"),
    "kind.exclusion": QT_TRANSLATE_NOOP("kind.exclusion", "Exclusion criterion"),
    "period.hours": QT_TRANSLATE_NOOP("period.hours", "hours"),
    "period.hour": QT_TRANSLATE_NOOP("period.hour", "hour"),
    "period.days": QT_TRANSLATE_NOOP("period.days", "days"),
    "period.weeks": QT_TRANSLATE_NOOP("period.weeks", "weeks"),
    "period.months": QT_TRANSLATE_NOOP("period.months", "months"),
    "period.years": QT_TRANSLATE_NOOP("period.years", "years"),
    "period.day": QT_TRANSLATE_NOOP("period.day", "day"),
    "period.week": QT_TRANSLATE_NOOP("period.week", "week"),
    "period.month": QT_TRANSLATE_NOOP("period.month", "month"),
    "period.year": QT_TRANSLATE_NOOP("period.year", "year"),
    "field.screening_number": QT_TRANSLATE_NOOP("field.screening_number", "Screening number"),
    "field.initials": QT_TRANSLATE_NOOP("field.initials", "Initials"),
    "field.date_of_birth": QT_TRANSLATE_NOOP("field.date_of_birth", "Date of birth"),
    "field.sex": QT_TRANSLATE_NOOP("field.sex", "Sex"),
    "field.screening_date": QT_TRANSLATE_NOOP("field.screening_date", "Screening date"),
    "field.consent_date": QT_TRANSLATE_NOOP("field.consent_date", "Informed consent date"),
    "field.consent_version": QT_TRANSLATE_NOOP("field.consent_version", "Consent form version"),
}


class LabelWords(Words):
    def verdict(self, verdict: Verdict) -> str:
        return self.t(f"verdict.{verdict.value}")

    def effect(self, result: CriterionResult) -> str:
        """What the result does to eligibility, naming the criterion: "E2 applies: excluded"."""
        return self.t(effects.effect_key(result.kind, result.effect.value), id=result.criterion_id)

    def effect_word(self, effect: Effect) -> str:
        """The effect alone, where the criterion is named already: "excluded"."""
        return self.t(f"effect.word.{effect.value}")

    def overall(self, overall: Overall) -> str:
        return self.t(f"overall.{overall.value}")

    def listed(self, names: Any) -> str:
        """Names one after the other, as a list is written in this language ("RF, ACPA"; "RF、ACPA")."""
        return self.t("list").join(names)

    def kind(self, kind: str) -> str:
        return self.t(f"kind.{kind}")

    def fact_label(self, fact_id: str) -> str:
        fact = self.protocol.fact.get(fact_id) if self.protocol else None
        if fact is not None:
            translated = fact.translations.get(self.lang)
            return translated.label if translated else fact.label
        return self.t(f"field.{fact_id}") if f"field.{fact_id}" in EN else fact_id

    def score_label(self, score_id: str) -> str:
        score = self.protocol.score.get(score_id) if self.protocol else None
        if score is None:
            return score_id
        translated = score.translations.get(self.lang)
        return translated.label if translated else score.label

    def anchor_label(self, anchor: str | None) -> str:
        """The date a rule is anchored on: a fact by its label, or the screening date (None)."""
        return self.t("anchor.screening") if anchor is None else self.fact_label(anchor)

    def fact_help(self, fact_id: str) -> str:
        fact = self.protocol.fact[fact_id]
        translated = fact.translations.get(self.lang)
        return translated.help if translated and translated.help else fact.help

    def criterion_translation(self, criterion: Any) -> str | None:
        """The site's translation of a criterion's registry text into this language, if there is one."""
        translated = criterion.translations.get(self.lang)
        return translated.text if translated else None

    def interpretation(self, criterion: Any) -> str | None:
        translated = criterion.translations.get(self.lang)
        return translated.interpretation if translated and translated.interpretation else criterion.interpretation

    def protocol_interpretations(self) -> tuple[str, ...]:
        translated = self.protocol.translations.get(self.lang)
        return translated.interpretations if translated and translated.interpretations else self.protocol.interpretations

    def period(self, count: int, unit: str) -> str:
        return self.t(f"period.{unit[:-1]}") if count == 1 else self.t(f"period.{unit}")

    def unit(self, symbol: str | None) -> str:
        """A unit as a reader sees it: one that is a word in this language ("weeks": "周"), a dose per
        period with its period so ("mg/week": "mg/周"); a symbol (mg, g/L, mm/h) as written."""
        if not symbol:
            return ""
        if f"period.{symbol}" in EN and symbol.endswith("s"):
            return self.t(f"period.{symbol}")
        amount, per, period = symbol.rpartition("/")
        if amount and f"period.{period}" in EN and not period.endswith("s"):
            return f"{amount}{per}{self.t(f'period.{period}')}"
        return symbol

    @staticmethod
    def date(value: datetime.date) -> str:
        return value.isoformat()
