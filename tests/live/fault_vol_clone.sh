#!/bin/bash
# Fault injection (issue 17): libvirtd is SIGKILLed in the middle of a
# volume clone (virStorageVolCreateXMLFrom) and started again. libvirt
# cannot remove the partial copy itself then; virtdeck reconnects by
# itself, removes it and says so; the source volume is untouched and the
# pool ends as it began (virsh vol-list and the pool's directory).
set -u
. "$VD_SRC/tests/lib/screen.sh"
. "$VD_SRC/tests/lib/live.sh"
live_scratch_pool lt17fc-pool

# a large sparse source: the copy reads all of it, so it takes a while
vd_virsh -q vol-create-as "$pool" src.raw 64G --format raw --allocation 0 >/dev/null ||
    { echo "FAIL: vol-create-as"; exit 1; }
printf 'virtdeck source marker' | dd of="$tmp/pooldir/src.raw" conv=notrunc status=none
sum_before=$(head -c 4096 "$tmp/pooldir/src.raw" | sha256sum)
before=$(live_vols)

screen_start 130x34 -c "$VD_TEST_URI"
trap live_scratch_cleanup EXIT
live_open_volumes
screen_wait "src.raw"
screen_keys c
screen_wait "Name of the copy"
screen_keys Enter                       # clone-src.raw
# the copy has begun when its file exists
for _ in $(seq 100); do
    [ -e "$tmp/pooldir/clone-src.raw" ] && break
    sleep 0.1
done
[ -e "$tmp/pooldir/clone-src.raw" ] || screen_fail "the copy did not start"
screen_capture | grep -q "clone-src.raw: done" && screen_fail "the copy ended before the daemon was killed"

vd_daemon_restart || screen_fail "libvirtd did not start again"
screen_wait "removed the partial copy of the interrupted clone" 30
[ "$(live_vols)" = "$before" ] || screen_fail "left on the host: $(live_vols)"
[ ! -e "$tmp/pooldir/clone-src.raw" ] || screen_fail "the partial copy is still in the pool dir"
[ "$(head -c 4096 "$tmp/pooldir/src.raw" | sha256sum)" = "$sum_before" ] ||
    screen_fail "the source volume changed"
screen_keys Escape q
screen_wait_exit 10 >/dev/null || screen_fail "virtdeck did not quit"
exit 0
