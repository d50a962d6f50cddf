"""A site's protocols by version: the one a new screening starts under, the one a screening reopens under.

A new screening starts under the version in force on its screening date (`trialdesk.domain.versions`);
an existing one reopens under the exact file it started under, found by the SHA-256 stored with it,
however many versions were installed since. File naming and the kept copies:
`trialdesk.persistence.protocol_versions`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from trialdesk.domain import versions as v
from trialdesk.domain.values import Unreadable, read_date
from trialdesk.persistence import protocol_versions as files
from trialdesk.persistence.errors import ProtocolFileError, ProtocolIssue
from trialdesk.persistence.protocol_versions import VersionNotInForce, validity_text
from trialdesk.persistence.version_files import KEPT_FOLDER, bundled_folder, protocol_ids, version_files

if TYPE_CHECKING:
    from trialdesk.domain.screening import Screening

__all__ = ["SiteProtocols", "VersionNotInForce", "validity_text"]


class SiteProtocols:
    """The bundled protocols and the site's own (in `site_dir`), every version of each."""

    def __init__(self, site_dir: Path, today: Callable[[], date]) -> None:
        self.site_dir = site_dir
        self.today = today
        self._versions: dict[str, tuple[v.InstalledVersion, ...]] = {}
        self._by_sha256: dict[str, v.InstalledVersion] = {}

    @property
    def folders(self) -> tuple[Path, Path]:
        return bundled_folder(), self.site_dir

    def ids(self) -> list[str]:
        """Every protocol with an installed version, the bundled ones first."""
        return protocol_ids(self.folders)

    def versions(self, protocol_id: str) -> tuple[v.InstalledVersion, ...]:
        """Every installed version of the protocol, oldest first; `ProtocolFileError` when they are refused
        together (two in force on one day) or the id is unknown."""
        if protocol_id not in self._versions:
            found = files.installed_versions(protocol_id, self.folders)
            if not found:
                raise ProtocolFileError(protocol_id, [ProtocolIssue("", f"no protocol with that id; known: {self.ids()}")])
            self._versions[protocol_id] = v.in_date_order(found)
        return self._versions[protocol_id]

    def choice(self, protocol_id: str, on: date) -> v.VersionChoice:
        """Which version a screening dated `on` would start under, or why none may."""
        return v.choose(protocol_id, self.versions(protocol_id), on)

    def in_force(self, protocol_id: str, on: date) -> v.InstalledVersion:
        """The version a screening dated `on` starts under; `VersionNotInForce` naming the versions when none may."""
        choice = self.choice(protocol_id, on)
        if choice.chosen is None:
            raise VersionNotInForce(choice)
        return choice.chosen

    def for_start(self, protocol_id: str, screening_date: Any) -> v.InstalledVersion:
        """`in_force` on a screening date as given; an unreadable date gives today's version, so that the
        date is refused with the subject's other problems."""
        try:
            on = read_date(screening_date.strip() if isinstance(screening_date, str) else screening_date)
        except Unreadable:
            return self.current(protocol_id)
        return self.in_force(protocol_id, on)

    def current(self, protocol_id: str) -> v.InstalledVersion:
        """The version to show today: in force today, else the latest not withdrawn."""
        return v.current(self.versions(protocol_id), self.today())

    def of_screening(self, screening: Screening) -> v.InstalledVersion:
        """The exact file the screening started under; for one made before that was stored, the installed
        file of its version, else the protocol's current one."""
        sha256 = screening.protocol_sha256
        if sha256 is None:
            return self._unrecorded(screening)
        if sha256 not in self._by_sha256:
            found = files.find_by_sha256(screening.protocol_id, sha256, self.folders, self.site_dir)
            if found is None:
                raise ProtocolFileError(screening.protocol_id, [ProtocolIssue("", (
                    f"the protocol file screening {screening.subject.screening_number} was started under (SHA-256 "
                    f"{sha256}) is not installed, and no copy of it is kept in {self.site_dir / KEPT_FOLDER}"))])
            self._by_sha256[sha256] = found
        return self._by_sha256[sha256]

    def _unrecorded(self, screening: Screening) -> v.InstalledVersion:
        for folder in self.folders:
            for path in version_files(folder).get(screening.protocol_id, []):
                version = files.load_version(path, screening.protocol_id)
                if version.protocol.version == screening.protocol_version:
                    return version
        return self.current(screening.protocol_id)

    def install(self, path: Path) -> v.InstalledVersion:
        """Check a protocol file and keep it as a version of its id (refused when its validity overlaps another's)."""
        version = files.install_site_file(path, self.folders, self.site_dir)
        self._versions.pop(version.protocol.id, None)
        return version

    def keep_used(self, version: v.InstalledVersion) -> None:
        """Keep a copy of the exact file a screening is starting under, once."""
        files.keep_used(version, self.site_dir)
