#!/bin/bash
# startup.sh BUILD: time from exec to the first full frame (a frame that
# shows the host's domains, not the "connecting" one), through a pty:
# on the demo host (test driver, in-process), on the private libvirtd
# (qemu+unix) with one guest and with 1000 defined guests, and on
# test-driver hosts served by that daemon (one of 1000 domains, ten of
# 100; with ten hosts, host 1's domains and the first answer of any
# host), the last three beside libvirt's floor for the same hosts:
# a bare client per host (bench_bare_client URI 1) from exec to its
# first bulk stats in hand, nothing drawn. SPEC §4 target: ≤ 150 ms on
# a local connection. Needs the harness up (bench/run.sh starts it).
# Figures are printed, never asserted.
set -eu
build=${1:-build}
src=$(cd "$(dirname "$0")/.." && pwd)
cd "$src"
. "$VD_HARNESS_DIR/env"
. tests/harness/lib.sh
. bench/lib.sh
sock="$VD_HARNESS_DIR/run/libvirt/libvirt-sock"
data=$(mktemp -d "${TMPDIR:-/tmp}/vd-bench-startup.XXXXXX")
trap 'rm -rf "$data"; bench_qemu_many_undefine "$VD_TEST_URI" 1000 vdt-many' EXIT

echo "demo host (test driver):"
python3 bench/monitor_pty.py startup "$build/virtdeck" "test://$src/data/demo-host.xml" 20 web-02
vd_cleanup_guests vdt-startup
vd_define_guest vdt-startup >/dev/null
echo "private libvirtd (qemu+unix):"
python3 bench/monitor_pty.py startup "$build/virtdeck" "$VD_TEST_URI" 20 vdt-startup
vd_cleanup_guests vdt-startup

# ours and the floor in turns, so the machine's load falls on both alike
side_by_side() {
    local uris=$1 text=$2 round
    for round in 1 2 3; do
        python3 bench/monitor_pty.py floor "$build/bench/bench_bare_client" "$uris" 5
        python3 bench/monitor_pty.py startup "$build/virtdeck" "$uris" 5 "$text"
    done
}
bench_qemu_many "$VD_TEST_URI" 1000 vdt-many
echo "the private libvirtd (QEMU driver) with 1000 shut-off guests: the floor, then virtdeck (3 turns):"
side_by_side "$VD_TEST_URI" vdt-many-00001
bench_qemu_many_undefine "$VD_TEST_URI" 1000 vdt-many
echo "one host of 1000 domains through the daemon: the floor, then virtdeck (3 turns):"
side_by_side "$(bench_host "$data/h1000.xml" 1000)" bench-00001
uris=
for ((h = 1; h <= 10; h++)); do
    uris+="$(bench_host "$data/host$h.xml" 100 "h$(printf %02d "$h")" "$(printf %04d "$h")") "
done
echo "10 hosts of 100 domains: the floor (10 clients side by side), then virtdeck (3 turns):"
side_by_side "$uris" h01-00001
# the first answer of any host on the screen: the hosts pane's
# "100/100 VMs running" (the domains pane above waits for host 1)
echo "10 hosts of 100 domains: the first host's answer on the screen (3 turns):"
for round in 1 2 3; do
    python3 bench/monitor_pty.py startup "$build/virtdeck" "$uris" 5 "100/100"
done
