"""Four-box initials: the rule from pinyin syllables, the form typed initials must have, and the
suggestion from a Chinese name with its surname read as a surname."""

from __future__ import annotations

import pytest

from trialdesk.desk.initials import MAX_NAME, NameTooLong, suggest_initials
from trialdesk.domain.initials import NotPinyin, four_box, is_four_box


@pytest.mark.parametrize(("syllables", "boxes"), [
    (("zhang", "san"), "ZHSA"),  # two characters: two letters of each
    (("zhang", "hong"), "ZHHO"),
    (("zhang", "san", "feng"), "ZSFE"),  # three: a letter of each, the last's second letter too
    (("li", "shu", "ming"), "LSMI"),
    (("ou", "yang", "xiao", "ming"), "OYXM"),  # four: the first letter of each
    (("wang", "e"), "WAE-"),  # a one-letter syllable: the box left over takes the hyphen
    (("wang", "da", "e"), "WDE-"),
    (("e", "hong"), "E-HO"),
    (("ai", "xin", "jue", "luo", "qi"), "AXJL"),  # beyond four: the first four syllables' first letters
])
def test_the_four_box_rule(syllables, boxes):
    assert four_box(syllables) == boxes
    assert is_four_box(boxes)


@pytest.mark.parametrize("syllables", [(), ("zhang",), ("zhang", "sān"), ("zhang", "")])
def test_what_is_not_a_name_in_pinyin_is_refused(syllables):
    with pytest.raises(NotPinyin):
        four_box(syllables)


@pytest.mark.parametrize(("typed", "ok"), [
    ("ZHSA", True), ("WAE-", True), ("E-HO", True), ("zhsa", False), ("ZSF", False), ("ZHSAN", False),
    ("Z-S-", False), ("E-E-", True), ("-HSA", False), ("ZH SA", False), ("张三丰", False), ("ZHSÄ", False), ("ZH-A", False),
])
def test_typed_initials_in_the_four_box_form(typed, ok):
    assert is_four_box(typed) is ok


@pytest.mark.parametrize(("name", "boxes"), [
    ("张三", "ZHSA"), ("张三丰", "ZSFE"), ("欧阳小明", "OYXM"), ("李淑明", "LSMI"), ("王娥", "WAE-"),
    ("吕布", "LVBU"),  # ü written V
    # surnames pypinyin reads by the character's commonest reading
    ("曾国藩", "ZGFA"),  # zēng, not céng
    ("单田芳", "STFA"),  # shàn, not dān
    ("解缙", "XIJI"),  # xiè, not jiě
    ("仇英", "QIYI"), ("区永", "OUYO"), ("朴树", "PISH"), ("查良镛", "ZLYO"), ("覃静", "QIJI"),
    ("缪一", "MIYI"), ("翟志刚", "ZZGA"),
    ("尉迟恭", "YCGO"),  # a compound surname read as one
    ("万俟卨", "MQXI"),
])
def test_the_suggestion_reads_the_surname_as_a_surname(name, boxes):
    assert suggest_initials(name) == boxes


def test_the_surname_reading_leaves_the_given_name_alone():
    assert suggest_initials("张曾") == "ZHCE"  # 曾 in the given name keeps pypinyin's reading
    assert suggest_initials("  张三丰 ") == "ZSFE"  # spaces around the name are not part of it


@pytest.mark.parametrize("name", ["", "张", "Zhang San", "张三1", "张 三", "张·三", "𠀀𠀁"])
def test_no_suggestion_for_what_is_not_a_chinese_name(name):
    assert suggest_initials(name) is None


def test_a_name_longer_than_any_is_refused_unread():
    assert suggest_initials("张" * MAX_NAME) is not None
    with pytest.raises(NameTooLong):
        suggest_initials("张" * (MAX_NAME + 1))
