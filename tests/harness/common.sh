# shellcheck shell=bash
# Internal helpers shared by up.sh, down.sh and lib.sh.  Not an interface:
# test scripts should source lib.sh instead.
#
# Packages needed (all installed by the project Makefile): libvirt-daemon,
# libvirt-daemon-driver-qemu, libvirt-clients, qemu-system-x86, qemu-utils,
# dnsmasq-base, iptables, iproute2, ovmf (unused here), tmux (unused here).
# Also used, but part of every Debian base system: util-linux (unshare,
# setsid, mount, script), coreutils (timeout), procps (ps), grep, sed, gawk
# or mawk.

VDH_DIR=${VD_HARNESS_DIR:-/tmp/virtdeck-harness}
VDH_NETNS=${VD_NETNS:-vdtest}
VDH_HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# up.sh puts this file in every state dir; down.sh removes only such dirs.
# shellcheck disable=SC2034
VDH_MARKER=.virtdeck-harness

vdh_log() { printf '[harness] %s\n' "$*" >&2; }

vdh_netns_exists() {
    ip netns list 2>/dev/null | awk -v n="$VDH_NETNS" '$1 == n { f = 1 } END { exit !f }'
}

# The daemon's URI as seen from outside the namespaces (socket by path).
vdh_uri() { printf 'qemu+unix:///system?socket=%s/run/libvirt/libvirt-sock' "$VDH_DIR"; }

# Print the pid of the harness libvirtd if it is alive, else nothing/fail.
vdh_daemon_pid() {
    local pid
    [ -r "$VDH_DIR/libvirtd.pid" ] || return 1
    pid=$(tr -dc '0-9' <"$VDH_DIR/libvirtd.pid")
    [ -n "$pid" ] || return 1
    [ -d "/proc/$pid" ] || return 1
    # Make sure the pid was not recycled by some other program.
    [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = libvirtd ] || return 1
    # A zombie (nobody reaped it yet) is dead.
    vdh_pid_alive "$pid" || return 1
    printf '%s\n' "$pid"
}

# Poll until `virsh version` answers.  $1 = deadline in seconds.
vdh_wait_daemon() {
    local timeout=${1:-30} uri end
    uri=$(vdh_uri)
    end=$((SECONDS + timeout))
    while :; do
        if timeout 10 virsh -q -c "$uri" version >/dev/null 2>&1; then
            return 0
        fi
        # Give up early if the daemon died.
        if ! vdh_daemon_pid >/dev/null; then
            vdh_log "libvirtd is not running"
            return 1
        fi
        if [ "$SECONDS" -ge "$end" ]; then
            vdh_log "libvirtd did not answer within ${timeout}s"
            return 1
        fi
        sleep 0.2
    done
}

vdh_log_tail() {
    local f=$VDH_DIR/log/libvirtd.log
    [ -r "$f" ] || return 0
    echo "---- last lines of $f ----" >&2
    tail -n "${1:-40}" "$f" >&2
    echo "----" >&2
}

# Start libvirtd inside the netns and in a private mount namespace, using the
# configuration written by up.sh into $VDH_DIR/etc.  Waits for libvirtd's pid
# file, not until it answers (see vdh_wait_daemon).
vdh_start_daemon() {
    local extra=()
    if [ -r "$VDH_DIR/daemon-args" ]; then
        # one argument per line
        mapfile -t extra <"$VDH_DIR/daemon-args"
    fi
    # a daemon with a hostname of its own (a migration pair) gets a UTS namespace
    local uts=
    [ -r "$VDH_DIR/hostname" ] && uts=--uts
    rm -f "$VDH_DIR/libvirtd.pid" "$VDH_DIR/launcher.pid"
    # The ( ... & ) double fork makes libvirtd a child of init, not of the
    # calling script (a bare `wait` in a test must not wait for the daemon).
    # setsid: own session, so a Ctrl-C in a test does not hit the daemon.
    # ip netns exec, unshare and ns-libvirtd.sh all exec, so the launcher
    # pid normally is libvirtd's pid; libvirtd also writes its own pid file,
    # which is what everything else uses.
    (
        setsid ip netns exec "$VDH_NETNS" \
            unshare --mount --propagation private $uts -- \
            /bin/bash "$VDH_HERE/ns-libvirtd.sh" "$VDH_DIR" "${extra[@]}" \
            </dev/null >>"$VDH_DIR/log/libvirtd.log" 2>&1 &
        echo $! >"$VDH_DIR/launcher.pid"
    )
    local pid end=$((SECONDS + 15))
    pid=$(cat "$VDH_DIR/launcher.pid" 2>/dev/null)
    # Wait for the pid file (written early by libvirtd) or for the launcher
    # to die.
    while [ "$SECONDS" -lt "$end" ]; do
        if vdh_daemon_pid >/dev/null; then return 0; fi
        if ! vdh_pid_alive "$pid"; then
            vdh_log "libvirtd exited during startup"
            return 1
        fi
        sleep 0.1
    done
    vdh_log "libvirtd wrote no pid file within 15s"
    return 1
}

# True if pid exists and is not a zombie.
vdh_pid_alive() {
    local st
    [ -n "${1:-}" ] || return 1
    st=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null) || return 1
    [ -n "$st" ] && [ "$st" != Z ]
}

# Poll until pid is gone (or a zombie); $2 = deadline in seconds.
vdh_wait_gone() {
    local end=$((SECONDS + ${2:-10}))
    while vdh_pid_alive "$1"; do
        [ "$SECONDS" -ge "$end" ] && return 1
        sleep 0.05
    done
    return 0
}

# Stop libvirtd: CONT first (a stopped process does not act on TERM), then
# TERM, then KILL after a deadline.  $1 = "hard" to skip TERM.
vdh_stop_daemon() {
    local mode=${1:-soft} pid
    pid=$(vdh_daemon_pid) || { rm -f "$VDH_DIR/libvirtd.pid"; return 0; }
    kill -CONT "$pid" 2>/dev/null || true
    if [ "$mode" != hard ]; then
        kill -TERM "$pid" 2>/dev/null || true
        vdh_wait_gone "$pid" 15 && { rm -f "$VDH_DIR/libvirtd.pid"; return 0; }
    fi
    kill -KILL "$pid" 2>/dev/null || true
    vdh_wait_gone "$pid" 10 || vdh_log "libvirtd $pid does not die"
    rm -f "$VDH_DIR/libvirtd.pid"
    return 0
}
