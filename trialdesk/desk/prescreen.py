"""Pre-screening a clinic list at a site: the file read under the protocol version in force on the
date decided on, and every candidate decided (`domain.prescreen`), as `trialdesk prescreen` does.

A file refused whole raises `CandidatesRefused` (its `code` a `prescreen.file.*` message key); no
version in force on the date raises `VersionNotInForce` (a `ProtocolFileError`), as a screening's start does.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from trialdesk.desk.candidates_file import Candidate, CandidatesFile, CandidatesRefused
from trialdesk.domain.evaluation import parse_facts
from trialdesk.domain.prescreen import Prescreener, PrescreenDecision, PrescreenStatus, refused

if TYPE_CHECKING:
    from trialdesk.desk.site import Site
    from trialdesk.domain.protocol import Protocol

__all__ = ["CandidateList", "CandidatesRefused", "Decided", "read_candidates", "screening_answers"]


@dataclass(frozen=True, slots=True)
class Decided:
    """One row of the list and its decision."""

    candidate: Candidate
    decision: PrescreenDecision


@dataclass(frozen=True, slots=True)
class CandidateList:
    """A clinic list decided: the protocol version it was read under, the date decided on, the column
    headers by fact id, and each candidate in the file's order."""

    protocol: Protocol
    on: date
    path: Path
    headers: dict[str, str]
    rows: tuple[Decided, ...]

    def counts(self) -> dict[PrescreenStatus, int]:
        """How many candidates have each result."""
        found = dict.fromkeys(PrescreenStatus, 0)
        for row in self.rows:
            found[row.decision.status] += 1
        return found


def read_candidates(site: Site, protocol_id: str, path: Path, on: date) -> CandidateList:
    """The candidates of `path` decided against the version of `protocol_id` in force on `on`."""
    protocol = site.protocols.in_force(protocol_id, on).protocol
    candidates = CandidatesFile.read(Path(path), protocol)
    prescreener = Prescreener(protocol, on)
    rows = []
    for candidate in candidates.candidates():
        decision = prescreener.decide(candidate.answers)
        if candidate.problems:
            decision = refused(candidate.problems, decision)
        rows.append(Decided(candidate, decision))
    return CandidateList(protocol, on, Path(path), {c.fact: c.header for c in candidates.columns}, tuple(rows))


def screening_answers(candidates: CandidateList, row: Decided) -> dict[str, Any]:
    """A candidate's answers as a screening starts with them (`Desk.start_screening`): fact id -> the
    stored form a facts file holds (a number a JSON number, a measurement with its unit). Raises
    FactsInvalid for a refused candidate's answers."""
    protocol = candidates.protocol
    facts = parse_facts(protocol, row.candidate.answers, candidates.on, typed=True)
    return {fact_id: protocol.fact[fact_id].to_answer(value) for fact_id, value in facts.items()}
