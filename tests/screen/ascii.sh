#!/bin/bash
# In the C locale (and with --ascii) every byte on the screen is ASCII:
# boxes are +-|, bars #, marks *, including in the help overlay.
. "$VD_SRC/tests/lib/screen.sh"
MODEL="test://$VD_SRC/tests/data/model-host.xml"

only_ascii() {
    local bad
    bad=$(screen_capture | LC_ALL=C grep -n '[^ -~]')
    [ -z "$bad" ] || screen_fail "non-ASCII bytes ($1):
$bad"
}

SCREEN_LANG=C screen_start 80x24 -c "$MODEL"
screen_wait_re "alpha +running"
screen_expect "+- Hosts (1) -"
screen_expect_re "^\|"
only_ascii "LANG=C"
screen_keys '?'
screen_wait "virtdeck keys"
only_ascii "LANG=C, help"
screen_keys x
screen_resize 200 50
screen_wait "Pers"
only_ascii "LANG=C, 200x50"
screen_stop

# --ascii in a UTF-8 locale.
screen_start 80x24 --ascii -c "$MODEL"
screen_wait_re "alpha +running"
only_ascii "--ascii"
screen_stop

# The UTF-8 locale does use line drawing, so the checks above can fail.
screen_start 80x24 -c "$MODEL"
screen_wait_re "alpha +running"
screen_expect "┌─ Hosts (1) ─"
exit 0
