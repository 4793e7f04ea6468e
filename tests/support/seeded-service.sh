# SPDX-License-Identifier: Apache-2.0
# Sourced by the contract and fuzz runners: seeds a data directory with generated mail for alice and
# carol (alice's offline repository built), starts `serve` on 127.0.0.1 (a free port) and sets
# $ARCHIVESYNC_URL, $ARCHIVESYNC_ADMIN_PASSWORD and $seeded_work; the service stops on exit.
# Usage: start_seeded_service SERVICE_BINARY CORPUS_BINARY
seeded_pid=
seeded_work=
seeded_cleanup() {
  [ -n "$seeded_pid" ] && kill "$seeded_pid" 2>/dev/null && wait "$seeded_pid" 2>/dev/null
  [ -n "$seeded_work" ] && rm -rf "$seeded_work"
  return 0
}
start_seeded_service() {
  local service=$1 corpus=$2 data url mailbox
  seeded_work=$(mktemp -d)
  trap seeded_cleanup EXIT
  data="$seeded_work/data"
  for mailbox in alice carol; do
    "$corpus" --out "$seeded_work/$mailbox" --messages 40 --folders 5 --seed 3 >/dev/null
    "$service" --data-dir "$data" archive --mailbox "$mailbox@example.org" "$seeded_work/$mailbox" >/dev/null
  done
  "$service" --data-dir "$data" offline enable alice@example.org >/dev/null
  "$service" --data-dir "$data" update >/dev/null

  export ARCHIVESYNC_ADMIN_PASSWORD="contract admin passphrase"
  "$service" --data-dir "$data" serve --listen 127.0.0.1:0 >"$seeded_work/serve.log" 2>&1 &
  seeded_pid=$!
  url=
  for _ in $(seq 1 100); do
    url=$(sed -n 's|.*listening on \(http://[^ ]*\)/.*|\1|p' "$seeded_work/serve.log" | head -n 1)
    [ -n "$url" ] && break
    sleep 0.1
  done
  if [ -z "$url" ]; then
    echo "the service did not start:" >&2
    cat "$seeded_work/serve.log" >&2
    return 1
  fi
  export ARCHIVESYNC_URL=$url
}
