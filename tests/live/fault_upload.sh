#!/bin/bash
# Fault injection (issue 17): libvirtd is SIGKILLed in the middle of an
# upload and started again. virtdeck says the upload failed and that the
# partial volume will be removed once the host is back, reconnects by
# itself, removes the partial volume and says so; the pool ends as it
# began (virsh vol-list and the pool's directory before and after).
set -u
. "$VD_SRC/tests/lib/screen.sh"
. "$VD_SRC/tests/lib/live.sh"
live_scratch_pool lt17fu-pool

truncate -s 32G "$tmp/big.bin"
before=$(live_vols)
files_before=$(ls -A "$tmp/pooldir")

screen_start 130x34 -c "$VD_TEST_URI"
trap live_scratch_cleanup EXIT
live_open_volumes
screen_keys U
screen_wait "Local file"
screen_text "$tmp/big.bin"
screen_keys Enter
screen_wait "(C cancels)" 20
[ -n "$(ls -A "$tmp/pooldir")" ] || screen_fail "no partial volume while uploading"

vd_daemon_restart || screen_fail "libvirtd did not start again"
# (the failure says the volume will be removed once the host is back;
# the reconnect's message replaces it on the status line at once)
screen_wait "removed the partial volume of the interrupted upload" 30
screen_wait_re "big.bin.*failed"
[ "$(live_vols)" = "$before" ] || screen_fail "left on the host: $(live_vols)"
[ "$(ls -A "$tmp/pooldir")" = "$files_before" ] || screen_fail "left in the pool dir: $(ls -A "$tmp/pooldir")"
screen_keys Escape q
screen_wait_exit 10 >/dev/null || screen_fail "virtdeck did not quit"
exit 0
