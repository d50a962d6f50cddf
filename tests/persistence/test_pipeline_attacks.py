"""The screening pipeline against an inspector and a dishonest coordinator who owns the database file.

Every test is an attack that must fail: refused by the service, or named by the records check
(`verify_records().problems`). A test that fails here is a defect the attack exposed.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.cli.conftest import as_user, password_file  # noqa: F401  (the command line signed in)
from tests.cli.test_cli import cli
from tests.desk.test_pipeline import rescreening_protocol
from tests.persistence.test_integrity import tamper
from tests.worksheet.conftest import investigator, pdftotext, sign, site  # noqa: F401  (the site fixture)
from trialdesk.desk import Refused, StoreError
from trialdesk.domain.log import LogFilter
from trialdesk.messages import Messages
from trialdesk.resources import resource_path

ON = date(2026, 11, 20)  # the test clock's day
NCT = "NCT03798028"


def example(name: str) -> dict:
    return json.loads(resource_path(f"examples/NCT03798028-{name}.json").read_text(encoding="utf-8"))


def start(site, number: str, name: str = "eligible", protocol: str = NCT, desk=None, **extra):
    data = example(name)
    subject = {**data["subject"], "screening_number": number, "screening_date": data["screening_date"]}
    return (desk or site.coordinator).start_screening(protocol, subject, data["facts"], **extra)


def signed(site, number: str, name: str = "eligible", protocol=None):
    """A screening entered, completed by the coordinator and signed by the PI."""
    session = start(site, number, name, protocol.id if protocol else NCT)
    site.coordinator.complete(session, site.people.coordinator.password)
    words = Messages(protocol) if protocol else site.words
    site.pi.sign(session, investigator(site), site.people.pi.password, words)
    return site.site.screening(number)


def found(opened) -> str:
    """The records check's problems as one text (the site is closed after)."""
    try:
        return " | ".join(opened.verify_records().problems)
    finally:
        opened.close()


def reopened(site):
    from trialdesk.desk import Site

    return Site(site.site.settings, clock=site.site.clock)


def once(first, then):
    """`first` on the first call (the window reading before it writes), `then` after (the reads inside the
    write, which hold the lock: the other window's change has to come before them)."""
    calls = []

    def call(*args):
        calls.append(args)
        return (first if len(calls) == 1 else then)(*args)

    return call


def second_desk(site):
    """The coordinator signed in on a second Site object over the same database (another window)."""
    other = reopened(site)
    return other, other.sign_in(site.people.coordinator.name, site.people.coordinator.password)


@pytest.fixture
def enrolled(site):
    """S-001 signed eligible and enrolled as R-014."""
    sign(site)
    site.coordinator.record_enrolment("S-001", enrolled=True, on=ON, number="R-014")
    return site


@pytest.fixture
def rescreen_site(site, tmp_path, clock):
    """A protocol allowing three attempts, 14 days apart; attempt 1 (R1-001) signed eligible, not enrolled
    (declined); the clock 30 days on, so that a second attempt may start."""
    protocol = site.site.add_protocol_file(Path(rescreening_protocol(tmp_path, attempts=3)))
    first = signed(site, "R1-001", protocol=protocol)
    site.coordinator.record_enrolment("R1-001", enrolled=False, on=ON, reason="declined")
    clock.now += timedelta(days=30)
    site.protocol = protocol
    site.first = first
    return site


def later_day(site) -> str:
    return (site.first.subject.screening_date + timedelta(days=20)).isoformat()


def rescreen(site, number: str, reference: str = "R1-001", desk=None):
    day = later_day(site)
    data = example("eligible")
    return (desk or site.coordinator).rescreen(reference, {"screening_number": number, "consent_date": day,
                                                           "consent_version": "2.1", "screening_date": day},
                                               data["facts"] | {"consent_date": day})


# -- enrolment through the service --------------------------------------------------------------------


def test_an_ineligible_signed_subject_and_a_corrected_signed_subject_cannot_be_enrolled(site):
    sign(site, "ineligible")
    with pytest.raises(Refused) as raised:
        site.coordinator.record_enrolment("S-002", enrolled=True, on=ON, number="R-001")
    assert raised.value.code == "enrolment_needs_signed_eligible"
    sign(site)
    corrected = site.coordinator.open("S-001").correct("transcription error in the CBC")
    assert corrected.screening.status.value != "signed" and corrected.screening.supersedes is not None
    with pytest.raises(Refused) as raised:  # the latest evaluation is not signed: no enrolment
        site.coordinator.record_enrolment("S-001", enrolled=True, on=ON, number="R-001")
    assert raised.value.code == "enrolment_needs_signed_eligible"
    superseded_id = corrected.screening.supersedes
    with pytest.raises(Refused) as raised:  # nor through the superseded signed version's id
        site.coordinator.record_enrolment(superseded_id, enrolled=True, on=ON, number="R-001")
    assert raised.value.code == "enrolment_superseded"
    assert not [e for e in site.site.history() if e.action == "enrolment"]


def test_a_second_number_for_an_enrolled_subject_needs_a_reason(enrolled):
    with pytest.raises(StoreError) as raised:
        enrolled.coordinator.record_enrolment("S-001", enrolled=True, on=ON, number="R-015")
    assert raised.value.code == "enrolment_change_needs_reason"
    with pytest.raises(StoreError) as raised:  # a blank reason is no reason
        enrolled.coordinator.record_enrolment("S-001", enrolled=True, on=ON, number="R-015", change_reason="   ")
    assert raised.value.code == "enrolment_change_needs_reason"
    assert enrolled.site.enrolment(enrolled.site.screening("S-001")).number == "R-014"


def test_one_randomisation_number_is_never_given_to_two_subjects_even_from_two_windows(enrolled):
    signed(enrolled, "S-004")
    other, desk = second_desk(enrolled)
    try:
        for number in ("R-014", " R-014 "):
            with pytest.raises(StoreError) as raised:
                desk.record_enrolment("S-004", enrolled=True, on=ON, number=number)
            assert raised.value.code == "enrolment_number_taken"
    finally:
        other.close()
    assert enrolled.site.enrolment(enrolled.site.screening("S-004")) is None


@pytest.mark.parametrize("look_alike", ["Ｒ-０１４", "r-014", "R\u2011014"])
def test_a_look_alike_of_a_given_randomisation_number_is_refused_too(enrolled, look_alike):
    """Full-width digits, another case or a non-breaking hyphen print as the same number on the sponsor log."""
    signed(enrolled, "S-004")
    with pytest.raises((StoreError, Refused)):
        enrolled.coordinator.record_enrolment("S-004", enrolled=True, on=ON, number=look_alike)


def test_an_earlier_attempt_is_not_enrolled_once_the_subject_was_screened_again(rescreen_site):
    site = rescreen_site
    second = rescreen(site, "R1-002")
    site.coordinator.complete(second, site.people.coordinator.password)
    site.pi.sign(second, investigator(site), site.people.pi.password, Messages(site.protocol))
    site.coordinator.record_enrolment("R1-002", enrolled=True, on=ON + timedelta(days=30), number="R-100")
    with pytest.raises((Refused, StoreError)):  # one subject, two randomisation numbers
        site.coordinator.record_enrolment("R1-001", enrolled=True, on=ON, number="R-101",
                                          change_reason="the subject was randomised after all")


# -- re-screening ---------------------------------------------------------------------------------------


def test_an_enrolled_subject_is_not_re_screened(rescreen_site):
    site = rescreen_site
    site.coordinator.record_enrolment("R1-001", enrolled=True, on=ON, number="R-200",
                                      change_reason="randomised later the same day")
    with pytest.raises(Refused) as raised:
        rescreen(site, "R1-002")
    assert raised.value.code == "rescreen_enrolled"


def test_two_re_screenings_at_once_from_two_windows_give_one_attempt_2(rescreen_site, monkeypatch):
    site = rescreen_site
    other, desk = second_desk(site)
    try:
        stale = other.pipeline.latest_attempt

        def read_then_the_other_window_writes(screening_id):
            seen = stale(screening_id)  # this window has read attempt 1 as the latest...
            rescreen(site, "R1-002")  # ...when the first window re-screens the subject
            return seen

        monkeypatch.setattr(other.pipeline, "latest_attempt", once(read_then_the_other_window_writes, stale))
        with pytest.raises((StoreError, Refused)) as raised:  # the rules read again inside the write see attempt 2
            rescreen(site, "R1-003", desk=desk)
        assert raised.value.code in ("attempt_taken", "rescreen_not_latest")
    finally:
        other.close()
    assert [a[0] for a in site.site.attempts(site.first.id)] == [1, 2]


def test_attempt_1_is_not_re_screened_once_attempt_2_exists(rescreen_site):
    site = rescreen_site
    rescreen(site, "R1-002")
    with pytest.raises(Refused) as raised:
        rescreen(site, "R1-003", reference="R1-001")
    assert raised.value.code == "rescreen_not_latest"


def test_an_enrolment_recorded_in_another_window_while_re_screening_is_not_overtaken(rescreen_site, monkeypatch):
    """Window B reads attempt 1 (not enrolled) as the latest; window A enrols it; B must not then
    start attempt 2 of an enrolled subject."""
    site = rescreen_site
    other, desk = second_desk(site)
    try:
        stale = other.pipeline.latest_attempt

        def read_then_the_other_window_enrols(screening_id):
            seen = stale(screening_id)
            site.coordinator.record_enrolment("R1-001", enrolled=True, on=ON, number="R-300",
                                              change_reason="randomised after all")
            return seen

        monkeypatch.setattr(other.pipeline, "latest_attempt", once(read_then_the_other_window_enrols, stale))
        with pytest.raises((Refused, StoreError)):
            rescreen(site, "R1-002", desk=desk)
    finally:
        other.close()


# -- hostile input ------------------------------------------------------------------------------------


@pytest.mark.parametrize("kwargs, code", [
    ({"enrolled": True, "number": "R" * 10_000}, "text_too_long"),
    ({"enrolled": True, "number": "R-1\x00"}, "control_characters"),
    ({"enrolled": True, "number": "R-1\u202e"}, "control_characters"),
    ({"enrolled": True, "number": "R-1\nR-2"}, "control_characters"),
    ({"enrolled": False, "reason": "other", "text": "x" * 10_000}, "text_too_long"),
    ({"enrolled": False, "reason": "other", "text": "moved\x1bcity"}, "control_characters"),
    ({"enrolled": False, "reason": "other", "text": "a\x1fb"}, "control_characters"),  # the log's own separator
    ({"enrolled": True, "number": "R-1", "on": date(1800, 1, 1)}, "enrolment_before_screening"),
    ({"enrolled": True, "number": "R-1", "on": date(2999, 1, 1)}, "enrolment_in_future"),
    ({"enrolled": False, "reason": "because"}, "not_enrolled_reason_required"),
    ({"enrolled": False, "reason": "declined", "number": "R-1"}, "enrolment_number_not_enrolled"),
    ({"enrolled": True, "number": "   "}, "enrolment_number_required"),
])
def test_hostile_enrolment_input_is_refused(site, kwargs, code):
    sign(site)
    with pytest.raises(Refused) as raised:
        site.coordinator.record_enrolment("S-001", **{"on": ON, **kwargs})
    assert raised.value.code == code
    assert not [e for e in site.site.history() if e.action == "enrolment"]


def test_a_hostile_change_reason_is_refused(enrolled):
    for reason, code in (("why " * 5000, "text_too_long"), ("because\x07", "control_characters")):
        with pytest.raises(Refused) as raised:
            enrolled.coordinator.record_enrolment("S-001", enrolled=True, on=ON, number="R-015", change_reason=reason)
        assert raised.value.code == code


@pytest.mark.parametrize("candidate", ["M" * 10_000, "MRN\x00-1", "MRN\u2028-1", ""])
def test_a_hostile_candidate_is_refused(site, candidate):
    with pytest.raises(Refused):
        site.coordinator.record_prescreen(NCT, candidate, ON, "could_be_eligible")


@pytest.mark.parametrize("on", [date(1800, 1, 1), date(2999, 1, 1)])
def test_a_pre_screening_dated_in_1800_or_2999_is_refused(site, on):
    with pytest.raises(Refused):
        site.coordinator.record_prescreen(NCT, "MRN-1", on, "could_be_eligible")
    assert not site.site.prescreenings()


@pytest.mark.parametrize("protocol, result", [(NCT, "maybe"), ("NO-SUCH-PROTOCOL", "could_be_eligible")])
def test_a_pre_screening_with_an_unknown_result_or_protocol_is_refused_in_words(site, protocol, result):
    with pytest.raises((Refused, StoreError)):  # never a raw sqlite3 error reaching the user
        site.coordinator.record_prescreen(protocol, "MRN-1", ON, result)
    assert not site.site.prescreenings()


def test_a_candidate_pre_screened_for_one_protocol_does_not_start_a_screening_of_another(site, tmp_path):
    other = site.site.add_protocol_file(Path(rescreening_protocol(tmp_path)))
    kept = site.coordinator.record_prescreen(NCT, "MRN-9", ON, "could_be_eligible")
    with pytest.raises((Refused, StoreError)):
        start(site, "R1-050", protocol=other.id, prescreen_id=kept)


def test_two_screenings_at_once_from_one_pre_screened_candidate_give_one(site, monkeypatch):
    kept = site.coordinator.record_prescreen(NCT, "MRN-77", ON, "could_be_eligible")
    other, desk = second_desk(site)
    try:
        start(site, "S-201", "incomplete", prescreen_id=kept)
        monkeypatch.setattr(desk, "_unscreened_prescreen", lambda pid, *_: pid)  # it read "not screened" before
        with pytest.raises(StoreError) as raised:
            start(site, "S-202", "incomplete", desk=desk, prescreen_id=kept)
        assert raised.value.code == "prescreen_screened"
    finally:
        other.close()
    assert site.site.pipeline.prescreening(kept).screening_number == "S-201"


def test_chinese_and_formula_numbers_are_kept_and_neutralised_in_the_sponsor_csv(enrolled, tmp_path):
    from trialdesk.domain.errors import FactsInvalid

    signed(enrolled, "S-004")
    signed(enrolled, "S-005")
    enrolled.coordinator.record_enrolment("S-004", enrolled=True, on=ON, number="随机-007")
    enrolled.coordinator.record_enrolment("S-005", enrolled=True, on=ON, number="=cmd|' /C calc'!A0")
    enrolled.coordinator.record_enrolment("S-001", enrolled=False, on=ON, reason="other",
                                          text="=HYPERLINK(\"http://x\",\"y\")", change_reason="+cmd|' /C calc'!A0")
    with pytest.raises(FactsInvalid):  # a screening number is never a formula
        start(enrolled, "=cmd|' /C calc'!A0", "ineligible")
    target = tmp_path / "log.csv"
    enrolled.site.export_log(target, LogFilter(protocol_id=NCT), {})
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    by_number = {r["screening_number"]: r for r in rows}
    assert by_number["S-004"]["randomisation_number"] == "随机-007"
    assert by_number["S-001"]["reason_text"].startswith("'=")
    assert by_number["S-005"]["randomisation_number"] == "'=cmd|' /C calc'!A0"
    for row in rows:
        assert not any(v.startswith(("=", "+", "-", "@")) for v in row.values())


def test_the_sponsor_log_csv_and_pdf_carry_no_date_of_birth_or_candidate_id(enrolled, tmp_path):
    kept = enrolled.coordinator.record_prescreen(NCT, "MRN-SECRET-55", ON, "could_be_eligible")
    start(enrolled, "S-201", "incomplete", prescreen_id=kept)
    born = {example(n)["facts"]["date_of_birth"] for n in ("eligible", "ineligible", "incomplete")}
    target = tmp_path / "log.csv"
    enrolled.site.export_log(target, LogFilter(protocol_id=NCT), {})
    text = target.read_text(encoding="utf-8-sig")
    pdf = tmp_path / "log.pdf"
    pdf.write_bytes(enrolled.site.sponsor_log_pdf(LogFilter(protocol_id=NCT), "en", "Chen Hua"))
    printed = pdftotext(pdf, layout=False)
    assert "S-001" in text and "S-001" in printed and "R-014" in printed
    for document in (text, printed):
        assert not any(b in document for b in born)
        assert "date_of_birth" not in document.lower() and "MRN-SECRET-55" not in document


# -- CONSORT counts -----------------------------------------------------------------------------------


def test_a_corrected_signed_screening_is_one_subject_in_the_consort_counts(enrolled):
    before = enrolled.site.consort(NCT)
    assert (before.assessed, before.enrolled) == (3, 1)
    enrolled.coordinator.open("S-001").correct("a wrong date of the CBC")
    after = enrolled.site.consort(NCT)
    assert after.assessed == 3  # the superseded signed version does not count again
    assert after.enrolled == 1  # the enrolment follows the subject to the correction
    assert after.assessed == after.excluded + after.still_screening + after.enrolled


def test_a_re_screened_subject_is_one_subject_in_the_consort_counts(rescreen_site):
    site = rescreen_site
    second = rescreen(site, "R1-002")
    site.coordinator.complete(second, site.people.coordinator.password)
    site.pi.sign(second, investigator(site), site.people.pi.password, Messages(site.protocol))
    site.coordinator.open("R1-002").correct("a correction of the second attempt")
    site.coordinator.open("R1-001").correct("a correction of the first attempt, after the second")
    counts = site.site.consort(site.protocol.id)
    assert counts.assessed == 1 and counts.rescreened_subjects == 1
    assert counts.assessed == counts.excluded + counts.still_screening + counts.enrolled


# -- the database file edited around the program ------------------------------------------------------


def test_an_enrolment_row_changed_with_triggers_dropped_is_named(enrolled):
    enrolled.site.close()
    problems = found(tamper(enrolled, "UPDATE enrolments SET number = 'R-999'", restore_triggers=True))
    assert "R-999" in problems and "not the one the audit trail recorded" in problems


def test_an_enrolment_rewritten_with_its_audit_entry_and_recomputed_chain_is_caught_by_a_later_signature(enrolled):
    sign(enrolled, "ineligible")  # a worksheet signed after the enrolment anchors its entry
    enrolled.site.close()
    opened = tamper(enrolled, "UPDATE enrolments SET number = 'R-999'",
                    "UPDATE audit SET new_value = replace(new_value, 'R-014', 'R-999') WHERE action = 'enrolment'",
                    recompute=True, restore_triggers=True)
    assert opened.verify_audit().intact  # the chain alone is fooled
    assert "the trail was rewritten" in found(opened)


def test_an_enrolment_rewritten_after_the_last_signature_is_caught_by_a_head_read_from_paper(enrolled):
    db = sqlite3.connect(enrolled.site.settings.database_path)
    head = db.execute("SELECT hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()[0]  # noted on paper
    db.close()
    enrolled.site.close()
    opened = tamper(enrolled, "UPDATE enrolments SET number = 'R-999'",
                    "UPDATE audit SET new_value = replace(new_value, 'R-014', 'R-999') WHERE action = 'enrolment'",
                    recompute=True, restore_triggers=True)
    try:
        problems = " | ".join(opened.verify_records(heads=[head]).problems)
    finally:
        opened.close()
    assert "no entry of the audit trail has the hash" in problems


def test_a_deleted_enrolment_row_is_named(enrolled):
    enrolled.site.close()
    problems = found(tamper(enrolled, "DELETE FROM enrolments", restore_triggers=True))
    assert "records an enrolment outcome of screening id" in problems and "no longer hold" in problems


@pytest.mark.parametrize("seq", ["enrolment", "other", "none"])
def test_a_fake_enrolment_row_with_a_fake_audit_seq_is_named(enrolled, seq):
    signed(enrolled, "S-004")
    db = sqlite3.connect(enrolled.site.settings.database_path)
    first_id = db.execute("SELECT first_id FROM screenings WHERE screening_number = 'S-004'").fetchone()[0]
    audit_seq = {"enrolment": "(SELECT seq FROM audit WHERE action = 'enrolment')",
                 "other": "(SELECT MIN(seq) FROM audit)", "none": "999999"}[seq]
    db.close()
    enrolled.site.close()
    problems = found(tamper(enrolled, (
        "INSERT INTO enrolments (first_id, outcome, on_date, number, number_key, recorded_by, recorded_at, audit_seq) "
        f"VALUES (?, 'enrolled', '2026-11-20', 'R-014', 'r-014', 'Chen Hua', '2026-11-20T10:00:00+08:00', {audit_seq})",
        (first_id,)), drop_triggers=False))
    assert f"the enrolment outcome of screening id {first_id} (enrolled R-014) is not the one the audit trail" in problems


def test_an_enrolment_moved_to_another_subject_is_named(enrolled):
    """The row keeps its values and its audit entry's number; only the screening it belongs to changes."""
    signed(enrolled, "S-004")
    db = sqlite3.connect(enrolled.site.settings.database_path)
    first_id = db.execute("SELECT first_id FROM screenings WHERE screening_number = 'S-004'").fetchone()[0]
    db.close()
    enrolled.site.close()
    opened = tamper(enrolled, ("UPDATE enrolments SET first_id = ?", (first_id,)), restore_triggers=True)
    assert opened.enrolment(opened.screening("S-004")).number == "R-014"  # the attack took
    assert "enrolment" in found(opened)


def test_an_older_outcome_made_current_by_renumbering_rows_is_named(enrolled):
    enrolled.coordinator.record_enrolment("S-001", enrolled=False, on=ON, reason="withdrew_consent",
                                          change_reason="withdrew before the first dose")
    enrolled.site.close()
    opened = tamper(enrolled, "UPDATE enrolments SET id = 100 WHERE outcome = 'enrolled'", restore_triggers=True)
    assert opened.enrolment(opened.screening("S-001")).enrolled  # the attack took: enrolled again
    assert "enrolment" in found(opened)


def test_who_recorded_an_enrolment_cannot_be_rewritten(enrolled):
    enrolled.site.close()
    opened = tamper(enrolled, "UPDATE enrolments SET recorded_by = 'Wang Li', recorded_at = '2026-11-19T08:00:00+08:00'",
                    restore_triggers=True)
    assert "enrolment" in found(opened)


@pytest.mark.parametrize("statement", [
    "UPDATE screenings SET attempt = 3 WHERE screening_number = 'R1-002'",
    "UPDATE screenings SET rescreen_of = NULL, attempt = 1, subject_id = id WHERE screening_number = 'R1-002'",
    "UPDATE screenings SET prescreen_id = (SELECT MAX(id) FROM prescreenings) WHERE screening_number = 'R1-001'",
])
def test_a_first_versions_links_edited_by_hand_are_named(rescreen_site, statement):
    site = rescreen_site
    rescreen(site, "R1-002")
    site.coordinator.record_prescreen(site.protocol.id, "MRN-5", ON, "could_be_eligible")
    before = found(reopened(site))
    assert before == ""
    site.site.close()
    assert "re-screening link" in found(tamper(site, statement, restore_triggers=True))


@pytest.mark.parametrize("statement", [
    "UPDATE screenings SET subject_id = id WHERE screening_number = 'R1-002'",
    "UPDATE screenings SET first_id = (SELECT MIN(id) FROM screenings WHERE screening_number = 'S-001') "
    "WHERE screening_number = 'R1-002'",
])
def test_a_screenings_subject_or_first_version_edited_by_hand_is_named(rescreen_site, statement):
    """subject_id and first_id are set by trigger; detaching attempt 2 from its subject, or giving it another
    screening's enrolment outcomes, must show."""
    site = rescreen_site
    rescreen(site, "R1-002")
    site.site.close()
    assert "R1-002" in found(tamper(site, statement, restore_triggers=True))


def test_a_corrections_attempt_edited_by_hand_is_named(rescreen_site):
    """A correction keeps its screening's links and the trail records them: an edit of the newest version's
    attempt changes what the attempts list and the re-screening rules read."""
    site = rescreen_site
    site.coordinator.open("R1-001").correct("a wrong unit")
    site.site.close()
    opened = tamper(site, "UPDATE screenings SET attempt = 3 WHERE screening_number = 'R1-001' AND supersedes IS NOT NULL",
                    restore_triggers=True)
    assert "R1-001" in found(opened)


@pytest.mark.parametrize("statement, drop", [
    ("UPDATE prescreenings SET outcome = 'not_approached'", False),  # the outcome column is open to the program
    ("UPDATE prescreenings SET outcome = NULL, outcome_text = NULL", False),
    ("UPDATE prescreenings SET result = 'not_eligible'", True),
    ("UPDATE prescreenings SET candidate = 'MRN-78'", True),
    ("UPDATE prescreenings SET protocol_id = 'RESCREEN-1'", True),
    ("UPDATE prescreenings SET on_date = '2026-10-01'", True),
])
def test_a_pre_screenings_candidate_or_outcome_changed_by_hand_is_named(site, statement, drop):
    kept = site.coordinator.record_prescreen(NCT, "MRN-77", ON, "could_be_eligible")
    site.coordinator.record_prescreen_outcome(kept, "declined")
    db = sqlite3.connect(site.site.settings.database_path)
    with pytest.raises(sqlite3.DatabaseError, match="kept as recorded"):
        db.execute("UPDATE prescreenings SET candidate = 'MRN-78'")
    db.close()
    site.site.close()
    problems = found(tamper(site, statement, drop_triggers=drop, restore_triggers=drop))
    assert f"(id {kept}) is not the one the audit trail recorded" in problems


def test_a_deleted_pre_screening_and_one_written_in_are_named(site):
    site.coordinator.record_prescreen(NCT, "MRN-77", ON, "could_be_eligible")
    site.site.close()
    problems = found(tamper(site, "DELETE FROM prescreenings", restore_triggers=True))
    assert "the audit trail records a pre-screening (id 1) that the records no longer hold" in problems
    problems = found(tamper(site, "INSERT INTO prescreenings (id, protocol_id, site, candidate, on_date, result, "
                            "recorded_by, recorded_at) VALUES (50, 'NCT03798028', '01', 'MRN-90', '2026-11-20', "
                            "'not_eligible', 'Chen Hua', '2026-11-20T10:00:00+08:00')", drop_triggers=False))
    assert "MRN-90 (id 50)" in problems


def test_a_screening_linked_to_a_pre_screening_by_hand_is_named(site):
    kept = site.coordinator.record_prescreen(NCT, "MRN-77", ON, "could_be_eligible")
    site.site.close()
    problems = found(tamper(site, ("UPDATE screenings SET prescreen_id = ? WHERE screening_number = 'S-002'", (kept,)),
                            restore_triggers=True))
    assert "S-002" in problems and "pre-screening" in problems


def test_who_recorded_a_pre_screening_cannot_be_rewritten(site):
    kept = site.coordinator.record_prescreen(NCT, "MRN-77", ON, "could_be_eligible")
    site.site.close()
    problems = found(tamper(site, "UPDATE prescreenings SET recorded_by = 'Wang Li', recorded_at = "
                            "'2026-11-01T08:00:00+08:00'", restore_triggers=True))
    assert f"(id {kept}) is not the one the audit trail recorded" in problems


def test_an_enrolment_is_not_dated_before_the_investigator_signed(rescreen_site):
    """Attempt 2 is screened on day 20 and signed on day 30: randomised on day 25 would be before anyone
    had confirmed the subject eligible."""
    site = rescreen_site
    second = rescreen(site, "R1-002")
    site.coordinator.complete(second, site.people.coordinator.password)
    site.pi.sign(second, investigator(site), site.people.pi.password, Messages(site.protocol))
    with pytest.raises(Refused):
        site.coordinator.record_enrolment("R1-002", enrolled=True, on=ON + timedelta(days=25), number="R-100")


# -- the same, from the command line ------------------------------------------------------------------


def test_audit_verify_names_an_enrolment_rewritten_in_the_file(capsys, as_user, enrolled):
    enrolled.site.close()
    tamper(enrolled, "UPDATE enrolments SET number = 'R-999'", restore_triggers=True).close()
    code, out, err = cli(capsys, "audit", "verify")
    assert code != 0 and "R-999" in out + err and "not the one the audit trail recorded" in out + err


def test_audit_verify_names_an_enrolment_moved_to_another_subject(capsys, as_user, enrolled):
    signed(enrolled, "S-004")
    enrolled.site.close()
    tamper(enrolled, "UPDATE enrolments SET first_id = (SELECT first_id FROM screenings WHERE screening_number = "
                     "'S-004')", restore_triggers=True).close()
    code, out, err = cli(capsys, "audit", "verify")
    assert code != 0 and "enrolment" in out + err


@pytest.mark.parametrize("args, words", [
    (["enrol", "S-001", "--number", "R" * 10_000], "long"),
    (["enrol", "S-001", "--number", "R-1\x1b[2J"], "control"),
    (["enrol", "S-001", "--number", "R-1", "--on", "2999-01-01"], "2999-01-01"),
    (["enrol", "S-001", "--number", "R-1", "--on", "1800-01-01"], "1800-01-01"),
    (["not-enrolled", "S-001", "--reason", "other", "--text", "x" * 10_000], "long"),
    (["rescreen", "S-001", "--number", "S-900", "--consent-date", "2026-11-20", "--consent-version", "2.1"],
     "has not ended"),
    (["rescreen", "S-001", "--number", "S-9\u202e00", "--consent-date", "2026-11-20", "--consent-version", "2.1"],
     "S-001"),
])
def test_hostile_pipeline_commands_are_refused_in_words(capsys, as_user, site, args, words):
    sign(site)
    site.site.close()
    try:
        code, out, err = cli(capsys, *as_user(), "screening", *args)
    except SystemExit as refused:  # the argument parser refuses it, in words, before anything opens
        code, (out, err) = refused.code, capsys.readouterr()
        assert "Traceback" not in out + err
    assert code == 2 and words in err
    with reopened(site) as opened:
        assert opened.enrolment(opened.screening("S-001")) is None
        assert [a[2] for a in opened.attempts(opened.screening("S-001").id)] == ["S-001"]


def test_a_person_without_data_entry_delegation_records_no_outcome(site):
    sign(site)
    admin = site.site.sign_in(site.people.admin.name, site.people.admin.password)
    with pytest.raises(Refused):
        admin.record_enrolment("S-001", enrolled=True, on=ON, number="R-1")
    with pytest.raises(Refused):
        admin.record_prescreen(NCT, "MRN-1", ON, "could_be_eligible")
    assert not [e for e in site.site.history() if e.action in ("enrolment", "prescreened")]


def test_a_re_screening_does_not_give_the_subject_another_date_of_birth_or_sex(rescreen_site):
    """The same subject screened again: a date of birth that now passes the age criterion, or another sex,
    is a correction of the earlier attempt (with its reason), never a silent difference between attempts."""
    site = rescreen_site
    day = later_day(site)
    for changed in ({"date_of_birth": "1990-01-01"}, {"sex": "male"}):
        with pytest.raises((Refused, StoreError)):
            site.coordinator.rescreen("R1-001", {"screening_number": "R1-002", "consent_date": day,
                                                 "consent_version": "2.1", "screening_date": day, **changed})


@pytest.mark.parametrize("attempt", [2, 99])
def test_a_re_screening_link_cannot_be_forged_through_start_screening(enrolled, attempt):
    """`lineage` is the re-screening's own link: given straight to start_screening it would make an enrolled
    subject's attempt 2 (or 99) under a protocol that allows one attempt, past every re-screening rule."""
    first_id = enrolled.site.screening("S-001").first_id
    with pytest.raises((Refused, StoreError)):
        start(enrolled, "S-050", "ineligible", lineage={"rescreen_of": first_id, "attempt": attempt})
    assert [a[2] for a in enrolled.site.attempts(first_id)] == ["S-001"]
