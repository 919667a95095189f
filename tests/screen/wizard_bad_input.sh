#!/bin/bash
# The create wizard refuses bad input field by field, with the message
# under the field as it is typed, and Next stays on the page: a name in
# use, a name with '/', memory 0 and above the host's, a disk bigger
# than the pool's free space, an ISO path the host does not have, a
# network install without its kernel and initrd.
# Nothing is created: the host still has its 4 domains.
. "$VD_SRC/tests/lib/screen.sh"
screen_start 80x24 -c "test://$VD_SRC/tests/data/model-host.xml"
screen_wait_re "alpha +running"
screen_keys N
screen_wait "Step 1 of 11: Name and OS"

# Name: in use, '/', then fine.
screen_text "alpha"
screen_wait "name is already used on this host"
screen_keys Enter
screen_wait "Fix the marked field first: Name"
screen_expect "Step 1 of 11"
screen_keys C-u
screen_text "a/b"
screen_wait "name may not contain '/'"
screen_wait_gone "name is already used"
screen_keys C-u
screen_text "newvm"
screen_wait_gone "name may not contain"
screen_keys Enter

# Install source: a network install needs its kernel and initrd on the
# host (nothing is downloaded), said on the page, not at the review;
# then a missing ISO path (the host is asked).
screen_wait "Step 2 of 11: Install source"
screen_keys Right Right
screen_wait "< Network install (URL) >"
screen_keys Tab
screen_text "http://deb.example/tree"
screen_keys Enter
screen_wait "Fix the marked field first: Kernel"
screen_expect "required for a network install (a file on the host)"
screen_expect "Step 2 of 11"
screen_text "/nonexistent/vmlinuz"     # the focus went to Kernel
screen_wait "no file at /nonexistent/vmlinuz"
screen_keys BTab BTab Left
screen_wait "< ISO file on the host >"
screen_keys Tab
screen_text "/nonexistent/virtdeck-none.iso"
screen_wait "no file at /nonexistent/virtdeck-none.iso"
screen_keys Enter
screen_wait "Fix the marked field first: ISO path"
screen_keys C-u
screen_text "$VD_SRC/tests/data/model-host.xml"
screen_wait_gone "no file at"
screen_keys Enter

# Memory: 0, then more than the host's 16 GiB.
screen_wait "Step 3 of 11: CPU and memory"
screen_keys Tab Tab C-u
screen_text "0"
screen_wait "memory must be at least 1 MiB"
screen_keys Enter
screen_wait "Fix the marked field first: Memory"
screen_keys C-u
screen_text "20000"
screen_wait "memory 20000 MiB is more than the host's 16384 MiB"
screen_keys PgDn
screen_expect "Step 3 of 11"
screen_keys C-u
screen_text "512"
screen_wait_gone "more than the host"
screen_keys Enter

# Storage: more than pool-a has free, in the first disk's sub-form
# (its OK stays until the size is fixed).
screen_wait "Step 4 of 11: Storage"
screen_keys Tab Tab Enter          # Edit disk
screen_wait "Disk 1"
screen_expect_re "Pool +< pool-a"
screen_keys Tab Tab C-u
screen_text "500"
screen_wait_re "500 GiB is more than the .* free in pool 'pool-a'"
screen_keys Enter
screen_wait "Fix the marked field first: Size"
screen_expect "Disk 1"
screen_expect_not "Step 4 of 11"
screen_keys C-u
screen_text "5"
screen_keys Enter
screen_wait "Step 4 of 11: Storage"
screen_wait "1. new 5 GiB qcow2 volume in pool-a"

# A device option on the Advanced page is checked as it is typed, with
# the option named; Next stays until it is fixed.
screen_keys PgDn
screen_wait "Step 5 of 11"
screen_keys PgDn
screen_wait "Step 6 of 11"
screen_keys PgDn
screen_wait "Step 7 of 11"
screen_keys PgDn
screen_wait "Step 8 of 11: Advanced"
screen_keys Tab Tab
screen_text "i6300esb,action=explode"
screen_wait "--watchdog: 'explode' is not a valid action"
screen_keys PgDn
screen_wait "Fix the marked field first: Watchdog"
screen_expect "Step 8 of 11"
screen_keys C-u
screen_keys PgUp PgUp PgUp PgUp
screen_wait "Step 4 of 11"

# Back (PgUp, and Esc in the wizard) keeps everything typed; nothing
# was created.
screen_keys PgUp PgUp
screen_wait "Step 2 of 11"
screen_keys Escape
screen_wait "Step 1 of 11"
screen_expect_re "Name +\[newvm "
screen_keys Escape
screen_wait "Close this form and lose what you entered?"
screen_keys y
screen_wait_re "alpha +running"
screen_expect "4 VMs"
screen_expect_not "newvm"
exit 0
