#!/bin/bash
# storage_transfer.sh BUILD [RUNS]: volume upload and download throughput
# through virtdeck's job (a libvirt stream in 1 MiB chunks, the same code
# the TUI runs), for a 50 MiB file into the harness's dir pool, against
# `virsh vol-upload` / `vol-download` of the same file as the baseline.
# Needs the live-test harness up (tests/harness/up.sh) and its env:
#   VD_HARNESS_DIR=/tmp/vdh VD_NETNS=vdb tests/harness/up.sh
#   VD_HARNESS_DIR=/tmp/vdh bench/storage_transfer.sh build 5
# Prints the median MiB/s of RUNS runs (default 5) for each.
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:?usage: storage_transfer.sh BUILD [RUNS]}
runs=${2:-5}
. "$src/tests/harness/lib.sh"
vd_harness_env
drive=$src/$build/tests/netstore/nsdrive
[ -x "$drive" ] || drive=$build/tests/netstore/nsdrive
tmp=$(mktemp -d)
trap 'vd_virsh -q vol-delete --pool vdpool bench-up.img >/dev/null 2>&1; rm -rf "$tmp"' EXIT
head -c $((50 << 20)) /dev/urandom >"$tmp/f.bin"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
mibs() { awk -v b=$((50 << 20)) -v t="$1" 'BEGIN {printf "%.1f\n", b / 1048576 / t}'; }
now() { date +%s.%N; }

up=() down=() vup=() vdown=()
for ((i = 0; i < runs; i++)); do
    vd_virsh -q vol-delete --pool vdpool bench-up.img >/dev/null 2>&1 || true
    rm -f "$tmp/d.bin"
    r=$("$drive" "$VD_TEST_URI" VOL_UPLOAD --pool vdpool --str2 bench-up.img "$tmp/f.bin" |
        awk '$1 == "progress" && $5 == "done" {print $4}')
    up+=("$(awk -v r="$r" 'BEGIN {printf "%.1f\n", r / 1048576}')")
    r=$("$drive" "$VD_TEST_URI" VOL_DOWNLOAD --pool vdpool --str2 bench-up.img "$tmp/d.bin" |
        awk '$1 == "progress" && $5 == "done" {print $4}')
    down+=("$(awk -v r="$r" 'BEGIN {printf "%.1f\n", r / 1048576}')")
    cmp -s "$tmp/f.bin" "$tmp/d.bin" || { echo "download differs!" >&2; exit 1; }
    # baseline: virsh into the same (existing) volume
    t0=$(now); vd_virsh -q vol-upload --pool vdpool bench-up.img "$tmp/f.bin"; t1=$(now)
    vup+=("$(mibs "$(awk -v a="$t0" -v b="$t1" 'BEGIN {print b - a}')")")
    rm -f "$tmp/d.bin"
    t0=$(now); vd_virsh -q vol-download --pool vdpool bench-up.img "$tmp/d.bin"; t1=$(now)
    vdown+=("$(mibs "$(awk -v a="$t0" -v b="$t1" 'BEGIN {print b - a}')")")
done
echo "50 MiB, median of $runs runs (MiB/s):"
echo "  virtdeck upload:    $(printf '%s\n' "${up[@]}" | median)"
echo "  virtdeck download:  $(printf '%s\n' "${down[@]}" | median)"
echo "  virsh vol-upload:   $(printf '%s\n' "${vup[@]}" | median)   (includes virsh start-up)"
echo "  virsh vol-download: $(printf '%s\n' "${vdown[@]}" | median)   (includes virsh start-up)"
