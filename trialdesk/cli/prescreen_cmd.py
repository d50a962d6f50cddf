"""`trialdesk prescreen --protocol ID [--on DATE] [--lang LANG] CANDIDATES.csv [-o OUT.csv|OUT.jsonl]`.

Each candidate of a clinic list (`candidates_file`) decided by the domain (`domain.prescreen`) and
written in the input's order: CSV to standard output, or to OUT (.csv or .jsonl, written whole or not
at all, never over an existing file). Exit 0 when every row has its result (refused rows included,
counted on standard error); 2 when the file or an argument is refused, and nothing is written.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from trialdesk.cli.common import EXIT_REFUSED
from trialdesk.cli.context import Context
from trialdesk.i18n import languages

if TYPE_CHECKING:
    from trialdesk.desk.candidates_file import Candidate, CandidatesFile
    from trialdesk.domain.prescreen import PrescreenDecision
    from trialdesk.messages.prescreen import PrescreenWords

#: the columns of the CSV results; a JSON line has the same keys, with lists for `needs`, `excluded_by`, `problems`
FIELDS = ("candidate", "line", "status", "criterion", "reason_code", "needs", "text")
_REMEMBERED_TEXTS = 10_000  # sentences kept for results met again (most candidates share them)


def add_commands(commands: argparse._SubParsersAction, iso_date) -> None:
    prescreen = commands.add_parser(
        "prescreen", help="pre-screen a clinic list: who could be eligible (and what is still needed), who is not")
    prescreen.add_argument("--protocol", required=True, metavar="ID_OR_FILE", help="a protocol id or a protocol file")
    prescreen.add_argument("--on", type=iso_date, metavar="DATE", help="the screening date to decide on (default: today)")
    prescreen.add_argument("--lang", choices=languages(), default="en", help="the language of the results' text")
    prescreen.add_argument("candidates", metavar="CANDIDATES.csv",
                           help='first column a candidate id, then one column per fact id ("haemoglobin [g/L]" gives '
                           "the unit); an empty cell is not known")
    prescreen.add_argument("-o", "--output", metavar="OUT", help="write the results to OUT.csv or OUT.jsonl "
                           "(default: CSV on standard output)")
    prescreen.set_defaults(run=run)


def run(args: argparse.Namespace, context: Context) -> int:
    from trialdesk.desk.candidates_file import CandidatesFile, CandidatesRefused
    from trialdesk.domain.prescreen import Prescreener, PrescreenStatus, refused
    from trialdesk.messages.prescreen import PrescreenWords

    protocol = context.protocol(args.protocol)
    words = PrescreenWords(protocol, args.lang)
    target = Path(args.output) if args.output else None
    if target is not None and target.suffix.lower() not in (".csv", ".jsonl"):
        print(f"{target}: {words.file_refusal('prescreen.file.output_suffix', {})}", file=sys.stderr)
        return EXIT_REFUSED
    if target is not None and target.exists():
        print(f"{target}: {words.file_refusal('prescreen.file.exists', {})}", file=sys.stderr)
        return EXIT_REFUSED
    try:
        candidates = CandidatesFile.read(Path(args.candidates), protocol)
    except CandidatesRefused as refusal:
        print(f"{args.candidates}: {words.file_refusal(refusal.code, refusal.params)}", file=sys.stderr)
        return EXIT_REFUSED
    prescreener = Prescreener(protocol, args.on or date.today())
    counts = dict.fromkeys(PrescreenStatus, 0)

    def records() -> Iterator[dict[str, Any]]:
        results = _Results(words, candidates)
        for candidate in candidates.candidates():
            decision = prescreener.decide(candidate.answers)
            if candidate.problems:
                decision = refused(candidate.problems, decision)
            counts[decision.status] += 1
            yield results.record(candidate, decision)

    jsonl = target is not None and target.suffix.lower() == ".jsonl"
    write = _write_jsonl if jsonl else _write_csv
    if target is None:
        write(sys.stdout, records())
    else:
        from trialdesk.private import write_whole_text

        try:
            write_whole_text(target, lambda out: write(out, records()), newline="" if not jsonl else None)
        except FileExistsError:
            print(f"{target}: {words.file_refusal('prescreen.file.exists', {})}", file=sys.stderr)
            return EXIT_REFUSED
    print(f"{args.candidates}: {words.summary(counts)}", file=sys.stderr)
    return 0


class _Results:
    """Each decision as a record of the results, its sentence worded once for the results met again."""

    def __init__(self, words: PrescreenWords, candidates: CandidatesFile) -> None:
        self.words = words
        self.headers = {c.fact: c.header for c in candidates.columns}
        self._texts: dict[Any, tuple[Any, str]] = {}

    def record(self, candidate: Candidate, decision: PrescreenDecision) -> dict[str, Any]:
        deciding = decision.deciding
        record = {
            "candidate": candidate.id,
            "line": candidate.line,
            "status": decision.status.value,
            "criterion": deciding.criterion_id if deciding else "",
            "reason_code": deciding.reason.code if deciding else "",
            "needs": list(decision.needs),
            "text": self._text(decision),
            "excluded_by": [r.criterion_id for r in decision.excluded_by],
            "problems": [{"column": self._column(p), "code": p.code, "text": self.words.row_problem(p)}
                         for p in decision.problems],
        }
        return record

    def _text(self, decision: PrescreenDecision) -> str:
        if decision.problems:
            return self.words.decision(decision)
        # a result object is remembered by the domain and met again: keyed by identity, kept alive here
        key = id(decision.deciding) if decision.deciding is not None else decision.needs
        found = self._texts.get(key)
        if found is not None and (decision.deciding is None or found[0] is decision.deciding):
            return found[1]
        if len(self._texts) >= _REMEMBERED_TEXTS:
            self._texts.clear()
        text = self.words.decision(decision)
        self._texts[key] = (decision.deciding, text)
        return text

    def _column(self, problem: Any) -> str:
        if problem.fact is not None:
            return self.headers.get(problem.fact, problem.fact)
        return str(problem.params.get("column", ""))


def _write_csv(out: TextIO, records: Iterator[dict[str, Any]]) -> None:
    writer = csv.writer(out)
    writer.writerow(FIELDS)
    for record in records:
        writer.writerow([" ".join(record[f]) if f == "needs" else record[f] for f in FIELDS])


def _write_jsonl(out: TextIO, records: Iterator[dict[str, Any]]) -> None:
    dumps: Callable[[Any], str] = json.JSONEncoder(ensure_ascii=False).encode
    for record in records:
        out.write(dumps(record) + "\n")
