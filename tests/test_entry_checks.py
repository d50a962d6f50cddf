"""Soft checks of the subject's dates: an age over 100, a screening or consent date after today or a year
or more before it. Each asks to be confirmed (the confirmation audited) and never refuses; the hard
limits still refuse the impossible. The command line's --confirm covers them as the window does."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from tests.cli.conftest import as_user, password_file  # noqa: F401  (the command line's sign-in)
from tests.cli.test_cli import cli
from trialdesk.cli.common import EXIT_REFUSED
from trialdesk.domain.errors import FactsInvalid, NeedsConfirmation
from trialdesk.domain.soft_checks import subject_warnings
from trialdesk.messages import Messages
from trialdesk.persistence import audit_trail, integrity
from trialdesk.persistence.protocol_files import find_protocol
from trialdesk.resources import resource_path
from trialdesk.session import start_screening

NCT = find_protocol("NCT03798028")
TODAY = date(2026, 11, 20)  # the test clock's day
SUBJECT = {"screening_number": "D-001", "initials": "ZL", "date_of_birth": "1972-03-15", "sex": "female",
           "screening_date": "2026-11-20", "consent_date": "2026-11-18", "consent_version": "v1"}


def codes(dates: dict[str, str], today: date = TODAY) -> list[tuple[str, str]]:
    read = {k: date.fromisoformat(v) for k, v in dates.items()}
    return [(p.fact, p.code) for p in subject_warnings(read, today)]


@pytest.mark.parametrize("born, warned", [
    ("1926-11-20", False),  # 100 today: not over 100
    ("1925-11-21", False),  # 100 years and 364 days
    ("1925-11-20", True),  # 101
    ("1900-01-01", True),
])
def test_an_age_over_100_at_the_screening_date_asks_to_be_confirmed(born, warned):
    found = codes({"date_of_birth": born, "screening_date": "2026-11-20"})
    assert found == ([("date_of_birth", "age_over_usual")] if warned else [])


@pytest.mark.parametrize("field", ["screening_date", "consent_date"])
@pytest.mark.parametrize("day, code", [
    ("2026-11-21", "date_in_future"), ("2026-11-20", None), ("2025-11-21", None), ("2025-11-20", "date_far_past"),
    ("2001-01-01", "date_far_past"),
])
def test_a_screening_or_consent_date_after_today_or_a_year_before_asks_to_be_confirmed(field, day, code):
    assert codes({field: day}) == ([(field, code)] if code else [])


def test_the_warnings_say_what_is_unusual_in_each_language():
    read = {"date_of_birth": date(1920, 5, 1), "screening_date": date(2026, 11, 20), "consent_date": date(2026, 11, 18)}
    aged, = subject_warnings(read, TODAY)
    future, = subject_warnings({**read, "screening_date": date(2026, 11, 23), "consent_date": date(2026, 11, 20)},
                               TODAY, changed=("screening_date",))
    past, = subject_warnings({"consent_date": date(2025, 10, 1)}, TODAY)
    words = Messages(NCT)
    assert words.problem(aged) == ("Date of birth (date_of_birth): 1920-05-01 gives an age of 106 at the screening "
                                   "date, over 100: check the year")
    assert words.problem_text(future) == "2026-11-23 is after today (2026-11-20): this date has not come yet"
    assert words.problem_text(past) == "2025-10-01 is 415 days before today (2026-11-20), a year or more: check the year"


def test_the_hard_limits_still_refuse_the_impossible(store, clock):
    for field, value, code in (("consent_date", "2026-11-21", "after_screening"),
                               ("date_of_birth", "1899-12-31", "date_out_of_range")):
        with pytest.raises(FactsInvalid) as refused:
            start_screening(store, NCT, {**SUBJECT, field: value}, site="01", actor="coordinator", clock=clock,
                            confirmed=True)
        assert (field, code) in [(p.fact, p.code) for p in refused.value.problems]


# -- the session: asked, then confirmed and audited --------------------------------------------------


def test_a_new_screening_of_a_centenarian_is_saved_only_once_confirmed_and_the_confirmation_audited(store, clock):
    subject = {**SUBJECT, "date_of_birth": "1920-05-01"}
    with pytest.raises(NeedsConfirmation) as asked:
        start_screening(store, NCT, subject, site="01", actor="coordinator", clock=clock)
    assert [(w.fact, w.code) for w in asked.value.warnings] == [("date_of_birth", "age_over_usual")]
    assert store.database.connection.execute("SELECT COUNT(*) FROM screenings").fetchone() == (0,)
    session = start_screening(store, NCT, subject, site="01", actor="coordinator", clock=clock, confirmed=True)
    created, confirmed = audit_trail.history(store.database.connection, session.screening.id)
    assert (created.action, confirmed.action, confirmed.target, confirmed.actor) == (
        "create", "warning_confirmed", "date_of_birth", "coordinator")
    assert confirmed.new_value == {"warning": "age_over_usual", "value": "1920-05-01", "age": 106, "limit": 100}
    assert confirmed.reason.startswith("Date of birth (date_of_birth): 1920-05-01 gives an age of 106")
    db = store.database.connection
    assert audit_trail.verify(db).intact and integrity.replay_problems(db) == []


def test_a_screening_date_after_today_asks_to_be_confirmed_with_the_consent_date(store, clock):
    subject = {**SUBJECT, "screening_date": "2026-11-27", "consent_date": "2026-11-25"}
    with pytest.raises(NeedsConfirmation) as asked:
        start_screening(store, NCT, subject, site="01", actor="coordinator", clock=clock)
    assert [(w.fact, w.code) for w in asked.value.warnings] == [
        ("screening_date", "date_in_future"), ("consent_date", "date_in_future")]


def test_correcting_the_consent_date_to_a_year_back_asks_to_be_confirmed(store, clock):
    session = start_screening(store, NCT, SUBJECT, site="01", actor="coordinator", clock=clock)
    assert [w.code for w in session.warnings("consent_date", "2025-11-01")] == ["date_far_past"]
    with pytest.raises(NeedsConfirmation):
        session.record_fact("consent_date", "2025-11-01")
    assert session.answer("consent_date") == "2026-11-18"
    session.record_fact("consent_date", "2025-11-01", confirmed=True)
    answer, confirmed = audit_trail.history(store.database.connection, session.screening.id)[-2:]
    assert (answer.target, answer.new_value, confirmed.action, confirmed.new_value["warning"]) == (
        "consent_date", "2025-11-01", "warning_confirmed", "date_far_past")
    assert session.warnings("date_of_birth", "1925-01-01") and not session.warnings("date_of_birth", "1972-03-16")


# -- the command line -----------------------------------------------------------------------------------


def facts_file(tmp_path, **subject):
    data = json.loads(resource_path("examples/NCT03798028-eligible.json").read_text(encoding="utf-8"))
    screening_date = subject.pop("screening_date", None)
    if screening_date is not None:
        data["screening_date"] = screening_date
    data["facts"].update(subject)
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_screening_new_refuses_a_future_screening_date_until_confirmed(capsys, as_user, tmp_path):  # noqa: F811
    soon = date.today() + timedelta(days=3)  # the command line reads the computer's clock
    path = facts_file(tmp_path, screening_date=soon.isoformat(), consent_date=soon.isoformat())
    code, out, err = cli(capsys, *as_user(), "screening", "new", "--protocol", "NCT03798028", "--facts", str(path))
    assert code == EXIT_REFUSED and out == ""
    assert "not saved: unusual, to be confirmed" in err and f"{soon.isoformat()} is after today" in err
    code, out, err = cli(capsys, *as_user(), "screening", "new", "--protocol", "NCT03798028", "--facts", str(path),
                         "--confirm")
    assert code == 0, err
    code, shown, _ = cli(capsys, "audit", "show", out.strip())
    assert code == 0 and shown.count("warning_confirmed") == 2 and "is after today" in shown


def test_screening_set_refuses_an_unusual_date_of_birth_until_confirmed(capsys, as_user, tmp_path):  # noqa: F811
    code, created, err = cli(capsys, *as_user(), "screening", "new", "--protocol", "NCT03798028",
                             "--facts", str(facts_file(tmp_path)))
    assert code == 0, err
    args = ("screening", "set", created.strip(), "date_of_birth", "1901-03-15", "--reason", "year mistyped?")
    code, _, err = cli(capsys, *as_user(), *args)
    assert code == EXIT_REFUSED and "gives an age of" in err and "over 100" in err
    code, out, err = cli(capsys, *as_user(), *args, "--confirm")
    assert code == 0 and out.startswith("saved"), err
