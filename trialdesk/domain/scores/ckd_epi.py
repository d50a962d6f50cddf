"""Estimated glomerular filtration rate by the CKD-EPI 2021 creatinine equation (race-free).

Inker LA et al. New creatinine- and cystatin C-based equations to estimate GFR without race.
N Engl J Med 2021;385:1737-1749:

    eGFR = 142 × min(Scr/κ, 1)^α × max(Scr/κ, 1)^−1.200 × 0.9938^age × 1.012 [if female]
    κ = 0.7 (female) or 0.9 (male); α = −0.241 (female) or −0.302 (male); Scr in mg/dL

in mL/min/1.73 m². The equation is validated for adults: a subject under 18 gets no value
(the problem is shown instead), never an extrapolated one.
"""

from __future__ import annotations

import math
from decimal import Decimal

from trialdesk.domain.errors import DomainError, Problem
from trialdesk.domain.scores._checks import within

CREATININE_MIN_MG_DL, CREATININE_MAX_MG_DL = Decimal("0.1"), Decimal(30)
_KAPPA = {"female": 0.7, "male": 0.9}
_ALPHA = {"female": -0.241, "male": -0.302}


def egfr_2021(creatinine: Decimal, date_of_birth: int, sex: str) -> float:
    """eGFR in mL/min/1.73 m² from serum creatinine (mg/dL), age in completed years and sex.

    Worked values: (1.0, 50, "female") -> 68.6; (1.0, 50, "male") -> 91.7.
    """
    age = date_of_birth  # the input is read from the date of birth as completed years
    scr = float(within("creatinine", creatinine, CREATININE_MIN_MG_DL, CREATININE_MAX_MG_DL, "mg/dL"))
    if age < 18:
        raise DomainError(Problem("adults_only", params={"input": "date_of_birth", "value": age, "min": 18}))
    ratio = scr / _KAPPA[sex]
    value = 142 * min(ratio, 1) ** _ALPHA[sex] * max(ratio, 1) ** -1.200 * 0.9938**age
    return value * 1.012 if sex == "female" else value
