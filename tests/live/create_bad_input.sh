#!/bin/bash
# Live test: `virtdeck create` refuses bad input on the private libvirtd
# with the validators' messages, exits non-zero and leaves nothing behind;
# a define the daemon rejects removes the new volume again; XML special
# characters in a name and a password are escaped, '/' is refused.
set -u
src=$(cd "$(dirname "$0")/../.." && pwd)
. "$src/tests/harness/lib.sh"
vd_harness_env || exit 1
bin=${VD_BIN:-$src/build/virtdeck}
P=lt-create-bad
fails=0

cleanup() {
    vd_cleanup_guests "$P" >/dev/null 2>&1
    vd_virsh -q vol-delete --pool vdpool "$P-rej.qcow2" >/dev/null 2>&1
    vd_virsh -q net-undefine "$P-net" >/dev/null 2>&1
}
trap cleanup EXIT
cleanup

# What the host holds, to prove that nothing was created.
state() {
    vd_virsh -q list --all --name | sort
    vd_virsh -q vol-list vdpool | awk '{print $1}' | sort
}

# expect_refused DESCRIPTION MESSAGE ARGS...: create must exit non-zero,
# print MESSAGE (a fixed string) and change nothing.
expect_refused() {
    local what=$1 want=$2 before after out rc
    shift 2
    before=$(state)
    out=$("$bin" create -c "$VD_TEST_URI" --virt-type "$VD_VIRT_TYPE" "$@" 2>&1)
    rc=$?
    after=$(state)
    if [ "$rc" = 0 ]; then
        echo "FAIL: $what: exit 0 (output: $out)"; fails=$((fails + 1)); return
    fi
    if [[ "$out" != *"$want"* ]]; then
        echo "FAIL: $what: message '$out' lacks '$want'"; fails=$((fails + 1)); return
    fi
    if [ "$before" != "$after" ]; then
        echo "FAIL: $what: the host changed:"; diff <(echo "$before") <(echo "$after")
        fails=$((fails + 1)); return
    fi
    echo "ok: $what: $out"
}

vd_define_guest "$P-exists" >/dev/null || exit 1
host_mib=$(( $(vd_virsh nodeinfo | awk '/Memory size/ {print $3}') / 1024 ))

expect_refused "existing name" "virtdeck create: name is already used on this host" \
    --name "$P-exists" --memory 64 --disk none
expect_refused "slash in the name" "virtdeck create: name may not contain '/'" \
    --name "a/b" --memory 64 --disk none
expect_refused "memory 0" "virtdeck create: memory must be at least 1 MiB" \
    --name "$P-m0" --memory 0 --disk none
expect_refused "memory above the host's" \
    "virtdeck create: memory $((host_mib + 1024)) MiB is more than the host's $host_mib MiB" \
    --name "$P-mbig" --memory $((host_mib + 1024)) --disk none
expect_refused "disk larger than the pool's free space" \
    "virtdeck create: 100000 GiB is more than the" \
    --name "$P-big" --memory 64 --disk pool=vdpool,size=100000
expect_refused "the pool's free space is named" "GiB free in pool 'vdpool'" \
    --name "$P-big" --memory 64 --disk pool=vdpool,size=100000
expect_refused "missing ISO path" "virtdeck create: no file at /nonexistent/lt.iso" \
    --name "$P-iso" --memory 64 --disk none --cdrom /nonexistent/lt.iso
expect_refused "missing ISO volume" "virtdeck create: pool 'vdpool' has no volume 'nope.iso'" \
    --name "$P-iso" --memory 64 --disk none --cdrom vdpool/nope.iso
expect_refused "unknown network" "virtdeck create: there is no network 'nope' on this host" \
    --name "$P-net" --memory 64 --disk none --network network=nope
cat >"${TMPDIR:-/tmp}/$P-net.xml" <<NET
<network><name>$P-net</name><bridge name='vdbrbad'/></network>
NET
vd_virsh -q net-define "${TMPDIR:-/tmp}/$P-net.xml" >/dev/null || exit 1
rm -f "${TMPDIR:-/tmp}/$P-net.xml"
expect_refused "inactive network" "virtdeck create: network '$P-net' is not active" \
    --name "$P-net" --memory 64 --disk none --network network=$P-net
expect_refused "VNC password too long" \
    "virtdeck create: a VNC password can be at most 8 characters long" \
    --name "$P-pw" --memory 64 --disk none --graphics vnc,password=123456789

# The daemon rejects the define (a machine type QEMU does not have): the
# volume made just before is removed again.
before=$(state)
out=$("$bin" create -c "$VD_TEST_URI" --virt-type "$VD_VIRT_TYPE" --name "$P-rej" \
      --memory 64 --machine no-such-machine --disk pool=vdpool,size=1 2>&1)
rc=$?
after=$(state)
if [ "$rc" = 0 ] || [[ "$out" != *"could not define the domain: "* ]]; then
    echo "FAIL: rejected define: exit $rc, '$out'"; fails=$((fails + 1))
elif [ "$before" != "$after" ] || vd_virsh -q vol-info --pool vdpool "$P-rej.qcow2" >/dev/null 2>&1; then
    echo "FAIL: rejected define left something behind"; fails=$((fails + 1))
else
    echo "ok: rejected define, volume removed: $out"
fi

# XML special characters: allowed in a name and a password, escaped.
name="$P-a&b<c>'d\"e"
out=$("$bin" create -c "$VD_TEST_URI" --virt-type "$VD_VIRT_TYPE" --name "$name" \
      --memory 64 --disk none --graphics "vnc,password=&<>\"'x" --print-xml 2>&1)
if [[ "$out" != *"<name>$P-a&amp;b&lt;c&gt;'d\"e</name>"* ]] ||
   [[ "$out" != *"passwd=\"&amp;&lt;&gt;&quot;'x\""* ]]; then
    echo "FAIL: special characters not escaped in --print-xml: $out"; fails=$((fails + 1))
elif vd_virsh -q list --all --name | grep -qF "$P-a&b"; then
    echo "FAIL: --print-xml created the domain"; fails=$((fails + 1))
else
    echo "ok: --print-xml escapes and creates nothing"
fi
if ! out=$("$bin" create -c "$VD_TEST_URI" --virt-type "$VD_VIRT_TYPE" --name "$name" \
           --memory 64 --disk none --graphics "vnc,password=&<>\"'x" 2>&1); then
    echo "FAIL: create with special characters: $out"; fails=$((fails + 1))
elif [ "$(vd_virsh -q domname "$(vd_virsh -q domuuid "$name")")" != "$name" ]; then
    echo "FAIL: the name did not survive"; fails=$((fails + 1))
elif ! vd_virsh dumpxml --security-info "$name" | grep -qF "passwd='&amp;&lt;&gt;&quot;&apos;x'"; then
    echo "FAIL: the password did not survive"; vd_virsh dumpxml --security-info "$name" | grep graphics
    fails=$((fails + 1))
else
    echo "ok: special characters in name and password reach libvirt intact"
fi

[ "$fails" = 0 ] || { echo "$fails check(s) failed"; exit 1; }
echo "all checks passed"
