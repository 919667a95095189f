#!/bin/bash
# Every shipped theme loads without a message; a malformed theme line
# is reported as file:line and the rest of the file still applies; an
# unknown theme name is reported.
. "$VD_SRC/tests/lib/screen.sh"
MODEL="test://$VD_SRC/tests/data/model-host.xml"

for t in default mono light high-contrast; do
    [ -f "$VD_SRC/themes/$t.theme" ] || { echo "FAIL: themes/$t.theme is missing"; exit 1; }
    screen_start 80x24 -t "$t" -c "$MODEL"
    screen_wait_re "alpha +running"
    screen_expect "? help, Tab next pane"
    screen_stop
done

bad=$(mktemp "${TMPDIR:-/tmp}/vdtest-XXXXXX.theme")
trap 'screen_stop; rm -f "$bad"' EXIT
cat >"$bad" <<'THEME'
# a theme with two broken lines
normal = default default
bogus_role = red blue
selected = red nocolour
pane_title_focus = bright-yellow magenta bold underline
THEME
screen_start 80x24 -t "$bad" -c "$MODEL"
trap 'screen_stop; rm -f "$bad"' EXIT
screen_wait_re "alpha +running"
screen_wait "$(basename "$bad"):3: unknown role 'bogus_role' (and 1 more errors)"
# The good line after the bad ones took effect.
[ "$(screen_attr " Domains (")" = "bold=1 dim=0 ul=1 rev=0 fg=93 bg=45" ] ||
    screen_fail "pane_title_focus from the file was not applied: $(screen_attr " Domains (")"
screen_stop

screen_start 80x24 -t no-such-theme -c "$MODEL"
screen_wait "theme 'no-such-theme' not found"
screen_wait_re "alpha +running"
exit 0
