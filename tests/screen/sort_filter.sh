#!/bin/bash
# The domains table: sorted by name at first (marked in the header),
# > < cycle the sort column, I reverses, a click on a title sorts by it;
# / filters (name, state:, host:) with the count in the title; Space
# marks rows, the title counts them and s starts every marked domain;
# the cursor stays on its domain through all of it.
. "$VD_SRC/tests/lib/screen.sh"
MODEL="test://$VD_SRC/tests/data/model-host.xml"

# The names in table order, one line.
order() { screen_capture | grep -oE '(alpha|beta|gamma|delta) ' | tr -d ' ' | tr '\n' ' '; }
_order_is() { [ "$(order)" = "$1" ]; }
wait_order() {
    _screen_poll 5 _order_is "$1" || screen_fail "order is '$(order)', wanted '$1'"
}

screen_start 100x24 -c "$MODEL"
screen_wait_re "alpha +running"
wait_order "alpha beta delta gamma "
screen_expect_re "Name▲"

# By state (running, paused, off), the cursor stays on alpha.
screen_keys '>'
wait_order "alpha gamma beta delta "
screen_expect_re "State▲"
screen_expect "Sorted by state"
screen_keys I
wait_order "delta beta gamma alpha "
screen_expect_re "State▼"
screen_keys Enter
screen_wait_re "^ alpha: running"
screen_keys '<'
wait_order "alpha beta delta gamma "

# A click on the Memory title sorts by memory; again reverses.
hdr=$(screen_capture | grep -n "Memory" | head -1 | cut -d: -f1)
line=$(screen_capture | sed -n "${hdr}p")
prefix=$(LC_ALL=C.UTF-8 bash -c 'l=$1; p=${l%%Memory*}; echo ${#p}' _ "$line")
screen_click "$prefix" "$((hdr - 1))"
wait_order "beta delta alpha gamma "
screen_expect_re "▲Memory"
screen_click "$prefix" "$((hdr - 1))"
wait_order "gamma alpha delta beta "
screen_keys '<' '<' '<'
wait_order "alpha beta delta gamma "

# Filters; the title says how many match.
screen_keys /
screen_wait "Filter"
screen_text "state:off"
screen_wait "Domains (2 of 4) /state:off"
screen_keys Enter
wait_order "beta delta "
screen_keys /
screen_keys C-u
screen_text "ta host:model"
screen_keys Enter
screen_wait "Domains (2 of 4) /ta host:model"
wait_order "beta delta "
screen_keys /
screen_keys C-u
screen_text "host:nohost"
screen_keys Enter
screen_wait "no domain matches the filter"
# Esc in the prompt puts the old filter back.
screen_keys /
screen_keys C-u
screen_text "gam"
screen_wait "Domains (1 of 4) /gam"
screen_keys Escape
screen_wait "Domains (0 of 4) /host:nohost"
screen_keys / C-u Enter
screen_wait "Domains (4)"

# Marks: Space marks and moves down; s starts every marked domain.
screen_keys g j
screen_keys Space
screen_wait "Domains (4, 1 marked)"
screen_keys Space
screen_wait "Domains (4, 2 marked)"
screen_expect_re '\* *beta'
screen_expect_re '\* *delta'
screen_keys s
screen_wait_re "start: sent to 2 marked domains|(beta|delta) started"
screen_wait_re "beta +running"
screen_wait_re "delta +running"
screen_expect_re "gamma +paused"
screen_keys U
screen_wait "Domains (4) "
screen_expect_not "2 marked"
screen_capture | grep -qE "\* *beta" && screen_fail "beta is still marked"

# The networks pane sorts and filters the same way.
screen_keys Tab
nets() { screen_capture | grep -oE 'net-(iso|nat) ' | tr -d ' ' | tr '\n' ' '; }
_nets_is() { [ "$(nets)" = "$1" ]; }
_screen_poll 5 _nets_is "net-iso net-nat " || screen_fail "networks: '$(nets)'"
screen_keys I
_screen_poll 5 _nets_is "net-nat net-iso " || screen_fail "networks reversed: '$(nets)'"
screen_keys /
screen_text "iso"
screen_keys Enter
screen_wait "Networks (1 of 2) /iso"
_screen_poll 5 _nets_is "net-iso " || screen_fail "networks filtered: '$(nets)'"
exit 0
