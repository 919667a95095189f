#!/bin/bash
# The serial console: a guest with <bios useserial='yes'/>, started
# paused (QEMU drops serial output while nobody has the pty open); `C`
# opens the console, then the guest is resumed: SeaBIOS's banner shows
# in the serial view. The F8 menu's search finds it again after it has
# scrolled, and Ctrl+] leaves.
set -u
. "$VD_SRC/tests/lib/screen.sh"
. "$VD_SRC/tests/lib/live.sh"
G=vdt-cser
trap 'vd_cleanup_guests vdt-cser; screen_stop' EXIT
vd_cleanup_guests $G
vd_define_guest $G --serial-bios >/dev/null
vd_virsh start --paused $G >/dev/null
vd_wait_state $G paused 30 || { echo "FAIL: $G is not paused"; exit 1; }

screen_start 100x32 -c "$VD_TEST_URI"
screen_wait_re "$G +paused" 20
screen_keys l
live_select $G
screen_keys C
screen_wait "Serial $G" 10
screen_wait "Serial console of $G" 10
vd_virsh resume $G >/dev/null
screen_wait "SeaBIOS" 30
screen_wait "No bootable device" 30
# search: F8, /, the text, Enter
screen_keys F8
screen_wait "Search the scrollback"
screen_keys /
screen_wait "Search the serial console"
screen_keys B o o t i n g Enter
screen_wait_gone "Search the serial console"
screen_expect "Booting from"
screen_keys C-]
screen_wait_re "Domains \([0-9]+\)"
exit 0
