"""The composition root: `trialdesk` with no command opens the window; with one, runs the command line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path


def main(argv: Sequence[str] | None = None) -> int:
    from trialdesk.private import restrict_umask

    restrict_umask()  # whatever the shell's umask, what trialdesk creates is its owner's only
    argv = list(sys.argv[1:] if argv is None else argv)
    early = argparse.ArgumentParser(add_help=False, allow_abbrev=False)
    early.add_argument("--data-dir")
    known, rest = early.parse_known_args(argv)
    if rest == ["selftest"]:
        from trialdesk.selftest import run as selftest

        return selftest()
    if rest:
        from trialdesk.cli.main import main as command_line

        return command_line(argv)
    from trialdesk.settings import AppSettings
    from trialdesk.ui.app import run

    return run(AppSettings(**({"data_dir": Path(known.data_dir)} if known.data_dir else {})))
