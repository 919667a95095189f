#!/bin/bash
# Internal snapshot of a RUNNING guest, taken with `virtdeck snapshot`
# while SeaBIOS waits at its boot menu prompt: Esc (virsh send-key)
# opens the menu and changes the screen; reverting to the snapshot
# brings back the first screen (virsh screenshot, pixel for pixel) in
# the state asked for (--paused, then --running), and the serial port
# shows the prompt again.
set -u
. "$VD_SRC/tests/harness/lib.sh"
vd_harness_env || exit 1
G=vdt-dsnaprun
PROBE="$VD_BUILD/tests/live/console_probe"
VD="$VD_BIN snapshot -c $VD_TEST_URI"
TMP=$(mktemp -d)
console=""
trap '[ -n "$console" ] && vd_console_stop "$console"; vd_cleanup_guests $G; rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
vd_cleanup_guests $G
vd_define_guest $G --vnc --serial-bios --bootmenu --disk 16 >/dev/null || fail "define"
vd_virsh start --paused $G >/dev/null
vd_wait_state $G paused 30 || fail "$G is not paused"
console=$(vd_console_start $G "$TMP/serial.txt") || fail "no serial console"
vd_virsh resume $G >/dev/null
vd_wait_text "$TMP/serial.txt" "Press ESC for boot menu" 60 ||
    { cat "$TMP/serial.txt"; fail "no boot menu prompt on the serial port"; }
# the VGA screen shows the prompt, with a blinking cursor: keep every
# distinct screenshot over two seconds (the blink phases) as "the first
# screen"
shot() { vd_virsh screenshot $G "$1" >/dev/null || fail "screenshot"; }
phases=()
for i in $(seq 1 10); do
    shot "$TMP/p$i.img"
    new=1
    for p in "${phases[@]}"; do "$PROBE" cmp "$p" "$TMP/p$i.img" >/dev/null && new=0; done
    [ $new = 1 ] && phases+=("$TMP/p$i.img")
    sleep 0.2
done
echo "first screen: ${#phases[@]} blink phase(s)"
[ ${#phases[@]} -le 2 ] || fail "the boot screen does not settle (${#phases[@]} different screens)"
# is_first: a screenshot taken within 4 s equals a phase of the first screen
is_first() {
    local j p
    for j in $(seq 1 20); do
        shot "$TMP/now.img"
        for p in "${phases[@]}"; do "$PROBE" cmp "$p" "$TMP/now.img" && return 0; done
        sleep 0.2
    done
    return 1
}

out=$($VD $G create --name at-menu --description "SeaBIOS boot menu prompt" 2>&1) ||
    fail "create: $out"
echo "$out"
[ "$out" = "Domain snapshot at-menu created" ] || fail "create said: $out"
xml=$(vd_virsh snapshot-dumpxml $G at-menu) || fail "virsh does not see the snapshot"
grep -q "<state>running</state>" <<<"$xml" || fail "the snapshot did not capture a running guest"
grep -q "<memory snapshot='internal'" <<<"$xml" || fail "the memory was not saved internally"
grep -q "<disk name='vda' snapshot='internal'" <<<"$xml" || fail "vda is not an internal snapshot"
[ "$(vd_virsh domstate $G)" = running ] || fail "the guest is not running after the snapshot"
grep -q "Select boot device" "$TMP/serial.txt" && fail "the menu opened before Esc"

vd_virsh send-key $G KEY_ESC >/dev/null || fail "send-key"
vd_wait_text "$TMP/serial.txt" "Select boot device" 30 || fail "Esc did not open the menu"
# the menu differs from every phase of the first screen in far more
# than a cursor's pixels
sleep 1
shot "$TMP/menu.img"
for p in "${phases[@]}"; do
    n=$("$PROBE" cmp "$p" "$TMP/menu.img" | sed -n 's/.*, \([0-9]*\) pixels differ.*/\1/p')
    echo "menu vs first screen: ${n:-?} pixels differ"
    [ "${n:-0}" -gt 200 ] || fail "the screen did not change after Esc"
done

# revert, ending paused: the first screen is back, pixel for pixel
: >"$TMP/serial.txt"
out=$($VD $G revert at-menu --paused 2>&1) || fail "revert --paused: $out"
echo "$out"
vd_wait_state $G paused 30 || fail "not paused after revert --paused"
is_first || fail "the reverted screen is not the first one"

# revert again, ending running: the guest goes on from the prompt
out=$($VD $G revert at-menu --running 2>&1) || fail "revert --running: $out"
vd_wait_state $G running 30 || fail "not running after revert --running"
is_first || fail "the screen after revert --running is not the first one"
grep -q "Select boot device" "$TMP/serial.txt" && fail "the menu is open after the revert"
# the menu is closed again: Esc opens it once more (a new console
# reader: the revert may have given QEMU a new serial pty)
vd_console_stop "$console"
console=$(vd_console_start $G "$TMP/serial2.txt") || fail "no serial console after revert"
vd_virsh send-key $G KEY_ESC >/dev/null
vd_wait_text "$TMP/serial2.txt" "Select boot device" 30 || fail "the guest does not answer after revert"

# revert as captured (running) from shut off
vd_virsh destroy $G >/dev/null
out=$($VD $G revert at-menu 2>&1) || fail "revert: $out"
vd_wait_state $G running 30 || fail "not running after a revert as captured"
echo "PASS"
exit 0
