# bench/lib.sh: shared by the bench scripts (sourced, not run).

# bench_daemon NAME: the start of a bench script on the harness daemon:
# its env sourced, $sock its socket, $data a scratch directory
# (vd-bench-NAME.XXXXXX) that goes when the script exits.
bench_daemon() {
    . "${VD_HARNESS_DIR:?set VD_HARNESS_DIR to a harness that is up}/env"
    sock="$VD_HARNESS_DIR/run/libvirt/libvirt-sock"
    data=$(mktemp -d "${TMPDIR:-/tmp}/vd-bench-$1.XXXXXX")
    trap 'rm -rf "$data"' EXIT
}

# bench_host FILE N [NAME_PREFIX [UUID_GROUP]]: write a test-driver host
# of N running domains (2 vCPUs, 1 GiB) on an 8-CPU, 16 GiB node to FILE
# and print its URI through the harness daemon ($sock), so every call is
# a real RPC. Domains are NAME_PREFIX-00001..., their UUIDs unique per
# UUID_GROUP (4 hex digits).
bench_host() {
    local f=$1 n=$2 prefix=${3:-bench} group=${4:-8000} i
    {
        echo "<node><cpu><mhz>2400</mhz><model>x86_64</model><active>8</active>"
        echo "<nodes>1</nodes><sockets>1</sockets><cores>4</cores><threads>2</threads></cpu>"
        echo "<memory>16777216</memory>"
        for ((i = 1; i <= n; i++)); do
            printf "<domain type='test'><name>%s-%05d</name><uuid>00000000-0000-4000-%s-%012d</uuid>" "$prefix" "$i" "$group" "$i"
            echo "<memory>1048576</memory><currentMemory>524288</currentMemory><vcpu>2</vcpu><os><type>hvm</type></os></domain>"
        done
        echo "</node>"
    } >"$f"
    echo "test+unix://$f?socket=${sock:?}"
}

# bench_qemu_many URI N PREFIX: define N shut-off QEMU domains
# PREFIX-00001... (128 MiB, 1 vCPU, no disk) on the daemon at URI
# through one interactive virsh, the way a host with many guests stands
# on libvirt's own QEMU driver (no per-open parse as with the test
# driver). bench_qemu_many_undefine URI N PREFIX removes them.
bench_qemu_many() {
    local uri=$1 n=$2 prefix=$3 dir i
    dir=$(mktemp -d "${TMPDIR:-/tmp}/vd-bench-many.XXXXXX")
    for ((i = 1; i <= n; i++)); do
        printf "<domain type='qemu'><name>%s-%05d</name><memory unit='MiB'>128</memory><vcpu>1</vcpu><os><type arch='x86_64'>hvm</type></os></domain>\n" \
            "$prefix" "$i" >"$dir/$i.xml"
        echo "define $dir/$i.xml"
    done | virsh -q -c "$uri" >/dev/null
    rm -rf "$dir"
}
bench_qemu_many_undefine() {
    local uri=$1 n=$2 prefix=$3 i
    for ((i = 1; i <= n; i++)); do
        printf "undefine %s-%05d\n" "$prefix" "$i"
    done | virsh -q -c "$uri" >/dev/null 2>&1 || true
}
