"""A protocol's own drug vocabulary: the drugs, drug classes and equivalence tables its file declares.

The program's library (`medications.LIBRARY`: 15 drugs, the classes `csdmards` and
`glucocorticoids`, the table `meikle_tyler_1977`) is always there: a protocol names them without
declaring them, and adds its own. A drug or class declared with a library id replaces the
library's (to give it other names, translations or members); an equivalence table never does,
since a table's id stands for its published numbers. Every name of a drug (id, label, translated
label, synonym) identifies that one drug, compared case-insensitively (`medications.name_key`).

`vocabulary_problems` resolves the vocabulary when the protocol is read, reports what does not
resolve with its path, and binds the result to the protocol's medication facts.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from types import MappingProxyType
from typing import TYPE_CHECKING, Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from trialdesk.domain.facts import LanguageCode, MedicationFact
from trialdesk.domain.ids import MAX_NAME, Slug
from trialdesk.domain.medications import (
    EQUIVALENCE_TABLES,
    LIBRARY,
    Drug,
    DrugClass,
    EquivalenceTable,
    Vocabulary,
    name_index,
)
from trialdesk.domain import rules as r
from trialdesk.domain.rules import ProtocolNumber

if TYPE_CHECKING:
    from trialdesk.domain.protocol import Protocol

#: drugs, classes and equivalence tables one protocol declares.
MAX_DRUGS = 500
MAX_CLASSES = 100
MAX_TABLES = 20
#: synonyms of one drug; members (or exceptions) of one class; languages of one label.
MAX_SYNONYMS = 50
MAX_MEMBERS = 500
MAX_LANGUAGES = 20
_SHOWN_IDS = 20  # ids a message lists before "…"

DECLARED = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)
#: a drug's or class's name as readers see it.
DrugName = Annotated[str, StringConstraints(min_length=1, max_length=MAX_NAME, strip_whitespace=True)]


class DrugText(BaseModel):
    """A drug's or class's label in another language."""

    model_config = DECLARED

    label: DrugName


class DrugDeclaration(BaseModel):
    """A drug the protocol names: `label` is shown to readers, `synonyms` (brand names, abbreviations,
    Chinese names) are other names a history may give it by."""

    model_config = DECLARED

    id: Slug
    label: DrugName
    synonyms: tuple[DrugName, ...] = Field(default=(), max_length=MAX_SYNONYMS)
    translations: dict[LanguageCode, DrugText] = Field(default={}, max_length=MAX_LANGUAGES)


class DrugClassDeclaration(BaseModel):
    """A class of drugs: its `members` are drug ids or other classes' ids, less those under `except`."""

    model_config = DECLARED

    id: Slug
    label: DrugName
    members: tuple[Slug, ...] = Field(min_length=1, max_length=MAX_MEMBERS)
    except_: tuple[Slug, ...] = Field(default=(), alias="except", max_length=MAX_MEMBERS)
    translations: dict[LanguageCode, DrugText] = Field(default={}, max_length=MAX_LANGUAGES)


class ReferenceDose(BaseModel):
    model_config = DECLARED

    drug: Slug
    dose: ProtocolNumber = Field(gt=0)


class EquivalenceTableDeclaration(BaseModel):
    """Doses equal in effect to the `reference` dose of its drug, as the cited source tabulates them;
    doses are read in `unit` (a history's dose unit) and totals given in the same unit of the
    reference drug."""

    model_config = DECLARED

    id: Slug
    citation: DrugName = Field(description="the source of the numbers, named in every reason that uses the table")
    reference: ReferenceDose
    unit: DrugName = "mg/day"
    doses: dict[Slug, Annotated[ProtocolNumber, Field(gt=0)]] = Field(min_length=1, max_length=MAX_MEMBERS)


def vocabulary_problems(protocol: Protocol) -> Iterator[tuple[str, str]]:
    """Resolve the protocol's vocabulary (the library and its declarations), bind it to every
    medication fact, and yield (path, message) for each entry that does not resolve."""
    problems: list[tuple[str, str]] = []
    drugs = _drugs(protocol, problems)
    classes = _Classes(protocol, drugs, problems).resolve()
    names, clashes = name_index(drugs.values())
    declared = {d.id: i for i, d in enumerate(protocol.drugs)}
    for name, first, second in clashes:
        where = declared.get(second, declared.get(first))
        other = first if where == declared.get(second) else second
        problems.append((f"drugs[{where}]", f"the name {name!r} is also {other!r}'s: a name identifies one drug"))
    tables = _tables(protocol, drugs, problems)
    if protocol.glucocorticoid_table not in tables:
        problems.append(("glucocorticoid_table", f"unknown equivalence table {protocol.glucocorticoid_table!r}; "
                                                 f"expected one of {sorted(tables)} (the program's, or one declared under equivalence_tables)"))
    vocabulary = Vocabulary(MappingProxyType(drugs), MappingProxyType(classes), MappingProxyType(tables),
                            protocol.glucocorticoid_table, MappingProxyType(names))
    for i, fact in enumerate(protocol.facts):
        if isinstance(fact, MedicationFact):
            problems.extend(_fact_problems(fact, f"facts[{i}]", vocabulary))
            fact.bind(vocabulary)
    yield from problems


def shown_ids(ids: object, *, ordered: bool = False) -> str:
    """Ids as a refusal lists them: the first few (sorted unless `ordered`), then "…"."""
    listed = list(ids) if ordered else sorted(ids)  # type: ignore[call-overload]
    return ", ".join(listed[:_SHOWN_IDS]) + (", …" if len(listed) > _SHOWN_IDS else "")


def _drugs(protocol: Protocol, problems: list[tuple[str, str]]) -> dict[str, Drug]:
    drugs = dict(LIBRARY.drugs)
    seen: set[str] = set()
    for i, d in enumerate(protocol.drugs):
        if d.id in seen:
            problems.append((f"drugs[{i}].id", f"duplicate drug id {d.id!r}"))
            continue
        seen.add(d.id)
        translations = MappingProxyType({lang: text.label for lang, text in d.translations.items()})
        drugs[d.id] = Drug(d.id, d.label, d.synonyms, translations)
    return drugs


class _Classes:
    """Declared classes expanded to drug ids (nested classes, exceptions), cycles refused."""

    def __init__(self, protocol: Protocol, drugs: dict[str, Drug], problems: list[tuple[str, str]]) -> None:
        self.drugs, self.problems = drugs, problems
        self.declared: dict[str, int] = {}
        self.protocol = protocol
        for i, c in enumerate(protocol.drug_classes):
            if c.id in self.declared:
                problems.append((f"drug_classes[{i}].id", f"duplicate class id {c.id!r}"))
            elif c.id in drugs:
                problems.append((f"drug_classes[{i}].id", f"{c.id!r} is a drug's id: a class needs an id of its own"))
            else:
                self.declared[c.id] = i
        self.known = set(LIBRARY.classes) | set(self.declared)
        for i, d in enumerate(protocol.drugs):
            if d.id in self.known:
                problems.append((f"drugs[{i}].id", f"{d.id!r} is a drug class's id: a drug needs an id of its own"))
        self.members: dict[str, tuple[str, ...]] = {c: LIBRARY.classes[c].members for c in LIBRARY.classes
                                                    if c not in self.declared}

    def resolve(self) -> dict[str, DrugClass]:
        classes = {c: LIBRARY.classes[c] for c in LIBRARY.classes if c not in self.declared}
        for class_id, i in self.declared.items():
            c = self.protocol.drug_classes[i]
            translations = MappingProxyType({lang: text.label for lang, text in c.translations.items()})
            classes[class_id] = DrugClass(class_id, c.label, self._expand(class_id, ()), translations)
        return classes

    def _expand(self, class_id: str, inside: tuple[str, ...]) -> tuple[str, ...]:
        if class_id in self.members:
            return self.members[class_id]
        i = self.declared[class_id]
        if class_id in inside:
            self.problems.append((f"drug_classes[{i}].members", f"class {class_id!r} contains itself ({' → '.join((*inside, class_id))})"))
            return ()
        declaration = self.protocol.drug_classes[i]
        inside = (*inside, class_id)
        found: dict[str, None] = {}
        for j, name in enumerate(declaration.members):
            found.update(dict.fromkeys(self._one(name, f"drug_classes[{i}].members[{j}]", inside)))
        left_out: set[str] = set()
        for j, name in enumerate(declaration.except_):
            named = self._one(name, f"drug_classes[{i}].except[{j}]", inside)
            if named and not set(named) & set(found):
                self.problems.append((f"drug_classes[{i}].except[{j}]", f"{name!r} is not a member of the class"))
            left_out.update(named)
        members = tuple(d for d in found if d not in left_out)
        if not members:
            self.problems.append((f"drug_classes[{i}].members", "no drug is left in the class"))
        self.members[class_id] = members
        return members

    def _one(self, name: str, path: str, inside: tuple[str, ...]) -> tuple[str, ...]:
        """The drug ids a member names: a drug, or a class's members."""
        if name in self.drugs:
            return (name,)
        if name in self.known:
            return self._expand(name, inside)
        self.problems.append((path, f"unknown drug or class {name!r}; expected a drug or class of the program's "
                                    "library or one declared under drugs or drug_classes"))
        return ()


def _tables(protocol: Protocol, drugs: dict[str, Drug], problems: list[tuple[str, str]]) -> dict[str, EquivalenceTable]:
    tables = dict(EQUIVALENCE_TABLES)
    for i, t in enumerate(protocol.equivalence_tables):
        where = f"equivalence_tables[{i}]"
        if t.id in EQUIVALENCE_TABLES:
            problems.append((f"{where}.id", f"{t.id!r} is the program's table: give the protocol's own another id"))
            continue
        if t.id in tables:
            problems.append((f"{where}.id", f"duplicate table id {t.id!r}"))
            continue
        for name, drug in (("reference.drug", t.reference.drug), *((f"doses.{d}", d) for d in t.doses)):
            if drug not in drugs:
                problems.append((f"{where}.{name}", f"unknown drug {drug!r}"))
        listed = t.doses.get(t.reference.drug)
        if listed is not None and listed != t.reference.dose:
            problems.append((f"{where}.doses.{t.reference.drug}",
                             f"the reference drug's dose is the reference dose, {t.reference.dose}"))
        doses = {t.reference.drug: t.reference.dose, **{d: Decimal(v) for d, v in t.doses.items()}}
        tables[t.id] = EquivalenceTable(t.id, t.citation, t.reference.dose, MappingProxyType(doses), t.reference.drug, t.unit)
    return tables


def _fact_problems(fact: MedicationFact, path: str, vocabulary: Vocabulary) -> Iterator[tuple[str, str]]:
    for j, drug in enumerate(fact.drugs):
        if drug in vocabulary.classes:
            yield f"{path}.drugs[{j}]", f"{drug!r} is a drug class: list it under classes"
        elif drug not in vocabulary.drugs:
            yield f"{path}.drugs[{j}]", (f"unknown drug {drug!r}; expected one of the program's library "
                                         f"({shown_ids(LIBRARY.drugs)}) or one declared under drugs")
    for j, class_id in enumerate(fact.classes):
        if class_id not in vocabulary.classes:
            yield f"{path}.classes[{j}]", (f"unknown drug class {class_id!r}; expected one of "
                                           f"{shown_ids(vocabulary.classes)} or one declared under drug_classes")


def equivalence_problems(rule: r.PrednisoneEquivalent | r.EquivalentDose | r.SteadyEquivalentDose, path: str,
                         fact: MedicationFact) -> Iterator[tuple[str, str]]:
    """An equivalence rule converts every drug it reads, in the unit its table reads."""
    vocabulary = fact.vocabulary
    table = vocabulary.table(getattr(rule, "table", None))
    if table is None:
        if getattr(rule, "table", None) is not None:
            yield f"{path}.table", f"unknown equivalence table {rule.table!r}; expected one of {sorted(vocabulary.tables)}"
        return  # an unknown glucocorticoid_table is reported once, on its own
    if isinstance(rule, r.PrednisoneEquivalent) and (table.reference_drug, table.unit) != ("prednisone", "mg/day"):
        yield path, (f"the glucocorticoid table {table.id!r} gives {table.reference_drug} in {table.unit}: "
                     "prednisone_equivalent reads prednisone in mg/day (use equivalent_dose)")
    named = rule.drugs is not None or rule.classes is not None
    read = [d for d in vocabulary.expand(rule.drugs or (), rule.classes or ()) if d in fact.offered] if named else fact.offered
    unconverted = [d for d in read if d not in table.doses]
    if unconverted:
        yield f"{path}.fact", (f"the table {table.id!r} has no dose of {unconverted}: name the drugs or classes "
                               f"it converts (fact {fact.id!r} offers them)")
    if table.unit not in fact.dose_units:
        yield f"{path}.fact", f"fact {fact.id!r} records no dose in {table.unit}, the unit of the table {table.id!r}"
    if isinstance(rule, r.EquivalentDose) and rule.value < Decimal(0):  # prednisone_equivalent's: in the rule check
        yield f"{path}.value", "must not be negative"
