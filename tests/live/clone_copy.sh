#!/bin/bash
# `virtdeck clone --auto-clone` of a shut off guest whose qcow2 disk
# holds a data pattern: the clone is named NAME-clone, its volume has the
# same bytes (guest-visible, compared raw) at a different path, its MAC
# addresses and UUID (and SMBIOS UUID) differ; the original's XML is
# unchanged; both guests run at the same time. --print-xml validates
# with virt-xml-validate and changes nothing. A linked clone is a qcow2
# overlay backed by the original, with a warning.
set -u
. "$VD_SRC/tests/harness/lib.sh"
vd_harness_env || exit 1
G=vdt-clonecp
VD="$VD_BIN clone -c $VD_TEST_URI"
TMP=$(mktemp -d)
trap 'vd_cleanup_guests $G; vd_virsh -q vol-delete --pool vdpool $G-linked.qcow2 >/dev/null 2>&1; rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
vd_cleanup_guests $G
vd_define_guest $G --disk 8 --network vdnet --vnc --serial-bios \
    --devices-xml "<interface type='network'><source network='vdnet'/><model type='virtio'/></interface>" >/dev/null ||
    fail "define"
# an SMBIOS system UUID equal to the domain's, as virt-install writes
xml=$(vd_virsh dumpxml --inactive $G)
uuid0=$(vd_virsh domuuid $G)
sed "s|</vcpu>|</vcpu><sysinfo type='smbios'><system><entry name='uuid'>$uuid0</entry></system></sysinfo>|" <<<"$xml" >"$TMP/g.xml"
vd_virsh define "$TMP/g.xml" >/dev/null || fail "redefine with sysinfo"
head -c 8M /dev/urandom >"$TMP/pattern.raw"
qemu-img convert -f raw -O qcow2 "$TMP/pattern.raw" "$TMP/pattern.qcow2"
vd_virsh vol-upload --pool vdpool $G.qcow2 "$TMP/pattern.qcow2" || fail "vol-upload"
orig_xml=$(vd_virsh dumpxml --inactive $G)
vols0=$(vd_virsh vol-list vdpool)

# --print-xml: valid, and nothing made
$VD --original $G --auto-clone --print-xml >"$TMP/print.xml" || fail "--print-xml"
virt-xml-validate "$TMP/print.xml" domain || fail "the clone's XML does not validate"
grep -q "<name>$G-clone</name>" "$TMP/print.xml" || fail "--print-xml: not named $G-clone"
[ "$(vd_virsh vol-list vdpool)" = "$vols0" ] || fail "--print-xml made a volume"
vd_virsh dominfo $G-clone >/dev/null 2>&1 && fail "--print-xml defined a domain"

out=$($VD --original $G --auto-clone 2>&1) || fail "clone: $out"
echo "$out"
grep -q "^Clone '$G-clone' created successfully" <<<"$out" || fail "clone said: $out"
[ "$(vd_virsh dumpxml --inactive $G)" = "$orig_xml" ] || fail "the original's XML changed"

cxml=$(vd_virsh dumpxml --inactive $G-clone)
opath=$(vd_virsh vol-path --pool vdpool $G.qcow2)
cpath=$(grep -o "<source file='[^']*'" <<<"$cxml" | head -1 | cut -d"'" -f2)
[ -n "$cpath" ] && [ "$cpath" != "$opath" ] || fail "the clone's disk path is '$cpath'"
vd_virsh vol-download --pool vdpool "$(basename "$cpath")" "$TMP/clone.qcow2" || fail "download the clone's volume"
qemu-img convert -f qcow2 -O raw "$TMP/clone.qcow2" "$TMP/clone.raw"
cmp "$TMP/pattern.raw" "$TMP/clone.raw" || fail "the clone's volume does not hold the pattern"

uuid1=$(vd_virsh domuuid $G-clone)
[ "$uuid1" != "$uuid0" ] || fail "same UUID"
grep -q "<entry name='uuid'>$uuid1</entry>" <<<"$cxml" || fail "the SMBIOS UUID is not the clone's"
omacs=$(grep -o "<mac address='[^']*'" <<<"$orig_xml" | sort)
cmacs=$(grep -o "<mac address='[^']*'" <<<"$cxml" | sort)
[ "$(wc -l <<<"$cmacs")" = 2 ] || fail "the clone has $(wc -l <<<"$cmacs") MACs"
[ -z "$(comm -12 <(echo "$omacs") <(echo "$cmacs"))" ] || fail "a MAC address is shared: $cmacs"

# both run at the same time
vd_virsh start $G >/dev/null || fail "start the original"
vd_virsh start $G-clone >/dev/null || fail "start the clone"
vd_wait_state $G running 30 && vd_wait_state $G-clone running 30 || fail "not both running"
vd_virsh destroy $G >/dev/null; vd_virsh destroy $G-clone >/dev/null

# a second --auto-clone is NAME-clone1; a given MAC is used
out=$($VD --original $G --auto-clone --mac 52:54:00:aa:bb:01 2>&1) || fail "second clone: $out"
grep -q "^Clone '$G-clone1' created" <<<"$out" || fail "second clone said: $out"
vd_virsh dumpxml $G-clone1 | grep -q "<mac address='52:54:00:aa:bb:01'/>" || fail "--mac not used"

# a linked clone: an overlay backed by the original, with a warning
out=$($VD --original $G --name $G-linked --linked 2>&1) || fail "linked clone: $out"
echo "$out"
grep -q "warning: disk vda is a linked clone: its overlay .* is backed by $opath, which must stay" <<<"$out" ||
    fail "no warning: $out"
lpath=$(vd_virsh dumpxml $G-linked | grep -o "<source file='[^']*'" | head -1 | cut -d"'" -f2)
qemu-img info -U "$lpath" | grep -q "backing file: $opath" || fail "the linked clone is not backed by the original"
vd_virsh vol-download --pool vdpool "$(basename "$lpath")" "$TMP/l.qcow2" >/dev/null
qemu-img convert -f qcow2 -O raw "$lpath" "$TMP/l.raw" && cmp "$TMP/pattern.raw" "$TMP/l.raw" ||
    fail "the linked clone does not read the pattern"
[ "$(vd_virsh dumpxml --inactive $G)" = "$orig_xml" ] || fail "the original's XML changed"
echo "PASS"
exit 0
