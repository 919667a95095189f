#!/bin/bash
# The create wizard's keys and words (issue 20):
# - "centos 7" ranks CentOS 7 first (a whole word beats "5.7", "6.7"),
#   and the choice follows it;
# - "1 vCPU", not "1 vCPUs";
# - Down from the last field goes to "Next >", never to "< Back": Enter
#   then goes on to the next page instead of undoing this one.
. "$VD_SRC/tests/lib/screen.sh"
screen_start 80x24 -c "test://$VD_SRC/tests/data/model-host.xml"
screen_wait_re "alpha +running"
screen_keys N
screen_wait "Step 1 of 11: Name and OS"
screen_text "osvm"
screen_keys Tab
screen_wait_re "[0-9]{3} of [0-9]{3}, type to search" 20
screen_text "centos 7"
screen_wait_re "\] [0-9] of [0-9]+, type to search"
row=$(screen_capture | grep -n -m1 "OS variant" | cut -d: -f1)
first=$(screen_capture | sed -n "$((row + 1))p")
case $first in *"● CentOS 7 (centos7.0)"*|*"* CentOS 7 (centos7.0)"*) ;;
    *) screen_fail "the first match of 'centos 7' is '$first'" ;; esac
screen_wait "Defaults for centos7.0:" 20
screen_expect_re "Defaults for centos7.0: [0-9]+ MiB, 1 vCPU, "
screen_expect_not "1 vCPUs"
# Down past the last match leaves the list for "Next >": Enter goes on
screen_keys Down Down Down
screen_keys Enter
screen_wait "Step 2 of 11"
screen_keys Left                 # PXE: the model host has no ISO
screen_wait "< PXE (network boot) >"
# the only field, then Down: the focus goes to "Next >", not "< Back"
screen_keys Down Enter
screen_wait "Step 3 of 11: CPU and memory"
screen_expect_not "Step 2 of 11"
exit 0
