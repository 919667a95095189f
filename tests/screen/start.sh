#!/bin/bash
# s on beta starts it: the command goes through the core to libvirt and
# the new state comes back in a snapshot; the status line says so.
. "$VD_SRC/tests/lib/screen.sh"
MODEL="test://$VD_SRC/tests/data/model-host.xml"

screen_start 80x24 -c "$MODEL"
screen_wait_re "beta +shut off"
screen_keys j s
screen_wait_re "beta +running"
screen_wait "beta started"
ok=$(screen_attr "beta started")
screen_expect_re "4 VMs: 2 running"
screen_expect_re "model-host\.xml +2/4 │"

# Starting it again is refused by libvirt, in the error colour.
screen_keys s
screen_wait_re "start beta: .*already running"
err=$(screen_attr "start beta:")
if [ -z "$err" ] || [ "$err" = "$ok" ] || [ "$err" = "$(screen_attr "alpha")" ]; then
    screen_fail "the error is not drawn in its own colour (error: $err, ok: $ok)"
fi
# The row keeps the cursor: Enter names beta.
screen_keys Enter
screen_wait_re "^ beta: running"
exit 0
