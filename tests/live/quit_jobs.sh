#!/bin/bash
# Quitting with a long job running (issue 17): q asks first, naming the
# upload and what quitting does to it; "n" keeps it going; "y" quits,
# cancels it and deletes the partial volume. SIGTERM and SIGHUP leave
# without asking, within a bounded time, restore the terminal, exit with
# the shell's status for the signal and leave nothing behind. Before,
# q quit at once and an hour-long transfer was one keystroke from lost.
set -u
. "$VD_SRC/tests/lib/screen.sh"
. "$VD_SRC/tests/lib/live.sh"
live_scratch_pool lt17q-pool

truncate -s 16G "$tmp/big.bin"
before=$(live_vols)

# start_upload: open the pool's volumes and start uploading big.bin
start_upload() {
    live_open_volumes
    screen_keys U
    screen_wait "Local file"
    screen_text "$tmp/big.bin"
    screen_keys Enter
    screen_wait "(C cancels)" 20
}

# 1. q asks; n keeps the job; q, y quits and cleans up
screen_start 120x34 -c "$VD_TEST_URI"
trap live_scratch_cleanup EXIT
start_upload
screen_keys Escape                      # back to the main screen
screen_wait_gone "Volumes of pool"
screen_keys q
screen_wait "Quit with jobs running?"
screen_wait "upload"
screen_wait "what it made so far is deleted"
screen_keys n
screen_wait "Not quitting: the jobs go on"
pid=$(screen_pid)
kill -0 "$pid" 2>/dev/null || screen_fail "virtdeck ended on n"
[ -n "$(live_vols)" ] || screen_fail "the upload's volume went away on n"
screen_keys F10
screen_wait "Quit with jobs running?"
screen_keys y
screen_wait_exit 15 >/dev/null || screen_fail "virtdeck did not end after y"
screen_stop
[ "$(live_vols)" = "$before" ] || screen_fail "left after quitting: $(live_vols)"

# 2. SIGTERM and SIGHUP: no question, bounded, status 128+N, clean
for sig in TERM HUP; do
    screen_start 120x34 -c "$VD_TEST_URI"
    trap live_scratch_cleanup EXIT
    start_upload
    [ -n "$(live_vols)" ] || screen_fail "no volume while uploading"
    kill -"$sig" "$(screen_pid)"
    status=$(screen_wait_exit 15) || screen_fail "virtdeck did not end on SIG$sig"
    want=$((128 + $(kill -l "$sig")))
    [ "$status" = "$want" ] || screen_fail "SIG$sig: exit status $status, wanted $want"
    screen_capture | grep -q "Quit with jobs running" && screen_fail "SIG$sig asked"
    screen_stop
    [ "$(live_vols)" = "$before" ] || screen_fail "left after SIG$sig: $(live_vols)"
done
exit 0
