#!/bin/bash
# The details view at 80x24 (issue 20): text that does not fit says so
# on the last row ("N more lines below"), PgDn / PgUp / End / Space
# scroll like j and k (never "That key does nothing here"), and at the
# end the last section is whole with no mark.
. "$VD_SRC/tests/lib/screen.sh"
screen_start 80x24 -c "test://$VD_SRC/data/demo-host.xml"
screen_wait_re "db-primary +running"
screen_keys l
screen_keys / ; screen_text db-primary; screen_keys Enter
screen_wait_re "│ db-primary +running +8 " 5
screen_keys i
screen_wait "Details of db-primary"
screen_wait "Overview"
screen_wait_re "[0-9]+ more lines below \(j, PgDn, End\)"
screen_expect_not "Boot order"
n0=$(screen_capture | sed -n 's/.* \([0-9]*\) more lines below.*/\1/p')
screen_keys j
screen_wait "$((n0 - 1)) more lines below"
screen_keys NPage
screen_expect_not "That key does nothing here"
screen_wait "Boot order"
screen_wait_gone "more lines below"
screen_expect_not "That key does nothing here"
# the last line of the text is on the screen, the title scrolled off
screen_expect_re "^ +(hd|network|cdrom|fd|\(the hypervisor's default\))"
screen_expect_not "Details of db-primary  (m: actions"
screen_keys PPage
screen_wait "Details of db-primary  (m: actions"
screen_wait "more lines below"
screen_keys End
screen_wait "Boot order"
screen_wait_gone "more lines below"
screen_keys Home
screen_wait "Overview"
screen_keys Space
screen_wait "Boot order"
screen_expect_not "That key does nothing here"
exit 0
