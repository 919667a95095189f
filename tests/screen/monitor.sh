#!/bin/bash
# The live monitor on the model host (libvirt's test driver, whose CPU
# time runs with the wall clock: alpha, 2 vCPUs, shows 50 %): the CPU %
# and graph columns fill after two ticks, the CPU % column sorts (busy
# first), M opens the graphs, and with --ascii every byte of the graphs
# and sparklines is ASCII.
. "$VD_SRC/tests/lib/screen.sh"
MODEL="test://$VD_SRC/tests/data/model-host.xml"

only_ascii() {
    local bad
    bad=$(screen_capture | LC_ALL=C grep -n '[^ -~]')
    [ -z "$bad" ] || screen_fail "non-ASCII bytes ($1):
$bad"
}

screen_start 200x30 -d 0.5 -c "$MODEL"
screen_wait_re "alpha +running"
screen_expect_re "CPU% +CPU graph +Mem used +Disk r/w +Net rx/tx"
# alpha: 50 % of its 2 vCPUs; beta is off: no figure
screen_wait_re "alpha +running .* (49\.[5-9]|50\.[0-4]) " 10
screen_expect_re "beta +shut off .* - +- +- +- *│"
# sort by CPU %: click its title; alpha (busy) comes first
hdr=$(screen_capture | grep -n "CPU%" | head -1 | cut -d: -f1)
line=$(screen_capture | sed -n "${hdr}p")
prefix=$(LC_ALL=C.UTF-8 bash -c 'l=$1; p=${l%%CPU%*}; echo ${#p}' _ "$line")
screen_click "$prefix" "$((hdr - 1))"
screen_wait_re "▲ *CPU%"
first=$(screen_capture | grep -oE '(alpha|beta|gamma|delta) ' | head -1)
[ "$first" = "alpha " ] || screen_fail "busiest first: got '$first'"
# graphs of the selected domain (alpha, the first row)
screen_keys g M
screen_wait "Graphs: alpha"
screen_wait "CPU % of its vCPUs  now 5"
screen_stop

screen_start 160x30 --ascii -d 0.5 -c "$MODEL"
screen_wait_re "alpha +running .* [0-9]+\.[0-9] +[-_.=+*#@]+ " 10
only_ascii "sparklines, --ascii"
screen_keys g M
screen_wait "Graphs: alpha"
screen_wait_re "^ +[#:.]" 10
only_ascii "graphs, --ascii"
exit 0
