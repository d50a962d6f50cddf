"""The English of the reasons (`reasons` words each kind), and `ReasonWords`, the face `Messages`
says a reason through: the catalogue (`EN`) holds these from the start, while the wordings, and the
reason types they word, are imported on the first reason worded."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from trialdesk.i18n import QT_TRANSLATE_NOOP
from trialdesk.messages.base import Words

if TYPE_CHECKING:
    from trialdesk.domain.verdict import CriterionResult, Outcome

KEYS: dict[str, str] = {
    "threshold.holds": QT_TRANSLATE_NOOP("threshold.holds", "{label} {value} {op} {threshold}{note}"),
    "threshold.fails": QT_TRANSLATE_NOOP("threshold.fails", "{label} {value} is not {op} {threshold}{note}"),
    "uln.limit": QT_TRANSLATE_NOOP("uln.limit", "{times} × ULN {uln} = {limit}"),
    "value.converted": QT_TRANSLATE_NOOP("value.converted", "{entered} (= {value})"),
    "limit_settled": QT_TRANSLATE_NOOP("limit_settled", "{label} {value}: the same against every limit that can apply ({limits}){open}"),
    "limit_open": QT_TRANSLATE_NOOP("limit_open", "{label} {value}: the limit depends on {open}"),
    "limit_open.none": QT_TRANSLATE_NOOP("limit_open.none", "{label} {value}: no limit of the protocol applies to these answers"),
    "limit.range": QT_TRANSLATE_NOOP("limit.range", "{min}–{max}"),
    "not_known": QT_TRANSLATE_NOOP("not_known", "not known: {answers}"),
    # the effect says "not decided yet": the reason says what decides whether it applies, and what then
    "applies_open": QT_TRANSLATE_NOOP("applies_open", "to tell whether it applies: {condition}; if it applies: {part}"),
    "note.rounded": QT_TRANSLATE_NOOP("note.rounded", " (rounded half up to {n} decimals from {raw})"),
    "note.unrounded": QT_TRANSLATE_NOOP("note.unrounded", " (compared unrounded)"),
    "note.entered": QT_TRANSLATE_NOOP("note.entered", " (entered {value} {unit})"),
    "range.holds": QT_TRANSLATE_NOOP("range.holds", "{label} {value} within {min}–{max}{unit}{note}"),
    "range.fails": QT_TRANSLATE_NOOP("range.fails", "{label} {value} outside {min}–{max}{unit}{note}"),
    "score_bounds": QT_TRANSLATE_NOOP("score_bounds", "{label} can only reach {low}–{high} with the answers given, so {op} {threshold} {decided} (still missing: {missing})"),
    "score_bounds.holds": QT_TRANSLATE_NOOP("score_bounds.holds", "holds"),
    "score_bounds.fails": QT_TRANSLATE_NOOP("score_bounds.fails", "cannot hold"),
    "score_bounds.range": QT_TRANSLATE_NOOP("score_bounds.range", "{label} can only reach {low}–{high} with the answers given, so within {range} {decided} (still missing: {missing})"),
    "missing": QT_TRANSLATE_NOOP("missing", "missing: {facts}"),
    "missing.score": QT_TRANSLATE_NOOP("missing.score", "{label} needs: {facts}"),
    "missing.score.bounds": QT_TRANSLATE_NOOP(
        "missing.score.bounds", "{label} can still be {low} to {high}, so {op} {threshold} is not decided: it needs {facts}"),
    "refused": QT_TRANSLATE_NOOP("refused", "{label} {value} was refused: see the field"),
    "refused.needed": QT_TRANSLATE_NOOP("refused.needed", "{label} ({value} was refused)"),
    "score_problem": QT_TRANSLATE_NOOP("score_problem", "{label} cannot be computed: {problem}"),
    "answer": QT_TRANSLATE_NOOP("answer", "{label}: {answer}"),
    "any_of.none": QT_TRANSLATE_NOOP("any_of.none", "none holds: {parts}"),
    "not": QT_TRANSLATE_NOOP("not", "not: {part}"),
    "if_then.not_applicable": QT_TRANSLATE_NOOP("if_then.not_applicable", "does not apply: {part}"),
    "if_then.applies": QT_TRANSLATE_NOOP("if_then.applies", "{condition}; {part}"),
    "at_least": QT_TRANSLATE_NOOP("at_least", "{met} of {of} met (at least {count} needed): {parts}"),
    "not_asked": QT_TRANSLATE_NOOP("not_asked", "{label}: not asked (asked only when {condition})"),
    "reported_as": QT_TRANSLATE_NOOP("reported_as", "{label}: reported as {result}, not as a value"),
}


class ReasonWords(Words):
    def reason(self, outcome: Outcome | CriterionResult, refused: Mapping[str, str] | None = None) -> str:
        """The sentence for an outcome's (or a criterion result's) reason; the verdict itself is worded
        by `verdict`, its effect by `effect`. `refused` maps a fact id to the value as the person typed
        it, just refused: the reason says that value was refused where it would say the fact is missing."""
        from trialdesk.messages import history_reasons
        from trialdesk.messages.reasons import ReasonWriter

        writer = ReasonWriter(self, refused or {})
        return writer.say(outcome) + history_reasons.equivalence_tables(writer, writer.tables)
