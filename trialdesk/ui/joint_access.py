"""The joint figure for the keyboard and for assistive technology: the grid the arrows move on
(`domain.joints.JOINT_GRID`), and an accessible item for each joint, which a screen reader reads
as a check box named by the joint, described by its marks.

The items are Qt's own check boxes, so that Qt's own accessible interface serves them (an interface
written in Python would be deleted by Qt at exit, after Python)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QCheckBox

from trialdesk.domain.joints import JOINT_GRID

if TYPE_CHECKING:
    from trialdesk.ui.joint_picker import JointPicker

MIDDLE = (min(c for row in JOINT_GRID for c, _ in row) + max(c for row in JOINT_GRID for c, _ in row)) / 2


def grid_step(joints: list[str], joint: str, dx: int, dy: int) -> str:
    """The joint an arrow goes to from `joint` among `joints` (one set), on `JOINT_GRID`: left and
    right to the neighbour in the row; up and down to the next joint of the set in the same column,
    or where the column holds none further, to the nearest row holding joints of the set, at the
    column nearest (the one towards the middle of the figure on a tie). The same joint at the end
    of a row or column."""
    column = column_of(joint)
    rows = [[(c, j) for c, j in row if j in joints] for row in JOINT_GRID]
    at = next(r for r, row in enumerate(rows) if any(j == joint for _, j in row))
    if dx:
        row = rows[at]
        index = next(i for i, (_, j) in enumerate(row) if j == joint) + dx
        return row[index][1] if 0 <= index < len(row) else joint
    onwards = range(at + 1, len(rows)) if dy > 0 else range(at - 1, -1, -1)
    further = [rows[r] for r in onwards if rows[r]]
    if not further:
        return joint
    same = next((j for row in further for c, j in row if c == column), None)
    return same or min(further[0], key=lambda cell: (abs(cell[0] - column), abs(cell[0] - MIDDLE)))[1]


def column_of(joint: str) -> int:
    """The joint's column on `JOINT_GRID`."""
    return next(c for row in JOINT_GRID for c, j in row if j == joint)


class JointItem(QCheckBox):
    """One joint of a figure, for assistive technology: a check box named by the joint, checked while
    marked, described by its marks, placed over its circle. It draws nothing and takes neither the
    keyboard nor the mouse: the figure does, and announces the item the keyboard is on."""

    def __init__(self, picker: JointPicker, joint: str) -> None:
        super().__init__(picker)
        self.joint = joint
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAccessibleName(picker.joint_name(joint))

    def paintEvent(self, event: QPaintEvent) -> None:
        """The figure draws the joint."""
