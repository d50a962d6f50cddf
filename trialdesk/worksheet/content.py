"""What the eligibility worksheet says, fixed as data before anything is drawn.

Every line of text is decided here, in the reader's language; the renderer only lays it
out. The content's SHA-256 is printed on every page and recorded with the signed file, so
the signature, the page and the database record all point at the same content.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime

from pydantic import BaseModel, ConfigDict

from trialdesk.domain.protocol import Protocol
from trialdesk.domain.screening import Screening
from trialdesk.domain.verdict import EligibilityReport, Outcome
from trialdesk.messages import Messages

FROZEN = ConfigDict(frozen=True, extra="forbid")


class Entry(BaseModel):
    """One criterion as documented: the registry text, what was entered, and the decision."""

    model_config = FROZEN

    criterion_id: str
    kind: str
    text: str
    translation: str | None
    interpretation: str | None
    facts: tuple[tuple[str, str], ...]
    scores: tuple[str, ...]
    verdict: str
    verdict_code: str
    excludes: bool
    reason: str
    reason_alt: str | None = None  # the reason in the second language of a bilingual worksheet
    source: str | None
    entered: tuple[str, ...] = ()  # who entered this criterion's facts, and when


class Signature(BaseModel):
    """The signature manifestation of 21 CFR 11.50: who, in which role, when, and what it means."""

    model_config = FROZEN

    name: str
    role: str
    signed_at: datetime
    meaning: str
    delegation: str  # the signer's delegation entry as it stood on the signing date
    certificate_sha256: str  # the enrolled certificate that made the digital signature


class CompletionMark(BaseModel):
    """The coordinator's "completed by" manifestation (21 CFR 11.50): who, role, when, meaning."""

    model_config = FROZEN

    name: str
    role: str
    completed_at: datetime
    meaning: str


class WorksheetContent(BaseModel):
    model_config = FROZEN

    language: str
    protocol_id: str
    nct: str
    sponsor_protocol: str | None
    title: str
    sponsor: str
    protocol_version: str
    protocol_version_date: date
    site_name: str
    site_number: str
    screening_id: int
    screening_version: int
    supersedes: int | None
    correction_reason: str | None
    screening_number: str
    initials: str
    date_of_birth: date
    sex: str
    screening_date: date
    consent_date: date
    consent_version: str
    entries: tuple[Entry, ...]
    interpretations: tuple[str, ...]
    overall: str
    overall_text: str
    statement: str
    signature: Signature | None
    completion: CompletionMark | None = None
    program_version: str
    paper: str = "a4"
    # The evidence a signed worksheet carries (embedded as its payload and printed): the protocol
    # file it was evaluated under, and the audit trail's head when it was signed.
    protocol_sha256: str | None = None
    audit_seq: int | None = None
    audit_hash: str | None = None

    @property
    def document_id(self) -> str:
        """Predictable and unique per screening version: PROTOCOL_SCREENING_vN."""
        return f"{self.protocol_id}_{self.screening_number}_v{self.screening_version}"

    def digest(self) -> str:
        """SHA-256 of the content (canonical JSON), the hash printed on each page."""
        return hashlib.sha256(self.model_dump_json().encode("utf-8")).hexdigest()


def default_meaning(protocol: Protocol, report: EligibilityReport, words: Messages) -> str:
    return words.t("meaning.eligibility", overall=words.overall(report.overall).upper(), protocol=protocol.id,
                   version=protocol.version)


def score_line(protocol: Protocol, report: EligibilityReport, words: Messages, score_id: str) -> str:
    """A score with its unit and inputs, then the source of the program's formula; a value the
    protocol derives names the facts it read instead (it has no formula of the program's)."""
    text = words.score(report.scores[score_id])
    return text if protocol.score[score_id].calculator is None else f"{text}; {words.formula(score_id)}"


def unasked_facts(protocol: Protocol, screening: Screening) -> frozenset[str]:
    """The facts not asked with the screening's answers (`asked_if`): printed as such, never as "not entered"."""
    if not protocol.asked_conditions:
        return frozenset()
    from trialdesk.domain.errors import FactsInvalid
    from trialdesk.domain.evaluation import not_asked, parse_facts

    on, facts = screening.subject.screening_date, {}
    for fact_id, raw in screening.answers.items():
        try:
            facts.update(parse_facts(protocol, {fact_id: raw}, on, typed=True, consistent=False))
        except FactsInvalid:
            continue  # an answer this version no longer reads decides nothing
    return frozenset(not_asked(protocol, facts, on))


def entry_marks(entries: dict[str, tuple[str, datetime]], protocol: Protocol,
                words: Messages) -> dict[str, tuple[str, ...]]:
    """Per criterion, who entered each of its facts and when (ISO, with the UTC offset)."""
    marks: dict[str, tuple[str, ...]] = {}
    for criterion in protocol.criteria:
        lines = []
        for fact_id in protocol.facts_used(criterion):
            if fact_id in entries:
                by, at = entries[fact_id]
                lines.append(words.t("ws.entered_by", fact=words.fact_label(fact_id), name=by,
                                     at=at.isoformat(sep=" ", timespec="minutes")))
        marks[criterion.id] = tuple(lines)
    return marks


def build_content(
    protocol: Protocol,
    screening: Screening,
    report: EligibilityReport,
    words: Messages,
    *,
    site_name: str,
    site_number: str,
    program_version: str,
    signature: Signature | None = None,
    alt_words: Messages | None = None,
    completion: CompletionMark | None = None,
    entered: dict[str, tuple[str, ...]] | None = None,
    paper: str = "a4",
    evidence: tuple[str, int, str] | None = None,
) -> WorksheetContent:
    """Everything the worksheet prints, for one screening version and its evaluation; with
    `alt_words`, each reason also in that second language (a bilingual worksheet); with `evidence`
    (protocol file SHA-256, audit head sequence and hash), what a signed worksheet carries."""
    entries = []
    unasked = unasked_facts(protocol, screening)
    for criterion, result in zip(protocol.criteria, report.results):
        entries.append(
            Entry(
                criterion_id=criterion.id,
                kind=words.kind(criterion.kind),
                text=criterion.text,
                translation=words.criterion_translation(criterion),
                interpretation=words.interpretation(criterion),
                facts=tuple(
                    (words.fact_label(f), words.not_asked_answer(f) if f in unasked and f not in screening.answers
                     else words.answer_text(f, screening.answers.get(f)))
                    for f in protocol.facts_used(criterion)
                ),
                scores=tuple(score_line(protocol, report, words, s) for s in protocol.scores_used(criterion)),
                verdict=words.verdict(result.verdict),
                verdict_code=result.verdict.value,
                excludes=result.excludes,
                reason=words.reason(Outcome(result.verdict, result.reason)),
                reason_alt=alt_words.reason(Outcome(result.verdict, result.reason)) if alt_words else None,
                source=screening.notes.get(criterion.id),
                entered=(entered or {}).get(criterion.id, ()),
            )
        )
    subject = screening.subject
    overall = words.overall(report.overall).upper()
    return WorksheetContent(
        language=words.lang,
        protocol_id=protocol.id,
        nct=protocol.registry.nct,
        sponsor_protocol=protocol.registry.sponsor_protocol,
        title=protocol.title,
        sponsor=protocol.sponsor,
        protocol_version=protocol.version,
        protocol_version_date=protocol.version_date,
        site_name=site_name,
        site_number=site_number,
        screening_id=screening.id,
        screening_version=screening.version,
        supersedes=screening.supersedes,
        correction_reason=screening.correction_reason,
        screening_number=subject.screening_number,
        initials=subject.initials,
        date_of_birth=subject.date_of_birth,
        sex=words.answer("sex", subject.sex),
        screening_date=subject.screening_date,
        consent_date=subject.consent_date,
        consent_version=subject.consent_version,
        entries=tuple(entries),
        interpretations=words.protocol_interpretations(),
        overall=report.overall.value,
        overall_text=overall,
        statement=words.t("ws.statement_text", protocol=protocol.id, version=protocol.version, overall=overall)
        + ("\n" + alt_words.t("ws.statement_text", protocol=protocol.id, version=protocol.version,
                               overall=alt_words.overall(report.overall).upper()) if alt_words else ""),
        signature=signature,
        completion=completion,
        program_version=program_version,
        paper=paper,
        protocol_sha256=evidence[0] if evidence else None,
        audit_seq=evidence[1] if evidence else None,
        audit_hash=evidence[2] if evidence else None,
    )
