#!/bin/bash
# A clone that cannot finish leaves no volume and no domain behind
# (virsh vol-list and list --all before and after): its pool too small
# for the copy (a 24 MiB tmpfs pool in the daemon's mount namespace,
# refused before anything is made), and one interrupted (SIGINT) while
# its copy runs: every new volume is deleted. Other refusals: a running
# original, a name taken, a bad --skip-copy target, a bad --mac; usage
# errors exit 2. The original never changes.
set -u
. "$VD_SRC/tests/harness/lib.sh"
vd_harness_env || exit 1
P=vdt-cloneat
VD="$VD_BIN clone -c $VD_TEST_URI"
TMP=$(mktemp -d)
TINY="$VD_HARNESS_DIR/tiny-$P"
NSX="nsenter -t $VD_LIBVIRTD_PID -m --"
cleanup() {
    vd_cleanup_guests $P
    vd_virsh -q vol-delete --pool vdpool $P-big.img >/dev/null 2>&1
    vd_virsh -q pool-destroy $P-tiny >/dev/null 2>&1
    vd_virsh -q pool-undefine $P-tiny >/dev/null 2>&1
    $NSX umount "$TINY" 2>/dev/null
    rmdir "$TINY" 2>/dev/null
    rm -rf "$TMP"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }
cleanup; TMP=$(mktemp -d)
everything() {
    vd_virsh list --all --name
    for p in $(vd_virsh pool-list --name); do vd_virsh pool-refresh "$p" >/dev/null; vd_virsh vol-list "$p"; done
    vd_virsh dumpxml --inactive $P-small 2>/dev/null
    vd_virsh dumpxml --inactive $P-big 2>/dev/null
}
# refused 'TEXT' ARGS...: exit 1, TEXT said, nothing changed
refused() {
    local text=$1 before out rc=0
    shift
    before=$(everything)
    out=$($VD "$@" 2>&1) || rc=$?
    echo "$out"
    [ "$rc" = 1 ] || fail "'$*' exited $rc, not 1: $out"
    grep -qF -- "$text" <<<"$out" || fail "'$*' did not say '$text': $out"
    [ "$(everything)" = "$before" ] || fail "'$*' left something behind"
}

# the pool too small: 12 MiB of data in a 24 MiB pool
mkdir -p "$TINY"
$NSX mount -t tmpfs -o size=24M tmpfs "$TINY" || fail "mount tmpfs in the daemon's namespace"
vd_virsh -q pool-define-as $P-tiny dir --target "$TINY" >/dev/null && vd_virsh -q pool-start $P-tiny >/dev/null ||
    fail "tiny pool"
vd_virsh -q vol-create-as $P-tiny $P-small.img 14M --format raw >/dev/null || fail "volume"
head -c 14M /dev/urandom >"$TMP/fill.raw"
vd_virsh vol-upload --pool $P-tiny $P-small.img "$TMP/fill.raw" || fail "upload"
vd_define_guest $P-small --network vdnet --devices-xml "<disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='$TINY/$P-small.img'/><target dev='vda' bus='virtio'/></disk>" >/dev/null || fail "define small"
refused "the copies into it need 14 MiB" --original $P-small --auto-clone
refused "make linked clones (--linked) or share disks (--skip-copy TARGET)" --original $P-small --name $P-x
refused "the domain has no disk 'vdz'" --original $P-small --auto-clone --skip-copy vdz
refused "a domain named '$P-small' already exists" --original $P-small --name $P-small
mac=$(vd_virsh dumpxml $P-small | grep -o "<mac address='[^']*'" | head -1 | cut -d"'" -f2)
[ -n "$mac" ] || fail "the original has no MAC"
refused "--mac $mac: that address is already used by a domain on this host" --original $P-small --auto-clone --mac "$mac"
# sharing the disk needs no space: that works
out=$($VD --original $P-small --name $P-small-shared --skip-copy vda 2>&1) || fail "--skip-copy: $out"
vd_virsh dumpxml $P-small-shared | grep -q "<source file='$TINY/$P-small.img'/>" || fail "the disk was not shared"
vd_virsh -q undefine $P-small-shared >/dev/null

# a running original is refused
vd_virsh start $P-small >/dev/null && vd_wait_state $P-small running 30 || fail "start"
refused "is running: a clone copies the disks of a shut off (or paused) domain" --original $P-small --auto-clone
vd_virsh destroy $P-small >/dev/null

# interrupted while the copy runs: 400 MiB of random data
vd_virsh -q vol-create-as vdpool $P-big.img 400M --format raw >/dev/null || fail "big volume"
head -c 400M /dev/urandom >"$TMP/big.raw"
vd_virsh vol-upload --pool vdpool $P-big.img "$TMP/big.raw" || fail "upload big"
rm -f "$TMP/big.raw"
vd_define_guest $P-big --devices-xml "<disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='$(vd_virsh vol-path --pool vdpool $P-big.img)'/><target dev='vda' bus='virtio'/></disk>" >/dev/null || fail "define big"
before=$(everything)
$VD --original $P-big --name $P-big-copy >"$TMP/out.txt" 2>&1 &
pid=$!
for _ in $(seq 1 300); do
    vd_virsh -q vol-list vdpool 2>/dev/null | grep -q "$P-big-copy" && break
    sleep 0.05
done
vd_virsh -q vol-list vdpool | grep -q "$P-big-copy" || { kill $pid; fail "the copy never started"; }
kill -INT $pid
rc=0; wait $pid || rc=$?
cat "$TMP/out.txt"
[ "$rc" = 1 ] || fail "the interrupted clone exited $rc"
grep -q "clone of $P-big cancelled: 1 new volume(s) deleted, no domain defined" "$TMP/out.txt" ||
    fail "no cancel message"
[ "$(everything)" = "$before" ] || fail "the cancelled clone left something behind"

# usage errors
for args in "--auto-clone" "--original $P-big" "--original $P-big --name a --auto-clone" \
            "--original $P-big --auto-clone --mac 01:00:00:00:00:00" "--original $P-big --auto-clone extra"; do
    rc=0; out=$($VD $args 2>&1) || rc=$?
    [ "$rc" = 2 ] || fail "'$args' exited $rc, not 2: $out"
done
echo "PASS"
exit 0
