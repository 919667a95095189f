#!/bin/bash
# make-deb.sh [OUTDIR]: build virtdeck's Debian package (debian/) from
# this tree with `dpkg-buildpackage -b -us -uc`, without its tests, and
# copy virtdeck_VERSION_ARCH.deb into OUTDIR (default: the tree's top).
# The build runs on a copy of the tree's files (git ls-files, so local
# build directories stay out) in $DEB_WORK (default build-deb/), because
# dpkg-buildpackage writes its results next to the source directory.
# Prints the path of the .deb on its last line.
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$src}
work=${DEB_WORK:-$src/build-deb}
version=$(dpkg-parsechangelog -l "$src/debian/changelog" -S Version)
arch=$(dpkg-architecture -q DEB_HOST_ARCH)
deb=virtdeck_${version}_${arch}.deb

rm -rf "$work"
mkdir -p "$work/virtdeck-$version" "$out"
cd "$src"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    # tracked files as they are now (committed or not), nothing else
    git ls-files -z --cached | while IFS= read -r -d '' f; do
        [ -e "$f" ] && printf '%s\0' "$f"
    done | tar --null -T - -cf - | tar -xf - -C "$work/virtdeck-$version"
else
    tar --exclude='./build*' --exclude='./obj-*' -cf - . |
        tar -xf - -C "$work/virtdeck-$version"
fi
cd "$work/virtdeck-$version"
ncpu=$(nproc 2>/dev/null || echo 1)
if ! DEB_BUILD_OPTIONS="nocheck noddebs parallel=$ncpu ${DEB_BUILD_OPTIONS:-}" \
        dpkg-buildpackage -b -us -uc >"$work/build.log" 2>&1; then
    tail -n 40 "$work/build.log"
    echo "make-deb.sh: dpkg-buildpackage failed (log: $work/build.log)" >&2
    exit 1
fi
[ -f "$work/$deb" ] || { echo "make-deb.sh: no $work/$deb" >&2; exit 1; }
[ "$(cd "$out" && pwd)" = "$work" ] || cp "$work/$deb" "$out/"
echo "$out/$deb"
