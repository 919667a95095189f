# bench/lib.sh: shared by the bench scripts (sourced, not run).

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
