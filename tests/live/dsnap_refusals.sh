#!/bin/bash
# Every snapshot refusal says why and what would work, exits 1 (2 for
# usage errors), and changes nothing (virsh's snapshot list and domain
# XML before and after): a raw disk for an internal snapshot (then
# --disk-only, which the message offers, works); a name taken; no free
# space for an overlay in the disk's pool (a 4 MiB tmpfs pool inside the
# daemon's mount namespace, filled); a running UEFI guest's internal
# snapshot on libvirt 9.0; --no-memory for a running guest's internal
# snapshot; --quiesce without a guest agent; --children over an external
# snapshot; usage errors.
set -u
. "$VD_SRC/tests/harness/lib.sh"
vd_harness_env || exit 1
P=vdt-dsnaprf
VD="$VD_BIN snapshot -c $VD_TEST_URI"
TMP=$(mktemp -d)
TINY="$VD_HARNESS_DIR/tiny-$P"
NSX="nsenter -t $VD_LIBVIRTD_PID -m --"
cleanup() {
    vd_cleanup_guests $P
    vd_virsh -q pool-destroy $P-tiny >/dev/null 2>&1
    vd_virsh -q pool-undefine $P-tiny >/dev/null 2>&1
    $NSX umount "$TINY" 2>/dev/null
    rmdir "$TINY" 2>/dev/null
    for v in $P-raw.img $P-raw-r1.qcow2 $P-ext-e1.qcow2 $P-full-o1.qcow2; do
        vd_virsh -q vol-delete --pool vdpool $v >/dev/null 2>&1
    done
    rm -f "$VD_HARNESS_DIR"/pool/$P-uefi_VARS.fd
    rm -rf "$TMP"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }
cleanup; TMP=$(mktemp -d)

state() { vd_virsh snapshot-list --name "$1"; vd_virsh dumpxml --inactive "$1"; }
# refused DOMAIN 'TEXT' ARGS...: the command exits 1 with TEXT in its
# message and nothing changed
refused() {
    local dom=$1 text=$2 before out rc=0
    shift 2
    before=$(state "$dom")
    out=$($VD "$dom" "$@" 2>&1) || rc=$?
    echo "$out"
    [ "$rc" = 1 ] || fail "'$*' exited $rc, not 1: $out"
    grep -qF -- "$text" <<<"$out" || fail "'$*' did not say '$text': $out"
    [ "$(state "$dom")" = "$before" ] || fail "'$*' changed something"
}
usage() {
    local out rc=0
    out=$($VD "$@" 2>&1) || rc=$?
    [ "$rc" = 2 ] || fail "'$*' exited $rc, not 2: $out"
    grep -q "Try 'virtdeck snapshot --help'" <<<"$out" || fail "'$*': $out"
}

# a raw disk
vd_virsh -q vol-create-as vdpool $P-raw.img 8M --format raw >/dev/null || fail "raw volume"
rawpath=$(vd_virsh vol-path --pool vdpool $P-raw.img)
vd_define_guest $P-raw --devices-xml "<disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='$rawpath'/><target dev='vda' bus='virtio'/></disk>" >/dev/null || fail "define raw"
refused $P-raw "disk vda ($rawpath) is raw: an internal snapshot needs every writable disk in qcow2 format; take a disk-only snapshot (--disk-only)" create --name r1
out=$($VD $P-raw create --name r1 --disk-only 2>&1) || fail "--disk-only on a raw disk: $out"

# a name taken
vd_define_guest $P-q --disk 8 >/dev/null || fail "define q"
$VD $P-q create --name same >/dev/null || fail "first create"
refused $P-q "already has a snapshot named 'same': choose another name" create --name same
refused $P-q "no snapshot named 'nosuch'" revert nosuch
refused $P-q "no snapshot named 'nosuch'" delete nosuch

# --quiesce needs a running guest with an agent; --no-memory with a running guest
refused $P-q "--quiesce needs a running guest" create --disk-only --quiesce
vd_virsh start $P-q >/dev/null && vd_wait_state $P-q running 30 || fail "start q"
refused $P-q "an internal snapshot of a running guest always saves its memory: take a disk-only snapshot (--disk-only), or shut the guest off first" create --name nm --no-memory
refused $P-q "--quiesce needs the QEMU guest agent" create --name qq --disk-only --quiesce
vd_virsh destroy $P-q >/dev/null

# --children over an external snapshot
vd_define_guest $P-ext --disk 8 >/dev/null || fail "define ext"
$VD $P-ext create --name e1 --disk-only >/dev/null || fail "external"
refused $P-ext "libvirt deletes external snapshots one at a time, without --children" delete e1 --children

# no free space for an overlay: a 4 MiB tmpfs pool, filled
mkdir -p "$TINY"
$NSX mount -t tmpfs -o size=4M tmpfs "$TINY" || fail "mount tmpfs in the daemon's namespace"
vd_virsh -q pool-define-as $P-tiny dir --target "$TINY" >/dev/null && vd_virsh -q pool-start $P-tiny >/dev/null ||
    fail "tiny pool"
vd_virsh -q vol-create-as $P-tiny $P-full.qcow2 16M --format qcow2 >/dev/null || fail "volume in tiny pool"
$NSX dd if=/dev/zero of="$TINY/fill" bs=64k 2>/dev/null
vd_virsh -q pool-refresh $P-tiny >/dev/null
vd_define_guest $P-full --devices-xml "<disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='$TINY/$P-full.qcow2'/><target dev='vda' bus='virtio'/></disk>" >/dev/null || fail "define full"
refused $P-full "no free space for the overlay of disk vda in pool $P-tiny" create --name o1 --disk-only
refused $P-full "put the overlays in another pool (--pool)" create --name o1 --disk-only
# ... and in another pool it works
out=$($VD $P-full create --name o1 --disk-only --pool vdpool 2>&1) || fail "--pool vdpool: $out"
vd_virsh dumpxml $P-full | grep -q "<source file='$VD_HARNESS_DIR/pool/$P-full-o1.qcow2'/>" ||
    fail "the overlay is not in vdpool"

# a running UEFI guest (pflash) on libvirt 9.0
code=/usr/share/OVMF/OVMF_CODE_4M.fd
vars=/usr/share/OVMF/OVMF_VARS_4M.fd
if [ -r $code ] && [ -r $vars ]; then
    vd_virsh -q vol-create-as vdpool $P-uefi.qcow2 8M --format qcow2 >/dev/null
    upath=$(vd_virsh vol-path --pool vdpool $P-uefi.qcow2)
    cat >"$TMP/uefi.xml" <<XML
<domain type='${VD_VIRT_TYPE:-qemu}'>
  <name>$P-uefi</name>
  <memory unit='MiB'>64</memory>
  <vcpu>1</vcpu>
  <os>
    <type arch='x86_64' machine='q35'>hvm</type>
    <loader readonly='yes' type='pflash'>$code</loader>
    <nvram template='$vars'>$VD_HARNESS_DIR/pool/$P-uefi_VARS.fd</nvram>
  </os>
  <features><acpi/></features>
  <devices>
    <disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='$upath'/><target dev='vda' bus='virtio'/></disk>
    <memballoon model='none'/>
  </devices>
</domain>
XML
    vd_virsh define "$TMP/uefi.xml" >/dev/null || fail "define uefi"
    vd_virsh start $P-uefi >/dev/null && vd_wait_state $P-uefi running 30 || fail "start uefi"
    refused $P-uefi "cannot take an internal snapshot of a running UEFI (pflash) guest: shut it off first, or take a disk-only snapshot (--disk-only)" create --name u1
    vd_virsh destroy $P-uefi >/dev/null
    vd_virsh -q vol-delete --pool vdpool $P-uefi.qcow2 >/dev/null
else
    echo "FAIL: no OVMF firmware ($code): install ovmf"; exit 1
fi

# usage errors: exit 2, nothing asked of the host
usage $P-q revert
usage $P-q revert same --running --paused
usage $P-q frobnicate
usage $P-q create --tree
usage $P-q create --quiesce
usage $P-q list --bogus
usage
echo "PASS"
exit 0
