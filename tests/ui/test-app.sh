#!/usr/bin/env bash
# Runs the real `holboo` binary, as a user would, on the display that
# xvfb-wrapper.sh gives it, and checks what it shows and how it fails.
#
#   test-app.sh CASE HOLBOO LOCALEDIR
#
# CASE is one of
#   mongolian        LANGUAGE=mn: the window and every page, reached with
#                    the real Alt+1 … Alt+6 keys, are in Mongolian; Ctrl+?
#                    opens the shortcuts window; Ctrl+Q quits cleanly
#   corrupt-settings keyfile settings with an unknown page and out-of-range
#                    sizes: a message naming the key and value, the
#                    default page, and the bad value replaced
#   missing-schema   no schema, or one without a key Holboo reads: a clear
#                    message naming the schema and the fix, exit status 1,
#                    no abort
#   unwritable-data  HOLBOO_DATA_DIR under /proc: the window still opens,
#                    names the path and the cause, and keeps working
#   first-run        no account yet: the window is the sign-in page, with
#                    the keyboard focus in the address; Ctrl+Q quits
#
# The cases about the pages start with an account already set up (switched
# off, so nothing connects): without one the window is the sign-in page.
#
# HOLBOO is the binary; LOCALEDIR the build tree's po/ directory (its .mo
# files). Screenshots go to $HOLBOO_TEST_ARTEFACTS.
set -euo pipefail

case_name=${1:?usage: test-app.sh CASE HOLBOO LOCALEDIR}
holboo=${2:?usage: test-app.sh CASE HOLBOO LOCALEDIR}
localedir=${3:?usage: test-app.sh CASE HOLBOO LOCALEDIR}
artefacts=${HOLBOO_TEST_ARTEFACTS:-}

for tool in xdotool import; do
  command -v "$tool" >/dev/null || {
    echo "FAIL: $tool not found: install the Debian package ${tool/import/imagemagick}" >&2; exit 1; }
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/holboo-test-app.XXXXXX")
app_pid=
cleanup() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

log=$tmp/holboo.log
export HOLBOO_LOCALEDIR=$localedir
export HOLBOO_DATA_DIR=$tmp/data
export G_MESSAGES_DEBUG=holboo-window

fail() {
  echo "FAIL: $*" >&2
  if [ -f "$log" ]; then
    echo "--- holboo's output:" >&2
    cat "$log" >&2
  fi
  exit 1
}

# A translation as the binary will look it up: from the same .mo file.
translate() {
  TEXTDOMAINDIR=$localedir gettext -d holboo "$1"
}

start_app() {
  "$holboo" "$@" >"$log" 2>&1 &
  app_pid=$!
}

# Waits (up to 20 s) for a line in holboo's output matching a fixed string.
wait_for_log() {
  local text=$1 i
  for i in $(seq 200); do
    grep -qF -- "$text" "$log" && return 0
    kill -0 "$app_pid" 2>/dev/null || fail "holboo exited while waiting for: $text"
    sleep 0.1
  done
  fail "holboo did not log within 20 s: $text"
}

# Waits for the main window and gives it the keyboard focus. No window
# manager runs, so focus is set directly.
wait_for_window() {
  local title=$1 i
  wid=
  for i in $(seq 200); do
    wid=$(xdotool search --onlyvisible --pid "$app_pid" --name "^${title}\$" 2>/dev/null | head -n1 || true)
    [ -n "$wid" ] && break
    kill -0 "$app_pid" 2>/dev/null || fail "holboo exited before its window appeared"
    sleep 0.1
  done
  [ -n "$wid" ] || fail "no window titled “$title” within 20 s"
  wait_for_log "Window “$title” is on screen"
  xdotool windowfocus --sync "$wid"
}

count_windows() {
  xdotool search --onlyvisible --pid "$app_pid" --name '.' 2>/dev/null | wc -l
}

screenshot() {
  [ -n "$artefacts" ] || return 0
  mkdir -p "$artefacts"
  import -window root "$artefacts/test-app-$1.png"
  echo "screenshot: $artefacts/test-app-$1.png"
}

quit_with_ctrl_q() {
  local rc=0 i
  xdotool windowfocus --sync "$wid"
  xdotool key ctrl+q
  for i in $(seq 100); do
    kill -0 "$app_pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -0 "$app_pid" 2>/dev/null && fail "Ctrl+Q did not end holboo within 10 s"
  wait "$app_pid" || rc=$?
  app_pid=
  [ "$rc" -eq 0 ] || fail "holboo exited with status $rc after Ctrl+Q"
  if grep -E -e '-(CRITICAL|WARNING) \*\*' "$log" >&2; then
    fail "holboo logged warnings or criticals"
  fi
}

# An account set up before, switched off: the window shows the pages.
existing_account() {
  mkdir -p "$HOLBOO_DATA_DIR"
  cat >"$HOLBOO_DATA_DIR/accounts.ini" <<'EOF'
[Holboo]
format=1

[Account 1]
jid=alice@localhost
enabled=false
EOF
}

case_mongolian() {
  local pages=(chats calls meetings customers dashboard team card)
  local titles=(Chats Calls Meetings Customers Dashboard Team "My Card")
  local app_title i shown before

  export LANGUAGE=mn
  # The Mongolian locale, when the system has it (build-aux/holboo makes
  # it); C.UTF-8 honours LANGUAGE too, so the check holds either way.
  if locale -a 2>/dev/null | grep -qix 'mn_MN\.utf-\?8'; then
    export LC_ALL=mn_MN.UTF-8
  fi
  echo "locale: LC_ALL=${LC_ALL:-unset} LANGUAGE=$LANGUAGE"

  app_title=$(translate "Holboo")
  [ "$app_title" != "Holboo" ] || fail "po/mn.po has no translation of “Holboo” in $localedir"
  existing_account
  start_app
  wait_for_window "$app_title"

  # Alt+7 … Alt+1, so that every key really changes the page.
  for i in 6 5 4 3 2 1 0; do
    shown=$(translate "${titles[$i]}")
    [ "$shown" != "${titles[$i]}" ] || fail "“${titles[$i]}” has no Mongolian translation"
    xdotool key "alt+$((i + 1))"
    wait_for_log "Showing page “${pages[$i]}”: $shown"
    echo "alt+$((i + 1)): ${pages[$i]} — $shown"
  done
  xdotool key alt+4
  wait_for_log "Showing page “customers”: $(translate Customers)"
  sleep 0.3
  screenshot mongolian

  # Ctrl+? opens the shortcuts window; Escape closes it.
  before=$(count_windows)
  xdotool key ctrl+question
  for i in $(seq 100); do
    [ "$(count_windows)" -gt "$before" ] && break
    sleep 0.1
  done
  [ "$(count_windows)" -gt "$before" ] || fail "Ctrl+? did not open the shortcuts window"
  sleep 0.3
  screenshot mongolian-shortcuts
  xdotool key Escape
  for i in $(seq 100); do
    [ "$(count_windows)" -eq "$before" ] && break
    sleep 0.1
  done
  [ "$(count_windows)" -eq "$before" ] || fail "Escape did not close the shortcuts window"

  quit_with_ctrl_q
}

case_corrupt_settings() {
  local keyfile

  export GSETTINGS_BACKEND=keyfile
  export XDG_CONFIG_HOME=$tmp/config
  keyfile=$XDG_CONFIG_HOME/glib-2.0/settings/keyfile
  mkdir -p "$(dirname "$keyfile")"
  cat >"$keyfile" <<'EOF'
[io/github/holboo/Holboo]
last-page='no-such-page'
window-width=-40
window-height='not a number'
EOF

  existing_account
  start_app
  wait_for_window Holboo
  grep -qF "Settings key “last-page” holds “no-such-page”, which is not a page; showing “chats” instead" "$log" \
    || fail "no message naming the key “last-page” and its value"
  grep -qF "Showing page “chats”: Chats" "$log" || fail "the default page is not shown"
  # The bad sizes fall back to the defaults: a usable window.
  eval "$(xdotool getwindowgeometry --shell "$wid")"
  [ "$WIDTH" -ge 360 ] && [ "$HEIGHT" -ge 294 ] || fail "window is ${WIDTH}×${HEIGHT}"
  echo "window: ${WIDTH}×${HEIGHT}"
  screenshot corrupt-settings

  xdotool key alt+2
  wait_for_log "Showing page “calls”: Calls"
  quit_with_ctrl_q
  grep -qx "last-page='calls'" "$keyfile" || { cat "$keyfile" >&2; fail "last-page was not saved to the keyfile"; }
}

case_missing_schema() {
  local rc=0 empty=$tmp/empty stale=$tmp/stale

  # Nothing anywhere: XDG_DATA_DIRS too, or an installed copy would be found.
  mkdir -p "$empty"
  GSETTINGS_SCHEMA_DIR=$empty XDG_DATA_DIRS=$empty "$holboo" >"$log" 2>&1 || rc=$?
  cat "$log"
  [ "$rc" -eq 1 ] || fail "exit status $rc without a schema, expected 1"
  grep -qF "The settings schema “io.github.holboo.Holboo” is not installed" "$log" \
    || fail "the message does not name the schema"
  grep -qF "GSETTINGS_SCHEMA_DIR ($empty)" "$log" || fail "the message does not say where it looked"
  grep -qF "set GSETTINGS_SCHEMA_DIR to that build’s “data” directory" "$log" \
    || fail "the message does not say how to fix it"
  if grep -qiE 'ERROR|CRITICAL|abort|core dumped|Trace/breakpoint' "$log"; then
    fail "a GLib error or an abort instead of a clear message"
  fi

  # A schema from another version, without a key Holboo reads.
  mkdir -p "$stale"
  cat >"$stale/io.github.holboo.Holboo.gschema.xml" <<'EOF'
<schemalist>
  <schema id="io.github.holboo.Holboo" path="/io/github/holboo/Holboo/">
    <key name="window-width" type="i"><default>960</default></key>
    <key name="window-height" type="i"><default>680</default></key>
    <key name="window-maximized" type="b"><default>false</default></key>
  </schema>
</schemalist>
EOF
  glib-compile-schemas "$stale"
  rc=0
  GSETTINGS_SCHEMA_DIR=$stale XDG_DATA_DIRS=$empty "$holboo" >"$log" 2>&1 || rc=$?
  cat "$log"
  [ "$rc" -eq 1 ] || fail "exit status $rc with a stale schema, expected 1"
  grep -qF "is out of date: it has no key “last-page”" "$log" || fail "the message does not name the missing key"
}

case_first_run() {
  export G_MESSAGES_DEBUG=holboo-window,holboo-sign-in-page
  start_app
  wait_for_window Holboo
  wait_for_log "Showing the welcome view"
  # The focus is in the address: typing goes there, and Enter with no
  # password does not try to sign in.
  xdotool type --delay 20 "alice@localhost"
  xdotool key Return
  sleep 0.3
  screenshot first-run
  grep -qF "Sign-in failed" "$log" && fail "Enter without a password tried to sign in"
  quit_with_ctrl_q
}

case_unwritable_data() {
  export HOLBOO_DATA_DIR=/proc/holboo-nope/data

  start_app
  wait_for_window Holboo
  grep -qF "Data directory unusable: Cannot create the data directory “/proc/holboo-nope/data”" "$log" \
    || fail "no message naming the data directory"
  grep -qF "Showing the storage error: Cannot create the data directory “/proc/holboo-nope/data”" "$log" \
    || fail "the window does not show the error"
  screenshot unwritable-data

  # Still working: pages change, and Ctrl+Q quits normally.
  xdotool key alt+5
  wait_for_log "Showing page “dashboard”: Dashboard"
  quit_with_ctrl_q
}

case "$case_name" in
  mongolian) case_mongolian ;;
  first-run) case_first_run ;;
  corrupt-settings) case_corrupt_settings ;;
  missing-schema) case_missing_schema ;;
  unwritable-data) case_unwritable_data ;;
  *) echo "unknown case: $case_name" >&2; exit 2 ;;
esac
echo "PASS: $case_name"
