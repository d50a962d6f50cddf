"""`trialdesk edc ie|redcap-dictionary|redcap-records`: the screening results for the sponsor's EDC.

Reading only: no sign-in. Each file is written whole or not at all, never over an existing file
unless --replace is given, and never onto the site's own records.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from trialdesk.cli.common import EXIT_REFUSED, group
from trialdesk.cli.context import Context


def add_commands(commands: argparse._SubParsersAction) -> None:
    from trialdesk.cli.main import iso_date  # the one date parser of the command line

    actions = group(commands, "edc", "screening results for the sponsor's EDC: CDISC CDASH IE (CSV, ODM), REDCap")

    def common(parser: argparse.ArgumentParser, dates: bool = True) -> None:
        parser.add_argument("--protocol", required=True, metavar="ID")
        if dates:
            parser.add_argument("--from", dest="date_from", type=iso_date, metavar="DATE",
                                help="screenings dated on or after DATE")
            parser.add_argument("--to", dest="date_to", type=iso_date, metavar="DATE",
                                help="screenings dated on or before DATE")
        parser.add_argument("-o", "--output", required=True, metavar="FILE")
        parser.add_argument("--replace", action="store_true", help="write over FILE if it exists")

    ie = actions.add_parser("ie", help="the CDASH IE records: one per criterion not met, and whether all were met")
    common(ie)
    ie.add_argument("--format", choices=("csv", "odm"), default="csv", help="CSV, or CDISC ODM 1.3.2 XML")
    ie.set_defaults(run=export_ie)
    dictionary = actions.add_parser("redcap-dictionary",
                                    help="the REDCap data dictionary of an eligibility instrument for the protocol")
    common(dictionary, dates=False)
    dictionary.set_defaults(run=export_dictionary)
    records = actions.add_parser("redcap-records", help="the screenings as records for that instrument (CSV)")
    common(records)
    records.set_defaults(run=export_records)


def _words():
    from trialdesk.messages.edc import EdcWords

    return EdcWords()


def _exports(args: argparse.Namespace, context: Context):
    from trialdesk.desk.edc import EdcExports

    return EdcExports(context.site, args.protocol)


def _run(args: argparse.Namespace, what: str, write) -> int:
    words = _words()
    date_from, date_to = getattr(args, "date_from", None), getattr(args, "date_to", None)
    if date_from and date_to and date_from > date_to:
        print(f"trialdesk: {words.bad_range(date_from.isoformat(), date_to.isoformat())}", file=sys.stderr)
        return EXIT_REFUSED
    try:
        count = write()
    except FileExistsError:
        print(f"trialdesk: {words.file_exists(args.output)}", file=sys.stderr)
        return EXIT_REFUSED
    print(words.wrote(what, count, args.protocol, args.output))
    return 0


def export_ie(args: argparse.Namespace, context: Context) -> int:
    exports = _exports(args, context)
    return _run(args, "ie", lambda: exports.write_ie(Path(args.output), args.format, date_from=args.date_from,
                                                      date_to=args.date_to, replace=args.replace))


def export_dictionary(args: argparse.Namespace, context: Context) -> int:
    exports = _exports(args, context)
    return _run(args, "dictionary", lambda: exports.write_redcap_dictionary(Path(args.output), replace=args.replace))


def export_records(args: argparse.Namespace, context: Context) -> int:
    exports = _exports(args, context)
    return _run(args, "records", lambda: exports.write_redcap_records(
        Path(args.output), date_from=args.date_from, date_to=args.date_to, replace=args.replace))
