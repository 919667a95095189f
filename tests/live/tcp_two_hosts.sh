#!/bin/bash
# Two hosts at once: the private libvirtd over qemu+tcp (loopback of the
# harness namespace, so virtdeck runs inside it) and the test driver.
# Both are listed, also together in the all-hosts view (H); with libvirtd stopped (SIGSTOP) the test-driver host
# keeps working; after CONT the tcp host works again (checked by virsh).
set -u
. "$VD_SRC/tests/lib/screen.sh"
. "$VD_SRC/tests/lib/live.sh"
G=vdt-2h
TCP="qemu+tcp://127.0.0.1/system"
MODEL="test://$VD_SRC/tests/data/model-host.xml"
WRAP="$VD_HARNESS_DIR/vd-in-netns-$$"
cleanup() { vd_daemon_signal CONT; vd_cleanup_guests $G; screen_stop; rm -f "$WRAP"; }
# (screen_start sets its own EXIT trap: ours is set again after it)
trap cleanup EXIT
vd_cleanup_guests $G
vd_define_guest $G-a >/dev/null || exit 1

# virtdeck inside the namespace, where 127.0.0.1:16509 is the daemon.
printf '#!/bin/sh\nexec ip netns exec %q %q "$@"\n' "$VD_NETNS" "$VD_BIN" >"$WRAP"
chmod +x "$WRAP"
VD_BIN=$WRAP screen_start 110x30 -c "$TCP" -c "$MODEL" -d 1
trap cleanup EXIT
screen_wait "Hosts (2)"
screen_wait_re "$G-a +shut off" 15
screen_expect "qemu+tcp://127.0.0.1/system"
# the other host is connected too
screen_keys h j l
screen_wait_re "alpha +running"

# The all-hosts view: both hosts' domains in one table, with a host column.
screen_keys H
screen_wait "All hosts: the domains of 2 connected hosts"
screen_wait_re "Name.*Host"
screen_wait_re "$G-a +shut off.*127\.0\.0\.1"
screen_wait_re "alpha +running.*model-h"
screen_wait_re "delta +shut off.*model-h"

vd_daemon_signal STOP
# The test-driver host answers keys and commands while the other hangs;
# a start in the all-hosts view goes to the row's host.
live_select beta
screen_keys s
screen_wait_re "beta +running.*model-h" 5
screen_keys H
screen_wait "Domains of the selected host"
screen_keys h k
screen_wait_re "$TCP|127.0.0.1" 2
screen_keys j
screen_wait_re "alpha +running" 2
vd_daemon_signal CONT

# The tcp host works again: start the guest by key, virsh agrees.
screen_keys h k l
screen_wait_re "$G-a +shut off" 20
live_select $G-a
screen_keys s
vd_wait_state $G-a running 30 || screen_fail "virsh says $(vd_virsh domstate $G-a)"
screen_wait_re "$G-a +running" 15
exit 0
