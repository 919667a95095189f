#!/bin/bash
# check.sh BUILD ASAN_BUILD TSAN_BUILD FUZZ_BUILD: every test of
# `make check`, in two halves side by side, each with its own private
# libvirtd (harness dir and network namespace), so the live tests of the
# plain and the sanitizer build wait on their guests at the same time:
#   1. BUILD: unit, model, screen, live; TSAN_BUILD: unit, model;
#      FUZZ_BUILD: each fuzz target
#   2. ASAN_BUILD: unit, model, screen, live
# Both stream their PASS/FAIL lines as they come; the last line is the
# sum, "N passed, N failed, N skipped" (a skip is exit 77; run.sh fails
# a test of tests/must-run.txt that skips), and the exit status is non-zero on any
# failure.
set -u
build=${1:?usage: tests/check.sh BUILD ASAN_BUILD TSAN_BUILD FUZZ_BUILD}
asan=${2:?}
tsan=${3:?}
fuzz=${4:?}
src=$(cd "$(dirname "$0")/.." && pwd)
cd "$src" || exit 2
logs=$(mktemp -d "${TMPDIR:-/tmp}/vd-check.XXXXXX")
pids=()

stop() {
    for p in "${pids[@]}"; do
        kill -TERM "$p" 2>/dev/null
    done
    wait
    rm -rf "$logs"
}
trap 'stop; exit 130' INT TERM

# half NAME NETNS RUN.SH-ARGS...: one half in the background; its
# summary line goes to its log only.
half() {
    local name=$1 netns=$2; shift 2
    VD_HARNESS_DIR=/tmp/virtdeck-check-$name VD_NETNS=$netns \
        VD_HARNESS_LOG="$src/build-harness-$name.log" \
        tests/run.sh "$@" >"$logs/$name" 2>&1 &
    pids+=($!)
    # stream it, without its own summary
    tail -n +1 --pid=$! -f "$logs/$name" | grep --line-buffered -v -E '^[0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$' &
}

half plain vdcheck1 "$build" "$tsan:unit,model" "$fuzz:fuzz"
half asan vdcheck2 "$asan"
status=0
for p in "${pids[@]}"; do
    wait "$p" || status=1
done
wait                            # the tails

passed=0
failed=0
skipped=0
for name in plain asan; do
    line=$(grep -E '^[0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$' "$logs/$name" | tail -n 1)
    if [ -z "$line" ]; then
        echo "the $name half ended without a summary"
        failed=$((failed + 1))
        status=1
        continue
    fi
    set -- $line
    passed=$((passed + $1))
    failed=$((failed + $3))
    skipped=$((skipped + $5))
done
rm -rf "$logs"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" = 0 ] && [ "$failed" = 0 ]
