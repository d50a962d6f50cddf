"""A refused protocol file, importable without the YAML reader and the protocol models (start-up)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class ProtocolIssue:
    path: str
    message: str
    line: int | None = None


class ProtocolFileError(Exception):
    """A protocol file that cannot be used, with every issue found in it."""

    def __init__(self, file: Path | str, issues: list[ProtocolIssue]) -> None:
        self.file = str(file)
        self.issues = tuple(issues)
        super().__init__(self.describe())

    def describe(self) -> str:
        lines = [f"{self.file}: not a valid protocol file ({len(self.issues)} problem(s))"]
        for issue in self.issues:
            where = f"{self.file}:{issue.line}" if issue.line else self.file
            lines.append(f"  {where}: {issue.path or '(top level)'}: {issue.message}")
        return "\n".join(lines)


class StoreError(Exception):
    """A change the store refuses; `code` and `params` feed `trialdesk.messages`."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params
