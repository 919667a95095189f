#!/bin/bash
# The serial console as a terminal, end to end: the guest boots a
# 512-byte boot sector (tests/live/data/serial_ansi.S) that writes
# escape sequences to COM1 and reads COM1:
# - ESC[2J, SGR bold red, 256-colour orange, a truecolor background:
#   the cells in tmux have those attributes;
# - UTF-8, a wide character too, shows as such;
# - ESC[5;20H: the text lands on row 5, column 20 of the terminal;
# - ESC[6n: the emulator's answer goes back through the stream, and the
#   guest prints it ("DSR:^[[5;26R");
# - keys typed in virtdeck reach the guest as a terminal sends them
#   (the guest prints their bytes in hex): Up is ESC [ A, after the
#   guest's ESC[?1h (application cursor keys) ESC O A; Enter is CR,
#   Esc and Ctrl+C are themselves, F1 is ESC O P;
# - with NO_COLOR the cells keep bold but no colour; with --ascii the
#   characters outside ASCII show as '?' (a wide one as '? ').
set -u
. "$VD_SRC/tests/lib/screen.sh"
. "$VD_SRC/tests/lib/live.sh"
G=vdt-cansi
TMP=$(mktemp -d)
cleanup() { vd_cleanup_guests vdt-cansi; screen_stop; rm -rf "$TMP"; }
trap cleanup EXIT
vd_cleanup_guests $G

as --32 -o "$TMP/boot.o" "$VD_SRC/tests/live/data/serial_ansi.S" &&
    ld -m elf_i386 -Ttext 0x7c00 --oformat binary -e _start \
        -o "$TMP/boot.img" "$TMP/boot.o" ||
    { echo "FAIL: cannot assemble the boot sector (binutils: as, ld)"; exit 1; }
[ "$(stat -c %s "$TMP/boot.img")" = 512 ] || { echo "FAIL: the boot sector is not 512 bytes"; exit 1; }
# a disk of one sector is too small for SeaBIOS to boot from
truncate -s 1M "$TMP/boot.img"
chmod 755 "$TMP"
chmod 644 "$TMP/boot.img"

vd_define_guest $G --serial-bios --devices-xml "    <disk type='file' device='disk'>
      <driver name='qemu' type='raw'/>
      <source file='$TMP/boot.img'/>
      <target dev='vda' bus='virtio'/>
      <readonly/>
    </disk>" >/dev/null || { echo "FAIL: cannot define $G"; exit 1; }
vd_virsh start --paused $G >/dev/null
vd_wait_state $G paused 30 || { echo "FAIL: $G is not paused"; exit 1; }

screen_start 100x32 -c "$VD_TEST_URI"
trap cleanup EXIT
screen_wait_re "$G +paused" 20
screen_keys l
live_select $G
screen_keys C
screen_wait "Serial console of $G" 10
vd_virsh resume $G >/dev/null

# the cursor position report went to the guest and came back
screen_wait "DSR:^[[5;26R" 30
screen_wait "KEYS:" 5

# colours and attributes of the cells
attr=$(screen_attr "RED")
case $attr in *"bold=1"*"fg=31 "*) ;; *) screen_fail "RED has '$attr', not bold red" ;; esac
attr=$(screen_attr "ORANGE")
case $attr in *"fg=208 "*) ;; *) screen_fail "ORANGE has '$attr', not colour 208" ;; esac
attr=$(screen_attr "GREEN")
case $attr in *"bg=d") screen_fail "GREEN has no background: '$attr'" ;; esac
case $attr in *"bg="[0-9]*) ;; *) screen_fail "GREEN has '$attr', not a green background" ;; esac

# ESC[2J ESC[H then the text at row 5, column 20 (1-based)
title=$(screen_capture | grep -n -m1 " Serial $G " | cut -d: -f1)
first=$(screen_capture | sed -n "$((title + 1))p")
case $first in "RED ORANGE GREEN"*) ;; *) screen_fail "row 1 is '$first'" ;; esac
second=$(screen_capture | sed -n "$((title + 2))p")
[ "$second" = "hé € 日!" ] || screen_fail "row 2 is '$second', not the UTF-8 line"
row5=$(screen_capture | sed -n "$((title + 5))p")
[ "${row5:0:25}" = "                   AT5x20" ] || screen_fail "row 5 is '$row5'"
screen_expect_not "Booting from"

# keys, as a terminal sends them
screen_keys Up
screen_wait "KEYS:1B 5B 41" 5
screen_keys Enter Escape C-c F1
screen_wait "KEYS:1B 5B 41 0D 1B 03 1B 4F 50" 5
screen_keys m
screen_wait " APP:" 5
screen_keys Up
screen_wait " APP:1B 4F 41" 5

screen_keys C-]
screen_wait_re "Domains \([0-9]+\)"
screen_stop

# fallbacks: NO_COLOR (attributes only) and --ascii (no UTF-8 glyphs);
# the guest is reset so that it writes its screen again
export NO_COLOR=1
screen_start 100x32 --ascii -c "$VD_TEST_URI"
trap cleanup EXIT
screen_wait_re "$G +running" 20
screen_keys l
live_select $G
screen_keys C
screen_wait "Serial console of $G" 10
vd_virsh reset $G >/dev/null
screen_wait "DSR:^[[5;26R" 30
attr=$(screen_attr "RED")
case $attr in "bold=1 "*"fg=d bg=d") ;; *) screen_fail "RED has '$attr' with NO_COLOR, not bold alone" ;; esac
attr=$(screen_attr "ORANGE")
case $attr in *"fg=d bg=d") ;; *) screen_fail "ORANGE has '$attr' with NO_COLOR" ;; esac
title=$(screen_capture | grep -n -m1 " Serial $G " | cut -d: -f1)
second=$(screen_capture | sed -n "$((title + 2))p")
[ "$second" = "h? ? ? !" ] || screen_fail "row 2 is '$second' with --ascii, not 'h? ? ? !'"
screen_keys C-]
screen_wait_re "Domains \([0-9]+\)"
exit 0
