# shellcheck shell=bash
# fault.sh: what the fault-injection live tests (tests/live/fault_*.sh)
# share: a private journal, the freeze-on-create injector, and the
# picture of both hosts taken before a fault and compared after it.
#
# Source after tests/harness/lib.sh (or tests/lib/live.sh), with the
# harness up.

# fault_journal NAME: a private state directory (XDG_STATE_HOME, also
# the test's scratch directory) so the journal is $J; remove it with
# fault_journal_cleanup.
fault_journal() {
    XDG_STATE_HOME=$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX")
    export XDG_STATE_HOME
    # shellcheck disable=SC2034  # the tests read it
    J=$XDG_STATE_HOME/virtdeck/journal.jsonl
}

# fault_journal_cleanup: for the EXIT trap.
fault_journal_cleanup() {
    [ -n "${fault_stopper:-}" ] && kill "$fault_stopper" 2>/dev/null
    [ -n "${fault_stopper:-}" ] && vd_daemon_signal CONT >/dev/null 2>&1
    fault_stopper=
    [ -n "${XDG_STATE_HOME:-}" ] && rm -rf "$XDG_STATE_HOME"
}

# fault_freeze_on DIR FILE: from now on, freeze libvirtd (SIGSTOP) the
# moment FILE is created in DIR (tests/live/stop_on_create.c); returns
# once the watch is set. fault_frozen waits for the freeze.
fault_freeze_on() {
    "$VD_BUILD/tests/live/stop_on_create" "$1" "$2" "$VD_LIBVIRTD_PID" 60 \
        >"$XDG_STATE_HOME/stopper.out" 2>&1 &
    fault_stopper=$!
    for _ in $(seq 100); do
        grep -q watching "$XDG_STATE_HOME/stopper.out" && return 0
        sleep 0.1
    done
    echo "FAIL: the watch did not start: $(cat "$XDG_STATE_HOME/stopper.out")"
    exit 1
}

# fault_frozen: wait until fault_freeze_on froze the daemon; 1 if not.
fault_frozen() {
    local pid=$fault_stopper
    fault_stopper=
    wait "$pid" || { cat "$XDG_STATE_HOME/stopper.out"; return 1; }
}

# fault_pool_dir POOL: the target directory of a dir pool.
fault_pool_dir() {
    vd_virsh pool-dumpxml "$1" | sed -n 's|.*<path>\(.*\)</path>.*|\1|p' | head -1
}

# fault_hosts: the picture of the source (domains, vdpool's volumes)
# and, when the peer is up, of the peer (domains, its pool's files),
# one item a line.
fault_hosts() {
    echo "source domains: $(vd_virsh list --all --name | sort | tr '\n' ' ')"
    vd_virsh -q pool-refresh vdpool >/dev/null 2>&1
    echo "source vdpool: $(vd_virsh -q vol-list vdpool | awk 'NF {print $1}' | sort | tr '\n' ' ')"
    if [ -n "${VD_PEER_URI:-}" ]; then
        echo "peer domains: $(vd_peer_virsh list --all --name | sort | tr '\n' ' ')"
        echo "peer pool files: $(ls -A "$VD_PEER_HARNESS_DIR/pool" | tr '\n' ' ')"
    fi
}

# fault_hosts_same BEFORE: fail (screen_fail when a screen runs, else
# exit 1) unless fault_hosts prints BEFORE again.
fault_hosts_same() {
    local now msg
    now=$(fault_hosts)
    [ "$now" = "$1" ] && return 0
    msg="the hosts changed: $(diff <(echo "$1") <(echo "$now") | grep '^[<>]')"
    declare -F screen_fail >/dev/null && screen_fail "$msg"
    echo "FAIL: $msg"
    exit 1
}

# fault_gone_from_peer PREFIX: wait (30 s) until no domain named
# PREFIX* is on the peer; 1 if one stays.
fault_gone_from_peer() {
    local end=$((SECONDS + 30))
    while vd_peer_virsh -q list --all --name | grep -q "^$1"; do
        [ $SECONDS -ge $end ] && return 1
        sleep 0.2
    done
}

# fault_running_guest NAME MIB [vd_define_guest options]: a running
# guest whose qcow2 disk in vdpool holds MIB MiB of random bytes (an
# idle guest's memory is mostly zero pages, sent in no time: a copy of
# its disk is what takes a while to migrate).
fault_running_guest() {
    local name=$1 mib=$2 path
    shift 2
    head -c "${mib}M" /dev/urandom >"$XDG_STATE_HOME/disk.raw" &&
        vd_define_guest "$name" --disk "$mib" "$@" >/dev/null &&
        path=$(vd_virsh -q vol-path --pool vdpool "$name.qcow2") &&
        qemu-img convert -f raw -O qcow2 "$XDG_STATE_HOME/disk.raw" "$path" &&
        rm -f "$XDG_STATE_HOME/disk.raw" &&
        vd_virsh -q start "$name" >/dev/null ||
        { echo "FAIL: could not make the guest $name"; exit 1; }
}
