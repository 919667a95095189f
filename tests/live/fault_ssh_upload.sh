#!/bin/bash
# Fault injection (issue 17): the SSH transport of a qemu+ssh host dies
# (the sshd and its sessions SIGKILLed) in the middle of an upload, and
# the sshd comes back. The upload ends as failed; virtdeck reconnects by
# itself, removes the partial volume it could not remove over the dead
# transport, and says so; the pool ends as it began.
set -u
. "$VD_SRC/tests/lib/screen.sh"
. "$VD_SRC/tests/lib/live.sh"
. "$VD_SRC/tests/lib/sshd.sh"
live_scratch_pool lt17fs-pool
cleanup() { live_scratch_cleanup; sshd_cleanup; }
trap cleanup EXIT
sshd_setup
truncate -s 32G "$tmp/big.bin"
before=$(live_vols)

VD_BIN=$SSHD_DIR/vd-in-netns screen_start 130x34 -c "$(sshd_uri ssh-key)" -d 1
trap cleanup EXIT
screen_wait ": connected" 20
live_open_volumes
screen_keys U
screen_wait "Local file"
screen_text "$tmp/big.bin"
screen_keys Enter
screen_wait "(C cancels)" 20
[ -n "$(ls -A "$tmp/pooldir")" ] || screen_fail "no partial volume while uploading"

sshd_kill
screen_wait_re "big.bin.*failed" 30
[ -n "$(ls -A "$tmp/pooldir")" ] || screen_fail "the volume went away without a connection?"
sshd_start
screen_wait "removed the partial volume of the interrupted upload" 60
[ "$(live_vols)" = "$before" ] || screen_fail "left on the host: $(live_vols)"
[ -z "$(ls -A "$tmp/pooldir")" ] || screen_fail "left in the pool dir: $(ls -A "$tmp/pooldir")"
screen_keys Escape q
screen_wait_exit 10 >/dev/null || screen_fail "virtdeck did not quit"
exit 0
