#!/bin/bash
# A migration that cannot work is refused before any migration call: the
# guest's network exists only on the source. The message names the
# network; nothing changes on either host (the guest runs on the source
# with the same definition, the peer has no such guest).
set -u
. "$VD_SRC/tests/harness/lib.sh"
vd_harness_env || exit 1
G=lt-migref
N=lt-migref-net
T=$(mktemp -d)
cleanup() {
    vd_cleanup_guests $G; vd_peer_cleanup_guests $G
    vd_virsh -q net-destroy $N >/dev/null 2>&1; vd_virsh -q net-undefine $N >/dev/null 2>&1
    rm -rf "$T"
}
trap cleanup EXIT
cleanup; T=$(mktemp -d)
# an isolated network without addresses (no dnsmasq), on the source only
cat >"$T/net.xml" <<XML
<network><name>$N</name><bridge name='vdmigref0' stp='off'/></network>
XML
vd_virsh -q net-define "$T/net.xml" >/dev/null && vd_virsh -q net-start $N >/dev/null || exit 1
vd_define_guest $G --network $N >/dev/null || exit 1
vd_virsh -q start $G >/dev/null || exit 1
vd_wait_state $G running 30 || exit 1
vd_virsh -q dumpxml --inactive $G >"$T/before.xml"
vd_peer_virsh -q list --all --name | sort >"$T/peer-before"

for mode in "" --p2p; do
    uri=$VD_PEER_URI
    [ -n "$mode" ] && uri=$VD_PEER_MIGRATE_URI
    "$VD_BIN" migrate -c "$VD_TEST_URI" $G "$uri" $mode --migrate-uri "tcp://$VD_PEER_ADDR" >"$T/out" 2>&1
    rc=$?
    cat "$T/out"
    if [ -z "$mode" ]; then
        [ $rc = 1 ] || { echo "FAIL: exit $rc, wanted 1"; exit 1; }
        grep -q "refused: network '$N' that the guest uses does not exist on the destination" "$T/out" ||
            { echo "FAIL: the refusal does not name the network"; exit 1; }
    else
        # peer-to-peer: the destination is not checked from here; libvirt
        # itself fails, and still nothing changes
        [ $rc = 1 ] || { echo "FAIL: p2p exit $rc, wanted 1"; exit 1; }
        grep -q "$N" "$T/out" || { echo "FAIL: the p2p failure does not name the network"; exit 1; }
    fi
    [ "$(vd_virsh -q domstate $G)" = running ] || { echo "FAIL: $G no longer runs on the source"; exit 1; }
    vd_virsh -q dumpxml --inactive $G | cmp -s - "$T/before.xml" || { echo "FAIL: the definition changed"; exit 1; }
    vd_peer_virsh -q list --all --name | sort | cmp -s - "$T/peer-before" || { echo "FAIL: the peer changed"; exit 1; }
done
echo "PASS: refused with the reason; nothing changed"
exit 0
