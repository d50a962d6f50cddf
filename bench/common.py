"""Timing helpers shared by the benchmarks: medians over repeated runs, and the README table."""

from __future__ import annotations

import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"

#: the floor every start-up figure is compared with: a PySide6 window with one label, shown, then quit
BARE_WINDOW = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv[:1])
label = QLabel("bare")
label.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""


def median_seconds(run: Callable[[], object], *, repeat: int = 31, number: int = 100) -> float:
    """Median time of one call, from `repeat` batches of `number` calls (after one warm-up batch)."""
    for _ in range(number):
        run()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            run()
        samples.append((time.perf_counter() - start) / number)
    return statistics.median(samples)


def update_readme(rows: dict[str, tuple[str, str]]) -> None:
    """Replace the rows of the README's performance table that these benchmarks own.

    `rows` maps a row's first cell to (measured, goal); other rows stay as they are.
    """
    text = README.read_text(encoding="utf-8")
    start, end = "<!-- bench:start -->", "<!-- bench:end -->"
    head, rest = text.split(start)
    table, tail = rest.split(end)
    lines = [line for line in table.strip().splitlines()]
    header, body = lines[:2], lines[2:]
    existing = {re.split(r"\s*\|\s*", line.strip("| "))[0]: line for line in body}
    for what, (measured, goal) in rows.items():
        existing[what] = f"| {what} | {measured} | {goal} |"
    new_table = "\n".join(header + list(existing.values()))
    README.write_text(f"{head}{start}\n{new_table}\n{end}{tail}", encoding="utf-8")
