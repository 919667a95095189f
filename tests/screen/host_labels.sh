#!/bin/bash
# Many hosts on one screen (issue 12): twelve hosts at 80x24, each told
# apart by a short label made from its URI (user@ or the port only where
# two would read the same, the differing transport, "local", the test
# driver's file name) or given in hosts.conf. Every label shows whole
# in the hosts pane and they are twelve different ones; the status line
# and the all-hosts view use the same labels. The remote hosts have
# autoconnect=no: nothing leaves the machine.
. "$VD_SRC/tests/lib/screen.sh"
work=$(mktemp -d)
trap 'screen_stop; rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/cfg"
mkdir -p "$XDG_CONFIG_HOME/virtdeck"
MODEL="test://$VD_SRC/tests/data/model-host.xml"
DEMO="test://$VD_SRC/data/demo-host.xml"
cat >"$XDG_CONFIG_HOME/virtdeck/hosts.conf" <<CONF
$MODEL
$DEMO
qemu+ssh://root@kvm1.example.com/system autoconnect=no
qemu+ssh://root@kvm2.example.com/system autoconnect=no
qemu+ssh://root@kvm3.example.com/system autoconnect=no
qemu+ssh://root@kvm4.example.com/system autoconnect=no
qemu+ssh://root@kvm5/system autoconnect=no
qemu+ssh://admin@kvm5/system autoconnect=no
qemu+tcp://kvm6:16509/system autoconnect=no
qemu+tcp://kvm6:16510/system autoconnect=no
qemu+ssh://root@rack9.example.com/system label=lab autoconnect=no
qemu:///system autoconnect=no
CONF

screen_start 80x24
screen_wait "Hosts (12)"
screen_wait_re "alpha +running"
want=(model-host.xml demo-host.xml kvm1.example.com kvm2.example.com
      kvm3.example.com kvm4.example.com root@kvm5 admin@kvm5 kvm6:16509 kvm6:16510
      lab local)
# the hosts pane shows five rows at a time: walk down all twelve and
# collect the labels shown (the first word after the dot of each row)
screen_keys h
seen=$work/seen
: >"$seen"
for _ in $(seq 1 12); do
    screen_capture | sed -n 's/^│ [●*o] \([^ │]*\).*/\1/p' >>"$seen"
    screen_keys j
done
screen_capture | sed -n 's/^│ [●*o] \([^ │]*\).*/\1/p' >>"$seen"
got=$(sort -u "$seen" | tr '\n' ' ')
exp=$(printf '%s\n' "${want[@]}" | sort -u | tr '\n' ' ')
[ "$got" = "$exp" ] || screen_fail "labels shown: $got; wanted: $exp"
[ "$(sort -u "$seen" | wc -l)" = 12 ] || screen_fail "not 12 distinct labels"
grep -q '…' "$seen" && screen_fail "a label was cut: $(grep '…' "$seen")"
screen_keys g
# the status line names the selected host by the same label
screen_keys j j j
screen_wait_re "^ virtdeck . kvm2\.example\.com: disconnected"
# the all-hosts view's host column
screen_keys H
screen_wait_re "alpha .*model-h"
screen_expect_re "build-runner .*demo-h"
exit 0
