#!/bin/bash
# An action goes to the host of the row it was chosen on (issue 19,
# "wrong host by UUID"): two test-driver hosts hold domains with the
# same UUIDs (two copies of one file); in the
# all-hosts view, p on the second host's alpha pauses that one, and the
# first host's alpha keeps running. Then force off (asks first) and
# start on the second host's row, and the same through a mark.
. "$VD_SRC/tests/lib/screen.sh"
MODEL="$VD_SRC/tests/data/model-host.xml"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$MODEL" "$work/a.xml"
cp "$MODEL" "$work/b.xml"

# The state of NAME on HOST (a or b) in the all-hosts table.
state_of() {
    screen_capture | grep -oE "[ *]$1 +(running|paused|shut off) .*test:$2\.xml" |
        grep -oE 'running|paused|shut off' | head -1
}
_state_is() { [ "$(state_of "$1" "$2")" = "$3" ]; }
wait_state() {
    _screen_poll 5 _state_is "$1" "$2" "$3" ||
        screen_fail "$1 on $2: '$(state_of "$1" "$2")', wanted '$3'"
}

screen_start 120x30 -c "test://$work/a.xml" -c "test://$work/b.xml"
screen_wait_re "alpha +running"
screen_keys H
screen_wait "All hosts"
screen_wait "test:b.xml"
# by host, in the hosts pane's order: a's rows, then b's
for _ in 1 2 3 4 5 6; do
    screen_capture | grep -q "Sorted by host" && break
    screen_keys '<'
    sleep 0.2
done
screen_wait "Sorted by host"
screen_keys /
screen_wait "Filter"
screen_text alpha
screen_keys Enter
wait_state alpha a running
wait_state alpha b running
# the cursor to the second row: the b host's alpha
screen_keys g j
screen_keys p
wait_state alpha b paused
wait_state alpha a running
screen_keys p
wait_state alpha b running

# force off asks, then goes to the b host too
screen_keys D
screen_wait "Force off alpha?"
screen_keys y
wait_state alpha b "shut off"
wait_state alpha a running
screen_keys s
wait_state alpha b running
wait_state alpha a running

# a marked row is that host's row, not every row of that UUID
screen_keys Space
screen_keys g d
wait_state alpha b "shut off"
wait_state alpha a running
exit 0
