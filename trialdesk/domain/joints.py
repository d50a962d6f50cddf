"""The joints a clinician examines, with the groupings the scores need.

The 28-joint count of DAS28, SDAI and CDAI: shoulders, elbows, wrists, MCP 1-5,
PIP 1-5 (the thumb's interphalangeal joint as PIP 1) and knees, both sides
(REFERENCE.md §3.1, [D11]). The 2010 ACR/EULAR criteria also count ankles, hips and
MTP 2-5; DIP, first CMC and first MTP joints are excluded from them (Aletaha 2010).
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Literal

Side = Literal["left", "right"]
SIDES: tuple[Side, ...] = ("right", "left")

_DAS28_SITES = (
    ("shoulder", "large"),
    ("elbow", "large"),
    ("wrist", "small"),
    *((f"mcp{i}", "small") for i in range(1, 6)),
    *((f"pip{i}", "small") for i in range(1, 6)),
    ("knee", "large"),
)
_EXTRA_SITES = (("hip", "large"), ("ankle", "large"), *((f"mtp{i}", "small") for i in range(2, 6)))


def _joints(sites: tuple[tuple[str, str], ...]) -> dict[str, str]:
    return {f"{site}_{side[0]}": size for site, size in sites for side in SIDES}


#: joint id ("wrist_r", "pip1_l") -> "large" | "small", for the 28-joint count.
DAS28_JOINTS: MappingProxyType[str, str] = MappingProxyType(_joints(_DAS28_SITES))
#: the 28 joints plus those the 2010 ACR/EULAR criteria add.
EXTENDED_JOINTS: MappingProxyType[str, str] = MappingProxyType(
    {**DAS28_JOINTS, **_joints(_EXTRA_SITES)}
)
JOINT_SETS = MappingProxyType({"das28": DAS28_JOINTS, "extended": EXTENDED_JOINTS})
assert len(DAS28_JOINTS) == 28


def _grid() -> tuple[tuple[tuple[int, str], ...], ...]:
    right_digits = {f"{kind}{d}_r": d - 1 for kind in ("pip", "mcp") for d in range(1, 6)}  # thumb outermost
    right = {"wrist_r": 2, **right_digits, "elbow_r": 5, "shoulder_r": 6, "hip_r": 10, "knee_r": 10, "ankle_r": 10,
             **{f"mtp{toe}_r": 12 - toe for toe in range(2, 6)}}  # MTP 2 under the ankle, MTP 5 outermost
    column = {**right, **{f"{joint[:-1]}l": 21 - c for joint, c in right.items()}}  # the left side mirrors it
    rows = (("shoulder",), ("elbow",), ("pip", "hip"), ("mcp",), ("wrist", "knee"), ("ankle",), ("mtp",))

    def site(joint: str) -> str:  # "pip3_r" -> "pip"
        return joint.rsplit("_", 1)[0].rstrip("12345")

    return tuple(tuple(sorted((column[j], j) for j in column if site(j) in sites)) for sites in rows)


#: The joints as the examination figure shows them (front view, the patient's right on the viewer's
#: left), row by row from the shoulders to the toes, each row as (column, joint id) from the viewer's
#: left. 22 columns: a column for each finger (the right thumb at 0, the left at 21), the wrist under
#: the middle finger, the elbow, the shoulder, a column for each toe, and the leg's over the second
#: toe. The keyboard moves along a row, and up or down to the next joint in its column (the nearest
#: row and column where the column has none further).
JOINT_GRID = _grid()
assert sorted(j for row in JOINT_GRID for _, j in row) == sorted(EXTENDED_JOINTS)


def count_28(joints: frozenset[str]) -> int:
    """How many of `joints` belong to the 28-joint count."""
    return sum(1 for j in joints if j in DAS28_JOINTS)


def count_by_size(joints: frozenset[str], size: str) -> int:
    """How many of `joints` are large (or small) in the 2010 ACR/EULAR sense."""
    return sum(1 for j in joints if EXTENDED_JOINTS.get(j) == size)
