#!/bin/bash
# The top view on the private libvirtd (`virtdeck top`, no --batch): a
# guest started there appears with a CPU % and a memory figure (its
# total as `virsh dominfo` says), the host's meter row shows real CPU
# and memory figures, and with a 30 s tick `virsh destroy` shows as
# "shut off" within 1 s (the lifecycle event, not the tick). While the
# daemon is stopped (SIGSTOP) the view still answers keys.
set -u
. "$VD_SRC/tests/lib/screen.sh"
. "$VD_SRC/tests/lib/live.sh"
G=vdt-topv
trap 'vd_daemon_signal CONT; vd_cleanup_guests $G; screen_stop' EXIT
vd_cleanup_guests $G
vd_define_guest $G --memory 64 --disk 8 >/dev/null || screen_fail "define"
vd_virsh start $G >/dev/null || screen_fail "start"
vd_wait_state $G running 30 || screen_fail "$G did not start"
total=$(vd_virsh dominfo $G | awk '/^Max memory:/ { print $3 / 1024 }')
[ "$total" = 64 ] || screen_fail "virsh dominfo: max memory $total MiB, not 64"

screen_start 160x30 top -c "$VD_TEST_URI" -d 1
screen_wait "sorted by CPU %" 15
# only the guest of this test
screen_keys /
screen_text "$G"
screen_keys Enter
screen_wait "filter /$G: 1 of"
# the host's meters: real CPU % and memory used/total, running/total
screen_wait_re "^ local qemu\+unix +CPU\[.*\] +[0-9]+% +Mem\[.*\] +[0-9.]+[KMG]?/[0-9.]+[KMG] +[0-9]+/[0-9]+ active +tick 1s" 10
# the guest: running, 1 vCPU, a CPU % and memory used/total of 64M
screen_wait_re "^ $G +local qemu\+unix.? +running +1 +[0-9]+\.[0-9] +[0-9]+ +[0-9.]+[KM]?/64M " 10

# a 30 s tick: - steps 1 -> 2 -> 5 -> 10 -> 30 s
screen_keys - - - -
screen_wait "refresh every 30 s"
screen_wait_re "tick 30s" 5
# let the slower tick settle, then destroy: the event shows at once
screen_wait_re "^ $G +local qemu\+unix.? +running " 5
vd_virsh destroy $G >/dev/null || screen_fail "destroy"
screen_wait_re "^ $G +local qemu\+unix.? +shut off +1 +- " 1
vd_wait_state $G "shut off" 5 || screen_fail "virsh does not say shut off"

# a hung daemon does not hold up the view: keys still sort at once
vd_daemon_signal STOP
screen_keys '<'
screen_wait "sorted by vCPUs" 2
screen_keys '>'
screen_wait "sorted by CPU %" 2
vd_daemon_signal CONT
exit 0
