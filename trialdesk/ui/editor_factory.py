"""The editor for each kind of fact: the one place that knows every editor class."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from trialdesk.domain import facts as f
from trialdesk.messages import Messages
from trialdesk.ui.fact_editors import (
    ChoiceEditor,
    CountEditor,
    DateEditor,
    DateTimeEditor,
    FactEditor,
    MedicationEditor,
    NumberEditor,
    YesNoEditor,
)
from trialdesk.ui.joint_picker import JointsEditor


def make_editor(fact: Any, words: Messages, parent: QWidget | None = None) -> FactEditor:
    """The editor for a fact definition."""
    editors = {
        f.NumberFact: NumberEditor,
        f.CountFact: CountEditor,
        f.DateFact: DateEditor,
        f.DateTimeFact: DateTimeEditor,
        f.YesNoFact: YesNoEditor,
        f.ChoiceFact: ChoiceEditor,
        f.MedicationFact: MedicationEditor,
        f.JointsFact: JointsEditor,
    }
    return editors[type(fact)](fact, words, parent)

