#!/bin/bash
# The $EDITOR round trip: the text goes to a private temp file, the
# editor (a script here) changes it, the text comes back; a refused edit
# is offered again starting from the user's text, and giving up keeps
# the file and names it.
. "$VD_SRC/tests/lib/screen.sh"
work=$(mktemp -d)
trap 'screen_stop; rm -rf "$work"' EXIT
# The "editor": records the file's mode and text, then edits by round:
# 1st: hello -> nope (refused: no "ok"); 2nd: nope -> "ok now".
cat >"$work/ed.sh" <<'EOS'
#!/bin/bash
dir=$(dirname "$0")
n=$(( $(cat "$dir/count" 2>/dev/null || echo 0) + 1 ))
echo "$n" >"$dir/count"
stat -c %a "$1" >"$dir/mode.$n"
cp "$1" "$dir/seen.$n"
echo "$1" >"$dir/path"
case $n in
1) sed -i 's/hello/nope/' "$1" ;;
2) sed -i 's/nope/ok now/' "$1" ;;
3) sed -i 's/hello/still nope/' "$1" ;;
esac
EOS
chmod +x "$work/ed.sh"
export VIRTDECK_UI_GALLERY=1 EDITOR="$work/ed.sh" VISUAL=
screen_start 80x24 -c "test://$VD_SRC/tests/data/model-host.xml"
screen_wait "UI gallery"
screen_keys e
screen_wait "Your edit was refused"
screen_expect "The text must contain the word ok"
[ "$(cat "$work/mode.1")" = 600 ] || screen_fail "temp file mode $(cat "$work/mode.1")"
grep -q "hello from virtdeck" "$work/seen.1" || screen_fail "the editor did not get the text"
path=$(cat "$work/path")
case $path in */virtdeck-*.txt) ;; *) screen_fail "odd temp path $path" ;; esac

# Edit again: the editor gets the user's text (nope), not the original.
screen_keys e
screen_wait "Edited text"
screen_expect "ok now from virtdeck"
grep -q "nope from virtdeck" "$work/seen.2" || screen_fail "edit again lost the user's text"
[ ! -e "$path" ] || screen_fail "the accepted edit's temp file stays: $path"
screen_keys Escape
screen_wait_re "alpha +running"

# Giving up keeps the file, and says where.
screen_keys F12 e
screen_wait "Your edit was refused"
path=$(cat "$work/path")
screen_keys k
screen_wait "Your edit is kept in $path"
grep -q "still nope" "$path" || screen_fail "the kept file lacks the edit"
rm -f "$path"
exit 0
