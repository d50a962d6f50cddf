"""`Site`: an open data directory; `Desk`: the signed-in person working in it.

Nothing reaches the database but through these two. A `Desk` exists only after a password
was checked, and every change it makes is recorded under its person's account name, which is
unique at the site and never changed or given to anyone else.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from trialdesk.desk import passwords
from trialdesk.desk.pipeline import PipelineReports, PipelineWork
from trialdesk.domain import people
from trialdesk.domain.people import Account, AccountStatus, DelegationEntry, Refused, Role, Task
from trialdesk.domain.screening_numbers import PATTERN_SETTING, NumberPattern
from trialdesk.domain.text import MAX_LINE, check_text, same_person_key
from trialdesk.persistence.database import Database
from trialdesk.persistence.people_store import Certificate, Completion, PeopleStore
from trialdesk.persistence.screening_log import ScreeningLog
from trialdesk.persistence.errors import StoreError
from trialdesk.settings import AppSettings

if TYPE_CHECKING:
    from trialdesk.desk.protocol_versions import SiteProtocols
    from trialdesk.domain.protocol import Protocol
    from trialdesk.domain.screening import AuditEntry, Screening
    from trialdesk.domain.versions import VersionChoice
    from trialdesk.messages import Messages
    from trialdesk.session import ScreeningSession
    from trialdesk.signoff import SignedWorksheet, WorksheetCheck
    from trialdesk.worksheet.signing import Identity

Clock = Callable[[], datetime]


MAX_WORKSHEET = 64 * 1024 * 1024  # a worksheet is well under a megabyte


def read_worksheet(path: Path) -> bytes:
    """A worksheet file's bytes: a regular file of bounded size only (never a device, a pipe, a huge file)."""
    import stat

    try:
        info = Path(path).stat()
    except OSError as error:
        raise Refused("worksheet_unreadable", file=shown(path), error=error.strerror or type(error).__name__) from None
    if not stat.S_ISREG(info.st_mode):
        raise Refused("worksheet_unreadable", file=shown(path), error="not a regular file")
    if info.st_size > MAX_WORKSHEET:
        raise Refused("worksheet_unreadable", file=shown(path), error=f"larger than {MAX_WORKSHEET // 2**20} MiB")
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise Refused("worksheet_unreadable", file=shown(path), error=error.strerror or type(error).__name__) from None


def _number_pattern(text: str) -> NumberPattern | None:
    from trialdesk.domain.screening_numbers import BadPattern

    if not text:
        return None
    try:
        return NumberPattern.parse(text)
    except BadPattern as bad:
        raise Refused(f"number_pattern_{bad.code}", pattern=text) from None


def shown(path: Path | str) -> str:
    """A file name as printed: control characters escaped, so a name cannot forge output lines."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in str(path))


def _aside(path: Path, now: datetime) -> Path:
    """A free name beside `path` for a damaged copy moved aside: `NAME.damaged-YYYYMMDDTHHMMSS[-n]`."""
    stamp = now.strftime("%Y%m%dT%H%M%S")
    candidate = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while candidate.exists() or candidate.is_symlink():
        n += 1
        candidate = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    return candidate


def _offset_zone(offset: str):
    from datetime import timedelta, timezone

    sign = -1 if offset.startswith("-") else 1
    hours, minutes = offset.lstrip("+-").split(":")
    return timezone(sign * timedelta(hours=int(hours), minutes=int(minutes)))


def _local_now() -> datetime:
    return datetime.now().astimezone()


@dataclass(frozen=True)
class SiteFileCopy:
    """One signed worksheet kept in the database, and its copy in the site file (`site-file check`).

    `found` is RIGHT (present and byte for byte the stored PDF), MISSING or DAMAGED; `refiled`
    says it was written again from the database (a damaged copy first moved aside to `moved_to`,
    never deleted); `problem` says why re-filing failed."""

    screening_id: int
    path: Path
    found: str
    refiled: bool = False
    moved_to: Path | None = None
    problem: str | None = None

    @property
    def right(self) -> bool:
        return self.found == RIGHT or self.refiled


RIGHT, MISSING, DAMAGED = "right", "missing", "damaged"


@dataclass(frozen=True)
class RecordsCheck:
    """`audit verify`: the chain, and everything else that must agree with it."""

    chain: Any  # audit_trail.Verification
    problems: tuple[str, ...]
    anchored_by: int  # signed worksheets whose head at signing was found in the trail

    @property
    def intact(self) -> bool:
        return self.chain.intact and not self.problems


class Site(PipelineReports):
    """A site's data directory, open. Reading needs no sign-in; changing goes through `sign_in`."""

    def __init__(self, settings: AppSettings, *, clock: Clock = _local_now,
                 on_wait: Callable[[str], None] | None = None, create: bool = True) -> None:
        self.settings = settings
        self.clock = clock
        self.database = Database(settings.database_path, on_wait=on_wait, create=create)
        self.log = ScreeningLog(self.database)
        self.people = PeopleStore(self.database)
        self._protocols: dict[str, Protocol] = {}
        if not self.database.read_only:
            self._record_kept_protocol_hashes()

    @cached_property
    def store(self):
        from trialdesk.persistence.screening_store import ScreeningStore  # the screening models: off the start-up path

        return ScreeningStore(self.database)

    def close(self) -> None:
        self.database.close()

    def __enter__(self) -> Site:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def data_dir(self) -> Path:
        return self.settings.data_dir

    @property
    def read_only(self) -> bool:
        """Opened for reading only (read-only media, or a file this account may not write)."""
        return self.database.read_only

    @property
    def read_only_notice(self) -> str | None:
        return self.database.read_only_notice

    # -- people ----------------------------------------------------------------------------------

    def accounts(self) -> list[Account]:
        return self.people.accounts()

    def needs_first_administrator(self) -> bool:
        return not self.people.accounts()

    def create_first_administrator(self, name: str, password: str) -> Desk:
        """The site's first account, a site administrator: only while the site has none."""
        name = people.check_name(name)
        people.check_password(password)
        account = self.people.add_account(name, Role.SITE_ADMINISTRATOR, passwords.hash_password(password),
                                          actor=name, at=self.clock(), first=True, same_as=same_person_key)
        return Desk(self, account)

    def sign_in(self, name: str, password: str, *, purpose: str = "sign_in") -> Desk:
        """The person's desk once the password matches; five failures in a row lock the account."""
        return Desk(self, self._authenticate(name, password, purpose))

    def _authenticate(self, name: str, password: str, purpose: str) -> Account:
        now = self.clock()
        if not password:
            raise Refused("sign_in_failed")  # nothing typed: not an attempt on anyone's account
        account = self._find(name)
        if self.read_only:  # nothing can be recorded there: the password is checked, for reading only
            stored = self.people.password_hash(account.id) if account and account.active else passwords.decoy_hash()
            if account is None or not account.active or not passwords.password_matches(stored, password):
                raise Refused("sign_in_failed")
            return account
        if account is None:
            passwords.password_matches(passwords.decoy_hash(), password)  # as long as a real check
            self.people.record_unknown_sign_in(at=now)
            raise Refused("sign_in_failed")
        if not account.active:
            self.people.record_refused_sign_in(account, at=now, why="disabled")
            raise Refused("account_disabled", name=account.name)
        if account.locked(now):
            self.people.record_refused_sign_in(account, at=now, why="locked")
            raise Refused("account_locked", name=account.name, until=account.locked_until.isoformat(timespec="minutes"))
        stored = self.people.password_hash(account.id)
        if not passwords.password_matches(stored, password):
            lock = self.people.record_failure(account, at=now, purpose=purpose, lock_after=people.LOCK_AFTER_FAILURES,
                                              lock_for=people.LOCK_FOR)
            if lock:
                raise Refused("account_locked", name=account.name, until=lock.isoformat(timespec="minutes"))
            raise Refused("sign_in_failed")
        if not self.people.record_success(account, at=now, purpose=purpose):
            raise Refused("account_locked", name=account.name, until="later")
        if passwords.needs_rehash(stored):
            self.people.set_password_hash(account, passwords.hash_password(password), actor=account.name, at=now,
                                          rehash=True)
        return self.people.account_by_id(account.id)

    def _find(self, name: str) -> Account | None:
        key = same_person_key(name)
        return next((a for a in self.people.accounts() if same_person_key(a.name) == key), None)

    def delegation_log(self) -> list[DelegationEntry]:
        return self.people.delegation_log()

    def certificates(self, person: Account | None = None) -> list[Certificate]:
        return self.people.certificates(None if person is None else person.id)

    def legacy_delegation(self) -> list[tuple[str, str, str, str, bool]]:
        return self.people.legacy_delegation()

    # -- protocols -------------------------------------------------------------------------------

    @cached_property
    def protocols(self) -> SiteProtocols:
        """Every version of the bundled protocols and the site's own (the YAML reader: on first use)."""
        from trialdesk.desk.protocol_versions import SiteProtocols

        return SiteProtocols(self.settings.protocol_dir, lambda: self.clock().date())

    def protocol(self, id_or_file: str) -> Protocol:
        """A protocol by id (the version in force today, else its latest), or a protocol file by path."""
        from trialdesk.desk.protocols import find_protocol

        if id_or_file not in self._protocols:
            if id_or_file in self.protocol_ids():
                self._protocols[id_or_file] = self.protocols.current(id_or_file).protocol
            else:
                self._protocols[id_or_file] = find_protocol(id_or_file, self.settings.protocol_dir)
        return self._protocols[id_or_file]

    def protocol_ids(self) -> list[str]:
        """Every protocol with an installed version, bundled first (the files' names only: nothing is read)."""
        from trialdesk.persistence.version_files import bundled_folder, protocol_ids

        return protocol_ids((bundled_folder(), self.settings.protocol_dir))

    def version_choice(self, protocol_id: str, on: date) -> VersionChoice:
        """Which version of the protocol a screening dated `on` would start under, or why none may."""
        return self.protocols.choice(protocol_id, on)

    def screening_protocol(self, screening: Screening) -> Protocol:
        """The protocol a screening is read and changed under: the exact file it started under."""
        return self.protocols.of_screening(screening).protocol

    def add_protocol_file(self, path: Path) -> Protocol:
        """Check a protocol file and keep it with the site's data as a version of its id (raises
        ProtocolFileError, also when its validity overlaps another version's)."""
        protocol = self.protocols.install(path).protocol
        self._protocols.pop(protocol.id, None)
        return protocol

    def _record_kept_protocol_hashes(self) -> None:
        """Screenings made before the protocol file's SHA-256 was stored get the hash of their site
        protocol's kept copy (once, audited); a bundled protocol's stay "not recorded"."""
        from trialdesk.persistence import protocol_hashes
        from trialdesk.resources import bundled_protocols

        pending = protocol_hashes.unrecorded_protocol_ids(self.database.connection)
        bundled = bundled_protocols() if pending else {}
        for protocol_id in pending:
            kept = self.settings.protocol_dir / f"{protocol_id}.yaml"
            if protocol_id not in bundled and kept.is_file():
                protocol_hashes.record_kept_copy(self.database, protocol_id, kept, at=self.clock())

    # -- reading screenings ----------------------------------------------------------------------

    def screening(self, reference: str | int) -> Screening:
        return self.store.load(reference) if isinstance(reference, int) else self.store.find(reference)

    def read_only_session(self, reference: str | int) -> ScreeningSession:
        """A screening to look at: any change through it is refused."""
        from trialdesk.session import ScreeningSession

        screening = self.screening(reference)
        return ScreeningSession(self.store, self.screening_protocol(screening), screening, actor="",
                                refusal=Refused("signed_out"))

    def completion(self, screening_id: int) -> Completion | None:
        return self.people.completion(screening_id)

    def history(self, screening_id: int | None = None) -> list[AuditEntry]:
        from trialdesk.persistence import audit_trail

        return audit_trail.history(self.database.connection, screening_id)

    def history_rows(self, screening_id: int):
        """The screening's history as a monitor reads it (who, when in UTC and local time, old, new, why)."""
        from trialdesk.worksheet.history import HistoryRow, value_text

        rows = []
        for entry in self.history(screening_id):
            local = entry.at.astimezone(_offset_zone(entry.utc_offset))
            who = f"{entry.actor} (recorded before named users)" if self.before_named_users(entry) else entry.actor
            rows.append(HistoryRow(entry.seq, entry.at.strftime("%Y-%m-%d %H:%M:%S"),
                                   f"{local.strftime('%Y-%m-%d %H:%M:%S')} {entry.utc_offset}", who, entry.action,
                                   entry.target or "", value_text(entry.old_value), value_text(entry.new_value),
                                   entry.reason or ""))
        return rows

    def before_named_users(self, entry: AuditEntry) -> bool:
        """Whether an audit entry was recorded before the site had named users (its name is as typed then)."""
        return entry.seq <= self.people.named_users_since()

    def verify_audit(self):
        from trialdesk.persistence import audit_trail

        return audit_trail.verify(self.database.connection)

    def verify_records(self, worksheet_dirs: Iterable[Path] = (), heads: Iterable[str] = ()) -> RecordsCheck:
        """The audit trail's chain, the records replayed against it, the schema, and its anchors outside
        the database: every signed worksheet in the site file (and in `worksheet_dirs`), and heads read
        from paper."""
        from trialdesk.persistence import audit_trail, integrity

        db = self.database.connection
        chain = audit_trail.verify(db)
        problems = integrity.schema_problems(db)
        problems += integrity.replay_problems(db, self._expected_status)
        problems += integrity.people_problems(db)
        problems += integrity.number_problems(db)
        problems += integrity.pipeline_problems(db)
        anchors, unreadable = self._worksheet_anchors([self.site_file_dir(), self.data_dir / "site-file",
                                                       *worksheet_dirs])
        anchors += self._stored_anchors()
        anchors += [integrity.Anchor("the head given", None, head) for head in heads]
        problems += unreadable + integrity.anchor_problems(db, anchors)
        return RecordsCheck(chain, tuple(problems), sum(1 for a in anchors if a.seq is not None))

    def _expected_status(self, screening_id: int, answers: dict[str, Any]) -> str | None:
        from trialdesk.domain.screening import status_from_report
        from trialdesk.session import ScreeningSession

        try:
            screening = self.store.load(screening_id)
            session = ScreeningSession(self.store, self.screening_protocol(screening), screening, actor="")
        except Exception:  # a protocol no longer readable: the status is not judged, the rest still is
            return None
        return status_from_report(session.report).value

    def _stored_anchors(self):
        """The signed worksheets kept in the database anchor the trail too (they carry the PI's signature)."""
        from trialdesk.persistence.integrity import Anchor
        from trialdesk.worksheet.verification import check_file

        anchors = []
        for sid, file_name, pdf in self.database.connection.execute(
                "SELECT screening_id, file_name, pdf FROM documents ORDER BY id"):
            check = check_file(pdf)
            if check.content is not None and check.content.audit_hash:
                anchors.append(Anchor(f"the stored worksheet of screening id {sid}", check.content.audit_seq,
                                      check.content.audit_hash))
        return anchors

    @staticmethod
    def _worksheet_anchors(folders: Iterable[Path]):
        from trialdesk.persistence.integrity import Anchor
        from trialdesk.worksheet.verification import check_file

        anchors, problems, seen = [], [], set()
        for folder in folders:
            for path in sorted(Path(folder).glob("*.pdf")) if Path(folder).is_dir() else ():
                if path.resolve() in seen:
                    continue
                seen.add(path.resolve())
                try:
                    check = check_file(read_worksheet(path))
                except Refused as refused:
                    problems.append(f"{shown(path)}: cannot be checked ({refused.code})")
                    continue
                except Exception as error:  # one hostile file never stops the check of the others
                    problems.append(f"{shown(path)}: cannot be checked ({type(error).__name__})")
                    continue
                if check.problems:
                    problems.append(f"{shown(path)}: {check.problems[0]}")
                if check.content is not None and check.content.audit_hash:
                    anchors.append(Anchor(shown(path), check.content.audit_seq, check.content.audit_hash))
        return anchors, problems

    def site_setting(self, key: str, default: str = "") -> str:
        return self.store.site_setting(key, default)

    def screening_number_pattern(self) -> NumberPattern | None:
        """The site's screening-number pattern; None while screening numbers are free text."""
        return _number_pattern(self.site_setting(PATTERN_SETTING))

    def next_screening_number(self, protocol_id: str, site: str | None = None) -> str | None:
        """The number the site's pattern gives the next screening of the protocol at the site (by
        default this site); None without a pattern."""
        pattern = self.screening_number_pattern()
        if pattern is None:
            return None
        site = self.site_setting("site_number") if site is None else site
        return pattern.next_number(site, self.log.numbers(protocol_id, site))

    def site_file_dir(self) -> Path:
        from trialdesk.signoff import site_file_dir

        return site_file_dir(self.store, self.data_dir)

    def check_site_file(self, *, refile: bool = False, actor: str | None = None,
                        words: Messages | None = None) -> list[SiteFileCopy]:
        """Every signed worksheet stored in the database against its copy in the site file.

        With `refile` (a `Desk` does it, as `actor`), a missing or damaged copy is written again from
        the database, whole or not at all; a damaged one is first renamed `NAME.damaged-TIMESTAMP`,
        never deleted. Each re-filing is audited."""
        import os

        from trialdesk.messages import Messages
        from trialdesk.persistence.storage_errors import write_problem
        from trialdesk.private import write_whole

        words = words or Messages()
        folder = self.site_file_dir()
        copies = []
        rows = self.database.connection.execute("SELECT screening_id, file_name, pdf FROM documents ORDER BY id")
        for screening_id, file_name, pdf in rows.fetchall():
            path = folder / file_name
            found = self._site_file_state(path, pdf)
            if found == RIGHT or not refile:
                copies.append(SiteFileCopy(screening_id, path, found))
                continue
            moved_to = None
            try:
                if found == DAMAGED:
                    moved_to = _aside(path, self.clock())
                    os.rename(path, moved_to)
                write_whole(path, pdf)
            except OSError as error:
                copies.append(SiteFileCopy(screening_id, path, found, moved_to=moved_to if moved_to and
                                           moved_to.exists() else None, problem=write_problem(words, error, folder)))
                continue
            target = file_name if moved_to is None else f"{file_name} (the damaged copy moved aside to {moved_to.name})"
            self.store.record_action(f"site_file_refiled_{found}", actor=actor or "", at=self.clock(), target=target)
            copies.append(SiteFileCopy(screening_id, path, found, refiled=True, moved_to=moved_to))
        return copies

    @staticmethod
    def _site_file_state(path: Path, pdf: bytes) -> str:
        import hashlib

        if not path.exists() and not path.is_symlink():
            return MISSING
        try:
            filed = read_worksheet(path)
        except Refused:
            return DAMAGED
        return RIGHT if hashlib.sha256(filed).digest() == hashlib.sha256(pdf).digest() else DAMAGED

    def check_worksheet(self, pdf: bytes) -> WorksheetCheck:
        from trialdesk.signoff import check_worksheet

        return check_worksheet(pdf, self.store, self.people)

    def draft_pdf(self, session: ScreeningSession, words: Messages, paper: str = "a4",
                  alt_words: Messages | None = None) -> bytes:
        from trialdesk.signoff import draft_worksheet

        return draft_worksheet(self.store, session, words, paper, alt_words,
                               completion=self.completion(session.screening.id)).pdf

    def documents(self, screening_id: int):
        return self.store.documents(screening_id)

    def check_export_target(self, target: Path) -> Path:
        """An export never lands on the site's own records: the database, its journals, the site file."""
        resolved = Path(target).expanduser().absolute().resolve()
        database = self.settings.database_path.resolve()
        own = {database, database.with_name(database.name + "-wal"), database.with_name(database.name + "-shm"),
               database.with_name(database.name + "-journal")}
        folders = {self.site_file_dir().resolve(), (self.data_dir / "site-file").resolve(),
                   (self.data_dir / "identities").resolve(), self.settings.protocol_dir.resolve()}
        if resolved in own or any(resolved.is_relative_to(folder) for folder in folders):
            raise Refused("export_onto_records", target=str(target))
        return resolved

    def export_log(self, target: Path, log_filter, outcome_words) -> int:
        """The screening log as the sponsor's CSV; returns the number of rows."""
        from trialdesk.persistence.screening_log import write_csv

        return write_csv(self.check_export_target(target), self.log, log_filter, outcome_words)

    def backup_to(self, target: Path) -> None:
        self.database.backup_to(target)


class Desk(PipelineWork):
    """The signed-in person's work: every change here is theirs, and checked against their authority."""

    def __init__(self, site: Site, person: Account) -> None:
        self.site = site
        self.person = person

    @property
    def clock(self) -> Clock:
        return self.site.clock

    def _today(self) -> date:
        return self.clock().date()

    def refresh(self, *, changing_password: bool = False) -> Account:
        """The person as the records say now: disabled, or still on a password someone else gave, they may not act."""
        self.person = self.site.people.account_by_id(self.person.id)
        if not self.person.active:
            raise Refused("account_disabled", name=self.person.name)
        if self.person.must_change_password and not changing_password:
            raise Refused("must_change_password", name=self.person.name)
        return self.person

    @property
    def must_change_password(self) -> bool:
        return self.person.must_change_password

    def reauthenticate(self, password: str, purpose: str) -> None:
        """The password again, at a signature (21 CFR 11.200(a)): failures count toward the lock."""
        self.person = self.site._authenticate(self.person.name, password, purpose)

    def may(self, task: Task, day: date | None = None) -> Refused | None:
        """Why this person may not do `task` today (or on `day`), or None when they may."""
        try:
            self._may(task, day)
        except Refused as refused:
            return refused
        return None

    def _may(self, task: Task, day: date | None = None) -> DelegationEntry:
        return people.may_do(self.refresh(), task, self.site.delegation_log(), day or self._today())

    def delegation_entry(self, day: date | None = None) -> DelegationEntry | None:
        return people.delegation_on(self.site.delegation_log(), self.person.id, day or self._today())

    # -- accounts (the site administrator) -------------------------------------------------------

    def add_user(self, name: str, role: Role, password: str) -> Account:
        people.may_administer(self.refresh())
        name = people.check_name(name)
        people.check_password(password)
        return self.site.people.add_account(name, role, passwords.hash_password(password), actor=self.person.name,
                                            at=self.clock(), same_as=same_person_key)

    def set_user_status(self, name: str, status: AccountStatus) -> None:
        people.may_administer(self.refresh())
        account = self._account(name)
        if account.id == self.person.id and status is AccountStatus.DISABLED:
            raise Refused("disable_self")
        self.site.people.set_status(account, status, actor=self.person.name, at=self.clock())

    def change_password(self, current: str, new: str) -> None:
        self.reauthenticate(current, "password_change")
        self.refresh(changing_password=True)
        people.check_password(new)
        if new == current:
            raise Refused("password_unchanged")
        self.site.people.set_password_hash(self.person, passwords.hash_password(new), actor=self.person.name,
                                           at=self.clock())
        self.refresh()

    def _account(self, name: str) -> Account:
        account = self.site._find(name)
        if account is None:
            raise Refused("no_account", name=name)
        return account

    # -- the delegation log (the principal investigator) -----------------------------------------

    def delegate(self, name: str, tasks: Iterable[Task], starts: date, ends: date | None = None,
                 instruction: str | None = None) -> DelegationEntry:
        instruction = check_text(instruction or "", "instruction") or None
        people.may_keep_delegation(self.refresh(), instruction)
        person = self._account(name)
        if not person.active:
            raise Refused("account_disabled", name=person.name)
        checked = people.check_tasks(person, tasks)
        for day in (starts, ends):
            people.check_log_date(day)
        if ends is not None and ends < starts:
            raise Refused("ends_before_start", starts=starts.isoformat(), ends=ends.isoformat())
        return self.site.people.add_delegation(person, checked, starts, ends, actor=self.person.name, at=self.clock(),
                                               instruction=instruction)

    def end_delegation(self, name: str, on: date, instruction: str | None = None) -> DelegationEntry:
        """End every entry of the person still open on `on`: all of them or, if any cannot end then, none."""
        instruction = check_text(instruction or "", "instruction") or None
        people.may_keep_delegation(self.refresh(), instruction)
        person = self._account(name)
        people.check_log_date(on)
        open_entries = [e for e in self.site.delegation_log()
                        if e.person_id == person.id and (e.ends is None or e.ends >= on)]
        if not open_entries:
            raise Refused("no_delegation", name=person.name, day=on.isoformat())
        for entry in open_entries:
            if on < entry.starts:
                raise Refused("ends_before_start", starts=entry.starts.isoformat(), ends=on.isoformat())
        signed_after = self.site.people.last_signature_day(person.name)
        if signed_after is not None and signed_after > on:  # worksheets signed under it must stay provable
            raise Refused("delegation_used", name=person.name, day=signed_after.isoformat())
        self.site.people.end_delegations(open_entries, on, actor=self.person.name, at=self.clock(),
                                         instruction=instruction)
        return max(open_entries, key=lambda e: e.id)

    # -- certificates ----------------------------------------------------------------------------

    def create_identity(self, passphrase: bytes, *, organisation: str | None = None) -> bytes:
        """A key and certificate in the person's own name, enrolled to their account: the PKCS#12 bytes."""
        from trialdesk.worksheet.signing import create_identity, open_identity

        data = create_identity(self.refresh().name, None, passphrase, organisation=organisation)
        identity = open_identity(data, passphrase)
        self.site.people.enrol(self.person, identity.fingerprint, identity.subject, identity.not_after, "created",
                               at=self.clock())
        return data

    def import_identity(self, data: bytes, passphrase: bytes) -> Certificate:
        """Enrol an institution's certificate to the person, once they have unlocked it."""
        from trialdesk.worksheet.signing import open_identity

        identity = open_identity(data, passphrase)
        person = self.refresh()
        names = identity.common_names or (identity.name,)
        if len(names) != 1 or same_person_key(names[0]) != same_person_key(person.name):  # verifiers show the CN
            raise Refused("certificate_of_another", certificate=", ".join(names), name=person.name)
        if identity.not_after < self.clock():
            raise Refused("certificate_expired", until=identity.not_after.date().isoformat())
        return self.site.people.enrol(person, identity.fingerprint, identity.subject, identity.not_after,
                                      "imported", at=self.clock())

    def revoke_certificate(self, fingerprint: str, reason: str) -> None:
        reason = check_text(reason, "reason")
        if not reason:
            raise Refused("reason_needed")
        certificate = self.site.people.certificate(fingerprint.strip().lower())
        if certificate is None:
            raise Refused("no_certificate", fingerprint=fingerprint)
        if certificate.account_id != self.person.id:
            people.may_administer(self.refresh())
        if certificate.revoked_at is not None:
            raise Refused("already_revoked", on=certificate.revoked_at.date().isoformat())
        self.site.people.revoke(certificate, actor=self.refresh().name, at=self.clock(), reason=reason)

    def _enrolled(self, identity: Identity, at: datetime) -> Certificate:
        certificate = self.site.people.certificate(identity.fingerprint)
        if certificate is None or certificate.account_id != self.person.id:
            raise Refused("certificate_not_enrolled", name=self.person.name)
        if certificate.revoked_at is not None:
            raise Refused("certificate_revoked", on=certificate.revoked_at.date().isoformat())
        if not certificate.usable(at) or identity.not_after < at:
            raise Refused("certificate_expired", until=certificate.not_after.date().isoformat())
        return certificate

    # -- screenings ------------------------------------------------------------------------------

    def start_screening(self, protocol: Protocol | str, subject_values: dict[str, Any],
                        answers: dict[str, Any] | None = None, *, site: str | None = None,
                        confirmed: bool = False, lineage: dict[str, int | None] | None = None,
                        prescreen_id: int | None = None) -> ScreeningSession:
        """A new screening of the protocol (or protocol id), under the version in force on its screening
        date (`VersionNotInForce` names the versions when none is, or the one in force is withdrawn),
        with the SHA-256 of that version's file stored with it and a copy of the file kept. Unusual
        answers and subject dates (an age over 100, a date after today or a year or more before it) raise
        NeedsConfirmation unless `confirmed` (the trail then records each confirmation). With no
        screening number given and a site pattern, the screening takes the pattern's next number.
        `prescreen_id`: the pre-screened candidate it starts from; `lineage`: a re-screening's link (see
        `rescreen`)."""
        from trialdesk.session import start_screening

        self._may(Task.ENTER)
        protocol_id = protocol if isinstance(protocol, str) else protocol.id
        site = self.site.site_setting("site_number") if site is None else site
        number = subject_values.get("screening_number")
        if number is None or isinstance(number, str) and not number.strip():  # the site's pattern gives it
            given = self.site.next_screening_number(protocol_id, site)
            if given is not None:
                subject_values = {**subject_values, "screening_number": given}
        self._number_follows_pattern(protocol_id, site, subject_values.get("screening_number"))
        protocols = self.site.protocols
        version = protocols.for_start(protocol_id, subject_values.get("screening_date"))
        if not self.site.read_only:  # (a read-only site refuses the screening itself)
            protocols.keep_used(version)
        lineage = {k: v for k, v in (lineage or {}).items() if k in ("rescreen_of", "attempt")}
        check = None
        if lineage.get("rescreen_of") is not None:
            check = self._rescreen_check(version.protocol, lineage, subject_values.get("screening_date"))
        elif lineage:  # an attempt number without the attempt it follows is no re-screening
            raise Refused("rescreen_wrong_attempt", number="—", attempt=lineage.get("attempt"), expected=1)
        if prescreen_id is not None:
            lineage["prescreen_id"] = self._unscreened_prescreen(prescreen_id, protocol_id, site)
        return start_screening(self.site.store, version.protocol, subject_values, answers, site=site,
                               actor=self.person.name, clock=self.clock, protocol_sha256=version.sha256,
                               confirmed=confirmed, lineage=lineage, check=check)

    def _number_follows_pattern(self, protocol_id: str, site: str, number: Any) -> None:
        """With a site pattern, a new screening's number is written to it (a missing or malformed number
        is the subject check's to name)."""
        pattern = self.site.screening_number_pattern()
        if pattern is None or not isinstance(number, str) or not number.strip():
            return
        if pattern.sequence(number.strip(), site) is None:
            raise Refused("number_off_pattern", number=number.strip(), pattern=pattern.text,
                          next=self.site.next_screening_number(protocol_id, site))

    def open(self, reference: str | int, *, one_shot: bool = False) -> ScreeningSession:
        """A screening to work on: changes need data-entry delegation today (else it opens read-only).
        `one_shot`: one command's single change (see ScreeningSession)."""
        from trialdesk.session import ScreeningSession

        screening = self.site.screening(reference)
        try:
            self._may(Task.ENTER)
            refusal = None
        except Refused as refused:
            refusal = refused
        return ScreeningSession(self.site.store, self.site.screening_protocol(screening), screening,
                                actor=self.person.name, clock=self.clock, refusal=refusal, one_shot=one_shot)

    def complete(self, session: ScreeningSession, password: str, meaning: str | None = None,
                 words: Messages | None = None) -> Completion:
        """The coordinator's signature: the data entry of this screening is complete (password again)."""
        from trialdesk.messages import Messages

        from trialdesk.domain.verdict import Overall

        self._may(Task.ENTER)
        meaning = check_text(meaning or "", "meaning", MAX_LINE)
        session.check_current()  # one completes what one has seen: never a record changed meanwhile
        self.reauthenticate(password, "complete")
        if session.locked:
            raise StoreError("locked", status=session.screening.status.value)
        if session.report.overall is Overall.INCOMPLETE:
            still_open = sum(1 for r in session.report.results if r.verdict.value == "unknown")
            raise Refused("completion_incomplete", open=still_open)
        words = words or Messages(session.protocol)
        meaning = meaning or words.t("meaning.completed", protocol=session.protocol.id, version=session.protocol.version)
        completion = self.site.people.complete(session.screening.id, self.person, meaning, at=self.clock(),
                                               seen_seq=session.seen_seq)
        session.seen_seq = completion.audit_seq  # the completion is the record's latest change, and was seen
        session.forget_undo()  # what was completed is not taken back by Undo
        return completion

    def sign(self, session: ScreeningSession, identity: Identity, password: str, words: Messages, *,
             meaning: str | None = None, paper: str = "a4", alt_words: Messages | None = None) -> SignedWorksheet:
        """The investigator's signature: password again, an enrolled certificate, delegation today."""
        from trialdesk.signoff import SignerAuthority, check_decided, sign_screening

        session.check_current()  # one signs what one has seen: never a record changed meanwhile
        check_decided(session)
        now = self.clock()
        last = self.site.store.last_audit_time()
        if last is not None and now < last:  # a clock set back would let a signature predate what it confirms
            raise Refused("clock_behind", last=last.isoformat(timespec="seconds"))
        meaning = check_text(meaning or "", "meaning", MAX_LINE) or None
        self.reauthenticate(password, "sign")  # a wrong password is audited (and counted) as a sign-in failure
        try:
            entry = self._may(Task.SIGN, now.date())
            self._enrolled(identity, now)
            completion = self.site.completion(session.screening.id)
            if completion is None:
                raise Refused("not_completed")
        except Refused as refused:
            self.site.people.record_refusal(self.person, "sign_refused", at=now, code=refused.code,
                                            screening_id=session.screening.id, target=identity.fingerprint)
            raise
        authority = SignerAuthority(name=self.person.name, role=self.person.role.value, delegation=entry)
        # the file the screening was started (and is evaluated) under; None: not recorded (made before)
        digest = session.screening.protocol_sha256
        return sign_screening(self.site.store, session, identity, words, authority=authority, completion=completion,
                              protocol_sha256=digest, at=now, folder=self.site.site_file_dir(), meaning=meaning,
                              paper=paper, alt_words=alt_words)

    def record_screen_failure(self, session: ScreeningSession, reason: str) -> None:
        session.record_screen_failure(reason)

    def check_site_file(self, words: Messages | None = None) -> list[SiteFileCopy]:
        """`site-file check`: every signed worksheet's copy in the site file, missing or damaged ones
        filed again from the database (audited under this person)."""
        person = self.refresh()
        if self.site.read_only:  # a re-filing must be audited, and nothing can be recorded there
            from trialdesk.persistence.database import DatabaseReadOnly

            raise DatabaseReadOnly(f"{self.site.read_only_notice}: no copy was filed again")
        return self.site.check_site_file(refile=True, actor=person.name, words=words)

    def backup_to(self, target: Path) -> None:
        """A consistent copy of the whole database, made by a named person (audited, with where it went)."""
        self.refresh()
        self.site.backup_to(target)
        if not self.site.read_only:  # a database on read-only media cannot record it
            self.site.store.record_action("backup", actor=self.person.name, at=self.clock(), target=str(target))

    # -- site settings (the site administrator or the principal investigator) --------------------

    def set_site_setting(self, key: str, value: str) -> None:
        person = self.refresh()
        if person.role not in (Role.SITE_ADMINISTRATOR, Role.PRINCIPAL_INVESTIGATOR):
            raise Refused("not_administrator", name=person.name)
        value = check_text(value, key, MAX_LINE)  # no control characters: it is printed on worksheets
        if key == PATTERN_SETTING:
            _number_pattern(value)  # refused here, never when a screening starts
        self.site.store.set_site_setting(key, value, actor=person.name, at=self.clock())
