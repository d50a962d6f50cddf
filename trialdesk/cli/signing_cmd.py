"""`trialdesk site|delegation|identity|sign|verify|worksheet`: who may sign, and the signed worksheet."""

from __future__ import annotations

import argparse
import getpass
import re
import sys
from pathlib import Path

from trialdesk.cli.common import EXIT_BROKEN, EXIT_REFUSED, group
from trialdesk.cli.context import Context
from trialdesk.messages import Messages
from trialdesk.persistence.screening_store import ROLES
from trialdesk.session import local_now
from trialdesk.i18n import languages
from trialdesk.signoff import (
    BILINGUAL,
    SITE_FILE_SETTING,
    check_worksheet,
    draft_worksheet,
    sign_screening,
    site_file_dir,
    worksheet_words,
    write_private,
)
from trialdesk.worksheet.signing import IdentityError, create_identity, open_identity


def add_commands(commands: argparse._SubParsersAction) -> None:
    site_actions = group(commands, "site", "the site's name, number and site-file folder")
    site_actions.add_parser("show", help="print the site settings and the delegation list").set_defaults(run=site_show)
    site_set = site_actions.add_parser("set", help="change site settings (audited)")
    site_set.add_argument("--name")
    site_set.add_argument("--number")
    site_set.add_argument("--site-file", metavar="DIR", help="where signed worksheets are filed")
    site_set.add_argument("--by", metavar="NAME")
    site_set.set_defaults(run=site_set_settings)

    d_actions = group(commands, "delegation", "the site's delegation list (who may enter, who may sign)")
    d_actions.add_parser("list").set_defaults(run=delegation_list)
    add = d_actions.add_parser("add", help="add a person, or change their role")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--by", metavar="NAME")
    add.set_defaults(run=delegation_add)
    remove = d_actions.add_parser("remove", help="take a person off the list")
    remove.add_argument("name")
    remove.add_argument("--by", metavar="NAME")
    remove.set_defaults(run=delegation_remove)

    i_actions = group(commands, "identity", "personal signing identities (passphrase-protected PKCS#12)")
    create = i_actions.add_parser("create", help="make a personal certificate (EC P-256) for someone on the list")
    create.add_argument("--name", required=True)
    create.add_argument("--role", required=True, choices=ROLES)
    create.add_argument("-o", "--output", metavar="FILE.p12")
    create.add_argument("--passphrase-file", metavar="FILE", help="read the passphrase from FILE (else from standard input)")
    create.set_defaults(run=identity_create)
    imported = i_actions.add_parser("import", help="take an institution-issued identity (RSA or EC)")
    imported.add_argument("file", metavar="FILE.p12")
    imported.add_argument("--passphrase-file", metavar="FILE")
    imported.set_defaults(run=identity_import)

    sign = commands.add_parser("sign", help="sign a screening's eligibility worksheet (PAdES) and lock the screening")
    sign.add_argument("screening", metavar="SCREENING")
    sign.add_argument("--identity", required=True, metavar="FILE.p12")
    sign.add_argument("--passphrase-file", metavar="FILE")
    sign.add_argument("--meaning", help="the meaning of the signature (default: the investigator's eligibility decision)")
    sign.add_argument("--paper", choices=("a4", "letter"), default="a4")
    sign.add_argument("--lang", choices=(*languages(), BILINGUAL), default="en", help="the worksheet's language")
    sign.set_defaults(run=sign_command)

    verify = commands.add_parser("verify", help="check a signed worksheet: signer, time, intact, matches the database")
    verify.add_argument("file", metavar="FILE.pdf")
    verify.set_defaults(run=verify_command)

    worksheet = commands.add_parser("worksheet", help="write a screening's worksheet: signed, or a draft")
    worksheet.add_argument("screening", metavar="SCREENING")
    worksheet.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    worksheet.add_argument("--paper", choices=("a4", "letter"), default="a4")
    worksheet.add_argument("--lang", choices=(*languages(), BILINGUAL), default="en",
                           help="the draft's language (a signed worksheet is printed as it was signed)")
    worksheet.set_defaults(run=worksheet_command)


def read_passphrase(args: argparse.Namespace, prompt: str = "Passphrase: ") -> bytes:
    """From --passphrase-file, or standard input (asked without echo at a terminal). Never an argument."""
    if args.passphrase_file:
        text = Path(args.passphrase_file).read_text(encoding="utf-8")
    elif sys.stdin is not None and sys.stdin.isatty():
        text = getpass.getpass(prompt)
    else:
        text = sys.stdin.readline() if sys.stdin is not None else ""
    return text.rstrip("\r\n").encode("utf-8")


def site_show(args: argparse.Namespace, context: Context) -> int:
    store, words = context.store, Messages()
    print(f"site name:    {store.site_setting('site_name') or '—'}")
    print(f"site number:  {store.site_setting('site_number') or '—'}")
    print(f"site file:    {site_file_dir(store, context.settings.data_dir)}")
    print("delegation list:")
    for delegate in store.delegation():
        print(f"  {delegate.name} — {words.role(delegate.role)} (since {delegate.since.date().isoformat()})")
    return 0


def site_set_settings(args: argparse.Namespace, context: Context) -> int:
    for key, value in (("site_name", args.name), ("site_number", args.number), (SITE_FILE_SETTING, args.site_file)):
        if value is not None:
            context.store.set_site_setting(key, value, actor=context.actor, at=local_now())
    return site_show(args, context)


def delegation_list(args: argparse.Namespace, context: Context) -> int:
    words = Messages()
    for delegate in context.store.delegation():
        print(f"{delegate.name}\t{words.role(delegate.role)}")
    return 0


def delegation_add(args: argparse.Namespace, context: Context) -> int:
    context.store.delegate(args.name, args.role, actor=context.actor, at=local_now())
    print(f"{args.name}: {Messages().role(args.role)}")
    return 0


def delegation_remove(args: argparse.Namespace, context: Context) -> int:
    context.store.undelegate(args.name, actor=context.actor, at=local_now())
    print(f"{args.name} is off the delegation list")
    return 0


def _slug(name: str) -> str:
    return re.sub(r"[^\w.-]+", "_", name, flags=re.UNICODE).strip("_") or "identity"


def identity_create(args: argparse.Namespace, context: Context) -> int:
    passphrase = read_passphrase(args, "New passphrase: ")
    try:
        data = create_identity(args.name, args.role, passphrase, organisation=context.store.site_setting("site_name") or None)
    except IdentityError as error:
        print(f"trialdesk: {error}", file=sys.stderr)
        return EXIT_REFUSED
    target = Path(args.output) if args.output else context.settings.data_dir / "identities" / f"{_slug(args.name)}.p12"
    if target.exists():
        print(f"trialdesk: {target} exists already; choose another file with -o", file=sys.stderr)
        return EXIT_REFUSED
    write_private(target, data)
    print(target)
    return 0


def identity_import(args: argparse.Namespace, context: Context) -> int:
    data = Path(args.file).read_bytes()
    try:
        identity = open_identity(data, read_passphrase(args))
    except IdentityError as error:
        print(f"trialdesk: {args.file}: {error}", file=sys.stderr)
        return EXIT_REFUSED
    target = context.settings.data_dir / "identities" / f"{_slug(identity.name)}.p12"
    write_private(target, data)
    print(f"{identity.name}: {target}")
    return 0


def sign_command(args: argparse.Namespace, context: Context) -> int:
    session = context.session(args.screening)
    words, alt_words = worksheet_words(session.protocol, args.lang)
    try:
        identity = open_identity(Path(args.identity).read_bytes(), read_passphrase(args))
    except IdentityError as error:
        print(f"trialdesk: {args.identity}: {error}", file=sys.stderr)
        return EXIT_REFUSED
    signed = sign_screening(context.store, session, identity, words, at=local_now(),
                            folder=site_file_dir(context.store, context.settings.data_dir),
                            meaning=args.meaning, paper=args.paper, alt_words=alt_words)
    print(f"signed by {identity.name}; screening {session.screening.subject.screening_number} is locked")
    if signed.path is not None:
        print(signed.path)
    else:
        print(f"trialdesk: kept in the database, but the file could not be written: {signed.file_problem}", file=sys.stderr)
    return 0


def verify_command(args: argparse.Namespace, context: Context) -> int:
    pdf = Path(args.file).read_bytes()
    check = check_worksheet(pdf, context.store if context.settings.database_path.exists() else None)
    v = check.signature
    if not v.signed:
        print(f"{args.file}: NOT SIGNED ({v.problem})", file=sys.stderr)
        return EXIT_BROKEN
    print(f"signer:        {v.signer}")
    print(f"signing time:  {v.signing_time.isoformat() if v.signing_time else '—'}")
    print(f"document:      {v.document_id or '—'}")
    print(f"content hash:  {v.content_digest or '—'}")
    intact = v.unbroken
    print(f"integrity:     {'intact: no byte changed since signing' if intact else 'BROKEN: the file was changed after signing'}")
    print(f"certificate:   {'trusted' if v.trusted else 'not from a trusted authority (a personal certificate)'}")
    if check.matches_database:
        same = "the same file as the one kept" if check.same_file else "content matches, file differs from the one kept"
        print(f"database:      matches screening id {check.screening_id} ({same})")
    else:
        print("database:      no signed worksheet with this content in this site database")
    return 0 if intact else EXIT_BROKEN


def worksheet_command(args: argparse.Namespace, context: Context) -> int:
    session = context.session(args.screening)
    documents = context.store.documents(session.screening.id)
    if documents:
        data, kind = documents[-1].pdf, "signed"
    else:
        words, alt_words = worksheet_words(session.protocol, args.lang)
        data, kind = draft_worksheet(context.store, session, words, args.paper, alt_words).pdf, "draft (not signed)"
    write_private(Path(args.output), data)
    print(f"{args.output}: {kind}")
    return 0
