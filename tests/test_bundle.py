"""The standalone bundle: built by build.spec into a fresh folder, then its own self-test must pass."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_frozen_bundle_is_complete(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR", "--distpath", str(tmp_path / "dist"),
         "--workpath", str(tmp_path / "work"), str(ROOT / "build.spec")],
        check=True, cwd=ROOT, capture_output=True, timeout=600,
    )
    executable = tmp_path / "dist" / "trialdesk" / ("trialdesk.exe" if os.name == "nt" else "trialdesk")
    # a fontconfig that knows no font directory: the bundle must bring its own fonts
    no_fonts = tmp_path / "no-fonts.conf"
    no_fonts.write_text('<?xml version="1.0"?><fontconfig><cachedir>' + str(tmp_path / "fc-cache") + "</cachedir></fontconfig>")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TRIALDESK_DATA_DIR": str(tmp_path / "data"),
           "FONTCONFIG_FILE": str(no_fonts)}
    done = subprocess.run([str(executable), "selftest"], capture_output=True, text=True, env=env, timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    for step in ("protocols", "calculators", "example subjects", "worksheet", "window"):
        assert f"ok      {step}" in done.stdout
    assert "selftest passed" in done.stdout
    # the bundle carries its fonts and protocols, and answers the command line too
    internal = tmp_path / "dist" / "trialdesk" / "_internal"
    assert (internal / "resources" / "fonts" / "wqy-microhei.ttc").exists()
    listed = subprocess.run([str(executable), "protocol", "list"], capture_output=True, text=True, env=env, timeout=120)
    assert "NCT03798028" in listed.stdout and "NCT00845832" in listed.stdout
