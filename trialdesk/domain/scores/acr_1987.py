"""1987 revised ACR (ARA) classification criteria for rheumatoid arthritis (>= 4 of 7).

Arnett FC et al. Arthritis Rheum 1988;31:315-324 (REFERENCE.md §3.6, [D7][D7b]).
Criteria 1-4 count only when present for at least 6 weeks:

1. morning stiffness >= 1 hour; 2. arthritis of >= 3 of 14 joint areas;
3. arthritis of hand joints; 4. symmetric arthritis; 5. rheumatoid nodules;
6. serum rheumatoid factor; 7. radiographic changes (erosions or decalcification).
"""

from __future__ import annotations

from collections.abc import Sequence

TIMED = ("morning_stiffness", "arthritis_3_areas", "hand_arthritis", "symmetric_arthritis")
UNTIMED = ("rheumatoid_nodules", "rheumatoid_factor", "radiographic_changes")


def acr_1987(criteria: dict[str, bool], present_6_weeks: bool) -> int:
    """Number of criteria met (0-7). Worked example: 1-4 for 8 weeks plus RF -> 5."""
    timed = sum(criteria[name] for name in TIMED) if present_6_weeks else 0
    return timed + sum(criteria[name] for name in UNTIMED)


def bounds(criteria: dict[str, bool | None], present_6_weeks: bool | None) -> tuple[int, int]:
    """Lowest and highest count reachable whatever the unknown (None) answers turn out to be."""

    def count(names: Sequence[str], optimistic: bool) -> int:
        return sum(1 for n in names if criteria[n] or (optimistic and criteria[n] is None))

    low = count(UNTIMED, False) + (count(TIMED, False) if present_6_weeks is True else 0)
    high = count(UNTIMED, True) + (count(TIMED, True) if present_6_weeks is not False else 0)
    return low, high
