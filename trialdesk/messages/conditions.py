"""A protocol's rule read as the condition a fact is asked under ("Sex is Female")."""

from __future__ import annotations

from typing import Any

from trialdesk.i18n import QT_TRANSLATE_NOOP
from trialdesk.messages.base import Words
from trialdesk.messages.shown import number

KEYS: dict[str, str] = {
    "age.at_least": QT_TRANSLATE_NOOP("age.at_least", "at least {min}"),
    "age.at_most": QT_TRANSLATE_NOOP("age.at_most", "at most {max}"),
    "age.between": QT_TRANSLATE_NOOP("age.between", "{min}–{max}"),
    "asked_only_when": QT_TRANSLATE_NOOP("asked_only_when", "Asked only when {condition}"),
    "answer.not_asked": QT_TRANSLATE_NOOP("answer.not_asked", "not asked (asked only when {condition})"),
    "condition.one_of": QT_TRANSLATE_NOOP("condition.one_of", "{label} is {values}"),
    "condition.attestation": QT_TRANSLATE_NOOP("condition.attestation", "{label} is answered yes"),
    "condition.threshold": QT_TRANSLATE_NOOP("condition.threshold", "{label} {op} {value}"),
    "condition.range": QT_TRANSLATE_NOOP("condition.range", "{label} is within {min}–{max}"),
    "condition.age": QT_TRANSLATE_NOOP("condition.age", "the age is {bounds}"),
    "condition.not": QT_TRANSLATE_NOOP("condition.not", "not ({part})"),
    "condition.nested": QT_TRANSLATE_NOOP("condition.nested", "({part})"),
    "condition.and": QT_TRANSLATE_NOOP("condition.and", " and "),
    "condition.or": QT_TRANSLATE_NOOP("condition.or", " or "),
    "condition.other": QT_TRANSLATE_NOOP("condition.other", "the protocol's condition on {facts} holds"),
}


class ConditionWords(Words):
    def condition(self, rule: Any) -> str:
        """A rule as the condition a fact is asked under, in words ("Sex is Female"); one this
        cannot word names the facts it reads."""
        kind = rule.kind
        if kind == "one_of":
            values = self.t("condition.or").join(self.answer(rule.fact, v) for v in rule.values)
            return self.t("condition.one_of", label=self.fact_label(rule.fact), values=values)
        if kind == "attestation":
            return self.t("condition.attestation", label=self.fact_label(rule.fact))
        if kind in ("all_of", "any_of"):
            parts = [self.t("condition.nested", part=self.condition(c)) if c.kind in ("all_of", "any_of")
                     else self.condition(c) for c in getattr(rule, kind)]
            return self.t("condition.and" if kind == "all_of" else "condition.or").join(parts)
        if kind == "not":
            return self.t("condition.not", part=self.condition(rule.rule))
        plain = kind in ("threshold", "range") and not any(
            hasattr(getattr(rule, name, None), "cases") for name in ("value", "min", "max"))
        if plain and getattr(rule, "times_uln", None) is None:
            label = self.score_label(rule.score) if rule.score else self.fact_label(rule.fact)
            unit = self._condition_unit(rule)
            if kind == "threshold":
                return self.t("condition.threshold", label=label, op=rule.op, value=f"{number(rule.value)}{unit}")
            if rule.min is not None and rule.max is not None:
                return self.t("condition.range", label=label, min=number(rule.min), max=f"{number(rule.max)}{unit}")
        if kind == "age" and rule.anchor is None:
            return self.t("condition.age", bounds=self.age_bounds(rule.min_years, rule.max_years))
        facts = self.protocol.condition_facts(rule) if self.protocol else ()
        return self.t("condition.other", facts=", ".join(self.fact_label(f) for f in facts))

    def _condition_unit(self, rule: Any) -> str:
        if rule.score:
            unit = self.protocol.score[rule.score].shown_unit if self.protocol else ""
        elif self.protocol and self.protocol.fact[rule.fact].type == "number":
            unit = self.protocol.unit_label(rule.fact, rule.unit)
        else:
            unit = ""
        return f" {self.unit(unit)}" if unit else ""

    def age_bounds(self, low: int | None, high: int | None) -> str:
        """The ages a rule allows: "at least 18", "at most 70", "18–70"."""
        if low is None:
            return self.t("age.at_most", max=high)
        if high is None:
            return self.t("age.at_least", min=low)
        return self.t("age.between", min=low, max=high)

    def asked_only_when(self, fact_id: str) -> str:
        """Beside a fact not asked: the condition it is asked under ("Asked only when Sex is Female")."""
        return self.t("asked_only_when", condition=self.condition(self.protocol.fact[fact_id].asked_if))

    def not_asked_answer(self, fact_id: str) -> str:
        """A fact not asked, where its answer is printed: "not asked (asked only when Sex is Female)"."""
        return self.t("answer.not_asked", condition=self.condition(self.protocol.fact[fact_id].asked_if))
