"""`trialdesk site init`, `user add|list|disable|enable|password`, `delegation add|end|list`."""

from __future__ import annotations

import argparse
from datetime import date

from trialdesk.cli.common import group
from trialdesk.cli.context import Context, read_secret
from trialdesk.domain.people import AccountStatus, Role, Task
from trialdesk.desk import Refused
from trialdesk.messages import Messages
from trialdesk.desk.site import shown


def _date(text: str) -> date:
    from trialdesk.domain.facts import to_date  # exactly YYYY-MM-DD: never 2026111799 or 2026-W47-2

    day = to_date(text)
    if day is None:
        raise argparse.ArgumentTypeError(f"{shown(text[:40])} is not a date (YYYY-MM-DD)")
    return day


def _tasks(text: str) -> frozenset[Task]:
    names = [t.strip() for t in text.split(",") if t.strip()]
    known = {t.value for t in Task}
    unknown = [n for n in names if n not in known]
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"expected tasks from {', '.join(sorted(known))}, separated by commas")
    return frozenset(Task(n) for n in names)


def add_commands(commands: argparse._SubParsersAction, site_actions: argparse._SubParsersAction | None = None) -> None:
    users = group(commands, "user", "the site's accounts: each person signs in as themselves")
    add = users.add_parser("add", help="add a person (site administrator)")
    add.add_argument("name", metavar="NAME", help="the person's full name, as it is printed on a signature")
    add.add_argument("--role", required=True, choices=[r.value for r in Role])
    add.add_argument("--new-password-file", required=True, metavar="FILE",
                     help="their first password (at least 10 characters; - for standard input)")
    add.set_defaults(run=user_add)
    users.add_parser("list", help="every account, its role and status").set_defaults(run=user_list)
    for action, status in (("disable", AccountStatus.DISABLED), ("enable", AccountStatus.ACTIVE)):
        change = users.add_parser(action, help=f"{action} an account (site administrator; audited)")
        change.add_argument("name", metavar="NAME")
        change.set_defaults(run=user_status, status=status)
    password = users.add_parser("password", help="change your own password")
    password.add_argument("--new-password-file", required=True, metavar="FILE",
                          help="the new password (at least 10 characters; - for standard input)")
    password.set_defaults(run=user_password)

    log = group(commands, "delegation", "the delegation log the principal investigator keeps")
    log.add_parser("list", help="every entry, history included").set_defaults(run=delegation_list)
    delegate = log.add_parser("add", help="delegate tasks to a person from a date (the principal investigator)")
    delegate.add_argument("name", metavar="NAME")
    delegate.add_argument("--tasks", required=True, type=_tasks, metavar="enter,sign",
                          help="enter: enter and complete screening data; sign: decide eligibility and sign "
                          "(investigators only)")
    delegate.add_argument("--from", dest="starts", required=True, type=_date, metavar="DATE", help="first day (YYYY-MM-DD)")
    delegate.add_argument("--to", dest="ends", type=_date, metavar="DATE", help="last day (default: until ended)")
    delegate.add_argument("--instruction", metavar="TEXT",
                          help="a site administrator records the PI's documented instruction here")
    delegate.set_defaults(run=delegation_add)
    end = log.add_parser("end", help="end a person's delegation on a date (the principal investigator)")
    end.add_argument("name", metavar="NAME")
    end.add_argument("--on", required=True, type=_date, metavar="DATE", help="the last day the delegation holds")
    end.add_argument("--instruction", metavar="TEXT")
    end.set_defaults(run=delegation_end)


def add_site_init(site_actions: argparse._SubParsersAction) -> None:
    init = site_actions.add_parser("init", help="start a new site with its first administrator (the password "
                                   "from the global --password-file, or asked twice at a terminal)")
    init.add_argument("--admin", required=True, metavar="NAME", help="the administrator's full name")
    init.set_defaults(run=site_init, creates_site=True)


def site_init(args: argparse.Namespace, context: Context) -> int:
    if not context.password_file and not context.site.needs_first_administrator():
        raise Refused("no_password")
    password = context.password(f"New password for {args.admin}: ")
    if context.password_file is None:
        if read_secret(None, "Again: ") != password:
            raise Refused("passwords_differ")
    desk = context.site.create_first_administrator(args.admin, password)
    print(f"site started: {desk.person.name} is its site administrator")
    return 0


def _new_password(file: str, prompt: str, context: Context) -> str:
    password = read_secret(file, prompt, used_stdin=context.used_stdin)
    if file is None and read_secret(None, "Again: ") != password:
        raise Refused("passwords_differ")
    return password


def user_add(args: argparse.Namespace, context: Context) -> int:
    desk = context.desk
    account = desk.add_user(args.name, Role(args.role), _new_password(args.new_password_file, "Their password: ", context))
    print(f"{account.name}: {Messages().role(account.role)}")
    return 0


def user_list(args: argparse.Namespace, context: Context) -> int:
    words = Messages()
    for account in context.site.accounts():
        print(f"{account.name}\t{words.role(account.role)}\t{account.status.value}")
    return 0


def user_status(args: argparse.Namespace, context: Context) -> int:
    context.desk.set_user_status(args.name, args.status)
    print(f"{args.name}: {args.status.value}")
    return 0


def user_password(args: argparse.Namespace, context: Context) -> int:
    desk = context.desk
    desk.change_password(context.signed_in_password, _new_password(args.new_password_file, "New password: ", context))
    print("password changed")
    return 0


def delegation_list(args: argparse.Namespace, context: Context) -> int:
    words = Messages()
    for entry in context.site.delegation_log():
        tasks = ", ".join(words.task(t) for t in sorted(entry.tasks))
        ends = entry.ends.isoformat() if entry.ends else "open"
        line = f"{entry.person}\t{tasks}\t{entry.starts.isoformat()} to {ends}\trecorded by {entry.recorded_by}"
        if entry.instruction:
            line += f" on the instruction: {entry.instruction}"
        if entry.ended_by:
            line += f"\tended by {entry.ended_by}"
        print(line)
    legacy = context.site.legacy_delegation()
    if legacy:
        print("recorded before named users (no authority):")
        for name, role, added_at, added_by, active in legacy:
            print(f"  {name}\t{words.role(role)}\tadded {added_at[:10]} by {added_by}{'' if active else ' (removed)'}")
    return 0


def delegation_add(args: argparse.Namespace, context: Context) -> int:
    entry = context.desk.delegate(args.name, args.tasks, args.starts, args.ends, args.instruction)
    print(f"{entry.person}: {', '.join(sorted(t.value for t in entry.tasks))} from {entry.starts.isoformat()}"
          + (f" to {entry.ends.isoformat()}" if entry.ends else ""))
    return 0


def delegation_end(args: argparse.Namespace, context: Context) -> int:
    entry = context.desk.end_delegation(args.name, args.on, args.instruction)
    print(f"{entry.person}: delegation ends on {args.on.isoformat()}")
    return 0
