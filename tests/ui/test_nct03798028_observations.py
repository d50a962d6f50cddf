"""NCT03798028 rule file 2.0 through the window's editors: the boundaries of the derivations as a
coordinator reaches them, typing the observations of the source documents into the criterion pages."""

from __future__ import annotations

import copy

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import editor_on, example, open_new
from trialdesk.ui.medication_editor import MedicationEditor

ELIGIBLE = example("eligible")
#: the 1987 criteria all absent, and no documented earlier classification: the 2010 score alone decides I1
ONLY_2010 = {"acr1987_morning_stiffness": {"value": 0, "unit": "min"}, "acr1987_arthritis_areas": 0,
             "acr1987_hand_arthritis": "no", "acr1987_symmetric_arthritis": "no", "acr1987_duration": {"value": 0, "unit": "weeks"},
             "ra_classification_documented": "no", "classification_joints": {"date": "2024-05-10", "joints": ["wrist_r"]},
             "acpa": {"value": 10, "unit": "U/mL", "uln": 17}, "classification_crp": {"value": 3, "unit": "mg/L", "uln": 5},
             "classification_esr": {"value": 10, "unit": "mm/h", "uln": 20}}
#: the 2010 score 4 whatever (1 large joint, high RF, normal acute phase, 30 weeks): the 1987 criteria decide I1
ONLY_1987 = {"classification_joints": {"date": "2024-05-10", "joints": ["knee_r"]}, "acpa": {"value": 5, "unit": "U/mL", "uln": 17},
             "classification_crp": {"value": 3, "unit": "mg/L", "uln": 5},
             "classification_esr": {"value": 10, "unit": "mm/h", "uln": 20}, "ra_classification_documented": "no",
             "acr1987_symmetric_arthritis": "no"}


def open_with(qtbot, window, changes: dict, leave_out: tuple[str, ...]):
    """A screening made from the eligible example with `changes`, the facts under test left for the window."""
    facts = {**copy.deepcopy(ELIGIBLE["facts"]), **copy.deepcopy(changes)}
    for fact_id in leave_out:
        facts.pop(fact_id, None)
    subject = {**ELIGIBLE["subject"], "screening_date": ELIGIBLE["screening_date"]}
    return open_new(qtbot, window, window.protocol("NCT03798028"), subject, facts)



def shown(view, criterion_id: str) -> str:
    """The criterion's line in the side list, as the coordinator reads it ("I1 met", "E2 does not apply")."""
    index = [p.criterion.id for p in view.pages].index(criterion_id)
    return view.side.item(index).text()


def enter(qtbot, coordinator, view, criterion_id: str, fact_id: str, raw) -> None:
    editor = editor_on(view, criterion_id, fact_id)
    coordinator.enter(editor, raw)
    if isinstance(editor, MedicationEditor):  # Enter ends the line being typed, as the keyboard leaving it would
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.session.screening.answers.get(fact_id) is not None)


@pytest.mark.parametrize(("rf", "verdict", "category"), [
    ({"value": "60", "uln": "20"}, "not met: excluded", "low positive"),  # exactly 3 x ULN: 2 + 2 + 0 + 1 = 5
    ({"value": "60.01", "uln": "20"}, "met", "high positive"),  # above 3 x ULN: 2 + 3 + 0 + 1 = 6
])
def test_rf_at_three_times_its_uln_typed_with_the_uln(qtbot, window, coordinator, rf, verdict, category):
    view = open_with(qtbot, window, ONLY_2010, leave_out=("rf",))
    assert shown(view, "I1") == "I1 not decided yet"
    enter(qtbot, coordinator, view, "I1", "rf", {**rf, "unit": "IU/mL"})
    assert shown(view, "I1") == f"I1 {verdict}"
    assert f"3 × ULN 20 IU/mL = 60 IU/mL: {category}" in view.current_page().scores.text()


@pytest.mark.parametrize(("minutes", "verdict"), [("59", "not met: excluded"), ("60", "met")])
def test_morning_stiffness_in_minutes(qtbot, window, coordinator, minutes, verdict):
    view = open_with(qtbot, window, ONLY_1987, leave_out=("acr1987_morning_stiffness",))
    enter(qtbot, coordinator, view, "I1", "acr1987_morning_stiffness", {"value": minutes, "unit": "min"})
    assert shown(view, "I1") == f"I1 {verdict}"  # criteria 2, 3 and RF, with 1 at 60 minutes: 4 of 7


@pytest.mark.parametrize(("days", "verdict"), [("41", "not met: excluded"), ("42", "met")])
def test_symptoms_of_six_weeks_in_days(qtbot, window, coordinator, days, verdict):
    changes = {**ONLY_2010, "rf": {"value": 40, "unit": "IU/mL", "uln": 20},
               "classification_crp": {"value": 6, "unit": "mg/L", "uln": 5}}
    view = open_with(qtbot, window, changes, leave_out=("symptom_duration",))
    enter(qtbot, coordinator, view, "I1", "symptom_duration", {"value": days, "unit": "days"})
    assert shown(view, "I1") == f"I1 {verdict}"  # 2 + 2 + 1 + (0 or 1)


@pytest.mark.parametrize(("large", "verdict"), [(0, "not met: excluded"), (1, "met")])
def test_ten_or_eleven_classification_joints_as_counts(qtbot, window, coordinator, large, verdict):
    changes = {**ONLY_2010, "rf": {"value": 10, "unit": "IU/mL", "uln": 20}}
    view = open_with(qtbot, window, changes, leave_out=("classification_joints",))
    enter(qtbot, coordinator, view, "I1", "classification_joints", {"date": "2023-09-01", "large": large, "small": 10})
    assert shown(view, "I1") == f"I1 {verdict}"  # 10 small joints 3 points; 11 joints 5 points: + 1 (30 weeks)


def test_an_undocumented_joint_domain_leaves_i1_to_the_reachable_range(qtbot, window, coordinator):
    changes = {**ONLY_2010, "rf": {"value": 160, "unit": "IU/mL", "uln": 20},
               "classification_crp": {"value": 12, "unit": "mg/L", "uln": 5}}
    view = open_with(qtbot, window, changes, leave_out=("classification_joints",))
    enter(qtbot, coordinator, view, "I1", "classification_joints", "not_documented")
    assert shown(view, "I1") == "I1 not decided yet"  # 3 + 1 + 1 known, the joints 0 to 5
    said = view.current_page().verdict.reason.text()
    assert "not documented" in said and "not decided" in said


def test_the_classification_assessment_copied_from_today_then_edited(qtbot, window, coordinator):
    view = open_with(qtbot, window, {**ONLY_2010, "rf": {"value": 60, "unit": "IU/mL", "uln": 20}},
                     leave_out=("classification_joints",))
    editor = editor_on(view, "I1", "classification_joints")
    coordinator.type_line(editor.field.line, "2024-05-10")
    coordinator.click(editor.copy)
    qtbot.waitUntil(lambda: view.session.screening.answers.get("classification_joints") is not None)
    copied = view.session.screening.answers["classification_joints"]
    assert copied["joints"] == ["wrist_r", "wrist_l", "mcp2_r", "mcp3_r", "pip2_l", "knee_r"]  # tender or swollen today
    assert shown(view, "I1") == "I1 met"  # 4-10 small joints 3 + low-positive RF 2 + 0 + 1 = 6
    assert view.session.screening.answers["joint_exam"] == ELIGIBLE["facts"]["joint_exam"]  # today's is unchanged


def test_a_switch_to_an_equivalent_dose_and_a_burst_typed_as_lines(qtbot, window, coordinator):
    view = open_with(qtbot, window, {}, leave_out=("glucocorticoid_history",))
    enter(qtbot, coordinator, view, "I7", "glucocorticoid_history", [
        {"drug": "prednisone", "dose": "10", "unit": "mg/day", "route": "oral", "start": "2025-11-01", "stop": "2026-11-05"},
        {"drug": "methylprednisolone", "dose": "8", "unit": "mg/day", "route": "oral", "start": "2026-11-06"}])
    qtbot.waitUntil(lambda: len(view.session.screening.answers["glucocorticoid_history"]) == 2)
    assert (shown(view, "I7"), shown(view, "E2")) == ("I7 met", "E2 does not apply")  # 10 mg/day on every day
    burst = {"drug": "prednisone", "dose": "20", "unit": "mg/day", "route": "oral", "start": "2026-11-10", "stop": "2026-11-12"}
    coordinator.enter(editor_on(view, "I7", "glucocorticoid_history"), [burst])
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(view.session.screening.answers["glucocorticoid_history"]) == 3)
    assert (shown(view, "I7"), shown(view, "E2")) == ("I7 not met: excluded", "E2 applies: excluded")  # 30 mg/day on 10-12 November
    view.go_to_criterion("I7")
    assert "changed on 2026-11-10 from 10 to 30" in view.current_page().verdict.reason.text()


def test_an_unlisted_csdmard_is_recorded_and_not_counted(qtbot, window, coordinator):
    view = open_with(qtbot, window, {}, leave_out=("csdmard_history",))
    enter(qtbot, coordinator, view, "I6", "csdmard_history",
          [{"other": "iguratimod", "dose": "25", "unit": "mg/day", "route": "oral", "start": "2025-01-01"}])
    assert shown(view, "I6") == "I6 not met: excluded"
    assert view.session.screening.answers["csdmard_history"][0]["other"] == "iguratimod"
    assert "not counted" in view.current_page().verdict.reason.text()


def test_pregnancy_is_not_asked_of_a_man(qtbot, window, coordinator):
    view = open_with(qtbot, window, {"sex": "male"}, leave_out=("pregnant", "breast_feeding"))
    pregnant = editor_on(view, "E13", "pregnant")
    note = view.current_page().asked_notes["pregnant"]
    assert not pregnant.buttons["yes"].isEnabled() and not note.isHidden()
    assert note.text() == "Asked only when Sex is Female"
    assert shown(view, "E13") == "E13 does not apply"  # asked of women only; no pregnancy plan


def test_choosing_another_form_keeps_the_stored_answer_until_the_new_one_is_filled(qtbot, window, coordinator):
    view = open_with(qtbot, window, {"classification_joints": "not_documented"}, leave_out=())
    editor = editor_on(view, "I1", "classification_joints")
    coordinator.click(editor.modes["counts"])
    qtbot.wait(50)
    assert view.session.screening.answers["classification_joints"] == "not_documented"  # nothing asked, nothing lost
    assert editor.counts.isVisibleTo(editor)
