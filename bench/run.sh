#!/bin/bash
# run.sh BUILD: every benchmark (`make bench`). Starts a private harness
# (tests/harness/, its own names unless VD_HARNESS_DIR/VD_NETNS are set)
# for the benchmarks that need a daemon and tears it down at the end.
# Figures are printed, never asserted; docs/PERFORMANCE.md records them.
#   - BUILD/bench/bench_console_render (no arguments)
#   - BUILD/bench/bench_serial_term (no arguments)
#   - bench/*.sh scripts, each called with BUILD
set -u
build=${1:-build}
src=$(cd "$(dirname "$0")/.." && pwd)
cd "$src" || exit 1
export VD_HARNESS_DIR=${VD_HARNESS_DIR:-/tmp/virtdeck-bench}
export VD_NETNS=${VD_NETNS:-vdbench}
up=0
trap '[ "$up" = 1 ] && tests/harness/down.sh >/dev/null 2>&1' EXIT
rc=0

# programs that run on their own (bench_monitor_poll needs a URI: it
# runs from bench/monitor.sh)
prog=$build/bench/bench_console_render
if [ -x "$prog" ]; then
    echo "### $(basename "$prog")"
    "$prog" || rc=1
fi
prog=$build/bench/bench_serial_term
if [ -x "$prog" ]; then
    echo "### $(basename "$prog")"
    "$prog" || rc=1
fi

if [ ! -f "$VD_HARNESS_DIR/env" ]; then
    echo "starting the private libvirtd ($VD_HARNESS_DIR, netns $VD_NETNS)..."
    tests/harness/up.sh >"$build/bench-harness.log" 2>&1 || {
        echo "the harness did not start:"; tail -n 20 "$build/bench-harness.log"; exit 1; }
    up=1
fi
for script in bench/*.sh; do
    [ "$script" = bench/run.sh ] && continue
    [ "$script" = bench/lib.sh ] && continue
    echo "### $script"
    "$script" "$build" || rc=1
done
exit $rc
