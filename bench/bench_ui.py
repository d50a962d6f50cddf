"""Interface figures, measured side by side in one run.

- Launch to the main window shown with its screening log filled, against a bare PySide6
  window with one label (goal: within 2x). Both are started as fresh processes, offscreen.
- A keystroke in a fact field: re-evaluate and repaint (goal: within 16 ms).

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




def launch_times(data_dir: Path, runs: int) -> tuple[float, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TRIALDESK_DATA_DIR": str(data_dir), "TRIALDESK_QUIT_WHEN_SHOWN": "1"}
    bare, ours = [], []
    for _ in range(runs):
        for command, samples in (([sys.executable, "-c", BARE_WINDOW], bare), ([sys.executable, "-m", "trialdesk"], ours)):
            start = time.perf_counter()
            subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            samples.append(time.perf_counter() - start)
    return statistics.median(bare), statistics.median(ours)


def fill_log(data_dir: Path, count: int) -> None:
    from bench.bench_store import fill

    data_dir.mkdir(parents=True, exist_ok=True)
    fill(data_dir / "trialdesk.sqlite3", count)


def keystroke_time(data_dir: Path, presses: int = 60) -> float:
    """Median ms from a key press in the haemoglobin field until the verdict is repainted."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    import json

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from trialdesk.persistence.database import Database
    from trialdesk.resources import resource_path
    from trialdesk.session import start_screening
    from trialdesk.settings import AppSettings
    from trialdesk.ui.look import prepare_application
    from trialdesk.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    prepare_application(app)
    settings = AppSettings(data_dir=data_dir / "keys", user="bench")
    database = Database(settings.database_path)
    window = MainWindow(settings, database)
    data = json.loads(resource_path("examples/NCT03798028-incomplete.json").read_text(encoding="utf-8"))
    subject = {**data["subject"], "screening_date": data["screening_date"]}
    session = start_screening(window.store, window.protocol("NCT03798028"), subject, data["facts"], site="", actor="bench")
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
    database.close()
    return statistics.median(samples) * 1e3


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder) / "data"
        fill_log(data_dir, 1000)
        bare, ours = launch_times(data_dir, args.runs)
        print(f"bare PySide6 window, start to exit:                 {bare * 1e3:7.1f} ms")
        print(f"trialdesk main window with a 1,000-screening log:   {ours * 1e3:7.1f} ms   ratio {ours / bare:.2f}x")
        keystroke = keystroke_time(Path(folder))
        print(f"keystroke in a fact field to repainted verdict:      {keystroke:7.2f} ms")
    if args.write:
        update_readme({
            "Launch to main window with the log filled (1,000 screenings) vs a bare PySide6 window, offscreen":
                (f"{ours * 1e3:.0f} ms vs {bare * 1e3:.0f} ms ({ours / bare:.2f}x)", "within 2x"),
            "Keystroke in a fact field: re-evaluate and repaint": (f"{keystroke:.1f} ms", "< 16 ms"),
        })


if __name__ == "__main__":
    main()
