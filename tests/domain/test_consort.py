"""CONSORT counts folded from grouped rows: each subject in one box, by the module's rules."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from trialdesk.domain.consort import (
    OTHER_REASONS,
    REASONS,
    STATUSES,
    OutcomeGroup,
    PrescreenGroup,
    consort_counts,
)

ORDER = ("I1", "I2", "I5", "E2", "E15")


def group(status: str, failed: tuple[str, ...] = (), enrolment: str | None = None, reason: str | None = None,
          subjects: int = 1, attempts: int | None = None) -> OutcomeGroup:
    return OutcomeGroup(status, failed, enrolment, reason, subjects, subjects if attempts is None else attempts)


def counts(*groups: OutcomeGroup, prescreens=()):
    return consort_counts(groups, prescreens, criteria_order=ORDER)


def test_each_kind_of_ending_has_its_box() -> None:
    c = counts(
        group("in_progress", subjects=2),
        group("eligible", subjects=3),
        group("signed", subjects=4),  # signed eligible, nothing recorded
        group("signed", enrolment="enrolled", subjects=5),
        group("ineligible", ("I5",), subjects=6),
        group("screen_failure", ("I5", "E2"), subjects=7, attempts=9),
        group("signed", ("E15",), subjects=1),
        group("signed", enrolment="not_enrolled", reason="declined", subjects=8),
        group("in_progress", enrolment="not_enrolled", reason="withdrew_consent", subjects=2),
        group("eligible", enrolment="not_enrolled", reason="lost", subjects=1),
    )
    assert c.assessed == 39
    assert (c.in_progress, c.eligible_not_signed, c.awaiting_decision, c.still_screening) == (2, 3, 4, 9)
    assert c.enrolled == 5 and c.enrolled_failing_criteria == 0
    assert c.not_meeting_criteria == 14
    assert dict(c.by_criterion) == {"I1": 0, "I2": 0, "I5": 13, "E2": 7, "E15": 1}
    assert c.declined == 8
    assert dict(c.other_reasons) == {"not_approached": 0, "withdrew_consent": 2, "lost": 1, "other": 0}
    assert c.excluded == 14 + 8 + 3
    assert c.assessed == c.excluded + c.still_screening + c.enrolled
    assert (c.rescreened_subjects, c.attempts) == (7, 41)


def test_a_subject_failing_several_criteria_is_counted_under_each_but_once_in_all() -> None:
    c = counts(group("ineligible", ("I1", "E2", "E2")))
    assert c.not_meeting_criteria == 1
    assert dict(c.by_criterion) == {"I1": 1, "I2": 0, "I5": 0, "E2": 1, "E15": 0}
    assert c.failures == (("I1", 1), ("E2", 1))


def test_the_chart_keeps_protocol_order_and_puts_unknown_criteria_after() -> None:
    c = counts(group("ineligible", ("E15", "X9", "I2", "A0")))
    assert [criterion for criterion, _ in c.by_criterion] == [*ORDER, "A0", "X9"]
    assert [criterion for criterion, _ in c.failures] == ["I2", "E15", "A0", "X9"]


def test_a_not_enrolled_reason_wins_over_an_open_screening_but_not_over_failed_criteria() -> None:
    c = counts(group("in_progress", enrolment="not_enrolled", reason="withdrew_consent"),
               group("ineligible", ("I2",), enrolment="not_enrolled", reason="declined"))
    assert c.still_screening == 0
    assert dict(c.other_reasons)["withdrew_consent"] == 1
    assert c.declined == 0 and c.not_meeting_criteria == 1


def test_enrolled_needs_nothing_else_and_a_failing_enrolment_is_shown() -> None:
    c = counts(group("in_progress", enrolment="enrolled"), group("signed", ("E2",), enrolment="enrolled", subjects=2))
    assert c.enrolled == 3 and c.enrolled_failing_criteria == 2
    assert c.not_meeting_criteria == 0 and dict(c.by_criterion)["E2"] == 0


def test_an_in_progress_screening_with_a_failed_criterion_is_still_being_screened() -> None:
    c = counts(group("in_progress", ("I1",)), group("eligible"))
    assert c.still_screening == 2 and c.not_meeting_criteria == 0


def test_prescreened_candidates_each_in_one_box() -> None:
    c = counts(prescreens=[
        PrescreenGroup("could_be_eligible", "screened", 10), PrescreenGroup("not_eligible", "screened", 1),
        PrescreenGroup("not_eligible", None, 20), PrescreenGroup("not_eligible", "declined", 2),
        PrescreenGroup("could_be_eligible", "declined", 3), PrescreenGroup("could_be_eligible", "not_approached", 4),
        PrescreenGroup("could_be_eligible", "other", 5), PrescreenGroup("could_be_eligible", None, 6)])
    p = c.prescreen
    assert (p.candidates, p.screened, p.not_eligible, p.declined, p.not_approached, p.other, p.awaiting) == \
        (51, 11, 22, 3, 4, 5, 6)
    assert p.not_screened == 40


def test_nothing_counted_is_all_zero() -> None:
    c = counts()
    assert (c.assessed, c.excluded, c.still_screening, c.enrolled, c.prescreen.candidates, c.failures) == (0, 0, 0, 0, 0, ())


@pytest.mark.parametrize("bad", [
    group("superseded"), group("signed", enrolment="maybe"), group("signed", enrolment="not_enrolled"),
    group("signed", enrolment="not_enrolled", reason="moved"), group("signed", enrolment="enrolled", reason="declined"),
    OutcomeGroup("signed", (), None, None, 3, 2),
])
def test_an_unknown_value_is_refused_not_counted(bad: OutcomeGroup) -> None:
    with pytest.raises(ValueError):
        counts(bad)


def test_an_unknown_prescreen_outcome_is_refused() -> None:
    with pytest.raises(ValueError, match="pre-screening"):
        counts(prescreens=[PrescreenGroup("could_be_eligible", "enrolled", 1)])


def test_as_dict_is_json_with_its_documented_keys() -> None:
    c = counts(group("ineligible", ("I5",), subjects=2, attempts=3), group("signed", enrolment="enrolled"),
               group("eligible", enrolment="not_enrolled", reason="not_approached"),
               prescreens=[PrescreenGroup("could_be_eligible", "screened", 3)])
    data = json.loads(json.dumps(c.as_dict()))
    assert data["schema"] == "trialdesk.consort/1"
    assert data["assessed_for_eligibility"] == 4
    assert data["excluded"]["total"] == 3
    assert data["excluded"]["not_meeting_criteria"]["by_criterion"][2] == {"criterion": "I5", "subjects": 2}
    assert data["excluded"]["other_reasons"] == {"total": 1, "not_approached": 1, "withdrew_consent": 0, "lost": 0,
                                                 "other": 0}
    assert data["still_screening"]["total"] == 0
    assert data["enrolled"] == {"total": 1, "failing_criteria": 0}
    assert data["rescreening"] == {"rescreened_subjects": 2, "attempts": 5}
    assert data["prescreened"]["screened"] == 3 and data["prescreened"]["not_screened"] == 0


_groups = st.builds(
    lambda status, failed, ending, subjects, extra: OutcomeGroup(
        status, tuple(failed), ending[0], ending[1], subjects, subjects + extra),
    st.sampled_from(STATUSES), st.lists(st.sampled_from(ORDER), max_size=3),
    st.sampled_from([(None, None), ("enrolled", None), *(("not_enrolled", r) for r in REASONS)]),
    st.integers(0, 50), st.integers(0, 5))


@given(st.lists(_groups, max_size=12))
def test_every_subject_assessed_is_in_exactly_one_box(groups: list[OutcomeGroup]) -> None:
    c = counts(*groups)
    assert c.assessed == sum(g.subjects for g in groups)
    assert c.assessed == c.excluded + c.still_screening + c.enrolled
    assert all(count <= c.not_meeting_criteria for _, count in c.by_criterion)
    assert c.attempts >= c.assessed and len(c.other_reasons) == len(OTHER_REASONS)
