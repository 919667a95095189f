#!/bin/bash
# The create-network form's Prefix and host bridge (issue 20):
# - the prefix takes a netmask (255.255.255.0) as well as a length, and
#   the network is created with it (virsh: /24);
# - a bad netmask is reported under the Prefix field, not under the
#   IPv4 address;
# - in host bridge mode, a device that is not a bridge (lo) is refused
#   with a word pointing to macvtap, an unknown one too; the harness's
#   real bridge (vdbr0) passes and the network is created. The answer
#   comes from the host's worker (libvirt's interface driver), never
#   from the UI.
set -u
. "$VD_SRC/tests/lib/screen.sh"
. "$VD_SRC/tests/lib/live.sh"
P=vdt-nff
cleanup() {
    local n
    for n in "$P" "$P-br"; do
        vd_virsh -q net-destroy "$n" >/dev/null 2>&1
        vd_virsh -q net-undefine "$n" >/dev/null 2>&1
    done
    screen_stop
}
trap cleanup EXIT
cleanup

at=0
to() {
    while [ "$at" -lt "$1" ]; do screen_keys Tab; at=$((at + 1)); done
    while [ "$at" -gt "$1" ]; do screen_keys BTab; at=$((at - 1)); done
}
put() { to "$1"; screen_keys C-e C-u; [ -n "$2" ] && screen_text "$2"; }
# row_after LABEL: the screen line just below the field labelled LABEL
row_after() {
    local n
    n=$(screen_capture | grep -n -m1 "^ *$1 " | cut -d: -f1)
    [ -n "$n" ] && screen_capture | sed -n "$((n + 1))p"
}

screen_start 110x34 -c "$VD_TEST_URI"
trap cleanup EXIT                       # screen_start set its own
screen_wait "vdnet" 15
screen_keys Tab                         # the networks pane
screen_keys n
screen_wait "New network"
# NAT fields: 0 Name 1 Mode 2 Bridge 3 Device 4 IPv4 5 Prefix 6 DHCP 7 start 8 end
put 0 "$P"
put 2 vdnff0
put 4 192.168.171.1
put 7 192.168.171.100
put 8 192.168.171.200
# a DHCP start outside the subnet: said under the start, not the end
put 7 192.168.172.100
screen_wait "DHCP start 192.168.172.100 is outside the subnet"
under=$(row_after "DHCP end")
case $under in *DHCP*) screen_fail "the start's fault under DHCP end too: '$under'" ;; esac
put 7 192.168.171.100
screen_wait_gone "is outside the subnet"
put 5 255.0.255.0
screen_wait "255.0.255.0 is not a netmask"
under=$(row_after "Prefix")
case $under in *"is not a netmask"*) ;; *) screen_fail "the error is not under Prefix: '$under'" ;; esac
under=$(row_after "IPv4 address")
case $under in *"netmask"*|*"prefix"*) screen_fail "a prefix error under the address: '$under'" ;; esac
put 5 255.255.255.0
screen_wait_gone "is not a netmask"
screen_expect_not "neither a prefix"
screen_keys Enter
screen_wait "network $P defined and started" 20
vd_virsh net-dumpxml "$P" | grep -qE "netmask='255\.255\.255\.0'|prefix='24'" ||
    screen_fail "virsh: $(vd_virsh net-dumpxml "$P" | grep '<ip')"

# host bridge mode
screen_keys n
screen_wait "New network"
at=0
put 0 "$P-br"
to 1; screen_keys Right Right Right Right      # NAT routed isolated open bridge
screen_wait "< host bridge >"
put 2 lo
screen_wait "'lo' is ethernet, not a bridge: for a plain device, use macvtap (direct)" 10
put 2 nosuch9
screen_wait "the host has no interface 'nosuch9'" 10
put 2 vdbr0
screen_wait_gone "has no interface" 10
screen_expect_not "not a bridge"
screen_keys Enter
screen_wait "network $P-br defined and started" 20
vd_virsh net-dumpxml "$P-br" | grep -q "<bridge name='vdbr0'" ||
    screen_fail "virsh: $(vd_virsh net-dumpxml "$P-br" | grep '<bridge')"
exit 0
