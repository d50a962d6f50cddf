"""`trialdesk site|identity|complete|sign|verify|worksheet`: the two signatures, and the signed worksheet."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from trialdesk.cli.common import EXIT_BROKEN, EXIT_REFUSED, EXIT_SUPERSEDED, EXIT_UNCHECKED, group
from trialdesk.cli.context import Context, read_secret
from trialdesk.cli.people_cmd import add_site_init
from trialdesk.desk import Refused, storage_failure
from trialdesk.desk.site import shown
from trialdesk.domain.screening_numbers import PATTERN_SETTING
from trialdesk.i18n import languages
from trialdesk.messages import Messages
from trialdesk.private import write_whole
from trialdesk.session import local_now
from trialdesk.signoff import (
    BILINGUAL,
    BROKEN,
    SITE_FILE_SETTING,
    SUPERSEDED,
    UNCHECKED,
    check_worksheet,
    worksheet_words,
)
from trialdesk.worksheet.signing import IdentityError, open_identity


def add_commands(commands: argparse._SubParsersAction) -> None:
    site_actions = group(commands, "site", "the site: its first administrator, name, number and site-file folder")
    add_site_init(site_actions)
    site_actions.add_parser("show", help="print the site settings and who holds which delegation today"
                            ).set_defaults(run=site_show)
    site_set = site_actions.add_parser("set", help="change site settings (site administrator or PI; audited)")
    site_set.add_argument("--name")
    site_set.add_argument("--number")
    site_set.add_argument("--number-pattern", metavar="PATTERN",
                          help="how screening numbers are written, e.g. '{site}-{seq:03}' gives 01-001 (empty: free text)")
    site_set.add_argument("--site-file", metavar="DIR", help="where signed worksheets are filed")
    site_set.set_defaults(run=site_set_settings)

    sf_actions = group(commands, "site-file", "the signed worksheets filed in the site-file folder")
    sf_actions.add_parser("check", help="check every signed worksheet's copy in the site file against the one kept "
                          "in the database; file missing or damaged copies again (damaged ones are moved aside, never "
                          "deleted; audited; needs --user)").set_defaults(run=site_file_check)

    i_actions = group(commands, "identity", "your signing certificate (passphrase-protected PKCS#12), enrolled to you")
    create = i_actions.add_parser("create", help="make a key and certificate in your name, and enrol it to you")
    create.add_argument("-o", "--output", metavar="FILE.p12")
    create.add_argument("--passphrase-file", metavar="FILE",
                        help="read the new passphrase from FILE (at least 10 characters; a terminal is asked twice)")
    create.set_defaults(run=identity_create)
    imported = i_actions.add_parser("import", help="enrol an institution-issued certificate (RSA-2048+ or EC P-256+) to you")
    imported.add_argument("file", metavar="FILE.p12")
    imported.add_argument("--passphrase-file", metavar="FILE")
    imported.set_defaults(run=identity_import)
    i_actions.add_parser("list", help="the certificates enrolled at the site").set_defaults(run=identity_list)
    revoke = i_actions.add_parser("revoke", help="revoke an enrolled certificate (yours, or any as administrator)")
    revoke.add_argument("fingerprint", metavar="SHA256", help="the certificate's SHA-256, as identity list shows it")
    revoke.add_argument("--reason", required=True, metavar="TEXT")
    revoke.set_defaults(run=identity_revoke)

    complete = commands.add_parser("complete", help="sign as the person who completed a screening's data entry")
    complete.add_argument("screening", metavar="SCREENING")
    complete.add_argument("--meaning", help="the meaning of this signature (default: data entry completed and checked)")
    complete.set_defaults(run=complete_command)

    sign = commands.add_parser("sign", help="sign a screening's eligibility worksheet (PAdES) and lock the screening")
    sign.add_argument("screening", metavar="SCREENING")
    sign.add_argument("--identity", required=True, metavar="FILE.p12", help="your identity file (its certificate "
                      "must be enrolled to you)")
    sign.add_argument("--passphrase-file", metavar="FILE", help="its passphrase, from FILE (- for standard input; a "
                      "terminal is asked)")
    sign.add_argument("--meaning", help="the meaning of the signature (default: the investigator's eligibility decision)")
    sign.add_argument("--paper", choices=("a4", "letter"), default="a4")
    sign.add_argument("--lang", choices=(*languages(), BILINGUAL), default="en", help="the worksheet's language")
    sign.set_defaults(run=sign_command)

    verify = commands.add_parser("verify", help="prove a signed worksheet: intact, its pages from its data, signed by "
                                 "an enrolled, delegated investigator, the current version (exit 0, 3, 4 or 5)")
    verify.add_argument("file", metavar="FILE.pdf", help="the signed worksheet to check")
    verify.set_defaults(run=verify_command)

    worksheet = commands.add_parser("worksheet", help="write a screening's worksheet: signed, or a draft")
    worksheet.add_argument("screening", metavar="SCREENING")
    worksheet.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help="where to write it")
    worksheet.add_argument("--paper", choices=("a4", "letter"), default="a4")
    worksheet.add_argument("--lang", choices=(*languages(), BILINGUAL), default="en",
                           help="the draft's language (a signed worksheet is printed as it was signed)")
    worksheet.set_defaults(run=worksheet_command)


def read_passphrase(args: argparse.Namespace, context: Context, prompt: str = "Passphrase: ",
                    *, twice: bool = False) -> bytes:
    """From --passphrase-file (- for standard input), or asked without echo at a terminal. Never an argument."""
    text = read_secret(args.passphrase_file, prompt, used_stdin=context.used_stdin)
    if twice and args.passphrase_file is None and read_secret(None, "Again: ") != text:
        raise Refused("passwords_differ")
    return text.encode("utf-8")


def site_show(args: argparse.Namespace, context: Context) -> int:
    site, words = context.site, Messages()
    print(f"site name:    {site.site_setting('site_name') or '—'}")
    print(f"site number:  {site.site_setting('site_number') or '—'}")
    print(f"numbered as:  {site.site_setting(PATTERN_SETTING) or '— (free text)'}")
    print(f"site file:    {site.site_file_dir()}")
    today = local_now().date()
    print(f"delegation on {today.isoformat()}:")
    for entry in site.delegation_log():
        if entry.covers(today):
            print(f"  {entry.person} — {', '.join(words.task(t) for t in sorted(entry.tasks))}")
    return 0


def site_file_check(args: argparse.Namespace, context: Context) -> int:
    """Exit 0 when every signed worksheet kept in the database has its right copy in the site file at the
    end; 2 when a copy could not be filed again (the message says why)."""
    from trialdesk.desk.site import DAMAGED, MISSING

    desk, words = context.desk, Messages()
    folder = context.site.site_file_dir()
    copies = desk.check_site_file(words)
    print(f"site file: {shown(folder)}")
    for copy in copies:
        name = shown(copy.path.name)
        if copy.found == DAMAGED:
            found = "damaged (not the signed worksheet kept in the database)"
        elif copy.found == MISSING:
            found = "missing"
        else:
            print(f"  {name}: right")
            continue
        if copy.refiled:
            aside = f"; the damaged copy was moved aside to {shown(copy.moved_to.name)}" if copy.moved_to else ""
            print(f"  {name}: {found}: filed again from the database{aside}")
        else:
            aside = f" (the damaged copy is at {shown(copy.moved_to.name)})" if copy.moved_to else ""
            print(f"  {name}: {found}: could not be filed again{aside}: {copy.problem}", file=sys.stderr)
    wrong = [c for c in copies if not c.right]
    refiled = sum(1 for c in copies if c.refiled)
    print(f"{len(copies)} signed worksheet(s) kept in the database; {refiled} filed again; "
          f"{len(copies) - len(wrong)} right in the site file" + (f", {len(wrong)} still missing or damaged"
                                                                   if wrong else ""))
    return EXIT_REFUSED if wrong else 0


def site_set_settings(args: argparse.Namespace, context: Context) -> int:
    desk = context.desk
    for key, value in (("site_name", args.name), ("site_number", args.number), (SITE_FILE_SETTING, args.site_file),
                       (PATTERN_SETTING, args.number_pattern)):
        if value is not None:
            desk.set_site_setting(key, value)
    return site_show(args, context)


def _slug(name: str) -> str:
    return re.sub(r"[^\w.-]+", "_", name, flags=re.UNICODE).strip("_") or "identity"


def _identity_problem(where: str, error: IdentityError) -> int:
    print(f"trialdesk: {where}: {error}", file=sys.stderr)
    return EXIT_REFUSED


def identity_create(args: argparse.Namespace, context: Context) -> int:
    desk = context.desk
    target = Path(args.output) if args.output else context.settings.data_dir / "identities" / f"{_slug(desk.person.name)}.p12"
    passphrase = read_passphrase(args, context, "New passphrase: ", twice=True)
    enrolled = []

    def create(out) -> None:  # into the file's temporary copy: a certificate is enrolled only once it has a file
        data = desk.create_identity(passphrase, organisation=context.site.site_setting("site_name") or None)
        enrolled.append(True)
        out.write(data)

    try:  # written whole, never over an existing file
        write_whole(target, create)
    except FileExistsError:
        print(f"trialdesk: {shown(target)} exists already; choose another file with -o"
              + ("; the certificate just enrolled has no file: revoke it (identity list, identity revoke)"
                 if enrolled else ""), file=sys.stderr)
        return EXIT_REFUSED
    except IdentityError as error:
        return _identity_problem("identity", error)
    except OSError as error:
        failure = storage_failure(error, target.parent)
        why = words_for(failure) if failure else (error.strerror or str(error))
        outcome = ("the certificate just enrolled has no file: revoke it (identity list, identity revoke)"
                   if enrolled else "nothing was enrolled")
        print(f"trialdesk: {shown(target)} cannot be written ({why}); {outcome}", file=sys.stderr)
        return EXIT_REFUSED
    print(f"{desk.person.name}: certificate enrolled; identity file {target}")
    return 0


def words_for(failure) -> str:
    """A full or failing disk in words, without the outcome."""
    return Messages().t(f"disk.{failure.kind}", folder=str(failure.folder))


def identity_import(args: argparse.Namespace, context: Context) -> int:
    desk = context.desk
    data = Path(args.file).read_bytes()
    try:
        certificate = desk.import_identity(data, read_passphrase(args, context))
    except IdentityError as error:
        return _identity_problem(args.file, error)
    print(f"{certificate.person}: certificate {certificate.subject} enrolled (SHA-256 {certificate.fingerprint})")
    return 0


def identity_list(args: argparse.Namespace, context: Context) -> int:
    for c in context.site.certificates():
        state = f"revoked {c.revoked_at.date().isoformat()}: {c.revocation_reason}" if c.revoked_at else \
            f"valid to {c.not_after.date().isoformat()}"
        print(f"{c.person}\t{c.fingerprint}\t{c.source}\t{state}")
    return 0


def identity_revoke(args: argparse.Namespace, context: Context) -> int:
    context.desk.revoke_certificate(args.fingerprint.lower(), args.reason)
    print(f"certificate {args.fingerprint} revoked")
    return 0


def complete_command(args: argparse.Namespace, context: Context) -> int:
    session = context.session(args.screening)
    completion = context.desk.complete(session, context.signed_in_password, args.meaning)
    print(f"completed by {completion.name} at {completion.completed_at.isoformat(timespec='seconds')}")
    return 0


def sign_command(args: argparse.Namespace, context: Context) -> int:
    desk = context.desk
    session = context.session(args.screening)
    words, alt_words = worksheet_words(session.protocol, args.lang)
    try:
        identity = open_identity(Path(args.identity).read_bytes(), read_passphrase(args, context))
    except IdentityError as error:
        return _identity_problem(args.identity, error)
    signed = desk.sign(session, identity, context.signed_in_password, words, meaning=args.meaning, paper=args.paper,
                       alt_words=alt_words)
    print(f"signed by {desk.person.name}; screening {session.screening.subject.screening_number} is locked")
    if signed.path is not None:
        print(signed.path)
        return 0
    # the signature counts (it is kept in the database); the copy in the site file is missing: exit 2
    print(f"trialdesk: {signed.copy_missing(Messages())}", file=sys.stderr)
    return EXIT_REFUSED


def verify_command(args: argparse.Namespace, context: Context) -> int:
    """Exit 0 verified against the site's records; 3 broken, forged or not this site's; 4 intact but
    superseded by a later version; 5 intact on its own, with no site database to check it against."""
    from trialdesk.desk.site import read_worksheet, shown

    name = shown(args.file)
    try:
        pdf = read_worksheet(Path(args.file))
    except Refused as refused:
        print(f"trialdesk: {name}: cannot be read ({refused.params.get('error')})", file=sys.stderr)
        return EXIT_BROKEN
    with_database = context.settings.database_path.exists()
    try:
        check = context.site.check_worksheet(pdf) if with_database else check_worksheet(pdf, None)
    except Exception as error:  # a file made to break a check is a broken file, never exit 1
        print(f"trialdesk: {name}: BROKEN: the file could not be checked ({type(error).__name__})", file=sys.stderr)
        return EXIT_BROKEN
    file, content = check.file, check.file.content
    print(f"file:          {name}")
    if file.signed:
        print(f"signer:        {file.signer or '—'} (certificate SHA-256 {file.certificate_sha256 or '—'})")
        print(f"signing time:  {file.signing_time.isoformat() if file.signing_time else '—'}")
        print(f"certificate:   {'trusted' if file.trusted else 'not from a trusted authority (a personal certificate)'}")
    if content is not None:
        print(f"document:      {content.document_id} (screening id {content.screening_id}, version "
              f"{content.screening_version}; protocol file SHA-256 {content.protocol_sha256 or '—'})")
        print(f"content:       SHA-256 {file.digest}, recomputed from the embedded data; pages "
              f"{'rendered from it' if file.pages_match else 'NOT rendered from it'}")
        if content.audit_hash:
            print(f"audit trail:   entry {content.audit_seq}, SHA-256 {content.audit_hash} at signing")
    for note in file.notes:
        print(f"note:          {note}")
    for item in check.not_checked:
        print(f"not checked:   {item}")
    outcome = check.outcome
    for problem in check.all_problems:
        print(f"{name}: {problem}", file=sys.stderr)
    if outcome == BROKEN:
        print("result:        BROKEN: do not rely on this worksheet", file=sys.stderr)
        return EXIT_BROKEN
    if outcome == SUPERSEDED:
        print(f"result:        intact and signed by this site, but SUPERSEDED by version {check.superseded_by}")
        return EXIT_SUPERSEDED
    if outcome == UNCHECKED:
        print("result:        intact on its own; not checked against a site database")
        return EXIT_UNCHECKED
    print("result:        verified: intact, signed by an enrolled, delegated investigator, the site's current version")
    return 0


def worksheet_command(args: argparse.Namespace, context: Context) -> int:
    session = context.view(args.screening)
    documents = context.site.documents(session.screening.id)
    if documents:
        data, kind = documents[-1].pdf, "signed"
    else:
        words, alt_words = worksheet_words(session.protocol, args.lang)
        data, kind = context.site.draft_pdf(session, words, args.paper, alt_words), "draft (not signed)"
    write_whole(context.site.check_export_target(Path(args.output)), data, replace=True)
    print(f"{args.output}: {kind}")
    return 0
