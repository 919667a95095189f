#!/bin/bash
# Live test: the create wizard walked in tmux on the private libvirtd
# makes the issue's guest -- CentOS-WebVirtMgr-Test, 1 vCPU, 1024 MiB,
# a new 20 GiB qcow2 volume in the dir pool vdpool, an ISO volume of
# that pool as CD-ROM, the network vdnet, VNC with a password -- then
# virsh dumpxml shows each of them, the guest runs and the volume exists.
set -u
. "$VD_SRC/tests/lib/screen.sh"
. "$VD_SRC/tests/lib/live.sh"
name=CentOS-WebVirtMgr-Test
iso=vdt-wizard-test.iso
cleanup() {
    screen_stop
    vd_cleanup_guests "$name" >/dev/null 2>&1
    vd_virsh -q vol-delete --pool vdpool "$name.qcow2" >/dev/null 2>&1
    vd_virsh -q vol-delete --pool vdpool "$iso" >/dev/null 2>&1
}
trap cleanup EXIT
cleanup
vd_virsh -q vol-create-as vdpool "$iso" 1M --format raw >/dev/null ||
    screen_fail "cannot create the ISO volume"

screen_start 80x24 -c "$VD_TEST_URI"
screen_wait_re "Domains \([0-9]+" 15
screen_keys l N
screen_wait "Step 1 of 11: Name and OS"

# 1: name; the OS stays generic.
screen_text "$name"
screen_keys Tab
screen_expect "Generic (not listed)"
screen_keys Enter
# 2: an ISO volume of vdpool, found by typing.
screen_wait "Step 2 of 11: Install source"
screen_expect "< ISO volume from a pool >"
screen_keys Tab
screen_text "$iso"
screen_wait_re "\] 1 of [0-9]+, type to search"
screen_wait "vdpool/$iso"
screen_keys Enter
# 3: 1 vCPU, 1024 MiB (typed over the defaults).
screen_wait "Step 3 of 11: CPU and memory"
screen_keys C-u
screen_text 1
screen_keys Tab Tab C-u
screen_text 1024
screen_keys Enter
# 4: a new 20 GiB qcow2 volume in vdpool.
screen_wait "Step 4 of 11: Storage"
screen_keys Tab Tab Enter          # Edit disk
screen_wait "Disk 1"
screen_expect "< New volume in a pool >"
screen_expect_re "Pool +< vdpool"
screen_keys Tab Tab C-u
screen_text 20
screen_expect "< qcow2 >"
screen_keys Enter                  # OK
screen_wait "Step 4 of 11: Storage"
screen_wait "1. new 20 GiB qcow2 volume in vdpool"
screen_keys PgDn
# 5: the network vdnet.
screen_wait "Step 5 of 11: Network"
screen_keys Tab Tab Enter          # Edit NIC
screen_wait "NIC 1"
screen_expect "< Virtual network >"
screen_wait_re "Network +< vdnet >"
screen_expect "< virtio >"
screen_keys Escape
screen_wait "Step 5 of 11: Network"
screen_expect "1. network vdnet, virtio"
screen_keys PgDn
# 6: VNC with a password (masked).
screen_wait "Step 6 of 11: Graphics"
screen_expect "< VNC >"
screen_keys Tab Tab
screen_text "s3cret"
screen_wait_re "Password +\[\*{6} "
screen_expect_not "s3cret"
screen_keys Enter
# 7: BIOS, default boot order.
screen_wait "Step 7 of 11: Firmware and boot"
screen_keys Enter
# 8: Advanced: a virtio-rng, checked as typed.
screen_wait "Step 8 of 11: Advanced"
screen_text "/dev/urandom"
screen_keys PgDn PgDn PgDn         # no host device, no cloud-init
# 8: review, the XML, then create and start.
screen_wait "Step 11 of 11: Review"
screen_expect "Name:      $name"
screen_expect "CD-ROM vdpool/$iso"
screen_expect "new 20 GiB qcow2 volume in vdpool"
screen_expect "network vdnet, virtio"
screen_expect "vnc on 127.0.0.1, with a password"
screen_expect "Devices:   rng /dev/urandom"
screen_keys Tab Tab Enter          # Show XML
screen_wait "Domain XML"
screen_keys /
screen_text "vdnet"
screen_keys Enter
screen_wait '<source network="vdnet"/>'
screen_keys Escape
screen_wait "Step 11 of 11: Review"
screen_keys BTab Enter             # Create and start (the focus is on Show XML)
screen_wait_gone "Step 11 of 11" 60
screen_wait "$name created and started" 15

fails=0
check() {   # check DESCRIPTION COMMAND...
    local what=$1; shift
    if "$@"; then echo "ok: $what"; else echo "FAIL: $what"; fails=$((fails + 1)); fi
}
xml=$(vd_virsh dumpxml --security-info "$name") || screen_fail "no domain $name"
has() { grep -qF -- "$1" <<<"$xml"; }
check "1 vCPU" has ">1</vcpu>"
check "1024 MiB" has "<memory unit='KiB'>1048576</memory>"
check "the new volume as a qcow2 disk" \
    grep -qzE "<driver name='qemu' type='qcow2'/>[[:space:]]*<source pool='vdpool' volume='$name.qcow2'" <<<"$xml"
check "the ISO volume as CD-ROM" has "<source pool='vdpool' volume='$iso'"
check "a CD-ROM device" has "device='cdrom'"
check "the harness network" has "<source network='vdnet'"
check "VNC" has "<graphics type='vnc'"
check "VNC password" grep -qE "<graphics type='vnc'[^>]*passwd='s3cret'" <<<"$xml"
check "VNC on 127.0.0.1" has "listen='127.0.0.1'"
check "the Advanced page's virtio-rng" \
    grep -qzE "<rng model='virtio'>[[:space:]]*<backend model='random'>/dev/urandom</backend>" <<<"$xml"
check "the guest runs" vd_wait_state "$name" running 60
vol=$(vd_virsh vol-info --pool vdpool "$name.qcow2" --bytes 2>&1)
check "the 20 GiB volume exists" grep -q "Capacity:.*21474836480 bytes" <<<"$vol"
check "the volume is qcow2" grep -q "<format type='qcow2'/>" <<<"$(vd_virsh vol-dumpxml --pool vdpool "$name.qcow2")"
screen_wait_re "CentOS-.* +running" 15
[ "$fails" = 0 ] || { echo "$xml"; screen_fail "$fails check(s) failed"; }
exit 0
