"""Drafting a protocol from a ClinicalTrials.gov study record (API v2): splitting, ages, the draft."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path

import pytest

from trialdesk.domain.evaluation import evaluate, parse_facts
from trialdesk.domain.protocol import Protocol
from trialdesk.domain.registry_draft import DraftRefused, draft_protocol, parse_age, split_criteria
from trialdesk.domain.verdict import Verdict
from trialdesk.resources import resource_path

RECORD = json.loads((Path(__file__).parent.parent / "data" / "NCT03798028.study.json").read_text(encoding="utf-8"))


def record(**eligibility):
    changed = copy.deepcopy(RECORD)
    module = changed["protocolSection"]["eligibilityModule"]
    for key, value in eligibility.items():
        if value is None:
            module.pop(key, None)
        else:
            module[key] = value
    return changed


def test_the_fixture_drafts_every_registry_criterion_verbatim():
    protocol = Protocol.model_validate(draft_protocol(RECORD))
    registry = resource_path("protocols/NCT03798028.registry.txt").read_text(encoding="utf-8")
    assert [c.id for c in protocol.criteria] == ["AGE"] + [f"I{i}" for i in range(1, 8)] + [f"E{i}" for i in range(1, 22)]
    assert all(c.text in registry for c in protocol.criteria if c.id != "AGE")
    assert protocol.criteria[4].text == "Disease Activity Score (DAS) 28≥3.2或 Simple Disease Activity Index (SDAI)>11.0或 Clinical Disease Activity Index (CDAI) >10.0."
    assert protocol.id == protocol.registry.nct == "NCT03798028" and protocol.registry.sponsor_protocol == "2014ZX09508002"
    assert protocol.title.startswith("The Effects and Safety of Mesenchymal Stem Cells")  # the official title
    assert protocol.sponsor == "Air Force Military Medical University of People's Liberation Army"
    assert (protocol.version, protocol.version_date) == ("draft from registry record", date(2019, 1, 9))
    assert "sex" not in protocol.fact  # the study takes all sexes
    assert "healthy volunteers are not accepted" in protocol.interpretations[0]


def test_each_criterion_is_an_attestation_on_its_own_fact_and_age_a_rule():
    protocol = Protocol.model_validate(draft_protocol(RECORD))
    e1 = protocol.criteria[8]
    assert (e1.id, e1.kind, e1.rule.kind, e1.rule.fact) == ("E1", "exclusion", "attestation", "exclusion_1")
    assert protocol.fact["exclusion_1"].type == "yes_no" and protocol.fact["exclusion_1"].label.startswith("E1: Participants")
    age = protocol.criteria[0].rule
    assert (age.kind, age.fact, age.min_years, age.max_years) == ("age", "date_of_birth", 18, 70)
    assert protocol.criteria[0].text == "Minimum age: 18 Years. Maximum age: 70 Years."


def verdict(protocol: Protocol, criterion: str, facts: dict) -> Verdict:
    on = date(2026, 11, 20)
    return evaluate(protocol, parse_facts(protocol, facts, on), on).result(criterion).verdict


def test_only_the_age_bounds_given_are_used():
    protocol = Protocol.model_validate(draft_protocol(record(maximumAge="N/A")))
    assert protocol.criteria[0].text == "Minimum age: 18 Years."
    assert verdict(protocol, "AGE", {"date_of_birth": "1920-01-01"}) is Verdict.MET  # 106, no maximum
    assert verdict(protocol, "AGE", {"date_of_birth": "2008-11-21"}) is Verdict.NOT_MET  # 17
    no_age = Protocol.model_validate(draft_protocol(record(minimumAge=None, maximumAge=None)))
    assert "AGE" not in {c.id for c in no_age.criteria} and "date_of_birth" not in no_age.fact


def test_an_age_that_is_no_whole_number_of_years_is_left_to_a_statement():
    protocol = Protocol.model_validate(draft_protocol(record(minimumAge="6 Months", maximumAge="17 Years")))
    rule = protocol.criteria[0].rule
    assert rule.kind == "all_of" and [r.kind for r in rule.all_of] == ["age", "attestation"]
    assert rule.all_of[0].max_years == 17
    assert "minimum age 6 Months" in protocol.fact["age_within_registry_limits"].label


@pytest.mark.parametrize(("sex", "values"), [("FEMALE", ("female",)), ("MALE", ("male",))])
def test_a_single_sex_becomes_a_one_of_rule(sex, values):
    protocol = Protocol.model_validate(draft_protocol(record(sex=sex)))
    criterion = next(c for c in protocol.criteria if c.id == "SEX")
    assert (criterion.rule.kind, criterion.rule.fact, criterion.rule.values) == ("one_of", "sex", values)
    assert verdict(protocol, "SEX", {"sex": values[0]}) is Verdict.MET


@pytest.mark.parametrize(
    ("text", "years"),
    [("18 Years", 18), ("1 Year", 1), ("24 Months", 2), ("6 Months", None), ("28 Days", None), ("0 Years", 0), (" 65 years ", 65)],
)
def test_ages_as_the_registry_writes_them(text, years):
    age = parse_age(text)
    assert age is not None and age.years == years


@pytest.mark.parametrize("text", ["N/A", None, ""])
def test_no_age(text):
    assert parse_age(text) is None


@pytest.mark.parametrize("text", ["eighteen", "18", "18 Decades", "151 Years"])
def test_an_unreadable_age_is_refused(text):
    with pytest.raises(DraftRefused, match="age"):
        parse_age(text)


def test_the_eligibility_text_is_split_into_its_items_with_nested_bullets_kept():
    found = split_criteria(
        "Patients are screened once.\n\n**Key Inclusion Criteria:**\n\n* adults;\n* one of:\n  * a\n  * b\n"
        "* a long item\n  wrapped onto a second line\n\nMust have all of:\n\n  1. x\n  2. y\n\n"
        "EXCLUSION CRITERIA\n\n1. heart failure\n2. Exclusion criteria of the parent study apply\n   a. sub\n"
    )
    assert found.unsectioned == ["Patients are screened once."]
    assert found.inclusion == ["adults;", "one of:\n  * a\n  * b", "a long item\n  wrapped onto a second line",
                               "Must have all of:\n  1. x\n  2. y"]
    assert found.exclusion == ["heart failure", "Exclusion criteria of the parent study apply\n   a. sub"]


def test_text_before_any_heading_is_drafted_as_an_inclusion_to_check():
    protocol = Protocol.model_validate(draft_protocol(record(eligibilityCriteria="* be an adult\n* consent")))
    first = protocol.criteria[1]
    assert (first.id, first.kind, first.text) == ("I1", "inclusion", "be an adult")
    assert "does not say whether this is an inclusion or an exclusion" in first.interpretation


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda r: r["protocolSection"]["identificationModule"].pop("nctId"), "protocolSection.identificationModule.nctId is missing"),
        (lambda r: r["protocolSection"].pop("sponsorCollaboratorsModule"), "protocolSection.sponsorCollaboratorsModule is missing"),
        (lambda r: r["protocolSection"]["statusModule"]["lastUpdatePostDateStruct"].update(date="2019-01"), "is not a date"),
        (lambda r: r["protocolSection"]["identificationModule"].update(nctId="NCT123"), "is not an NCT number"),
        (lambda r: r["protocolSection"]["eligibilityModule"].update(sex="BOTH"), "expected ALL, FEMALE or MALE"),
        (lambda r: r["protocolSection"]["eligibilityModule"].update(minimumAge="adult"), "eligibilityModule: an age of 'adult'"),
        (lambda r: r["protocolSection"]["eligibilityModule"].update(healthyVolunteers="No"), "healthyVolunteers: expected true or false"),
        (lambda r: r["protocolSection"]["identificationModule"].update(briefTitle=3, officialTitle=None), "briefTitle: expected text"),
        (lambda r: r["protocolSection"].update(eligibilityModule={}), "gives no age, no sex and no criteria"),
    ],
)
def test_a_malformed_record_is_refused_naming_the_key(change, message):
    broken = copy.deepcopy(RECORD)
    change(broken)
    with pytest.raises(DraftRefused, match=message.replace("(", r"\(").replace(".", r"\.")):
        draft_protocol(broken)


def test_a_v1_record_or_another_file_is_refused_and_one_study_of_a_search_page_is_read():
    with pytest.raises(DraftRefused, match=r"retired ClinicalTrials\.gov API \(v1\)"):
        draft_protocol({"FullStudiesResponse": {"FullStudies": [{"Study": {"ProtocolSection": {}}}]}})
    with pytest.raises(DraftRefused, match="protocolSection is missing"):
        draft_protocol({"facts": {}})
    with pytest.raises(DraftRefused, match="holds 2 studies"):
        draft_protocol({"studies": [RECORD, RECORD]})
    assert draft_protocol({"studies": [RECORD]}) == draft_protocol(RECORD)


def test_too_many_criteria_are_refused_before_the_protocol_would_be():
    many = "Inclusion Criteria:\n" + "".join(f"* item {i}\n" for i in range(250))
    with pytest.raises(DraftRefused, match="at most 200"):
        draft_protocol(record(eligibilityCriteria=many))
