#!/bin/bash
# The SPICE console of a qemu+ssh host (issue 14): an sshd on the harness
# namespace's loopback (the set-up of ssh_transport.sh: its own config,
# host key and authorized_keys here, ssh run with -F none), virtdeck's
# console probe in that namespace on a qemu+ssh URI. Every SPICE channel
# (main, display, inputs) gets its own `ssh -W 127.0.0.1:PORT` tunnel
# from the worker. The frame through them equals `virsh screenshot`
# pixel for pixel; Esc sent over the tunnel opens SeaBIOS's boot menu
# (the serial port says "Select boot device"); a guest with a SPICE
# password: a wrong one ends with "wrong SPICE password", the right one
# gives the frame.
set -u
. "$VD_SRC/tests/harness/lib.sh"
vd_harness_env || exit 1
G=vdt-csssh
P=vdt-csshpw
PROBE="$VD_BUILD/tests/live/console_probe"
D=$(mktemp -d "$VD_HARNESS_DIR/ssh.XXXXXX")
SOCK="$VD_HARNESS_DIR/run/libvirt/libvirt-sock"
console=""
stop_sshd() {
    [ -s "$D/sshd.pid" ] && kill "$(cat "$D/sshd.pid")" 2>/dev/null
    rm -f "$D/sshd.pid"
}
cleanup() {
    [ -n "$console" ] && vd_console_stop "$console"
    stop_sshd; vd_cleanup_guests vdt-csssh vdt-csshpw; rm -rf "$D"
}
trap cleanup EXIT
vd_cleanup_guests $G $P

command -v sshd >/dev/null || PATH=$PATH:/usr/sbin
command -v sshd >/dev/null || { echo "sshd is not installed (scripts/deps.sh test)"; exit 1; }
chmod 700 "$D"
ssh-keygen -q -t ed25519 -N '' -f "$D/hostkey" || exit 1
ssh-keygen -q -t ed25519 -N '' -f "$D/id_client" || exit 1
cp "$D/id_client.pub" "$D/authorized_keys"
echo "127.0.0.1 $(cut -d' ' -f1,2 "$D/hostkey.pub")" >"$D/known_hosts"
cat >"$D/sshd_config" <<CONF
Port 22
ListenAddress 127.0.0.1
HostKey $D/hostkey
PidFile $D/sshd.pid
AuthorizedKeysFile $D/authorized_keys
UsePAM no
PermitRootLogin yes
StrictModes no
AllowTcpForwarding yes
CONF
# `ssh` on $PATH (the console's tunnels) and command= (libvirt's own
# connection): the real ssh with the test's key and known_hosts; each
# call's arguments are logged
mkdir "$D/bin"
REAL_SSH=$(command -v ssh)
printf '#!/bin/sh\necho "$*" >>%q\nexec %q -F none -o UserKnownHostsFile=%q -o IdentitiesOnly=yes -i %q "$@"\n' \
    "$D/ssh.log" "$REAL_SSH" "$D/known_hosts" "$D/id_client" >"$D/bin/ssh"
chmod +x "$D/bin/ssh"
mkdir -p /run/sshd
ip netns exec "$VD_NETNS" "$(command -v sshd)" -f "$D/sshd_config" -E "$D/sshd.log" ||
    { cat "$D/sshd.log"; exit 1; }
end=$((SECONDS + 10))
until ip netns exec "$VD_NETNS" bash -c ': </dev/tcp/127.0.0.1/22' 2>/dev/null; do
    [ $SECONDS -lt $end ] || { echo "sshd did not listen"; cat "$D/sshd.log"; exit 1; }
    sleep 0.1
done
URI="qemu+ssh://root@127.0.0.1/system?command=$D/bin/ssh&socket=$SOCK"
probe() { ip netns exec "$VD_NETNS" env PATH="$D/bin:$PATH" "$PROBE" "$@"; }

uuid=$(vd_define_guest $G --spice --serial-bios --bootmenu)
vd_virsh start --paused $G >/dev/null
vd_wait_state $G paused 30 || { echo "FAIL: $G is not paused"; exit 1; }
console=$(vd_console_start $G "$D/serial.txt")
vd_virsh resume $G >/dev/null
vd_wait_text "$D/serial.txt" "Press ESC for boot menu" 60 ||
    { echo "FAIL: no boot menu prompt on the serial port"; cat "$D/serial.txt"; exit 1; }
port=$(vd_virsh dumpxml $G | sed -n "s/.*<graphics type='spice' port='\([0-9]*\)'.*/\1/p")
[ -n "$port" ] || { echo "FAIL: no SPICE port in the live XML"; exit 1; }

# (1) Esc through the tunnel opens the boot menu (first: SeaBIOS waits 30 s)
grep -q "Select boot device" "$D/serial.txt" && { echo "FAIL: the boot menu opened before Esc"; exit 1; }
probe keyfb "$URI" "$uuid" ff1b "$D/key.ppm" 2>"$D/key.log" ||
    { cat "$D/key.log"; echo "FAIL: the key probe failed"; exit 1; }
vd_wait_text "$D/serial.txt" "Select boot device" 20 ||
    { cat "$D/key.log" "$D/serial.txt"; echo "FAIL: Esc did not reach the guest through the tunnel"; exit 1; }
# (2) the frame through the tunnels (the boot menu: a still screen)
same=0
for _ in $(seq 1 20); do
    : >"$D/ssh.log"
    probe fb "$URI" "$uuid" "$D/fb.ppm" 2>"$D/probe.log" ||
        { cat "$D/probe.log" "$D/sshd.log"; echo "FAIL: no frame through the ssh tunnel"; exit 1; }
    vd_virsh screenshot $G "$D/virsh.img" >/dev/null
    if "$PROBE" cmp "$D/fb.ppm" "$D/virsh.img" >"$D/cmp.txt" &&
       grep -q "^720x400" "$D/cmp.txt"; then
        same=1
        break
    fi
done
cat "$D/probe.log" "$D/cmp.txt"
[ $same = 1 ] || { echo "FAIL: the frame through the ssh tunnel differs from virsh screenshot"; exit 1; }
grep -q "^protocol spice" "$D/probe.log" || { echo "FAIL: not opened as SPICE"; exit 1; }
n=$(grep -c -- "-W 127.0.0.1:$port -- 127.0.0.1" "$D/ssh.log")
[ "$n" -ge 3 ] || { cat "$D/ssh.log"; echo "FAIL: $n ssh -W tunnels, wanted one per channel (3)"; exit 1; }
grep -q "ssh tunnel to 127.0.0.1:$port via 127.0.0.1" "$D/probe.log" ||
    { echo "FAIL: the transport was not reported"; exit 1; }

vd_console_stop "$console"
console=""

# (3) a password through the tunnel
puuid=$(vd_define_guest $P --spice-password s3cret --serial-bios)
vd_virsh start $P >/dev/null
vd_wait_state $P running 30 || { echo "FAIL: $P did not start"; exit 1; }
probe fb "$URI" "$puuid" "$D/pw.ppm" wrong 2>"$D/wrong.log" &&
    { cat "$D/wrong.log"; echo "FAIL: a wrong SPICE password gave a frame"; exit 1; }
cat "$D/wrong.log"
grep -q "wrong SPICE password" "$D/wrong.log" || { echo "FAIL: no clear message for a wrong password"; exit 1; }
grep -q "s3cret\|wrong$" "$D/ssh.log" && { echo "FAIL: the password reached a command line"; exit 1; }
probe fb "$URI" "$puuid" "$D/pw.ppm" s3cret 2>"$D/right.log" ||
    { cat "$D/right.log"; echo "FAIL: the right SPICE password did not connect"; exit 1; }
grep -q "connected (SPICE)" "$D/right.log" || { echo "FAIL: not connected"; exit 1; }
exit 0
