"""The main window: the log, the new-screening form, protocols, About, geometry, and errors."""

from __future__ import annotations

import sys

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from tests.ui.conftest import TODAY, create, type_text, when_modal
from trialdesk.resources import resource_path
from trialdesk.ui.errors import ERROR_LOG, log_error
from trialdesk.ui.main_window import MainWindow
from trialdesk.ui.new_screening_dialog import NewScreeningDialog


def test_the_log_lists_filters_searches_and_opens(qtbot, window):
    for name, number in (("eligible", "S-001"), ("ineligible", "S-002"), ("incomplete", "S-003")):
        create(window, name, number)
    window.log.refresh()
    model = window.log.model
    assert model.rowCount() == 3 and "3 screenings" in window.log.count.text()
    assert [model.index(r, 0).data() for r in range(3)] == ["S-003", "S-002", "S-001"]  # newest id first on a date
    combo = window.log.status
    combo.setFocus()
    while combo.currentText() != "ineligible":
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["S-002"]
    assert model.index(0, 4).data() == "I5, I7, E2, E15"
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    window.log.search.setFocus()
    qtbot.keyClicks(window.log.search, "LXY")
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["S-003"]
    window.log.table.setFocus()
    window.log.table.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(window.log.table, Qt.Key.Key_Return)
    assert window.view is not None and window.view.session.screening.subject.screening_number == "S-003"
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.view is None and window.stack.currentWidget() is window.log


def test_the_log_sorts_by_a_clicked_column(qtbot, window):
    for name, number in (("eligible", "B-2"), ("ineligible", "A-1"), ("incomplete", "C-3")):
        create(window, name, number)
    window.log.refresh()
    header = window.log.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(header.sectionViewportPosition(0) + 5, 5))
    numbers = [window.log.model.index(r, 0).data() for r in range(3)]
    assert numbers in (["A-1", "B-2", "C-3"], ["C-3", "B-2", "A-1"])


def test_new_screening_form_refuses_bad_fields_beside_them(qtbot, window):
    create(window, "eligible")  # S-001 exists
    dialog = NewScreeningDialog(window.protocol("NCT03798028"), window.site.log, "", window.words, TODAY, window)
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    assert dialog._focus("screening_date").text() == "2026-11-20"  # today by default

    def typed(field, text):
        line = dialog._focus(field)
        line.setFocus()
        line.selectAll()
        qtbot.keyClicks(line, text)

    typed("screening_number", "S-001")
    assert dialog.problems["screening_number"].text() == "screening number S-001 is already used for protocol NCT03798028 at site (no site number): a number names one screening"
    typed("date_of_birth", "2027-01-01")
    assert "after the screening date 2026-11-20" in dialog.problems["date_of_birth"].text()
    assert dialog._focus("date_of_birth").property("invalid") is True
    typed("consent_date", "2026-11-21")
    assert "after the screening date" in dialog.problems["consent_date"].text()
    typed("date_of_birth", "1970-02-30")
    assert "not a calendar date" in dialog.problems["date_of_birth"].text()
    typed("screening_number", "S-010")
    typed("date_of_birth", "1970-02-28")
    typed("consent_date", "2026-11-19")
    typed("consent_version", "v2")
    dialog._focus("initials").setFocus()
    type_text(dialog._focus("initials"), "张三")  # Chinese initials, typed as text
    qtbot.mouseClick(dialog.sex.buttons()[1], Qt.MouseButton.LeftButton, pos=QPoint(5, 8))
    assert dialog.values()["initials"] == "张三"
    assert not any(label.isVisible() for label in dialog.problems.values())
    assert ok.isEnabled()


def test_a_bad_protocol_file_shows_the_checkers_errors(qtbot, window, tmp_path):
    bad = tmp_path / "bad-protocol.yaml"
    text = resource_path("protocols/NCT00845832.yaml").read_text(encoding="utf-8")
    bad.write_text(text.replace("id: NCT00845832\n", "id: SITE-1\n").replace("op: \"<=\", value: 1}", "op: \"=<\", value: 1}"),
                   encoding="utf-8")
    seen = {}

    def read(box):
        seen["text"] = box.informativeText()
        box.accept()

    when_modal(read)
    assert window.add_protocol_file(bad) is False
    assert str(bad) in seen["text"] and "criteria[4].rule.op" in seen["text"]
    assert window.picker.findText("SITE-1") == -1


def test_a_good_protocol_file_joins_the_picker(qtbot, window, tmp_path):
    good = tmp_path / "site.yaml"
    good.write_text(resource_path("protocols/NCT00845832.yaml").read_text(encoding="utf-8").replace(
        "id: NCT00845832\n", "id: SITE-2\n"), encoding="utf-8")
    assert window.add_protocol_file(good) is True
    assert window.picker.currentText() == "SITE-2"
    assert (window.site.settings.protocol_dir / "SITE-2.yaml").exists()


def test_about_names_program_and_protocol_versions(qtbot, window):
    seen = {}

    def read(box):
        seen["text"] = box.text()
        box.accept()

    when_modal(read)
    window.about()
    assert "trialdesk 0." in seen["text"] and "NCT03798028" in seen["text"] and "site rule file 2.0" in seen["text"]


def test_window_geometry_is_remembered(qtbot, window):
    window.resize(720, 540)  # within the offscreen screen (800 x 600): a restore clamps to the screen
    window.close()
    again = MainWindow(window.site, window.desk)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (720, 540)
    assert (window.site.data_dir / "window.ini").exists()
    again.close()


def test_an_unexpected_error_gets_a_reference_and_is_logged_without_personal_data(tmp_path):
    initials = "ZHL"
    try:
        raise RuntimeError(f"screening S-001 ({initials}, born 1972-03-15) could not be drawn")
    except RuntimeError as error:
        reference = log_error(tmp_path, error, sys.exc_info()[2])
    log = (tmp_path / ERROR_LOG).read_text(encoding="utf-8")
    assert reference.startswith("TD-") and reference in log and "RuntimeError" in log
    assert "test_main_window.py:" in log  # where it happened
    assert initials not in log and "1972" not in log and "S-001" not in log  # never the values
    assert (tmp_path / ERROR_LOG).stat().st_mode & 0o777 == 0o600


def test_a_refused_database_is_reported_not_crashed(qtbot, settings, monkeypatch):
    from trialdesk.ui import app as app_module

    settings.data_dir.mkdir(parents=True, exist_ok=True)
    settings.database_path.write_text("this is not a database")
    seen = {}
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: seen.setdefault("text", text))
    assert app_module.run(settings) == 2
    assert "not a trialdesk database" in seen["text"]
    assert settings.database_path.read_text() == "this is not a database"
