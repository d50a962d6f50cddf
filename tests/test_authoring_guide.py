"""The protocol authoring guide (docs/protocol-authoring.md) against the program it describes.

Every ```yaml block of the guide is checked as the HTML comment on the line before it says:

    <!-- check: protocol -->           a complete protocol file: it loads (parse_protocol)
    <!-- check: protocol example -->   the same, and it is the worked example the blocks below refer to
    <!-- check: KIND -->               one entry (or a list of them) of that kind, valid inside `BASE`:
                                       fact, rule, criterion, score, consistency, quantity, unit;
                                       `top` is top-level keys merged into `BASE`
    <!-- check: refused KIND "TEXT" --> as KIND, but the protocol is refused, with TEXT in the refusal
    <!-- check: overlay LANG -->        a translation overlay of the worked example
    <!-- check: tests -->               example subjects of the worked example: every case agrees
    <!-- check: none -->                a fragment that cannot stand alone (not checked)

A ```text block marked `<!-- check: evaluate CASE -->` is exactly what `trialdesk evaluate`
prints for that case of the worked example's example subjects.

A table marked `<!-- table: NAME -->` is exactly what this module generates from the program
(`python tests/test_authoring_guide.py` prints the tables to paste), so that it lists every unit,
quantity and calculator with its conversion and source. And every rule kind, fact type,
expression op, command and field of the protocol language is named in the guide: when the
language grows, the guide fails here until it describes the addition.
"""

from __future__ import annotations

import argparse
import re
import typing
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel

from trialdesk.domain.protocol import ScreeningPolicy
from trialdesk.domain import drugs as d
from trialdesk.domain import expressions as x
from trialdesk.domain import facts as f
from trialdesk.domain import protocol as p
from trialdesk.domain import protocol_tests as pt
from trialdesk.domain import rules as r
from trialdesk.domain.calculators import CALCULATORS
from trialdesk.domain.declared_units import ConversionDeclaration, QuantityDeclaration, UnitDeclaration
from trialdesk.domain.periods import Period
from trialdesk.domain.units import ALIASES, BASES, QUANTITIES, UNITS, describe
from trialdesk.domain.verdict import Overall, Verdict
from trialdesk.persistence.errors import ProtocolFileError
from trialdesk.persistence.protocol_files import is_language_code, parse_protocol, read_strict_yaml

GUIDE = Path(__file__).resolve().parents[1] / "docs" / "protocol-authoring.md"

#: The small protocol a block holding one entry is checked inside: the facts and scores the
#: guide's examples name. An entry with the id of one of these replaces it; others are added.
BASE = """
id: GUIDE-BASE
registry: {nct: NCT00000000}
title: The protocol the guide's examples are checked in
sponsor: tests
version: "1"
version_date: 2026-11-01
facts:
  - {id: date_of_birth, type: date, label: Date of birth}
  - {id: sex, type: choice, label: Sex, options: [{id: female, label: Female}, {id: male, label: Male}]}
  - {id: consent_date, type: date, label: Consent}
  - {id: first_dose, type: date, on_or_after_screening: true, label: First dose}
  - {id: randomised_at, type: datetime, on_or_after_screening: true, label: Randomisation}
  - {id: infusion_end, type: datetime, label: End of the last infusion}
  - {id: last_chemotherapy, type: date, allow_never: true, label: Last chemotherapy}
  - {id: previous_chemo_start, type: date, label: First dose of the last regimen}
  - {id: ct_date, type: date, label: CT}
  - {id: raas_start, type: date, label: ACE-I or ARB start}
  - {id: last_live_vaccine, type: date, label: Last live vaccine, allow_never: true}
  - {id: prior_uacr_date, type: date, label: Earlier UACR}
  - {id: haemoglobin, type: number, label: Hb, quantity: haemoglobin, units: [g/dL, g/L], plausible: {min: 30, max: 220}}
  - {id: creatinine, type: number, label: Creatinine, quantity: creatinine, units: [µmol/L, mg/dL], plausible: {min: 0.1, max: 20}}
  - {id: ast, type: number, label: AST, quantity: enzyme, units: [U/L], plausible: {min: 1, max: 5000}, uln: true}
  - {id: weight, type: number, label: Weight, quantity: weight, units: [kg, lb], plausible: {min: 20, max: 300}}
  - {id: height, type: number, label: Height, quantity: height, units: [cm, m], plausible: {min: 100, max: 250}}
  - {id: calcium, type: number, label: Calcium, quantity: calcium, units: [mmol/L, mg/dL], plausible: {min: 0.5, max: 5}}
  - {id: albumin, type: number, label: Albumin, quantity: albumin, units: [g/L, g/dL], plausible: {min: 5, max: 70}}
  - {id: ldl_before, type: number, label: LDL before, quantity: cholesterol, units: [mmol/L], plausible: {min: 0.1, max: 20}}
  - {id: ldl_before_date, type: date, label: LDL before (date)}
  - {id: ldl_now, type: number, label: LDL now, quantity: cholesterol, units: [mmol/L], plausible: {min: 0.1, max: 20}}
  - {id: ldl_now_date, type: date, label: LDL now (date)}
  - {id: qtc_1, type: number, label: QTc 1, quantity: qtc, units: [ms], plausible: {min: 200, max: 800}}
  - {id: qtc_2, type: number, label: QTc 2, quantity: qtc, units: [ms], plausible: {min: 200, max: 800}}
  - {id: qtc_3, type: number, label: QTc 3, quantity: qtc, units: [ms], plausible: {min: 200, max: 800}}
  - {id: ecog, type: count, label: ECOG, maximum: 5}
  - {id: prior_regimens, type: count, label: Prior regimens, maximum: 20}
  - {id: pregnant, type: yes_no, label: Pregnant}
  - {id: liver_metastases, type: yes_no, label: Liver metastases}
  - {id: reproductive_potential, type: yes_no, label: Of reproductive potential}
  - {id: contraception, type: yes_no, label: Contraception}
  - id: histology
    type: choice
    label: Histology
    options: [{id: adenocarcinoma, label: Adenocarcinoma}, {id: squamous, label: Squamous}, {id: other, label: Other}]
MEDICATION-FACTS
scores:
  - id: bmi
    label: BMI
    unit: kg/m²
    expression: {op: divide, of: [{op: fact, fact: weight}, {op: power, of: {op: fact, fact: height}, exponent: 2}]}
criteria:
  - {id: I1, kind: inclusion, text: Adults, rule: {kind: age, fact: date_of_birth, min_years: 18}}
"""

#: the medication facts of BASE (section 12 of the guide names them).
MEDICATION_FACTS = """
  - id: csdmard_history
    type: medications
    label: Conventional DMARDs
    classes: [csdmards]
    allow_other: true
    routes: [oral, subcutaneous, intramuscular]
    dose_units: [mg/week, mg/day]
  - id: glucocorticoid_history
    type: medications
    label: Systemic glucocorticoids
    classes: [glucocorticoids]
    routes: [oral, intravenous]
    dose_units: [mg/day]
"""

#: where each kind of entry goes in a protocol, and what identifies it there.
PLACES = {"fact": ("facts", "id"), "score": ("scores", "id"), "criterion": ("criteria", "id"),
          "consistency": ("consistency", "id"), "quantity": ("quantities", "id"), "unit": ("units", "symbol")}
ENTRY_KINDS = {*PLACES, "rule", "top"}
KINDS = {"protocol", "overlay", "tests", "none", "refused", *ENTRY_KINDS}


# -- reading the guide ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    """A fenced block of the guide with the check its marker asks for."""

    line: int  # of the opening fence, 1-based
    language: str
    text: str
    check: str  # the words after "check:", "" when the block has no marker

    @property
    def kind(self) -> str:
        return self.check.split()[0] if self.check else ""

    @property
    def argument(self) -> str:
        return self.check.split(maxsplit=1)[1] if " " in self.check else ""

    def __str__(self) -> str:
        return f"line {self.line} ({self.check or 'unmarked'})"


_MARKER = re.compile(r"^<!-- check: (?P<check>.+?) -->$")
_TABLE = re.compile(r"^<!-- table: (?P<name>[a-z_]+) -->$")


@cache
def guide_text() -> str:
    return GUIDE.read_text(encoding="utf-8")


@cache
def blocks() -> tuple[Block, ...]:
    lines = guide_text().splitlines()
    found = []
    i = 0
    while i < len(lines):
        fence = re.match(r"^```(\w*)$", lines[i])
        if not fence:
            i += 1
            continue
        end = next(j for j in range(i + 1, len(lines)) if lines[j] == "```")
        previous = next((lines[j] for j in range(i - 1, -1, -1) if lines[j].strip()), "")
        marker = _MARKER.match(previous)
        found.append(Block(i + 1, fence.group(1), "\n".join(lines[i + 1:end]) + "\n",
                           marker.group("check") if marker else ""))
        i = end + 1
    return tuple(found)


def yaml_blocks() -> list[Block]:
    return [b for b in blocks() if b.language == "yaml"]


def blocks_of(kind: str) -> list[Block]:
    return [b for b in yaml_blocks() if b.kind == kind]


def read_yaml(text: str, tmp_path: Path, name: str = "block.yaml") -> Any:
    """YAML read as the program reads protocol files (strict booleans, dates, no anchors)."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_strict_yaml(path)[0]


def inserted(kind: str, data: Any) -> str:
    """BASE with `data` (an entry of `kind`, or a list of them) put in its place, as YAML text."""
    protocol = yaml.safe_load(base_text())
    if kind == "rule":
        protocol["criteria"].append({"id": "Z1", "kind": "inclusion", "text": "the example rule", "rule": data})
    elif kind == "top":
        assert isinstance(data, dict), "a top block is a mapping of top-level keys"
        for key, value in data.items():
            if isinstance(value, list) and key in ("facts", "scores", "criteria", "consistency", "quantities", "units"):
                _put(protocol, key, "symbol" if key == "units" else "id", value)
            else:
                protocol[key] = value
    else:
        key, identity = PLACES[kind]
        _put(protocol, key, identity, data if isinstance(data, list) else [data])
    return yaml.safe_dump(protocol, allow_unicode=True, sort_keys=False)


def _put(protocol: dict, key: str, identity: str, entries: list) -> None:
    listed = protocol.setdefault(key, [])
    for entry in entries:
        same = [i for i, old in enumerate(listed) if isinstance(entry, dict) and old.get(identity) == entry.get(identity)]
        if same:
            listed[same[0]] = entry
        else:
            listed.append(entry)


def base_text() -> str:
    return BASE.replace("MEDICATION-FACTS\n", MEDICATION_FACTS.lstrip("\n"))


@cache
def worked_example_block() -> Block:
    examples = [b for b in blocks_of("protocol") if b.argument == "example"]
    assert len(examples) == 1, "the guide marks exactly one complete protocol as its worked example"
    return examples[0]


@cache
def worked_example() -> p.Protocol:
    return parse_protocol(worked_example_block().text, "worked example")


# -- every block is checked ----------------------------------------------------------------------


def test_the_guide_has_many_checked_blocks_and_every_yaml_block_is_marked():
    assert len(yaml_blocks()) >= 60
    unmarked = [str(b) for b in yaml_blocks() if not b.check]
    assert not unmarked, f"yaml blocks without a <!-- check: ... --> line before them: {unmarked}"
    unknown = [str(b) for b in yaml_blocks() if b.kind not in KINDS]
    assert not unknown, f"unknown checks: {unknown}"
    assert len(blocks_of("none")) <= 3, "a fragment that cannot be checked is the exception"


def test_the_base_protocol_is_valid_alone():
    protocol = parse_protocol(base_text(), "BASE")
    assert protocol.id == "GUIDE-BASE"


@pytest.mark.parametrize("block", blocks_of("protocol"), ids=str)
def test_a_complete_protocol_loads(block: Block):
    assert "registry:" in block.text
    protocol = parse_protocol(block.text, f"guide line {block.line}")
    assert protocol.criteria


ENTRY_BLOCKS = [b for b in yaml_blocks() if b.kind in ENTRY_KINDS]


@pytest.mark.parametrize("block", ENTRY_BLOCKS, ids=str)
def test_an_entry_is_valid_in_a_protocol(block: Block, tmp_path: Path):
    data = read_yaml(block.text, tmp_path)
    assert data, "an empty block"
    assert not (isinstance(data, dict) and "registry" in data and block.kind == "top" and "facts" in data), (
        "a complete protocol is marked protocol")
    try:
        protocol = parse_protocol(inserted(block.kind, data), f"guide line {block.line}")
    except ProtocolFileError as error:
        pytest.fail(f"the example at guide line {block.line} is refused:\n{error.describe()}")
    if block.kind == "rule":
        assert protocol.criteria[-1].id == "Z1"


@pytest.mark.parametrize("block", blocks_of("refused"), ids=str)
def test_a_refused_example_is_refused_as_the_guide_says(block: Block, tmp_path: Path):
    kind, _, quoted = block.argument.partition(" ")
    expected = quoted.strip().strip('"')
    assert kind in ENTRY_KINDS and expected, "refused KIND \"TEXT\""
    data = read_yaml(block.text, tmp_path)
    with pytest.raises(ProtocolFileError) as refused:
        parse_protocol(inserted(kind, data), f"guide line {block.line}")
    assert expected in refused.value.describe()


def test_the_worked_example_is_complete_and_shows_most_shapes():
    protocol = worked_example()
    kinds = {type(rule).__name__ for c in protocol.criteria for rule in p._walk(c.rule)}
    assert len(kinds) >= 10
    assert any(c.applies_if for c in protocol.criteria) and protocol.consistency and protocol.scores
    assert {s.calculator is None for s in protocol.scores} == {True, False}, "a calculator and a derived value"


@pytest.mark.parametrize("block", blocks_of("overlay"), ids=str)
def test_an_overlay_translates_the_worked_example(block: Block, tmp_path: Path):
    lang = block.argument
    assert is_language_code(lang)
    overlay = read_yaml(block.text, tmp_path)
    protocol = parse_protocol(worked_example_block().text, "EXAMPLE.yaml", {lang: overlay})
    for fact_id in overlay.get("facts", {}):
        assert lang in protocol.fact[fact_id].translations
    for score in protocol.scores:
        assert (lang in score.translations) == (score.id in overlay.get("scores", {}))
    for criterion in protocol.criteria:
        assert (lang in criterion.translations) == (criterion.id in overlay.get("criteria", {}))
    assert protocol.translations[lang].title == overlay.get("title")


@pytest.mark.parametrize("block", blocks_of("tests"), ids=str)
def test_the_example_subjects_agree_with_the_worked_example(block: Block, tmp_path: Path):
    from trialdesk.persistence.protocol_tests_file import load_protocol_tests

    path = tmp_path / f"{worked_example().id}.tests.yaml"
    path.write_text(block.text, encoding="utf-8")
    tests = load_protocol_tests(path, worked_example())
    agreement = pt.run_cases(worked_example(), tests)
    disagreeing = {c.case.name: [(a.criterion_id, a.expected, a.got) for a in c.disagreements] or c.refused
                   for c in agreement.cases if not c.agrees}
    assert agreement.all_agree, disagreeing
    assert len(tests.cases) >= 8
    verdicts = {v for case in tests.cases for v in (case.expect or {}).values()}
    assert verdicts == {v.value for v in Verdict}, "the example subjects show every verdict"
    assert any(case.refused for case in tests.cases)


EVALUATE_BLOCKS = [b for b in blocks() if b.kind == "evaluate"]


@pytest.mark.parametrize("block", EVALUATE_BLOCKS, ids=str)
def test_an_evaluation_shown_is_what_trialdesk_evaluate_prints(block: Block, tmp_path: Path):
    from trialdesk.cli.evaluate_cmd import report_text
    from trialdesk.domain.evaluation import evaluate, parse_facts
    from trialdesk.messages import Messages
    from trialdesk.persistence.protocol_tests_file import load_protocol_tests

    protocol = worked_example()
    source = blocks_of("tests")[0]
    path = tmp_path / f"{protocol.id}.tests.yaml"
    path.write_text(source.text, encoding="utf-8")
    tests = load_protocol_tests(path, protocol)
    case = next((c for c in tests.cases if c.name == block.argument), None)
    assert case is not None, f"no example subject named {block.argument!r}"
    report = evaluate(protocol, parse_facts(protocol, tests.answers(case), case.on), case.on)
    assert block.text.rstrip("\n") == report_text(report, protocol, Messages(protocol))


def test_the_guide_shows_an_evaluation():
    assert EVALUATE_BLOCKS


# -- the tables are the program's -----------------------------------------------------------------

_SI = {"M": "kg", "L": "m", "T": "s", "N": "mol", "IU": "IU", "BSA": "(1.73 m²)"}
_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def exact(value: Fraction) -> str:
    """A fraction as its exact decimal when it has one; else as a fraction, with an approximation."""
    denominator = value.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    quotient = Decimal(value.numerator) / Decimal(value.denominator)
    if denominator == 1:
        text = format(quotient, "f")
        return text.rstrip("0").rstrip(".") if "." in text else text
    return f"{value.numerator}/{value.denominator} (≈ {quotient:.7g})"


def si_unit(dim: tuple[int, ...]) -> str:
    """The coherent SI unit of a dimension: kg·m⁻³."""
    ordered = sorted(((b, e) for b, e in zip(BASES, dim) if e), key=lambda part: part[1] < 0)
    return "·".join(_SI[b] + (str(e).translate(_SUPERSCRIPT) if e != 1 else "") for b, e in ordered)


def unit_rows() -> list[str]:
    spellings: dict[str, list[str]] = {}
    for alias, symbol in ALIASES.items():
        spellings.setdefault(symbol, []).append(f"`{alias}`")
    rows = ["| unit | a reader sees | dimension | 1 unit is, exactly | ASCII spelling |", "|---|---|---|---|---|"]
    for symbol, unit in UNITS.items():
        size = " ".join(part for part in (exact(unit.factor), si_unit(unit.dim)) if part)
        rows.append(f"| `{symbol}` | {unit.label or '(nothing: a pure number)'} | {describe(unit.dim)} | {size} "
                    f"| {', '.join(spellings.get(symbol, []))} |")
    return rows


def quantity_rows() -> list[str]:
    rows = ["| quantity | compared in | also entered in (exact conversion) | molar mass | source |", "|---|---|---|---|---|"]
    for quantity in QUANTITIES.values():
        canonical = quantity.unit_label(quantity.canonical)
        conversions = []
        for symbol, conversion in quantity.units.items():
            if symbol == quantity.canonical:
                continue
            if conversion.offset == 0:
                conversions.append(f"1 {symbol} = {exact(conversion.factor)} {canonical}")
            else:
                conversions.append(f"{canonical} = {symbol} × {exact(conversion.factor)} + {exact(conversion.offset)}")
        molar = f"{quantity.molar_mass} g/mol" if quantity.molar_mass is not None else ""
        rows.append(f"| `{quantity.id}` | {quantity.canonical} | {'; '.join(conversions) or '—'} | {molar} "
                    f"| {quantity.citation} |")
    return rows


def _input(name: str, kind: Any) -> str:
    if kind.age:
        takes = "a `date` fact, the date of birth (age in completed years on the screening date)"
    elif kind.quantity:
        takes = f"a `number` fact of quantity `{kind.quantity}` (read in {kind.unit})"
    elif kind.joint_part in ("tender", "swollen"):
        takes = f"a `joints` fact (its {kind.joint_part} joints of the 28) or a `count` fact"
    elif kind.joint_part:
        takes = f"a `joints` fact (its involved {kind.joint_part} joints)"
        if "involved_joints" in kind.fact_types:
            takes += f", an `involved_joints` fact (its {kind.joint_part} joints)"
        takes += " or a `count` fact"
    elif kind.options:
        takes = "a `choice` fact with exactly the options " + ", ".join(f"`{o}`" for o in kind.options)
    elif kind.tests:
        takes = ("a `yes_no` fact or " if "yes_no" in kind.fact_types else "") + (
            "a `number` fact with `uln: true` and/or `results` among " + ", ".join(f"`{t}`" for t in kind.tests))
    elif kind.duration:
        limit = "60 minutes" if name == "morning_stiffness" else "6 weeks, 42 days"
        takes = ("a `yes_no` fact, a `number` fact of a quantity of time or a `date` fact (the onset)" if kind.onset
                 else "a `yes_no` fact or a `number` fact of a quantity of time") + f" (at least {limit})"
    elif kind.areas:
        takes = f"a `yes_no` fact or a `count` fact (at most {kind.areas})"
    else:
        takes = " or ".join(f"a `{t}` fact" for t in kind.fact_types)
    return f"`{name}`: {takes}"


def calculator_rows() -> list[str]:
    rows = ["| calculator | name | inputs | result | source |", "|---|---|---|---|---|"]
    for calculator in CALCULATORS.values():
        inputs = "; ".join(_input(name, kind) for name, kind in calculator.inputs.items())
        result = calculator.unit or ("a whole number" if calculator.whole else "a number")
        if calculator.bounds is not None:
            result += "; decided early from the points still reachable"
        rows.append(f"| `{calculator.id}` | {calculator.name} | {inputs} | {result} | {calculator.citation} |")
    return rows


def drug_rows() -> list[str]:
    from trialdesk.domain.medications import EQUIVALENCE_TABLES, LIBRARY

    table = EQUIVALENCE_TABLES["meikle_tyler_1977"]
    rows = [f"| drug | reader sees | zh_CN | other names | class | `{table.id}`: mg equal to "
            f"{table.reference_dose} mg {table.reference_drug} |", "|---|---|---|---|---|---|"]
    for drug in LIBRARY.drugs.values():
        chinese = drug.translations.get("zh_CN", "")
        others = ", ".join(s for s in drug.synonyms if s != chinese)
        classes = ", ".join(f"`{c.id}`" for c in LIBRARY.classes.values() if drug.id in c.members)
        dose = table.doses.get(drug.id)
        rows.append(f"| `{drug.id}` | {drug.label} | {chinese} | {others} | {classes} | {'' if dose is None else dose} |")
    return rows


TABLES = {"units": unit_rows, "quantities": quantity_rows, "calculators": calculator_rows, "drugs": drug_rows}


def guide_table(name: str) -> list[str]:
    """The lines of the guide's table marked `<!-- table: NAME -->`."""
    lines = guide_text().splitlines()
    starts = [i for i, line in enumerate(lines) if _TABLE.match(line) and _TABLE.match(line).group("name") == name]
    assert len(starts) == 1, f"the guide has one table marked {name}"
    table = []
    for line in lines[starts[0] + 1:]:
        if not line.startswith("|"):
            break
        table.append(line)
    return table


@pytest.mark.parametrize("name", sorted(TABLES))
def test_a_table_is_exactly_what_the_program_gives(name: str):
    assert guide_table(name) == TABLES[name](), f"regenerate it: python {Path(__file__).name}"


def _first_column(name: str) -> list[str]:
    return [re.match(r"^\| `([^`]+)` \|", row).group(1) for row in guide_table(name)[2:]]


def test_the_tables_list_exactly_the_units_quantities_and_calculators():
    assert _first_column("units") == list(UNITS)
    assert _first_column("quantities") == list(QUANTITIES)
    assert _first_column("calculators") == list(CALCULATORS)
    spelled = " ".join(guide_table("units"))
    assert all(f"`{alias}`" in spelled for alias in ALIASES)


# -- every part of the language is described ---------------------------------------------------------


def _literals(annotation: Any) -> list[str]:
    if typing.get_origin(annotation) is typing.Literal:
        return [str(a) for a in typing.get_args(annotation)]
    return [v for arg in typing.get_args(annotation) for v in _literals(arg)]


def _members(union: Any) -> list[type[BaseModel]]:
    found = []
    for arg in typing.get_args(union):
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            found.append(arg)
        else:
            found.extend(_members(arg))
    return found


RULES = _members(r.Rule)
FACT_TYPES = _members(f.FactDefinition)
EXPRESSIONS = _members(x.Expression)


def _tag(model: type[BaseModel], field: str) -> list[str]:
    return _literals(model.model_fields[field].annotation)


def named(word: str) -> bool:
    """Whether the guide names `word` as code or as a key."""
    text = guide_text()
    return f"`{word}`" in text or re.search(rf"(^|[\s{{,]){re.escape(word)}:", text, re.MULTILINE) is not None


def checked_text() -> str:
    return "\n".join(b.text for b in yaml_blocks() if b.kind not in ("none", "refused"))


def test_every_rule_kind_fact_type_and_expression_op_is_named_and_shown_in_a_checked_example():
    kinds = [k for model in RULES for k in _tag(model, "kind")]
    types = [t for model in FACT_TYPES for t in _tag(model, "type")]
    ops = [o for model in EXPRESSIONS for o in _tag(model, "op")]
    assert len(kinds) == len(RULES) >= 21 and len(types) == 9 and len(ops) >= 13
    examples = checked_text()
    for word, key in [*((k, "kind") for k in kinds), *((t, "type") for t in types), *((o, "op") for o in ops)]:
        assert named(word), f"the guide does not describe {key} {word}"
        assert re.search(rf"\b{key}: {re.escape(word)}\b", examples), f"no checked example has {key}: {word}"


def _models() -> list[type[BaseModel]]:
    return [*RULES, r.Limit, r.LimitCase, r.DoseRange, Period, *FACT_TYPES, f.Option, f.Plausible, f.FactText,
            *EXPRESSIONS, p.Protocol, p.Registry, p.Criterion, p.CriterionText, p.ScoreDefinition, p.ConsistencyCheck,
            p.ProtocolText, UnitDeclaration, QuantityDeclaration, ConversionDeclaration, d.DrugDeclaration,
            d.DrugText, d.DrugClassDeclaration, d.EquivalenceTableDeclaration, d.ReferenceDose, p.ConsistencyText,
            pt.ProtocolTests, pt.ExampleCase, ScreeningPolicy]


@pytest.mark.parametrize("model", _models(), ids=lambda m: m.__name__)
def test_every_field_of_the_language_is_named(model: type[BaseModel]):
    for name, field in model.model_fields.items():
        key = field.alias or name
        assert named(key), f"{model.__name__}.{key} is not described in the guide"
        for value in _literals(field.annotation):
            assert value in guide_text(), f"{model.__name__}.{key}: the value {value!r} is not in the guide"


def test_every_verdict_overall_result_and_period_unit_is_named():
    for word in [*(v.value for v in Verdict), *(o.value for o in Overall), *_literals(Period.model_fields["unit"].annotation)]:
        assert named(word), word


def test_every_calculator_and_the_library_table_is_named():
    from trialdesk.domain.medications import EQUIVALENCE_TABLES, LIBRARY

    for name in [*CALCULATORS, *EQUIVALENCE_TABLES, *LIBRARY.classes, *LIBRARY.drugs]:
        assert named(name), name


def test_every_protocol_command_is_described():
    from trialdesk.cli import protocol_cmd

    parser = argparse.ArgumentParser()
    protocol_cmd.add_commands(parser.add_subparsers())
    group = next(a for a in parser._subparsers._group_actions[0].choices["protocol"]._actions
                 if isinstance(a, argparse._SubParsersAction))
    assert set(group.choices) >= {"check", "test", "facts", "schema", "draft", "list"}
    for command in group.choices:
        assert f"**`trialdesk protocol {command}" in guide_text(), f"protocol {command} has no paragraph of its own"


def test_the_bounds_stated_are_the_programs():
    from trialdesk.persistence import protocol_files as pf

    text = guide_text()
    for phrase in (f"at most {pf.MAX_FILE_BYTES // 2**20} MiB", f"{pf.MAX_NODES:,} YAML entries",
                   f"nested at most {pf.MAX_DEPTH} deep", f"at most {p.MAX_FACTS} facts", f"{p.MAX_SCORES} scores",
                   f"{p.MAX_CRITERIA} criteria", f"nested at most {r.MAX_DEPTH} deep", f"{r.MAX_CHILDREN} rules in one",
                   f"{r.MAX_RULES:,} rules", f"{x.MAX_DEPTH} deep and {x.MAX_NODES} operations",
                   f"{x.MAX_TERMS} terms", f"{r.MAX_INTEGER_DIGITS} digits before the decimal point and {r.MAX_FRACTION_DIGITS} after",
                   f"at most {r.MAX_YEARS} years", f"at most {pf.MAX_OVERLAYS} translation overlays",
                   f"at most {pt.MAX_CASES} cases", f"{r.MAX_LIST} values in a"):
        assert phrase in text, phrase


if __name__ == "__main__":
    for table, rows in TABLES.items():
        print(f"<!-- table: {table} -->")
        print("\n".join(rows()))
        print()
