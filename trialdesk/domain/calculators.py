"""The calculators a protocol can bind facts to, and what each input accepts.

A protocol's score names a calculator and maps each of its inputs to a fact; the
input kind says which fact types fit and how the value is taken from them (a joint
exam gives TJC28; haemoglobin is converted into the unit the formula needs).

The classification criteria also take the observations themselves and derive their
domains (`trialdesk.domain.classification`): a domain may then be given in one of two
forms (`Calculator.forms`: the 2010 serology as a category, or as RF and ACPA), and a
score binds exactly one of them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from datetime import date

from trialdesk.domain import classification as c
from trialdesk.domain import joints
from trialdesk.domain.periods import completed_years
from trialdesk.domain.scores import acr_1987, acr_eular_2010, cdai, ckd_epi, das28, sdai
from trialdesk.domain.units import QUANTITIES, Quantity
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
    tests: tuple[str, ...] | None = None  # a laboratory test: a number with its ULN and/or these results
    duration: bool = False  # a number fact of a quantity of time (weeks, days, min, h)
    onset: bool = False  # a date fact: the onset, counted to the screening date
    areas: int | None = None  # a count fact of at most this many joint areas

    def problem(self, fact: Any, quantity: Quantity | None) -> str | None:
        """Why `fact` cannot feed this input; None when it can. `quantity` is the one a number
        fact measures (the program's or the protocol's)."""
        kind, name = fact.type, repr(fact.id)
        if kind not in self.fact_types:
            return f"fact {name} is {kind}; expected {' or '.join(self.fact_types)}"
        if kind == "number":
            results = [o.id for o in getattr(fact, "results", ()) if not o.unknown]
            if self.quantity is not None and fact.quantity != self.quantity:
                return f"fact {name} measures {fact.quantity}; expected {self.quantity}"
            if self.tests is None and results:
                return (f"fact {name} may be answered {results} instead of a value: this input needs the value "
                        "(only results declared unknown: true may be offered)")
            if self.duration and quantity is not None and quantity.dim != c.TIME:
                return (f"fact {name} measures {fact.quantity}, not a duration; "
                        "expected a quantity of time (weeks, days, min, h)")
            if self.tests is not None and not (fact.uln or fact.results):
                return (f"fact {name} gives neither its ULN (uln: true) nor results: declare uln: true, "
                        f"results among {list(self.tests)}, or both")
            wrong = [r for r in results if self.tests is not None and r not in self.tests]
            if wrong:
                return (f"fact {name} offers the results {wrong}; "
                        f"expected results among {list(self.tests)} (or declared unknown: true)")
        if kind == "choice" and self.options and set(fact.option_ids) != set(self.options):
            return f"fact {name} must offer exactly the options {list(self.options)}"
        if kind == "count" and self.areas is not None and fact.maximum > self.areas:
            return (f"fact {name} counts up to {fact.maximum}; "
                    f"the criterion counts at most {self.areas} joint areas (maximum: {self.areas})")
        if kind == "date" and self.onset and getattr(fact, "allow_never", False):
            return f"fact {name} may be answered none: an onset date cannot (leave allow_never out)"
        return None

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


def _classification_joints(part: str) -> InputKind:
    return InputKind(("joints", "involved_joints", "count"), joint_part=part)


def _measure(quantity: str, unit: str) -> InputKind:
    return InputKind(("number",), quantity=quantity, unit=unit)


YES_NO = InputKind(("yes_no",))
SEROLOGY_TEST = InputKind(("number",), tests=c.SEROLOGY_RESULTS)
ACUTE_PHASE_TEST = InputKind(("number",), tests=c.ACUTE_PHASE)
#: 6 weeks or more (criteria 1-4 of 1987): answered yes / no, or a duration.
SIX_WEEKS = InputKind(("yes_no", "number"), duration=True)


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
    #: a domain given in one of several forms: its argument -> the sets of inputs that give it
    forms: Mapping[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    #: reads the inputs into the formula's arguments (domains derived from observations)
    reader: Callable[[Mapping[str, c.Observation], date], c.Reading] | None = None

    def binding_problems(self, names: set[str]) -> list[str]:
        """Why a score binding exactly the inputs `names` does not fit this calculator."""
        if not self.forms:
            if names != set(self.inputs):
                return [f"inputs must be exactly {sorted(self.inputs)}, got {sorted(names)}"]
            return []
        problems = []
        unknown = sorted(names - set(self.inputs))
        if unknown:
            problems.append(f"{self.id} has no inputs {unknown}; its inputs are {sorted(self.inputs)}")
        in_forms = {n for forms in self.forms.values() for form in forms for n in form}
        needed = sorted(set(self.inputs) - in_forms - names)
        if needed:
            problems.append(f"inputs {needed} are needed")
        for domain, forms in self.forms.items():
            given = [form for form in forms if set(form) & names]
            shown = [" and ".join(repr(n) for n in form) for form in forms]
            if len(given) > 1:
                problems.append(f"{domain} is given both as {' and as '.join(shown)}: bind one of them")
            elif not given:
                problems.append(f"{domain} needs {' or '.join(shown)}")
            elif set(given[0]) - names:
                lacking = " and ".join(repr(n) for n in given[0] if n not in names)
                problems.append(f"{domain} from {' and '.join(repr(n) for n in given[0] if n in names)} needs {lacking} beside it")
        return problems

    def read(self, observed: Mapping[str, c.Observation], on: date) -> c.Reading:
        """The formula's arguments from what each bound input's fact holds (None: not known)."""
        if self.reader is not None:
            return self.reader(observed, on)
        args = {name: None if o.value is None else self.inputs[name].read(o.value, on) for name, o in observed.items()}
        missing = tuple(name for name, value in args.items() if value is None)
        bounds = self.bounds(**args) if missing and self.bounds is not None else None
        return c.Reading(args, missing, bounds)

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


_ACR1987_INPUTS = {
    **{name: YES_NO for name in acr_1987.TIMED + acr_1987.UNTIMED},
    "morning_stiffness": InputKind(("yes_no", "number"), duration=True),
    "arthritis_3_areas": InputKind(("yes_no", "count"), areas=c.AREAS),
    "rheumatoid_factor": InputKind(("yes_no", "number"), tests=c.SEROLOGY_RESULTS),
}


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
                    "large_joints": _classification_joints("large"),
                    "small_joints": _classification_joints("small"),
                    "serology": InputKind(("choice",), options=tuple(acr_eular_2010.SEROLOGY_POINTS)),
                    "rf": SEROLOGY_TEST,
                    "acpa": SEROLOGY_TEST,
                    "acute_phase_abnormal": YES_NO,
                    "crp": ACUTE_PHASE_TEST,
                    "esr": ACUTE_PHASE_TEST,
                    "duration_6_weeks": InputKind(("yes_no", "number", "date"), duration=True, onset=True),
                },
                acr_eular_2010.acr_eular_2010,
                acr_eular_2010.bounds,
                whole=True,
                forms=MappingProxyType(c.FORMS_2010),
                reader=c.read_2010,
            ),
            Calculator(
                "acr_1987",
                "1987 ACR",
                "Arnett et al. 1988",
                {**_ACR1987_INPUTS, "present_6_weeks": SIX_WEEKS},
                _acr1987,
                _acr1987_bounds,
                whole=True,
                reader=c.read_1987,
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
