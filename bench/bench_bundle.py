"""The standalone bundle against a bare one, built by the same build.spec with the same options.

Bare: PySide6 + pydantic + reportlab + pyHanko, a window with one label. Prints, in one run:
the zipped sizes (goal: within 1.2x), frozen launch to the main window (goal: within 2x),
the one-file build's start-up against the folder bundle, and what the spec's trimming saves.

Run: .venv/bin/python -m bench.bench_bundle [--write] [--runs N]   (builds four bundles: about 2 minutes)
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.bench_store import fill
from bench.common import BARE_WINDOW, update_readme

ROOT = Path(__file__).resolve().parent.parent
BARE = "import pydantic, reportlab.platypus, pyhanko.sign  # the stack trialdesk stands on\n" + BARE_WINDOW


def build(dist: Path, work: Path, **env: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR", "--distpath", str(dist),
         "--workpath", str(work), str(ROOT / "build.spec")],
        check=True, cwd=ROOT, env={**os.environ, **env}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )


def zipped(folder: Path, into: Path) -> int:
    return Path(shutil.make_archive(str(into / folder.name), "zip", folder.parent, folder.name)).stat().st_size


def size(path: Path) -> int:
    """Bytes on disk; PyInstaller links some libraries in two places, so links are not followed."""
    if path.is_file():
        return path.stat().st_size
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def launches(commands: list[list[str]], env: dict[str, str], runs: int) -> list[float]:
    samples: list[list[float]] = [[] for _ in commands]
    for _ in range(runs):
        for command, bucket in zip(commands, samples):
            start = time.perf_counter()
            subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            bucket.append(time.perf_counter() - start)
    return [statistics.median(s) * 1e3 for s in samples]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        entry = tmp / "bare.py"
        entry.write_text(BARE, encoding="utf-8")
        build(tmp / "dist", tmp / "work")
        trimmed_report = json.loads((tmp / "work" / "build" / "trimmed.json").read_text())
        build(tmp / "dist", tmp / "work-bare", TRIALDESK_BUNDLE_ENTRY=str(entry), TRIALDESK_BUNDLE_NAME="bare")
        build(tmp / "onefile", tmp / "work-one", TRIALDESK_ONEFILE="1")
        build(tmp / "untrimmed", tmp / "work-untrimmed", TRIALDESK_NO_TRIM="1")
        ours, bare = tmp / "dist" / "trialdesk", tmp / "dist" / "bare"
        ours_zip, bare_zip = zipped(ours, tmp), zipped(bare, tmp)
        untrimmed, trimmed_size = size(tmp / "untrimmed" / "trialdesk"), size(ours)
        trimmed_report["Python and Qt modules in build.spec's EXCLUDES"] = untrimmed - trimmed_size - sum(trimmed_report.values())
        data = tmp / "data"
        data.mkdir()
        fill(data / "trialdesk.sqlite3", 1000)
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TRIALDESK_DATA_DIR": str(data), "TRIALDESK_QUIT_WHEN_SHOWN": "1"}
        exe = ".exe" if os.name == "nt" else ""
        bare_ms, ours_ms, one_ms = launches(
            [[str(bare / f"bare{exe}")], [str(ours / f"trialdesk{exe}")], [str(tmp / "onefile" / f"trialdesk{exe}")]],
            env, args.runs)
        print(f"zipped bundle: trialdesk {ours_zip / 1e6:.1f} MB, bare {bare_zip / 1e6:.1f} MB, ratio {ours_zip / bare_zip:.2f}x")
        print(f"unzipped: trialdesk {trimmed_size / 1e6:.1f} MB (without trimming {untrimmed / 1e6:.1f} MB)")
        for rule, saved in sorted(trimmed_report.items(), key=lambda item: -item[1]):
            print(f"  trimming saves {saved / 1e6:5.1f} MB: {rule}")
        print(f"frozen launch to window: trialdesk {ours_ms:.0f} ms, bare {bare_ms:.0f} ms, ratio {ours_ms / bare_ms:.2f}x")
        print(f"one-file executable: {size(tmp / 'onefile' / f'trialdesk{exe}') / 1e6:.1f} MB, launch {one_ms:.0f} ms "
              f"({one_ms / ours_ms:.1f}x the folder bundle)")
    if args.write:
        update_readme({
            "Zipped bundle vs a bare PySide6 + pydantic + reportlab + pyHanko bundle (same spec)":
                (f"{ours_zip / 1e6:.1f} MB vs {bare_zip / 1e6:.1f} MB ({ours_zip / bare_zip:.2f}x)", "within 1.2x"),
            "Frozen launch to main window (1,000-screening log) vs the bare bundle, offscreen":
                (f"{ours_ms:.0f} ms vs {bare_ms:.0f} ms ({ours_ms / bare_ms:.2f}x)", "within 2x"),
            "One-file executable launch vs the folder bundle":
                (f"{one_ms:.0f} ms vs {ours_ms:.0f} ms ({one_ms / ours_ms:.1f}x)", "reported"),
        })
        (ROOT / "bench" / "bundle-trimming.json").write_text(json.dumps(
            {"untrimmed_bytes": untrimmed, "trimmed_bytes": trimmed_size, "saved_by_rule": trimmed_report}, indent=1) + "\n")


if __name__ == "__main__":
    main()
