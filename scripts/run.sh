#!/usr/bin/env bash
# Run trialdesk from this checkout; arguments go to the program. The first run sets up .venv
# (scripts/setup.sh: needs the package registries); later runs install nothing and need no network.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh >&2
exec .venv/bin/trialdesk "$@"
