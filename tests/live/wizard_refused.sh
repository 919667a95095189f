#!/bin/bash
# Live test: when the daemon refuses (here: starting a guest on a host
# bridge that does not exist), the wizard shows libvirt's message on the
# review page and keeps the form; nothing is left on the host (no
# domain, and the new volume is removed again). Fixing the field on its
# page and creating again then works, without retyping anything.
set -u
. "$VD_SRC/tests/lib/screen.sh"
. "$VD_SRC/tests/lib/live.sh"
. "$VD_SRC/tests/lib/wizard.sh"
name=vdt-wizard-refused
cleanup() {
    screen_stop
    vd_cleanup_guests "$name" >/dev/null 2>&1
    vd_virsh -q vol-delete --pool vdpool "$name.qcow2" >/dev/null 2>&1
}
trap cleanup EXIT
cleanup

screen_start 80x24 -c "$VD_TEST_URI"
screen_wait_re "Domains \([0-9]+" 15
screen_keys l N
wizard_pxe_to_storage "$name"
wizard_disk1_size 1
screen_keys PgDn
screen_wait "Step 5 of 11: Network"
screen_keys Tab Tab Enter         # Edit NIC
screen_wait "NIC 1"
screen_keys Right                 # host bridge
screen_wait "< Host bridge >"
screen_keys Tab
screen_text "nosuchbr0"
screen_keys Enter                 # OK
screen_wait "1. bridge nosuchbr0"
wizard_network_to_review
screen_expect "bridge nosuchbr0"
screen_keys Tab Enter             # Create and start
screen_wait "could not start '$name'" 60
screen_expect "Step 11 of 11: Review"
screen_expect "bridge nosuchbr0"
msg=$(screen_capture | grep -F "could not start" | head -1)
echo "refused with: $msg"
vd_virsh -q dominfo "$name" >/dev/null 2>&1 && screen_fail "the domain was left defined"
vd_virsh -q vol-info --pool vdpool "$name.qcow2" >/dev/null 2>&1 &&
    screen_fail "the new volume was left in the pool"

# Fix the network on its page; create (without start) works.
screen_keys PgUp PgUp PgUp PgUp PgUp PgUp
screen_wait "Step 5 of 11: Network"
screen_keys Tab Tab Enter         # Edit NIC
screen_wait "NIC 1"
screen_expect "nosuchbr0"
screen_keys Left                  # virtual network
screen_wait "< Virtual network >"
screen_keys Enter                 # OK
screen_wait "1. network vdnet"
screen_keys PgDn PgDn PgDn PgDn PgDn PgDn
screen_wait "Step 11 of 11: Review"
screen_expect "Name:      $name"
screen_expect "network vdnet"
screen_keys Enter                 # Create
screen_wait "$name created" 60
vd_virsh -q dominfo "$name" >/dev/null || screen_fail "no domain after create"
vd_virsh -q vol-info --pool vdpool "$name.qcow2" >/dev/null || screen_fail "no volume after create"
[ "$(vd_virsh domstate "$name")" = "shut off" ] || screen_fail "Create started it: $(vd_virsh domstate "$name")"
exit 0
