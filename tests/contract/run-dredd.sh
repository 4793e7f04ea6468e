#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Contract test: seeds a service with generated mail, starts it on 127.0.0.1 (a free port), and lets
# Dredd check every documented operation's answer against docs/api/openapi.yaml.
# Usage: run-dredd.sh SERVICE_BINARY CORPUS_BINARY
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=../support/seeded-service.sh
. "$root/tests/support/seeded-service.sh"
start_seeded_service "$1" "$2"
cd "$root"
npx --no-install dredd docs/api/openapi.yaml "$ARCHIVESYNC_URL" --hookfiles=tests/contract/dredd-hooks.js \
  --language=nodejs --reporter=dot --loglevel=warning
