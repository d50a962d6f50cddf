"""`trialdesk screening new|set|show|note|fail|correct|enrol|not-enrolled|rescreen|attempts`: the session API
and the screening pipeline from the command line."""

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


def add_commands(commands: argparse._SubParsersAction, iso_date) -> None:
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

    enrol = actions.add_parser("enrol", help="record that a signed eligible subject was enrolled (randomised)")
    enrol.add_argument("screening", metavar="SCREENING")
    enrol.add_argument("--number", required=True, metavar="NUMBER", help="the randomisation (or enrolment) number")
    enrol.add_argument("--on", type=iso_date, metavar="DATE", help="the date enrolled (default: today)")
    enrol.add_argument("--change-reason", metavar="TEXT", help="required when an outcome is recorded already")
    enrol.set_defaults(run=record_enrolment, enrolled=True)
    not_enrolled = actions.add_parser("not-enrolled", help="record that the subject was not enrolled, and why")
    not_enrolled.add_argument("screening", metavar="SCREENING")
    not_enrolled.add_argument("--reason", required=True, choices=NOT_ENROLLED_REASONS)
    not_enrolled.add_argument("--text", metavar="TEXT", help='the words of the reason (required with "other")')
    not_enrolled.add_argument("--on", type=iso_date, metavar="DATE", help="the date (default: today)")
    not_enrolled.add_argument("--change-reason", metavar="TEXT", help="required when an outcome is recorded already")
    not_enrolled.set_defaults(run=record_enrolment, enrolled=False)

    rescreen = actions.add_parser("rescreen", help="screen a subject again: a new attempt linked to the earlier ones")
    rescreen.add_argument("screening", metavar="SCREENING", help="any attempt of the subject")
    rescreen.add_argument("--consent-date", required=True, type=iso_date, metavar="DATE")
    rescreen.add_argument("--consent-version", required=True, metavar="TEXT")
    rescreen.add_argument("--number", metavar="NUMBER", help="the new attempt's screening number (default: the "
                          "site pattern's next)")
    rescreen.add_argument("--on", type=iso_date, metavar="DATE", help="the screening date (default: today)")
    rescreen.add_argument("--facts", metavar="FACTS.json", help="answers known already (its subject block is not read)")
    rescreen.add_argument("--confirm", action="store_true", help="confirm answers the protocol finds unusual (audited)")
    rescreen.set_defaults(run=rescreen_subject)
    attempts = actions.add_parser("attempts", help="list every screening attempt of the subject")
    attempts.add_argument("screening", metavar="SCREENING")
    attempts.set_defaults(run=list_attempts)


NOT_ENROLLED_REASONS = ("declined", "not_approached", "withdrew_consent", "lost", "other")


def record_enrolment(args: argparse.Namespace, context: Context) -> int:
    desk, words = context.desk, Messages()
    on = args.on or desk.clock().date()
    enrolment = desk.record_enrolment(args.screening, enrolled=args.enrolled, on=on,
                                      number=getattr(args, "number", None), reason=getattr(args, "reason", None),
                                      text=getattr(args, "text", None), change_reason=args.change_reason)
    print(f"recorded: {words.enrolment(enrolment)}")
    return 0


def rescreen_subject(args: argparse.Namespace, context: Context) -> int:
    desk = context.desk
    answers: dict = {}
    path = Path(args.facts) if args.facts else None
    if path is not None:
        answers = read_facts(path, None).facts
    values = {"screening_number": args.number, "consent_date": args.consent_date.isoformat(),
              "consent_version": args.consent_version,
              "screening_date": (args.on or desk.clock().date()).isoformat()}
    earlier = context.site.screening(args.screening)
    words = Messages(context.site.screening_protocol(earlier))
    session = _entered(words, path, lambda: desk.rescreen(earlier.id, values, answers, confirmed=args.confirm))
    if session is None:
        return EXIT_REFUSED
    s = session.screening
    print(f"screening number {s.subject.screening_number}, attempt {s.attempt}", file=sys.stderr)
    print(s.id)
    return 0


def list_attempts(args: argparse.Namespace, context: Context) -> int:
    words = Messages()
    for attempt, sid, number, status in context.site.attempts(context.site.screening(args.screening).id):
        print(f"attempt {attempt}: {number} (id {sid}) {words.status(status)}")
    return 0


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
    session = _entered(Messages(protocol), path, lambda: desk.start_screening(protocol, subject, answers, site=args.site,
                                                                             confirmed=args.confirm))
    if session is None:
        return EXIT_REFUSED
    if not str(subject.get("screening_number") or "").strip():  # given by the site's pattern: said, not guessed
        print(f"screening number {session.screening.subject.screening_number}", file=sys.stderr)
    print(session.screening.id)
    return 0


def set_answer(args: argparse.Namespace, context: Context) -> int:
    session = context.session(args.screening)
    words = Messages(session.protocol)
    change = _entered(words, None, lambda: session.record_fact(args.fact, parse_value(args.value, args.fact),
                                                              reason=args.reason, confirmed=args.confirm))
    if change is None:
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
        attempt=s.attempt, rescreen_of=s.rescreen_of, prescreen=s.prescreen_id, stage=session.stage.value,
        enrolment=None if session.enrolment is None else {
            "enrolled": session.enrolment.enrolled, "on": session.enrolment.on.isoformat(),
            "number": session.enrolment.number,
            "reason": session.enrolment.reason.value if session.enrolment.reason else None,
            "text": session.enrolment.text},
    )
    return json.dumps(data, indent=2, ensure_ascii=False)


def screening_text(session: ScreeningSession) -> str:
    s, words = session.screening, Messages(session.protocol)
    subject = s.subject
    lines = [
        f"screening {subject.screening_number} (id {s.id}, version {s.version}"
        + (f", corrects id {s.supersedes}: {s.correction_reason}" if s.supersedes else "") + ")",
        f"status: {words.status(s.status)}" + (f" — {s.screen_failure_reason}" if s.screen_failure_reason else ""),
        f"stage: {words.stage(session.stage)}" + (f"; {words.enrolment(session.enrolment)}" if session.enrolment else "")
        + (f"; attempt {s.attempt} (re-screening of id {s.rescreen_of})" if s.rescreen_of else ""),
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


def _entered(words: Messages, path: Path | None, enter):
    """What `enter()` returns, or None once its refused answers (or those to be confirmed) are said."""
    try:
        return enter()
    except FactsInvalid as invalid:
        _problems(words, path, invalid)
    except NeedsConfirmation as unusual:
        _unconfirmed(words, unusual)
    return None


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
