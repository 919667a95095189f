#!/bin/bash
# External disk-only snapshot (`virtdeck snapshot create --disk-only`):
# the domain's XML points at the new overlay, which is backed by the
# base image; the base image's checksum never changes. Reverting is
# refused plainly on libvirt < 9.9 and changes nothing; deleting (as
# libvirt 9.0 allows: the newest external snapshot) puts the domain back
# on its base, still with the same checksum. A snapshot whose overlay
# the domain no longer uses is refused (virt-manager's bug 811), and
# --metadata removes only the record, keeping overlay and base.
set -u
. "$VD_SRC/tests/harness/lib.sh"
vd_harness_env || exit 1
G=vdt-dsnapext
VD="$VD_BIN snapshot -c $VD_TEST_URI"
TMP=$(mktemp -d)
trap 'vd_cleanup_guests $G; vd_virsh -q vol-delete --pool vdpool $G-ext1.qcow2 >/dev/null 2>&1; vd_virsh -q vol-delete --pool vdpool $G-ext2.qcow2 >/dev/null 2>&1; rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
vd_cleanup_guests $G
vd_define_guest $G --disk 8 >/dev/null || fail "define"
base=$(vd_virsh vol-path --pool vdpool $G.qcow2)
overlay=$(dirname "$base")/$G-ext1.qcow2
sum0=$(sha256sum "$base" | cut -d' ' -f1)

$VD $G create --name ext1 --disk-only --print-xml >"$TMP/snap.xml" || fail "--print-xml"
virt-xml-validate "$TMP/snap.xml" domainsnapshot || fail "the snapshot XML does not validate"
grep -Eq "<source file=.$overlay./>" "$TMP/snap.xml" || fail "the XML does not name the overlay"
[ -z "$(vd_virsh snapshot-list --name $G)" ] || fail "--print-xml created a snapshot"
[ -f "$overlay" ] && fail "--print-xml made an overlay"
out=$($VD $G create --name ext1 --disk-only --description "before the upgrade" 2>&1) ||
    fail "create --disk-only: $out"
echo "$out"
src=$(vd_virsh dumpxml $G | grep -o "<source file='[^']*'" | head -1)
[ "$src" = "<source file='$overlay'" ] || fail "the domain does not point at the overlay: $src"
[ -f "$overlay" ] || fail "no overlay file $overlay"
qemu-img info -U "$overlay" | grep -q "backing file: $base" || fail "the overlay is not backed by the base"
xml=$(vd_virsh snapshot-dumpxml $G ext1)
grep -q "<disk name='vda' snapshot='external'" <<<"$xml" || fail "vda is not external in the snapshot"
grep -q "<memory snapshot='no'" <<<"$xml" || fail "a disk-only snapshot saved memory"
$VD $G list | grep -Eq "^ ext1 .* external +yes" || fail "list does not show ext1 as external, current"
[ "$(sha256sum "$base" | cut -d' ' -f1)" = "$sum0" ] || fail "the base changed"

# revert: refused on this libvirt, before any change
before=$(vd_virsh dumpxml $G)
if out=$($VD $G revert ext1 2>&1); then fail "revert to an external snapshot was not refused"; fi
echo "$out"
grep -q "cannot revert to external snapshots (libvirt 9.9 and later can)" <<<"$out" ||
    fail "no plain message: $out"
[ "$(vd_virsh dumpxml $G)" = "$before" ] || fail "the refused revert changed the domain"

# delete as libvirt 9.0 allows: the domain is back on its base
out=$($VD $G delete ext1 2>&1) || fail "delete: $out"
echo "$out"
src=$(vd_virsh dumpxml $G | grep -o "<source file='[^']*'" | head -1)
[ "$src" = "<source file='$base'" ] || fail "after the delete the domain is on $src"
[ "$(sha256sum "$base" | cut -d' ' -f1)" = "$sum0" ] || fail "the delete changed the base image"
[ -z "$(vd_virsh snapshot-list --name $G)" ] || fail "the snapshot is still listed"

# bug 811: an external snapshot whose overlay the domain no longer uses
out=$($VD $G create --name ext2 --disk-only 2>&1) || fail "create ext2: $out"
overlay2=$(dirname "$base")/$G-ext2.qcow2
vd_virsh dumpxml --inactive $G | sed "s|$overlay2|$base|" >"$TMP/back.xml"
vd_virsh define "$TMP/back.xml" >/dev/null || fail "redefine on the base"
if out=$($VD $G delete ext2 2>&1); then fail "delete of a snapshot not in use was not refused"; fi
echo "$out"
grep -q "no longer uses overlay $overlay2" <<<"$out" || fail "no plain message: $out"
vd_virsh snapshot-list --name $G | grep -qx ext2 || fail "the refused delete removed the snapshot"
[ -f "$overlay2" ] || fail "the refused delete removed the overlay"
out=$($VD $G delete ext2 --metadata 2>&1) || fail "delete --metadata: $out"
[ -z "$(vd_virsh snapshot-list --name $G)" ] || fail "--metadata left the snapshot"
[ -f "$overlay2" ] || fail "--metadata removed the overlay"
[ "$(sha256sum "$base" | cut -d' ' -f1)" = "$sum0" ] || fail "the base image changed"
echo "PASS"
exit 0
