"""Entry point of the `trialdesk` command: parse arguments, run a command, map errors to exit codes.

Exit codes: 0 done; 2 refused input (bad protocol, bad facts, bad arguments);
1 an unexpected failure, reported in one line (never a traceback).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date

from trialdesk import __version__
from trialdesk.cli import evaluate_cmd, protocol_cmd

EXIT_REFUSED = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's own exit code is 2 too; keep its usage line
        self.print_usage(sys.stderr)
        self.exit(EXIT_REFUSED, f"{self.prog}: error: {message}\n")


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="trialdesk", description="Screen subjects against a trial protocol's eligibility criteria.")
    parser.add_argument("--version", action="version", version=f"trialdesk {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    protocol = commands.add_parser("protocol", help="check protocol files; print their schema")
    protocol_commands = protocol.add_subparsers(dest="protocol_command", metavar="ACTION", required=True, parser_class=_Parser)
    check = protocol_commands.add_parser("check", help="validate a protocol file (exit 2 when invalid)")
    check.add_argument("file")
    check.set_defaults(run=protocol_cmd.check)
    schema = protocol_commands.add_parser("schema", help="print the JSON Schema of protocol files")
    schema.set_defaults(run=protocol_cmd.schema)
    listing = protocol_commands.add_parser("list", help="list the bundled protocols")
    listing.set_defaults(run=protocol_cmd.list_bundled)

    evaluate = commands.add_parser("evaluate", help="evaluate a subject's facts file against a protocol")
    evaluate.add_argument("--protocol", required=True, metavar="ID_OR_FILE", help="a bundled protocol id or a protocol file")
    evaluate.add_argument("facts", metavar="FACTS.json")
    evaluate.add_argument("--on", type=iso_date, metavar="DATE", help="screening date (overrides the file's)")
    evaluate.add_argument("--format", choices=("text", "json"), default="text")
    evaluate.set_defaults(run=evaluate_cmd.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "run", None) is None:
        parser.print_help()
        return 0
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # the last guard: one line, never a traceback
        print(f"trialdesk: unexpected error ({type(error).__name__}: {error}); nothing was changed", file=sys.stderr)
        return 1
