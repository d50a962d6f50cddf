"""The joint examination: a drawn figure on which each joint is marked tender and/or swollen.

Front view, the patient's right on the viewer's left. One examination feeds TJC28/SJC28
(DAS28, SDAI, CDAI) and the large/small joint counts of the 2010 ACR/EULAR criteria; the
domain does the counting. Mouse: click marks tender, right-click or Shift+click swollen.
Keyboard: arrows move between joints on the grid of `domain.joints.JOINT_GRID` (along a row of
the figure; up and down to the same column or the nearest, back to where one came from), T or
Space marks tender, S swollen; the joint the keyboard is on is named under the figure.

For a screen reader each joint is an item of its own (`joint_access.JointItem`, a child of the
figure): its name, its marks as its description, checked when marked; the figure announces the
item the keyboard moves to as focused, as a list announces its current row.
"""

from __future__ import annotations

import html
import math
from typing import Any

from PySide6.QtCore import QCoreApplication, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QColor,
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QLabel, QPushButton, QToolTip, QVBoxLayout, QWidget

from trialdesk.domain.joints import JOINT_SETS, count_28
from trialdesk.messages import Messages
from trialdesk.ui.editor_base import FactEditor
from trialdesk.ui.joint_access import JointItem, grid_step

TENDER_COLOUR = QColor("#b3261e")
SWOLLEN_COLOUR = QColor("#1f5fa8")


def _layout() -> dict[str, tuple[float, float]]:
    """Joint id -> position in a unit square (x to the viewer's right, y down)."""
    places: dict[str, tuple[float, float]] = {}
    for side, sign in (("r", -1), ("l", 1)):
        def x(offset: float, sign: int = sign) -> float:
            return 0.5 + sign * offset

        places[f"shoulder_{side}"] = (x(0.17), 0.14)
        places[f"elbow_{side}"] = (x(0.25), 0.31)
        places[f"hip_{side}"] = (x(0.08), 0.50)
        places[f"knee_{side}"] = (x(0.09), 0.70)
        places[f"ankle_{side}"] = (x(0.09), 0.86)
        places[f"wrist_{side}"] = (x(0.38), 0.66)
        for digit in range(1, 6):  # thumb outermost, little finger innermost
            finger_x = x(0.47 - (digit - 1) * 0.043)
            places[f"mcp{digit}_{side}"] = (finger_x, 0.58 if digit > 1 else 0.61)
            places[f"pip{digit}_{side}"] = (finger_x, 0.50 if digit > 1 else 0.54)
        for toe in range(2, 6):
            places[f"mtp{toe}_{side}"] = (x(0.065 + (toe - 2) * 0.03), 0.95)
    return places


POSITIONS = _layout()
class JointPicker(QWidget):
    """Tender and swollen marks on the joints of one joint set."""

    changed = Signal()
    currentChanged = Signal(str)  # the joint the keyboard is on (also when the figure gains or loses focus)
    fill_colour = TENDER_COLOUR  # of a joint marked tender (the first mark)

    def __init__(self, joint_set: str, words: Messages, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.words = words
        self.joints = [j for j in POSITIONS if j in JOINT_SETS[joint_set]]
        self.tender: set[str] = set()
        self.swollen: set[str] = set()
        self.current = self.joints.index("wrist_r")
        self._trail: list[tuple[str, int]] = []  # (joint, direction) of each move up or down since the last across
        self.read_only = False
        self.items = {joint: JointItem(self, joint) for joint in self.joints}
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumSize(340, 340)
        self._describe()

    def sizeHint(self) -> QSize:
        return QSize(400, 400)

    @property
    def current_joint(self) -> str:
        return self.joints[self.current]

    # -- names ---------------------------------------------------------------------------

    def joint_name(self, joint: str) -> str:
        """The joint's name as a label ("Right wrist")."""
        name = self.words.joint_name(joint)
        return name[:1].upper() + name[1:]

    def marks_text(self, joint: str) -> str:
        """The joint's marks in words: "tender, swollen", "not affected"."""
        marks = []
        if joint in self.tender:
            marks.append(QCoreApplication.translate("JointPicker", "tender"))
        if joint in self.swollen:
            marks.append(QCoreApplication.translate("JointPicker", "swollen"))
        return ", ".join(marks) or QCoreApplication.translate("JointPicker", "not affected")

    def state_text(self, joint: str) -> str:
        """The joint and its marks: "Right wrist: tender"."""
        pattern = QCoreApplication.translate("JointPicker", "%1: %2")  # a joint, its marks
        return pattern.replace("%1", self.joint_name(joint)).replace("%2", self.marks_text(joint))

    def _describe(self, joints: tuple[str, ...] | None = None) -> None:
        """Give the items their marks in words (all, or `joints`), and the figure the current joint's."""
        for joint in self.joints if joints is None else joints:
            item = self.items[joint]
            item.setChecked(joint in self.tender or joint in self.swollen)
            item.setAccessibleDescription(self.marks_text(joint))
        self.setAccessibleDescription(self.state_text(self.current_joint))

    def _announce(self, event_type: QAccessible.Event) -> None:
        """Tell assistive technology about the current joint (moved to, or marked)."""
        if not QAccessible.isActive():
            return
        item = self.items[self.current_joint]  # its check box says when it is checked or unchecked itself
        if event_type == QAccessible.Event.DescriptionChanged or self.hasFocus():
            QAccessible.updateAccessibility(QAccessibleEvent(item, event_type))

    # -- geometry -------------------------------------------------------------------------

    def _scale(self) -> tuple[float, float, float]:
        side = min(self.width(), self.height()) - 20
        return (self.width() - side) / 2, (self.height() - side) / 2, side

    def _centre(self, joint: str) -> QPointF:
        left, top, side = self._scale()
        x, y = POSITIONS[joint]
        return QPointF(left + x * side, top + y * side)

    def _radius(self) -> float:
        return max(6.0, self._scale()[2] * 0.017)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        half = round(self._radius() * 1.6)
        for joint, item in self.items.items():
            centre = self._centre(joint).toPoint()
            item.setGeometry(QRect(centre.x() - half, centre.y() - half, 2 * half, 2 * half))

    def joint_at(self, point: QPointF) -> str | None:
        best, best_distance = None, self._radius() * 1.6
        for joint in self.joints:
            distance = math.dist((point.x(), point.y()), (self._centre(joint).x(), self._centre(joint).y()))
            if distance <= best_distance:
                best, best_distance = joint, distance
        return best

    # -- drawing --------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        self._draw_body(painter)
        radius = self._radius()
        for index, joint in enumerate(self.joints):
            centre = self._centre(joint)
            painter.setPen(QPen(QColor("#555555"), 1.2))
            painter.setBrush(self.fill_colour if joint in self.tender else QColor("white"))
            painter.drawEllipse(centre, radius, radius)
            if joint in self.swollen:
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(QPen(SWOLLEN_COLOUR, radius * 0.55))
                painter.drawEllipse(centre, radius * 1.55, radius * 1.55)
            if index == self.current and self.hasFocus():
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(QPen(QColor("black"), 1.5, Qt.PenStyle.DashLine))
                painter.drawRect(QRectF(centre.x() - radius * 2.2, centre.y() - radius * 2.2, radius * 4.4, radius * 4.4))
        painter.end()

    def _draw_body(self, painter: QPainter) -> None:
        painter.setPen(QPen(QColor("#cfcfcf"), max(2.0, self._radius() * 0.8), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        left, top, side = self._scale()

        def line(a: str, b: str) -> None:
            painter.drawLine(self._centre(a), self._centre(b))

        for s in ("r", "l"):
            line(f"shoulder_{s}", f"elbow_{s}")
            line(f"elbow_{s}", f"wrist_{s}")
            for digit in range(1, 6):
                line(f"wrist_{s}", f"mcp{digit}_{s}")
                line(f"mcp{digit}_{s}", f"pip{digit}_{s}")
            line(f"hip_{s}", f"knee_{s}")
            line(f"knee_{s}", f"ankle_{s}")
            for toe in range(2, 6):
                line(f"ankle_{s}", f"mtp{toe}_{s}")
        line("shoulder_r", "shoulder_l")
        line("hip_r", "hip_l")
        painter.drawLine(QPointF(left + 0.5 * side, top + 0.14 * side), QPointF(left + 0.5 * side, top + 0.50 * side))
        painter.drawEllipse(QPointF(left + 0.5 * side, top + 0.06 * side), side * 0.045, side * 0.05)

    # -- input ----------------------------------------------------------------------------

    def set_marks(self, tender: set[str], swollen: set[str]) -> None:
        self.tender, self.swollen = set(tender), set(swollen)
        self._describe()
        self.update()

    def toggle(self, joint: str, swollen: bool = False) -> None:
        if self.read_only:
            return
        marks = self.swollen if swollen else self.tender
        marks.symmetric_difference_update({joint})
        self._describe((joint,))
        self._announce(QAccessible.Event.DescriptionChanged)
        self.update()
        self.currentChanged.emit(self.current_joint)
        self.changed.emit()

    def set_current(self, joint: str) -> None:
        """Put the keyboard on `joint`."""
        self._trail.clear()
        self._go(joint)

    def _go(self, joint: str) -> None:
        if joint == self.current_joint:
            return
        self.current = self.joints.index(joint)
        self._describe(())
        self._announce(QAccessible.Event.Focus)
        self.update()
        self.currentChanged.emit(joint)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        joint = self.joint_at(event.position())
        if joint is None:
            return
        self.set_current(joint)
        swollen = event.button() == Qt.MouseButton.RightButton or bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        self.toggle(joint, swollen=swollen)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        joint = self.joint_at(event.position())
        if joint is not None:
            QToolTip.showText(event.globalPosition().toPoint(), self.state_text(joint), self)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        directions = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}
        joint = self.current_joint
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier == Qt.KeyboardModifier.NoModifier
        if not plain:  # Alt+arrows and the like belong to the window
            super().keyPressEvent(event)
            return
        if key in directions:
            self.step(*directions[key])
        elif key in (Qt.Key.Key_T, Qt.Key.Key_Space):
            self.toggle(joint)
        elif key == Qt.Key.Key_S:
            self.toggle(joint, swollen=True)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def step(self, dx: int, dy: int) -> None:
        """One step on the grid (`grid_step`): along the row, or to the row above or below; an arrow
        opposite to the moves up or down just made retraces them (down the column one came up)."""
        here = self.current_joint
        if dx:
            self._trail.clear()
            self._go(grid_step(self.joints, here, dx, 0))
        elif self._trail and self._trail[-1][1] == -dy:
            self._go(self._trail.pop()[0])
        else:
            there = grid_step(self.joints, here, 0, dy)
            if there != here:
                self._trail.append((here, dy))
            self._go(there)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()
        self.currentChanged.emit(self.current_joint)
        self._announce(QAccessible.Event.Focus)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()
        self.currentChanged.emit(self.current_joint)


class JointCaption(QLabel):
    """Under a figure: the joint the keyboard is on and its marks, while the figure has the focus."""

    def __init__(self, picker: JointPicker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.picker = picker
        self.setProperty("role", "joint-caption")
        self.setMinimumHeight(self.fontMetrics().height() + 4)  # the layout does not jump as it comes and goes
        picker.currentChanged.connect(self._show)
        self._show()

    def _show(self, *_: object) -> None:
        shown = self.picker.hasFocus()
        self.setText(f"<b>{html.escape(self.picker.state_text(self.picker.current_joint))}</b>" if shown else "")


class JointsEditor(FactEditor):
    """The picker with the counts it gives, as a fact editor."""

    def build(self) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self.picker = JointPicker(self.fact.joint_set, self.words, box)
        self.caption = JointCaption(self.picker, box)
        self.counts = QLabel(box)
        hint = QLabel(QCoreApplication.translate(
            "JointsEditor",
            "Click: tender · Right-click or Shift+click: swollen · Keyboard: arrows move, T or Space tender, S swollen"), box)
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        self.none_affected = QPushButton(QCoreApplication.translate("JointsEditor", "Examined: no joint tender or swollen"), box)
        self.none_affected.setAccessibleName(f"{self.words.fact_label(self.fact.id)}: {self.none_affected.text()}")
        self._answered = False  # marks shown were entered (an examination with none marked is an answer too)
        column.addWidget(self.picker)
        column.addWidget(self.caption)
        column.addWidget(self.counts)
        column.addWidget(self.none_affected, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(hint)
        self.picker.changed.connect(self._changed)
        self.none_affected.clicked.connect(self._none_affected)
        self._update_counts()
        return box

    def focus_target(self) -> QWidget:
        return self.picker

    def is_empty(self) -> bool:
        return not self._answered

    def entry_text(self) -> str | None:
        return self.words.answer_text(self.fact.id, self.raw()) if self._answered else None

    def _changed(self) -> None:
        self._answered = True
        self._update_counts()
        self._edited()
        self._committed()

    def _none_affected(self) -> None:
        self.picker.set_marks(set(), set())
        self._changed()

    def _update_counts(self) -> None:
        tender, swollen = frozenset(self.picker.tender), frozenset(self.picker.swollen)
        self.counts.setText(QCoreApplication.translate("JointsEditor", "Tender: %1 (28-joint count %2) · Swollen: %3 (28-joint count %4)")
                            .replace("%1", str(len(tender))).replace("%2", str(count_28(tender)))
                            .replace("%3", str(len(swollen))).replace("%4", str(count_28(swollen))))

    def raw(self) -> Any:
        return {"tender": sorted(self.picker.tender), "swollen": sorted(self.picker.swollen)}

    def display(self, raw: Any) -> None:
        self._answered = isinstance(raw, dict)
        raw = raw if isinstance(raw, dict) else {}
        self.picker.set_marks(set(raw.get("tender", ())), set(raw.get("swollen", ())))
        self._update_counts()

    def set_read_only(self, read_only: bool) -> None:
        self.picker.read_only = read_only
        self.none_affected.setEnabled(not read_only)
