"""Reasons in words: one wording per kind of reason (`trialdesk.domain.reasons`), chosen through
one explicit table, built by `renderers` on first use; the reasons over medication
histories are worded in `history_reasons`.

A combination says each of its parts once, and says what is still to enter once: the facts
missing across its open parts (at any depth) in one "missing: …", never "not decided yet: not
decided yet: …" (the criterion's effect says it is not decided). A fact whose value was just
refused is said to be refused, not missing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Any

from trialdesk.domain.verdict import Outcome, Verdict
from trialdesk.messages.reason_words import KEYS, ReasonWords  # noqa: F401  (kept apart, imported at start-up: see there)
from trialdesk.messages.shown import moment, near, number, raw

if TYPE_CHECKING:  # the reason types are imported on the first reason worded (`renderers`), not at start-up
    from trialdesk.domain import reasons as why
    from trialdesk.domain.history_reasons import EquivalenceTable
    from trialdesk.domain.reasons import Reason
    from trialdesk.domain.verdict import CriterionResult
    from trialdesk.messages import Messages

MET, NOT_MET, UNKNOWN = Verdict.MET, Verdict.NOT_MET, Verdict.UNKNOWN


class ReasonWriter:
    """Words one reason and the reasons of its parts, in one language, knowing the values refused."""

    def __init__(self, words: Messages, refused: Mapping[str, str]) -> None:
        self.words = words
        self.t = words.t
        self.refused = refused
        #: the equivalence tables the totals said so far were counted with: cited once, at the end
        self.tables: dict[str, EquivalenceTable] = {}

    def say(self, outcome: Outcome | CriterionResult) -> str:
        return renderers()[type(outcome.reason)](self, outcome.reason, outcome.verdict)

    def cite(self, table: EquivalenceTable) -> str:
        """Note a table a total was counted with; it is cited at the end of the reason."""
        self.tables.setdefault(table.id, table)
        return ""

    def parts(self, outcomes: Sequence[Outcome]) -> str:
        """The parts' sentences, each once; the answers not known and the facts missing among them each
        said once, after the others ("missing: Sex; Pregnant", not "missing: Sex; missing: Pregnant")."""
        from trialdesk.domain import reasons as why

        texts: list[str] = []
        missing: list[str] = []
        not_known: dict[str, Any] = {}
        for outcome in outcomes:
            reason = outcome.reason
            if isinstance(reason, why.Missing):
                missing.extend(reason.facts)
            elif isinstance(reason, why.NotKnown):
                not_known.update(reason.answers)
            else:
                texts.append(self.say(outcome))
        if not_known:
            texts.append(self.not_known(not_known))
        if missing:
            texts.append(self.missing(missing))
        return self.t("sep").join(dict.fromkeys(texts))

    def missing(self, facts: Sequence[str]) -> str:
        """The facts not entered yet, each once; those whose value was just refused said so first."""
        facts = list(dict.fromkeys(facts))
        label = self.words.fact_label
        texts = [self.t("refused", label=label(f), value=self.refused[f]) for f in facts if f in self.refused]
        left = [f for f in facts if f not in self.refused]
        if left:
            texts.append(self.t("missing", facts=self.t("sep").join(label(f) for f in left)))
        return self.t("sep").join(texts)

    def not_known(self, answers: Mapping[str, Any]) -> str:
        """The facts answered so that they stay not known, each with its answer ("RF: not done"), but
        a plain "unknown", which the heading already says ("not known: Active infection")."""
        words, plain = self.words, self.t("unknown").casefold()

        def answered(fact: str, answer: Any) -> str:
            shown = words.answer(fact, answer)
            if shown.casefold() == plain:
                return words.fact_label(fact)
            return self.t("answer", label=words.fact_label(fact), answer=shown)

        return self.t("not_known", answers=self.t("sep").join(answered(f, a) for f, a in answers.items()))

    def needed(self, facts: Sequence[str], not_known: Mapping[str, Any]) -> str:
        return self.words.needed(facts, not_known, self.refused)

    def span(self, low: Any, high: Any) -> str:
        """The dates an anchor not yet known can still take."""
        if low is not None and high is not None:
            return self.t("span.between", low=moment(low), high=moment(high))
        if low is not None:
            return self.t("span.from", date=moment(low))
        return self.t("span.until", date=moment(high))

    # comparisons: the value as entered with its unit, a converted or computed one beside it

    def comparison(self, operand: why.Operand, limits: Sequence[Decimal | None]) -> dict[str, str]:
        """The label and the value of a comparison as a reader sees them: the value as entered
        with its unit; a converted or computed one beside it, to as many decimals as keep its
        relation to `limits`."""
        from trialdesk.domain import reasons as why

        unit = f" {self.words.unit(operand.unit)}" if operand.unit else ""
        if isinstance(operand, why.ScoreOperand):
            if operand.round_to is not None:
                note = self.t("note.rounded", n=operand.round_to, raw=raw(operand.raw))
                value = format(operand.value, "f")
            else:
                note = "" if operand.whole else self.t("note.unrounded")
                value = near(operand.value, limits) if operand.value.as_tuple().exponent < -2 else number(operand.value)
            return {"label": self.words.score_label(operand.score), "value": f"{value}{unit}", "note": note}
        value = f"{near(operand.value, limits) if operand.converted else number(operand.value)}{unit}"
        if operand.converted:
            entered = f"{number(operand.entered)}{' ' + self.words.unit(operand.entered_unit) if operand.entered_unit else ''}"
            value = self.t("value.converted", entered=entered, value=value)
        return {"label": self.words.fact_label(operand.fact), "value": value, "note": ""}

    def limit(self, operand: why.Operand, limit: Decimal) -> str:
        from trialdesk.domain import reasons as why

        unit = f" {self.words.unit(operand.unit)}" if operand.unit else ""
        if isinstance(operand, why.FactOperand) and operand.times_uln is not None:
            return self.t("uln.limit", times=number(operand.times_uln), uln=f"{number(operand.uln)}{unit}",
                          limit=f"{number(limit)}{unit}")
        return f"{number(limit)}{unit}"

    def limits(self, reason: why.LimitSettled | why.LimitOpen) -> str:
        texts = []
        for limit in reason.limits:
            if isinstance(limit, tuple):
                low, high = limit
                if low is None:
                    texts.append(f"<= {self.limit(reason.operand, high)}")
                elif high is None:
                    texts.append(f">= {self.limit(reason.operand, low)}")
                else:
                    texts.append(self.t("limit.range", min=number(low), max=self.limit(reason.operand, high)))
            else:
                texts.append(f"{reason.op} {self.limit(reason.operand, limit)}")
        return ", ".join(texts)


def _flat(limits: Sequence[why.Limit]) -> list[Decimal | None]:
    flat: list[Decimal | None] = []
    for limit in limits:
        flat.extend(limit if isinstance(limit, tuple) else (limit,))
    return flat


def _holds(verdict: Verdict, holds: str, fails: str) -> str:
    return holds if verdict is MET else fails


# -- comparisons -------------------------------------------------------------------------------


def _threshold(w: ReasonWriter, reason: why.Threshold, verdict: Verdict) -> str:
    parts = w.comparison(reason.operand, [reason.threshold])
    return w.t(_holds(verdict, "threshold.holds", "threshold.fails"), op=reason.op,
               threshold=w.limit(reason.operand, reason.threshold), **parts)


def _range(w: ReasonWriter, reason: why.Range, verdict: Verdict) -> str:
    parts = w.comparison(reason.operand, [reason.min, reason.max])
    unit = f" {w.words.unit(reason.operand.unit)}" if reason.operand.unit else ""
    return w.t(_holds(verdict, "range.holds", "range.fails"), min=number(reason.min), max=number(reason.max),
               unit=unit, **parts)


def _limit_settled(w: ReasonWriter, reason: why.LimitSettled, verdict: Verdict) -> str:
    parts = w.comparison(reason.operand, _flat(reason.limits))
    open_parts = w.parts(reason.open_cases)
    return w.t("limit_settled", label=parts["label"], value=parts["value"], limits=w.limits(reason),
               open=f" — {open_parts}" if open_parts else "")


def _limit_open(w: ReasonWriter, reason: why.LimitOpen, verdict: Verdict) -> str:
    parts = w.comparison(reason.operand, _flat(reason.limits))
    if not reason.open_cases:
        return w.t("limit_open.none", label=parts["label"], value=parts["value"])
    return w.t("limit_open", label=parts["label"], value=parts["value"], open=w.parts(reason.open_cases))


# -- facts without a usable value, scores still open -------------------------------------------


def _missing(w: ReasonWriter, reason: why.Missing, verdict: Verdict) -> str:
    return w.missing(reason.facts)


def _not_known(w: ReasonWriter, reason: why.NotKnown, verdict: Verdict) -> str:
    return w.not_known(reason.answers)


def _not_asked(w: ReasonWriter, reason: why.NotAsked, verdict: Verdict) -> str:
    words = w.words
    return w.t("sep").join(
        w.t("not_asked", label=words.fact_label(f), condition=words.condition(words.protocol.fact[f].asked_if))
        for f in reason.facts)


def _reported_as(w: ReasonWriter, reason: why.ReportedAs, verdict: Verdict) -> str:
    return w.t("reported_as", label=w.words.fact_label(reason.fact), result=w.words.answer(reason.fact, reason.result))


def _score_missing(w: ReasonWriter, reason: why.ScoreMissing, verdict: Verdict) -> str:
    label, facts = w.words.score_label(reason.score), w.needed(reason.facts, reason.not_known)
    if reason.bounds is not None:
        low, high = reason.bounds
        return w.t("missing.score.bounds", label=label, low=low, high=high, op=reason.op,
                   threshold=number(reason.threshold), facts=facts)
    return w.t("missing.score", label=label, facts=facts)


def _score_bounds(w: ReasonWriter, reason: why.ScoreBounds, verdict: Verdict) -> str:
    low, high = reason.bounds
    common = {"label": w.words.score_label(reason.score), "low": low, "high": high,
              "decided": w.t(_holds(verdict, "score_bounds.holds", "score_bounds.fails")),
              "missing": w.needed(reason.missing, reason.not_known)}
    if reason.op is not None:
        return w.t("score_bounds", op=reason.op, threshold=number(reason.threshold), **common)
    if reason.low is None:
        limits = f"<= {number(reason.high)}"
    elif reason.high is None:
        limits = f">= {number(reason.low)}"
    else:
        limits = w.t("limit.range", min=number(reason.low), max=number(reason.high))
    return w.t("score_bounds.range", range=limits, **common)


def _score_problem(w: ReasonWriter, reason: why.ScoreProblem, verdict: Verdict) -> str:
    return w.t("score_problem", label=w.words.score_label(reason.score), problem=w.words.problem_text(reason.problem))


# -- answers -------------------------------------------------------------------------------------


def _answer(w: ReasonWriter, reason: why.Attestation | why.OneOf, verdict: Verdict) -> str:
    return w.t("answer", label=w.words.fact_label(reason.fact), answer=w.words.answer(reason.fact, reason.answer))


# -- combinations --------------------------------------------------------------------------------


def _decided(outcome: Outcome) -> Outcome:
    """The part that settled a combination, at any depth: what it says is that part's reason."""
    from trialdesk.domain import reasons as why

    while isinstance(outcome.reason, (why.AnyOf, why.AllOf)) and outcome.reason.decided_by is not None:
        outcome = outcome.reason.children[outcome.reason.decided_by]
    return outcome


def _none_holds(outcomes: Sequence[Outcome]) -> list[Outcome]:
    """The parts of an any_of none of which holds, with the parts of nested any_of none of which
    holds taken up into it: "none holds: …" once, never "none holds: none holds: …"."""
    from trialdesk.domain import reasons as why

    found: list[Outcome] = []
    for outcome in map(_decided, outcomes):
        if isinstance(outcome.reason, why.AnyOf) and outcome.verdict is NOT_MET:
            found.extend(_none_holds(outcome.reason.children))
        else:
            found.append(outcome)
    return found


def _open_parts(outcomes: Sequence[Outcome]) -> list[Outcome]:
    """What keeps combinations open, at every depth: the open parts of an undecided any_of or all_of,
    both sides of an open if-then, taken up into one list."""
    from trialdesk.domain import reasons as why

    found: list[Outcome] = []
    for outcome in map(_decided, outcomes):
        reason = outcome.reason
        if outcome.verdict is UNKNOWN and isinstance(reason, (why.AnyOf, why.AllOf)):
            found.extend(_open_parts([o for o in reason.children if o.verdict is UNKNOWN]))
        elif outcome.verdict is UNKNOWN and isinstance(reason, why.IfThen) and reason.then is not None:
            found.extend(_open_parts([reason.condition, reason.then]))
        else:
            found.append(outcome)
    return found


def _any_of(w: ReasonWriter, reason: why.AnyOf, verdict: Verdict) -> str:
    if reason.decided_by is not None:
        return w.say(reason.children[reason.decided_by])
    if verdict is NOT_MET:
        return w.t("any_of.none", parts=w.parts(_none_holds(reason.children)))
    return w.parts(_open_parts([o for o in reason.children if o.verdict is UNKNOWN]))


def _all_of(w: ReasonWriter, reason: why.AllOf, verdict: Verdict) -> str:
    if reason.decided_by is not None:
        return w.say(reason.children[reason.decided_by])
    if verdict is MET:
        return w.parts(reason.children)
    return w.parts(_open_parts([o for o in reason.children if o.verdict is UNKNOWN]))


def _not(w: ReasonWriter, reason: why.Not, verdict: Verdict) -> str:
    return w.t("not", part=w.say(reason.part))


def _if_then(w: ReasonWriter, reason: why.IfThen, verdict: Verdict) -> str:
    if reason.then is None:
        return w.t("if_then.not_applicable", part=w.say(reason.condition))
    if verdict is MET and reason.then.verdict is MET:
        return w.say(reason.then)  # what must hold holds: the condition, known or not, changes nothing
    if verdict is UNKNOWN:
        return w.parts(_open_parts([reason.condition, reason.then]))
    return w.t("if_then.applies", condition=w.say(reason.condition), part=w.say(reason.then))


def _at_least(w: ReasonWriter, reason: why.AtLeast, verdict: Verdict) -> str:
    return w.t("at_least", met=reason.met, of=reason.of, count=reason.count, parts=w.parts(reason.children))


def _not_applicable(w: ReasonWriter, reason: why.NotApplicable, verdict: Verdict) -> str:
    """The condition not met, alone: the effect says the criterion does not apply ("Sex: Male")."""
    return w.say(reason.condition)


def _applies_open(w: ReasonWriter, reason: why.AppliesOpen, verdict: Verdict) -> str:
    return w.t("applies_open", condition=w.say(reason.condition), part=w.say(reason.part))


Renderer = Callable[[ReasonWriter, Any, Verdict], str]


@cache
def renderers() -> dict[type[Reason], Renderer]:
    """One wording per kind of reason. The reason types are imported here, on the first reason
    worded, not on the start-up path (those over medication histories are about seventy dataclasses)."""
    from trialdesk.domain import reasons as why
    from trialdesk.messages import date_reasons, history_reasons

    return {
        why.Threshold: _threshold,
        why.Range: _range,
        why.LimitSettled: _limit_settled,
        why.LimitOpen: _limit_open,
        why.Missing: _missing,
        why.NotKnown: _not_known,
        why.NotAsked: _not_asked,
        why.ReportedAs: _reported_as,
        why.ScoreMissing: _score_missing,
        why.ScoreBounds: _score_bounds,
        why.ScoreProblem: _score_problem,
        why.Attestation: _answer,
        why.OneOf: _answer,
        why.AnyOf: _any_of,
        why.AllOf: _all_of,
        why.Not: _not,
        why.IfThen: _if_then,
        why.AtLeast: _at_least,
        why.NotApplicable: _not_applicable,
        why.AppliesOpen: _applies_open,
        **date_reasons.renderers(),
        **history_reasons.renderers(),
    }

