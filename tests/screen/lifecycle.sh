#!/bin/bash
# p pauses and resumes, d shuts down, r reboots; keys for domains say
# where they work when another pane has the focus.
. "$VD_SRC/tests/lib/screen.sh"
MODEL="test://$VD_SRC/tests/data/model-host.xml"

screen_start 80x24 -c "$MODEL"
screen_wait_re "gamma +paused"
screen_keys j j j p
screen_wait_re "gamma +running"
screen_wait "gamma resumed"
screen_keys p
screen_wait_re "gamma +paused +[0-9]"   # the row, not the status line
screen_wait "gamma paused"

screen_keys g r
screen_wait "alpha is rebooting"
screen_expect_re "alpha +running"
screen_keys d
screen_wait_re "alpha +shut off"
screen_keys p
screen_wait "alpha is shut off: only a running domain can be paused"

# A domain key in the hosts pane does nothing but explain.
screen_keys Tab Tab Tab s
screen_wait "works in the Domains pane"
screen_expect_re "beta +shut off"
exit 0
