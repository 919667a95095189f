#!/bin/bash
# One vocabulary and room for names (issue 20):
# - a name is not cut while the screen has room: at 120 columns
#   "debian-12-template" (18) shows whole in the domains pane and the
#   top view (they used to cut it at 16 with blank columns to spare);
# - F9 is "ForceOff" in the top view's key bar, as on the main screen;
# - the undefine question says [y/N] like every other y/N question.
. "$VD_SRC/tests/lib/screen.sh"
screen_start 120x30 -c "test://$VD_SRC/data/demo-host.xml"
screen_wait_re "db-primary +running"
screen_expect_re "│ debian-12-template +shut off "
screen_expect_not "debian-12-templ…"
screen_expect "F9ForceOff"
screen_keys t
screen_wait "sorted by"
screen_wait_re "^ debian-12-template +test:"
screen_expect "F9ForceOff"
screen_expect_not "F9Kill"
screen_keys Escape
screen_wait_re "│ debian-12-template +shut off "
# undefine: the menu, then the y/N question
screen_keys l / ; screen_text debian-12; screen_keys Enter
screen_wait_re "│ debian-12-template +shut off +1 " 5
screen_keys u
screen_wait "Undefine, keep its volumes"
screen_keys k
screen_wait "Undefine debian-12-template?"
screen_wait "volumes stay. [y/N]"
screen_keys n
screen_wait_gone "[y/N]"
screen_expect_re "│ debian-12-template +shut off "
exit 0
