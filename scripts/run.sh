#!/usr/bin/env bash
# Set up this checkout and run trialdesk; arguments go to the program.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >&2
exec .venv/bin/trialdesk "$@"
