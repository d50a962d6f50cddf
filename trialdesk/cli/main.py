"""Entry point of the `trialdesk` command: parse arguments, run a command, map errors to exit codes.

Exit codes: 0 done; 2 refused input (a bad protocol, facts, value or argument; a locked
screening; an unusable database) or a disk that is full, read-only or failing ("the disk
holding DIR is full: nothing was saved"; a file is written whole or not at all), and `sign`
when the signature is kept but its copy could not be filed in the site file; 3 a
verification that failed (a broken audit trail); 1 an unexpected failure, reported in one
line, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from datetime import date

from trialdesk import __version__
from trialdesk.cli.common import EXIT_REFUSED
from trialdesk.cli.context import Context
from trialdesk.desk.errors import DatabaseError, ProtocolFileError, Refused, StoreError, storage_failure
from trialdesk.domain.errors import FactsInvalid
from trialdesk.messages import Messages
from trialdesk.private import restrict_umask


#: Each command and the module of trialdesk.cli that declares it, in the order `--help` lists them. Only
#: the module of the command given is imported (every one for the list of commands), so that `evaluate`
#: loads neither the database nor the PDF and signing libraries. build.spec bundles them all.
COMMANDS = {
    "protocol": "protocol_cmd",
    "evaluate": "evaluate_cmd",
    "prescreen": "prescreen_cmd",
    "screening": "screening_cmd",
    "audit": "audit_cmd",
    "log": "log_cmd",
    "edc": "edc_cmd",
    "user": "people_cmd",
    "delegation": "people_cmd",
    "site": "signing_cmd",
    "site-file": "signing_cmd",
    "identity": "signing_cmd",
    "complete": "signing_cmd",
    "sign": "signing_cmd",
    "verify": "signing_cmd",
    "worksheet": "signing_cmd",
    "backup": None,  # declared below
}
_TAKES_DATES = {"evaluate_cmd", "log_cmd", "prescreen_cmd", "screening_cmd"}  # their add_commands is given the date parser
_GLOBAL_WITH_VALUE = ("--data-dir", "--user", "--password-file")

_UNRECOGNISED = "unrecognized arguments: "
_SECRET_FILES = ("--password-file", "--new-password-file", "--passphrase-file")


def _refuse_secret_arguments(argv: Sequence[str]) -> str | None:
    """A password or passphrase typed as an argument: refused before anything reads or echoes it."""
    for token in argv:
        option = token.split("=", 1)[0]
        if option.startswith("--pass") or option.startswith("--new-pass"):
            if option not in _SECRET_FILES:
                shown = next(p for p in ("--new-password", "--passphrase", "--password", "--pass") if option.startswith(p))
                return (f"trialdesk: {shown}… is not an option: a password or passphrase is never given on the "
                        "command line (it would stay in the shell's history and the process list); "
                        "use --password-file FILE or --passphrase-file FILE, or - to read it from standard input")
    return None


class _Parser(argparse.ArgumentParser):
    """No abbreviations: `--passphrase X` must never be read as `--passphrase-file X`."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs["allow_abbrev"] = False
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:
        if message.startswith(_UNRECOGNISED):  # name the options, never echo their values (a secret, perhaps)
            tokens = message[len(_UNRECOGNISED):].split()
            message = _UNRECOGNISED + " ".join(t.split("=", 1)[0] for t in tokens if t.startswith("-")) or "values"
        elif "invalid choice:" in message:  # a stray word (a password typed after an unknown option?) is not echoed
            message = message.split(":", 1)[0] + ": not one of the choices (see --help)"
        self.print_usage(sys.stderr)
        self.exit(EXIT_REFUSED, f"{self.prog}: error: {message}\n")


def iso_date(text: str) -> date:
    from trialdesk.domain.facts import to_date  # exactly YYYY-MM-DD: never 2026111799 or 2026-W47-2

    day = to_date(text)
    if day is None:
        from trialdesk.desk.site import shown

        raise argparse.ArgumentTypeError(f"{shown(text[:40])} is not a date (YYYY-MM-DD)")
    return day


def command_named(argv: Sequence[str]) -> str | None:
    """The command word in `argv`: its first word that is neither an option nor a global option's value."""
    words = iter(argv)
    for word in words:
        if word in _GLOBAL_WITH_VALUE:
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser for `command` alone when it is known, else for every command."""
    parser = _Parser(prog="trialdesk", description="Screen subjects against a trial protocol's eligibility criteria. "
                     "Commands that change the site's records need --user NAME --password-file FILE, given before "
                     "the command.")
    parser.add_argument("--version", action="version", version=f"trialdesk {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="where the site database lives (default: the user's data "
                        "directory, or $TRIALDESK_DATA_DIR)")
    parser.add_argument("--user", metavar="NAME", help="who you are (your account's full name): needed by every "
                        "command that changes the site's records")
    parser.add_argument("--password-file", metavar="FILE", help="read your password from FILE (- for standard "
                        "input); a terminal is asked. Never on the command line")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    modules = [COMMANDS[command]] if command in COMMANDS else COMMANDS.values()
    for name in dict.fromkeys(modules):
        if name is None:
            continue
        module = importlib.import_module(f"trialdesk.cli.{name}")
        if name in _TAKES_DATES:
            module.add_commands(commands, iso_date)
        else:
            module.add_commands(commands)
    backup = commands.add_parser("backup", help="write a consistent copy of the site database, even while in use")
    backup.add_argument("file", metavar="FILE", help="the new copy (an existing file is never overwritten)")
    backup.set_defaults(run=_backup)
    return parser


def _backup(args: argparse.Namespace, context: Context) -> int:
    context.desk.backup_to(args.file)
    print(f"backed up {context.settings.database_path} to {args.file}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    restrict_umask()
    argv = list(sys.argv[1:] if argv is None else argv)
    refusal = _refuse_secret_arguments(argv)
    if refusal:
        print(refusal, file=sys.stderr)
        return EXIT_REFUSED
    parser = build_parser(command_named(argv))
    args = parser.parse_args(argv)
    if getattr(args, "run", None) is None:
        parser.print_help()
        return 0
    context = Context(args)
    words = Messages()
    try:
        return args.run(args, context)
    except BrokenPipeError:  # the reader went away (`| head`): nothing more to say
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except ProtocolFileError as error:
        print(error.describe(), file=sys.stderr)
    except FactsInvalid as invalid:
        for problem in invalid.problems:
            print(f"trialdesk: {words.problem(problem)}", file=sys.stderr)
    except StoreError as error:
        print(f"trialdesk: {words.store_error(error.code, error.params)}", file=sys.stderr)
    except Refused as refused:
        print(f"trialdesk: {words.refusal(refused.code, refused.params)}", file=sys.stderr)
    except (DatabaseError, OSError) as error:
        failure = storage_failure(error, context.settings.database_path.parent)
        print(f"trialdesk: {words.store_error(failure.code, failure.params) if failure else error}", file=sys.stderr)
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # the last guard: one line, never a traceback
        failure = storage_failure(error, context.settings.database_path.parent)  # a full or failing disk: exit 2
        if failure is not None:
            print(f"trialdesk: {words.store_error(failure.code, failure.params)}", file=sys.stderr)
            return EXIT_REFUSED
        print(f"trialdesk: unexpected error ({type(error).__name__}: {error})", file=sys.stderr)
        return 1
    finally:
        context.close()
    return EXIT_REFUSED
