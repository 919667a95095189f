#!/bin/bash
# Starting while the daemon does not answer (issue 20): libvirtd is
# SIGSTOPped before virtdeck starts, so the socket takes the connection
# and nothing answers. Within 5 s the screen says that the daemon does
# not answer, what to check, and how long it has waited; the count goes
# on; the keys still work; once the daemon continues, the host connects.
# The daemon is continued on every way out of this test.
set -u
. "$VD_SRC/tests/lib/screen.sh"
. "$VD_SRC/tests/lib/live.sh"
cleanup() { vd_daemon_signal CONT; screen_stop; }
trap cleanup EXIT

vd_daemon_signal STOP || { echo "FAIL: cannot stop libvirtd"; exit 1; }
screen_start 100x30 -c "$VD_TEST_URI"
trap cleanup EXIT                   # screen_start installs its own
screen_wait "Connecting to" 5
screen_wait "The daemon does not answer (waiting for" 5
screen_expect "What to check: is libvirtd (or virtqemud)"
screen_expect "stopped (kill -CONT resumes it)"
screen_expect_re "no answer [0-9]+s"                # the hosts pane
screen_expect_re ": connecting for [0-9]+s"         # the header
first=$(screen_capture | sed -n 's/.*does not answer (waiting for \([0-9]*\)s).*/\1/p' | head -n1)
[ -n "$first" ] || screen_fail "no elapsed time"
# the elapsed time goes on
screen_wait "(waiting for $((first + 2))s)" 4
# the keys answer meanwhile: help and back
screen_keys '?'
screen_wait "Quit" 2
screen_keys Escape
screen_wait "does not answer" 2

vd_daemon_signal CONT
screen_wait ": connected" 15
screen_wait_gone "does not answer" 5
exit 0
