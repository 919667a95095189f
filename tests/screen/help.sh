#!/bin/bash
# ? opens the help overlay, which lists every key of the key table in
# src/ui/app/keys.c and of the domain actions' registry
# (src/ui/actions/registry.c); any key closes it, and F1 opens it too.
. "$VD_SRC/tests/lib/screen.sh"
MODEL="test://$VD_SRC/tests/data/model-host.xml"

# Every key name in the table: the second field of each binding row of
# keys.c, and the key names of the domain actions' registry.
mapfile -t names < <(sed -n 's/^ *{ [^,]*, "\([^"]*\)", ".*/\1/p' "$VD_SRC/src/ui/app/keys.c"
                     grep -o '\.key2\?_name = "[^"]*"' "$VD_SRC/src/ui/actions/registry.c" |
                         sed 's/.*= "\(.*\)"/\1/')
[ "${#names[@]}" -ge 40 ] || { echo "FAIL: read only ${#names[@]} keys from keys.c and registry.c"; exit 1; }

screen_start 80x24 -c "$MODEL"
screen_wait "alpha"
# The help lists the focused pane's keys and the common ones: every
# key of the table shows in the help of some pane.
help=
for pane in 1 2 3 4; do
    screen_keys '?'
    screen_wait "virtdeck keys"
    screen_expect "Each pane has its own keys"
    help+=$(screen_capture | sed -n '/virtdeck keys/,/any key closes/p')
    # more keys than fit readably go on further pages (PgDn)
    for page in 2 3 4; do
        screen_capture | grep -q "PgDn or Space for more keys" || break
        screen_keys NPage
        screen_wait "Page $page of"
        help+=$(screen_capture | sed -n '/virtdeck keys/,/any key closes/p')
    done
    # the last page's border offers the way back, not more keys
    if screen_capture | grep -q "Page [0-9] of"; then
        screen_expect "PgUp: the keys before"
        ! screen_capture | grep -q "PgDn or Space: more keys" ||
            screen_fail "the last page of the help offers more keys"
    fi
    screen_keys Escape
    screen_wait_gone "virtdeck keys"
    screen_keys Tab
done
screen_keys '?'
screen_wait "virtdeck keys"
for name in "${names[@]}"; do
    # A key stands alone or in a "j, Down" list.
    if ! grep -qF -e " $name " -e " $name," -e ", $name " <<<"$help"; then
        screen_fail "the help does not list the key '$name'"
    fi
done
# a description, on whichever page its key is
for page in 2 3 4; do
    screen_capture | grep -q "Force off" && break
    screen_keys NPage
    screen_wait "Page $page of"
done
screen_expect "Force off"

# Any key closes it, and is not acted upon (q does not quit here).
screen_keys q
screen_wait_gone "virtdeck keys"
screen_alive || screen_fail "q in the help quit virtdeck"
screen_expect "Domains (4)"

screen_keys F1
screen_wait "virtdeck keys"
screen_keys x
screen_wait_gone "virtdeck keys"
screen_expect_re "alpha +running"

# And q outside the help quits, with status 0.
screen_keys q
status=$(screen_wait_exit "$SCREEN_TIMEOUT") || exit 1
[ "$status" = 0 ] || screen_fail "virtdeck exited with status $status"

# The top view's help is composed of its own keys and the domain
# actions' registry; each group is one section, whatever the order of
# the tables (the clone key once stood under a second "Domain actions").
screen_stop
screen_start 200x50 top -c "$MODEL"
screen_wait "alpha"
screen_keys '?'
screen_wait "virtdeck keys"
help=$(screen_capture | sed -n '/virtdeck keys/,/any key closes/p')
n=$(grep -o "Domain actions" <<<"$help" | wc -l)
[ "$n" = 1 ] || screen_fail "the top view's help has $n sections 'Domain actions', not 1"
screen_expect "Clone: new name"
exit 0
