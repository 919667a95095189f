#!/bin/bash
# The form engine on the gallery's form: validation as typed (message
# under the field), a refused submit that keeps the text and focuses the
# bad field, UTF-8 editing, the number range, the masked password, a
# choice (Left/Right and its picker), a checkbox, and the searchable list.
. "$VD_SRC/tests/lib/screen.sh"
export VIRTDECK_UI_GALLERY=1
screen_start 80x24 -c "test://$VD_SRC/tests/data/model-host.xml"
screen_wait "UI gallery"
screen_keys f
screen_wait "Gallery form"
screen_expect_re "Memory +\[1024 +\] MiB"

# Typed: the message comes as soon as the text is bad, and goes again.
screen_text "ab/c"
screen_wait "A name cannot contain '/'"
screen_keys BSpace BSpace
screen_wait_gone "A name cannot contain '/'"
screen_expect_re "Name +\[ab "

# UTF-8: the cursor moves by character (é is two bytes, one column).
screen_keys C-u
screen_text "héllo"
screen_keys Left Left Left
screen_text "X"
screen_wait_re "Name +\[héXllo"
screen_keys Home
screen_text "<"
screen_keys End
screen_text ">"
screen_wait_re "Name +\[<héXllo> "
screen_keys C-a Delete
screen_wait_re "Name +\[héXllo> "
screen_keys C-e BSpace
screen_wait_re "Name +\[héXllo "

# Number with a range.
screen_keys Tab C-u
screen_text "0"
screen_wait "Enter a number from 1 to 65536 MiB"
screen_keys BSpace
screen_text "12x"
screen_wait "Enter a whole number"
screen_keys BSpace
screen_wait_gone "Enter a whole number"

# Password: masked.
screen_keys Tab
screen_text "sec"
screen_wait "At least 4 characters"
screen_expect_re "Password +\[\*\*\* "
screen_expect_not "sec "
screen_text "r"
screen_wait_gone "At least 4 characters"

# Choice: Right cycles, Space opens the picker.
screen_keys Tab Right
screen_wait "< sata >"
screen_keys Space
screen_wait "scsi"
screen_keys Down Enter
screen_wait "< scsi >"

# Checkbox.
screen_keys Tab Space
screen_wait_re "Start now +\[x\]"

# Submit is refused (no OS chosen): the focus goes to the bad field and
# every text stays.
screen_keys Enter
screen_wait "Fix the marked field first: OS variant"
screen_expect "Choose an OS (type to search)"
screen_expect_re "Name +\[héXllo "
screen_expect_re "Memory +\[12 "

# The list: typing searches, Down picks.
screen_text "deb"
screen_wait "2 of 17, type to search"
screen_expect "Debian 12"
screen_expect_not "Fedora 39"
screen_wait_gone "Choose an OS"
screen_keys Down
screen_keys Enter
screen_wait "Form result"
screen_expect "name=héXllo"
screen_expect "memory=12"
screen_expect "password=4 chars"
screen_expect "bus=scsi"
screen_expect "start=yes"
screen_expect "os=debian12"
screen_keys x
screen_wait_gone "Form result"
screen_wait_re "alpha +running"
exit 0
