"""`trialdesk protocol check|schema|list|test|facts|draft`.

`test` runs a protocol's example subjects (`ID.tests.yaml` beside it) and prints the agreement:
exit 0 when every case agrees, 1 when one does not, 2 when a file is refused. `check` runs them
too when the file is there. `draft` turns a ClinicalTrials.gov study record (API v2 JSON, from a
file) into a protocol file for its author to refine.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from trialdesk.cli.common import EXIT_REFUSED, group
from trialdesk.cli.versions_cmd import list_protocols
from trialdesk.desk.errors import ProtocolFileError
from trialdesk.desk.protocols import load_protocol, parse_protocol, protocol_path, run_examples, tests_file_for
from trialdesk.domain.protocol import Protocol

if TYPE_CHECKING:  # the evaluation engine and the message catalogue load only when a command needs them
    from trialdesk.cli.context import Context
    from trialdesk.domain.protocol_tests import Agreement, CaseAgreement
    from trialdesk.messages import Messages

EXIT_DISAGREE = 1  # `protocol test` / `check`: an example subject's verdicts are not the ones expected
MAX_RECORD_BYTES = 16 * 1024 * 1024  # a study record with posted results runs to a few MiB


def add_commands(commands: argparse._SubParsersAction) -> None:
    actions = group(commands, "protocol", "check protocol files, run their example subjects, list their facts, draft one")
    check_parser = actions.add_parser("check", help="validate a protocol file and run its example subjects "
                                      "(exit 2 when invalid, 1 when an example disagrees)")
    check_parser.add_argument("file")
    check_parser.set_defaults(run=check)
    actions.add_parser("schema", help="print the JSON Schema of protocol files").set_defaults(run=schema)
    actions.add_parser("list", help="list the bundled and the site's protocols, each version with its validity "
                       "and file SHA-256").set_defaults(run=list_protocols)
    test_parser = actions.add_parser("test", help="run the example subjects of ID.tests.yaml beside the protocol "
                                     "(exit 0 all agree, 1 one disagrees, 2 a file refused)")
    test_parser.add_argument("protocol", metavar="FILE|ID", help="a protocol file, or the id of a bundled or site protocol")
    test_parser.set_defaults(run=test)
    facts_parser = actions.add_parser("facts", help="list every fact a protocol asks: type, units, options, who reads it")
    facts_parser.add_argument("protocol", metavar="ID|FILE", help="a protocol id or a protocol file")
    facts_parser.add_argument("--format", choices=("text", "json"), default="text")
    facts_parser.set_defaults(run=facts)
    draft_parser = actions.add_parser("draft", help="draft a protocol file from a ClinicalTrials.gov study record "
                                      "(API v2 JSON saved to a file)")
    draft_parser.add_argument("record", metavar="STUDY.json", help="the study record, as the v2 API serves it")
    draft_parser.add_argument("-o", "--output", required=True, metavar="FILE.yaml", help="the new protocol file "
                              "(an existing file is never overwritten)")
    draft_parser.set_defaults(run=draft)


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
    tests_file = tests_file_for(args.file)
    try:
        agreement = run_examples(protocol, args.file)
    except ProtocolFileError as error:
        print(error.describe(), file=sys.stderr)
        return EXIT_REFUSED
    if agreement is None:
        print(f"no example subjects: {tests_file} does not exist (trialdesk protocol test runs them when it does)")
        return 0
    print(f"{tests_file}: ", end="")
    return _print_agreement(agreement, protocol, only_disagreements=True)


def schema(args: argparse.Namespace, context: object = None) -> int:
    print(json.dumps(Protocol.model_json_schema(by_alias=True), indent=2, ensure_ascii=False))
    return 0


# -- protocol test --------------------------------------------------------------------------------


def test(args: argparse.Namespace, context: Context) -> int:
    try:
        path = protocol_path(args.protocol, context.settings.protocol_dir)
        protocol = load_protocol(path)
        agreement = run_examples(protocol, path)
    except ProtocolFileError as error:
        print(error.describe(), file=sys.stderr)
        return EXIT_REFUSED
    if agreement is None:
        print(f"{tests_file_for(path)}: no such file: the example subjects of {protocol.id} are written there "
              "(see README, Protocol test cases)", file=sys.stderr)
        return EXIT_REFUSED
    print(f"{tests_file_for(path)}: {len(agreement.cases)} example subjects for {protocol.id} version {protocol.version}")
    return _print_agreement(agreement, protocol)


def _print_agreement(agreement: Agreement, protocol: Protocol, *, only_disagreements: bool = False) -> int:
    """Each case (or only those that disagree), then "N of M cases agree"; the exit code."""
    words = None  # the message catalogue is loaded only to word a disagreement
    total = len(agreement.cases)
    if only_disagreements:
        print(f"{agreement.agreed} of {total} cases agree")
    for case in agreement.cases:
        if case.agrees:
            if not only_disagreements:
                print(f"  agrees     {case.case.name}")
            continue
        print(f"  DISAGREES  {case.case.name}")
        if words is None:
            from trialdesk.messages import Messages

            words = Messages(protocol)
        for line in disagreement_lines(case, words):
            print(f"      {line}")
    if not only_disagreements:
        print(f"{agreement.agreed} of {total} cases agree")
    return 0 if agreement.all_agree else EXIT_DISAGREE


def disagreement_lines(case: CaseAgreement, words: Messages) -> list[str]:
    """What differs from what the case expects, one line each."""
    from trialdesk.domain.verdict import Outcome

    lines = []
    expected_refusal = case.case.refused
    if not case.refusal_agrees:
        if expected_refusal is not None:
            named = ", ".join(f"{fact} ({code or 'any problem'})" for fact, code in expected_refusal.items())
            lines.append(f"expected refused: {named}; " + ("the facts were accepted" if not case.problems else "got:"))
        lines += [f"refused: {words.problem(p)} [{p.code}]" for p in case.problems]
    for criterion in case.disagreements:
        if criterion.result is None:
            lines.append(f"{criterion.criterion_id}: expected {criterion.expected}, but the protocol has no such criterion")
            continue
        reason = words.reason(Outcome(criterion.result.verdict, criterion.result.reason))
        if criterion.expected is None:
            lines.append(f"{criterion.criterion_id}: not stated by the case (got {criterion.got}: {reason}); "
                         "a case states the verdict of every criterion")
        else:
            lines.append(f"{criterion.criterion_id}: expected {criterion.expected}, got {criterion.got}: {reason}")
    if not case.overall_agrees:
        lines.append(f"overall: expected {case.case.overall}, got {case.overall}")
    return lines


# -- protocol facts -------------------------------------------------------------------------------

_SHOWN_APART = {"id", "type", "label", "help", "translations"}


def facts(args: argparse.Namespace, context: Context) -> int:
    protocol = context.protocol(args.protocol)
    listing = fact_listing(protocol)
    if args.format == "json":
        print(json.dumps({"protocol": protocol.id, "version": protocol.version, "facts": listing}, indent=2,
                         ensure_ascii=False))
        return 0
    print(f"{protocol.id} version {protocol.version}: {len(listing)} facts")
    for entry in listing:
        print(f"\n{entry['id']}  ({entry['type']})  {entry['label']}")
        for line in _detail_lines(entry):
            print(f"    {line}")
    return 0


def fact_listing(protocol: Protocol) -> list[dict[str, Any]]:
    """Every fact in protocol order: id, type, label, what its type declares (units, options, drugs,
    routes...), and the criteria that read it (directly or through a score)."""
    from trialdesk.messages import Messages

    words = Messages(protocol)
    readers: dict[str, list[str]] = {f.id: [] for f in protocol.facts}
    for criterion in protocol.criteria:
        for fact_id in protocol.facts_used(criterion):
            readers[fact_id].append(criterion.id)
    listing = []
    for fact in protocol.facts:
        entry: dict[str, Any] = {"id": fact.id, "type": fact.type, "label": fact.label}
        if fact.help:
            entry["help"] = fact.help
        entry.update(fact.model_dump(mode="json", exclude=_SHOWN_APART, exclude_defaults=False))
        for key in ("asked_if", "usual"):  # said only by the facts that declare them
            if key in entry and entry[key] is None:
                del entry[key]
        if fact.asked_if is not None:
            entry["asked_only_when"] = words.condition(fact.asked_if)
        canonical = getattr(fact, "canonical_unit", None)
        if isinstance(canonical, str):
            entry["compared_in"] = canonical
        entry["read_by"] = readers[fact.id]
        listing.append(entry)
    return listing


def _detail_lines(entry: dict[str, Any]) -> list[str]:
    lines = []
    for key, value in entry.items():
        if key in _SHOWN_APART or key in ("read_by", "asked_if"):  # a condition is shown in words
            continue
        if key in ("options", "results") and isinstance(value, list):
            value = ", ".join(f"{o.get('id')} ({o.get('label')})" if isinstance(o, dict) else str(o) for o in value)
        elif isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        elif isinstance(value, dict):
            value = ", ".join(f"{k} {v}" for k, v in value.items())
        lines.append(f"{key.replace('_', ' ')}: {value}")
    if entry.get("help"):
        lines.append(f"help: {entry['help']}")
    lines.append(f"read by: {', '.join(entry['read_by']) or '(no criterion)'}")
    return lines


# -- protocol draft -------------------------------------------------------------------------------


def draft(args: argparse.Namespace, context: object = None) -> int:
    import yaml

    from trialdesk.domain.registry_draft import DraftRefused, draft_protocol
    from trialdesk.private import write_whole_text

    source, target = Path(args.record), Path(args.output)
    try:
        record = _read_record(source)
        data = draft_protocol(record)
    except DraftRefused as refused:
        print(f"{source}: cannot draft a protocol: {refused}", file=sys.stderr)
        return EXIT_REFUSED
    text = f"# Drafted by trialdesk protocol draft from {source.name}; refine each criterion's rule.\n"
    text += yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    try:
        parse_protocol(text, target)  # what is written is what `protocol check` accepts
    except ProtocolFileError as error:
        print(f"{source}: the draft would not be a valid protocol file:\n{error.describe()}", file=sys.stderr)
        return EXIT_REFUSED
    if target.exists():
        print(f"{target}: already exists; a draft never replaces a file (give another name)", file=sys.stderr)
        return EXIT_REFUSED
    write_whole_text(target, lambda out: out.write(text))
    counts = {kind: sum(c["kind"] == kind for c in data["criteria"]) for kind in ("inclusion", "exclusion")}
    print(f"{target}: draft protocol {data['id']}: {counts['inclusion']} inclusion and {counts['exclusion']} "
          f"exclusion criteria, {len(data['facts'])} facts; check it with trialdesk protocol check {target}")
    return 0


def _read_record(path: Path) -> Any:
    """The study record's JSON, read strictly (no key twice, no NaN) and bounded; `DraftRefused` if not."""
    from trialdesk.cli.facts_file import loads_strict
    from trialdesk.domain.errors import FactsInvalid
    from trialdesk.domain.registry_draft import DraftRefused
    from trialdesk.messages import Messages

    try:
        with open(path, "rb") as file:
            content = file.read(MAX_RECORD_BYTES + 1)
    except OSError as error:
        raise DraftRefused(f"cannot be read: {error.strerror or error}") from None
    if len(content) > MAX_RECORD_BYTES:
        raise DraftRefused(f"larger than {MAX_RECORD_BYTES // (1024 * 1024)} MiB: not one study record")
    try:
        return loads_strict(content.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise DraftRefused("not UTF-8 text: not a JSON study record") from None
    except FactsInvalid as invalid:
        raise DraftRefused(Messages().problem_text(invalid.problems[0])) from None
