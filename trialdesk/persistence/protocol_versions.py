"""Versions of a protocol as files: loaded by id, checked together, found again by SHA-256, kept.

Naming (`ID.yaml`, `ID@LABEL.yaml`): `trialdesk.persistence.version_files`. The site's folder
holds the files the site opened: the first of an id as `ID.yaml` (as before versions), later ones
as `ID@<first 12 hex digits of its SHA-256>.yaml`; each file's `id` must be the one its name gives.

**Checked together.** The versions of one id (the same file in two places counts once) are
refused as a set when two not withdrawn could both be in force on one day
(`trialdesk.domain.versions`), naming both files.

**Identity.** A screening stores the SHA-256 of the exact bytes of the protocol file it started
under. Translation overlays are not part of it: they change no rule and no verdict, and the
worksheet's own content digest covers the translations it prints. A screening reopens under the
installed file with that hash, else under the copy kept in `by-sha256/<SHA-256>/ID.yaml` of the
site's folder when its first screening started (with the overlays as they were then), so that a
newer program or a newer version never changes the rules under an existing screening.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from trialdesk.domain.protocol import Protocol
from trialdesk.domain.versions import WITHDRAWN, InstalledVersion, VersionChoice, is_withdrawn, overlaps
from trialdesk.persistence.errors import ProtocolFileError, ProtocolIssue
from trialdesk.persistence.protocol_files import _overlay_files, load_protocol
from trialdesk.persistence.version_files import KEPT_FOLDER, VERSION_MARK, file_sha256, named_id, version_files
from trialdesk.private import private_folder, write_whole

_SHA256 = re.compile(r"^[0-9a-f]{64}$")


class VersionNotInForce(ProtocolFileError):
    """No version of a protocol may start a screening on that date: none is in force, or the one
    in force is withdrawn. `choice` says which versions there are."""

    def __init__(self, choice: VersionChoice) -> None:
        self.choice = choice
        super().__init__(choice.protocol_id, [ProtocolIssue("valid_from", _why(choice))])

    def describe(self) -> str:
        return f"{self.file}: {self.issues[0].message}"


def validity_text(protocol: Protocol) -> str:
    """A version's validity in words (English, as protocol file messages are)."""
    start, end = protocol.valid_from, protocol.valid_to
    if start and end:
        return f"valid {start.isoformat()} to {end.isoformat()}"
    if start:
        return f"valid from {start.isoformat()}"
    if end:
        return f"valid until {end.isoformat()}"
    return "valid on any date"


def _why(choice: VersionChoice) -> str:
    installed = "; ".join(dict.fromkeys(  # a version withdrawn by a notice of its own is listed once
        f"{v.label}, {validity_text(v.protocol)}" + (", withdrawn" if is_withdrawn(v, choice.versions) else "")
        for v in choice.versions)) or "none"
    if choice.problem == WITHDRAWN and choice.withdrawn is not None:
        return (f"version {choice.withdrawn.label}, in force on {choice.on.isoformat()}, is withdrawn: no new "
                f"screening starts under it (versions: {installed})")
    return f"no version is in force on {choice.on.isoformat()} (versions: {installed})"


def load_version(path: Path, protocol_id: str | None = None) -> InstalledVersion:
    """One version file, its hash taken of the bytes read; its id must be the one its name gives."""
    protocol = load_protocol(path)
    named = protocol_id or named_id(path)
    if protocol.id != named:
        raise ProtocolFileError(path, [ProtocolIssue("id", f"the file is named as a version of {named}, but its id is "
                                                           f"{protocol.id}: name it {protocol.id}.yaml or "
                                                           f"{protocol.id}{VERSION_MARK}LABEL.yaml")])
    return InstalledVersion(protocol, file_sha256(path), str(path))


def check_versions(protocol_id: str, versions: Iterable[InstalledVersion],
                   added: InstalledVersion | None = None) -> tuple[InstalledVersion, ...]:
    """The versions of one id, each file once; `ProtocolFileError` when two could be in force on one day,
    naming the later one, or `added` (the file being installed) when it is one of the two."""
    unique: dict[str, InstalledVersion] = {}
    for version in versions:
        unique.setdefault(version.sha256, version)
    for first, second in overlaps(unique.values()):
        refused, other = (first, second) if first is added else (second, first)
        raise ProtocolFileError(refused.source, [ProtocolIssue("valid_from", (
            f"version {refused.label} ({validity_text(refused.protocol)}) overlaps version {other.label} in "
            f"{other.source} ({validity_text(other.protocol)}): two versions of {protocol_id} cannot both be in "
            "force on one day; give them validities that do not overlap, or withdraw one"))])
    return tuple(unique.values())


def installed_versions(protocol_id: str, folders: Sequence[Path]) -> tuple[InstalledVersion, ...]:
    """Every version of `protocol_id` in `folders`, checked together (`ProtocolFileError` if refused)."""
    paths = [path for folder in folders for path in version_files(folder).get(protocol_id, [])]
    return check_versions(protocol_id, (load_version(path, protocol_id) for path in paths))


def find_by_sha256(protocol_id: str, sha256: str, folders: Sequence[Path], site_dir: Path) -> InstalledVersion | None:
    """The version whose file has this SHA-256: installed, else the copy kept when it was first used."""
    if not _SHA256.match(sha256):
        return None
    for folder in folders:
        for path in version_files(folder).get(protocol_id, []):
            if file_sha256(path) == sha256:
                return load_version(path, protocol_id)
    kept = site_dir / KEPT_FOLDER / sha256 / f"{protocol_id}.yaml"
    if kept.is_file() and file_sha256(kept) == sha256:
        return load_version(kept, protocol_id)
    return None


def keep_used(version: InstalledVersion, site_dir: Path) -> None:
    """Keep the exact file a screening starts under, with its overlays, once (whole or not at all).

    The protocol file is written last: once it is there, the copy is complete and never rewritten."""
    source = Path(version.source)
    folder = site_dir / KEPT_FOLDER / version.sha256
    target = folder / f"{version.protocol.id}.yaml"
    if source.parent == folder or _kept(target, version.sha256):
        return
    content = source.read_bytes()
    if hashlib.sha256(content).hexdigest() != version.sha256:
        raise ProtocolFileError(source, [ProtocolIssue("", "the file changed while it was being used; open it again")])
    private_folder(folder)
    for overlay in sorted(_overlay_files(source)):  # an earlier attempt's left-overs are replaced
        write_whole(folder / f"{version.protocol.id}{overlay.name[len(source.stem):]}", overlay.read_bytes(),
                    replace=True)
    try:
        write_whole(target, content)
    except FileExistsError:  # another window or command kept it meanwhile
        if not _kept(target, version.sha256):
            raise


def _kept(target: Path, sha256: str) -> bool:
    """Whether the kept copy is there; `ProtocolFileError` when a file there is not the one of that SHA-256."""
    if not target.exists():
        return False
    if file_sha256(target) != sha256:
        raise ProtocolFileError(target, [ProtocolIssue("", f"this kept copy is not the file of SHA-256 {sha256} "
                                                           "its folder names: it was changed; move it away")])
    return True


def install_site_file(path: Path, folders: Sequence[Path], site_dir: Path) -> InstalledVersion:
    """Check a protocol file and keep it in the site's folder as a version of its id.

    The same file installed already is not copied again; one that would be in force on a day
    another version is (and neither is withdrawn) is refused, and nothing is kept."""
    path = Path(path)
    protocol = load_protocol(path)
    content = path.read_bytes()
    version = InstalledVersion(protocol, hashlib.sha256(content).hexdigest(), str(path))
    protocol_id = protocol.id
    installed = installed_versions(protocol_id, folders)
    same = next((v for v in installed if v.sha256 == version.sha256), None)
    if same is not None:
        return same
    check_versions(protocol_id, (*installed, version), added=version)
    plain = site_dir / f"{protocol_id}.yaml"
    taken = plain.exists() or any(protocol_id in version_files(folder) for folder in folders if folder != site_dir)
    target = site_dir / (f"{protocol_id}{VERSION_MARK}{version.sha256[:12]}.yaml" if taken else plain.name)
    private_folder(site_dir)
    write_whole(target, content)  # whole or not at all: a truncated copy would refuse the real file ever after
    return InstalledVersion(protocol, version.sha256, str(target))
