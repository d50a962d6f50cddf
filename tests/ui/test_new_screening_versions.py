"""The new-screening form says which protocol version applies on the screening date, or why none does."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from tests.persistence.test_protocol_versions import version_text, write
from tests.ui.conftest import TODAY, when_modal
from tests.ui.test_walk import SUBJECT, fill_new_screening
from trialdesk.ui.new_screening_dialog import NewScreeningDialog


def install_two_versions(window, folder):
    for name, text in (("v1.yaml", version_text("1.0", valid_from="2026-01-01", valid_to="2026-06-30")),
                       ("v2.yaml", version_text("2.0", amendment="Amendment 2", valid_from="2026-07-01"))):
        assert window.add_protocol_file(write(folder, name, text)) is True


def test_the_form_names_the_version_for_the_date_and_refuses_a_date_none_covers(qtbot, window, tmp_path):
    install_two_versions(window, tmp_path)
    site = window.site
    dialog = NewScreeningDialog(window.protocol("SITE-V"), site.log, "", window.words, TODAY, window,
                                versions=lambda on: site.version_choice("SITE-V", on))
    qtbot.addWidget(dialog)
    dialog.show()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.version_note.text() == "Protocol version for 2026-11-20: 2.0 (Amendment 2), valid from 2026-07-01"
    fill_new_screening(qtbot, dialog, {**SUBJECT, "consent_date": "2026-01-01", "screening_date": "2026-06-30"})
    assert dialog.version_note.text() == "Protocol version for 2026-06-30: 1.0, valid 2026-01-01 to 2026-06-30"
    assert ok.isEnabled() and dialog.version_note.property("role") == "hint"
    fill_new_screening(qtbot, dialog, {"consent_date": "2025-12-01", "screening_date": "2025-12-31"})
    assert dialog.version_note.text() == ("No version of SITE-V is in force on 2025-12-31. Versions: "
                                          "1.0, valid 2026-01-01 to 2026-06-30; 2.0 (Amendment 2), valid from 2026-07-01")
    assert not ok.isEnabled() and dialog.version_note.property("role") == "problem"
    assert not any(label.isVisible() for label in dialog.problems.values())  # every field itself is right


def test_the_form_says_a_withdrawn_version_starts_nothing(qtbot, window, tmp_path):
    for name, withdrawn in (("v1.yaml", False), ("v1-withdrawn.yaml", True)):
        window.add_protocol_file(write(tmp_path, name, version_text("1.0", valid_to="2026-12-31", withdrawn=withdrawn)))
    dialog = NewScreeningDialog(window.protocol("SITE-V"), window.site.log, "", window.words, TODAY, window,
                                versions=lambda on: window.site.version_choice("SITE-V", on))
    qtbot.addWidget(dialog)
    fill_new_screening(qtbot, dialog, SUBJECT)
    assert dialog.version_note.text() == ("Version 1.0, in force on 2026-11-20, is withdrawn: no new screening starts "
                                          "under it. Versions: 1.0, valid until 2026-12-31, withdrawn")
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_the_window_starts_the_screening_under_the_version_of_its_date(qtbot, window, tmp_path):
    install_two_versions(window, tmp_path)
    assert window.picker.currentText() == "SITE-V" and window.picker.findText("SITE-V@") == -1
    assert [window.picker.itemText(i) for i in range(window.picker.count())].count("SITE-V") == 1

    def fill(dialog):
        fill_new_screening(qtbot, dialog, {**SUBJECT, "consent_date": "2026-03-01", "screening_date": "2026-03-01"})
        assert "1.0" in dialog.version_note.text()
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    when_modal(fill)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    session = window.view.session
    assert session.protocol.version == "1.0"
    assert session.screening.protocol_sha256 == window.site.version_choice("SITE-V", session.on).chosen.sha256
