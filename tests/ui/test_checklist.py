"""The checklist of yes/no criteria: one table answered with Y, N, U and the arrows, each answer saved
and audited one by one through the session; reasons and confirmations asked as on the pages; Undo
(Ctrl+Z); read-only on a locked screening; every widget named for a screen reader."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from tests.conftest import COORDINATOR, PASSWORD, SUB_I
from tests.ui.conftest import when_modal
from trialdesk.messages import Messages
from trialdesk.resources import resource_path
from trialdesk.ui.checklist_model import ANSWER, QUESTION, RESULT, checklist_rows
from trialdesk.ui.checklist_view import ChecklistDialog
from trialdesk.ui.confirm_dialog import ConfirmValueDialog
from trialdesk.ui.dialogs import ReasonDialog
from trialdesk.ui.qt_session import QtScreeningSession

ENTRY_TEST = Path(__file__).parents[1] / "data" / "asked_if.yaml"
YES_NO_CRITERIA = ["E3", "E4", "E5", "E6", "E7", "E9", "E11", "E12", "E14", "E16", "E17", "E18", "E19", "E20", "E21"]


@pytest.fixture
def site(open_site):
    site = open_site()
    site.add_protocol_file(ENTRY_TEST)
    return site


@pytest.fixture
def desk(site):
    return site.sign_in(COORDINATOR, PASSWORD)


def example(name: str) -> dict:
    data = json.loads(resource_path(f"examples/NCT03798028-{name}.json").read_text(encoding="utf-8"))
    return {"subject": {**data["subject"], "screening_date": data["screening_date"]}, "facts": data["facts"]}


@pytest.fixture
def make_checklist(qtbot, desk):
    def make(session, *, lang: str = "en", read_only: bool | None = None) -> ChecklistDialog:
        qt = QtScreeningSession(session)
        dialog = ChecklistDialog(qt, Messages(session.protocol, lang), read_only=read_only)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        return dialog
    return make


def new_screening(desk, facts=None, number="C-001"):
    """A screening of NCT03798028 with its subject and only `facts` answered (none of the yes/no questions)."""
    data = example("incomplete")
    subject = {**data["subject"], "screening_number": number,
               **{k: data["facts"][k] for k in ("date_of_birth", "sex", "consent_date")}}
    return desk.start_screening("NCT03798028", subject, facts or {})


def cell(dialog: ChecklistDialog, row: int, column: int) -> str:
    return dialog.model.index(row, column).data()


def row_of(dialog: ChecklistDialog, fact_id: str) -> int:
    return next(r for r, (_, f) in enumerate(dialog.model.rows) if f == fact_id)


def trail(desk, session):
    return desk.site.history(session.screening.id)


def test_the_table_lists_every_yes_no_question_of_the_yes_no_criteria_once(desk):
    protocol = desk.site.protocol("NCT03798028")
    rows = checklist_rows(protocol)
    assert list(dict.fromkeys(c.id for c, _ in rows)) == YES_NO_CRITERIA
    assert [f for c, f in rows if c.id in ("E6", "E16")] == [
        "malignancy", "family_malignancy", "anaemia_other_cause", "ild_other_cause"]
    assert len({f for _, f in rows}) == len(rows) == 18


def test_y_n_u_answer_the_current_row_each_saved_and_audited_and_the_next_row_comes(qtbot, desk, make_checklist):
    session = new_screening(desk)
    dialog = make_checklist(session)
    table = dialog.table
    assert dialog.table.hasFocus() and table.currentIndex().row() == 0  # the first question not answered
    assert cell(dialog, 0, QUESTION) == "Another connective tissue disease (Sjögren's syndrome excepted)"
    assert cell(dialog, 0, ANSWER) == "—" and cell(dialog, 0, RESULT) == "E3 not decided yet"
    before = len(trail(desk, session))
    for key in (Qt.Key.Key_N, Qt.Key.Key_N, Qt.Key.Key_U, Qt.Key.Key_Y):
        qtbot.keyClick(table, key)
    assert [cell(dialog, r, ANSWER) for r in range(4)] == ["no", "no", "not known", "yes"]
    assert [cell(dialog, r, RESULT) for r in range(4)] == [
        "E3 does not apply", "E4 does not apply", "E5 not decided yet", "E6 applies: excluded"]
    assert table.currentIndex().row() == 4
    stored = desk.site.screening("C-001").answers
    assert [stored[f] for f in ("other_connective_tissue_disease", "infection", "tuberculosis", "malignancy")] == [
        "no", "no", "unknown", "yes"]
    entries = trail(desk, session)[before:]
    assert [(e.action, e.target, e.new_value, e.actor) for e in entries] == [
        ("answer", "other_connective_tissue_disease", "no", COORDINATOR), ("answer", "infection", "no", COORDINATOR),
        ("answer", "tuberculosis", "unknown", COORDINATOR), ("answer", "malignancy", "yes", COORDINATOR)]
    assert dialog.status.text() == "Saved: E6 Malignant tumour, now or in the past: yes"
    assert dialog.progress.text() == "4 of 18 questions answered"


def test_arrows_move_and_delete_clears_an_answer_as_a_change_of_its_own(qtbot, desk, make_checklist):
    session = new_screening(desk)
    dialog = make_checklist(session)
    table = dialog.table
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Y)  # E5, then on to E6
    assert cell(dialog, 2, ANSWER) == "yes" and table.currentIndex().row() == 3
    qtbot.keyClick(table, Qt.Key.Key_Up)
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert cell(dialog, 2, ANSWER) == "—" and table.currentIndex().row() == 3
    assert [(e.target, e.old_value, e.new_value) for e in trail(desk, session)[-2:]] == [
        ("tuberculosis", None, "yes"), ("tuberculosis", "yes", None)]


def test_changing_an_earlier_answer_asks_a_reason_and_records_it(qtbot, desk, make_checklist):
    first = new_screening(desk, {"infection": "yes"})
    later = desk.open(first.screening.id)  # another sitting: the earlier answer needs a reason to change
    dialog = make_checklist(later)
    dialog.go_to(row_of(dialog, "infection"))

    def give_reason(reason_dialog):
        qtbot.keyClicks(reason_dialog.reason, "re-read the referral letter")
        qtbot.keyClick(reason_dialog.reason, Qt.Key.Key_Return)

    when_modal(give_reason, ReasonDialog)
    qtbot.keyClick(dialog.table, Qt.Key.Key_N)
    entry = trail(desk, later)[-1]
    assert (entry.target, entry.old_value, entry.new_value, entry.reason) == (
        "infection", "yes", "no", "re-read the referral letter")


def test_a_reason_refused_saves_nothing(qtbot, desk, make_checklist):
    first = new_screening(desk, {"infection": "yes"})
    dialog = make_checklist(desk.open(first.screening.id))
    dialog.go_to(row_of(dialog, "infection"))
    when_modal(lambda reason_dialog: reason_dialog.reject(), ReasonDialog)
    qtbot.keyClick(dialog.table, Qt.Key.Key_N)
    assert desk.site.screening("C-001").answers["infection"] == "yes" and cell(dialog, 1, ANSWER) == "yes"
    assert dialog.status.text().startswith("Not saved:")


def test_an_unusual_answer_is_confirmed_first_and_the_confirmation_audited(qtbot, site, desk, make_checklist):
    subject = {"screening_number": "W-001", "initials": "ZL", "date_of_birth": "1980-05-01", "sex": "female",
               "screening_date": "2026-11-20", "consent_date": "2026-11-18", "consent_version": "v1"}
    session = desk.start_screening("ENTRY-TEST", subject, {"hbv": "positive"})
    dialog = make_checklist(session)
    assert [f for _, f in dialog.model.rows] == ["breast_feeding", "hbv_infection"]
    dialog.go_to(1)
    when_modal(lambda confirm: confirm.confirm.click(), ConfirmValueDialog)
    qtbot.keyClick(dialog.table, Qt.Key.Key_N)
    answer, confirmed = trail(desk, session)[-2:]
    assert (answer.target, answer.new_value, confirmed.action, confirmed.target) == (
        "hbv_infection", "no", "warning_confirmed", "hbv_infection")


def test_a_question_not_asked_says_so_and_takes_no_answer(qtbot, desk, make_checklist):
    subject = {"screening_number": "W-002", "initials": "LM", "date_of_birth": "1980-05-01", "sex": "male",
               "screening_date": "2026-11-20", "consent_date": "2026-11-18", "consent_version": "v1"}
    session = desk.start_screening("ENTRY-TEST", subject, {"sex": "male"})
    dialog = make_checklist(session)
    assert cell(dialog, 0, ANSWER) == dialog.words.not_asked_answer("breast_feeding")
    assert dialog.table.currentIndex().row() == 1  # the first question still to answer
    dialog.go_to(0)
    count = len(trail(desk, session))
    qtbot.keyClick(dialog.table, Qt.Key.Key_Y)
    assert len(trail(desk, session)) == count and "breast_feeding" not in session.screening.answers
    assert dialog.status.text() == dialog.words.asked_only_when("breast_feeding")


def test_ctrl_z_undoes_the_last_answers_one_by_one(qtbot, desk, make_checklist):
    session = new_screening(desk)
    dialog = make_checklist(session)
    assert not dialog.undo_button.isEnabled()
    qtbot.keyClick(dialog.table, Qt.Key.Key_N)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Y)
    assert dialog.undo_button.isEnabled()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert cell(dialog, 1, ANSWER) == "—" and dialog.table.currentIndex().row() == 1
    assert dialog.status.text() == "Undone: Chronic or acute infection (bacterial, viral, parasitic or other) is back to not entered"
    qtbot.keyClick(dialog.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert cell(dialog, 0, ANSWER) == "—" and not dialog.undo_button.isEnabled()
    undos = trail(desk, session)[-2:]
    assert [(e.target, e.old_value, e.new_value) for e in undos] == [
        ("infection", "yes", None), ("other_connective_tissue_disease", "no", None)]
    assert all(e.reason.startswith("Undo: undoes the change of ") for e in undos)


def test_undo_after_someone_else_changed_the_screening_is_refused_and_shows_what_changed(qtbot, site, desk,
                                                                                          make_checklist):
    session = new_screening(desk)
    dialog = make_checklist(session)
    qtbot.keyClick(dialog.table, Qt.Key.Key_N)
    other = site.sign_in(SUB_I, PASSWORD).open(session.screening.id)
    other.record_fact("infection", "yes")
    shown = []
    when_modal(lambda changes: (shown.append(changes.rows), changes.accept()))
    qtbot.keyClick(dialog.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert shown and dialog.status.text() == "Not undone: someone else changed the screening since."
    assert desk.site.screening("C-001").answers["other_connective_tissue_disease"] == "no"
    assert cell(dialog, 1, ANSWER) == "yes" and not dialog.undo_button.isEnabled()  # the stored state, shown


def test_a_locked_screening_reads_and_changes_nothing(qtbot, desk, make_checklist):
    session = new_screening(desk, {"infection": "no"})
    dialog = make_checklist(session, read_only=True)
    assert dialog.banner.isVisible()
    count = len(trail(desk, session))
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Y)
    assert cell(dialog, 1, ANSWER) == "no" and len(trail(desk, session)) == count
    assert dialog.status.text().startswith("Read only:")


def test_every_widget_of_the_checklist_has_an_accessible_name_and_each_row_reads_aloud(desk, make_checklist):
    dialog = make_checklist(new_screening(desk, {"infection": "no"}))
    focusable = [w for w in dialog.findChildren(QWidget) if w.focusPolicy() != Qt.FocusPolicy.NoFocus and w.isVisible()]
    assert focusable and all(w.accessibleName() for w in focusable), [w for w in focusable if not w.accessibleName()]
    assert dialog.model.index(1, ANSWER).data(Qt.ItemDataRole.AccessibleTextRole) == (
        "E4, Chronic or acute infection (bacterial, viral, parasitic or other): no. E4 does not apply")


def test_the_protocol_text_of_the_current_row_is_shown_verbatim(qtbot, desk, make_checklist):
    dialog = make_checklist(new_screening(desk), lang="zh_CN")
    protocol = desk.site.protocol("NCT03798028")
    dialog.go_to(row_of(dialog, "family_malignancy"))
    e6 = next(c for c in protocol.criteria if c.id == "E6")
    assert e6.text in dialog.text.text() and dialog.words.criterion_translation(e6) in dialog.text.text()


def test_the_checklist_fits_the_screen(desk, make_checklist):
    dialog = make_checklist(new_screening(desk))
    available = dialog.screen().availableGeometry()
    assert available.contains(dialog.frameGeometry()) or dialog.frameGeometry().height() <= available.height()


def test_a_protocol_without_yes_no_criteria_says_so(qtbot, site, desk, make_checklist):
    site.add_protocol_file(Path(__file__).parents[1] / "data" / "language.yaml")
    subject = {"screening_number": "L-001", "initials": "ZL", "date_of_birth": "1980-05-01", "sex": "female",
               "screening_date": "2026-11-20", "consent_date": "2026-11-18", "consent_version": "v1"}
    dialog = make_checklist(desk.start_screening("LANG-TEST", subject))
    assert dialog.model.rowCount() == 0 and dialog.progress.text() == "0 of 0 questions answered"
    assert dialog.status.text() == "This protocol has no yes/no criteria: every criterion is entered on its page."
    qtbot.keyClick(dialog.table, Qt.Key.Key_Y)  # nothing to answer, nothing breaks
