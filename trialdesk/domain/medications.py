"""Drugs, routes and dose units a medication history may name, and glucocorticoid equivalence.

Prednisone-equivalent doses (oral/intravenous anti-inflammatory potency):
Meikle AW, Tyler FH. Am J Med 1977;63:200-207, as tabulated by GlobalRPh
(REFERENCE.md §3.7, [D8]): prednisone 5 mg = prednisolone 5 = methylprednisolone 4
= triamcinolone 4 = hydrocortisone 20 = cortisone 25 = dexamethasone 0.75 =
betamethasone 0.75; deflazacort 6 mg from Parente L. BMC Pharmacol Toxicol 2017;18:1
[D8c]. Intra-articular and intramuscular potency "may vary considerably" [D8b]: the
tables apply to oral and intravenous doses.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType

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
DRUGS = frozenset(CSDMARDS + GLUCOCORTICOIDS)
ROUTES = frozenset({"oral", "intravenous", "intramuscular", "subcutaneous", "intra_articular", "topical", "inhaled"})
DOSE_UNITS = frozenset({"mg/day", "mg/week"})


@dataclass(frozen=True, slots=True)
class EquivalenceTable:
    """Doses (mg) equal in anti-inflammatory effect to `reference_dose` mg of prednisone."""

    id: str
    citation: str
    reference_dose: Decimal
    doses: MappingProxyType[str, Decimal]

    def prednisone_equivalent(self, drug: str, dose_mg: Decimal) -> Decimal:
        """mg of prednisone equivalent to `dose_mg` of `drug` (multiplied first: stays exact)."""
        return dose_mg * self.reference_dose / self.doses[drug]


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
