#!/usr/bin/env bash
# Prepare a machine to run trialdesk from this checkout: the Debian packages it needs, a
# virtual environment in .venv, the locked dependencies (exact versions, hashes checked) and
# the package itself. Usage: scripts/setup.sh [test]
# The first set-up needs the package registries; once .venv matches the lock files (a stamp in
# .venv records their digest) this returns at once and touches nothing, so later starts work
# with no network at all.
set -euo pipefail
cd "$(dirname "$0")/.."

extras="${1:-}"
case "$extras" in
  ""|test) ;;
  *) echo "scripts/setup.sh: unknown extra '$extras' (expected nothing or 'test')" >&2; exit 2 ;;
esac
lock="requirements/runtime.lock"
[ "$extras" = test ] && lock="requirements/test.lock"

stamp_file=.venv/.trialdesk-setup
digest=$(cat requirements/runtime.lock requirements/test.lock pyproject.toml scripts/setup.sh | sha256sum | cut -d' ' -f1)
if [ -x .venv/bin/python ] && [ -f "$stamp_file" ]; then
  read -r stamped_digest stamped_extras < "$stamp_file" || true
  if [ "$stamped_digest" = "$digest" ] && { [ -z "$extras" ] || [ "${stamped_extras:-}" = "$extras" ]; }; then
    exit 0
  fi
fi

python="${PYTHON:-python3}"
if ! command -v "$python" >/dev/null 2>&1; then
  echo "trialdesk needs Python 3.11 or newer, and '$python' was not found." >&2
  echo "On Debian 12: apt-get install python3 python3-venv   (elsewhere: PYTHON=/path/to/python3.11 $0)" >&2
  exit 2
fi
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  found=$("$python" -c 'import platform; print(platform.python_version())')
  echo "trialdesk needs Python 3.11 or newer; '$python' is Python $found." >&2
  echo "On Debian 12: apt-get install python3 python3-venv   (elsewhere: PYTHON=/path/to/python3.11 $0)" >&2
  exit 2
fi

# Qt's offscreen and xcb platform plugins, poppler's tools (pdfsig, pdftoppm) and venv.
system_packages=(python3-venv poppler-utils libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1
                 libfreetype6 libglib2.0-0 libxkbcommon0
                 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
                 libxcb-randr0 libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-shm0
                 libxcb-sync1 libxcb-util1 libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0)
# The suite opens one real window on a virtual X server.
[ "$extras" = test ] && system_packages+=(xvfb xauth openssl)

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for package in "${system_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
fi
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "Installing system packages: ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ -x .venv/bin/python ] && ! .venv/bin/python -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  rm -rf .venv   # made by an older Python
fi
[ -x .venv/bin/python ] || "$python" -m venv .venv
rm -f "$stamp_file"
.venv/bin/python -m pip install --quiet --require-hashes --no-deps -r "$lock"
.venv/bin/python -m pip install --quiet --no-deps --no-build-isolation -e .
.venv/bin/python -m pip check >&2
echo "$digest $extras" > "$stamp_file"
