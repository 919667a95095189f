#!/bin/bash
# shellcheck disable=SC2317  # helpers are called through _screen_poll
# j/k, the arrows, g/G, Home/End and PgUp/PgDn move the cursor; Enter
# shows the selected row's summary on the status line.
. "$VD_SRC/tests/lib/screen.sh"
MODEL="test://$VD_SRC/tests/data/model-host.xml"

# at NAME STATE: the selected row is NAME (in STATE), as Enter says.
at() {
    screen_keys Escape
    _screen_poll 5 _status_empty || screen_fail "Esc did not clear the status line"
    screen_keys Enter
    screen_wait_re "^ $1: $2"
}
_status_empty() { [ -z "$(screen_capture | sed -n '23p' | tr -d ' ')" ]; }

screen_start 80x24 -c "$MODEL"
screen_wait "alpha"
at alpha running
screen_keys j;      at beta "shut off"
screen_keys Down;   at delta "shut off"   # rows sort by name
screen_keys k;      at beta "shut off"
screen_keys Up;     at alpha running
screen_keys k;      at alpha running        # stays on the first row
screen_keys G;      at gamma paused
screen_keys j;      at gamma paused           # stays on the last row
screen_keys g;      at alpha running
screen_keys End;    at gamma paused
screen_keys Home;   at alpha running
screen_keys PgDn;   at gamma paused
screen_keys PgUp;   at alpha running

# The networks pane has its own cursor.
screen_keys Tab
screen_keys j;      at net-nat active
screen_keys k;      at net-iso "[a-z]+"
# and the domains pane kept its place.
screen_keys BTab j; at beta "shut off"
exit 0
