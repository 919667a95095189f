#!/bin/bash
# Shell completion (issue 16): the bash script (data/completion/) with
# bash-completion sourced completes subcommands, options, fixed option
# values, themes, libosinfo's ids and -c URIs from hosts.conf; the zsh
# script is valid zsh and completes the same through compsys.
set -u
fail() { echo "FAIL: $*"; exit 1; }
bc=/usr/share/bash-completion/bash_completion
[ -f "$bc" ] || fail "bash-completion is not installed ($bc)"
export XDG_CONFIG_HOME=$VD_BUILD/completion-test
rm -rf "$XDG_CONFIG_HOME"
mkdir -p "$XDG_CONFIG_HOME/virtdeck"
printf '%s\n' "# two hosts" "qemu+ssh://root@kvm1.example/system label=kvm1" \
    "test:///default autoconnect=no" "not a uri at all" >"$XDG_CONFIG_HOME/virtdeck/hosts.conf"

# complete WORD...: the candidates bash offers for the command line
# "virtdeck WORD..." with the cursor at the end of the last word, one a
# line, sorted.
complete_bash() {
    bash --norc --noprofile -c '
        . "$1"; . "$2"; shift 2
        COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
        COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
        _virtdeck
        printf "%s\n" "${COMPREPLY[@]}"' _ "$bc" "$VD_SRC/data/completion/virtdeck.bash" \
        "$VD_BIN" "$@" | sort
}
# expect WANTED GOT: every line of WANTED is in GOT
expect() {
    local w
    while IFS= read -r w; do
        grep -qxF -- "$w" <<<"$2" || fail "wanted '$w' among: $(tr '\n' ' ' <<<"$2")"
    done <<<"$1"
}

# subcommands
got=$(complete_bash "")
expect $'create\ntop' "$got"
[ "$(complete_bash cr)" = create ] || fail "'cr' completed to '$(complete_bash cr)'"
# options of the screen and of a subcommand
expect $'--connect\n--theme\n--readonly' "$(complete_bash --)"
got=$(complete_bash create --os-v)
[ "$got" = --os-variant ] || fail "create --os-v: '$got'"
expect $'--batch\n--iterations\n--json' "$(complete_bash top --)"
complete_bash top -- | grep -qx -- "--os-variant" && fail "top offers create's --os-variant"
# option values: fixed lists
[ "$(complete_bash create --graphics "")" = $'none\nspice\nvnc' ] ||
    fail "--graphics: '$(complete_bash create --graphics "")'"
[ "$(complete_bash create --boot u)" = $'uefi\nuefi,cdrom,hd' ] ||
    fail "--boot u: '$(complete_bash create --boot u)'"
# themes, libosinfo's ids, URIs of hosts.conf
expect $'default\nlight\nmono\nhigh-contrast' "$(complete_bash --theme "")"
expect $'debian10\ndebian11\ngeneric' "$(complete_bash create --os-variant "")"
[ "$(complete_bash create --os-variant win1)" = $'win1.0\nwin10\nwin11' ] || fail "--os-variant win1: $(complete_bash create --os-variant win1)"
expect $'qemu+ssh://root@kvm1.example/system\ntest:///default' "$(complete_bash -c "")"
# a URI with ':' is one word: "test:" goes on to the rest of the URI
got=$(complete_bash top -c test:)
[ "$got" = "///default" ] || fail "-c test: completed to '$got'"
# a file argument: the shell's own file completion
touch "$XDG_CONFIG_HOME/caps-file.xml"
got=$(cd "$XDG_CONFIG_HOME" && complete_bash create --domcaps caps-)
[ "$got" = caps-file.xml ] || fail "--domcaps caps-: '$got'"

# zsh: the script parses, and compsys offers the same candidates
if command -v zsh >/dev/null; then
    zsh -n "$VD_SRC/data/completion/_virtdeck" || fail "zsh -n _virtdeck"
    got=$(zsh -f -c '
        compadd() { shift; print -rl -- "$@"; }   # print what is offered
        _files() { print -r -- "@files"; }
        words=("$1" create --graphics ""); CURRENT=4
        source "$2"' _ "$VD_BIN" "$VD_SRC/data/completion/_virtdeck" | sort)
    [ "$got" = $'none\nspice\nvnc' ] || fail "zsh --graphics: '$got'"
fi
exit 0
