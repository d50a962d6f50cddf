"""Read a clinic list for pre-screening (`trialdesk prescreen`, the window's pre-screening page): a CSV file, one candidate per row.

The first column holds a pseudonymous candidate id; each other column is headed by a fact id of the
protocol, with the unit of its cells in brackets where the column gives one (``haemoglobin [g/L]``).
A cell is read as `screening set` reads a VALUE (`typed_values.parse_value`: ``85 g/L``, ``yes``, a
date, JSON for a medication history) and an empty cell is a fact not known from the records.

Bounded, so that no file makes reading it expensive: at most `MAX_FILE_BYTES`, `MAX_ROWS`
candidates, a row of at most `MAX_ROW_CHARS` characters, a cell of at most `MAX_CELL_CHARS`, and no
more columns than the protocol has facts. A file refused whole raises `CandidatesRefused` (before a
single result is written: the file is checked through once before it is read for its candidates); a
bad cell refuses its row only, as the candidate's `problems`.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from trialdesk.desk.typed_values import MAX_VALUE, parse_value
from trialdesk.domain.errors import FactsInvalid, Problem
from trialdesk.domain.facts import NumberFact
from trialdesk.domain.protocol import Protocol
from trialdesk.domain.values import TYPED_NUMBER, shown

MAX_FILE_BYTES = 32 * 1024 * 1024
MAX_ROWS = 100_000
MAX_ROW_CHARS = 1024 * 1024
MAX_CELL_CHARS = MAX_VALUE  # a medication history of 100 courses fits, as in `screening set`
MAX_ID_CHARS = 64
_HEADER_UNIT = re.compile(r"([^\[\]]*?)\s*\[\s*([^\[\]]+?)\s*\]")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet would run an id starting so as a formula


class CandidatesRefused(Exception):
    """The whole file is refused; `code` is a `prescreen.file.*` message key."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


@dataclass(frozen=True, slots=True)
class Column:
    """A fact's column: its header as written, the fact id, and the unit its header gives."""

    header: str
    fact: str
    unit: str | None = None


@dataclass(slots=True)
class Candidate:
    """One row: where it is, the candidate's id, the raw answers of its cells, the problems of its row."""

    line: int
    id: str
    answers: dict[str, Any] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


class CandidatesFile:
    """A candidates file checked through: its columns, and its rows to read once more, one by one."""

    def __init__(self, text: str, protocol: Protocol) -> None:
        self.text = text
        self.protocol = protocol
        rows = self._rows()
        header = next(rows, None)
        if header is None or not any(cell.strip() for cell in header):
            raise CandidatesRefused("prescreen.file.no_header")
        self.id_header = header[0].strip() or "1"
        self.columns = columns(protocol, header[1:])
        self.count = 0
        for _ in rows:
            self.count += 1
            if self.count > MAX_ROWS:
                raise CandidatesRefused("prescreen.file.too_many_rows", limit=MAX_ROWS)

    @classmethod
    def read(cls, path: Path, protocol: Protocol) -> CandidatesFile:
        try:
            with open(path, "rb") as file:
                data = file.read(MAX_FILE_BYTES + 1)
        except OSError as error:
            raise CandidatesRefused("prescreen.file.cannot_read", error=error.strerror or type(error).__name__) from None
        if len(data) > MAX_FILE_BYTES:
            raise CandidatesRefused("prescreen.file.too_large", limit=MAX_FILE_BYTES // (1024 * 1024))
        try:
            text = data.decode("utf-8-sig")  # a spreadsheet's "CSV UTF-8" starts with a byte-order mark
        except UnicodeDecodeError:
            raise CandidatesRefused("prescreen.file.not_text") from None
        return cls(text, protocol)

    def candidates(self) -> Iterator[Candidate]:
        """Each row after the header, in the file's order (blank lines skipped)."""
        rows = self._rows()
        next(rows)
        seen: dict[str, int] = {}
        expected = len(self.columns) + 1
        for line, row in rows:
            candidate = Candidate(line, row[0].strip())
            if len(row) != expected:
                candidate.problems.append(_row_problem("cells", count=len(row), expected=expected))
            self._identify(candidate, seen)
            for column, cell in zip(self.columns, row[1:]):
                self._read_cell(candidate, column, cell)
            yield candidate

    def _rows(self) -> Iterator[Any]:
        """The records, each (after the header) with the line it starts on; CandidatesRefused if not CSV."""
        bounded = _BoundedLines(self.text)
        reader = csv.reader(bounded, strict=True)
        first = True
        try:
            for row in reader:
                line = bounded.started
                bounded.record_done()
                if first:
                    first = False
                    yield row
                elif row:
                    yield line, row
        except csv.Error as error:
            raise CandidatesRefused("prescreen.file.not_csv", line=reader.line_num, error=str(error)) from None

    def _identify(self, candidate: Candidate, seen: dict[str, int]) -> None:
        ident = candidate.id
        column = self.id_header
        if not ident:
            candidate.problems.append(_row_problem("no_id", column=column))
        elif len(ident) > MAX_ID_CHARS or ident.startswith(_FORMULA):
            candidate.problems.append(_row_problem("bad_id", column=column, value=shown(ident), limit=MAX_ID_CHARS))
            candidate.id = shown(ident)
        elif ident in seen:
            candidate.problems.append(_row_problem("duplicate_id", column=column, value=ident, line=seen[ident]))
        else:
            seen[ident] = candidate.line

    def _read_cell(self, candidate: Candidate, column: Column, cell: str) -> None:
        if len(cell) > MAX_CELL_CHARS:
            candidate.problems.append(_row_problem("cell_too_long", column=column.header, limit=MAX_CELL_CHARS))
            return
        try:
            raw = parse_value(cell, column.fact)
        except FactsInvalid as invalid:
            candidate.problems.extend(invalid.problems)
            return
        if raw is None:
            return
        if column.unit is not None:
            if isinstance(raw, str) and TYPED_NUMBER.fullmatch(raw):
                raw = {"value": raw, "unit": column.unit}
            elif isinstance(raw, dict) and raw.get("unit") not in (None, column.unit):
                candidate.problems.append(_row_problem("unit_twice", column=column.header, unit=shown(raw["unit"]),
                                                       header_unit=column.unit))
                return
        candidate.answers[column.fact] = raw


def columns(protocol: Protocol, headers: list[str]) -> tuple[Column, ...]:
    """The fact columns of a header row (after the id's); CandidatesRefused naming the first bad column."""
    if len(headers) > len(protocol.facts):
        raise CandidatesRefused("prescreen.file.too_many_columns", count=len(headers) + 1, limit=len(protocol.facts),
                                most=len(protocol.facts) + 1)
    found: list[Column] = []
    taken: set[str] = set()
    for number, header in enumerate(headers, start=2):
        header = header.strip()
        if not header:
            raise CandidatesRefused("prescreen.file.empty_column", number=number)
        match = _HEADER_UNIT.fullmatch(header)
        fact_id, unit = (match.group(1), match.group(2)) if match else (header, None)
        definition = protocol.fact.get(fact_id)
        if definition is None:
            raise CandidatesRefused("prescreen.file.unknown_column", column=shown(header), known=list(protocol.fact))
        if fact_id in taken:
            raise CandidatesRefused("prescreen.file.duplicate_column", column=header, fact=fact_id)
        if unit is not None:
            if not isinstance(definition, NumberFact):
                raise CandidatesRefused("prescreen.file.no_units", column=header, fact=fact_id)
            if unit not in definition.units:
                raise CandidatesRefused("prescreen.file.unknown_unit", column=header, unit=shown(unit),
                                        units=list(definition.units))
        taken.add(fact_id)
        found.append(Column(header, fact_id, unit))
    return tuple(found)


def _row_problem(kind: str, **params: Any) -> Problem:
    return Problem(f"prescreen.row.{kind}", None, params)


class _BoundedLines:
    """The text's lines for `csv.reader`, refusing a record longer than `MAX_ROW_CHARS` before the
    reader has built it (a quote left open would otherwise take the rest of the file into one cell)."""

    def __init__(self, text: str) -> None:
        self._lines = iter(io.StringIO(text, newline=""))
        self._line = 0
        self._record_chars = 0
        self.started = 1  # the line the record being read starts on

    def __iter__(self) -> _BoundedLines:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self._line += 1
        if not self._record_chars:
            self.started = self._line
        self._record_chars += len(line)
        if self._record_chars > MAX_ROW_CHARS:
            raise CandidatesRefused("prescreen.file.row_too_long", line=self.started, limit=MAX_ROW_CHARS)
        return line

    def record_done(self) -> None:
        self._record_chars = 0
