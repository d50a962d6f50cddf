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
from trialdesk.persistence.people_store import Completion
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
from trialdesk.worksheet.signing import Identity, PdfVerification, sign_pdf, verify_pdf

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
                      completion: Completion | None = None) -> WorksheetContent:
    return build_content(
        session.protocol, session.screening, session.report, words,
        site_name=store.site_setting("site_name"), site_number=store.site_setting("site_number"),
        program_version=__version__, signature=signature, alt_words=alt_words,
        completion=_completion_mark(completion, words),
        entered=entry_marks(store.entries(session.screening.id), session.protocol, words),
    )


def draft_worksheet(store: ScreeningStore, session: ScreeningSession, words: Messages, paper: str = "a4",
                    alt_words: Messages | None = None, completion: Completion | None = None) -> RenderedWorksheet:
    """The worksheet as it stands, unsigned: every page carries the draft watermark."""
    return render_worksheet(worksheet_content(store, session, words, alt_words=alt_words, completion=completion),
                            words, paper)


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


def delegation_text(entry: DelegationEntry, words: Messages) -> str:
    tasks = ", ".join(words.task(t.value) for t in sorted(entry.tasks))
    ends = entry.ends.isoformat() if entry.ends else words.t("ws.delegation_open")
    return words.t("ws.delegation_entry", tasks=tasks, starts=entry.starts.isoformat(), ends=ends,
                   recorded_by=entry.recorded_by, recorded_at=entry.recorded_at.date().isoformat())


@dataclass(frozen=True, slots=True)
class SignedWorksheet:
    document: SignedDocument
    path: Path | None
    file_problem: str | None = None


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
    at: datetime,
    folder: Path,
    meaning: str | None = None,
    paper: str = "a4",
    alt_words: Messages | None = None,
) -> SignedWorksheet:
    """Sign the screening's worksheet as `authority` with `identity`, keep it, lock the screening, file the PDF."""
    check_decided(session)
    meaning = meaning or default_meaning(session.protocol, session.report, words)
    signature = Signature(name=authority.name, role=authority.role, signed_at=at, meaning=meaning,
                          delegation=delegation_text(authority.delegation, words),
                          certificate_sha256=identity.fingerprint)
    content = worksheet_content(store, session, words, signature, alt_words, completion)
    rendered = render_worksheet(content, words, paper)
    site = store.site_setting("site_name") or None
    pdf = sign_pdf(rendered.pdf, identity, page=rendered.signature_page, box=rendered.signature_box,
                   reason=meaning, location=site)
    document = SignedDocument(
        document_id=content.document_id, file_name=f"{content.document_id}_{at.date().isoformat()}.pdf",
        content_sha256=rendered.digest, signer=authority.name, role=authority.role, meaning=meaning, signed_at=at,
        pdf=pdf,
    )
    store.lock_signed(
        session.screening.id,
        {"signer": authority.name, "role": authority.role, "meaning": meaning,
         "certificate_sha256": identity.fingerprint, "delegation_entry": authority.delegation.id},
        actor=authority.name, at=at, document=document,
    )
    session.screening = store.load(session.screening.id)
    try:
        path = write_private(folder / document.file_name, pdf)
    except OSError as error:  # kept in the database all the same; the file can be written again
        return SignedWorksheet(document, None, str(error))
    return SignedWorksheet(document, path)


def write_private(path: Path, data: bytes) -> Path:
    """Write a file readable by its owner only (it names a subject)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as out:
        out.write(data)
    return path


@dataclass(frozen=True, slots=True)
class WorksheetCheck:
    """A worksheet file checked on its own and against the site database."""

    signature: PdfVerification
    screening_id: int | None = None
    stored: SignedDocument | None = None

    @property
    def matches_database(self) -> bool:
        return self.stored is not None

    @property
    def same_file(self) -> bool:
        return False if self.stored is None else self._file_hash == hashlib.sha256(self.stored.pdf).hexdigest()

    _file_hash: str = ""


def check_worksheet(pdf: bytes, store: ScreeningStore | None) -> WorksheetCheck:
    verification = verify_pdf(pdf)
    found = store.document_by_content(verification.content_digest) if store and verification.content_digest else None
    screening_id, stored = found if found else (None, None)
    return WorksheetCheck(verification, screening_id, stored, hashlib.sha256(pdf).hexdigest())
