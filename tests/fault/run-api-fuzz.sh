#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# API fuzzing: a seeded service on 127.0.0.1, then api-fuzz.mjs sends requests generated from
# docs/api/openapi.yaml with random and malformed values. Its exit code is the test's.
# Usage: run-api-fuzz.sh SERVICE_BINARY CORPUS_BINARY   (ARCHIVESYNC_FUZZ_REQUESTS: how many; default 2000,
# 10000 with ARCHIVESYNC_FAULT_FULL=1)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=../support/seeded-service.sh
. "$root/tests/support/seeded-service.sh"
start_seeded_service "$1" "$2"
cd "$root"
node tests/fault/api-fuzz.mjs
status=0
kill -0 "$seeded_pid" 2>/dev/null || { echo "api-fuzz: the service is gone" >&2; status=1; }
grep -E "Segmentation|Aborted|ASSERT" "$seeded_work/serve.log" >&2 && status=1
exit $status
