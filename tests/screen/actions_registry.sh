#!/bin/bash
# The registry of domain actions (src/ui/actions/registry.c) is the one
# source of the domain keys: for every action in it, the help of the
# domains pane, of the top view and of the details view lists it with
# the same key; in the top view, Space marks rows and a bulk action
# pressed there acts on every marked domain (seen in the table, which
# is drawn from the test driver's state).
. "$VD_SRC/tests/lib/screen.sh"
MODEL="test://$VD_SRC/tests/data/model-host.xml"
REG="$VD_SRC/src/ui/actions/registry.c"

# key TAB label, one line per action of the registry (and its second key).
mapfile -t entries < <(awk '
    /\.key = /   { key = $0; sub(/.*\.key_name = "/, "", key); sub(/".*/, "", key)
                   key2 = ""; if ($0 ~ /key2_name/) { key2 = $0; sub(/.*\.key2_name = "/, "", key2); sub(/".*/, "", key2) } }
    /\.label = / { l = $0; sub(/.*\.label = "/, "", l); sub(/".*/, "", l)
                   print key "\t" l; if (key2 != "") print key2 "\t" l }' "$REG")
[ "${#entries[@]}" -ge 20 ] || { echo "FAIL: read only ${#entries[@]} actions from registry.c"; exit 1; }

# The help of the place on screen, every page of it.
help_text() {
    local page out
    screen_keys '?'
    screen_wait "virtdeck keys"
    out=$(screen_capture | sed -n '/virtdeck keys/,/any key closes/p')
    for page in 2 3 4; do
        screen_capture | grep -q "PgDn or Space for more keys" || break
        screen_keys NPage
        screen_wait "Page $page of"
        out+=$'\n'$(screen_capture | sed -n '/virtdeck keys/,/any key closes/p')
    done
    screen_keys Escape
    screen_wait_gone "virtdeck keys"
    printf '%s\n' "$out"
}

# Every action of the registry is in help text $2 (of place $1) with
# its key: the keys field ("D, F9") right before its label.
check_help() {
    local place=$1 help=$2 e key label re keys
    for e in "${entries[@]}"; do
        key=${e%%$'\t'*}
        label=${e#*$'\t'}
        re=$(printf '%s' "$label" | sed 's/[][\.*^$+?(){}|/]/\\&/g')
        keys=$(grep -oE "[^ │]+(, [^ │]+)* {2,}$re( {2,}| +\(|$| *│)" <<<"$help" | head -1 |
               sed -E "s/ {2,}$re.*//")
        [ -n "$keys" ] || screen_fail "$place help: no line for '$label'"
        grep -qE "(^|, )$(printf '%s' "$key" | sed 's/[][\.*^$+?(){}|/]/\\&/g')(,|$)" <<<"$keys" ||
            screen_fail "$place help: '$label' has keys '$keys', not '$key'"
    done
}

screen_start 200x50 -c "$MODEL"
screen_wait_re "alpha +running"

# ---- the domains pane's help ----
check_help "domains pane" "$(help_text)"

# ---- the details view's help ----
screen_keys i
screen_wait "Details of alpha"
check_help "details view" "$(help_text)"
screen_keys Escape
screen_wait_gone "Details of alpha"

# ---- the top view's help ----
screen_keys t
screen_wait "sorted by"
check_help "top view" "$(help_text)"

# ---- marks and a bulk action in the top view ----
# beta and delta are shut off, alpha runs, gamma is paused.
row_state() { screen_capture | grep -oE "^[ *]$1 +test:model-host\.xml +(running|paused|shut off)" | sed -E 's/.*xml +//'; }
mark() {
    screen_keys /
    screen_wait "Filter"
    screen_keys C-u
    screen_text "$1"
    screen_keys Enter
    screen_wait "filter /$1: 1 of 4"
    screen_keys Space
}
mark beta
mark delta
screen_keys / C-u Enter
screen_wait_gone "filter /"
screen_wait_re "^\*beta "
screen_expect_re "^\*delta "
screen_expect_re "^ alpha "
screen_keys s
screen_wait_re "start: sent to 2 marked domains|(beta|delta) started"
screen_wait_re "^\*beta +test:model-host\.xml +running" 5
screen_wait_re "^\*delta +test:model-host\.xml +running" 5
[ "$(row_state alpha)" = running ] || screen_fail "alpha: $(row_state alpha)"
[ "$(row_state gamma)" = paused ] || screen_fail "gamma: $(row_state gamma)"

# an action that asks first asks once for the whole marked set
screen_keys R
screen_wait "Reset 2 marked domains?"
screen_keys n
screen_wait "Cancelled: reset of 2 marked domains"
screen_keys d
screen_wait_re "shut down: sent to 2 marked domains|(beta|delta) is shutting down"
screen_wait_re "^\*beta +test:model-host\.xml +shut off" 5
screen_wait_re "^\*delta +test:model-host\.xml +shut off" 5
[ "$(row_state alpha)" = running ] || screen_fail "alpha after d: $(row_state alpha)"

# U unmarks: s now starts the cursor's row only
screen_keys U
screen_wait "No rows marked"
screen_wait_re "^ beta "
exit 0
