"""The session API: every change validated, saved, audited and re-evaluated; locking; corrections."""

from __future__ import annotations

import json

import pytest

from trialdesk.domain.errors import FactsInvalid
from trialdesk.domain.screening import ScreeningStatus
from trialdesk.domain.verdict import Overall, Verdict
from trialdesk.persistence import audit_trail
from trialdesk.persistence.protocol_files import find_protocol
from trialdesk.persistence.screening_store import StoreError
from trialdesk.resources import resource_path
from trialdesk.session import ScreeningSession, start_screening

NCT = find_protocol("NCT03798028")


def example(name: str) -> dict:
    return json.loads(resource_path(f"examples/NCT03798028-{name}.json").read_text(encoding="utf-8"))


def start(store, clock, name="incomplete", actor="coordinator", **subject_changes):
    data = example(name)
    subject = {**data["subject"], "screening_date": data["screening_date"], **subject_changes}
    return start_screening(store, NCT, subject, data["facts"], site="01", actor=actor, clock=clock)


def test_a_new_screening_is_stored_evaluated_and_audited(store, clock):
    session = start(store, clock)
    assert session.report.overall is Overall.INCOMPLETE
    stored = store.load(session.screening.id)
    assert stored.subject.screening_number == "S-003"
    assert stored.answers["date_of_birth"] == "1972-03-15"  # subject details are answers too
    assert stored.status is ScreeningStatus.IN_PROGRESS
    (entry,) = audit_trail.history(store.database.connection, stored.id)
    assert (entry.action, entry.actor, entry.utc_offset) == ("create", "coordinator", "+08:00")


def test_recording_a_fact_saves_and_says_what_changed(store, clock):
    session = start(store, clock)
    change = session.record_fact("haemoglobin", {"value": 85, "unit": "g/L"})
    assert "I5" in change.changed and change.report.result("I5").verdict is Verdict.MET
    reopened = ScreeningSession(store, NCT, session.screening.id, actor="coordinator")
    assert reopened.answer("haemoglobin") == {"value": 85, "unit": "g/L"}
    assert reopened.report.result("I5").verdict is Verdict.MET


def test_completing_the_answers_makes_the_status_eligible(store, clock):
    session = start(store, clock)
    for fact_id in ("ild_on_hrct", "tuberculosis", "infection"):
        session.record_fact(fact_id, "no")
    session.record_fact("haemoglobin", {"value": 85, "unit": "g/L"})
    session.record_fact("last_live_vaccine", "none")
    assert session.report.overall is Overall.ELIGIBLE
    assert store.load(session.screening.id).status is ScreeningStatus.ELIGIBLE


def test_an_invalid_value_is_refused_and_nothing_is_saved(store, clock):
    session = start(store, clock)
    entries = len(audit_trail.history(store.database.connection))
    with pytest.raises(FactsInvalid) as raised:
        session.record_fact("haemoglobin", {"value": 900, "unit": "g/L"})
    assert raised.value.problems[0].code == "implausible"
    assert "haemoglobin" not in store.load(session.screening.id).answers
    assert len(audit_trail.history(store.database.connection)) == entries


def test_replacing_a_value_from_an_earlier_session_needs_a_reason(store, clock):
    first = start(store, clock)
    first.record_fact("haemoglobin", {"value": 85, "unit": "g/L"})
    first.record_fact("haemoglobin", {"value": 86, "unit": "g/L"})  # own typo, same session: no reason asked
    later = ScreeningSession(store, NCT, first.screening.id, actor="coordinator", clock=clock)
    assert later.needs_reason("haemoglobin")
    with pytest.raises(StoreError) as raised:
        later.record_fact("haemoglobin", {"value": 88, "unit": "g/L"})
    assert raised.value.code == "reason_required"
    later.record_fact("haemoglobin", {"value": 88, "unit": "g/L"}, reason="transcription error, see lab report")
    history = audit_trail.history(store.database.connection, first.screening.id)
    last = history[-1]
    assert (last.target, last.old_value, last.new_value, last.reason) == (
        "haemoglobin", {"value": 86, "unit": "g/L"}, {"value": 88, "unit": "g/L"}, "transcription error, see lab report")


def test_another_person_changing_a_value_needs_a_reason(store, clock):
    session = start(store, clock)
    session.record_fact("esr", {"value": 30, "unit": "mm/h"})
    other = ScreeningSession(store, NCT, session.screening.id, actor="investigator", edit_session=session.edit_session)
    assert other.needs_reason("esr")


def test_clearing_a_value(store, clock):
    session = start(store, clock)
    session.record_fact("esr", {"value": 30, "unit": "mm/h"})
    session.record_fact("esr", None)
    assert "esr" not in store.load(session.screening.id).answers
    assert audit_trail.history(store.database.connection)[-1].new_value is None


def test_changing_date_of_birth_updates_the_subject(store, clock):
    session = start(store, clock)
    session.record_fact("date_of_birth", "2010-01-01")
    assert store.load(session.screening.id).subject.date_of_birth.year == 2010
    assert session.report.result("I2").verdict is Verdict.NOT_MET


def test_duplicate_screening_number_is_refused(store, clock):
    start(store, clock)
    with pytest.raises(StoreError) as raised:
        start(store, clock)
    assert raised.value.code == "duplicate_screening_number"


def test_subject_problems_are_named_per_field(store, clock):
    with pytest.raises(FactsInvalid) as raised:
        start(store, clock, initials="Z1", screening_number="", consent_date="2026-12-01")
    fields = {p.fact: p.code for p in raised.value.problems}
    assert fields == {"initials": "bad_initials", "screening_number": "required", "consent_date": "after_screening"}


def test_chinese_initials_are_accepted(store, clock):
    assert start(store, clock, initials="张三").screening.subject.initials == "张三"


def test_a_signed_screening_is_locked_and_a_correction_is_a_new_version(store, clock):
    session = start(store, clock, name="eligible")
    store.lock_signed(session.screening.id, {"signer": "Dr Wang", "meaning": "eligibility confirmed"},
                      actor="Dr Wang", at=clock())
    signed = ScreeningSession(store, NCT, session.screening.id, actor="coordinator", clock=clock)
    assert signed.locked
    with pytest.raises(StoreError) as raised:
        signed.record_fact("haemoglobin", {"value": 95, "unit": "g/L"}, reason="x")
    assert raised.value.code == "locked"
    with pytest.raises(StoreError):
        signed.set_note("I5", "lab report 2026-11-19")
    with pytest.raises(StoreError) as raised:
        signed.correct("")
    assert raised.value.code == "reason_required"

    corrected = signed.correct("haemoglobin unit was entered wrongly")
    new, old = corrected.screening, store.load(session.screening.id)
    assert (new.version, new.supersedes, new.correction_reason) == (2, old.id, "haemoglobin unit was entered wrongly")
    assert old.status is ScreeningStatus.SUPERSEDED and old.answers == new.answers  # kept, readable
    with pytest.raises(StoreError):
        corrected.record_fact("haemoglobin", {"value": 95, "unit": "g/L"})  # an inherited value: reason due
    corrected.record_fact("haemoglobin", {"value": 95, "unit": "g/L"}, reason="lab report says 95 g/L")
    assert corrected.report.overall is Overall.INELIGIBLE
    assert store.load(old.id).answers["haemoglobin"] == {"value": 85, "unit": "g/L"}


def test_only_a_signed_screening_is_corrected(store, clock):
    with pytest.raises(StoreError) as raised:
        start(store, clock).correct("reason")
    assert raised.value.code == "not_signed"


def test_screen_failure_is_recorded_with_its_reason(store, clock):
    session = start(store, clock, name="ineligible")
    session.record_screen_failure("Hb 102 g/L; biological agent within 3 months")
    stored = store.load(session.screening.id)
    assert stored.status is ScreeningStatus.SCREEN_FAILURE
    assert stored.screen_failure_reason.startswith("Hb 102")
    session.record_fact("esr", {"value": 20, "unit": "mm/h"}, reason="late lab result")
    assert store.load(session.screening.id).status is ScreeningStatus.SCREEN_FAILURE  # the decision stands


def test_source_document_notes(store, clock):
    session = start(store, clock)
    session.set_note("I5", "CBC report 2026-11-19, hospital LIS")
    assert store.load(session.screening.id).notes == {"I5": "CBC report 2026-11-19, hospital LIS"}
    assert audit_trail.history(store.database.connection)[-1].action == "source_note"


def test_a_view_older_than_the_record_is_refused_and_read_again(store, clock):
    first = start(store, clock)
    window = ScreeningSession(store, NCT, first.screening.id, actor="coordinator", clock=clock)
    other = ScreeningSession(store, NCT, first.screening.id, actor="investigator", clock=clock)
    other.record_fact("haemoglobin", {"value": "88", "unit": "g/L"})
    with pytest.raises(StoreError) as refused:
        window.record_fact("esr", {"value": "31", "unit": "mm/h"})  # the window has not seen the haemoglobin yet
    assert refused.value.code == "changed_underneath"
    assert [(e.actor, e.target) for e in refused.value.params["changes"]] == [("investigator", "haemoglobin")]
    assert window.answer("haemoglobin") == {"value": 88, "unit": "g/L"} and window.answer("esr") != {"value": 31, "unit": "mm/h"}
    window.record_fact("esr", {"value": "31", "unit": "mm/h"})  # now it has: the next edit is taken
    entry = audit_trail.history(store.database.connection, first.screening.id)[-1]
    assert (entry.target, entry.new_value) == ("esr", {"value": 31, "unit": "mm/h"})


def test_one_command_is_decided_on_what_is_stored_without_refusing_others_changes(store, clock):
    first = start(store, clock)
    command = ScreeningSession(store, NCT, first.screening.id, actor="coordinator", clock=clock, one_shot=True)
    other = ScreeningSession(store, NCT, first.screening.id, actor="investigator", clock=clock)
    other.record_fact("esr", {"value": "40", "unit": "mm/h"})
    command.record_fact("haemoglobin", {"value": "88", "unit": "g/L"})  # another fact changed meanwhile: taken
    with pytest.raises(StoreError) as refused:  # the same fact, now entered by someone else: a reason is due
        command.record_fact("esr", {"value": "41", "unit": "mm/h"})
    assert refused.value.code == "reason_required"
    command.record_fact("esr", {"value": "41", "unit": "mm/h"}, reason="lab report")
    entry = audit_trail.history(store.database.connection, first.screening.id)[-1]
    assert entry.old_value == {"value": 40, "unit": "mm/h"}  # the value it replaced, not the one it had read


def test_retyping_a_stored_value_in_another_form_is_no_change(store, clock):
    session = start(store, clock)
    session.record_fact("esr", {"value": "30", "unit": "mm/h"})
    count = len(audit_trail.history(store.database.connection, session.screening.id))
    later = ScreeningSession(store, NCT, session.screening.id, actor="investigator", clock=clock)
    later.record_fact("esr", {"value": "30,0", "unit": "mm/h"})  # no reason asked: nothing changes
    assert len(audit_trail.history(store.database.connection, session.screening.id)) == count
