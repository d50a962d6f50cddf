"""The screening log: filters, search, counts, failure reasons, and the sponsor's CSV."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from tests.test_session import NCT, example
from trialdesk.domain.log import LogFilter, ScreeningStatus
from trialdesk.persistence.screening_log import LOG_COLUMNS, ScreeningLog
from trialdesk.session import start_screening


@pytest.fixture
def site(store, clock):
    """Five screenings: eligible, ineligible, screen failure, in progress, and a later one."""
    plan = [
        ("S-001", "ZHL", "eligible", "2026-11-01"),
        ("S-002", "WM", "ineligible", "2026-11-05"),
        ("S-003", "LXY", "ineligible", "2026-11-10"),
        ("S-004", "CH", "incomplete", "2026-11-12"),
        ("S-005", "张三", "eligible", "2026-11-20"),
    ]
    for number, initials, name, on in plan:
        data = example(name)
        subject = {**data["subject"], "screening_number": number, "initials": initials, "screening_date": on}
        consent = min(on, data["facts"]["consent_date"])
        facts = {**data["facts"], "consent_date": consent}
        session = start_screening(store, NCT, subject, facts, site="01", actor="coordinator", clock=clock)
        if number == "S-003":
            session.record_screen_failure("Hb above 90 g/L")
    return ScreeningLog(store.database)


def test_newest_first_without_superseded(site):
    assert [e.screening_number for e in site.list_log()] == ["S-005", "S-004", "S-003", "S-002", "S-001"]


def test_filter_by_status_and_dates_and_search(site):
    assert [e.screening_number for e in site.list_log(LogFilter(statuses=(ScreeningStatus.ELIGIBLE,)))] == ["S-005", "S-001"]
    between = LogFilter(date_from=date(2026, 11, 5), date_to=date(2026, 11, 12))
    assert [e.screening_number for e in site.list_log(between)] == ["S-004", "S-003", "S-002"]
    assert [e.screening_number for e in site.list_log(LogFilter(search="s-00"))] == ["S-005", "S-004", "S-003", "S-002", "S-001"]
    assert [e.screening_number for e in site.list_log(LogFilter(search="张"))] == ["S-005"]
    assert site.list_log(LogFilter(search="%")) == []  # a wildcard typed is searched for literally
    assert site.count(between) == 3
    assert [e.screening_number for e in site.list_log(limit=2, offset=1)] == ["S-004", "S-003"]


def test_counts_by_status_and_failure_reasons_per_criterion(site):
    assert site.counts_by_status() == {
        ScreeningStatus.ELIGIBLE: 2, ScreeningStatus.INELIGIBLE: 1,
        ScreeningStatus.SCREEN_FAILURE: 1, ScreeningStatus.IN_PROGRESS: 1,
    }
    # the ineligible example fails I5 and I7 and is excluded by E2 and E15
    assert site.failure_reasons() == {"E15": 2, "E2": 2, "I5": 2, "I7": 2}


def test_csv_has_the_sponsor_log_columns(site):
    out = io.StringIO()
    assert site.export_csv(out, outcome_words={"screen_failure": "screen failure"}) == 5
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == LOG_COLUMNS
    by_number = {r[0]: dict(zip(LOG_COLUMNS, r)) for r in rows[1:]}
    assert by_number["S-003"]["outcome"] == "screen failure"
    assert by_number["S-003"]["screen_failure_reason"] == "Hb above 90 g/L"
    assert by_number["S-002"]["failed_criteria"] == "I5; I7; E2; E15"
    assert by_number["S-001"]["consent_date"] == "2026-11-01" and by_number["S-001"]["protocol_version"] == NCT.version
