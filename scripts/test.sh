#!/usr/bin/env bash
# Set up this checkout and run the whole test suite: the layer contracts, then pytest.
# Extra arguments go to pytest (-p no:xdist runs it in one process).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
.venv/bin/lint-imports
# One worker per core (CI has two); idle workers take tests queued on a busy one.
.venv/bin/python -m pytest --numprocesses auto --dist worksteal "$@"
