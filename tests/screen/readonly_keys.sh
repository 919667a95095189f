#!/bin/bash
# On a read-only connection every write action is refused at its key,
# before any question or form opens (issue 17: R and u used to ask
# first and only then refuse), in the domains pane, the top view and
# the details view alike. Reading actions (the XML, details) still work.
. "$VD_SRC/tests/lib/screen.sh"
MODEL="test://$VD_SRC/tests/data/model-host.xml"

# KEY VERB: refused at once, and no dialog opened.
refused() {
    screen_keys "$1"
    screen_wait "read-only connection: $2 refused"
    screen_expect_not "[y/N]"
    screen_expect_not "Undefine alpha"
    screen_expect_not "Reset alpha?"
    screen_expect_not "Rename alpha"
    screen_expect_not "New name"
    screen_keys F5                  # (a status line that changes between keys)
    screen_wait "refreshed"
}

screen_start 100x30 -r -c "$MODEL"
screen_wait_re "alpha +running"
screen_expect "read-only"
refused R reset
refused u undefine
refused n rename
refused E define
refused e "set vCPUs"
refused x "detach disk"
refused a autostart
refused S "managed save"
refused L clone
screen_expect_re "alpha +running"

# the top view refuses the same way
screen_keys t
screen_wait "sorted by"
screen_keys R
screen_wait "read-only connection: reset refused"
screen_expect_not "Reset alpha?"
screen_keys Escape
screen_wait_gone "sorted by"

# reading still works: the details view, and there R is refused too
screen_keys i
screen_wait "Details of alpha"
screen_keys R
screen_wait "read-only connection: reset refused"
screen_expect_not "Reset alpha?"
screen_keys X
screen_wait "XML of alpha"
exit 0
