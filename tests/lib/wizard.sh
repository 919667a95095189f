# shellcheck shell=bash
# wizard.sh: steps of the create wizard that several screen and live
# tests walk the same way. Source after tests/lib/screen.sh, with the
# wizard just opened (N).

# wizard_pxe_to_storage NAME: name the machine NAME, install by PXE,
# keep the CPU and memory page: ends on the Storage page.
wizard_pxe_to_storage() {
    screen_wait "Step 1 of 11: Name and OS"
    screen_text "$1"
    screen_keys Enter
    screen_wait "Step 2 of 11: Install source"
    screen_keys Left                  # PXE
    screen_wait "< PXE (network boot) >"
    screen_keys Enter
    screen_wait "Step 3 of 11"
    screen_keys Enter
    screen_wait "Step 4 of 11: Storage"
}

# wizard_disk1_size GIB: on the Storage page, Edit disk 1, give it GIB,
# OK; waits for the list to show it.
wizard_disk1_size() {
    screen_keys Tab Tab Enter         # Edit disk
    screen_wait "Disk 1"
    screen_keys Tab Tab C-u
    screen_text "$1"
    screen_keys Enter                 # OK
    screen_wait "1. new $1 GiB "
}

# wizard_network_to_review: on the Network page, go on and keep the
# defaults of the pages after it: ends on the Review page.
wizard_network_to_review() {
    screen_keys PgDn
    screen_wait "Step 6 of 11"
    screen_keys Enter
    screen_wait "Step 7 of 11"
    screen_keys Enter
    screen_wait "Step 8 of 11: Advanced"
    screen_keys PgDn PgDn PgDn
    screen_wait "Step 11 of 11: Review"
}
