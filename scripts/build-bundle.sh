#!/usr/bin/env bash
# Build the standalone one-folder bundle from this checkout, check it with its own self-test,
# and zip it for sites: dist/trialdesk-VERSION-PLATFORM.zip. Usage: scripts/build-bundle.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test   # the test extra carries PyInstaller
rm -rf build dist
.venv/bin/pyinstaller --noconfirm --log-level WARN build.spec
QT_QPA_PLATFORM=offscreen dist/trialdesk/trialdesk selftest
version=$(.venv/bin/python -c "import trialdesk; print(trialdesk.__version__)")
platform=$(.venv/bin/python -c "import sysconfig; print(sysconfig.get_platform())")
archive="dist/trialdesk-${version}-${platform}"
.venv/bin/python -c "import shutil, sys; shutil.make_archive(sys.argv[1], 'zip', 'dist', 'trialdesk')" "$archive"
echo "$archive.zip"
