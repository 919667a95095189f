# shellcheck shell=bash
# live.sh: what live screen tests share: the harness's environment and
# selecting a row by name in the focused pane.
#
# Source after tests/lib/screen.sh. Requires the harness to be up
# (tests/run.sh starts it before the first live test).

# shellcheck disable=SC1091
. "$VD_SRC/tests/harness/lib.sh"
vd_harness_env

# live_select NAME [MAX_ROWS]: move the cursor of the focused pane to the
# row named NAME: Enter shows the selected row's summary on the status
# line, j moves on. Fails the test when NAME is not reached.
live_select() {
    local name=$1 max=${2:-60} i
    screen_keys g
    for ((i = 0; i < max; i++)); do
        screen_keys Enter
        if _screen_poll 1 _screen_has_re "^ $name: "; then
            return 0
        fi
        screen_keys j
    done
    screen_fail "could not select '$name' in the focused pane"
}

# live_scratch_pool NAME: a persistent dir pool NAME (started) in a new
# temporary directory; sets $tmp (the directory, the pool's target is
# $tmp/pooldir) and $pool, and installs live_scratch_cleanup (screen,
# pool, directory) as the EXIT trap. Call it again after screen_start,
# which sets its own trap: `trap live_scratch_cleanup EXIT`.
live_scratch_pool() {
    pool=$1
    tmp=$(mktemp -d "/tmp/vd-$pool.XXXXXX")
    trap live_scratch_cleanup EXIT
    mkdir -p "$tmp/pooldir"
    vd_virsh -q pool-define-as "$pool" dir --target "$tmp/pooldir" >/dev/null &&
        vd_virsh -q pool-start "$pool" >/dev/null ||
        { echo "FAIL: could not make the pool $pool"; exit 1; }
}

# live_scratch_cleanup: the EXIT trap of live_scratch_pool.
live_scratch_cleanup() {
    screen_stop
    vd_virsh -q pool-destroy "$pool" >/dev/null 2>&1
    vd_virsh -q pool-undefine "$pool" >/dev/null 2>&1
    rm -rf "$tmp"
}

# live_vols: the volumes of $pool, sorted, on one line.
live_vols() {
    vd_virsh -q vol-list "$pool" 2>/dev/null | awk '{print $1}' | sort | tr '\n' ' '
}

# live_open_volumes: from the main screen (just started), open the
# volumes view of $pool.
live_open_volumes() {
    screen_wait "vdpool" 15
    screen_keys Tab Tab                 # the pools pane
    live_select "$pool"
    screen_keys v
    screen_wait "Volumes of pool $pool"
}
