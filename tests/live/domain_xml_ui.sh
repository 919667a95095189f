#!/bin/bash
# XML through the UI, checked with virsh: the XML view (no passwords
# unless asked for with Y), an edit in $EDITOR with a syntax error that
# is refused with libvirt's message and offered again with the user's
# text (nothing lost, nothing changed), then defined; undefine keeping
# the volumes, and undefine with storage (the name must be typed).
set -u
. "$VD_SRC/tests/lib/screen.sh"
. "$VD_SRC/tests/lib/live.sh"
G=vdt-xml
work=$(mktemp -d)
cleanup() {
    screen_stop
    vd_cleanup_guests $G
    vd_virsh -q vol-delete --pool vdpool $G-k.qcow2 >/dev/null 2>&1
    rm -rf "$work"
}
trap cleanup EXIT
vd_cleanup_guests $G
vd_define_guest $G-a --vnc-password s3cret >/dev/null || exit 1
vd_define_guest $G-k --disk 8 >/dev/null || exit 1
vd_define_guest $G-s --disk 8 >/dev/null || exit 1
VOL_K=$(vd_virsh -q vol-path --pool vdpool $G-k.qcow2)
VOL_S=$(vd_virsh -q vol-path --pool vdpool $G-s.qcow2)

# The "editor": round 1 adds a description AND breaks the XML; round 2
# checks that the user's text came back (the description is there),
# then repairs it.
cat >"$work/ed.sh" <<'EOS'
#!/bin/bash
dir=$(dirname "$0")
n=$(( $(cat "$dir/count" 2>/dev/null || echo 0) + 1 ))
echo "$n" >"$dir/count"
cp "$1" "$dir/seen.$n"
case $n in
1) sed -i -e 's|</name>|</name>\n  <description>kept-edit</description>|' \
          -e 's|</domain>|</domain|' "$1" ;;
2) sed -i 's|</domain$|</domain>|' "$1" ;;
esac
EOS
chmod +x "$work/ed.sh"
export EDITOR="$work/ed.sh" VISUAL=

screen_start 120x36 -c "$VD_TEST_URI" -d 0.5
trap cleanup EXIT
screen_wait_re "$G-s +shut off" 15
screen_keys l
live_select $G-a

# --- the XML view, without and with the passwords ---
screen_keys X
screen_wait "XML of $G-a" 10
screen_wait "<name>$G-a</name>"
screen_capture | grep -q "s3cret" && screen_fail "the password shows without asking"
screen_keys Escape
screen_keys i                                   # Y is in the details view
screen_wait "Details of $G-a" 10
screen_keys Y
screen_wait "XML of $G-a" 10
screen_keys /
screen_text "passwd"
screen_keys Enter
screen_wait "passwd='s3cret'" 5
screen_keys Escape
screen_wait_gone "XML of $G-a" 5
screen_keys Escape
screen_wait_gone "Details of $G-a" 5

# --- an edit with a syntax error: refused, offered again, then defined ---
before=$(vd_virsh dumpxml --inactive $G-a)
screen_keys E
screen_wait "Your edit was refused" 15
screen_wait_re "define rejected, nothing changed: .*(expected|XML|xml|parse)" 5
[ "$(vd_virsh dumpxml --inactive $G-a)" = "$before" ] || screen_fail "a refused edit changed the domain"
screen_keys e                                   # edit again, from the user's text
screen_wait "$G-a defined" 15
grep -q "kept-edit" "$work/seen.2" || screen_fail "round 2 did not get the user's text back"
grep -q "</domain$" "$work/seen.2" || screen_fail "round 2 did not start from the refused text"
vd_virsh dumpxml --inactive $G-a | grep -q "<description>kept-edit</description>" ||
    screen_fail "the edit is not in the definition"
vd_virsh dumpxml --inactive --security-info $G-a | grep -q "passwd='s3cret'" ||
    screen_fail "the edit lost the VNC password"

# --- undefine, keeping the volume ---
live_select $G-k
screen_keys u
screen_wait "Undefine $G-k"
screen_keys k
screen_wait "Undefine $G-k?"
screen_keys y
screen_wait "$G-k undefined" 10
vd_virsh domuuid $G-k >/dev/null 2>&1 && screen_fail "$G-k still defined"
[ -e "$VOL_K" ] || screen_fail "undefine without storage deleted $VOL_K"

# --- undefine with storage: only the exact name confirms ---
live_select $G-s
screen_keys u
screen_wait "Undefine $G-s"
screen_keys D
screen_wait "Type the domain's name to confirm"
screen_text "$G-x"
screen_keys Enter
vd_virsh domuuid $G-s >/dev/null 2>&1 || screen_fail "a wrong name undefined $G-s"
screen_keys C-u
screen_text "$G-s"
screen_keys Enter
screen_wait "$G-s undefined; 1 volume deleted" 10
vd_virsh domuuid $G-s >/dev/null 2>&1 && screen_fail "$G-s still defined"
[ -e "$VOL_S" ] && screen_fail "$VOL_S was not deleted"
vd_virsh -q vol-list vdpool | grep -q "$G-s.qcow2" && screen_fail "virsh still lists $G-s.qcow2"
exit 0
