#!/bin/bash
# Eight running QEMU guests through `virtdeck top --batch --json`: every
# guest's figures are sane on every iteration: CPU % within 0-100 (also
# of the host), memory used within the guest's size, counters never
# going back, and CPU time moving on (an idle guest may not use a whole
# 10 ms clock tick of CPU in one second: over the run, not per iteration).
set -u
# shellcheck disable=SC1091
. "$VD_SRC/tests/harness/lib.sh"
vd_harness_env
G=vdt-topg
N=8
out=$(mktemp) err=$(mktemp)
trap 'vd_cleanup_guests $G; rm -f "$out" "$err"' EXIT
fail() { echo "FAIL: $*" >&2; head -n 20 "$out" >&2; cat "$err" >&2; exit 1; }

vd_cleanup_guests $G
for i in $(seq 1 $N); do
    vd_define_guest $G-$i --memory 96 --disk 8 >/dev/null || fail "define $G-$i"
    vd_virsh start $G-$i >/dev/null || fail "start $G-$i"
done

timeout 90 "$VD_BIN" top --batch -c "$VD_TEST_URI" -n 4 -d 1 --json >"$out" 2>"$err" ||
    fail "exit status"
for i in $(seq 1 $N); do
    name=$G-$i
    # 4 rows, running, sane
    jq -e -s --arg n "$name" '
        map(select(.name == $n)) as $r
        | ($r | length) == 4
          and all($r[]; .state == "running" and .vcpus == 1
                  and .cpu_pct != null and .cpu_pct >= 0 and .cpu_pct <= 100
                  and .cpu_host_pct >= 0 and .cpu_host_pct <= .cpu_pct
                  and .mem_total_kib == 98304
                  and .mem_used_kib != null and .mem_used_kib > 0
                  and .mem_used_kib <= .mem_total_kib
                  and .rd_bytes_s >= 0 and .rx_bytes_s >= 0)
          and ([range(1; 4) as $k | $r[$k].cpu_time_ns >= $r[$k - 1].cpu_time_ns
                and $r[$k].rd_bytes >= $r[$k - 1].rd_bytes] | all)
          and $r[3].cpu_time_ns > $r[0].cpu_time_ns
          and ($r[3].time > $r[0].time)' "$out" >/dev/null ||
        fail "figures of $name: $(jq -c --arg n "$name" 'select(.name == $n) | [.time, .cpu_pct, .mem_used_kib, .cpu_time_ns]' "$out" | tr '\n' ' ')"
done
exit 0
