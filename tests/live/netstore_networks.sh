#!/bin/bash
# Live test (issue 6): networks through the worker commands on the
# private libvirtd. A NAT and an isolated network built by the XML
# builder are defined and started and `virsh net-list` shows them
# active; a guest on the NAT network booting from the network (TCG: the
# NIC's iPXE asks for DHCP) gets a lease that the network's details show
# with its MAC and address; bad input (a name in use, a bridge in use, a
# DHCP range outside the subnet, a subnet overlapping an active network)
# is refused with a message and creates nothing; then the networks are
# stopped and undefined.
set -u
src=$(cd "$(dirname "$0")/../.." && pwd)
. "$src/tests/harness/lib.sh"
vd_harness_env || exit 1
bin=${VD_BIN:-$src/build/virtdeck}
drive=$(dirname "$bin")/tests/netstore/nsdrive
P=lt6n
fails=0
tmp=$(mktemp -d)

cleanup() {
    vd_cleanup_guests "$P-" >/dev/null 2>&1
    for n in "$P-nat" "$P-iso" "$P-bad1" "$P-bad2" "$P-bad3"; do
        vd_virsh -q net-destroy "$n" >/dev/null 2>&1
        vd_virsh -q net-undefine "$n" >/dev/null 2>&1
    done
    rm -rf "$tmp"
}
trap cleanup EXIT
cleanup
tmp=$(mktemp -d)

check() {   # check DESCRIPTION COMMAND...
    local what=$1; shift
    if "$@"; then echo "ok: $what"; else echo "FAIL: $what"; fails=$((fails + 1)); fi
}
netxml() {  # netxml FILE KEY=VALUE...: the builder's XML into FILE
    local f=$1; shift
    "$drive" - XML_NET "$@" >"$f"
}
drv() { "$drive" "$VD_TEST_URI" "$@"; }
nets() { vd_virsh -q net-list --all --name | sort; }

# --- bad input: each refused with its message, nothing created --------
before=$(nets)
expect_refused() {  # expect_refused DESCRIPTION MESSAGE KEY=VALUE...
    local what=$1 msg=$2 out; shift 2
    netxml "$tmp/bad.xml" "$@" || { echo "FAIL: $what: builder"; fails=$((fails + 1)); return; }
    out=$(drv NET_DEFINE --file "$tmp/bad.xml" --flags 2)
    if [ $? -ne 0 ] && grep -qF -- "$msg" <<<"$out"; then
        echo "ok: $what refused: ${out#error: }"
    else
        echo "FAIL: $what: expected '$msg', got: $out"; fails=$((fails + 1))
    fi
}
expect_refused "a name in use" "a network named 'vdnet' already exists" \
    name=vdnet mode=nat bridge=vdi6x0 ip=192.168.162.1
expect_refused "a bridge in use" "bridge 'vdbr0' is already used by network 'vdnet'" \
    name=$P-bad1 mode=nat bridge=vdbr0 ip=192.168.162.1
expect_refused "a DHCP range outside the subnet" \
    "DHCP start 192.168.99.10 is outside the subnet 192.168.162.1/24" \
    name=$P-bad2 mode=nat bridge=vdi6x0 ip=192.168.162.1 start=192.168.99.10 end=192.168.99.20
expect_refused "a DHCP range with the gateway" "includes the gateway 192.168.162.1" \
    name=$P-bad2 mode=nat bridge=vdi6x0 ip=192.168.162.1 start=192.168.162.1 end=192.168.162.20
expect_refused "a subnet overlapping the active vdnet" \
    "overlaps the subnet 192.168.150.1/24 of the active network 'vdnet'" \
    name=$P-bad3 mode=isolated bridge=vdi6x0 ip=192.168.150.129 prefix=25
check "nothing was created by bad input" [ "$(nets)" = "$before" ]

# --- a NAT and an isolated network, started --------------------------
netxml "$tmp/nat.xml" name=$P-nat mode=nat bridge=vdi6nat0 ip=192.168.160.1 \
    start=192.168.160.100 end=192.168.160.200 || exit 1
netxml "$tmp/iso.xml" name=$P-iso mode=isolated bridge=vdi6iso0 ip=192.168.161.1 \
    start=192.168.161.100 end=192.168.161.200 || exit 1
check "define and start the NAT network" drv NET_DEFINE --file "$tmp/nat.xml" --flags 2
check "define and start the isolated network" drv NET_DEFINE --file "$tmp/iso.xml" --flags 2
list=$(vd_virsh -q net-list)
echo "$list"
check "virsh net-list: the NAT network is active" grep -qE "^ *$P-nat +active" <<<"$list"
check "virsh net-list: the isolated network is active" grep -qE "^ *$P-iso +active" <<<"$list"
check "the NAT network forwards with NAT" \
    grep -q "<forward mode='nat'" <<<"$(vd_virsh net-dumpxml $P-nat)"
check "the isolated network does not forward" \
    bash -c "! grep -q '<forward' <<<\"\$1\"" _ "$(vd_virsh net-dumpxml $P-iso)"

# --- a guest on the NAT network gets a DHCP lease --------------------
VD_VIRT_TYPE=qemu vd_define_guest "$P-pxe" --network "$P-nat" >/dev/null || exit 1
mac=$(vd_virsh domiflist "$P-pxe" | awk '/network/ {print $5}')
vd_virsh -q start "$P-pxe" >/dev/null || exit 1
lease=
end=$((SECONDS + 120))
while [ $SECONDS -lt $end ]; do
    details=$(drv NET_DETAILS --net "$P-nat")
    lease=$(grep "^lease $mac " <<<"$details") && break
    sleep 0.5
done
echo "$details"
check "the details show a lease for the guest's MAC $mac" [ -n "$lease" ]
check "the lease's address is in the DHCP range" \
    grep -qE "^lease $mac 192\.168\.160\.(1[0-9][0-9]|200)/24$" <<<"$lease"
check "the lease matches virsh net-dhcp-leases" \
    grep -qF "${lease#lease $mac }" <<<"$(vd_virsh net-dhcp-leases $P-nat)"
check "the details show the guest attached, running" \
    grep -qF "attached $P-pxe $mac running" <<<"$details"
vd_cleanup_guests "$P-" >/dev/null 2>&1

# --- stop and undefine -----------------------------------------------
check "stop the NAT network" drv NET_STOP --net "$P-nat"
check "undefine the NAT network" drv NET_UNDEFINE --net "$P-nat"
check "undefine the isolated network (running: stopped first)" drv NET_UNDEFINE --net "$P-iso"
check "both are gone from virsh net-list --all" \
    bash -c '! grep -qE "$1" <<<"$2"' _ "^$P-(nat|iso)$" "$(nets)"

[ "$fails" = 0 ] || { echo "$fails check(s) failed"; exit 1; }
echo "all checks passed"
