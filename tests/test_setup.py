"""Set-up from the lock: a real window's libraries, an offline start, one real X window."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import PySide6

import trialdesk

ROOT = Path(__file__).resolve().parents[1]
VENV_PYTHON = ROOT / ".venv" / "bin" / "python"


def test_every_library_of_the_xcb_platform_plugin_is_installed():
    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    assert plugin.is_file(), plugin
    linked = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=True).stdout
    assert "=>" in linked
    missing = [line.strip() for line in linked.splitlines() if "not found" in line]
    assert not missing, f"scripts/setup.sh leaves these out: {missing}"


def _without_network(command: list[str]) -> list[str]:
    """The command in a network namespace of its own: no interface but a loopback that is down."""
    if os.geteuid() == 0:
        return ["unshare", "--net", *command]
    return ["unshare", "--map-root-user", "--net", *command]  # an unprivileged user namespace


def test_after_set_up_the_program_starts_with_no_network_and_installs_nothing():
    assert sys.prefix == str(ROOT / ".venv"), "run the suite with scripts/test.sh (it sets up .venv)"
    site_packages = Path(trialdesk.__file__)  # the editable install points at the checkout
    stamp = ROOT / ".venv" / ".trialdesk-setup"
    before = stamp.stat().st_mtime_ns
    probe = subprocess.run(_without_network(["cat", "/proc/net/dev"]), capture_output=True, text=True)
    interfaces = [line.split(":")[0].strip() for line in probe.stdout.splitlines()[2:]]
    assert probe.returncode == 0 and interfaces == ["lo"], probe  # truly no network in there: loopback only
    started = subprocess.run(_without_network([str(ROOT / "scripts" / "run.sh"), "--version"]),
                             capture_output=True, text=True, timeout=60, cwd="/")
    assert started.returncode == 0, started.stderr
    assert started.stdout.strip() == f"trialdesk {trialdesk.__version__}"
    assert "Installing" not in started.stderr and "pip" not in started.stderr
    assert stamp.stat().st_mtime_ns == before  # set-up saw the stamp and did nothing
    assert site_packages.is_file()


def test_set_up_refuses_a_python_older_than_3_11_and_says_what_to_install(tmp_path):
    old = tmp_path / "python3"
    old.write_text("#!/bin/sh\n"
                   "case \"$*\" in *version_info*) exit 1 ;; *python_version*) echo 3.9.2 ;; esac\n")
    old.chmod(0o755)
    copy = tmp_path / "checkout"
    (copy / "scripts").mkdir(parents=True)
    shutil.copy(ROOT / "scripts" / "setup.sh", copy / "scripts" / "setup.sh")
    shutil.copytree(ROOT / "requirements", copy / "requirements")
    shutil.copy(ROOT / "pyproject.toml", copy / "pyproject.toml")
    result = subprocess.run(["bash", "scripts/setup.sh"], cwd=copy, capture_output=True, text=True,
                            env={**os.environ, "PYTHON": str(old)})
    assert result.returncode == 2
    assert "needs Python 3.11 or newer" in result.stderr and "Python 3.9.2" in result.stderr
    assert "apt-get install python3 python3-venv" in result.stderr
    assert not (copy / ".venv").exists()


def test_the_lock_pins_every_package_with_hashes_and_holds_the_binding_back():
    for name in ("runtime.lock", "test.lock"):
        lines = (ROOT / "requirements" / name).read_text().splitlines()
        pins = [line for line in lines if line and not line.startswith((" ", "#"))]
        assert len(pins) > 20
        assert all("==" in pin and pin.rstrip().endswith("\\") for pin in pins), name
        assert sum("--hash=sha256:" in line for line in lines) >= len(pins)
        assert any(pin.startswith("pyside6-essentials==") and "6.12.0" not in pin for pin in pins)
    assert PySide6.__version__ != "6.12.0"


def _free_display() -> int:
    return next(n for n in range(90, 190) if not Path(f"/tmp/.X11-unix/X{n}").exists()
                and not Path(f"/tmp/.X{n}-lock").exists())


def test_a_real_window_under_xvfb(tmp_path):
    display = _free_display()
    log = tmp_path / "xvfb.log"
    with log.open("wb") as sink:
        server = subprocess.Popen(["Xvfb", f":{display}", "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
                                  stdout=sink, stderr=sink)
    try:
        for _ in range(100):
            if Path(f"/tmp/.X11-unix/X{display}").exists() or server.poll() is not None:
                break
            subprocess.run(["sleep", "0.05"])
        assert server.poll() is None, log.read_text(errors="replace")
        env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": f":{display}"}
        run = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--basetemp", str(tmp_path / "case"),
             str(ROOT / "tests" / "ui" / "real_window_case.py")],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
        )
        assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
        assert "1 passed" in run.stdout
    finally:
        server.terminate()
        server.wait(10)
