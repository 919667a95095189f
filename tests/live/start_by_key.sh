#!/bin/bash
# A guest defined on the private libvirtd shows as shut off; `s` starts
# it through the worker; the domains pane shows it running, virsh
# agrees; F9 then `y` forces it off again, and virsh agrees again.
set -u
. "$VD_SRC/tests/lib/screen.sh"
. "$VD_SRC/tests/lib/live.sh"
G=vdt-startkey
trap 'vd_cleanup_guests vdt-startkey; screen_stop' EXIT
vd_cleanup_guests $G
vd_define_guest $G --serial-bios >/dev/null

screen_start 100x30 -c "$VD_TEST_URI"
screen_wait_re "$G +shut off" 15
screen_keys l                        # focus the domains pane
live_select $G
screen_keys s
screen_wait_re "$G +running" 10
screen_wait "$G started"
[ "$(vd_virsh domstate $G)" = running ] || screen_fail "virsh says $(vd_virsh domstate $G)"

screen_keys F9
screen_wait_re "[Ff]orce off $G"
screen_keys y
screen_wait_re "$G +shut off" 15
vd_wait_state $G "shut off" 10 || screen_fail "virsh says $(vd_virsh domstate $G)"
exit 0
