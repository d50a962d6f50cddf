"""Every field, button and choice of every criterion page of every bundled protocol, medication lines
included, has an accessible name in the reader's language: what a screen reader says as it gets there."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QWidget

from trialdesk.domain.evaluation import evaluate, parse_facts
from trialdesk.messages import Messages
from trialdesk.persistence.protocol_files import load_protocol
from trialdesk.resources import bundled_protocols
from trialdesk.ui.criterion_page import CriterionPage
from trialdesk.ui.medication_editor import MedicationEditor

PROTOCOLS = sorted(bundled_protocols())
ON = date(2026, 11, 20)


def interactive(page: QWidget) -> list[QWidget]:
    """What takes the keyboard or a click on the page (the line edit inside a list or spin box is theirs)."""
    found = []
    for widget in page.widget().findChildren(QWidget):
        inner = isinstance(widget, QLineEdit) and isinstance(widget.parent(), (QComboBox, QAbstractSpinBox))
        takes = widget.focusPolicy() != Qt.FocusPolicy.NoFocus or isinstance(widget, (QAbstractButton, QComboBox))
        if takes and not inner and widget.objectName() not in ("qt_scrollarea_viewport",):
            found.append(widget)
    return found


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
@pytest.mark.parametrize("protocol_id", PROTOCOLS)
def test_every_interactive_part_of_every_page_has_a_name(qtbot, protocol_id, lang):
    protocol = load_protocol(bundled_protocols()[protocol_id])
    words = Messages(protocol, lang)
    report = evaluate(protocol, parse_facts(protocol, {}, ON), ON)
    unnamed = []
    for criterion in protocol.criteria:
        page = CriterionPage(protocol, criterion, words)
        qtbot.addWidget(page)
        page.show_report(report)
        for editor in page.editors:
            if isinstance(editor, MedicationEditor):
                editor.add.click()  # a line, with every field the fact asks
        for widget in interactive(page):
            if widget.window() is page and widget.isVisibleTo(page) and not widget.accessibleName():
                unnamed.append((criterion.id, type(widget).__name__, getattr(widget, "text", lambda: "")()))
        page.close()
    assert unnamed == []
