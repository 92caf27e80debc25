#!/usr/bin/env bash
# The test command (`npm test`): sets up the toolchain, type-checks the tree, runs every jest
# suite, prints how long each test file took, and closes with one plain line "N passed, N failed".
# After a run that passed, the fault suite's reports are published to docs/ and its tables
# rendered (scripts/tables.js). Extra arguments go to jest.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
bash "$PROJECT_ROOT/scripts/setup.sh"
cd "$PROJECT_ROOT"
started=$(date +%s)

# ts-jest only transpiles; the whole tree (tests included) is type-checked here, once.
node node_modules/typescript/bin/tsc -p test/tsconfig.json --noEmit

rm -rf .test-output
report="$(mktemp)"
status=0
node node_modules/jest/bin/jest.js --json --outputFile="$report" "$@" || status=$?
node scripts/test-summary.js "$report" "$PROJECT_ROOT" || status=1
rm -f "$report"
if [ "$status" -eq 0 ]; then node scripts/tables.js --publish; fi
echo "npm test took $(( $(date +%s) - started )) s, setup excluded" >&2
exit "$status"
