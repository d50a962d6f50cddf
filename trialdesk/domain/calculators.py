"""The calculators a protocol can bind facts to, and what each input accepts.

A protocol's score names a calculator and maps each of its inputs to a fact; the
input kind says which fact types fit and how the value is taken from them (a joint
exam gives TJC28; haemoglobin is converted into the unit the formula needs).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from datetime import date

from trialdesk.domain import joints
from trialdesk.domain.periods import completed_years
from trialdesk.domain.scores import acr_1987, acr_eular_2010, cdai, ckd_epi, das28, sdai
from trialdesk.domain.units import QUANTITIES
from trialdesk.domain.values import JointExam, Measurement


@dataclass(frozen=True, slots=True)
class InputKind:
    """What a calculator input accepts: fact types, and how to read the value from a fact."""

    fact_types: tuple[str, ...]
    quantity: str | None = None
    unit: str | None = None
    joint_part: str | None = None  # "tender" | "swollen" | "large" | "small"
    options: tuple[str, ...] | None = None
    age: bool = False  # a date of birth, read as the age in completed years on the screening date

    def read(self, value: Any, on: date) -> Any:
        """The calculator's argument from a fact's value; None when it is "not known"."""
        if self.age:
            return completed_years(value, on)
        if isinstance(value, JointExam):
            if self.joint_part in ("tender", "swollen"):
                return joints.count_28(getattr(value, self.joint_part))
            return joints.count_by_size(value.involved, self.joint_part)
        if isinstance(value, Measurement):
            return QUANTITIES[self.quantity].convert(value.value, value.unit, self.unit)
        if self.fact_types == ("yes_no",):
            return {"yes": True, "no": False}.get(value)
        return value


def _joint(part: str) -> InputKind:
    return InputKind(("joints", "count"), joint_part=part)


def _measure(quantity: str, unit: str) -> InputKind:
    return InputKind(("number",), quantity=quantity, unit=unit)


YES_NO = InputKind(("yes_no",))


@dataclass(frozen=True, slots=True)
class Calculator:
    """A published score: its inputs, its formula, and (for point scores) its bounds."""

    id: str
    name: str
    citation: str
    inputs: Mapping[str, InputKind]
    compute: Callable[..., Any]
    bounds: Callable[..., tuple[int, int]] | None = None
    whole: bool = False  # points or counts: never fractional, so rounding never arises
    unit: str = ""  # the unit of the result, as a reader sees it ("" for points, counts and indices)

    def value_of(self, result: Any) -> Decimal:
        """The number compared with thresholds, from whatever the formula returns."""
        if isinstance(result, acr_eular_2010.AcrEular2010):
            return Decimal(result.total)
        if isinstance(result, float):
            return Decimal(repr(result))
        return Decimal(result)

    def components(self, result: Any) -> dict[str, int]:
        """The points per domain of a point score, for display."""
        if isinstance(result, acr_eular_2010.AcrEular2010):
            return {
                "joints": result.joints,
                "serology": result.serology,
                "acute_phase": result.acute_phase,
                "duration": result.duration,
            }
        return {}


_ACR1987_INPUTS = {name: YES_NO for name in acr_1987.TIMED + acr_1987.UNTIMED}


def _acr1987(present_6_weeks: bool, **criteria: bool) -> int:
    return acr_1987.acr_1987(criteria, present_6_weeks)


def _acr1987_bounds(present_6_weeks: bool | None, **criteria: bool | None) -> tuple[int, int]:
    return acr_1987.bounds(criteria, present_6_weeks)


def _joint_count(joints: int) -> int:
    return joints


CALCULATORS: Mapping[str, Calculator] = MappingProxyType(
    {
        c.id: c
        for c in (
            Calculator(
                "das28_esr",
                "DAS28-ESR",
                "Prevoo et al. 1995; das-score.nl",
                {
                    "tjc28": _joint("tender"),
                    "sjc28": _joint("swollen"),
                    "esr": _measure("esr", "mm/h"),
                    "patient_global": _measure("vas", "mm"),
                },
                lambda tjc28, sjc28, esr, patient_global: das28.das28_esr(tjc28, sjc28, esr, patient_global),
            ),
            Calculator(
                "das28_crp",
                "DAS28-CRP",
                "das-score.nl validated formulae",
                {
                    "tjc28": _joint("tender"),
                    "sjc28": _joint("swollen"),
                    "crp": _measure("crp", "mg/L"),
                    "patient_global": _measure("vas", "mm"),
                },
                lambda tjc28, sjc28, crp, patient_global: das28.das28_crp(tjc28, sjc28, crp, patient_global),
            ),
            Calculator(
                "sdai",
                "SDAI",
                "Smolen et al. 2003",
                {
                    "tjc28": _joint("tender"),
                    "sjc28": _joint("swollen"),
                    "patient_global": _measure("vas", "cm"),
                    "evaluator_global": _measure("vas", "cm"),
                    "crp": _measure("crp", "mg/dL"),
                },
                lambda tjc28, sjc28, patient_global, evaluator_global, crp: sdai.sdai(
                    tjc28, sjc28, patient_global, evaluator_global, crp
                ),
            ),
            Calculator(
                "cdai",
                "CDAI",
                "Aletaha et al. 2005",
                {
                    "tjc28": _joint("tender"),
                    "sjc28": _joint("swollen"),
                    "patient_global": _measure("vas", "cm"),
                    "evaluator_global": _measure("vas", "cm"),
                },
                lambda tjc28, sjc28, patient_global, evaluator_global: cdai.cdai(
                    tjc28, sjc28, patient_global, evaluator_global
                ),
            ),
            Calculator(
                "acr_eular_2010",
                "2010 ACR/EULAR",
                "Aletaha et al. 2010",
                {
                    "large_joints": _joint("large"),
                    "small_joints": _joint("small"),
                    "serology": InputKind(("choice",), options=tuple(acr_eular_2010.SEROLOGY_POINTS)),
                    "acute_phase_abnormal": YES_NO,
                    "duration_6_weeks": YES_NO,
                },
                acr_eular_2010.acr_eular_2010,
                acr_eular_2010.bounds,
                whole=True,
            ),
            Calculator(
                "acr_1987",
                "1987 ACR",
                "Arnett et al. 1988",
                {**_ACR1987_INPUTS, "present_6_weeks": YES_NO},
                _acr1987,
                _acr1987_bounds,
                whole=True,
            ),
            Calculator(
                "egfr_ckd_epi_2021",
                "eGFR (CKD-EPI 2021 creatinine)",
                "Inker et al., N Engl J Med 2021;385:1737-49 (race-free equation)",
                {
                    "creatinine": _measure("creatinine", "mg/dL"),
                    "date_of_birth": InputKind(("date",), age=True),
                    "sex": InputKind(("choice",), options=("female", "male")),
                },
                ckd_epi.egfr_2021,
                unit="mL/min/1.73m²",
            ),
            Calculator("tjc28", "TJC28", "28-joint count", {"joints": _joint("tender")}, _joint_count, whole=True),
            Calculator("sjc28", "SJC28", "28-joint count", {"joints": _joint("swollen")}, _joint_count, whole=True),
        )
    }
)
