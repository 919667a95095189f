# shellcheck shell=bash
# screen.sh: drive virtdeck in a private tmux server for screen tests.
#
# Source it from a test, then:
#   screen_start 80x24 -c "test://$VD_SRC/tests/data/model-host.xml"
#   screen_wait "alpha"             # wait for text (exits the test on timeout)
#   screen_keys j s                 # tmux send-keys
#   screen_wait_re 'beta +running'  # wait for an extended regex
#   screen_capture                  # print the screen
# Every wait polls capture-pane every 50 ms up to a deadline and, when the
# text never comes, prints the screen and exits the test with status 1:
# there are no blind sleeps.
#
# Environment: VD_BIN (the virtdeck binary, required), VD_SRC (source
# root), SCREEN_LANG (the program's LANG, default C.UTF-8; LC_ALL and
# LC_CTYPE are unset for it), SCREEN_TIMEOUT (default wait, seconds, 10).
# Each test gets its own tmux socket (-L), so tests may run in parallel
# and never touch the user's tmux.

SCREEN_SOCK="vdtest-$$-$RANDOM"
SCREEN_TARGET="vd:0.0"
SCREEN_CONF=""
SCREEN_STATUS=""                # where the shell writes virtdeck's exit status
SCREEN_TIMEOUT=${SCREEN_TIMEOUT:-10}

# tmux on the private socket, without the user's configuration.
screen_tmux() {
    tmux -L "$SCREEN_SOCK" -f "${SCREEN_CONF:-/dev/null}" "$@"
}

# screen_fail MESSAGE: print MESSAGE and the screen, exit the test.
screen_fail() {
    echo "FAIL: $*" >&2
    screen_dump >&2
    exit 1
}

# screen_dump: the current screen, framed, with the pane's state.
screen_dump() {
    echo "----- screen ($(screen_size)) -----"
    screen_capture 2>/dev/null
    echo "----- end of screen -----"
    if [ -n "$SCREEN_STATUS" ] && [ -s "$SCREEN_STATUS" ]; then
        echo "(virtdeck has exited, status $(cat "$SCREEN_STATUS"))"
    fi
}

# screen_start COLSxROWS ARGS...: run "$VD_BIN ARGS" in a new detached
# session of that size and install screen_stop as the EXIT trap.
screen_start() {
    local size=$1 cols rows cmd
    shift
    cols=${size%x*}
    rows=${size#*x}
    [ -n "${VD_BIN:-}" ] || { echo "screen_start: VD_BIN is not set" >&2; exit 2; }
    [ -x "$VD_BIN" ] || { echo "screen_start: $VD_BIN is not executable" >&2; exit 2; }
    command -v tmux >/dev/null || { echo "screen_start: tmux is not installed" >&2; exit 2; }

    SCREEN_CONF=$(mktemp "${TMPDIR:-/tmp}/vdtest-tmux.XXXXXX")
    SCREEN_STATUS="$SCREEN_CONF.status"
    rm -f "$SCREEN_STATUS"
    # No status line (the pane gets every row); keep the pane after
    # virtdeck exits so that its last screen and status can be read.
    cat >"$SCREEN_CONF" <<'EOF'
set -g status off
set -g remain-on-exit on
set -g escape-time 0
set -g history-limit 0
EOF
    trap screen_stop EXIT
    # The shell that runs virtdeck writes its exit status to a file (tmux's
    # own pane_dead_status is not reliable for a quick exit).
    cmd=$(printf '%q ' env -u LC_ALL -u LC_CTYPE -u LC_MESSAGES \
          "LANG=${SCREEN_LANG:-C.UTF-8}" TERM=xterm-256color "$VD_BIN" "$@")
    cmd="$cmd; echo \$? >$(printf '%q' "$SCREEN_STATUS")"
    screen_tmux new-session -d -s vd -x "$cols" -y "$rows" "$cmd" ||
        { echo "screen_start: tmux new-session failed" >&2; exit 2; }
}

# screen_stop: end the session and its server; remove the config.
screen_stop() {
    screen_tmux kill-server 2>/dev/null
    [ -n "$SCREEN_CONF" ] && rm -f "$SCREEN_CONF" "$SCREEN_STATUS"
    SCREEN_CONF=""
    SCREEN_STATUS=""
}

# screen_capture: print the screen as plain text.
screen_capture() {
    screen_tmux capture-pane -p -t "$SCREEN_TARGET"
}

# screen_capture_sgr: print the screen with its colours and attributes
# as SGR escape sequences.
screen_capture_sgr() {
    screen_tmux capture-pane -p -e -t "$SCREEN_TARGET"
}

# screen_attr TEXT: the attributes of the first cell of the first
# occurrence of TEXT on the screen, as "bold=B dim=D ul=U rev=R fg=F bg=B"
# (colours as SGR numbers, "d" for the default). Empty when TEXT is not
# on the screen in one run of equal attributes.
screen_attr() {
    screen_capture_sgr | awk -v text="$1" '
    function reset() { bold = 0; dim = 0; ul = 0; rev = 0; fg = "d"; bg = "d" }
    function sgr(params,    n, p, i) {
        if (params == "") params = "0"
        n = split(params, p, ";")
        for (i = 1; i <= n; i++) {
            v = p[i] + 0
            if (v == 0) reset()
            else if (v == 1) bold = 1
            else if (v == 2) dim = 1
            else if (v == 4) ul = 1
            else if (v == 7) rev = 1
            else if (v == 22) { bold = 0; dim = 0 }
            else if (v == 24) ul = 0
            else if (v == 27) rev = 0
            else if (v == 39) fg = "d"
            else if (v == 49) bg = "d"
            else if (v == 38 || v == 48) {
                col = p[i + 1] == 5 ? p[i + 2] : p[i + 2] "," p[i + 3] "," p[i + 4]
                i += p[i + 1] == 5 ? 2 : 4
                if (v == 38) fg = col; else bg = col
            }
            else if ((v >= 30 && v <= 37) || (v >= 90 && v <= 97)) fg = v
            else if ((v >= 40 && v <= 47) || (v >= 100 && v <= 107)) bg = v
        }
    }
    BEGIN { reset() }
    {
        nseg = split($0, seg, "\033")
        for (s = 1; s <= nseg; s++) {
            t = seg[s]
            if (s > 1 && substr(t, 1, 1) == "[") {
                m = match(t, /^\[[0-9;]*m/)
                if (m) { sgr(substr(t, 2, RLENGTH - 2)); t = substr(t, RLENGTH + 1) }
            }
            if (index(t, text)) {
                printf "bold=%d dim=%d ul=%d rev=%d fg=%s bg=%s\n", bold, dim, ul, rev, fg, bg
                exit
            }
        }
    }'
}

# screen_size: the pane's size as COLSxROWS.
screen_size() {
    screen_tmux display-message -p -t "$SCREEN_TARGET" '#{pane_width}x#{pane_height}' 2>/dev/null
}

# screen_alive: true while virtdeck runs.
screen_alive() {
    [ -n "$SCREEN_STATUS" ] && [ ! -s "$SCREEN_STATUS" ] &&
        [ "$(screen_tmux display-message -p -t "$SCREEN_TARGET" '#{pane_dead}' 2>/dev/null)" = 0 ]
}

# _screen_poll TIMEOUT CMD...: run CMD every 50 ms until it succeeds;
# false after TIMEOUT seconds.
_screen_poll() {
    local timeout=$1 deadline
    shift
    deadline=$(( $(date +%s%N) / 1000000 + ${timeout%.*} * 1000 ))
    while :; do
        "$@" && return 0
        [ "$(( $(date +%s%N) / 1000000 ))" -ge "$deadline" ] && return 1
        sleep 0.05
    done
}

_screen_has() { screen_capture | grep -qF -- "$1"; }
_screen_has_re() { screen_capture | grep -qE -- "$1"; }
_screen_lacks() { ! screen_capture | grep -qF -- "$1"; }
_screen_dead() { [ -s "$SCREEN_STATUS" ]; }

# screen_wait TEXT [TIMEOUT_S]: wait until TEXT is on the screen.
screen_wait() {
    _screen_poll "${2:-$SCREEN_TIMEOUT}" _screen_has "$1" ||
        screen_fail "'$1' did not appear within ${2:-$SCREEN_TIMEOUT}s"
}

# screen_wait_re REGEX [TIMEOUT_S]: wait until a line matches REGEX (grep -E).
screen_wait_re() {
    _screen_poll "${2:-$SCREEN_TIMEOUT}" _screen_has_re "$1" ||
        screen_fail "nothing matched /$1/ within ${2:-$SCREEN_TIMEOUT}s"
}

# screen_wait_gone TEXT [TIMEOUT_S]: wait until TEXT is off the screen.
screen_wait_gone() {
    _screen_poll "${2:-$SCREEN_TIMEOUT}" _screen_lacks "$1" ||
        screen_fail "'$1' was still there after ${2:-$SCREEN_TIMEOUT}s"
}

# screen_wait_exit [TIMEOUT_S]: wait until virtdeck exits; prints its
# exit status (128+N when signal N killed it).
screen_wait_exit() {
    _screen_poll "${1:-$SCREEN_TIMEOUT}" _screen_dead ||
        screen_fail "virtdeck still runs after ${1:-$SCREEN_TIMEOUT}s"
    cat "$SCREEN_STATUS"
}

# screen_pid: the process id of virtdeck itself (the child of the
# pane's shell), for tests that send it signals.
screen_pid() {
    local shell_pid
    shell_pid=$(screen_tmux display-message -p -t "$SCREEN_TARGET" '#{pane_pid}')
    pgrep -P "$shell_pid" | head -n 1
}

# screen_keys KEYS...: type keys (tmux send-keys names: Tab, BTab, Enter,
# Down, F1, C-l, or plain characters). Fails when virtdeck is gone.
screen_keys() {
    screen_alive || screen_fail "virtdeck is not running (keys: $*)"
    screen_tmux send-keys -t "$SCREEN_TARGET" "$@"
}

# screen_text TEXT: type TEXT literally.
screen_text() {
    screen_alive || screen_fail "virtdeck is not running (text: $1)"
    screen_tmux send-keys -l -t "$SCREEN_TARGET" "$1"
}

# screen_click X Y: a left click at column X, row Y (0-based), sent as
# an SGR (1006) mouse report.
screen_click() {
    screen_alive || screen_fail "virtdeck is not running (click at $1,$2)"
    screen_tmux send-keys -l -t "$SCREEN_TARGET" \
        "$(printf '\033[<0;%d;%dM\033[<0;%d;%dm' $(($1 + 1)) $(($2 + 1)) $(($1 + 1)) $(($2 + 1)))"
}

# screen_resize COLS ROWS: resize the window (virtdeck gets SIGWINCH).
screen_resize() {
    screen_tmux resize-window -t vd -x "$1" -y "$2" ||
        screen_fail "tmux resize-window $1 $2 failed"
    _screen_poll 5 _screen_size_is "$1x$2" ||
        screen_fail "the pane did not become $1x$2"
}

_screen_size_is() { [ "$(screen_size)" = "$1" ]; }

# screen_line REGEX: print the first line matching REGEX (grep -E).
screen_line() {
    screen_capture | grep -m1 -E -- "$1"
}

# screen_expect TEXT: fail at once unless TEXT is on the screen now.
screen_expect() {
    _screen_has "$1" || screen_fail "'$1' is not on the screen"
}

# screen_expect_re REGEX: fail at once unless a line matches REGEX now.
screen_expect_re() {
    _screen_has_re "$1" || screen_fail "nothing matches /$1/"
}

# screen_expect_not TEXT: fail at once if TEXT is on the screen.
screen_expect_not() {
    _screen_lacks "$1" || screen_fail "'$1' should not be on the screen"
}
