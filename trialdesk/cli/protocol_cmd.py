"""`trialdesk protocol check|schema|list`."""

from __future__ import annotations

import argparse
import json
import sys

from trialdesk.cli.common import EXIT_REFUSED, group
from trialdesk.domain.protocol import Protocol
from trialdesk.desk.errors import ProtocolFileError
from trialdesk.desk.protocols import load_protocol
from trialdesk.resources import bundled_protocols


def add_commands(commands: argparse._SubParsersAction) -> None:
    actions = group(commands, "protocol", "check protocol files; print their schema")
    check_parser = actions.add_parser("check", help="validate a protocol file (exit 2 when invalid)")
    check_parser.add_argument("file")
    check_parser.set_defaults(run=check)
    actions.add_parser("schema", help="print the JSON Schema of protocol files").set_defaults(run=schema)
    actions.add_parser("list", help="list the bundled protocols").set_defaults(run=list_bundled)


def check(args: argparse.Namespace, context: object = None) -> int:
    try:
        protocol = load_protocol(args.file)
    except ProtocolFileError as error:
        print(error.describe(), file=sys.stderr)
        return EXIT_REFUSED
    print(
        f"{args.file}: valid protocol {protocol.id} version {protocol.version}: "
        f"{len(protocol.inclusions)} inclusion and {len(protocol.exclusions)} exclusion criteria, "
        f"{len(protocol.facts)} facts, {len(protocol.scores)} scores"
    )
    return 0


def schema(args: argparse.Namespace, context: object = None) -> int:
    print(json.dumps(Protocol.model_json_schema(by_alias=True), indent=2, ensure_ascii=False))
    return 0


def list_bundled(args: argparse.Namespace, context: object = None) -> int:
    for protocol_id, path in bundled_protocols().items():
        try:
            protocol = load_protocol(path)
        except ProtocolFileError as error:
            print(f"{protocol_id}\tINVALID: {error.issues[0].message}")
            continue
        print(f"{protocol_id}\t{protocol.version}\t{protocol.title}")
    return 0
