#!/bin/bash
# shellcheck disable=SC2317  # helpers are called through _screen_poll
# Live resize 80x24 -> 200x50 -> 80x24 redraws everything, and the
# screen after coming back is exactly the first one (no garbage).
# Tiny sizes do not crash it.
. "$VD_SRC/tests/lib/screen.sh"
MODEL="test://$VD_SRC/tests/data/model-host.xml"

# width LINE_NO: display width of that screen line (1-based).
width() { screen_capture | sed -n "${1}p" | LC_ALL=C.UTF-8 wc -m | tr -d ' '; }
_width_is() { [ "$(width "$1")" = "$2" ]; }

# A long tick: no new snapshot may hide a missing resize redraw.
screen_start 80x24 -d 3600 -c "$MODEL"
screen_wait_re "Name.? +State +vCPU"
screen_wait_re "model-host\.xml +1/4 │"
before=$(screen_capture)
[ "$(width 2)" -eq 81 ] || [ "$(width 2)" -eq 80 ] || screen_fail "line 2 is $(width 2) wide at 80 columns"

screen_resize 200 50
# Wide enough for the long column titles.
screen_wait_re "Name.? +State +vCPU +Memory +Auto +Pers +ID"
_screen_poll 5 _width_is 2 201 || screen_fail "the top borders do not reach column 200 ($(width 2))"
_screen_poll 5 _width_is 48 201 || screen_fail "the bottom borders do not reach column 200 ($(width 48))"
[ "$(screen_capture | wc -l)" -eq 50 ] || screen_fail "not 50 lines"
screen_expect_re "alpha +running"
screen_expect "F10Quit"

screen_resize 80 24
screen_wait_gone "Pers"
_same() { [ "$(screen_capture)" = "$before" ]; }
if ! _screen_poll 5 _same; then
    diff <(echo "$before") <(screen_capture) >&2
    screen_fail "the screen at 80x24 differs from before the resize"
fi

# Tiny terminals: nothing to see, nothing to crash.
for size in "20 5" "10 3" "2 2" "40 8"; do
    screen_resize "${size% *}" "${size#* }"
    screen_keys j Tab k '?'
    screen_keys x
    screen_alive || screen_fail "virtdeck died at $size"
done
screen_resize 80 24
if ! _screen_poll 5 _same; then
    diff <(echo "$before") <(screen_capture) >&2
    screen_fail "the screen at 80x24 differs after the tiny sizes"
fi
exit 0
