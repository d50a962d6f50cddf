"""Four-box initials suggested from a subject's Chinese name, read with pypinyin.

The name is only read here, never kept: it is passed in, turned into syllables and dropped; nothing
of it reaches the database, the audit trail or the settings. The suggestion stays editable, since
no reading of a name is sure (a given name's heteronym, a surname read either way).

pypinyin reads a character as it is most often read, not as a surname (曾 céng, 单 dān, 解 jiě):
it has no surname mode (mozillazg/python-pinyin issues #120 and #297, open), so the surnames
read otherwise than their commonest reading are in `SURNAMES`, from the list in issue #297 (after
overtrue/pinyin's surname table), with the compound surnames whose reading differs too.
The rule itself: `trialdesk.domain.initials`.
"""

from __future__ import annotations

import re

from trialdesk.domain.initials import NotPinyin, four_box

MAX_NAME = 20
_HANZI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")

#: surname → its syllables as a surname, where pypinyin's first reading of the character differs
SURNAMES: dict[str, tuple[str, ...]] = {
    # compound surnames
    "万俟": ("mo", "qi"), "尉迟": ("yu", "chi"), "单于": ("chan", "yu"), "长孙": ("zhang", "sun"),
    "澹台": ("tan", "tai"), "令狐": ("ling", "hu"),
    # single-character surnames
    "曾": ("zeng",), "单": ("shan",), "解": ("xie",), "仇": ("qiu",), "区": ("ou",), "朴": ("piao",),
    "查": ("zha",), "覃": ("qin",), "缪": ("miao",), "翟": ("zhai",), "秘": ("bi",), "种": ("chong",),
    "重": ("chong",), "繁": ("po",), "折": ("she",), "佴": ("nai",), "粘": ("nian",), "藏": ("zang",),
    "都": ("du",), "六": ("lu",), "薄": ("bo",), "乜": ("nie",), "阚": ("kan",), "卜": ("bu",),
    "员": ("yun",), "贠": ("yun",), "召": ("shao",), "隗": ("wei",), "祭": ("zhai",), "长": ("chang",),
    "句": ("gou",), "能": ("nai",),
    # read both ways as surnames; the reading the list gives, which the person may change
    "盖": ("ge",), "乐": ("yue",),
}
_COMPOUND = tuple(s for s in SURNAMES if len(s) == 2)


class NameTooLong(ValueError):
    """A name longer than `MAX_NAME` characters: no name is, so it is refused unread."""


def suggest_initials(chinese_name: str) -> str | None:
    """The four-box initials of a Chinese name ("张三丰" → "ZSFE"), the surname read as a surname;
    None for a name that is not two or more Chinese characters (spaces around it aside).
    Raises NameTooLong beyond `MAX_NAME` characters."""
    if len(chinese_name) > MAX_NAME:
        raise NameTooLong(f"more than {MAX_NAME} characters")
    name = chinese_name.strip()
    if len(name) < 2 or not _HANZI.fullmatch(name):
        return None
    from pypinyin import Style, lazy_pinyin  # its dictionaries load in 0.1 s: not on the window's start-up path

    surname = next((s for s in _COMPOUND if name.startswith(s)), name[0])
    given = name[len(surname):]
    read = SURNAMES.get(surname) or tuple(lazy_pinyin(surname, style=Style.NORMAL))
    syllables = [*read, *lazy_pinyin(given, style=Style.NORMAL)] if given else list(read)
    try:
        return four_box(syllables)
    except NotPinyin:  # a character pypinyin cannot read (it hands it back as it is)
        return None
