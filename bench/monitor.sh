#!/bin/bash
# monitor.sh BUILD: the live monitor's figures (docs/PERFORMANCE.md,
# "Live monitor"). Needs the harness up ($VD_HARNESS_DIR/env): its
# libvirtd serves libvirt's test driver with N = 10, 100, 1000 running
# domains as test+unix:///FILE?socket=..., so every call is a real RPC.
#   - poll cost per tick against the bare bulk call, same connection
#   - idle CPU with 100 domains at a 2 s tick, RSS with 1000
#   - key-to-redraw latency with 1000 domains through a pty, also with
#     the daemon SIGSTOPped
# Figures are printed, never asserted.
set -eu
build=${1:?usage: bench/monitor.sh BUILD}
src=$(cd "$(dirname "$0")/.." && pwd)
. "$src/bench/lib.sh"
bench_daemon monitor

make_host() { bench_host "$data/dom$1.xml" "$1"; }

echo "== live monitor: poll cost per tick (median wall, mean process CPU; 200 rounds)"
for n in 10 100 1000; do
    "$build/bench/bench_monitor_poll" "$(make_host $n)" 200
done
echo "== live monitor: idle CPU, 100 domains, 2 s tick, 60 s"
python3 "$src/bench/monitor_pty.py" idle "$build/virtdeck" "$(make_host 100)" 60
echo "== live monitor: RSS, 1000 domains, 2 s tick, after 20 s"
python3 "$src/bench/monitor_pty.py" idle "$build/virtdeck" "$(make_host 1000)" 20
echo "== live monitor: key to redraw, 1000 domains, 300 keys"
python3 "$src/bench/monitor_pty.py" keys "$build/virtdeck" "$(make_host 1000)" 300
echo "== live monitor: key to redraw, 1000 domains, daemon SIGSTOPped"
python3 "$src/bench/monitor_pty.py" keys "$build/virtdeck" "$(make_host 1000)" 300 "$VD_LIBVIRTD_PID"
echo "== top view (virtdeck top): key to redraw, 1000 domains, 300 keys"
python3 "$src/bench/monitor_pty.py" keys-top "$build/virtdeck" "$(make_host 1000)" 300
echo "== top view: key to redraw, 1000 domains, daemon SIGSTOPped"
python3 "$src/bench/monitor_pty.py" keys-top "$build/virtdeck" "$(make_host 1000)" 300 "$VD_LIBVIRTD_PID"
echo "== top view: idle CPU, 100 domains, 2 s tick, 60 s; RSS with 1000 after 20 s"
python3 "$src/bench/monitor_pty.py" idle-top "$build/virtdeck" "$(make_host 100)" 60
python3 "$src/bench/monitor_pty.py" idle-top "$build/virtdeck" "$(make_host 1000)" 20
