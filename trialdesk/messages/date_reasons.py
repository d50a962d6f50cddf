"""Reasons over ages and dates (`trialdesk.domain.reasons`) in words: windows around an anchor,
dates on or before one, ages in completed years, and what waits for a date still to come."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from trialdesk.domain.verdict import Verdict
from trialdesk.messages.date_keys import KEYS  # noqa: F401  (kept apart, imported at start-up: see there)
from trialdesk.messages.shown import moment

if TYPE_CHECKING:  # the reason types are imported on the first reason worded (`renderers`)
    from trialdesk.domain import reasons as why
    from trialdesk.messages.reasons import ReasonWriter


def _holds(verdict: Verdict, holds: str, fails: str) -> str:
    return holds if verdict is Verdict.MET else fails


# -- ages and dates ------------------------------------------------------------------------------


def _pending(w: ReasonWriter, reason: why.Pending, verdict: Verdict) -> str:
    anchor = w.words.anchor_label(reason.anchor)
    if reason.date is not None:
        return w.t("pending.detail", anchor=anchor, label=w.words.fact_label(reason.fact), date=moment(reason.date))
    return w.t("pending", anchor=anchor)


def _age(w: ReasonWriter, reason: why.Age, verdict: Verdict) -> str:
    common = {"age": reason.age, "on": w.words.date(reason.on), "born": w.words.date(reason.born)}
    if reason.min is not None and reason.max is not None and reason.anchor is None:
        return w.t(_holds(verdict, "age.holds", "age.fails"), min=reason.min, max=reason.max, **common)
    return w.t(_holds(verdict, "age_at.holds", "age_at.fails"), bounds=w.words.age_bounds(reason.min, reason.max),
               **common)


def _age_early(w: ReasonWriter, reason: why.AgeEarly, verdict: Verdict) -> str:
    words = w.words
    return w.t(_holds(verdict, "age_early.holds", "age_early.fails"), age=reason.age, on=words.date(reason.on),
               born=words.date(reason.born), bounds=words.age_bounds(reason.min, reason.max),
               anchor=words.anchor_label(reason.anchor), until=words.date(reason.until) if reason.until else "")


def _never(w: ReasonWriter, reason: why.Never, verdict: Verdict) -> str:
    return w.t("date_window_never", label=w.words.anchor_label(reason.fact))


def _date_window(w: ReasonWriter, reason: why.DateWindow, verdict: Verdict) -> str:
    words = w.words
    common = {"label": words.fact_label(reason.fact), "date": moment(reason.date), "count": reason.count,
              "unit": words.period(reason.count, reason.unit), "on": moment(reason.on), "since": moment(reason.since),
              "until": moment(reason.until), "anchor": words.anchor_label(reason.anchor)}
    if reason.side == "after":
        return w.t(_holds(verdict, "date_window_after.holds", "date_window_after.fails"), **common)
    if reason.anchor is not None:
        return w.t(_holds(verdict, "date_window_anchor.holds", "date_window_anchor.fails"), **common)
    return w.t(_holds(verdict, "date_window.holds", "date_window.fails"), **common)


def _date_window_early(w: ReasonWriter, reason: why.DateWindowEarly, verdict: Verdict) -> str:
    words = w.words
    return w.t(_holds(verdict, "date_window_early.inside", "date_window_early.outside"),
               label=words.fact_label(reason.fact), date=moment(reason.date), count=reason.count,
               unit=words.period(reason.count, reason.unit), side=w.t(f"side.{reason.side}"),
               anchor=words.anchor_label(reason.anchor), span=w.span(reason.earliest, reason.latest))


def _on_or_before(w: ReasonWriter, reason: why.OnOrBefore, verdict: Verdict) -> str:
    words = w.words
    common = {"label": words.fact_label(reason.fact), "date": moment(reason.date), "on": moment(reason.on)}
    if reason.by:
        count, unit = reason.by
        return w.t(_holds(verdict, "on_or_before_by.holds", "on_or_before_by.fails"), count=count,
                   unit=words.period(count, unit), anchor=words.anchor_label(reason.anchor), limit=moment(reason.limit),
                   **common)
    if reason.anchor is not None:
        return w.t(_holds(verdict, "on_or_before_anchor.holds", "on_or_before_anchor.fails"),
                   anchor=words.anchor_label(reason.anchor), **common)
    return w.t(_holds(verdict, "on_or_before.holds", "on_or_before.fails"), **common)


def _on_or_before_early(w: ReasonWriter, reason: why.OnOrBeforeEarly, verdict: Verdict) -> str:
    words = w.words
    return w.t(_holds(verdict, "on_or_before_early.holds", "on_or_before_early.fails"),
               label=words.fact_label(reason.fact), date=moment(reason.date), anchor=words.anchor_label(reason.anchor),
               earliest=moment(reason.earliest), latest=moment(reason.latest))


def renderers() -> dict[type, Callable[[ReasonWriter, Any, Verdict], str]]:
    """One wording per kind of reason over ages and dates."""
    from trialdesk.domain import reasons as why

    return {
        why.Pending: _pending,
        why.Age: _age,
        why.AgeEarly: _age_early,
        why.Never: _never,
        why.DateWindow: _date_window,
        why.DateWindowEarly: _date_window_early,
        why.OnOrBefore: _on_or_before,
        why.OnOrBeforeEarly: _on_or_before_early,
    }
