"""The rules over a medication history, evaluated: a part of `evaluation._Evaluation`.

A rule reads the lines of its drugs and classes (every line when it names none), by its
routes, on its anchor's date (the screening date by default). A line counts on the anchor's
day when it was taken that day; for "ever used", when it started by then; with a reach (a
window before the anchor), when it started by then and stopped no earlier than the
window's first day. A line still taken at screening is taken on a later anchor too.

The methods use the evaluation's answers and anchors (`value`, `absent`, `_moment`,
`_anchor_span`, `_pending`, `protocol`, `on`), which `_Evaluation` provides.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from trialdesk.domain import history_reasons as why
from trialdesk.domain import rules as r
from trialdesk.domain.daily_totals import as_decimal, converts, equivalent, steadiness
from trialdesk.domain.outcomes import MET, NOT_MET, OPERATORS, UNKNOWN, day_of, verdict_for
from trialdesk.domain.periods import Period
from trialdesk.domain.reasons import Never
from trialdesk.domain.values import NEVER, MedicationEntry
from trialdesk.domain.verdict import Outcome, Verdict


class HistoryRules:
    """Medication-history rules, mixed into the evaluation that provides answers and anchors."""

    _ON_THE_DAY = Period(unit="days", count=0)

    def _courses(self, rule: Any) -> tuple[MedicationEntry, ...] | None:
        """The lines a rule reads: of its drugs and classes, by its routes (None: not entered)."""
        entries = self.value(rule.fact)
        if entries is None:
            return None
        wanted, routes = self._wanted(rule), getattr(rule, "routes", None)
        return tuple(
            e for e in entries if (wanted is None or e.drug in wanted) and (routes is None or e.route in routes)
        )

    def _wanted(self, rule: Any) -> frozenset[str] | None:
        """The drug ids a rule names, its classes' members included; None when it names none."""
        drugs, classes = getattr(rule, "drugs", None), getattr(rule, "classes", None)
        if drugs is None and classes is None:
            return None
        return frozenset(self.protocol.fact[rule.fact].vocabulary.expand(drugs or (), classes or ()))

    def _scope(self, rule: Any) -> why.Scope:
        """What a reason over a history names: the fact, the drugs and classes read, the anchor, and
        the other drugs (written as entered, in no class) that naming drugs or classes leaves out."""
        others: tuple[str, ...] = ()
        if self._wanted(rule) is not None:
            others = tuple(dict.fromkeys(e.other for e in self.value(rule.fact) if e.other is not None))
        return why.Scope(rule.fact, tuple(rule.drugs or ()), tuple(getattr(rule, "classes", None) or ()),
                         getattr(rule, "anchor", None), others)

    def _history(self, rule: Any) -> tuple[tuple[MedicationEntry, ...], date | None] | Outcome:
        """The lines a rule reads and the day it reads them on (None while its anchor is not known);
        or the outcome that settles it first: the history not entered, an anchor answered "never"."""
        courses = self._courses(rule)
        if courses is None:
            return self.absent(rule.fact)
        anchor = getattr(rule, "anchor", None)
        moment = self._moment(anchor)
        if moment == NEVER:
            return Outcome(NOT_MET, Never(anchor))
        return courses, (None if moment is None else day_of(moment))

    @staticmethod
    def _agents(courses: Any) -> tuple[why.Agent, ...]:
        """The distinct agents of lines as reasons name them: a drug of the vocabulary, or another as written."""
        found: dict[str, why.Agent] = {}
        for c in courses:
            found.setdefault(c.agent, why.Agent(c.drug) if c.drug is not None else why.Agent(other=c.other))
        return tuple(found.values())

    @staticmethod
    def _reach_start(reach: Period | None, day: date | None) -> date | None:
        """The first day of `reach` before `day` (None: ever, or no day)."""
        if reach is None or day is None:
            return None
        return day if reach.count == 0 else reach.before(day)

    @staticmethod
    def _taken(course: MedicationEntry, day: date, since: date | None) -> bool:
        """Whether a line counts on `day`: started by then, and not stopped before `since` (None: ever used)."""
        return course.start <= day and (since is None or course.stop is None or course.stop >= since)

    def _taken_whatever(self, courses: tuple[MedicationEntry, ...], anchor: str,
                        reach: Period | None) -> tuple[list[tuple[MedicationEntry, bool | None]], date | None, date | None]:
        """For each line, whether it counts on every date an unknown anchor can still take (True), on
        none (False), or depends on the date (None); and that span's ends (None: unbounded).

        A line counts on one stretch of anchors, from its start to the last anchor whose reach still
        touches its stop: the ends of the span decide.
        """
        low, high = self._anchor_span(anchor)
        low_since, high_since = self._reach_start(reach, low), self._reach_start(reach, high)
        found: list[tuple[MedicationEntry, bool | None]] = []
        for c in courses:
            if (high is not None and c.start > high) or (low_since is not None and c.stop is not None and c.stop < low_since):
                found.append((c, False))
            elif low is not None and c.start <= low and (
                reach is None or c.stop is None or (high_since is not None and c.stop >= high_since)
            ):
                found.append((c, True))
            else:
                found.append((c, None))
        return found, low, high

    def _in_use(self, rule: r.MedicationInUse) -> Outcome:
        return self._any_taken(rule, self._ON_THE_DAY, why.TakenOn, why.TakenWhatever)

    def _ever_used(self, rule: r.MedicationEverUsed) -> Outcome:
        return self._any_taken(rule, None, why.EverUsed, why.EverUsedWhatever)

    def _last_dose_within(self, rule: r.LastDoseWithin) -> Outcome:
        return self._any_taken(rule, rule.within, why.LastDoseWithin, why.LastDoseWhatever)

    def _any_taken(self, rule: Any, reach: Period | None, on_the_day: type[why.TakenOn],
                   whatever: type[why.TakenWhatever]) -> Outcome:
        """Met when a line counts on the anchor's date: decided early when every date the anchor can
        still take gives the same answer."""
        read = self._history(rule)
        if isinstance(read, Outcome):
            return read
        courses, day = read
        scope, within = self._scope(rule), None if reach is None else (reach.count, reach.unit)
        if day is not None:
            since = self._reach_start(reach, day)
            current = self._agents(c for c in courses if self._taken(c, day, since))
            return Outcome(verdict_for(bool(current)), on_the_day(scope, within, current, day, since))
        found, low, high = self._taken_whatever(courses, rule.anchor, reach)
        always = self._agents(c for c, counts in found if counts is True)
        if always or all(counts is False for _, counts in found):
            return Outcome(verdict_for(bool(always)), whatever(scope, within, always, low, high))
        return self._pending(rule)

    def _distinct_agents(self, rule: r.DistinctAgents) -> Outcome:
        read = self._history(rule)
        if isinstance(read, Outcome):
            return read
        courses, day = read
        within = rule.within
        common = {"scope": self._scope(rule), "op": rule.op, "value": rule.value,
                  "within": None if within is None else (within.count, within.unit)}
        if day is not None:
            since = self._reach_start(within, day)
            agents = self._agents(c for c in courses if self._taken(c, day, since))
            return Outcome(verdict_for(OPERATORS[rule.op](len(agents), rule.value)),
                           why.DistinctAgents(**common, agents=agents, on=day, since=since))
        found, low, high = self._taken_whatever(courses, rule.anchor, within)
        surely = self._agents(c for c, counts in found if counts is True)
        maybe = self._agents(c for c, counts in found if counts is not False)
        possible = {OPERATORS[rule.op](n, rule.value) for n in range(len(surely), len(maybe) + 1)}
        if len(possible) == 1:
            return Outcome(verdict_for(possible.pop()), why.DistinctAgentsWhatever(
                **common, agents=maybe, low=len(surely), high=len(maybe), earliest=low, latest=high))
        return self._pending(rule)

    @staticmethod
    def _treated_since(entries: tuple[MedicationEntry, ...]) -> dict[MedicationEntry, date]:
        """The day each line's unbroken treatment with its drug began: lines of one drug that overlap,
        or start the day after the one before stopped, are one treatment (one line per dose)."""
        since: dict[MedicationEntry, date] = {}
        by_agent: dict[str, list[MedicationEntry]] = {}
        for e in entries:
            by_agent.setdefault(e.agent, []).append(e)
        for lines in by_agent.values():
            first: date | None = None
            last: date | None = None  # the last day of the treatment so far; None: still taken
            for e in sorted(lines, key=lambda line: line.start):
                if first is None or (last is not None and e.start.toordinal() > last.toordinal() + 1):
                    first, last = e.start, e.stop
                elif last is not None:
                    last = None if e.stop is None else max(last, e.stop)
                since[e] = first
        return since

    @staticmethod
    def _dose_unchanged_since(
        entries: tuple[MedicationEntry, ...],
    ) -> tuple[dict[MedicationEntry, date], dict[MedicationEntry, date]]:
        """The day each line's dose began, surely and at the earliest. A line that follows the one before
        it with no day between (source records start a new line for a new prescription) at the same dose
        and unit carries that line's day; a new dose starts its own. Where either line gives no dose,
        whether it changed is not recorded: surely the line's own day, at the earliest the one before's."""
        since: dict[MedicationEntry, date] = {}
        earliest: dict[MedicationEntry, date] = {}
        by_agent: dict[Any, list[MedicationEntry]] = {}
        for e in entries:
            by_agent.setdefault(e.agent, []).append(e)
        for lines in by_agent.values():
            previous: MedicationEntry | None = None
            for e in sorted(lines, key=lambda line: line.start):
                adjacent = (previous is not None and previous.stop is not None and e.last_change is None
                            and e.start.toordinal() == previous.stop.toordinal() + 1)
                undosed = previous is not None and (e.dose is None or previous.dose is None)
                same = adjacent and not undosed and (e.dose, e.unit) == (previous.dose, previous.unit)
                since[e] = since[previous] if same else e.dose_since
                earliest[e] = earliest[previous] if adjacent and (same or undosed) else since[e]
                previous = e
        return since, earliest

    @staticmethod
    def _dose_ok(dose: r.DoseRange | None, value: Decimal | None, unit: str | None) -> bool | None:
        """Whether a dose lies within the range; None when it is in another unit (not comparable)."""
        if dose is None:
            return True
        if value is None or unit != dose.unit:
            return None
        return dose.holds(value)

    @staticmethod
    def _all_hold(checks: list[bool | None]) -> Verdict:
        """NOT_MET when one check fails, UNKNOWN when one cannot be made, else MET."""
        if any(c is False for c in checks):
            return NOT_MET
        return UNKNOWN if any(c is None for c in checks) else MET

    def _current_treatment(self, rule: r.CurrentTreatment) -> Outcome:
        read = self._history(rule)
        if isinstance(read, Outcome):
            return read
        courses, day = read
        scope = self._scope(rule)
        if day is None:
            return self._pending(rule)
        current = [c for c in courses if c.active_on(day)]
        if not current:
            return Outcome(NOT_MET, why.NoCurrentTreatment(scope, day))
        treated = self._treated_since(self.value(rule.fact))
        dosed, dosed_earliest = self._dose_unchanged_since(self.value(rule.fact))
        taken_since = rule.taken_for.before(day) if rule.taken_for else None
        stable_since = rule.stable_for.before(day) if rule.stable_for else None
        checked = tuple(
            why.CheckedCourse(
                drug=c.drug, other=c.other, dose=c.dose, unit=c.unit, start=treated[c], dose_since=dosed[c],
                taken_ok=taken_since is None or treated[c] <= taken_since,
                stable_ok=(True if stable_since is None or dosed[c] <= stable_since
                           else None if dosed_earliest[c] <= stable_since else False),
                dose_ok=self._dose_ok(rule.dose, c.dose, c.unit),
            )
            for c in current
        )
        reason = why.CurrentTreatment(
            scope, day, checked,
            taken_for=rule.taken_for and (rule.taken_for.count, rule.taken_for.unit),
            stable_for=rule.stable_for and (rule.stable_for.count, rule.stable_for.unit),
            taken_since=taken_since,
            stable_since=stable_since,
            dose=rule.dose and why.DoseRange(rule.dose.min, rule.dose.max, rule.dose.unit),
        )
        checks = [False if not c.taken_ok or c.stable_ok is False or c.dose_ok is False
                  else None if c.stable_ok is None else c.dose_ok for c in checked]
        return Outcome(self._all_hold(checks), reason)

    def _medication_dose(self, rule: r.MedicationDose) -> Outcome:
        read = self._history(rule)
        if isinstance(read, Outcome):
            return read
        courses, day = read
        dose = rule.dose
        scope = self._scope(rule)
        if day is None:
            return self._pending(rule)
        current = [c for c in courses if c.active_on(day)]
        if not current:
            return Outcome(NOT_MET, why.NoCurrentTreatment(scope, day))
        totals: dict[str, dict[str, Any]] = {}
        for c in current:  # one line per dose: a drug's lines taken the same day add up
            total = totals.setdefault(c.agent, {"drug": c.drug, "other": c.other, "dose": Decimal(0), "unit": dose.unit,
                                                "other_unit": None})
            if c.dose is None or c.unit != dose.unit:
                total["other_unit"] = c.unit
            else:
                total["dose"] += c.dose
        doses = []
        for total in totals.values():
            if total["other_unit"] is None:
                ok = dose.holds(total["dose"])
            else:  # what is comparable already exceeds the range, or nothing is known
                ok = False if dose.max is not None and total["dose"] > dose.max else None
            doses.append(why.DoseTotal(**total, ok=ok))
        return Outcome(self._all_hold([t.ok for t in doses]), why.MedicationDose(
            scope, why.DoseRange(dose.min, dose.max, dose.unit), day, tuple(doses)))

    def _prednisone_equivalent(self, rule: r.PrednisoneEquivalent | r.EquivalentDose) -> Outcome:
        """The highest total of equivalent doses on a day of the window (the anchor's day alone when
        there is none); a line the table cannot convert, or an earlier dose the history does not
        give, can only add to it, so decides in one direction only."""
        read = self._history(rule)
        if isinstance(read, Outcome):
            return read
        courses, day = read
        table = self.protocol.fact[rule.fact].vocabulary.table(getattr(rule, "table", None))
        scope = self._scope(rule)
        if day is None:
            return self._pending(rule)
        since = rule.window.before(day) if rule.window else day
        days = {since} | {d for c in courses for d in (c.start, c.dose_since) if since <= d <= day}
        worst: tuple[date, Decimal, list[why.EquivalentLine]] | None = None
        unrecorded = None
        uncounted: dict[str, why.UncountedLine] = {}
        for on in sorted(days):
            total, used = Decimal(0), []
            for c in courses:
                if not c.active_on(on):
                    continue
                if on < c.dose_since:  # on the course, but at a dose the history does not give
                    unrecorded = unrecorded or why.UnrecordedLine(c.drug, c.other, c.start, c.dose_since)
                    continue
                if c.drug not in table.doses or c.dose is None or c.unit != table.unit:
                    uncounted.setdefault(c.agent, why.UncountedLine(c.drug, c.other, c.unit))
                    continue
                equivalent = table.equivalent(c.drug, c.dose)
                total += equivalent
                used.append(why.EquivalentLine(c.drug, c.dose, c.unit, equivalent))
            if worst is None or total > worst[1]:
                worst = (on, total, used)
        worst_day, worst_total, worst_courses = worst
        holds = OPERATORS[rule.op](worst_total, rule.value)
        decisive = holds if rule.op in (">", ">=") else (not holds if rule.op in ("<", "<=") else False)
        if unrecorded is not None and not decisive:
            return Outcome(UNKNOWN, why.DoseUnrecorded(scope, unrecorded))
        counted_with = self._table(table)
        if uncounted and not decisive:
            return Outcome(UNKNOWN, why.EquivalentUncounted(scope, counted_with, worst_total, worst_day,
                                                            tuple(uncounted.values())))
        kind = why.PrednisoneEquivalent if isinstance(rule, r.PrednisoneEquivalent) else why.EquivalentDose
        window = rule.window and (rule.window.count, rule.window.unit)
        return Outcome(verdict_for(holds), kind(scope, counted_with, rule.op, rule.value, window, worst_total, worst_day,
                                                tuple(worst_courses)))

    @staticmethod
    def _table(table: Any) -> why.EquivalenceTable:
        return why.EquivalenceTable(table.id, table.citation, table.reference_drug, table.unit)

    def _steady_equivalent_dose(self, rule: r.SteadyEquivalentDose) -> Outcome:
        """Met when the total equivalent daily dose on the anchor's day is above 0, has been above 0
        on every day of `taken_for` and the same on every day of `stable_for` (`daily_totals`)."""
        read = self._history(rule)
        if isinstance(read, Outcome):
            return read
        courses, day = read
        table = self.protocol.fact[rule.fact].vocabulary.table(rule.table)
        scope = self._scope(rule)
        if day is None:
            return self._pending(rule)
        if not any(c.active_on(day) for c in courses):
            return Outcome(NOT_MET, why.NoCurrentTreatment(scope, day))
        taken_since, stable_since = rule.taken_for.before(day), rule.stable_for.before(day)
        found = steadiness(courses, table, day, taken_since, stable_since)
        differs = found.differs
        reason = why.SteadyEquivalentDose(
            scope, self._table(table),
            taken_for=(rule.taken_for.count, rule.taken_for.unit), stable_for=(rule.stable_for.count, rule.stable_for.unit),
            on=day, taken_since=taken_since, stable_since=stable_since,
            continuous_since=found.continuous_since, unchanged_since=found.unchanged_since,
            taken_ok=found.continuous_since <= taken_since, steady=found.steady,
            total=as_decimal(found.today.known), total_open=bool(found.today.unknown),
            courses=tuple(self._steady_line(c, table, day) for c in found.today.lines),
            changes=tuple(why.TotalChange(after.start, as_decimal(before.known), bool(before.unknown),
                                          as_decimal(after.known), bool(after.unknown))
                          for before, after in found.changes),
            differs=differs and why.TotalSpan(differs.start, differs.end, as_decimal(differs.known), bool(differs.unknown)),
            undecided=found.undecided, regimen_changes=tuple(found.regimen_changes),
            **self._not_counted(rule, courses, table, min(taken_since, stable_since), day),
        )
        if not reason.taken_ok or found.steady is False:
            return Outcome(NOT_MET, reason)
        return Outcome(MET if found.steady else UNKNOWN, reason)

    def _not_counted(self, rule: r.SteadyEquivalentDose, courses: tuple[MedicationEntry, ...], table: Any,
                     since: date, day: date) -> dict[str, Any]:
        """What a reason names of the lines taken from `since` to `day` that the total leaves out or
        cannot give: lines the table cannot convert, a dose before a last change, lines of the rule's
        drugs that its routes do not read."""
        def read(e: MedicationEntry) -> bool:
            return e.start <= day and (e.stop is None or e.stop >= since)

        wanted = self._wanted(rule)
        unrecorded = next((c for c in courses if read(c) and c.last_change is not None
                           and c.last_change > max(c.start, since)), None)
        return {
            "uncounted": tuple({c.agent + str(c.unit): why.UncountedLine(c.drug, c.other, c.unit)
                                for c in courses if read(c) and not converts(table, c)}.values()),
            "unrecorded": unrecorded and why.UnrecordedLine(unrecorded.drug, unrecorded.other, unrecorded.start,
                                                            unrecorded.dose_since),
            "by_route": tuple({(e.agent, e.route): why.RouteLine(e.drug, e.other, e.route)
                               for e in self.value(rule.fact)
                               if read(e) and (wanted is None or e.drug in wanted) and e not in courses}.values()),
        }

    @staticmethod
    def _steady_line(line: MedicationEntry, table: Any, day: date) -> why.EquivalentLine:
        """A line taken on the day, as the reason shows it: its equivalent, or None when not converted."""
        recorded = day >= line.dose_since
        return why.EquivalentLine(line.drug, line.dose if recorded else None, line.unit,
                                  as_decimal(equivalent(table, line)) if recorded and converts(table, line) else None,
                                  line.other)
