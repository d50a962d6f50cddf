from decimal import Decimal as D

import pytest

from trialdesk.domain.medications import EQUIVALENCE_TABLES
from trialdesk.domain.units import QUANTITIES

HB = QUANTITIES["haemoglobin"]
TABLE = EQUIVALENCE_TABLES["meikle_tyler_1977"]


def test_haemoglobin_units():
    assert HB.to_canonical(D("9.0"), "g/dL") == 90
    assert HB.to_canonical(D("8.9"), "g/dL") == D("89")
    # 5.5 mmol/L / 0.6206 = 8.862 g/dL = 88.62 g/L (REFERENCE §3.8)
    assert HB.to_canonical(D("5.5"), "mmol/L").quantize(D("0.01")) == D("88.62")


def test_crp_units():
    assert QUANTITIES["crp"].convert(D(12), "mg/L", "mg/dL") == D("1.2")
    assert QUANTITIES["vas"].convert(D(45), "mm", "cm") == D("4.5")


@pytest.mark.parametrize(
    ("drug", "dose", "expected"),
    [
        ("methylprednisolone", "8", "10"),
        ("methylprednisolone", "10", "12.5"),
        ("dexamethasone", "1.5", "10"),
        ("hydrocortisone", "30", "7.5"),
        ("betamethasone", "1.2", "8"),
        ("deflazacort", "12", "10"),
        ("prednisolone", "10", "10"),
        ("cortisone", "25", "5"),
        ("triamcinolone", "4", "5"),
    ],
)
def test_prednisone_equivalents_reference_table(drug, dose, expected):
    assert TABLE.prednisone_equivalent(drug, D(dose)) == D(expected)
