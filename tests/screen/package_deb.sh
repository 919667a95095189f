#!/bin/bash
# The Debian package (issue 16): `make deb`'s script builds it once from
# this tree, lintian finds no error or warning in it, and the binary
# unpacked with `dpkg -x` into a scratch root runs from there: --version,
# `top --batch -n 1` on the demo host, its man pages, its completion,
# its modules (present, exporting their table, found from the root),
# and a theme found in the scratch root's own data dir (and not found
# once removed from there: nothing else supplied it).
# Built once per `make check`: the sanitizer builds' runs skip it (77).
# About 40 s of CPU (the compile); on a loaded machine minutes of wall time:
# vd-timeout: 900
set -u
fail() { echo "FAIL: $*"; exit 1; }
[ "$(basename "$VD_BUILD")" = build ] || { echo "SKIP: built by the plain build's run"; exit 77; }

out=$VD_BUILD/deb-test
root=$out/root
rm -rf "$out"
mkdir -p "$out"
deb=$(DEB_WORK=$out/work "$VD_SRC/scripts/make-deb.sh" "$out" | tail -n 1) ||
    fail "make-deb.sh failed: $deb"
[ -f "$deb" ] || fail "no package: '$deb'"
version=$(dpkg-parsechangelog -l "$VD_SRC/debian/changelog" -S Version)
[ "$(basename "$deb")" = "virtdeck_${version}_$(dpkg --print-architecture).deb" ] ||
    fail "package named $(basename "$deb")"

# lintian: no error, no warning
lintian --fail-on error,warning --tag-display-limit 0 "$deb" >"$out/lintian.txt" 2>&1 ||
    { cat "$out/lintian.txt"; fail "lintian"; }
! grep -E '^[EW]: ' "$out/lintian.txt" || fail "lintian reported the lines above"

# the control fields
dpkg-deb -f "$deb" Depends | grep -q "libvirt0" || fail "Depends lacks libvirt0 (shlibs)"
[ "$(dpkg-deb -f "$deb" Suggests)" = "openssh-client" ] || fail "Suggests: $(dpkg-deb -f "$deb" Suggests)"

# what it installs
dpkg -x "$deb" "$root" || fail "dpkg -x"
for f in usr/bin/virtdeck usr/share/man/man1/virtdeck.1.gz \
         usr/share/man/man1/virtdeck-create.1.gz usr/share/man/man1/virtdeck-top.1.gz \
         usr/share/virtdeck/themes/light.theme usr/share/virtdeck/themes/default.theme \
         usr/share/bash-completion/completions/virtdeck \
         usr/share/zsh/vendor-completions/_virtdeck \
         usr/share/doc/virtdeck/copyright usr/share/doc/virtdeck/demo-host.xml; do
    [ -e "$root/$f" ] || fail "the package lacks /$f"
done
bin=$root/usr/bin/virtdeck
# the modules loaded on first use (src/core/module.h): each in the
# package, its libraries found, its table exported
moddir=$(dirname "$(find "$root/usr/lib" -name virtdeck-spice.so)")
for m in spice vnc osinfo iso; do
    f=$moddir/virtdeck-$m.so
    [ -f "$f" ] || fail "the package lacks virtdeck-$m.so (in ${moddir#"$root"})"
    ! ldd "$f" | grep "not found" || fail "virtdeck-$m.so: libraries not found"
    nm -D --defined-only "$f" | grep -q " vd_${m}_module_api$" ||
        fail "virtdeck-$m.so does not export vd_${m}_module_api"
done
for p in virtdeck virtdeck-create virtdeck-top; do
    err=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$root/usr/share/man/man1/$p.1.gz" 2>&1 >"$out/$p.txt")
    [ -z "$err" ] || fail "man $p: $err"
    grep -q "OPTIONS" "$out/$p.txt" || fail "man $p has no OPTIONS"
done

# the installed binary runs from the scratch root
v=$("$bin" --version) || fail "--version exited $?"
grep -qE "^virtdeck $version \(libvirt [0-9.]+\)$" <<<"$v" || fail "--version said '$v'"
# (the packaged demo host: the one in the package's doc dir)
demo="test://$root/usr/share/doc/virtdeck/demo-host.xml"
timeout 60 "$bin" top --batch -n 1 -d 0.5 -c "$demo" >"$out/top.txt" 2>&1 ||
    { cat "$out/top.txt"; fail "top --batch exited $?"; }
grep -qE "^db-primary +running" "$out/top.txt" || { cat "$out/top.txt"; fail "top --batch rows"; }

# the installed binary finds its modules in the scratch root: the osinfo
# one gives the completion's libosinfo ids, and none once it is removed
# from there (when nothing else supplies it)
ids=$("$bin" --complete create --os-variant debian1)
grep -qx debian11 <<<"$ids" || fail "no libosinfo ids from the installed binary: '$ids'"
mv "$moddir/virtdeck-osinfo.so" "$out/"
if [ ! -e "${moddir#"$root"}/virtdeck-osinfo.so" ]; then
    ids=$("$bin" --complete create --os-variant debian1)
    ! grep -qx debian11 <<<"$ids" || fail "libosinfo ids without the module"
fi
mv "$out/virtdeck-osinfo.so" "$moddir/"

# themes from the scratch root's data dir: listed, and loaded by the screen
export XDG_CONFIG_HOME=$out/config      # no user themes
mkdir -p "$XDG_CONFIG_HOME"
themes=$("$bin" --complete --theme "")
for t in default light mono high-contrast; do
    grep -qx "$t" <<<"$themes" || fail "the installed binary lists themes '$themes'"
done
# shellcheck source=../lib/screen.sh
. "$VD_SRC/tests/lib/screen.sh"
VD_BIN=$bin
screen_start 100x30 -c "$demo" --theme light
screen_wait "db-primary"
screen_wait "? help"
screen_capture | grep -q "not found" && screen_fail "theme light not found"
screen_keys F10
screen_stop
# the control: without the scratch root's light.theme it is not found
rm "$root/usr/share/virtdeck/themes/light.theme"
if [ ! -e /usr/share/virtdeck/themes/light.theme ]; then
    screen_start 100x30 -c "$demo" --theme light
    screen_wait "theme 'light' not found"
    screen_keys F10
    screen_stop
fi
exit 0
