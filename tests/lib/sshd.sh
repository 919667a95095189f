# shellcheck shell=bash
# sshd.sh: a private sshd on the harness namespace's loopback, for
# qemu+ssh tests. Nothing touches the machine's ssh setup: the sshd has
# its own config, host key and authorized_keys in a directory under the
# harness dir, and libvirt runs ssh through wrappers (URI command=) that
# use the test's key and known_hosts with -F none.
#
# Source after tests/lib/live.sh. sshd_setup makes $SSHD_DIR with:
#   ssh-key     ssh with the test's key      ssh-nokey   ssh with no key
#   vd-in-netns virtdeck run inside the harness's network namespace
# and starts the sshd; sshd_uri WRAPPER gives the qemu+ssh URI of the
# harness daemon through it.

SSHD_DIR=""

# sshd_setup: keys, config, wrappers; start the sshd (fails the test
# when it does not listen within 10 s).
sshd_setup() {
    SSHD_DIR=$(mktemp -d "$VD_HARNESS_DIR/ssh.XXXXXX")
    local D=$SSHD_DIR
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
    printf '#!/bin/sh\nexec ssh -F none -o UserKnownHostsFile=%q -o IdentitiesOnly=yes -i %q "$@"\n' \
        "$D/known_hosts" "$D/id_client" >"$D/ssh-key"
    printf '#!/bin/sh\nexec ssh -F none -o UserKnownHostsFile=%q -o IdentitiesOnly=yes -o IdentityFile=none "$@"\n' \
        "$D/known_hosts" >"$D/ssh-nokey"
    printf '#!/bin/sh\nexec ip netns exec %q %q "$@"\n' "$VD_NETNS" "$VD_BIN" >"$D/vd-in-netns"
    chmod +x "$D/ssh-key" "$D/ssh-nokey" "$D/vd-in-netns"
    mkdir -p /run/sshd     # sshd's compiled-in privilege separation dir
    sshd_start
}

# sshd_start: start the sshd (again) and wait until it listens.
sshd_start() {
    local end=$((SECONDS + 10))
    ip netns exec "$VD_NETNS" "$(command -v sshd)" -f "$SSHD_DIR/sshd_config" \
        -E "$SSHD_DIR/sshd.log" || { cat "$SSHD_DIR/sshd.log"; exit 1; }
    until ip netns exec "$VD_NETNS" bash -c ': </dev/tcp/127.0.0.1/22' 2>/dev/null; do
        [ $SECONDS -lt $end ] || { echo "sshd did not listen"; cat "$SSHD_DIR/sshd.log"; exit 1; }
        sleep 0.1
    done
}

# sshd_kill: SIGKILL the sshd and every session it serves (the
# transport drops at once, as when a link or the server dies).
sshd_kill() {
    local pid
    [ -s "$SSHD_DIR/sshd.pid" ] || return 0
    pid=$(cat "$SSHD_DIR/sshd.pid")
    # the sessions are the listener's descendants
    pkill -KILL -P "$(pgrep -d, -P "$pid")" 2>/dev/null
    pkill -KILL -P "$pid" 2>/dev/null
    kill -KILL "$pid" 2>/dev/null
    rm -f "$SSHD_DIR/sshd.pid"
}

# sshd_stop: stop the sshd (its sessions go on until they end).
sshd_stop() {
    [ -n "$SSHD_DIR" ] || return 0
    [ -s "$SSHD_DIR/sshd.pid" ] && kill "$(cat "$SSHD_DIR/sshd.pid")" 2>/dev/null
    rm -f "$SSHD_DIR/sshd.pid"
}

# sshd_cleanup: stop the sshd and remove its directory.
sshd_cleanup() {
    [ -n "$SSHD_DIR" ] || return 0
    sshd_kill
    rm -rf "$SSHD_DIR"
}

# sshd_uri WRAPPER: the harness daemon's qemu+ssh URI through
# $SSHD_DIR/WRAPPER (ssh-key or ssh-nokey).
sshd_uri() {
    echo "qemu+ssh://root@127.0.0.1/system?command=$SSHD_DIR/$1&socket=$VD_HARNESS_DIR/run/libvirt/libvirt-sock"
}
