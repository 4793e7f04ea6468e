#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Runs the fault suite (tests/fault, CTest label "fault") with its full counts and writes the figures
# to docs/RELIABILITY.md. CI runs the same tests with small counts as part of scripts/test.sh.
#   scripts/fault-suite.sh [BUILD_DIR]   (default build/ci; built first unless ARCHIVESYNC_NO_BUILD=1)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/ci}
[ -d "$build" ] || cmake --preset ci >/dev/null
[ "${ARCHIVESYNC_NO_BUILD:-0}" = 1 ] || cmake --build "$build" -j2
rows=$(mktemp)
trap 'rm -f "$rows"' EXIT
started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
ARCHIVESYNC_FAULT_FULL=1 ARCHIVESYNC_FAULT_REPORT="$rows" \
  ctest --test-dir "$build" -L fault --output-on-failure
{
  cat <<HEADER
# Reliability figures

Written by \`scripts/fault-suite.sh\` (the fault suite of tests/fault with its full counts) on
$started, commit $(git rev-parse --short HEAD), on $(nproc) cores of $(uname -m) ($(. /etc/os-release; echo "$PRETTY_NAME")).
CI runs the same scenarios with small counts on every change.

"Survived" counts the faults after which the system went on to the right end state; "lost" counts
archived messages missing from (or duplicated in) the agent's copy after the sync completed, with
its database passing \`PRAGMA integrity_check\`.

| scenario | tried | survived | lost | notes |
| --- | --- | --- | --- | --- |
HEADER
  cat "$rows"
  cat <<'FOOTER'

## What each scenario does
- **Agent SIGKILLed**: a headless agent with a 3 MiB/s limit is killed at a random moment (0.2–1.5 s
  after each start) again and again during initial syncs of a mailbox of 27 segments; then it syncs to
  the end. Each restart resumes its partial segment with a Range request.
- **Proxy faults**: a TCP proxy between agent and service drops the connection (FIN), resets it (RST),
  stalls it, or flips one bit of a segment body, in turns. Corrupted downloads fail their SHA-256 and
  are fetched again; none is applied.
- **Service restart**: the service is stopped and started on the same port while an agent downloads.
- **Flush during an initial sync**: the repository is flushed while an agent is fetching it; the agent
  moves to the new generation, alone on disk.
- **Repository build SIGKILLed**: `archivesync-service update` is killed at a random point of a build
  with new mail; every manifest is checked (each segment it names exists with its SHA-256), the next
  update completes, and a fresh agent then syncs everything exactly once.
FOOTER
} > docs/RELIABILITY.md
echo "fault-suite: wrote docs/RELIABILITY.md"
