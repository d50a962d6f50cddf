"""The editor for each kind of fact: the one place that knows every editor class."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from trialdesk.messages import Messages
from trialdesk.ui.fact_editors import (
    ChoiceEditor,
    CountEditor,
    DateEditor,
    DateTimeEditor,
    FactEditor,
    NumberEditor,
    YesNoEditor,
)
from trialdesk.ui.involved_joints_editor import InvolvedJointsEditor
from trialdesk.ui.joint_picker import JointsEditor
from trialdesk.ui.medication_editor import MedicationEditor

#: fact type (the protocol's `type:`) -> its editor
EDITORS: dict[str, type[FactEditor]] = {
    "number": NumberEditor,
    "count": CountEditor,
    "date": DateEditor,
    "datetime": DateTimeEditor,
    "yes_no": YesNoEditor,
    "choice": ChoiceEditor,
    "medications": MedicationEditor,
    "joints": JointsEditor,
    "involved_joints": InvolvedJointsEditor,
}


def make_editor(fact: Any, words: Messages, parent: QWidget | None = None) -> FactEditor:
    """The editor for a fact definition."""
    return EDITORS[fact.type](fact, words, parent)
