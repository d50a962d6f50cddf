"""The program's drug library, and the vocabulary a medication history is read with.

The library holds the drugs, classes and equivalence table the program ships with; a protocol
uses them without declaring them and adds its own (`trialdesk.domain.drugs`). Labels are the
generic names as running English writes them (lower case); the Chinese names are the approved
generic names (通用名), with the older names still found in source records as synonyms.

Prednisone-equivalent doses (oral/intravenous anti-inflammatory potency):
Meikle AW, Tyler FH. Am J Med 1977;63:200-207, as tabulated by GlobalRPh
(REFERENCE.md §3.7, [D8]): prednisone 5 mg = prednisolone 5 = methylprednisolone 4
= triamcinolone 4 = hydrocortisone 20 = cortisone 25 = dexamethasone 0.75 =
betamethasone 0.75; deflazacort 6 mg from Parente L. BMC Pharmacol Toxicol 2017;18:1
[D8c]. Intra-articular and intramuscular potency "may vary considerably" [D8b]: the
tables apply to oral and intravenous doses.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from types import MappingProxyType

from trialdesk.domain.values import Unreadable, shown

#: the longest name of an "other" drug a history keeps.
MAX_OTHER_NAME = 200
_REFUSED_CATEGORIES = {"Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp"}  # control and invisible characters


def name_key(name: str) -> str:
    """The form two names of a drug are compared in: NFKC, case-folded, single spaces."""
    return " ".join(unicodedata.normalize("NFKC", name).split()).casefold()


def other_name(raw: object) -> str:
    """A drug's name as written for an "other" line: one line of visible text (NFC, single spaces)."""
    if not isinstance(raw, str):
        raise Unreadable("not_text", value=shown(raw))
    if len(raw) > 4 * MAX_OTHER_NAME:
        raise Unreadable("text_too_long", limit=MAX_OTHER_NAME)
    if any(unicodedata.category(c) in _REFUSED_CATEGORIES for c in raw):  # before spaces are tidied:
        raise Unreadable("control_characters")  # a newline is refused, never made a space
    text = " ".join(unicodedata.normalize("NFC", raw).split())
    if not text:
        raise Unreadable("required")
    if len(text) > MAX_OTHER_NAME:
        raise Unreadable("text_too_long", limit=MAX_OTHER_NAME)
    return text


@dataclass(frozen=True, slots=True)
class Drug:
    """One drug: its id, the label readers see (and its translations by language), other names."""

    id: str
    label: str
    synonyms: tuple[str, ...] = ()
    translations: Mapping[str, str] = field(default_factory=dict)

    def label_in(self, lang: str) -> str:
        return self.translations.get(lang, self.label)

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the drug is known by: id, label, translated labels, synonyms."""
        return (self.id, self.label, *self.translations.values(), *self.synonyms)


@dataclass(frozen=True, slots=True)
class DrugClass:
    """A class of drugs; `members` are drug ids, classes inside it expanded, exceptions removed."""

    id: str
    label: str
    members: tuple[str, ...]
    translations: Mapping[str, str] = field(default_factory=dict)

    def label_in(self, lang: str) -> str:
        return self.translations.get(lang, self.label)


@dataclass(frozen=True, slots=True)
class EquivalenceTable:
    """Doses (in `unit`) equal in effect to `reference_dose` of `reference_drug`."""

    id: str
    citation: str
    reference_dose: Decimal
    doses: Mapping[str, Decimal]
    reference_drug: str = "prednisone"
    unit: str = "mg/day"

    def equivalent(self, drug: str, dose: Decimal) -> Decimal:
        """The dose of the reference drug equivalent to `dose` of `drug` (multiplied first: stays exact)."""
        return dose * self.reference_dose / self.doses[drug]

    prednisone_equivalent = equivalent


@dataclass(frozen=True)
class Vocabulary:
    """The drugs, classes and equivalence tables one protocol's histories are read with."""

    drugs: Mapping[str, Drug]
    classes: Mapping[str, DrugClass]
    tables: Mapping[str, EquivalenceTable]
    glucocorticoid_table: str = "meikle_tyler_1977"
    names: Mapping[str, str] = field(default_factory=dict)  # name_key -> drug id

    def expand(self, drugs: Iterable[str] = (), classes: Iterable[str] = ()) -> tuple[str, ...]:
        """The drug ids named, then the members of the classes named, in that order, each once."""
        found = dict.fromkeys(d for d in drugs if d in self.drugs)
        for class_id in classes:
            found.update(dict.fromkeys(self.classes[class_id].members if class_id in self.classes else ()))
        return tuple(found)

    def find(self, name: str) -> str | None:
        """The id of the drug known by `name` (id, label, translation or synonym), if any."""
        return name if name in self.drugs else self.names.get(name_key(name))

    def label(self, drug_id: str, lang: str = "en") -> str:
        drug = self.drugs.get(drug_id)
        return drug.label_in(lang) if drug else drug_id

    def class_label(self, class_id: str, lang: str = "en") -> str:
        drug_class = self.classes.get(class_id)
        return drug_class.label_in(lang) if drug_class else class_id

    def table(self, table_id: str | None = None) -> EquivalenceTable | None:
        """An equivalence table by id (the protocol's glucocorticoid table by default)."""
        return self.tables.get(table_id or self.glucocorticoid_table)


def name_index(drugs: Iterable[Drug]) -> tuple[dict[str, str], list[tuple[str, str, str]]]:
    """Every drug name (by `name_key`) with the drug it names, and the names two drugs share."""
    index: dict[str, str] = {}
    clashes: list[tuple[str, str, str]] = []
    for drug in drugs:
        for name in drug.names:
            key = name_key(name)
            if index.setdefault(key, drug.id) != drug.id:
                clashes.append((name, index[key], drug.id))
    return index, clashes


def _drug(drug_id: str, zh: str, *synonyms: str) -> Drug:
    return Drug(drug_id, drug_id.replace("_", " "), (zh, *synonyms), MappingProxyType({"zh_CN": zh}))


LIBRARY_DRUGS = (
    _drug("leflunomide", "来氟米特", "LEF"),
    _drug("methotrexate", "甲氨蝶呤", "MTX", "氨甲蝶呤"),
    _drug("sulfasalazine", "柳氮磺吡啶", "SSZ", "sulphasalazine", "柳氮磺胺吡啶"),
    _drug("hydroxychloroquine", "羟氯喹", "HCQ", "硫酸羟氯喹"),
    _drug("ciclosporin", "环孢素", "cyclosporine", "cyclosporin", "CsA", "环孢素A"),
    _drug("tacrolimus", "他克莫司", "FK506"),
    _drug("prednisone", "泼尼松", "强的松"),
    _drug("prednisolone", "泼尼松龙", "强的松龙"),
    _drug("methylprednisolone", "甲泼尼龙", "甲基强的松龙"),
    _drug("hydrocortisone", "氢化可的松"),
    _drug("cortisone", "可的松"),
    _drug("triamcinolone", "曲安西龙", "去炎松"),
    _drug("dexamethasone", "地塞米松"),
    _drug("betamethasone", "倍他米松"),
    _drug("deflazacort", "地夫可特"),
)
CSDMARDS = ("leflunomide", "methotrexate", "sulfasalazine", "hydroxychloroquine", "ciclosporin", "tacrolimus")
GLUCOCORTICOIDS = (
    "prednisone",
    "prednisolone",
    "methylprednisolone",
    "hydrocortisone",
    "cortisone",
    "triamcinolone",
    "dexamethasone",
    "betamethasone",
    "deflazacort",
)
LIBRARY_CLASSES = (
    DrugClass("csdmards", "conventional synthetic DMARDs", CSDMARDS,
              MappingProxyType({"zh_CN": "传统合成改善病情抗风湿药"})),
    DrugClass("glucocorticoids", "glucocorticoids", GLUCOCORTICOIDS, MappingProxyType({"zh_CN": "糖皮质激素"})),
)
DRUGS = frozenset(CSDMARDS + GLUCOCORTICOIDS)
#: the routes and dose units the bundled protocols name; a protocol may name others.
ROUTES = frozenset({"oral", "intravenous", "intramuscular", "subcutaneous", "intra_articular", "topical", "inhaled"})
DOSE_UNITS = frozenset({"mg/day", "mg/week"})

_D = Decimal
EQUIVALENCE_TABLES = MappingProxyType(
    {
        "meikle_tyler_1977": EquivalenceTable(
            id="meikle_tyler_1977",
            citation="Meikle & Tyler, Am J Med 1977 (deflazacort: Parente 2017)",
            reference_dose=_D(5),
            doses=MappingProxyType(
                {
                    "prednisone": _D(5),
                    "prednisolone": _D(5),
                    "methylprednisolone": _D(4),
                    "triamcinolone": _D(4),
                    "hydrocortisone": _D(20),
                    "cortisone": _D(25),
                    "dexamethasone": _D("0.75"),
                    "betamethasone": _D("0.75"),
                    "deflazacort": _D(6),
                }
            ),
        ),
    }
)

LIBRARY = Vocabulary(
    drugs=MappingProxyType({d.id: d for d in LIBRARY_DRUGS}),
    classes=MappingProxyType({c.id: c for c in LIBRARY_CLASSES}),
    tables=EQUIVALENCE_TABLES,
    names=MappingProxyType(name_index(LIBRARY_DRUGS)[0]),
)
"""The program's own vocabulary: what a protocol reads without declaring anything."""
