#!/bin/bash
# The view stack: full-screen views push and pop over the main screen,
# each with its own keys on the bar and in the help; a command a view
# sends comes back to that view (by request id), not to the status line.
. "$VD_SRC/tests/lib/screen.sh"
export VIRTDECK_UI_GALLERY=1
screen_start 80x24 -c "test://$VD_SRC/tests/data/model-host.xml"
screen_wait "UI gallery"
screen_keys s
screen_wait "Stacked view, depth 1"
screen_expect_not "Domains ("
screen_expect "EscClose"
screen_keys p
screen_wait "Stacked view, depth 2"

# The help shows this view's keys.
screen_keys '?'
screen_wait "Push another view"
screen_expect "Refresh, result routed to this view"
screen_expect_not "Force off"
screen_keys x
screen_wait_gone "Push another view"

# A routed result.
screen_keys r
screen_wait_re "routed to depth 2: #[0-9]+ refreshed"
screen_capture | sed -n 23p | grep -q refreshed &&
    screen_fail "the routed result also went to the status line"

# A result for a view that was closed goes to the status line.
screen_keys r Escape
screen_wait "Stacked view, depth 1"
screen_wait_re "^ (refresh: )?refreshed"
screen_expect_not "routed to depth"

# q pops too; then the main screen is back with its own keys.
screen_keys q
screen_wait_re "alpha +running"
screen_expect "Domains (4)"
screen_expect "F10Quit"
screen_expect_not "EscClose"
exit 0
