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

# live_two_hosts ROW_RE: with the TUI started on the source and the
# peer (-c "$VD_TEST_URI" -c "$VD_PEER_URI"), wait until the source
# lists a row matching ROW_RE and the peer is connected (it is a
# destination only then); leaves the hosts pane on the source.
live_two_hosts() {
    screen_wait "Hosts (2)"
    screen_wait_re "$1" 20
    screen_keys h j
    screen_wait_re "no domains on this host|Name" 20
    screen_keys k
}

# live_migrate_copy_storage MIBS MIGRATE_URI: in the migrate form just
# opened (T), copy all storage at MIBS MiB/s through MIGRATE_URI, and
# submit.
live_migrate_copy_storage() {
    screen_keys Tab Tab Tab Tab   # dest, mode, persistent, undefine: storage
    screen_keys Right
    screen_wait "Copy all storage" 5
    screen_keys Tab C-u "$1"
    # the migration URI: the last field
    for _ in 1 2 3 4 5 6 7; do screen_keys Tab; done
    screen_wait "where the data goes" 5
    screen_text "$2"
    screen_keys Enter
}

# live_wizard_to_network NAME GIB: from the main screen, open the create
# wizard (l N) and fill it to its network page: NAME, PXE boot, the
# default CPU and memory, disk 1 a new GIB GiB qcow2 volume in vdpool.
live_wizard_to_network() {
    . "$VD_SRC/tests/lib/wizard.sh"
    screen_keys l N
    wizard_pxe_to_storage "$1"
    wizard_disk1_size "$2"
    screen_keys PgDn
    screen_wait "Step 5 of 11: Network"
}
