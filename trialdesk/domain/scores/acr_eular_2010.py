"""2010 ACR/EULAR classification criteria for rheumatoid arthritis (score >= 6 of 10).

Aletaha D et al. Arthritis Rheum 2010;62:2569-2581, doi:10.1002/art.27584
(REFERENCE.md §3.5, [D6]). Domains:

- A. joints (swollen or tender; DIP, first CMC and first MTP excluded):
  1 large = 0; 2-10 large = 1; 1-3 small (with or without large) = 2;
  4-10 small (with or without large) = 3; > 10 joints, at least 1 small = 5
- B. serology (RF, ACPA): both negative = 0; low positive (> ULN, <= 3x ULN) = 2;
  high positive (> 3x ULN) = 3
- C. acute-phase reactants: normal CRP and ESR = 0; abnormal CRP or ESR = 1
- D. duration of symptoms: < 6 weeks = 0; >= 6 weeks = 1 (inclusive, as published:
  the acreular R package scores exactly 42 days as 0, which is a boundary error)

`bounds` gives the lowest and highest total still possible when some domains are
unknown, so "at least 6" can be decided early, as acreular's "more information
required" does.
"""

from __future__ import annotations

from dataclasses import dataclass

from trialdesk.domain.errors import DomainError, Problem

SEROLOGY_POINTS = {"negative": 0, "low_positive": 2, "high_positive": 3}
JOINT_POINTS_MAX = 5


def joint_points(large_joints: int, small_joints: int) -> int:
    """Domain A points from the numbers of involved large and small joints."""
    for name, value in (("large_joints", large_joints), ("small_joints", small_joints)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise DomainError(Problem("not_whole", params={"input": name, "value": value}))
    if small_joints >= 1 and large_joints + small_joints > 10:
        return 5
    if 4 <= small_joints <= 10:
        return 3
    if 1 <= small_joints <= 3:
        return 2
    if large_joints >= 2:
        return 1
    return 0


@dataclass(frozen=True, slots=True)
class AcrEular2010:
    """Points per domain and their total."""

    joints: int
    serology: int
    acute_phase: int
    duration: int

    @property
    def total(self) -> int:
        return self.joints + self.serology + self.acute_phase + self.duration


def acr_eular_2010(
    large_joints: int,
    small_joints: int,
    serology: str,
    acute_phase_abnormal: bool,
    duration_6_weeks: bool,
) -> AcrEular2010:
    """Score every domain. Worked example (acreular test 1): 3 large + 4 small, low-positive
    serology, normal acute phase, 60 days -> 3 + 2 + 0 + 1 = 6."""
    if serology not in SEROLOGY_POINTS:
        raise DomainError(Problem("unknown_option", params={"input": "serology", "value": serology}))
    return AcrEular2010(
        joints=joint_points(large_joints, small_joints),
        serology=SEROLOGY_POINTS[serology],
        acute_phase=1 if acute_phase_abnormal else 0,
        duration=1 if duration_6_weeks else 0,
    )


def bounds(
    large_joints: int | None,
    small_joints: int | None,
    serology: str | None,
    acute_phase_abnormal: bool | None,
    duration_6_weeks: bool | None,
) -> tuple[int, int]:
    """Lowest and highest total reachable whatever the unknown (None) domains turn out to be."""
    if large_joints is None or small_joints is None:
        joints = (0, JOINT_POINTS_MAX)
    else:
        points = joint_points(large_joints, small_joints)
        joints = (points, points)
    sero = (0, 3) if serology is None else (SEROLOGY_POINTS[serology],) * 2
    apr = (0, 1) if acute_phase_abnormal is None else (int(acute_phase_abnormal),) * 2
    dur = (0, 1) if duration_6_weeks is None else (int(duration_6_weeks),) * 2
    return (
        joints[0] + sero[0] + apr[0] + dur[0],
        joints[1] + sero[1] + apr[1] + dur[1],
    )
