"""What every command shares: the exit codes, and how a command group is declared."""

from __future__ import annotations

import argparse

EXIT_REFUSED = 2  # input refused: bad protocol, facts, value or argument; locked screening; unusable database
EXIT_BROKEN = 3  # a verification failed: a broken audit trail or signature, a forged or foreign worksheet
EXIT_SUPERSEDED = 4  # a worksheet intact and signed by the site, but a later version replaced it
EXIT_UNCHECKED = 5  # a worksheet intact on its own, with no site database to check it against


def group(commands: argparse._SubParsersAction, name: str, help: str) -> argparse._SubParsersAction:
    """A command with actions of its own (`trialdesk NAME ACTION ...`)."""
    parser = commands.add_parser(name, help=help)
    return parser.add_subparsers(dest=f"{name}_command", metavar="ACTION", required=True, parser_class=type(parser))
