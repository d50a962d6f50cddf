"""The screening pipeline at the site service: enrolment outcomes, re-screening attempts and
pre-screened candidates, each audited, each held by the records check."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

import pytest

from tests.worksheet.conftest import sign, site  # noqa: F401  (a site with an eligible and an ineligible screening)
from trialdesk.desk import Refused, StoreError
from trialdesk.domain.stages import NotEnrolledReason, Stage, stage_of
from trialdesk.messages import Messages
from trialdesk.resources import resource_path

ON = date(2026, 11, 20)  # the test clock's day


def refusal(raised) -> str:
    return Messages().refusal(raised.value.code, raised.value.params)


def rescreening_protocol(tmp_path, attempts: int = 2, interval: int = 14) -> str:
    """NCT03798028's rule file under another id, declaring re-screening (the registry record says nothing)."""
    text = resource_path("protocols/NCT03798028.yaml").read_text(encoding="utf-8")
    text = text.replace("id: NCT03798028\n", "id: RESCREEN-1\n", 1).replace(
        "glucocorticoid_table:", f"screening: {{max_attempts: {attempts}, min_interval_days: {interval}}}\n"
        "glucocorticoid_table:", 1)
    path = tmp_path / "RESCREEN-1.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_signed_eligible_subject_is_enrolled_with_number_and_date_and_the_trail_says_so(site):
    signed = sign(site)
    screening = site.site.screening("S-001")
    enrolment = site.coordinator.record_enrolment("S-001", enrolled=True, on=ON, number="R-014")
    assert (enrolment.enrolled, enrolment.number, enrolment.on) == (True, "R-014", ON)
    assert site.site.enrolment(screening) == enrolment
    assert stage_of(screening.status, (), enrolment) is Stage.ENROLLED
    entry = [e for e in site.site.history(screening.id) if e.action == "enrolment"][-1]
    assert entry.actor == site.coordinator.person.name
    assert entry.new_value == {"outcome": "enrolled", "on": "2026-11-20", "number": "R-014"}
    assert signed is not None and site.site.verify_records().problems == ()


def test_enrolment_is_refused_before_the_investigator_signs_and_for_an_ineligible_subject(site):
    with pytest.raises(Refused) as raised:
        site.coordinator.record_enrolment("S-001", enrolled=True, on=ON, number="R-001")
    assert raised.value.code == "enrolment_needs_signed_eligible"
    assert "only once an investigator has signed" in refusal(raised)
    sign(site, "ineligible")
    with pytest.raises(Refused) as raised:
        site.coordinator.record_enrolment("S-002", enrolled=True, on=ON, number="R-001")
    assert raised.value.code == "enrolment_needs_signed_eligible"
    with pytest.raises(Refused) as raised:
        site.coordinator.record_enrolment("S-001", enrolled=False, on=ON, reason="other")
    assert raised.value.code == "not_enrolled_other_needs_text"
    with pytest.raises(Refused) as raised:
        site.coordinator.record_enrolment("S-001", enrolled=False, on=date(2099, 1, 1), reason="declined")
    assert raised.value.code == "enrolment_in_future"
    assert not [e for e in site.site.history() if e.action == "enrolment"]


def test_a_randomisation_number_is_given_once_and_an_outcome_changes_only_with_a_reason(site):
    sign(site)
    site.coordinator.record_enrolment("S-001", enrolled=False, on=ON, reason="declined")
    with pytest.raises(StoreError) as raised:
        site.coordinator.record_enrolment("S-001", enrolled=True, on=ON, number="R-002")
    assert raised.value.code == "enrolment_change_needs_reason"
    changed = site.coordinator.record_enrolment("S-001", enrolled=True, on=ON, number="R-002",
                                                change_reason="changed their mind the same day")
    assert changed.enrolled and changed.replaces is not None
    history = site.site.pipeline.enrolment_history(site.site.screening("S-001").id)
    assert [e.enrolled for e in history] == [False, True]  # the first outcome is kept
    assert history[0].reason is NotEnrolledReason.DECLINED
    with pytest.raises(StoreError) as raised:
        site.coordinator.record_enrolment("S-001", enrolled=True, on=ON, number="R-002", change_reason="again")
    assert raised.value.code == "enrolment_unchanged"


def test_an_enrolment_outcome_written_around_the_program_is_caught(site):
    sign(site)
    site.coordinator.record_enrolment("S-001", enrolled=True, on=ON, number="R-014")
    path = site.site.settings.database_path
    db = sqlite3.connect(path, isolation_level=None)
    with pytest.raises(sqlite3.DatabaseError, match="kept"):
        db.execute("UPDATE enrolments SET number = 'R-999'")
    db.execute("DROP TRIGGER enrolments_are_kept_update")
    db.execute("UPDATE enrolments SET number = 'R-999'")
    db.close()
    problems = "\n".join(site.site.verify_records().problems)
    assert "R-999" in problems and "audit trail" in problems
    assert "enrolments_are_kept_update was dropped" in problems


def test_a_screen_failure_is_re_screened_as_a_linked_attempt_within_the_protocols_rules(site, tmp_path, clock):
    protocol = site.site.add_protocol_file(__import__("pathlib").Path(rescreening_protocol(tmp_path)))
    first = site.coordinator.start_screening(protocol.id, {**site.sessions["ineligible"].screening.subject.model_dump(
        mode="json"), "screening_number": "R1-001"}, dict(site.sessions["ineligible"].screening.answers))
    assert first.screening.status.value == "ineligible"
    with pytest.raises(Refused) as raised:
        site.coordinator.rescreen("R1-001", {"screening_number": "R1-002", "consent_date": "2026-11-20",
                                             "consent_version": "2.1", "screening_date": "2026-11-25"})
    assert raised.value.code == "rescreen_too_soon"
    assert "not before 2026-12" in refusal(raised)
    later = date.fromordinal(first.screening.subject.screening_date.toordinal() + 14).isoformat()
    clock.now += timedelta(days=30)  # the second attempt is not in the future
    second = site.coordinator.rescreen("R1-001", {"screening_number": "R1-002", "consent_date": later,
                                                  "consent_version": "2.1", "screening_date": later})
    s = second.screening
    assert (s.attempt, s.rescreen_of, s.subject_id) == (2, first.screening.id, first.screening.id)
    assert s.subject.initials == first.screening.subject.initials  # carried over
    assert [a[2] for a in site.site.attempts(s.id)] == ["R1-001", "R1-002"]
    with pytest.raises(Refused) as raised:
        site.coordinator.rescreen("R1-001", {"screening_number": "R1-003", "consent_date": later,
                                             "consent_version": "2.1", "screening_date": later})
    assert raised.value.code == "rescreen_not_latest"
    with pytest.raises(Refused) as raised:  # attempt 2 is still being screened
        site.coordinator.rescreen("R1-002", {"screening_number": "R1-003", "consent_date": later,
                                             "consent_version": "2.1", "screening_date": later})
    assert raised.value.code in ("rescreen_not_ended", "rescreen_too_many")
    create = [e for e in site.site.history(s.id) if e.action == "create"][0]
    assert create.new_value["rescreen_of"] == first.screening.id and create.new_value["attempt"] == 2
    assert site.site.verify_records().problems == ()


def test_the_bundled_protocol_declares_no_re_screening_so_a_second_attempt_is_refused(site):
    with pytest.raises(Refused) as raised:
        site.coordinator.rescreen("S-002", {"screening_number": "S-102", "consent_date": "2026-11-20",
                                            "consent_version": "2.1", "screening_date": "2026-11-20"})
    assert raised.value.code == "rescreen_too_many"
    assert refusal(raised).endswith("the protocol allows 1 in all")


def test_a_pre_screened_candidate_is_kept_then_screened_once(site):
    coordinator = site.coordinator
    kept = coordinator.record_prescreen("NCT03798028", "MRN-77", ON, "could_be_eligible", "needs: haemoglobin")
    subject = {**site.sessions["incomplete"].screening.subject.model_dump(mode="json"), "screening_number": "S-201"}
    session = coordinator.start_screening("NCT03798028", subject, {}, prescreen_id=kept)
    assert session.screening.prescreen_id == kept
    assert site.site.pipeline.prescreening(kept).screening_number == "S-201"
    with pytest.raises(StoreError) as raised:
        coordinator.start_screening("NCT03798028", {**subject, "screening_number": "S-202"}, {}, prescreen_id=kept)
    assert raised.value.code == "prescreen_screened"
    with pytest.raises(StoreError):
        coordinator.record_prescreen_outcome(kept, "declined")
    other = coordinator.record_prescreen("NCT03798028", "MRN-78", ON, "could_be_eligible")
    with pytest.raises(Refused) as raised:
        coordinator.record_prescreen_outcome(other, "other")
    assert raised.value.code == "prescreen_other_needs_text"
    coordinator.record_prescreen_outcome(other, "declined")
    assert site.site.pipeline.prescreening(other).outcome.value == "declined"
    actions = [e.action for e in site.site.history() if e.action.startswith("prescreen")]
    assert actions == ["prescreened", "prescreened", "prescreen_outcome"]
    assert site.site.verify_records().problems == ()


def test_the_log_counts_a_re_screened_subject_once_and_shows_each_attempt(site, tmp_path, clock):
    from trialdesk.desk.log import reading

    protocol = site.site.add_protocol_file(__import__("pathlib").Path(rescreening_protocol(tmp_path, interval=0)))
    ineligible = site.sessions["ineligible"].screening
    first = site.coordinator.start_screening(protocol.id, {**ineligible.subject.model_dump(mode="json"),
                                                           "screening_number": "R1-001"}, dict(ineligible.answers))
    on = first.screening.subject.screening_date.isoformat()
    site.coordinator.rescreen("R1-001", {"screening_number": "R1-002", "consent_date": on, "consent_version": "2.1",
                                         "screening_date": on})
    log = reading(site.site.log)
    assert log.count() == 5 and log.subjects() == 4  # S-001..S-003, and one subject screened twice
    rows = {r.entry.screening_number: r.entry for r in log.rows(limit=10)}
    assert (rows["R1-002"].attempt, rows["R1-002"].rescreen_of) == (2, "R1-001")
    assert rows["R1-001"].stage.value == "screened" and rows["R1-002"].stage.value == "consented"
    counts = site.site.consort(protocol.id)
    assert (counts.assessed, counts.rescreened_subjects, counts.attempts) == (1, 1, 2)
    assert counts.in_progress == 1 and counts.not_meeting_criteria == 0  # by the latest attempt


def test_a_re_screening_dated_wrongly_is_refused_beside_the_date_and_nothing_is_made(site):
    from trialdesk.domain.errors import FactsInvalid

    with pytest.raises(FactsInvalid) as raised:
        site.coordinator.rescreen("S-002", {"screening_number": "S-102", "consent_date": "2026-11-20",
                                            "consent_version": "2.1", "screening_date": "2026-13-40"})
    assert [p.fact for p in raised.value.problems] == ["screening_date"]
    assert site.site.log.count() == 3
