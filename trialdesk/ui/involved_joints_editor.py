"""The joints involved at one assessment (the one a subject was classified on, often years before
screening): its date, then the joints as the source document gives them, marked on the figure,
as counts of large and small joints, or not documented at all.

It is not today's examination: where the protocol names that examination (`copy_from`), the
editor offers to start from it (tender or swollen there, within this joint set) and to edit the
copy. The domain counts and classifies; the editor only produces the raw answer:
``{"date": ..., "joints": [...]}``, ``{"date": ..., "large": n, "small": m}`` or ``"not_documented"``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from trialdesk.domain.joints import JOINT_SETS, count_by_size
from trialdesk.domain.values import NOT_DOCUMENTED
from trialdesk.ui.date_field import DateField
from trialdesk.ui.editor_base import FactEditor
from trialdesk.ui.joint_picker import JointCaption, JointPicker
from trialdesk.ui.look import set_flag

MARKED, COUNTS = "joints", "counts"  # how the source gives the joints (with NOT_DOCUMENTED)
SIZES = ("large", "small")


class InvolvedJointPicker(JointPicker):
    """One mark per joint, "involved" (tender or swollen at the assessment): click, right-click,
    T, S or Space all mark or unmark it."""

    fill_colour = QColor("#6a3d9a")

    def toggle(self, joint: str, swollen: bool = False) -> None:
        super().toggle(joint, swollen=False)

    @property
    def involved(self) -> set[str]:
        return self.tender

    def marks_text(self, joint: str) -> str:
        return self.tr("involved") if joint in self.tender else self.tr("not involved")


class InvolvedJointsEditor(FactEditor):
    """Date, how the joints are recorded, and the figure or the two counts."""

    def __init__(self, fact: Any, words: Any, parent: QWidget | None = None) -> None:
        super().__init__(fact, words, parent)
        self.field.line.setAccessibleName(self.tr("Date of the assessment of %s") % words.fact_label(fact.id))

    def build(self) -> QWidget:
        label = self.words.fact_label(self.fact.id)
        self.joint_set = tuple(JOINT_SETS[self.fact.joint_set])
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)

        top = QHBoxLayout()
        date_label = QLabel(self.tr("Date of the assessment"), box)
        self.field = DateField(box)
        self.field.setMaximumWidth(200)
        date_label.setBuddy(self.field.line)
        top.addWidget(date_label)
        top.addWidget(self.field)
        top.addStretch(1)
        column.addLayout(top)

        modes = QHBoxLayout()
        modes.addWidget(QLabel(self.tr("Recorded as:"), box))
        self.group = QButtonGroup(box)
        texts = {MARKED: self.tr("Joints marked"), COUNTS: self.tr("Counts of large and small joints"),
                 NOT_DOCUMENTED: self.tr("Not documented")}
        self.modes: dict[str, QRadioButton] = {}
        for mode, text in texts.items():
            if mode == NOT_DOCUMENTED and not self.fact.allow_not_documented:
                continue
            button = self.modes[mode] = QRadioButton(text, box)
            button.setAccessibleName(f"{label}: {text}")
            self.group.addButton(button)
            modes.addWidget(button)
        modes.addStretch(1)
        column.addLayout(modes)
        self.group.buttonClicked.connect(self._mode_chosen)

        self.marked = QWidget(box)
        marked = QVBoxLayout(self.marked)
        marked.setContentsMargins(0, 0, 0, 0)
        self.picker = InvolvedJointPicker(self.fact.joint_set, self.words, self.marked)
        self.picker.setAccessibleName(self.tr("Joints involved in %s") % label)
        self.caption = JointCaption(self.picker, self.marked)
        self.summary = QLabel(self.marked)
        hint = QLabel(self.tr("Click, T or Space: involved (tender or swollen at the assessment) · arrows move"),
                      self.marked)
        hint.setProperty("role", "hint")
        hint.setWordWrap(True)
        for widget in (self.picker, self.caption, self.summary, hint):
            marked.addWidget(widget)
        # Under the figure it fills, after it by Tab: the keyboard goes from the form straight to the joints.
        self.copy: QPushButton | None = None
        source = self.fact.copy_from
        if source:
            self.copy = QPushButton(self.tr("Copy today's examination"), self.marked)
            self.copy.setToolTip(self.tr("Start from the joints tender or swollen in “%s”, then change what the "
                                         "assessment's source document gives otherwise") % self.words.fact_label(source))
            self.copy.setAccessibleName(self.tr("Copy today's examination into %s") % label)
            below = QHBoxLayout()
            below.addWidget(self.copy)
            below.addStretch(1)
            marked.addLayout(below)
            self.copy.clicked.connect(self._copy)
        column.addWidget(self.marked)
        self.picker.changed.connect(self._marked)

        self.counts = QWidget(box)
        counts = QHBoxLayout(self.counts)
        counts.setContentsMargins(0, 0, 0, 0)
        words = {"large": (self.tr("Large joints involved"), self.tr("of %d large joints")),
                 "small": (self.tr("Small joints involved"), self.tr("of %d small joints"))}
        self.spins: dict[str, QSpinBox] = {}
        for size in SIZES:
            name, of_all = words[size]
            spin = self.spins[size] = QSpinBox(self.counts)
            spin.setRange(-1, self.fact.maximum(size))
            spin.setSpecialValueText("—")  # -1: not entered (0 is an answer)
            spin.setValue(-1)
            spin.setMinimumWidth(spin.fontMetrics().horizontalAdvance("000") + 48)  # room for the arrows and a marked border
            spin.setAccessibleName(f"{label}: {name}")
            caption = QLabel(name, self.counts)
            caption.setBuddy(spin)
            counts.addWidget(caption)
            counts.addWidget(spin)
            counts.addWidget(QLabel(of_all % spin.maximum(), self.counts))
            counts.addSpacing(16)
            spin.valueChanged.connect(self._edited)
            spin.editingFinished.connect(self._committed)
        counts.addStretch(1)
        column.addWidget(self.counts)

        self.note = QLabel(box)
        self.note.setProperty("role", "hint")
        self.note.setWordWrap(True)
        self.note.hide()
        column.addWidget(self.note)

        self.field.textEdited.connect(self._edited)
        self.field.editingFinished.connect(self._committed)
        self._show_mode()
        return box

    # -- state --------------------------------------------------------------------------------

    def mode(self) -> str | None:
        """How the joints are recorded (None: not chosen yet)."""
        return next((mode for mode, button in self.modes.items() if button.isChecked()), None)

    def focus_target(self) -> QWidget:
        if self.mode() == NOT_DOCUMENTED:
            return self.modes[NOT_DOCUMENTED]
        return self.field.line

    def _show_mode(self) -> None:
        mode = self.mode()
        self.marked.setVisible(mode in (MARKED, None))  # the figure until another form is chosen
        self.counts.setVisible(mode == COUNTS)
        self.field.setEnabled(mode != NOT_DOCUMENTED)
        involved = frozenset(self.picker.involved)
        self.summary.setText(self.tr("Involved: %1 (large %2, small %3)").replace("%1", str(len(involved)))
                             .replace("%2", str(count_by_size(involved, "large")))
                             .replace("%3", str(count_by_size(involved, "small"))))
        self._retarget_focus()

    def _check(self, mode: str | None) -> None:
        if mode is None:
            self.group.setExclusive(False)
            for button in self.modes.values():
                button.setChecked(False)
            self.group.setExclusive(True)
        else:
            self.modes[mode].setChecked(True)

    # -- entries -----------------------------------------------------------------------------

    def _marked(self) -> None:
        """A joint marked on the figure before a form is chosen chooses "Joints marked"."""
        if self.mode() is None:
            self._check(MARKED)
        self._changed()

    def _changed(self) -> None:
        self._show_mode()
        self._edited()
        self._committed()

    def _mode_chosen(self, *_: object) -> None:
        self.note.hide()
        if self.raw() is None:  # a form chosen with nothing in it yet: the stored answer stands until it is filled
            self._show_mode()
            return
        self._changed()

    def _copy(self) -> None:
        """Today's examination, tender or swollen, within this set, as marks to edit."""
        source = self.fact.copy_from
        exam = self.answers.answer(source) if self.answers is not None else None
        if not isinstance(exam, dict):
            self.note.setText(self.tr("“%s” is not entered yet: there is nothing to copy.")
                              % self.words.fact_label(source))
            self.note.show()
            return
        examined = set(exam.get("tender") or ()) | set(exam.get("swollen") or ())
        self.picker.set_marks({j for j in self.joint_set if j in examined}, set())
        if not self.field.text() and self.answers is not None:
            self.field.set_date(self.answers.on)  # the examination is the screening's
        self._check(MARKED)
        self.note.setText(self.tr("Copied from “%1”: %2 joints. Change them where the assessment's source "
                                  "document gives otherwise.").replace("%1", self.words.fact_label(source))
                          .replace("%2", str(len(self.picker.involved))))
        self.note.show()
        self._changed()

    def show_problem(self, text: str | None, paths: tuple[tuple[str | int, ...], ...] = ()) -> None:
        super().show_problem(text, paths)
        heads = {path[0] for path in paths if path}
        if not heads:  # about the answer as a whole: marked where the chosen form is still incomplete
            empty = {size for size, spin in self.spins.items() if spin.value() < 0}
            heads = {COUNTS: empty or set(SIZES), MARKED: {"joints"}}.get(self.mode(), set())
        marks = {self.field.line: "date", self.picker: "joints", **{spin: size for size, spin in self.spins.items()}}
        for widget, head in marks.items():
            set_flag(widget, "invalid", bool(text) and head in heads)

    def entry_text(self) -> str | None:
        raw = self.raw()
        whole = raw == NOT_DOCUMENTED or isinstance(raw, dict) and "date" in raw and (
            "joints" in raw or all(size in raw for size in SIZES))
        return self.words.answer_text(self.fact.id, raw) if whole else self.field.text() or None

    def raw(self) -> Any:
        mode = self.mode()
        if mode == NOT_DOCUMENTED:
            return NOT_DOCUMENTED
        answer: dict[str, Any] = {"date": self.field.text()} if self.field.text() else {}
        if mode == MARKED:
            answer["joints"] = [j for j in self.joint_set if j in self.picker.involved]
        elif mode == COUNTS:
            answer.update({size: spin.value() for size, spin in self.spins.items() if spin.value() >= 0})
        return answer or None  # a date alone, or a mode without one: the session says what is missing

    def display(self, raw: Any) -> None:
        self.note.hide()
        entry = raw if isinstance(raw, dict) else {}
        if raw == NOT_DOCUMENTED and NOT_DOCUMENTED in self.modes:
            mode: str | None = NOT_DOCUMENTED
        elif "joints" in entry:
            mode = MARKED
        elif any(size in entry for size in SIZES):
            mode = COUNTS
        else:
            mode = None
        self._check(mode)
        self.field.set_text(str(entry.get("date") or ""))
        joints = entry.get("joints")
        self.picker.set_marks(set(joints) if isinstance(joints, list) else set(), set())
        for size, spin in self.spins.items():
            value = entry.get(size)
            known = isinstance(value, int) and not isinstance(value, bool) or isinstance(value, str) and value.isdigit()
            spin.setValue(int(value) if known else -1)
        self._show_mode()
