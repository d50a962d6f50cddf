"""`trialdesk screening new|set|show|note|fail|correct`: the session API from the command line."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from trialdesk.cli.common import EXIT_REFUSED, group
from trialdesk.cli.context import Context
from trialdesk.cli.evaluate_cmd import report_json, report_text
from trialdesk.cli.facts_file import read_facts
from trialdesk.cli.typed_values import MAX_VALUE, parse_value  # noqa: F401 (MAX_VALUE: its limit, named here too)
from trialdesk.domain.errors import FactsInvalid, NeedsConfirmation
from trialdesk.domain.screening import SUBJECT_FIELDS
from trialdesk.messages import Messages
from trialdesk.session import ScreeningSession


def add_commands(commands: argparse._SubParsersAction) -> None:
    actions = group(commands, "screening", "create, change and show screenings in the site database")

    new = actions.add_parser("new", help="create a screening from a facts file; prints its id")
    new.add_argument("--protocol", required=True, metavar="ID_OR_FILE")
    new.add_argument("--facts", required=True, metavar="FACTS.json", help="with a \"subject\" block (see README)")
    new.add_argument("--site", default=None, help="site number (default: the site settings')")
    new.add_argument("--confirm", action="store_true",
                     help="confirm the answers the protocol finds unusual (each confirmation is audited)")
    new.set_defaults(run=new_screening)

    change = actions.add_parser("set", help="record one answer (a reason is required when it replaces an earlier one)")
    change.add_argument("screening", metavar="SCREENING", help="its id, or its screening number")
    change.add_argument("fact", metavar="FACT")
    change.add_argument(
        "value", metavar="VALUE",
        help='85 or 8,5 (a number), "85 g/L" (with its unit), 2026-11-01, yes/no/unknown, none, an option id, '
        'a JSON list or object (medications, joints), or "" to clear (see README)',
    )
    change.add_argument("--reason", metavar="TEXT")
    change.add_argument("--confirm", action="store_true",
                        help="confirm a value the protocol finds unusual (outside its usual range); audited")
    change.set_defaults(run=set_answer)

    show = actions.add_parser("show", help="print a screening with its evaluation")
    show.add_argument("screening", metavar="SCREENING")
    show.add_argument("--format", choices=("text", "json"), default="text")
    show.set_defaults(run=show_screening)

    note = actions.add_parser("note", help="record the source-document note of one criterion")
    note.add_argument("screening", metavar="SCREENING")
    note.add_argument("criterion", metavar="CRITERION")
    note.add_argument("text", metavar="TEXT")
    note.add_argument("--reason", metavar="TEXT")
    note.set_defaults(run=set_note)

    fail = actions.add_parser("fail", help="record a screen failure with its reason")
    fail.add_argument("screening", metavar="SCREENING")
    fail.add_argument("--reason", required=True, metavar="TEXT")
    fail.set_defaults(run=screen_failure)

    correct = actions.add_parser("correct", help="open a new version of a signed screening, citing it")
    correct.add_argument("screening", metavar="SCREENING")
    correct.add_argument("--reason", required=True, metavar="TEXT")
    correct.set_defaults(run=correct_screening)


def new_screening(args: argparse.Namespace, context: Context) -> int:
    desk = context.desk
    if Path(args.protocol).is_file():
        protocol = context.site.add_protocol_file(Path(args.protocol))
    else:
        protocol = context.protocol(args.protocol)
    path = Path(args.facts)
    read = read_facts(path, None)
    answers, on = read.facts, read.on
    subject = {k: v for k, v in read.subject.items() if k in SUBJECT_FIELDS}
    subject.setdefault("screening_date", on.isoformat())
    try:
        session = desk.start_screening(protocol, subject, answers, site=args.site, confirmed=args.confirm)
    except FactsInvalid as invalid:
        _problems(Messages(protocol), path, invalid)
        return EXIT_REFUSED
    except NeedsConfirmation as unusual:
        _unconfirmed(Messages(protocol), unusual)
        return EXIT_REFUSED
    if not str(subject.get("screening_number") or "").strip():  # given by the site's pattern: said, not guessed
        print(f"screening number {session.screening.subject.screening_number}", file=sys.stderr)
    print(session.screening.id)
    return 0


def set_answer(args: argparse.Namespace, context: Context) -> int:
    session = context.session(args.screening)
    words = Messages(session.protocol)
    try:
        change = session.record_fact(args.fact, parse_value(args.value, args.fact), reason=args.reason,
                                     confirmed=args.confirm)
    except FactsInvalid as invalid:
        _problems(words, None, invalid)
        return EXIT_REFUSED
    except NeedsConfirmation as unusual:
        _unconfirmed(words, unusual)
        return EXIT_REFUSED
    print(f"saved; overall {words.overall(change.report.overall)}")
    for criterion_id in change.changed:
        print(f"  {words.effect(change.report.result(criterion_id))}")
    return 0


def show_screening(args: argparse.Namespace, context: Context) -> int:
    session = context.view(args.screening)
    print(screening_json(session) if args.format == "json" else screening_text(session))
    return 0


def set_note(args: argparse.Namespace, context: Context) -> int:
    session = context.session(args.screening)
    if args.criterion not in {c.id for c in session.protocol.criteria}:
        print(f"trialdesk: {args.criterion} is not a criterion of {session.protocol.id}", file=sys.stderr)
        return EXIT_REFUSED
    session.set_note(args.criterion, args.text, reason=args.reason)
    print("saved")
    return 0


def screen_failure(args: argparse.Namespace, context: Context) -> int:
    context.session(args.screening).record_screen_failure(args.reason)
    print("screen failure recorded")
    return 0


def correct_screening(args: argparse.Namespace, context: Context) -> int:
    corrected = context.session(args.screening).correct(args.reason)
    print(corrected.screening.id)
    return 0


def screening_json(session: ScreeningSession) -> str:
    s = session.screening
    words = Messages(session.protocol)
    data = json.loads(report_json(session.report, words))
    data.update(
        id=s.id, version=s.version, supersedes=s.supersedes, site=s.site, status=s.status.value,
        subject=s.subject.model_dump(mode="json"), answers=s.answers, notes=s.notes,
        screen_failure_reason=s.screen_failure_reason, correction_reason=s.correction_reason,
        protocol_amendment=session.protocol.amendment, protocol_sha256=s.protocol_sha256,
    )
    return json.dumps(data, indent=2, ensure_ascii=False)


def screening_text(session: ScreeningSession) -> str:
    s, words = session.screening, Messages(session.protocol)
    subject = s.subject
    lines = [
        f"screening {subject.screening_number} (id {s.id}, version {s.version}"
        + (f", corrects id {s.supersedes}: {s.correction_reason}" if s.supersedes else "") + ")",
        f"status: {words.status(s.status)}" + (f" — {s.screen_failure_reason}" if s.screen_failure_reason else ""),
        protocol_line(session),
        f"subject: {subject.initials}, born {subject.date_of_birth}, {subject.sex}; consent {subject.consent_date} "
        f"(form {subject.consent_version})",
        report_text(session.report, session.protocol, words),
    ]
    if s.notes:
        lines.append("\nsource documents:")
        lines.extend(f"  {criterion}: {note}" for criterion, note in sorted(s.notes.items()))
    return "\n".join(lines)


def protocol_line(session: ScreeningSession) -> str:
    """The protocol version a screening is under, and the SHA-256 of the file it started under."""
    protocol, sha256 = session.protocol, session.screening.protocol_sha256
    amendment = f" ({protocol.amendment})" if protocol.amendment else ""
    return (f"protocol: {protocol.id} version {protocol.version}{amendment}; file SHA-256 "
            f"{sha256 or 'not recorded (started before trialdesk stored it)'}")


def _unconfirmed(words: Messages, unusual: NeedsConfirmation) -> None:
    print("trialdesk: not saved: unusual, to be confirmed:", file=sys.stderr)
    for warning in unusual.warnings:
        print(f"  {words.problem(warning)}", file=sys.stderr)
    print("  check the source document; if it says so, run the command again with --confirm "
          "(the confirmation is recorded in the audit trail)", file=sys.stderr)


def _problems(words: Messages, path: Path | None, invalid: FactsInvalid) -> None:
    if path is not None:
        print(f"{path}: refused:", file=sys.stderr)
    for problem in invalid.problems:
        print(f"  {words.problem(problem)}", file=sys.stderr)
