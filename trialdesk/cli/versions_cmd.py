"""`trialdesk protocol list`: every installed protocol, each version with its validity and file SHA-256."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from trialdesk.cli.context import Context
from trialdesk.desk.errors import ProtocolFileError
from trialdesk.desk.protocol_versions import SiteProtocols, validity_text
from trialdesk.domain.versions import InstalledVersion, is_withdrawn


def list_protocols(args: argparse.Namespace, context: Context) -> int:
    """One line a version, tab-separated: id, version (amendment), validity, bundled or site, SHA-256, title."""
    protocols = SiteProtocols(context.settings.protocol_dir, date.today)
    bundled = protocols.folders[0]
    for protocol_id in protocols.ids():
        try:
            versions = protocols.versions(protocol_id)
        except ProtocolFileError as error:
            print(f"{protocol_id}\tINVALID: {error.file}: {error.issues[0].message}")
            continue
        for version in versions:
            print("\t".join((protocol_id, version.label, version_validity(version, versions),
                             "bundled" if Path(version.source).parent == bundled else "site",
                             version.sha256, version.protocol.title)))
    return 0


def version_validity(version: InstalledVersion, versions: tuple[InstalledVersion, ...]) -> str:
    return validity_text(version.protocol) + (", withdrawn" if is_withdrawn(version, versions) else "")
