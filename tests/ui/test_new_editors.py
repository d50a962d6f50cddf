"""The window's editors for the classification observations and the per-dose medication lines:
a result reported instead of a value, the joints of the classifying assessment (marked, counted,
or not documented, or copied from today's examination), and medication lines with optional dose.

Every entry is typed or clicked as a person does; each test asserts what the screen shows and the
raw answer the editor produces, and that the domain reads that answer.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.conftest import editor_on, open_new
from trialdesk.domain.evaluation import parse_facts
from trialdesk.domain.protocol import Protocol
from trialdesk.messages import Messages
from trialdesk.ui.editor_factory import make_editor
from trialdesk.ui.fact_editors import NumberEditor
from trialdesk.ui.involved_joints_editor import COUNTS, MARKED, InvolvedJointsEditor
from trialdesk.ui.medication_editor import MedicationEditor

ON = date(2026, 11, 20)
RESULTS = [{"id": "negative", "label": "Negative"}, {"id": "low_positive", "label": "Low positive"},
           {"id": "high_positive", "label": "High positive"}, {"id": "not_done", "label": "Not done", "unknown": True}]
FACTS = [
    {"id": "joint_exam", "type": "joints", "label": "Today's joint examination"},
    {"id": "classification_joints", "type": "involved_joints", "copy_from": "joint_exam",
     "label": "Joints involved at the classifying assessment"},
    {"id": "old_joints", "type": "involved_joints", "joint_set": "das28", "allow_not_documented": False,
     "label": "Joints at the first visit"},
    {"id": "rf", "type": "number", "label": "Rheumatoid factor", "quantity": "rheumatoid_factor", "units": ["IU/mL"],
     "uln": True, "plausible": {"min": 0, "max": 10000}, "results": RESULTS,
     "translations": {"zh_CN": {"label": "类风湿因子", "options": {"negative": "阴性", "not_done": "未检测"}}}},
    {"id": "esr", "type": "number", "label": "ESR", "quantity": "esr", "units": ["mm/h"], "plausible": {"min": 1, "max": 200},
     "results": [{"id": "normal", "label": "Normal"}, {"id": "abnormal", "label": "Abnormal"}]},
    {"id": "steroids", "type": "medications", "label": "Systemic glucocorticoids",
     "drugs": ["prednisone", "methylprednisolone"], "allow_other": True, "one_line_per_dose": True,
     "dose_required": False, "routes": ["intramuscular"], "dose_units": ["mg/day"]},
]
PROTOCOL = Protocol.model_validate({
    "id": "TEST-EDITORS", "registry": {"nct": "NCT00000015"}, "title": "t", "sponsor": "s", "version": "1",
    "version_date": "2026-01-01", "quantities": [{"id": "rheumatoid_factor", "unit": "IU/mL"}], "facts": FACTS,
    "criteria": [{"id": "I1", "kind": "inclusion", "text": "t",
                  "rule": {"kind": "threshold", "fact": "rf", "op": "<=", "times_uln": 3}}],
})


class Answers:
    """The window's answers as the session gives them to an editor."""

    def __init__(self, answers: dict[str, Any], on: date = ON) -> None:
        self.on, self._answers = on, answers

    def answer(self, fact_id: str) -> Any:
        return self._answers.get(fact_id)


@pytest.fixture
def editor(qtbot):
    """`editor(fact_id, lang="en")`: the window's editor of that fact, shown in an active window, with the
    answers it commits in `commits` (unless `record=False`: a soak counts references, and a list keeps them)."""
    def make(fact_id: str, lang: str = "en", record: bool = True):
        widget = make_editor(PROTOCOL.fact[fact_id], Messages(PROTOCOL, lang))
        qtbot.addWidget(widget)
        widget.resize(1100, 700)
        widget.show()
        widget.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
        widget.commits = []
        if record:
            widget.committed.connect(lambda _, raw: widget.commits.append(raw))
        return widget

    return make


def read(fact_id: str, raw: Any) -> Any:
    """What the domain reads from a raw answer the editor produced (as typed in the window)."""
    return parse_facts(PROTOCOL, {fact_id: raw}, ON, typed=True)[fact_id]


def click(qtbot, button: QWidget) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(5, button.height() // 2))


def items(combo) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


# -- a result reported instead of a value -------------------------------------------------------

def test_a_result_is_chosen_instead_of_a_value_and_rests_the_value_fields(qtbot, editor):
    rf = editor("rf")
    assert isinstance(rf, NumberEditor)
    assert items(rf.result) == ["Value", "Negative", "Low positive", "High positive", "Not done"]
    assert rf.result.currentText() == "Value" and rf.line.isEnabled() and rf.uln_line.isEnabled()
    rf.result.setFocus()
    qtbot.keyClick(rf.result, Qt.Key.Key_Down)  # a closed list: the arrow keys choose
    assert rf.result.currentText() == "Negative"
    assert not rf.line.isEnabled() and not rf.uln_line.isEnabled()
    assert rf.commits == ["negative"] and rf.raw() == "negative"
    assert read("rf", rf.raw()) == "negative"
    qtbot.keyClick(rf.result, Qt.Key.Key_End)
    assert rf.result.currentText() == "Not done" and rf.commits[-1] == "not_done"


def test_back_to_a_value_the_value_and_its_uln_are_typed(qtbot, editor):
    rf = editor("rf")
    rf.result.setFocus()
    qtbot.keyClick(rf.result, Qt.Key.Key_Down)
    qtbot.keyClick(rf.result, Qt.Key.Key_Home)
    assert rf.result.currentText() == "Value" and rf.line.isEnabled() and rf.line.hasFocus()
    qtbot.keyClicks(rf.line, "61")
    qtbot.keyClick(rf.line, Qt.Key.Key_Tab)
    assert rf.uln_line.hasFocus()  # the only unit is shown, not chosen: Tab passes it
    qtbot.keyClicks(rf.uln_line, "20")
    qtbot.keyClick(rf.uln_line, Qt.Key.Key_Tab)
    assert rf.commits[-1] == {"value": "61", "unit": "IU/mL", "uln": "20"}
    measured = read("rf", rf.commits[-1])
    assert (measured.value, measured.uln) == (61, 20)


def test_the_result_comes_after_the_value_by_tab_and_takes_the_focus_while_chosen(qtbot, editor):
    rf = editor("rf")
    assert rf.result.geometry().left() > rf.uln_line.geometry().right()  # shown after the value, as Tab goes
    rf.setFocus()
    assert rf.line.hasFocus()  # a value is the usual answer: the editor's focus goes to it
    qtbot.keyClick(rf.line, Qt.Key.Key_Tab)
    assert rf.uln_line.hasFocus()
    qtbot.keyClick(rf.uln_line, Qt.Key.Key_Tab)
    assert rf.result.hasFocus()
    qtbot.keyClick(rf.result, Qt.Key.Key_Down)
    rf.line.setFocus()  # disabled: stays where it was
    rf.setFocus()
    assert rf.result.hasFocus() and rf.label.buddy() is rf.result


def test_a_stored_result_or_value_is_shown_back_without_an_edit(qtbot, editor):
    rf = editor("rf")
    rf.set_value("high_positive")
    assert rf.result.currentText() == "High positive" and rf.line.text() == "" and not rf.line.isEnabled()
    rf.set_value({"value": 35, "unit": "IU/mL", "uln": 20})
    assert rf.result.currentText() == "Value" and rf.line.text() == "35" and rf.uln_line.text() == "20"
    assert rf.line.isEnabled() and rf.uln_line.isEnabled()
    rf.set_value(None)
    assert rf.result.currentText() == "Value" and rf.line.text() == "" and rf.raw() is None
    assert rf.commits == []


def test_a_result_without_a_uln_and_the_words_of_the_readers_language(editor):
    esr = editor("esr")
    assert items(esr.result) == ["Value", "Normal", "Abnormal"] and esr.uln_line is None
    rf = editor("rf", "zh_CN")
    assert items(rf.result)[1:] == ["阴性", "Low positive", "High positive", "未检测"]  # the overlay names two


def test_every_part_of_a_result_editor_has_a_name(editor):
    rf = editor("rf")
    assert rf.result.accessibleName() == "Result of Rheumatoid factor"
    assert rf.line.accessibleName() == "Rheumatoid factor"
    assert rf.uln_line.accessibleName() == "Upper limit of normal of Rheumatoid factor"


def test_a_problem_marks_the_result_while_one_is_chosen(qtbot, editor):
    rf = editor("rf")
    rf.show_problem("refused", ((),))
    assert rf.line.property("invalid") is True and rf.result.property("invalid") is False
    rf.set_value("negative")
    rf.show_problem("refused", ((),))
    assert rf.result.property("invalid") is True and rf.line.property("invalid") is False


# -- the joints of the classifying assessment ---------------------------------------------------

def test_joints_are_marked_by_keyboard_after_the_date(qtbot, editor):
    joints = editor("classification_joints")
    assert isinstance(joints, InvolvedJointsEditor)
    assert joints.mode() is None and joints.marked.isVisible() and joints.counts.isHidden()  # the figure, at first
    joints.setFocus()
    assert joints.field.line.hasFocus()
    qtbot.keyClicks(joints.field.line, "2019-03-04")
    qtbot.keyClick(joints.field.line, Qt.Key.Key_Tab)
    assert joints.modes[MARKED].hasFocus()
    qtbot.keyClick(joints.modes[MARKED], Qt.Key.Key_Tab)  # the form of the figure needs no choosing
    picker = joints.picker
    assert picker.hasFocus() and joints.mode() is None and joints.commits[-1] == {"date": "2019-03-04"}
    qtbot.keyClick(picker, Qt.Key.Key_T)  # the right wrist, where the keyboard starts: a joint marked marks the form
    assert joints.mode() == MARKED and joints.commits[-1] == {"date": "2019-03-04", "joints": ["wrist_r"]}
    qtbot.keyClick(picker, Qt.Key.Key_Up)  # up the hand to the knuckles
    qtbot.keyClick(picker, Qt.Key.Key_S)  # one mark: S marks "involved" too
    assert picker.accessibleDescription() == "Right MCP 3: involved"
    for _ in range(4):
        qtbot.keyClick(picker, Qt.Key.Key_Up)  # up the arm to the shoulder
    qtbot.keyClick(picker, Qt.Key.Key_Space)
    assert joints.commits[-1] == {"date": "2019-03-04", "joints": ["shoulder_r", "wrist_r", "mcp3_r"]}  # the set's order
    assert joints.summary.text() == "Involved: 3 (large 1, small 2)"
    involvement = read("classification_joints", joints.commits[-1])
    assert (involvement.on, involvement.large_count, involvement.small_count) == (date(2019, 3, 4), 1, 2)


def test_a_mouse_click_marks_and_unmarks_a_joint(qtbot, editor):
    joints = editor("classification_joints")
    joints.set_value({"date": "2019-03-04", "joints": ["knee_l"]})
    picker = joints.picker
    assert joints.mode() == MARKED and picker.involved == {"knee_l"}
    qtbot.mouseClick(picker, Qt.MouseButton.RightButton, pos=picker._centre("ankle_l").toPoint())
    qtbot.mouseClick(picker, Qt.MouseButton.LeftButton, pos=picker._centre("knee_l").toPoint())
    assert joints.commits[-1] == {"date": "2019-03-04", "joints": ["ankle_l"]}
    assert picker.swollen == set()


def test_counts_of_large_and_small_joints_within_their_maxima(qtbot, editor):
    joints = editor("classification_joints")
    joints.field.line.setFocus()
    qtbot.keyClicks(joints.field.line, "2020-06-01")
    click(qtbot, joints.modes[COUNTS])
    large, small = joints.spins["large"], joints.spins["small"]
    assert joints.counts.isVisible() and joints.marked.isHidden()
    assert (large.maximum(), small.maximum()) == (10, 30)  # the extended set: 10 large, 30 small
    assert large.text() == small.text() == "—"  # not entered: 0 is an answer of its own
    assert joints.raw() == {"date": "2020-06-01"}  # nothing counted yet: the session says what is missing
    large.setFocus()
    large.selectAll()
    qtbot.keyClicks(large, "3")
    qtbot.keyClick(large, Qt.Key.Key_Tab)
    assert small.hasFocus()
    assert joints.commits[-1] == {"date": "2020-06-01", "large": 3}
    qtbot.keyClick(small, Qt.Key.Key_Up)
    qtbot.keyClick(small, Qt.Key.Key_Up)
    assert small.text() == "1"
    qtbot.keyClick(small, Qt.Key.Key_Return)
    assert joints.commits[-1] == {"date": "2020-06-01", "large": 3, "small": 1}
    involvement = read("classification_joints", joints.commits[-1])
    assert (involvement.joints, involvement.large_count, involvement.small_count) == (None, 3, 1)
    small.selectAll()
    qtbot.keyClicks(small, "31")  # more than the set holds: not typed
    assert small.value() <= 30


def test_not_documented_leaves_no_date_and_no_joints(qtbot, editor):
    joints = editor("classification_joints")
    joints.set_value({"date": "2019-03-04", "joints": ["knee_l"]})
    click(qtbot, joints.modes["not_documented"])
    assert joints.commits[-1] == "not_documented" and read("classification_joints", "not_documented") == "not_documented"
    assert not joints.field.isEnabled() and joints.marked.isHidden() and joints.counts.isHidden()
    joints.setFocus()
    assert joints.modes["not_documented"].hasFocus()  # the date is resting: the focus goes to the choice
    qtbot.keyClick(joints.modes["not_documented"], Qt.Key.Key_Left)  # the arrows move along the choices
    assert joints.mode() == COUNTS and joints.field.isEnabled()


def test_a_stored_assessment_is_shown_back_in_its_form(qtbot, editor):
    joints = editor("classification_joints")
    joints.set_value({"date": "2018-01-10", "large": 2, "small": 5})
    assert joints.mode() == COUNTS and joints.field.text() == "2018-01-10"
    assert (joints.spins["large"].text(), joints.spins["small"].text()) == ("2", "5")
    joints.set_value("not_documented")
    assert joints.mode() == "not_documented" and joints.field.text() == ""
    joints.set_value(None)
    assert joints.mode() is None and joints.raw() is None and joints.marked.isVisible() and joints.counts.isHidden()
    assert joints.commits == []


def test_today_s_examination_is_copied_then_edited(qtbot, editor):
    joints = editor("classification_joints")
    assert joints.copy.text() == "Copy today's examination"
    assert "Today's joint examination" in joints.copy.toolTip()
    exam = {"tender": ["wrist_r", "knee_l", "pip2_l"], "swollen": ["wrist_r", "mcp2_r"]}
    joints.answers = Answers({"joint_exam": exam})
    click(qtbot, joints.copy)
    assert joints.mode() == MARKED and joints.field.text() == "2026-11-20"  # the examination's day: the screening's
    assert joints.picker.involved == {"wrist_r", "knee_l", "pip2_l", "mcp2_r"}  # tender or swollen
    assert joints.commits[-1] == {"date": "2026-11-20", "joints": ["wrist_r", "mcp2_r", "pip2_l", "knee_l"]}
    assert joints.note.isVisible() and joints.note.text().startswith("Copied from “Today's joint examination”: 4 joints.")
    picker = joints.picker
    qtbot.mouseClick(picker, Qt.MouseButton.LeftButton, pos=picker._centre("pip2_l").toPoint())
    assert joints.commits[-1]["joints"] == ["wrist_r", "mcp2_r", "knee_l"]
    assert joints.summary.text() == "Involved: 3 (large 1, small 2)"


def test_a_copy_keeps_the_date_typed_and_says_when_there_is_nothing_to_copy(qtbot, editor):
    joints = editor("classification_joints")
    joints.answers = Answers({})
    click(qtbot, joints.copy)
    assert joints.note.text() == "“Today's joint examination” is not entered yet: there is nothing to copy."
    assert joints.commits == [] and joints.mode() is None
    joints.answers = Answers({"joint_exam": {"tender": ["hip_r"], "swollen": []}})
    joints.field.line.setFocus()
    qtbot.keyClicks(joints.field.line, "2021-05-06")
    click(qtbot, joints.copy)
    assert joints.commits[-1] == {"date": "2021-05-06", "joints": ["hip_r"]}


def test_what_a_fact_leaves_out_is_not_offered(editor):
    joints = editor("old_joints")
    assert joints.copy is None and set(joints.modes) == {MARKED, COUNTS}
    assert (joints.spins["large"].maximum(), joints.spins["small"].maximum()) == (6, 22)  # of the 28 joints
    assert len(joints.picker.joints) == 28


def test_every_control_of_the_assessment_has_a_name(editor):
    joints = editor("classification_joints")
    label = "Joints involved at the classifying assessment"
    assert joints.field.line.accessibleName() == f"Date of the assessment of {label}"
    assert joints.copy.accessibleName() == f"Copy today's examination into {label}"
    assert [b.accessibleName() for b in joints.modes.values()] == [
        f"{label}: Joints marked", f"{label}: Counts of large and small joints", f"{label}: Not documented"]
    assert joints.picker.accessibleName() == f"Joints involved in {label}"
    assert joints.spins["large"].accessibleName() == f"{label}: Large joints involved"
    assert joints.label.buddy() is joints.field.line


def test_a_problem_marks_the_part_it_is_in(editor):
    joints = editor("classification_joints")
    joints.set_value({"date": "2030-01-01", "large": 1, "small": 1})
    joints.show_problem("after the screening date", (("date",),))
    assert joints.field.line.property("invalid") is True and joints.spins["small"].property("invalid") is False
    joints.show_problem("outside 0–30", (("small",),))
    assert joints.spins["small"].property("invalid") is True and joints.field.line.property("invalid") is False
    joints.show_problem(None)
    assert not joints.problem.isVisible() and joints.spins["small"].property("invalid") is False


# -- medication lines, one per dose ---------------------------------------------------------------

def test_one_line_per_dose_has_no_last_change_and_an_optional_dose(qtbot, editor):
    history = editor("steroids")
    assert isinstance(history, MedicationEditor)
    assert history.COLUMNS == ("drug", "dose", "unit", "route", "start", "stop")
    assert "A dose change is a new line" in history.heading.text()
    assert "Dose, unit and route may be left empty" in history.heading.text()
    click(qtbot, history.add)
    row = history.rows[0]
    assert "last_change" not in row.dates and row.lines["dose"].placeholderText() == "optional"
    assert row.combos["unit"].currentData() is None and row.combos["route"].currentData() is None  # not assumed
    assert row.combos["route"].accessibleName() == "Route (optional), line 1"
    assert [row.combos["drug"].itemText(i) for i in range(row.combos["drug"].count())][-1] == "Other drug…"
    row.combos["drug"].setFocus()
    qtbot.keyClick(row.combos["drug"], Qt.Key.Key_Down)
    row.dates["start"].line.setFocus()
    qtbot.keyClicks(row.dates["start"].line, "2026-08-01")
    qtbot.keyClick(row.dates["start"].line, Qt.Key.Key_Tab)
    assert row.dates["stop"].line.hasFocus() and history.commits == []  # still in the line
    qtbot.keyClick(row.dates["stop"].line, Qt.Key.Key_Tab)
    (line,) = history.commits[-1]
    assert line == {"drug": "prednisone", "dose": None, "unit": None, "route": None, "start": "2026-08-01", "stop": None}
    (entry,) = read("steroids", history.commits[-1])
    assert (entry.drug, entry.dose, entry.start) == ("prednisone", None, date(2026, 8, 1))


def test_an_intramuscular_dose_and_another_drug_on_lines_of_their_own(qtbot, editor):
    history = editor("steroids")
    history.set_value([{"drug": "methylprednisolone", "dose": 80, "unit": "mg/day", "route": "intramuscular",
                        "start": "2026-10-01", "stop": "2026-10-01"}, {"other": "compound betamethasone", "start": "2026-09-01"}])
    first, second = history.rows
    assert (first.combos["route"].currentText(), first.lines["dose"].text()) == ("Intramuscular", "80")
    assert second.combos["drug"].currentText() == "Other drug…" and second.other.text() == "compound betamethasone"
    entries = read("steroids", history.raw())
    assert [e.route for e in entries] == ["intramuscular", None] and entries[1].other == "compound betamethasone"


# -- a day of entry -------------------------------------------------------------------------------

def test_the_new_editors_survive_a_soak(editor):
    from trialdesk.ui.soak import soak

    editors = [editor(fact_id, record=False) for fact_id in ("rf", "classification_joints", "steroids")]
    editors[1].answers = Answers({"joint_exam": {"tender": ["wrist_r"], "swollen": []}})
    result = soak(editors, 400)
    assert result.signals >= 200 and result.sound, result.describe()


# -- in the window: through the session, as stored ------------------------------------------------

PROTOCOL_FILE = Path(__file__).parents[1] / "data" / "new_editors.yaml"
SUBJECT = {"screening_number": "T-015", "initials": "CD", "date_of_birth": "1970-02-01", "sex": "female",
           "screening_date": "2026-11-20", "consent_date": "2026-11-20", "consent_version": "v1"}


@pytest.fixture
def view(qtbot, window):
    """A screening under the test protocol, open in the window, with nothing entered but the subject's details."""
    return open_new(qtbot, window, window.site.add_protocol_file(PROTOCOL_FILE), SUBJECT)



def stored(window) -> dict:
    return window.site.screening("T-015").answers


def test_the_classifying_assessment_starts_as_a_copy_of_today_s_examination(qtbot, window, view, coordinator):
    exam = editor_on(view, "I2", "joint_exam")
    coordinator.enter(exam, {"tender": ["wrist_r", "knee_l"], "swollen": ["mcp2_r", "wrist_r"]})
    assert stored(window)["joint_exam"] == {"tender": ["wrist_r", "knee_l"], "swollen": ["wrist_r", "mcp2_r"]}

    joints = editor_on(view, "I1", "classification_joints")
    click(qtbot, joints.copy)
    assert joints.field.text() == "2026-11-20" and joints.mode() == MARKED
    assert stored(window)["classification_joints"] == {"date": "2026-11-20", "joints": ["wrist_r", "mcp2_r", "knee_l"]}
    picker = joints.picker  # then edited to what the classifying visit found
    qtbot.mouseClick(picker, Qt.MouseButton.LeftButton, pos=picker._centre("knee_l").toPoint())
    qtbot.mouseClick(picker, Qt.MouseButton.LeftButton, pos=picker._centre("ankle_r").toPoint())
    assert stored(window)["classification_joints"]["joints"] == ["wrist_r", "mcp2_r", "ankle_r"]
    assert stored(window)["joint_exam"]["tender"] == ["wrist_r", "knee_l"]  # today's examination is left as it was
    coordinator.type_line(joints.field.line, "2019-03-04")
    assert stored(window)["classification_joints"] == {"date": "2019-03-04", "joints": ["wrist_r", "mcp2_r", "ankle_r"]}


def test_an_assessment_after_the_screening_is_refused_beside_its_date(qtbot, window, view, coordinator):
    joints = editor_on(view, "I1", "classification_joints")
    coordinator.enter(joints, {"date": "2026-12-01", "large": 2, "small": 3})
    assert joints.problem.isVisible() and joints.field.line.property("invalid") is True
    assert joints.spins["large"].property("invalid") is False
    assert "classification_joints" not in stored(window)
    assert joints.refused_text() == "on 2026-12-01, 2 large and 3 small joints involved (numbers from the notes)"
    coordinator.type_line(joints.field.line, "2026-01-15")
    assert not joints.problem.isVisible()
    assert stored(window)["classification_joints"] == {"date": "2026-01-15", "large": 2, "small": 3}


def test_counts_half_given_are_not_saved_and_the_missing_one_is_marked(qtbot, window, view, coordinator):
    joints = editor_on(view, "I1", "classification_joints")
    coordinator.type_line(joints.field.line, "2025-05-05")
    coordinator.click(joints.modes[COUNTS])
    coordinator.type_line(joints.spins["large"], "4")
    assert joints.problem.isVisible() and "classification_joints" not in stored(window)
    assert joints.spins["small"].property("invalid") is True
    assert joints.spins["large"].property("invalid") is False and joints.field.line.property("invalid") is False
    coordinator.type_line(joints.spins["small"], "0")  # none: an answer, not a blank
    assert not joints.problem.isVisible()
    assert stored(window)["classification_joints"] == {"date": "2025-05-05", "large": 4, "small": 0}


def test_results_and_values_are_stored_as_given_and_shown_back(qtbot, window, view, coordinator):
    rf = editor_on(view, "I1", "rf")
    coordinator.enter(rf, "high_positive")
    assert stored(window)["rf"] == "high_positive"
    acpa = editor_on(view, "I1", "acpa")
    coordinator.enter(acpa, {"value": "61", "unit": "U/mL", "uln": "20"})
    assert stored(window)["acpa"] == {"value": 61, "unit": "U/mL", "uln": 20}
    joints = editor_on(view, "I1", "classification_joints")
    coordinator.enter(joints, "not_documented")
    assert stored(window)["classification_joints"] == "not_documented"
    view.redraw()  # as the window shows a screening read again
    assert rf.result.currentText() == "High positive (report gives no value)" and not rf.line.isEnabled()
    assert (acpa.result.currentText(), acpa.line.text(), acpa.uln_line.text()) == ("Value", "61", "20")
    assert joints.mode() == "not_documented" and not joints.field.isEnabled()


def test_a_glucocorticoid_line_without_a_dose_and_an_intramuscular_one(qtbot, window, view, coordinator):
    history = editor_on(view, "E1", "glucocorticoids")
    coordinator.enter(history, [{"drug": "prednisone", "start": "2026-06-01"},
                                {"drug": "methylprednisolone", "dose": "80", "unit": "mg/day", "route": "intramuscular",
                                 "start": "2026-11-02", "stop": "2026-11-02"}])
    assert stored(window)["glucocorticoids"] == [
        {"drug": "prednisone", "dose": None, "unit": None, "route": None, "start": "2026-06-01", "stop": None},
        {"drug": "methylprednisolone", "dose": 80, "unit": "mg/day", "route": "intramuscular", "start": "2026-11-02",
         "stop": "2026-11-02"}]
    assert view.current_page().verdict.title.text() == "E1 applies: excluded"
