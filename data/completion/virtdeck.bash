# bash completion for virtdeck. The candidates come from the program
# itself (`virtdeck --complete WORD...`, src/cli_complete.c), made from
# the same option tables as --help and the man pages.
_virtdeck()
{
    local cur words cword out
    if declare -F _get_comp_words_by_ref >/dev/null; then
        # keep URIs (qemu:///system) and --opt=value in one word
        _get_comp_words_by_ref -n =: cur words cword
    else
        cur=${COMP_WORDS[COMP_CWORD]}
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
    fi
    out=$("${words[0]}" --complete "${words[@]:1:cword}" 2>/dev/null)
    if [ "$out" = "@file" ]; then
        COMPREPLY=($(compgen -f -- "$cur"))
        return 0
    fi
    local IFS=$'\n'
    COMPREPLY=($out)
    # bash splits at ':': what it shows must not repeat the part before
    if declare -F __ltrim_colon_completions >/dev/null; then
        __ltrim_colon_completions "$cur"
    fi
    return 0
}
complete -F _virtdeck virtdeck
