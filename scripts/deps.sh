#!/usr/bin/env bash
# Installs every Debian package that cnscd's build, demo and tests need.
# Idempotent and quiet: when everything is present it prints nothing and touches nothing.
set -euo pipefail

packages=(
  build-essential cmake pkg-config ca-certificates
  clang-format clang-tidy
  libgtest-dev libgmock-dev libbenchmark-dev
  librestinio-dev libasio-dev libfmt-dev libhttp-parser-dev
  nlohmann-json3-dev libcli11-dev
  libsqlite3-dev sqlite3
  libicu-dev libsodium-dev libcsv-dev
  libcurl4-openssl-dev curl
  libzip-dev libpugixml-dev libxlsxwriter-dev libcairo2-dev libpango1.0-dev
  fonts-liberation2 fontconfig poppler-utils
  clang libclang-rt-14-dev
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [ "$status" = "installed" ] || missing+=("$p")
done

[ ${#missing[@]} -eq 0 ] && exit 0

echo "cnscd: installing ${missing[*]}" >&2
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
