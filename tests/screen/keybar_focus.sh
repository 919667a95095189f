#!/bin/bash
# The function-key bar follows the focused pane: the domain keys (s d r
# p, F9 force off) show while the domains pane has the focus, not while
# the pools pane has it (where r refreshes a pool), and come back with
# the focus.
. "$VD_SRC/tests/lib/screen.sh"
MODEL="test://$VD_SRC/tests/data/model-host.xml"

bar() { screen_capture | tail -1; }

screen_start 120x30 -c "$MODEL"
screen_wait_re "alpha +running"
screen_wait_re "sStart +dShutdn +rReboot +pPause"
[[ "$(bar)" == *F9ForceOff* ]] || screen_fail "domains pane: no F9ForceOff on the bar: $(bar)"

# Tab from the domains pane: networks, then pools
screen_keys Tab Tab
screen_wait "Pools (1)"
screen_wait_gone "rReboot"
b=$(bar)
for item in sStart dShutdn rReboot pPause F9ForceOff; do
    [[ "$b" != *"$item"* ]] || screen_fail "pools pane: '$item' on the bar: $b"
done
[[ "$b" == *F1Help* && "$b" == *F10Quit* ]] || screen_fail "pools pane: the common keys are gone: $b"

# the hosts pane: no domain keys either, but F7 creates a machine there
screen_keys Tab
screen_wait_gone "F6SortBy"
b=$(bar)
[[ "$b" != *rReboot* && "$b" == *F7Create* ]] || screen_fail "hosts pane bar: $b"

# back on the domains pane, the domain keys are back
screen_keys Tab
screen_wait_re "sStart +dShutdn +rReboot +pPause"
exit 0
