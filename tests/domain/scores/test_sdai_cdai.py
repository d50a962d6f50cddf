from decimal import Decimal as D

import pytest

from trialdesk.domain.errors import DomainError
from trialdesk.domain.scores.cdai import cdai
from trialdesk.domain.scores.sdai import sdai


@pytest.mark.parametrize(
    ("tjc", "sjc", "ptga", "evga", "crp_mg_dl", "expected"),
    [
        (4, 3, "4.0", "3.0", "1.2", "15.2"),  # REFERENCE §3.3 A
        (2, 1, "3.0", "2.0", "1.2", "9.2"),  # B: 12 mg/L converted
        (2, 1, "3.0", "2.0", "12", "20.0"),  # B: the unit trap, unconverted
        (3, 3, "2.5", "2.5", "0", "11.0"),  # C
        (1, 0, "1", "0", "0.1", "2.1"),  # D: the standard definition
    ],
)
def test_sdai_worked_values_are_exact(tjc, sjc, ptga, evga, crp_mg_dl, expected):
    assert sdai(tjc, sjc, D(ptga), D(evga), D(crp_mg_dl)) == D(expected)


@pytest.mark.parametrize(
    ("tjc", "sjc", "ptga", "evga", "expected"),
    [(4, 3, "4.0", "3.0", "14.0"), (2, 1, "3.0", "2.0", "8.0"), (3, 3, "2.5", "2.5", "11.0"), (0, 0, "1.5", "1.0", "2.5")],
)
def test_cdai_worked_values(tjc, sjc, ptga, evga, expected):
    assert cdai(tjc, sjc, D(ptga), D(evga)) == D(expected)


def test_cdai_range_is_0_to_76():
    assert cdai(0, 0, D(0), D(0)) == 0
    assert cdai(28, 28, D(10), D(10)) == 76


@pytest.mark.parametrize(
    "args",
    [
        (29, 0, D(1), D(1), D(1)),
        (0, 0, D("10.1"), D(1), D(1)),  # a global in mm given as cm
        (0, 0, D(1), D(-0.1), D(1)),
        (0, 0, D(1), D(1), D(-1)),
    ],
)
def test_sdai_refuses_out_of_domain(args):
    with pytest.raises(DomainError):
        sdai(*args)
