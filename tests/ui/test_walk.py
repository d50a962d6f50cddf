"""A coordinator's whole screening, by keyboard and mouse, as the screen shows it."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from tests.ui.conftest import TODAY, example, when_modal
from trialdesk.domain.evaluation import parse_facts
from trialdesk.domain.screening import ScreeningStatus
from trialdesk.ui.new_screening_dialog import NewScreeningDialog


def fill_new_screening(qtbot, dialog: NewScreeningDialog, values: dict[str, str]) -> None:
    for field, text in values.items():
        if field == "sex":
            button = next(b for b in dialog.sex.buttons() if b.property("value") == text)
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(5, button.height() // 2))
        else:
            line = dialog._focus(field)
            line.setFocus()
            line.selectAll()
            qtbot.keyClicks(line, text)


SUBJECT = {"screening_number": "S-001", "initials": "ZHL", "date_of_birth": "1972-03-15", "sex": "female",
           "consent_date": "2026-11-18", "consent_version": "v2.0 2026-09-01"}


def test_a_coordinator_walks_an_eligible_subject_to_eligible(qtbot, window, coordinator):
    def fill(dialog):
        fill_new_screening(qtbot, dialog, SUBJECT)
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok.isEnabled()
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    when_modal(fill)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    view = window.view
    assert view is not None and view.side.currentRow() == 0  # resumes at the first open criterion: I1

    answers = example("eligible")["facts"]
    entered = {"date_of_birth", "sex", "consent_date"}  # given in the new-screening form
    for index, page in enumerate(view.pages):
        assert view.stack.currentIndex() == index, (index, view.stack.currentIndex())
        assert page.criterion.id in view.position.text() or f"{index + 1} of 28" in view.position.text()
        for editor in page.editors:
            if editor.fact.id in entered:
                assert view.session.same_answer(editor.fact.id, editor.raw())  # a shared fact shows its answer
                continue
            coordinator.enter(editor, answers[editor.fact.id])
            entered.add(editor.fact.id)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)

    assert view.stack.currentWidget() is view.summary
    assert "ELIGIBLE" in view.summary.overall.text()
    assert view.side.item(len(view.pages)).text().endswith("eligible")
    assert not view.summary.links  # nothing open, nothing excluding
    assert window.site.screening("S-001").status is ScreeningStatus.ELIGIBLE
    stored = window.site.screening("S-001")
    protocol = view.protocol
    # every answer stored is the example's, as the domain reads them (joint order, "38" vs 38 aside)
    assert parse_facts(protocol, stored.answers, TODAY) == parse_facts(protocol, answers, TODAY)
