"""The classification criteria's inputs derived from what source documents record.

A laboratory reports RF and ACPA as values with their assay's upper limit of normal (ULN), CRP
and ESR likewise; the notes give symptoms in weeks or an onset date, morning stiffness in
minutes, a number of joint areas, and the joints involved at the assessment a subject was
classified on. The 2010 ACR/EULAR domains and the 1987 criteria are derived here, exactly
(fractions) at every boundary, each with a reason saying how:

- a serology test is negative at most at its ULN, low positive above it and at most 3 × ULN
  (exactly 3 × ULN is low), high positive above 3 × ULN (Aletaha 2010, table 3);
- an acute-phase test is abnormal above its ULN;
- the serology domain is the highest category among the tests with a result, the acute-phase
  domain abnormal when either test is; a test answered "not done" (an option declared
  `unknown: true`) is left out, and at least one result is needed (Aletaha 2010: "at least one
  test result is needed for classification"); a test not yet entered leaves the domain open
  unless the other already decides it (a high-positive RF, an abnormal CRP);
- 6 weeks is 42 days, 1 hour 60 minutes, both included (≥).

`read_2010` and `read_1987` give a calculator its arguments from the facts bound to its inputs,
the inputs that still leave it open, the points still reachable, and the derivations.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from typing import Any

from trialdesk.domain import derivations as why
from trialdesk.domain import joints
from trialdesk.domain.derivations import Derivation, LabTest
from trialdesk.domain.scores import acr_1987, acr_eular_2010
from trialdesk.domain.units import Quantity, dimension
from trialdesk.domain.values import JointExam, JointInvolvement, Measurement

SEROLOGY = tuple(acr_eular_2010.SEROLOGY_POINTS)  # negative, low_positive, high_positive
#: the results a serology test may be reported as: a category, or "positive" with no value, which
#: the 2010 criteria score as low positive ("where RF information is only available as positive or
#: negative, a positive result should be scored as low-positive").
SEROLOGY_RESULTS = (*SEROLOGY, "positive")
ACUTE_PHASE = ("normal", "abnormal")
TIME = dimension(T=1)
SIX_WEEKS = Fraction(42 * 86_400)  # seconds
ONE_HOUR = Fraction(3_600)
SIX_WEEKS_DAYS = 42
AREAS_NEEDED, AREAS = 3, 14  # 1987 criterion 2: 3 or more of 14 joint areas

#: how a 2010 domain may be given: by one input (a category, a yes/no) or by two tests.
FORMS_2010 = {"serology": (("serology",), ("rf", "acpa")),
              "acute_phase": (("acute_phase_abnormal",), ("crp", "esr"))}


@dataclass(frozen=True, slots=True)
class Observation:
    """What an input reads from its fact: the value (None when not entered or answered not known),
    the answer that left it not known ("not_done", "unknown", "not_documented"), and the quantity
    a number fact measures."""

    fact: str
    value: Any = None
    not_known: Any = None
    quantity: Quantity | None = None


@dataclass(frozen=True, slots=True)
class Reading:
    """A calculator's arguments (None: not known yet), the inputs that leave it open, the points
    still reachable while it is open, and how derived arguments were obtained, by component."""

    args: dict[str, Any]
    missing: tuple[str, ...] = ()
    bounds: tuple[int, int] | None = None
    derivations: dict[str, Derivation] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Domain:
    value: Any  # the formula's argument; None while not known
    points: tuple[int, int]  # lowest and highest points it can still give
    missing: tuple[str, ...] = ()  # input names leaving it open
    reason: Derivation | None = None


# -- one observation ------------------------------------------------------------------------


def serology_category(value: Any, uln: Any) -> str:
    """RF or ACPA against its assay's ULN: negative ≤ ULN < low positive ≤ 3 × ULN < high positive."""
    value, uln = Fraction(value), Fraction(uln)
    if value <= uln:
        return "negative"
    return "low_positive" if value <= 3 * uln else "high_positive"


def acute_phase_category(value: Any, uln: Any) -> str:
    """CRP or ESR against the laboratory's ULN: abnormal above it."""
    return "abnormal" if Fraction(value) > Fraction(uln) else "normal"


def seconds(measurement: Measurement, quantity: Quantity) -> Fraction:
    """A duration in seconds, exactly, from the unit it was entered in."""
    conversion = quantity.units[measurement.unit]
    return (Fraction(measurement.value) * conversion.factor + conversion.offset) * quantity.si_factor


def lab_test(observation: Observation, scale: str) -> LabTest:
    """One laboratory test as a domain reads it: its state (value, result, not_known, missing,
    no_uln), what was entered, and its category on `scale` ("serology" or "acute_phase")."""
    fact, value = observation.fact, observation.value
    if value is None:
        if observation.not_known is not None:
            return LabTest(fact, "not_known", answer=observation.not_known)
        return LabTest(fact, "missing")
    if isinstance(value, str):  # a qualitative result, as reported
        if scale == "serology" and value == "positive":
            return LabTest(fact, "result", answer=value, category="low_positive")
        return LabTest(fact, "result", category=value)
    unit = observation.quantity.unit_label(value.unit) if observation.quantity else value.unit
    if value.uln is None:
        return LabTest(fact, "no_uln", value=value.value, unit=unit)
    classify = serology_category if scale == "serology" else acute_phase_category
    return LabTest(fact, "value", category=classify(value.value, value.uln), value=value.value, unit=unit, uln=value.uln)


def _duration(name: str, observation: Observation, on: date, limit: Fraction) -> _Domain:
    """At least `limit` seconds: a yes/no, a number of a time quantity, or an onset date."""
    value = observation.value
    if value is None:
        return _Domain(None, (0, 1), (name,))
    if isinstance(value, str):  # yes / no as answered
        return _Domain(value == "yes", (int(value == "yes"),) * 2)
    named = "six_weeks" if limit == SIX_WEEKS else "one_hour"
    reason: Derivation
    if isinstance(value, date):
        days = (on - value).days
        holds = days >= limit / 86_400
        reason = why.DerivedOnset(observation.fact, named, holds, value, on, days)
    else:
        holds = seconds(value, observation.quantity) >= limit
        unit = observation.quantity.unit_label(value.unit)
        reason = why.DerivedDuration(observation.fact, named, holds, value.value, unit)
    return _Domain(holds, (int(holds),) * 2, reason=reason)


def _yes_no(name: str, observation: Observation) -> _Domain:
    if observation.value is None:
        return _Domain(None, (0, 1), (name,))
    holds = observation.value == "yes"
    return _Domain(holds, (int(holds),) * 2)


# -- the 2010 domains -------------------------------------------------------------------------


def _joint_count(observation: Observation, size: str) -> int | None:
    value = observation.value
    if isinstance(value, JointInvolvement):
        return value.large_count if size == "large" else value.small_count
    if isinstance(value, JointExam):
        return joints.count_by_size(value.involved, size)
    return value  # a count as entered, or None


def _joints_2010(large: Observation, small: Observation) -> _Domain:
    counts = (_joint_count(large, "large"), _joint_count(small, "small"))
    missing = tuple(name for name, count in zip(("large_joints", "small_joints"), counts) if count is None)
    reached = (0, acr_eular_2010.JOINT_POINTS_MAX)
    if not missing:
        reached = (acr_eular_2010.joint_points(*counts),) * 2
    reason: Derivation | None = None
    for observation in (large, small):
        value = observation.value
        if isinstance(value, JointInvolvement):
            reason = why.DerivedJoints(observation.fact, value.on, value.large_count, value.small_count,
                                       value.joints is not None, reached)
        elif value is None and observation.not_known is not None and reason is None:
            reason = why.JointsNotKnown(observation.fact, observation.not_known, reached)
    return _Domain(counts, reached, missing, reason)


def _pair(tests: tuple[LabTest, ...], names: tuple[str, ...],
          points: Mapping[str, int]) -> tuple[Any, tuple[int, int], tuple[str, ...], bool]:
    """The highest category of two tests: (category or None, points reachable, inputs open, no result at all)."""
    results = [t for t in tests if t.state in ("value", "result")]
    pending = [name for name, t in zip(names, tests) if t.state in ("missing", "no_uln")]
    best = max(results, key=lambda t: points[t.category], default=None)
    top = max(points.values())
    if best is not None and (not pending or points[best.category] == top):
        return best.category, (points[best.category],) * 2, (), False
    low = points[best.category] if best is not None else 0
    if not pending:  # every test left out: no result to classify on
        return None, (0, top), names, True
    return None, (low, top), tuple(pending), False


def _serology_2010(inputs: Mapping[str, Observation]) -> _Domain:
    if "serology" in inputs:
        observation = inputs["serology"]
        if observation.value is None:
            return _Domain(None, (0, 3), ("serology",))
        points = acr_eular_2010.SEROLOGY_POINTS.get(observation.value, 0)
        return _Domain(observation.value, (points, points))
    tests = tuple(lab_test(inputs[name], "serology") for name in ("rf", "acpa"))
    category, reached, missing, none = _pair(tests, ("rf", "acpa"), acr_eular_2010.SEROLOGY_POINTS)
    return _Domain(category, reached, missing, why.DerivedSerology(tests, category, reached, none))


def _acute_phase_2010(inputs: Mapping[str, Observation]) -> _Domain:
    if "acute_phase_abnormal" in inputs:
        return _yes_no("acute_phase_abnormal", inputs["acute_phase_abnormal"])
    tests = tuple(lab_test(inputs[name], "acute_phase") for name in ("crp", "esr"))
    category, reached, missing, none = _pair(tests, ("crp", "esr"), {"normal": 0, "abnormal": 1})
    abnormal = None if category is None else category == "abnormal"
    return _Domain(abnormal, reached, missing, why.DerivedAcutePhase(tests, abnormal, reached, none))


def read_2010(inputs: Mapping[str, Observation], on: date) -> Reading:
    """The 2010 ACR/EULAR arguments from the facts bound to its inputs, in either form."""
    domains = {
        "joints": _joints_2010(inputs["large_joints"], inputs["small_joints"]),
        "serology": _serology_2010(inputs),
        "acute_phase": _acute_phase_2010(inputs),
        "duration": _duration("duration_6_weeks", inputs["duration_6_weeks"], on, SIX_WEEKS),
    }
    large, small = domains["joints"].value
    args = {"large_joints": large, "small_joints": small, "serology": domains["serology"].value,
            "acute_phase_abnormal": domains["acute_phase"].value, "duration_6_weeks": domains["duration"].value}
    return _reading(args, domains)


# -- the 1987 criteria --------------------------------------------------------------------------


def _areas(observation: Observation) -> _Domain:
    value = observation.value
    if value is None:
        return _Domain(None, (0, 1), ("arthritis_3_areas",))
    if isinstance(value, str):
        return _yes_no("arthritis_3_areas", observation)
    holds = value >= AREAS_NEEDED
    return _Domain(holds, (int(holds),) * 2, reason=why.DerivedAreas(observation.fact, value, AREAS_NEEDED, AREAS, holds))


def _rheumatoid_factor(observation: Observation) -> _Domain:
    value = observation.value
    if isinstance(value, str) and value in ("yes", "no"):
        return _yes_no("rheumatoid_factor", observation)
    test = lab_test(observation, "serology")
    if test.state not in ("value", "result"):
        reason = why.DerivedRheumatoidFactor(test, None) if test.state != "missing" else None
        return _Domain(None, (0, 1), ("rheumatoid_factor",), reason)
    holds = test.category != "negative"
    return _Domain(holds, (int(holds),) * 2, reason=why.DerivedRheumatoidFactor(test, holds))


def read_1987(inputs: Mapping[str, Observation], on: date) -> Reading:
    """The 1987 ACR criteria (yes / no each) from the facts bound to them, in either form."""
    domains = {name: _yes_no(name, inputs[name]) for name in acr_1987.TIMED + acr_1987.UNTIMED}
    domains["morning_stiffness"] = _duration("morning_stiffness", inputs["morning_stiffness"], on, ONE_HOUR)
    domains["arthritis_3_areas"] = _areas(inputs["arthritis_3_areas"])
    domains["rheumatoid_factor"] = _rheumatoid_factor(inputs["rheumatoid_factor"])
    domains["present_6_weeks"] = _duration("present_6_weeks", inputs["present_6_weeks"], on, SIX_WEEKS)
    args = {name: domain.value for name, domain in domains.items()}
    reading = _reading(args, domains)
    if not reading.missing:
        return reading
    criteria = {name: args[name] for name in acr_1987.TIMED + acr_1987.UNTIMED}
    return Reading(args, reading.missing, acr_1987.bounds(criteria, args["present_6_weeks"]), reading.derivations)


def _reading(args: dict[str, Any], domains: dict[str, _Domain]) -> Reading:
    missing = tuple(dict.fromkeys(name for domain in domains.values() for name in domain.missing))
    derivations = {name: domain.reason for name, domain in domains.items() if domain.reason is not None}
    bounds = None
    if missing:
        bounds = (sum(d.points[0] for d in domains.values()), sum(d.points[1] for d in domains.values()))
    return Reading(args, missing, bounds, derivations)
