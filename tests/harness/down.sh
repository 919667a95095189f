#!/bin/bash
# Tear down everything up.sh created.  Safe to run any number of times, after
# a failed or aborted test, and with the daemon SIGSTOPped.  Always exits 0.
#
# usage: tests/harness/down.sh        (honours VD_HARNESS_DIR and VD_NETNS)
set -u

. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

[ "$(id -u)" = 0 ] || { echo "down.sh: must run as root" >&2; exit 0; }
case $VDH_DIR in
    /*) VDH_DIR=$(realpath -m "$VDH_DIR") ;;
    *) echo "down.sh: VD_HARNESS_DIR must be an absolute path" >&2; exit 0 ;;
esac

# The migration peer (up.sh --peer) first: its namespace is named in
# peer-netns, its state dir is $VDH_DIR/peer.
if [ -e "$VDH_DIR/$VDH_MARKER" ] && [ -r "$VDH_DIR/peer-netns" ]; then
    VD_HARNESS_DIR=$VDH_DIR/peer VD_NETNS=$(cat "$VDH_DIR/peer-netns") \
        "$VDH_HERE/down.sh" || true
fi

netns_pids() {
    vdh_netns_exists || return 0
    ip netns pids "$VDH_NETNS" 2>/dev/null
}

# 1. Wake up whatever a test may have stopped (the daemon, qemu, ...).
#    Trust the pid file only in a real harness state dir.
PID=
if [ -e "$VDH_DIR/$VDH_MARKER" ]; then
    PID=$(vdh_daemon_pid 2>/dev/null) || PID=
fi
[ -n "$PID" ] && kill -CONT "$PID" 2>/dev/null
for p in $(netns_pids); do kill -CONT "$p" 2>/dev/null; done

# 2. Ask the daemon to clean up guests, networks and pools, so qemu exits in
#    an orderly way.  Every call is bounded: a wedged daemon must not block
#    teardown; anything left is killed below anyway.
if [ -n "$PID" ] && [ -S "$VDH_DIR/run/libvirt/libvirt-sock" ] && vdh_wait_daemon 10 2>/dev/null; then
    URI=$(vdh_uri)
    V() { timeout 20 virsh -q -c "$URI" "$@" >/dev/null 2>&1; }
    mapfile -t doms < <(timeout 20 virsh -q -c "$URI" list --all --name 2>/dev/null | grep .)
    # Destroy in parallel: each destroy can take a second or two.
    for dom in "${doms[@]}"; do V destroy "$dom" & done
    wait
    for dom in "${doms[@]}"; do
        V undefine "$dom" --nvram --managed-save --snapshots-metadata --checkpoints-metadata ||
            V undefine "$dom" --managed-save --snapshots-metadata ||
            V undefine "$dom"
    done
    mapfile -t nets < <(timeout 20 virsh -q -c "$URI" net-list --all --name 2>/dev/null | grep .)
    for net in "${nets[@]}"; do
        V net-destroy "$net"
        V net-undefine "$net"
    done
    mapfile -t pools < <(timeout 20 virsh -q -c "$URI" pool-list --all --name 2>/dev/null | grep .)
    for pool in "${pools[@]}"; do
        V pool-destroy "$pool"
        V pool-undefine "$pool"
    done
fi

# 3. Stop the daemon: CONT, TERM, KILL after a deadline.
[ -n "$PID" ] && vdh_stop_daemon soft

# 3b. Clients a test left behind on this harness's socket (a `virsh
#     console` under script(1) outlives its daemon): match the socket path,
#     which is unique to this state dir, so nothing else is touched.
pkill -TERM -f -- "socket=$VDH_DIR/run/libvirt/libvirt-sock" 2>/dev/null || true

# 4. Kill everything still living in the namespace (qemu, dnsmasq, a libvirtd
#    whose pid file was lost, ...).
if vdh_netns_exists; then
    end=$((SECONDS + 15))
    while :; do
        pids=$(netns_pids)
        [ -z "$pids" ] && break
        for p in $pids; do kill -KILL "$p" 2>/dev/null; done
        if [ "$SECONDS" -ge "$end" ]; then
            vdh_log "processes still in netns $VDH_NETNS: $pids"
            break
        fi
        sleep 0.1
    done
    # 5. Delete the namespace.
    ip netns delete "$VDH_NETNS" 2>/dev/null || vdh_log "could not delete netns $VDH_NETNS"
fi

# 6. Remove the state dir.  All the daemon's bind mounts lived in its private
#    mount namespace, which died with its last process; from here the state
#    dir is a plain directory tree.  Refuse to remove it if something is
#    still mounted below it (then rm -rf could reach into another tree).
if [ -d "$VDH_DIR" ]; then
    if [ "$VDH_DIR" = / ] || [ ! -e "$VDH_DIR/$VDH_MARKER" ]; then
        vdh_log "$VDH_DIR is not a harness state dir (no $VDH_MARKER); not removing it"
    elif awk -v d="$VDH_DIR/" 'index($5, d) == 1 { f = 1 } END { exit !f }' /proc/self/mountinfo; then
        vdh_log "something is mounted under $VDH_DIR; not removing it"
    else
        rm -rf --one-file-system -- "$VDH_DIR"
    fi
fi
exit 0
