#!/bin/bash
# Fault injection (issue 17): a create with a new volume (the wizard's
# Create) caught in the middle: libvirtd is frozen (SIGSTOP) the moment
# the new volume's file appears in the pool's directory, then SIGKILLed
# and started again. The create fails, saying the volume will be deleted
# once the host is back; virtdeck reconnects by itself, deletes it and
# says so (status line and journal); no domain is defined; virsh list
# --all, vol-list and the pool's directory end as they began.
set -u
. "$VD_SRC/tests/lib/screen.sh"
. "$VD_SRC/tests/lib/live.sh"
. "$VD_SRC/tests/lib/fault.sh"
. "$VD_SRC/tests/lib/wizard.sh"
name=vdt-fcreate
fault_journal vdt-fcreate
cleanup() {
    fault_journal_cleanup
    screen_stop
    vd_cleanup_guests "$name" >/dev/null 2>&1
    vd_virsh -q vol-delete --pool vdpool "$name.qcow2" >/dev/null 2>&1
}
trap cleanup EXIT
vd_cleanup_guests "$name" >/dev/null 2>&1
vd_virsh -q vol-delete --pool vdpool "$name.qcow2" >/dev/null 2>&1
pooldir=$(fault_pool_dir vdpool)
[ -d "$pooldir" ] || screen_fail "no directory for vdpool: '$pooldir'"
before=$(fault_hosts)
files_before=$(ls -A "$pooldir")

screen_start 100x30 -c "$VD_TEST_URI"
screen_wait_re "Domains \([0-9]+" 15
live_wizard_to_network "$name" 1
wizard_network_to_review
screen_expect "new 1 GiB qcow2 volume in vdpool"

# freeze the daemon the moment the volume's file is made
fault_freeze_on "$pooldir" "$name.qcow2"
screen_keys Enter                 # Create
fault_frozen || screen_fail "the daemon was not frozen"
screen_capture | grep -q "$name created" && screen_fail "the create ended before the daemon froze"

vd_daemon_restart || screen_fail "libvirtd did not start again"
# the create's failure says what became of the volume, then the
# reconnect's sweep removes it (the status line; both in the journal)
screen_wait_re "removed the (partial|new) volume of the interrupted create" 40
fault_hosts_same "$before"
[ "$(ls -A "$pooldir")" = "$files_before" ] || screen_fail "left in the pool dir: $(ls -A "$pooldir")"
grep -F '"action":"create"' "$J" | grep -o '"message":"[^"]*"'
grep -qE "create: .*the connection was lost: the (partial|new) volume vdpool/$name.qcow2 will be deleted when the host is connected again" "$J" ||
    screen_fail "the journal does not hold the create's end: $(cat "$J")"
grep -qE "\"leftover\".*connected again: removed the (partial|new) volume of the interrupted create" "$J" ||
    screen_fail "the journal does not hold the removal: $(cat "$J")"
screen_expect "Step 11 of 11: Review"     # the form is kept
# close the wizard (Esc steps back a page, on the first it asks)
for _ in $(seq 12); do
    screen_keys Escape
    _screen_poll 1 _screen_has "Discard?" && break
done
screen_keys y
screen_wait_gone "New virtual machine" 10
screen_keys q
screen_wait_exit 10 >/dev/null || screen_fail "virtdeck did not quit"
exit 0
