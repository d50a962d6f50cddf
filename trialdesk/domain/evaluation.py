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
from trialdesk.domain import reasons as why
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
from trialdesk.domain.values import NEVER, FactValue, Measurement, shown
from trialdesk.domain.verdict import CriterionResult, EligibilityReport, Outcome, Reason, ScoreResult, Verdict


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


def criterion_result(protocol: Protocol, criterion: Any, facts: Mapping[str, FactValue], on: date) -> CriterionResult:
    """One criterion's result, as `evaluate` gives it among the others."""
    run = _Evaluation(protocol, facts, on)
    return CriterionResult(criterion.id, criterion.kind, *_unpack(run.criterion(criterion)))


def _unpack(outcome: Outcome) -> tuple[Verdict, Reason]:
    return outcome.verdict, outcome.reason


def _missing(*fact_ids: str) -> Outcome:
    return Outcome(UNKNOWN, why.Missing(tuple(dict.fromkeys(fact_ids))))


def _score_open(score: ScoreResult, op: str | None = None, threshold: Decimal | None = None) -> Outcome:
    """A score still open: the facts it needs, and those answered with what leaves them not known; for a
    point score compared with one threshold, the totals it can still reach."""
    if score.bounds is None or threshold is None:
        return Outcome(UNKNOWN, why.ScoreMissing(score.score_id, score.missing, score.not_known))
    return Outcome(UNKNOWN, why.ScoreMissing(score.score_id, score.missing, score.not_known, score.bounds, op, threshold))


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

    def rule(self, rule: r.Rule) -> Outcome:
        return _RULES[type(rule)](self, rule)

    def criterion(self, criterion: Any) -> Outcome:
        """A criterion's outcome: its rule's, unless it applies only under a condition not met."""
        outcome = self.rule(criterion.rule)
        if criterion.applies_if is None:
            return outcome
        applies = self.rule(criterion.applies_if)
        if applies.verdict is NOT_MET:
            return Outcome(NOT_APPLICABLE, why.NotApplicable(applies))
        if applies.verdict is UNKNOWN and not _passes(criterion.kind, outcome.verdict):
            return Outcome(UNKNOWN, why.AppliesOpen(applies, outcome))
        return outcome  # it applies, or it passes whether or not it applies

    def value(self, fact_id: str) -> Any:
        """The fact's value, or None when it is not entered or answered "not known"."""
        value = self.facts.get(fact_id)
        if value.__class__ is str and value in self._unknown.get(fact_id, ()):
            return None
        return value

    def absent(self, *fact_ids: str) -> Outcome:
        """UNKNOWN because these facts have no usable value: not asked, not entered, or answered not known."""
        unasked = tuple(f for f in dict.fromkeys(fact_ids) if f in self.unasked)
        if unasked:
            return Outcome(UNKNOWN, why.NotAsked(unasked, tuple(self.unasked[f] for f in unasked)))
        answered = {f: self.facts[f] for f in fact_ids if self.facts.get(f) is not None and self.value(f) is None}
        if answered:
            return Outcome(UNKNOWN, why.NotKnown(tuple(dict.fromkeys(fact_ids)), answered))
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

    def _operand(
        self, rule: r.Threshold | r.Range,
    ) -> tuple[Decimal | None, why.Operand | ScoreResult | None, Outcome | None]:
        """The number a comparison reads (in the unit its limits are written in) with what its reason
        names of it; a score still open (the number None); or an early outcome."""
        if rule.score is not None:
            score = self.score(rule.score)
            if score.problem is not None:
                return None, None, Outcome(UNKNOWN, why.ScoreProblem(rule.score, score.problem))
            if score.missing:
                return None, score, None
            definition = self.protocol.score[rule.score]
            whole = definition.calculator is not None and CALCULATORS[definition.calculator].whole
            return score.compared, why.ScoreOperand(rule.score, score.compared, score.value, score.round_to, whole,
                                                    score.unit), None
        value = self.value(rule.fact)
        if value is None:
            return None, None, self.absent(rule.fact)
        if isinstance(value, str):  # a qualitative result given instead of a value: nothing to compare
            return None, None, Outcome(UNKNOWN, why.ReportedAs(rule.fact, value))
        if isinstance(value, Measurement):
            quantity = self.protocol.quantity_of(rule.fact)
            entered_unit = quantity.unit_label(value.unit)
            if isinstance(rule, r.Threshold) and rule.times_uln is not None:
                # compared in the unit of the report, where the value and its ULN were printed together
                return value.value, why.FactOperand(rule.fact, value.value, entered_unit, value.value, entered_unit,
                                                    uln=value.uln, times_uln=rule.times_uln), None
            unit = rule.unit or quantity.canonical
            converted = quantity.convert(value.value, value.unit, unit)
            return converted, why.FactOperand(rule.fact, converted, quantity.unit_label(unit), value.value, entered_unit,
                                              converted=value.unit != unit), None
        return Decimal(value), why.FactOperand(rule.fact, value), None

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
        value, operand, early = self._operand(rule)
        if early is not None:
            return early
        compare = OPERATORS[rule.op]
        if rule.times_uln is not None:
            limit = rule.times_uln * operand.uln
            return Outcome(verdict_for(compare(value, limit)), why.Threshold(operand, rule.op, limit))
        possible, open_cases = self._limits(rule.value)
        limits = [limit for limit, _ in possible]
        if value is None:  # a point score with unknown domains: decide on its bounds
            if len(limits) == 1 and limits[0] is not None:
                return self._bounded(operand, lambda v: compare(v, limits[0]), op=rule.op, threshold=limits[0])
            return _score_open(operand)
        if len(limits) == 1 and limits[0] is not None:
            return Outcome(verdict_for(compare(value, limits[0])), why.Threshold(operand, rule.op, limits[0]))
        # decided when the value settles the comparison against every limit still possible
        results = {compare(value, limit) for limit in limits if limit is not None}
        if None not in limits and len(results) == 1:
            return Outcome(verdict_for(results.pop()), why.LimitSettled(operand, tuple(limits), rule.op, tuple(open_cases)))
        return Outcome(UNKNOWN, why.LimitOpen(operand, tuple(lim for lim in limits if lim is not None), rule.op,
                                              tuple(open_cases)))

    def _range(self, rule: r.Range) -> Outcome:
        value, operand, early = self._operand(rule)
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
                return self._bounded(operand, lambda v: (low is None or low <= v) and (high is None or v <= high),
                                     low=low, high=high)
            return _score_open(operand)
        outcomes = {holds(pair) for pair in pairs}
        limits = tuple((lo, hi) for (lo, _), (hi, _) in pairs)
        if len(outcomes) == 1 and all(low is not None or high is not None for low, high in limits):
            if len(pairs) == 1:
                reason = self._range_reason(operand, *limits[0])
            else:
                reason = why.LimitSettled(operand, limits, None, tuple(open_low + open_high))
            return Outcome(verdict_for(outcomes.pop()), reason)
        return Outcome(UNKNOWN, why.LimitOpen(operand, limits, None, tuple(open_low + open_high)))

    @staticmethod
    def _range_reason(operand: why.Operand, low: Decimal | None, high: Decimal | None) -> Reason:
        """A closed range is worded as a range, an open one as the comparison it is."""
        if low is None:
            return why.Threshold(operand, "<=", high)
        if high is None:
            return why.Threshold(operand, ">=", low)
        return why.Range(operand, low, high)

    @staticmethod
    def _bounded(score: ScoreResult, holds: Callable[[Decimal], bool], *, op: str | None = None,
                 threshold: Decimal | None = None, low: Decimal | None = None, high: Decimal | None = None) -> Outcome:
        """A point score still open, decided when every total it can still reach gives the same answer."""
        if score.bounds is not None:
            possible = {holds(Decimal(v)) for v in range(score.bounds[0], score.bounds[1] + 1)}
            if len(possible) == 1:
                return Outcome(verdict_for(possible.pop()), why.ScoreBounds(
                    score.score_id, score.bounds, score.missing, score.not_known, op, threshold, low, high))
        return _score_open(score, op, threshold)

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

    def _pending(self, rule: Any, fact: str | None = None, moment: Any = None) -> Outcome:
        return Outcome(UNKNOWN, why.Pending(rule.anchor, fact, moment))

    def _age(self, rule: r.Age) -> Outcome:
        born = self.value(rule.fact)
        if born is None:
            return self.absent(rule.fact)
        common = {"fact": rule.fact, "born": born, "min": rule.min_years, "max": rule.max_years, "anchor": rule.anchor}

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
                return Outcome(NOT_MET, why.AgeEarly(**common, age=completed_years(born, low), on=low, side="after"))
            if high is not None and rule.min_years is not None and completed_years(born, high) < rule.min_years:
                return Outcome(NOT_MET, why.AgeEarly(**common, age=completed_years(born, high), on=high, side="before"))
            if low is not None and high is not None and holds(low) and holds(high):
                return Outcome(MET, why.AgeEarly(**common, age=completed_years(born, low), on=low, side="between",
                                                 until=high))
            return self._pending(rule)
        if isinstance(on, datetime):
            on = on.date()
        return Outcome(verdict_for(holds(on)), why.Age(**common, age=completed_years(born, on), on=on))

    def _date_window(self, rule: r.DateWindow) -> Outcome:
        value = self.value(rule.fact)
        anchor = self._moment(rule.anchor)
        if value is None:
            return self.absent(rule.fact) if rule.anchor is None or anchor is not None else self.absent(rule.fact, rule.anchor)
        if value == NEVER:
            return Outcome(NOT_MET, why.Never(rule.fact))
        hours = rule.within.unit == "hours"
        value = value if hours else day_of(value)
        if anchor == NEVER:  # no such event: no window around it
            return Outcome(NOT_MET, why.Never(rule.anchor))
        common = {"fact": rule.fact, "date": value, "count": rule.within.count, "unit": rule.within.unit,
                  "side": rule.side, "anchor": rule.anchor}
        if anchor is not None:
            anchor = anchor if hours else day_of(anchor)
            start, end = _window(rule.within, rule.side, anchor)
            return Outcome(verdict_for(start <= value <= end), why.DateWindow(**common, since=start, until=end, on=anchor))
        low, high = self._anchor_span(rule.anchor)
        if hours:  # a date-time anchor's span is whole days
            low = None if low is None else datetime.combine(low, time.min)
            high = None if high is None else datetime.combine(high, time.max)
        decided = _window_for_every_anchor(rule.within, rule.side, value, low, high)
        if decided is None:
            return self._pending(rule, rule.fact, value)
        return Outcome(verdict_for(decided), why.DateWindowEarly(**common, earliest=low, latest=high))

    def _on_or_before(self, rule: r.OnOrBeforeScreening | r.OnOrBefore) -> Outcome:
        value = self.value(rule.fact)
        anchor_id = getattr(rule, "anchor", None)
        by: Period | None = getattr(rule, "by", None)
        if value is None:
            return self.absent(rule.fact)
        if value == NEVER:
            return Outcome(NOT_MET, why.Never(rule.fact))
        anchor = self._moment(anchor_id)
        if anchor == NEVER:
            return Outcome(NOT_MET, why.Never(anchor_id))
        common = {"fact": rule.fact, "date": value, "anchor": anchor_id, "by": by and (by.count, by.unit)}
        hours = by is not None and by.unit == "hours"

        def latest(on: Any) -> Any:
            """The last moment the fact may take for an anchor on `on`."""
            on = on if hours or (isinstance(value, datetime) and isinstance(on, datetime)) else day_of(on)
            return on if by is None else by.before(on)

        moment = value if hours or isinstance(anchor, datetime) else day_of(value)
        if anchor is None:
            low, high = self._anchor_span(anchor_id)
            if low is not None and day_of(value) <= day_of(latest(low)) and not isinstance(value, datetime):
                return Outcome(MET, why.OnOrBeforeEarly(**common, earliest=low))
            if high is not None and day_of(value) > day_of(latest(high)):
                return Outcome(NOT_MET, why.OnOrBeforeEarly(**common, latest=high))
            return self._pending(rule, rule.fact, value)
        limit = latest(anchor)
        holds = (moment if isinstance(limit, datetime) else day_of(moment)) <= limit
        return Outcome(verdict_for(holds), why.OnOrBefore(**common, on=anchor, limit=limit))

    # -- answers -----------------------------------------------------------------------

    def _attestation(self, rule: r.Attestation) -> Outcome:
        value = self.value(rule.fact)
        if value is None:
            return self.absent(rule.fact)
        return Outcome(verdict_for(value == "yes"), why.Attestation(rule.fact, value))

    def _one_of(self, rule: r.OneOf) -> Outcome:
        value = self.value(rule.fact)
        if value is None:
            return self.absent(rule.fact)
        return Outcome(verdict_for(value in rule.values), why.OneOf(rule.fact, value, tuple(rule.values)))

    # -- combinators (Kleene) ------------------------------------------------------------

    def _all_of(self, rule: r.AllOf) -> Outcome:
        outcomes = [self.rule(c) for c in rule.all_of]
        return self._combine(why.AllOf, outcomes, decisive=NOT_MET, otherwise=MET)

    def _any_of(self, rule: r.AnyOf) -> Outcome:
        outcomes = [self.rule(c) for c in rule.any_of]
        return self._combine(why.AnyOf, outcomes, decisive=MET, otherwise=NOT_MET)

    @staticmethod
    def _combine(kind: type[why.AllOf | why.AnyOf], outcomes: list[Outcome], decisive: Verdict,
                 otherwise: Verdict) -> Outcome:
        parts = tuple(outcomes)
        for index, outcome in enumerate(outcomes):
            if outcome.verdict is decisive:
                return Outcome(decisive, kind(parts, decided_by=index))
        if any(o.verdict is UNKNOWN for o in outcomes):
            return Outcome(UNKNOWN, kind(parts))
        return Outcome(otherwise, kind(parts))

    def _not(self, rule: r.Not) -> Outcome:
        inner = self.rule(rule.rule)
        flipped = {MET: NOT_MET, NOT_MET: MET, UNKNOWN: UNKNOWN}[inner.verdict]
        return Outcome(flipped, why.Not(inner))

    def _if_then(self, rule: r.IfThen) -> Outcome:
        condition = self.rule(rule.if_)
        if condition.verdict is NOT_MET:
            return Outcome(MET, why.IfThen(condition))
        then = self.rule(rule.then)
        reason = why.IfThen(condition, then)
        if condition.verdict is MET or then.verdict is MET:
            return Outcome(then.verdict, reason)
        return Outcome(UNKNOWN, reason)

    def _at_least(self, rule: r.AtLeast) -> Outcome:
        outcomes = tuple(self.rule(c) for c in rule.of)
        met = sum(o.verdict is MET for o in outcomes)
        unknown = sum(o.verdict is UNKNOWN for o in outcomes)
        reason = why.AtLeast(rule.count, met, len(outcomes), outcomes)
        if met >= rule.count:
            return Outcome(MET, reason)
        if met + unknown < rule.count:
            return Outcome(NOT_MET, reason)
        return Outcome(UNKNOWN, reason)


#: each kind of rule and the method that decides it: one table for every evaluation (an evaluation is
#: made per criterion and per condition while a clinic list is pre-screened, so none builds its own)
_RULES: dict[type, Callable[[_Evaluation, Any], Outcome]] = {
    r.Threshold: _Evaluation._threshold,
    r.Range: _Evaluation._range,
    r.Age: _Evaluation._age,
    r.DateWindow: _Evaluation._date_window,
    r.OnOrBeforeScreening: _Evaluation._on_or_before,
    r.OnOrBefore: _Evaluation._on_or_before,
    r.Attestation: _Evaluation._attestation,
    r.OneOf: _Evaluation._one_of,
    r.CurrentTreatment: _Evaluation._current_treatment,
    r.MedicationInUse: _Evaluation._in_use,
    r.PrednisoneEquivalent: _Evaluation._prednisone_equivalent,
    r.EquivalentDose: _Evaluation._prednisone_equivalent,
    r.SteadyEquivalentDose: _Evaluation._steady_equivalent_dose,
    r.MedicationEverUsed: _Evaluation._ever_used,
    r.LastDoseWithin: _Evaluation._last_dose_within,
    r.DistinctAgents: _Evaluation._distinct_agents,
    r.MedicationDose: _Evaluation._medication_dose,
    r.AllOf: _Evaluation._all_of,
    r.AnyOf: _Evaluation._any_of,
    r.Not: _Evaluation._not,
    r.IfThen: _Evaluation._if_then,
    r.AtLeast: _Evaluation._at_least,
}


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
