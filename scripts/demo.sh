#!/usr/bin/env bash
# The main job (`npm run demo [-- --keep]`): toolchain set-up (cached), then the demo driver.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
bash "$PROJECT_ROOT/scripts/setup.sh"
exec node "$PROJECT_ROOT/scripts/demo.js" "$@"
