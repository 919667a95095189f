#!/bin/bash
# With the private libvirtd stopped (SIGSTOP), the UI still answers keys
# within a second; a start queued meanwhile runs once the daemon
# continues, and the screen and virsh both show the guest running.
set -u
. "$VD_SRC/tests/lib/screen.sh"
. "$VD_SRC/tests/lib/live.sh"
G=vdt-stopped
trap 'vd_daemon_signal CONT; vd_cleanup_guests vdt-stopped; screen_stop' EXIT
vd_cleanup_guests $G
vd_define_guest $G >/dev/null

screen_start 100x30 -c "$VD_TEST_URI" -d 0.5
screen_wait_re "$G +shut off" 15
screen_keys l                               # focus the domains pane
live_select $G

vd_daemon_signal STOP
# Queue a start: the worker sends virDomainCreate to the stopped daemon
# and blocks in that RPC. Everything below must answer regardless.
screen_keys s
screen_wait "Starting $G" 1
for round in 1 2 3 4 5 6; do
    screen_keys '?'
    screen_wait "Quit" 1                       # help overlay within 1 s
    screen_keys Escape                         # closes it (Space would turn its page)
    screen_wait_re "$G +shut off" 1            # back to the panes within 1 s
    screen_keys h                              # left column and back
    screen_wait_re "Hosts" 1
    screen_keys l
done
[ "$(screen_line "$G +running")" = "" ] || screen_fail "running before the daemon continued"

vd_daemon_signal CONT
screen_wait_re "$G +running" 15
vd_wait_state $G running 10 || screen_fail "virsh says $(vd_virsh domstate $G)"
exit 0
