#!/bin/bash
# Evacuate from the TUI: with the source and the peer both connected,
# one command (V on the source host, Enter in the evacuate form) moves
# three running guests off the source, two at a time. Each is checked
# with virsh on the peer (running, persistent) and gone from the source;
# the jobs view (J) shows the evacuation done with every guest moved.
set -u
. "$VD_SRC/tests/lib/screen.sh"
. "$VD_SRC/tests/lib/live.sh"
G=lt-migev
cleanup() { vd_cleanup_guests $G; vd_peer_cleanup_guests $G; screen_stop; }
trap cleanup EXIT
vd_cleanup_guests $G; vd_peer_cleanup_guests $G
for g in a b c; do
    vd_define_guest $G-$g --memory 32 >/dev/null || exit 1
    vd_virsh -q start $G-$g >/dev/null || exit 1
done
for g in a b c; do vd_wait_state $G-$g running 30 || exit 1; done

screen_start 120x36 -c "$VD_TEST_URI" -c "$VD_PEER_URI"
trap cleanup EXIT
# the peer must be connected too before it can be a destination
live_two_hosts "$G-c +running"
screen_wait_re "$G-a +running" 10
screen_keys V
screen_wait "Evacuate " 10
screen_wait "3 running guests move off this host" 5
screen_keys Enter
# one evacuation job; it ends with a per-guest result on the status line
screen_wait "3 of 3 moved" 180
for g in a b c; do
    vd_peer_wait_state $G-$g running 30 || screen_fail "$G-$g is not running on the peer"
    vd_peer_virsh -q dominfo $G-$g | grep -q "^Persistent: *yes" ||
        screen_fail "$G-$g is not persistent on the peer"
    if vd_virsh -q dominfo $G-$g >/dev/null 2>&1; then
        screen_fail "$G-$g is still defined on the source"
    fi
done
# the source's list empties (events), the jobs view has the result
_no_rows() { ! screen_capture | grep -qE "│ $G-[abc] +(running|paused|shut off)"; }
_screen_poll 20 _no_rows || screen_fail "the moved guests are still listed on the source"
screen_keys J
screen_wait_re "evacuate 3 guests, 2 at a time.*done" 10
exit 0
