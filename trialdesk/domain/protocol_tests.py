"""A protocol's example subjects and the verdicts expected of them: the protocol's own test cases.

A tests file (`ID.tests.yaml` beside the protocol) lists cases. Each gives a screening date,
the subject's answers in the shapes of a facts file (numbers as numbers; a date may be written
bare), and either the verdict expected of every criterion of the protocol (with, optionally, the
overall result), or the facts expected to be refused at entry. `run_cases` evaluates every case
with the program's own `parse_facts` and `evaluate` and says, per case and per criterion, what
was expected and what came out. A case that leaves a criterion out, or names one the protocol
does not have, does not agree: every criterion is stated by every case.

Verdicts and overall results are compared as their string values, so a verdict the engine
learns later is a value a tests file can expect with no change here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

from trialdesk.domain.errors import FactsInvalid, Problem
from trialdesk.domain.evaluation import evaluate, parse_facts
from trialdesk.domain.ids import CriterionCode, Slug, Text
from trialdesk.domain.protocol import MAX_CRITERIA, MAX_FACTS, Protocol
from trialdesk.domain.values import Unreadable, read_date
from trialdesk.domain.verdict import CriterionResult, EligibilityReport, Overall, Verdict

FROZEN = ConfigDict(frozen=True, extra="forbid")

#: cases in one tests file.
MAX_CASES = 500
#: characters of a case's name.
MAX_NAME = 200
#: lists and mappings nested in one answer (a facts file allows 32 for the whole file).
MAX_ANSWER_DEPTH = 8

CaseName = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True, max_length=MAX_NAME)]


def _answer(value: Any, depth: int = 0) -> Any:
    """An answer in the JSON shapes of a facts file; a bare YAML date becomes its ISO text."""
    if depth > MAX_ANSWER_DEPTH:
        raise ValueError(f"an answer nested more than {MAX_ANSWER_DEPTH} deep")
    if isinstance(value, datetime):
        raise ValueError("a date and time is written as text in quotes, e.g. \"2026-11-20T09:30\"")
    if isinstance(value, date):
        return value.isoformat()
    if value is None or isinstance(value, (str, bool, int, float, Decimal)):
        return value
    if isinstance(value, list):
        return [_answer(v, depth + 1) for v in value]
    if isinstance(value, dict):
        if not all(isinstance(k, str) for k in value):
            raise ValueError("keys inside an answer are text")
        return {k: _answer(v, depth + 1) for k, v in value.items()}
    raise ValueError(f"expected an answer as a facts file gives it, got {type(value).__name__}")


def _answers(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _answer(v) for k, v in value.items()}
    return value  # not a mapping: the field's own type says so


def verdict_values() -> tuple[str, ...]:
    """Every verdict a criterion can have, as written in a tests file."""
    return tuple(v.value for v in Verdict)


def overall_values() -> tuple[str, ...]:
    return tuple(o.value for o in Overall)


def _known(values: Callable[[], tuple[str, ...]], what: str) -> Callable[[str], str]:
    def check(value: str) -> str:
        if value not in values():
            raise ValueError(f"unknown {what} {value!r}; expected one of {list(values())}")
        return value

    return check


#: a verdict or overall result as its string value: whatever values the engine has, now or later.
VerdictValue = Annotated[str, AfterValidator(_known(verdict_values, "verdict"))]
OverallValue = Annotated[str, AfterValidator(_known(overall_values, "overall result"))]


class ExampleCase(BaseModel):
    """One example subject: the answers, the date, and what the protocol must make of them."""

    model_config = FROZEN

    name: CaseName
    note: Text | None = Field(default=None, description="which boundary the case sits on, and why the verdicts follow")
    on: date = Field(description="the screening date")
    facts: dict[Slug, Any] = Field(default={}, max_length=MAX_FACTS, description="answers as a facts file gives them")
    expect: dict[CriterionCode, VerdictValue] | None = Field(
        default=None, max_length=MAX_CRITERIA, description="the verdict of every criterion of the protocol"
    )
    overall: OverallValue | None = Field(default=None, description="the overall result expected")
    refused: dict[Slug, Slug | None] | None = Field(
        default=None,
        max_length=MAX_FACTS,
        description="facts expected to be refused at entry, each with the problem expected (null: any)",
    )

    @field_validator("facts", mode="before")
    @classmethod
    def _facts_as_in_a_file(cls, facts: Any) -> Any:
        return _answers(facts)

    @field_validator("on", mode="before")
    @classmethod
    def _exact_date(cls, on: Any) -> date:
        """Exactly YYYY-MM-DD (or a bare YAML date), as a facts file's screening date."""
        try:
            return read_date(on)
        except Unreadable:
            raise ValueError(f"expected a date YYYY-MM-DD (1900-2199), got {str(on)[:40]!r}") from None

    @model_validator(mode="after")
    def _verdicts_or_refusal(self) -> ExampleCase:
        if self.refused is not None:
            if self.expect is not None or self.overall is not None:
                raise ValueError("a case expects either verdicts (expect, overall) or refused facts, not both")
            if not self.refused:
                raise ValueError("refused names at least one fact")
        elif self.expect is None:
            raise ValueError("give the verdict of every criterion (expect), or the facts expected to be refused (refused)")
        return self


class ProtocolTests(BaseModel):
    """A tests file: the protocol it is for, the answers every case starts from, and the cases."""

    model_config = FROZEN

    protocol: str = Field(pattern=r"^[A-Za-z0-9_.-]+$", max_length=64, description="the id of the protocol tested")
    base_facts: dict[Slug, Any] = Field(
        default={}, max_length=MAX_FACTS,
        description="answers every case starts from; a case's own facts replace them one by one (null: not entered)",
    )
    # at least one case: checked below, as a tuple's min_length would also be reported for a bad case
    cases: tuple[ExampleCase, ...] = Field(max_length=MAX_CASES, json_schema_extra={"minItems": 1})

    @field_validator("base_facts", mode="before")
    @classmethod
    def _facts_as_in_a_file(cls, facts: Any) -> Any:
        return _answers(facts)

    @model_validator(mode="after")
    def _unique_names(self) -> ProtocolTests:
        if not self.cases:
            raise ValueError("cases: at least one case expected")
        seen: set[str] = set()
        for i, case in enumerate(self.cases):
            if case.name in seen:
                raise ValueError(f"cases[{i}].name: a second case named {case.name!r}")
            seen.add(case.name)
        return self

    def answers(self, case: ExampleCase) -> dict[str, Any]:
        """The case's answers: the base, each replaced by the case's own."""
        return {**self.base_facts, **case.facts}


# -- agreement ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CriterionAgreement:
    """One criterion of one case: the verdict expected (None: the case does not state it) and the
    result the program gave (None: the protocol has no such criterion)."""

    criterion_id: str
    expected: str | None
    result: CriterionResult | None

    @property
    def got(self) -> str | None:
        return None if self.result is None else self.result.verdict.value

    @property
    def agrees(self) -> bool:
        return self.expected is not None and self.expected == self.got


@dataclass(frozen=True, slots=True)
class CaseAgreement:
    """A case run: each criterion's agreement, the overall result, or the refusal of the facts."""

    case: ExampleCase
    criteria: tuple[CriterionAgreement, ...] = ()
    report: EligibilityReport | None = None
    problems: tuple[Problem, ...] = ()  # why the facts were refused, when they were

    @property
    def overall(self) -> str | None:
        return None if self.report is None else self.report.overall.value

    @property
    def refused(self) -> dict[str, tuple[str, ...]]:
        """The problem codes of each fact refused (a problem of the file as a whole under "")."""
        codes: dict[str, tuple[str, ...]] = {}
        for problem in self.problems:
            key = problem.fact or ""
            codes[key] = (*codes.get(key, ()), problem.code)
        return codes

    @property
    def disagreements(self) -> tuple[CriterionAgreement, ...]:
        return tuple(c for c in self.criteria if not c.agrees)

    @property
    def overall_agrees(self) -> bool:
        return self.case.overall is None or self.case.overall == self.overall

    @property
    def refusal_agrees(self) -> bool:
        expected = self.case.refused
        if expected is None:
            return not self.problems
        got = self.refused
        return set(got) == set(expected) and all(code is None or code in got[fact] for fact, code in expected.items())

    @property
    def agrees(self) -> bool:
        return self.refusal_agrees and self.overall_agrees and not self.disagreements


@dataclass(frozen=True, slots=True)
class Agreement:
    """Every case of a tests file run against a protocol."""

    protocol_id: str
    cases: tuple[CaseAgreement, ...]

    @property
    def agreed(self) -> int:
        return sum(c.agrees for c in self.cases)

    @property
    def all_agree(self) -> bool:
        return self.agreed == len(self.cases)


def run_case(protocol: Protocol, case: ExampleCase, answers: Mapping[str, Any]) -> CaseAgreement:
    """Evaluate one case's answers as a facts file's are (numbers must be numbers) and compare."""
    try:
        facts = parse_facts(protocol, answers, case.on)
    except FactsInvalid as invalid:
        return CaseAgreement(case, problems=invalid.problems)
    report = evaluate(protocol, facts, case.on)
    expected = case.expect or {}
    criteria = [CriterionAgreement(r.criterion_id, expected.get(r.criterion_id), r) for r in report.results]
    known = {r.criterion_id for r in report.results}
    criteria += [CriterionAgreement(c, v, None) for c, v in expected.items() if c not in known]
    if case.refused is not None:  # expected refused, yet accepted: no verdict was asked for
        criteria = []
    return CaseAgreement(case, tuple(criteria), report)


def run_cases(protocol: Protocol, tests: ProtocolTests) -> Agreement:
    """Every case of `tests` against `protocol`; a tests file written for another protocol is refused."""
    if tests.protocol != protocol.id:
        raise ValueError(f"the tests are for protocol {tests.protocol!r}, not {protocol.id!r}")
    return Agreement(protocol.id, tuple(run_case(protocol, c, tests.answers(c)) for c in tests.cases))
