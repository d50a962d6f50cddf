"""The worksheet's content, tested as data."""

from __future__ import annotations

from tests.worksheet.conftest import NCT, SIGNED_AT
from trialdesk.signoff import worksheet_content
from trialdesk.worksheet.content import Signature


def test_every_criterion_with_its_text_facts_scores_verdict_reason_and_source(site):
    content = worksheet_content(site.store, site.sessions["eligible"], site.words)
    assert [e.criterion_id for e in content.entries] == [c.id for c in NCT.criteria]
    assert [e.text for e in content.entries] == [c.text for c in NCT.criteria]  # verbatim
    i4 = content.entries[3]
    assert i4.verdict == "met" and i4.reason.startswith("DAS28-ESR 5.32 >= 3.2")
    assert any(s.startswith("DAS28-ESR 5.32 (rounded half up to 2 decimals from 5.3180)") and "formula: DAS28-ESR" in s
               for s in i4.scores)
    assert ("ESR", "38 mm/h") in i4.facts
    assert ("Evaluator global assessment of disease activity (VAS)", "5 cm (= 50 mm)") in i4.facts
    joints = dict(i4.facts)["Today's joint examination (tender / swollen)"]
    assert joints.startswith("tender (6): right wrist, left wrist, right MCP 2")
    i1 = content.entries[0]  # classified on an assessment of its own, from the laboratory's values
    assert NCT.fact["joint_exam"].label not in dict(i1.facts)
    assert dict(i1.facts)[NCT.fact["rf"].label] == "160 IU/mL (ULN 20 IU/mL)"
    assert any("serology 3: Rheumatoid factor (RF) 160 IU/mL > 3 × ULN 20 IU/mL = 60 IU/mL: high positive" in s
               and "1 large and 5 small joints involved on 2024-05-10" in s for s in i1.scores)
    i7 = content.entries[6]
    assert "prednisone 7.5 mg/day oral, from 2026-05-01, ongoing" in dict(i7.facts)[NCT.fact["glucocorticoid_history"].label]
    assert "[equivalence table: meikle_tyler_1977]" in i7.reason
    assert content.entries[4].source == "CBC report 2026-11-19, hospital laboratory system"
    assert content.entries[4].interpretation.startswith("Haemoglobin is compared in g/L")


def test_header_facts_and_statement(site):
    content = worksheet_content(site.store, site.sessions["ineligible"], site.words)
    assert (content.nct, content.sponsor_protocol, content.site_name, content.site_number) == (
        "NCT03798028", "2014ZX09508002", "Rheumatology, Xijing Hospital", "01")
    assert content.document_id == "NCT03798028_S-002_v1"
    assert content.overall_text == "INELIGIBLE"
    assert "protocol NCT03798028, version registry record; site rule file 2.0" in content.statement
    assert [e.criterion_id for e in content.entries if e.excludes] == ["I5", "I7", "E2", "E15"]


def test_the_hash_covers_every_word_and_the_signature(site):
    session = site.sessions["eligible"]
    unsigned = worksheet_content(site.store, session, site.words)
    signature = Signature(name="Wang Li", role="principal_investigator", signed_at=SIGNED_AT, meaning="decision",
                          delegation="enter data, decide eligibility and sign, from 2026-01-01", certificate_sha256="ab" * 32)
    signed = worksheet_content(site.store, session, site.words, signature)
    assert unsigned.digest() != signed.digest()
    assert signed.digest() == worksheet_content(site.store, session, site.words, signature).digest()  # reproducible
    other_certificate = signature.model_copy(update={"certificate_sha256": "cd" * 32})
    assert worksheet_content(site.store, session, site.words, other_certificate).digest() != signed.digest()
    completed = worksheet_content(site.store, session, site.words, signature, completion=site.site.completion(session.screening.id))
    assert completed.completion.name == "Chen Hua" and completed.digest() != signed.digest()
    session.set_note("I2", "ID card")
    assert worksheet_content(site.store, session, site.words, signature).digest() != signed.digest()


def test_each_criterion_says_who_entered_its_facts_and_when(site):
    content = worksheet_content(site.store, site.sessions["eligible"], site.words)
    i5 = content.entries[4]
    assert any(line.startswith("Haemoglobin") and "Chen Hua, 2026-11-20 09:00+08:00" in line for line in i5.entered)
    assert len(content.entries[3].entered) >= 5  # I4: joints, ESR, CRP, both global assessments
