"""The values a subject's facts take once checked against their definitions, and the strict,
bounded readers of the numbers and dates they are made of."""

from __future__ import annotations

import math
import re
import reprlib
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal, Union

from trialdesk.domain.joints import count_by_size

#: a date fact answered "never" (no intra-articular injection, no biological agent...).
NEVER = "none"
YesNo = Literal["yes", "no", "unknown"]


@dataclass(frozen=True, slots=True)
class Measurement:
    """A number as entered, with its unit, and the same value in the quantity's canonical unit.

    `uln` is the laboratory's upper limit of normal printed with the result, in the same unit.
    """

    value: Decimal
    unit: str
    canonical: Decimal
    uln: Decimal | None = None


@dataclass(frozen=True, slots=True)
class JointExam:
    """Which joints were found tender and which swollen (ids from `trialdesk.domain.joints`)."""

    tender: frozenset[str]
    swollen: frozenset[str]

    @property
    def involved(self) -> frozenset[str]:
        return self.tender | self.swollen


#: an `involved_joints` fact answered "not documented": the source documents do not say which.
NOT_DOCUMENTED = "not_documented"


@dataclass(frozen=True, slots=True)
class JointInvolvement:
    """The joints involved (swollen or tender) at one assessment, on its own date: each joint
    marked (`joints`, ids from `trialdesk.domain.joints`), or only the numbers of large and small
    joints where the notes give no more (`joints` is None then)."""

    on: date
    joints: frozenset[str] | None = None
    large: int | None = None
    small: int | None = None

    @property
    def large_count(self) -> int:
        """Involved large joints (shoulders, elbows, hips, knees, ankles)."""
        return count_by_size(self.joints, "large") if self.joints is not None else int(self.large or 0)

    @property
    def small_count(self) -> int:
        """Involved small joints (wrists, MCP, PIP and thumb IP, MTP 2-5)."""
        return count_by_size(self.joints, "small") if self.joints is not None else int(self.small or 0)


@dataclass(frozen=True, slots=True)
class MedicationEntry:
    """One line of a medication history: one drug at one dose, from `start` (or the last dose
    change) until `stop` (None: still taken).

    `drug` is a drug id of the protocol's vocabulary, or None for a drug the list does not offer,
    kept as written in `other` (counted in no class). Dose, unit and route are None where the
    history does not record them.
    """

    drug: str | None
    dose: Decimal | None
    unit: str | None
    route: str | None
    start: date
    last_change: date | None = None
    stop: date | None = None
    other: str | None = None

    @property
    def dose_since(self) -> date:
        """The day the current dose began."""
        return self.last_change or self.start

    @property
    def agent(self) -> str:
        """What tells two agents apart: the drug id, or the other drug's name (case and spacing aside)."""
        return self.drug if self.drug is not None else "other:" + " ".join(str(self.other).split()).casefold()

    def active_on(self, day: date) -> bool:
        return self.start <= day and (self.stop is None or self.stop >= day)


FactValue = Union[Measurement, int, date, datetime, str, JointExam, JointInvolvement, tuple[MedicationEntry, ...]]


# -- reading raw answers: strict and bounded --------------------------------------------
#
# Everything a hostile file or a person can type is bounded *before* any arithmetic: digit
# counts are read off the text or the decimal's exponent, so "1e999999", 1e999999999 and a
# 5,000-digit integer are refused in microseconds. Within these bounds a number has at most
# 15 significant digits, so a float holding it (the stored JSON form) repeats it exactly.

MAX_INTEGER_DIGITS = 9  # digits before the decimal point (leading zeros not counted)
MAX_FRACTION_DIGITS = 6  # digits after it (trailing zeros not counted)
MAX_TYPED_TEXT = 10_000  # characters of one typed value read at all
FIRST_DATE, LAST_DATE = date(1900, 1, 1), date(2199, 12, 31)

#: the one text form of a typed number: optional sign, ASCII digits, one decimal point or comma.
TYPED_NUMBER = re.compile(r"([+-]?)([0-9]+)(?:[.,]([0-9]+))?", re.ASCII)
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})", re.ASCII)
_DATETIME = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2})", re.ASCII)
_SHOWN_LENGTH = 40


class Unreadable(ValueError):
    """A raw value that is not a number or a date of the accepted form; feeds a `Problem`."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def read_number(raw: Any, *, typed: bool = False) -> Decimal:
    """A bounded decimal in its normal form (no trailing zeros, no exponent), or Unreadable.

    A JSON number (int, float, Decimal; never a bool) is always read. A string is read only
    when `typed` (what a person typed, or an answer stored as text), in the `TYPED_NUMBER`
    form; otherwise a string that looks like a number is refused as "number_as_text".
    """
    if isinstance(raw, bool):
        raise Unreadable("not_a_number", value=shown(raw))
    if isinstance(raw, str):
        text = raw.strip() if len(raw) <= MAX_TYPED_TEXT else None
        match = TYPED_NUMBER.fullmatch(text) if text is not None else None
        if not typed:
            raise Unreadable("number_as_text" if match else "not_a_number", value=shown(raw))
        if match is None:
            raise Unreadable("bad_number_text", value=shown(raw))
        sign, whole, fraction = match.group(1), match.group(2).lstrip("0"), (match.group(3) or "").rstrip("0")
        return _bounded(sign == "-", whole, fraction, raw)
    if isinstance(raw, int):
        if abs(raw) >= 10**MAX_INTEGER_DIGITS:
            raise _too_large(raw)
        return Decimal(raw)
    if isinstance(raw, float):
        if not math.isfinite(raw):
            raise Unreadable("not_a_number", value=shown(raw))
        raw = Decimal(repr(raw))  # the shortest decimal that is this float: what the file said
    if isinstance(raw, Decimal):
        return _decimal(raw)
    raise Unreadable("not_a_number", value=shown(raw))


def _decimal(value: Decimal) -> Decimal:
    if not value.is_finite():
        raise Unreadable("not_a_number", value=shown(value))
    if value.is_zero():
        return Decimal(0)
    if value.adjusted() >= MAX_INTEGER_DIGITS:  # O(1): the exponent of the leading digit
        raise _too_large(value)
    if value.adjusted() < -MAX_FRACTION_DIGITS:
        raise _too_many_decimals(value)
    # the leading digit is within bounds, so the fixed-point text is at most 9 digits before
    # the point (and as long as the input after it)
    whole, _, fraction = format(value.copy_abs(), "f").partition(".")
    return _bounded(value.is_signed(), whole.lstrip("0"), fraction.rstrip("0"), value)


def _bounded(negative: bool, whole: str, fraction: str, raw: Any) -> Decimal:
    if len(whole) > MAX_INTEGER_DIGITS:
        raise _too_large(raw)
    if len(fraction) > MAX_FRACTION_DIGITS:
        raise _too_many_decimals(raw)
    if not whole and not fraction:
        return Decimal(0)
    return Decimal(("-" if negative else "") + (whole or "0") + ("." + fraction if fraction else ""))


def _too_large(raw: Any) -> Unreadable:
    return Unreadable("number_too_large", value=shown(raw), digits=MAX_INTEGER_DIGITS)


def _too_many_decimals(raw: Any) -> Unreadable:
    return Unreadable("too_many_decimals", value=shown(raw), digits=MAX_FRACTION_DIGITS)


def json_number(value: Decimal) -> int | float:
    """The stored JSON form of a bounded decimal: an int when whole, else a float that repeats it."""
    return int(value) if value == value.to_integral_value() else float(value)


def read_date(raw: Any) -> date:
    """A calendar date from exactly ``YYYY-MM-DD`` (ASCII digits), within 1900–2199; or Unreadable.

    `date.fromisoformat` is not used: Python 3.11 also reads "2026111799" and "2026-W47-2".
    """
    if type(raw) is date:
        day = raw
    else:
        match = _DATE.fullmatch(raw) if isinstance(raw, str) and len(raw) == 10 else None
        if match is None:
            raise Unreadable("invalid_date", value=shown(raw))
        try:
            day = date(*(int(part) for part in match.groups()))
        except ValueError:
            raise Unreadable("invalid_date", value=shown(raw)) from None
    if not FIRST_DATE <= day <= LAST_DATE:
        raise Unreadable("date_out_of_range", value=day, first=FIRST_DATE.year, last=LAST_DATE.year)
    return day


def read_datetime(raw: Any) -> datetime:
    """A date and time of day from exactly ``YYYY-MM-DDTHH:MM`` (the site's local time), within
    1900–2199; or Unreadable."""
    if type(raw) is datetime:
        moment = raw.replace(second=0, microsecond=0, tzinfo=None)
    else:
        match = _DATETIME.fullmatch(raw) if isinstance(raw, str) and len(raw) == 16 else None
        if match is None:
            raise Unreadable("invalid_datetime", value=shown(raw))
        try:
            moment = datetime(*(int(part) for part in match.groups()))
        except ValueError:
            raise Unreadable("invalid_datetime", value=shown(raw)) from None
    if not FIRST_DATE <= moment.date() <= LAST_DATE:
        raise Unreadable("date_out_of_range", value=moment.date(), first=FIRST_DATE.year, last=LAST_DATE.year)
    return moment


class _Shown(reprlib.Repr):
    """Short reprs that never convert a huge int to text (Python refuses over 4,300 digits)."""

    def __init__(self) -> None:
        super().__init__()
        self.maxlevel, self.maxlist, self.maxtuple, self.maxdict = 3, 6, 6, 6
        self.maxstring = self.maxother = self.maxlong = _SHOWN_LENGTH

    def repr_int(self, x: int, level: int) -> str:
        return str(x) if abs(x) < 10**30 else f"{Decimal(x):.6E}"

    def repr_Decimal(self, x: Decimal, level: int) -> str:  # noqa: N802 - reprlib's naming
        return _cut(str(x))

    def repr_str(self, x: str, level: int) -> str:
        return repr(_cut(x))


_SHOWN = _Shown()


def shown(raw: Any) -> Any:
    """A raw value as a message may quote it: short and printable (a hostile value stays small)."""
    if raw is None or isinstance(raw, (bool, float)):
        return raw
    if isinstance(raw, int):
        return raw if abs(raw) < 10**30 else _SHOWN.repr_int(raw, 0)
    if isinstance(raw, str):
        return _cut(raw)
    if isinstance(raw, Decimal):
        return _cut(str(raw))
    return _SHOWN.repr(raw)


def _cut(text: str) -> str:
    text = text[: _SHOWN_LENGTH + 1]
    text = "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in text)
    return text if len(text) <= _SHOWN_LENGTH else text[:_SHOWN_LENGTH] + "…"
