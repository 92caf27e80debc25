#!/usr/bin/env bash
# `npm run mutation`: toolchain set-up (cached), then Stryker and the scores (scripts/mutation.js).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
bash "$PROJECT_ROOT/scripts/setup.sh"
exec node "$PROJECT_ROOT/scripts/mutation.js" "$@"
