#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Contract test: seeds a service with generated mail, starts it on 127.0.0.1 (a free port), and lets
# Dredd check every documented operation's answer against docs/api/openapi.yaml.
# Usage: run-dredd.sh SERVICE_BINARY CORPUS_BINARY
set -euo pipefail
service=$1
corpus=$2
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
pid=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

data="$work/data"
for mailbox in alice carol; do
  "$corpus" --out "$work/$mailbox" --messages 40 --folders 5 --seed 3 >/dev/null
  "$service" --data-dir "$data" archive --mailbox "$mailbox@example.org" "$work/$mailbox" >/dev/null
done
"$service" --data-dir "$data" offline enable alice@example.org >/dev/null
"$service" --data-dir "$data" update >/dev/null

export ARCHIVESYNC_ADMIN_PASSWORD="contract admin passphrase"
"$service" --data-dir "$data" serve --listen 127.0.0.1:0 >"$work/serve.log" 2>&1 &
pid=$!
url=
for _ in $(seq 1 100); do
  url=$(sed -n 's|.*listening on \(http://[^ ]*\)/.*|\1|p' "$work/serve.log" | head -n 1)
  [ -n "$url" ] && break
  sleep 0.1
done
if [ -z "$url" ]; then
  echo "the service did not start:" >&2
  cat "$work/serve.log" >&2
  exit 1
fi
export ARCHIVESYNC_URL=$url
cd "$root"
npx --no-install dredd docs/api/openapi.yaml "$url" --hookfiles=tests/contract/dredd-hooks.js --language=nodejs \
  --reporter=dot --loglevel=warning
