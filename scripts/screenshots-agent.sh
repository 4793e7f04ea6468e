#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Reproduces docs/screenshots/agent-*.png: seeds a service (two generated mailboxes the user alice may
# read, offline sync on, Projects/* whole on the service), then runs the real archivesync-agent on a
# fresh data directory under Xvfb at 1280x800 with a window manager (openbox) and a system tray
# (trayer): every page of the first-run wizard through the initial sync, the tray menu, the archive
# window with a message open, and the settings.
# Needs: xvfb xauth xdotool imagemagick openbox trayer curl
#   (apt-get install -y xvfb xauth xdotool imagemagick openbox trayer curl)
# Usage: scripts/screenshots-agent.sh [BUILD_DIR]   (default build/gui; the service, the corpus tool and
# the agent must be built there)
set -euo pipefail
cd "$(dirname "$0")/.."

# Inside Xvfb: a window manager, a tray, the agent; drive it by keyboard and grab the screen.
if [ "${1:-}" = --drive ]; then
  shot() { sleep "${2:-1.5}"; import -window root "$ARCHIVESYNC_SHOT_OUT/$1.png"; echo "  $1.png"; }
  focus() { xdotool search --sync --onlyvisible --name "$1" | tail -1 | xargs -r xdotool windowactivate --sync; }
  page() { timeout 60 xdotool search --sync --onlyvisible --name "Set up ArchiveSync — $1" >/dev/null \
    || { import -window root "$ARCHIVESYNC_SHOT_OUT/agent-debug.png"; echo "no page $1" >&2; exit 1; }; }
  A() { "$ARCHIVESYNC_SHOT_AGENT" --data-dir "$ARCHIVESYNC_SHOT_DATA" "$@"; }           # the desktop app
  C() { "$ARCHIVESYNC_SHOT_AGENT" "$1" --data-dir "$ARCHIVESYNC_SHOT_DATA" "${@:2}"; }  # a command
  openbox >/dev/null 2>&1 &
  sleep 1
  trayer --edge bottom --align right --widthtype request --height 32 --SetDockType true \
    --transparent false --tint 0x2d2d2d >/dev/null 2>&1 &
  sleep 1
  # A download limit, so that the initial sync runs long enough to be seen.
  mkdir -p "$ARCHIVESYNC_SHOT_DATA"
  printf '[bandwidth]\nlimit=2097152\n' >"$ARCHIVESYNC_SHOT_DATA/desktop.ini"
  A >/dev/null 2>&1 &
  agent=$!
  page Welcome
  focus "Set up ArchiveSync"
  shot agent-wizard-1-welcome
  xdotool key alt+n
  page Server
  xdotool type --delay 10 "$ARCHIVESYNC_SHOT_URL"
  shot agent-wizard-2-server 0.5
  xdotool key alt+n                          # probes the service, then moves on
  page "Sign in"
  sleep 0.5
  xdotool type --delay 10 alice
  xdotool key Tab
  xdotool type --delay 10 "$ARCHIVESYNC_SHOT_PASSWORD"
  xdotool key Tab ctrl+a BackSpace
  xdotool type --delay 10 "ALICE-T14"
  shot agent-wizard-3-sign-in 0.5
  xdotool key alt+n                          # registers this laptop
  page Mailboxes
  shot agent-wizard-4-mailboxes 3
  xdotool key alt+n
  page Folders
  shot agent-wizard-5-folders
  xdotool key alt+n
  page Storage
  shot agent-wizard-6-storage
  xdotool key alt+n
  page Summary
  shot agent-wizard-7-summary
  xdotool key alt+s                          # Start sync
  page "Initial sync"
  shot agent-wizard-8-initial-sync 4
  for _ in $(seq 120); do
    C status 2>/dev/null | grep -q "safe to disconnect" && break
    sleep 0.5
  done
  shot agent-wizard-8-initial-sync-done 1
  xdotool key alt+n
  page Done
  shot agent-wizard-9-done
  xdotool key Return                         # Finish: the archive opens
  sleep 10                                   # the "archive is ready" notification goes
  # A message in the archive window, opened the way a link opens it.
  link=$(C search --json --limit 1 "folder:Inbox" | sed -n 's/.*"link": *"\([^"]*\)".*/\1/p' | head -1)
  [ -n "$link" ] && A "$link" >/dev/null 2>&1
  focus "ArchiveSync — Archive"
  shot agent-archive-window 2
  # The tray menu: a right click on the icon in trayer.
  tray=$(xdotool search --onlyvisible --class trayer | tail -1)
  eval "$(xdotool getwindowgeometry --shell "$tray")"
  xdotool mousemove $((X + WIDTH / 2)) $((Y + HEIGHT / 2)) click 3
  shot agent-tray-menu 1
  xdotool key Escape
  A --show settings >/dev/null 2>&1
  focus "ArchiveSync Settings"
  shot agent-settings 1.5
  xdotool key ctrl+Tab
  shot agent-settings-network 0.8
  kill "$agent" 2>/dev/null || true
  exit 0
fi

build=${1:-build/gui}
out=docs/screenshots
service="$PWD/$build/service/archivesync-service"
corpus="$PWD/$build/tests/support/archivesync-corpus"
agent="$PWD/$build/tray-agent/archivesync-agent"
for tool in "$service" "$corpus" "$agent"; do
  [ -x "$tool" ] || { echo "missing $tool: build first" >&2; exit 1; }
done
for cmd in xvfb-run xdotool import curl openbox trayer; do
  command -v "$cmd" >/dev/null || { echo "missing $cmd (apt-get install -y xvfb xauth xdotool imagemagick openbox trayer curl)" >&2; exit 1; }
done

work=$(mktemp -d)
data="$work/data"
password="screenshots only passphrase"
userpw="alice long passphrase"
S() { "$service" --data-dir "$data" "$@" >/dev/null; }
cleanup() { [ -n "${serve_pid:-}" ] && kill "$serve_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

echo "== Seeding a service in $work"
"$corpus" --out "$work/alice" --messages 900 --folders 9 --seed 1 >/dev/null
"$corpus" --out "$work/team" --messages 300 --folders 6 --seed 2 >/dev/null
S archive --mailbox alice@example.org "$work/alice"
S archive --mailbox team@example.org "$work/team"
S offline enable alice@example.org
S offline enable team@example.org
S offline set alice@example.org 'folder.Projects/*=whole'
S update

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
admin_token=$(curl -sf -X POST -d "{\"username\":\"admin\",\"password\":\"$password\"}" "$url/api/v1/session" | json token)
api POST /api/v1/users "$admin_token" "{\"username\":\"alice\",\"password\":\"$userpw\",\"role\":\"user\"}" >/dev/null
for box in alice team; do
  api POST /api/v1/mailboxes "$admin_token" "{\"address\":\"$box@example.org\"}" >/dev/null
  api POST "/api/v1/mailboxes/$box%40example.org/permissions" "$admin_token" '{"username":"alice"}' >/dev/null
done

echo "== Screenshots"
export ARCHIVESYNC_SHOT_URL="$url" ARCHIVESYNC_SHOT_PASSWORD="$userpw" ARCHIVESYNC_SHOT_AGENT="$agent"
export ARCHIVESYNC_SHOT_DATA="$work/laptop" ARCHIVESYNC_SHOT_OUT="$PWD/$out" ARCHIVESYNC_NO_KEYCHAIN=1
export XDG_CONFIG_HOME="$work/config" LANG=C.UTF-8 LC_ALL=C.UTF-8
mkdir -p "$out"
xvfb-run -a -s "-screen 0 1280x800x24" bash "$PWD/scripts/screenshots-agent.sh" --drive
ls -l "$out"/agent-*.png
