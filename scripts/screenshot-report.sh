#!/usr/bin/env bash
# Renders DIR/index.html in headless Chromium (which must be installed) and writes DIR/screenshot.png;
# fails when Chromium reports an error or writes no picture. Usage: scripts/screenshot-report.sh DIR [WIDTH,HEIGHT]
set -euo pipefail
dir="${1:?usage: scripts/screenshot-report.sh DIR [WIDTH,HEIGHT]}"
size="${2:-1400,4000}"
page="$(cd "$dir" && pwd)/index.html"
[ -f "$page" ] || { echo "screenshot-report: no $page" >&2; exit 2; }
chromium="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$chromium" ]; then
  echo "screenshot-report: needs Chromium, which is not installed; install it first (Debian/Ubuntu: sudo apt-get install chromium)" >&2
  exit 2
fi
png="$(dirname "$page")/screenshot.png"
profile="$(mktemp -d)"
log="$(mktemp)"
trap 'rm -rf "$profile" "$log"' EXIT
rm -f "$png"
status=0
timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --window-size="$size" --screenshot="$png" "file://$page" >"$log" 2>&1 || status=$?
# Chromium logs harmless noise (dbus, GPU) at ERROR level on headless machines; page errors are what count.
if grep -E "Uncaught|ERR_|Failed to load|net::" "$log" >&2; then
  echo "screenshot-report: chromium reported errors rendering $page" >&2
  exit 1
fi
if [ "$status" -ne 0 ] || [ ! -s "$png" ]; then
  cat "$log" >&2
  echo "screenshot-report: chromium failed (exit $status) or wrote no screenshot" >&2
  exit 1
fi
echo "$png"
