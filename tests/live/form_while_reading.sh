#!/bin/bash
# A form asked for before the host's networks and pools are read waits
# for them instead of being refused. A host's first picture is its
# domains alone (issue 18); the new machine wizard and the new network
# and pool forms check names and choices against those lists. N or n
# then says on the status line that the form opens when the lists are
# in, and it opens by itself once they are; a key pressed meanwhile
# cancels it, saying so. The host is made slow for as long as the test
# needs: tests/lib/rpc_hold.py relays virtdeck's connection and holds
# its list of networks (remote procedure 283) until the test lets it go.
# The attach form (A on a domain) chooses among the pools and networks
# too and waits the same way.
set -u
. "$VD_SRC/tests/lib/screen.sh"
. "$VD_SRC/tests/lib/live.sh"
dir=$(mktemp -d /tmp/vd-hold.XXXXXX)
sock=$dir/relay.sock hold=$dir/hold relay=
G=vdt-hold
cleanup() {
    screen_stop
    [ -n "$relay" ] && kill "$relay" 2>/dev/null
    rm -rf "$dir"
    vd_cleanup_guests "$G" >/dev/null 2>&1
}
trap cleanup EXIT
vd_cleanup_guests "$G" >/dev/null 2>&1
vd_define_guest "$G" >/dev/null || screen_fail "could not define $G"
python3 "$VD_SRC/tests/lib/rpc_hold.py" "$sock" "${VD_TEST_URI#*socket=}" \
    "$hold" 283 >"$dir/relay.out" 2>&1 &
relay=$!
_screen_poll 5 grep -q ready "$dir/relay.out" || screen_fail "the relay did not start: $(cat "$dir/relay.out")"

# start KEYS: virtdeck through the relay with the networks held; once
# the first picture is up and the list of networks waits, press KEYS
start() {
    touch "$hold"
    rm -f "$hold.held"
    screen_start 100x30 -c "qemu+unix:///system?socket=$sock"
    trap cleanup EXIT                   # screen_start set its own
    screen_wait_re "Domains \([0-9]+" 15
    _screen_poll 10 test -e "$hold.held" || screen_fail "the list of networks was not held"
    screen_keys "$@"
}

# let_go: the list of networks goes through
let_go() {
    rm -f "$hold"
}

quit() {
    screen_keys q
    screen_wait_exit 10 >/dev/null || screen_fail "virtdeck did not quit"
    screen_stop
}

# 1. N in the domains pane: the wizard waits, then opens by itself
start l N
screen_wait "The new machine wizard opens once the host's networks and pools are read (a key cancels)" 5
sleep 1
screen_expect_not "Step 1 of 11"
screen_expect_not "try again"
let_go
screen_wait "Step 1 of 11: Name and OS" 10
screen_keys Escape                      # the untouched wizard closes
_screen_poll 2 _screen_has "Discard?" && screen_keys y
screen_wait_gone "New virtual machine" 10
quit

# 2. a key pressed meanwhile cancels: the wizard does not open later
start l N
screen_wait "The new machine wizard opens once" 5
screen_keys j
screen_wait "Cancelled: the new machine wizard (a key came first)" 5
let_go
screen_wait "vdnet" 10                  # the networks pane filled
sleep 1
screen_expect_not "Step 1 of 11"
screen_expect_not "New virtual machine"
quit

# 3. n in the networks pane: the new network form waits the same way
start Tab n
screen_wait "The new network form opens once the host's networks and pools are read" 5
screen_expect_not "New network"
let_go
screen_wait "New network" 10
screen_keys Escape
_screen_poll 2 _screen_has "Discard?" && screen_keys y
screen_wait_gone "New network" 10
quit

# 4. A on a domain: the attach form lists the pools once they are read
start
live_select "$G"
screen_keys A
screen_wait "The attach form opens once the host's networks and pools are read" 5
screen_expect_not "Attach a device to"
let_go
screen_wait "Attach a device to $G" 10
screen_keys Right                       # Disk: a new volume, in a pool
screen_wait "< vdpool >" 5
screen_keys Escape
_screen_poll 2 _screen_has "Discard?" && screen_keys y
screen_wait_gone "Attach a device to" 10
quit
exit 0
