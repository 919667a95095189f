#!/bin/bash
# Fault injection (issue 17): libvirtd is SIGKILLed in the middle of a
# download and started again. The download ends as failed, the partial
# local file is deleted (nothing half-made is left on this side), the
# volume is untouched, and virtdeck reconnects by itself.
set -u
. "$VD_SRC/tests/lib/screen.sh"
. "$VD_SRC/tests/lib/live.sh"
live_scratch_pool lt17fd-pool

mkdir -p "$tmp/local"
vd_virsh -q vol-create-as "$pool" src.raw 64G --format raw --allocation 0 >/dev/null ||
    { echo "FAIL: vol-create-as"; exit 1; }
before=$(live_vols)

screen_start 130x34 -c "$VD_TEST_URI"
trap live_scratch_cleanup EXIT
live_open_volumes
screen_wait "src.raw"
screen_keys W
screen_wait "Save to"
screen_keys C-e C-u
screen_text "$tmp/local/down.raw"
screen_keys Enter
screen_wait "(C cancels)" 20
[ -e "$tmp/local/down.raw" ] || screen_fail "no local file while downloading"

vd_daemon_restart || screen_fail "libvirtd did not start again"
screen_wait_re "src.raw to .* failed" 30
for _ in $(seq 100); do
    [ -z "$(ls -A "$tmp/local")" ] && break
    sleep 0.1
done
[ -z "$(ls -A "$tmp/local")" ] || screen_fail "left on this side: $(ls -A "$tmp/local")"
screen_wait ": connected" 30
[ "$(live_vols)" = "$before" ] || screen_fail "the pool changed: $(live_vols)"
screen_keys Escape q
screen_wait_exit 10 >/dev/null || screen_fail "virtdeck did not quit"
exit 0
