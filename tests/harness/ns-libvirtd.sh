#!/bin/bash
# Internal: runs INSIDE the harness network namespace and a fresh private
# mount namespace (started by common.sh:vdh_start_daemon as
#   ip netns exec NS unshare --mount --propagation private -- ns-libvirtd.sh DIR [libvirtd args]
# ).  It redirects every directory libvirtd uses onto the state dir and then
# execs libvirtd, so a system libvirtd (if any) is never touched and nothing
# is written outside DIR.  Mounts made here are invisible outside.
set -eu

DIR=$1
shift

die() { echo "ns-libvirtd: $*" >&2; exit 1; }

# Never let mounts propagate back to the host, whatever unshare did.
mount --make-rprivate / || die "cannot make / private"

# bind SRC DST: make DST show SRC.  If DST does not exist, hide its parent
# with a tmpfs that re-exposes every original entry by bind mount and adds
# DST: this way no mount point has to be created on the host file system.
bind_into() {
    local src=$1 dst=$2 parent name keep e base mode
    if [ -d "$dst" ] && [ ! -L "$dst" ]; then
        mount --bind "$src" "$dst" || die "bind $src -> $dst"
        return
    fi
    parent=$(dirname "$dst")
    name=$(basename "$dst")
    [ -d "$parent" ] || die "$parent does not exist"
    keep=$DIR/ns/keep$(printf '%s' "$parent" | tr / _)
    mkdir -p "$keep"
    mode=$(stat -c %a "$parent")
    mount --rbind "$parent" "$keep" || die "rbind $parent"
    mount -t tmpfs -o "mode=$mode" vdshadow "$parent" || die "tmpfs on $parent"
    for e in "$keep"/* "$keep"/.[!.]* "$keep"/..?*; do
        [ -e "$e" ] || [ -L "$e" ] || continue
        base=$(basename "$e")
        [ "$base" = "$name" ] && continue
        if [ -L "$e" ]; then
            cp -P "$e" "$parent/$base"
        elif [ -d "$e" ]; then
            mkdir "$parent/$base"
            mount --rbind "$e" "$parent/$base"
        else
            : >"$parent/$base"
            mount --bind "$e" "$parent/$base"
        fi
    done
    mkdir "$dst"
    mount --bind "$src" "$dst" || die "bind $src -> $dst"
}

# /run: a fresh tmpfs hides the host's /run entirely (no D-Bus, no systemd
# markers, so libvirtd does not talk to machined/firewalld/polkit of the
# host, and gets its own xtables lock).
mount -t tmpfs -o mode=0755 vdrun /run || die "tmpfs on /run"
mkdir -p /run/libvirt /run/lock
mount --bind "$DIR/run/libvirt" /run/libvirt
# /var/run is normally a symlink to /run; handle a real directory too.
if [ -d /var/run ] && [ ! -L /var/run ]; then
    bind_into "$DIR/run/libvirt" /var/run/libvirt
fi

bind_into "$DIR/lib" /var/lib/libvirt
bind_into "$DIR/log" /var/log/libvirt
bind_into "$DIR/cache" /var/cache/libvirt
bind_into "$DIR/etc" /etc/libvirt

# The QEMU driver resolves its built-in default user/group (libvirt-qemu on
# Debian) at start-up even though qemu.conf says root; that account is made
# by libvirt-daemon-system, which the harness does not need.  Add it to a
# private copy of passwd/group instead of touching the host's.
free_id() {
    local id=64055
    while getent passwd "$id" >/dev/null || getent group "$id" >/dev/null; do
        id=$((id + 1))
    done
    echo "$id"
}
if ! getent passwd libvirt-qemu >/dev/null || ! getent group libvirt-qemu >/dev/null ||
   ! getent group kvm >/dev/null; then
    cp /etc/passwd "$DIR/ns/passwd"
    cp /etc/group "$DIR/ns/group"
    if ! getent group libvirt-qemu >/dev/null; then
        echo "libvirt-qemu:x:$(free_id):" >>"$DIR/ns/group"
    fi
    if ! getent group kvm >/dev/null; then
        echo "kvm:x:$(free_id):" >>"$DIR/ns/group"
    fi
    mount --bind "$DIR/ns/group" /etc/group
    if ! getent passwd libvirt-qemu >/dev/null; then
        gid=$(getent group libvirt-qemu | cut -d: -f3)
        echo "libvirt-qemu:x:$(free_id):$gid:Libvirt Qemu:/var/lib/libvirt:/usr/sbin/nologin" >>"$DIR/ns/passwd"
    fi
    mount --bind "$DIR/ns/passwd" /etc/passwd
fi

# Load only the drivers a QEMU host needs: leave out lxc, libxl and vbox,
# which are installed as dependencies but would only add noise (and the LXC
# driver wants cgroups).  libvirtd honours LIBVIRT_DRIVER_DIR.
drvsrc=
for d in /usr/lib/*/libvirt/connection-driver /usr/lib64/libvirt/connection-driver /usr/lib/libvirt/connection-driver; do
    if [ -e "$d/libvirt_driver_qemu.so" ]; then drvsrc=$d; break; fi
done
if [ -n "$drvsrc" ]; then
    mkdir -p "$DIR/ns/drivers"
    for drv in qemu network storage nodedev secret interface nwfilter; do
        [ -e "$drvsrc/libvirt_driver_$drv.so" ] &&
            ln -sfn "$drvsrc/libvirt_driver_$drv.so" "$DIR/ns/drivers/libvirt_driver_$drv.so"
    done
    export LIBVIRT_DRIVER_DIR=$DIR/ns/drivers
fi

# A migration pair (up.sh --peer): this daemon's own hostname (we are in a
# UTS namespace), an /etc/hosts naming both ends of the link, and bind
# mounts ("SRC DST" per line) that give this daemon its own directory at a
# path the other daemon also uses.
if [ -r "$DIR/hostname" ]; then
    hostname "$(cat "$DIR/hostname")" || die "cannot set the hostname"
fi
if [ -r "$DIR/hosts" ]; then
    mount --bind "$DIR/hosts" /etc/hosts || die "cannot bind /etc/hosts"
fi
if [ -r "$DIR/binds" ]; then
    while read -r src dst; do
        [ -n "$src" ] || continue
        mkdir -p "$src"
        mount --bind "$src" "$dst" || die "bind $src -> $dst"
    done <"$DIR/binds"
fi

export HOME=$DIR/home
mkdir -p "$HOME"
# Keep the daemon's environment small and predictable.
unset DBUS_SESSION_BUS_ADDRESS XDG_RUNTIME_DIR LIBVIRT_DEFAULT_URI

exec libvirtd -f "$DIR/etc/libvirtd.conf" -p "$DIR/libvirtd.pid" "$@"
