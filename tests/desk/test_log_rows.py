"""The log's rows as the site service gives them: consent date, who entered and signed, the time
spent sitting by sitting, orders over all of them, in one query; and what each still leaves open."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from tests.conftest import COORDINATOR, PASSWORD, PI
from trialdesk.desk.log import OpenCriteria, ScreeningLog, reading
from trialdesk.domain.log import STILL_OPEN, WORKING_PAUSE, LogFilter, ScreeningStatus
from trialdesk.messages import Messages
from trialdesk.resources import resource_path


def example(name: str) -> dict:
    return json.loads(resource_path(f"examples/NCT03798028-{name}.json").read_text(encoding="utf-8"))


def start(desk, name: str, number: str, **subject):
    data = example(name)
    values = {**data["subject"], "screening_date": data["screening_date"], "screening_number": number, **subject}
    facts = {**data["facts"], **{k: v for k, v in subject.items() if k in data["facts"]}}  # given in both places
    return desk.start_screening("NCT03798028", values, facts)


@pytest.fixture
def site(open_site):
    return open_site()


def rows_by_number(site, **order):
    return {r.entry.screening_number: r for r in reading(site.log).rows(limit=50, **order)}


def spent(site, session) -> timedelta:
    return reading(site.log).time_spent([session.screening.id])[session.screening.id]


def test_a_row_has_the_consent_date_who_entered_it_and_the_time_spent_sitting_by_sitting(site, clock):
    coordinator = site.sign_in(COORDINATOR, PASSWORD)
    session = start(coordinator, "incomplete", "S-101", consent_date="2026-11-02")
    begun = clock.now
    clock.now += timedelta(minutes=6)
    session.record_fact("haemoglobin", {"value": "120", "unit": "g/L"})
    clock.now += timedelta(minutes=4)
    session.record_fact("haemoglobin", {"value": "121", "unit": "g/L"})  # first sitting: about 10 minutes
    clock.now += timedelta(hours=3)  # a clinic in between: not time spent
    pi = site.sign_in(PI, PASSWORD).open(session.screening.id)
    pi.record_fact("haemoglobin", {"value": "122", "unit": "g/L"}, reason="lab report re-read")
    clock.now += timedelta(minutes=7)
    pi.record_fact("haemoglobin", {"value": "123", "unit": "g/L"})  # second sitting: about 7 minutes
    row = rows_by_number(site)["S-101"]
    assert str(row.entry.consent_date) == "2026-11-02"
    assert row.entered_by == (COORDINATOR, PI)  # who started it first, then whose answers it holds
    assert timedelta(minutes=17) <= spent(site, session) < timedelta(minutes=17, seconds=30)
    assert row.time_spent is None  # read with the page only when the log is ordered by it
    by_time = rows_by_number(site, order_by="time_spent")["S-101"]
    assert by_time.time_spent == spent(site, session)
    assert clock.now - begun > timedelta(hours=3)  # what the first to the last entry would have said
    assert row.signed is None and row.completed is None
    assert row.last_change == site.store.record_seq(session.screening.id)


def test_a_pause_just_over_the_limit_ends_a_sitting_and_one_just_under_does_not(site, clock):
    coordinator = site.sign_in(COORDINATOR, PASSWORD)
    under = start(coordinator, "incomplete", "S-201")
    clock.now += WORKING_PAUSE - timedelta(seconds=5)
    under.record_fact("haemoglobin", {"value": "120", "unit": "g/L"})
    over = start(coordinator, "incomplete", "S-202")
    clock.now += WORKING_PAUSE + timedelta(seconds=5)
    over.record_fact("haemoglobin", {"value": "120", "unit": "g/L"})
    assert spent(site, under) >= WORKING_PAUSE - timedelta(seconds=5)
    assert spent(site, over) < timedelta(seconds=5)


def test_signed_and_completed_rows_say_by_whom_and_when(site, site_people, clock):
    from trialdesk.worksheet.signing import open_identity

    coordinator = site.sign_in(COORDINATOR, PASSWORD)
    session = start(coordinator, "eligible", "S-301")
    coordinator.complete(session, PASSWORD)
    completed_at = clock.now
    pi = site.sign_in(PI, PASSWORD)
    opened = pi.open(session.screening.id)
    pi.sign(opened, open_identity(site_people.pi.identity, site_people.passphrase), PASSWORD, Messages(opened.protocol))
    start(coordinator, "eligible", "S-302")
    rows = rows_by_number(site)
    signed = rows["S-301"]
    assert signed.entry.status is ScreeningStatus.SIGNED
    assert signed.completed.name == COORDINATOR and signed.completed.at.replace(microsecond=0) <= completed_at
    assert signed.signed.name == PI and signed.signed.at > signed.completed.at
    assert signed.signed.at.utcoffset() == timedelta(hours=8)  # the local time where it was signed
    assert rows["S-302"].signed is None
    numbers = [r.entry.screening_number for r in reading(site.log).rows(order_by="signed", descending=True)]
    assert numbers == ["S-301", "S-302"]


def test_the_log_orders_by_the_new_columns_over_the_whole_log_not_the_page(site, clock):
    coordinator = site.sign_in(COORDINATOR, PASSWORD)
    for number, minutes, consent in (("S-401", 2, "2026-11-03"), ("S-402", 20, "2026-11-12"),
                                     ("S-403", 9, "2026-11-07")):
        session = start(coordinator, "incomplete", number, consent_date=consent)
        clock.now += timedelta(minutes=minutes)
        session.record_fact("haemoglobin", {"value": "120", "unit": "g/L"})
    log = reading(site.log)

    def numbers(**order):
        return [r.entry.screening_number for r in log.rows(**order)]

    assert numbers(order_by="time_spent", descending=True) == ["S-402", "S-403", "S-401"]
    assert numbers(order_by="time_spent", descending=True, limit=1, offset=1) == ["S-403"]  # ordered, then cut
    assert numbers(order_by="consent_date", descending=False) == ["S-401", "S-403", "S-402"]
    assert numbers(order_by="consent_date", descending=False, limit=2, offset=1) == ["S-403", "S-402"]
    with pytest.raises(ValueError, match="cannot sort the log by 'still_open'"):
        log.rows(order_by="still_open")


def test_a_page_of_rows_is_one_query_however_many_rows(site):
    coordinator = site.sign_in(COORDINATOR, PASSWORD)
    for n in range(12):
        start(coordinator, "incomplete", f"S-5{n:02d}")
    statements = []
    site.database.connection.set_trace_callback(statements.append)
    try:
        rows = reading(site.log).rows(LogFilter(search="S-5"), limit=10)
        reading(site.log).rows(order_by="time_spent", limit=10)
        times = reading(site.log).time_spent(r.entry.id for r in rows)
    finally:
        site.database.connection.set_trace_callback(None)
    assert len(rows) == 10 and len(times) == 10
    assert len(statements) == 3, statements


def test_reading_the_sites_log_keeps_its_database(site):
    log = reading(site.log)
    assert isinstance(log, ScreeningLog) and log.database is site.database
    assert reading(log) is log


def test_what_is_still_open_is_what_the_screening_view_shows_open(site):
    coordinator = site.sign_in(COORDINATOR, PASSWORD)
    incomplete = start(coordinator, "incomplete", "S-601")
    eligible = start(coordinator, "eligible", "S-602")
    statements = []
    site.database.connection.set_trace_callback(statements.append)
    try:
        job = OpenCriteria.read(site, [incomplete.screening.id, eligible.screening.id])
    finally:
        site.database.connection.set_trace_callback(None)
    worked_out = job.evaluate()
    view = site.read_only_session(incomplete.screening.id).report
    expected = [r.criterion_id for r in view.results if r.effect in STILL_OPEN]
    assert expected  # the incomplete example leaves some open
    assert [r.criterion_id for r in worked_out[incomplete.screening.id]] == expected
    assert worked_out[eligible.screening.id] == ()
    answers_read = [s for s in statements if "FROM screenings s LEFT JOIN answers" in s]
    assert len(answers_read) == 1  # the answers of every screening at once


def test_a_screening_whose_protocol_file_is_gone_is_said_unreadable_not_open(site):
    coordinator = site.sign_in(COORDINATOR, PASSWORD)
    gone = start(coordinator, "incomplete", "S-701")
    kept = start(coordinator, "incomplete", "S-702")
    with site.database.write() as db:
        db.execute("UPDATE screenings SET protocol_sha256 = ? WHERE id = ?", ("f" * 64, gone.screening.id))
    worked_out = OpenCriteria.read(site, [gone.screening.id, kept.screening.id]).evaluate()
    assert worked_out[gone.screening.id] is None
    assert worked_out[kept.screening.id]
