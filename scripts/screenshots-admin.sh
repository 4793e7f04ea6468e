#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Reproduces docs/screenshots/admin-*.png: seeds a service like scripts/quickstart.sh does (generated
# mailboxes, archive, offline enable, update, a flush, users, laptops reporting their state), runs the real
# archivesync-admin under Xvfb at 1280x800, drives it with the keyboard (xdotool) and grabs the screen.
# Needs: xvfb xauth xdotool imagemagick (apt-get install -y xvfb xauth xdotool imagemagick).
# Usage: scripts/screenshots-admin.sh [BUILD_DIR]   (default build/gui; the service, the corpus tool and
# the admin app must be built there)
set -euo pipefail
cd "$(dirname "$0")/.."

# Inside Xvfb: start the admin app, sign in and visit each screen by keyboard, grabbing the screen.
if [ "${1:-}" = --drive ]; then
  shot() { sleep "${2:-2}"; import -window root "$ARCHIVESYNC_SHOT_OUT/$1.png"; echo "  $1.png"; }
  focus() { xdotool search --sync --onlyvisible --name "$1" | tail -1 | xargs -r xdotool windowfocus --sync; }
  "$ARCHIVESYNC_SHOT_ADMIN" --server "$ARCHIVESYNC_SHOT_URL" --user admin --refresh 600 &
  app=$!
  focus "Sign In"
  shot admin-sign-in
  xdotool type --delay 20 "$ARCHIVESYNC_SHOT_PASSWORD"
  xdotool key Return
  sleep 3
  focus "ArchiveSync Admin"
  shot admin-mailbox-manager
  xdotool key alt+m p                      # Mailbox > Properties of the first mailbox (alice)
  focus "Properties"
  shot admin-mailbox-properties
  xdotool key ctrl+Tab                     # Offline archive synchronization tab
  shot admin-mailbox-offline 1
  xdotool key alt+c                        # Configure...
  focus "Offline archive synchronization settings"
  shot admin-offline-settings
  xdotool key Escape; sleep 0.5; xdotool key Escape; sleep 0.5
  focus "ArchiveSync Admin"
  xdotool key ctrl+1                       # Status
  shot admin-status
  xdotool key alt+o c                      # Offline Archive > Configure...
  focus "Status Properties"
  shot admin-status-properties
  xdotool key alt+s                        # Schedule...
  focus "Schedule"
  shot admin-schedule
  xdotool key Escape; sleep 0.5; xdotool key Escape; sleep 0.5
  focus "ArchiveSync Admin"
  xdotool key ctrl+3                       # Laptops
  shot admin-laptops 3
  xdotool key ctrl+4                       # Users
  shot admin-users
  kill "$app"
  exit 0
fi

build=${1:-build/gui}
out=docs/screenshots
service="$PWD/$build/service/archivesync-service"
corpus="$PWD/$build/tests/support/archivesync-corpus"
admin="$PWD/$build/admin-gui/archivesync-admin"
for tool in "$service" "$corpus" "$admin"; do
  [ -x "$tool" ] || { echo "missing $tool: build first" >&2; exit 1; }
done
for cmd in xvfb-run xdotool import curl; do
  command -v "$cmd" >/dev/null || { echo "missing $cmd (apt-get install -y xvfb xauth xdotool imagemagick curl)" >&2; exit 1; }
done

work=$(mktemp -d)
data="$work/data"
password="screenshots only passphrase"
userpw="a user's long passphrase"
S() { "$service" --data-dir "$data" "$@" >/dev/null; }
cleanup() { [ -n "${serve_pid:-}" ] && kill "$serve_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

echo "== Seeding a service in $work"
seed=1
for spec in alice:900 bob:500 carol:350 dave:200 erin:120; do
  box=${spec%%:*}; n=${spec##*:}
  "$corpus" --out "$work/$box" --messages "$n" --folders 8 --seed $((seed++)) >/dev/null
  S archive --mailbox "$box@example.org" "$work/$box"
done
S offline enable alice@example.org
S offline enable bob@example.org
S offline enable carol@example.org
S offline set alice@example.org content-window=24 'folder.Projects/*=whole' check-interval=30m
S update
S flush --mailbox bob@example.org
S schedule set daily 06:00,18:00

ARCHIVESYNC_ADMIN_PASSWORD="$password" "$service" --data-dir "$data" serve --listen 127.0.0.1:0 \
  >"$work/serve.log" 2>&1 &
serve_pid=$!
for _ in $(seq 100); do grep -q "listening on" "$work/serve.log" && break; sleep 0.2; done
grep -q "listening on" "$work/serve.log" || { cat "$work/serve.log" >&2; exit 1; }
url=$(sed -n 's|.*listening on \(http://[^/ ]*\).*|\1|p' "$work/serve.log" | head -1)

json() { sed -n "s/.*\"$1\": *\"\\{0,1\\}\\([^\",}]*\\).*/\\1/p"; }
api() { # METHOD PATH TOKEN [BODY]
  curl -sf -X "$1" -H "Authorization: Bearer $3" -H 'Content-Type: application/json' ${4:+-d "$4"} "$url$2"
}
login() { curl -sf -X POST -d "{\"username\":\"$1\",\"password\":\"$2\"}" "$url/api/v1/session" | json token; }
admin_token=$(login admin "$password")
for u in sam dora eve frank; do
  api POST /api/v1/users "$admin_token" "{\"username\":\"$u\",\"password\":\"$userpw\",\"role\":\"user\"}" >/dev/null
done
for box in alice bob carol dave; do
  api POST /api/v1/mailboxes "$admin_token" "{\"address\":\"$box@example.org\"}" >/dev/null
done
api PATCH /api/v1/mailboxes/dave%40example.org "$admin_token" '{"displayName":"Dave (Sales)"}' >/dev/null || true
grant() { api POST "/api/v1/mailboxes/$1%40example.org/permissions" "$admin_token" "{\"username\":\"$2\"}" >/dev/null; }
grant alice sam; grant bob dora; grant carol eve; grant alice frank; grant bob frank

# Laptops: register as the user, then report what the agent holds (current, older, or nothing yet).
state_of() { api GET /api/v1/status "$admin_token" | tr '{' '\n' | grep "\"address\": *\"$1@" | head -1; }
laptop() { # USER NAME MAILBOX GENERATION-OFFSET REVISION-OFFSET [STATUS]
  local t dev dtoken line gen rev
  t=$(login "$1" "$userpw")
  line=$(api POST /api/v1/devices "$t" "{\"name\":\"$2\"}")
  dev=$(echo "$line" | json deviceId); dtoken=$(echo "$line" | json token)
  [ -z "$3" ] && return 0
  line=$(state_of "$3")
  gen=$(( $(echo "{$line" | json generation) - $4 )); rev=$(( $(echo "{$line" | json revision) - $5 ))
  api PUT "/api/v1/devices/$dev/state" "$dtoken" \
    "{\"generation\":$gen,\"mailboxes\":[{\"address\":\"$3@example.org\",\"generation\":$gen,\"revision\":$rev}],\"status\":\"${6:-up to date}\"}" >/dev/null
}
laptop sam SAM-T14 alice 0 0
laptop dora DORA-XPS bob 0 0
laptop eve EVE-MBP carol 0 0
laptop frank FRANK-X1 alice 0 0
laptop frank FRANK-OLD bob 1 0 "rebuilding after flush"
laptop sam SAM-SPARE "" 0 0

echo "== Screenshots"
export ARCHIVESYNC_SHOT_URL="$url" ARCHIVESYNC_SHOT_PASSWORD="$password" ARCHIVESYNC_SHOT_ADMIN="$admin"
export ARCHIVESYNC_SHOT_OUT="$PWD/$out" XDG_CONFIG_HOME="$work/config"
mkdir -p "$out"
xvfb-run -a -s "-screen 0 1280x800x24" bash "$PWD/scripts/screenshots-admin.sh" --drive
ls -l "$out"/admin-*.png
