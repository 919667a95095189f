#!/bin/bash
# The serial console is a terminal (libvterm): SeaBIOS starts its serial
# output with ESC c, ESC[?7l and ESC[2J; the view interprets them (the
# banner is on the first row under the title, no sequence shows as
# text), the emulator has the pane's size (the title says it) and keeps
# its content when the terminal is resized, and Esc typed in the view
# reaches the guest as a terminal sends it: SeaBIOS, waiting at "Press
# ESC for boot menu", shows "Select boot device" on the serial port.
set -u
. "$VD_SRC/tests/lib/screen.sh"
. "$VD_SRC/tests/lib/live.sh"
G=vdt-cterm
trap 'vd_cleanup_guests vdt-cterm; screen_stop' EXIT
vd_cleanup_guests $G
vd_define_guest $G --serial-bios --bootmenu >/dev/null
vd_virsh start --paused $G >/dev/null
vd_wait_state $G paused 30 || { echo "FAIL: $G is not paused"; exit 1; }

screen_start 100x32 -c "$VD_TEST_URI"
trap 'vd_cleanup_guests vdt-cterm; screen_stop' EXIT
screen_wait_re "$G +paused" 20
screen_keys l
live_select $G
screen_keys C
screen_wait "Serial console of $G" 10
vd_virsh resume $G >/dev/null
screen_wait "Press ESC for boot menu" 30

# the clear screen put the banner on the terminal's first row
title=$(screen_capture | grep -n -m1 " Serial $G " | cut -d: -f1)
banner=$(screen_capture | grep -n -m1 "^SeaBIOS (version" | cut -d: -f1)
[ -n "$title" ] && [ -n "$banner" ] && [ "$banner" = $((title + 1)) ] ||
    screen_fail "the banner is on row '$banner', the title on row '$title'"
for seq in '[?7l' '[2J' '[0m' '?7l'; do
    screen_expect_not "$seq"
done
# the emulator takes the pane's width and the rows under the title
screen_expect_re " Serial $G 100x2[0-9] "
# the key bar: the view's keys only
screen_expect_re "\^\]Leave +F8Menu +S-PgUpScroll"
screen_expect_not "EscClose"
screen_expect_not "F1Help"

# Esc goes to the guest
screen_keys Escape
screen_wait "Select boot device" 15
screen_expect "SeaBIOS (version"

# a wider terminal: the emulator follows, the text stays
screen_resize 120 36
screen_wait_re " Serial $G 120x3[0-9] " 10
screen_expect "Select boot device"
screen_expect "SeaBIOS (version"

# a short terminal: the top rows go to the scrollback, Shift+PgUp
# brings them into view, typing returns to the live screen
screen_resize 100 9
screen_wait_re " Serial $G 100x[0-9] " 10
screen_expect "1. Legacy option rom"
screen_expect_not "SeaBIOS (version"
screen_keys S-PPage
screen_wait " back]" 5
screen_keys S-PPage                 # a page is the rows shown less 2
screen_wait "SeaBIOS (version" 5
screen_keys S-NPage
screen_keys S-NPage
screen_wait_gone " back]" 5
screen_expect_not "SeaBIOS (version"

# F8 menu: the keys of the view
screen_resize 100 32
screen_keys F8
screen_wait "Keys of the serial console"
screen_keys '?'
screen_wait "Go to the guest as a terminal sends them"
screen_keys Escape
screen_wait_gone "Go to the guest as a terminal sends them"

screen_keys C-]
screen_wait_re "Domains \([0-9]+\)"
exit 0
