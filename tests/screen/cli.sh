#!/bin/bash
# The command line: --help, --version, and refusals of bad options with
# a message and a non-zero status, before any terminal set-up.
set -u
fail() { echo "FAIL: $*"; exit 1; }

out=$("$VD_BIN" --help) || fail "--help exited $?"
for want in "--connect URI" "--readonly" "--delay" "--theme" "--ascii" "create"; do
    grep -qF -- "$want" <<<"$out" || fail "--help does not mention $want"
done
"$VD_BIN" -h | grep -q "^Usage: virtdeck" || fail "-h"

out=$("$VD_BIN" --version) || fail "--version exited $?"
grep -qE "^virtdeck [0-9]+\.[0-9]+\.[0-9]+ \(libvirt [0-9]+\.[0-9]+\.[0-9]+\)$" <<<"$out" ||
    fail "--version printed '$out'"

check_refused() {   # check_refused WANT ARGS...
    local want=$1 err rc; shift
    err=$("$VD_BIN" "$@" 2>&1 </dev/null >/dev/null); rc=$?
    [ $rc -ne 0 ] || fail "'$*' exited 0"
    grep -qF -- "$want" <<<"$err" || fail "'$*' said '$err', wanted '$want'"
}
check_refused "is not a number of seconds" -d abc
check_refused "is not a number of seconds" --delay 0.1
check_refused "unexpected argument 'bogus'" bogus
check_refused "--connect needs a URI" -c ""
check_refused "Try 'virtdeck --help'" --no-such-option
exit 0
