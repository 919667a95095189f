#!/bin/bash
# shellcheck disable=SC2317  # helpers are called through _screen_poll
# Tab and Shift-Tab cycle the focused pane, h/l and Enter jump to it;
# the focused pane's title is the one drawn differently.
. "$VD_SRC/tests/lib/screen.sh"
MODEL="test://$VD_SRC/tests/data/model-host.xml"

# focused: the pane whose title looks unlike the three others.
focused() {
    local -A attr
    local p q odd=""
    for p in Hosts Domains Networks Pools; do
        attr[$p]=$(screen_attr " $p (")
        [ -n "${attr[$p]}" ] || return 1
    done
    for p in Hosts Domains Networks Pools; do
        local same=0
        for q in Hosts Domains Networks Pools; do
            [ "$p" != "$q" ] && [ "${attr[$p]}" = "${attr[$q]}" ] && same=1
        done
        [ $same = 0 ] && odd="$odd$p"
    done
    echo "$odd"
}
_is_focused() { [ "$(focused)" = "$1" ]; }
expect_focus() {
    _screen_poll 5 _is_focused "$1" ||
        screen_fail "focus should be on $1, is on '$(focused)'"
}

screen_start 80x24 -c "$MODEL"
screen_wait "alpha"
expect_focus Domains
screen_keys Tab;  expect_focus Networks
screen_keys Tab;  expect_focus Pools
screen_keys Tab;  expect_focus Hosts
screen_keys Tab;  expect_focus Domains
screen_keys BTab; expect_focus Hosts
screen_keys BTab; expect_focus Pools
screen_keys l;    expect_focus Domains
screen_keys h;    expect_focus Pools      # back to where the left column was
screen_keys Right; expect_focus Domains
screen_keys Tab Tab Tab; expect_focus Hosts
screen_keys Enter; expect_focus Domains   # Enter on a host shows its domains
# README describes the same cycle as the one checked above (issue 20)
grep -qF '| `Tab` / `Shift+Tab` | next / previous pane (hosts, domains, networks, pools) |' \
    "$VD_SRC/README.md" || screen_fail "README's Tab order is not hosts, domains, networks, pools"
exit 0
