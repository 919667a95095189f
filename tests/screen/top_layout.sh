#!/bin/bash
# The top view's header with many hosts: at 80x24 six hosts take at most
# a quarter of the body (four meter rows, then "+2 more hosts"), so the
# table keeps most of the screen; at 170 columns two hosts share a row;
# growing the terminal shows every host again (live resize). With
# --ascii every byte on the screen is ASCII (bars, sparklines, arrows).
. "$VD_SRC/tests/lib/screen.sh"
MODEL="test://$VD_SRC/tests/data/model-host.xml"
DEMO="test://$VD_SRC/data/demo-host.xml"

# Screen row (0-based) of the table's title row.
title_row() {
    echo $(( $(screen_capture | grep -n -m1 -E '^ Name.* State ' | cut -d: -f1) - 1 ))
}
domain_rows() {
    screen_capture | grep -cE ' (running|paused|shut off) '
}

# ---- six hosts at 80x24: four meter rows and a "+2 more" line ----
screen_start 80x24 top -c "$MODEL" -c "$DEMO" -c test:///default \
    -c qemu+tcp://127.0.0.1:1/system -c qemu+tcp://127.0.0.1:2/system \
    -c qemu+tcp://127.0.0.1:3/system -d 0.5
screen_wait "sorted by CPU %"
screen_wait_re "^ model-hos[^ ]* +CPU\["
screen_wait_re "^ demo-hos[^ ]* +CPU\["
screen_wait_re "^ default +CPU\["
screen_wait_re "^ 127\.0\.0\.1:1 +failed"
screen_wait_re "^ \+2 more hosts: 0 connected, [0-2] failed" 10
screen_expect_not "127.0.0.1:3"
# the app's header, four meter rows, "+2 more", the summary: titles on row 7
[ "$(title_row)" = 7 ] || screen_fail "the table's titles are on row $(title_row), not 7"
[ "$(domain_rows)" -ge 14 ] || screen_fail "fewer than 14 domain rows at 80x24"

# ---- grow: every host on its own row again, then two per row ----
screen_resize 120 40
screen_wait_re "^ 127\.0\.0\.1:3 +failed"
screen_expect_not "more hosts"
screen_resize 170 30
screen_wait_re "^ model-hos.* +CPU\[.*\] .* demo-hos.* +CPU\["
screen_wait_re "^ default +CPU\[.*\] .* 127\.0\.0\.1:1 +failed"
[ "$(title_row)" = 5 ] || screen_fail "two hosts a row: the titles are on row $(title_row), not 5"
screen_stop

# ---- --ascii: nothing but ASCII ----
screen_start 100x30 top --ascii -c "$MODEL" -d 0.5
screen_wait_re "^ alpha +model-h[^ ]* +running +2 +[0-9]+\.[0-9] " 10
screen_wait_re "^ alpha .* [-_.=+*#@]+ *$" 10
bad=$(screen_capture | LC_ALL=C grep -n '[^ -~]')
[ -z "$bad" ] || screen_fail "non-ASCII bytes with --ascii:
$bad"
exit 0
