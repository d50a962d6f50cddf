"""Disease Activity Score in 28 joints, four-variable forms.

Prevoo MLL et al. Arthritis Rheum 1995;38:44-48 (DAS28-ESR); the CRP form and both
formulas as validated by the DAS28 authors: das-score.nl, "Alternative validated
formulae" (REFERENCE.md §3.1-3.2, [D1][D2][D12]).

    DAS28-ESR = 0.56·√TJC28 + 0.28·√SJC28 + 0.70·ln(ESR) + 0.014·GH
    DAS28-CRP = 0.56·√TJC28 + 0.28·√SJC28 + 0.36·ln(CRP + 1) + 0.014·GH + 0.96

ESR in mm/h (>= 1: a logarithm), CRP in mg/L (not mg/dL), GH the patient's global
health on a 0-100 mm visual analogue scale.
"""

from __future__ import annotations

import math
from decimal import Decimal

from trialdesk.domain.scores._checks import joint_count, within

ESR_MIN = Decimal(1)
ESR_MAX = Decimal(300)
CRP_MAX_MG_L = Decimal(500)
GH_MAX_MM = Decimal(100)


def _joints_and_gh(tjc28: int, sjc28: int, gh_mm: Decimal) -> float:
    tjc = joint_count("tjc28", tjc28)
    sjc = joint_count("sjc28", sjc28)
    gh = within("patient_global", gh_mm, Decimal(0), GH_MAX_MM, "mm")
    return 0.56 * math.sqrt(tjc) + 0.28 * math.sqrt(sjc) + 0.014 * float(gh)


def das28_esr(tjc28: int, sjc28: int, esr_mm_h: Decimal, gh_mm: Decimal) -> float:
    """DAS28-ESR (four variables). Published example: (4, 5, 44, 12) -> 4.56."""
    esr = within("esr", esr_mm_h, ESR_MIN, ESR_MAX, "mm/h")
    return _joints_and_gh(tjc28, sjc28, gh_mm) + 0.70 * math.log(float(esr))


def das28_crp(tjc28: int, sjc28: int, crp_mg_l: Decimal, gh_mm: Decimal) -> float:
    """DAS28-CRP (four variables), CRP in mg/L. Published example: (4, 5, 44, 12) -> 4.24."""
    crp = within("crp", crp_mg_l, Decimal(0), CRP_MAX_MG_L, "mg/L")
    return _joints_and_gh(tjc28, sjc28, gh_mm) + 0.36 * math.log(float(crp) + 1) + 0.96
