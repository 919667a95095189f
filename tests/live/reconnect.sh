#!/bin/bash
# libvirtd killed (SIGKILL) and started again while virtdeck runs: within
# 10 s of the daemon answering again, virtdeck shows the host connected
# and the domains again without a key pressed, and the selection stays
# on the same guest.
set -u
. "$VD_SRC/tests/lib/screen.sh"
. "$VD_SRC/tests/lib/live.sh"
cleanup() { vd_cleanup_guests vdt-rc; screen_stop; }
# (screen_start sets its own EXIT trap: ours is set again after it)
trap cleanup EXIT
vd_cleanup_guests vdt-rc
vd_define_guest vdt-rc-a >/dev/null || exit 1
vd_define_guest vdt-rc-b >/dev/null || exit 1
vd_define_guest vdt-rc-c >/dev/null || exit 1

screen_start 100x30 -c "$VD_TEST_URI"
trap cleanup EXIT
screen_wait_re "vdt-rc-c +shut off" 15
screen_keys l
live_select vdt-rc-b
screen_wait ": connected"

# vd_daemon_restart in two halves, to see the loss on the screen first.
_vd_sync
vdh_stop_daemon hard
screen_wait_re "failed|connecting|retry" 10
screen_wait_re "End of file|closed|Cannot|not running|Failed" 5
vdh_start_daemon || screen_fail "libvirtd did not start again"
vdh_wait_daemon 30 || screen_fail "libvirtd did not answer again"
VD_LIBVIRTD_PID=$(vdh_daemon_pid) && export VD_LIBVIRTD_PID &&
    sed -i "s/^export VD_LIBVIRTD_PID=.*/export VD_LIBVIRTD_PID='$VD_LIBVIRTD_PID'/" "$VDH_DIR/env"
t0=$SECONDS
t0ns=$(date +%s%N)
# With no key pressed, the host is back with its domains.
screen_wait ": connected" 10
echo "reconnected $(( ($(date +%s%N) - t0ns) / 1000000 )) ms after libvirtd answered again"
screen_wait_re "vdt-rc-a +shut off" 10
screen_wait_re "vdt-rc-c +shut off" 10
[ $((SECONDS - t0)) -le 10 ] || screen_fail "reconnect took $((SECONDS - t0)) s"
# The selection is still vdt-rc-b (Enter summarises the selected row).
screen_keys Enter
screen_wait_re "^ vdt-rc-b: " 3
# And the connection works: start it by key, virsh agrees.
screen_keys s
vd_wait_state vdt-rc-b running 30 || screen_fail "virsh says $(vd_virsh domstate vdt-rc-b)"
screen_wait_re "vdt-rc-b +running" 10
exit 0
