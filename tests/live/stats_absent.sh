#!/bin/bash
# Absent figures stay unknown (issue 20): a guest reads its disk non-stop
# (a boot sector looping on BIOS disk reads, tests/live/data/
# disk_reader.S) while a second client hammers the same host with
# `virsh domstats` and `virsh domblkstat`, which take the domain's job
# lock; our bulk call (NOWAIT) then gets records without block counters.
# `virtdeck top --batch -n 30 -d 0.5 --csv -` must never print a zero
# (or an empty value) for a cumulative counter that was merely absent,
# nor a zero rate computed across the gap: such a row says disk_stale=1,
# keeps the last rd_bytes and leaves the rates empty. The test fails if
# the second client never caused an absent read (it would test nothing).
set -u
# shellcheck disable=SC1091
. "$VD_SRC/tests/harness/lib.sh"
vd_harness_env
G=vdt-sabs
TMP=$(mktemp -d)
HAMMER=()
cleanup() {
    local p
    for p in "${HAMMER[@]}"; do kill "$p" 2>/dev/null; done
    for p in "${HAMMER[@]}"; do wait "$p" 2>/dev/null; done
    vd_cleanup_guests $G
    rm -rf "$TMP"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; [ -f "$TMP/out" ] && { echo "--- output:" >&2; head -n 40 "$TMP/out" >&2; }; exit 1; }
vd_cleanup_guests $G

as --32 -o "$TMP/boot.o" "$VD_SRC/tests/live/data/disk_reader.S" &&
    ld -m elf_i386 -Ttext 0x7c00 --oformat binary -e _start \
        -o "$TMP/boot.img" "$TMP/boot.o" ||
    fail "cannot assemble the boot sector (binutils: as, ld)"
[ "$(stat -c %s "$TMP/boot.img")" = 512 ] || fail "the boot sector is not 512 bytes"
truncate -s 4M "$TMP/boot.img"
chmod 755 "$TMP"
chmod 644 "$TMP/boot.img"
vd_define_guest $G --devices-xml "    <disk type='file' device='disk'>
      <driver name='qemu' type='raw'/>
      <source file='$TMP/boot.img'/>
      <target dev='vda' bus='virtio'/>
      <readonly/>
    </disk>" >/dev/null || fail "cannot define $G"
vd_virsh start $G >/dev/null || fail "cannot start $G"

# the guest reads: rd.bytes grows between two looks
rd() { vd_virsh domstats --raw --block $G | sed -n 's/^ *block\.0\.rd\.bytes=//p'; }
a=0
for _ in $(seq 1 150); do
    a=$(rd); [ "${a:-0}" -gt 1000000 ] && break
    sleep 0.2
done
[ "${a:-0}" -gt 1000000 ] || fail "the guest does not read its disk (rd.bytes=${a:-none})"
sleep 1
b=$(rd)
[ "$b" -gt "$a" ] || fail "the guest stopped reading ($a then $b)"

timeout 120 "$VD_BIN" top --batch -c "$VD_TEST_URI" -n 30 -d 0.5 --csv - \
    >"$TMP/out" 2>"$TMP/err" &
top_pid=$!
# the second client starts once the first row holds the counters (a
# counter never read yet is unknown, empty by design): two loops of
# calls that take the job lock, and two interactive virsh fed the same
# calls without pause (no start-up between calls, so the lock is held
# most of the time; whole virsh runs alone left it free too often on a
# busy machine)
for _ in $(seq 1 100); do
    grep -q ",$G," "$TMP/out" 2>/dev/null && break
    sleep 0.1
done
for cmd in "domstats --block $G" "domblkstat $G vda"; do
    ( while :; do virsh -q -c "$VD_TEST_URI" $cmd >/dev/null 2>&1; done ) &
    HAMMER+=($!)
    virsh -q -c "$VD_TEST_URI" < <(yes "$cmd") >/dev/null 2>&1 &
    HAMMER+=($!)
done
wait "$top_pid" || { cat "$TMP/err" >&2; fail "top --batch failed"; }

# the guest's rows, by column name
awk -F, -v n=$G 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
    $3 == n { print $(c["rd_bytes"]) "," $(c["rd_bytes_s"]) "," $(c["rd_reqs_s"]) "," $(c["disk_stale"]) }' \
    "$TMP/out" >"$TMP/rows"
[ "$(grep -c . "$TMP/rows")" = 30 ] || fail "$(grep -c . "$TMP/rows") rows of $G, not 30"
cat "$TMP/rows" | tr '\n' ' '; echo
# 1. a cumulative counter is never 0 or empty, and never goes back
awk -F, '{ if ($1 == "" || $1 == 0) { print "row " NR ": rd_bytes \"" $1 "\""; bad = 1 }
           if ($1 + 0 < last) { print "row " NR ": rd_bytes went back"; bad = 1 }
           last = $1 + 0 } END { exit bad }' "$TMP/rows" ||
    fail "a cumulative rd_bytes that was absent shows as 0, empty or lower"
# 2. a stale row has no rate; a fresh row's rate is not a fake 0 (the
#    guest never stops reading) and is no spike from a fake 0 either
awk -F, 'NR > 1 { if ($4 == 1 && ($2 != "" || $3 != "")) { print "row " NR ": stale with a rate"; bad = 1 }
                  if ($4 == 0 && prev_ok && ($2 == "" || $2 + 0 <= 0)) { print "row " NR ": rate \"" $2 "\""; bad = 1 } }
         { prev_ok = 1 } END { exit bad }' "$TMP/rows" ||
    fail "a rate is missing, zero, or given for a stale row"
# 3. rates agree with the counters: no rate above what the counters allow
#    (a fake 0 followed by a real value would give a huge spike)
max_rate=$(awk -F, 'NR > 1 && $2 != "" { if ($2 + 0 > m) m = $2 + 0 } END { print m + 0 }' "$TMP/rows")
first=$(head -n1 "$TMP/rows" | cut -d, -f1) last=$(tail -n1 "$TMP/rows" | cut -d, -f1)
awk -v m="$max_rate" -v f="$first" -v l="$last" 'BEGIN { exit !(m < (l - f) * 4) }' ||
    fail "a rate of $max_rate B/s while the counters moved $((last - first)) B in ~15 s"
# 4. the second client did cause absent reads, else this tested nothing
stale=$(awk -F, '$4 == 1' "$TMP/rows" | wc -l)
echo "stale rows: $stale of 30"
[ "$stale" -ge 1 ] || fail "no read left the block counters out: the second client never held the job lock"
exit 0
