#!/bin/bash
# The VNC console (issue 7). A SeaBIOS guest waiting at its boot menu
# prompt has a still screen. (1) The framebuffer virtdeck's console
# client receives through VD_CMD_DOM_GRAPHICS (virDomainOpenGraphicsFD)
# equals, pixel for pixel, what `virsh screenshot` returns; so does
# virtdeck's own screenshot command. (2) In the TUI, `v` shows the
# guest's screen: the rows of the console that show half blocks are
# exactly the rows where the guest's screen has text; Ctrl+] leaves.
set -u
. "$VD_SRC/tests/lib/screen.sh"
. "$VD_SRC/tests/lib/live.sh"
G=vdt-cvnc
PROBE="$VD_BUILD/tests/live/console_probe"
TMP=$(mktemp -d)
trap 'vd_cleanup_guests vdt-cvnc; screen_stop; rm -rf "$TMP"' EXIT
vd_cleanup_guests $G
uuid=$(vd_define_guest $G --vnc --serial-bios --bootmenu)
vd_virsh start $G >/dev/null
vd_wait_state $G running 30 || { echo "FAIL: $G did not start"; exit 1; }

# (1) pixel for pixel, retried while SeaBIOS is still drawing (it starts
# in a 640x480 mode, then shows 720x400 text)
same=0
for _ in $(seq 1 40); do
    "$PROBE" fb "$VD_TEST_URI" "$uuid" "$TMP/fb.ppm" 2>"$TMP/probe.log" ||
        { rc=$?; cat "$TMP/probe.log"; echo "FAIL: no framebuffer from the console client (exit $rc)"; exit 1; }
    vd_virsh screenshot $G "$TMP/virsh.img" >/dev/null
    if "$PROBE" cmp "$TMP/fb.ppm" "$TMP/virsh.img" >"$TMP/cmp.txt" &&
       grep -q "^720x400" "$TMP/cmp.txt"; then
        same=1
        break
    fi
done
cat "$TMP/cmp.txt"
[ $same = 1 ] || { echo "FAIL: the console's framebuffer differs from virsh screenshot"; exit 1; }
grep -q "720x400" "$TMP/cmp.txt" || { echo "FAIL: not SeaBIOS's 720x400 text screen"; exit 1; }

# virtdeck's screenshot command (the text cursor blinks: a few tries)
same=0
for _ in $(seq 1 10); do
    "$PROBE" shot "$VD_TEST_URI" "$uuid" "$TMP/shot.ppm" 2>"$TMP/shot.log" ||
        { cat "$TMP/shot.log"; echo "FAIL: virtdeck's screenshot command failed"; exit 1; }
    vd_virsh screenshot $G "$TMP/virsh2.img" >/dev/null
    if "$PROBE" cmp "$TMP/shot.ppm" "$TMP/virsh2.img" >"$TMP/cmp2.txt"; then
        same=1
        break
    fi
done
cat "$TMP/cmp2.txt"
[ $same = 1 ] || { echo "FAIL: virtdeck's screenshot differs from virsh's"; exit 1; }

# (2) the TUI: 100x32 -> the picture has 32 - 4 rows (header, title
# line, status line, key bar) and 100 columns
screen_start 100x32 -c "$VD_TEST_URI"
screen_wait_re "$G +running" 20
screen_keys l
live_select $G
screen_keys v
screen_wait_re "VNC $G 720x400" 15
# rows_match ROWS COLS: the console's rows with half blocks (screen
# rows 3..ROWS+2) are the rows where the guest's screen has text, as the
# renderer lays it out in ROWS x COLS; the other rows are blank.
rows_match() {
    local rows=$1 cols=$2 last=$(($1 + 2))
    vd_virsh screenshot $G "$TMP/now.img" >/dev/null
    "$PROBE" litrows "$TMP/now.img" "$rows" "$cols" >"$TMP/want.txt"
    [ -s "$TMP/want.txt" ] || { echo "FAIL: the guest's screen is black"; exit 1; }
    for _ in $(seq 1 100); do
        screen_capture | sed -n "3,${last}p" | grep -n '▀' | cut -d: -f1 |
            awk '{ print $1 - 1 }' >"$TMP/got.txt"
        if cmp -s "$TMP/want.txt" "$TMP/got.txt"; then
            screen_capture | sed -n "3,${last}p" | grep -v '▀' | grep -q '[^ ]' &&
                screen_fail "text outside the picture's lit rows"
            return 0
        fi
        sleep 0.05
    done
    echo "rows with text in the guest's screen: $(tr '\n' ' ' <"$TMP/want.txt")"
    echo "rows with half blocks in the console:  $(tr '\n' ' ' <"$TMP/got.txt")"
    screen_fail "the console does not show the guest's text where it is (${cols}x${rows})"
}
rows_match 28 100
# the terminal shrinks: the picture is laid out again for 80x24
screen_resize 80 24
rows_match 20 80
# Ctrl+] leaves: the domains pane is back
screen_keys C-]
screen_wait_re "Domains \([0-9]+\)"
exit 0
