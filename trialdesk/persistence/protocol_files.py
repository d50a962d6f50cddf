"""Read protocol files (YAML) into `Protocol`, refusing bad ones with the exact place.

YAML is read strictly: only `true`/`false` are booleans (so an option called `no`
stays a string), and a key given twice is an error rather than silently replaced.
An error names the file, the line, the path to the bad entry
(``criteria[4].rule.any_of[1].value``) and what was expected.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from trialdesk.domain.protocol import Protocol
from trialdesk.persistence.errors import ProtocolFileError, ProtocolIssue
from trialdesk.private import open_private
from trialdesk.resources import bundled_protocols, protocol_files


class _StrictLoader(yaml.SafeLoader):
    """YAML 1.2-style booleans and no duplicate keys."""


_StrictLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_protocol(path: Path | str) -> Protocol:
    """Read and validate one protocol file; raises `ProtocolFileError`."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ProtocolFileError(path, [ProtocolIssue("", f"cannot read the file: {error}")]) from None
    overlays = {}
    for overlay in sorted(path.parent.glob(f"{path.stem}.*.yaml")):
        lang = overlay.name[len(path.stem) + 1:-len(".yaml")]
        try:
            overlays[lang] = _load_yaml(overlay.read_text(encoding="utf-8"), overlay)
        except (OSError, UnicodeDecodeError) as error:
            raise ProtocolFileError(overlay, [ProtocolIssue("", f"cannot read the file: {error}")]) from None
    return parse_protocol(text, path, overlays)


def _load_yaml(text: str, source: Path | str) -> Any:
    try:
        return yaml.load(text, Loader=_StrictLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(error, "problem", None) or str(error)
        raise ProtocolFileError(source, [ProtocolIssue("", f"not valid YAML: {problem}", line)]) from None


OVERLAY_KEYS = {"title", "interpretations", "facts", "criteria"}


def _merge_overlay(data: dict, lang: str, overlay: Any, source: str) -> None:
    """Put a translation overlay's words under `translations.LANG` of the items they belong to."""
    if not isinstance(overlay, dict) or set(overlay) - OVERLAY_KEYS:
        raise ProtocolFileError(source, [ProtocolIssue("", f"expected a mapping with some of {sorted(OVERLAY_KEYS)}")])
    data.setdefault("translations", {})[lang] = {k: overlay[k] for k in ("title", "interpretations") if k in overlay}
    for key in ("facts", "criteria"):
        items = {item.get("id"): item for item in data.get(key, ()) if isinstance(item, dict)}
        for item_id, words in (overlay.get(key) or {}).items():
            if item_id not in items:
                raise ProtocolFileError(source, [ProtocolIssue(f"{key}.{item_id}", f"the protocol has no {key[:-1]} {item_id!r}")])
            items[item_id].setdefault("translations", {})[lang] = words


def parse_protocol(text: str, source: Path | str = "<protocol>", overlays: dict[str, Any] | None = None) -> Protocol:
    """Validate protocol YAML text (with translation overlays by language); `source` names it in errors."""
    data = _load_yaml(text, source)
    node = yaml.compose(text, Loader=_StrictLoader)
    if not isinstance(data, dict):
        raise ProtocolFileError(source, [ProtocolIssue("", "expected a mapping of protocol fields at the top")])
    for lang, overlay in (overlays or {}).items():
        _merge_overlay(data, lang, overlay, f"{Path(str(source)).with_suffix('')}.{lang}.yaml")
    try:
        return Protocol.model_validate(data)
    except ValidationError as error:
        raise ProtocolFileError(source, list(_issues(error, data, node))) from None


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
    with open_private(target, "wb") as out:
        out.write(content)


def _issues(error: ValidationError, data: Any, node: yaml.Node | None) -> Iterator[ProtocolIssue]:
    for item in error.errors(include_url=False):
        keys = _data_path(item["loc"], data)
        message = item["msg"].removeprefix("Value error, ")
        if item["type"] == "union_tag_invalid":
            field = item["ctx"]["discriminator"].strip("'")
            message = f"unknown {field} {item['ctx']['tag']!r}; expected one of {item['ctx']['expected_tags']}"
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


def _data_path(loc: tuple, data: Any) -> list[str | int]:
    """pydantic's location with the union tags it inserts removed: only real keys remain.

    pydantic puts a discriminated union's tag into the location (``rule.any_of.any_of[1]``
    for the any_of field of a rule of kind any_of); the data tells which part is the tag.
    """
    keys: list[str | int] = []
    current, tag_skipped = data, False
    for part in loc:
        if isinstance(current, dict) and not tag_skipped and part in (current.get("kind"), current.get("type")):
            tag_skipped = True
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
