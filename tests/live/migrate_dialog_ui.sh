#!/bin/bash
# The migrate dialog from the TUI (T on a domain, a registry action):
# copy all storage at 1 MiB/s with the migration URI of the link; while
# it runs the domain's row shows "migr NN%" and the jobs view (J) the
# phase and figures from the job stats; K on the domain cancels it: the
# guest keeps running on the source and nothing is left on the peer.
set -u
. "$VD_SRC/tests/lib/screen.sh"
. "$VD_SRC/tests/lib/live.sh"
G=lt-migdlg
cleanup() { vd_cleanup_guests $G; vd_peer_cleanup_guests $G; screen_stop; }
trap cleanup EXIT
vd_cleanup_guests $G; vd_peer_cleanup_guests $G
T=$(mktemp -d)
head -c 32M /dev/urandom >"$T/disk.raw" || exit 1
vd_define_guest $G --disk 32 >/dev/null || exit 1
path=$(vd_virsh -q vol-path --pool vdpool $G.qcow2) || exit 1
qemu-img convert -f raw -O qcow2 "$T/disk.raw" "$path" || exit 1
rm -rf "$T"
vd_virsh -q start $G >/dev/null || exit 1
vd_wait_state $G running 30 || exit 1

screen_start 120x40 -c "$VD_TEST_URI" -c "$VD_PEER_URI"
trap cleanup EXIT
# the peer must be connected (it is a destination only then)
live_two_hosts "$G +running"
screen_keys l
live_select $G
screen_keys T
screen_wait "Migrate $G from" 10
screen_expect_re "Destination +< local qemu\+unix \(peer\) >"
screen_expect_re "Mode +< Live"
live_migrate_copy_storage 1 "tcp://$VD_PEER_ADDR"
screen_wait_re "$G +migr [0-9]+%" 60
screen_keys J
screen_wait_re "migrate $G to local qemu\+unix" 10
screen_wait_re "(storage|memory), pass [0-9]+, .* left, dirty .*, downtime .*, ETA" 30
screen_keys Escape
screen_wait_re "$G +migr [0-9]+%" 10
screen_keys K
screen_wait_re "local qemu\+unix: migrate $G to local qemu\+unix: cancelled" 60
vd_wait_state $G running 10 || screen_fail "$G is not running on the source after the cancel"
screen_wait_re "$G +running" 20
end=$((SECONDS + 30))
while vd_peer_virsh -q list --all --name | grep -qx $G; do
    [ $SECONDS -ge $end ] && screen_fail "$G left on the peer"
    sleep 0.2
done
[ -e "$VD_PEER_HARNESS_DIR/pool/$G.qcow2" ] && screen_fail "the disk's copy was left on the peer"
exit 0
