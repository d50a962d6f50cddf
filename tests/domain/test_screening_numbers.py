"""The site's screening-number pattern: centre plus sequence."""

from __future__ import annotations

import pytest

from trialdesk.domain.screening_numbers import BadPattern, NumberPattern


def test_centre_plus_a_padded_sequence():
    pattern = NumberPattern.parse("{site}-{seq:03}")
    assert pattern.number("01", 1) == "01-001" and pattern.number("01", 1000) == "01-1000"
    assert pattern.next_number("01", []) == "01-001"
    assert pattern.next_number("01", ["01-001", "01-009", "02-050", "S-003", "01-0011"]) == "01-010"
    assert [pattern.sequence(n, "01") for n in ("01-007", "01-1000", "01-07", "01-000", "02-007")] == \
        [7, 1000, None, None, None]


def test_an_unpadded_sequence_and_no_site():
    pattern = NumberPattern.parse("S{seq}")
    assert pattern.next_number("", ["S1", "S12", "S012"]) == "S13"  # S012 is not how {seq} writes 12


@pytest.mark.parametrize(("text", "code"), [
    ("{site}-", "one_sequence"), ("{seq}-{seq}", "one_sequence"), ("A {seq}", "bad_character"),
    ("{seq:3}", "bad_character"), ("{name}-{seq}", "bad_character"), ("-{seq}", "bad_character"),
    ("X" * 30 + "{seq}", "too_long"),
])
def test_a_pattern_that_numbers_nothing_well_is_refused(text, code):
    with pytest.raises(BadPattern) as raised:
        NumberPattern.parse(text)
    assert raised.value.code == code
