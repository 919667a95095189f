#!/bin/bash
# The journal capped at 2 KiB rotates many times while three virtdeck
# processes append to it at once: the TUI (20 pause/resume actions of
# gamma, and their events) and two shells running `virtdeck journal
# --note` 100 times each. No line is lost or doubled (every note once,
# every action of the TUI once), no file passes the cap by more than a
# line, and the TUI's journal view, following the file across the
# rotations, counts every line.
. "$VD_SRC/tests/lib/screen.sh"
MODEL="test://$VD_SRC/tests/data/model-host.xml"
XDG_STATE_HOME=$(mktemp -d "${TMPDIR:-/tmp}/vdt-jrot.XXXXXX")
export XDG_STATE_HOME VIRTDECK_JOURNAL_MAX=2K VIRTDECK_JOURNAL_KEEP=1000
J=$XDG_STATE_HOME/virtdeck/journal.jsonl
N=100
TOGGLES=20
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null; screen_stop; rm -rf "$XDG_STATE_HOME"; }
trap cleanup EXIT

notes() {   # notes TAG: N notes, one virtdeck process each
    local i
    for ((i = 0; i < N; i++)); do
        "$VD_BIN" journal --note "$1 $i" || { echo "FAIL: note $1 $i" >&2; exit 1; }
    done
}

screen_start 100x30 -c "$MODEL"
trap cleanup EXIT
screen_wait_re "gamma +paused"
screen_keys j j j
notes A & pids+=($!)
notes B & pids+=($!)
for ((t = 0; t < TOGGLES; t += 2)); do
    screen_keys p
    screen_wait "gamma resumed"
    screen_keys p
    screen_wait "gamma paused"
done
wait "${pids[0]}" || exit 1
wait "${pids[1]}" || exit 1
pids=()

# the TUI may still be writing its last events (each worker journals
# them as they arrive): wait until the files stand still
prev=
for ((i = 0; i < 50; i++)); do
    cur=$(stat -c '%n %s' "$J" "$J".*[0-9] 2>/dev/null | sort)
    [ -n "$prev" ] && [ "$cur" = "$prev" ] && break
    prev=$cur
    sleep 0.3
done
# right after a rotation the current file is made again by the next
# write, so it may not be there
files=()
for f in "$J" "$J".*[0-9]; do
    [ -e "$f" ] && files+=("$f")
done
[ "${#files[@]}" -gt 10 ] || { echo "FAIL: only ${#files[@]} files: no rotation?"; exit 1; }
for f in "${files[@]}"; do
    size=$(stat -c %s "$f")
    [ "$size" -le $((2048 + 512)) ] || { echo "FAIL: $f has $size bytes"; exit 1; }
done
all=$(cat "${files[@]}")
total=$(grep -c . <<<"$all")
for tag in A B; do
    got=$(grep -oE "\"message\":\"$tag [0-9]+\"" <<<"$all" | sort | uniq)
    n=$(grep -c . <<<"$got")
    [ "$n" = "$N" ] || { echo "FAIL: $n distinct notes $tag of $N"; exit 1; }
    n=$(grep -cE "\"message\":\"$tag [0-9]+\"" <<<"$all")
    [ "$n" = "$N" ] || { echo "FAIL: $n notes $tag (doubled?)"; exit 1; }
done
acts=$(grep -cE '"kind":"action".*"object":"gamma".*"action":"(pause|resume)".*"result":"done".*"via":"tui"' <<<"$all")
[ "$acts" = "$TOGGLES" ] || { echo "FAIL: $acts actions of the TUI, not $TOGGLES"; exit 1; }
listed=$("$VD_BIN" journal | grep -c .)
[ "$listed" = "$total" ] || { echo "FAIL: virtdeck journal lists $listed of $total"; exit 1; }
echo "ok: $total lines in ${#files[@]} files, none lost"

# the TUI's view followed the rotations: every line is there
screen_keys L
screen_wait_re "^$total of $total entries, newest first, following" 10
screen_expect_re "note +[AB] $((N - 1))"
exit 0
