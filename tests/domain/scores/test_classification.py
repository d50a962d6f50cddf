import pytest

from trialdesk.domain.errors import DomainError
from trialdesk.domain.scores import acr_1987, acr_eular_2010
from trialdesk.domain.scores.acr_eular_2010 import joint_points


def test_2010_worked_example_from_acreular_test_1():
    # 3 large + 4 small; RF 21 / ULN 20 low positive; CRP and ESR normal; 60 days
    score = acr_eular_2010.acr_eular_2010(3, 4, "low_positive", False, True)
    assert (score.joints, score.serology, score.acute_phase, score.duration, score.total) == (3, 2, 0, 1, 6)


def test_2010_worked_example_from_acreular_test_2():
    # 1 large + 1 small; RF 20 / ULN 20 is not above ULN; CRP 11 / ULN 10 abnormal; 62 days
    assert acr_eular_2010.acr_eular_2010(1, 1, "negative", True, True).total == 4


def test_2010_maximum():
    assert acr_eular_2010.acr_eular_2010(4, 8, "high_positive", True, True).total == 10


def test_2010_duration_of_exactly_six_weeks_scores_a_point():
    # The published criterion is ">= 6 weeks"; acreular's "> 42 days" is a boundary error.
    assert acr_eular_2010.acr_eular_2010(0, 0, "negative", False, True).duration == 1


@pytest.mark.parametrize(
    ("large", "small", "points"),
    [(0, 0, 0), (1, 0, 0), (2, 0, 1), (10, 0, 1), (11, 0, 1), (0, 1, 2), (5, 3, 2), (0, 4, 3), (0, 10, 3), (1, 10, 5), (10, 1, 5), (0, 11, 5)],
)
def test_2010_joint_domain(large, small, points):
    assert joint_points(large, small) == points


def test_2010_refuses_unknown_serology():
    with pytest.raises(DomainError):
        acr_eular_2010.acr_eular_2010(1, 1, "positive", False, False)


def test_2010_bounds_decide_early():
    assert acr_eular_2010.bounds(None, None, "high_positive", True, True) == (5, 10)
    assert acr_eular_2010.bounds(0, 0, "negative", None, None) == (0, 2)
    assert acr_eular_2010.bounds(3, 4, "low_positive", False, True) == (6, 6)


def _criteria(*met):
    names = acr_1987.TIMED + acr_1987.UNTIMED
    return {name: i + 1 in met for i, name in enumerate(names)}


def test_1987_worked_examples():
    assert acr_1987.acr_1987(_criteria(1, 2, 3, 4, 6), True) == 5
    assert acr_1987.acr_1987(_criteria(3, 4, 6), True) == 3
    # criteria 1-4 present only 4 weeks do not count
    assert acr_1987.acr_1987(_criteria(1, 2, 3, 4), False) == 0


def test_1987_bounds_with_unknown_answers():
    criteria = {**_criteria(5, 6), "morning_stiffness": None}
    assert acr_1987.bounds(criteria, None) == (2, 3)
    assert acr_1987.bounds(criteria, True) == (2, 3)
    assert acr_1987.bounds(criteria, False) == (2, 2)
