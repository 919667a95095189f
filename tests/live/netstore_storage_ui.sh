#!/bin/bash
# Live screen test (issue 6): storage through the TUI. The create-pool
# form refuses a target that is a file (message, nothing created) and
# makes a dir pool; the volumes view (v) creates a qcow2 and a
# preallocated raw volume, refuses one larger than the pool's free
# space, resizes (z) and clones (c) one, uploads (U) a 50 MiB file that
# downloads (W) back byte-identical, refuses a missing file, cancels (C)
# a running upload which leaves nothing behind, and deletes (D) every
# volume -- each step checked with virsh vol-list / vol-info.
set -u
. "$VD_SRC/tests/lib/screen.sh"
. "$VD_SRC/tests/lib/live.sh"
P=lt6u
pool=$P-pool
tmp=$(mktemp -d /tmp/vd-lt6u.XXXXXX)
cleanup() {
    screen_stop
    vd_virsh -q pool-destroy "$pool" >/dev/null 2>&1
    vd_virsh -q pool-undefine "$pool" >/dev/null 2>&1
    rm -rf "$tmp"
}
trap cleanup EXIT
vols() { vd_virsh -q vol-list "$pool" 2>/dev/null | awk '{print $1}' | sort | tr '\n' ' '; }
info() { vd_virsh vol-info --bytes --pool "$pool" "$1"; }

at=0
to() {
    while [ "$at" -lt "$1" ]; do screen_keys Tab; at=$((at + 1)); done
    while [ "$at" -gt "$1" ]; do screen_keys BTab; at=$((at - 1)); done
}
put() { to "$1"; screen_keys C-e C-u; [ -n "$2" ] && screen_text "$2"; }

screen_start 120x34 -c "$VD_TEST_URI"
trap cleanup EXIT                       # screen_start set its own
screen_wait "vdpool" 15
screen_keys Tab Tab                     # the pools pane
screen_keys n
screen_wait "New storage pool"
at=0
# dir fields: 0 Name 1 Type 2 Target 3 Build 4 Start 5 Autostart
: >"$tmp/afile"
put 0 "$pool"
put 2 "$tmp/afile"
screen_wait "target $tmp/afile exists and is not a directory"
screen_keys Enter
screen_expect "New storage pool"
vd_virsh -q pool-list --all --name | grep -qx "$pool" && screen_fail "a refused form made the pool"
put 2 "$tmp/pooldir"
screen_wait_gone "not a directory"
screen_keys Enter
screen_wait "pool $pool defined and started" 20
vd_virsh -q pool-list | grep -qE "^ *$pool +active" || screen_fail "virsh: $(vd_virsh -q pool-list)"

live_select "$pool"
screen_keys v
screen_wait "Volumes of pool $pool"
screen_wait "no volumes"

newvol() {  # newvol NAME MiB raw|qcow2 prealloc(0|1)
    screen_keys n
    screen_wait "New volume"
    at=0
    put 0 "$1"
    [ "$3" = raw ] && { to 1; screen_keys Right; screen_wait "< raw >"; }
    put 2 "$2"
    [ "$4" = 1 ] && { to 3; screen_keys Space; }
}
newvol a.qcow2 64 qcow2 0
screen_keys Enter
screen_wait "volume a.qcow2 created in pool $pool" 20
newvol b.raw 16 raw 1
screen_keys Enter
screen_wait "volume b.raw created in pool $pool" 20
[ "$(vols)" = "a.qcow2 b.raw " ] || screen_fail "vol-list: $(vols)"
info a.qcow2 | grep -qE "Capacity: +$((64 << 20)) bytes" || screen_fail "a.qcow2: $(info a.qcow2)"
vd_virsh vol-dumpxml --pool "$pool" a.qcow2 | grep -q "<format type='qcow2'/>" || screen_fail "not qcow2"
info b.raw | grep -qE "Allocation: +$((16 << 20)) bytes" || screen_fail "b.raw: $(info b.raw)"
screen_wait_re "a\.qcow2 +qcow2 +64\.0 MiB"

avail=$(vd_virsh pool-info --bytes "$pool" | awk '/Available/ {print $2}')
newvol huge.raw $((avail / 1048576 + 1024)) raw 0
screen_wait "free in pool '$pool'"
screen_keys Enter
screen_expect "New volume"
screen_keys Escape
_screen_poll 5 _screen_lacks "New volume" || { screen_keys y; screen_wait_gone "New volume"; }
[ "$(vols)" = "a.qcow2 b.raw " ] || screen_fail "vol-list after a refused create: $(vols)"

screen_keys g z                          # a.qcow2 is the first row
screen_wait "New size (MiB)"
screen_keys Enter                        # the offered double: 128 MiB
screen_wait "volume a.qcow2 resized" 20
info a.qcow2 | grep -qE "Capacity: +$((128 << 20)) bytes" || screen_fail "resize: $(info a.qcow2)"

screen_keys c
screen_wait "Name of the copy"
screen_keys Enter                        # clone-a.qcow2
screen_wait "a.qcow2 to clone-a.qcow2: done" 30
info clone-a.qcow2 | grep -qE "Capacity: +$((128 << 20)) bytes" || screen_fail "clone: $(info clone-a.qcow2)"

head -c $((50 << 20)) /dev/urandom >"$tmp/up.bin"
screen_keys U
screen_wait "Local file"
screen_text "$tmp/up.bin"
screen_keys Enter
screen_wait "to $pool/up.bin: done, 50.0 MiB" 60
screen_wait_re "100% +50\.0 MiB/50\.0 MiB .*done"
info up.bin | grep -qE "Capacity: +$((50 << 20)) bytes" || screen_fail "upload: $(info up.bin)"
screen_wait_re "up\.bin +raw"

screen_keys G W                          # up.bin is the last row
screen_wait "Save to"
screen_keys C-e C-u
screen_text "$tmp/down.bin"
screen_keys Enter
screen_wait "to $tmp/down.bin: done" 60
cmp -s "$tmp/up.bin" "$tmp/down.bin" || screen_fail "the download differs from the upload"

before=$(vols)
screen_keys U
screen_wait "Local file"
screen_text "$tmp/missing.iso"
screen_wait "no file at $tmp/missing.iso"
screen_keys Enter
screen_expect "Local file"
screen_keys Escape
screen_wait_gone "Local file"

truncate -s 8G "$tmp/big.bin"
screen_keys U
screen_wait "Local file"
screen_text "$tmp/big.bin"
screen_keys Enter
screen_wait "(C cancels)" 20
screen_keys C
screen_wait "cancelled; the partial volume was deleted" 30
[ "$(vols)" = "$before" ] || screen_fail "left after the cancelled upload: $(vols)"

for v in a.qcow2 b.raw clone-a.qcow2 up.bin; do
    screen_keys g D
    screen_wait "Delete volume"
    screen_keys y
    screen_wait "volume $v deleted" 20
    screen_wait_gone "pooldir/$v "          # the list was re-read
done
[ -z "$(vols)" ] || screen_fail "vol-list is not empty: $(vols)"
screen_wait "no volumes"

screen_keys Escape
screen_wait_gone "Volumes of pool"
screen_keys u
screen_wait "Undefine pool $pool?"
screen_keys y
screen_wait "pool $pool undefined" 20
vd_virsh -q pool-list --all --name | grep -qx "$pool" && screen_fail "still defined"
exit 0
