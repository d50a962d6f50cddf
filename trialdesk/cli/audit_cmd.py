"""`trialdesk audit verify|show`."""

from __future__ import annotations

import argparse
import json
import sys

from trialdesk.cli.common import EXIT_BROKEN, group
from trialdesk.cli.context import Context

def add_commands(commands: argparse._SubParsersAction) -> None:
    actions = group(commands, "audit", "verify the audit trail; show a screening's history")
    actions.add_parser("verify", help="check the hash chain; exit 3 naming the first broken entry").set_defaults(run=verify)
    show = actions.add_parser("show", help="print the history of one screening")
    show.add_argument("screening", metavar="SCREENING")
    show.set_defaults(run=show_history)


def verify(args: argparse.Namespace, context: Context) -> int:
    result = context.site.verify_audit()
    if result.intact:
        print(f"audit trail intact: {result.entries} entries")
        return 0
    print(f"audit trail BROKEN at entry {result.broken_at}: {result.problem} "
          f"({result.entries} entries before it verify)", file=sys.stderr)
    return EXIT_BROKEN


def _text(value: object) -> str:
    return "—" if value is None else json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value


def show_history(args: argparse.Namespace, context: Context) -> int:
    site = context.site
    screening = site.screening(args.screening)
    for entry in site.history(screening.id):
        when = f"{entry.at.strftime('%Y-%m-%d %H:%M:%S')} UTC ({entry.utc_offset} local)"
        what = entry.action + (f" {entry.target}" if entry.target else "")
        who = f"{entry.actor} (recorded before named users)" if site.before_named_users(entry) else entry.actor
        line = f"#{entry.seq} {when} {who}: {what}"
        if entry.action == "answer":
            line += f": {_text(entry.old_value)} → {_text(entry.new_value)}"
        if entry.reason:
            line += f" (reason: {entry.reason})"
        print(line)
    return 0
