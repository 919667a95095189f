#!/bin/bash
# vd-harness: peer
# Fault injection (issue 17): the SOURCE libvirtd is SIGKILLed in the
# middle of an evacuation (V: three running guests, two at a time,
# copying their disks of random bytes at 1 MiB/s, stop at the first
# failure) and started again. The job ends
# as failed and says, guest by guest, what became of each; virtdeck
# reconnects to the source by itself; every guest exists exactly once,
# running on the source, with nothing on the peer.
set -u
. "$VD_SRC/tests/lib/screen.sh"
. "$VD_SRC/tests/lib/live.sh"
. "$VD_SRC/tests/lib/fault.sh"
G=lt-fevac
fault_journal vdt-fevac
cleanup() {
    screen_stop
    vd_cleanup_guests $G
    vd_peer_cleanup_guests $G
    fault_journal_cleanup
}
trap cleanup EXIT
vd_cleanup_guests $G; vd_peer_cleanup_guests $G
for g in a b c; do fault_running_guest $G-$g 16 --memory 32; done
for g in a b c; do vd_wait_state $G-$g running 30 || exit 1; done
before=$(fault_hosts)

screen_start 120x36 -c "$VD_TEST_URI" -c "$VD_PEER_URI"
trap cleanup EXIT
live_two_hosts "$G-c +running"
screen_wait_re "$G-a +running" 10
screen_keys V
screen_wait "Evacuate " 10
screen_wait "3 running guests move off this host" 5
# dest, at a time, stop, persistent, undefine, storage
for _ in 1 2 3 4 5; do screen_keys Tab; done
screen_keys Right
screen_wait "Copy all storage" 5
screen_keys Tab C-u 1             # 1 MiB/s
screen_keys Enter
screen_wait "evacuate 3 guests, 2 at a time: started" 20
# in the middle: the peer holds incoming guests, none has arrived yet
for _ in $(seq 300); do
    [ -n "$(vd_peer_virsh -q list --all --name | grep "^$G-")" ] && break
    sleep 0.1
done
[ -n "$(vd_peer_virsh -q list --all --name | grep "^$G-")" ] || screen_fail "no incoming guest on the peer"
[ -z "$(vd_peer_virsh -q list --all --name --persistent | grep "^$G-")" ] ||
    screen_fail "a guest arrived before the daemon was killed"

vd_daemon_restart || screen_fail "libvirtd (the source) did not start again"
screen_wait_re "evacuate 3 guests, 2 at a time: failed: 0 of 3 moved" 60
# every guest: exactly once, running on the source; nothing on the peer
for g in a b c; do
    vd_wait_state $G-$g running 60 || screen_fail "$G-$g is not running on the source"
done
fault_gone_from_peer $G- || screen_fail "left on the peer: $(vd_peer_virsh -q list --all --name)"
fault_hosts_same "$before"
# virtdeck reconnects to the source by itself and lists the guests there
screen_wait "local qemu+unix: connected" 40
for g in a b c; do screen_wait_re "$G-$g +running" 30; done
grep -q '"connected again"' "$J" || screen_fail "no reconnect in the journal"
# the job's end names each guest and where it is (the journal keeps it whole)
line=$(grep -F "evacuate 3 guests, 2 at a time: failed" "$J")
[ -n "$line" ] || screen_fail "no evacuation in the journal: $(cat "$J")"
for g in a b c; do
    grep -qE "$G-$g: [^;]*(; the guest (is not on the destination: it stays on the source|stays on the source)|not started: it stays on the source)" <<<"$line" ||
        screen_fail "the job's end does not say what became of $G-$g: $line"
done
screen_keys J
screen_wait_re "evacuate 3 guests, 2 at a time.*failed" 10
screen_keys Escape q
screen_wait_exit 10 >/dev/null || screen_fail "virtdeck did not quit"
exit 0
