"""Computed scores as shown beside a criterion and on the worksheet: the value with its inputs,
or what it still needs; and how each classification input was derived from what source
documents record (`trialdesk.domain.derivations`), one wording per kind."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Any

from trialdesk.domain.verdict import ScoreResult
from trialdesk.i18n import QT_TRANSLATE_NOOP
from trialdesk.messages.base import EN, Words
from trialdesk.messages.shown import near, number, raw

if TYPE_CHECKING:  # the derivation types are imported on the first derivation worded (`derivation_renderers`)
    from trialdesk.domain import derivations as why

KEYS: dict[str, str] = {
    "score.value": QT_TRANSLATE_NOOP("score.value", "{label} {value}{note}"),
    "score.inputs": QT_TRANSLATE_NOOP("score.inputs", " — {inputs}"),
    "score.missing": QT_TRANSLATE_NOOP("score.missing", "{label}: needs {facts}"),
    # a fact a score needs, answered with what leaves it not known: "Rheumatoid factor (RF) (Not done)"
    "needed.not_known": QT_TRANSLATE_NOOP("needed.not_known", "{label} ({answer})"),
    "score.bounds": QT_TRANSLATE_NOOP("score.bounds", "{label}: {low}–{high} still possible; needs {facts}"),
    "score.problem": QT_TRANSLATE_NOOP("score.problem", "{label}: {problem}"),
    "score.components": QT_TRANSLATE_NOOP("score.components", " ({parts})"),
    "component.joints": QT_TRANSLATE_NOOP("component.joints", "joints {points}"),
    "component.serology": QT_TRANSLATE_NOOP("component.serology", "serology {points}"),
    "component.acute_phase": QT_TRANSLATE_NOOP("component.acute_phase", "acute phase {points}"),
    "component.duration": QT_TRANSLATE_NOOP("component.duration", "duration {points}"),
    "derived.component": QT_TRANSLATE_NOOP("derived.component", "{component}: {how}"),
    "derived.criterion.morning_stiffness": QT_TRANSLATE_NOOP("derived.criterion.morning_stiffness", "criterion 1"),
    "derived.criterion.arthritis_3_areas": QT_TRANSLATE_NOOP("derived.criterion.arthritis_3_areas", "criterion 2"),
    "derived.criterion.rheumatoid_factor": QT_TRANSLATE_NOOP("derived.criterion.rheumatoid_factor", "criterion 6"),
    "derived.criterion.present_6_weeks": QT_TRANSLATE_NOOP("derived.criterion.present_6_weeks", "criteria 1–4 present"),
    "derived.joints.marked": QT_TRANSLATE_NOOP("derived.joints.marked", "{large} large and {small} small joints involved on {on}"),
    "derived.joints.counted": QT_TRANSLATE_NOOP("derived.joints.counted", "{large} large and {small} small joints involved on {on} (numbers from the notes)"),
    "derived.joints.not_known": QT_TRANSLATE_NOOP("derived.joints.not_known", "{label}: {answer}, so the joint domain stays open"),
    "derived.test.value": QT_TRANSLATE_NOOP("derived.test.value", "{label} {value} {relation} {limit}: {category}"),
    "derived.test.result": QT_TRANSLATE_NOOP("derived.test.result", "{label} reported as {result}"),
    "derived.test.positive": QT_TRANSLATE_NOOP(
        "derived.test.positive", "{label} reported as {result}, with no value: scored as low positive, as the 2010 criteria say"),
    "derived.test.not_known": QT_TRANSLATE_NOOP("derived.test.not_known", "{label}: {answer}, left out"),
    "derived.test.missing": QT_TRANSLATE_NOOP("derived.test.missing", "{label} not entered"),
    "derived.test.no_uln": QT_TRANSLATE_NOOP("derived.test.no_uln", "{label} {value}: no upper limit of normal entered, so not classified"),
    "derived.uln": QT_TRANSLATE_NOOP("derived.uln", "ULN {uln}"),
    "derived.uln_and_3": QT_TRANSLATE_NOOP("derived.uln_and_3", "ULN {uln} and ≤ {limit}"),
    "derived.no_result": QT_TRANSLATE_NOOP("derived.no_result", "{tests} — no result: at least one of {names} is needed"),
    "derived.duration": QT_TRANSLATE_NOOP("derived.duration", "{label} {value} {relation} {limit}"),
    "derived.onset": QT_TRANSLATE_NOOP("derived.onset", "{label} {onset}: {days} days before {on} {relation} {limit}"),
    "derived.areas": QT_TRANSLATE_NOOP("derived.areas", "{label} {value} {relation} {min} of {of} joint areas"),
    "limit.six_weeks": QT_TRANSLATE_NOOP("limit.six_weeks", "6 weeks (42 days)"),
    "limit.one_hour": QT_TRANSLATE_NOOP("limit.one_hour", "60 minutes"),
    "category.negative": QT_TRANSLATE_NOOP("category.negative", "negative"),
    "category.low_positive": QT_TRANSLATE_NOOP("category.low_positive", "low positive"),
    "category.high_positive": QT_TRANSLATE_NOOP("category.high_positive", "high positive"),
    "category.normal": QT_TRANSLATE_NOOP("category.normal", "normal"),
    "category.abnormal": QT_TRANSLATE_NOOP("category.abnormal", "abnormal"),
    "score.formula": QT_TRANSLATE_NOOP("score.formula", "formula: {name} ({citation})"),
}


class ScoreWords(Words):
    def score(self, result: ScoreResult) -> str:
        """A computed score with its inputs, or what it still needs."""
        label = self.score_label(result.score_id)
        if result.problem is not None:
            return self.t("score.problem", label=label, problem=self.problem_text(result.problem))
        derived = self.derivations(result.derivations)
        if result.missing:
            facts = self.needed(result.missing, result.not_known)
            if result.bounds:
                return self.t("score.bounds", label=label, low=result.bounds[0], high=result.bounds[1],
                              facts=facts) + derived
            return self.t("score.missing", label=label, facts=facts) + derived
        if result.round_to is not None:
            note = self.t("note.rounded", n=result.round_to, raw=raw(result.value))
            value = format(result.compared, "f")
        else:
            note, value = "", near(result.compared, ()) if result.derived else number(result.compared)
        if result.unit:
            value = f"{value} {self.unit(result.unit)}"
        text = self.t("score.value", label=label, value=value, note=note)
        if result.derived:
            inputs = [f"{self.fact_label(f)} {self.answer_text(f, self.protocol.fact[f].to_answer(v))}"
                      for f, v in result.inputs.items()] if self.protocol else []
            return text + (self.t("score.inputs", inputs=", ".join(inputs)) if inputs else "")
        if result.components:
            parts = []
            for name, points in result.components.items():
                part = self.t(f"component.{name}", points=points)
                how = result.derivations.get(name)
                parts.append(part if how is None else self.t("derived.component", component=part, how=self.derivation(how)))
            joined = self.t("sep") if result.derivations else ", "
            text += self.t("score.components", parts=joined.join(parts))
        elif derived:
            text += derived
        return text + self._inputs(result)

    def _inputs(self, result: ScoreResult) -> str:
        """The numbers a formula read, with their units (the joints' derivation says those itself)."""
        from trialdesk.domain.calculators import CALCULATORS  # the formulas are not needed to word a status

        if "joints" in result.derivations:
            return ""
        kinds = CALCULATORS[self.protocol.score[result.score_id].calculator].inputs if self.protocol else {}
        inputs = [
            f"{self.t(f'input.{name}')} {number(v)}" + (f" {self.unit(kinds[name].unit)}" if name in kinds and kinds[name].unit else "")
            for name, v in result.inputs.items()
            if v is not None and not isinstance(v, bool) and f"input.{name}" in EN
        ]
        return self.t("score.inputs", inputs=", ".join(inputs)) if inputs else ""

    def needed(self, missing: Any, not_known: Mapping[str, Any], refused: Mapping[str, str] | None = None) -> str:
        """The facts a score still needs: each answered "not known" with its answer ("RF (Not done)"),
        each whose value was just refused with that value ("Haemoglobin (8.5 g/L was refused)")."""
        refused = refused or {}

        def one(fact_id: str) -> str:
            if fact_id in refused:
                return self.t("refused.needed", label=self.fact_label(fact_id), value=refused[fact_id])
            if fact_id in not_known:
                return self.t("needed.not_known", label=self.fact_label(fact_id),
                              answer=self.answer(fact_id, not_known[fact_id]))
            return self.fact_label(fact_id)

        return self.listed(one(f) for f in missing)

    def formula(self, score_id: str) -> str:
        from trialdesk.domain.calculators import CALCULATORS

        calculator = CALCULATORS[self.protocol.score[score_id].calculator]
        return self.t("score.formula", name=calculator.name, citation=calculator.citation)

    # classification inputs derived from observations: how each came out

    def derivations(self, derived: Mapping[str, why.Derivation]) -> str:
        """How a score's derived inputs came out, each under its component or criterion:
        " (serology 3: RF 61 IU/mL > 3 × ULN 20 IU/mL = 60 IU/mL: high positive, ACPA: Not done, left out)"."""
        parts = []
        for name, how in derived.items():
            if f"component.{name}" in EN:
                low, high = how.points
                head = self.t(f"component.{name}", points=str(low) if low == high else f"{low}–{high}")
            else:
                head = self.t(f"derived.criterion.{name}")
            parts.append(self.t("derived.component", component=head, how=self.derivation(how)))
        return self.t("score.components", parts=self.t("sep").join(parts)) if parts else ""

    def derivation(self, how: why.Derivation) -> str:
        """One derived input in words: the observations it came from and the category they give."""
        return derivation_renderers()[type(how)](self, how)

    def lab_test(self, test: why.LabTest) -> str:
        """One laboratory test as a classification read it."""
        label, state = self.fact_label(test.fact), test.state
        if state == "missing":
            return self.t("derived.test.missing", label=label)
        if state == "not_known":
            return self.t("derived.test.not_known", label=label, answer=self.answer(test.fact, test.answer))
        if state == "result" and test.answer == "positive":
            return self.t("derived.test.positive", label=label, result=self.answer(test.fact, "positive"))
        if state == "result":
            return self.t("derived.test.result", label=label, result=self.answer(test.fact, test.category))

        def amount(value: Decimal) -> str:
            return f"{number(value)} {self.unit(test.unit)}".rstrip()

        if state == "no_uln":
            return self.t("derived.test.no_uln", label=label, value=amount(test.value))
        category, uln = test.category, test.uln
        three = self.t("uln.limit", times=3, uln=amount(uln), limit=amount(3 * uln))
        relation, limit = {
            "negative": ("≤", self.t("derived.uln", uln=amount(uln))),
            "low_positive": (">", self.t("derived.uln_and_3", uln=amount(uln), limit=three)),
            "high_positive": (">", three),
            "normal": ("≤", self.t("derived.uln", uln=amount(uln))),
            "abnormal": (">", self.t("derived.uln", uln=amount(uln))),
        }[category]
        return self.t("derived.test.value", label=label, value=amount(test.value), relation=relation, limit=limit,
                      category=self.t(f"category.{category}"))


def _relation(holds: bool) -> str:
    return "≥" if holds else "<"


def _joints(words: ScoreWords, how: why.DerivedJoints) -> str:
    return words.t("derived.joints.marked" if how.marked else "derived.joints.counted", large=how.large,
                   small=how.small, on=words.date(how.on))


def _joints_not_known(words: ScoreWords, how: why.JointsNotKnown) -> str:
    return words.t("derived.joints.not_known", label=words.fact_label(how.fact), answer=words.answer(how.fact, how.answer))


def _two_tests(words: ScoreWords, how: why.DerivedSerology | why.DerivedAcutePhase) -> str:
    tests = ", ".join(words.lab_test(t) for t in how.tests)
    if how.no_result:
        return words.t("derived.no_result", tests=tests, names=", ".join(words.fact_label(t.fact) for t in how.tests))
    return tests


def _rheumatoid_factor(words: ScoreWords, how: why.DerivedRheumatoidFactor) -> str:
    return words.lab_test(how.test)


def _areas(words: ScoreWords, how: why.DerivedAreas) -> str:
    return words.t("derived.areas", label=words.fact_label(how.fact), value=how.value, relation=_relation(how.holds),
                   min=how.min, of=how.of)


def _onset(words: ScoreWords, how: why.DerivedOnset) -> str:
    return words.t("derived.onset", label=words.fact_label(how.fact), onset=words.date(how.onset), days=how.days,
                   on=words.date(how.on), relation=_relation(how.holds), limit=words.t(f"limit.{how.limit}"))


def _duration(words: ScoreWords, how: why.DerivedDuration) -> str:
    return words.t("derived.duration", label=words.fact_label(how.fact), value=f"{number(how.value)} {words.unit(how.unit)}".rstrip(),
                   relation=_relation(how.holds), limit=words.t(f"limit.{how.limit}"))


@cache
def derivation_renderers() -> dict[type[why.Derivation], Callable[[ScoreWords, Any], str]]:
    """One wording per kind of derivation; the derivation types are imported here, on the first
    derivation worded, not on the start-up path."""
    from trialdesk.domain import derivations as why

    return {
        why.DerivedJoints: _joints,
        why.JointsNotKnown: _joints_not_known,
        why.DerivedSerology: _two_tests,
        why.DerivedAcutePhase: _two_tests,
        why.DerivedRheumatoidFactor: _rheumatoid_factor,
        why.DerivedAreas: _areas,
        why.DerivedOnset: _onset,
        why.DerivedDuration: _duration,
    }

