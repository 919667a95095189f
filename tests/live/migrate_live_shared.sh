#!/bin/bash
# Live migration with the disk on shared storage (vdshared, the same
# directory for both daemons): `virtdeck migrate --live` moves a running
# SeaBIOS guest to the peer; it runs there, is gone from the source, and
# its VNC screen (virsh screenshot on each side) is the same before and
# after.
set -u
. "$VD_SRC/tests/harness/lib.sh"
vd_harness_env || exit 1
G=lt-migls
T=$(mktemp -d)
cleanup() {
    vd_cleanup_guests $G
    vd_peer_cleanup_guests $G
    vd_virsh -q vol-delete --pool vdshared $G.qcow2 >/dev/null 2>&1
    rm -rf "$T"
}
trap cleanup EXIT
cleanup; T=$(mktemp -d)

vd_virsh -q vol-create-as vdshared $G.qcow2 16M --format qcow2 >/dev/null || exit 1
path=$(vd_virsh -q vol-path --pool vdshared $G.qcow2) || exit 1
# the peer sees the same volume at the same path
vd_peer_virsh -q pool-refresh vdshared >/dev/null
[ "$(vd_peer_virsh -q vol-path --pool vdshared $G.qcow2)" = "$path" ] || { echo "peer does not see $path"; exit 1; }
vd_define_guest $G --vnc --devices-xml "<disk type='file' device='disk'>
  <driver name='qemu' type='qcow2' cache='none'/>
  <source file='$path'/>
  <target dev='vda' bus='virtio'/>
</disk>" >/dev/null || exit 1
vd_virsh -q start $G >/dev/null || exit 1
vd_wait_state $G running 30 || exit 1
vd_screenshot_stable "$VD_TEST_URI" $G "$T/before.ppm" 60 || exit 1

# libvirt calls a file on a local filesystem unsafe even when both sides
# see it: --unsafe (see tests/harness/README.md)
"$VD_BIN" migrate -c "$VD_TEST_URI" $G "$VD_PEER_URI" --live --persistent \
    --undefinesource --unsafe --migrate-uri "tcp://$VD_PEER_ADDR" --verbose >"$T/out" 2>&1
rc=$?
cat "$T/out"
[ $rc = 0 ] || { echo "FAIL: migrate exited $rc"; exit 1; }
grep -q "^migrated $G to " "$T/out" || { echo "FAIL: no 'migrated' line"; exit 1; }
# (the job stats' figures are checked where a bandwidth limit makes the
# migration slow enough to watch: migrate_cancel, migrate_dialog_ui)
grep -q "^progress: " "$T/out" || { echo "FAIL: no progress line (--verbose, not a terminal)"; exit 1; }

vd_peer_wait_state $G running 30 || exit 1
if vd_virsh -q dominfo $G >/dev/null 2>&1; then
    echo "FAIL: $G is still defined on the source"; exit 1
fi
vd_peer_virsh -q dominfo $G | grep -q "^Persistent: *yes" || { echo "FAIL: not persistent on the peer"; exit 1; }
vd_screenshot_stable "$VD_PEER_URI" $G "$T/after.ppm" 60 || exit 1
vd_screens_same "$T/before.ppm" "$T/after.ppm" || {
    echo "FAIL: the screen differs after the migration ($(cmp -l "$T/before.ppm" "$T/after.ppm" | wc -l) bytes)"
    exit 1
}
echo "PASS: $G runs on the peer with the same screen"
exit 0
