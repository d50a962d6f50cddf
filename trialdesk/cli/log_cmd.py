"""`trialdesk log list|summary|export|consort`: the site's screening log, and its CONSORT counts and picture."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

from trialdesk.cli.common import group
from trialdesk.cli.context import Context
from trialdesk.desk.errors import Refused
from trialdesk.domain.log import LogFilter, ScreeningStatus
from trialdesk.i18n import languages
from trialdesk.messages import Messages

STATUSES = [s.value for s in ScreeningStatus]


def add_commands(commands: argparse._SubParsersAction, iso_date) -> None:
    actions = group(commands, "log", "the screening log: list, summary, CSV export")

    def filters(parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--status", action="append", choices=STATUSES, help="repeat for several")
        parser.add_argument("--from", dest="date_from", type=iso_date, metavar="DATE")
        parser.add_argument("--to", dest="date_to", type=iso_date, metavar="DATE")
        parser.add_argument("--search", default="", metavar="TEXT", help="in screening numbers and initials")
        parser.add_argument("--protocol", metavar="ID")
        parser.add_argument("--all-versions", action="store_true", help="include superseded versions")

    listing = actions.add_parser("list", help="list screenings, newest first")
    filters(listing)
    listing.add_argument("--limit", type=int, default=100)
    listing.add_argument("--format", choices=("text", "json"), default="text")
    listing.set_defaults(run=list_log)
    summary = actions.add_parser("summary", help="counts by status and screen-failure reasons per criterion")
    filters(summary)
    summary.set_defaults(run=summary_log)
    export = actions.add_parser("export", help="write the screening and enrolment log as sponsors file it: CSV, "
                                "or a paginated PDF (one protocol)")
    filters(export)
    out = export.add_mutually_exclusive_group(required=True)
    out.add_argument("--csv", metavar="FILE")
    out.add_argument("--pdf", metavar="FILE", help="needs --protocol when the site screens for several")
    export.add_argument("--lang", choices=languages(), default="en", help="the language of the PDF")
    export.set_defaults(run=export_log)
    consort = actions.add_parser("consort", help="CONSORT counts: assessed for eligibility, excluded (by criterion, "
                                 "declined, other), enrolled; as JSON, or the flow diagram and chart as PDF or PNG")
    consort.add_argument("--protocol", metavar="ID", help="needed when the site screens for several")
    consort.add_argument("--from", dest="date_from", type=iso_date, metavar="DATE", help="screening dates from")
    consort.add_argument("--to", dest="date_to", type=iso_date, metavar="DATE", help="screening dates to")
    consort.add_argument("--format", choices=("json", "pdf", "png"), default="json")
    consort.add_argument("--lang", choices=languages(), default="en")
    consort.add_argument("-o", "--output", metavar="FILE", help="required for pdf and png (JSON: standard output "
                         "by default)")
    consort.set_defaults(run=consort_log)


def _filter(args: argparse.Namespace) -> LogFilter:
    return LogFilter(
        statuses=tuple(ScreeningStatus(s) for s in args.status or ()),
        date_from=args.date_from, date_to=args.date_to, search=args.search,
        protocol_id=args.protocol, include_superseded=args.all_versions,
    )


def list_log(args: argparse.Namespace, context: Context) -> int:
    entries = context.site.log.list_log(_filter(args), limit=args.limit)
    if args.format == "json":
        print(json.dumps([e.as_dict() for e in entries], indent=2, ensure_ascii=False))
        return 0
    words = Messages()
    for e in entries:
        failed = f" ({', '.join(e.failed_criteria)})" if e.failed_criteria else ""
        print(f"{e.id:>6}  {e.screening_date}  {e.screening_number:<12} v{e.version}  {e.initials:<6} "
              f"{words.status(e.status)}{failed}")
    return 0


def summary_log(args: argparse.Namespace, context: Context) -> int:
    log_filter, words = _filter(args), Messages()
    counts = context.site.log.counts_by_status(log_filter)
    print(f"screenings: {sum(counts.values())}")
    for status in ScreeningStatus:
        if counts.get(status):
            print(f"  {words.status(status)}: {counts[status]}")
    reasons = context.site.log.failure_reasons(log_filter)
    if reasons:
        print("criteria not met by screen failures and ineligible screenings:")
        for criterion, n in reasons.items():
            print(f"  {criterion}: {n}")
    return 0


def export_log(args: argparse.Namespace, context: Context) -> int:
    if args.pdf:
        log_filter = replace(_filter(args), protocol_id=_protocol(args.protocol, context))
        person = context.desk.person.name  # a log printed for filing says who printed it
        pdf = context.site.sponsor_log_pdf(log_filter, args.lang, person)
        context.site.write_export(Path(args.pdf), pdf)
        print(f"wrote the screening and enrolment log to {args.pdf}")
        return 0
    words = Messages()
    outcome_words = {s.value: words.status(s) for s in ScreeningStatus}
    rows = context.site.export_log(Path(args.csv), _filter(args), outcome_words)
    print(f"wrote {rows} screenings to {args.csv}")
    return 0


def _protocol(given: str | None, context: Context) -> str:
    """The protocol a report is of: the one given, or the site's only one."""
    if given:
        return context.site.protocol(given).id
    used = context.site.log.protocols_used()
    if len(used) == 1:
        return used[0]
    raise Refused("protocol_needed", protocols=", ".join(used) or "—")


def consort_log(args: argparse.Namespace, context: Context) -> int:
    protocol_id = _protocol(args.protocol, context)
    if args.format != "json" and not args.output:
        raise Refused("output_needed", format=args.format)
    data = context.site.consort_file(protocol_id, args.format, args.lang, args.date_from, args.date_to)
    if args.output:
        context.site.write_export(Path(args.output), data)
        print(f"wrote the CONSORT {args.format} of {protocol_id} to {args.output}")
    else:
        sys.stdout.write(data.decode("utf-8"))
    return 0
