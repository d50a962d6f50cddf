"""Undo: the last change made in this sitting taken back as a change of its own, in the audit trail,
step by step; refused once anyone else changed the screening, as any out-of-date change is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from trialdesk.domain.errors import FactsInvalid, NeedsConfirmation
from trialdesk.domain.verdict import Verdict
from trialdesk.persistence import audit_trail, integrity
from trialdesk.messages import Messages
from trialdesk.persistence.protocol_files import find_protocol, load_protocol, parse_protocol
from trialdesk.persistence.screening_store import StoreError
from trialdesk.resources import resource_path
from trialdesk.session import ScreeningSession, start_screening

NCT = find_protocol("NCT03798028")
HB = {"value": 85, "unit": "g/L"}


def start(store, clock, actor="coordinator"):
    data = json.loads(resource_path("examples/NCT03798028-incomplete.json").read_text(encoding="utf-8"))
    subject = {**data["subject"], "screening_date": data["screening_date"]}
    return start_screening(store, NCT, subject, data["facts"], site="01", actor=actor, clock=clock)


def entries(store, session):
    return audit_trail.history(store.database.connection, session.screening.id)


def trail_intact(store) -> bool:
    db = store.database.connection
    return audit_trail.verify(db).intact and integrity.replay_problems(db) == []


def test_undo_of_a_first_answer_clears_it_as_a_change_of_its_own(store, clock):
    session = start(store, clock)
    assert session.next_undo is None and session.undo_last() is None  # nothing made in this sitting yet
    session.record_fact("haemoglobin", HB)
    answered = entries(store, session)[-1]
    saved = session.undo_last()
    assert saved.changed and "haemoglobin" not in store.load(session.screening.id).answers
    assert session.answer("haemoglobin") is None and session.report.result("I5").verdict is Verdict.UNKNOWN
    undo = entries(store, session)[-1]
    assert (undo.action, undo.target, undo.old_value, undo.new_value, undo.actor) == (
        "answer", "haemoglobin", HB, None, "coordinator")
    assert undo.seq == saved.seen_seq == answered.seq + 1
    assert undo.reason == f"Undo: undoes the change of 2026-11-20 09:00:02 (audit entry {answered.seq})"  # its time there
    assert session.last_undone == answered and session.next_undo is None
    assert trail_intact(store)


def test_several_undos_step_back_through_the_sitting_and_no_further(store, clock):
    session = start(store, clock)
    session.record_fact("haemoglobin", HB)
    session.record_fact("haemoglobin", {"value": 95, "unit": "g/L"})  # a typo corrected
    session.set_note("I5", "CBC report 2026-11-19")
    session.record_fact("tuberculosis", "no")
    undone = []
    while session.next_undo is not None:
        undone.append(session.next_undo.target)
        session.undo_last()
    assert undone == ["tuberculosis", "I5", "haemoglobin", "haemoglobin"]
    stored = store.load(session.screening.id)
    assert "haemoglobin" not in stored.answers and "tuberculosis" not in stored.answers and "I5" not in stored.notes
    trail = entries(store, session)
    assert [(e.target, e.new_value) for e in trail[-4:]] == [
        ("tuberculosis", None), ("I5", None), ("haemoglobin", HB), ("haemoglobin", None)]
    assert all(e.reason.startswith("Undo: undoes the change of ") for e in trail[-4:])
    assert session.undo_last() is None  # the screening's creation is not this sitting's to undo
    assert trail_intact(store)


def test_undo_puts_back_a_value_someone_entered_before_this_sitting(store, clock):
    first = start(store, clock, actor="Chen Hua")
    first.record_fact("haemoglobin", HB)
    later = ScreeningSession(store, NCT, first.screening.id, actor="Zhao Min", clock=clock)
    later.record_fact("haemoglobin", {"value": 89, "unit": "g/L"}, reason="lab report re-read")
    assert later.next_undo.target == "haemoglobin"
    later.undo_last()  # no reason asked: the undo says why itself
    assert store.load(first.screening.id).answers["haemoglobin"] == HB
    undo = entries(store, later)[-1]
    assert (undo.actor, undo.old_value, undo.new_value) == ("Zhao Min", {"value": 89, "unit": "g/L"}, HB)
    assert "undoes the change of" in undo.reason


def test_undo_after_someone_else_changed_the_screening_is_refused_and_nothing_is_saved(store, clock):
    mine = start(store, clock)
    mine.record_fact("haemoglobin", HB)
    other = ScreeningSession(store, NCT, mine.screening.id, actor="investigator", clock=clock)
    other.record_fact("tuberculosis", "no")
    count = len(entries(store, mine))
    with pytest.raises(StoreError) as refused:
        mine.undo_last()
    assert refused.value.code == "changed_underneath"
    assert [(e.actor, e.target) for e in refused.value.params["changes"]] == [("investigator", "tuberculosis")]
    assert len(entries(store, mine)) == count and store.load(mine.screening.id).answers["haemoglobin"] == HB
    assert mine.answer("tuberculosis") == "no"  # the session has read the screening again
    assert mine.next_undo is None and mine.undo_last() is None  # nothing before the other's change comes back


def test_undo_after_the_same_person_changed_it_in_another_window_is_refused_too(store, clock):
    mine = start(store, clock)
    mine.record_fact("haemoglobin", HB)
    window = ScreeningSession(store, NCT, mine.screening.id, actor="coordinator", clock=clock)
    window.record_fact("haemoglobin", {"value": 87, "unit": "g/L"}, reason="second window")
    with pytest.raises(StoreError, match="changed_underneath"):
        mine.undo_last()
    assert store.load(mine.screening.id).answers["haemoglobin"] == {"value": 87, "unit": "g/L"}


def test_a_screen_failure_leaves_nothing_to_undo(store, clock):
    session = start(store, clock)
    session.record_fact("haemoglobin", HB)
    session.record_screen_failure("not eligible: E15")  # decided on these answers: Undo forgets them
    assert session.next_undo is None and session.undo_last() is None


def test_undo_of_a_subject_correction_puts_the_first_value_back(store, clock):
    session = start(store, clock)
    session.record_fact("date_of_birth", "1972-03-16", reason="ID card")
    session.undo_last()
    stored = store.load(session.screening.id)
    assert stored.answers["date_of_birth"] == "1972-03-15" and str(stored.subject.date_of_birth) == "1972-03-15"


def test_undo_that_would_empty_the_subjects_record_is_refused_with_why(store, clock):
    path = Path(__file__).parent / "data" / "asked_if.yaml"
    without = load_protocol(path)  # asks no consent date: the screening stores none as an answer
    subject = {"screening_number": "U-001", "initials": "ZL", "date_of_birth": "1980-05-01", "sex": "female",
               "screening_date": "2026-11-20", "consent_date": "2026-11-18", "consent_version": "v1"}
    first = start_screening(store, without, subject, site="01", actor="coordinator", clock=clock)
    text = path.read_text(encoding="utf-8").replace(
        "facts:\n", "facts:\n  - {id: consent_date, type: date, label: Informed consent date}\n", 1)
    session = ScreeningSession(store, parse_protocol(text), first.screening.id, actor="coordinator", clock=clock)
    session.record_fact("consent_date", "2026-11-17")  # its first answer, correcting the subject's record
    with pytest.raises(FactsInvalid) as refused:
        session.undo_last()
    assert [(p.code, p.fact) for p in refused.value.problems] == [("undo_empties_subject", "consent_date")]
    assert Messages(session.protocol).problem(refused.value.problems[0]) == (
        "Informed consent date (consent_date): its first entry cannot be undone: that would leave the subject's "
        "record empty; correct it instead")
    assert store.load(first.screening.id).answers["consent_date"] == "2026-11-17"


def test_undo_that_puts_back_an_unusual_value_asks_it_confirmed_again(store, clock):
    session = start(store, clock)
    session.record_fact("haemoglobin", {"value": 200, "unit": "g/L"}, confirmed=True)
    session.record_fact("haemoglobin", HB)
    count = len(entries(store, session))
    with pytest.raises(NeedsConfirmation):
        session.undo_last()
    assert len(entries(store, session)) == count and session.next_undo.target == "haemoglobin"
    session.undo_last(confirmed=True)
    answer, confirmed = entries(store, session)[-2:]
    assert (answer.new_value, confirmed.action) == ({"value": 200, "unit": "g/L"}, "warning_confirmed")
