# shellcheck shell=bash
# live.sh: what live screen tests share: the harness's environment and
# selecting a row by name in the focused pane.
#
# Source after tests/lib/screen.sh. Requires the harness to be up
# (tests/run.sh starts it before the first live test).

# shellcheck disable=SC1091
. "$VD_SRC/tests/harness/lib.sh"
vd_harness_env

# live_select NAME [MAX_ROWS]: move the cursor of the focused pane to the
# row named NAME: Enter shows the selected row's summary on the status
# line, j moves on. Fails the test when NAME is not reached.
live_select() {
    local name=$1 max=${2:-60} i
    screen_keys g
    for ((i = 0; i < max; i++)); do
        screen_keys Enter
        if _screen_poll 1 _screen_has_re "^ $name: "; then
            return 0
        fi
        screen_keys j
    done
    screen_fail "could not select '$name' in the focused pane"
}
