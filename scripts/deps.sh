#!/usr/bin/env bash
# Installs every Debian package that cnscd's build, demo and tests need, then the web app's npm
# packages (web/node_modules, `npm ci` from the committed lockfile; the browser tests drive
# Debian's chromium, so nothing downloads a browser). Node.js itself: scripts/node.sh.
# Idempotent and quiet: when everything is present it prints nothing and touches nothing.
set -euo pipefail

packages=(
  build-essential cmake pkg-config ca-certificates git
  clang-format clang-tidy
  libgtest-dev libgmock-dev libbenchmark-dev
  librestinio-dev libasio-dev libfmt-dev libhttp-parser-dev
  nlohmann-json3-dev libcli11-dev
  libsqlite3-dev sqlite3
  libpq-dev postgresql-15
  libicu-dev libsodium-dev libcsv-dev
  libcurl4-openssl-dev curl
  zlib1g-dev libzip-dev libpugixml-dev libxlsxwriter-dev libcairo2-dev libpango1.0-dev
  fonts-liberation2 fontconfig poppler-utils
  clang libclang-rt-14-dev
  chromium
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [ "$status" = "installed" ] || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "cnscd: installing ${missing[*]}" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The web app (Vite 8) needs Node.js 20.19 or newer with npm; Debian 12's own nodejs (18) is too old.
# scripts/node.sh fetches one into .tools/node when the machine has none; everything after uses it.
root="$(cd "$(dirname "$0")/.." && pwd)"
bash "$root/scripts/node.sh"
[ ! -x "$root/.tools/node/bin/node" ] || export PATH="$root/.tools/node/bin:$PATH"
web="$root/web"
stamp="$web/node_modules/.package-lock.json"  # npm rewrites it on every install
if [ ! -f "$stamp" ] || [ "$web/package-lock.json" -nt "$stamp" ]; then
  echo "cnscd: npm ci in web/" >&2
  (cd "$web" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  touch "$stamp"
fi
