#!/bin/bash
# qemu+ssh against an sshd on the harness namespace's loopback, with a key
# made here: virtdeck lists the domains and starts one (virsh agrees).
# Without the key, no password prompt reaches the screen (virtdeck runs
# ssh in batch mode although the sshd offers passwords) and the hint
# names ssh-copy-id. Nothing here touches the machine's ssh setup: the
# sshd has its own config, host key and authorized_keys in the harness
# dir, and libvirt runs ssh through a wrapper (URI command=) that uses
# the test's key and known_hosts with -F none.
set -u
. "$VD_SRC/tests/lib/screen.sh"
. "$VD_SRC/tests/lib/live.sh"
G=vdt-ssh
D=$(mktemp -d "$VD_HARNESS_DIR/ssh.XXXXXX")
WRAP="$D/vd-in-netns"
SOCK="$VD_HARNESS_DIR/run/libvirt/libvirt-sock"
stop_sshd() {
    [ -s "$D/sshd.pid" ] && kill "$(cat "$D/sshd.pid")" 2>/dev/null
    rm -f "$D/sshd.pid"
}
cleanup() { screen_stop; stop_sshd; vd_cleanup_guests $G; rm -rf "$D"; }
# (screen_start sets its own EXIT trap: ours is set again after it)
trap cleanup EXIT
vd_cleanup_guests $G
vd_define_guest $G-a >/dev/null || exit 1

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
PasswordAuthentication yes
KbdInteractiveAuthentication yes
PermitRootLogin yes
StrictModes no
CONF
# ssh with the key, and ssh with no key at all
printf '#!/bin/sh\nexec ssh -F none -o UserKnownHostsFile=%q -o IdentitiesOnly=yes -i %q "$@"\n' \
    "$D/known_hosts" "$D/id_client" >"$D/ssh-key"
printf '#!/bin/sh\nexec ssh -F none -o UserKnownHostsFile=%q -o IdentitiesOnly=yes -o IdentityFile=none "$@"\n' \
    "$D/known_hosts" >"$D/ssh-nokey"
printf '#!/bin/sh\nexec ip netns exec %q %q "$@"\n' "$VD_NETNS" "$VD_BIN" >"$WRAP"
chmod +x "$D/ssh-key" "$D/ssh-nokey" "$WRAP"
mkdir -p /run/sshd     # sshd's compiled-in privilege separation dir
ip netns exec "$VD_NETNS" "$(command -v sshd)" -f "$D/sshd_config" -E "$D/sshd.log" ||
    { cat "$D/sshd.log"; exit 1; }
end=$((SECONDS + 10))
until ip netns exec "$VD_NETNS" bash -c ': </dev/tcp/127.0.0.1/22' 2>/dev/null; do
    [ $SECONDS -lt $end ] || { echo "sshd did not listen"; cat "$D/sshd.log"; exit 1; }
    sleep 0.1
done

# 1. With the key: the domains, and a start that virsh sees.
URI="qemu+ssh://root@127.0.0.1/system?command=$D/ssh-key&socket=$SOCK"
VD_BIN=$WRAP screen_start 110x30 -c "$URI" -d 1
trap cleanup EXIT
screen_wait_re "$G-a +shut off" 20
screen_wait ": connected"
screen_keys l
live_select $G-a
screen_keys s
vd_wait_state $G-a running 30 || screen_fail "virsh says $(vd_virsh domstate $G-a)"
screen_wait_re "$G-a +running" 15
screen_keys q
screen_wait_exit 5 >/dev/null
screen_stop

# 2. Without the key: an error and the ssh-copy-id hint; never a prompt.
URI="qemu+ssh://root@127.0.0.1/system?command=$D/ssh-nokey&socket=$SOCK"
VD_BIN=$WRAP screen_start 110x30 -c "$URI" -d 1
trap cleanup EXIT
screen_wait_re "Permission denied" 20
screen_wait "ssh-copy-id"
# a few retries later there is still no prompt on the screen
screen_wait_re "Retrying in [0-9]+s" 10
for i in 1 2 3; do
    screen_capture | grep -qiE "password:|passphrase|yes/no" &&
        screen_fail "an ssh prompt reached the screen"
    screen_keys F5
    screen_wait_re "Permission denied" 10
done
screen_alive || screen_fail "virtdeck died"
exit 0
