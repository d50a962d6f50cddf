"""Soft plausibility (REDCap's soft validation): a value outside its usual range, or answers a check
marked `confirm` finds unusual together, is saved only when confirmed, and the confirmation is
audited with the answer, in the same transaction, inside the hash chain."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from pydantic import ValidationError

from tests.cli.conftest import as_user, password_file  # noqa: F401  (the command line's sign-in)
from tests.cli.test_cli import cli
from trialdesk.cli.common import EXIT_REFUSED
from trialdesk.domain.errors import FactsInvalid, NeedsConfirmation
from trialdesk.domain.evaluation import answer_warnings, parse_facts
from trialdesk.domain.facts import NumberFact
from trialdesk.messages import Messages
from trialdesk.persistence import audit_trail, integrity
from trialdesk.persistence.protocol_files import load_protocol
from trialdesk.persistence.screening_store import StoreError
from trialdesk.session import ScreeningSession, start_screening

ON = date(2026, 11, 20)
PROTOCOL_FILE = Path(__file__).parent / "data" / "asked_if.yaml"
PROTOCOL = load_protocol(PROTOCOL_FILE)
SUBJECT = {"screening_number": "W-001", "initials": "ZL", "date_of_birth": "1980-05-01", "sex": "female",
           "screening_date": "2026-11-20", "consent_date": "2026-11-18", "consent_version": "v1"}
HIGH = {"value": "200", "unit": "g/L"}


def start(store, clock, answers=None, **options):
    return start_screening(store, PROTOCOL, SUBJECT, answers, site="01", actor="coordinator", clock=clock, **options)


def entries(store, screening_id: int):
    return audit_trail.history(store.database.connection, screening_id)


# -- the protocol's words ----------------------------------------------------------------------------


def test_a_usual_range_lies_inside_the_plausible_one():
    fact = {"id": "hb", "type": "number", "label": "Hb", "quantity": "haemoglobin", "units": ["g/L"],
            "plausible": {"min": 30, "max": 220}}
    assert NumberFact.model_validate({**fact, "usual": {"min": 30, "max": 220}}).usual is not None
    with pytest.raises(ValidationError, match="usual .* must lie inside plausible"):
        NumberFact.model_validate({**fact, "usual": {"min": 20, "max": 180}})


@pytest.mark.parametrize("value, unit, unusual", [
    ("50", "g/L", False), ("180", "g/L", False), ("49.9", "g/L", True), ("180.1", "g/L", True),
    ("18", "g/dL", False), ("18.1", "g/dL", True),
])
def test_the_usual_range_includes_its_ends_in_every_unit(value, unit, unusual):
    facts = parse_facts(PROTOCOL, {"haemoglobin": {"value": value, "unit": unit}}, ON, typed=True)
    assert bool(answer_warnings(PROTOCOL, facts, ON)) is unusual


def test_a_warning_says_the_usual_range_in_the_unit_entered_in_each_language():
    facts = parse_facts(PROTOCOL, {"haemoglobin": {"value": "19", "unit": "g/dL"}}, ON, typed=True)
    (warning,) = answer_warnings(PROTOCOL, facts, ON)
    assert Messages(PROTOCOL).problem(warning) == "Haemoglobin (haemoglobin): 19 g/dL is outside the usual range 5–18 g/dL"
    assert Messages(PROTOCOL, "zh_CN").problem(warning).startswith("血红蛋白 (haemoglobin)")


def test_a_check_marked_confirm_warns_and_never_refuses():
    facts = parse_facts(PROTOCOL, {"hbv": "positive", "hbv_infection": "no"}, ON)  # accepted: no problem
    (warning,) = answer_warnings(PROTOCOL, facts, ON, changed="hbv_infection")
    assert (warning.code, warning.fact, warning.params["check"]) == ("unusual_answers", "hbv_infection", "hbv_conclusion")
    assert Messages(PROTOCOL).problem_text(warning) == (
        "unusual: HBsAg is positive but the investigator concludes no hepatitis B infection "
        "(the answers to HBsAg, Investigator's conclusion: hepatitis B infection)")
    assert answer_warnings(PROTOCOL, facts, ON, changed="haemoglobin") == []


# -- the session and the audit trail -------------------------------------------------------------------


def test_an_unusual_value_is_not_saved_until_confirmed(store, clock):
    session = start(store, clock)
    before = len(entries(store, session.screening.id))
    with pytest.raises(NeedsConfirmation) as unconfirmed:
        session.record_fact("haemoglobin", HIGH)
    assert [w.code for w in unconfirmed.value.warnings] == ["unusual"]
    assert "haemoglobin" not in store.load(session.screening.id).answers
    assert len(entries(store, session.screening.id)) == before


def test_a_confirmation_is_audited_with_the_answer_by_whom_it_was_confirmed(store, clock):
    session = start(store, clock)
    session.record_fact("haemoglobin", HIGH, confirmed=True)
    answer, confirmed = entries(store, session.screening.id)[-2:]
    assert (answer.action, answer.target, answer.new_value) == ("answer", "haemoglobin", {"value": 200, "unit": "g/L"})
    assert (confirmed.action, confirmed.target, confirmed.actor) == ("warning_confirmed", "haemoglobin", "coordinator")
    assert confirmed.seq == answer.seq + 1 and confirmed.at == answer.at  # one transaction, one moment
    assert confirmed.new_value == {"warning": "unusual", "value": "200", "unit": "g/L", "min": "50", "max": "180"}
    assert confirmed.reason == "Haemoglobin (haemoglobin): 200 g/L is outside the usual range 50–180 g/L"
    db = store.database.connection
    assert audit_trail.verify(db).intact and integrity.replay_problems(db) == []


def test_the_same_value_again_is_no_change_and_asks_nothing(store, clock):
    session = start(store, clock)
    session.record_fact("haemoglobin", HIGH, confirmed=True)
    count = len(entries(store, session.screening.id))
    session.record_fact("haemoglobin", {"value": "200.0", "unit": "g/L"})  # confirmed when it was saved
    assert session.warnings("haemoglobin", HIGH) == ()
    assert len(entries(store, session.screening.id)) == count


def test_a_refused_change_keeps_no_confirmation(store, clock):
    first = start(store, clock)
    later = ScreeningSession(store, PROTOCOL, first.screening.id, actor="investigator", clock=clock)
    first.record_fact("haemoglobin", {"value": "120", "unit": "g/L"})
    later.refresh()
    with pytest.raises(StoreError, match="reason_required"):
        later.record_fact("haemoglobin", HIGH, confirmed=True)
    assert [e.action for e in entries(store, first.screening.id)][-1] == "answer"
    later.record_fact("haemoglobin", HIGH, reason="lab report re-read", confirmed=True)
    assert [e.action for e in entries(store, first.screening.id)][-2:] == ["answer", "warning_confirmed"]


def test_unusual_answers_together_ask_to_be_confirmed_on_the_answer_that_makes_them(store, clock):
    session = start(store, clock, {"hbv": "positive"})
    with pytest.raises(NeedsConfirmation):
        session.record_fact("hbv_infection", "no")
    session.record_fact("hbv_infection", "no", confirmed=True)
    confirmed = entries(store, session.screening.id)[-1]
    assert (confirmed.action, confirmed.target, confirmed.new_value["check"]) == (
        "warning_confirmed", "hbv_infection", "hbv_conclusion")
    assert "the investigator concludes no hepatitis B infection" in confirmed.reason


def test_a_new_screening_with_unusual_answers_is_confirmed_as_it_is_created(store, clock):
    with pytest.raises(NeedsConfirmation):
        start(store, clock, {"haemoglobin": {"value": 200, "unit": "g/L"}})
    session = start(store, clock, {"haemoglobin": {"value": 200, "unit": "g/L"}}, confirmed=True)
    create, confirmed = entries(store, session.screening.id)
    assert (create.action, confirmed.action, confirmed.target) == ("create", "warning_confirmed", "haemoglobin")
    assert audit_trail.verify(store.database.connection).intact


def test_a_fact_not_asked_is_refused_by_the_session(store, clock):
    session = start_screening(store, PROTOCOL, {**SUBJECT, "sex": "male"}, site="01", actor="coordinator", clock=clock)
    assert set(session.not_asked) == {"pregnant", "breast_feeding", "pregnancy_weeks"}
    with pytest.raises(FactsInvalid) as refused:
        session.record_fact("pregnant", "no")
    assert refused.value.problems[0].code == "not_asked"
    assert session.preview("sex", "female").not_asked == {}  # pregnancy open: its weeks are asked too


# -- the command line ----------------------------------------------------------------------------------


@pytest.fixture
def facts_file(tmp_path: Path):
    def write(**answers) -> Path:
        path = tmp_path / "subject.json"
        path.write_text(json.dumps({"screening_date": "2026-11-20", "subject": SUBJECT, "facts": answers}), "utf-8")
        return path
    return write


def test_screening_set_asks_for_confirm_and_the_history_shows_it(capsys, as_user, facts_file, tmp_path):  # noqa: F811
    code, out, err = cli(capsys, *as_user(), "screening", "new", "--protocol", str(PROTOCOL_FILE),
                         "--facts", str(facts_file(haemoglobin={"value": 200, "unit": "g/L"})))
    assert code == EXIT_REFUSED and "200 g/L is outside the usual range 50–180 g/L" in err and "--confirm" in err
    code, out, err = cli(capsys, *as_user(), "screening", "new", "--protocol", str(PROTOCOL_FILE),
                         "--facts", str(facts_file()))
    assert code == 0, err
    code, _, err = cli(capsys, *as_user(), "screening", "set", "W-001", "haemoglobin", "19.5 g/dL")
    assert code == EXIT_REFUSED and "not saved: unusual" in err and "19.5 g/dL is outside the usual range 5–18 g/dL" in err
    code, out, err = cli(capsys, *as_user(), "screening", "set", "W-001", "haemoglobin", "19 g/dL", "--confirm")
    assert code == 0 and out.startswith("saved"), err
    code, out, _ = cli(capsys, "audit", "show", "W-001")
    assert ("warning_confirmed haemoglobin: Haemoglobin (haemoglobin): 19 g/dL is outside the usual range 5–18 g/dL"
            in out)
    history = tmp_path / "history.csv"
    code, _, err = cli(capsys, "audit", "export", "W-001", "--csv", str(history))
    assert code == 0, err
    assert "warning_confirmed" in history.read_text(encoding="utf-8")
    code, out, _ = cli(capsys, "audit", "verify")
    assert code == 0 and "audit trail intact" in out


def test_evaluate_prints_the_warnings_of_a_facts_file(capsys, facts_file):
    path = facts_file(haemoglobin={"value": 200, "unit": "g/L"}, hbv="positive", hbv_infection="no")
    code, out, err = cli(capsys, "evaluate", "--protocol", str(PROTOCOL_FILE), str(path))
    assert code == 0 and "\nI2 met " in out  # evaluated as given
    assert "unusual answers" in err and "200 g/L is outside the usual range 50–180 g/L" in err
    assert "HBsAg is positive but the investigator concludes no hepatitis B infection" in err


def test_the_worksheet_prints_a_fact_not_asked_as_such(store, clock):
    from trialdesk.worksheet.content import build_content

    session = start_screening(store, PROTOCOL, {**SUBJECT, "sex": "male"}, site="01", actor="coordinator", clock=clock)
    content = build_content(PROTOCOL, session.screening, session.report, Messages(PROTOCOL), site_name="Test site",
                            site_number="01", program_version="0")
    e1 = next(e for e in content.entries if e.criterion_id == "E1")
    assert e1.facts == (("Sex", "Male"), ("Pregnant", "not asked (asked only when Sex is Female)"))
