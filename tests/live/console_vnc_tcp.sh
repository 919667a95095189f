#!/bin/bash
# The VNC console over direct TCP (issue 7): neither a local connection
# (virDomainOpenGraphicsFD) nor qemu+ssh, so virtdeck connects to the
# graphics listen address itself. virtdeck runs inside the harness's
# network namespace and talks to the daemon over
# qemu+tcp://127.0.0.1/system, where the guests' VNC servers are
# reachable.
# (1) A guest listening on 127.0.0.1: the framebuffer received over TCP
#     equals `virsh screenshot` pixel for pixel, and in the TUI the
#     console's rows with half blocks are the rows where the guest's
#     screen has text; the status line names the TCP endpoint.
# (2) A guest listening on 0.0.0.0: reached at the URI's host.
# (3) A guest whose listen address does not answer (SYNs dropped in the
#     namespace): a clear message after the connect timeout, and the TUI
#     is not blocked meanwhile (Ctrl+] leaves at once).
set -u
. "$VD_SRC/tests/lib/screen.sh"
. "$VD_SRC/tests/lib/live.sh"
G=vdt-ctcp
TCP="qemu+tcp://127.0.0.1/system"
PROBE="$VD_BUILD/tests/live/console_probe"
TMP=$(mktemp -d)
WRAP="$VD_HARNESS_DIR/vd-in-netns-$$"
FAR=127.0.0.3
DROP=(INPUT -d "$FAR" -p tcp -j DROP)
cleanup() {
    ip netns exec "$VD_NETNS" iptables -D "${DROP[@]}" 2>/dev/null
    vd_cleanup_guests $G; screen_stop; rm -rf "$TMP" "$WRAP"
}
trap cleanup EXIT
vd_cleanup_guests $G

# graphics XML listening on ADDR (what vd_define_guest --vnc writes for
# 127.0.0.1)
vnc_on() {
    printf "<graphics type='vnc' autoport='yes' listen='%s'><listen type='address' address='%s'/></graphics><video><model type='vga'/></video>" "$1" "$1"
}
uuid=$(vd_define_guest $G-lo --vnc --serial-bios --bootmenu) || exit 1
vd_define_guest $G-any --serial-bios --bootmenu --devices-xml "$(vnc_on 0.0.0.0)" >/dev/null || exit 1
vd_define_guest $G-far --devices-xml "$(vnc_on $FAR)" >/dev/null || exit 1
for g in lo any far; do
    vd_virsh start $G-$g >/dev/null || { echo "FAIL: $G-$g did not start"; exit 1; }
done
for g in lo any far; do
    vd_wait_state $G-$g running 30 || { echo "FAIL: $G-$g is not running"; exit 1; }
done
# nothing answers on the far address from now on: SYNs vanish
ip netns exec "$VD_NETNS" iptables -I "${DROP[@]}" ||
    { echo "FAIL: cannot add the iptables rule in $VD_NETNS"; exit 1; }

# (1) pixel for pixel over TCP (the probe runs in the namespace too;
# retried while SeaBIOS is still drawing)
same=0
for _ in $(seq 1 40); do
    ip netns exec "$VD_NETNS" "$PROBE" fb "$TCP" "$uuid" "$TMP/fb.ppm" 2>"$TMP/probe.log" ||
        { rc=$?; cat "$TMP/probe.log"; echo "FAIL: no framebuffer over TCP (exit $rc)"; exit 1; }
    vd_virsh screenshot $G-lo "$TMP/virsh.img" >/dev/null
    if "$PROBE" cmp "$TMP/fb.ppm" "$TMP/virsh.img" >"$TMP/cmp.txt" &&
       grep -q "^720x400" "$TMP/cmp.txt"; then
        same=1
        break
    fi
done
cat "$TMP/cmp.txt"
[ $same = 1 ] || { echo "FAIL: the framebuffer over TCP differs from virsh screenshot"; exit 1; }
grep -q "(TCP 127.0.0.1:[0-9]*)" "$TMP/probe.log" ||
    { cat "$TMP/probe.log"; echo "FAIL: the console did not go over TCP"; exit 1; }

# the TUI inside the namespace
printf '#!/bin/sh\nexec ip netns exec %q %q "$@"\n' "$VD_NETNS" "$VD_BIN" >"$WRAP"
chmod +x "$WRAP"
VD_BIN=$WRAP screen_start 100x32 -c "$TCP"
trap cleanup EXIT
screen_wait_re "$G-lo +running" 20
screen_keys l
# rows_match NAME: the console's rows with half blocks (screen rows
# 3..30, 28 x 100 cells) are the rows where NAME's screen has text
rows_match() {
    for _ in $(seq 1 100); do
        vd_virsh screenshot "$1" "$TMP/now.img" >/dev/null
        "$PROBE" litrows "$TMP/now.img" 28 100 >"$TMP/want.txt"
        screen_capture | sed -n "3,30p" | grep -n '▀' | cut -d: -f1 |
            awk '{ print $1 - 1 }' >"$TMP/got.txt"
        [ -s "$TMP/want.txt" ] && cmp -s "$TMP/want.txt" "$TMP/got.txt" && return 0
        sleep 0.05
    done
    echo "rows with text in the guest's screen: $(tr '\n' ' ' <"$TMP/want.txt")"
    echo "rows with half blocks in the console:  $(tr '\n' ' ' <"$TMP/got.txt")"
    screen_fail "the console does not show $1's text where it is"
}
live_select $G-lo
screen_keys v
screen_wait_re "VNC $G-lo 720x400" 20
screen_wait_re "VNC $G-lo: .*\(TCP 127\.0\.0\.1:59[0-9][0-9]\)" 5
rows_match $G-lo
screen_keys C-]
screen_wait_re "Domains \([0-9]+\)"

# (2) listening on every address: reached at the URI's host
live_select $G-any
screen_keys v
screen_wait_re "VNC $G-any [0-9]+x[0-9]+" 20
screen_wait_re "VNC $G-any: .*\(TCP 127\.0\.0\.1:59[0-9][0-9]\)" 5
screen_wait_re "VNC $G-any 720x400" 20
rows_match $G-any
screen_keys C-]
screen_wait_re "Domains \([0-9]+\)"

# (3) the far address does not answer: the view says it is connecting,
# Ctrl+] leaves at once all the same; opened again, it ends with the
# connect timeout's message (10 s), not a hang
live_select $G-far
screen_keys v
screen_wait "Connecting to the VNC display of $G-far"
screen_keys C-]
screen_wait_re "Domains \([0-9]+\)" 2
screen_keys v
screen_wait "Connecting to the VNC display of $G-far"
start=$SECONDS
screen_wait_re "cannot connect to VNC at $FAR:59[0-9][0-9]: Connection timed out" 25
echo "the connect gave up after about $((SECONDS - start)) s"
screen_expect "Ctrl+] leaves"
screen_keys C-]
screen_wait_re "Domains \([0-9]+\)"
# the host still answers: the guest is listed as running
screen_wait_re "$G-far +running" 5
exit 0
