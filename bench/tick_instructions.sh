#!/bin/bash
# tick_instructions.sh BUILD [COUNTS]: the worker tick against the bare
# bulk call in instructions (callgrind), which the machine's other load
# does not change (issue 18). bench_monitor_poll runs under callgrind
# twice, with 5 and with 15 rounds; the difference divided by 10 is the
# cost of one steady-state round, free of start-up and of the first
# (full) read. Prints, per domain count (default 100 1000 3000 10000):
# instructions per tick of the bare call and of the tick, and the ratio.
# Needs the harness up ($VD_HARNESS_DIR/env). Figures are printed, never
# asserted.
set -eu
. "$(dirname "$0")/lib.sh"
build=${1:?usage: bench/tick_instructions.sh BUILD [COUNTS]}
counts=${2:-100 1000 3000 10000}
bench_daemon ticki

make_host() { bench_host "$data/dom$1.xml" "$1"; }

# inclusive instructions of function $2 in callgrind output $1
incl() {
    callgrind_annotate --inclusive=yes "$1" 2>/dev/null |
        awk -v fn="$2" '$0 ~ ":" fn " " { gsub(",", "", $1); print $1; exit }'
}

for n in $counts; do
    uri=$(make_host "$n")
    for r in 5 15; do
        valgrind --tool=callgrind --callgrind-out-file="$data/cg.$r" \
            "$build/bench/bench_monitor_poll" "$uri" "$r" >/dev/null 2>&1
    done
    bare=$(( ($(incl "$data/cg.15" bare_call) - $(incl "$data/cg.5" bare_call)) / 10 ))
    tick=$(( ($(incl "$data/cg.15" monitor_tick) - $(incl "$data/cg.5" monitor_tick)) / 10 ))
    awk -v n="$n" -v b="$bare" -v t="$tick" 'BEGIN {
        printf "domains=%d bare_call=%.2f M instructions/tick  tick=%.2f M  ratio=%.3f  tick per domain=%.0f\n",
               n, b / 1e6, t / 1e6, t / b, t / n }'
done
