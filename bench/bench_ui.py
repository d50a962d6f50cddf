"""Interface figures, measured side by side in one run.

- Launch to the first window (the sign-in) shown, against a bare PySide6 window with one
  label (goal: within 2x). Both are started as fresh processes, offscreen.
- Sign-in accepted to the main window shown with its screening log filled (1,000 screenings);
  the password check itself (Argon2id, about 0.2 s by design) is reported beside it.
- Launch to the main window with its log filled, in one fresh process, the password check left
  out, against the same bare window (goal: within 1.5x).
- A keystroke in a fact field: re-evaluate and repaint (goal: within 8 ms).

Run: .venv/bin/python -m bench.bench_ui [--write] [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import BARE_WINDOW, update_readme

COORDINATOR = "Bench Coordinator"


def process_env(data_dir: Path, **extra: str) -> dict[str, str]:
    """The environment of a measured process: offscreen, the bench's data directory, and Python's
    compiled bytecode kept (in a folder beside the data, not in the checkout) as an installed program
    or the bundle has it. A shell with PYTHONDONTWRITEBYTECODE set would otherwise compile every
    module from source at every launch, a cost no site sees."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TRIALDESK_DATA_DIR": str(data_dir),
           "PYTHONPYCACHEPREFIX": str(data_dir.parent / "bytecode"), **extra}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def launch_times(data_dir: Path, runs: int) -> tuple[float, float]:
    env = process_env(data_dir, TRIALDESK_QUIT_WHEN_SHOWN="1")
    bare, ours = [], []
    for run in range(runs + 1):  # the first run compiles the bytecode: not counted
        for command, samples in (([sys.executable, "-c", BARE_WINDOW], bare), ([sys.executable, "-m", "trialdesk"], ours)):
            start = time.perf_counter()
            subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if run:
                samples.append(time.perf_counter() - start)
    return statistics.median(bare), statistics.median(ours)


#: one fresh process: start, sign in, show the main window with its log filled, quit; prints the
#: seconds the password check took (Argon2id, slow by design), which the figure leaves out
LAUNCH_TO_LOG = """
import os, sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from trialdesk.desk import Site
from trialdesk.settings import AppSettings
from trialdesk.ui.look import install_language, prepare_application
from trialdesk.ui.main_window import MainWindow
app = QApplication(sys.argv[:1])
prepare_application(app)
install_language(app, "en")
with Site(AppSettings(data_dir=Path(os.environ["TRIALDESK_DATA_DIR"]))) as site:
    start = time.perf_counter()
    desk = site.sign_in(sys.argv[1], sys.argv[2])
    check = time.perf_counter() - start
    window = MainWindow(site, desk)
    window.show()
    QTimer.singleShot(0, app.quit)
    app.exec()
print(check)
"""


def launch_to_log_times(data_dir: Path, password: str, runs: int) -> tuple[float, float]:
    """Median seconds of a bare PySide6 window process, and of a process from start to the main
    window shown with its log filled, the password check left out."""
    env = process_env(data_dir)
    bare, ours = [], []
    for run in range(runs + 1):  # the first run compiles the bytecode: not counted
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", BARE_WINDOW], env=env, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        bare_time = time.perf_counter() - start
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", LAUNCH_TO_LOG, COORDINATOR, password], env=env, check=True,
                              capture_output=True, text=True)
        if run:
            bare.append(bare_time)
            ours.append(time.perf_counter() - start - float(done.stdout.split()[-1]))
    return statistics.median(bare), statistics.median(ours)


def fill_log(data_dir: Path, count: int) -> str:
    """A site with `count` screenings and a coordinator delegated to enter data; returns the throwaway password."""
    from bench.bench_store import fill
    from trialdesk.desk import Site
    from trialdesk.domain.people import Role, Task
    from trialdesk.settings import AppSettings

    data_dir.mkdir(parents=True, exist_ok=True)
    fill(data_dir / "trialdesk.sqlite3", count)
    password = os.urandom(12).hex()
    with Site(AppSettings(data_dir=data_dir)) as site:
        admin = site.create_first_administrator("Bench Administrator", password)
        given = os.urandom(12).hex()
        for name, role in (("Bench Investigator", Role.PRINCIPAL_INVESTIGATOR), (COORDINATOR, Role.COORDINATOR)):
            admin.add_user(name, role, given)
            site.sign_in(name, given).change_password(given, password)  # each chooses their own
        site.sign_in("Bench Investigator", password).delegate(COORDINATOR, {Task.ENTER}, site.clock().date())
    return password


def sign_in_to_log(data_dir: Path, password: str, runs: int) -> tuple[float, float]:
    """Median seconds of the password check, and from the desk signed in to the main window shown with its log."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    from trialdesk.desk import Site
    from trialdesk.settings import AppSettings
    from trialdesk.ui.look import prepare_application
    from trialdesk.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    prepare_application(app)
    checks, shown = [], []
    with Site(AppSettings(data_dir=data_dir)) as site:
        for _ in range(runs):
            start = time.perf_counter()
            desk = site.sign_in(COORDINATOR, password)
            checks.append(time.perf_counter() - start)
            start = time.perf_counter()
            window = MainWindow(site, desk)
            window.show()
            app.processEvents()
            shown.append(time.perf_counter() - start)
            window.close()
            window.deleteLater()
            app.processEvents()
    return statistics.median(checks), statistics.median(shown)


def keystroke_time(data_dir: Path, password: str, presses: int = 60) -> float:
    """Median ms from a key press in the haemoglobin field until the verdict is repainted."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    import json

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from trialdesk.desk import Site
    from trialdesk.resources import resource_path
    from trialdesk.settings import AppSettings
    from trialdesk.ui.look import prepare_application
    from trialdesk.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    prepare_application(app)
    site = Site(AppSettings(data_dir=data_dir))
    desk = site.sign_in(COORDINATOR, password)
    window = MainWindow(site, desk)
    data = json.loads(resource_path("examples/NCT03798028-incomplete.json").read_text(encoding="utf-8"))
    subject = {**data["subject"], "screening_number": "BENCH-KEYS", "screening_date": data["screening_date"]}
    session = desk.start_screening(window.protocol("NCT03798028"), subject, data["facts"], site="")
    window.resize(1200, 850)
    window.show()
    window.show_session(session)
    view = window.view
    view.go_to_criterion("I5")
    editor = next(e for e in view.current_page().editors if e.fact.id == "haemoglobin")
    editor.line.setFocus()
    app.processEvents()
    samples = []
    for i in range(presses):
        key = Qt.Key.Key_8 if i % 2 == 0 else Qt.Key.Key_Backspace
        start = time.perf_counter()
        QTest.keyClick(editor.line, key)
        view.repaint()
        app.processEvents()
        samples.append(time.perf_counter() - start)
    view.flush()
    window.close()
    site.close()
    return statistics.median(samples) * 1e3


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder) / "data"
        password = fill_log(data_dir, 1000)
        bare, ours = launch_times(data_dir, args.runs)
        print(f"bare PySide6 window, start to exit:                 {bare * 1e3:7.1f} ms")
        print(f"trialdesk to its sign-in window:                    {ours * 1e3:7.1f} ms   ratio {ours / bare:.2f}x")
        bare_log, launch_log = launch_to_log_times(data_dir, password, args.runs)
        print(f"bare PySide6 window, start to exit (again):         {bare_log * 1e3:7.1f} ms")
        print(f"trialdesk start to the log filled (no password):    {launch_log * 1e3:7.1f} ms   "
              f"ratio {launch_log / bare_log:.2f}x")
        check, log = sign_in_to_log(data_dir, password, max(3, args.runs // 2))
        print(f"password check (Argon2id, by design):               {check * 1e3:7.1f} ms")
        print(f"signed in to the main window with 1,000 screenings: {log * 1e3:7.1f} ms")
        keystroke = keystroke_time(data_dir, password)
        print(f"keystroke in a fact field to repainted verdict:      {keystroke:7.2f} ms")
    if args.write:
        update_readme({
            "Launch to the sign-in window vs a bare PySide6 window, offscreen":
                (f"{ours * 1e3:.0f} ms vs {bare * 1e3:.0f} ms ({ours / bare:.2f}x)", "within 2x"),
            "Launch to the main window with the log filled (1,000 screenings) vs a bare PySide6 window, "
            "password check left out, offscreen":
                (f"{launch_log * 1e3:.0f} ms vs {bare_log * 1e3:.0f} ms ({launch_log / bare_log:.2f}x)", "within 1.5x"),
            "Signed in to the main window with the log filled (1,000 screenings), offscreen":
                (f"{log * 1e3:.0f} ms (password check {check * 1e3:.0f} ms)", "reported"),
            "Keystroke in a fact field: re-evaluate and repaint": (f"{keystroke:.1f} ms", "< 8 ms"),
        })


if __name__ == "__main__":
    main()
