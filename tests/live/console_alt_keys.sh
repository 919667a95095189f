#!/bin/bash
# Alt combinations in the VNC console (issue 7). A terminal sends
# Alt+key as Esc then key; virtdeck sends the guest Alt_L down, the
# key, Alt_L up, while a lone Esc stays Escape. What reaches the guest
# is read from QEMU's own trace of VNC key events (trace-event
# vnc_key_event_map, written to the guest's log by QEMU's log trace
# backend): keysym and press/release, in order. The console's key bar
# shows its own keys only (Esc and F1 go to the guest).
set -u
. "$VD_SRC/tests/lib/screen.sh"
. "$VD_SRC/tests/lib/live.sh"
G=vdt-calt
LOG="$VD_HARNESS_DIR/log/qemu/$G.log"
TMP=$(mktemp -d)
cleanup() { vd_cleanup_guests $G; screen_stop; rm -rf "$TMP"; }
trap cleanup EXIT
vd_cleanup_guests $G
vd_define_guest $G --vnc --serial-bios --bootmenu >/dev/null || exit 1
vd_virsh start $G >/dev/null
vd_wait_state $G running 30 || { echo "FAIL: $G did not start"; exit 1; }
vd_virsh qemu-monitor-command $G --hmp 'trace-event vnc_key_event_map on' >/dev/null ||
    { echo "FAIL: cannot switch QEMU's key trace on"; exit 1; }
vd_virsh qemu-monitor-command $G --hmp 'info trace-events vnc_key_event_map' |
    grep -q "state 1" || { echo "FAIL: QEMU's key trace is off"; exit 1; }

# keys_since OFFSET: the key events QEMU logged after byte OFFSET of
# its log, one "DOWN SYM" a line (1 press, 0 release; hex keysym)
keys_since() {
    tail -c +$(($1 + 1)) "$LOG" |
        sed -n 's/.*vnc_key_event_map down \([01]\), sym 0x\([0-9a-f]*\).*/\1 \2/p'
}
# expect_keys OFFSET WANT...: wait until the events after OFFSET are
# exactly WANT (each "DOWN SYM")
expect_keys() {
    local off=$1 want
    shift
    want=$(printf '%s\n' "$@")
    for _ in $(seq 1 100); do
        [ "$(keys_since "$off")" = "$want" ] && return 0
        sleep 0.05
    done
    echo "want: $(echo "$want" | tr '\n' ' ')"
    echo "got:  $(keys_since "$off" | tr '\n' ' ')"
    screen_fail "the guest did not get the keys expected"
}

screen_start 100x32 -c "$VD_TEST_URI"
trap cleanup EXIT
screen_wait_re "$G +running" 20
screen_keys l
live_select $G
screen_keys v
screen_wait_re "VNC $G [0-9]+x[0-9]+" 15
screen_wait "Ctrl+] leaves"
# the key bar names the keys that do not go to the guest, and not Esc
# or F1, which do
bar=$(screen_capture | tail -n 1)
echo "key bar: $bar"
[[ $bar == *"^]Leave"*"F8Menu"* ]] || screen_fail "the key bar lacks ^] Leave and F8 Menu"
[[ $bar == *Esc* || $bar == *F1* ]] && screen_fail "the key bar claims Esc or F1"

# Alt+x: Alt_L (ffe9) held around x (78)
off=$(stat -c %s "$LOG")
screen_keys M-x
expect_keys "$off" "1 ffe9" "1 78" "0 78" "0 ffe9"
# a lone Esc: Escape (ff1b) alone
off=$(stat -c %s "$LOG")
screen_keys Escape
expect_keys "$off" "1 ff1b" "0 ff1b"
# Alt+Ctrl+c (Esc, ^C): Alt_L, Control_L (ffe3), c (63)
off=$(stat -c %s "$LOG")
screen_keys C-M-c
expect_keys "$off" "1 ffe9" "1 ffe3" "1 63" "0 63" "0 ffe3" "0 ffe9"
# Alt+Enter
off=$(stat -c %s "$LOG")
screen_keys M-Enter
expect_keys "$off" "1 ffe9" "1 ff0d" "0 ff0d" "0 ffe9"
# Esc then the leave key at once: Escape goes to the guest, the
# console closes
off=$(stat -c %s "$LOG")
screen_text $'\e\x1d'
expect_keys "$off" "1 ff1b" "0 ff1b"
screen_wait_re "Domains \([0-9]+\)" 5
exit 0
