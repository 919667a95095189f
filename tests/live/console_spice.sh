#!/bin/bash
# The SPICE console (issue 14). A SeaBIOS guest with SPICE graphics and
# a QXL video device, waiting at its boot menu prompt. (1) The frame
# virtdeck's SPICE client receives through VD_CMD_DOM_GRAPHICS
# (virDomainOpenGraphicsFD for the main channel, and again for the
# display and inputs channels) equals `virsh screenshot` pixel for
# pixel. (2) In the TUI, `v` opens it as it opens VNC: the title says
# SPICE and the size, the rows with half blocks are the rows where the
# guest's screen has text; Esc typed there (an XT scancode on the inputs
# channel) opens SeaBIOS's boot menu: the serial port shows "Select boot
# device" and the console redraws. (3) A guest with a SPICE password:
# the TUI asks (masked), a wrong one says "Wrong SPICE password", the
# right one connects.
set -u
. "$VD_SRC/tests/lib/screen.sh"
. "$VD_SRC/tests/lib/live.sh"
G=vdt-cspice
P=vdt-cspicepw
PROBE="$VD_BUILD/tests/live/console_probe"
TMP=$(mktemp -d)
console=""
cleanup() {
    [ -n "$console" ] && vd_console_stop "$console"
    vd_cleanup_guests vdt-cspice vdt-cspicepw; screen_stop; rm -rf "$TMP"
}
# (screen_start sets its own EXIT trap: ours is set again after it)
trap cleanup EXIT
vd_cleanup_guests $G $P
uuid=$(vd_define_guest $G --spice --serial-bios --bootmenu)
vd_virsh start --paused $G >/dev/null
vd_wait_state $G paused 30 || { echo "FAIL: $G is not paused"; exit 1; }
console=$(vd_console_start $G "$TMP/serial.txt")
vd_virsh resume $G >/dev/null
vd_wait_text "$TMP/serial.txt" "Press ESC for boot menu" 60 ||
    { echo "FAIL: no boot menu prompt on the serial port"; cat "$TMP/serial.txt"; exit 1; }

# (1) the TUI: the same key as VNC; Esc first (SeaBIOS waits 30 s)
screen_start 100x32 -c "$VD_TEST_URI"
trap cleanup EXIT
screen_wait_re "$G +running" 20
screen_keys l
live_select $G
screen_keys v
screen_wait_re "SPICE $G 720x400" 30
screen_wait "▀" 10
grep -q "Select boot device" "$TMP/serial.txt" &&
    { echo "FAIL: the boot menu opened before Esc"; exit 1; }
before=$(screen_capture)
screen_keys Escape
vd_wait_text "$TMP/serial.txt" "Select boot device" 20 ||
    { echo "FAIL: Esc did not reach the guest over SPICE"; cat "$TMP/serial.txt"; exit 1; }
for _ in $(seq 1 100); do
    [ "$(screen_capture)" != "$before" ] && break
    sleep 0.05
done
[ "$(screen_capture)" != "$before" ] || screen_fail "the SPICE console did not redraw"
# the rows with half blocks are the rows of the boot menu's text
vd_virsh screenshot $G "$TMP/now.img" >/dev/null
"$PROBE" litrows "$TMP/now.img" 28 100 >"$TMP/want.txt"
[ -s "$TMP/want.txt" ] || { echo "FAIL: the guest's screen is black"; exit 1; }
for _ in $(seq 1 100); do
    screen_capture | sed -n "3,30p" | grep -n '▀' | cut -d: -f1 |
        awk '{ print $1 - 1 }' >"$TMP/got.txt"
    cmp -s "$TMP/want.txt" "$TMP/got.txt" && break
    sleep 0.05
done
cmp -s "$TMP/want.txt" "$TMP/got.txt" || {
    echo "rows with text in the guest's screen: $(tr '\n' ' ' <"$TMP/want.txt")"
    echo "rows with half blocks in the console:  $(tr '\n' ' ' <"$TMP/got.txt")"
    screen_fail "the SPICE console does not show the guest's text where it is"; }
screen_keys C-]
screen_wait_re "Domains \([0-9]+\)"
screen_stop

# (2) pixel for pixel (the boot menu: a still 720x400 text screen)
same=0
for _ in $(seq 1 30); do
    "$PROBE" fb "$VD_TEST_URI" "$uuid" "$TMP/fb.ppm" 2>"$TMP/probe.log" ||
        { rc=$?; cat "$TMP/probe.log"; echo "FAIL: no frame from the SPICE client (exit $rc)"; exit 1; }
    vd_virsh screenshot $G "$TMP/virsh.img" >/dev/null
    if "$PROBE" cmp "$TMP/fb.ppm" "$TMP/virsh.img" >"$TMP/cmp.txt" &&
       grep -q "^720x400" "$TMP/cmp.txt"; then
        same=1
        break
    fi
done
cat "$TMP/probe.log" "$TMP/cmp.txt"
grep -q "^protocol spice" "$TMP/probe.log" || { echo "FAIL: not opened as SPICE"; exit 1; }
grep -q "channel socket: SPICE console of $G" "$TMP/probe.log" ||
    { echo "FAIL: the channels did not get their sockets from the worker"; exit 1; }
# a slow run (sanitizers) may catch the two pictures in different blink
# phases of the text cursor every time: then only one text cell (9x16)
# may differ, nowhere else
if [ $same = 0 ] && grep -q "^720x400" "$TMP/cmp.txt"; then
    box=$(sed -n 's/^differing box \([0-9]*\)x\([0-9]*\) at .*/\1 \2/p' "$TMP/cmp.txt")
    set -- $box
    [ -n "$box" ] && [ "$1" -le 9 ] && [ "$2" -le 16 ] && same=1 &&
        echo "only the text cursor's cell differs (its blink phase)"
fi
[ $same = 1 ] || { echo "FAIL: the SPICE frame differs from virsh screenshot"; exit 1; }

vd_console_stop "$console"
console=""

# (3) a password
vd_define_guest $P --spice-password s3cret --serial-bios >/dev/null
vd_virsh start $P >/dev/null
vd_wait_state $P running 30 || { echo "FAIL: $P did not start"; exit 1; }
screen_start 100x32 -c "$VD_TEST_URI"
trap cleanup EXIT
screen_wait_re "$P +running" 20
screen_keys l
live_select $P
screen_keys v
screen_wait "SPICE password for $P" 20
screen_expect "Password:"
screen_keys w r o n g
screen_wait "*****"
screen_expect_not "wrong"
screen_keys Enter
screen_wait "Wrong SPICE password; try again" 20
screen_keys s 3 c r e t Enter
screen_wait_re "SPICE $P [0-9]+x[0-9]+" 30
screen_expect_not "Wrong SPICE password"
screen_expect_not "s3cret"
screen_wait "▀" 15
screen_keys C-]
screen_wait_re "Domains \([0-9]+\)"
exit 0
