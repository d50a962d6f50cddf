"""Evaluate a subject's facts against a protocol: `evaluate(protocol, facts, on)`.

Three-valued throughout, with Kleene logic for the combinators: a missing fact makes
a rule UNKNOWN, and an UNKNOWN part never hides a decisive one (any_of is MET as soon
as one branch is MET, all_of is NOT_MET as soon as one part is NOT_MET).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

from trialdesk.domain import expressions as x
from trialdesk.domain import rules as r
from trialdesk.domain.calculators import CALCULATORS
from trialdesk.domain.classification import Observation
from trialdesk.domain.errors import DomainError, FactsInvalid, Problem
from trialdesk.domain.facts import NumberFact
from trialdesk.domain.history_rules import HistoryRules
from trialdesk.domain.outcomes import MET, NOT_APPLICABLE, NOT_MET, OPERATORS, UNKNOWN, day_of, verdict_for
from trialdesk.domain.periods import Period, completed_years
from trialdesk.domain.protocol import Protocol
from trialdesk.domain.units import to_decimal, unit_symbol, UNITS
from trialdesk.domain.values import NEVER, FactValue, Measurement, MedicationEntry, shown
from trialdesk.domain.verdict import (
    CriterionResult,
    EligibilityReport,
    Outcome,
    Reason,
    ScoreResult,
    Verdict,
)



def parse_facts(
    protocol: Protocol, raw: Mapping[str, Any], on: date, *, typed: bool = False, consistent: bool = True
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
            if isinstance(definition, NumberFact):
                facts[fact_id] = definition.parse(value, on, typed=typed, quantity=protocol.quantity.get(definition.quantity))
            else:
                facts[fact_id] = definition.parse(value, on, typed=typed)
        except FactsInvalid as invalid:
            problems.extend(invalid.problems)
    if not problems and consistent and len(facts) > 1:  # one answer alone contradicts nothing
        problems = inconsistencies(protocol, facts, on)
    if problems:
        raise FactsInvalid(problems)
    return facts


def inconsistencies(
    protocol: Protocol, facts: Mapping[str, FactValue], on: date, changed: str | None = None
) -> list[Problem]:
    """The protocol's consistency checks these answers break, each naming the facts it reads, and
    the answers to facts not asked with the others (`not_asked`: the fact and its condition's facts).

    With `changed`, only the checks that read that fact, and the problem is put on it (the
    answer being entered is the one refused). An answer to a fact not asked is refused when it is
    entered; a change of the condition's facts is not refused for an answer given before (a sex
    corrected after "not pregnant" was answered): that answer is then not asked, and rules read it
    as absent. Checks marked `confirm` only warn (`answer_warnings`).
    """
    problems = []
    for fact_id, read in _answered_unasked(protocol, facts, on):
        if changed is None or changed == fact_id:
            problems.append(Problem("not_asked", fact_id, {"fact": fact_id, "facts": list(read)}))
    return problems + _broken_checks(protocol, facts, on, changed, confirm=False)


def answer_warnings(
    protocol: Protocol, facts: Mapping[str, FactValue], on: date, changed: str | None = None
) -> list[Problem]:
    """What is possible but unusual in these answers, kept only when the person confirms it: a number
    outside its `usual` range ("unusual"), a consistency check marked `confirm` ("unusual_answers").

    With `changed`, only that answer's range and the checks that read it, put on it.
    """
    problems = []
    for fact_id in facts if changed is None else (changed,):
        definition = protocol.fact.get(fact_id)
        if isinstance(definition, NumberFact) and (definition.usual is not None or definition.uln_usual is not None):
            warning = definition.unusual(facts.get(fact_id), protocol.quantity.get(definition.quantity))
            if warning is not None:
                problems.append(warning)
    return problems + _broken_checks(protocol, facts, on, changed, confirm=True)


def _broken_checks(
    protocol: Protocol, facts: Mapping[str, FactValue], on: date, changed: str | None, *, confirm: bool
) -> list[Problem]:
    checks = [(c, read) for c, read in zip(protocol.consistency, protocol.consistency_facts)
              if c.confirm == confirm and (changed is None or changed in read)]
    if not checks:
        return []
    run = _Evaluation(protocol, facts, on)
    problems = []
    for check, read in checks:
        if run.rule(check.if_).verdict is MET and run.rule(check.then).verdict is NOT_MET:
            owner = changed if changed is not None else read[0]
            params = {"check": check.id, "facts": read, "text": check.text,
                      "translations": {lang: t.text for lang, t in check.translations.items()}}
            problems.append(Problem("unusual_answers" if confirm else "inconsistent", owner, params))
    return problems


def not_asked(protocol: Protocol, facts: Mapping[str, FactValue], on: date) -> dict[str, Outcome]:
    """The facts not asked with these answers, each with the outcome of its `asked_if`.

    A fact is asked unless its condition is not met: while the condition is not known, it is asked,
    except when what it still lacks are only facts not asked themselves (they will never be
    answered: weeks of pregnancy are not asked of a man, whose pregnancy is not asked).
    """
    if not protocol.asked_conditions:
        return {}
    unasked: dict[str, Outcome] = {}
    seen: dict[str, FactValue] = dict(facts)
    run: _Evaluation | None = None
    for fact_id, condition, read in protocol.asked_conditions:
        if run is None:  # one evaluation while the answers it reads stay the same (its scores kept)
            run = _Evaluation(protocol, dict(seen), on, asking=False)
            run.unasked = unasked  # a fact not asked reads as such in the condition's reason
        outcome = run.rule(condition)
        lacking = [f for f in read if seen.get(f) is None]
        if outcome.verdict is NOT_MET or (
                outcome.verdict is UNKNOWN and lacking and all(f in unasked for f in lacking)):
            unasked[fact_id] = outcome
            if seen.pop(fact_id, None) is not None:
                run = None
    return unasked


def _answered_unasked(
    protocol: Protocol, facts: Mapping[str, FactValue], on: date
) -> list[tuple[str, tuple[str, ...]]]:
    """The facts answered though not asked with the other answers, each with the facts its condition reads."""
    if not protocol.asked_conditions or not any(f in facts for f, _, _ in protocol.asked_conditions):
        return []
    unasked = not_asked(protocol, facts, on)
    return [(f, read) for f, _, read in protocol.asked_conditions if f in unasked and f in facts]


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
    results = tuple(CriterionResult(c.id, c.kind, *_unpack(run.criterion(c))) for c in protocol.criteria)
    scores = {s.id: run.score(s.id) for s in protocol.scores}
    return EligibilityReport(protocol.id, protocol.version, on, results, scores)


def _unpack(outcome: Outcome) -> tuple[Verdict, Reason]:
    return outcome.verdict, outcome.reason


def _missing(*fact_ids: str) -> Outcome:
    return Outcome(UNKNOWN, Reason("missing", {"facts": list(dict.fromkeys(fact_ids))}))


def _score_open(params: dict[str, Any]) -> Outcome:
    """A score still open: the facts it needs, and those answered with what leaves them not known; for a
    point score, the totals it can still reach and the comparison they leave undecided."""
    found = {"facts": params["missing"], "score": params["score"], "not_known": params.get("not_known", {})}
    if params.get("bounds") is not None and params.get("threshold") is not None:
        found.update(bounds=params["bounds"], op=params["op"], threshold=params["threshold"])
    return Outcome(UNKNOWN, Reason("missing", found))


def _passes(kind: str, verdict: Verdict) -> bool:
    """Whether a criterion's verdict lets the subject through."""
    return verdict is (MET if kind == "inclusion" else NOT_MET)


class _Evaluation(HistoryRules):
    """One evaluation: the facts, the screening date, and the scores computed so far."""

    def __init__(self, protocol: Protocol, facts: Mapping[str, FactValue], on: date, *, asking: bool = True) -> None:
        self.protocol = protocol
        #: the facts not asked with these answers (their conditions' outcomes): read as not entered
        self.unasked = not_asked(protocol, facts, on) if asking else {}
        self.facts = {k: v for k, v in facts.items() if k not in self.unasked} if self.unasked else facts
        self.on = on
        self._scores: dict[str, ScoreResult] = {}
        self._computing: set[str] = set()
        self._unknown = protocol.unknown_answers
        self._dispatch: dict[type, Callable[[Any], Outcome]] = {
            r.Threshold: self._threshold,
            r.Range: self._range,
            r.Age: self._age,
            r.DateWindow: self._date_window,
            r.OnOrBeforeScreening: self._on_or_before,
            r.OnOrBefore: self._on_or_before,
            r.Attestation: self._attestation,
            r.OneOf: self._one_of,
            r.CurrentTreatment: self._current_treatment,
            r.MedicationInUse: self._in_use,
            r.PrednisoneEquivalent: self._prednisone_equivalent,
            r.EquivalentDose: self._prednisone_equivalent,
            r.SteadyEquivalentDose: self._steady_equivalent_dose,
            r.MedicationEverUsed: self._ever_used,
            r.LastDoseWithin: self._last_dose_within,
            r.DistinctAgents: self._distinct_agents,
            r.MedicationDose: self._medication_dose,
            r.AllOf: self._all_of,
            r.AnyOf: self._any_of,
            r.Not: self._not,
            r.IfThen: self._if_then,
            r.AtLeast: self._at_least,
        }

    def rule(self, rule: r.Rule) -> Outcome:
        return self._dispatch[type(rule)](rule)

    def criterion(self, criterion: Any) -> Outcome:
        """A criterion's outcome: its rule's, unless it applies only under a condition not met."""
        outcome = self.rule(criterion.rule)
        if criterion.applies_if is None:
            return outcome
        applies = self.rule(criterion.applies_if)
        if applies.verdict is NOT_MET:
            return Outcome(NOT_APPLICABLE, Reason("not_applicable", children=(applies,)))
        if applies.verdict is UNKNOWN and not _passes(criterion.kind, outcome.verdict):
            return Outcome(UNKNOWN, Reason("applies_open", children=(applies, outcome)))
        return outcome  # it applies, or it passes whether or not it applies

    def value(self, fact_id: str) -> Any:
        """The fact's value, or None when it is not entered or answered "not known"."""
        value = self.facts.get(fact_id)
        if value.__class__ is str and value in self._unknown.get(fact_id, ()):
            return None
        return value

    def absent(self, *fact_ids: str) -> Outcome:
        """UNKNOWN because these facts have no usable value: not asked, not entered, or answered not known."""
        unasked = [f for f in dict.fromkeys(fact_ids) if f in self.unasked]
        if unasked:
            return Outcome(UNKNOWN, Reason("not_asked", {"facts": unasked}, tuple(self.unasked[f] for f in unasked)))
        answered = {f: self.facts[f] for f in fact_ids if self.facts.get(f) is not None and self.value(f) is None}
        if answered:
            return Outcome(UNKNOWN, Reason("not_known", {"facts": list(dict.fromkeys(fact_ids)), "answers": answered}))
        return _missing(*fact_ids)

    # -- scores ---------------------------------------------------------------------

    def score(self, score_id: str) -> ScoreResult:
        if score_id not in self._scores:
            self._scores[score_id] = self._compute(score_id)
        return self._scores[score_id]

    def _compute(self, score_id: str) -> ScoreResult:
        definition = self.protocol.score[score_id]
        if definition.expression is not None:
            return self._derived(score_id)
        calculator = CALCULATORS[definition.calculator]
        reading = calculator.read({name: self._observation(f) for name, f in definition.inputs.items()}, self.on)
        args = reading.args
        missing = list(dict.fromkeys(f for name, f in definition.inputs.items() if name in reading.missing))
        common = {"score_id": score_id, "label": definition.label, "inputs": args, "round_to": definition.round_to,
                  "unit": calculator.unit, "derivations": reading.derivations}
        if missing:
            not_known = {f: self.facts[f] for f in missing if self.facts.get(f) is not None and self.value(f) is None}
            return ScoreResult(**common, missing=tuple(missing), bounds=reading.bounds, not_known=not_known)
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

    def _observation(self, fact_id: str) -> Observation:
        """What a calculator input reads from a fact: its value, or the answer that leaves it not known."""
        value = self.value(fact_id)
        not_known = self.facts.get(fact_id) if value is None else None
        quantity = self.protocol.quantity.get(self.protocol.fact[fact_id].quantity) if isinstance(
            self.protocol.fact[fact_id], NumberFact) else None
        return Observation(fact_id, value, not_known, quantity)

    def _derived(self, score_id: str) -> ScoreResult:
        """A derived value: the expression computed exactly, then given in the declared unit."""
        definition = self.protocol.score[score_id]
        read = tuple(x.facts_read(definition.expression))
        inputs = {f: self.facts.get(f) for f in read if self.facts.get(f) is not None}
        common = {"score_id": score_id, "label": definition.label, "inputs": inputs, "round_to": definition.round_to,
                  "unit": definition.shown_unit, "derived": True}
        if score_id in self._computing:  # a score that reads itself: refused when the file is read
            return ScoreResult(**common, problem=Problem("circular", params={"score": score_id}))
        self._computing.add(score_id)
        try:
            si = x.compute(definition.expression, self._si, self.on)
        except x.Missing as missing:
            facts = [f for key in missing.facts for f in self._missing_facts(key)]
            if not facts:  # a score it reads is open on its bounds only: nothing to ask for here
                return ScoreResult(**common, problem=Problem("input_problem", params={"score": score_id}))
            return ScoreResult(**common, missing=tuple(dict.fromkeys(facts)))
        except x.NotComputable as error:
            return ScoreResult(**common, problem=Problem(error.code, params=error.params))
        finally:
            self._computing.discard(score_id)
        unit = UNITS[unit_symbol(definition.unit)] if definition.unit else None
        value = to_decimal(si / unit.factor if unit else si)
        compared = value
        if definition.round_to is not None:
            compared = value.quantize(Decimal(1).scaleb(-definition.round_to), rounding=ROUND_HALF_UP)
        return ScoreResult(**common, value=value, compared=compared)

    def _missing_facts(self, key: str) -> list[str]:
        if key.startswith("score:"):
            return list(self.score(key[6:]).missing)
        return [key]

    def _si(self, key: str) -> Any:
        """What an expression reads: a number fact in SI units (value, ULN), a date, a score."""
        if key.startswith("score:"):
            score = self.score(key[6:])
            if score.problem is not None:  # the score it reads cannot be computed: neither can this
                raise x.NotComputable("input_problem", score=key[6:])
            if score.compared is None:
                return None
            unit = UNITS.get(unit_symbol(self.protocol.score[key[6:]].unit or "1") or "1")
            return Fraction(score.compared) * unit.factor
        value = self.value(key)
        if value is None or value == NEVER:
            return None
        if isinstance(value, str):  # a number fact answered with a qualitative result
            raise x.NotComputable("reported_as", fact=key, result=value)
        if isinstance(value, Measurement):
            quantity = self.protocol.quantity_of(key)
            uln = None if value.uln is None else quantity.to_si(quantity.to_canonical(value.uln, value.unit))
            return quantity.to_si(value.canonical), uln
        if isinstance(value, int):
            return Fraction(value), None
        return value

    # -- comparisons on one fact or score ------------------------------------------------

    def _operand(self, rule: r.Threshold | r.Range) -> tuple[Decimal | None, dict[str, Any], Outcome | None]:
        """The number a comparison reads (in the unit its limits are written in), the reason
        parameters describing it, or an early outcome."""
        if rule.score is not None:
            score = self.score(rule.score)
            definition = self.protocol.score[rule.score]
            whole = definition.calculator is not None and CALCULATORS[definition.calculator].whole
            params: dict[str, Any] = {"score": rule.score, "round_to": score.round_to, "whole": whole,
                                      "unit": score.unit}
            if score.problem is not None:
                return None, params, Outcome(UNKNOWN, Reason("score_problem", {**params, "problem": score.problem}))
            if score.missing:
                return None, {**params, "missing": list(score.missing), "bounds": score.bounds,
                              "not_known": score.not_known}, None
            return score.compared, {**params, "value": score.compared, "raw": score.value}, None
        value = self.value(rule.fact)
        if value is None:
            return None, {"fact": rule.fact}, self.absent(rule.fact)
        if isinstance(value, str):  # a qualitative result given instead of a value: nothing to compare
            return None, {"fact": rule.fact}, Outcome(UNKNOWN, Reason("reported_as", {"fact": rule.fact, "result": value}))
        if isinstance(value, Measurement):
            quantity = self.protocol.quantity_of(rule.fact)
            unit = rule.unit or quantity.canonical
            params = {
                "fact": rule.fact,
                "value": quantity.convert(value.value, value.unit, unit),
                "unit": quantity.unit_label(unit),
                "entered": value.value,
                "entered_unit": quantity.unit_label(value.unit),
                "converted": value.unit != unit,
            }
            if isinstance(rule, r.Threshold) and rule.times_uln is not None:
                # compared in the unit of the report, where the value and its ULN were printed together
                params.update(value=value.value, unit=quantity.unit_label(value.unit), converted=False,
                              uln=value.uln, times_uln=rule.times_uln)
                return value.value, params, None
            return params["value"], params, None
        return Decimal(value), {"fact": rule.fact, "value": value}, None

    def _limits(self, bound: r.Bound | None) -> tuple[list[tuple[Decimal | None, int | None]], list[Outcome]]:
        """The limits a bound can still be, each with the case it comes from, and the open cases' outcomes.

        None in the list stands for "no limit applies" (no case can be met and there is no `otherwise`).
        """
        if not isinstance(bound, r.Limit):
            return [(bound, None)], []
        possible: list[tuple[Decimal | None, int | None]] = []
        open_cases: list[Outcome] = []
        for index, case in enumerate(bound.cases):
            outcome = self.rule(case.when)
            if outcome.verdict is MET:
                possible.append((case.value, index))
                return possible, open_cases
            if outcome.verdict is UNKNOWN:
                possible.append((case.value, index))
                open_cases.append(outcome)
        # Without `otherwise` the cases are the author's whole list (by sex: female, male): while
        # some are undecided, one of them will apply; when none can, no limit applies at all.
        if bound.otherwise is not None or not possible:
            possible.append((bound.otherwise, -1))
        return possible, open_cases

    def _threshold(self, rule: r.Threshold) -> Outcome:
        value, params, early = self._operand(rule)
        if early is not None:
            return early
        compare = OPERATORS[rule.op]
        if rule.times_uln is not None:
            limit = rule.times_uln * params["uln"]
            params = {**params, "op": rule.op, "threshold": limit}
            return Outcome(verdict_for(compare(value, limit)), Reason("threshold", params))
        possible, open_cases = self._limits(rule.value)
        params = {**params, "op": rule.op}
        if value is None:  # a point score with unknown domains: decide on its bounds
            if len(possible) == 1 and possible[0][0] is not None:
                params["threshold"] = possible[0][0]
                return self._bounded(params, lambda v: compare(v, possible[0][0]))
            return _score_open(params)
        return self._decide("threshold", params, possible, open_cases,
                            lambda limit: compare(value, limit), lambda limit: {"threshold": limit})

    def _range(self, rule: r.Range) -> Outcome:
        value, params, early = self._operand(rule)
        if early is not None:
            return early
        lows, open_low = self._limits(rule.min)
        highs, open_high = self._limits(rule.max)
        pairs = [((low, i), (high, j)) for low, i in lows for high, j in highs]

        def holds(pair: tuple) -> bool:
            (low, _), (high, _) = pair
            return (low is None or low <= value) and (high is None or value <= high)

        if value is None:
            if len(pairs) == 1:
                (low, _), (high, _) = pairs[0]
                params = {**params, "min": low, "max": high}
                return self._bounded(params, lambda v: (low is None or low <= v) and (high is None or v <= high))
            return _score_open(params)
        outcomes = {holds(pair) for pair in pairs}
        if len(outcomes) == 1 and all(low is not None or high is not None for (low, _), (high, _) in pairs):
            (low, i), (high, j) = next(p for p in pairs if holds(p) == next(iter(outcomes)))
            if len(pairs) == 1:
                reason = self._range_reason(params, low, high)
            else:
                reason = Reason("limit_settled", {**params, "min": low, "max": high, "limits": [
                    (lo, hi) for (lo, _), (hi, _) in pairs]}, tuple(open_low + open_high))
            return Outcome(verdict_for(outcomes.pop()), reason)
        return Outcome(UNKNOWN, Reason("limit_open", {**params, "limits": [(lo, hi) for (lo, _), (hi, _) in pairs]},
                                       tuple(open_low + open_high)))

    @staticmethod
    def _range_reason(params: dict[str, Any], low: Decimal | None, high: Decimal | None) -> Reason:
        """A closed range is worded as a range, an open one as the comparison it is."""
        if low is None:
            return Reason("threshold", {**params, "op": "<=", "threshold": high})
        if high is None:
            return Reason("threshold", {**params, "op": ">=", "threshold": low})
        return Reason("range", {**params, "min": low, "max": high})

    @staticmethod
    def _decide(code: str, params: dict[str, Any], possible: list, open_cases: list[Outcome],
                holds: Callable[[Decimal], bool], described: Callable[[Decimal], dict[str, Any]]) -> Outcome:
        """Decided when the value settles the comparison against every limit still possible."""
        limits = [limit for limit, _ in possible]
        if len(limits) == 1 and limits[0] is not None:
            return Outcome(verdict_for(holds(limits[0])), Reason(code, {**params, **described(limits[0])}))
        results = {holds(limit) for limit in limits if limit is not None}
        if None not in limits and len(results) == 1:
            verdict = results.pop()
            return Outcome(verdict_for(verdict), Reason("limit_settled", {**params, "limits": limits}, tuple(open_cases)))
        return Outcome(UNKNOWN, Reason("limit_open", {**params, "limits": [lim for lim in limits if lim is not None]},
                                       tuple(open_cases)))

    @staticmethod
    def _bounded(params: dict[str, Any], holds: Callable[[Decimal], bool]) -> Outcome:
        bounds = params.get("bounds")
        if bounds is not None:
            possible = {holds(Decimal(v)) for v in range(bounds[0], bounds[1] + 1)}
            if len(possible) == 1:
                return Outcome(verdict_for(possible.pop()), Reason("score_bounds", params))
        return _score_open(params)

    # -- dates -------------------------------------------------------------------------

    def _moment(self, fact_id: str | None) -> Any:
        """A date fact's value; the screening date when `fact_id` is None."""
        return self.on if fact_id is None else self.value(fact_id)

    def _anchor_span(self, anchor: str) -> tuple[date | None, date | None]:
        """The dates an anchor not yet known can still take (None: unbounded on that side)."""
        definition = self.protocol.fact[anchor]
        low = self.on if getattr(definition, "on_or_after_screening", False) else None
        high = self.on if getattr(definition, "not_after_screening", False) else None
        return low, high

    def _pending(self, rule: Any, params: dict[str, Any]) -> Outcome:
        return Outcome(UNKNOWN, Reason("pending", {**params, "anchor": rule.anchor}))

    def _age(self, rule: r.Age) -> Outcome:
        born = self.value(rule.fact)
        if born is None:
            return self.absent(rule.fact)
        params = {"fact": rule.fact, "born": born, "min": rule.min_years, "max": rule.max_years, "anchor": rule.anchor}

        def holds(on: date) -> bool:
            age = completed_years(born, on)
            return (rule.min_years is None or age >= rule.min_years) and (rule.max_years is None or age <= rule.max_years)

        on = self._moment(rule.anchor)
        if on == NEVER:  # an age on a day that never came: not known
            return self.absent(rule.anchor)
        if on is None:
            low, high = self._anchor_span(rule.anchor)
            # age only grows with the anchor: the youngest at `low`, the oldest at `high`
            if low is not None and rule.max_years is not None and completed_years(born, low) > rule.max_years:
                return Outcome(NOT_MET, Reason("age_early", {**params, "age": completed_years(born, low), "on": low, "side": "after"}))
            if high is not None and rule.min_years is not None and completed_years(born, high) < rule.min_years:
                return Outcome(NOT_MET, Reason("age_early", {**params, "age": completed_years(born, high), "on": high, "side": "before"}))
            if low is not None and high is not None and holds(low) and holds(high):
                return Outcome(MET, Reason("age_early", {**params, "age": completed_years(born, low), "on": low, "side": "between", "until": high}))
            return self._pending(rule, params)
        if isinstance(on, datetime):
            on = on.date()
        age = completed_years(born, on)
        return Outcome(verdict_for(holds(on)), Reason("age", {**params, "age": age, "on": on}))

    def _date_window(self, rule: r.DateWindow) -> Outcome:
        value = self.value(rule.fact)
        anchor = self._moment(rule.anchor)
        params = {"fact": rule.fact, "count": rule.within.count, "unit": rule.within.unit, "side": rule.side,
                  "anchor": rule.anchor}
        if value is None:
            return self.absent(rule.fact) if rule.anchor is None or anchor is not None else self.absent(rule.fact, rule.anchor)
        if value == NEVER:
            return Outcome(NOT_MET, Reason("date_window_never", params))
        hours = rule.within.unit == "hours"
        value = value if hours else day_of(value)
        params["date"] = value
        if anchor == NEVER:  # no such event: no window around it
            return Outcome(NOT_MET, Reason("date_window_never", {**params, "fact": rule.anchor}))
        if anchor is not None:
            anchor = anchor if hours else day_of(anchor)
            start, end = _window(rule.within, rule.side, anchor)
            return Outcome(verdict_for(start <= value <= end), Reason("date_window", {**params, "since": start, "until": end,
                                                                                 "on": anchor}))
        low, high = self._anchor_span(rule.anchor)
        if hours:  # a date-time anchor's span is whole days
            low = None if low is None else datetime.combine(low, time.min)
            high = None if high is None else datetime.combine(high, time.max)
        decided = _window_for_every_anchor(rule.within, rule.side, value, low, high)
        if decided is None:
            return self._pending(rule, params)
        return Outcome(verdict_for(decided), Reason("date_window_early", {**params, "earliest": low, "latest": high}))

    def _on_or_before(self, rule: r.OnOrBeforeScreening | r.OnOrBefore) -> Outcome:
        value = self.value(rule.fact)
        anchor_id = getattr(rule, "anchor", None)
        by: Period | None = getattr(rule, "by", None)
        if value is None:
            return self.absent(rule.fact)
        params = {"fact": rule.fact, "date": value, "anchor": anchor_id,
                  "by": by and (by.count, by.unit)}
        if value == NEVER:
            return Outcome(NOT_MET, Reason("date_window_never", params))
        anchor = self._moment(anchor_id)
        if anchor == NEVER:
            return Outcome(NOT_MET, Reason("date_window_never", {**params, "fact": anchor_id}))
        hours = by is not None and by.unit == "hours"

        def latest(on: Any) -> Any:
            """The last moment the fact may take for an anchor on `on`."""
            on = on if hours or (isinstance(value, datetime) and isinstance(on, datetime)) else day_of(on)
            return on if by is None else by.before(on)

        moment = value if hours or isinstance(anchor, datetime) else day_of(value)
        if anchor is None:
            low, high = self._anchor_span(anchor_id)
            if low is not None and day_of(value) <= day_of(latest(low)) and not isinstance(value, datetime):
                return Outcome(MET, Reason("on_or_before_early", {**params, "earliest": low}))
            if high is not None and day_of(value) > day_of(latest(high)):
                return Outcome(NOT_MET, Reason("on_or_before_early", {**params, "latest": high}))
            return self._pending(rule, params)
        limit = latest(anchor)
        holds = (moment if isinstance(limit, datetime) else day_of(moment)) <= limit
        return Outcome(verdict_for(holds), Reason("on_or_before", {**params, "on": anchor, "limit": limit}))

    # -- answers -----------------------------------------------------------------------

    def _attestation(self, rule: r.Attestation) -> Outcome:
        value = self.value(rule.fact)
        if value is None:
            return self.absent(rule.fact)
        return Outcome(verdict_for(value == "yes"), Reason("attestation", {"fact": rule.fact, "answer": value}))

    def _one_of(self, rule: r.OneOf) -> Outcome:
        value = self.value(rule.fact)
        if value is None:
            return self.absent(rule.fact)
        params = {"fact": rule.fact, "answer": value, "values": list(rule.values)}
        return Outcome(verdict_for(value in rule.values), Reason("one_of", params))

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


def _window(within: Period, side: str, anchor: Any) -> tuple[Any, Any]:
    """The first and last moment of a window before or after an anchor (both included)."""
    return (within.before(anchor), anchor) if side == "before" else (anchor, within.after(anchor))


def _window_for_every_anchor(within: Period, side: str, value: Any, low: Any, high: Any) -> bool | None:
    """Whether `value` lies in the window of every anchor from `low` to `high` (True), of none
    (False), or depends on the anchor (None). None for an end means unbounded.

    The window's ends move forward with the anchor, so its extremes decide: for a window
    before the anchor, a value after the latest anchor, or before the earliest anchor's start,
    is outside every window.
    """
    if side == "before":
        if (high is not None and value > high) or (low is not None and within.before(low) > value):
            return False
        if low is not None and high is not None and value <= low and within.before(high) <= value:
            return True
        return None
    if (low is not None and value < low) or (high is not None and within.after(high) < value):
        return False
    if low is not None and high is not None and value >= high and within.after(low) >= value:
        return True
    return None
