#!/bin/bash
# Live test (issue 6): pools and volumes through the worker commands on
# the private libvirtd. A dir pool built from the builder's XML is
# defined, built and started; qcow2 and raw volumes are created, one is
# resized, one cloned; a 50 MiB file is uploaded through the libvirt
# stream and downloaded back byte-identical; the volumes are deleted --
# each step checked with virsh vol-list / vol-info. Bad input (a pool
# target that is not a directory, a volume larger than the pool's free
# space, an upload of a missing file, a cancelled upload) gets a message
# and creates nothing. A long upload does not hold up the host's other
# commands.
set -u
src=$(cd "$(dirname "$0")/../.." && pwd)
. "$src/tests/harness/lib.sh"
vd_harness_env || exit 1
bin=${VD_BIN:-$src/build/virtdeck}
drive=$(dirname "$bin")/tests/netstore/nsdrive
P=lt6s
pool=$P-pool
fails=0
tmp=$(mktemp -d /tmp/vd-lt6s.XXXXXX)
target=$tmp/pooldir

cleanup() {
    vd_cleanup_guests "$P-" >/dev/null 2>&1
    vd_virsh -q pool-destroy "$pool" >/dev/null 2>&1
    vd_virsh -q pool-undefine "$pool" >/dev/null 2>&1
    vd_virsh -q pool-destroy "$P-bad" >/dev/null 2>&1
    vd_virsh -q pool-undefine "$P-bad" >/dev/null 2>&1
    rm -rf "$tmp"
}
trap cleanup EXIT

check() {   # check DESCRIPTION COMMAND...
    local what=$1; shift
    if "$@"; then echo "ok: $what"; else echo "FAIL: $what"; fails=$((fails + 1)); fi
}
drv() { "$drive" "$VD_TEST_URI" "$@"; }
vols() { vd_virsh -q vol-list "$pool" | awk '{print $1}' | sort | tr '\n' ' '; }
refused() {     # refused DESCRIPTION MESSAGE DRIVE-ARGS...
    local what=$1 msg=$2 out; shift 2
    out=$(drv "$@")
    if [ $? -ne 0 ] && grep -qF -- "$msg" <<<"$out"; then
        echo "ok: $what refused: $(tail -n1 <<<"$out")"
    else
        echo "FAIL: $what: expected '$msg', got: $out"; fails=$((fails + 1))
    fi
}

# --- a pool target that is not a directory ---------------------------
: >"$tmp/afile"
"$drive" - XML_POOL name=$P-bad type=dir target="$tmp/afile" >"$tmp/bad.xml"
refused "a pool target that is a file" "target $tmp/afile exists and is not a directory" \
    POOL_DEFINE --file "$tmp/bad.xml" --flags 3
check "no pool $P-bad was created" \
    bash -c '! grep -qx "$1" <<<"$2"' _ "$P-bad" "$(vd_virsh -q pool-list --all --name)"

# --- a dir pool, built and started ------------------------------------
"$drive" - XML_POOL name=$pool type=dir target="$target" >"$tmp/pool.xml"
check "define, build and start the dir pool" drv POOL_DEFINE --file "$tmp/pool.xml" --flags 3
check "virsh pool-list: the pool is active" \
    grep -qE "^ *$pool +active" <<<"$(vd_virsh -q pool-list)"
check "the pool's directory was built" [ -d "$target" ]

# --- volumes ----------------------------------------------------------
"$drive" - XML_VOL name=a.qcow2 capacity=$((64 << 20)) format=qcow2 >"$tmp/a.xml"
"$drive" - XML_VOL name=b.raw capacity=$((16 << 20)) allocation=$((16 << 20)) format=raw >"$tmp/b.xml"
check "create a qcow2 volume" drv VOL_CREATE --pool "$pool" --file "$tmp/a.xml"
check "create a raw volume (preallocated)" drv VOL_CREATE --pool "$pool" --file "$tmp/b.xml"
check "vol-list shows both" [ "$(vols)" = "a.qcow2 b.raw " ]
check "a.qcow2 is qcow2 of 64 MiB" \
    grep -qF "<capacity unit='bytes'>$((64 << 20))</capacity>" <<<"$(vd_virsh vol-dumpxml --pool $pool a.qcow2)"
check "a.qcow2's format" grep -qF "<format type='qcow2'/>" <<<"$(vd_virsh vol-dumpxml --pool $pool a.qcow2)"
check "b.raw is allocated" \
    grep -qE "Allocation: +$((16 << 20)) bytes" <<<"$(vd_virsh vol-info --bytes --pool $pool b.raw)"

# larger than the free space
avail=$(vd_virsh pool-info --bytes "$pool" | awk '/Available/ {print $2}')
"$drive" - XML_VOL name=huge.raw capacity=$((avail + (1 << 30))) format=raw >"$tmp/huge.xml"
refused "a volume larger than the pool's free space" "free in pool '$pool'" \
    VOL_CREATE --pool "$pool" --file "$tmp/huge.xml"
check "huge.raw was not created" [ "$(vols)" = "a.qcow2 b.raw " ]

check "resize a.qcow2 to 128 MiB" drv VOL_RESIZE --pool "$pool" --str a.qcow2 --num $((128 << 20))
check "vol-info: 128 MiB" \
    grep -qE "Capacity: +$((128 << 20)) bytes" <<<"$(vd_virsh vol-info --bytes --pool $pool a.qcow2)"
"$drive" - XML_VOL name=c.raw capacity=$((16 << 20)) format=raw >"$tmp/c.xml"
check "clone b.raw to c.raw" drv VOL_CLONE --pool "$pool" --str2 b.raw "$(cat "$tmp/c.xml")"
check "vol-info of the clone" \
    grep -qE "Capacity: +$((16 << 20)) bytes" <<<"$(vd_virsh vol-info --bytes --pool $pool c.raw)"
check "wipe c.raw" drv VOL_WIPE --pool "$pool" --str c.raw

# --- upload and download ---------------------------------------------
head -c $((50 << 20)) /dev/urandom >"$tmp/up.bin"
out=$(drv VOL_UPLOAD --pool "$pool" --str2 up.img "$tmp/up.bin")
echo "$out" | tail -n 2
check "upload 50 MiB" grep -q "^ok: upload .*: done, 50.0 MiB" <<<"$out"
check "vol-info: 50 MiB" \
    grep -qE "Capacity: +$((50 << 20)) bytes" <<<"$(vd_virsh vol-info --bytes --pool $pool up.img)"
check "progress reached 50 MiB" grep -q "^progress $((50 << 20)) $((50 << 20)) " <<<"$out"
out=$(drv VOL_DOWNLOAD --pool "$pool" --str2 up.img "$tmp/down.bin")
check "download it back" grep -q "^ok: download" <<<"$out"
check "byte-identical (sha256)" \
    [ "$(sha256sum <"$tmp/up.bin")" = "$(sha256sum <"$tmp/down.bin")" ]
refused "a download over an existing file" "it exists already (not overwritten)" \
    VOL_DOWNLOAD --pool "$pool" --str2 up.img "$tmp/down.bin"

# bad uploads
before=$(vols)
refused "an upload of a missing file" "cannot open $tmp/missing.iso: No such file" \
    VOL_UPLOAD --pool "$pool" --str2 missing.img "$tmp/missing.iso"
truncate -s 2G "$tmp/big.bin"
out=$(drv VOL_UPLOAD --pool "$pool" --str2 big.img "$tmp/big.bin" --concurrent --cancel-after 1)
echo "$out" | grep -v '^progress'
check "a cancelled upload says so" grep -q "cancelled; the partial volume was deleted" <<<"$out"
check "the host answered another command during the upload" \
    grep -q "^concurrent answer before the job ended" <<<"$out"
check "nothing left by the bad uploads" [ "$(vols)" = "$before" ]

# --- "used by": a guest's disk in the harness pool --------------------
vd_define_guest "$P-user" --disk 1 >/dev/null || exit 1
out=$(drv VOL_LIST --pool vdpool)
check "the volume list says which domain uses a volume" \
    grep -qE "^vol $P-user\.qcow2 qcow2 $((1 << 20)) [0-9]+ [^ ]+ $P-user$" <<<"$out"
vd_cleanup_guests "$P-" >/dev/null 2>&1

# --- delete -------------------------------------------------------------
for v in a.qcow2 b.raw c.raw up.img; do
    check "delete $v" drv VOL_DELETE --pool "$pool" --str "$v"
done
check "vol-list is empty" [ -z "$(vols)" ]
check "undefine the pool" drv POOL_UNDEFINE --pool "$pool"

[ "$fails" = 0 ] || { echo "$fails check(s) failed"; exit 1; }
echo "all checks passed"
