#!/bin/bash
# A daemon that stops answering is marked at once (issue 20): keepalive
# needs ~20 s to give up on a SIGSTOPped libvirtd, but the host's poll is
# overdue after one tick (here 1 s) and the screen then says "stale" with
# the age of the last answer, in the header, the hosts pane and the
# meters; once the daemon continues the mark goes. The daemon is
# continued on every way out of this test.
set -u
. "$VD_SRC/tests/lib/screen.sh"
. "$VD_SRC/tests/lib/live.sh"
cleanup() { vd_daemon_signal CONT; screen_stop; }
trap cleanup EXIT

screen_start 120x30 -c "$VD_TEST_URI" -d 1
trap cleanup EXIT                   # screen_start installs its own
screen_wait ": connected" 15
screen_wait_re " [0-9]+/[0-9]+ active 1s " 5
screen_expect_not "stale"

vd_daemon_signal STOP || screen_fail "cannot stop libvirtd"
t0=$(date +%s%N)
# one tick (1 s) plus the grace (0.5 s) plus a redraw: well within 3 s
screen_wait "stale: no answer for" 3
echo "marked stale $(( ($(date +%s%N) - t0) / 1000000 )) ms after SIGSTOP"
screen_expect_re "│ ● .* no answer [0-9]+s │"     # the hosts pane
screen_expect_re " [0-9]+/[0-9]+ stale [0-9]+s "       # the meters
# the age grows, still before keepalive gives up
age=$(screen_capture | sed -n 's/.*stale: no answer for \([0-9]*\)s.*/\1/p' | head -n1)
screen_wait "stale: no answer for $((age + 2))s" 4
screen_expect ": connected"

vd_daemon_signal CONT
screen_wait_gone "stale" 5
screen_expect ": connected"
exit 0
