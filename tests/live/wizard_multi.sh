#!/bin/bash
# Live test (issue 13, the wizard's side): the wizard, walked in tmux on
# the private libvirtd, defines (does not start) a guest with two new
# disks (the second on SATA, started from a "cloud image" volume as its
# backing store), two NICs (the second e1000e with a given
# MAC), one of the host's PCI devices passed through, and a cloud-init
# seed (hostname, user, SSH key read from a file here, a generated
# password shown once). The host-device picker lists exactly the host's
# PCI and USB node devices (as virsh nodedev-list says); virsh
# domblklist/domiflist/dumpxml agree with what was chosen; the seed
# volume, downloaded through libvirt and read with libisofs, holds the
# user-data made from the page, the generated password included.
set -u
. "$VD_SRC/tests/lib/screen.sh"
. "$VD_SRC/tests/lib/live.sh"
. "$VD_SRC/tests/lib/wizard.sh"
isoread=${VD_BUILD:-$VD_SRC/build}/tests/live/iso_read
name=vdt-wizmulti
work=$(mktemp -d)
cleanup() {
    screen_stop
    vd_cleanup_guests "$name" >/dev/null 2>&1
    for v in "$name.qcow2" "$name-1.qcow2" "$name-cidata.iso" "$name-base.qcow2"; do
        vd_virsh -q vol-delete --pool vdpool "$v" >/dev/null 2>&1
    done
}
trap 'cleanup; rm -rf "$work"' EXIT
cleanup
vd_virsh -q vol-create-as vdpool "$name-base.qcow2" 1M --format qcow2 >/dev/null ||
    screen_fail "cannot create the image volume"
ssh-keygen -q -t ed25519 -N '' -C vdt@wizmulti -f "$work/id" || exit 1
npci=$(vd_virsh -q nodedev-list --cap pci | grep -c .)
nusb=$(vd_virsh -q nodedev-list --cap usb_device | grep -c .)
first_pci=$(vd_virsh -q nodedev-list --cap pci | sort | head -1)
[ "$npci" -gt 0 ] || screen_fail "the harness's host lists no PCI device"

screen_start 120x40 -c "$VD_TEST_URI"
screen_wait_re "Domains \([0-9]+" 15
screen_keys l N
wizard_pxe_to_storage "$name"

# 4: disk 1 of 1 GiB; disk 2, 1 GiB on SATA.
wizard_disk1_size 1
screen_expect "1. new 1 GiB qcow2 volume in vdpool (virtio) $name.qcow2"
screen_keys BTab Enter            # Add disk
screen_wait "New disk"
screen_keys Tab Tab C-u
screen_text 1
screen_keys Tab Tab Tab           # format, name, the cloud image
screen_text "$name-base"
screen_wait_re "\] 1 of [0-9]+, type to search"   # the choice follows the match
screen_keys Tab Right             # bus: sata
screen_wait "< sata >"
screen_keys Enter
screen_wait "2. new 1 GiB qcow2 volume in vdpool (sata) $name-1.qcow2 from vdt-wizm"
screen_keys PgDn

# 5: NIC 2, e1000e with a MAC, on vdnet.
screen_wait "Step 5 of 11: Network"
screen_wait "1. network vdnet, virtio"
screen_keys Tab Enter             # Add NIC
screen_wait "New NIC"
screen_wait_re "Network +< vdnet >"
screen_keys Tab Tab Right         # model: e1000e
screen_wait "< e1000e >"
screen_keys Tab
screen_text "52:54:00:4c:57:02"
screen_keys Enter
screen_wait "2. network vdnet, e1000e, MAC 52:54:00:4c:57:02"
screen_keys PgDn PgDn PgDn PgDn

# 9: the host's devices, as libvirt lists them; the first PCI one.
screen_wait "Step 9 of 11: Host devices"
screen_keys Tab Enter             # Add host device
screen_wait "New host device"
total=$((npci + nusb))
screen_wait_re "\] $total of $total, type to search" 20
shown_pci=$(screen_capture | grep -cE "^ +[●* ] +PCI [0-9a-f]{4}:")
# the list shows 5 rows; every PCI device is found by typing its address
for dev in $(vd_virsh -q nodedev-list --cap pci); do
    addr=$(sed -E 's/^pci_([0-9a-f]{4})_([0-9a-f]{2})_([0-9a-f]{2})_([0-9a-f])$/\1:\2:\3.\4/' <<<"$dev")
    screen_keys C-u
    screen_text "$addr"
    screen_wait_re "PCI $addr " 5
done
echo "picker: $total devices ($npci PCI, $nusb USB), $shown_pci PCI rows on screen"
addr=$(sed -E 's/^pci_([0-9a-f]{4})_([0-9a-f]{2})_([0-9a-f]{2})_([0-9a-f])$/\1:\2:\3.\4/' <<<"$first_pci")
screen_keys C-u
screen_text "$addr"
screen_wait_re "\] 1 of $total, type to search"   # the choice follows the match
screen_keys Enter                 # OK
screen_wait "1. $addr"
screen_keys PgDn

# 10: cloud-init with a generated password and the key file.
screen_wait "Step 10 of 11: Cloud-init"
screen_keys Space
screen_keys Tab
screen_text "wizhost"
screen_keys Tab
screen_text "vduser"
screen_keys Tab
screen_text "$work/id.pub"
screen_keys Tab Space             # Generate a password
screen_wait_re "Generate a password +\[x\]"
screen_keys PgDn

# 11: review, save the XML, create (define only).
screen_wait "Step 11 of 11: Review"
screen_expect "Disk 2:    new 1 GiB qcow2 volume in vdpool (sata) $name-1.qcow2"
screen_expect "NIC 2:     network vdnet, e1000e, MAC 52:54:00:4c:57:02"
screen_expect "Device 1:  $addr"
screen_expect "Cloud-init: hostname wizhost, user vduser, SSH key, generated password"
screen_expect "Seed:      $name-cidata.iso, a CD-ROM"
screen_keys Tab Tab Tab Enter     # Save XML
screen_wait "Save the XML"
screen_keys C-u
screen_text "$work/saved.xml"
screen_keys Enter
screen_wait "Saved the XML to $work/saved.xml"
screen_keys BTab BTab BTab Enter  # Create
screen_wait "Cloud-init password" 60
pw=$(screen_capture | grep -A3 "generated password of vduser on $name" |
     grep -oE '(^|[^A-Za-z0-9])[A-Za-z0-9]{16}([^A-Za-z0-9]|$)' | grep -oE '[A-Za-z0-9]{16}' | head -1)
echo "password shown: ${pw:+16 characters}"
screen_keys Enter
screen_wait_gone "Cloud-init password"
screen_wait "$name created" 15

fails=0
check() {   # check DESCRIPTION COMMAND...
    local what=$1; shift
    if "$@"; then echo "ok: $what"; else echo "FAIL: $what"; fails=$((fails + 1)); fi
}
check "a 16-character password was shown" [ ${#pw} = 16 ]
check "defined, not started" [ "$(vd_virsh domstate "$name")" = "shut off" ]
blk=$(vd_virsh -q domblklist "$name")
echo "$blk"
check "domblklist: disk 1" grep -qE "^ *vda +$name\.qcow2$" <<<"$blk"
check "domblklist: disk 2 on SATA" grep -qE "^ *sd[a-z] +$name-1\.qcow2$" <<<"$blk"
check "domblklist: the seed ISO" grep -qE "^ *sd[a-z] +$name-cidata\.iso$" <<<"$blk"
check "domblklist: three entries" [ "$(wc -l <<<"$blk")" = 3 ]
ifl=$(vd_virsh -q domiflist "$name")
echo "$ifl"
check "domiflist: two interfaces" [ "$(wc -l <<<"$ifl")" = 2 ]
check "domiflist: virtio NIC on vdnet" grep -qE "network +vdnet +virtio" <<<"$ifl"
check "domiflist: e1000e NIC with its MAC" grep -qE "network +vdnet +e1000e +52:54:00:4c:57:02" <<<"$ifl"
xml=$(vd_virsh dumpxml "$name")
IFS=':.' read -r pd pb ps pf <<<"$addr"
check "the PCI device as a hostdev" grep -qzE \
    "<hostdev mode='subsystem' type='pci' managed='yes'>[[:space:]]*<source>[[:space:]]*<address domain='0x$pd' bus='0x$pb' slot='0x$ps' function='0x$pf'/>" <<<"$xml"
check "the saved XML has the hostdev" grep -q "<hostdev mode=\"subsystem\" type=\"pci\"" "$work/saved.xml"
for v in "$name.qcow2" "$name-1.qcow2" "$name-cidata.iso"; do
    check "volume $v exists" vd_virsh -q vol-info --pool vdpool "$v"
done
base=$(vd_virsh vol-path --pool vdpool "$name-base.qcow2")
check "disk 2 starts from the image (backing store)" grep -qzE \
    "<backingStore>[[:space:]]*<path>$base</path>[[:space:]]*<format type='qcow2'/>" \
    <<<"$(vd_virsh vol-dumpxml --pool vdpool "$name-1.qcow2")"
vd_virsh -q vol-download --pool vdpool "$name-cidata.iso" "$work/seed.iso" || exit 1
ud=$("$isoread" "$work/seed.iso" /user-data)
echo "$ud" | sed -E 's/(password: ).*/\1(hidden)/'
check "seed label cidata" [ "$("$isoread" "$work/seed.iso" --volid)" = cidata ]
check "user-data: the user" grep -qF 'name: "vduser"' <<<"$ud"
check "user-data: the key from the file" grep -qF "\"$(cut -d' ' -f1-2 "$work/id.pub")" <<<"$ud"
check "user-data: the password shown" grep -qF "password: \"$pw\"" <<<"$ud"
check "meta-data: the hostname" grep -qx "local-hostname: wizhost" <("$isoread" "$work/seed.iso" /meta-data)
[ "$fails" = 0 ] || { echo "$xml"; screen_fail "$fails check(s) failed"; }
exit 0
