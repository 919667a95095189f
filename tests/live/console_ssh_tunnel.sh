#!/bin/bash
# The VNC transport of qemu+ssh hosts: an `ssh -W LISTEN:PORT` child on
# a socketpair, non-interactive (BatchMode, no tty), with the user, port
# and keyfile of the URI. A stand-in `ssh` on $PATH records its argv and
# plays the tunnel (netcat into the harness's namespace, where the
# guest's VNC server listens on 127.0.0.1); the frame that arrives
# through it must equal `virsh screenshot`.
set -u
. "$VD_SRC/tests/harness/lib.sh"
vd_harness_env || exit 1
G=vdt-cssh
PROBE="$VD_BUILD/tests/live/console_probe"
TMP=$(mktemp -d)
trap 'vd_cleanup_guests vdt-cssh; rm -rf "$TMP"' EXIT
vd_cleanup_guests $G
vd_define_guest $G --vnc --serial-bios >/dev/null
vd_virsh start $G >/dev/null
vd_wait_state $G running 30 || { echo "FAIL: $G did not start"; exit 1; }
vd_virsh dumpxml $G >"$TMP/dom.xml"
port=$(sed -n "s/.*<graphics type='vnc' port='\([0-9]*\)'.*/\1/p" "$TMP/dom.xml")
[ -n "$port" ] || { echo "FAIL: no VNC port in the live XML"; exit 1; }

mkdir "$TMP/bin"
cat >"$TMP/bin/ssh" <<EOS
#!/bin/bash
printf '%s\n' "\$@" >"$TMP/argv"
[ -t 0 ] && echo "has a tty" >>"$TMP/argv"
target=""
while [ \$# -gt 0 ]; do [ "\$1" = -W ] && target=\$2; shift; done
exec ip netns exec "$VD_NETNS" nc -N "\${target%:*}" "\${target##*:}"
EOS
chmod +x "$TMP/bin/ssh"

same=0
for _ in $(seq 1 20); do
    PATH="$TMP/bin:$PATH" "$PROBE" tunnel \
        "qemu+ssh://admin@kvm-host.example:2222/system?keyfile=/k/id_ed25519" \
        "$TMP/dom.xml" "$TMP/fb.ppm" 2>"$TMP/probe.log" ||
        { cat "$TMP/probe.log"; echo "FAIL: no frame through the tunnel"; exit 1; }
    vd_virsh screenshot $G "$TMP/virsh.img" >/dev/null
    if "$PROBE" cmp "$TMP/fb.ppm" "$TMP/virsh.img" >"$TMP/cmp.txt"; then
        same=1
        break
    fi
done
cat "$TMP/probe.log" "$TMP/cmp.txt"
[ $same = 1 ] || { echo "FAIL: the frame through the tunnel differs from virsh screenshot"; exit 1; }
want="-T -x -a -o BatchMode=yes -o ConnectTimeout=10 -p 2222 -l admin -i /k/id_ed25519 -W 127.0.0.1:$port -- kvm-host.example"
got=$(tr '\n' ' ' <"$TMP/argv" | sed 's/ $//')
[ "$got" = "$want" ] || { echo "FAIL: ssh was run as: $got"; echo "wanted: $want"; exit 1; }
grep -q "ssh tunnel to 127.0.0.1:$port via kvm-host.example" "$TMP/probe.log" ||
    { echo "FAIL: the transport was not reported"; exit 1; }

# a tunnel that closes at once (ssh refused: no key) is a clear message
cat >"$TMP/bin/ssh" <<'EOS'
#!/bin/bash
exit 255
EOS
PATH="$TMP/bin:$PATH" "$PROBE" tunnel "qemu+ssh://kvm-host.example/system" \
    "$TMP/dom.xml" "$TMP/fb2.ppm" 2>"$TMP/probe2.log" &&
    { echo "FAIL: a dead tunnel gave a frame"; exit 1; }
cat "$TMP/probe2.log"
grep -q "ssh -o BatchMode=yes" "$TMP/probe2.log" ||
    { echo "FAIL: no hint about SSH keys"; exit 1; }
exit 0
