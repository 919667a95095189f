#!/bin/bash
# startup.sh BUILD: time from exec to the first full frame (a frame that
# shows the host's domains, not the "connecting" one), through a pty:
# on the demo host (test driver, in-process) and on the private libvirtd
# (qemu+unix). SPEC §4 target: ≤ 150 ms on a local connection.
# Needs the harness up (bench/run.sh starts it).
set -eu
build=${1:-build}
src=$(cd "$(dirname "$0")/.." && pwd)
cd "$src"
. "$VD_HARNESS_DIR/env"
. tests/harness/lib.sh
echo "demo host (test driver):"
python3 bench/monitor_pty.py startup "$build/virtdeck" "test://$src/data/demo-host.xml" 20 web-02
vd_cleanup_guests vdt-startup
vd_define_guest vdt-startup >/dev/null
echo "private libvirtd (qemu+unix):"
python3 bench/monitor_pty.py startup "$build/virtdeck" "$VD_TEST_URI" 20 vdt-startup
vd_cleanup_guests vdt-startup
