#!/bin/bash
# Live migration of a guest whose qcow2 disk is not shared (vdpool: the
# peer has its own directory at the same path). Without copy-storage it
# is refused before any migration call, naming the disk; with
# --copy-storage-all the disk's bytes arrive (checksum of the guest-visible
# contents on both sides).
set -u
. "$VD_SRC/tests/harness/lib.sh"
vd_harness_env || exit 1
G=lt-migcs
T=$(mktemp -d)
cleanup() { vd_cleanup_guests $G; vd_peer_cleanup_guests $G; rm -rf "$T"; }
trap cleanup EXIT
vd_cleanup_guests $G; vd_peer_cleanup_guests $G

# 8 MiB of random bytes as the disk's contents
head -c 8M /dev/urandom >"$T/disk.raw" || exit 1
want=$(sha256sum <"$T/disk.raw" | cut -d' ' -f1)
vd_define_guest $G --disk 8 >/dev/null || exit 1
path=$(vd_virsh -q vol-path --pool vdpool $G.qcow2) || exit 1
qemu-img convert -f raw -O qcow2 "$T/disk.raw" "$path" || exit 1
qemu-img convert -U -f qcow2 -O raw "$path" "$T/src.raw" || exit 1
[ "$(sha256sum <"$T/src.raw" | cut -d' ' -f1)" = "$want" ] || { echo "setup: the disk does not hold the bytes"; exit 1; }
vd_virsh -q start $G >/dev/null || exit 1
vd_wait_state $G running 30 || exit 1

# no copy-storage: refused, and the reason names the disk
"$VD_BIN" migrate -c "$VD_TEST_URI" $G "$VD_PEER_URI" --migrate-uri "tcp://$VD_PEER_ADDR" >"$T/refused" 2>&1
rc=$?
cat "$T/refused"
[ $rc = 1 ] || { echo "FAIL: exit $rc, wanted 1"; exit 1; }
grep -q "refused: disk vda ($path) is not on storage the destination sees" "$T/refused" ||
    { echo "FAIL: the refusal does not name the disk"; exit 1; }
vd_peer_virsh -q list --all --name | grep -qx $G && { echo "FAIL: the refused migration left $G on the peer"; exit 1; }

"$VD_BIN" migrate -c "$VD_TEST_URI" $G "$VD_PEER_URI" --live --copy-storage-all \
    --persistent --undefinesource --migrate-uri "tcp://$VD_PEER_ADDR" --verbose >"$T/out" 2>&1
rc=$?
tail -n 3 "$T/out"
[ $rc = 0 ] || { echo "FAIL: migrate exited $rc"; cat "$T/out"; exit 1; }
vd_peer_wait_state $G running 30 || exit 1
vd_virsh -q dominfo $G >/dev/null 2>&1 && { echo "FAIL: $G still on the source"; exit 1; }
# the peer's copy is in its own directory, mounted at $path in its namespace
copy=$VD_PEER_HARNESS_DIR/pool/$G.qcow2
[ -f "$copy" ] || { echo "FAIL: no copy at $copy"; exit 1; }
qemu-img convert -U -f qcow2 -O raw "$copy" "$T/dst.raw" || exit 1
got=$(sha256sum <"$T/dst.raw" | cut -d' ' -f1)
[ "$got" = "$want" ] || { echo "FAIL: checksum $got on arrival, wanted $want"; exit 1; }
echo "PASS: the disk arrived (sha256 $got)"
exit 0
