#!/bin/bash
# Fault injection (issue 17): libvirtd is SIGKILLed in the middle of a
# domain clone (W: the copy of its disk, virStorageVolCreateXMLFrom) and
# started again. The job ends as failed and says the partial copy will
# be deleted once the host is back; virtdeck reconnects by itself,
# deletes it and says so (status line and journal); no clone is
# defined; the original and its disk are untouched (virsh list --all,
# vol-list and the pool's directory end as they began).
set -u
. "$VD_SRC/tests/lib/screen.sh"
. "$VD_SRC/tests/lib/live.sh"
. "$VD_SRC/tests/lib/fault.sh"
G=vdt-fdclone
fault_journal vdt-fdclone
cleanup() {
    vd_cleanup_guests $G
    live_scratch_cleanup
    fault_journal_cleanup
}
live_scratch_pool lt17fdc-pool
trap cleanup EXIT
vd_cleanup_guests $G

# a large sparse disk: the copy reads all of it, so it takes a while
vd_virsh -q vol-create-as "$pool" $G.raw 64G --format raw --allocation 0 >/dev/null ||
    { echo "FAIL: vol-create-as"; exit 1; }
printf 'virtdeck source marker' | dd of="$tmp/pooldir/$G.raw" conv=notrunc status=none
vd_define_guest $G --devices-xml "<disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='$tmp/pooldir/$G.raw'/><target dev='vda' bus='virtio'/></disk>" >/dev/null ||
    { echo "FAIL: define"; exit 1; }
sum_before=$(head -c 4096 "$tmp/pooldir/$G.raw" | sha256sum)
xml_before=$(vd_virsh dumpxml --inactive $G)
vols_before=$(live_vols)
files_before=$(ls -A "$tmp/pooldir")
before=$(fault_hosts)

screen_start 140x34 -c "$VD_TEST_URI"
trap cleanup EXIT
screen_wait_re "$G +shut off" 15
screen_keys l
live_select $G
screen_keys W
screen_wait "New name" 15
screen_expect "$G-clone"
screen_keys Enter
screen_wait "clone $G to $G-clone" 30
# the copy has begun when its file exists
for _ in $(seq 150); do
    [ "$(ls -A "$tmp/pooldir" | wc -l)" -gt 1 ] && break
    sleep 0.1
done
[ "$(ls -A "$tmp/pooldir" | wc -l)" -gt 1 ] || screen_fail "the copy did not start"
screen_capture | grep -qE "clone $G to $G-clone.*done" &&
    screen_fail "the clone ended before the daemon was killed"

vd_daemon_restart || screen_fail "libvirtd did not start again"
screen_wait "removed the partial copy of the interrupted clone" 40
# the job's own end is kept in the jobs view (J)
screen_keys J
screen_wait_re "clone $G to $G-clone.*failed" 15
screen_keys Escape
fault_hosts_same "$before"
[ "$(live_vols)" = "$vols_before" ] || screen_fail "left on the host: $(live_vols)"
[ "$(ls -A "$tmp/pooldir")" = "$files_before" ] ||
    screen_fail "left in the pool dir: $(ls -A "$tmp/pooldir")"
[ "$(head -c 4096 "$tmp/pooldir/$G.raw" | sha256sum)" = "$sum_before" ] ||
    screen_fail "the original's disk changed"
[ "$(vd_virsh dumpxml --inactive $G)" = "$xml_before" ] || screen_fail "the original's XML changed"
# the journal: the job's failure naming what will be deleted, then the sweep
grep -q "clone $G to $G-clone: failed: .*the partial copy .* will be deleted when the host is connected again" "$J" ||
    screen_fail "the journal does not hold the job's end: $(cat "$J")"
grep -q "\"leftover\".*connected again: removed the partial copy of the interrupted clone" "$J" ||
    screen_fail "the journal does not hold the removal: $(cat "$J")"
screen_keys q
screen_wait_exit 10 >/dev/null || screen_fail "virtdeck did not quit"
exit 0
