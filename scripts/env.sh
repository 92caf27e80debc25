# Sourced by every project script: the pinned toolchain first on PATH, and a Pulumi that
# never leaves this machine (local file backend, no update checks, no plugin downloads).
PROJECT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PROJECT_ROOT
export PATH="$PROJECT_ROOT/.tools/bin:$PATH"
export PULUMI_HOME="$PROJECT_ROOT/.tools/pulumi-home"
export PULUMI_BACKEND_URL="${PULUMI_BACKEND_URL:-file://$PROJECT_ROOT/.pulumi-state}"
export PULUMI_CONFIG_PASSPHRASE="${PULUMI_CONFIG_PASSPHRASE:-local-demo-passphrase}"
export PULUMI_SKIP_UPDATE_CHECK=true
export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
# Programs are type-checked by the test suite (tsc); at run time ts-node only transpiles.
export PULUMI_NODEJS_TRANSPILE_ONLY=true
mkdir -p "$PULUMI_HOME" "${PULUMI_BACKEND_URL#file://}"
