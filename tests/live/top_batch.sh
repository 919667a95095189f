#!/bin/bash
# `virtdeck top --batch`: CSV with a header and a row per domain per
# iteration whose figures agree with `virsh domstats`; JSON lines; a
# non-zero exit when no host can be reached.
set -u
# shellcheck disable=SC1091
. "$VD_SRC/tests/harness/lib.sh"
vd_harness_env
G=vdt-topb
out=$(mktemp) err=$(mktemp) stats=$(mktemp)
trap 'vd_cleanup_guests $G; rm -f "$out" "$err" "$stats"' EXIT
fail() { echo "FAIL: $*" >&2; echo "--- output:" >&2; head -n 40 "$out" >&2; cat "$err" >&2; exit 1; }

vd_cleanup_guests $G
vd_define_guest ${G}-run --disk 16 --network vdnet >/dev/null || fail "define"
# a virtio balloon, so --mem-period has something to set
vd_virsh dumpxml ${G}-run | sed "s|<memballoon model='none'/>|<memballoon model='virtio'/>|" >"$stats"
grep -q "memballoon model='virtio'" "$stats" || fail "no balloon in the XML"
vd_virsh define "$stats" >/dev/null || fail "redefine with a balloon"
vd_define_guest ${G}-off >/dev/null || fail "define"
vd_virsh start ${G}-run >/dev/null || fail "start"
# wait for SeaBIOS to read the boot sector, so disk counters are non-zero
for _ in $(seq 1 100); do
    vd_virsh domstats --raw --block ${G}-run | grep -q 'rd.bytes=[1-9]' && break
    sleep 0.2
done

vd_virsh dumpxml ${G}-run | grep -q "<stats period" && fail "a stats period before --mem-period"
timeout 60 "$VD_BIN" top --batch -c "$VD_TEST_URI" -n 2 -d 1 --mem-period 3 --csv - >"$out" 2>"$err"
rc=$?
# the counters as virsh sees them right after the last iteration
vd_virsh domstats --raw ${G}-run >"$stats"
[ "$rc" = 0 ] || fail "exit status $rc"

head -n1 "$out" | grep -q '^time,host,name,uuid,state,vcpus,cpu_pct,' || fail "no CSV header"
ndom=$(vd_virsh list --all --name | grep -c .)
rows=$(tail -n +2 "$out" | grep -c .)
[ "$rows" = $((2 * ndom)) ] || fail "$rows rows for $ndom domains x 2 iterations"
# every domain in both iterations
while IFS= read -r name; do
    [ -n "$name" ] || continue
    n=$(awk -F, -v n="$name" 'NR > 1 && $3 == n' "$out" | wc -l)
    [ "$n" = 2 ] || fail "$name has $n rows"
done < <(vd_virsh list --all --name)
# two timestamps, at least half a second apart
ts=$(tail -n +2 "$out" | cut -d, -f1 | sort -u | wc -l)
[ "$ts" -ge 2 ] || fail "$ts distinct timestamps"

col() { # col NAME FIELD: the last row's value of column FIELD for NAME
    awk -F, -v n="$1" -v f="$2" 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
        $3 == n { v = $(c[f]) } END { print v }' "$out"
}
stat() { sed -n "s/^ *$1=//p" "$stats"; }

vd_virsh dumpxml ${G}-run | grep -q "<stats period='3'/>" || fail "--mem-period did not set the period"
[ "$(col ${G}-run state)" = running ] || fail "state of ${G}-run"
[ "$(col ${G}-off state)" = "shut off" ] || fail "state of ${G}-off"
[ -z "$(col ${G}-off cpu_pct)" ] || fail "a shut off guest has a CPU %"
[ "$(col ${G}-run vcpus)" = "$(stat vcpu.current)" ] || fail "vcpus differ from virsh"
[ "$(col ${G}-run mem_total_kib)" = "$(stat balloon.current)" ] || fail "memory differs from virsh"
cpu=$(col ${G}-run cpu_pct)
awk -v c="$cpu" 'BEGIN { exit !(c != "" && c >= 0 && c <= 100) }' || fail "cpu_pct '$cpu'"
mem=$(col ${G}-run mem_used_kib)
[ -n "$mem" ] && [ "$mem" -gt 0 ] && [ "$mem" -le "$(stat balloon.current)" ] || fail "mem_used_kib '$mem'"
# counters: ours were read at most ~1 tick before virsh's, never after
ours=$(col ${G}-run cpu_time_ns) theirs=$(stat cpu.time)
awk -v a="$ours" -v b="$theirs" 'BEGIN { d = b - a; exit !(d >= 0 && d <= 3e9) }' ||
    fail "cpu_time_ns $ours vs virsh cpu.time $theirs"
ours=$(col ${G}-run rd_bytes)
theirs=$(awk -F= '/block\.[0-9]+\.rd\.bytes=/ { s += $2 } END { print s + 0 }' "$stats")
awk -v a="$ours" -v b="$theirs" 'BEGIN { exit !(a > 0 && a <= b && b - a <= 1e8) }' ||
    fail "rd_bytes $ours vs virsh $theirs"
ours=$(col ${G}-run rx_bytes)
theirs=$(awk -F= '/net\.[0-9]+\.rx\.bytes=/ { s += $2 } END { print s + 0 }' "$stats")
awk -v a="$ours" -v b="$theirs" 'BEGIN { exit !(a <= b && b - a <= 1e8) }' ||
    fail "rx_bytes $ours vs virsh $theirs"

# virt-top's remaining columns ("Domain ID", "Arch", "Physical CPUs",
# "Blocked", "%Mem"), against virsh
[ "$(col ${G}-run domain_id)" = "$(vd_virsh domid ${G}-run | head -n1)" ] ||
    fail "domain_id $(col ${G}-run domain_id) vs virsh domid"
[ -z "$(col ${G}-off domain_id)" ] || fail "a shut off guest has a domain_id"
vd_virsh nodeinfo >"$stats.node"
[ "$(col ${G}-run arch)" = "$(sed -n 's/^CPU model: *//p' "$stats.node")" ] ||
    fail "arch '$(col ${G}-run arch)' vs virsh nodeinfo"
[ "$(col ${G}-run physical_cpus)" = "$(sed -n 's/^CPU(s): *//p' "$stats.node")" ] ||
    fail "physical_cpus '$(col ${G}-run physical_cpus)' vs virsh nodeinfo"
b=$(col ${G}-run blocked)
[ -n "$b" ] && [ "$b" -ge 0 ] && [ "$b" -le "$ndom" ] || fail "blocked '$b'"
hostkib=$(vd_virsh nodememstats | sed -n 's/^total *: *\([0-9]*\) KiB/\1/p')
mpct=$(col ${G}-run mem_host_pct)
awk -v p="$mpct" -v m="$(stat balloon.current)" -v h="$hostkib" \
    'BEGIN { e = 100 * m / h; exit !(p != "" && p - e < 0.02 && e - p < 0.02) }' ||
    fail "mem_host_pct '$mpct' vs 100 * $(stat balloon.current) / $hostkib"
[ -z "$(col ${G}-off mem_host_pct)" ] || fail "a shut off guest has a mem_host_pct"
rm -f "$stats.node"

# JSON: one object per line, one line per domain
timeout 60 "$VD_BIN" top --batch -c "$VD_TEST_URI" -n 1 -d 0.5 --json >"$out" 2>"$err" ||
    fail "--json exit status"
[ "$(grep -c . "$out")" = "$ndom" ] || fail "JSON lines != $ndom"
jq -e -s "map(select(.name == \"${G}-run\" and .state == \"running\" and
        (.cpu_pct >= 0) and (.cpu_pct <= 100))) | length == 1" "$out" >/dev/null ||
    fail "JSON rows"
jq -e -s "map(select(.name == \"${G}-run\" and (.domain_id | type) == \"number\" and
        (.arch | length) > 0 and .physical_cpus > 0 and .blocked >= 0 and
        .mem_host_pct > 0)) | length == 1" "$out" >/dev/null ||
    fail "JSON virt-top columns"
jq -e -s "map(select(.name == \"${G}-off\" and .domain_id == null and
        .mem_host_pct == null)) | length == 1" "$out" >/dev/null ||
    fail "JSON virt-top columns of a shut off guest"

# no host: exit 1 with libvirt's message
timeout 30 "$VD_BIN" top --batch -c "qemu+unix:///system?socket=/nonexistent/sock" \
    -n 1 --csv - >"$out" 2>"$err"
rc=$?
[ "$rc" = 1 ] || fail "exit status $rc for an unreachable host"
grep -q "no host could be reached" "$err" || fail "no message for an unreachable host"
# bad input: a clear message, exit 2
"$VD_BIN" top --batch -n 0 >"$out" 2>"$err"
[ $? = 2 ] && grep -q "iterations" "$err" || fail "-n 0 accepted"
exit 0
