"""The reasons over medication histories (`trialdesk.domain.history_reasons`) in words: drugs by
their labels, other drugs as written, one wording per kind."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from trialdesk.domain.verdict import Verdict
from trialdesk.messages.history_keys import KEYS  # noqa: F401  (kept apart, imported at start-up: see there)
from trialdesk.messages.shown import moment, number

if TYPE_CHECKING:  # the reason types are imported on the first reason over a history worded (`renderers`)
    from trialdesk.domain import history_reasons as why
    from trialdesk.messages.reasons import ReasonWriter


def _others(w: ReasonWriter, scope: why.Scope) -> str:
    """The other drugs a rule naming drugs or classes leaves out: they are in no class."""
    if not scope.others:
        return ""
    return w.t("others.left_out", others=", ".join(f"“{o}”" for o in scope.others))


def _what(w: ReasonWriter, scope: why.Scope) -> str:
    """The drugs a rule reads, in words: its classes and drugs, or any drug."""
    words = w.words
    fact = words.protocol.fact.get(scope.fact) if words.protocol else None
    vocabulary = getattr(fact, "vocabulary", None)
    names = [vocabulary.class_label(c, words.lang) if vocabulary else c for c in scope.classes]
    names += [words.drug_name(scope.fact, d) for d in scope.drugs]
    return words.listed(names) or w.t("agents.any")


def _dose_range(w: ReasonWriter, dose: why.DoseRange) -> str:
    unit = w.words.unit(dose.unit)
    if dose.high is None:
        return f"≥ {number(dose.low)} {unit}"
    if dose.low is None:
        return f"≤ {number(dose.high)} {unit}"
    return f"{number(dose.low)}–{number(dose.high)} {unit}"


def _dose_check(w: ReasonWriter, dose: why.DoseRange, ok: bool | None, unit: str | None) -> str:
    if ok is None:
        return w.t("dose.other_unit", unit=w.words.unit(unit) or "—", range=_dose_range(w, dose))
    if dose.low is not None and dose.high is not None:  # the words of a closed range, as before open ends existed
        return w.t("course.dose_ok" if ok else "course.dose_outside", min=number(dose.low), max=number(dose.high),
                   unit=w.words.unit(dose.unit))
    return w.t("dose.within" if ok else "dose.outside", range=_dose_range(w, dose))


def _when(w: ReasonWriter, reason: Any) -> dict[str, Any]:
    """What a reason over drugs taken says of when: the anchor, the reach, the day or the span."""
    from trialdesk.domain import history_reasons as why

    words, scope = w.words, reason.scope
    common = {"label": words.fact_label(scope.fact), "anchor": words.anchor_label(scope.anchor),
              "drugs": words.drug_names(scope.fact, reason.current)}
    if reason.within:
        count, unit = reason.within
        common.update(count=count, unit=words.period(count, unit))
    if isinstance(reason, why.TakenOn):
        common.update(on=moment(reason.on), since=moment(reason.since))
    else:
        common["span"] = w.span(reason.earliest, reason.latest)
    return common


def _in_use(w: ReasonWriter, reason: why.TakenOn, verdict: Verdict) -> str:
    words, scope = w.words, reason.scope
    label = words.fact_label(scope.fact)
    if scope.anchor is not None:
        return w.t("in_use_at.yes" if reason.current else "in_use_at.no", label=label,
                   anchor=words.anchor_label(scope.anchor), on=moment(reason.on),
                   drugs=words.drug_names(scope.fact, reason.current)) + _others(w, scope)
    if reason.current:
        return w.t("in_use.yes", label=label, drugs=words.drug_names(scope.fact, reason.current)) + _others(w, scope)
    return w.t("in_use.no", label=label) + _others(w, scope)


def _taken(yes: str, no: str) -> Callable[[ReasonWriter, Any, Verdict], str]:
    def render(w: ReasonWriter, reason: why.TakenOn | why.TakenWhatever, verdict: Verdict) -> str:
        return w.t(yes if reason.current else no, **_when(w, reason)) + _others(w, reason.scope)

    return render


def _distinct_agents(w: ReasonWriter, reason: why.DistinctAgents, verdict: Verdict) -> str:
    words, scope = w.words, reason.scope
    anchor, on = words.anchor_label(scope.anchor), moment(reason.on)
    if reason.within:
        count, unit = reason.within
        when = w.t("when.within", count=count, unit=words.period(count, unit), anchor=anchor, on=on,
                   since=moment(reason.since))
    else:
        when = w.t("when.by", anchor=anchor, on=on)
    key = "distinct_agents.holds" if verdict is Verdict.MET else "distinct_agents.fails"
    return w.t(key, label=words.fact_label(scope.fact), count=len(reason.agents), what=_what(w, scope), when=when,
               agents=words.drug_names(scope.fact, reason.agents), op=reason.op, value=reason.value) + _others(w, scope)


def _distinct_agents_whatever(w: ReasonWriter, reason: why.DistinctAgentsWhatever, verdict: Verdict) -> str:
    words, scope = w.words, reason.scope
    decided = w.t("score_bounds.holds" if verdict is Verdict.MET else "score_bounds.fails")
    count = str(reason.low) if reason.low == reason.high else f"{reason.low}–{reason.high}"
    return w.t("distinct_agents_early", label=words.fact_label(scope.fact), count=count, what=_what(w, scope),
               anchor=words.anchor_label(scope.anchor), span=w.span(reason.earliest, reason.latest), op=reason.op,
               value=reason.value, decided=decided) + _others(w, scope)


def _no_current_treatment(w: ReasonWriter, reason: why.NoCurrentTreatment, verdict: Verdict) -> str:
    return w.t("no_current_treatment", label=w.words.fact_label(reason.scope.fact)) + _others(w, reason.scope)


def _current_treatment(w: ReasonWriter, reason: why.CurrentTreatment, verdict: Verdict) -> str:
    words, fact = w.words, reason.scope.fact
    texts = []
    for c in reason.courses:
        taken = stable = ""
        if reason.taken_for:
            count, unit = reason.taken_for
            taken = w.t("course.taken_ok" if c.taken_ok else "course.taken_short", count=count,
                        unit=words.period(count, unit), since=words.date(reason.taken_since))
        if reason.stable_for:
            count, unit = reason.stable_for
            key = {True: "course.stable_ok", False: "course.stable_short", None: "course.stable_unrecorded"}[c.stable_ok]
            stable = w.t(key, count=count, unit=words.period(count, unit), since=words.date(reason.stable_since))
        drug = words.line_drug(fact, c)
        if c.dose is None and reason.stable_for:  # one line per dose: its stability is read from the lines
            texts.append(w.t("course.undosed_stable", drug=drug, start=words.date(c.start), taken=taken,
                             dose_since=words.date(c.dose_since), stable=stable))
        elif c.dose is None:
            texts.append(w.t("course.undosed", drug=drug, start=words.date(c.start), taken=taken))
        else:
            dose_check = _dose_check(w, reason.dose, c.dose_ok, c.unit) if reason.dose else ""
            texts.append(w.t("course", dose_check=dose_check, drug=drug, dose=number(c.dose), unit=w.words.unit(c.unit),
                             start=words.date(c.start), taken=taken, dose_since=words.date(c.dose_since), stable=stable))
    return w.t("sep").join(texts) + _others(w, reason.scope)


def _medication_dose(w: ReasonWriter, reason: why.MedicationDose, verdict: Verdict) -> str:
    words, fact = w.words, reason.scope.fact
    texts = [w.t("dose.total", drug=words.line_drug(fact, t), dose=number(t.dose), unit=w.words.unit(t.unit), on=moment(reason.on),
                 check=_dose_check(w, reason.dose, t.ok, t.other_unit))
             for t in reason.doses]
    return w.t("sep").join(texts) + _others(w, reason.scope)


def _window(w: ReasonWriter, reason: why.PrednisoneEquivalent) -> str:
    if not reason.window:
        return ""
    count, unit = reason.window
    if reason.scope.anchor is None:
        return w.t("prednisone.window", count=count, unit=w.words.period(count, unit))
    return w.t("equivalent.window", count=count, unit=w.words.period(count, unit),
               anchor=w.words.anchor_label(reason.scope.anchor))


def _citation(w: ReasonWriter, table: why.EquivalenceTable) -> str:
    return w.t("equivalence.citation", citation=table.citation)


def equivalence_tables(w: ReasonWriter, tables: Mapping[str, why.EquivalenceTable]) -> str:
    """The tables the totals of a reason were counted with, each once, for the end of the reason."""
    return "".join(w.t("equivalence.table", table=table.id) + _citation(w, table) for table in tables.values())


def _prednisone_equivalent(w: ReasonWriter, reason: why.PrednisoneEquivalent, verdict: Verdict) -> str:
    words, fact = w.words, reason.scope.fact
    courses = ", ".join(w.t("prednisone.course", drug=words.line_drug(fact, c), dose=number(c.dose),
                            equivalent=number(c.equivalent)) for c in reason.courses)
    relation = w.t("prednisone.is" if verdict is Verdict.MET else "prednisone.is_not") + f" {reason.op}"
    return w.t("prednisone.total", total=number(reason.total), day=words.date(reason.day),
               courses=f" ({courses})" if courses else "", relation=relation, threshold=number(reason.threshold),
               window=_window(w, reason)) + w.cite(reason.table) + _others(w, reason.scope)


def _equivalent_dose(w: ReasonWriter, reason: why.EquivalentDose, verdict: Verdict) -> str:
    words, fact = w.words, reason.scope.fact
    courses = ", ".join(_equivalent_line(w, fact, c, reason.table) for c in reason.courses)
    relation = w.t("prednisone.is" if verdict is Verdict.MET else "prednisone.is_not") + f" {reason.op}"
    return w.t("equivalent.total", total=number(reason.total), unit=w.words.unit(reason.table.unit),
               reference=words.drug_name(fact, reason.table.reference), day=words.date(reason.day),
               courses=f" ({courses})" if courses else "", relation=relation, threshold=number(reason.threshold),
               window=_window(w, reason)) + w.cite(reason.table) + _others(w, reason.scope)


def _equivalent_line(w: ReasonWriter, fact: str, line: why.EquivalentLine, table: why.EquivalenceTable) -> str:
    return w.t("equivalent.course", drug=w.words.line_drug(fact, line), dose=number(line.dose), unit=w.words.unit(line.unit),
               equivalent=f"{number(line.equivalent)} {w.words.unit(table.unit)}")


def _unrecorded(w: ReasonWriter, fact: str, line: why.UnrecordedLine) -> str:
    return w.t("dose_unrecorded", drug=w.words.line_drug(fact, line), start=w.words.date(line.start),
               dose_since=w.words.date(line.dose_since))


def _dose_unrecorded(w: ReasonWriter, reason: why.DoseUnrecorded, verdict: Verdict) -> str:
    return _unrecorded(w, reason.scope.fact, reason.unrecorded)


def _uncounted(w: ReasonWriter, fact: str, lines: tuple[why.UncountedLine, ...]) -> str:
    return w.words.listed(w.words.line_drug(fact, u) if u.other else
                          w.t("uncounted.unit", drug=w.words.drug_name(fact, u.drug), unit=w.words.unit(u.unit) or "—") for u in lines)


def _equivalent_uncounted(w: ReasonWriter, reason: why.EquivalentUncounted, verdict: Verdict) -> str:
    words, fact = w.words, reason.scope.fact
    return w.t("equivalent_uncounted", label=words.fact_label(fact), total=number(reason.total), unit=w.words.unit(reason.table.unit),
               reference=words.drug_name(fact, reason.table.reference), day=words.date(reason.day),
               uncounted=_uncounted(w, fact, reason.uncounted), table=reason.table.id,
               citation=_citation(w, reason.table))


def _amount(w: ReasonWriter, value: Decimal, open_: bool) -> str:
    """A total; "more than" it when lines the table cannot convert add to it."""
    return w.t("steady.more_than", value=number(value)) if open_ else number(value)


def _steady_line(w: ReasonWriter, fact: str, line: why.EquivalentLine, table: why.EquivalenceTable) -> str:
    drug = w.words.line_drug(fact, line)
    if line.dose is None:
        return w.t("steady.not_recorded", drug=drug)
    if line.equivalent is None:
        return w.t("steady.not_converted", drug=drug, dose=number(line.dose), unit=w.words.unit(line.unit) or "—")
    return _equivalent_line(w, fact, line, table)


def _steady_changes(w: ReasonWriter, reason: why.SteadyEquivalentDose) -> str:
    """The days the total changed within the stable window, what is not decided, and the days
    the lines changed at the same total."""
    date, detail = w.words.date, ""
    if reason.changes:
        detail = w.t("steady.changed", changes=", ".join(
            w.t("steady.change", on=date(c.on), before=_amount(w, c.before, c.before_open),
                after=_amount(w, c.after, c.after_open)) for c in reason.changes))
    elif reason.differs:
        d = reason.differs
        detail = w.t("steady.differs", start=date(d.start), end=date(d.end), total=_amount(w, d.total, d.open))
    if reason.undecided is not None and reason.steady is None:
        detail += w.t("steady.undecided", on=date(reason.undecided))
    if reason.regimen_changes:
        detail += w.t("steady.regimen", days=", ".join(date(d) for d in reason.regimen_changes))
    return detail


def _steady_left_out(w: ReasonWriter, reason: why.SteadyEquivalentDose, verdict: Verdict) -> str:
    """The lines the total does not count: not converted, a dose not recorded (when that leaves
    the rule open), a route the rule does not read, other drugs it does not read."""
    fact, text = reason.scope.fact, ""
    if reason.uncounted:
        text += w.t("steady.uncounted", uncounted=_uncounted(w, fact, reason.uncounted))
    if reason.unrecorded and verdict is Verdict.UNKNOWN:
        text += w.t("sep") + _unrecorded(w, fact, reason.unrecorded)
    if reason.by_route:
        text += w.t("steady.by_route", lines=", ".join(
            w.t("steady.route", drug=w.words.line_drug(fact, b), route=w.words.route(b.route) if b.route else "—")
            for b in reason.by_route))
    return text + _others(w, reason.scope)


def _steady_equivalent_dose(w: ReasonWriter, reason: why.SteadyEquivalentDose, verdict: Verdict) -> str:
    words, fact = w.words, reason.scope.fact
    (taken_count, taken_unit), (stable_count, stable_unit) = reason.taken_for, reason.stable_for
    taken = w.t("course.taken_ok" if reason.taken_ok else "course.taken_short", count=taken_count,
                unit=words.period(taken_count, taken_unit), since=words.date(reason.taken_since))
    stable = w.t("course.stable_ok" if reason.unchanged_since <= reason.stable_since else "course.stable_short",
                 count=stable_count, unit=words.period(stable_count, stable_unit), since=words.date(reason.stable_since))
    courses = ", ".join(_steady_line(w, fact, c, reason.table) for c in reason.courses)
    text = w.t("steady", label=words.fact_label(fact), total=_amount(w, reason.total, reason.total_open),
               unit=w.words.unit(reason.table.unit), reference=words.drug_name(fact, reason.table.reference), on=words.date(reason.on),
               courses=f" ({courses})" if courses else "", continuous=words.date(reason.continuous_since),
               taken=taken, unchanged=words.date(reason.unchanged_since), stable=stable,
               detail=_steady_changes(w, reason))
    return text + w.cite(reason.table) + _steady_left_out(w, reason, verdict)


def renderers() -> dict[type, Callable[[ReasonWriter, Any, Verdict], str]]:
    """One wording per kind of reason over a medication history; the reason types (about seventy
    dataclasses) are imported here, on the first such reason worded, not on the start-up path."""
    from trialdesk.domain import history_reasons as why

    return {
        why.TakenOn: _in_use,
        why.TakenWhatever: _taken("in_use_early.yes", "in_use_early.no"),
        why.EverUsed: _taken("ever_used.yes", "ever_used.no"),
        why.EverUsedWhatever: _taken("ever_used_early.yes", "ever_used_early.no"),
        why.LastDoseWithin: _taken("last_dose.yes", "last_dose.no"),
        why.LastDoseWhatever: _taken("last_dose_early.yes", "last_dose_early.no"),
        why.DistinctAgents: _distinct_agents,
        why.DistinctAgentsWhatever: _distinct_agents_whatever,
        why.NoCurrentTreatment: _no_current_treatment,
        why.CurrentTreatment: _current_treatment,
        why.MedicationDose: _medication_dose,
        why.PrednisoneEquivalent: _prednisone_equivalent,
        why.EquivalentDose: _equivalent_dose,
        why.DoseUnrecorded: _dose_unrecorded,
        why.EquivalentUncounted: _equivalent_uncounted,
        why.SteadyEquivalentDose: _steady_equivalent_dose,
    }
