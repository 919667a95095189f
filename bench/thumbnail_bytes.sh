#!/bin/bash
# thumbnail_bytes.sh BUILD [COLSxROWS] [SECONDS]: bytes virtdeck writes to
# the terminal while the details view of a running SeaBIOS guest shows
# its screenshot thumbnail (docs/PERFORMANCE.md, "Console"). The view
# takes a new screenshot every 5 s and redraws on every snapshot; only
# the thumbnail's changed cells are written, so an unchanged guest screen
# costs (almost) nothing. Needs the harness up ($VD_HARNESS_DIR/env).
# Figures are printed, never asserted.
set -u
build=${1:?usage: bench/thumbnail_bytes.sh BUILD [COLSxROWS] [SECONDS]}
size=${2:-180x50}
secs=${3:-12}
src=$(cd "$(dirname "$0")/.." && pwd)
export VD_SRC=$src VD_BIN=$src/$build/virtdeck
. "$src/tests/lib/screen.sh"
. "$src/tests/lib/live.sh"
G=vdb-thumb
out=$(mktemp "${TMPDIR:-/tmp}/vd-bench-thumb.XXXXXX")
cleanup() { vd_cleanup_guests $G; screen_stop; rm -f "$out"; }
trap cleanup EXIT
vd_cleanup_guests $G
vd_define_guest $G --vnc --serial-bios --bootmenu >/dev/null || exit 1
vd_virsh start $G >/dev/null || exit 1
screen_start "$size" -c "$VD_TEST_URI"
trap cleanup EXIT
screen_wait_re "$G +running" 20
screen_keys l
live_select $G
screen_keys i
screen_wait "Screen 720x400" 20
# the first full picture is out; from now on only changes
screen_tmux pipe-pane -o -t "$SCREEN_TARGET" "cat > $(printf '%q' "$out")"
sleep "$secs"
screen_tmux pipe-pane -t "$SCREEN_TARGET"
echo "terminal $size, details of a still SeaBIOS screen for $secs s:" \
     "$(stat -c %s "$out") bytes written," \
     "$(grep -ao $'\xe2\x96\x80' "$out" | wc -l) half blocks"
