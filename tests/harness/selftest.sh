#!/bin/bash
# Self-test of the live-test harness: up, boot a SeaBIOS-only guest, VNC
# screenshot, serial console, SIGSTOP/CONT, daemon restart with the guest
# surviving, down with the daemon frozen, and nothing left behind.
#
# usage: tests/harness/selftest.sh [up.sh options, e.g. --tcg or --tcp]
# Uses VD_HARNESS_DIR (default /tmp/virtdeck-harness-selftest) and VD_NETNS
# (default vdself), not the live tests' defaults.
# Prints PASS/FAIL lines; exits non-zero if anything failed.  Must run as root.
set -u

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# Own names by default, so the self-test never tears down a harness that
# live tests are using (up.sh replaces a harness with the same names).
export VD_HARNESS_DIR=${VD_HARNESS_DIR:-/tmp/virtdeck-harness-selftest}
export VD_NETNS=${VD_NETNS:-vdself}
# shellcheck source=lib.sh
. "$HERE/lib.sh"

UP_ARGS=("$@")
TCP=0
for a in "$@"; do [ "$a" = --tcp ] && TCP=1; done

pass=0
fail=0
ok() { echo "PASS: $*"; pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }
check() { # check DESCRIPTION COMMAND...
    local what=$1
    shift
    if "$@"; then ok "$what"; else bad "$what"; fi
}
now_ms() { date +%s%3N; }

CON=
WORK=$(mktemp -d /tmp/vd-selftest.XXXXXX)
finish() {
    [ -n "$CON" ] && vd_console_stop "$CON"
    "$HERE/down.sh" >/dev/null 2>&1
    rm -rf "$WORK"
    echo "selftest: $pass passed, $fail failed"
    [ "$fail" = 0 ]
}
trap 'finish; exit $?' EXIT
trap 'exit 130' INT TERM

# ---- up ------------------------------------------------------------------------
t0=$(now_ms)
if URI=$("$HERE/up.sh" "${UP_ARGS[@]}"); then
    ok "up.sh ($(( $(now_ms) - t0 )) ms)"
else
    bad "up.sh"
    exit 1
fi
if vd_harness_env; then ok "env file ($VD_VIRT_TYPE)"; else bad "env file"; exit 1; fi
check "up.sh printed the URI" [ "$URI" = "$VD_TEST_URI" ]
check "socket reachable from outside the netns" bash -c "virsh -q -c '$VD_TEST_URI' version >/dev/null"
check "daemon runs in netns $VD_NETNS" \
    [ "$(readlink "/proc/$VD_LIBVIRTD_PID/ns/net")" = "$(ip netns exec "$VD_NETNS" readlink /proc/self/ns/net)" ]
check "daemon is not in the host netns" \
    [ "$(readlink "/proc/$VD_LIBVIRTD_PID/ns/net")" != "$(readlink /proc/self/ns/net)" ]
check "daemon has a private mount namespace" \
    [ "$(readlink "/proc/$VD_LIBVIRTD_PID/ns/mnt")" != "$(readlink /proc/self/ns/mnt)" ]
check "network vdnet active" bash -c "virsh -q -c '$VD_TEST_URI' net-info vdnet | grep -Eq '^Active: +yes'"
check "bridge vdbr0 only inside the netns" \
    bash -c "ip netns exec '$VD_NETNS' ip link show vdbr0 >/dev/null 2>&1 && ! ip link show vdbr0 >/dev/null 2>&1"
check "NAT rules inside the netns" \
    bash -c "ip netns exec '$VD_NETNS' iptables -t nat -S 2>/dev/null | grep -q 192.168.150.0/24"
check "pool vdpool active" bash -c "virsh -q -c '$VD_TEST_URI' pool-info vdpool | grep -Eq '^State: +running'"
if [ "$TCP" = 1 ]; then
    check "TCP listener on the netns loopback" \
        bash -c "ip netns exec '$VD_NETNS' timeout 10 virsh -q -c qemu+tcp://127.0.0.1/system version >/dev/null"
fi

# ---- guest -----------------------------------------------------------------------
G=vdself-guest
UUID=$(vd_define_guest "$G" --serial-bios --vnc --disk 8 --network vdnet)
if [[ $UUID =~ ^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$ ]]; then
    ok "vd_define_guest printed UUID $UUID"
else
    bad "vd_define_guest (got '$UUID')"
fi
check "guest is defined, shut off" vd_wait_state "$G" "shut off" 5
check "domain type is $VD_VIRT_TYPE" \
    bash -c "virsh -q -c '$VD_TEST_URI' dumpxml '$G' | grep -q \"<domain type='$VD_VIRT_TYPE'\""

# Start paused so the console is attached before SeaBIOS prints anything.
t0=$(now_ms)
check "start --paused" vd_virsh -q start --paused "$G"
if CON=$(vd_console_start "$G" "$WORK/console.txt"); then
    ok "console attached"
else
    CON=
    bad "console attached"
fi
check "resume" vd_virsh -q resume "$G"
check "guest running" vd_wait_state "$G" running 20
echo "  (start to running: $(( $(now_ms) - t0 )) ms)"
check "SeaBIOS on the serial console" vd_wait_text "$WORK/console.txt" SeaBIOS 30
[ -n "$CON" ] && vd_console_stop "$CON"
CON=
check "domdisplay is vnc://127.0.0.1:N" \
    bash -c "virsh -q -c '$VD_TEST_URI' domdisplay '$G' | grep -Eq '^vnc://127\.0\.0\.1:[0-9]+'"
check "screenshot non-empty" \
    bash -c "virsh -q -c '$VD_TEST_URI' screenshot '$G' '$WORK/shot' >/dev/null && [ -s '$WORK/shot' ]"
QPID=$(cat "$VD_HARNESS_DIR/run/libvirt/qemu/$G.pid" 2>/dev/null)
alive() { [ -n "$1" ] && [ -d "/proc/$1" ] && [ "$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" != Z ]; }
check "qemu pid known ($QPID)" alive "$QPID"
want_accel=tcg; [ "$VD_VIRT_TYPE" = kvm ] && want_accel=kvm
check "qemu runs with -accel $want_accel" \
    bash -c "tr '\\0' ' ' </proc/$QPID/cmdline | grep -q -- '-accel $want_accel'"
check "qemu runs in the netns" \
    [ "$(readlink "/proc/$QPID/ns/net")" = "$(readlink "/proc/$VD_LIBVIRTD_PID/ns/net")" ]

# ---- SIGSTOP / SIGCONT -------------------------------------------------------------
check "SIGSTOP daemon" vd_daemon_signal STOP
check "stopped daemon does not answer" bash -c "! timeout 2 virsh -q -c '$VD_TEST_URI' version >/dev/null 2>&1"
check "SIGCONT daemon" vd_daemon_signal CONT
check "daemon answers after CONT" vdh_wait_daemon 10

# ---- restart ------------------------------------------------------------------------
OLD=$VD_LIBVIRTD_PID
t0=$(now_ms)
if vd_daemon_restart; then ok "vd_daemon_restart ($(( $(now_ms) - t0 )) ms)"; else bad "vd_daemon_restart"; fi
check "new daemon pid ($OLD -> $VD_LIBVIRTD_PID)" [ "$VD_LIBVIRTD_PID" != "$OLD" ]
check "env file has the new pid" grep -q "VD_LIBVIRTD_PID='$VD_LIBVIRTD_PID'" "$VD_HARNESS_DIR/env"
check "guest still running after restart" vd_wait_state "$G" running 10
check "same qemu process" alive "$QPID"
check "libvirt still knows that qemu pid" [ "$(cat "$VD_HARNESS_DIR/run/libvirt/qemu/$G.pid" 2>/dev/null)" = "$QPID" ]
check "screenshot after restart" \
    bash -c "virsh -q -c '$VD_TEST_URI' screenshot '$G' '$WORK/shot2' >/dev/null && [ -s '$WORK/shot2' ]"

# ---- per-test cleanup helper --------------------------------------------------------
vd_define_guest vdself-tmp >/dev/null
vd_cleanup_guests vdself-
check "vd_cleanup_guests removed the guests" \
    bash -c "! virsh -q -c '$VD_TEST_URI' list --all --name | grep -q '^vdself-'"
check "vd_cleanup_guests removed the volume" \
    bash -c "! virsh -q -c '$VD_TEST_URI' vol-list vdpool | grep -q '$G.qcow2'"

# ---- down with a running guest and a frozen daemon --------------------------------------
vd_define_guest "$G" --vnc >/dev/null && vd_virsh -q start "$G" >/dev/null
QPID=$(cat "$VD_HARNESS_DIR/run/libvirt/qemu/$G.pid" 2>/dev/null)
DPID=$VD_LIBVIRTD_PID
check "second guest running before down ($QPID)" alive "$QPID"
vd_daemon_signal STOP
t0=$(now_ms)
"$HERE/down.sh"
check "down.sh exit 0 ($(( $(now_ms) - t0 )) ms)" [ $? = 0 ]
check "netns gone" bash -c "! ip netns list | awk '{print \$1}' | grep -qx '$VD_NETNS'"
check "daemon gone" bash -c "$(declare -f alive); ! alive '$DPID'"
check "qemu gone" bash -c "$(declare -f alive); ! alive '$QPID'"
check "state dir gone" [ ! -e "$VD_HARNESS_DIR" ]
check "down.sh again is a no-op" "$HERE/down.sh"
