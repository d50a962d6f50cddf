"""What the eligibility worksheet says, fixed as data before anything is drawn.

Every line of text is decided here, in the reader's language; the renderer only lays it
out. The content's SHA-256 is printed on every page and recorded with the signed file, so
the signature, the page and the database record all point at the same content.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from typing import NamedTuple

from pydantic import BaseModel, ConfigDict

from trialdesk.domain.protocol import Protocol
from trialdesk.domain.screening import Screening
from trialdesk.domain.verdict import CriterionResult, Effect, EligibilityReport, Outcome, Overall
from trialdesk.messages import Messages
from trialdesk.worksheet.voices import INLINE, both

FROZEN = ConfigDict(frozen=True, extra="forbid")


class Entry(BaseModel):
    """One criterion as documented: the registry text, what was entered, and the decision.

    On a bilingual worksheet every line a reader needs is in both languages: the `_alt` fields,
    and the facts and "entered by" lines with both labels."""

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
    kind_code: str = ""  # inclusion or exclusion
    effect: str = ""  # what the result does to eligibility: an `Effect` value (passes, excludes, open...)
    effect_text: str = ""  # the effect in words, naming the criterion: "E2 applies: excluded"
    effect_alt: str | None = None
    kind_alt: str | None = None
    interpretation_alt: str | None = None
    scores_alt: tuple[str, ...] = ()


class Enterer(BaseModel):
    """Someone who entered facts of the screening: the first and last of their entries standing."""

    model_config = FROZEN

    name: str
    first: datetime
    last: datetime


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
    # The first page: the criteria that decide the result (ineligible: every one that excludes;
    # incomplete: every one still open), those still open besides, and those that do not apply.
    deciding: tuple[str, ...] = ()
    also_open: tuple[str, ...] = ()
    not_applicable: tuple[str, ...] = ()
    title_translation: str | None = None  # the site's translation of the title into the worksheet's language
    # A bilingual worksheet: its second language, and the lines worded in it
    alt_language: str | None = None
    sex_alt: str | None = None
    interpretations_alt: tuple[str, ...] = ()
    enterers: tuple[Enterer, ...] = ()  # who entered the facts standing, for the screening summary

    @property
    def document_id(self) -> str:
        """Predictable and unique per screening version: PROTOCOL_SCREENING_vN."""
        return f"{self.protocol_id}_{self.screening_number}_v{self.screening_version}"

    def digest(self) -> str:
        """SHA-256 of the content (canonical JSON), the hash printed on each page."""
        return hashlib.sha256(self.model_dump_json().encode("utf-8")).hexdigest()


def default_meaning(protocol: Protocol, report: EligibilityReport, words: Messages,
                    alt_words: Messages | None = None) -> str:
    """The signature's meaning unless the signer words their own; with `alt_words` (a bilingual
    worksheet) in both languages, as the page and the PDF's signature reason then say it."""

    def meaning(w: Messages) -> str:
        return w.t("meaning.eligibility", overall=w.overall(report.overall).upper(), protocol=protocol.id,
                   version=protocol.version)

    return both(meaning(words), meaning(alt_words) if alt_words else None, INLINE)


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


class EnteredMark(NamedTuple):
    """Who entered one fact standing in the screening, and when."""

    fact_id: str
    name: str
    at: datetime


def entry_marks(entries: dict[str, tuple[str, datetime]], protocol: Protocol,
                words: Messages | None = None) -> dict[str, tuple[EnteredMark, ...]]:
    """Per criterion, who entered each of its facts and when; `build_content` words them in the
    worksheet's languages (`words` is not needed, and kept for callers that pass it)."""
    return {criterion.id: tuple(EnteredMark(f, *entries[f]) for f in protocol.facts_used(criterion) if f in entries)
            for criterion in protocol.criteria}


def _enterers(entered: dict[str, tuple[EnteredMark, ...]]) -> tuple[Enterer, ...]:
    times: dict[str, list[datetime]] = {}
    for marks in entered.values():
        for mark in marks:
            times.setdefault(mark.name, []).append(mark.at)
    return tuple(Enterer(name=name, first=min(at), last=max(at))
                 for name, at in sorted(times.items(), key=lambda item: (min(item[1]), item[0])))


class _Wording:
    """What one criterion prints, in the worksheet's language and, bilingual, in the second one."""

    def __init__(self, protocol: Protocol, screening: Screening, report: EligibilityReport, words: Messages,
                 alt_words: Messages | None) -> None:
        self.protocol, self.screening, self.report = protocol, screening, report
        self.words, self.alt = words, alt_words
        self.unasked = unasked_facts(protocol, screening)

    def _label(self, fact_id: str) -> str:
        return both(self.words.fact_label(fact_id), self.alt.fact_label(fact_id) if self.alt else None, INLINE)

    def _answer(self, words: Messages, fact_id: str) -> str:
        if fact_id in self.unasked and fact_id not in self.screening.answers:
            return words.not_asked_answer(fact_id)
        return words.answer_text(fact_id, self.screening.answers.get(fact_id))

    def fact(self, fact_id: str) -> tuple[str, str]:
        alt = self._answer(self.alt, fact_id) if self.alt else None
        return self._label(fact_id), both(self._answer(self.words, fact_id), alt, INLINE)

    def entered(self, marks: tuple[EnteredMark, ...]) -> tuple[str, ...]:
        return tuple(self.words.t("ws.entered_by", fact=self._label(m.fact_id), name=m.name,
                                  at=m.at.isoformat(sep=" ", timespec="minutes")) for m in marks)

    def entry(self, criterion, result: CriterionResult, marks: tuple[EnteredMark, ...]) -> Entry:
        words, alt, protocol = self.words, self.alt, self.protocol
        outcome = Outcome(result.verdict, result.reason)
        alt_interpretation = alt.interpretation(criterion) if alt else None
        interpretation = words.interpretation(criterion)
        return Entry(
            criterion_id=criterion.id,
            kind=words.kind(criterion.kind),
            kind_code=criterion.kind,
            text=criterion.text,
            translation=words.criterion_translation(criterion),
            interpretation=interpretation,
            facts=tuple(self.fact(f) for f in protocol.facts_used(criterion)),
            scores=tuple(score_line(protocol, self.report, words, s) for s in protocol.scores_used(criterion)),
            verdict=words.verdict(result.verdict),
            verdict_code=result.verdict.value,
            excludes=result.excludes,
            reason=words.reason(outcome),
            reason_alt=alt.reason(outcome) if alt else None,
            source=self.screening.notes.get(criterion.id),
            entered=self.entered(marks),
            effect=result.effect.value,
            effect_text=words.effect(result),
            effect_alt=alt.effect(result) if alt else None,
            kind_alt=alt.kind(criterion.kind) if alt else None,
            interpretation_alt=alt_interpretation if alt_interpretation != interpretation else None,
            scores_alt=tuple(score_line(protocol, self.report, alt, s) for s in protocol.scores_used(criterion))
            if alt else (),
        )


def _deciding(report: EligibilityReport) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """The criteria the first page names: those that decide the result, those still open besides,
    and those that do not apply to this subject."""
    excluding = tuple(r.criterion_id for r in report.results if r.effect is Effect.EXCLUDES)
    still_open = tuple(r.criterion_id for r in report.results if r.effect in (Effect.OPEN, Effect.PENDING))
    not_applicable = tuple(r.criterion_id for r in report.results if r.effect is Effect.NOT_APPLICABLE)
    if report.overall is Overall.INELIGIBLE:
        return excluding, still_open, not_applicable
    if report.overall is Overall.INCOMPLETE:
        return still_open, (), not_applicable
    return (), (), not_applicable


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
    entered: dict[str, tuple[EnteredMark, ...]] | None = None,
    paper: str = "a4",
    evidence: tuple[str, int, str] | None = None,
) -> WorksheetContent:
    """Everything the worksheet prints, for one screening version and its evaluation; with
    `alt_words`, a bilingual worksheet: every label, fact, verdict and reason also in that second
    language; with `evidence` (protocol file SHA-256, audit head sequence and hash), what a signed
    worksheet carries; `entered` as `entry_marks` gives it."""
    entered = entered or {}
    wording = _Wording(protocol, screening, report, words, alt_words)
    entries = tuple(wording.entry(criterion, result, entered.get(criterion.id, ()))
                    for criterion, result in zip(protocol.criteria, report.results))
    deciding, also_open, not_applicable = _deciding(report)
    subject = screening.subject
    overall = words.overall(report.overall).upper()
    translated = protocol.translations.get(words.lang)

    def statement(w: Messages) -> str:
        return w.t("ws.statement_text", protocol=protocol.id, version=protocol.version,
                   overall=w.overall(report.overall).upper())

    interpretations = words.protocol_interpretations()
    alt_interpretations = alt_words.protocol_interpretations() if alt_words else ()
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
        entries=entries,
        interpretations=interpretations,
        overall=report.overall.value,
        overall_text=overall,
        statement=both(statement(words), statement(alt_words) if alt_words else None),
        signature=signature,
        completion=completion,
        program_version=program_version,
        paper=paper,
        protocol_sha256=evidence[0] if evidence else None,
        audit_seq=evidence[1] if evidence else None,
        audit_hash=evidence[2] if evidence else None,
        deciding=deciding,
        also_open=also_open,
        not_applicable=not_applicable,
        title_translation=translated.title if translated and translated.title else None,
        alt_language=alt_words.lang if alt_words else None,
        sex_alt=alt_words.answer("sex", subject.sex) if alt_words else None,
        interpretations_alt=alt_interpretations if alt_interpretations != interpretations else (),
        enterers=_enterers(entered),
    )
