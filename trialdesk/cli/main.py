"""Entry point of the `trialdesk` command: parse arguments, run a command, map errors to exit codes.

Exit codes: 0 done; 2 refused input (a bad protocol, facts, value or argument; a locked
screening; an unusable database); 3 a verification that failed (a broken audit trail);
1 an unexpected failure, reported in one line, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date

from trialdesk import __version__
from trialdesk.cli import audit_cmd, evaluate_cmd, log_cmd, protocol_cmd, screening_cmd, signing_cmd
from trialdesk.cli.common import EXIT_REFUSED
from trialdesk.cli.context import Context
from trialdesk.domain.errors import FactsInvalid
from trialdesk.messages import Messages
from trialdesk.persistence.database import DatabaseError
from trialdesk.persistence.protocol_files import ProtocolFileError
from trialdesk.persistence.screening_store import StoreError


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:
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
    parser.add_argument("--data-dir", metavar="DIR", help="where the site database lives (default: the user's data "
                        "directory, or $TRIALDESK_DATA_DIR)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    protocol_cmd.add_commands(commands)
    evaluate_cmd.add_commands(commands, iso_date)
    screening_cmd.add_commands(commands)
    audit_cmd.add_commands(commands)
    log_cmd.add_commands(commands, iso_date)
    signing_cmd.add_commands(commands)
    backup = commands.add_parser("backup", help="write a consistent copy of the site database, even while in use")
    backup.add_argument("file")
    backup.set_defaults(run=_backup)
    return parser


def _backup(args: argparse.Namespace, context: Context) -> int:
    context.database.backup_to(args.file)
    print(f"backed up {context.settings.database_path} to {args.file}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "run", None) is None:
        parser.print_help()
        return 0
    context = Context(args)
    words = Messages()
    try:
        return args.run(args, context)
    except ProtocolFileError as error:
        print(error.describe(), file=sys.stderr)
    except FactsInvalid as invalid:
        for problem in invalid.problems:
            print(f"trialdesk: {words.problem(problem)}", file=sys.stderr)
    except StoreError as error:
        print(f"trialdesk: {words.store_error(error.code, error.params)}", file=sys.stderr)
    except (DatabaseError, OSError) as error:
        print(f"trialdesk: {error}", file=sys.stderr)
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # the last guard: one line, never a traceback
        print(f"trialdesk: unexpected error ({type(error).__name__}: {error})", file=sys.stderr)
        return 1
    finally:
        context.close()
    return EXIT_REFUSED
