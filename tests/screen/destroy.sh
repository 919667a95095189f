#!/bin/bash
# D asks before forcing a domain off: n keeps it running, y forces it
# off. F9 does the same.
. "$VD_SRC/tests/lib/screen.sh"
MODEL="test://$VD_SRC/tests/data/model-host.xml"

screen_start 80x24 -c "$MODEL"
screen_wait_re "alpha +running"
screen_keys D
screen_wait "Force off alpha?"
screen_expect "[y/N]"
screen_keys n
screen_wait "Cancelled: force off alpha"
screen_expect_re "alpha +running"

screen_keys D
screen_wait "Force off alpha?"
screen_keys y
screen_wait_re "alpha +shut off"
screen_wait "alpha forced off"
screen_expect_re "4 VMs: 0 running"

# F9 on gamma (paused); Enter is not a yes.
screen_keys j j j F9
screen_wait "Force off gamma?"
screen_keys Enter
screen_wait "Cancelled: force off gamma"
screen_expect_re "gamma +paused"
screen_keys F9
screen_wait "Force off gamma?"
screen_keys Y
screen_wait_re "gamma +shut off"

# Nothing to ask about a domain that is off already.
screen_keys D
screen_wait "gamma is already shut off"
screen_expect_not "Force off gamma?"
exit 0
