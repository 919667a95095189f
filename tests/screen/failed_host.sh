#!/bin/bash
# shellcheck disable=SC2317  # helpers are called through _screen_poll
# A host that cannot connect shows libvirt's error and a retry
# countdown, while the other host's panes keep working.
. "$VD_SRC/tests/lib/screen.sh"
MODEL="test://$VD_SRC/tests/data/model-host.xml"
BAD="test:///nonexistent/file.xml"

screen_start 80x24 -c "$BAD" -c "$MODEL"
screen_wait "Hosts (2)"
# The bad host comes first and is selected: its error fills the
# domains pane.
screen_wait_re "failed, retry"
screen_wait "Cannot connect to"
screen_expect "$BAD"
screen_expect_re "XML error|nonexistent"
screen_expect "What to check:"
screen_expect_re "Retrying in [0-9]+s"
screen_expect "not connected"
# The countdown moves by itself.
first=$(screen_line "Retrying in" | grep -oE "Retrying in [0-9]+s")
_moved() { ! screen_capture | grep -qF "$first"; }
_screen_poll 8 _moved || screen_fail "the retry countdown did not move from '$first'"

# The good host works: select it, see its domains, start beta.
screen_keys h j
screen_wait_re "alpha +running"
screen_expect "Domains (4)"
screen_keys l j s
screen_wait_re "beta +running"
screen_expect_re "failed, retry"

# Back on the bad host, domain keys are refused with a reason.
screen_keys h k l s
screen_wait_re "(not connected|No domain selected)"
screen_alive || screen_fail "virtdeck died"
exit 0
