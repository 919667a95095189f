#!/bin/bash
# The create wizard's lists (issue 13): disks and NICs are added, edited
# and removed on their pages through a sub-form per item, each field
# checked as it is typed (a volume name another disk makes or the pool
# has, a CD-ROM on virtio, a bad bridge name, a malformed or repeated
# MAC); the cloud-init page checks hostname, user, SSH key (a file read
# on this machine) and that somebody can log in. The review lists every
# item and the saved XML has them all (and validates). Nothing is made.
. "$VD_SRC/tests/lib/screen.sh"
. "$VD_SRC/tests/lib/wizard.sh"
out=$(mktemp -d)
trap 'screen_stop; rm -rf "$out"' EXIT
printf 'this is not a key\n' >"$out/bad.pub"
printf 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGZha2VrZXlmb3J0ZXN0aW5nb25seQ vd@test\n' >"$out/id.pub"
screen_start 100x32 -c "test://$VD_SRC/tests/data/model-host.xml"
screen_wait_re "alpha +running"
screen_keys N
wizard_pxe_to_storage listvm      # PXE: the model host has no ISO

# Storage: one new disk to start with.
screen_wait "1. new 20 GiB qcow2 volume in pool-a (virtio) listvm.qcow2"
screen_keys Tab Enter             # Add disk
screen_wait "New disk"
screen_keys Tab Tab C-u
screen_text 3
screen_keys Tab Right             # raw
screen_wait "< raw >"
screen_keys Tab
screen_text "listvm.qcow2"
screen_wait "disk 1 makes a volume 'listvm.qcow2' in pool 'pool-a' already"
screen_keys Enter
screen_wait "Fix the marked field first: Volume name"
screen_keys C-u
screen_text "delta.qcow2"
screen_wait "pool 'pool-a' already has a volume 'delta.qcow2'"
screen_keys C-u                   # empty: the default name
screen_wait_gone "already has a volume"
screen_keys Enter                 # OK
screen_wait "Step 4 of 11: Storage"
screen_wait "2. new 3 GiB raw volume in pool-a (virtio) listvm-1.img"

# A CD-ROM from a file: the path is checked on the host, virtio refused.
screen_keys Enter                 # Add disk (the focus stayed on it)
screen_wait "New disk"
screen_keys Right Right Right Right
screen_wait "< CD-ROM: ISO file on the host >"
screen_expect "< sata >"          # the bus followed
screen_keys Tab
screen_text "/nonexistent/virtdeck-none.iso"
screen_wait "no file at /nonexistent/virtdeck-none.iso"
screen_keys C-u
screen_text "$VD_SRC/tests/data/model-host.xml"
screen_wait_gone "no file at"
screen_keys Tab Left              # virtio
screen_wait "a CD-ROM cannot be on the virtio bus"
screen_keys Enter
screen_wait "Fix the marked field first: Bus"
screen_keys Right                 # sata again
screen_wait_gone "cannot be on the virtio bus"
screen_keys Enter
screen_wait "3. CD-ROM $VD_SRC/tests/data/model-host.xml (sata)"

# Edit disk 2: choose it in the list, Edit, a new size.
screen_keys BTab Up               # the list: from disk 3 up to disk 2
screen_keys Tab Tab Enter         # Edit disk
screen_wait "Disk 2"
screen_expect "< raw >"
screen_keys Tab Tab C-u
screen_text 4
screen_keys Enter
screen_wait "2. new 4 GiB raw volume in pool-a (virtio) listvm-1.img"
screen_expect_not "2. new 3 GiB"

# Remove disk 3.
screen_keys BTab BTab Down        # the list: disk 3
screen_keys Tab Tab Tab Enter     # Remove disk
screen_wait "Removed disk 3"
screen_expect_not "3. CD-ROM"
screen_expect "2. new 4 GiB raw"
screen_keys PgDn

# Network: a second NIC on a bridge, bad names refused as typed.
screen_wait "Step 5 of 11: Network"
screen_wait_re "1\. network net-(nat|iso), virtio"
screen_keys Tab Enter             # Add NIC
screen_wait "New NIC"
screen_keys Right                 # host bridge
screen_wait "< Host bridge >"
screen_keys Tab
screen_text "bad name!"
screen_wait_re "✗ .*(interface|bridge)"
screen_keys C-u
screen_text "br0"
screen_keys Tab Right             # e1000e
screen_wait "< e1000e >"
screen_keys Tab
screen_text "52:54:00:zz"
screen_wait "MAC address '52:54:00:zz' must look like 52:54:00:12:34:56"
screen_keys C-u
screen_text "52:54:00:12:34:56"
screen_wait_gone "must look like"
screen_keys Enter
screen_wait "2. bridge br0, e1000e, MAC 52:54:00:12:34:56"
# A third NIC may not take the same MAC; Esc drops it (asking first).
screen_keys Enter                 # Add NIC
screen_wait "New NIC"
screen_keys Tab Tab Tab
screen_text "52:54:00:12:34:56"
screen_wait "NIC 2 has the MAC address 52:54:00:12:34:56 already"
screen_keys Escape
screen_wait "Close this form and lose what you entered?"
screen_keys y
screen_wait "Step 5 of 11: Network"
screen_expect_not "3. network"

# Cloud-init: nobody could log in, then bad hostname, user and key.
screen_keys PgDn PgDn PgDn PgDn PgDn
screen_wait "Step 10 of 11: Cloud-init"
screen_keys Space
screen_wait_re "Use cloud-init +\[x\]"
screen_keys PgDn
screen_wait "Fix the marked field first: Password"
screen_wait "give an SSH key or a password, or generate one"
screen_keys Up Up Up Up
screen_text "web_1"
screen_wait "a hostname has only letters, digits, '-' and '.'"
screen_keys C-u
screen_text "web-1"
screen_wait_gone "a hostname has only"
screen_keys Tab
screen_text "Admin"
screen_wait "a user name has at most 32 lower-case letters"
screen_keys C-u
screen_text "admin"
screen_keys Tab
screen_text "$out/none.pub"
screen_wait "cannot read $out/none.pub"
screen_keys C-u
screen_text "$out/bad.pub"
screen_wait "not an SSH public key"
screen_keys C-u
screen_text "$out/id.pub"
screen_wait_gone "not an SSH public key"
screen_wait_gone "give an SSH key or a password"
screen_keys PgDn

# Review: every item; the saved XML holds them and validates.
screen_wait "Step 11 of 11: Review"
screen_expect "Disk 1:    new 20 GiB qcow2 volume in pool-a (virtio) listvm.qcow2"
screen_expect "Disk 2:    new 4 GiB raw volume in pool-a (virtio) listvm-1.img"
screen_expect_re "NIC 1:     network net-(nat|iso), virtio"
screen_expect "NIC 2:     bridge br0, e1000e, MAC 52:54:00:12:34:56"
screen_expect "Cloud-init: hostname web-1, user admin, SSH key"
screen_expect "Seed:      listvm-cidata.iso, a CD-ROM"
screen_keys Tab Tab Tab Enter     # Save XML
screen_wait "Save the XML"
screen_keys C-u
screen_text "$out/listvm.xml"
screen_keys Enter
screen_wait "Saved the XML to $out/listvm.xml"
x=$out/listvm.xml
[ "$(grep -c '<disk ' "$x")" = 3 ] || screen_fail "not 3 disks in the XML: $(cat "$x")"
grep -q 'volume="listvm.qcow2"' "$x" || screen_fail "no disk 1 volume"
grep -q 'volume="listvm-1.img"' "$x" || screen_fail "no disk 2 volume"
grep -q 'volume="listvm-cidata.iso"' "$x" || screen_fail "no seed CD-ROM"
grep -q '<driver name="qemu" type="raw"' "$x" || screen_fail "disk 2 is not raw"
[ "$(grep -c '<interface ' "$x")" = 2 ] || screen_fail "not 2 NICs in the XML"
grep -q '<source bridge="br0"/>' "$x" || screen_fail "no bridge NIC"
grep -q '<mac address="52:54:00:12:34:56"/>' "$x" || screen_fail "no MAC"
grep -q '<model type="e1000e"/>' "$x" || screen_fail "no e1000e"
if command -v virt-xml-validate >/dev/null; then
    virt-xml-validate "$x" domain >/dev/null 2>&1 ||
        screen_fail "the saved XML does not validate: $(virt-xml-validate "$x" domain 2>&1)"
fi
# Nothing was created.
screen_keys PgUp PgUp PgUp PgUp PgUp PgUp PgUp PgUp PgUp PgUp
screen_wait "Step 1 of 11"
screen_keys Escape
screen_wait "Close this form and lose what you entered?"
screen_keys y
screen_wait_re "alpha +running"
screen_expect "4 VMs"
exit 0
