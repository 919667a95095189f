#!/bin/bash
# Live test of the journal (docs/journal.md): on the private libvirtd,
# from the TUI a start, a force off and a failed action (the start of a
# guest whose disk is missing); from `virtdeck create` a create --start with a VNC
# password and a failed create (its name is taken); and a `virsh
# destroy` behind virtdeck's back, which the running TUI records as a
# lifecycle event. The journal holds each with the right result and
# reason, in order; `virtdeck journal --json` and the journal view (J)
# show them; the VNC password appears nowhere in the journal nor on the
# screen.
set -u
. "$VD_SRC/tests/lib/screen.sh"
. "$VD_SRC/tests/lib/live.sh"
G=vdt-jn
PW=Jn7vncPw
XDG_STATE_HOME=$(mktemp -d "${TMPDIR:-/tmp}/vdt-journal.XXXXXX")
export XDG_STATE_HOME
J=$XDG_STATE_HOME/virtdeck/journal.jsonl
cleanup() { vd_cleanup_guests $G; screen_stop; rm -rf "$XDG_STATE_HOME"; }
trap cleanup EXIT
vd_cleanup_guests $G
vd_define_guest $G-a --vnc-password "$PW" >/dev/null || exit 1
# a guest libvirt cannot start: its disk is missing
vd_define_guest $G-c --devices-xml "<disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='/nonexistent/$G-c.img'/><target dev='vdb' bus='virtio'/></disk>" >/dev/null || exit 1

# no password on the screen, ever: checked on every capture below
nopw() {
    if screen_capture | grep -qF -- "$PW"; then
        screen_fail "the VNC password is on the screen"
    fi
}
# the line number of the first journal line matching an extended regex
line_of() {
    local n
    n=$(grep -nE -- "$1" "$J" | head -1 | cut -d: -f1)
    [ -n "$n" ] || { echo "FAIL: no journal line matches: $1" >&2; cat "$J" >&2; exit 1; }
    echo "$n"
}

screen_start 140x40 -c "$VD_TEST_URI" -d 0.5
trap cleanup EXIT
screen_wait_re "$G-a +shut off" 15
screen_keys l
live_select $G-a

# TUI: start, force off, and a start that libvirt refuses
screen_keys s
vd_wait_state $G-a running 30 || screen_fail "start: virsh says $(vd_virsh domstate $G-a)"
screen_wait "$G-a started" 10
screen_keys D
screen_wait "Force off $G-a?"
screen_keys y
vd_wait_state $G-a "shut off" 15 || screen_fail "force off: virsh says $(vd_virsh domstate $G-a)"
screen_wait_re "$G-a +shut off" 10
live_select $G-c
screen_keys s
screen_wait_re "start $G-c: .*nonexistent" 20
nopw

# virtdeck create: a created and started guest with a VNC password, then
# the same name again (refused)
out=$("$VD_BIN" create -c "$VD_TEST_URI" --virt-type "$VD_VIRT_TYPE" --name $G-b \
      --vcpus 1 --memory 64 --disk none --pxe --network none \
      --graphics vnc,listen=127.0.0.1,password=$PW --start 2>&1) ||
    { echo "FAIL: create: $out"; exit 1; }
vd_wait_state $G-b running 30 || { echo "FAIL: $G-b does not run"; exit 1; }
if out=$("$VD_BIN" create -c "$VD_TEST_URI" --virt-type "$VD_VIRT_TYPE" --name $G-b \
         --memory 64 --disk none --pxe 2>&1); then
    echo "FAIL: a second create of $G-b worked: $out"; exit 1
fi

# behind virtdeck's back: the TUI hears the event
screen_wait_re "$G-b +running" 15
vd_virsh -q destroy $G-b >/dev/null || exit 1
screen_wait_re "$G-b +shut off" 15
for ((i = 0; i < 100; i++)); do
    grep -q "\"object\":\"$G-b\".*\"event\":\"lifecycle\",\"detail\":\"stopped: destroyed\"" "$J" && break
    sleep 0.1
done

# the journal, in order, with results and reasons
a1=$(line_of "\"kind\":\"action\".*\"object\":\"$G-a\".*\"action\":\"start\".*\"result\":\"done\".*\"via\":\"tui\"")
a2=$(line_of "\"kind\":\"action\".*\"object\":\"$G-a\".*\"action\":\"force off\".*\"result\":\"done\".*\"via\":\"tui\"")
a3=$(line_of "\"kind\":\"action\".*\"object\":\"$G-c\".*\"action\":\"start\".*\"result\":\"failed\",\"message\":\"start $G-c: [^\"]*nonexistent")
e1=$(line_of "\"kind\":\"event\".*\"object\":\"$G-a\".*\"event\":\"lifecycle\",\"detail\":\"started: booted\"")
e2=$(line_of "\"kind\":\"event\".*\"object\":\"$G-a\".*\"event\":\"lifecycle\",\"detail\":\"stopped: destroyed\"")
c1=$(line_of "\"kind\":\"action\".*\"object\":\"$G-b\".*\"action\":\"create and start\".*\"graphics_password\":\"\\(redacted\\)\".*\"result\":\"done\".*\"via\":\"create\"")
c2=$(line_of "\"kind\":\"action\".*\"object\":\"$G-b\".*\"action\":\"create\".*\"result\":\"failed\",\"message\":\"name is already used")
d1=$(line_of "\"kind\":\"event\".*\"object\":\"$G-b\".*\"event\":\"lifecycle\",\"detail\":\"stopped: destroyed\"")
user=$(id -un)
grep -E "\"action\":\"start\".*\"object\":\"$G-a\"|\"object\":\"$G-a\".*\"action\":\"start\"" "$J" |
    grep -q "\"user\":\"$user\"" || { echo "FAIL: the start does not name the user $user"; exit 1; }
if ! [ "$a1" -lt "$a2" ] || ! [ "$a2" -lt "$a3" ] || ! [ "$a3" -lt "$c1" ] ||
   ! [ "$c1" -lt "$c2" ] || ! [ "$c2" -lt "$d1" ] || ! [ "$e1" -lt "$e2" ]; then
    echo "FAIL: out of order: start $a1, force off $a2, failed pause $a3," \
         "create $c1, failed create $c2, virsh destroy $d1 (events $e1 $e2)"
    cat "$J"; exit 1
fi
echo "ok: the journal holds them in order ($a1 $a2 $a3 $c1 $c2 $d1)"

# every line is JSON (python's parser, not ours)
python3 -c 'import json,sys
for n, l in enumerate(open(sys.argv[1]), 1):
    json.loads(l)' "$J" || { echo "FAIL: a journal line is not JSON"; exit 1; }

# the password: nowhere in the journal directory
if grep -rqF -- "$PW" "$XDG_STATE_HOME"; then
    echo "FAIL: the VNC password is in the journal"; grep -rF -- "$PW" "$XDG_STATE_HOME"; exit 1
fi

# virtdeck journal --json and its filters
js=$("$VD_BIN" journal --json --domain $G-a) || { echo "FAIL: journal --json"; exit 1; }
for what in '"action":"start"' '"action":"force off"' '"detail":"started: booted"' '"detail":"stopped: destroyed"'; do
    grep -qF -- "$what" <<<"$js" || { echo "FAIL: journal --json --domain lacks $what"; echo "$js"; exit 1; }
done
grep -qF "$G-b" <<<"$js" && { echo "FAIL: --domain $G-a shows $G-b"; exit 1; }
failed=$("$VD_BIN" journal --failed --since 1h) || exit 1
[ "$(grep -c . <<<"$failed")" = 2 ] || { echo "FAIL: --failed shows: $failed"; exit 1; }
grep -q "$G-c  *start.*FAILED" <<<"$failed" && grep -q "create.*FAILED" <<<"$failed" ||
    { echo "FAIL: --failed lacks one: $failed"; exit 1; }
[ -z "$("$VD_BIN" journal --since 2099-01-01)" ] || { echo "FAIL: --since in the future shows entries"; exit 1; }
"$VD_BIN" journal --since yesterday-ish >/dev/null 2>&1; rc=$?
[ "$rc" = 2 ] || { echo "FAIL: a bad --since exits $rc, not 2"; exit 1; }

# the journal view: newest first, all of them, failures in their own filter
screen_keys L
screen_wait_re "Events from before virtdeck started \([0-9:]+\) are not known" 5
screen_wait_re "$G-b +~lifecycle +stopped: destroyed" 5
screen_expect_re "$G-b +create +FAILED: name is already used"
screen_expect_re "$G-b +create and start +done"
screen_expect_re "$G-c +start +FAILED: start $G-c"
screen_expect_re "$G-a +force off +done"
screen_expect_re "$G-a +start +done"
nopw
top=$(screen_capture | grep -nE "$G-b +~lifecycle +stopped: destroyed" | cut -d: -f1)
low=$(screen_capture | grep -nE "$G-a +start +done" | cut -d: -f1)
[ "$top" -lt "$low" ] || screen_fail "not newest first ($top, $low)"
screen_keys f
screen_wait_re "^2 of [0-9]+ entries"
screen_expect_not "force off"
# Enter: the whole entry
screen_keys Enter
screen_wait "Journal entry"
screen_wait_re "Message +name is already used"
screen_keys Escape
screen_wait_gone "Journal entry" 5
# a text filter: the create with the password, which is redacted
screen_keys c /
screen_wait "Journal filter"
screen_keys "create and start" Enter
screen_wait_re "^1 of [0-9]+ entries"
screen_keys Enter
screen_wait "Journal entry"
screen_wait_re "Argument +graphics_password = \\(redacted\\)"
nopw
screen_keys Escape Escape
screen_wait_gone "Result / detail" 5
# the details view: the domain's history
live_select $G-a
screen_keys i
screen_wait "Details of $G-a" 10
screen_wait_re "History +stopped [0-9]+ s ago: destroyed" 10
screen_expect_re "force off [0-9]+ s ago by $user from tui"
screen_expect_re "start [0-9]+ s ago by $user from tui"
nopw
echo "ok: journal view, details history, no password anywhere"
exit 0
