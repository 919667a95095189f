#!/bin/bash
# The create wizard's OS variant list is searchable; choosing a variant
# fills libosinfo's recommendations into the fields the user has not
# changed (memory here), and leaves the ones the user changed alone.
. "$VD_SRC/tests/lib/screen.sh"
out=$(mktemp -d)
trap 'screen_stop; rm -rf "$out"' EXIT
screen_start 80x24 -c "test://$VD_SRC/tests/data/model-host.xml"
screen_wait_re "alpha +running"
screen_keys N
screen_wait "Step 1 of 11: Name and OS"
screen_text "osvm"
screen_keys Tab
# The list arrives from a worker (libosinfo loads off the UI thread).
screen_wait_re "[0-9]{3} of [0-9]{3}, type to search" 20
screen_text "win 10"
screen_wait_re "\] 1 of [0-9]+, type to search"
screen_expect "Microsoft Windows 10 (win10)"
screen_wait "Defaults for win10:" 20
line=$(screen_line "Defaults for win10:")
mem=$(sed -E 's/.*: ([0-9]+) MiB.*/\1/' <<<"$line")
[ -n "$mem" ] && [ "$mem" != 1024 ] || screen_fail "no memory recommendation: $line"
screen_keys Enter
screen_wait "Step 2 of 11"
screen_keys Left                 # PXE: the model host has no ISO
screen_wait "< PXE (network boot) >"
screen_keys PgDn
screen_wait "Step 3 of 11: CPU and memory"
screen_expect_re "Memory +\[$mem +\] MiB"

# A value the user typed stays when the variant changes.
screen_keys Tab Tab C-u
screen_text "700"
screen_keys PgUp PgUp
screen_wait "Step 1 of 11"
screen_keys Tab C-u
screen_text "win 11"
screen_wait "Defaults for win11:" 20
screen_keys PgDn PgDn
screen_wait "Step 3 of 11"
screen_expect_re "Memory +\[700 +\] MiB"

# The review page saves the XML to a new file, and never overwrites one.
screen_keys PgDn PgDn PgDn PgDn PgDn PgDn PgDn PgDn
screen_wait "Step 11 of 11: Review"
screen_expect "OS: win11"
screen_keys Tab Tab Tab Enter        # Save XML
screen_wait "Save the XML"
screen_keys C-u
screen_text "$out/osvm.xml"
screen_keys Enter
screen_wait "Saved the XML to $out/osvm.xml"
grep -q "<name>osvm</name>" "$out/osvm.xml" || screen_fail "no name in the saved XML"
grep -q '<memory unit="MiB">700</memory>' "$out/osvm.xml" ||
    screen_fail "the saved XML lacks the 700 MiB"
if command -v virt-xml-validate >/dev/null; then
    virt-xml-validate "$out/osvm.xml" domain >/dev/null 2>&1 ||
        screen_fail "the saved XML does not validate: $(virt-xml-validate "$out/osvm.xml" domain 2>&1)"
fi
grep -q "microsoft.com/win/11" "$out/osvm.xml" || screen_fail "no libosinfo id in the saved XML"
screen_keys Enter
screen_wait "Save the XML"
screen_keys C-u
screen_text "$out/osvm.xml"
screen_keys Enter
screen_wait "cannot write $out/osvm.xml: File exists"
exit 0
