"""The window and its dialogs on a laptop's screen: 1366×768 and 1280×720, and 1280×720 at 150 %
scaling (853×480 of Qt's pixels), each on a virtual X server of its own (tests/ui/fits_the_screen_case.py)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENS = [("1366x768", "1"), ("1280x720", "1"), ("1280x720", "1.5")]


def _free_display(start: int) -> int:
    return next(n for n in range(start, start + 20) if not Path(f"/tmp/.X11-unix/X{n}").exists()
                and not Path(f"/tmp/.X{n}-lock").exists())


@pytest.mark.parametrize(("size", "scale"), SCREENS, ids=[f"{s}@{f}" for s, f in SCREENS])
def test_the_window_and_its_dialogs_fit_a_laptop_screen(tmp_path, size, scale):
    if shutil.which("Xvfb") is None:
        pytest.fail("Xvfb is not installed: scripts/setup.sh test installs it")
    display = _free_display(200 + 20 * SCREENS.index((size, scale)))  # apart from each other, run in parallel
    log = tmp_path / "xvfb.log"
    with log.open("wb") as sink:
        server = subprocess.Popen(["Xvfb", f":{display}", "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
                                  stdout=sink, stderr=sink)
    try:
        for _ in range(100):
            if Path(f"/tmp/.X11-unix/X{display}").exists() or server.poll() is not None:
                break
            subprocess.run(["sleep", "0.05"], check=False)
        assert server.poll() is None, log.read_text(errors="replace")
        env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": f":{display}", "QT_SCALE_FACTOR": scale}
        run = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist",
             "--basetemp", str(tmp_path / "case"), str(ROOT / "tests" / "ui" / "fits_the_screen_case.py")],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False,
        )
        assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
        assert "1 passed" in run.stdout
    finally:
        server.terminate()
        server.wait(10)
