#!/bin/bash
# A multi-step form: Next is refused while the page has a bad field,
# Back keeps what was typed, the last page has its own buttons, and the
# form scrolls at 80x24 when its fields do not fit; Esc asks before
# dropping what was typed.
. "$VD_SRC/tests/lib/screen.sh"
export VIRTDECK_UI_GALLERY=1
screen_start 80x24 -c "test://$VD_SRC/tests/data/model-host.xml"
screen_wait "UI gallery"
screen_keys w
screen_wait "Step 1 of 3: Name"
screen_expect "[ Next > ]"
screen_expect_not "[ < Back ]"

# Enter on an empty name: refused, with the message under the field.
screen_keys Enter
screen_wait "Give a name"
screen_expect "Step 1 of 3: Name"
screen_text "vm1"
screen_wait_gone "Give a name"
screen_keys Enter
screen_wait "Step 2 of 3: Resources"
screen_expect "[ < Back ]"

# A bad number stops PgDn too; Back keeps the text of page 1.
screen_keys C-u
screen_text "99999999"
screen_keys PgDn
screen_wait "Fix the marked field first: Memory"
screen_expect "Step 2 of 3: Resources"
screen_keys PgUp
screen_wait "Step 1 of 3: Name"
screen_expect_re "Name +\[vm1 "
screen_keys PgDn
screen_wait "Step 2 of 3: Resources"
screen_expect_re "Memory +\[99999999 "
screen_keys C-u
screen_text "2048"
screen_keys PgDn
screen_wait "Step 3 of 3: OS"
screen_expect "[ Create ]"
screen_expect "[ Save ]"
screen_expect_not "[ Submit ]"

# Press a button of the page.
screen_text "fedora 40"
screen_wait "] 1 of 17"
screen_keys Tab Tab
screen_keys Enter
screen_wait "Submitted by save"
screen_expect "memory=2048"
screen_expect "os=fedora40"
screen_keys Escape
screen_wait_gone "Submitted by save"

# Esc on a changed form asks first; n keeps it, y drops it.
screen_keys F12
screen_wait "UI gallery"
screen_keys w
screen_wait "Step 1 of 3: Name"
screen_text "keepme"
screen_keys Escape
screen_wait "Close this form and lose what you entered?"
screen_keys n
screen_wait_gone "Close this form"
screen_expect_re "Name +\[keepme "
screen_keys Escape
screen_wait "Close this form and lose what you entered?"
screen_keys y
screen_wait_gone "Gallery wizard"
screen_wait_re "alpha +running"

# A form taller than the screen scrolls to keep the focus visible.
screen_resize 80 14
screen_keys F12
screen_wait "UI gallery"
screen_keys f
screen_wait "Gallery form"
screen_wait "more below"
screen_expect_not "OS variant"
screen_keys BTab BTab
screen_wait "OS variant"
screen_wait "more above"
screen_expect_not "Memory "
exit 0
