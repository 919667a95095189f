#!/bin/bash
# qemu+ssh against an sshd on the harness namespace's loopback, with a key
# made here: virtdeck lists the domains and starts one (virsh agrees).
# Without the key, no password prompt reaches the screen (virtdeck runs
# ssh in batch mode although the sshd offers passwords) and the hint
# names ssh-copy-id. Nothing here touches the machine's ssh setup: the
# sshd has its own config, host key and authorized_keys in the harness
# dir, and libvirt runs ssh through a wrapper (URI command=) that uses
# the test's key and known_hosts with -F none.
set -u
. "$VD_SRC/tests/lib/screen.sh"
. "$VD_SRC/tests/lib/live.sh"
. "$VD_SRC/tests/lib/sshd.sh"
G=vdt-ssh
cleanup() { screen_stop; sshd_cleanup; vd_cleanup_guests $G; }
# (screen_start sets its own EXIT trap: ours is set again after it)
trap cleanup EXIT
vd_cleanup_guests $G
vd_define_guest $G-a >/dev/null || exit 1
sshd_setup
D=$SSHD_DIR
WRAP="$D/vd-in-netns"

# 1. With the key: the domains, and a start that virsh sees.
URI=$(sshd_uri ssh-key)
VD_BIN=$WRAP screen_start 110x30 -c "$URI" -d 1
trap cleanup EXIT
screen_wait_re "$G-a +shut off" 20
screen_wait ": connected"
screen_keys l
live_select $G-a
screen_keys s
vd_wait_state $G-a running 30 || screen_fail "virsh says $(vd_virsh domstate $G-a)"
screen_wait_re "$G-a +running" 15
screen_keys q
screen_wait_exit 5 >/dev/null
screen_stop

# 2. Without the key: an error and the ssh-copy-id hint; never a prompt.
URI=$(sshd_uri ssh-nokey)
VD_BIN=$WRAP screen_start 110x30 -c "$URI" -d 1
trap cleanup EXIT
screen_wait_re "Permission denied" 20
screen_wait "ssh-copy-id"
# a few retries later there is still no prompt on the screen
screen_wait_re "Retrying in [0-9]+s" 10
for i in 1 2 3; do
    screen_capture | grep -qiE "password:|passphrase|yes/no" &&
        screen_fail "an ssh prompt reached the screen"
    screen_keys F5
    screen_wait_re "Permission denied" 10
done
screen_alive || screen_fail "virtdeck died"
exit 0
