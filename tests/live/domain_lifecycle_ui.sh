#!/bin/bash
# Every lifecycle action through the UI, each checked with virsh:
# start, pause/resume, reboot, reset (asks), managed save and restore (s,
# and O in the details view),
# autostart on/off, force off (asks), rename (to a taken name: refused,
# nothing changed; then for real), and bulk start / autostart on two
# marked rows.
set -u
. "$VD_SRC/tests/lib/screen.sh"
. "$VD_SRC/tests/lib/live.sh"
G=vdt-lc
cleanup() { vd_cleanup_guests $G; screen_stop; }
trap cleanup EXIT
vd_cleanup_guests $G
vd_define_guest $G-a >/dev/null || exit 1
vd_define_guest $G-b >/dev/null || exit 1
vd_define_guest $G-c >/dev/null || exit 1

autostart_of() { vd_virsh dominfo "$1" | awk '/^Autostart:/ {print $2}'; }

screen_start 120x36 -c "$VD_TEST_URI" -d 0.5
trap cleanup EXIT
screen_wait_re "$G-c +shut off" 15
screen_keys l
live_select $G-a

# start, pause, resume
screen_keys s
vd_wait_state $G-a running 30 || screen_fail "start: virsh says $(vd_virsh domstate $G-a)"
screen_wait_re "$G-a +running" 10
screen_keys p
vd_wait_state $G-a paused 10 || screen_fail "pause: virsh says $(vd_virsh domstate $G-a)"
screen_wait_re "$G-a +paused +[0-9]" 10   # the row, not the status line
screen_keys p
vd_wait_state $G-a running 10 || screen_fail "resume: virsh says $(vd_virsh domstate $G-a)"
screen_wait_re "$G-a +running" 10

# reboot (no OS to act on it: libvirt accepts it) and reset (asks first)
screen_keys r
screen_wait_re "$G-a is rebooting|reboot $G-a" 10
screen_keys R
screen_wait "Reset $G-a?"
screen_keys n
screen_wait "Cancelled: reset $G-a"
screen_keys R
screen_wait "Reset $G-a?"
screen_keys y
screen_wait "$G-a was reset" 10
vd_wait_state $G-a running 10 || screen_fail "reset: virsh says $(vd_virsh domstate $G-a)"

# autostart on and off
screen_keys a
screen_wait "$G-a: autostart on" 10
[ "$(autostart_of $G-a)" = enable ] || screen_fail "autostart: virsh says $(autostart_of $G-a)"
screen_keys a
screen_wait "$G-a: autostart off" 10
[ "$(autostart_of $G-a)" = disable ] || screen_fail "autostart off: virsh says $(autostart_of $G-a)"

# managed save and restore
screen_keys S
vd_wait_state $G-a "shut off" 30 || screen_fail "managed save: virsh says $(vd_virsh domstate $G-a)"
screen_wait "$G-a saved and stopped" 10
vd_virsh dominfo $G-a | grep -q "Managed save: *yes" || screen_fail "no managed save image"
# s restores from the managed save image (virDomainCreate does)
screen_keys s
vd_wait_state $G-a running 30 || screen_fail "restore: virsh says $(vd_virsh domstate $G-a)"
screen_wait "$G-a started" 10
vd_virsh dominfo $G-a | grep -q "Managed save: *no" || screen_fail "managed save image left"
grep -q "restored" <(vd_virsh domstate --reason $G-a) || screen_fail "not restored: $(vd_virsh domstate --reason $G-a)"
# and O in the details view: save again, restore there; without an
# image, a clear refusal
screen_keys S
vd_wait_state $G-a "shut off" 30 || screen_fail "managed save 2: virsh says $(vd_virsh domstate $G-a)"
screen_keys i
screen_wait "Details of $G-a" 10
screen_wait "managed save image" 10
screen_keys O
vd_wait_state $G-a running 30 || screen_fail "restore (O): virsh says $(vd_virsh domstate $G-a)"
screen_wait "$G-a restored" 10
screen_keys O
screen_wait "has no managed save image" 10
screen_keys Escape
screen_wait_gone "Details of $G-a" 5

# force off (asks first)
screen_keys D
screen_wait "Force off $G-a?"
screen_keys y
vd_wait_state $G-a "shut off" 15 || screen_fail "force off: virsh says $(vd_virsh domstate $G-a)"
screen_wait_re "$G-a +shut off" 10

# rename: to a taken name is refused and changes nothing
screen_keys n
screen_wait "Rename $G-a"
screen_keys C-u
screen_text "$G-b"
screen_keys Enter
screen_wait "a domain named '$G-b' already exists" 10
vd_virsh domuuid $G-a >/dev/null 2>&1 || screen_fail "$G-a is gone after a refused rename"
screen_keys n
screen_wait "Rename $G-a"
screen_keys C-u
screen_text "$G-a2"
screen_keys Enter
screen_wait "$G-a renamed to $G-a2" 10
vd_virsh domuuid $G-a2 >/dev/null 2>&1 || screen_fail "virsh does not know $G-a2"
vd_virsh domuuid $G-a >/dev/null 2>&1 && screen_fail "virsh still knows $G-a"
screen_wait_re "$G-a2 +shut off" 10

# bulk: mark b and c, start both, autostart both
live_select $G-b
screen_keys Space
live_select $G-c
screen_keys Space
screen_keys s
vd_wait_state $G-b running 30 || screen_fail "bulk start b: $(vd_virsh domstate $G-b)"
vd_wait_state $G-c running 30 || screen_fail "bulk start c: $(vd_virsh domstate $G-c)"
screen_keys a
end=$((SECONDS + 10))
until [ "$(autostart_of $G-b)" = enable ] && [ "$(autostart_of $G-c)" = enable ]; do
    [ $SECONDS -lt $end ] || screen_fail "bulk autostart: $(autostart_of $G-b) $(autostart_of $G-c)"
    sleep 0.2
done
[ "$(autostart_of $G-a2)" = disable ] || screen_fail "the unmarked $G-a2 got autostart"
exit 0
