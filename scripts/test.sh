#!/usr/bin/env bash
# Set up this checkout and run the whole test suite: the layer contracts, then pytest.
# Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
.venv/bin/lint-imports
.venv/bin/python -m pytest "$@"
