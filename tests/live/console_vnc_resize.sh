#!/bin/bash
# The guest changes its screen size while the VNC console is open
# (issue 7): SeaBIOS starts in 640x480 and switches to 720x400 text.
# The console opened right after the start follows: its title says
# 720x400, it stays connected, and its rows with half blocks are the
# rows where the guest's screen has text. (libvncclient 0.9.14 drops
# QEMU's ExtendedDesktopSize announcement; without virtdeck's own
# SetEncodings the connection ended with "Rect too large".)
set -u
. "$VD_SRC/tests/lib/screen.sh"
. "$VD_SRC/tests/lib/live.sh"
G=vdt-cres
PROBE="$VD_BUILD/tests/live/console_probe"
TMP=$(mktemp -d)
cleanup() { vd_cleanup_guests $G; screen_stop; rm -rf "$TMP"; }
trap cleanup EXIT
vd_cleanup_guests $G
vd_define_guest $G --vnc --serial-bios --bootmenu >/dev/null || exit 1

screen_start 100x32 -c "$VD_TEST_URI"
trap cleanup EXIT
screen_wait_re "$G +shut off" 20
screen_keys l
live_select $G
vd_virsh start $G >/dev/null
screen_wait_re "$G +running" 20
screen_keys v
screen_wait_re "VNC $G [0-9]+x[0-9]+" 15
first=$(screen_line "VNC $G [0-9]+x[0-9]+" | grep -oE '[0-9]+x[0-9]+' | head -1)
echo "the console started at $first"
_screen_poll 30 _screen_has_re "VNC $G 720x400|connection closed" ||
    screen_fail "the console did not reach 720x400"
screen_expect_not "connection closed"
screen_expect_not "Rect too large"
# the picture: rows with half blocks = rows with text (28 x 100 cells)
for _ in $(seq 1 100); do
    vd_virsh screenshot $G "$TMP/now.img" >/dev/null
    "$PROBE" litrows "$TMP/now.img" 28 100 >"$TMP/want.txt"
    screen_capture | sed -n "3,30p" | grep -n '▀' | cut -d: -f1 |
        awk '{ print $1 - 1 }' >"$TMP/got.txt"
    [ -s "$TMP/want.txt" ] && cmp -s "$TMP/want.txt" "$TMP/got.txt" && break
    sleep 0.05
done
cmp -s "$TMP/want.txt" "$TMP/got.txt" || {
    echo "rows with text in the guest's screen: $(tr '\n' ' ' <"$TMP/want.txt")"
    echo "rows with half blocks in the console:  $(tr '\n' ' ' <"$TMP/got.txt")"
    screen_fail "the console does not show the guest's new screen"
}
screen_keys C-]
screen_wait_re "Domains \([0-9]+\)"
exit 0
