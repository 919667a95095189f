#!/bin/bash
# With -r, write keys are refused in the UI before anything is sent.
. "$VD_SRC/tests/lib/screen.sh"
MODEL="test://$VD_SRC/tests/data/model-host.xml"

screen_start 80x24 -r -c "$MODEL"
screen_wait_re "alpha +running"
screen_expect "read-only"
screen_keys j s
screen_wait "read-only connection: start refused"
screen_keys D
screen_wait "read-only connection: force off refused"
screen_expect_not "Force off beta?"
screen_keys k p
screen_wait "read-only connection: pause refused"
# Refresh is not a write.
screen_keys F5
screen_wait "refreshed"
screen_expect_re "beta +shut off"
screen_expect_re "alpha +running"
exit 0
