#!/bin/bash
# The live monitor on the screen: a guest started on the private
# libvirtd shows a CPU % and a memory figure in the domains table, the
# host meters show on the pane's border, M opens its graphs, + / -
# change the refresh period, and `virsh destroy` shows as "shut off"
# within 1 s (an event, not the 2 s tick).
set -u
. "$VD_SRC/tests/lib/screen.sh"
. "$VD_SRC/tests/lib/live.sh"
G=vdt-tops
trap 'vd_cleanup_guests $G; screen_stop' EXIT
vd_cleanup_guests $G
vd_define_guest $G --disk 8 >/dev/null || screen_fail "define"

screen_start 160x30 -c "$VD_TEST_URI" -d 2
screen_wait_re "$G +shut off" 15
screen_expect_re "CPU% +(CPU graph|Graph) +(Mem used|Used)"
vd_virsh start $G >/dev/null || screen_fail "start"
# running, then figures after two ticks: "12.3" CPU % and "NN% 41M/64M"
screen_wait_re "$G +running" 5
screen_wait_re "$G +running +1 +64\.0 MiB .* [0-9]+ +[0-9]+\.[0-9] .* [0-9]+% [0-9.]+M/64M" 10
# the host meters: CPU and memory of the host, running/total, the tick
screen_wait_re "CPU .* [0-9]+% Mem .* [0-9]+% [0-9]+/[0-9]+ active 2s" 5

# graphs of the guest
live_select $G
screen_keys M
screen_wait "Graphs: $G"
screen_wait "CPU % of its vCPUs"
screen_expect "Memory % used"
screen_expect "Disk read+write"
screen_expect "Network rx+tx"
screen_expect "span 1 min"
screen_keys 5
screen_wait "span 5 min"
screen_keys H
screen_wait "span 1 h"
screen_keys Escape
screen_wait_gone "CPU % of its vCPUs"

# the tick: + shorter, - longer
screen_keys +
screen_wait "refresh every 1 s"
screen_wait_re "active 1s"
screen_keys - -
screen_wait "refresh every 5 s"
screen_wait_re "active 5s"

# destroy: the state changes within 1 s, long before the 5 s tick
vd_virsh destroy $G >/dev/null || screen_fail "destroy"
screen_wait_re "$G +shut off" 1
exit 0
