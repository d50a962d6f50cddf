"""Entry from the keyboard: a yes/no answered by one key (Y, N, U in every language), a unit chosen
before its value, a page's keyboard starting on its first empty field (never on a joint examination
entered already), and a refused value named as typed, by the field and by the verdict.

The protocol is `tests/data/entry_keys.yaml`; every entry is typed as a person does.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.conftest import COORDINATOR, PASSWORD
from tests.ui.conftest import editor, page_of
from trialdesk.domain.values import NEVER
from trialdesk.messages import Messages
from trialdesk.persistence.protocol_files import load_protocol
from trialdesk.ui.editor_factory import make_editor
from trialdesk.ui.fact_editors import NumberEditor, YesNoEditor
from trialdesk.ui.joint_picker import JointPicker
from trialdesk.ui.look import install_language
from trialdesk.ui.qt_session import QtScreeningSession
from trialdesk.ui.screening_view import ScreeningView

PROTOCOL_FILE = Path(__file__).parents[1] / "data" / "entry_keys.yaml"
PROTOCOL = load_protocol(PROTOCOL_FILE)
SUBJECT = {"screening_number": "K-001", "initials": "LM", "date_of_birth": "1970-03-01", "sex": "female",
           "screening_date": "2026-11-20", "consent_date": "2026-11-20", "consent_version": "v1"}
EXAM = {"tender": ["wrist_r", "knee_l"], "swollen": ["wrist_r"]}


@pytest.fixture
def site(open_site):
    site = open_site()
    site.add_protocol_file(PROTOCOL_FILE)
    return site


@pytest.fixture
def make_view(qtbot, site):
    """`make_view(answers)`: the screening view of a new screening with those answers, shown and active."""
    def make(answers=None) -> ScreeningView:
        desk = site.sign_in(COORDINATOR, PASSWORD)
        protocol = site.protocol("TEST-ENTRY")
        session = desk.start_screening(protocol, SUBJECT, answers)
        view = ScreeningView(QtScreeningSession(session), Messages(protocol), desk)
        qtbot.addWidget(view)
        view.resize(1366, 768)
        view.show()
        qtbot.waitExposed(view)
        view.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
        return view
    return make


@pytest.fixture
def shown(qtbot):
    """`shown(fact_id, lang)`: the editor of a fact on its own, in an active window, its commits recorded."""
    def make(fact_id: str, lang: str = "en"):
        widget = make_editor(PROTOCOL.fact[fact_id], Messages(PROTOCOL, lang))
        qtbot.addWidget(widget)
        widget.show()
        widget.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
        widget.commits = []
        widget.committed.connect(lambda _, raw: widget.commits.append(raw))
        return widget
    return make


@pytest.fixture
def chinese(qapp):
    install_language(qapp, "zh_CN")
    yield
    install_language(qapp, "en")


def stored(site, fact_id: str):
    return site.screening("K-001").answers.get(fact_id)


def key(qtbot, k: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key typed where the keyboard is."""
    qtbot.keyClick(QApplication.focusWidget(), k, modifier)


# -- yes / no by one key -------------------------------------------------------------------------------

def test_y_n_and_u_answer_and_the_key_is_shown_beside_each_word(qtbot, shown):
    infection = shown("infection")
    assert isinstance(infection, YesNoEditor)
    assert [b.text() for b in infection.buttons.values()] == ["Yes (Y)", "No (N)", "Unknown (U)"]
    assert [b.accessibleName() for b in infection.buttons.values()] == [
        "Active infection: Yes", "Active infection: No", "Active infection: Unknown"]
    infection.setFocus()
    assert infection.buttons["yes"].hasFocus() and infection.raw() is None  # focused, not answered
    key(qtbot, Qt.Key.Key_N)
    assert infection.buttons["no"].isChecked() and infection.buttons["no"].hasFocus()
    key(qtbot, Qt.Key.Key_U)
    key(qtbot, Qt.Key.Key_U)  # the same answer again is no new entry
    key(qtbot, Qt.Key.Key_Y)
    assert infection.commits == ["no", "unknown", "yes"] and infection.buttons["yes"].hasFocus()
    key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # no mnemonic: Alt+N is the window's Next
    key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert infection.commits == ["no", "unknown", "yes"]


def test_the_keys_are_y_n_and_u_in_chinese_too(qtbot, shown, chinese):
    infection = shown("infection", "zh_CN")
    assert [b.text()[-3:] for b in infection.buttons.values()] == ["(Y)", "(N)", "(U)"]
    infection.setFocus()
    for k in (Qt.Key.Key_U, Qt.Key.Key_N, Qt.Key.Key_Y):
        key(qtbot, k)
    assert infection.commits == ["unknown", "no", "yes"]


def test_a_read_only_yes_no_takes_no_key(qtbot, shown):
    infection = shown("infection")
    infection.set_read_only(True)
    qtbot.keyClick(infection, Qt.Key.Key_Y)
    assert infection.raw() is None and infection.commits == []


def test_a_page_of_yes_no_questions_is_answered_key_by_key_and_each_answer_saved(qtbot, make_view, site):
    view = make_view()
    page = page_of(view, "E2")
    malignancy, family = editor(page, "malignancy"), editor(page, "family_malignancy")
    assert page.focus_first_empty() is malignancy.buttons["yes"] and malignancy.buttons["yes"].hasFocus()
    key(qtbot, Qt.Key.Key_N)
    assert stored(site, "malignancy") == "no"
    key(qtbot, Qt.Key.Key_Tab)  # the three answers are one stop: Tab goes on to the next question
    assert family.buttons["yes"].hasFocus()
    key(qtbot, Qt.Key.Key_U)
    assert stored(site, "family_malignancy") == "unknown" and family.buttons["unknown"].isChecked()
    assert page.verdict.title.text() == "E2 not decided yet"


# -- the unit before the value ---------------------------------------------------------------------------

def test_a_unit_to_choose_comes_before_the_value_on_screen_and_by_tab(qtbot, shown):
    hb = shown("haemoglobin")
    assert isinstance(hb, NumberEditor)
    assert hb.unit.isEnabled() and hb.unit.geometry().right() < hb.line.geometry().left()
    hb.unit.setFocus()
    key(qtbot, Qt.Key.Key_Tab)
    assert hb.line.hasFocus()
    key(qtbot, Qt.Key.Key_Backtab)
    assert hb.unit.hasFocus()
    esr = shown("esr")  # one unit: shown after the value, nothing to choose
    assert not esr.unit.isEnabled() and esr.unit.geometry().left() > esr.line.geometry().right()


def test_tab_from_the_field_before_stops_on_the_unit_then_the_value_and_back(qtbot):
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

    form = QWidget()
    column = QVBoxLayout(form)
    before = QLineEdit(form)  # the tab chain follows the order of creation
    hb = make_editor(PROTOCOL.fact["haemoglobin"], Messages(PROTOCOL, "en"), form)
    after = QLineEdit(form)
    for widget in (before, hb, after):
        column.addWidget(widget)
    qtbot.addWidget(form)
    form.show()
    form.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form)
    before.setFocus()
    seen = []
    for _ in range(3):
        key(qtbot, Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == [hb.unit, hb.line, after]  # the unit is never skipped on the way to the value
    key(qtbot, Qt.Key.Key_Backtab)
    assert hb.line.hasFocus()


def test_a_value_is_saved_once_in_the_unit_chosen_before_it(qtbot, make_view, site):
    view = make_view()
    page = page_of(view, "I3")
    hb = editor(page, "haemoglobin")
    assert page.focus_first_empty() is hb.line  # the usual unit stands chosen, just before the value
    key(qtbot, Qt.Key.Key_Backtab)
    assert hb.unit.hasFocus()
    key(qtbot, Qt.Key.Key_Down)
    assert hb.unit.currentText() == "g/dL" and stored(site, "haemoglobin") is None  # nothing typed: nothing saved
    key(qtbot, Qt.Key.Key_Tab)
    qtbot.keyClicks(hb.line, "8.5")
    key(qtbot, Qt.Key.Key_Tab)
    assert stored(site, "haemoglobin") == {"value": 8.5, "unit": "g/dL"}
    saved = [e for e in site.history(view.session.screening.id) if e.target == "haemoglobin"]
    assert [e.new_value for e in saved] == [{"value": 8.5, "unit": "g/dL"}]


# -- where a page's keyboard starts ----------------------------------------------------------------------

def test_a_page_starts_on_its_first_empty_field(qtbot, make_view):
    view = make_view({"joint_exam": EXAM, "esr": 28})
    page = page_of(view, "I1")
    assert page.focus_first_empty() is editor(page, "patient_global").line
    assert editor(page, "patient_global").line.hasFocus()


def test_an_examination_entered_on_another_criterion_never_takes_the_keyboard(qtbot, make_view, site):
    view = make_view()
    page = page_of(view, "I1")
    exam = editor(page, "joint_exam")
    assert page.focus_first_empty() is exam.picker  # not entered yet: where entry starts
    key(qtbot, Qt.Key.Key_T)
    assert stored(site, "joint_exam") == {"tender": ["wrist_r"], "swollen": []}
    other = page_of(view, "I2")  # the same examination, read by the next criterion
    start = other.focus_first_empty()
    assert not isinstance(start, JointPicker) and start is editor(other, "patient_global").line
    key(qtbot, Qt.Key.Key_Space)  # a stray space on arriving changes nothing
    assert stored(site, "joint_exam") == {"tender": ["wrist_r"], "swollen": []}


def test_an_examination_entered_with_no_joint_marked_is_entered(make_view):
    view = make_view({"joint_exam": {"tender": [], "swollen": []}, "esr": 10, "patient_global": {"value": 20, "unit": "mm"}})
    page = page_of(view, "I1")
    assert page.focus_first_empty() is page.note  # every fact entered: the source note


def test_a_page_all_entered_or_read_only_starts_on_the_source_note(make_view):
    view = make_view({"malignancy": "no", "family_malignancy": "no"})
    page = page_of(view, "E2")
    assert page.focus_first_empty() is page.note
    page = page_of(view, "E1")
    page.set_read_only(True)
    assert page.focus_first_empty() is page.note


# -- a refused value, as typed ---------------------------------------------------------------------------

def test_a_refused_value_is_kept_as_typed_and_named_by_the_verdict(qtbot, make_view, site):
    view = make_view()
    page = page_of(view, "I3")
    hb = editor(page, "haemoglobin")
    page.focus_first_empty()
    qtbot.keyClicks(hb.line, "8.5")  # 8.5 g/L: a value no blood has (g/dL meant)
    assert hb.problem.isVisible() and hb.refused_text() == "8.5 g/L"
    assert page.refused() == {"haemoglobin": "8.5 g/L"}
    reason = page.verdict.reason.text()
    assert "8.5 g/L" in reason and "refused" in reason
    key(qtbot, Qt.Key.Key_Tab)
    assert stored(site, "haemoglobin") is None and hb.refused_text() == "8.5 g/L"
    hb.line.setFocus()
    hb.line.selectAll()
    qtbot.keyClicks(hb.line, "85")
    key(qtbot, Qt.Key.Key_Tab)
    assert stored(site, "haemoglobin") == {"value": 85, "unit": "g/L"}
    assert hb.refused_text() is None and page.refused() == {} and "refused" not in page.verdict.reason.text()


def test_a_stored_value_shown_again_is_not_refused(qtbot, make_view):
    view = make_view({"haemoglobin": {"value": 120, "unit": "g/L"}})
    hb = editor(page_of(view, "I3"), "haemoglobin")
    hb.show_problem("shown with the stored value")  # a problem beside a value nobody typed here
    assert hb.refused_text() is None


# -- never by one key ------------------------------------------------------------------------------------

def test_n_in_the_empty_date_answers_never_and_space_takes_it_back(qtbot):
    from trialdesk.resources import bundled_protocols

    nct = load_protocol(bundled_protocols()["NCT03798028"])
    field = make_editor(nct.fact["last_intra_articular_glucocorticoid"], Messages(nct, "en"))
    qtbot.addWidget(field)
    field.show()
    field.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is field)
    commits = []
    field.committed.connect(lambda _, raw: commits.append(raw))
    assert field.never.text() == "Never (N)" and "N in the empty date field" in field.never.toolTip()
    field.setFocus()
    assert field.field.line.hasFocus()
    key(qtbot, Qt.Key.Key_N)
    assert field.never.isChecked() and field.never.hasFocus() and commits == [NEVER]
    assert field.field.line.text() == "" and not field.field.isEnabled()
    key(qtbot, Qt.Key.Key_Space)
    assert not field.never.isChecked() and field.field.isEnabled() and commits[-1] is None
    field.field.line.setFocus()
    qtbot.keyClicks(field.field.line, "2026-1n")  # within a date, N is a character like any other
    assert field.field.line.text() == "2026-1n" and not field.never.isChecked()
