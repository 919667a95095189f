#!/bin/bash
# A hosts.conf with a NUL byte in one line: the other hosts still load,
# the status line names the line, and the first save from the hosts form
# keeps the original byte for byte beside the new file (before, the file
# was skipped whole and the first host added wrote a new file over it:
# every host the user had was gone). A file too large to read is never
# written over.
. "$VD_SRC/tests/lib/screen.sh"
work=$(mktemp -d)
trap 'screen_stop; rm -rf "$work"' EXIT
export XDG_CONFIG_HOME="$work/cfg"
mkdir -p "$XDG_CONFIG_HOME/virtdeck"
CONF="$XDG_CONFIG_HOME/virtdeck/hosts.conf"
MODEL="test://$VD_SRC/tests/data/model-host.xml"
printf '%s label=model\nqemu:///sys\0tem label=broken\ntest:///default label=idle autoconnect=no\n' \
    "$MODEL" >"$CONF"
orig=$(sha256sum <"$CONF")

screen_start 110x30
screen_wait "Hosts (2)"
screen_wait "line skipped: hosts.conf:2: a NUL byte: line not read"
screen_wait_re "alpha +running"
screen_wait_re "idle +disconnected"
[ "$(sha256sum <"$CONF")" = "$orig" ] || screen_fail "hosts.conf changed by reading it"

# add a host: saved, and the original is kept aside
screen_keys h a
screen_wait "Add a host"
screen_keys C-u
screen_text "test:///default"
screen_keys Tab
screen_text "added"
screen_keys Enter
screen_wait "unreadable lines: kept as hosts.conf.unreadable-"
screen_wait "Hosts (3)"
aside=$(ls "$CONF".unreadable-* 2>/dev/null | head -n 1)
[ -n "$aside" ] || screen_fail "the original was not kept aside"
[ "$(sha256sum <"$aside")" = "$orig" ] || screen_fail "the kept original differs from what the user had"
grep -q "label=model" "$CONF" || { cat -A "$CONF"; screen_fail "a host was lost"; }
grep -q "label=idle" "$CONF" || { cat -A "$CONF"; screen_fail "a host was lost"; }
grep -q "label=added" "$CONF" || { cat -A "$CONF"; screen_fail "the new host was not saved"; }
grep -q "^# not read (a NUL byte): qemu:///sys\\\\0tem label=broken" "$CONF" ||
    { cat -A "$CONF"; screen_fail "the unreadable line is not kept in the new file"; }
screen_keys q
screen_wait_exit 5 >/dev/null
screen_stop

# a file too large to read: loaded as nothing, never written over
rm -f "$CONF".unreadable-*
head -c 1100000 /dev/zero | tr '\0' '#' >"$CONF"
orig=$(sha256sum <"$CONF")
screen_start 110x30
screen_wait "hosts list not read:"
screen_keys h a
screen_wait "Add a host"
screen_keys C-u
screen_text "test:///default"
screen_keys Enter
screen_wait "is not written over"
[ "$(sha256sum <"$CONF")" = "$orig" ] || screen_fail "a file that was not read was written over"
exit 0
