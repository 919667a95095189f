#!/bin/bash
# run.sh BUILD[:KINDS] ...: run virtdeck's tests and print
# "N passed, N failed, N skipped".
#
# A test that exits 77 is skipped (it says why on its last line): it is
# counted apart, never as passed. A test named in tests/must-run.txt (or
# in $VD_MUST_RUN, blank-separated; both bash patterns over the name as
# printed, e.g. "unit/test_xml_virtinst*") must run here: its skip is a
# failure.
#
# Each argument names a meson build directory and, after a colon, the
# kinds of tests to run with it (comma-separated: unit, model, screen,
# live; default all; fuzz, for a build configured with -Dfuzz=true,
# runs each libFuzzer target for VD_FUZZ_SECONDS, default 8). A build
# configured with sanitizers runs the same tests with the sanitizers'
# reports turned into failures.
#   tests/run.sh build build-asan build-tsan:unit,model
# Live tests need the private libvirtd: it is started once, before the
# first live test, and torn down when this script exits, however it ends.
set -u
src=$(cd "$(dirname "$0")/.." && pwd)
cd "$src" || exit 2
[ $# -gt 0 ] || set -- build

passed=0
failed=0
skipped=0
failures=()
harness_up=0
harness_peer=0
harness_log=${VD_HARNESS_LOG:-$src/build-harness.log}
per_test_timeout=${VD_TEST_TIMEOUT:-300}
filter=${VD_TEST_FILTER:-}      # only tests whose name contains this
# the tests that must not skip here
must_run=()
if [ -f "$src/tests/must-run.txt" ]; then
    while read -r line; do
        line=${line%%#*}
        line=${line%"${line##*[![:space:]]}"}
        [ -n "$line" ] && must_run+=("$line")
    done <"$src/tests/must-run.txt"
fi
read -ra extra_must_run <<<"${VD_MUST_RUN:-}"
must_run+=("${extra_must_run[@]}")

# must_run NAME: whether NAME matches a pattern of the must-run list.
is_must_run() {
    local p
    for p in "${must_run[@]}"; do
        # shellcheck disable=SC2053
        [[ "$1" == $p ]] && return 0
    done
    return 1
}
fuzz_seconds=${VD_FUZZ_SECONDS:-8}  # how long each fuzz target runs
# the lines of ASan's swapcontext notice (see run_one)
benign_san='^==[0-9]+==WARNING: ASan (doesn.t fully support makecontext/swapcontext|is ignoring requested __asan_handle_no_return)|^False positive error reports may follow$|^For details see https://github.com/google/sanitizers/issues/189$|^$'

cleanup() {
    if [ "$harness_up" = 1 ]; then
        tests/harness/down.sh >"$harness_log" 2>&1 || true
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Start the private libvirtd the first time a live test needs it.  $1 =
# "peer" when the test needs the migration peer too (up.sh --peer): a
# harness already up without it is then restarted with it, so tests that
# need no peer never pay for one.
ensure_harness() {
    local want=${1:-}
    if [ "$harness_up" = 1 ]; then
        [ "$want" != peer ] || [ "$harness_peer" = 1 ] && return 0
        tests/harness/down.sh >>"$harness_log" 2>&1 || true
    fi
    harness_up=1
    local opts=(--tcp)
    if [ "$want" = peer ]; then
        opts+=(--peer)
        harness_peer=1
    fi
    echo "starting the private libvirtd (tests/harness/up.sh ${opts[*]})..."
    # --tcp: the daemon also listens on the namespace's own loopback
    # (qemu+tcp tests run virtdeck inside it with ip netns exec)
    if ! tests/harness/up.sh "${opts[@]}" >"$harness_log" 2>&1; then
        echo "the harness did not start:"; tail -n 30 "$harness_log"
        return 1
    fi
    # shellcheck disable=SC1091
    . "${VD_HARNESS_DIR:-/tmp/virtdeck-harness}/env"
    export VD_TEST_URI VD_VIRT_TYPE VD_NETNS VD_HARNESS_DIR
}

# run_one NAME LOGDIR SANITIZED CMD...: run a test, record the verdict.
run_one() {
    local name=$1 logdir=$2 san=$3; shift 3
    local safe=${name//[^A-Za-z0-9_.-]/_}
    local log="$logdir/$safe.log" t0 t1 rc reports limit=$per_test_timeout
    if [ -n "$filter" ] && [[ "$name" != *"$filter"* ]]; then
        return 0
    fi
    rm -f "$logdir/san.$safe".*
    # a shell test may ask for more time: "# vd-timeout: SECONDS" near its top
    if [ "$1" = bash ] && [ -f "${2:-}" ]; then
        local own
        own=$(head -n 20 "$2" | sed -n 's/^# vd-timeout: *\([0-9][0-9]*\)$/\1/p' | head -n 1)
        [ -n "$own" ] && [ "$own" -gt "$limit" ] && limit=$own
    fi
    t0=$(date +%s.%N)
    (
        export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:log_path=$logdir/san.$safe"
        export LSAN_OPTIONS="suppressions=$src/tests/lsan.supp:print_suppressions=0"
        export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:log_path=$logdir/san.$safe"
        export TSAN_OPTIONS="suppressions=$src/tests/tsan.supp:halt_on_error=0:log_path=$logdir/san.$safe"
        timeout -k 10 "$limit" "$@"
    ) >"$log" 2>&1 </dev/null
    rc=$?
    t1=$(date +%s.%N)
    # ASan's notice that a program switches stacks (spice-gtk's
    # coroutines use swapcontext) is a warning, not a report: a log
    # holding nothing else is dropped; one with a report stays whole
    for f in "$logdir/san.$safe".*; do
        [ -f "$f" ] || continue
        if ! grep -qvE "$benign_san" "$f"; then
            rm -f "$f"
        fi
    done
    reports=$(ls "$logdir/san.$safe".* 2>/dev/null)
    if [ "$san" = 1 ] && [ -n "$reports" ]; then
        { echo "--- sanitizer reports:"; cat $reports; } >>"$log"
        { [ $rc = 0 ] || [ $rc = 77 ]; } && rc=99
    fi
    if [ $rc = 77 ] && is_must_run "$name"; then
        echo "--- skipped, but it must run here (tests/must-run.txt, VD_MUST_RUN)" >>"$log"
        rc=78
    fi
    if [ $rc = 77 ]; then
        skipped=$((skipped + 1))
        printf 'SKIP  %-50s %6.1fs (%s)\n' "$name" "$(awk "BEGIN{print $t1 - $t0}")" \
            "$(tail -n 1 "$log" | cut -c1-100)"
    elif [ $rc = 0 ]; then
        passed=$((passed + 1))
        printf 'PASS  %-50s %6.1fs\n' "$name" "$(awk "BEGIN{print $t1 - $t0}")"
    else
        failed=$((failed + 1))
        failures+=("$name")
        printf 'FAIL  %-50s %6.1fs (exit %d, log %s)\n' "$name" \
            "$(awk "BEGIN{print $t1 - $t0}")" "$rc" "${log#$src/}"
        tail -n 40 "$log" | sed 's/^/      | /'
    fi
}

for arg in "$@"; do
    build=${arg%%:*}
    kinds=${arg#*:}
    [ "$kinds" = "$arg" ] && kinds=unit,model,screen,live
    if [ "$kinds" != fuzz ] && [ ! -x "$build/virtdeck" ]; then
        echo "FAIL  $build: not built (no $build/virtdeck)"
        failed=$((failed + 1)); failures+=("$build")
        continue
    fi
    tag=""
    san=0
    if grep -q "b_sanitize.*\(address\|thread\|undefined\)" "$build/meson-info/intro-buildoptions.json" 2>/dev/null &&
       ! grep -q '"name": "b_sanitize", "value": "none"' "$build/meson-info/intro-buildoptions.json"; then
        san=1
    fi
    [ "$build" != build ] && tag=" [$(basename "$build")]"
    logdir="$src/$build/test-logs"
    mkdir -p "$logdir"
    export VD_BIN="$src/$build/virtdeck" VD_SRC="$src" VD_BUILD="$src/$build"
    # virtdeck reads $XDG_CONFIG_HOME/virtdeck/hosts.conf: never the user's
    export XDG_CONFIG_HOME="$src/$build/test-config"
    mkdir -p "$XDG_CONFIG_HOME"
    # ... and writes its journal under $XDG_STATE_HOME: never the user's
    export XDG_STATE_HOME="$src/$build/test-state"
    unset VIRTDECK_JOURNAL VIRTDECK_JOURNAL_MAX VIRTDECK_JOURNAL_KEEP
    mkdir -p "$XDG_STATE_HOME"
    IFS=, read -ra kind_list <<<"$kinds"
    for kind in "${kind_list[@]}"; do
        case $kind in
        unit)
            for t in $(find "$build/tests" -type f -perm -u+x -name 'test_*' ! -name 'test_model_*' | sort); do
                run_one "unit/$(basename "$t")$tag" "$logdir" $san "$t"
            done ;;
        model)
            for t in $(find "$build/tests" -type f -perm -u+x -name 'test_model_*' | sort); do
                run_one "model/$(basename "$t")$tag" "$logdir" $san "$t"
            done ;;
        screen)
            for t in tests/screen/*.sh; do
                [ -f "$t" ] || continue
                run_one "screen/$(basename "$t" .sh)$tag" "$logdir" $san bash "$t"
            done ;;
        live)
            for t in tests/live/*.sh; do
                [ -f "$t" ] || continue
                if [ -n "$filter" ] && [[ "live/$(basename "$t" .sh)$tag" != *"$filter"* ]]; then
                    continue
                fi
                # migrate_* tests, or a test with the line
                # "# vd-harness: peer", need the second daemon
                need=
                if [[ "$(basename "$t")" == migrate_* ]] ||
                   grep -q '^# vd-harness: peer' "$t"; then
                    need=peer
                fi
                if ! ensure_harness $need; then
                    failed=$((failed + 1)); failures+=("harness")
                    break
                fi
                run_one "live/$(basename "$t" .sh)$tag" "$logdir" $san bash "$t"
            done ;;
        fuzz)
            # each libFuzzer target (tests/fuzz) for VD_FUZZ_SECONDS
            found=0
            for t in $(find "$build/tests/fuzz" -maxdepth 1 -type f -perm -u+x -name 'fuzz_*' 2>/dev/null | sort); do
                found=1
                t=$(basename "$t")
                run_one "fuzz/${t#fuzz_}$tag" "$logdir" $san \
                    tests/fuzz/fuzz.sh "$build" "${t#fuzz_}" "$fuzz_seconds"
            done
            if [ "$found" = 0 ]; then
                echo "FAIL  fuzz$tag: no fuzz targets in $build (configure it with -Dfuzz=true: make build-fuzz)"
                failed=$((failed + 1)); failures+=("fuzz$tag")
            fi ;;
        *) echo "unknown test kind '$kind'"; exit 2 ;;
        esac
    done
done

cleanup
harness_up=0
harness_peer=0
if [ ${#failures[@]} -gt 0 ]; then
    echo "failed: ${failures[*]}"
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]
