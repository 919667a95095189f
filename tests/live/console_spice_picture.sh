#!/bin/bash
# The console's sixel and kitty pictures in the TUI (issue 14), end to
# end: virtdeck runs on a pseudo-terminal that reports 10x20-pixel cells
# (tests/lib/pty_tap.py, inside tmux, $TMUX removed) with --picture
# sixel, then kitty, and opens a SPICE guest's console. What it writes
# to the terminal is cut into its bands (a cursor move + one image per
# cell row), each band decoded independently (libsixel's sixel2png;
# base64 + zlib for kitty) and compared pixel for pixel with the guest's
# `virsh screenshot` scaled as the encoder scales it (console_probe
# picture). Afterwards a still guest screen is not sent again: later
# updates (SeaBIOS's blinking text cursor) send only the band of the
# cursor's row. Then --picture symbols (libchafa, in tmux as is): the
# rows that show something are the rows where the guest's screen has
# text, and they use symbols besides the half block.
set -u
. "$VD_SRC/tests/lib/screen.sh"
. "$VD_SRC/tests/lib/live.sh"
G=vdt-cpic
PROBE="$VD_BUILD/tests/live/console_probe"
TMP=$(mktemp -d)
REAL_BIN=$VD_BIN
cleanup() { vd_cleanup_guests vdt-cpic; screen_stop; rm -rf "$TMP"; }
trap cleanup EXIT
command -v sixel2png >/dev/null || { echo "sixel2png is missing (libsixel-bin, scripts/deps.sh test)"; exit 1; }
vd_cleanup_guests $G
vd_define_guest $G --spice --serial-bios >/dev/null
vd_virsh start $G >/dev/null
vd_wait_state $G running 30 || { echo "FAIL: $G did not start"; exit 1; }
# SeaBIOS ends on a still "No bootable device." screen
for mode in sixel kitty; do
    tap=$TMP/$mode.tap
    : >"$tap"
    printf '#!/bin/sh\nexec %q %q 10 20 -- %q "$@"\n' "$VD_SRC/tests/lib/pty_tap.py" \
        "$tap" "$REAL_BIN" >"$TMP/vd-$mode"
    chmod +x "$TMP/vd-$mode"
    VD_BIN=$TMP/vd-$mode screen_start 100x32 --picture $mode -c "$VD_TEST_URI"
    trap cleanup EXIT
    screen_wait_re "$G +running" 20
    screen_keys l
    live_select $G
    screen_keys v
    screen_wait_re "SPICE $G 720x400 +$mode" 30
    # the picture: rows 3..30 (1-based) of the 100x32 terminal, 28 bands
    ok=0
    for _ in $(seq 1 40); do
        vd_virsh screenshot $G "$TMP/now.img" >/dev/null
        "$PROBE" picture "$TMP/now.img" 100 28 10 20 $mode "$TMP/want.ppm" || exit 1
        if python3 "$VD_SRC/tests/lib/picture_bands.py" "$tap" $mode 3 28 20 \
               "$TMP/want.ppm" "$PROBE" "$TMP" >"$TMP/bands.txt"; then
            ok=1
            break
        fi
        sleep 0.5
    done
    cat "$TMP/bands.txt"
    [ $ok = 1 ] || screen_fail "the $mode picture differs from virsh screenshot"
    first=$(sed -n 's/^sent: //p' "$TMP/bands.txt")
    [ "$first" -ge 28 ] || screen_fail "only $first $mode bands sent for the first picture"
    # a still screen: in the 3 s after, bands of at most 2 rows (the
    # blinking cursor's), never the whole picture again
    sleep 3
    python3 "$VD_SRC/tests/lib/picture_bands.py" "$tap" $mode 3 28 20 \
        "$TMP/want.ppm" "$PROBE" "$TMP" >"$TMP/bands2.txt"
    later=$(sed -n 's/^sent: //p' "$TMP/bands2.txt")
    rows=$(sed -n 's/^rows: //p' "$TMP/bands2.txt" | tr ' ' '\n' | tail -n +$((first + 1)) |
           sort -un | tr '\n' ' ')
    echo "$mode: $first bands up to the comparison, $((later - first)) in the 3 s after, on rows: $rows"
    [ "$(wc -w <<<"$rows")" -le 2 ] || screen_fail "the $mode picture was sent again beyond the changed rows"
    screen_keys C-]
    screen_wait_re "Domains \([0-9]+\)"
    screen_stop
done

# symbols: plain tmux, no pixels needed
screen_start 100x32 --picture symbols -c "$VD_TEST_URI"
trap cleanup EXIT
screen_wait_re "$G +running" 20
screen_keys l
live_select $G
screen_keys v
screen_wait_re "SPICE $G 720x400 +symbols/" 30
ok=0
for _ in $(seq 1 100); do
    vd_virsh screenshot $G "$TMP/now.img" >/dev/null
    "$PROBE" litrows "$TMP/now.img" 28 100 >"$TMP/want.txt"
    screen_capture | sed -n "3,30p" | grep -n '[^ ]' | cut -d: -f1 |
        awk '{ print $1 - 1 }' >"$TMP/got.txt"
    if [ -s "$TMP/want.txt" ] && cmp -s "$TMP/want.txt" "$TMP/got.txt"; then
        ok=1
        break
    fi
    sleep 0.1
done
[ $ok = 1 ] || {
    echo "rows with text in the guest's screen: $(tr '\n' ' ' <"$TMP/want.txt")"
    echo "rows drawn in the console:            $(tr '\n' ' ' <"$TMP/got.txt")"
    screen_fail "the symbols picture does not show the guest's text where it is"; }
screen_capture | sed -n "3,30p" >"$TMP/rows.txt"
python3 -c 'import sys; t = open(sys.argv[1], encoding="utf-8").read()
sys.exit(0 if set(t) - set(" \n\u2580\u2584\u2588") else 1)' "$TMP/rows.txt" ||
    screen_fail "no symbol beyond the half blocks in the symbols picture"
screen_keys C-]
screen_wait_re "Domains \([0-9]+\)"
exit 0
