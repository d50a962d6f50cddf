"""Evaluate a subject's facts against a protocol: `evaluate(protocol, facts, on)`.

Three-valued throughout, with Kleene logic for the combinators: a missing fact makes
a rule UNKNOWN, and an UNKNOWN part never hides a decisive one (any_of is MET as soon
as one branch is MET, all_of is NOT_MET as soon as one part is NOT_MET).
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from trialdesk.domain import rules as r
from trialdesk.domain.calculators import CALCULATORS
from trialdesk.domain.errors import DomainError, FactsInvalid, Problem
from trialdesk.domain.medications import EQUIVALENCE_TABLES
from trialdesk.domain.periods import completed_years
from trialdesk.domain.protocol import Protocol
from trialdesk.domain.values import NEVER, FactValue, Measurement, MedicationEntry, shown
from trialdesk.domain.verdict import (
    CriterionResult,
    EligibilityReport,
    Outcome,
    Reason,
    ScoreResult,
    Verdict,
)

MET, NOT_MET, UNKNOWN = Verdict.MET, Verdict.NOT_MET, Verdict.UNKNOWN
OPERATORS: dict[str, Callable[[Any, Any], bool]] = {
    ">=": operator.ge,
    ">": operator.gt,
    "<=": operator.le,
    "<": operator.lt,
    "==": operator.eq,
}


def parse_facts(
    protocol: Protocol, raw: Mapping[str, Any], on: date, *, typed: bool = False
) -> dict[str, FactValue]:
    """Check raw answers (fact id -> JSON value) against the protocol's definitions.

    A None answer means "not entered". `typed` answers are what a person typed (the window,
    `screening set`, answers stored as text): numbers may also be text in the one typed form;
    otherwise (facts files) numbers must be JSON numbers. Raises `FactsInvalid` listing
    every problem.
    """
    facts: dict[str, FactValue] = {}
    problems: list[Problem] = []
    for fact_id, value in raw.items():
        definition = protocol.fact.get(fact_id) if isinstance(fact_id, str) else None
        if definition is None:
            problems.append(Problem("unknown_fact", shown(fact_id), {"known": sorted(protocol.fact)}))
            continue
        if value is None:
            continue
        try:
            facts[fact_id] = definition.parse(value, on, typed=typed)
        except FactsInvalid as invalid:
            problems.extend(invalid.problems)
    if problems:
        raise FactsInvalid(problems)
    return facts


def normal_answers(protocol: Protocol, facts: Mapping[str, FactValue]) -> dict[str, Any]:
    """The one normal stored (JSON) form of each parsed fact: what is saved and compared.

    Two raw answers that mean the same (85, 85.0, "85", "85,0") have the same normal form.
    """
    return {fact_id: protocol.fact[fact_id].to_answer(value) for fact_id, value in facts.items()}


def normal_answer(protocol: Protocol, fact_id: str, raw: Any, on: date, *, typed: bool = True) -> Any:
    """One raw answer in its normal stored form (None stays None: not entered); FactsInvalid if refused."""
    return normal_answers(protocol, parse_facts(protocol, {fact_id: raw}, on, typed=typed)).get(fact_id)


def evaluate(protocol: Protocol, facts: Mapping[str, FactValue], on: date) -> EligibilityReport:
    """Every criterion's verdict and reason for one subject on the screening date `on`."""
    run = _Evaluation(protocol, facts, on)
    results = tuple(
        CriterionResult(c.id, c.kind, *_unpack(run.rule(c.rule))) for c in protocol.criteria
    )
    scores = {s.id: run.score(s.id) for s in protocol.scores}
    return EligibilityReport(protocol.id, protocol.version, on, results, scores)


def _unpack(outcome: Outcome) -> tuple[Verdict, Reason]:
    return outcome.verdict, outcome.reason


def _verdict(holds: bool) -> Verdict:
    return MET if holds else NOT_MET


def _missing(*fact_ids: str) -> Outcome:
    return Outcome(UNKNOWN, Reason("missing", {"facts": list(fact_ids)}))


class _Evaluation:
    """One evaluation: the facts, the screening date, and the scores computed so far."""

    def __init__(self, protocol: Protocol, facts: Mapping[str, FactValue], on: date) -> None:
        self.protocol = protocol
        self.facts = facts
        self.on = on
        self._scores: dict[str, ScoreResult] = {}
        self._dispatch: dict[type, Callable[[Any], Outcome]] = {
            r.Threshold: self._threshold,
            r.Range: self._range,
            r.Age: self._age,
            r.DateWindow: self._date_window,
            r.OnOrBeforeScreening: self._on_or_before,
            r.Attestation: self._attestation,
            r.OneOf: self._one_of,
            r.CurrentTreatment: self._current_treatment,
            r.MedicationInUse: self._in_use,
            r.PrednisoneEquivalent: self._prednisone_equivalent,
            r.AllOf: self._all_of,
            r.AnyOf: self._any_of,
            r.Not: self._not,
            r.IfThen: self._if_then,
            r.AtLeast: self._at_least,
        }

    def rule(self, rule: r.Rule) -> Outcome:
        return self._dispatch[type(rule)](rule)

    def value(self, fact_id: str) -> Any:
        """The fact's value, or None when it is not entered or answered "not known"."""
        value = self.facts.get(fact_id)
        return None if value == "unknown" else value

    # -- scores ---------------------------------------------------------------------

    def score(self, score_id: str) -> ScoreResult:
        if score_id not in self._scores:
            self._scores[score_id] = self._compute(score_id)
        return self._scores[score_id]

    def _compute(self, score_id: str) -> ScoreResult:
        definition = self.protocol.score[score_id]
        calculator = CALCULATORS[definition.calculator]
        args: dict[str, Any] = {}
        missing: list[str] = []
        for name, fact_id in definition.inputs.items():
            value = self.value(fact_id)
            args[name] = None if value is None else calculator.inputs[name].read(value)
            if args[name] is None and fact_id not in missing:
                missing.append(fact_id)
        common = {"score_id": score_id, "label": definition.label, "inputs": args, "round_to": definition.round_to}
        if missing:
            bounds = calculator.bounds(**args) if calculator.bounds else None
            return ScoreResult(**common, missing=tuple(missing), bounds=bounds)
        try:
            result = calculator.compute(**args)
        except DomainError as error:
            return ScoreResult(**common, problem=error.problem)
        value = calculator.value_of(result)
        compared = value
        if definition.round_to is not None:
            compared = value.quantize(Decimal(1).scaleb(-definition.round_to), rounding=ROUND_HALF_UP)
        return ScoreResult(
            **common, value=value, compared=compared, components=calculator.components(result)
        )

    # -- comparisons on one fact or score ------------------------------------------------

    def _operand(self, rule: r.Threshold | r.Range) -> tuple[Decimal | None, dict[str, Any], Outcome | None]:
        """The number a comparison reads, the reason parameters describing it, or an early outcome."""
        if rule.score is not None:
            score = self.score(rule.score)
            whole = CALCULATORS[self.protocol.score[rule.score].calculator].whole
            params: dict[str, Any] = {"score": rule.score, "round_to": score.round_to, "whole": whole}
            if score.problem is not None:
                return None, params, Outcome(UNKNOWN, Reason("score_problem", {**params, "problem": score.problem}))
            if score.missing:
                return None, {**params, "missing": list(score.missing), "bounds": score.bounds}, None
            return score.compared, {**params, "value": score.compared, "raw": score.value}, None
        value = self.value(rule.fact)
        if value is None:
            return None, {"fact": rule.fact}, _missing(rule.fact)
        if isinstance(value, Measurement):
            params = {
                "fact": rule.fact,
                "value": value.canonical,
                "unit": self.protocol.fact[rule.fact].canonical_unit,
                "entered": value.value,
                "entered_unit": value.unit,
            }
            return value.canonical, params, None
        return Decimal(value), {"fact": rule.fact, "value": value}, None

    def _threshold(self, rule: r.Threshold) -> Outcome:
        value, params, early = self._operand(rule)
        if early is not None:
            return early
        compare = OPERATORS[rule.op]
        params = {**params, "op": rule.op, "threshold": rule.value}
        if value is None:  # a point score with unknown domains: decide on its bounds
            return self._bounded(params, lambda v: compare(v, rule.value))
        return Outcome(_verdict(compare(value, rule.value)), Reason("threshold", params))

    def _range(self, rule: r.Range) -> Outcome:
        value, params, early = self._operand(rule)
        if early is not None:
            return early
        params = {**params, "min": rule.min, "max": rule.max}
        if value is None:
            return self._bounded(params, lambda v: rule.min <= v <= rule.max)
        return Outcome(_verdict(rule.min <= value <= rule.max), Reason("range", params))

    @staticmethod
    def _bounded(params: dict[str, Any], holds: Callable[[Decimal], bool]) -> Outcome:
        bounds = params.get("bounds")
        if bounds is not None:
            possible = {holds(Decimal(v)) for v in range(bounds[0], bounds[1] + 1)}
            if len(possible) == 1:
                return Outcome(_verdict(possible.pop()), Reason("score_bounds", params))
        return Outcome(UNKNOWN, Reason("missing", {"facts": params["missing"], "score": params["score"]}))

    # -- dates -------------------------------------------------------------------------

    def _age(self, rule: r.Age) -> Outcome:
        born = self.value(rule.fact)
        if born is None:
            return _missing(rule.fact)
        age = completed_years(born, self.on)
        params = {"fact": rule.fact, "born": born, "age": age, "on": self.on, "min": rule.min_years, "max": rule.max_years}
        return Outcome(_verdict(rule.min_years <= age <= rule.max_years), Reason("age", params))

    def _date_window(self, rule: r.DateWindow) -> Outcome:
        value = self.value(rule.fact)
        if value is None:
            return _missing(rule.fact)
        since = rule.within.before(self.on)
        params = {"fact": rule.fact, "count": rule.within.count, "unit": rule.within.unit, "since": since, "on": self.on}
        if value == NEVER:
            return Outcome(NOT_MET, Reason("date_window_never", params))
        return Outcome(_verdict(since <= value <= self.on), Reason("date_window", {**params, "date": value}))

    def _on_or_before(self, rule: r.OnOrBeforeScreening) -> Outcome:
        value = self.value(rule.fact)
        if value is None:
            return _missing(rule.fact)
        params = {"fact": rule.fact, "date": value, "on": self.on}
        return Outcome(_verdict(value <= self.on), Reason("on_or_before", params))

    # -- answers -----------------------------------------------------------------------

    def _attestation(self, rule: r.Attestation) -> Outcome:
        value = self.value(rule.fact)
        if value is None:
            return _missing(rule.fact)
        return Outcome(_verdict(value == "yes"), Reason("attestation", {"fact": rule.fact, "answer": value}))

    def _one_of(self, rule: r.OneOf) -> Outcome:
        value = self.value(rule.fact)
        if value is None:
            return _missing(rule.fact)
        params = {"fact": rule.fact, "answer": value, "values": list(rule.values)}
        return Outcome(_verdict(value in rule.values), Reason("one_of", params))

    # -- medication histories ------------------------------------------------------------

    def _courses(self, rule: Any) -> tuple[MedicationEntry, ...] | None:
        entries = self.value(rule.fact)
        if entries is None:
            return None
        drugs, routes = getattr(rule, "drugs", None), getattr(rule, "routes", None)
        return tuple(
            e for e in entries if (drugs is None or e.drug in drugs) and (routes is None or e.route in routes)
        )

    def _current_treatment(self, rule: r.CurrentTreatment) -> Outcome:
        courses = self._courses(rule)
        if courses is None:
            return _missing(rule.fact)
        current = [c for c in courses if c.active_on(self.on)]
        params: dict[str, Any] = {"fact": rule.fact, "drugs": list(rule.drugs or ())}
        if not current:
            return Outcome(NOT_MET, Reason("no_current_treatment", params))
        taken_since = rule.taken_for.before(self.on) if rule.taken_for else None
        stable_since = rule.stable_for.before(self.on) if rule.stable_for else None
        checked = [
            {
                "drug": c.drug,
                "dose": c.dose,
                "unit": c.unit,
                "start": c.start,
                "dose_since": c.dose_since,
                "taken_ok": taken_since is None or c.start <= taken_since,
                "stable_ok": stable_since is None or c.dose_since <= stable_since,
                "dose_ok": rule.dose is None
                or (c.unit == rule.dose.unit and rule.dose.min <= c.dose <= rule.dose.max),
            }
            for c in current
        ]
        params.update(
            courses=checked,
            taken_for=rule.taken_for and (rule.taken_for.count, rule.taken_for.unit),
            stable_for=rule.stable_for and (rule.stable_for.count, rule.stable_for.unit),
            taken_since=taken_since,
            stable_since=stable_since,
            dose=rule.dose and (rule.dose.min, rule.dose.max, rule.dose.unit),
        )
        holds = all(c["taken_ok"] and c["stable_ok"] and c["dose_ok"] for c in checked)
        return Outcome(_verdict(holds), Reason("current_treatment", params))

    def _in_use(self, rule: r.MedicationInUse) -> Outcome:
        courses = self._courses(rule)
        if courses is None:
            return _missing(rule.fact)
        current = sorted({c.drug for c in courses if c.active_on(self.on)})
        return Outcome(_verdict(bool(current)), Reason("medication_in_use", {"fact": rule.fact, "current": current}))

    def _prednisone_equivalent(self, rule: r.PrednisoneEquivalent) -> Outcome:
        courses = self._courses(rule)
        if courses is None:
            return _missing(rule.fact)
        table = EQUIVALENCE_TABLES[self.protocol.glucocorticoid_table]
        since = rule.window.before(self.on) if rule.window else self.on
        days = {since} | {
            d for c in courses for d in (c.start, c.dose_since) if since <= d <= self.on
        }
        worst: tuple[date, Decimal, list] | None = None
        unrecorded = None
        for day in sorted(days):
            total, used = Decimal(0), []
            for c in courses:
                if not c.active_on(day):
                    continue
                if day < c.dose_since:  # on the course, but at a dose the history does not give
                    unrecorded = unrecorded or {"drug": c.drug, "start": c.start, "dose_since": c.dose_since}
                    continue
                equivalent = table.prednisone_equivalent(c.drug, c.dose)
                total += equivalent
                used.append({"drug": c.drug, "dose": c.dose, "equivalent": equivalent})
            if worst is None or total > worst[1]:
                worst = (day, total, used)
        worst_day, worst_total, worst_courses = worst
        params = {
            "fact": rule.fact,
            "total": worst_total,
            "day": worst_day,
            "courses": worst_courses,
            "op": rule.op,
            "threshold": rule.value,
            "table": table.id,
            "window": rule.window and (rule.window.count, rule.window.unit),
            "since": since,
        }
        holds = OPERATORS[rule.op](worst_total, rule.value)
        # An unrecorded earlier dose can only add to a total: decisive only in one direction.
        if unrecorded is not None and holds != (rule.op in (">", ">=")):
            return Outcome(UNKNOWN, Reason("dose_unrecorded", {**params, "unrecorded": unrecorded}))
        return Outcome(_verdict(holds), Reason("prednisone_equivalent", params))

    # -- combinators (Kleene) ------------------------------------------------------------

    def _all_of(self, rule: r.AllOf) -> Outcome:
        outcomes = [self.rule(c) for c in rule.all_of]
        return self._combine("all_of", outcomes, decisive=NOT_MET, otherwise=MET)

    def _any_of(self, rule: r.AnyOf) -> Outcome:
        outcomes = [self.rule(c) for c in rule.any_of]
        return self._combine("any_of", outcomes, decisive=MET, otherwise=NOT_MET)

    @staticmethod
    def _combine(code: str, outcomes: list[Outcome], decisive: Verdict, otherwise: Verdict) -> Outcome:
        reasons = tuple(outcomes)
        for index, outcome in enumerate(outcomes):
            if outcome.verdict is decisive:
                return Outcome(decisive, Reason(code, children=reasons, decided_by=index))
        if any(o.verdict is UNKNOWN for o in outcomes):
            return Outcome(UNKNOWN, Reason(code, children=reasons))
        return Outcome(otherwise, Reason(code, children=reasons))

    def _not(self, rule: r.Not) -> Outcome:
        inner = self.rule(rule.rule)
        flipped = {MET: NOT_MET, NOT_MET: MET, UNKNOWN: UNKNOWN}[inner.verdict]
        return Outcome(flipped, Reason("not", children=(inner,)))

    def _if_then(self, rule: r.IfThen) -> Outcome:
        condition = self.rule(rule.if_)
        if condition.verdict is NOT_MET:
            return Outcome(MET, Reason("if_then", {"applies": False}, (condition,)))
        then = self.rule(rule.then)
        reason = Reason("if_then", {"applies": condition.verdict is MET}, (condition, then))
        if condition.verdict is MET or then.verdict is MET:
            return Outcome(then.verdict, reason)
        return Outcome(UNKNOWN, reason)

    def _at_least(self, rule: r.AtLeast) -> Outcome:
        outcomes = [self.rule(c) for c in rule.of]
        met = sum(o.verdict is MET for o in outcomes)
        unknown = sum(o.verdict is UNKNOWN for o in outcomes)
        params = {"count": rule.count, "met": met, "of": len(outcomes)}
        reason = Reason("at_least", params, tuple(outcomes))
        if met >= rule.count:
            return Outcome(MET, reason)
        if met + unknown < rule.count:
            return Outcome(NOT_MET, reason)
        return Outcome(UNKNOWN, reason)
