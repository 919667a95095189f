#!/bin/bash
# console_spice.sh BUILD [SECONDS]: the SPICE console's frames per second
# and CPU per full frame at 80x24 and 200x60 (bench/spice_frames.c) on a
# SeaBIOS guest with SPICE and QXL. Needs the harness up
# ($VD_HARNESS_DIR/env). Figures are printed, never asserted.
set -u
build=${1:?usage: bench/console_spice.sh BUILD [SECONDS]}
secs=${2:-3}
src=$(cd "$(dirname "$0")/.." && pwd)
export VD_SRC=$src
. "$src/tests/harness/lib.sh"
vd_harness_env || exit 1
G=vdb-spice
trap 'vd_cleanup_guests $G' EXIT
vd_cleanup_guests $G
uuid=$(vd_define_guest $G --spice --serial-bios --bootmenu) || exit 1
vd_virsh start $G >/dev/null || exit 1
vd_wait_state $G running 30 || exit 1
sleep 2     # SeaBIOS's first screen
"$src/$build/bench/bench_spice_frames" "$VD_TEST_URI" "$uuid" "$secs"
