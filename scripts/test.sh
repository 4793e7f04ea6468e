#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Sets everything up on Debian 12, builds, and runs every test (CTest prints the summary).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-debian.sh
npm ci --no-audit --no-fund --loglevel=error
preset=${ARCHIVESYNC_PRESET:-ci}
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
ctest --preset "$preset" "$@"
