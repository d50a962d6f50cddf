"""Read protocol files (YAML) into `Protocol`, refusing bad ones with the exact place.

YAML is read strictly: only `true`/`false` are booleans (so an option called `no`
stays a string), and a key given twice is an error rather than silently replaced.
An error names the file, the line, the path to the bad entry
(``criteria[4].rule.any_of[1].value``) and what was expected.

Reading is bounded, so that checking any file takes well under a second: a file (and
each translation overlay) is at most `MAX_FILE_BYTES`; while the YAML is composed, before
anything is built from it, anchors and aliases (``&a`` / ``*a``, the "billion laughs") are
refused (and merge keys, ``<<``, which exist to use them), and so are nesting deeper than `MAX_DEPTH`, more than `MAX_NODES` entries, a
text longer than `MAX_SCALAR` characters and a number written with more than
`MAX_NUMBER_CHARS`. The events come from libyaml's C parser where it is installed: the
pure-Python scanner costs about 8 µs a byte, which is what made a large rule tree take
tens of seconds (and the file used to be parsed twice, once to load and once for lines).
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from yaml.composer import ComposerError
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.events import (
    AliasEvent,
    MappingEndEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import MappingNode, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver, Resolver

from trialdesk.domain.protocol import Protocol
from trialdesk.persistence.errors import ProtocolFileError, ProtocolIssue
from trialdesk.private import write_whole
from trialdesk.resources import bundled_protocols, protocol_files

#: the largest protocol file (or translation overlay) read; the bundled ones are 6 to 22 KiB.
MAX_FILE_BYTES = 2 * 1024 * 1024
#: mappings and lists nested in each other (the bundled protocols reach 11).
MAX_DEPTH = 40
#: entries (keys, values, list items) in one file (the bundled protocols have up to 1,308).
MAX_NODES = 20_000
#: characters of one text (the longest bundled criterion text has 544).
MAX_SCALAR = 10_000
#: characters of one number as written (Python refuses to read integers of over 4,300 digits).
MAX_NUMBER_CHARS = 100
#: translation overlays (`<stem>.<lang>.yaml`) next to one protocol file.
MAX_OVERLAYS = 20
#: problems listed for one file; the rest are counted.
MAX_ISSUES = 100

_NUMBER_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
_MERGE_TAG = "tag:yaml.org,2002:merge"


class _StrictResolver(Resolver):
    """YAML 1.2-style booleans: only true/false (any case), never yes/no/on/off."""


_StrictResolver.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in Resolver.yaml_implicit_resolvers.items()
}
_StrictResolver.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


class _Refused(yaml.MarkedYAMLError):
    """A bound or rule of the reader broken at `path` (a key path like ``criteria[3].rule``)."""

    def __init__(self, problem: str, mark: Any, path: list[str | int]) -> None:
        super().__init__(None, None, problem, mark)
        self.path = list(path)


class _BoundedComposer:
    """Composes the node tree from parser events, refusing what is not allowed as the events come.

    Nothing is expanded or built before the check: an alias is refused where it stands,
    and a file too deep or too large is refused at the entry that crosses the bound.
    """

    def _start_composing(self) -> None:
        self._nodes = 0
        self._depth = 0
        self._path: list[str | int] = []

    def _refuse(self, problem: str, event: Any) -> None:
        """Refuse at `event` (or node): its line, and the path of the entry being composed."""
        raise _Refused(problem, event.start_mark, self._path)

    def get_single_node(self) -> yaml.Node | None:
        self.get_event()  # stream start
        document = None
        if not self.check_event(StreamEndEvent):
            self.get_event()  # document start
            document = self.compose_node(None, None)
            self.get_event()  # document end
        if not self.check_event(StreamEndEvent):
            event = self.get_event()
            raise ComposerError(None, None, "a second document (---) in the file; a protocol file is one document", event.start_mark)
        self.get_event()  # stream end
        return document

    def compose_node(self, parent: Any, index: Any) -> yaml.Node:
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            self._refuse(f"an alias (*{event.anchor:.40}) is not allowed in a protocol file; write the entry out in full", event)
        if event.anchor is not None:
            self._refuse(f"an anchor (&{event.anchor:.40}) is not allowed in a protocol file; write each entry out in full", event)
        self._nodes += 1
        if self._nodes > MAX_NODES:
            self._refuse(f"more than {MAX_NODES} entries in one file", event)
        if isinstance(event, ScalarEvent):
            return self._compose_scalar()
        self._depth += 1
        if self._depth > MAX_DEPTH:
            self._refuse(f"lists and mappings nested more than {MAX_DEPTH} deep", event)
        node = self._compose_sequence() if isinstance(event, SequenceStartEvent) else self._compose_mapping()
        self._depth -= 1
        return node

    def _compose_scalar(self) -> ScalarNode:
        event = self.get_event()
        if len(event.value) > MAX_SCALAR:
            self._refuse(f"a text of more than {MAX_SCALAR} characters", event)
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.resolve(ScalarNode, event.value, event.implicit)
        if tag in _NUMBER_TAGS and len(event.value) > MAX_NUMBER_CHARS:
            self._refuse(f"a number written with more than {MAX_NUMBER_CHARS} characters", event)
        return ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style)

    def _compose_sequence(self) -> SequenceNode:
        start = self.get_event()
        tag = start.tag
        if tag is None or tag == "!":
            tag = self.resolve(SequenceNode, None, start.implicit)
        node = SequenceNode(tag, [], start.start_mark, None, flow_style=start.flow_style)
        while not self.check_event(SequenceEndEvent):
            self._path.append(len(node.value))
            node.value.append(self.compose_node(node, None))
            self._path.pop()
        node.end_mark = self.get_event().end_mark
        return node

    def _compose_mapping(self) -> MappingNode:
        start = self.get_event()
        tag = start.tag
        if tag is None or tag == "!":
            tag = self.resolve(MappingNode, None, start.implicit)
        node = MappingNode(tag, [], start.start_mark, None, flow_style=start.flow_style)
        while not self.check_event(MappingEndEvent):
            key = self.compose_node(node, None)
            if key.tag == _MERGE_TAG:  # `<<: *defaults` is how aliases are used; refused with them
                self._refuse("a merge key (<<) is not allowed in a protocol file; write each entry out in full", key)
            self._path.append(key.value if isinstance(key, ScalarNode) else "?")
            value = self.compose_node(node, key)
            self._path.pop()
            node.value.append((key, value))
        node.end_mark = self.get_event().end_mark
        return node


class _StrictConstructor(SafeConstructor):
    """Safe construction that refuses duplicate keys, and turns any failure into a YAML error at its line."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, TypeError, OverflowError, ArithmeticError) as error:  # e.g. 2026-13-45, !!int x
            if isinstance(error, yaml.YAMLError):
                raise
            raise ConstructorError(None, None, f"cannot read {node.value!r:.60}: {error}", node.start_mark) from None


def _construct_mapping(loader: _StrictConstructor, node: MappingNode, deep: bool = False) -> dict:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        try:
            duplicate = key in seen
            seen.add(key)
        except TypeError:
            raise ConstructorError(None, None, "a list or mapping cannot be a key", key_node.start_mark) from None
        if duplicate:
            raise ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
    return loader.construct_mapping(node, deep=deep)


_StrictConstructor.add_constructor(BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)

try:  # libyaml's C parser: the same events, about fifty times faster
    from yaml._yaml import CParser as _Parser

    class _Loader(_BoundedComposer, _Parser, _StrictConstructor, _StrictResolver):
        def __init__(self, text: str) -> None:
            _Parser.__init__(self, text)
            _StrictConstructor.__init__(self)
            _StrictResolver.__init__(self)
            self._start_composing()

except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml.parser import Parser as _PyParser
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    class _Loader(_BoundedComposer, Reader, Scanner, _PyParser, _StrictConstructor, _StrictResolver):  # type: ignore[no-redef]
        def __init__(self, text: str) -> None:
            Reader.__init__(self, text)
            Scanner.__init__(self)
            _PyParser.__init__(self)
            _StrictConstructor.__init__(self)
            _StrictResolver.__init__(self)
            self._start_composing()


def load_protocol(path: Path | str) -> Protocol:
    """Read and validate one protocol file with its translation overlays; raises `ProtocolFileError`."""
    path = Path(path)
    text = _read(path)
    overlays = {}
    names = sorted(_overlay_files(path))
    if len(names) > MAX_OVERLAYS:
        raise ProtocolFileError(path, [ProtocolIssue("", f"more than {MAX_OVERLAYS} translation files ({path.stem}.*.yaml) beside it")])
    for overlay in names:
        lang = overlay.name[len(path.stem) + 1:-len(".yaml")]
        overlays[lang] = _load_yaml(_read(overlay), overlay)[0]
    return parse_protocol(text, path, overlays)


def _overlay_files(path: Path) -> Iterator[Path]:
    """`<stem>.<lang>.yaml` beside the file, matched by name (not as a glob pattern), where <lang>
    is a language code (`is_language_code`): `ID.zh_CN.yaml` is an overlay, `ID.tests.yaml`
    (the example subjects) and `ID.old.yaml` are not."""
    prefix = f"{path.stem}."
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return
    for entry in entries:
        name = entry.name
        if name.startswith(prefix) and name.endswith(".yaml") and is_language_code(name[len(prefix):-len(".yaml")]):
            yield path.parent / name


def _read(path: Path) -> str:
    """The file's text: a regular file of at most `MAX_FILE_BYTES`, in UTF-8."""
    try:
        # non-blocking, so that a FIFO or a device is refused instead of waited on
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        try:
            regular = stat.S_ISREG(os.fstat(descriptor).st_mode)
            content = os.read(descriptor, MAX_FILE_BYTES + 1) if regular else b""
            while regular and len(content) <= MAX_FILE_BYTES:  # a short read is not the end
                more = os.read(descriptor, MAX_FILE_BYTES + 1 - len(content))
                if not more:
                    break
                content += more
        finally:
            os.close(descriptor)
        if not regular:
            raise ProtocolFileError(path, [ProtocolIssue("", "cannot read the file: not a regular file")])
        if len(content) > MAX_FILE_BYTES:
            raise ProtocolFileError(
                path, [ProtocolIssue("", f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB; a protocol file is at most that")]
            )
        return content.decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ProtocolFileError(path, [ProtocolIssue("", f"cannot read the file: {error}")]) from None


def _data(loader: _Loader, node: yaml.Node) -> Any:
    """The data of a composed node. Text, lists and mappings, nearly all of a protocol file, are built
    here directly, with the constructor's checks (the constructor's general path took a third of the
    time of reading a file); other values (numbers, dates, booleans, other tags) by the constructor."""
    if isinstance(node, ScalarNode) and node.tag == BaseResolver.DEFAULT_SCALAR_TAG:
        return node.value
    if isinstance(node, SequenceNode) and node.tag == BaseResolver.DEFAULT_SEQUENCE_TAG:
        return [_data(loader, item) for item in node.value]
    if isinstance(node, MappingNode) and node.tag == BaseResolver.DEFAULT_MAPPING_TAG:
        mapping = {}
        for key_node, value_node in node.value:
            key = _data(loader, key_node)
            try:
                duplicate = key in mapping
            except TypeError:
                raise ConstructorError(None, None, "a list or mapping cannot be a key", key_node.start_mark) from None
            if duplicate:
                raise ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
            mapping[key] = _data(loader, value_node)
        return mapping
    return loader.construct_object(node, deep=True)


def _load_yaml(text: str, source: Path | str) -> tuple[Any, yaml.Node | None]:
    """The data in YAML `text` and the node tree it was built from (for lines); `ProtocolFileError` if refused."""
    if len(text) > MAX_FILE_BYTES or len(text.encode("utf-8", "surrogatepass")) > MAX_FILE_BYTES:
        raise ProtocolFileError(source, [ProtocolIssue("", f"the text is larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB; a protocol file is at most that")])
    loader = _Loader(text)
    node = None
    try:
        node = loader.get_single_node()
        return (_data(loader, node) if node is not None else None), node
    except _Refused as refused:
        line = refused.problem_mark.line + 1 if refused.problem_mark else None
        raise ProtocolFileError(source, [ProtocolIssue(_format(refused.path), refused.problem, line)]) from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(error, "problem", None) or str(error)
        where = _format(_path_at(node, mark)) if node is not None and mark is not None else ""
        raise ProtocolFileError(source, [ProtocolIssue(where, f"not valid YAML: {problem}", line)]) from None
    finally:
        loader.dispose()


def _path_at(root: yaml.Node, mark: Any) -> list[str | int]:
    """The key path of the entry (or key) that starts at `mark` in the composed tree; [] if none does."""
    stack: list[tuple[yaml.Node, list[str | int]]] = [(root, [])]
    while stack:
        node, path = stack.pop()
        if node.start_mark.index == mark.index:
            return path
        if isinstance(node, SequenceNode):
            stack.extend((child, [*path, i]) for i, child in enumerate(node.value))
        elif isinstance(node, MappingNode):
            for key, value in node.value:
                name = key.value if isinstance(key, ScalarNode) else "?"
                stack.extend(((value, [*path, name]), (key, [*path, name])))
    return []


OVERLAY_KEYS = {"title", "interpretations", "facts", "scores", "criteria", "consistency"}


def _merge_overlay(data: dict, lang: str, overlay: Any, source: str) -> None:
    """Put a translation overlay's words under `translations.LANG` of the items they belong to.

    Where the protocol itself is malformed (a list that is not one), nothing is merged:
    validating the protocol reports it.
    """
    if not isinstance(overlay, dict) or set(overlay) - OVERLAY_KEYS:
        raise ProtocolFileError(source, [ProtocolIssue("", f"expected a mapping with some of {sorted(OVERLAY_KEYS)}")])
    translations = data.setdefault("translations", {})
    if isinstance(translations, dict):
        translations[lang] = {k: overlay[k] for k in ("title", "interpretations") if k in overlay}
    for key in ("facts", "scores", "criteria", "consistency"):
        given = overlay.get(key) or {}
        if not isinstance(given, dict):
            raise ProtocolFileError(source, [ProtocolIssue(key, f"expected a mapping of {_item(key)} ids to their words")])
        listed = data.get(key)
        listed = listed if isinstance(listed, list) else []
        items = {item["id"]: item for item in listed if isinstance(item, dict) and isinstance(item.get("id"), str)}
        for item_id, words in given.items():
            if item_id not in items:
                raise ProtocolFileError(source, [ProtocolIssue(f"{key}.{item_id}", f"the protocol has no {_item(key)} {item_id!r}")])
            item_translations = items[item_id].setdefault("translations", {})
            if isinstance(item_translations, dict):
                item_translations[lang] = words


def _item(key: str) -> str:
    return "consistency check" if key == "consistency" else key[:-1]


def parse_protocol(text: str, source: Path | str = "<protocol>", overlays: dict[str, Any] | None = None) -> Protocol:
    """Validate protocol YAML text (with translation overlays by language); `source` names it in errors."""
    data, node = _load_yaml(text, source)
    if not isinstance(data, dict):
        raise ProtocolFileError(source, [ProtocolIssue("", "expected a mapping of protocol fields at the top")])
    for lang, overlay in (overlays or {}).items():
        _merge_overlay(data, lang, overlay, f"{Path(str(source)).with_suffix('')}.{lang}.yaml")
    try:
        return Protocol.model_validate(data)
    except ValidationError as error:
        issues = []
        for count, issue in enumerate(_issues(error, data, node)):
            if count == MAX_ISSUES:
                issues.append(ProtocolIssue("", f"and more problems: only the first {MAX_ISSUES} are listed"))
                break
            issues.append(issue)
        raise ProtocolFileError(source, issues) from None


def find_protocol(id_or_file: str, site_dir: Path | None = None) -> Protocol:
    """A protocol by id (bundled, then the site's own in `site_dir`), or a protocol file by path."""
    known = dict(bundled_protocols())
    if site_dir is not None and site_dir.is_dir():
        known.update({k: p for k, p in protocol_files(site_dir).items() if k not in known})
    if id_or_file in known:
        return load_protocol(known[id_or_file])
    path = Path(id_or_file)
    if path.is_file():
        return load_protocol(path)
    raise ProtocolFileError(
        id_or_file,
        [ProtocolIssue("", f"no such file, and no protocol with that id; known: {sorted(known)}")],
    )


def protocol_file_sha256(protocol_id: str, site_dir: Path | None = None) -> str:
    """The SHA-256 of the file a protocol id is read from (bundled, else the site's kept copy)."""
    known = dict(bundled_protocols())
    if site_dir is not None and site_dir.is_dir():
        known.update({k: p for k, p in protocol_files(site_dir).items() if k not in known})
    if protocol_id not in known:
        raise ProtocolFileError(protocol_id, [ProtocolIssue("", "no protocol file with that id")])
    return hashlib.sha256(known[protocol_id].read_bytes()).hexdigest()


def keep_site_protocol(path: Path, protocol: Protocol, site_dir: Path) -> None:
    """Keep a copy of a protocol file the site opened, so its screenings can always be reopened.

    A different file under an id already kept is refused: rules must not change under
    screenings made with them (a new version of a protocol gets a new id or file).
    """
    if protocol.id in bundled_protocols():
        if bundled_protocols()[protocol.id].read_bytes() != Path(path).read_bytes():
            raise ProtocolFileError(path, [ProtocolIssue("id", f"{protocol.id} is a bundled protocol; give this file its own id")])
        return
    target = site_dir / f"{protocol.id}.yaml"
    content = Path(path).read_bytes()
    if target.exists():
        if target.read_bytes() != content:
            raise ProtocolFileError(
                path, [ProtocolIssue("id", f"a different protocol file with id {protocol.id} is already in use ({target})")]
            )
        return
    write_whole(target, content)  # whole or not at all: a truncated copy would refuse the real file ever after


def _issues(error: ValidationError, data: Any, node: yaml.Node | None) -> Iterator[ProtocolIssue]:
    for item in error.errors(include_url=False):
        keys = _data_path(item["loc"], data)
        message = item["msg"].removeprefix("Value error, ")
        if item["type"] == "union_tag_invalid":
            field = item["ctx"]["discriminator"].strip("'")
            message = f"unknown {field} {item['ctx']['tag']!r}; expected one of {item['ctx']['expected_tags']}"
        elif item["type"] == "union_tag_not_found":
            field = item["ctx"]["discriminator"].strip("'")
            message = f"no {field!r} given: expected one of {_tags(field)}"
        elif item["type"] == "tuple_type":
            message = "expected a list"
        elif item["type"] == "extra_forbidden":
            message = "unexpected field (not part of this entry; check the spelling)"
        # A cross-reference error from Protocol carries its own paths, a "path: message" a line.
        if not keys and re.match(r"^[\w\[\].]+: ", message):
            for part in message.splitlines():
                sub_path, _, sub_message = part.partition(": ")
                yield ProtocolIssue(sub_path, sub_message, _line(node, _parse_path(sub_path)))
            continue
        yield ProtocolIssue(_format(keys), message, _line(node, keys))


_SHAPE_TAGS = ("number", "limit")


def _tags(field: str) -> list[str]:
    """The shapes a discriminated union of the protocol models offers under `field`."""
    from pydantic import TypeAdapter

    from trialdesk.domain import expressions, facts, rules

    union = {"kind": rules.Rule, "op": expressions.Expression, "type": facts.FactDefinition}.get(field)
    if union is None:
        return []
    return sorted(TypeAdapter(union).json_schema()["discriminator"]["mapping"])


def _data_path(loc: tuple, data: Any) -> list[str | int]:
    """pydantic's location with the union tags it inserts removed: only real keys remain.

    pydantic puts a discriminated union's tag into the location (``rule.any_of.any_of[1]``
    for the any_of field of a rule of kind any_of); the data tells which part is the tag.
    """
    keys: list[str | int] = []
    current, tag_skipped = data, False
    for part in loc:
        if isinstance(current, dict) and not tag_skipped and part in (current.get("kind"), current.get("type"), current.get("op")):
            tag_skipped = True
            continue
        if not tag_skipped and part in _SHAPE_TAGS and not (isinstance(current, dict) and part in current):
            tag_skipped = True  # a union told apart by shape (a number or a conditional limit)
            continue
        tag_skipped = False
        if isinstance(current, list) and isinstance(part, int) and part < len(current):
            current = current[part]
        elif isinstance(current, dict) and (part in current or (part == "if_" and "if" in current)):
            part = "if" if part == "if_" else part
            current = current[part]
        else:
            current = None
        keys.append(part)
    return keys


def _format(keys: list[str | int]) -> str:
    text = ""
    for key in keys:
        text += f"[{key}]" if isinstance(key, int) else (f".{key}" if text else str(key))
    return text


def _parse_path(path: str) -> list[str | int]:
    return [int(p) if p.isdigit() else p for p in re.findall(r"[^.\[\]]+", path)]


def _line(node: yaml.Node | None, keys: list[str | int]) -> int | None:
    """The line in the file of the entry at `keys` (or of its closest existing parent)."""
    line = None
    for key in keys:
        if isinstance(node, yaml.MappingNode):
            found = next((v for k, v in node.value if k.value == key), None)
            if found is None:
                break
            node = found
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            break
        line = node.start_mark.line + 1
    return line


# -- shared with the other files that sit beside a protocol (its example subjects) -------------


def is_language_code(text: str) -> bool:
    """A translation overlay's language: the protocol's `LanguageCode` pattern (zh_CN, en), naming a
    language the C library's locale table knows (stdlib, offline), so that `old`, `bak` or `new`
    (three letters, as a code may be) are not taken for one."""
    import locale

    from trialdesk.domain.facts import LANGUAGE_CODE

    if re.fullmatch(LANGUAGE_CODE.strip("^$"), text) is None:
        return False
    language = text.split("_", 1)[0]
    return any(name.startswith(language) and name[len(language):][:1] in "_.@" for name in locale.locale_alias.values())


def read_strict_yaml(path: Path | str) -> tuple[Any, yaml.Node | None]:
    """A YAML file read as a protocol file is (bounded, strict: see the module docstring), with the
    node tree it was built from (for lines); `ProtocolFileError` naming the file when refused."""
    return _load_yaml(_read(Path(path)), path)


def validation_issues(error: ValidationError, data: Any, node: yaml.Node | None) -> list[ProtocolIssue]:
    """pydantic's errors for `data` (read from `node`) as issues with paths and lines, at most `MAX_ISSUES`."""
    issues = []
    for count, issue in enumerate(_issues(error, data, node)):
        if count == MAX_ISSUES:
            issues.append(ProtocolIssue("", f"and more problems: only the first {MAX_ISSUES} are listed"))
            break
        issues.append(issue)
    return issues


def protocol_path(id_or_file: str, site_dir: Path | None = None) -> Path:
    """The file `find_protocol` reads for an id (bundled, then the site's own) or a path; else `ProtocolFileError`."""
    known = dict(bundled_protocols())
    if site_dir is not None and site_dir.is_dir():
        known.update({k: p for k, p in protocol_files(site_dir).items() if k not in known})
    if id_or_file in known:
        return known[id_or_file]
    path = Path(id_or_file)
    if path.is_file():
        return path
    raise ProtocolFileError(
        id_or_file,
        [ProtocolIssue("", f"no such file, and no protocol with that id; known: {sorted(known)}")],
    )
