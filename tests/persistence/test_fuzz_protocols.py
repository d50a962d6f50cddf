"""Property-based fuzzing of protocol files (issue 13): mutated bundled protocols, read in-process.

Each example mutates a bundled protocol (its YAML text, or its parsed tree written back
as YAML): numbers replaced by huge or odd ones, rules nested deep and wide, keys
duplicated, deleted or renamed, aliases and anchors inserted, values of the wrong type,
lines deleted or garbled. The file is read by `load_protocol`, the function
`trialdesk protocol check` uses, with its translation overlay beside it (sometimes
mutated instead). Every file either loads or is refused with `ProtocolFileError`, never
another exception, each within a second; a file that loads evaluates, on no facts and on
the bundled example subjects, without raising.
"""

from __future__ import annotations

import copy
import json
import re
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trialdesk.domain.errors import FactsInvalid
from trialdesk.domain.evaluation import evaluate, parse_facts
from trialdesk.persistence.protocol_files import ProtocolFileError, load_protocol
from trialdesk.resources import resource_path

STEMS = ("NCT03798028", "NCT00845832")
TEXTS = {stem: resource_path(f"protocols/{stem}.yaml").read_text(encoding="utf-8") for stem in STEMS}
TREES = {stem: yaml.safe_load(text) for stem, text in TEXTS.items()}
#: a mutated file this large is not mutated further (it is refused for its size anyway)
LARGE = 1024 * 1024
OVERLAY = resource_path("protocols/NCT03798028.zh_CN.yaml").read_text(encoding="utf-8")
EXAMPLES = {
    stem: [
        (date.fromisoformat(data["screening_date"]), data["facts"])
        for path in sorted(resource_path("examples").glob(f"{stem}-*.json"))
        for data in [json.loads(path.read_text(encoding="utf-8"))]
    ]
    for stem in STEMS
}

#: numbers a hostile or careless file might hold
HUGE = [
    10**400, -(10**400), 10**40, 10**19, 2**63, -1, 0, 1, 36526, 1201, 101, 7, 10**9, 999999999,
    1e308, -1e308, float("inf"), float("nan"), 1e-300, 0.1 + 0.2, 3.2000001,
    "1e999999", "-1e999999", "1e-999999", "NaN", "Infinity", "9" * 5000, "0x10", "1_000", "٣", " 5 ",
]
#: values of the wrong type
ODD = [None, True, False, "", "x" * 20_000, "yes", "no", [], {}, [1, 2], {"a": 1}, "2026-13-45", "\x00", "é" * 100]
KINDS = ["any_of", "all_of", "not", "at_least", "if_then"]


_Loader = yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader


def load(text: str) -> Any:
    return yaml.load(text, Loader=_Loader)


class _NoAliasDumper(yaml.CSafeDumper if hasattr(yaml, "CSafeDumper") else yaml.SafeDumper):  # type: ignore[misc]
    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump(tree: Any, aliases: bool = False) -> str:
    dumper = (yaml.CSafeDumper if hasattr(yaml, "CSafeDumper") else yaml.SafeDumper) if aliases else _NoAliasDumper
    return yaml.dump(tree, Dumper=dumper, allow_unicode=True, width=200, sort_keys=False)


def places(tree: Any) -> list[tuple[Any, Any]]:
    """Every (container, key-or-index) in the tree, in a stable order (each shared container once)."""
    found: list[tuple[Any, Any]] = []
    stack, seen = [tree], {id(tree)}
    while stack:
        node = stack.pop()
        items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
        for key, value in items:
            found.append((node, key))
            if isinstance(value, (dict, list)) and id(value) not in seen:
                seen.add(id(value))
                stack.append(value)
    return found


def shares(tree: Any) -> bool:
    """Whether a container occurs twice (an alias was read, or a cycle): not mutated further."""
    stack, seen = [tree], set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return True
        seen.add(id(node))
        stack.extend(v for v in (node.values() if isinstance(node, dict) else node) if isinstance(v, (dict, list)))
    return False


def rules(tree: Any) -> list[tuple[Any, Any]]:
    return [(c, k) for c, k in places(tree) if isinstance(c[k], dict) and "kind" in c[k] and k != "translations"]


def wrap(rule: Any, kind: str, width: int, sibling: Any) -> Any:
    """`rule` inside a `kind` combinator, beside `width - 1` copies of `sibling` (never shared objects)."""
    siblings = [rule] + [copy.deepcopy(sibling) for _ in range(width - 1)]
    if kind == "not":
        return {"kind": "not", "rule": rule}
    if kind == "if_then":
        return {"kind": "if_then", "if": rule, "then": copy.deepcopy(sibling)}
    if kind == "at_least":
        return {"kind": "at_least", "count": width, "of": siblings}
    return {"kind": kind, kind: siblings}


@st.composite
def tree_mutation(draw: st.DrawFn, tree: Any) -> tuple[Any, bool]:
    """The tree with one change drawn; True when it is to be written with aliases."""
    tree = copy.deepcopy(tree)
    operation = draw(st.sampled_from(["number", "odd", "delete", "rename", "nest", "full_tree", "alias", "duplicate_item"]))
    where = places(tree)
    container, key = where[draw(st.integers(0, len(where) - 1))]
    if operation == "number":
        numbers = [(c, k) for c, k in where if isinstance(c[k], (int, float)) and not isinstance(c[k], bool)]
        container, key = numbers[draw(st.integers(0, len(numbers) - 1))] if numbers else (container, key)
        container[key] = draw(st.sampled_from(HUGE))
    elif operation == "odd":
        container[key] = draw(st.sampled_from(ODD))
    elif operation == "delete":
        del container[key]
    elif operation == "rename" and isinstance(container, dict):
        container[f"{key}{draw(st.sampled_from(['x', '_', 'S']))}"] = container.pop(key)
    elif operation in ("nest", "full_tree"):
        found = rules(tree)
        container, key = found[draw(st.integers(0, len(found) - 1))]
        kind = draw(st.sampled_from(KINDS))
        leaf, rule = container[key], container[key]
        if operation == "nest":  # deep and narrow: one branch nests further, the others are the leaf
            depth, width = draw(st.integers(1, 14)), draw(st.integers(1, 12))
            for _ in range(depth):
                rule = wrap(rule, kind, width, leaf)
        elif len(dump(rule)) <= 2_000:  # full: every branch nests, width ** depth copies of the rule
            width = draw(st.integers(2, 10))  # (of a small rule only: a full tree of a full tree of a
            for _ in range(draw(st.integers(1, 3))):  # full tree is gigabytes before any check can refuse it)
                rule = wrap(rule, kind, width, rule)
        container[key] = rule
    elif operation == "alias":  # the same object twice: written as an anchor and an alias
        other_container, other_key = where[draw(st.integers(0, len(where) - 1))]
        other_container[other_key] = container[key] if isinstance(container[key], (dict, list)) else [container[key]]
        container[key] = other_container[other_key]
        return tree, True
    elif operation == "duplicate_item":
        lists = [(c, k) for c, k in where if isinstance(c[k], list) and c[k]]
        container, key = lists[draw(st.integers(0, len(lists) - 1))]
        items = container[key]
        items.extend(copy.deepcopy(items) * draw(st.integers(1, 5)))
    return tree, False


@st.composite
def text_mutation(draw: st.DrawFn, text: str) -> str:
    lines = text.splitlines(keepends=True) or ["\n"]
    operation = draw(st.sampled_from(
        ["huge_number", "duplicate_line", "delete_line", "anchor_alias", "insert", "truncate", "indent", "bomb", "merge"]
    ))
    index = draw(st.integers(0, len(lines) - 1))
    if operation == "huge_number":
        numbers = list(re.finditer(r"(?<![\w.])\d+(?:\.\d+)?(?![\w.-])", text)) or [re.match("", text)]
        match = numbers[draw(st.integers(0, len(numbers) - 1))]
        value = draw(st.sampled_from(["1" + "0" * 400, "9" * 5000, "1e999999", "1.0e+999999", "-1", "0.0000001", "1" + "0" * 60]))
        return text[: match.start()] + value + text[match.end():]
    if operation == "duplicate_line":
        lines.insert(index, lines[index])
    elif operation == "delete_line":
        del lines[index]
    elif operation == "anchor_alias":
        line = lines[index]
        if ": " in line:
            lines[index] = line.replace(": ", ": &a ", 1)
        other = draw(st.integers(0, len(lines) - 1))
        if ": " in lines[other]:
            head = lines[other].split(": ", 1)[0]
            lines[other] = f"{head}: *a\n"
    elif operation == "insert":
        junk = draw(st.sampled_from(["[", "]", "{", "}", ":", "- ", "&x ", "*x ", "!!python/object:os.system ", "\t", "'", '"',
                                     "? ", "---\n", "%YAML 1.1\n", "<<: ", "!!binary ", "\ufeff", "\x85", "\u2028", "#"]))
        line = lines[index]
        column = draw(st.integers(0, len(line)))
        lines[index] = line[:column] + junk + line[column:]
    elif operation == "truncate":
        return text[: draw(st.integers(0, len(text)))]
    elif operation == "indent":
        lines[index] = " " * draw(st.integers(1, 6)) + lines[index]
    elif operation == "bomb":
        lines.append('lol: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol"]\n')
        lines.extend(f"lol{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 8)}]\n" for i in range(1, 9))
    elif operation == "merge":
        lines.insert(index, "defaults: &defaults {kind: attestation}\n")
        lines.append("extra: {<<: *defaults, fact: infection}\n")
    return "".join(lines)


@st.composite
def protocol_files(draw: st.DrawFn) -> tuple[str, str, str]:
    """(stem, protocol text, overlay text) with one to three mutations."""
    stem = draw(st.sampled_from(STEMS))
    text, overlay = TEXTS[stem], OVERLAY
    mutate_overlay = stem == "NCT03798028" and draw(st.integers(0, 9)) == 0
    for _ in range(draw(st.integers(1, 3))):
        if len(text) > LARGE or len(overlay) > LARGE:
            break
        if mutate_overlay:
            if draw(st.booleans()):
                overlay = draw(text_mutation(overlay))
            else:
                try:
                    base = load(overlay)
                except (yaml.YAMLError, ValueError, TypeError):
                    continue
                if not isinstance(base, (dict, list)) or shares(base) or not places(base):
                    continue
                tree, aliases = draw(tree_mutation_any(base))
                overlay = dump(tree, aliases)
        elif draw(st.booleans()):
            text = draw(text_mutation(text))
        else:
            try:
                base = load(text)
            except (yaml.YAMLError, ValueError, TypeError):
                base = None
            if not isinstance(base, dict) or shares(base) or not rules(base):
                base = TREES[stem]
            tree, aliases = draw(tree_mutation(base))
            text = dump(tree, aliases)
    return stem, text, overlay


@st.composite
def tree_mutation_any(draw: st.DrawFn, tree: Any) -> tuple[Any, bool]:
    """A simpler mutation for trees without rules (an overlay)."""
    tree = copy.deepcopy(tree)
    where = places(tree)
    container, key = where[draw(st.integers(0, len(where) - 1))]
    choice = draw(st.sampled_from(["odd", "number", "delete", "alias"]))
    if choice == "odd":
        container[key] = draw(st.sampled_from(ODD))
    elif choice == "number":
        container[key] = draw(st.sampled_from(HUGE))
    elif choice == "delete":
        del container[key]
    else:
        container[key] = [container[key]] * 3 if not isinstance(container[key], (dict, list)) else container[key]
        return {"facts": tree.get("facts") if isinstance(tree, dict) else None, "title": container[key], "criteria": container[key]}, True
    return tree, False


_WORK = tempfile.TemporaryDirectory(prefix="trialdesk-fuzz-")
WORK = Path(_WORK.name)


def read_as_protocol_check(stem: str, text: str, overlay: str) -> Any:
    """Write the files as a site would keep them and read them as `protocol check` does."""
    for old in WORK.iterdir():
        old.unlink()
    (WORK / f"{stem}.yaml").write_text(text, encoding="utf-8", errors="surrogatepass")
    if stem == "NCT03798028":
        (WORK / f"{stem}.zh_CN.yaml").write_text(overlay, encoding="utf-8", errors="surrogatepass")
    return load_protocol(WORK / f"{stem}.yaml")


def example_facts(protocol: Any, stem: str) -> list[tuple[date, dict]]:
    """Each bundled example subject's answers that the (mutated) protocol accepts, one fact at a time."""
    subjects = []
    for on, raw in EXAMPLES[stem]:
        facts: dict = {}
        for fact_id, value in raw.items():
            try:
                facts.update(parse_facts(protocol, {fact_id: value}, on))
            except FactsInvalid:
                pass
        subjects.append((on, facts))
    return subjects


@settings(
    deadline=None,
    derandomize=True,
    max_examples=1000,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
@given(protocol_files())
# a failing case's text is large; the failure, not hypothesis's notice about its size, is the report
@pytest.mark.filterwarnings("ignore:Generating overly large repr")
def test_every_mutated_protocol_loads_or_is_refused_within_a_second(case):
    """Within a second of this process's own CPU time (the suite runs beside another worker:
    the bound is on the work hostile input can cause, not on the machine's load)."""
    stem, text, overlay = case
    started = time.process_time()
    try:
        protocol = read_as_protocol_check(stem, text, overlay)
    except ProtocolFileError as refused:
        assert refused.issues and all(isinstance(i.message, str) and i.message for i in refused.issues)
        refused.describe()
        protocol = None
    elapsed = time.process_time() - started
    assert elapsed < 1.0, f"{elapsed:.2f} s of CPU to read"
    if protocol is None:
        return
    started = time.process_time()
    evaluate(protocol, {}, date(2026, 11, 20))
    for on, facts in example_facts(protocol, stem):
        evaluate(protocol, facts, on)
    assert time.process_time() - started < 1.0
