"""Run by tests/test_setup.py in a process of its own, on a virtual X server (QT_QPA_PLATFORM=xcb).

Not collected by the ordinary run (its name does not start with test_): Qt picks its platform
once per process, and the rest of the suite is offscreen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from tests.ui.conftest import when_modal
from tests.ui.test_walk import SUBJECT, fill_new_screening


def test_a_real_window_opens_starts_a_screening_and_closes(qtbot, window, tmp_path):
    assert QGuiApplication.platformName() == "xcb"
    window.resize(1366, 768)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # no window manager: the program asks for focus itself

    def fill(dialog):
        fill_new_screening(qtbot, dialog, SUBJECT)
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    when_modal(fill)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.view is not None)
    assert window.view.session.screening.subject.screening_number == "S-001"
    assert window.view.isVisible() and window.windowHandle().isExposed()
    shot = window.grab()
    assert shot.width() >= 1000 and not shot.toImage().isNull()
    shot.save(str(tmp_path / "real-window.png"))
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible())
    assert QApplication.instance().platformName() == "xcb"
