#!/bin/bash
# A snapshot tree of four levels with siblings (made with virsh, so the
# tree is libvirt's): `virtdeck snapshot DOMAIN list --tree` prints
# exactly what `virsh snapshot-list --tree` prints; deleting a subtree
# (--children) leaves what virsh then shows, again printed the same.
set -u
. "$VD_SRC/tests/harness/lib.sh"
vd_harness_env || exit 1
G=vdt-dsnaptree
VD="$VD_BIN snapshot -c $VD_TEST_URI"
TMP=$(mktemp -d)
trap 'vd_cleanup_guests $G; rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
vd_cleanup_guests $G
vd_define_guest $G --disk 8 >/dev/null || fail "define"
mk() { vd_virsh -q snapshot-create-as $G "$1" >/dev/null || fail "snapshot $1"; }
mk base; mk Installed; mk updates; mk tuned
vd_virsh -q snapshot-revert $G Installed || fail "revert"
mk alt
vd_virsh -q snapshot-revert $G base || fail "revert"
mk b2
compare() {
    vd_virsh snapshot-list --tree $G >"$TMP/virsh.txt"
    $VD $G list --tree >"$TMP/ours.txt" || fail "list --tree"
    cat "$TMP/ours.txt"
    diff -u "$TMP/virsh.txt" "$TMP/ours.txt" || fail "list --tree differs from virsh's"
}
compare
grep -qx "          +- tuned" "$TMP/ours.txt" || fail "tuned is not drawn at the fourth level"
out=$($VD $G delete Installed --children 2>&1) || fail "delete --children: $out"
[ "$out" = "Domain snapshot Installed and its children deleted" ] || fail "delete said: $out"
[ "$(vd_virsh snapshot-list --name $G | sed '/^$/d' | sort | tr '\n' ' ')" = "b2 base " ] ||
    fail "left: $(vd_virsh snapshot-list --name $G)"
compare
echo "PASS"
exit 0
