"""A history's total equivalent daily dose over time, and whether it has been steady.

This is what `steady_equivalent_dose` judges: not each line, but the total of every line taken
on a day, each converted by an equivalence table. The total changes only on the day a line
starts, the day its recorded dose begins (its last change) and the day after it stops; between
those days it stays the same, so a history is read as a few stretches of days (`Stretch`, at
most three a line, and one more on the first day of each window a rule reads), never day by day.

Part of a total may not be known. A line the table cannot convert (another drug, a dose in
another unit) adds an amount above 0, the same on every day for one drug at one dose in one
unit; a day before a line's last change adds an amount above 0 that the history does not give,
perhaps another one each day. `same_total` says whether two stretches' totals are equal, differ,
or cannot be told apart (None): a switch from a converted drug to one the table cannot convert
is not decided, but that drug added on top of an unchanged maintenance dose is a change,
whatever its amount.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Context, Decimal
from fractions import Fraction

from trialdesk.domain.medications import EquivalenceTable
from trialdesk.domain.values import MedicationEntry

_SHOWN = Context(prec=40)


@dataclass(frozen=True)
class Stretch:
    """Days `start` to `end` (both included) on which the same lines are taken at the same doses.

    `known` is the sum of the lines the table converts, exactly; `unknown` the amounts it cannot
    give: an unconverted drug in one unit -> its doses that day summed (its amount is a fixed
    multiple of them), a line before its last change -> 1 (its dose is not recorded).
    """

    start: date
    end: date
    known: Fraction
    unknown: Mapping[tuple, Decimal]
    lines: tuple[MedicationEntry, ...]

    @property
    def taken(self) -> bool:
        return bool(self.lines)

    @property
    def regimen(self) -> Counter:
        """The drugs and doses taken: a repeat prescription keeps it, a switch of drug changes it."""
        return Counter((line.agent, line.dose, line.unit) for line in self.lines)


def converts(table: EquivalenceTable, line: MedicationEntry) -> bool:
    """Whether the table gives this line's equivalent."""
    return line.drug in table.doses and line.dose is not None and line.unit == table.unit


def equivalent(table: EquivalenceTable, line: MedicationEntry) -> Fraction:
    """A converted line's equivalent dose, exactly (two lines of 0.5 mg are one of 1 mg)."""
    return Fraction(line.dose) * Fraction(table.reference_dose) / Fraction(table.doses[line.drug])


def as_decimal(value: Fraction) -> Decimal:
    """An exact total as a decimal for a reason (messages round what has more than 6 decimals)."""
    return _SHOWN.divide(Decimal(value.numerator), Decimal(value.denominator))


def stretches(lines: tuple[MedicationEntry, ...], table: EquivalenceTable, first: date, last: date,
              edges: tuple[date, ...] = ()) -> list[Stretch]:
    """The stretches from `first` to `last`, a new one also beginning on each of `edges`
    (the first days of the windows a rule reads)."""
    one_day = timedelta(days=1)
    starts = {first, *edges}
    for line in lines:
        starts.update((line.start, line.dose_since))
        if line.stop is not None and line.stop < date.max:
            starts.add(line.stop + one_day)
    ordered = sorted(d for d in starts if first <= d <= last)
    found = []
    for i, start in enumerate(ordered):
        end = ordered[i + 1] - one_day if i + 1 < len(ordered) else last
        taken = tuple(line for line in lines if line.active_on(start))
        known = Fraction(0)
        unknown: Counter = Counter()
        for index, line in enumerate(lines):
            if not line.active_on(start):
                continue
            if start < line.dose_since or line.dose is None:  # a dose the history does not give
                unknown[("unrecorded", index, start)] += 1
            elif converts(table, line):
                known += equivalent(table, line)
            else:
                unknown[("unconverted", line.agent, line.unit)] += line.dose
        found.append(Stretch(start, end, known, dict(unknown), taken))
    return found


def same_total(a: Stretch, b: Stretch) -> bool | None:
    """Whether two stretches have the same total: True, False, or None when the amounts the table
    cannot give could make them equal or not.

    Amounts not known are above 0. Where one side has more of them and no less of any, its
    total is larger unless its known part is smaller: then they may be equal.
    """
    keys = set(a.unknown) | set(b.unknown)
    more = {a.unknown.get(k, 0) - b.unknown.get(k, 0) for k in keys} - {0}
    if not more:
        return a.known == b.known
    if all(m > 0 for m in more):
        return None if a.known < b.known else False
    if all(m < 0 for m in more):
        return None if a.known > b.known else False
    return None


@dataclass(frozen=True)
class Steadiness:
    """What a history shows on `today`'s last day: since when the total has been above 0 without
    a gap and since when it has been the same; within the stable window, each day it changed, and
    whether it has been steady (None: not decided)."""

    today: Stretch
    continuous_since: date
    unchanged_since: date
    steady: bool | None
    changes: tuple[tuple[Stretch, Stretch], ...]  # (before, from that day on), in the stable window
    differs: Stretch | None  # a stretch of the window with another total, when no single day shows the change
    undecided: date | None  # the latest day of the window whose total may or may not be today's
    regimen_changes: tuple[date, ...]  # days the lines changed at the same total, since unchanged_since


def steadiness(lines: tuple[MedicationEntry, ...], table: EquivalenceTable, day: date, taken_since: date,
               stable_since: date) -> Steadiness:
    """The total of `lines` on `day`, how long it has been taken and unchanged, and whether it has
    been the same on every day from `stable_since` to `day`."""
    first = min((*(line.start for line in lines), taken_since, stable_since, day))
    read = stretches(lines, table, first, day, (taken_since, stable_since))
    today = read[-1]
    continuous = len(read) - 1
    while continuous > 0 and read[continuous - 1].taken:
        continuous -= 1
    unchanged = len(read) - 1
    while unchanged > 0 and same_total(read[unchanged - 1], today) is True:
        unchanged -= 1
    window = [s for s in read if s.start >= stable_since]
    varies_today = any(k[0] == "unrecorded" for k in today.unknown) and max(today.start, stable_since) < day
    to_today = [(s, same_total(s, today)) for s in window[:-1]]
    changes = tuple((before, after) for before, after in zip(window, window[1:]) if same_total(before, after) is False)
    differing = [s for s, same in to_today if same is False]
    undecided = [s.end + timedelta(days=1) for s, same in to_today if same is None]
    if varies_today:
        undecided.append(day)
    if changes or differing:
        steady: bool | None = False
    else:
        steady = None if undecided else True
    since = read[unchanged].start if not varies_today else day
    regimen = tuple(after.start for before, after in zip(read[unchanged:], read[unchanged + 1:])
                    if before.regimen != after.regimen)
    return Steadiness(
        today=today,
        continuous_since=read[continuous].start,
        unchanged_since=since,
        steady=steady,
        changes=changes,
        differs=differing[-1] if differing and not changes else None,
        undecided=max(undecided) if undecided else None,
        regimen_changes=regimen,
    )
