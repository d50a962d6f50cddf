"""Medication lines in the window: a line is typed field by field and committed as the keyboard
leaves it (or on Enter); only then is it saved, and only then does a problem show, on the field it is
in; every field is named by its line; drugs and routes are shown by their labels."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import editor, page_of
from tests.ui.test_entry_keyboard import key, make_view, site, stored  # noqa: F401 (fixtures)

PREDNISONE_LINE = {"drug": "prednisone", "dose": 10, "unit": "mg/day", "route": "oral", "start": "2026-10-01",
                   "stop": None}


def typed(qtbot, text: str) -> None:
    qtbot.keyClicks(QApplication.focusWidget(), text)


def marked(row) -> list[str]:
    """The fields of a line marked as holding a problem."""
    return [name for name in ("drug", "dose", "unit", "route", "start", "stop") if row.field(name).property("invalid")]


def test_a_line_is_saved_and_checked_once_the_keyboard_leaves_it(qtbot, make_view, site):
    view = make_view()
    page = page_of(view, "E3")
    history = editor(page, "glucocorticoids")
    assert page.focus_first_empty() is history.add
    key(qtbot, Qt.Key.Key_Space)
    row = history.rows[0]
    assert row.combos["drug"].hasFocus()
    key(qtbot, Qt.Key.Key_Down)
    assert row.combos["drug"].currentText() == "Prednisone"
    key(qtbot, Qt.Key.Key_Tab)
    typed(qtbot, "10")
    key(qtbot, Qt.Key.Key_Tab)
    assert row.combos["unit"].hasFocus() and row.combos["unit"].currentText() == "mg/day"  # the only unit, taken
    key(qtbot, Qt.Key.Key_Tab)
    key(qtbot, Qt.Key.Key_Down)
    assert row.combos["route"].currentText() == "Oral"
    key(qtbot, Qt.Key.Key_Tab)
    assert row.dates["start"].line.hasFocus()
    typed(qtbot, "2026-10")  # the date half typed: nothing said, nothing saved
    assert not history.problem.isVisible() and marked(row) == [] and stored(site, "glucocorticoids") is None
    typed(qtbot, "-01")
    key(qtbot, Qt.Key.Key_Tab)
    assert row.dates["stop"].line.hasFocus() and stored(site, "glucocorticoids") is None  # still in the line
    key(qtbot, Qt.Key.Key_Tab)  # past its last field: the line is done
    assert history.add.hasFocus()  # on to the next line: Remove is a click or Ctrl+Delete, not a Tab stop
    assert stored(site, "glucocorticoids") == [PREDNISONE_LINE] and not history.problem.isVisible()
    assert page.verdict.title.text() == "E3 applies: excluded"


def test_a_line_refused_says_so_once_left_on_the_field_at_fault(qtbot, make_view, site):
    view = make_view({"glucocorticoids": [PREDNISONE_LINE]})
    history = editor(page_of(view, "E3"), "glucocorticoids")
    history.rows[0].dates["stop"].line.setFocus()
    key(qtbot, Qt.Key.Key_Tab)
    assert history.add.hasFocus()  # after the lines, as shown
    key(qtbot, Qt.Key.Key_Space)
    second = history.rows[1]
    key(qtbot, Qt.Key.Key_Down)
    for text in ("5", None, "↓", "2026-13-01"):  # dose, the unit as given, a route, a date no calendar has
        key(qtbot, Qt.Key.Key_Tab)
        if text == "↓":
            key(qtbot, Qt.Key.Key_Down)
        elif text:
            typed(qtbot, text)
    key(qtbot, Qt.Key.Key_Tab)
    assert second.dates["stop"].line.hasFocus() and not history.problem.isVisible()
    key(qtbot, Qt.Key.Key_Tab)
    assert history.problem.isVisible() and "2026-13-01" in history.problem.text()
    assert marked(second) == ["start"] and marked(history.rows[0]) == []  # not the drug box, not the other line
    assert stored(site, "glucocorticoids") == [PREDNISONE_LINE]
    assert history.refused_text() == "Prednisone 5 mg/day Oral 2026-13-01"  # the line refused, not the history
    for _ in range(2):
        key(qtbot, Qt.Key.Key_Backtab)
    assert second.dates["start"].line.hasFocus()
    QApplication.focusWidget().selectAll()
    typed(qtbot, "2026-11-01")
    key(qtbot, Qt.Key.Key_Return)  # Enter ends the line too
    assert stored(site, "glucocorticoids") == [PREDNISONE_LINE, {**PREDNISONE_LINE, "dose": 5, "start": "2026-11-01"}]
    assert not history.problem.isVisible() and marked(second) == [] and history.refused_text() is None


def test_a_line_added_and_not_begun_is_no_line(qtbot, make_view, site):
    view = make_view({"glucocorticoids": [PREDNISONE_LINE]})
    history = editor(page_of(view, "E3"), "glucocorticoids")
    qtbot.mouseClick(history.add, Qt.MouseButton.LeftButton)
    assert len(history.rows) == 2 and history.raw() == [{**PREDNISONE_LINE, "dose": "10"}]
    view.next.setFocus()  # left without a thing typed
    assert not history.problem.isVisible() and stored(site, "glucocorticoids") == [PREDNISONE_LINE]


def test_ctrl_delete_in_a_line_removes_it_and_the_keyboard_goes_on_to_add(qtbot, make_view, site):
    view = make_view({"glucocorticoids": [PREDNISONE_LINE, {**PREDNISONE_LINE, "start": "2026-10-20"}]})
    history = editor(page_of(view, "E3"), "glucocorticoids")
    assert len(history.rows) == 2 and history.rows[0].remove.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert "Ctrl+Delete" in history.rows[0].remove.toolTip()
    history.rows[1].lines["dose"].setFocus()
    key(qtbot, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert len(history.rows) == 1 and history.add.hasFocus()
    assert stored(site, "glucocorticoids") == [PREDNISONE_LINE]  # the second line, removed, and saved so
    assert history.rows[0].remove.accessibleName() == "Remove line 1"


def test_a_click_on_remove_removes_the_line_without_saving_it_first(qtbot, make_view, site):
    view = make_view({"glucocorticoids": [PREDNISONE_LINE, {**PREDNISONE_LINE, "drug": "methylprednisolone"}]})
    history = editor(page_of(view, "E3"), "glucocorticoids")
    first = history.rows[0]
    first.lines["dose"].setFocus()
    typed(qtbot, "5")  # edited, then removed
    changes = len(view.site.history(view.session.screening.id))
    qtbot.mouseClick(first.remove, Qt.MouseButton.LeftButton, pos=QPoint(5, first.remove.height() // 2))
    assert stored(site, "glucocorticoids") == [{**PREDNISONE_LINE, "drug": "methylprednisolone"}]
    assert len(view.site.history(view.session.screening.id)) == changes + 1  # the removal alone


def test_every_field_of_a_line_is_named_by_its_place(make_view):
    view = make_view({"glucocorticoids": [PREDNISONE_LINE, {**PREDNISONE_LINE, "drug": "methylprednisolone"}]})
    history = editor(page_of(view, "E3"), "glucocorticoids")
    names = [widget.accessibleName() for widget in history.rows[1].tab_stops()]
    assert names == ["Drug, line 2", "Dose, line 2", "Unit, line 2", "Route, line 2", "Start, line 2", "Stop, line 2"]
    assert history.rows[1].remove.accessibleName() == "Remove line 2"
    assert history.rows[1].dates["start"].button.accessibleName() == "Calendar, line 2"
    assert history.none_taken.accessibleName() == "Systemic glucocorticoids (current and past 3 months): None taken"
    assert history.add.accessibleName() == "Systemic glucocorticoids (current and past 3 months): Add a course"
    history.rows[0].remove.click()
    assert [widget.accessibleName() for widget in history.rows[0].tab_stops()][0] == "Drug, line 1"


def test_drugs_and_routes_are_shown_by_their_labels(make_view):
    view = make_view({"glucocorticoids": [{**PREDNISONE_LINE, "route": "intramuscular"}]})
    row = editor(page_of(view, "E3"), "glucocorticoids").rows[0]
    route, drug = row.combos["route"], row.combos["drug"]
    assert [route.itemText(i) for i in range(route.count())] == ["", "Oral", "Intravenous", "Intramuscular"]
    assert [drug.itemText(i) for i in range(drug.count())] == ["", "Prednisone", "Methylprednisolone"]
    assert (drug.currentText(), route.currentText()) == ("Prednisone", "Intramuscular")
