#!/bin/bash
# Live test: each line of tests/xml/virtinst_corpus.txt goes through
# `virtdeck create --print-xml` and `virt-install --print-xml --dry-run`
# against the same private libvirtd; the two domain documents are put in
# a normal form (tests/live/xmlnorm.c: made-up values and the defaults
# docs/create.md lists as not added are dropped) and must be equal line
# for line. virtdeck's document must also pass virt-xml-validate. A
# "ours:" line runs through virtdeck only (the reason is in the line).
# Nothing is created on the host: both only print.
# Skipped (77) when virt-install is not installed.
set -u
src=$(cd "$(dirname "$0")/../.." && pwd)
. "$src/tests/harness/lib.sh"
vd_harness_env || exit 1
command -v virt-install >/dev/null || { echo "skip: virt-install is not installed"; exit 77; }
bin=${VD_BIN:-$src/build/virtdeck}
norm=${VD_BUILD:-$src/build}/tests/live/xmlnorm
corpus=$src/tests/xml/virtinst_corpus.txt
work=$(mktemp -d)
iso=corpus-boot.iso
base=corpus-base.qcow2
fails=0 lines=0

cleanup() {
    vd_virsh -q vol-delete --pool vdpool "$iso" >/dev/null 2>&1
    vd_virsh -q vol-delete --pool vdpool "$base" >/dev/null 2>&1
    rm -rf "$work"
}
trap cleanup EXIT
cleanup
work=$(mktemp -d)

pooldir=$(vd_virsh pool-dumpxml vdpool | sed -n 's:.*<path>\(.*\)</path>.*:\1:p')
[ -n "$pooldir" ] || { echo "FAIL: no directory for pool vdpool"; exit 1; }
vd_virsh -q vol-create-as vdpool "$iso" 1M --format raw >/dev/null || exit 1
vd_virsh -q vol-create-as vdpool "$base" 64M --format qcow2 >/dev/null || exit 1
tree=$work/tree
mkdir -p "$tree" && : > "$tree/linux" && : > "$tree/initrd.gz"
chmod 755 "$work"
vols_before=$(vd_virsh -q vol-list vdpool | sort)
doms_before=$(vd_virsh -q list --all --name | sort)
export VIRTINSTALL_OSINFO_DISABLE_REQUIRE=1

while IFS= read -r raw; do
    case $raw in ''|'#'*) continue ;; esac
    ours_only=""
    case $raw in ours:*) ours_only=${raw%%|*}; raw=${raw#*|} ;; esac
    line=${raw//@POOLDIR@/$pooldir}
    line=${line//@POOL@/vdpool}
    line=${line//@NET@/vdnet}
    line=${line//@ISO@/$pooldir/$iso}
    line=${line//@BASE@/$base}
    line=${line//@TREE@/$tree}
    eval "args=($line)"
    name=${args[1]}
    lines=$((lines + 1))
    # VD_CORPUS_ONLY=REGEX: only the lines of those names (debugging)
    [[ $name =~ ${VD_CORPUS_ONLY:-.} ]] || continue
    if ! "$bin" create -c "$VD_TEST_URI" --print-xml "${args[@]}" \
            >"$work/ours.xml" 2>"$work/ours.err"; then
        echo "FAIL: $name: virtdeck refused: $(cat "$work/ours.err")"
        fails=$((fails + 1)); continue
    fi
    if ! virt-xml-validate "$work/ours.xml" domain >"$work/val.out" 2>&1; then
        echo "FAIL: $name: virt-xml-validate: $(cat "$work/val.out")"
        fails=$((fails + 1)); continue
    fi
    if [ -n "$ours_only" ]; then
        echo "ok: $name (virtdeck only: ${ours_only#ours:})"
        continue
    fi
    if ! virt-install --connect "$VD_TEST_URI" --print-xml --dry-run \
            --noautoconsole "${args[@]}" >"$work/theirs.out" 2>"$work/theirs.err"; then
        echo "FAIL: $name: virt-install refused: $(tail -1 "$work/theirs.err")"
        fails=$((fails + 1)); continue
    fi
    # virt-install prints the install-time document first
    sed -n '1,/<\/domain>/p' "$work/theirs.out" >"$work/theirs.xml"
    "$norm" "$line" "vdpool=$pooldir" <"$work/ours.xml" | sort >"$work/ours.n"
    "$norm" "$line" "vdpool=$pooldir" <"$work/theirs.xml" | sort >"$work/theirs.n"
    if diff -u "$work/theirs.n" "$work/ours.n" >"$work/diff"; then
        echo "ok: $name"
    else
        echo "FAIL: $name differs (- virt-install, + virtdeck): $line"
        sed -n '3,$p' "$work/diff"
        fails=$((fails + 1))
    fi
done <"$corpus"

# nothing was created by either
[ "$(vd_virsh -q vol-list vdpool | sort)" = "$vols_before" ] ||
    { echo "FAIL: the pool's volumes changed"; fails=$((fails + 1)); }
[ "$(vd_virsh -q list --all --name | sort)" = "$doms_before" ] ||
    { echo "FAIL: domains were defined"; fails=$((fails + 1)); }
echo "$lines lines, $fails failed"
[ "$lines" -ge 40 ] || { echo "FAIL: fewer than 40 lines"; fails=$((fails + 1)); }
[ -n "${VD_CORPUS_ONLY:-}" ] && echo "(only the lines matching $VD_CORPUS_ONLY were compared)"
[ "$fails" = 0 ]
