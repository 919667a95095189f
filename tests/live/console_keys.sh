#!/bin/bash
# Keyboard input through the VNC console: a guest with a 30 s SeaBIOS
# boot menu prompt and the BIOS on the serial port waits at "Press ESC
# for boot menu"; Esc typed in virtdeck's VNC console makes the serial
# port show "Select boot device", and the guest's framebuffer changes.
set -u
. "$VD_SRC/tests/lib/screen.sh"
. "$VD_SRC/tests/lib/live.sh"
G=vdt-ckeys
PROBE="$VD_BUILD/tests/live/console_probe"
TMP=$(mktemp -d)
console=""
trap '[ -n "$console" ] && vd_console_stop "$console"; vd_cleanup_guests vdt-ckeys; screen_stop; rm -rf "$TMP"' EXIT
vd_cleanup_guests $G
uuid=$(vd_define_guest $G --vnc --serial-bios --bootmenu)
vd_virsh start --paused $G >/dev/null
vd_wait_state $G paused 30 || { echo "FAIL: $G is not paused"; exit 1; }
console=$(vd_console_start $G "$TMP/serial.txt")
vd_virsh resume $G >/dev/null
vd_wait_text "$TMP/serial.txt" "Press ESC for boot menu" 30 ||
    { echo "FAIL: no boot menu prompt on the serial port"; cat "$TMP/serial.txt"; exit 1; }

screen_start 100x32 -c "$VD_TEST_URI"
screen_wait_re "$G +running" 20
screen_keys l
live_select $G
screen_keys v
screen_wait_re "VNC $G 720x400" 15
screen_wait "▀" 10
vd_virsh screenshot $G "$TMP/before.img" >/dev/null
grep -q "Select boot device" "$TMP/serial.txt" &&
    { echo "FAIL: the boot menu opened before Esc"; exit 1; }
before=$(screen_capture)

screen_keys Escape
vd_wait_text "$TMP/serial.txt" "Select boot device" 15 ||
    { echo "FAIL: Esc did not reach the guest"; cat "$TMP/serial.txt"; exit 1; }
# the framebuffer changes (the menu is drawn on the VGA screen too)
changed=0
for _ in $(seq 1 50); do
    vd_virsh screenshot $G "$TMP/after.img" >/dev/null
    if ! "$PROBE" cmp "$TMP/before.img" "$TMP/after.img" >"$TMP/cmp.txt"; then
        grep -q "pixels differ" "$TMP/cmp.txt" && { changed=1; break; }
    fi
    sleep 0.1
done
cat "$TMP/cmp.txt"
[ $changed = 1 ] || { echo "FAIL: the guest's screen did not change"; exit 1; }
# and so does the console in the terminal
for _ in $(seq 1 100); do
    [ "$(screen_capture)" != "$before" ] && break
    sleep 0.05
done
[ "$(screen_capture)" != "$before" ] || screen_fail "the console did not redraw"
screen_keys C-]
screen_wait_re "Domains \([0-9]+\)"
exit 0
