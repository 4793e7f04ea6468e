#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The main job on the embedded default (SQLite, local disk): build, generate a sample mail
# archive, import it, enable offline sync, build the offline repository, show its state, then
# serve the REST API on http://127.0.0.1:8470/ until Ctrl-C (ARCHIVESYNC_NO_SERVE=1 skips that).
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
echo
echo "== Serving the archive on http://$listen/ (Ctrl-C stops it)"
echo "   The first start creates the administrator 'admin' and prints its one-time password below."
echo "   Sign in: curl -s -X POST -d '{\"username\":\"admin\",\"password\":\"...\"}' http://$listen/api/v1/session"
exec "$service" --data-dir "$data" serve --listen "$listen"
