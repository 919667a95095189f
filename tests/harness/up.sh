#!/bin/bash
# Start the private libvirtd (QEMU driver) used by the live tests.
#
# usage: tests/harness/up.sh [--tcp] [--tcg] [--peer]
#   --tcp   also listen on TCP 127.0.0.1:16509 (auth none).  That address is
#           the loopback of the harness network namespace, not the host's:
#           reach it with `ip netns exec $VD_NETNS virsh -c qemu+tcp://127.0.0.1/system`.
#   --tcg   never use KVM (also: VD_FORCE_TCG=1).
#   --peer  also start a second daemon (the migration peer) in its own
#           network namespace $VD_NETNS-peer, joined to the first by a veth
#           pair; see README.md "Two daemons for migration".
#
# Environment: VD_HARNESS_DIR (default /tmp/virtdeck-harness),
#              VD_NETNS (default vdtest),
#              VD_HARNESS_CACHE (optional, off by default): a directory
#                 where QEMU capability probes are kept between runs; saves
#                 ~8 s per up.sh.  libvirt re-validates the cache itself
#                 (qemu/libvirtd binaries, kernel, microcode, KVM).
#              VD_LIBVIRTD_LOG_LEVEL (default 3 = warnings; 1 = debug).
# Writes $VD_HARNESS_DIR/env (sourceable) and prints the URI on stdout.
# Idempotent: if a harness daemon is already up, it is torn down first.
# Must run as root.
set -euo pipefail

. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

TCP=0
PEER=0
PEER_OF=
FORCE_TCG=${VD_FORCE_TCG:-0}
while [ $# -gt 0 ]; do
    case $1 in
        --tcp) TCP=1 ;;
        --tcg) FORCE_TCG=1 ;;
        --peer) PEER=1 ;;
        # internal: this daemon is the peer of the harness in DIR
        --peer-of) PEER_OF=${2:?}; shift ;;
        -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
        *) echo "up.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

[ "$(id -u)" = 0 ] || { echo "up.sh: must run as root" >&2; exit 1; }

case $VDH_DIR in
    /*) ;;
    *) echo "up.sh: VD_HARNESS_DIR must be an absolute path" >&2; exit 2 ;;
esac
VDH_DIR=$(realpath -m "$VDH_DIR")
# These trees are replaced or shadowed inside the daemon's mount namespace.
case $VDH_DIR/ in
    //|/run/*|/var/run/*|/var/lib/*|/var/log/*|/var/cache/*|/etc/*)
        echo "up.sh: VD_HARNESS_DIR=$VDH_DIR is under a directory the daemon's mount namespace replaces; use e.g. /tmp/..." >&2
        exit 2 ;;
esac
if ! [[ $VDH_NETNS =~ ^[A-Za-z0-9_.-]{1,32}$ ]]; then
    echo "up.sh: bad VD_NETNS '$VDH_NETNS'" >&2; exit 2
fi
# The unix socket path must fit in sun_path (108 bytes).
if [ $(( ${#VDH_DIR} + 30 )) -gt 107 ]; then
    echo "up.sh: VD_HARNESS_DIR path is too long for a unix socket" >&2; exit 2
fi
export VD_HARNESS_DIR=$VDH_DIR VD_NETNS=$VDH_NETNS

for tool in ip unshare setsid libvirtd virsh qemu-system-x86_64 qemu-img dnsmasq iptables; do
    command -v "$tool" >/dev/null 2>&1 || { echo "up.sh: missing $tool" >&2; exit 1; }
done

fail() {
    echo "up.sh: FAILED: $*" >&2
    vdh_log_tail 60
    exit 1
}

# ---- start from a clean slate -------------------------------------------
if [ -e "$VDH_DIR" ] || vdh_netns_exists; then
    vdh_log "previous harness found; running down.sh first"
    "$VDH_HERE/down.sh" >/dev/null 2>&1 || true
fi

# ---- state dir -------------------------------------------------------------
# down.sh removed an old harness dir; what is left here is not ours, unless
# it is an empty directory (e.g. made by mktemp -d).
if [ -e "$VDH_DIR" ] && { [ ! -d "$VDH_DIR" ] || [ -n "$(ls -A "$VDH_DIR")" ]; }; then
    echo "up.sh: $VDH_DIR exists, is not empty and is not a harness state dir (no $VDH_MARKER); not touching it" >&2
    exit 1
fi
mkdir -p "$VDH_DIR"
: >"$VDH_DIR/$VDH_MARKER"
mkdir -p "$VDH_DIR"/{run/libvirt,lib,log,cache,etc,pool,ns,home}
chmod 0700 "$VDH_DIR"

CAPS_CACHE=${VD_HARNESS_CACHE:-}
if [ -n "$CAPS_CACHE" ] && [ -d "$CAPS_CACHE/qemu-capabilities" ]; then
    mkdir -p "$VDH_DIR/cache/qemu/capabilities"
    find "$CAPS_CACHE/qemu-capabilities" -maxdepth 1 -name '*.xml' -type f \
        -exec cp -p {} "$VDH_DIR/cache/qemu/capabilities/" \;
fi

# ---- network namespace --------------------------------------------------------
ip netns add "$VDH_NETNS" || fail "ip netns add $VDH_NETNS"
ip netns exec "$VDH_NETNS" ip link set lo up || fail "lo up in $VDH_NETNS"

# ---- migration link (--peer) ---------------------------------------------------
# Each daemon of a pair gets its own hostname (UTS namespace), its own
# /etc/hosts naming both ends of the veth link, and its own host_uuid: the
# peer is a different "machine" to libvirt.  The link's subnet is derived
# from VD_NETNS and exists only inside the two namespaces.
LINK=0
if [ "$PEER" = 1 ]; then
    LINK=1
    PEER_NS=$VDH_NETNS-peer
    PEER_DIR=$VDH_DIR/peer
    [ ${#PEER_NS} -le 32 ] || { echo "up.sh: VD_NETNS too long for --peer" >&2; exit 2; }
    h=$(printf '%s' "$VDH_NETNS" | cksum | cut -d' ' -f1)
    LINK_NET=10.$((200 + h % 50)).$(((h / 50) % 250))
    SELF_ADDR=$LINK_NET.1
    PEER_ADDR=$LINK_NET.2
    hn=$(printf '%s' "$VDH_NETNS" | tr -c 'A-Za-z0-9-' '-' | cut -c1-40)
    SELF_HOST=$hn-src
    PEER_HOST=$hn-peer
    printf '127.0.0.1 localhost\n%s %s\n%s %s\n' "$SELF_ADDR" "$SELF_HOST" \
        "$PEER_ADDR" "$PEER_HOST" >"$VDH_DIR/hosts"
    echo "$SELF_HOST" >"$VDH_DIR/hostname"
    echo "$PEER_NS" >"$VDH_DIR/peer-netns"
    mkdir -p "$VDH_DIR/shared"
elif [ -n "$PEER_OF" ]; then
    LINK=1
    cp "$PEER_OF/hosts" "$VDH_DIR/hosts"
    echo "${VDH_PEER_HOSTNAME:?}" >"$VDH_DIR/hostname"
    # The first daemon's pool dir, not shared: here the peer's own dir is
    # mounted on the same path (copy-storage needs a pool at that path).
    echo "$VDH_DIR/pool $PEER_OF/pool" >"$VDH_DIR/binds"
fi

# ---- KVM or TCG --------------------------------------------------------------
# KVM only if /dev/kvm opens read-write and a real QEMU actually executes
# guest code under KVM (SeaBIOS prints its banner on the debug port).
kvm_works() {
    [ -c /dev/kvm ] || return 1
    ( : <>/dev/kvm ) 2>/dev/null || return 1
    local dbg=$VDH_DIR/cache/kvm-probe.log fifo=$VDH_DIR/cache/kvm-probe.qmp qpid rc=0 end
    rm -f "$dbg" "$fifo"
    mkfifo "$fifo" || return 1
    ip netns exec "$VDH_NETNS" timeout 20 qemu-system-x86_64 -accel kvm -M pc \
        -nodefaults -display none -m 16 \
        -chardev "file,id=dbg,path=$dbg" -device isa-debugcon,iobase=0x402,chardev=dbg \
        -qmp stdio <"$fifo" >/dev/null 2>"$VDH_DIR/cache/kvm-probe.err" &
    qpid=$!
    exec 4>"$fifo"
    # Writes go through subshells: if qemu already died, SIGPIPE must not
    # kill this script.
    ( printf '{"execute":"qmp_capabilities"}\n' >&4 ) 2>/dev/null
    end=$((SECONDS + 10))
    while kill -0 "$qpid" 2>/dev/null && [ "$SECONDS" -lt "$end" ] &&
          ! grep -q SeaBIOS "$dbg" 2>/dev/null; do
        sleep 0.05
    done
    ( printf '{"execute":"quit"}\n' >&4 ) 2>/dev/null
    exec 4>&-
    wait "$qpid" || rc=$?
    rm -f "$fifo"
    [ "$rc" = 0 ] && grep -q SeaBIOS "$dbg" 2>/dev/null
}
VIRT_TYPE=qemu
if [ "$FORCE_TCG" != 1 ] && kvm_works; then
    VIRT_TYPE=kvm
fi
vdh_log "accelerator: $VIRT_TYPE"

# ---- configuration -------------------------------------------------------------
# Copy the distribution's top-level config files (libvirt.conf,
# libvirt-admin.conf, ... whatever exists), but none of its subdirectories:
# no default networks, nwfilters, hooks or autostart links from the host.
if [ -d /etc/libvirt ]; then
    find /etc/libvirt -maxdepth 1 -type f -exec cp -p {} "$VDH_DIR/etc/" \;
fi
mkdir -p "$VDH_DIR/etc/qemu/networks/autostart" "$VDH_DIR/etc/storage/autostart"

SOCKDIR=$VDH_DIR/run/libvirt
{
    echo "# written by tests/harness/up.sh"
    echo "unix_sock_dir = \"$SOCKDIR\""
    echo 'unix_sock_group = "root"'
    echo 'unix_sock_ro_perms = "0700"'
    echo 'unix_sock_rw_perms = "0700"'
    echo 'unix_sock_admin_perms = "0700"'
    echo 'auth_unix_ro = "none"'
    echo 'auth_unix_rw = "none"'
    echo 'listen_tls = 0'
    if [ "$LINK" = 1 ]; then
        # the namespace's loopback and the migration link
        echo 'listen_tcp = 1'
        echo 'listen_addr = "0.0.0.0"'
        echo 'tcp_port = "16509"'
        echo 'auth_tcp = "none"'
        echo "host_uuid = \"$(cat /proc/sys/kernel/random/uuid)\""
    elif [ "$TCP" = 1 ]; then
        echo 'listen_tcp = 1'
        echo 'listen_addr = "127.0.0.1"'
        echo 'tcp_port = "16509"'
        echo 'auth_tcp = "none"'
    else
        echo 'listen_tcp = 0'
    fi
    echo 'mdns_adv = 0'
    echo "log_level = ${VD_LIBVIRTD_LOG_LEVEL:-3}"
    echo "log_outputs = \"${VD_LIBVIRTD_LOG_LEVEL:-3}:file:$VDH_DIR/log/libvirtd.log\""
    echo 'keepalive_interval = 5'
    echo 'keepalive_count = 5'
} >"$VDH_DIR/etc/libvirtd.conf"

cat >"$VDH_DIR/etc/qemu.conf" <<'EOF'
# written by tests/harness/up.sh: root, no confinement, no cgroups, no
# per-VM mount namespaces, no virtlogd, no owner tracking.
user = "root"
group = "root"
security_driver = "none"
dynamic_ownership = 0
remember_owner = 0
cgroup_controllers = [ ]
namespaces = [ ]
stdio_handler = "file"
lock_manager = "nop"
vnc_listen = "127.0.0.1"
vnc_auto_unix_socket = 0
vnc_tls = 0
spice_listen = "127.0.0.1"
spice_tls = 0
set_process_name = 1
EOF

: >"$VDH_DIR/daemon-args"
if [ "$TCP" = 1 ] || [ "$LINK" = 1 ]; then echo --listen >>"$VDH_DIR/daemon-args"; fi

# ---- start the daemon ---------------------------------------------------------
vdh_start_daemon || fail "could not start libvirtd"
vdh_wait_daemon 30 || fail "libvirtd does not answer"
PID=$(vdh_daemon_pid) || fail "libvirtd died"
URI=$(vdh_uri)

if [ -n "$CAPS_CACHE" ] && [ -d "$VDH_DIR/cache/qemu/capabilities" ]; then
    if mkdir -p "$CAPS_CACHE/qemu-capabilities"; then
        find "$VDH_DIR/cache/qemu/capabilities" -maxdepth 1 -name '*.xml' -type f \
            -exec cp -p {} "$CAPS_CACHE/qemu-capabilities/" \; || true
    fi
fi

V() { virsh -q -c "$URI" "$@"; }

# ---- NAT network vdnet ---------------------------------------------------------
cat >"$VDH_DIR/cache/vdnet.xml" <<'EOF'
<network>
  <name>vdnet</name>
  <forward mode='nat'/>
  <bridge name='vdbr0' stp='off' delay='0'/>
  <ip address='192.168.150.1' netmask='255.255.255.0'>
    <dhcp>
      <range start='192.168.150.100' end='192.168.150.200'/>
    </dhcp>
  </ip>
</network>
EOF
V net-define "$VDH_DIR/cache/vdnet.xml" >/dev/null || fail "net-define vdnet"
V net-start vdnet >/dev/null || fail "net-start vdnet"

# ---- storage pool vdpool -----------------------------------------------------------
# (the peer's vdpool has the first daemon's path: its own dir is mounted there)
POOL_DIR=$VDH_DIR/pool
[ -n "$PEER_OF" ] && POOL_DIR=$PEER_OF/pool
V pool-define-as vdpool dir --target "$POOL_DIR" >/dev/null || fail "pool-define vdpool"
V pool-start vdpool >/dev/null || fail "pool-start vdpool"
V pool-autostart vdpool --disable >/dev/null 2>&1 || true

# ---- shared storage and the peer (--peer) -------------------------------------------
SHARED_DIR=
if [ "$PEER" = 1 ]; then
    SHARED_DIR=$VDH_DIR/shared
elif [ -n "$PEER_OF" ]; then
    SHARED_DIR=$PEER_OF/shared
fi
if [ -n "$SHARED_DIR" ]; then
    V pool-define-as vdshared dir --target "$SHARED_DIR" >/dev/null || fail "pool-define vdshared"
    V pool-start vdshared >/dev/null || fail "pool-start vdshared"
fi
PEER_ENV=
if [ "$PEER" = 1 ]; then
    peer_opts=()
    [ "$VIRT_TYPE" = qemu ] && peer_opts+=(--tcg)
    VD_HARNESS_DIR=$PEER_DIR VD_NETNS=$PEER_NS VDH_PEER_HOSTNAME=$PEER_HOST \
        "$VDH_HERE/up.sh" --peer-of "$VDH_DIR" "${peer_opts[@]}" >/dev/null ||
        fail "the peer daemon did not start (log: $PEER_DIR/log/libvirtd.log)"
    ip -n "$VDH_NETNS" link add vdmig0 type veth peer name vdmig1 netns "$PEER_NS" ||
        fail "veth pair $VDH_NETNS <-> $PEER_NS"
    ip -n "$VDH_NETNS" addr add "$SELF_ADDR/24" dev vdmig0 || fail "address on vdmig0"
    ip -n "$PEER_NS" addr add "$PEER_ADDR/24" dev vdmig1 || fail "address on vdmig1"
    ip -n "$VDH_NETNS" link set vdmig0 up || fail "vdmig0 up"
    ip -n "$PEER_NS" link set vdmig1 up || fail "vdmig1 up"
    # shellcheck disable=SC1091
    PEER_PID=$(. "$PEER_DIR/env"; echo "$VD_LIBVIRTD_PID")
    PEER_ENV="export VD_PEER_URI='$(VDH_DIR=$PEER_DIR vdh_uri)'
export VD_PEER_MIGRATE_URI='qemu+tcp://$PEER_ADDR/system'
export VD_PEER_ADDR='$PEER_ADDR'
export VD_PEER_HOSTNAME='$PEER_HOST'
export VD_PEER_NETNS='$PEER_NS'
export VD_PEER_HARNESS_DIR='$PEER_DIR'
export VD_PEER_LIBVIRTD_PID='$PEER_PID'
export VD_TEST_MIGRATE_URI='qemu+tcp://$SELF_ADDR/system'
export VD_TEST_ADDR='$SELF_ADDR'
export VD_TEST_HOSTNAME='$SELF_HOST'
export VD_SHARED_DIR='$SHARED_DIR'"
fi

# Written last: its presence means the harness is fully up.
cat >"$VDH_DIR/env" <<EOF
# written by tests/harness/up.sh; source it
export VD_TEST_URI='$URI'
export VD_VIRT_TYPE='$VIRT_TYPE'
export VD_NETNS='$VDH_NETNS'
export VD_HARNESS_DIR='$VDH_DIR'
export VD_LIBVIRTD_PID='$PID'
${PEER_ENV}
EOF

vdh_log "libvirtd pid $PID in netns $VDH_NETNS, state in $VDH_DIR"
echo "$URI"
