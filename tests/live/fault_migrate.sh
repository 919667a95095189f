#!/bin/bash
# vd-harness: peer
# Fault injection (issue 17): the SOURCE libvirtd is SIGKILLed in the
# middle of a live migration (T: copy all storage at 1 MiB/s) and
# started again. The job ends as failed and says what became of the
# guest; virtdeck reconnects to the source by itself; the guest exists
# exactly once, running on the source, with nothing left on the peer
# (no domain, no copy of its disk); the source's volumes are unchanged.
set -u
. "$VD_SRC/tests/lib/screen.sh"
. "$VD_SRC/tests/lib/live.sh"
. "$VD_SRC/tests/lib/fault.sh"
G=lt-fmig
fault_journal vdt-fmig
cleanup() {
    screen_stop
    vd_cleanup_guests $G
    vd_peer_cleanup_guests $G
    fault_journal_cleanup
}
trap cleanup EXIT
vd_cleanup_guests $G; vd_peer_cleanup_guests $G
fault_running_guest $G 32
vd_wait_state $G running 30 || exit 1
before=$(fault_hosts)

screen_start 120x40 -c "$VD_TEST_URI" -c "$VD_PEER_URI"
trap cleanup EXIT
live_two_hosts "$G +running"
screen_keys l
live_select $G
screen_keys T
screen_wait "Migrate $G from" 10
screen_expect_re "Destination +< local qemu\+unix \(peer\) >"
screen_expect_re "Mode +< Live"
live_migrate_copy_storage 1 "tcp://$VD_PEER_ADDR"
screen_wait_re "$G +migr [0-9]+%" 60
# the peer holds the incoming guest while it runs
vd_peer_virsh -q list --all --name | grep -qx $G || screen_fail "no incoming $G on the peer"

vd_daemon_restart || screen_fail "libvirtd (the source) did not start again"
screen_wait_re "migrate $G to local qemu\+unix: failed" 60
# the guest: exactly once, running on the source, nothing on the peer
vd_wait_state $G running 60 || screen_fail "$G is not running on the source: $(vd_virsh domstate $G 2>&1)"
fault_gone_from_peer $G || screen_fail "$G left on the peer"
fault_hosts_same "$before"
# virtdeck reconnects to the source by itself and shows the guest there
screen_wait "local qemu+unix: connected" 40
screen_wait_re "$G +running" 30
grep -q '"connected again"' "$J" || screen_fail "no reconnect in the journal: $(cat "$J")"
# the job's end says what became of the guest (the journal keeps it whole)
grep -qE "migrate $G to local qemu\+unix: failed: .*; the guest (is not on the destination: it stays on the source|stays on the source)" "$J" ||
    screen_fail "the job's end does not say where the guest is: $(grep -F "migrate $G" "$J")"
screen_keys q
screen_wait_exit 10 >/dev/null || screen_fail "virtdeck did not quit"
exit 0
