#!/usr/bin/env bash
# Runs a command on a display and a D-Bus session bus of its own, so the UI
# tests need no display and can run in parallel.
#
#   xvfb-wrapper.sh COMMAND [ARGS...]
#
# Xvfb picks a free display number itself and reports it on a pipe once it
# accepts clients (-displayfd): no fixed numbers, no polling, no race. The
# command also gets private XDG directories, so nothing it writes lands in
# the user's home. Xvfb and the temporary directory go away when the
# command ends, whatever its exit status.
set -euo pipefail

[ $# -gt 0 ] || { echo "usage: xvfb-wrapper.sh COMMAND [ARGS...]" >&2; exit 2; }
command -v Xvfb >/dev/null || { echo "xvfb-wrapper: Xvfb not found: install the Debian package xvfb" >&2; exit 1; }
command -v dbus-run-session >/dev/null || { echo "xvfb-wrapper: dbus-run-session not found: install the Debian package dbus" >&2; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/holboo-xvfb.XXXXXX")
xvfb_pid=

cleanup() {
  if [ -n "$xvfb_pid" ]; then
    kill "$xvfb_pid" 2>/dev/null || true
    wait "$xvfb_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

mkfifo "$tmp/displayfd"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -noreset \
  3>"$tmp/displayfd" >"$tmp/xvfb.log" 2>&1 &
xvfb_pid=$!

display=
read -r -t 20 display <"$tmp/displayfd" || true
if [ -z "$display" ]; then
  echo "xvfb-wrapper: Xvfb did not start within 20 s; its log:" >&2
  cat "$tmp/xvfb.log" >&2
  exit 1
fi

mkdir -m 0700 "$tmp/runtime" "$tmp/config" "$tmp/data" "$tmp/cache"
export DISPLAY=":$display"
export GDK_BACKEND=x11
export XDG_RUNTIME_DIR="$tmp/runtime"
export XDG_CONFIG_HOME="$tmp/config"
export XDG_DATA_HOME="$tmp/data"
export XDG_CACHE_HOME="$tmp/cache"
unset WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS

rc=0
dbus-run-session -- "$@" || rc=$?
exit "$rc"
