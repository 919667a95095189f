#!/bin/bash
# Dialogs: y/N, confirm by typing a name, a prompt with a check, the
# text viewer with search, the action menu of the domains pane.
. "$VD_SRC/tests/lib/screen.sh"
export VIRTDECK_UI_GALLERY=1
screen_start 80x24 -c "test://$VD_SRC/tests/data/model-host.xml"
screen_wait "UI gallery"

# y/N: only y is a yes.
screen_keys y
screen_wait "Answer the gallery? [y/N]"
screen_keys Enter
screen_wait "Gallery answer: no"
screen_keys F12 y
screen_wait "Answer the gallery?"
screen_keys y
screen_wait "Gallery answer: yes"

# Type the name: a wrong name refuses, the right one confirms.
screen_keys F12 t
screen_wait "Type alpha and press Enter"
screen_text "alph"
screen_keys Enter
screen_wait "That is not 'alpha'; nothing was done"
screen_text "a"
screen_keys Enter
screen_wait "Gallery answer: yes"
screen_keys F12 t
screen_wait "Type alpha and press Enter"
screen_keys Escape
screen_wait "Gallery answer: no"

# A prompt whose check runs as it is typed; Enter is refused meanwhile.
screen_keys F12 p
screen_wait "A word:"
screen_text "a b"
screen_wait "No spaces, please"
screen_keys Enter
screen_expect "A word:"
screen_keys Left BSpace
screen_wait_gone "No spaces, please"
screen_keys Enter
screen_wait "Gallery prompt: 'ab'"

# The text viewer: search, next, wrap.
screen_keys F12 v
screen_wait "Gallery text"
screen_expect "lines 1-19 of 152"
screen_expect_not "needle"
screen_keys /
screen_text "needle"
screen_keys Enter
screen_wait "/needle: line 121"
screen_expect "line 120: needle"
screen_keys n
screen_wait "/needle: line 121 (wrapped)"
screen_keys G
screen_wait "of 152"
screen_expect "The end."
screen_keys /
screen_text "nothing-like-this"
screen_keys Enter
screen_wait "Not found: nothing-like-this"
screen_keys Escape
screen_wait_re "alpha +running"

# The action menu lists the pane's actions with their keys and runs one.
screen_keys j m
screen_wait "Domain actions"
screen_expect_re "s +Start"
screen_expect_re "D +Force off"
screen_expect_not "Move down"
screen_keys s
screen_wait "beta started"
screen_wait_re "beta +running"
screen_keys F2
screen_wait "Domain actions"
screen_keys Down Down Enter
screen_wait_gone "Domain actions"
exit 0
