"""Who may do what, and on which day: the rules every face of trialdesk shows."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from trialdesk.domain import people
from trialdesk.domain.people import Account, AccountStatus, DelegationEntry, Refused, Role, Task

AT = datetime(2026, 11, 20, tzinfo=timezone.utc)


def account(role: Role, status: AccountStatus = AccountStatus.ACTIVE, id: int = 1) -> Account:
    return Account(id=id, name=f"{role.value} person", role=role, status=status)


def entry(tasks, starts, ends=None, id=1, person_id=1) -> DelegationEntry:
    return DelegationEntry(id=id, person_id=person_id, person="x", tasks=frozenset(tasks), starts=starts, ends=ends,
                           recorded_by="PI", recorded_at=AT)


@pytest.mark.parametrize("role, instruction, allowed", [
    (Role.PRINCIPAL_INVESTIGATOR, None, True),
    (Role.SITE_ADMINISTRATOR, "PI's memo of 2026-11-19", True),
    (Role.SITE_ADMINISTRATOR, "  ", False),
    (Role.SITE_ADMINISTRATOR, None, False),
    (Role.SUB_INVESTIGATOR, "PI said so", False),
    (Role.COORDINATOR, None, False),
])
def test_only_the_pi_keeps_the_delegation_log_or_an_administrator_on_a_documented_instruction(role, instruction, allowed):
    if allowed:
        people.may_keep_delegation(account(role), instruction)
    else:
        with pytest.raises(Refused):
            people.may_keep_delegation(account(role), instruction)


def test_signing_is_delegated_to_investigators_only_and_nothing_to_administrators():
    assert people.check_tasks(account(Role.SUB_INVESTIGATOR), {Task.SIGN}) == {Task.SIGN}
    with pytest.raises(Refused) as raised:
        people.check_tasks(account(Role.COORDINATOR), {Task.ENTER, Task.SIGN})
    assert raised.value.code == "sign_needs_investigator"
    with pytest.raises(Refused) as raised:
        people.check_tasks(account(Role.SITE_ADMINISTRATOR), {Task.ENTER})
    assert raised.value.code == "administrator_not_delegated"
    with pytest.raises(Refused):
        people.check_tasks(account(Role.COORDINATOR), set())


@pytest.mark.parametrize("day, expected", [
    (date(2026, 1, 1), True),  # the first day counts
    (date(2026, 6, 30), True),  # and the last
    (date(2026, 7, 1), False),
    (date(2025, 12, 31), False),
])
def test_a_delegation_covers_its_dates_inclusive(day, expected):
    assert entry({Task.SIGN}, date(2026, 1, 1), date(2026, 6, 30)).covers(day) is expected


def test_may_do_checks_role_status_task_and_date():
    pi = account(Role.PRINCIPAL_INVESTIGATOR)
    log = [entry({Task.ENTER}, date(2026, 1, 1), id=1), entry({Task.ENTER, Task.SIGN}, date(2026, 3, 1), id=2)]
    assert people.may_do(pi, Task.SIGN, log, date(2026, 11, 20)).id == 2  # the latest entry in force
    with pytest.raises(Refused) as raised:
        people.may_do(pi, Task.SIGN, log, date(2026, 2, 1))
    assert raised.value.code == "not_delegated" and raised.value.params["day"] == "2026-02-01"
    with pytest.raises(Refused) as raised:
        people.may_do(account(Role.PRINCIPAL_INVESTIGATOR, AccountStatus.DISABLED), Task.ENTER, log, date(2026, 11, 20))
    assert raised.value.code == "account_disabled"
    with pytest.raises(Refused) as raised:
        people.may_do(account(Role.COORDINATOR), Task.SIGN, [entry({Task.SIGN}, date(2026, 1, 1))], date(2026, 11, 20))
    assert raised.value.code == "not_investigator"
    assert people.delegation_on(log, person_id=2, day=date(2026, 11, 20)) is None  # someone else's entries


def test_names_and_passwords_are_checked():
    assert people.check_name("  Wang   Li ") == "Wang Li"
    for bad in ("", "   ", "x" * (people.MAX_NAME + 1)):
        with pytest.raises(Refused):
            people.check_name(bad)
    with pytest.raises(Refused) as raised:
        people.check_password("x" * (people.MIN_PASSWORD - 1))
    assert raised.value.params == {"minimum": people.MIN_PASSWORD}
    assert people.check_password("x" * people.MIN_PASSWORD)
    with pytest.raises(Refused):
        people.check_password("x" * (people.MAX_PASSWORD + 1))


def test_an_account_is_locked_until_its_time():
    locked = Account(1, "A", Role.COORDINATOR, AccountStatus.ACTIVE, 0, AT)
    assert locked.locked(AT.replace(minute=0) - people.LOCK_FOR) and not locked.locked(AT)
