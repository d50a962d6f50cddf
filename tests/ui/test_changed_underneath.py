"""Two people on one screening: a window shows what someone else changed meanwhile (what, by whom,
when) and the stored values before it takes the next edit; retyping a value is no change; a
read-only site says so and opens screenings read-only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget

from tests.ui.conftest import create, editor_on, example, when_modal
from trialdesk.ui.changes_dialog import ChangesDialog
from trialdesk.ui.dialogs import ReasonDialog
from trialdesk.ui.main_window import MainWindow

WHEN, WHO, WHAT, BEFORE, AFTER, REASON = range(6)


def open_example(qtbot, window, name: str):
    screening_id = create(window, name)
    window.open_screening(screening_id)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window.view



def someone_else(window, person):
    """Another person's session on the same screening (as another window or computer would hold)."""
    return window.site.sign_in(person.name, person.password).open(window.view.session.screening.id)


def cells(dialog: ChangesDialog) -> list[list[str]]:
    table = dialog.table
    return [[table.item(r, c).toolTip() for c in range(table.columnCount())] for r in range(table.rowCount())]


def read_and_close(qtbot, seen: dict):
    """The changes dialog's handler: remember what it shows, then press OK as a person would."""

    def look(dialog):
        assert dialog.objectName() == "changedUnderneath"
        seen["summary"] = dialog.summary.text()
        seen["rows"] = cells(dialog)
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    return look


def local(entry) -> str:
    return entry.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def test_a_change_made_meanwhile_is_shown_at_the_first_keystroke_and_the_window_redrawn(qtbot, window, site_people):
    view = open_example(qtbot, window, "incomplete")  # S-003: no haemoglobin, no ESR yet
    screening_id = view.session.screening.id
    assert editor_on(view, "I5", "haemoglobin").line.text() == ""
    pi = someone_else(window, site_people.pi)
    pi.record_fact("haemoglobin", {"value": "88", "unit": "g/L"})  # person B, meanwhile
    changed = window.site.history(screening_id)[-1]

    seen: dict = {}
    when_modal(read_and_close(qtbot, seen), ChangesDialog)
    esr = editor_on(view, "I4", "esr")
    esr.line.setFocus()
    qtbot.keyClicks(esr.line, "4")  # person A starts an entry on a view that is out of date
    assert seen, "the changes were not shown"
    assert "Wang Li" in seen["summary"]
    assert seen["rows"] == [[local(changed), "Wang Li", "Haemoglobin", "not entered", "88 g/L", ""]]
    assert esr.line.text() == ""  # the keystroke typed against the old view was dropped, not saved
    hb = editor_on(view, "I5", "haemoglobin")
    assert hb.line.text() == "88"  # every editor shows what is stored now
    assert view.current_page().verdict.title.text().startswith("I5 met")
    assert view.side.item(4).text() == "I5 met"
    assert window.site.history(screening_id)[-1].seq == changed.seq  # nothing saved from A

    esr = editor_on(view, "I4", "esr")  # A makes the entry again: now it is saved
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # the dialog has gone
    esr.line.setFocus()
    qtbot.keyClicks(esr.line, "40")
    qtbot.keyClick(esr.line, Qt.Key.Key_Tab)
    last = window.site.history(screening_id)[-1]
    assert (last.actor, last.target, last.old_value, last.new_value) == ("Chen Hua", "esr", None,
                                                                         {"value": 40, "unit": "mm/h"})

    def reason(dialog):  # B entered the haemoglobin: A's change of it is asked a reason
        qtbot.keyClicks(dialog.reason, "lab report re-read")
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)

    when_modal(reason, ReasonDialog)
    hb = editor_on(view, "I5", "haemoglobin")
    hb.line.setFocus()
    hb.line.selectAll()
    qtbot.keyClicks(hb.line, "86")
    qtbot.keyClick(hb.line, Qt.Key.Key_Tab)
    last = window.site.history(screening_id)[-1]
    assert (last.target, last.old_value, last.new_value, last.reason) == (
        "haemoglobin", {"value": 88, "unit": "g/L"}, {"value": 86, "unit": "g/L"}, "lab report re-read")


def test_a_save_refused_for_a_change_made_meanwhile_shows_it_and_saves_nothing(qtbot, window, site_people):
    view = open_example(qtbot, window, "incomplete")
    screening_id = view.session.screening.id
    pi = someone_else(window, site_people.pi)
    esr = editor_on(view, "I4", "esr")
    esr.line.setFocus()
    qtbot.keyClicks(esr.line, "4")  # A's entry began on a current view...
    pi.record_fact("haemoglobin", {"value": "88", "unit": "g/L"})  # ...and B saves before A finishes it
    pi.set_note("I5", "CBC report 2026-11-19")
    before = len(window.site.history(screening_id))

    seen: dict = {}
    when_modal(read_and_close(qtbot, seen), ChangesDialog)
    qtbot.keyClicks(esr.line, "0")
    qtbot.keyClick(esr.line, Qt.Key.Key_Tab)  # the store refuses the save: changed underneath
    assert [row[WHAT] for row in seen["rows"]] == ["Haemoglobin", "Source document for I5"]
    assert seen["rows"][1][BEFORE:REASON] == ["(none)", "CBC report 2026-11-19"]
    assert {row[WHO] for row in seen["rows"]} == {"Wang Li"}
    assert len(window.site.history(screening_id)) == before  # nothing saved
    assert "esr" not in window.site.screening(screening_id).answers
    assert esr.line.text() == ""
    view.go_to_criterion("I5")
    assert view.current_page().note.text() == "CBC report 2026-11-19"
    assert editor_on(view, "I5", "haemoglobin").line.text() == "88"


def test_getting_the_focus_back_shows_what_changed_meanwhile(qtbot, window, site_people):
    view = open_example(qtbot, window, "eligible")
    screening_id = view.session.screening.id
    other = QWidget()  # the person works in another window meanwhile
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is other)
    pi = someone_else(window, site_people.pi)
    pi.record_fact("haemoglobin", {"value": "9,1", "unit": "g/dL"}, reason="repeat sample")

    seen: dict = {}
    when_modal(read_and_close(qtbot, seen), ChangesDialog)
    window.activateWindow()  # back to trialdesk
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    change = window.site.history(screening_id)[-1]
    assert seen["rows"] == [[local(change), "Wang Li", "Haemoglobin", "85 g/L",
                             "9.1 g/dL (= 91 g/L)", "repeat sample"]]
    hb = editor_on(view, "I5", "haemoglobin")
    assert (hb.line.text(), hb.unit.currentText()) == ("9.1", "g/dL")
    assert view.current_page().verdict.title.text().startswith("I5 not met: excluded")


def test_retyping_the_stored_value_is_no_change(qtbot, window):
    view = open_example(qtbot, window, "eligible")  # haemoglobin 85 g/L, from the import
    screening_id = view.session.screening.id
    before = window.site.history(screening_id)
    hb = editor_on(view, "I5", "haemoglobin")
    for retyped in ("85", "85,0", "85.00"):  # the same value: no reason asked (no dialog may open)
        hb.line.setFocus()
        hb.line.selectAll()
        qtbot.keyClicks(hb.line, retyped)
        qtbot.keyClick(hb.line, Qt.Key.Key_Tab)
        qtbot.wait(800)  # past the pause after which an entry is saved
    assert window.site.history(screening_id) == before
    assert window.site.screening(screening_id).answers["haemoglobin"] == {"value": 85, "unit": "g/L"}


def test_a_reason_the_store_asks_for_is_asked_and_the_change_saved(qtbot, window, monkeypatch):
    view = open_example(qtbot, window, "eligible")
    screening_id = view.session.screening.id
    # the view believes no reason is due (as when the answer was entered by someone else an instant
    # before); the store decides on what is stored, and asks for one
    monkeypatch.setattr(view.session, "needs_reason", lambda fact_id: False)
    asked: dict = {}

    def reason(dialog):
        asked["explanation"] = dialog.layout().itemAt(0).widget().text()
        qtbot.keyClicks(dialog.reason, "transcription error")
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)

    when_modal(reason, ReasonDialog)
    hb = editor_on(view, "I5", "haemoglobin")
    hb.line.setFocus()
    hb.line.selectAll()
    qtbot.keyClicks(hb.line, "84")
    qtbot.keyClick(hb.line, Qt.Key.Key_Tab)
    assert "“Haemoglobin” was entered by Chen Hua" in asked["explanation"]
    last = window.site.history(screening_id)[-1]
    assert (last.target, last.old_value, last.new_value, last.reason) == (
        "haemoglobin", {"value": 85, "unit": "g/L"}, {"value": 84, "unit": "g/L"}, "transcription error")
    assert hb.line.text() == "84"


def test_a_read_only_site_says_so_and_opens_screenings_read_only(qtbot, open_site, site_people, monkeypatch):
    site = open_site()
    person = site_people.coordinator
    desk = site.sign_in(person.name, person.password)
    data = example("eligible")
    screening_id = desk.start_screening(site.protocol("NCT03798028"),
                                        {**data["subject"], "screening_date": data["screening_date"]},
                                        data["facts"]).screening.id
    # read-only media, simulated: the database says it was opened for reading only
    monkeypatch.setattr(site.database, "read_only", True)
    main = MainWindow(site, desk)
    qtbot.addWidget(main)
    main.resize(1200, 850)
    main.show()
    qtbot.waitExposed(main)
    notice = main.findChild(QWidget, "readOnlyNotice")
    assert notice.isVisible()
    assert "open for reading only" in notice.text() and notice.text().startswith("Read only")
    assert not main.new_action.isEnabled()

    main.open_screening(screening_id)
    view = main.view
    assert view.lock_banner.isVisible() and "open for reading only" in view.lock_banner.text()
    hb = editor_on(view, "I5", "haemoglobin")
    assert not hb.input.isEnabled()
    assert view.current_page().note.isReadOnly()
    view.side.setCurrentRow(view.side.count() - 1)
    assert not view.summary.fail_button.isEnabled() and not view.summary.complete_button.isEnabled()
    main.close()


def test_completing_a_screening_changed_meanwhile_shows_the_change_and_completes_nothing(qtbot, window, site_people):
    from trialdesk.ui.complete_dialog import CompleteDialog

    view = open_example(qtbot, window, "eligible")
    screening_id = view.session.screening.id
    pi = someone_else(window, site_people.pi)

    def complete(dialog):  # B changes the screening while A types the password to complete it
        pi.record_fact("esr", {"value": "41", "unit": "mm/h"}, reason="repeat sample")
        qtbot.keyClicks(dialog.password, site_people.coordinator.password)
        qtbot.mouseClick(dialog.complete_button, Qt.MouseButton.LeftButton)

    seen: dict = {}
    when_modal(complete, CompleteDialog)
    when_modal(read_and_close(qtbot, seen), ChangesDialog)
    view.side.setCurrentRow(view.side.count() - 1)
    qtbot.mouseClick(view.summary.complete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen["rows"][0][WHO:] == ["Wang Li", "ESR", "38 mm/h", "41 mm/h", "repeat sample"]
    assert window.site.completion(screening_id) is None  # one completes what one has seen
    assert editor_on(view, "I4", "esr").line.text() == "41"

    pi.record_fact("esr", {"value": "42", "unit": "mm/h"}, reason="third sample")
    seen.clear()
    when_modal(read_and_close(qtbot, seen), ChangesDialog)
    view.side.setCurrentRow(view.side.count() - 1)
    qtbot.mouseClick(view.summary.complete_button, Qt.MouseButton.LeftButton)  # checked before the dialog opens
    assert [row[AFTER] for row in seen["rows"]] == ["42 mm/h"]
    assert window.site.completion(screening_id) is None
