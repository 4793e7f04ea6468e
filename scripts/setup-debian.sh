#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs, idempotently, every Debian 12 package that ArchiveSync's build and tests need.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev qt6-svg-dev
  qt6-charts-dev libqt6opengl6-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libqt6sql6-sqlite libqt6sql6-psql libgl-dev libxkbcommon-dev
  libarchive-dev libgmime-3.0-dev libsodium-dev qtkeychain-qt6-dev libssl-dev libzstd-dev
  libsqlite3-dev sqlite3 zstd clang-format curl openssl
)
# Node.js runs the API contract tools (npm); the machine image may already carry a newer one.
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages present"
  exit 0
fi

echo "setup: installing ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
