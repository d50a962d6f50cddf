"""`trialdesk protocol check|schema|list`."""

from __future__ import annotations

import argparse
import json
import sys

from trialdesk.domain.protocol import Protocol
from trialdesk.persistence.protocol_files import ProtocolFileError, load_protocol
from trialdesk.resources import bundled_protocols


def check(args: argparse.Namespace) -> int:
    try:
        protocol = load_protocol(args.file)
    except ProtocolFileError as error:
        print(error.describe(), file=sys.stderr)
        return 2
    print(
        f"{args.file}: valid protocol {protocol.id} version {protocol.version}: "
        f"{len(protocol.inclusions)} inclusion and {len(protocol.exclusions)} exclusion criteria, "
        f"{len(protocol.facts)} facts, {len(protocol.scores)} scores"
    )
    return 0


def schema(args: argparse.Namespace) -> int:
    print(json.dumps(Protocol.model_json_schema(by_alias=True), indent=2, ensure_ascii=False))
    return 0


def list_bundled(args: argparse.Namespace) -> int:
    for protocol_id, path in bundled_protocols().items():
        try:
            protocol = load_protocol(path)
        except ProtocolFileError as error:
            print(f"{protocol_id}\tINVALID: {error.issues[0].message}")
            continue
        print(f"{protocol_id}\t{protocol.version}\t{protocol.title}")
    return 0
