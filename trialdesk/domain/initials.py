"""A subject's initials in the four boxes of Chinese GCP practice, from the pinyin of the name.

The rule, as sites' case report forms state it (e.g. the filling instructions of a hospital's CRF,
"病例报告表填写说明", https://wddqw.com/doc/7062cf072c3f5727a5e9856a561252d380eb20f1.html, and the
bioequivalence CRF at https://www.jinchutou.com/shtml/56bc89e15fe3a39551e8206dad62cec7.html):
the four boxes are always filled;

- a two-character name: the first two letters of each syllable (张红 ZHANG HONG → ZHHO);
- a three-character name: the first letter of each syllable and the second letter of the last
  (张红旗 → ZHQI, 李淑明 → LSMI);
- a four-character name: the first letter of each syllable (欧阳红旗 → OYHQ);
- a box left over because a syllable has one letter only is filled with a hyphen
  (王娥 WANG E → WAE-, 王大娥 → WDE-).

Names of more than four characters are not covered by those instructions; the first letters of the
first four syllables are given, as for a four-character name. Pinyin's ü is written V, as input
methods and pypinyin write it (吕 LV). Characters to syllables: `trialdesk.desk.initials`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

PAD = "-"
#: four boxes, two pairs: two letters, or a one-letter syllable (a, o, e) and the pad
FOUR_BOX = re.compile(r"(?:[A-Z]{2}|[AEO]-){2}")
_SYLLABLE = re.compile(r"[a-z]{1,6}")


class NotPinyin(ValueError):
    """Syllables the rule cannot take: fewer than two, or one that is not plain pinyin letters."""


def four_box(syllables: Sequence[str]) -> str:
    """The four-box initials of a name given as its pinyin syllables in order, surname first
    (plain letters, no tones: "zhang", "san", "feng" → "ZSFE")."""
    if len(syllables) < 2:
        raise NotPinyin("a name is a surname and a given name: two syllables at least")
    read = [s.lower() for s in syllables]
    for syllable in read:
        if not _SYLLABLE.fullmatch(syllable):
            raise NotPinyin(f"not a pinyin syllable: {syllable!r}")
    if len(read) == 2:
        boxes = _two(read[0]) + _two(read[1])
    elif len(read) == 3:
        boxes = read[0][0] + read[1][0] + _two(read[2])
    else:
        boxes = "".join(s[0] for s in read[:4])
    return boxes.upper()


def _two(syllable: str) -> str:
    return (syllable + PAD)[:2]


def is_four_box(initials: str) -> bool:
    """Whether initials as typed are in the four-box form: four capital letters A–Z, where the second
    or fourth may be the hyphen after a one-letter syllable A, O or E ("ZHSA", "WAE-", "E-HO")."""
    return FOUR_BOX.fullmatch(initials) is not None
