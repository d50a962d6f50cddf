"""`trialdesk audit verify|show`."""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from trialdesk.cli.common import EXIT_BROKEN, EXIT_REFUSED, group
from trialdesk.cli.context import Context
from trialdesk.desk.site import shown

def add_commands(commands: argparse._SubParsersAction) -> None:
    actions = group(commands, "audit", "verify the audit trail; show a screening's history")
    check = actions.add_parser("verify", help="check the hash chain, the records against it, the schema, and the "
                               "signed worksheets that anchor it (exit 3 naming what is wrong)")
    check.add_argument("--worksheets", action="append", default=[], metavar="DIR",
                       help="also check the signed worksheets in DIR (the site file is always checked)")
    check.add_argument("--head", action="append", default=[], metavar="HASH",
                       help="an audit head read from a printed worksheet: it must be in the trail")
    check.set_defaults(run=verify)
    export = actions.add_parser("export", help="a screening's history for a monitor, as CSV or PDF")
    export.add_argument("screening", metavar="SCREENING")
    where = export.add_mutually_exclusive_group(required=True)
    where.add_argument("--csv", metavar="FILE")
    where.add_argument("--pdf", metavar="FILE")
    export.set_defaults(run=export_history)
    show = actions.add_parser("show", help="print the history of one screening")
    show.add_argument("screening", metavar="SCREENING")
    show.set_defaults(run=show_history)


def verify(args: argparse.Namespace, context: Context) -> int:
    heads = [h.strip() for h in args.head]
    bad = [h for h in heads if not re.fullmatch(r"[0-9a-fA-F]{16,64}", h)]
    if bad:
        print(f"trialdesk: --head {bad[0]!r} is not an audit hash (16 to 64 hexadecimal digits)", file=sys.stderr)
        return EXIT_REFUSED
    result = context.site.verify_records([Path(d) for d in args.worksheets], heads)
    chain = result.chain
    if chain.intact:
        print(f"audit trail intact: {chain.entries} entries")
    else:
        print(f"audit trail BROKEN at entry {chain.broken_at}: {chain.problem} "
              f"({chain.entries} entries before it verify)", file=sys.stderr)
    for problem in result.problems:
        print(f"BROKEN: {problem}", file=sys.stderr)
    if result.intact:
        print("records: every stored answer, note, status, signed worksheet and completion is what the trail says")
        print(f"schema: every table and protective trigger as made; {result.anchored_by} signed worksheet(s) "
              "(filed and kept) anchor the trail" + (f"; {len(heads)} head(s) from paper found" if heads else ""))
        return 0
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
        if entry.action == "warning_confirmed":  # the warning the person saw and confirmed
            line += f": {entry.reason}"
        elif entry.reason:
            line += f" (reason: {entry.reason})"
        print(shown(line))  # one entry, one line: nothing recorded can print a line of its own
    return 0


def export_history(args: argparse.Namespace, context: Context) -> int:
    from trialdesk.private import write_whole, write_whole_text
    from trialdesk.worksheet.history import render_history_pdf, write_history_csv

    site = context.site
    screening = site.screening(args.screening)
    rows = site.history_rows(screening.id)
    if args.csv:
        write_whole_text(site.check_export_target(Path(args.csv)), lambda out: write_history_csv(out, rows),
                         encoding="utf-8-sig", newline="", replace=True)  # whole or not at all
        target = args.csv
    else:
        subject = screening.subject
        title = f"Audit history: {screening.protocol_id} screening {subject.screening_number} (id {screening.id}, version {screening.version})"
        head, seq = site.store.audit_head()[1], site.store.audit_head()[0]
        subtitle = f"{len(rows)} entries · audit trail head: entry {seq}, SHA-256 {head} · times in UTC and the local time recorded"
        write_whole(site.check_export_target(Path(args.pdf)), render_history_pdf(title, subtitle, rows), replace=True)
        target = args.pdf
    print(f"wrote {len(rows)} entries of screening {screening.subject.screening_number} to {target}")
    return 0
