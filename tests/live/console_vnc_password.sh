#!/bin/bash
# A guest whose VNC display has a password: `v` asks for it in the TUI
# (masked), a wrong one gets a clear message and the question again,
# the right one connects and shows the guest's screen.
set -u
. "$VD_SRC/tests/lib/screen.sh"
. "$VD_SRC/tests/lib/live.sh"
G=vdt-cpass
trap 'vd_cleanup_guests vdt-cpass; screen_stop' EXIT
vd_cleanup_guests $G
vd_define_guest $G --vnc --vnc-password s3cret --serial-bios >/dev/null
vd_virsh start $G >/dev/null
vd_wait_state $G running 30 || { echo "FAIL: $G did not start"; exit 1; }

screen_start 100x32 -c "$VD_TEST_URI"
screen_wait_re "$G +running" 20
screen_keys l
live_select $G
screen_keys v
screen_wait "VNC password for $G" 15
screen_expect "Password:"
screen_keys w r o n g
screen_wait "*****"
screen_expect_not "wrong"
screen_keys Enter
screen_wait "Wrong VNC password; try again" 15
screen_keys s 3 c r e t Enter
screen_wait_re "VNC $G [0-9]+x[0-9]+" 15
screen_expect_not "Wrong VNC password"
screen_wait "▀" 15
screen_keys C-]
screen_wait_re "Domains \([0-9]+\)"
exit 0
