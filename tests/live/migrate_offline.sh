#!/bin/bash
# Offline migration of a shut off guest: `virtdeck migrate` picks offline
# by itself; the guest is defined (persistent, shut off) on the peer and,
# with --undefinesource, gone from the source.
set -u
. "$VD_SRC/tests/harness/lib.sh"
vd_harness_env || exit 1
G=lt-migoff
T=$(mktemp -d)
cleanup() { vd_cleanup_guests $G; vd_peer_cleanup_guests $G; rm -rf "$T"; }
trap cleanup EXIT
vd_cleanup_guests $G; vd_peer_cleanup_guests $G
uuid=$(vd_define_guest $G --memory 48) || exit 1

# --live on a shut off guest is refused with the reason
"$VD_BIN" migrate -c "$VD_TEST_URI" $G "$VD_PEER_URI" --live >"$T/live" 2>&1
rc=$?
[ $rc = 1 ] && grep -q "refused: $G is shut off: only an offline migration can move it" "$T/live" ||
    { cat "$T/live"; echo "FAIL: --live of a shut off guest (exit $rc)"; exit 1; }

"$VD_BIN" migrate -c "$VD_TEST_URI" $G "$VD_PEER_URI" --undefinesource --verbose >"$T/out" 2>&1
rc=$?
cat "$T/out"
[ $rc = 0 ] || { echo "FAIL: migrate exited $rc"; exit 1; }
grep -q "offline, persistent on the destination, undefine the source" "$T/out" ||
    { echo "FAIL: not an offline persistent migration"; exit 1; }
vd_peer_virsh -q dominfo $G >"$T/info" || { echo "FAIL: $G not on the peer"; exit 1; }
grep -q "^State: *shut off" "$T/info" || { cat "$T/info"; echo "FAIL: not shut off on the peer"; exit 1; }
grep -q "^Persistent: *yes" "$T/info" || { cat "$T/info"; echo "FAIL: not persistent on the peer"; exit 1; }
[ "$(vd_peer_virsh -q domuuid $G)" = "$uuid" ] || { echo "FAIL: another UUID on the peer"; exit 1; }
vd_virsh -q dominfo $G >/dev/null 2>&1 && { echo "FAIL: still defined on the source"; exit 1; }
echo "PASS: $G defined on the peer, gone from the source"
exit 0
