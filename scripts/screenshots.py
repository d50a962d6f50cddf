"""Render the main screens to PNG (offscreen), for the README: python scripts/screenshots.py [OUT_DIR]."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from trialdesk.desk import Desk, Site  # noqa: E402
from trialdesk.domain.people import Role, Task  # noqa: E402
from trialdesk.messages import Messages  # noqa: E402
from trialdesk.resources import resource_path  # noqa: E402
from trialdesk.settings import AppSettings  # noqa: E402
from trialdesk.ui.look import install_language, prepare_application  # noqa: E402
from trialdesk.ui.main_window import MainWindow  # noqa: E402
from trialdesk.ui.new_screening_dialog import NewScreeningDialog  # noqa: E402
from trialdesk.ui.sign_in_dialog import SignInDialog  # noqa: E402

TODAY = date(2026, 11, 20)
COORDINATOR = "Chen Hua"


def settled(app: QApplication, model) -> None:
    """Let the log read what it reads once its rows are shown (its cells say "…" until then)."""
    import time

    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        app.processEvents()
        cells = (model.index(row, column) for row in range(model.rowCount()) for column in range(model.columnCount()))
        if not any(model.data(cell) == "…" for cell in cells):
            return
        time.sleep(0.02)


def people(site: Site) -> Desk:
    """The site's people (throwaway passwords): an administrator, the PI, and the coordinator, signed in."""
    password = os.urandom(12).hex()
    admin = site.create_first_administrator("Ada Admin", password)
    given = os.urandom(12).hex()
    for name, role in (("Wang Li", Role.PRINCIPAL_INVESTIGATOR), (COORDINATOR, Role.COORDINATOR)):
        admin.add_user(name, role, given)
        site.sign_in(name, given).change_password(given, password)  # each chooses their own
    investigator = site.sign_in("Wang Li", password)
    investigator.delegate("Wang Li", {Task.ENTER, Task.SIGN}, site.clock().date())
    investigator.delegate(COORDINATOR, {Task.ENTER}, site.clock().date())
    return site.sign_in(COORDINATOR, password)


def populate(window: MainWindow) -> None:
    protocol = window.protocol("NCT03798028")
    for name, number, initials in (("eligible", "S-001", "ZHL"), ("ineligible", "S-002", "WM"), ("incomplete", "S-003", "LXY")):
        data = json.loads(resource_path(f"examples/NCT03798028-{name}.json").read_text(encoding="utf-8"))
        subject = {**data["subject"], "screening_number": number, "initials": initials, "screening_date": data["screening_date"]}
        session = window.desk.start_screening(protocol, subject, data["facts"], site="01")
        if name == "ineligible":
            window.desk.record_screen_failure(session, "Not eligible: I5, I7, E2, E15")


#: A clinic list as a site exports it from its records: a pseudonymous id, then facts known.
CLINIC_LIST = """candidate,date_of_birth,sex,haemoglobin [g/L],tuberculosis,hbv,crp
MRN-4471,1972-03-15,male,130,yes,,
MRN-4472,2015-01-01,female,,,,
MRN-4473,1968-07-02,female,118,no,negative,12 mg/L
MRN-4474,1980-05-05,female,,unknown,,
MRN-4475,1959-11-30,male,102,no,negative,
"""


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    prepare_application(app)
    with tempfile.TemporaryDirectory() as folder, Site(AppSettings(data_dir=Path(folder))) as site:
        desk = people(site)
        sign_in = SignInDialog(site, Messages())
        sign_in.choose(COORDINATOR)
        sign_in.show()
        app.processEvents()
        sign_in.grab().save(str(out / "sign-in.png"))
        sign_in.close()

        window = MainWindow(site, desk, today=lambda: TODAY)
        populate(window)
        window.resize(1280, 860)
        window.show()
        window.log.refresh()
        settled(app, window.log.model)
        window.grab().save(str(out / "log.png"))

        dialog = NewScreeningDialog(window.protocol("NCT03798028"), site.log, "01", window.words, TODAY, window)
        dialog.show()
        app.processEvents()
        dialog.grab().save(str(out / "new-screening.png"))
        dialog.close()

        window.open_screening(3)
        view = window.view
        for criterion, name in (("I4", "criterion-i4"), ("I1", "criterion-i1"), ("I7", "criterion-i7")):
            view.go_to_criterion(criterion)
            app.processEvents()
            window.grab().save(str(out / f"{name}.png"))
        view.side.setCurrentRow(len(view.pages))
        app.processEvents()
        window.grab().save(str(out / "summary.png"))

        clinic_list = Path(folder) / "clinic-list.csv"
        clinic_list.write_text(CLINIC_LIST, encoding="utf-8")
        window.show_prescreen()
        window.prescreen_page.import_file(clinic_list)
        app.processEvents()
        window.grab().save(str(out / "prescreen.png"))
        window.show_consort()
        app.processEvents()
        window.grab().save(str(out / "consort.png"))
        window.close()
        install_language(app, "zh_CN")
        chinese = MainWindow(site, desk, today=lambda: TODAY, lang="zh_CN")
        chinese.resize(1280, 860)
        chinese.show()
        chinese.open_screening(3)
        chinese.view.go_to_criterion("I4")
        app.processEvents()
        chinese.grab().save(str(out / "criterion-i4-zh.png"))
        chinese.close()
        install_language(app, "en")
    print(f"screenshots in {out}")


if __name__ == "__main__":
    main()
