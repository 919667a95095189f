#!/bin/bash
# Live test: `virtdeck create --start` makes the issue's guest on the
# private libvirtd -- 1 vCPU, 1024 MiB, a new 20 GiB qcow2 volume in the
# dir pool, an ISO volume from that pool as CD-ROM, the harness network,
# VNC with a password -- and `virsh dumpxml` shows each of them, the
# guest runs and the volume exists.
set -u
src=$(cd "$(dirname "$0")/../.." && pwd)
. "$src/tests/harness/lib.sh"
vd_harness_env || exit 1
bin=${VD_BIN:-$src/build/virtdeck}
P=lt-create-
name=${P}CentOS-WebVirtMgr-Test
iso=${P}boot.iso
fails=0

cleanup() {
    vd_cleanup_guests "$P" >/dev/null 2>&1
    vd_virsh -q vol-delete --pool vdpool "$iso" >/dev/null 2>&1
}
trap cleanup EXIT
cleanup

check() {   # check DESCRIPTION COMMAND...
    local what=$1; shift
    if "$@"; then echo "ok: $what"; else echo "FAIL: $what"; fails=$((fails + 1)); fi
}

# A small "ISO" volume in the pool (content does not matter: SeaBIOS
# finds nothing bootable on it and goes on).
vd_virsh -q vol-create-as vdpool "$iso" 1M --format raw >/dev/null || exit 1

out=$("$bin" create -c "$VD_TEST_URI" --virt-type "$VD_VIRT_TYPE" --name "$name" \
      --vcpus 1 --memory 1024 --disk pool=vdpool,size=20,format=qcow2,bus=virtio \
      --cdrom "vdpool/$iso" --network network=vdnet,model=virtio \
      --graphics vnc,listen=127.0.0.1,password=s3cret --start 2>&1)
rc=$?
echo "$out"
[ "$rc" = 0 ] || { echo "FAIL: create exited $rc"; exit 1; }

xml=$(vd_virsh dumpxml --security-info "$name") || exit 1
has() { grep -qF -- "$1" <<<"$xml"; }
check "1 vCPU" has ">1</vcpu>"
check "1024 MiB" has "<memory unit='KiB'>1048576</memory>"
check "the new volume as a qcow2 virtio disk" \
    grep -qzE "<driver name='qemu' type='qcow2'/>[[:space:]]*<source pool='vdpool' volume='$name.qcow2'" <<<"$xml"
check "disk on virtio" has "bus='virtio'/>"
check "the ISO volume as CD-ROM" has "<source pool='vdpool' volume='$iso'"
check "a CD-ROM device" has "device='cdrom'"
check "the harness network" has "<source network='vdnet'"
check "a virtio NIC" has "<model type='virtio'/>"
check "VNC with the password" has "<graphics type='vnc' port="
check "VNC password" grep -qE "<graphics type='vnc'[^>]*passwd='s3cret'" <<<"$xml"
check "VNC listens on 127.0.0.1" has "listen='127.0.0.1'"
check "the guest runs" vd_wait_state "$name" running 60
vol=$(vd_virsh vol-info --pool vdpool "$name.qcow2" --bytes 2>&1)
check "the volume exists" grep -q "Capacity:.*21474836480 bytes" <<<"$vol"
check "the volume is qcow2" grep -q "<format type='qcow2'/>" <<<"$(vd_virsh vol-dumpxml --pool vdpool "$name.qcow2")"

[ "$fails" = 0 ] || { echo "$fails check(s) failed"; echo "$xml"; exit 1; }
echo "all checks passed"
