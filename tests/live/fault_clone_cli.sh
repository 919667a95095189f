#!/bin/bash
# Fault injection (issue 17): libvirtd is SIGKILLed in the middle of
# `virtdeck clone` (the copy of a large sparse disk) and started again.
# The command line has no reconnect to remove the partial copy later,
# so it exits 1 naming it (pool/name) as left on the host; no clone is
# defined; the original's XML and disk are unchanged; the pool holds
# nothing but what it had and, perhaps, the copy it named.
set -u
. "$VD_SRC/tests/harness/lib.sh"
vd_harness_env || exit 1
. "$VD_SRC/tests/lib/fault.sh"
G=vdt-fclcli
pool=lt17fcc-pool
fault_journal vdt-fclcli
mkdir -p "$XDG_STATE_HOME/pooldir"
cleanup() {
    vd_cleanup_guests $G
    vd_virsh -q pool-destroy $pool >/dev/null 2>&1
    vd_virsh -q pool-undefine $pool >/dev/null 2>&1
    fault_journal_cleanup
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }
vd_cleanup_guests $G
vd_virsh -q pool-define-as $pool dir --target "$XDG_STATE_HOME/pooldir" >/dev/null &&
    vd_virsh -q pool-start $pool >/dev/null || fail "could not make the pool $pool"
vd_virsh -q vol-create-as $pool $G.raw 64G --format raw --allocation 0 >/dev/null ||
    fail "vol-create-as"
printf 'virtdeck source marker' | dd of="$XDG_STATE_HOME/pooldir/$G.raw" conv=notrunc status=none
vd_define_guest $G --devices-xml "<disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='$XDG_STATE_HOME/pooldir/$G.raw'/><target dev='vda' bus='virtio'/></disk>" >/dev/null ||
    fail "define"
sum_before=$(head -c 4096 "$XDG_STATE_HOME/pooldir/$G.raw" | sha256sum)
xml_before=$(vd_virsh dumpxml --inactive $G)
doms_before=$(vd_virsh list --all --name | sort | tr '\n' ' ')

"$VD_BIN" clone -c "$VD_TEST_URI" --original $G --auto-clone >"$XDG_STATE_HOME/out" 2>&1 &
pid=$!
# the copy has begun when its file exists
for _ in $(seq 150); do
    [ "$(ls -A "$XDG_STATE_HOME/pooldir" | wc -l)" -gt 1 ] && break
    sleep 0.1
done
[ "$(ls -A "$XDG_STATE_HOME/pooldir" | wc -l)" -gt 1 ] || fail "the copy did not start"
others() { find "$XDG_STATE_HOME/pooldir" -mindepth 1 -maxdepth 1 ! -name "$G.raw" -printf '%f\n'; }
copy=$(others)
vd_daemon_restart || fail "libvirtd did not start again"
rc=0; wait "$pid" || rc=$?
out=$(cat "$XDG_STATE_HOME/out")
echo "$out"
[ "$rc" = 1 ] || fail "clone exited $rc"
grep -qF "the partial copy $pool/$copy is left on the host" <<<"$out" ||
    fail "the message does not name the partial copy $pool/$copy"
[ "$(vd_virsh list --all --name | sort | tr '\n' ' ')" = "$doms_before" ] ||
    fail "the domains changed: $(vd_virsh list --all --name | tr '\n' ' ')"
[ "$(vd_virsh dumpxml --inactive $G)" = "$xml_before" ] || fail "the original's XML changed"
[ "$(head -c 4096 "$XDG_STATE_HOME/pooldir/$G.raw" | sha256sum)" = "$sum_before" ] ||
    fail "the original's disk changed"
left=$(others | tr '\n' ' ')
[ -z "$left" ] || [ "$left" = "$copy " ] || fail "left unnamed in the pool: $left"
echo "PASS (left, as named: '${left:-nothing}')"
exit 0
