"""Structured problems with a subject's facts, rendered into words by `trialdesk.messages`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an entered value: a message code and the values it names.

    `fact` is the fact id the problem belongs to (None for the facts file as a whole);
    `path` narrows it down inside the fact, e.g. ``("entries", 2, "start")``.
    """

    code: str
    fact: str | None = None
    params: dict[str, Any] = field(default_factory=dict)
    path: tuple[str | int, ...] = ()


class DomainError(ValueError):
    """A value lies outside the domain of a clinical formula or conversion."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.code)
        self.problem = problem


class FactsInvalid(ValueError):
    """The facts given for a subject cannot be evaluated; `problems` lists every reason."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(", ".join(p.code for p in problems))
        self.problems = tuple(problems)


class NeedsConfirmation(ValueError):
    """An answer that is possible but unusual (outside its usual range, or a check marked `confirm`):
    it is saved only when the person confirms it. `warnings` are the problems to say."""

    def __init__(self, warnings: list[Problem] | tuple[Problem, ...]) -> None:
        super().__init__(", ".join(w.code for w in warnings))
        self.warnings = tuple(warnings)
