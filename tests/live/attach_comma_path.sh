#!/bin/bash
# A path holding a comma reaches libvirt whole (issue 19): a disk
# attached from a file named "...,data.img" and a CD-ROM image named
# "...,cd.iso" inserted by typed path, each checked in the persistent
# XML with virsh. (The attach and CD-ROM commands once packed their
# arguments into "key=value,key=value" strings that a comma split.)
set -u
. "$VD_SRC/tests/lib/screen.sh"
. "$VD_SRC/tests/lib/live.sh"
G=vdt-comma
cleanup() {
    vd_cleanup_guests $G
    vd_virsh -q vol-delete --pool vdpool "$G,data.img" >/dev/null 2>&1
    vd_virsh -q vol-delete --pool vdpool "$G,cd.iso" >/dev/null 2>&1
    screen_stop
}
trap cleanup EXIT
cleanup
CDROM="<disk type='file' device='cdrom'><driver name='qemu' type='raw'/><target dev='sda' bus='sata'/><readonly/></disk>"
vd_define_guest $G --devices-xml "$CDROM" >/dev/null || exit 1
vd_virsh -q vol-create-as vdpool "$G,data.img" 1M --format raw >/dev/null || exit 1
vd_virsh -q vol-create-as vdpool "$G,cd.iso" 1M --format raw >/dev/null || exit 1
DISK=$(vd_virsh -q vol-path --pool vdpool "$G,data.img")
ISO=$(vd_virsh -q vol-path --pool vdpool "$G,cd.iso")
case $DISK$ISO in *,data.img*,cd.iso) ;; *) echo "volume paths lost their comma: $DISK $ISO"; exit 1 ;; esac

screen_start 120x36 -c "$VD_TEST_URI" -d 0.5
trap cleanup EXIT
screen_wait_re "$G +shut off" 15
screen_keys l
live_select $G
screen_keys i
screen_wait "Details of $G" 10

# --- attach the existing file by its path (the default device kind) ---
screen_keys A
screen_wait "Attach a device to $G" 10
screen_wait "< Disk: existing file or volume path >"
screen_keys Tab                                 # to Path
screen_text "$DISK"
screen_keys Enter
screen_wait_re "disk vda attached \(persistent, from the next start\)" 20
vd_virsh dumpxml --inactive $G | grep -qF "<source file='$DISK'/>" ||
    screen_fail "disk source: $(vd_virsh dumpxml --inactive $G | grep -F '<source')"
vd_virsh dumpxml --inactive $G | grep -q "<target dev='vda' bus='virtio'/>" ||
    screen_fail "disk target: $(vd_virsh dumpxml --inactive $G | grep -F '<target')"

# --- the CD-ROM image by typed path ---
screen_keys c
screen_wait "CD-ROM of $G" 10
screen_wait "sda: (empty)"
screen_keys Tab Right                           # media: Path on the host
screen_wait "< Path on the host >"
screen_keys Tab                                 # to Path
screen_text "$ISO"
screen_keys Enter
screen_wait "sda now holds $ISO" 10
vd_virsh dumpxml --inactive $G | grep -qF "<source file='$ISO'/>" ||
    screen_fail "CD-ROM source: $(vd_virsh dumpxml --inactive $G | grep -F '<source')"
exit 0
