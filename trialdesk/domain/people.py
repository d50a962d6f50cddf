"""People at a site: accounts, roles, delegation, and who may do what on which day.

Every rule about authority lives here, so the interface, the command line and the
worksheet all show one decision. The principal investigator keeps the delegation log
(ICH E6(R3) 2.3.3); only an investigator decides eligibility and signs (2.7.1(a));
every action is a named person's (21 CFR 11.10(d), 11.100(a)).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum


class Role(StrEnum):
    COORDINATOR = "coordinator"
    SUB_INVESTIGATOR = "sub_investigator"
    PRINCIPAL_INVESTIGATOR = "principal_investigator"
    SITE_ADMINISTRATOR = "site_administrator"

    @property
    def investigator(self) -> bool:
        return self in (Role.SUB_INVESTIGATOR, Role.PRINCIPAL_INVESTIGATOR)


class Task(StrEnum):
    ENTER = "enter"  # enter and complete screening data
    SIGN = "sign"  # decide eligibility and sign the worksheet


class AccountStatus(StrEnum):
    ACTIVE = "active"
    DISABLED = "disabled"


#: Failed sign-ins in a row that lock an account, and for how long (21 CFR 11.300(d)).
LOCK_AFTER_FAILURES = 5
LOCK_FOR = timedelta(minutes=15)
MIN_PASSWORD = 10
MAX_PASSWORD = 1024
MAX_NAME = 120


@dataclass(frozen=True, slots=True)
class Account:
    id: int
    name: str  # the full name: unique at the site, never changed or given to someone else
    role: Role
    status: AccountStatus
    failed_signins: int = 0
    locked_until: datetime | None = None
    must_change_password: bool = False  # set by whoever gave the first password; its owner chooses their own

    @property
    def active(self) -> bool:
        return self.status is AccountStatus.ACTIVE

    def locked(self, now: datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until

    def describe(self) -> str:
        return f"{self.name} ({self.role.value})"


@dataclass(frozen=True, slots=True)
class DelegationEntry:
    """One line of the delegation log: a person, their tasks, from and to which dates."""

    id: int
    person_id: int
    person: str
    tasks: frozenset[Task]
    starts: date
    ends: date | None
    recorded_by: str
    recorded_at: datetime
    instruction: str | None = None  # the PI's documented instruction, when an administrator records it
    ended_by: str | None = None
    ended_at: datetime | None = None

    def covers(self, day: date) -> bool:
        return self.starts <= day and (self.ends is None or day <= self.ends)


class Refused(Exception):
    """An action the rules do not allow this person; `code` and `params` feed the messages."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def check_name(name: str) -> str:
    from trialdesk.domain.text import normal_name

    return normal_name(name, MAX_NAME)


def check_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise Refused("password_too_short", minimum=MIN_PASSWORD)
    if len(password) > MAX_PASSWORD:
        raise Refused("password_too_long", maximum=MAX_PASSWORD)
    return password


FIRST_YEAR, LAST_YEAR = 1990, 2100  # a delegation log's dates: anything outside is a typing slip


def check_log_date(day: date | None) -> None:
    if day is not None and not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise Refused("date_out_of_range", day=day.isoformat(), first=FIRST_YEAR, last=LAST_YEAR)


def may_administer(actor: Account) -> None:
    if actor.role is not Role.SITE_ADMINISTRATOR:
        raise Refused("not_administrator", name=actor.name)


def may_keep_delegation(actor: Account, instruction: str | None) -> None:
    """The PI keeps the log; an administrator may record the PI's documented instruction."""
    if actor.role is Role.PRINCIPAL_INVESTIGATOR:
        return
    if actor.role is Role.SITE_ADMINISTRATOR and instruction and instruction.strip():
        return
    if actor.role is Role.SITE_ADMINISTRATOR:
        raise Refused("instruction_needed")
    raise Refused("not_delegation_keeper", name=actor.name)


def check_tasks(person: Account, tasks: Iterable[Task]) -> frozenset[Task]:
    tasks = frozenset(tasks)
    if not tasks:
        raise Refused("no_tasks")
    if Task.SIGN in tasks and not person.role.investigator:
        raise Refused("sign_needs_investigator", name=person.name, role=person.role.value)
    if person.role is Role.SITE_ADMINISTRATOR:
        raise Refused("administrator_not_delegated", name=person.name)
    return tasks


def delegation_on(entries: Iterable[DelegationEntry], person_id: int, day: date) -> DelegationEntry | None:
    """The person's delegation entry in force on `day` (the latest recorded, if several overlap)."""
    found = [e for e in entries if e.person_id == person_id and e.covers(day)]
    return max(found, key=lambda e: e.id) if found else None


def may_do(person: Account, task: Task, entries: Iterable[DelegationEntry], day: date) -> DelegationEntry:
    """The delegation entry that lets `person` do `task` on `day`; raises Refused saying why not."""
    if not person.active:
        raise Refused("account_disabled", name=person.name)
    if task is Task.SIGN and not person.role.investigator:
        raise Refused("not_investigator", name=person.name, role=person.role.value)
    entry = delegation_on(entries, person.id, day)
    if entry is None or task not in entry.tasks:
        raise Refused("not_delegated", name=person.name, task=task.value, day=day.isoformat())
    return entry
