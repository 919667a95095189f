#!/bin/bash
# Live screen test (issue 6): a network's XML through the TUI. X shows
# it; E runs $EDITOR on it: a good edit is saved (virsh net-dumpxml
# --inactive shows it), a broken one is refused with the daemon-side
# check's message and offered again, and "keep" leaves the user's text
# in its file -- an edit is never lost.
set -u
. "$VD_SRC/tests/lib/screen.sh"
. "$VD_SRC/tests/lib/live.sh"
P=lt6x
net=$P-net
tmp=$(mktemp -d /tmp/vd-lt6x.XXXXXX)
cleanup() {
    screen_stop
    vd_virsh -q net-destroy "$net" >/dev/null 2>&1
    vd_virsh -q net-undefine "$net" >/dev/null 2>&1
    rm -rf "$tmp" /tmp/virtdeck-lt6x-*
}
trap cleanup EXIT
cleanup
tmp=$(mktemp -d /tmp/vd-lt6x.XXXXXX)

# The "editor": what it does comes from $tmp/mode.
cat >"$tmp/ed.sh" <<'EOS'
#!/bin/bash
case $(cat "$(dirname "$0")/mode") in
    good) sed -i 's/192\.168\.165\.200/192.168.165.150/' "$1" ;;
    bad) printf '<network><name>oops</name><ip address=' >"$1" ;;
esac
EOS
chmod +x "$tmp/ed.sh"
export EDITOR="$tmp/ed.sh" VISUAL=

"$(dirname "$VD_BIN")/tests/netstore/nsdrive" - XML_NET name=$net mode=isolated \
    bridge=vdi6x0 ip=192.168.165.1 start=192.168.165.100 end=192.168.165.200 >"$tmp/n.xml"
vd_virsh -q net-define "$tmp/n.xml" >/dev/null || exit 1

screen_start 110x34 -c "$VD_TEST_URI"
trap cleanup EXIT
screen_wait "$net" 15
screen_keys Tab
live_select "$net"
screen_keys X
screen_wait "<name>$net</name>"
screen_expect "192.168.165.200"
screen_keys Escape
screen_wait_gone "<name>$net</name>"

echo good >"$tmp/mode"
screen_keys E
screen_wait "network $net updated" 20
vd_virsh net-dumpxml --inactive "$net" | grep -q "end='192.168.165.150'" ||
    screen_fail "virsh: $(vd_virsh net-dumpxml --inactive $net)"

echo bad >"$tmp/mode"
screen_keys Escape
screen_keys E
screen_wait "Your edit was refused"
screen_expect "not a network XML document"
screen_keys k
screen_wait "Your edit is kept in "
file=$(screen_line "Your edit is kept in " | sed 's/.*kept in \([^ ]*\).*/\1/')
[ -f "$file" ] && grep -q "<name>oops</name>" "$file" || screen_fail "the edit is not in $file"
rm -f "$file"
vd_virsh net-dumpxml --inactive "$net" | grep -q "end='192.168.165.150'" ||
    screen_fail "the refused edit changed the network"
exit 0
