#!/bin/bash
# The create wizard's per-device options (issue 13), as virt-install's
# --disk io=, discard=, serial=, readonly=/shareable=, boot.order= and
# --network link_state=, boot.order=: each set in the disk's and the
# NIC's sub-form, a malformed serial or boot order refused as typed
# with the rule, and the saved XML holds them (per-device boot orders,
# no <os><boot dev>) and validates. Nothing is made.
. "$VD_SRC/tests/lib/screen.sh"
. "$VD_SRC/tests/lib/wizard.sh"
out=$(mktemp -d)
trap 'screen_stop; rm -rf "$out"' EXIT
screen_start 100x40 -c "test://$VD_SRC/tests/data/model-host.xml"
screen_wait_re "alpha +running"
screen_keys N
wizard_pxe_to_storage optvm

# Disk 1: I/O, discard, serial, access, boot order.
screen_keys Tab Tab Enter         # Edit disk
screen_wait "Disk 1"
screen_keys Tab Tab Tab Tab Tab Tab Tab Tab     # I/O mode
screen_keys Right
screen_wait "< native >"
screen_keys Tab Right             # Discard
screen_wait "< unmap >"
screen_keys Tab                   # Serial
screen_text "bad serial!"
screen_wait "serial 'bad serial!' must be 1 to 20 letters, digits"
screen_keys Enter
screen_wait "Fix the marked field first: Serial"
screen_keys C-u
screen_text "vd-disk.1"
screen_wait_gone "must be 1 to 20 letters"
screen_keys Tab Right Right       # Access
screen_wait "< shareable (several guests) >"
screen_keys Tab                   # Boot order
screen_text "100"
screen_wait "boot order '100' is not a number from 1 to 99"
screen_keys C-u
screen_text "1"
screen_wait_gone "is not a number from 1 to 99"
screen_keys Enter                 # OK
screen_wait "Step 4 of 11: Storage"

# NIC 1: link down, boot order 2.
screen_keys PgDn
screen_wait "Step 5 of 11: Network"
screen_keys Tab Tab Enter         # Edit NIC
screen_wait "NIC 1"
screen_keys Tab Tab Tab Tab       # Link
screen_keys Right Right
screen_wait "< down >"
screen_keys Tab
screen_text "2"
screen_keys Enter                 # OK
screen_wait "Step 5 of 11: Network"
wizard_network_to_review
screen_keys Tab Tab Tab Enter     # Save XML
screen_wait "Save the XML"
screen_keys C-u
screen_text "$out/optvm.xml"
screen_keys Enter
screen_wait "Saved the XML to $out/optvm.xml"
x=$out/optvm.xml
grep -q 'io="native"' "$x" || screen_fail "no io=native: $(cat "$x")"
grep -q 'discard="unmap"' "$x" || screen_fail "no discard=unmap"
grep -q '<serial>vd-disk.1</serial>' "$x" || screen_fail "no disk serial"
grep -q '<shareable/>' "$x" || screen_fail "the disk is not shareable"
grep -q '<boot order="1"/>' "$x" || screen_fail "no boot order 1 (disk)"
grep -q '<link state="down"/>' "$x" || screen_fail "the NIC's link is not down"
grep -q '<boot order="2"/>' "$x" || screen_fail "no boot order 2 (NIC)"
grep -q '<boot dev=' "$x" && screen_fail "<os><boot dev> beside per-device boot orders"
if command -v virt-xml-validate >/dev/null; then
    virt-xml-validate "$x" domain >/dev/null 2>&1 ||
        screen_fail "the saved XML does not validate: $(virt-xml-validate "$x" domain 2>&1)"
fi
screen_keys PgUp PgUp PgUp PgUp PgUp PgUp PgUp PgUp PgUp PgUp
screen_wait "Step 1 of 11"
screen_keys Escape
screen_wait "Close this form and lose what you entered?"
screen_keys y
screen_wait_gone "New virtual machine" 10
screen_keys q
screen_wait_exit 10 >/dev/null || screen_fail "virtdeck did not quit"
