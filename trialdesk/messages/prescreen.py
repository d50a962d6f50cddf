"""Words of `trialdesk prescreen`: each candidate's result, and why a row or a whole candidates file is refused."""

from __future__ import annotations

from typing import Any

from trialdesk.domain.errors import Problem
from trialdesk.domain.prescreen import PrescreenDecision, PrescreenStatus
from trialdesk.i18n import QT_TRANSLATE_NOOP
from trialdesk.messages import EN, Messages

KEYS: dict[str, str] = {
    "prescreen.could_be_eligible": QT_TRANSLATE_NOOP("prescreen.could_be_eligible", "could be eligible; needs: {facts}"),
    "prescreen.could_be_eligible_all_met": QT_TRANSLATE_NOOP(
        "prescreen.could_be_eligible_all_met", "could be eligible: every criterion is met on these records (a screening confirms them)"),
    "prescreen.not_eligible": QT_TRANSLATE_NOOP("prescreen.not_eligible", "not eligible: {effect}: {reason}"),
    "prescreen.refused": QT_TRANSLATE_NOOP("prescreen.refused", "refused: {problems}"),
    "prescreen.summary": QT_TRANSLATE_NOOP(
        "prescreen.summary", "{total} candidates: {could} could be eligible, {not_eligible} not eligible, {refused} refused"),
    # a row refused: each names the column
    "prescreen.row.unit_twice": QT_TRANSLATE_NOOP(
        "prescreen.row.unit_twice", "column {column}: the cell gives the unit “{unit}”, the header “{header_unit}”: give the number alone"),
    "prescreen.row.no_id": QT_TRANSLATE_NOOP("prescreen.row.no_id", "column {column}: no candidate id"),
    "prescreen.row.bad_id": QT_TRANSLATE_NOOP(
        "prescreen.row.bad_id", "column {column}: “{value}” is not a candidate id: up to {limit} characters, not starting with = + - @"),
    "prescreen.row.duplicate_id": QT_TRANSLATE_NOOP("prescreen.row.duplicate_id", "column {column}: the candidate “{value}” is on line {line} already"),
    "prescreen.row.cell_too_long": QT_TRANSLATE_NOOP("prescreen.row.cell_too_long", "column {column}: a cell longer than {limit} characters"),
    "prescreen.row.cells": QT_TRANSLATE_NOOP("prescreen.row.cells", "the row has {count} cells, the header {expected}"),
    # the whole file refused
    "prescreen.file.cannot_read": QT_TRANSLATE_NOOP("prescreen.file.cannot_read", "cannot be read: {error}"),
    "prescreen.file.not_text": QT_TRANSLATE_NOOP("prescreen.file.not_text", "is not UTF-8 text"),
    "prescreen.file.too_large": QT_TRANSLATE_NOOP("prescreen.file.too_large", "is larger than {limit} MiB: split the list"),
    "prescreen.file.too_many_rows": QT_TRANSLATE_NOOP("prescreen.file.too_many_rows", "has more than {limit} candidates: split the list"),
    "prescreen.file.row_too_long": QT_TRANSLATE_NOOP(
        "prescreen.file.row_too_long", "line {line}: a row longer than {limit} characters (an unclosed quote?)"),
    "prescreen.file.not_csv": QT_TRANSLATE_NOOP("prescreen.file.not_csv", "line {line}: not CSV: {error}"),
    "prescreen.file.no_header": QT_TRANSLATE_NOOP(
        "prescreen.file.no_header", "has no header row: expected the candidate id's column, then one column per fact id"),
    "prescreen.file.too_many_columns": QT_TRANSLATE_NOOP(
        "prescreen.file.too_many_columns", "the header has {count} columns; this protocol asks {limit} facts, so at most {most}"),
    "prescreen.file.empty_column": QT_TRANSLATE_NOOP("prescreen.file.empty_column", "column {number} has no fact id in its header"),
    "prescreen.file.unknown_column": QT_TRANSLATE_NOOP(
        "prescreen.file.unknown_column", "column {column}: this protocol asks no such fact; known facts: {known}"),
    "prescreen.file.duplicate_column": QT_TRANSLATE_NOOP("prescreen.file.duplicate_column", "column {column}: {fact} has a column already"),
    "prescreen.file.unknown_unit": QT_TRANSLATE_NOOP(
        "prescreen.file.unknown_unit", "column {column}: unknown unit “{unit}”; expected one of {units}"),
    "prescreen.file.no_units": QT_TRANSLATE_NOOP("prescreen.file.no_units", "column {column}: {fact} is not a measurement: its header takes no unit"),
    "prescreen.file.exists": QT_TRANSLATE_NOOP("prescreen.file.exists", "already exists; the results never replace a file (give another name)"),
    "prescreen.file.output_suffix": QT_TRANSLATE_NOOP("prescreen.file.output_suffix", "the results are written to a .csv or a .jsonl file"),
}

# Joined to the others' as the prescreen command loads this module: the window and the other commands,
# which never word a candidate, do without them (and without their import).
EN.update(KEYS)


class PrescreenWords(Messages):
    """The sentences of a pre-screening, in one language, for one protocol."""

    def decision(self, decision: PrescreenDecision) -> str:
        """A candidate's result as a reader sees it: what is still needed, what rules them out, or why refused."""
        if decision.status is PrescreenStatus.NOT_ELIGIBLE:
            result = decision.deciding
            return self.t("prescreen.not_eligible", effect=self.effect(result), reason=self.reason(result))
        if decision.status is PrescreenStatus.REFUSED:
            return self.t("prescreen.refused", problems=self.t("sep").join(map(self.row_problem, decision.problems)))
        if not decision.needs:
            return self.t("prescreen.could_be_eligible_all_met")
        return self.t("prescreen.could_be_eligible", facts=self.listed(map(self.fact_label, decision.needs)))

    def row_problem(self, problem: Problem) -> str:
        """Why a row is refused: a problem of the protocol's answers, or of the row itself (`prescreen.row.*`)."""
        if problem.code.startswith("prescreen.row."):
            return self.t(problem.code, **problem.params)
        return self.problem(problem)

    def file_refusal(self, code: str, params: dict[str, Any]) -> str:
        """Why a whole candidates file is refused (`code`: a `prescreen.file.*` key)."""
        shown = {k: self.listed(v) if isinstance(v, (list, tuple)) else v for k, v in params.items()}
        return self.t(code, **shown)

    def summary(self, counts: dict[PrescreenStatus, int]) -> str:
        return self.t("prescreen.summary", total=sum(counts.values()), could=counts[PrescreenStatus.COULD_BE_ELIGIBLE],
                      not_eligible=counts[PrescreenStatus.NOT_ELIGIBLE], refused=counts[PrescreenStatus.REFUSED])
