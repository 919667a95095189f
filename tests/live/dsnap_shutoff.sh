#!/bin/bash
# Internal snapshot of a SHUT OFF guest: a data pattern uploaded to its
# qcow2 volume (virsh vol-upload), `virtdeck snapshot create`, the
# pattern overwritten (qemu-io writes through the qcow2 layer, keeping
# the snapshot), `virtdeck snapshot revert`: the downloaded volume
# (virsh vol-download) holds the first pattern again, and the list
# shows the snapshot as internal, shut off, current.
set -u
. "$VD_SRC/tests/harness/lib.sh"
vd_harness_env || exit 1
G=vdt-dsnapoff
VD="$VD_BIN snapshot -c $VD_TEST_URI"
TMP=$(mktemp -d)
trap 'vd_cleanup_guests $G; rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
vd_cleanup_guests $G
vd_define_guest $G --disk 8 >/dev/null || fail "define"
path=$(vd_virsh vol-path --pool vdpool $G.qcow2)

head -c 8M /dev/urandom >"$TMP/first.raw"
qemu-img convert -f raw -O qcow2 "$TMP/first.raw" "$TMP/first.qcow2"
vd_virsh vol-upload --pool vdpool $G.qcow2 "$TMP/first.qcow2" || fail "vol-upload"

# the XML virtdeck builds is valid, and --print-xml creates nothing
$VD $G create --name pattern-1 --description "a <pattern> & more" --print-xml >"$TMP/snap.xml" ||
    fail "--print-xml"
cat "$TMP/snap.xml"
virt-xml-validate "$TMP/snap.xml" domainsnapshot || fail "the snapshot XML does not validate"
grep -Eq "<disk name=.vda. snapshot=.internal./>" "$TMP/snap.xml" || fail "vda is not internal"
[ -z "$(vd_virsh snapshot-list --name $G)" ] || fail "--print-xml created a snapshot"

out=$($VD $G create --name pattern-1 2>&1) || fail "create: $out"
[ "$out" = "Domain snapshot pattern-1 created" ] || fail "create said: $out"
vd_virsh snapshot-dumpxml $G pattern-1 | grep -q "<state>shutoff</state>" ||
    fail "the snapshot did not capture a shut off guest"
list=$($VD $G list) || fail "list"
echo "$list"
grep -Eq "^ pattern-1 +[0-9-]+ [0-9:]+ [+-][0-9]+ +shutoff +internal +yes" <<<"$list" ||
    fail "list does not show pattern-1 as internal, shut off, current"

# overwrite the guest's data through the qcow2 layer
qemu-io -f qcow2 -c "write -P 0x5a 0 8M" "$path" >/dev/null || fail "qemu-io write"
vd_virsh vol-download --pool vdpool $G.qcow2 "$TMP/mid.qcow2" || fail "vol-download"
qemu-img convert -f qcow2 -O raw "$TMP/mid.qcow2" "$TMP/mid.raw"
cmp -s "$TMP/first.raw" "$TMP/mid.raw" && fail "the pattern was not overwritten"

out=$($VD $G revert pattern-1 2>&1) || fail "revert: $out"
echo "$out"
[ "$(vd_virsh domstate $G)" = "shut off" ] || fail "not shut off after the revert"
vd_virsh vol-download --pool vdpool $G.qcow2 "$TMP/after.qcow2" || fail "vol-download"
qemu-img convert -f qcow2 -O raw "$TMP/after.qcow2" "$TMP/after.raw"
cmp "$TMP/first.raw" "$TMP/after.raw" || fail "the reverted volume does not hold the first pattern"
echo "PASS"
exit 0
