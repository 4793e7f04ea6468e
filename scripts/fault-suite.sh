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
  update completes; an agent that followed every build (long-polling) and a fresh one both end with
  every message exactly once.
- **Disk full**: the agent's data directory on a 12 MB tmpfs; the sync stops with "the disk is full"
  (the part file and the store intact), and goes on by itself once the tmpfs is grown.
- **Slow clients**: 1,000 connections from eight loopback addresses send a request header one byte
  every half second and never finish it, while 10 agents run initial syncs; the agents must finish,
  every slow connection must be closed by the header timeout; the service's resident memory is read
  before and during.
- **Password guessing**: wrong passwords for one account until it locks (the right one then waits
  too); a revoked device and an ended session must fail on their very next request.
- **API fuzzing**: `tests/fault/api-fuzz.mjs` sends requests generated from docs/api/openapi.yaml
  (every operation; random and malformed path parameters, queries and bodies, including traversal
  strings, oversized and non-JSON bodies, unknown members) as an administrator, a user with the search
  right, a user without it, anonymously and with a forged token. No answer may be a 5xx or an error
  without a problem+json body; the administrator's view of users, mailboxes, settings, schedule,
  devices and permissions is compared before and after every rejected change.
- **Hostile segments** (`TestHostileService`): a stand-in service serves segments built to attack the
  reader, each with its true SHA-256 so that only the reader stands in the way; the agent must refuse
  each as corrupt, apply nothing and write nothing outside its data directory.
- **Rollback**: the stand-in then serves an older revision of the same generation; the agent refuses
  it as a conflict, says so in its status, and keeps its copy.
FOOTER
} > docs/RELIABILITY.md
echo "fault-suite: wrote docs/RELIABILITY.md"
