#!/bin/bash
# Live screen test (issue 6): networks through the TUI. The create form
# shows a message for a name in use, a bridge in use, a subnet that
# overlaps the active vdnet and a DHCP range outside the subnet, and a
# refused submit creates nothing; a NAT and an isolated network are then
# created and started through the form (virsh net-list: active); a TCG
# guest booting from the NAT network gets a DHCP lease that the details
# view (i) shows with its MAC and address; u asks first, warns about the
# running guest, and undefines; d stops the isolated one, u removes it.
set -u
. "$VD_SRC/tests/lib/screen.sh"
. "$VD_SRC/tests/lib/live.sh"
P=lt6f
cleanup() {
    vd_cleanup_guests "$P-" >/dev/null 2>&1
    for n in "$P-nat" "$P-iso" "$P-bad"; do
        vd_virsh -q net-destroy "$n" >/dev/null 2>&1
        vd_virsh -q net-undefine "$n" >/dev/null 2>&1
    done
    screen_stop
}
trap cleanup EXIT
cleanup
nets() { vd_virsh -q net-list --all --name | sort | tr '\n' ' '; }

at=0
# to N: move the form's focus to visible field N (0: the first).
to() {
    while [ "$at" -lt "$1" ]; do screen_keys Tab; at=$((at + 1)); done
    while [ "$at" -gt "$1" ]; do screen_keys BTab; at=$((at - 1)); done
}
# put N TEXT: replace the text of field N.
put() { to "$1"; screen_keys C-e C-u; [ -n "$2" ] && screen_text "$2"; }

screen_start 110x34 -c "$VD_TEST_URI"
trap cleanup EXIT                       # screen_start set its own
screen_wait "vdnet" 15
screen_keys Tab                         # the networks pane
screen_keys n
screen_wait "New network"
at=0
# NAT fields: 0 Name 1 Mode 2 Bridge 3 Device 4 IPv4 5 Prefix 6 DHCP
#             7 start 8 end 9 IPv6 10 domain 11 Persistent 12 Start 13 Autostart
put 0 vdnet
screen_wait "a network named 'vdnet' already exists"
put 0 "$P-nat"
screen_wait_gone "already exists"
put 2 vdbr0
screen_wait "bridge 'vdbr0' is already used by network 'vdnet'"
put 2 vdi6f0
screen_wait_gone "already used"
put 4 192.168.150.1
screen_wait "overlaps the subnet 192.168.150.1/24 of the active network"
put 4 192.168.163.1
screen_wait_gone "overlaps"
before=$(nets)
screen_keys Enter                       # refused: the DHCP range is off
screen_wait "DHCP start 192.168.100.128 is outside the subnet 192.168.163.1/24"
screen_expect "New network"
[ "$(nets)" = "$before" ] || screen_fail "a refused form created a network: $(nets)"
at=7                                    # the focus went to the first bad field
put 7 192.168.163.1
put 8 192.168.163.200
screen_wait "the DHCP range 192.168.163.1-192.168.163.200 includes the gateway"
put 7 192.168.163.100
screen_wait_gone "DHCP"" start 192"
screen_wait_gone "includes the gateway"
screen_keys Enter
screen_wait "network $P-nat defined and started" 20
vd_virsh -q net-list | grep -qE "^ *$P-nat +active" || screen_fail "virsh: $(vd_virsh -q net-list)"
vd_virsh net-dumpxml "$P-nat" | grep -q "<forward mode='nat'" || screen_fail "not NAT"

screen_keys n
screen_wait "New network"
at=0
put 0 "$P-iso"
to 1; screen_keys Right Right           # NAT -> routed -> isolated
screen_wait "< isolated >"
# isolated: 0 Name 1 Mode 2 Bridge 3 IPv4 4 Prefix 5 DHCP 6 start 7 end
put 2 vdi6f1
put 3 192.168.164.1
put 6 192.168.164.100
put 7 192.168.164.200
screen_wait_gone "outside the subnet"
screen_keys Enter
screen_wait "network $P-iso defined and started" 20
vd_virsh -q net-list | grep -qE "^ *$P-iso +active" || screen_fail "virsh: $(vd_virsh -q net-list)"
vd_virsh net-dumpxml "$P-iso" | grep -q "<forward" && screen_fail "the isolated network forwards"

# A guest booting from the NAT network (TCG) gets a lease.
VD_VIRT_TYPE=qemu vd_define_guest "$P-pxe" --network "$P-nat" >/dev/null || screen_fail "define"
mac=$(vd_virsh domiflist "$P-pxe" | awk '/network/ {print $5}')
vd_virsh -q start "$P-pxe" >/dev/null || screen_fail "start"
live_select "$P-nat"
screen_keys i
screen_wait "Network $P-nat"
screen_wait_re "^ +$mac +192\.168\.163\.[0-9]+" 120
screen_expect "DHCP leases (1)"
screen_expect_re "$P-pxe +$mac +running"
screen_expect "192.168.163.100 - 192.168.163.200"
ip=$(screen_line "^ +$mac " | awk '{print $2}')
vd_virsh net-dhcp-leases "$P-nat" | grep -qF "$ip" || screen_fail "virsh has no lease $ip"

# Undefine asks first and names the running guest.
screen_keys u
screen_wait "WARNING: running domains use it and lose their network: $P-pxe"
screen_keys n
screen_wait "network $P-nat kept"
vd_virsh -q net-list --name | grep -qx "$P-nat" || screen_fail "n undefined it"
screen_keys u
screen_wait "Undefine network $P-nat?"
screen_keys y
screen_wait "network $P-nat undefined" 20
vd_cleanup_guests "$P-" >/dev/null 2>&1
_screen_poll 10 _screen_lacks "│ $P-nat " || screen_fail "the network is still listed"
vd_virsh -q net-list --all --name | grep -qx "$P-nat" && screen_fail "still defined"

live_select "$P-iso"
screen_keys d
screen_wait "network $P-iso stopped" 20
vd_virsh -q net-list --all | grep -qE "^ *$P-iso +inactive" || screen_fail "virsh: not stopped"
screen_keys u
screen_wait "Undefine network $P-iso?"
screen_keys y
screen_wait "network $P-iso undefined" 20
vd_virsh -q net-list --all --name | grep -qx "$P-iso" && screen_fail "still defined"
exit 0
