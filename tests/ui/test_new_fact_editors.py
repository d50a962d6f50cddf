"""The protocol language's new shapes in the window: date-time facts, a result with its ULN, a pure
number, a criterion that does not apply, one pending an anchor, and a consistency refusal.

The protocol is `tests/data/new_shapes.yaml`; every entry is typed or clicked as a person does.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt

from tests.ui.conftest import editor_on, open_new
from trialdesk.ui import fact_editors as fe
from trialdesk.ui.look import NOT_APPLICABLE, OPEN, PASSES, state_icon

PROTOCOL = Path(__file__).parents[1] / "data" / "new_shapes.yaml"
SUBJECT = {"screening_number": "T-001", "initials": "AB", "date_of_birth": "1960-05-01", "sex": "male",
           "screening_date": "2026-11-20", "consent_date": "2026-11-20", "consent_version": "v1"}


@pytest.fixture
def view(qtbot, window):
    """A man's screening under the test protocol, open in the window, with nothing entered but his details."""
    return open_new(qtbot, window, window.site.add_protocol_file(PROTOCOL), SUBJECT)



def stored(window) -> dict:
    return window.site.screening("T-001").answers


def side_item(view, criterion_id: str):
    ids = [criterion.id for criterion in view.protocol.criteria]
    return view.side.item(ids.index(criterion_id))


def same_icon(icon, state: str) -> bool:
    return icon.pixmap(32, 32).toImage() == state_icon(state).pixmap(32, 32).toImage()


def test_a_date_and_time_is_typed_in_two_fields_and_saved_when_the_entry_ends(qtbot, window, view):
    onset = editor_on(view, "I2", "symptom_onset")
    assert isinstance(onset, fe.DateTimeEditor)
    assert onset.time.placeholderText() == "HH:MM" and onset.never.isHidden()  # "never" only where allowed
    onset.field.line.setFocus()
    qtbot.keyClicks(onset.field.line, "2026-11-19")
    qtbot.keyClick(onset.field.line, Qt.Key.Key_Tab)
    assert onset.time.hasFocus()  # on to the time: the entry is not over
    assert "symptom_onset" not in stored(window)
    qtbot.keyClicks(onset.time, "22:15")
    assert not onset.problem.isVisible()
    qtbot.keyClick(onset.time, Qt.Key.Key_Tab)
    assert stored(window)["symptom_onset"] == "2026-11-19T22:15"

    page = view.current_page()  # the 24-hour window is anchored on randomisation, not known yet: pending, open
    assert page.verdict.title.text() == "I2 waits for a date still to come"
    assert page.verdict.reason.text() == ("pending Randomisation (date and time): "
                                         "Symptom onset (date and time) 2026-11-19 22:15")
    assert same_icon(side_item(view, "I2").icon(), OPEN)
    view.side.setCurrentRow(len(view.pages))
    assert "pending Randomisation (date and time)" in view.summary.links["I2"].text()

    randomisation = editor_on(view, "I2", "randomisation")
    page = view.current_page()
    randomisation.field.line.setFocus()
    qtbot.keyClicks(randomisation.field.line, "2026-11-20")
    qtbot.keyClick(randomisation.field.line, Qt.Key.Key_Tab)
    qtbot.keyClicks(randomisation.time, "08:00")
    qtbot.keyClick(randomisation.time, Qt.Key.Key_Return)
    assert stored(window)["randomisation"] == "2026-11-20T08:00"
    assert page.verdict.title.text() == "I2 met"
    assert same_icon(side_item(view, "I2").icon(), PASSES)


def test_a_date_and_time_is_read_strictly_and_never_where_the_fact_allows_it(qtbot, window, view):
    onset = editor_on(view, "I2", "symptom_onset")
    onset.field.line.setFocus()
    qtbot.keyClicks(onset.field.line, "2026-11-19")
    qtbot.keyClick(onset.field.line, Qt.Key.Key_Tab)
    qtbot.keyClicks(onset.time, "9:30")  # HH:MM has two digits of hour: refused, not guessed
    qtbot.keyClick(onset.time, Qt.Key.Key_Tab)
    assert onset.problem.isVisible()
    assert "“2026-11-19T9:30” is not a date and time (YYYY-MM-DDTHH:MM)" in onset.problem.text()
    assert onset.field.line.property("invalid") is True and onset.time.property("invalid") is True
    assert "symptom_onset" not in stored(window)

    treated = editor_on(view, "E5", "last_thrombolysis")
    assert not treated.never.isHidden()
    qtbot.mouseClick(treated.never, Qt.MouseButton.LeftButton, pos=QPoint(5, treated.never.height() // 2))
    assert stored(window)["last_thrombolysis"] == "none"
    assert not treated.field.isEnabled() and not treated.time.isEnabled()
    assert view.current_page().verdict.title.text() == "E5 does not apply"


def test_a_result_is_entered_with_the_laboratory_uln_in_its_own_unit(qtbot, window, view):
    ast = editor_on(view, "E1", "ast")
    assert ast.uln_line is not None and ast.uln_unit.text() == "U/L"
    ast.line.setFocus()
    qtbot.keyClicks(ast.line, "130")  # without its ULN the result cannot be compared: said at once
    assert "give the laboratory's upper limit of normal (ULN) printed with the result, in U/L" in ast.problem.text()
    assert ast.uln_line.property("invalid") is True and ast.line.property("invalid") is not True
    qtbot.keyClick(ast.line, Qt.Key.Key_Tab)
    assert "ast" not in stored(window)

    ast.uln_line.setFocus()
    qtbot.keyClicks(ast.uln_line, "40")
    qtbot.keyClick(ast.uln_line, Qt.Key.Key_Tab)
    assert stored(window)["ast"] == {"value": 130, "unit": "U/L", "uln": 40}
    assert not ast.problem.isVisible() and ast.uln_line.property("invalid") is False
    page = view.current_page()
    assert page.verdict.title.text() == "E1 applies: excluded"
    assert page.verdict.reason.text() == "AST 130 U/L > 1.5 × ULN 40 U/L = 60.0 U/L"

    # the ULN is in the result's unit: choosing another unit changes both
    ast.unit.setFocus()
    qtbot.keyClick(ast.unit, Qt.Key.Key_Down)
    assert ast.unit.currentText() == "kU/L" and ast.uln_unit.text() == "kU/L"


def test_a_pure_number_shows_no_unit(qtbot, window, view):
    inr = editor_on(view, "E2", "inr")
    assert inr.unit.isHidden() and inr.uln_line is None
    weight = editor_on(view, "E6", "weight")  # a measured quantity still shows its units
    assert not weight.unit.isHidden() and [weight.unit.itemText(i) for i in range(weight.unit.count())] == ["kg", "lb"]
    inr = editor_on(view, "E2", "inr")
    inr.line.setFocus()
    qtbot.keyClicks(inr.line, "1.8")
    qtbot.keyClick(inr.line, Qt.Key.Key_Tab)
    assert stored(window)["inr"] == {"value": 1.8, "unit": "ratio"}
    assert view.current_page().verdict.reason.text() == "INR 1.8 > 1.5"


def test_a_criterion_that_does_not_apply_is_shown_as_such_and_passes(qtbot, window, view):
    item = side_item(view, "E3")
    assert item.text() == "E3 not applicable to this subject"
    assert same_icon(item.icon(), NOT_APPLICABLE) and not same_icon(item.icon(), PASSES)
    assert item.data(Qt.ItemDataRole.AccessibleTextRole) == "E3 not applicable to this subject"

    view.go_to_criterion("E3")
    panel = view.current_page().verdict
    assert panel.title.text() == "E3 not applicable to this subject"
    assert panel.reason.text() == "Sex: Male"
    assert panel.property("effect") == NOT_APPLICABLE

    view.side.setCurrentRow(len(view.pages))  # the summary
    summary = view.summary
    assert "E3" not in summary.links  # it is no open criterion
    assert {"I2", "E1"} <= set(summary.links)  # pending and not entered are
    assert list(summary.not_applicable_links) == ["E3"]
    assert summary.not_applicable_heading.text() == "Not applicable, counted as passing: 1"
    assert "Sex: Male" in summary.not_applicable_links["E3"].text()
    assert "missing: Symptom onset (date and time)" in summary.links["I2"].text()
    assert "Randomisation (date and time)" in summary.links["I2"].text()


def test_answers_that_contradict_each_other_are_refused_beside_the_field_and_not_saved(qtbot, window, view):
    pregnant = editor_on(view, "E3", "pregnant")
    sex = editor_on(view, "E3", "sex")
    button = pregnant.buttons["yes"]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(5, button.height() // 2))
    assert pregnant.problem.isVisible()
    assert pregnant.problem.text() == ("refused: pregnancy requires female sex "
                                       "(the answers to Pregnant, Sex contradict each other)")
    assert not sex.problem.isVisible()
    assert "pregnant" not in stored(window)
    assert view.current_page().verdict.title.text() == "E3 not applicable to this subject"

    no = pregnant.buttons["no"]
    qtbot.mouseClick(no, Qt.MouseButton.LeftButton, pos=QPoint(5, no.height() // 2))
    assert not pregnant.problem.isVisible()
    assert stored(window)["pregnant"] == "no"


def test_the_new_editors_survive_a_soak_of_ordinary_edits(window, view):
    from trialdesk.ui.soak import soak

    editors = [editors[0] for fact_id, editors in view.editors.items() if fact_id not in SUBJECT]
    kinds = {type(editor).__name__ for editor in editors}
    assert {"DateTimeEditor", "NumberEditor"} <= kinds
    assert any(getattr(editor, "uln_line", None) is not None for editor in editors)
    result = soak(editors, 600)
    assert result.signals >= 300 and result.sound, result.describe()
    assert {"inr", "pregnant"} <= {entry.target for entry in window.site.history(view.session.screening.id)}
