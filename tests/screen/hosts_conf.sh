#!/bin/bash
# The hosts list: hosts.conf loads without -c (a malformed line is
# reported with its number and skipped, the rest loads), an unreachable
# URI says why and what to check, a host with autoconnect=no waits for
# c, hosts are added / edited / removed through the form and saved
# (atomically; the malformed line is kept, commented out), the host
# overview, and -c ignores the file.
. "$VD_SRC/tests/lib/screen.sh"
work=$(mktemp -d)
trap 'screen_stop; rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/cfg"
mkdir -p "$XDG_CONFIG_HOME/virtdeck"
CONF="$XDG_CONFIG_HOME/virtdeck/hosts.conf"
MODEL="test://$VD_SRC/tests/data/model-host.xml"
cat >"$CONF" <<CONF
$MODEL label=model
this is not a uri
qemu+tcp://127.0.0.1:1/system label=unreachable
test:///default label=idle autoconnect=no
CONF

screen_start 100x34
screen_wait "Hosts (3)"
screen_wait "line skipped: hosts.conf:2: not a libvirt URI"
screen_wait_re "alpha +running"                     # model, the first, is connected
screen_wait_re "unreach.* +failed"
screen_wait_re "idle +disconnected"
# the unreachable one: libvirt's error and what to check
screen_keys h j
screen_wait_re "Connection refused|Failed to connect"
screen_wait "What to check:"
screen_wait_re "16509"
# autoconnect=no: idle until c
screen_keys j
screen_wait "Not connected to test:///default"
screen_keys c
screen_wait_re "idle +1/1 VMs running"
screen_keys l
screen_wait_re "test +running"
screen_keys h d
screen_wait "Not connected to test:///default"

# add: a bad URI is refused in the form, then a good one is added and saved
screen_keys a
screen_wait "Add a host"
screen_keys C-u
screen_text "not a uri"
screen_wait "a URI has no spaces"
screen_keys Enter
screen_wait "Add a host"                            # refused: still open
screen_keys C-u
screen_text "qemu+ssh://[::1/system"               # libvirt cannot parse it
screen_wait "libvirt cannot parse this URI"
screen_keys Enter
screen_wait "Add a host"
screen_keys C-u
screen_text "test:///default"
screen_keys Tab
screen_text "added"
screen_keys Enter
screen_wait "Host added added; saved to $CONF"
screen_wait "Hosts (4)"
grep -qx "test:///default label=added autoconnect=yes" "$CONF" || { cat "$CONF"; screen_fail "not saved"; }
grep -qx "# not read: this is not a uri" "$CONF" || { cat "$CONF"; screen_fail "the malformed line was lost"; }
ls "$XDG_CONFIG_HOME/virtdeck" | grep -q "hosts.conf\." && screen_fail "a temporary file was left"

# edit its label
screen_keys e
screen_wait "Edit host"
screen_keys Tab C-u
screen_text "edited"
screen_keys Enter
screen_wait "Host edited changed; saved"
grep -qx "test:///default label=edited autoconnect=yes" "$CONF" || { cat "$CONF"; screen_fail "edit not saved"; }

# the overview of the model host
screen_keys g i
screen_wait "Hypervisor   TEST"
screen_expect "VMs          "
screen_expect "Host CPU"
screen_keys Escape

# remove the edited one (asks first)
screen_keys G x
screen_wait "Remove edited from the hosts list?"
screen_keys y
screen_wait "Host edited removed; saved"
screen_wait "Hosts (3)"
grep -q "label=edited" "$CONF" && { cat "$CONF"; screen_fail "removed host still saved"; }
grep -q "label=model" "$CONF" || screen_fail "the other hosts were lost"
screen_keys q
screen_wait_exit 5 >/dev/null
screen_stop

# -c: this run only; the file is neither read nor written
before=$(cat "$CONF")
screen_start 100x30 -c "$MODEL"
screen_wait "Hosts (1)"
screen_wait_re "alpha +running"
screen_capture | grep -q "hosts.conf" && screen_fail "hosts.conf was read with -c"
[ "$(cat "$CONF")" = "$before" ] || screen_fail "hosts.conf changed"
exit 0
