"""The joint figure for keyboard and screen-reader users: the arrows move on a grid one can predict
(along a row of the figure; up and down to the same column, and back), the joint the keyboard is on
is named under the figure, and each joint is an accessible item with its name and its marks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication

from tests.ui.test_entry_keyboard import PROTOCOL
from trialdesk.domain.joints import JOINT_GRID, JOINT_SETS
from trialdesk.messages import Messages
from trialdesk.ui.editor_factory import make_editor
from trialdesk.ui.involved_joints_editor import InvolvedJointPicker
from trialdesk.ui.joint_picker import JointPicker, JointsEditor

UP, DOWN, LEFT, RIGHT = Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right


@pytest.fixture
def picker(qtbot):
    """`picker(joint_set="das28", kind=JointPicker)`: a figure on its own, shown and focused."""
    def make(joint_set: str = "das28", kind: type = JointPicker) -> JointPicker:
        widget = kind(joint_set, Messages(PROTOCOL))
        qtbot.addWidget(widget)
        widget.resize(400, 400)
        widget.show()
        widget.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
        widget.setFocus()
        return widget
    return make


def walk(qtbot, picker: JointPicker, *keys: Qt.Key) -> list[str]:
    """The joints the keyboard is on after each key."""
    visited = []
    for k in keys:
        qtbot.keyClick(picker, k)
        visited.append(picker.current_joint)
    return visited


def accessible(widget):
    return QAccessible.queryAccessibleInterface(widget)


# -- the grid ---------------------------------------------------------------------------------------------

def test_up_the_arm_and_back_down_to_the_same_joint(qtbot, picker):
    figure = picker()
    assert figure.current_joint == "wrist_r"  # where the keyboard starts
    assert walk(qtbot, figure, UP, UP, UP, UP, UP) == ["mcp3_r", "pip3_r", "elbow_r", "shoulder_r", "shoulder_r"]
    assert walk(qtbot, figure, DOWN, DOWN, DOWN, DOWN) == ["elbow_r", "pip3_r", "mcp3_r", "wrist_r"]  # back down the same column


def test_left_and_right_go_along_a_row_of_the_figure_across_the_body(qtbot, picker):
    figure = picker()
    walk(qtbot, figure, UP)
    assert walk(qtbot, figure, LEFT, LEFT, LEFT, LEFT) == ["mcp2_r", "mcp1_r", "mcp1_r", "mcp1_r"]  # the thumb ends the row
    assert walk(qtbot, figure, *[RIGHT] * 5) == ["mcp2_r", "mcp3_r", "mcp4_r", "mcp5_r", "mcp5_l"]  # on to the left hand
    assert walk(qtbot, figure, *[RIGHT] * 4) == ["mcp4_l", "mcp3_l", "mcp2_l", "mcp1_l"]  # the viewer's left to right
    assert walk(qtbot, figure, DOWN, RIGHT, RIGHT) == ["wrist_l", "wrist_l", "wrist_l"]


def test_the_extended_set_goes_on_down_the_legs_to_the_toes(qtbot, picker):
    figure = picker("extended")
    figure.set_current("knee_r")
    assert walk(qtbot, figure, DOWN, DOWN, DOWN, LEFT, LEFT, LEFT, LEFT) == [
        "ankle_r", "mtp2_r", "mtp2_r", "mtp3_r", "mtp4_r", "mtp5_r", "mtp5_r"]
    assert walk(qtbot, figure, UP, UP, UP) == ["ankle_r", "knee_r", "hip_r"]  # up the leg
    assert walk(qtbot, figure, DOWN, DOWN, DOWN) == ["knee_r", "ankle_r", "mtp5_r"]  # back the way it came


def test_the_28_joint_figure_moves_only_among_its_joints(qtbot, picker):
    figure = picker("das28")
    figure.set_current("knee_l")
    assert walk(qtbot, figure, DOWN, UP, UP) == ["knee_l", "mcp5_l", "pip5_l"]  # no ankle, toes or hips in the 28
    seen = {figure.current_joint}
    for k in [LEFT] * 16 + [UP] * 6 + [RIGHT] * 16 + [DOWN] * 6:
        seen |= set(walk(qtbot, figure, k))
    assert seen <= set(JOINT_SETS["das28"])


@pytest.mark.parametrize("joint_set", ["das28", "extended"])
def test_every_step_is_undone_by_the_opposite_arrow(qtbot, picker, joint_set):
    figure = picker(joint_set)
    for joint in figure.joints:
        for there, back in ((UP, DOWN), (DOWN, UP), (LEFT, RIGHT), (RIGHT, LEFT)):
            figure.set_current(joint)
            moved, returned = walk(qtbot, figure, there, back)
            assert moved == joint or returned == joint, (joint, there, moved, returned)


def test_the_grid_holds_every_joint_once_row_by_row():
    cells = [joint for row in JOINT_GRID for _, joint in row]
    assert sorted(cells) == sorted(JOINT_SETS["extended"]) and len(cells) == len(set(cells))
    for row in JOINT_GRID:
        columns = [column for column, _ in row]
        assert columns == sorted(set(columns))  # one joint a cell, from the viewer's left


# -- the joint named ---------------------------------------------------------------------------------------

def test_the_joint_the_keyboard_is_on_is_named_under_the_figure(qtbot):
    exam = make_editor(PROTOCOL.fact["joint_exam"], Messages(PROTOCOL))
    qtbot.addWidget(exam)
    exam.show()
    exam.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is exam)
    assert isinstance(exam, JointsEditor)
    exam.none_affected.setFocus()
    assert exam.caption.text() == ""  # the figure not focused: nothing said
    exam.setFocus()
    assert exam.picker.hasFocus() and exam.caption.text() == "<b>Right wrist: not affected</b>"
    qtbot.keyClick(exam.picker, Qt.Key.Key_T)
    qtbot.keyClick(exam.picker, Qt.Key.Key_S)
    assert exam.caption.text() == "<b>Right wrist: tender, swollen</b>"
    qtbot.keyClick(exam.picker, RIGHT)
    assert exam.caption.text() == "<b>Right knee: not affected</b>"
    exam.none_affected.setFocus()
    assert exam.caption.text() == ""


# -- each joint an accessible item -------------------------------------------------------------------------

def test_each_joint_is_an_item_named_and_described_by_its_marks(qtbot, picker):
    figure = picker("das28")
    tree = accessible(figure)
    items = [tree.child(i) for i in range(tree.childCount())]
    assert len(items) == 28
    assert [item.text(QAccessible.Text.Name) for item in items] == [figure.joint_name(j) for j in figure.joints]
    wrist = items[figure.joints.index("wrist_r")]
    assert wrist.text(QAccessible.Text.Name) == "Right wrist" and wrist.role() == QAccessible.Role.CheckBox
    assert wrist.text(QAccessible.Text.Description) == "not affected" and not wrist.state().checked
    assert figure.accessibleDescription() == "Right wrist: not affected"  # the joint the keyboard is on, by the figure too
    qtbot.keyClick(figure, Qt.Key.Key_S)
    assert wrist.text(QAccessible.Text.Description) == "swollen" and wrist.state().checked
    qtbot.keyClick(figure, Qt.Key.Key_S)
    assert wrist.text(QAccessible.Text.Description) == "not affected" and not wrist.state().checked
    qtbot.keyClick(figure, UP)
    assert figure.accessibleDescription() == "Right MCP 3: not affected"


def test_each_item_lies_over_its_joint(picker):
    figure = picker("extended")
    tree = accessible(figure)
    for index in range(tree.childCount()):
        item = tree.child(index)
        centre = figure.mapToGlobal(figure._centre(figure.joints[index]).toPoint())
        assert item.rect().contains(centre), figure.joints[index]


def test_a_stored_examination_gives_every_item_its_marks(picker):
    figure = picker("das28")
    figure.set_marks({"knee_l", "pip2_r"}, {"knee_l"})
    tree = accessible(figure)
    described = {figure.joints[i]: tree.child(i).text(QAccessible.Text.Description) for i in range(tree.childCount())}
    assert described["knee_l"] == "tender, swollen" and described["pip2_r"] == "tender"
    assert described["elbow_l"] == "not affected"


def test_the_involved_joints_say_involved(qtbot, picker):
    figure = picker("extended", InvolvedJointPicker)
    qtbot.keyClick(figure, Qt.Key.Key_Space)
    wrist = accessible(figure).child(figure.joints.index("wrist_r"))
    assert wrist.text(QAccessible.Text.Description) == "involved" and wrist.state().checked


def test_the_items_take_no_click_and_no_tab(qtbot, picker):
    figure = picker("das28")
    item = figure.items["knee_l"]
    assert item.focusPolicy() == Qt.FocusPolicy.NoFocus
    qtbot.mouseClick(figure, Qt.MouseButton.LeftButton, pos=figure._centre("knee_l").toPoint())
    assert figure.tender == {"knee_l"} and figure.current_joint == "knee_l"  # the figure took the click


def test_asking_the_items_again_and_again_is_sound(qtbot, picker):
    for _ in range(5):
        figure = picker("extended")
        for _ in range(40):
            qtbot.keyClick(figure, Qt.Key.Key_T)
            qtbot.keyClick(figure, RIGHT)
            tree = accessible(figure)
            assert tree.child(tree.childCount() - 1).text(QAccessible.Text.Name)
        figure.close()
