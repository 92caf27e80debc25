#!/usr/bin/env bash
# `npm run bench`: toolchain set-up (cached), then the benchmark (bench/run.js).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
bash "$PROJECT_ROOT/scripts/setup.sh"
exec node "$PROJECT_ROOT/bench/run.js" "$@"
