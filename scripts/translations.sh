#!/usr/bin/env bash
# Extract every translatable string (interface and messages) into the language catalogues,
# then compile them for Qt. Usage: scripts/translations.sh [LANG ...]   (default: every catalogue)
# A new language: scripts/translations.sh fr_FR, translate resources/translations/trialdesk_fr_FR.ts
# (e.g. with pyside6-linguist), run this again.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin
languages=("$@")
if [ "${#languages[@]}" -eq 0 ]; then
  for file in resources/translations/trialdesk_*.ts; do
    name=$(basename "$file" .ts); languages+=("${name#trialdesk_}")
  done
fi
sources=($(find trialdesk/messages trialdesk/ui -name '*.py' | sort))
for lang in "${languages[@]}"; do
  $bin/pyside6-lupdate -no-obsolete -locations none "${sources[@]}" -ts "resources/translations/trialdesk_${lang}.ts"
  $bin/pyside6-lrelease "resources/translations/trialdesk_${lang}.ts" -qm "resources/translations/trialdesk_${lang}.qm"
done
