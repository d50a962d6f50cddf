"""The investigator's sign-off: the worksheet of a screening, drafted or signed, and verified.

The site service (`trialdesk.desk`) has already checked who signs: their password, their
enrolled certificate and their delegation on the signing date. Signing here checks that the
screening is decided, renders the worksheet with both signature manifestations (completed
by, signed by), signs it (PAdES), and keeps it with the screening as the screening is
locked, in one transaction. The file also goes to the site-file folder under a predictable name.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from trialdesk import __version__
from trialdesk.domain.people import DelegationEntry
from trialdesk.domain.verdict import Overall
from trialdesk.messages import Messages
from trialdesk.private import write_whole
from trialdesk.persistence.people_store import Completion, PeopleStore
from trialdesk.persistence.screening_store import ScreeningStore, SignedDocument, StoreError
from trialdesk.session import ScreeningSession
from trialdesk.worksheet.content import (
    CompletionMark,
    Signature,
    WorksheetContent,
    build_content,
    default_meaning,
    entry_marks,
)
from trialdesk.worksheet.render import RenderedWorksheet, render_worksheet
from trialdesk.worksheet.signing import Identity, sign_pdf
from trialdesk.worksheet.verification import FileCheck, check_file

SITE_FILE_SETTING = "site_file_dir"


BILINGUAL = "bilingual"


def worksheet_words(protocol, lang: str) -> tuple[Messages, Messages | None]:
    """The worksheet's language, and its second language: `bilingual` is Chinese with English beside it."""
    if lang == BILINGUAL:
        return Messages(protocol, "zh_CN"), Messages(protocol, "en")
    return Messages(protocol, lang), None


def _completion_mark(completion: Completion | None, words: Messages) -> CompletionMark | None:
    if completion is None:
        return None
    return CompletionMark(name=completion.name, role=completion.role, completed_at=completion.completed_at,
                          meaning=completion.meaning)


def worksheet_content(store: ScreeningStore, session: ScreeningSession, words: Messages,
                      signature: Signature | None = None, alt_words: Messages | None = None,
                      completion: Completion | None = None, paper: str = "a4",
                      evidence: tuple[str, int, str] | None = None) -> WorksheetContent:
    return build_content(
        session.protocol, session.screening, session.report, words,
        site_name=store.site_setting("site_name"), site_number=store.site_setting("site_number"),
        program_version=__version__, signature=signature, alt_words=alt_words,
        completion=_completion_mark(completion, words),
        entered=entry_marks(store.entries(session.screening.id), session.protocol, words),
        paper=paper, evidence=evidence,
    )


def draft_worksheet(store: ScreeningStore, session: ScreeningSession, words: Messages, paper: str = "a4",
                    alt_words: Messages | None = None, completion: Completion | None = None) -> RenderedWorksheet:
    """The worksheet as it stands, unsigned: every page carries the draft watermark."""
    return render_worksheet(worksheet_content(store, session, words, alt_words=alt_words, completion=completion,
                                              paper=paper), words)


@dataclass(frozen=True, slots=True)
class SignerAuthority:
    """Who signs, as the site service established it: the account, its role, its delegation entry."""

    name: str
    role: str
    delegation: DelegationEntry


def check_decided(session: ScreeningSession) -> None:
    """Only a decided, unlocked screening is signed; raises StoreError saying why not."""
    if session.locked:
        raise StoreError("locked", status=session.screening.status.value)
    if session.report.overall is Overall.INCOMPLETE:
        raise StoreError("incomplete")
    if session.screening.status.value == "screen_failure":
        raise StoreError("screen_failure_recorded", reason=session.screening.screen_failure_reason or "")


def delegation_text(entry: DelegationEntry, words: Messages) -> str:
    tasks = ", ".join(words.task(t.value) for t in sorted(entry.tasks))
    ends = entry.ends.isoformat() if entry.ends else words.t("ws.delegation_open")
    return words.t("ws.delegation_entry", tasks=tasks, starts=entry.starts.isoformat(), ends=ends,
                   recorded_by=entry.recorded_by, recorded_at=entry.recorded_at.date().isoformat())


@dataclass(frozen=True, slots=True)
class SignedWorksheet:
    """A signature made and kept in the database; `path` is its copy in the site file, None when
    that copy could not be written (`file_error` says why; `trialdesk site-file check` re-files it)."""

    document: SignedDocument
    path: Path | None
    file_problem: str | None = None
    file_error: OSError | None = None
    folder: Path | None = None

    def copy_missing(self, words: Messages) -> str | None:
        """The sentence saying the screening is signed but its site-file copy is missing; None when filed."""
        if self.path is not None:
            return None
        from trialdesk.persistence.storage_errors import write_problem

        problem = write_problem(words, self.file_error, self.folder) if self.file_error is not None else \
            (self.file_problem or "")
        return words.t("signed.copy_missing", problem=problem)


def site_file_dir(store: ScreeningStore, data_dir: Path) -> Path:
    configured = store.site_setting(SITE_FILE_SETTING)
    return Path(configured) if configured else data_dir / "site-file"


def sign_screening(
    store: ScreeningStore,
    session: ScreeningSession,
    identity: Identity,
    words: Messages,
    *,
    authority: SignerAuthority,
    completion: Completion,
    protocol_sha256: str | None,
    at: datetime,
    folder: Path,
    meaning: str | None = None,
    paper: str = "a4",
    alt_words: Messages | None = None,
) -> SignedWorksheet:
    """Sign the screening's worksheet as `authority` with `identity`, keep it, lock the screening, file the PDF.

    The signed file carries its evidence: the content as an embedded payload, the protocol file's
    SHA-256 and the audit trail's head at signing (also printed, so the paper copy anchors the
    trail too)."""
    check_decided(session)
    at = at.replace(microsecond=0)  # the CMS signing time has whole seconds: the record says the same moment
    meaning = meaning or default_meaning(session.protocol, session.report, words, alt_words)
    signature = Signature(name=authority.name, role=authority.role, signed_at=at, meaning=meaning,
                          delegation=delegation_text(authority.delegation, words),
                          certificate_sha256=identity.fingerprint)
    head_seq, head_hash = store.audit_head()
    content = worksheet_content(store, session, words, signature, alt_words, completion, paper,
                                evidence=(protocol_sha256, head_seq, head_hash))
    rendered = render_worksheet(content, words)
    site = store.site_setting("site_name") or None
    pdf = sign_pdf(rendered.pdf, identity, page=rendered.signature_page, box=rendered.signature_box,
                   reason=meaning, location=site, payload=content.model_dump_json().encode("utf-8"), at=at)
    document = SignedDocument(
        document_id=content.document_id, file_name=f"{content.document_id}_{at.date().isoformat()}.pdf",
        content_sha256=rendered.digest, signer=authority.name, role=authority.role, meaning=meaning, signed_at=at,
        pdf=pdf,
    )
    store.lock_signed(
        session.screening.id,
        {"signer": authority.name, "role": authority.role, "meaning": meaning,
         "certificate_sha256": identity.fingerprint, "delegation_entry": authority.delegation.id,
         "pdf_sha256": hashlib.sha256(pdf).hexdigest(), "audit_head": [head_seq, head_hash]},
        actor=authority.name, at=at, document=document, unchanged_since=completion.audit_seq,
    )
    session.refresh()
    try:  # written whole or not at all, never over a file already there (a filed worksheet is evidence)
        path = write_whole(folder / document.file_name, pdf)
    except OSError as error:  # signed and kept in the database all the same; `site-file check` files it again
        return SignedWorksheet(document, None, str(error), error, folder)
    return SignedWorksheet(document, path, folder=folder)


def write_private(path: Path, data: bytes, *, replace: bool = True) -> Path:
    """Write a file readable by its owner only (it names a subject), whole or not at all."""
    return write_whole(path, data, replace=replace)


VERIFIED, BROKEN, SUPERSEDED, UNCHECKED = "verified", "broken", "superseded", "unchecked"


@dataclass(frozen=True)
class WorksheetCheck:
    """A worksheet file checked on its own (`file`) and against the site's records."""

    file: FileCheck
    against_database: bool = False
    screening_id: int | None = None
    superseded_by: int | None = None  # the version that replaced this one
    problems: tuple[str, ...] = ()  # found against the database
    not_checked: tuple[str, ...] = ()

    @property
    def outcome(self) -> str:
        if self.file.problems or self.problems:
            return BROKEN
        if not self.against_database:
            return UNCHECKED
        return SUPERSEDED if self.superseded_by else VERIFIED

    @property
    def all_problems(self) -> tuple[str, ...]:
        return self.file.problems + self.problems


NOT_CHECKED_OFFLINE = (
    "whether this site signed it (no site database)",
    "whether the certificate is enrolled to the signer, and their delegation on the signing date",
    "whether it is the current version of the screening",
)


def check_worksheet(pdf: bytes, store: ScreeningStore | None, people: PeopleStore | None = None) -> WorksheetCheck:
    """Everything a signed worksheet proves, and, with the site's records, whether they agree with it."""
    file = check_file(pdf)
    if store is None or people is None:
        return WorksheetCheck(file, not_checked=NOT_CHECKED_OFFLINE)
    if file.content is None:
        return WorksheetCheck(file, against_database=True)
    problems: list[str] = []
    content = file.content
    screening_id = content.screening_id
    try:
        screening = store.load(screening_id)
    except StoreError:
        return WorksheetCheck(file, True, screening_id,
                              problems=(f"this site database has no screening {screening_id}: the worksheet is "
                                        "not from this site, or the record was removed",))
    _check_record(content, screening, problems)
    _check_document(pdf, file, store, screening_id, problems)
    _check_signer(file, people, problems)
    successor = store.successor(screening_id)
    return WorksheetCheck(file, True, screening_id, successor.version if successor else None, tuple(problems))


def _check_record(content: WorksheetContent, screening, problems: list[str]) -> None:
    subject = screening.subject
    expected = {
        "protocol": (content.protocol_id, screening.protocol_id),
        "protocol version": (content.protocol_version, screening.protocol_version),
        "screening number": (content.screening_number, subject.screening_number),
        "screening version": (content.screening_version, screening.version),
        "initials": (content.initials, subject.initials),
        "date of birth": (content.date_of_birth, subject.date_of_birth),
        "screening date": (content.screening_date, subject.screening_date),
        "consent date": (content.consent_date, subject.consent_date),
        "consent form version": (content.consent_version, subject.consent_version),
    }
    if screening.protocol_sha256 is not None:  # None: not recorded (a screening made before it was stored)
        expected["protocol file SHA-256"] = (content.protocol_sha256, screening.protocol_sha256)
    for what, (on_page, stored) in expected.items():
        if on_page != stored:
            problems.append(f"the worksheet's {what} ({on_page}) is not the site's record ({stored})")
    if screening.status.value not in ("signed", "superseded"):
        problems.append(f"the site's record of this screening is not signed (it is {screening.status.value})")


def _check_document(pdf: bytes, file: FileCheck, store: ScreeningStore, screening_id: int,
                    problems: list[str]) -> None:
    documents = [d for d in store.documents(screening_id) if d.content_sha256 == file.digest]
    if not documents:
        problems.append("this site never signed this content: the worksheet was altered and signed again, "
                        "or is another site's")
        return
    stored = documents[-1]
    if hashlib.sha256(stored.pdf).hexdigest() != hashlib.sha256(pdf).hexdigest():
        problems.append("not the file this site keeps for this worksheet: the same pages were signed again, "
                        "or the file was rewritten")
    if file.signing_time is not None and int(stored.signed_at.timestamp()) != int(file.signing_time.timestamp()):
        problems.append(f"signed at {file.signing_time.isoformat()}, the site recorded "
                        f"{stored.signed_at.isoformat()}")


def _check_signer(file: FileCheck, people: PeopleStore, problems: list[str]) -> None:
    from trialdesk.domain.people import Task, delegation_on

    signature = file.content.signature if file.content else None
    if signature is None or file.certificate_sha256 is None:
        return
    certificate = people.certificate(file.certificate_sha256)
    account = people.account(signature.name)
    if certificate is None or account is None or certificate.account_id != account.id:
        problems.append(f"the certificate that signed is not enrolled to {signature.name} at this site")
        return
    if certificate.revoked_at is not None and certificate.revoked_at <= signature.signed_at:
        problems.append(f"the certificate was revoked on {certificate.revoked_at.date().isoformat()}, before signing")
    entry = delegation_on(people.delegation_log(), account.id, signature.signed_at.date())
    if entry is None or Task.SIGN not in entry.tasks:
        problems.append(f"{signature.name} held no eligibility-signing delegation on "
                        f"{signature.signed_at.date().isoformat()}")
