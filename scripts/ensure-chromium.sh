#!/usr/bin/env bash
# Debian's chromium, which the report test drives through playwright-core (a browser download
# does not work on these machines). Installs it with apt when it is missing and we are root.
set -euo pipefail
[ -x /usr/bin/chromium ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "[setup] installing Debian's chromium for the report test" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
else
  echo "[setup] /usr/bin/chromium is missing and cannot be installed here (needs root and apt): the report test will fail; install Debian's chromium package" >&2
fi
