"""Run by tests/ui/test_fits_the_screen.py in a process of its own, on a virtual X server of a laptop's
size (QT_QPA_PLATFORM=xcb, maybe QT_SCALE_FACTOR=1.5): the main window and every dialog open within
the screen's available area, with their buttons on it.

Not collected by the ordinary run (its name does not start with test_): Qt picks its platform and
its scale once per process, and the rest of the suite is offscreen.
"""

from __future__ import annotations

import os
from pathlib import Path

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QDialogButtonBox, QWidget

from tests.conftest import DELEGATED_FROM, FIRST_PASSWORD, PASSWORD, PI, Clock
from tests.ui.conftest import create
from tests.ui.screens import dialogs
from trialdesk.desk import Desk, Site
from trialdesk.ui.main_window import MainWindow

SHOTS = os.environ.get("TRIALDESK_SHOTS")  # a folder for screenshots to look at, when given


def on_screen(widget: QWidget) -> QRect:
    """Where `widget` is on the screen."""
    return QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size())


def shot(qtbot, name: str) -> None:
    qtbot.wait(100)  # drawn on the X server
    if SHOTS:
        screen = QGuiApplication.primaryScreen()
        size = f"{screen.size().width()}x{screen.size().height()}@{screen.devicePixelRatio():g}"
        screen.grabWindow(0).save(str(Path(SHOTS) / f"{size}-{name}.png"))


@pytest.fixture
def investigator(tmp_path) -> Iterator[Desk]:
    """A site of its own with an investigator who may enter and sign (no identity: nothing is signed here)."""
    from trialdesk.domain.people import Role, Task
    from trialdesk.settings import AppSettings

    with Site(AppSettings(data_dir=tmp_path / "site"), clock=Clock()) as site:
        site.create_first_administrator("Ada Admin", PASSWORD).add_user(PI, Role.PRINCIPAL_INVESTIGATOR,
                                                                        FIRST_PASSWORD)
        site.sign_in(PI, FIRST_PASSWORD).change_password(FIRST_PASSWORD, PASSWORD)
        pi = site.sign_in(PI, PASSWORD)
        pi.delegate(PI, {Task.ENTER, Task.SIGN}, DELEGATED_FROM)
        yield pi


def test_the_window_and_every_dialog_fit_the_screen(qtbot, investigator):
    assert QGuiApplication.platformName() == "xcb"
    area = QGuiApplication.primaryScreen().availableGeometry()
    window = MainWindow(investigator.site, investigator)  # as trialdesk opens it: no size given
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert area.contains(window.frameGeometry()), (window.frameGeometry(), area)
    shot(qtbot, "log")
    window.open_screening(create(window, "ineligible"))
    view = window.view
    for criterion_id in ("I1", "I7", "E2"):  # the tallest and the widest pages
        view.go_to_criterion(criterion_id)
        qtbot.wait(50)
        for button in (view.back, view.next):  # inside the window, and the window inside the screen
            assert window.geometry().contains(on_screen(button)) and area.contains(on_screen(button)), criterion_id
        shot(qtbot, f"page-{criterion_id}")
    view.side.setCurrentRow(len(view.pages))
    assert area.contains(on_screen(view.summary.fail_button))
    shot(qtbot, "summary")
    assert area.contains(window.frameGeometry())

    for name, make in dialogs(window, PASSWORD).items():
        dialog = make()
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.wait(50)
        assert area.contains(dialog.frameGeometry()), (name, dialog.frameGeometry(), area)
        for box in dialog.findChildren(QDialogButtonBox):
            for button in box.findChildren(QAbstractButton):
                if button.isVisible():
                    assert area.contains(on_screen(button)), (name, button.text())
        shot(qtbot, f"dialog-{name.replace(' ', '-')}")
        dialog.hide()
        dialog.deleteLater()
    window.close()
