"""A screening number at the site service: one screening per protocol and site, and a number naming
several screenings (at other sites) is never resolved by picking one."""

from __future__ import annotations

import pytest

from tests.conftest import COORDINATOR, PASSWORD
from tests.desk.test_log_rows import start
from trialdesk.desk import StoreError
from trialdesk.messages import Messages


@pytest.fixture
def site(open_site):
    return open_site()


def test_starting_a_screening_under_a_number_in_use_is_refused(site):
    coordinator = site.sign_in(COORDINATOR, PASSWORD)
    start(coordinator, "incomplete", "01-001")
    with pytest.raises(StoreError) as raised:
        start(coordinator, "incomplete", "01-001")
    assert raised.value.code == "duplicate_screening_number"
    assert raised.value.params["protocol"] == "NCT03798028"
    assert site.log.count() == 1


def test_the_number_at_another_site_is_allowed_and_then_names_no_single_screening(site):
    coordinator = site.sign_in(COORDINATOR, PASSWORD)
    here = start(coordinator, "incomplete", "01-001")
    there = coordinator.start_screening("NCT03798028", {**here.screening.subject.model_dump(mode="json")},
                                        site="02")
    assert there.screening.site == "02" and site.log.count() == 2
    with pytest.raises(StoreError) as raised:
        site.screening("01-001")
    assert raised.value.code == "ambiguous_screening"
    text = Messages().store_error(raised.value.code, raised.value.params)
    assert f"#{here.screening.id}: protocol NCT03798028" in text
    assert f"#{there.screening.id}: protocol NCT03798028, site 02" in text
    assert site.screening(f"#{there.screening.id}").site == "02"
    assert site.verify_records().problems == ()  # other sites: no duplicate


def test_the_sites_pattern_is_set_by_the_administrator_suggested_and_enforced(site):
    from tests.conftest import ADMIN
    from trialdesk.desk import Refused
    from trialdesk.domain.screening_numbers import PATTERN_SETTING

    admin, coordinator = site.sign_in(ADMIN, PASSWORD), site.sign_in(COORDINATOR, PASSWORD)
    with pytest.raises(Refused) as raised:
        coordinator.set_site_setting(PATTERN_SETTING, "{site}-{seq:03}")
    assert raised.value.code == "not_administrator"
    with pytest.raises(Refused) as raised:
        admin.set_site_setting(PATTERN_SETTING, "{site}-")
    assert raised.value.code == "number_pattern_one_sequence"
    assert "exactly once, for example {site}-{seq:03}" in Messages().refusal(raised.value.code, raised.value.params)
    assert site.next_screening_number("NCT03798028") is None  # no pattern: free text
    admin.set_site_setting("site_number", "01")
    admin.set_site_setting(PATTERN_SETTING, "{site}-{seq:03}")
    assert site.next_screening_number("NCT03798028") == "01-001"
    with pytest.raises(Refused) as raised:
        start(coordinator, "incomplete", "S-003")
    assert raised.value.code == "number_off_pattern" and raised.value.params["next"] == "01-001"
    assert Messages().refusal(raised.value.code, raised.value.params) == (
        "screening number S-003 is not written to the site's pattern {site}-{seq:03}: the next number is 01-001")
    assert site.log.count() == 0
    start(coordinator, "incomplete", "01-001")
    assert site.next_screening_number("NCT03798028") == "01-002"
    assert site.next_screening_number("NCT03798028", site="02") == "02-001"
    assert any(e.action == "site_setting" and e.target == PATTERN_SETTING for e in site.history())


def test_a_screening_started_without_a_number_takes_the_patterns_next(site):
    from tests.conftest import ADMIN
    from trialdesk.domain.screening_numbers import PATTERN_SETTING

    admin, coordinator = site.sign_in(ADMIN, PASSWORD), site.sign_in(COORDINATOR, PASSWORD)
    admin.set_site_setting("site_number", "01")
    admin.set_site_setting(PATTERN_SETTING, "{site}-{seq:03}")
    start(coordinator, "incomplete", "01-001")
    given = start(coordinator, "eligible", "")
    assert given.screening.subject.screening_number == "01-002"
    assert site.screening("01-002").id == given.screening.id
