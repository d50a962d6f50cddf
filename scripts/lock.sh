#!/usr/bin/env bash
# Refresh the lock files from pyproject.toml and requirements/*.in, with exact versions and
# the hashes of every file of each version (all platforms, so a Windows bundle installs from
# the same lock). Versions already locked are kept: upgrade on purpose, one package at a time:
#   scripts/lock.sh --upgrade-package reportlab      or      scripts/lock.sh --upgrade (everything)
# Needs the network; run scripts/setup.sh test first (it installs the locked uv).
set -euo pipefail
cd "$(dirname "$0")/.."
uv=.venv/bin/uv
[ -x "$uv" ] || { echo "scripts/lock.sh: run scripts/setup.sh test first (it installs uv)" >&2; exit 2; }
common=(--universal --python-version 3.11 --generate-hashes --quiet
        --constraint requirements/constraints.txt --no-header --annotation-style line)
"$uv" pip compile "${common[@]}" "$@" pyproject.toml requirements/build.in \
  -o requirements/runtime.lock
"$uv" pip compile "${common[@]}" "$@" --extra test pyproject.toml requirements/build.in requirements/dev.in \
  -o requirements/test.lock
echo "requirements/runtime.lock and requirements/test.lock refreshed; review the diff, then scripts/test.sh"
