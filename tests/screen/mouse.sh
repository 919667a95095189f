#!/bin/bash
# A left click selects the row under it and focuses its pane; a click
# on the function-key bar presses that key.
. "$VD_SRC/tests/lib/screen.sh"
MODEL="test://$VD_SRC/tests/data/model-host.xml"

# row_of TEXT: the 0-based screen row of the first line with TEXT.
row_of() { screen_capture | grep -nF -m1 -- "$1" | cut -d: -f1 | awk '{print $1 - 1}'; }

screen_start 80x24 -c "$MODEL"
screen_wait_re "gamma +paused"
screen_click 40 "$(row_of "gamma ")"
screen_keys Enter
screen_wait_re "^ gamma: paused"

screen_click 5 "$(row_of "net-nat ")"
screen_keys Enter
screen_wait_re "^ net-nat: active"

# F1Help on the bar opens the help.
screen_click 2 23
screen_wait "virtdeck keys"
screen_click 2 5
screen_wait_gone "virtdeck keys"
exit 0
