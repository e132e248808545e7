#!/usr/bin/env bash
# Retakes the screenshots in this directory from the real app, on a private
# Xvfb display: main.png (English), dark.png (dark style), main-mn.png
# (Mongolian). The metainfo and the README point at them.
#
#   data/screenshots/take-screenshots.sh BUILD_DIR
#
# BUILD_DIR must be a build with -Dprofile=default (the development profile
# stripes the header bar). Needs xvfb, xdotool, imagemagick, fonts-cantarell.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(cd "$here/../.." && pwd)
build=$(cd "${1:?usage: take-screenshots.sh BUILD_DIR}" && pwd)

if [ "${HOLBOO_SCREENSHOT_INNER:-}" != 1 ]; then
  grep -q "APPLICATION_ID \"io.github.holboo.Holboo\"" "$build/config.h" \
    || { echo "take-screenshots: $build is not a -Dprofile=default build" >&2; exit 1; }
  meson compile -C "$build" src/holboo
  for spec in "main::" "dark:ADW_DEBUG_COLOR_SCHEME=prefer-dark:" "main-mn::LANGUAGE=mn"; do
    IFS=: read -r name color language <<<"$spec"
    env HOLBOO_SCREENSHOT_INNER=1 ${color:+"$color"} ${language:+"$language"} \
      "$top/tests/ui/xvfb-wrapper.sh" "$0" "$build" "$name"
  done
  exit 0
fi

# Inside xvfb-wrapper.sh: one screenshot.
name=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# GNOME's interface font, as on a GNOME desktop.
mkdir -p "$XDG_CONFIG_HOME/gtk-4.0"
printf '[Settings]\ngtk-font-name=Cantarell 11\n' >"$XDG_CONFIG_HOME/gtk-4.0/settings.ini"
export GSETTINGS_SCHEMA_DIR=$build/data GSETTINGS_BACKEND=memory HOLBOO_LOCALEDIR=$build/po
export GSK_RENDERER=cairo GDK_DEBUG=gl-disable LC_ALL=C.UTF-8 HOLBOO_DATA_DIR=$tmp/data

"$build/src/holboo" >"$tmp/log" 2>&1 &
pid=$!
wid=
for _ in $(seq 100); do
  wid=$(xdotool search --onlyvisible --pid "$pid" --name . 2>/dev/null | head -n1 || true)
  [ -n "$wid" ] && break
  sleep 0.1
done
[ -n "$wid" ] || { cat "$tmp/log" >&2; echo "take-screenshots: no window" >&2; exit 1; }
xdotool windowfocus --sync "$wid"
sleep 0.5
xdotool key alt+4   # Customers: one customer, one history
sleep 1
import -window "$wid" "$tmp/shot.png"
kill "$pid"
wait "$pid" || true
# Without a compositor GTK draws a 4 px solid frame where the shadow would be.
convert "$tmp/shot.png" -shave 4x4 +repage -strip "PNG24:$here/$name.png"
echo "wrote $here/$name.png"
