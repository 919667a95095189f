#!/bin/bash
# fuzz.sh BUILD NAME SECONDS [LIBFUZZER-OPTION...]: run the libFuzzer
# target BUILD/tests/fuzz/fuzz_NAME for SECONDS on the seeds in
# tests/fuzz/corpus/NAME. Inputs that reach new code are kept in
# BUILD/fuzz-corpus/NAME (the seeds are never written to); a crashing,
# leaking or hanging input is written to BUILD/fuzz-artifacts/ and the
# script exits non-zero. Used by `make check` (tests/run.sh, kind fuzz)
# and `make fuzz`.
set -u
src=$(cd "$(dirname "$0")/../.." && pwd)
[ $# -ge 3 ] || { echo "usage: $0 BUILD NAME SECONDS [OPTION...]" >&2; exit 2; }
build=$1 name=$2 seconds=$3
shift 3
case $build in /*) ;; *) build=$src/$build ;; esac
bin=$build/tests/fuzz/fuzz_$name
seeds=$src/tests/fuzz/corpus/$name
work=$build/fuzz-corpus/$name
artifacts=$build/fuzz-artifacts
[ -x "$bin" ] || { echo "fuzz.sh: $bin is not built" >&2; exit 2; }
[ -d "$seeds" ] || { echo "fuzz.sh: no seed corpus $seeds" >&2; exit 2; }
mkdir -p "$work" "$artifacts"
# -timeout: one input taking longer than 10 s is a finding (a hang);
# -rss_limit_mb/-malloc_limit_mb: so is an input that makes a parser
# ask for more than 1 GiB at once.
exec "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -malloc_limit_mb=1024 -print_final_stats=1 \
    -artifact_prefix="$artifacts/$name-" "$@" "$work" "$seeds"
