"""Versions of one protocol side by side, and the one in force on a screening date.

A protocol file may say when it applies: `valid_from` and `valid_to` are screening dates, both
inclusive, either one open; `amendment` names the amendment it carries; `withdrawn` marks a
version under which no new screening may start. A file saying `withdrawn: true` withdraws its
version (the same id and `version`) whichever other file of that version is installed, so a
withdrawal is made by installing a notice, never by changing the file screenings were made with.

Of the versions not withdrawn, no two may be in force on the same day; a new screening is made
under the one whose validity holds its screening date. An existing screening keeps the exact
file it was started under (by SHA-256): these rules decide only where new screenings start.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Annotated

from pydantic import AfterValidator, ValidationInfo

if TYPE_CHECKING:
    from trialdesk.domain.protocol import Protocol

#: `VersionChoice.problem` when no version's validity holds the date.
NONE_IN_FORCE = "none_in_force"
#: `VersionChoice.problem` when the version in force on the date is withdrawn.
WITHDRAWN = "withdrawn"


def _not_before_valid_from(value: date | None, info: ValidationInfo) -> date | None:
    start = info.data.get("valid_from")
    if value is not None and start is not None and value < start:
        raise ValueError(f"must not be before valid_from ({start.isoformat()})")
    return value


#: the last screening date a version applies to (inclusive); checked against `valid_from`, given before it.
ValidTo = Annotated[date | None, AfterValidator(_not_before_valid_from)]


@dataclass(frozen=True, slots=True)
class InstalledVersion:
    """One protocol file as installed: what it holds, the SHA-256 of its bytes, and where it is."""

    protocol: Protocol
    sha256: str
    source: str  # the file, as shown in messages

    @property
    def label(self) -> str:
        """The version as people name it: its version, and its amendment when it has one."""
        amendment = self.protocol.amendment
        return f"{self.protocol.version} ({amendment})" if amendment else self.protocol.version


def covers(protocol: Protocol, on: date) -> bool:
    """Whether the protocol's validity holds the screening date `on` (both ends included)."""
    return ((protocol.valid_from is None or protocol.valid_from <= on)
            and (protocol.valid_to is None or on <= protocol.valid_to))


def overlap(first: Protocol, second: Protocol) -> bool:
    """Whether some day lies in both validities."""
    start = max(first.valid_from or date.min, second.valid_from or date.min)
    end = min(first.valid_to or date.max, second.valid_to or date.max)
    return start <= end


def withdrawn_versions(versions: Iterable[InstalledVersion]) -> frozenset[str]:
    """The `version` names withdrawn by any installed file of them."""
    return frozenset(v.protocol.version for v in versions if v.protocol.withdrawn)


def is_withdrawn(version: InstalledVersion, versions: Iterable[InstalledVersion]) -> bool:
    return version.protocol.version in withdrawn_versions(versions)


def in_date_order(versions: Iterable[InstalledVersion]) -> tuple[InstalledVersion, ...]:
    """Oldest first: by the start of validity, then the version date."""
    return tuple(sorted(versions, key=lambda v: (v.protocol.valid_from or date.min, v.protocol.version_date,
                                                 v.protocol.version, v.sha256)))


def overlaps(versions: Iterable[InstalledVersion]) -> Iterator[tuple[InstalledVersion, InstalledVersion]]:
    """Each pair of different files, neither withdrawn, that would both be in force on some day."""
    versions = in_date_order(versions)
    withdrawn = withdrawn_versions(versions)
    active = [v for v in versions if v.protocol.version not in withdrawn]
    for i, first in enumerate(active):
        for second in active[i + 1:]:
            if first.sha256 != second.sha256 and overlap(first.protocol, second.protocol):
                yield first, second


@dataclass(frozen=True, slots=True)
class VersionChoice:
    """Which version of a protocol a screening dated `on` starts under, or why none may."""

    protocol_id: str
    on: date
    versions: tuple[InstalledVersion, ...]  # every installed version, oldest first
    chosen: InstalledVersion | None  # None: see `problem`
    problem: str | None = None  # NONE_IN_FORCE or WITHDRAWN
    withdrawn: InstalledVersion | None = None  # the withdrawn version in force on `on`


def choose(protocol_id: str, versions: Iterable[InstalledVersion], on: date) -> VersionChoice:
    """The version in force on `on`: the one not withdrawn whose validity holds the date.

    `versions` are the installed versions of one protocol, checked (no two in force on one day)."""
    versions = in_date_order(versions)
    withdrawn = withdrawn_versions(versions)
    in_force = [v for v in versions if covers(v.protocol, on)]
    active = [v for v in in_force if v.protocol.version not in withdrawn]
    if active:
        return VersionChoice(protocol_id, on, versions, active[-1])
    if in_force:
        return VersionChoice(protocol_id, on, versions, None, WITHDRAWN, in_force[-1])
    return VersionChoice(protocol_id, on, versions, None, NONE_IN_FORCE)


def current(versions: Iterable[InstalledVersion], on: date) -> InstalledVersion | None:
    """The version to show for a protocol today: the one in force, else the latest not withdrawn, else the latest."""
    versions = in_date_order(versions)
    if not versions:
        return None
    chosen = choose(versions[0].protocol.id, versions, on).chosen
    if chosen is not None:
        return chosen
    withdrawn = withdrawn_versions(versions)
    active = [v for v in versions if v.protocol.version not in withdrawn]
    return (active or list(versions))[-1]
