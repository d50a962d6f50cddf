"""Screenshots for H2 (temporary; removed before the end)."""
from __future__ import annotations
import os
from pathlib import Path
from PySide6.QtGui import QGuiApplication
from tests.ui.conftest import create
from trialdesk.ui.main_window import MainWindow

OUT = Path(os.environ.get("SHOTS", "/tmp/h2"))


def test_shots(qtbot, open_site, site_people):
    site = open_site()
    person = site_people.pi
    window = MainWindow(site, site.sign_in(person.name, person.password))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    screen = QGuiApplication.primaryScreen()
    tag = os.environ.get("TAG", "x")
    print("available", screen.availableGeometry(), screen.devicePixelRatio())

    def shot(name):
        qtbot.wait(150)
        screen.grabWindow(0).save(str(OUT / f"{tag}-{name}.png"))

    print("window", window.frameGeometry(), window.minimumSizeHint())
    for name, number in (("eligible", "S-001"), ("ineligible", "S-002"), ("incomplete", "S-003")):
        create(window, name, number)
    window.log.refresh()
    shot("log")
    sid = create(window, "ineligible", "S-004")
    window.open_screening(sid)
    print("window with view", window.frameGeometry(), window.minimumSizeHint())
    window.view.go_to_criterion("I1")
    shot("I1")
    window.view.go_to_criterion("E2")
    shot("E2")
    window.view.side.setCurrentRow(len(window.view.pages))
    shot("summary")
    from trialdesk.ui.sign_dialog import SignDialog
    from trialdesk.ui.complete_dialog import CompleteDialog
    sid = create(window, "eligible", "S-005")
    window.open_screening(sid)
    shot("summary-eligible")
    dialog = CompleteDialog(window.desk, window.view.session, window.view.words, window)
    dialog.show()
    shot("complete")
    print("complete", dialog.frameGeometry())
    dialog.close()
    dialog = SignDialog(window.desk, window.view.session, window.view.words, window)
    dialog.show()
    shot("sign")
    print("sign", dialog.frameGeometry(), dialog.minimumSizeHint())
    dialog.close()
