"""Simplified Disease Activity Index.

Smolen JS et al. Rheumatology 2003;42:244-257; as tabulated by Aletaha D, Smolen JS
and in Prince FHM et al. Arthritis Res Ther 2012;14:R68, Table 1 (REFERENCE.md §3.3):

    SDAI = TJC28 + SJC28 + PtGA(0-10 cm) + EvGA(0-10 cm) + CRP(mg/dL)

Exact decimal arithmetic: the inputs are decimal entries, so 11.0 stays 11.0 and
the strict "> 11.0" of a protocol is decided on the number the clinician typed.
"""

from __future__ import annotations

from decimal import Decimal

from trialdesk.domain.scores._checks import joint_count, within

GLOBAL_MAX_CM = Decimal(10)
CRP_MAX_MG_DL = Decimal(50)


def sdai(tjc28: int, sjc28: int, ptga_cm: Decimal, evga_cm: Decimal, crp_mg_dl: Decimal) -> Decimal:
    """SDAI; CRP in mg/dL. Worked example: (4, 3, 4.0, 3.0, 1.2) -> 15.2."""
    return (
        Decimal(joint_count("tjc28", tjc28))
        + Decimal(joint_count("sjc28", sjc28))
        + within("patient_global", ptga_cm, Decimal(0), GLOBAL_MAX_CM, "cm")
        + within("evaluator_global", evga_cm, Decimal(0), GLOBAL_MAX_CM, "cm")
        + within("crp", crp_mg_dl, Decimal(0), CRP_MAX_MG_DL, "mg/dL")
    )
