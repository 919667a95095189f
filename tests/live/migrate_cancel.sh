#!/bin/bash
# Cancel in the middle: a --copy-storage-all migration limited to 1 MiB/s
# (a disk of 32 MiB of random bytes: half a minute at least) is cancelled
# with Ctrl-C (SIGINT: virDomainAbortJob) once the job stats show data
# moving. The guest keeps running on the source; nothing is left on the
# peer (no domain, no copy of the disk).
set -u
. "$VD_SRC/tests/harness/lib.sh"
vd_harness_env || exit 1
G=lt-migcan
T=$(mktemp -d)
pid=
cleanup() {
    [ -n "$pid" ] && kill "$pid" 2>/dev/null
    vd_cleanup_guests $G; vd_peer_cleanup_guests $G; rm -rf "$T"
}
trap cleanup EXIT
vd_cleanup_guests $G; vd_peer_cleanup_guests $G

head -c 32M /dev/urandom >"$T/disk.raw" || exit 1
vd_define_guest $G --disk 32 >/dev/null || exit 1
path=$(vd_virsh -q vol-path --pool vdpool $G.qcow2) || exit 1
qemu-img convert -f raw -O qcow2 "$T/disk.raw" "$path" || exit 1
rm -f "$T/disk.raw"
vd_virsh -q start $G >/dev/null || exit 1
vd_wait_state $G running 30 || exit 1

"$VD_BIN" migrate -c "$VD_TEST_URI" $G "$VD_PEER_URI" --live --copy-storage-all \
    --bandwidth 1 --persistent --undefinesource --migrate-uri "tcp://$VD_PEER_ADDR" \
    --verbose >"$T/out" 2>&1 &
pid=$!
# wait until data moves (a progress line with some MiB processed)
end=$((SECONDS + 90))
until grep -Eq '^progress: [a-z-]+ +[0-9]+% [0-9.]*[1-9][0-9.]*/' "$T/out"; do
    if ! kill -0 $pid 2>/dev/null || [ $SECONDS -ge $end ]; then
        cat "$T/out"; echo "FAIL: no progress before the migration ended"; exit 1
    fi
    sleep 0.2
done
# the guest is defined on the peer while the migration runs
vd_peer_virsh -q list --all --name | grep -qx $G || { echo "FAIL: the migration is not under way on the peer"; exit 1; }
kill -INT $pid
end=$((SECONDS + 60))
while kill -0 $pid 2>/dev/null; do
    [ $SECONDS -ge $end ] && { echo "FAIL: migrate did not stop after the cancel"; exit 1; }
    sleep 0.2
done
wait $pid
rc=$?
pid=
cat "$T/out"
[ $rc = 1 ] || { echo "FAIL: exit $rc after cancel, wanted 1"; exit 1; }
grep -q "cancelled: $G keeps running on the source" "$T/out" || { echo "FAIL: no 'cancelled' message"; exit 1; }
[ "$(vd_virsh -q domstate $G)" = running ] || { echo "FAIL: $G is $(vd_virsh -q domstate $G) on the source"; exit 1; }
vd_virsh -q dominfo $G | grep -q "^Persistent: *yes" || { echo "FAIL: the source lost its definition"; exit 1; }
# nothing left on the peer (the destination's half goes away shortly)
end=$((SECONDS + 30))
while vd_peer_virsh -q list --all --name | grep -qx $G; do
    [ $SECONDS -ge $end ] && { echo "FAIL: $G left on the peer"; exit 1; }
    sleep 0.2
done
vd_peer_virsh -q pool-refresh vdpool >/dev/null
if vd_peer_virsh -q vol-list vdpool | grep -q "$G.qcow2"; then
    echo "FAIL: the disk's copy was left on the peer"; exit 1
fi
[ -e "$VD_PEER_HARNESS_DIR/pool/$G.qcow2" ] && { echo "FAIL: $VD_PEER_HARNESS_DIR/pool/$G.qcow2 left"; exit 1; }
echo "PASS: cancelled; $G runs on the source; nothing on the peer"
exit 0
