#!/bin/bash
# Lifecycle events, not polling: with a one-hour refresh period, a guest
# started and destroyed behind virtdeck's back (virsh) changes state on
# the screen within seconds, and a guest defined meanwhile appears.
set -u
. "$VD_SRC/tests/lib/screen.sh"
. "$VD_SRC/tests/lib/live.sh"
G=vdt-events
trap 'vd_cleanup_guests vdt-events; screen_stop' EXIT
vd_cleanup_guests $G
vd_define_guest $G >/dev/null

screen_start 100x30 -c "$VD_TEST_URI" -d 3600
screen_wait_re "$G +shut off" 15

vd_virsh start $G >/dev/null
screen_wait_re "$G +running" 5
vd_virsh suspend $G >/dev/null
screen_wait_re "$G +paused" 5
vd_virsh destroy $G >/dev/null
screen_wait_re "$G +shut off" 5

vd_define_guest ${G}-new >/dev/null
screen_wait_re "${G}-new +shut off" 5
vd_virsh undefine ${G}-new >/dev/null
screen_wait_gone "${G}-new" 5
exit 0
