#!/usr/bin/env bash
# The test command (`npm test`): sets up the toolchain, type-checks and lints the tree, runs every jest
# suite, prints how long each test file took, and closes with one plain line "N passed, N failed".
# It leaves tracked files as it found them, and fails if any changed: what the fault suite and the
# report test produce for docs/ stays in .test-output/ until `npm run figures` publishes it.
# Extra arguments go to jest.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
bash "$PROJECT_ROOT/scripts/setup.sh"
cd "$PROJECT_ROOT"
started=$(date +%s)
tracked_state() { git -C "$PROJECT_ROOT" diff HEAD --binary 2>/dev/null | sha256sum; }
before="$(tracked_state)"

# ts-jest only transpiles; the whole tree (tests included) is type-checked here, once.
node node_modules/typescript/bin/tsc -p test/tsconfig.json --noEmit
# Lint and format check (biome.json); it reads only, so a finding or an unformatted file fails the run.
node node_modules/@biomejs/biome/bin/biome ci --error-on-warnings .

rm -rf .test-output
report="$(mktemp)"
status=0
node node_modules/jest/bin/jest.js --json --outputFile="$report" "$@" || status=$?
node scripts/test-summary.js "$report" "$PROJECT_ROOT" || status=1
rm -f "$report"
if [ "$(tracked_state)" != "$before" ]; then
  echo "npm test changed tracked files (a test must write to .test-output/ instead):" >&2
  git -C "$PROJECT_ROOT" status --short --untracked-files=no >&2
  status=1
fi
echo "npm test took $(( $(date +%s) - started )) s, setup excluded" >&2
exit "$status"
