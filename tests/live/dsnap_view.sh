#!/bin/bash
# The snapshot view against the real TUI: a four-level tree made with
# virsh is drawn with line characters in virsh's order (and with ASCII
# under --ascii); a snapshot made elsewhere (virsh snapshot-create-as)
# shows in the view and in the domains table's Snaps column within a
# tick; c creates one through the form, r reverts (ending paused), d
# deletes a snapshot with its children, each checked with virsh; W
# clones the shut off guest through the form and its progress view.
set -u
. "$VD_SRC/tests/lib/screen.sh"
. "$VD_SRC/tests/lib/live.sh"
G=vdt-dsnapview
trap 'vd_cleanup_guests $G; screen_stop' EXIT
vd_cleanup_guests $G
vd_define_guest $G --disk 8 >/dev/null || screen_fail "define"
mk() { vd_virsh -q snapshot-create-as $G "$1" --description "desc of $1" >/dev/null || screen_fail "snapshot $1"; }
mk base; mk Installed; mk updates; mk tuned
vd_virsh -q snapshot-revert $G Installed
mk alt
vd_virsh -q snapshot-revert $G base
mk b2

screen_start 160x40 -c "$VD_TEST_URI"
screen_wait_re "$G +shut off" 15
screen_wait_re "ID +Sn(aps)? "
screen_wait_re "$G +shut off .* 6 " 10
screen_keys l
live_select $G
screen_keys Z
screen_wait "6 snapshots of $G" 15
screen_expect_re "^ +base +[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:]{5} +shutoff +internal +desc of base"
screen_expect_re "^ \* ├─ b2 "
screen_expect_re "^   └─ Installed "
screen_expect_re "^      ├─ alt "
screen_expect_re "^      └─ updates "
screen_expect_re "^         └─ tuned "
# the rows come in virsh's tree order
shown=$(screen_capture | grep -E "^ [* ] [ │├└─]*[a-zA-Z0-9]+ +[0-9]{4}-" |
        sed -E 's/^ [* ] [ │├└─]*([a-zA-Z0-9]+) .*/\1/' | tr '\n' ' ')
want=$(vd_virsh snapshot-list --tree $G | grep -oE "[a-zA-Z0-9]+$" | tr '\n' ' ')
[ "$shown" = "$want" ] || screen_fail "view order '$shown', virsh '$want'"

# made elsewhere: in the view and in the table within a tick
vd_virsh -q snapshot-create-as $G extra >/dev/null
screen_wait "7 snapshots of $G" 10
screen_wait_re "^ \* │  └─ extra " 5

# create through the form
screen_keys c
screen_wait "New snapshot"
screen_keys C-u
screen_text "from-ui"
screen_keys Tab
screen_text "made in the view"
screen_keys Enter
screen_wait "snapshot from-ui created" 30
vd_virsh snapshot-list --name $G | grep -qx from-ui || screen_fail "virsh does not list from-ui"
vd_virsh snapshot-dumpxml $G from-ui | grep -q "<description>made in the view</description>" ||
    screen_fail "the description did not arrive"
screen_wait "8 snapshots of $G" 10

# revert to base, ending paused
screen_keys g
screen_keys r
screen_wait "Revert: end the domain"
screen_keys p
screen_wait_re "Revert $G to snapshot 'base', ending paused"
screen_keys y
screen_wait "reverted to snapshot base" 30
vd_wait_state $G paused 30 || screen_fail "virsh says $(vd_virsh domstate $G)"

# delete Installed and its children (order: base b2 extra from-ui Installed ...)
screen_keys g j j j j
screen_keys d
screen_wait "Delete snapshot"
screen_keys c
screen_wait_re "Delete snapshot 'Installed' of $G and every snapshot below it"
screen_keys y
screen_wait "snapshot Installed and its children deleted" 30
[ "$(vd_virsh snapshot-list --name $G | sed '/^$/d' | sort | tr '\n' ' ')" = "b2 base extra from-ui " ] ||
    screen_fail "left: $(vd_virsh snapshot-list --name $G | tr '\n' ' ')"
screen_wait "4 snapshots of $G" 10

# clone through the form
vd_virsh destroy $G >/dev/null
screen_keys Escape
screen_wait_re "Domains \("
screen_keys W
screen_wait "New name" 15
screen_expect "$G-clone"
screen_keys Enter
screen_wait "clone $G to $G-clone" 60
screen_wait_re "clone $G to $G-clone .* 100% .* done" 60
vd_virsh dominfo $G-clone >/dev/null || screen_fail "virsh does not see the clone"
screen_stop

# --ascii: the same tree with ASCII lines
screen_start 160x40 --ascii -c "$VD_TEST_URI"
screen_wait_re "$G +(shut off|paused)" 15
screen_keys l
live_select $G
screen_keys Z
screen_wait "4 snapshots of $G" 15
screen_expect_re "^ \* base "
screen_expect_re "^   \`- b2 "
screen_expect_re "^      \`- extra "
exit 0
