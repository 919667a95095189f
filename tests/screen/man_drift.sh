#!/bin/bash
# Man pages against --help (issue 16), for virtdeck and every subcommand
# the program lists: each has its generated man page in the build, the
# options of `--help` and of the page's OPTIONS section are the same set
# (long names and aliases), every option --help lists is one the parser
# takes, and the pages render without a groff warning. A subcommand not
# yet converted to an option table (docs/HACKING.md, "Add a subcommand")
# has no page and fails here.
set -u
fail() { echo "FAIL: $*"; failed=1; }
failed=0

# help_options CMD...: the options --help defines (not those its prose
# mentions): "  -x, --name ARG", "      --name ARG", "(also --alias)".
help_options() {
    "$VD_BIN" "$@" --help | sed -nE \
        -e 's/^  (-[A-Za-z0-9], |    )(--[a-z0-9-]+).*/\2/p' \
        -e 's/^ +\(also (--[a-z0-9-]+)\)$/\1/p' | sort -u
}
# man_options PAGE: the options of the OPTIONS section's .TP heads.
man_options() {
    awk '/^\.SH OPTIONS/ { on = 1; next } /^\.SH/ { on = 0 }
         on && prev == ".TP" { print } { prev = $0 }' "$1" |
        sed -e 's/\\-/-/g' -e 's/\\f[BRIP]//g' | grep -oE -- '--[a-z0-9-]+' | sort -u
}

cmds=$("$VD_BIN" --complete "")
[ -n "$cmds" ] || fail "virtdeck --complete lists no subcommand"
for cmd in virtdeck $cmds; do
    if [ "$cmd" = virtdeck ]; then
        page=$VD_BUILD/virtdeck.1; args=()
    else
        page=$VD_BUILD/virtdeck-$cmd.1; args=("$cmd")
    fi
    if [ ! -f "$page" ]; then
        fail "$cmd: no man page $page (convert it to an option table and add it to vd_man_cmds)"
        continue
    fi
    help=$(help_options "${args[@]}")
    man=$(man_options "$page")
    [ -n "$help" ] || fail "$cmd: --help lists no option"
    only_help=$(comm -23 <(echo "$help") <(echo "$man"))
    only_man=$(comm -13 <(echo "$help") <(echo "$man"))
    [ -z "$only_help" ] || fail "$cmd: in --help, not in $(basename "$page"):" $only_help
    [ -z "$only_man" ] || fail "$cmd: in $(basename "$page"), not in --help:" $only_man
    # each option --help lists is one the parser knows
    for opt in $help; do
        err=$("$VD_BIN" "${args[@]}" "$opt" x --help 2>&1 >/dev/null </dev/null)
        grep -q "unknown option" <<<"$err" && fail "$cmd: $opt is in --help but refused: $err"
    done
    # the page renders cleanly
    warn=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null)
    [ -z "$warn" ] || fail "$cmd: man $(basename "$page"): $warn"
    [ "$failed" = 0 ] && echo "$cmd: $(wc -l <<<"$help") options agree"
done
exit $failed
