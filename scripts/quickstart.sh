#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The main job on the embedded default (SQLite, local disk): build, generate a sample mail
# archive, import it, enable offline sync, build the offline repository, show its state, then
# serve the REST API on http://127.0.0.1:8470/, let the user alice search the sample mailbox, sync it to a
# headless agent on this machine and show its status; then serve until Ctrl-C (ARCHIVESYNC_NO_SERVE=1 skips
# serving; ARCHIVESYNC_QUICKSTART_EXIT=1 stops after the agent's status).
# Re-running it is safe: the import finds duplicates only.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-debian.sh
preset=${ARCHIVESYNC_PRESET:-ci}
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
bin="build/$preset"
service="$bin/service/archivesync-service"
sample=${ARCHIVESYNC_SAMPLE_DIR:-sample}
data="$sample/data"
mailbox=alice@example.org

if [ ! -d "$sample/maildir" ]; then
  echo "== Generating a sample mailbox (2,000 messages in 8 folders)"
  "$bin/tests/support/archivesync-corpus" --out "$sample/maildir" --messages 2000 --folders 8 --seed 1
fi
echo "== Importing it into the archive of $mailbox"
"$service" --data-dir "$data" archive --mailbox "$mailbox" "$sample/maildir"
echo "== Enabling offline sync (default settings: Inbox whole, other mail folders headers only)"
"$service" --data-dir "$data" offline enable "$mailbox"
"$service" --data-dir "$data" offline show "$mailbox"
echo "== Updating the offline repositories"
"$service" --data-dir "$data" update
echo "== Repository state"
"$service" --data-dir "$data" status
echo
echo "Data directory: $data (remove it to start over). Full state: $service --data-dir $data status --json"
[ "${ARCHIVESYNC_NO_SERVE:-0}" = 1 ] && exit 0
listen=${ARCHIVESYNC_LISTEN:-127.0.0.1:8470}
url="http://$listen"
admincli="$bin/admin-cli/archivesync"
agent="$bin/tray-agent/archivesync-agent"

# The sample's passwords are made once and kept (0600) beside the data, so re-runs sign in again.
secrets="$sample/passwords"
if [ ! -f "$secrets" ]; then
  (umask 077; {
    echo "ADMIN_PASSWORD=${ARCHIVESYNC_ADMIN_PASSWORD:-$(openssl rand -base64 18)}"
    echo "ALICE_PASSWORD=$(openssl rand -base64 18)"
  } > "$secrets")
fi
# shellcheck disable=SC1090
. "$secrets"

echo
echo "== Serving the archive on $url"
ARCHIVESYNC_ADMIN_PASSWORD="$ADMIN_PASSWORD" "$service" --data-dir "$data" serve --listen "$listen" \
  > "$sample/serve.log" 2>&1 &
service_pid=$!
trap 'kill $service_pid 2>/dev/null; wait $service_pid 2>/dev/null' EXIT INT TERM
for _ in $(seq 1 100); do
  grep -q "listening on" "$sample/serve.log" && break
  kill -0 $service_pid 2>/dev/null || { cat "$sample/serve.log"; exit 1; }
  sleep 0.1
done
grep -q "listening on" "$sample/serve.log" || { cat "$sample/serve.log"; exit 1; }

echo "== Letting the user alice search into $mailbox (admin command line)"
export ARCHIVESYNC_CONFIG="$sample/admin-cli.json"
ARCHIVESYNC_PASSWORD="$ADMIN_PASSWORD" "$admincli" login --server "$url" --user admin
ARCHIVESYNC_NEW_PASSWORD="$ALICE_PASSWORD" "$admincli" users add alice --role user 2>/dev/null \
  || echo "(alice exists already)"
"$admincli" mailboxes add "$mailbox" 2>/dev/null || echo "($mailbox is managed already)"
"$admincli" permissions grant "$mailbox" alice

echo "== A headless agent syncs $mailbox to this machine ($sample/agent)"
if [ ! -f "$sample/agent/agent.json" ] || ! grep -q '"token"' "$sample/agent/agent.json"; then
  ARCHIVESYNC_PASSWORD="$ALICE_PASSWORD" "$agent" setup --data-dir "$sample/agent" --server "$url" --user alice \
    --device-name quickstart
fi
"$agent" sync-now --wait --data-dir "$sample/agent"
echo
"$agent" status --data-dir "$sample/agent"
echo
echo "Search the offline copy: $agent search --data-dir $sample/agent 'subject:report'"
echo
echo "Service:   $url   (log: $sample/serve.log)"
echo "Admin:     admin / $ADMIN_PASSWORD"
echo "User:      alice / $ALICE_PASSWORD   (passwords kept in $secrets)"
[ "${ARCHIVESYNC_QUICKSTART_EXIT:-0}" = 1 ] && exit 0
echo "Serving until Ctrl-C."
wait $service_pid
