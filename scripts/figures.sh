#!/usr/bin/env bash
# `npm run figures`: runs the tests whose results docs/ shows (the fault suite and the access
# report's screenshot), publishes what they left in .test-output/ into docs/ and renders every
# generated table (scripts/tables.js). The bench (`npm run bench`) and the mutation scores
# (`npm run mutation`) are longer runs with their own commands; this re-renders their tables too.
# Extra arguments go to jest.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
bash "$PROJECT_ROOT/scripts/setup.sh"
cd "$PROJECT_ROOT"
rm -rf .test-output
node node_modules/jest/bin/jest.js test/e2e/faults test/e2e/report.test.ts "$@"
node scripts/tables.js --publish
git status --short -- docs/
