"""Clinical Disease Activity Index.

Aletaha D et al. Arthritis Res Ther 2005;7:R796-R806 (REFERENCE.md §3.4):

    CDAI = TJC28 + SJC28 + PtGA(0-10 cm) + EvGA(0-10 cm)      range 0-76
"""

from __future__ import annotations

from decimal import Decimal

from trialdesk.domain.scores._checks import joint_count, within

GLOBAL_MAX_CM = Decimal(10)


def cdai(tjc28: int, sjc28: int, ptga_cm: Decimal, evga_cm: Decimal) -> Decimal:
    """CDAI. Worked example: (4, 3, 4.0, 3.0) -> 14.0."""
    return (
        Decimal(joint_count("tjc28", tjc28))
        + Decimal(joint_count("sjc28", sjc28))
        + within("patient_global", ptga_cm, Decimal(0), GLOBAL_MAX_CM, "cm")
        + within("evaluator_global", evga_cm, Decimal(0), GLOBAL_MAX_CM, "cm")
    )
