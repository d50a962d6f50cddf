"""`trialdesk evaluate --protocol ID_OR_FILE FACTS.json [--on DATE] [--format text|json]`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from trialdesk.cli.common import EXIT_REFUSED
from trialdesk.cli.context import Context

if TYPE_CHECKING:
    from trialdesk.domain.protocol import Protocol
    from trialdesk.domain.verdict import EligibilityReport
    from trialdesk.messages import Messages


def add_commands(commands: argparse._SubParsersAction, iso_date) -> None:
    evaluate = commands.add_parser("evaluate", help="evaluate a subject's facts file against a protocol")
    evaluate.add_argument("--protocol", required=True, metavar="ID_OR_FILE", help="a protocol id or a protocol file")
    evaluate.add_argument("facts", metavar="FACTS.json")
    evaluate.add_argument("--on", type=iso_date, metavar="DATE", help="screening date (overrides the file's)")
    evaluate.add_argument("--format", choices=("text", "json"), default="text")
    evaluate.set_defaults(run=run)


def run(args: argparse.Namespace, context: Context) -> int:
    # the protocol models and the rule engine: imported to run, not to declare the command (`--help`)
    from trialdesk.cli.facts_file import read_facts_file
    from trialdesk.domain.errors import FactsInvalid
    from trialdesk.domain.evaluation import answer_warnings, evaluate, parse_facts
    from trialdesk.messages import Messages

    protocol = context.protocol(args.protocol)
    words = Messages(protocol)
    try:
        raw, on = read_facts_file(Path(args.facts), args.on)
        facts = parse_facts(protocol, raw, on)
    except FactsInvalid as invalid:
        print(f"{args.facts}: the facts cannot be evaluated:", file=sys.stderr)
        for problem in invalid.problems:
            print(f"  {words.problem(problem)}", file=sys.stderr)
        return EXIT_REFUSED
    report = evaluate(protocol, facts, on)
    print(report_json(report, words) if args.format == "json" else report_text(report, protocol, words))
    warnings = answer_warnings(protocol, facts, on)
    if warnings:  # evaluated as given; entered in a screening, each asks to be confirmed
        print(f"{args.facts}: unusual answers (a screening asks to confirm them):", file=sys.stderr)
        for warning in warnings:
            print(f"  {words.problem(warning)}", file=sys.stderr)
    return 0


def report_json(report: EligibilityReport, words: Messages) -> str:
    data = {
        "protocol": report.protocol_id,
        "protocol_version": report.protocol_version,
        "screening_date": report.on.isoformat(),
        "overall": report.overall.value,
        "criteria": {
            r.criterion_id: {
                "kind": r.kind,
                "verdict": r.verdict.value,
                "effect": r.effect.value,  # passes, excludes, open, pending, not_applicable: the same for both kinds
                "effect_text": words.effect(r),
                "reason": words.reason(r),
                "reason_code": r.reason.code,
            }
            for r in report.results
        },
        "scores": {
            s.score_id: {
                "value": None if s.compared is None else str(s.compared),
                "unrounded": None if s.value is None else str(s.value),
                "missing": list(s.missing),
                "computed": words.score(s),  # how it was computed: inputs, and each domain derived from what
            }
            for s in report.scores.values()
        },
    }
    return json.dumps(data, indent=2, ensure_ascii=False)


def report_text(report: EligibilityReport, protocol: Protocol, words: Messages) -> str:
    lines = [
        f"{protocol.id} — {protocol.title}",
        f"protocol version {protocol.version}; screening date {report.on.isoformat()}",
        f"overall: {words.overall(report.overall).upper()}",
        "",
    ]
    lines += result_lines(report, words)
    if report.scores:  # how each score was computed, so a reader can check a derived category by hand
        lines += ["", "scores:", *(f"  {words.score(s)}" for s in report.scores.values())]
    return "\n".join(lines)


def result_lines(report: EligibilityReport, words: Messages) -> list[str]:
    """Each criterion's result by what it does to eligibility ("E2 applies: excluded"), then its reason."""
    said = [words.effect(r) for r in report.results]
    width = max(map(len, said))
    return [f"{effect:<{width}}  {words.reason(r)}" for effect, r in zip(said, report.results)]
