from decimal import Decimal as D

import pytest

from trialdesk.domain.errors import DomainError
from trialdesk.domain.scores.das28 import das28_crp, das28_esr


@pytest.mark.parametrize(
    ("tjc", "sjc", "esr", "gh", "expected"),
    [
        (4, 5, 44, 12, "4.56"),  # RheumaComposites.jl reference, 4s-dawn.com calculator
        (4, 5, 7, 50, "3.81"),  # R package test file
        (5, 6, 8, 51, "4.11"),
    ],
)
def test_das28_esr_published_values(tjc, sjc, esr, gh, expected):
    assert round(das28_esr(tjc, sjc, D(esr), D(gh)), 2) == float(expected)


@pytest.mark.parametrize(
    ("tjc", "sjc", "crp", "gh", "expected"),
    [(4, 5, 44, 12, "4.24"), (4, 5, 7, 50, "4.15"), (5, 6, 8, 51, "4.40")],
)
def test_das28_crp_published_values(tjc, sjc, crp, gh, expected):
    assert round(das28_crp(tjc, sjc, D(crp), D(gh)), 2) == float(expected)


def test_das28_crp_floor_is_0_96():
    assert das28_crp(0, 0, D(0), D(0)) == pytest.approx(0.96, abs=1e-12)


def test_das28_esr_computed_boundary_values():
    # REFERENCE §3.1 rows 4 and 5: either side of 3.2 unrounded
    assert das28_esr(1, 1, D(16), D(30)) == pytest.approx(3.2008, abs=5e-5)
    assert das28_esr(1, 1, D(15), D(33)) == pytest.approx(3.1976, abs=5e-5)


@pytest.mark.parametrize(
    ("args", "code"),
    [
        ((29, 0, D(10), D(10)), "out_of_range"),
        ((-1, 0, D(10), D(10)), "out_of_range"),
        ((3.5, 0, D(10), D(10)), "not_whole"),
        ((0, 0, D(0), D(10)), "out_of_range"),  # ESR must be >= 1: it is under a logarithm
        ((0, 0, D(-5), D(10)), "out_of_range"),
        ((0, 0, D(10), D(101)), "out_of_range"),  # GH on a 0-100 mm scale
        ((0, 0, D(10), D(-1)), "out_of_range"),
    ],
)
def test_das28_esr_refuses_inputs_outside_its_domain(args, code):
    with pytest.raises(DomainError) as raised:
        das28_esr(*args)
    assert raised.value.problem.code == code


def test_das28_crp_refuses_negative_crp():
    with pytest.raises(DomainError):
        das28_crp(1, 1, D(-1), D(10))
