#!/usr/bin/env bash
# The test command (`npm test`): sets up the toolchain, runs every jest suite, and closes with
# one plain line "N passed, N failed, N skipped". Extra arguments go to jest.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
bash "$PROJECT_ROOT/scripts/setup.sh"
cd "$PROJECT_ROOT"

# ts-jest only transpiles; the whole tree (tests included) is type-checked here, once.
node node_modules/typescript/bin/tsc -p test/tsconfig.json --noEmit

report="$(mktemp)"
status=0
node node_modules/jest/bin/jest.js --json --outputFile="$report" "$@" || status=$?
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed` + (skipped ? `, ${skipped} skipped` : ""));
  if (r.numTotalTests === 0 || r.numFailedTestSuites > 0) process.exit(1);
' "$report" || status=1
rm -f "$report"
exit "$status"
