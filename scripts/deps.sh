#!/bin/sh
# deps.sh build|test|deb|bench: install the Debian packages virtdeck needs, once.
# Idempotent: asks dpkg first and runs apt-get only for what is missing.
set -eu

build_pkgs="gcc meson ninja-build pkg-config libvirt-dev libncurses-dev
libxml2-dev libvncserver-dev libcmocka-dev libosinfo-1.0-dev osinfo-db libpng-dev libvterm-dev
libspice-client-glib-2.0-dev zlib1g-dev libchafa-dev libisofs-dev
libjson-c-dev"
test_pkgs="libvirt-daemon libvirt-daemon-driver-qemu libvirt-clients
qemu-system-x86 qemu-utils seabios ipxe-qemu dnsmasq-base iptables iproute2 tmux
libxml2-utils ovmf procps util-linux virtinst
openssh-server openssh-client
clang libclang-rt-14-dev
debhelper dpkg-dev lintian fakeroot bash-completion zsh man-db
libsixel-dev libsixel-bin"
# what `make deb` needs besides the build packages
deb_pkgs="debhelper dpkg-dev fakeroot bash-completion"
# what `make bench` needs besides the test packages: callgrind for the
# instruction counts, a terminal emulator for key-to-screen times
bench_pkgs="valgrind python3-pyte"

case "${1:-build}" in
    build) want=$build_pkgs ;;
    test) want="$build_pkgs $test_pkgs" ;;
    deb) want="$build_pkgs $deb_pkgs" ;;
    bench) want="$build_pkgs $test_pkgs $bench_pkgs" ;;
    *) echo "usage: $0 build|test|deb|bench" >&2; exit 2 ;;
esac

missing=""
for p in $want; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0

sudo=""
if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null; then
        sudo="sudo"
    else
        echo "deps.sh: missing packages:$missing; run as root or install them" >&2
        exit 1
    fi
fi
echo "deps.sh: installing$missing"
export DEBIAN_FRONTEND=noninteractive
# Update the package lists once: when they are absent or a day old.
if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -mmin -1440 2>/dev/null | head -n 1)" ]; then
    $sudo apt-get update -qq
fi
# shellcheck disable=SC2086
$sudo apt-get install -y -qq $missing >/dev/null
