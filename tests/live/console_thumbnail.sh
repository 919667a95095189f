#!/bin/bash
# The screenshot thumbnail in the details view (issue 7). A SeaBIOS
# guest waiting at its boot menu prompt has a still 720x400 text screen.
# (1) `i` on it shows the screen right of the text: the rows of the
# thumbnail with half blocks are exactly the rows where the guest's
# screen (virsh screenshot) has text, as the renderer lays it out in the
# thumbnail's cells, at 100x32 and again at 80x24; nothing of it is
# left on the screen after Esc, nor under a menu. (2) A guest that stops
# while its details are open, a shut-off guest and a guest without
# graphics say "No screen: ..." and show no picture. (3) A terminal too
# small for a thumbnail says so.
set -u
. "$VD_SRC/tests/lib/screen.sh"
. "$VD_SRC/tests/lib/live.sh"
G=vdt-thumb
PROBE="$VD_BUILD/tests/live/console_probe"
TMP=$(mktemp -d)
cleanup() { vd_cleanup_guests $G; screen_stop; rm -rf "$TMP"; }
trap cleanup EXIT
vd_cleanup_guests $G
vd_define_guest $G-run --vnc --serial-bios --bootmenu >/dev/null || exit 1
vd_define_guest $G-off --vnc >/dev/null || exit 1
vd_define_guest $G-nog --serial-bios >/dev/null || exit 1
vd_virsh start $G-run >/dev/null
vd_virsh start $G-nog >/dev/null
vd_wait_state $G-run running 30 || { echo "FAIL: $G-run did not start"; exit 1; }
vd_wait_state $G-nog running 30 || { echo "FAIL: $G-nog did not start"; exit 1; }
# (SeaBIOS starts in 640x480, then shows 720x400 text: the view takes a
# new screenshot every 5 s, so "Screen 720x400" comes within seconds)
screen_start 100x32 -c "$VD_TEST_URI"
trap cleanup EXIT
screen_wait_re "$G-run +running" 20
screen_keys l

# thumb_rows X0 ROWS COLS: the screen's rows 2..ROWS+1 (0-based), columns
# X0..X0+COLS-1, are the thumbnail; its rows with half blocks must be
# the rows where the guest's screen has text as the renderer lays it out
# in ROWS x COLS, and no half block may be anywhere else on the screen.
thumb_rows() {
    echo "step: thumb_rows $*" >&2
    local x0=$1 rows=$2 cols=$3 first=3 last=$(($2 + 2))
    for _ in $(seq 1 100); do
        vd_virsh screenshot $G-run "$TMP/now.img" >/dev/null
        "$PROBE" litrows "$TMP/now.img" "$rows" "$cols" >"$TMP/want.txt"
        [ -s "$TMP/want.txt" ] || screen_fail "the guest's screen is black"
        screen_capture >"$TMP/cap.txt"
        sed -n "${first},${last}p" "$TMP/cap.txt" |
            while IFS= read -r l; do printf '%s\n' "${l:$x0:$cols}"; done |
            grep -n '▀' | cut -d: -f1 | awk '{ print $1 - 1 }' >"$TMP/got.txt"
        total=$(grep -o '▀' "$TMP/cap.txt" | wc -l)
        inside=$(sed -n "${first},${last}p" "$TMP/cap.txt" |
            while IFS= read -r l; do printf '%s\n' "${l:$x0:$cols}"; done |
            grep -o '▀' | wc -l)
        if cmp -s "$TMP/want.txt" "$TMP/got.txt" && [ "$total" = "$inside" ]; then
            return 0
        fi
        sleep 0.05
    done
    cat "$TMP/cap.txt"
    echo "rows with text in the guest's screen: $(tr '\n' ' ' <"$TMP/want.txt")"
    echo "rows with half blocks in the thumbnail: $(tr '\n' ' ' <"$TMP/got.txt")"
    echo "half blocks on the screen: $total, in the thumbnail: $inside"
    screen_fail "the thumbnail does not show the guest's text where it is (${cols}x${rows})"
}
no_pixels() {
    ! screen_capture | grep -q '▀'
}

# (1) 100x32: the body is 29 rows x 100 columns; the text keeps 56
# columns, the panel is 43 wide from column 56, 28 rows from row 2
# (under the title line); 720x400 in 43 columns is 24 half rows = 12
# rows, the caption below it.
live_select $G-run
screen_keys i
screen_wait "Screen 720x400" 20
screen_expect "Overview"
thumb_rows 56 12 43
screen_line "Screen 720x400" | grep -qE '^.{56}Screen 720x400' ||
    screen_fail "the caption is not under the thumbnail at column 56"
# a menu over the view: no picture over the menu, back after it
screen_keys m
screen_wait "Domain actions"
_screen_poll 5 no_pixels || screen_fail "the thumbnail stays over the menu"
screen_keys Escape
screen_wait_gone "Domain actions"
thumb_rows 56 12 43
# another view over it (the XML viewer), the help: no picture there
screen_keys X
screen_wait "<domain" 10
_screen_poll 5 no_pixels || screen_fail "the thumbnail stays under the XML viewer"
screen_keys Escape
screen_wait "Screen 720x400"
thumb_rows 56 12 43
screen_keys F1
screen_wait_re "[Hh]elp" 5
_screen_poll 5 no_pixels || screen_fail "the thumbnail stays under the help"
screen_keys Escape
thumb_rows 56 12 43
# 80x24: 21 body rows; the panel is 23 wide from column 56: 13 half
# rows = 7 rows
screen_resize 80 24
thumb_rows 56 7 23
# 180x50: the text keeps 80 columns, the panel is 99 wide: 55 half
# rows = 28 rows
screen_resize 180 50
thumb_rows 80 28 99
# Esc: the domains pane is back with no pixels left behind (its rows
# have long blank runs that curses would not rewrite by itself)
screen_keys Escape
screen_wait_re "Domains \([0-9]+\)"
_screen_poll 5 no_pixels || { screen_capture; screen_fail "pixels left behind after leaving the details"; }

# (3) too small: 70 columns leave no room beside the text
screen_resize 70 24
screen_keys i
screen_wait "the terminal is too small for a thumbnail" 10
_screen_poll 5 no_pixels || screen_fail "a picture although the terminal is too small"
screen_resize 100 32
screen_wait "Screen 720x400" 20
thumb_rows 56 12 43

# the 16-colour and ASCII modes of the renderer: 16 colours show half
# blocks on the same rows; ASCII (no half blocks, a luminance ramp)
# shows characters only on rows where the guest has text
screen_stop
VIRTDECK_CONSOLE_COLORS=16 screen_start 100x32 -c "$VD_TEST_URI"
trap cleanup EXIT
screen_wait_re "$G-run +running" 20
screen_keys l
live_select $G-run
screen_keys i
screen_wait "Screen 720x400" 20
thumb_rows 56 12 43
screen_stop
VIRTDECK_CONSOLE_COLORS=ascii screen_start 100x32 -c "$VD_TEST_URI"
trap cleanup EXIT
screen_wait_re "$G-run +running" 20
screen_keys l
live_select $G-run
screen_keys i
screen_wait "Screen 720x400" 20
ascii_ok() {
    vd_virsh screenshot $G-run "$TMP/now.img" >/dev/null
    "$PROBE" litrows "$TMP/now.img" 12 43 >"$TMP/want.txt"
    screen_capture | sed -n "3,14p" |
        while IFS= read -r l; do printf '%s\n' "${l:56:43}"; done |
        grep -n '[^ ]' | cut -d: -f1 | awk '{ print $1 - 1 }' >"$TMP/got.txt"
    [ -s "$TMP/got.txt" ] && ! grep -qvxFf "$TMP/want.txt" "$TMP/got.txt" &&
        ! screen_capture | grep -q '▀'
}
_screen_poll 10 ascii_ok || {
    echo "rows with text in the guest's screen: $(tr '\n' ' ' <"$TMP/want.txt")"
    echo "rows with characters in the thumbnail: $(tr '\n' ' ' <"$TMP/got.txt")"
    screen_fail "the ASCII thumbnail does not show the guest's text where it is"
}

# (2) the guest stops while its details are open
vd_virsh destroy $G-run >/dev/null
screen_wait "No screen: the domain is not running" 20
_screen_poll 5 no_pixels || { screen_capture; screen_fail "the picture of a stopped guest stays"; }
screen_keys Escape
screen_wait_re "$G-run +shut off" 20
# a shut-off guest, a guest without graphics
live_select $G-off
screen_keys i
screen_wait "No screen: the domain is not running" 20
screen_keys Escape
screen_wait_re "Domains \([0-9]+\)"
live_select $G-nog
screen_keys i
screen_wait "No screen: the domain has no graphics" 20
_screen_poll 2 no_pixels || screen_fail "a picture for a guest without graphics"
screen_keys Escape
exit 0
