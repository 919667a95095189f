# shellcheck shell=bash
# Helpers for live tests.  Source it, then call vd_harness_env:
#
#   . tests/harness/lib.sh
#   vd_harness_env || exit 1
#   uuid=$(vd_define_guest lt-foo --serial-bios --vnc)
#   vd_virsh start lt-foo
#   vd_wait_state lt-foo running 30
#   ...
#   vd_cleanup_guests lt-
#
# This file does not change the caller's shell options (set -e etc.).
# Functions return non-zero on failure and print the reason on stderr.

_VD_LIB_HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=common.sh
. "$_VD_LIB_HERE/common.sh"

# Re-read VD_HARNESS_DIR / VD_NETNS (they may change after sourcing).
_vd_sync() {
    VDH_DIR=${VD_HARNESS_DIR:-/tmp/virtdeck-harness}
    VDH_NETNS=${VD_NETNS:-vdtest}
}

# vd_harness_env: import VD_TEST_URI, VD_VIRT_TYPE, VD_NETNS,
# VD_HARNESS_DIR, VD_LIBVIRTD_PID from $VD_HARNESS_DIR/env.
vd_harness_env() {
    _vd_sync
    if [ ! -r "$VDH_DIR/env" ]; then
        echo "vd_harness_env: $VDH_DIR/env not found: the live-test harness is not up (run tests/harness/up.sh as root)" >&2
        return 1
    fi
    # shellcheck disable=SC1091
    . "$VDH_DIR/env"
    if [ -z "${VD_TEST_URI:-}" ]; then
        echo "vd_harness_env: $VDH_DIR/env does not set VD_TEST_URI" >&2
        return 1
    fi
    _vd_sync
    return 0
}

# vd_virsh ARGS...: virsh on the harness daemon.
vd_virsh() {
    virsh -c "${VD_TEST_URI:?vd_harness_env was not called}" "$@"
}

# Machine type: "pc" if the daemon offers it for this accelerator, else q35.
_vd_machine() {
    if [ -z "${_VD_MACHINE:-}" ]; then
        if vd_virsh -q domcapabilities --virttype "${VD_VIRT_TYPE:-qemu}" \
                --arch x86_64 --machine pc >/dev/null 2>&1; then
            _VD_MACHINE=pc
        else
            _VD_MACHINE=q35
        fi
    fi
    printf '%s\n' "$_VD_MACHINE"
}

_vd_xml_escape() {
    # Replacements are quoted: bash 5.2's patsub_replacement would otherwise
    # expand "&" to the matched text.
    local s=$1
    s=${s//'&'/"&amp;"}
    s=${s//'<'/"&lt;"}
    s=${s//'>'/"&gt;"}
    s=${s//"'"/"&apos;"}
    s=${s//'"'/"&quot;"}
    printf '%s' "$s"
}

# vd_define_guest NAME [options]: define (do not start) a guest that needs no
# OS (SeaBIOS only).  Prints the new domain's UUID.
#   --memory MiB          memory (default 64)
#   --serial-bios         <bios useserial='yes'/>: SeaBIOS also prints on the
#                         serial console
#   --bootmenu            <bootmenu enable='yes' timeout='30000'/>
#   --vnc                 VNC graphics on 127.0.0.1 (of the netns), autoport,
#                         plus a VGA video device
#   --vnc-password PW     VNC with a password (implies --vnc)
#   --spice               SPICE graphics on 127.0.0.1 (of the netns), autoport,
#                         lossless (no JPEG, zlib, streaming), plus a QXL
#                         video device
#   --spice-password PW   SPICE with a password (implies --spice)
#   --network NET         virtio NIC on libvirt network NET (e.g. vdnet)
#   --disk SIZE_MiB       qcow2 volume NAME.qcow2 in vdpool, virtio disk vda
#   --devices-xml XML     extra XML appended inside <devices>
# A pty serial port and console are always present.
vd_define_guest() {
    local name=${1:?usage: vd_define_guest NAME [options]}
    shift
    local mem=64 serial_bios=0 bootmenu=0 vnc=0 vncpw='' net='' disk='' devxml=''
    local spice=0 spicepw=''
    while [ $# -gt 0 ]; do
        case $1 in
            --memory) mem=${2:?--memory needs MiB}; shift ;;
            --serial-bios) serial_bios=1 ;;
            --bootmenu) bootmenu=1 ;;
            --vnc) vnc=1 ;;
            --vnc-password) vnc=1; vncpw=${2?--vnc-password needs a value}; shift ;;
            --spice) spice=1 ;;
            --spice-password) spice=1; spicepw=${2?--spice-password needs a value}; shift ;;
            --network) net=${2:?--network needs a name}; shift ;;
            --disk) disk=${2:?--disk needs MiB}; shift ;;
            --devices-xml) devxml=${2?--devices-xml needs XML}; shift ;;
            *) echo "vd_define_guest: unknown option $1" >&2; return 2 ;;
        esac
        shift
    done
    case $mem$disk in *[!0-9]*) echo "vd_define_guest: sizes must be integers (MiB)" >&2; return 2 ;; esac

    local type=${VD_VIRT_TYPE:-qemu} machine os_extra='' dev_extra='' volpath='' xml
    machine=$(_vd_machine)
    [ "$bootmenu" = 1 ] && os_extra+="    <bootmenu enable='yes' timeout='30000'/>"$'\n'
    [ "$serial_bios" = 1 ] && os_extra+="    <bios useserial='yes'/>"$'\n'

    if [ -n "$disk" ]; then
        local vol="$name.qcow2"
        # Idempotent: drop a left-over volume of the same name first.
        vd_virsh -q vol-delete --pool vdpool "$vol" >/dev/null 2>&1 || true
        vd_virsh -q vol-create-as vdpool "$vol" "${disk}M" --format qcow2 >/dev/null || {
            echo "vd_define_guest: cannot create volume $vol in vdpool" >&2; return 1; }
        volpath=$(vd_virsh -q vol-path --pool vdpool "$vol") || return 1
        dev_extra+="    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2'/>
      <source file='$(_vd_xml_escape "$volpath")'/>
      <target dev='vda' bus='virtio'/>
    </disk>
"
    fi
    if [ -n "$net" ]; then
        dev_extra+="    <interface type='network'>
      <source network='$(_vd_xml_escape "$net")'/>
      <model type='virtio'/>
      <driver name='qemu'/>
    </interface>
"
    fi
    if [ "$vnc" = 1 ]; then
        local pwattr=
        [ -n "$vncpw" ] && pwattr=" passwd='$(_vd_xml_escape "$vncpw")'"
        dev_extra+="    <graphics type='vnc' autoport='yes' listen='127.0.0.1'$pwattr>
      <listen type='address' address='127.0.0.1'/>
    </graphics>
    <video>
      <model type='vga'/>
    </video>
"
    fi
    if [ "$spice" = 1 ]; then
        local spwattr=
        [ -n "$spicepw" ] && spwattr=" passwd='$(_vd_xml_escape "$spicepw")'"
        dev_extra+="    <graphics type='spice' autoport='yes' listen='127.0.0.1'$spwattr>
      <listen type='address' address='127.0.0.1'/>
      <image compression='off'/>
      <jpeg compression='never'/>
      <zlib compression='never'/>
      <streaming mode='off'/>
    </graphics>
    <video>
      <model type='qxl'/>
    </video>
"
    fi
    [ -n "$devxml" ] && dev_extra+="$devxml"$'\n'

    xml=$(cat <<EOF
<domain type='$type'>
  <name>$(_vd_xml_escape "$name")</name>
  <memory unit='MiB'>$mem</memory>
  <currentMemory unit='MiB'>$mem</currentMemory>
  <vcpu placement='static'>1</vcpu>
  <os>
    <type arch='x86_64' machine='$machine'>hvm</type>
    <boot dev='hd'/>
$os_extra  </os>
  <features>
    <acpi/>
  </features>
  <clock offset='utc'/>
  <on_poweroff>destroy</on_poweroff>
  <on_reboot>restart</on_reboot>
  <on_crash>destroy</on_crash>
  <devices>
$dev_extra    <serial type='pty'>
      <target port='0'/>
    </serial>
    <console type='pty'>
      <target type='serial' port='0'/>
    </console>
    <memballoon model='none'/>
  </devices>
</domain>
EOF
)
    local f rc=0
    f=$(mktemp "${TMPDIR:-/tmp}/vd-guest.XXXXXX.xml") || return 1
    printf '%s\n' "$xml" >"$f"
    vd_virsh -q define "$f" >/dev/null || rc=$?
    rm -f "$f"
    if [ "$rc" != 0 ]; then
        echo "vd_define_guest: define of $name failed" >&2
        return 1
    fi
    vd_virsh -q domuuid "$name"
}

# vd_wait_state NAME STATE TIMEOUT_S: poll `virsh domstate` until it prints
# STATE (e.g. running, paused, "shut off").
vd_wait_state() {
    local name=$1 want=$2 timeout=${3:-30} st='' end
    end=$((SECONDS + timeout))
    while :; do
        st=$(timeout 10 virsh -q -c "$VD_TEST_URI" domstate "$name" 2>/dev/null | head -n1) || true
        [ "$st" = "$want" ] && return 0
        if [ "$SECONDS" -ge "$end" ]; then
            echo "vd_wait_state: $name is '${st:-?}', not '$want' after ${timeout}s" >&2
            return 1
        fi
        sleep 0.2
    done
}

# vd_daemon_signal STOP|CONT: freeze or thaw the harness libvirtd.
vd_daemon_signal() {
    _vd_sync
    local sig=${1:?usage: vd_daemon_signal STOP|CONT} pid
    case $sig in
        STOP|CONT) ;;
        *) echo "vd_daemon_signal: STOP or CONT, not $sig" >&2; return 2 ;;
    esac
    pid=$(vdh_daemon_pid) || { echo "vd_daemon_signal: libvirtd is not running" >&2; return 1; }
    kill -"$sig" "$pid"
}

# vd_daemon_restart: SIGKILL libvirtd and start it again in the same
# namespaces with the same configuration; wait until it answers.  Running
# guests survive (their qemu processes are not killed).  Updates
# VD_LIBVIRTD_PID here and in $VD_HARNESS_DIR/env.
vd_daemon_restart() {
    _vd_sync
    vdh_netns_exists || { echo "vd_daemon_restart: netns $VDH_NETNS is gone; run up.sh" >&2; return 1; }
    vdh_stop_daemon hard
    vdh_start_daemon || { vdh_log_tail 30; return 1; }
    vdh_wait_daemon 30 || { vdh_log_tail 30; return 1; }
    VD_LIBVIRTD_PID=$(vdh_daemon_pid) || return 1
    export VD_LIBVIRTD_PID
    if [ -w "$VDH_DIR/env" ]; then
        sed -i "s/^export VD_LIBVIRTD_PID=.*/export VD_LIBVIRTD_PID='$VD_LIBVIRTD_PID'/" "$VDH_DIR/env"
    fi
}

# vd_cleanup_guests PREFIX...: destroy and undefine every guest whose name starts
# with one of the PREFIXes (and delete its NAME.qcow2 volume in vdpool, if any).
vd_cleanup_guests() {
    local prefix dom match
    [ $# -gt 0 ] || { echo "usage: vd_cleanup_guests PREFIX..." >&2; return 2; }
    for prefix in "$@"; do
        [ -n "$prefix" ] || { echo "vd_cleanup_guests: empty prefix" >&2; return 2; }
    done
    while IFS= read -r dom; do
        [ -n "$dom" ] || continue
        match=0
        for prefix in "$@"; do
            case $dom in "$prefix"*) match=1 ;; esac
        done
        [ $match = 1 ] || continue
        timeout 30 virsh -q -c "$VD_TEST_URI" destroy "$dom" >/dev/null 2>&1 || true
        timeout 30 virsh -q -c "$VD_TEST_URI" undefine "$dom" --nvram --managed-save \
                --snapshots-metadata --checkpoints-metadata >/dev/null 2>&1 ||
            timeout 30 virsh -q -c "$VD_TEST_URI" undefine "$dom" >/dev/null 2>&1 || true
        timeout 30 virsh -q -c "$VD_TEST_URI" vol-delete --pool vdpool "$dom.qcow2" >/dev/null 2>&1 || true
    done < <(timeout 30 virsh -q -c "$VD_TEST_URI" list --all --name 2>/dev/null)
    return 0
}

# vd_console_start NAME FILE: attach `virsh console --force NAME` (under
# script(1), since virsh needs a terminal) with its output going to FILE.
# Waits until virsh reports it is connected, then prints the reader's
# process-group id for vd_console_stop.  To catch the very first output (the
# SeaBIOS banner), start the guest with `vd_virsh start --paused NAME`,
# attach, then `vd_virsh resume NAME`.
vd_console_start() {
    local name=${1:?usage: vd_console_start NAME FILE} out=${2:?usage: vd_console_start NAME FILE}
    local cmd pid
    cmd="virsh -c $(printf %q "$VD_TEST_URI") console --force $(printf %q "$name")"
    : >"$out" || return 1
    # setsid: own process group, so vd_console_stop can kill script and
    # virsh together; ( ... & ) so it is not a child of the caller (a bare
    # `wait` must not hang on it).  script (util-linux 2.38) keeps running
    # on EOF of a non-terminal stdin and exits when virsh does (e.g. when
    # the daemon goes away).
    pid=$( (setsid script -qfec "$cmd" /dev/null >"$out" 2>&1 </dev/null & echo $!) )
    if ! vd_wait_text "$out" "Connected to domain" 15; then
        vd_console_stop "$pid"
        return 1
    fi
    printf '%s\n' "$pid"
}

# vd_console_stop PID: stop a reader started by vd_console_start.
vd_console_stop() {
    local pid=${1:?usage: vd_console_stop PID} end
    kill -TERM -- "-$pid" 2>/dev/null || return 0
    end=$((SECONDS + 5))
    while vdh_pid_alive "$pid" && [ "$SECONDS" -lt "$end" ]; do sleep 0.05; done
    kill -KILL -- "-$pid" 2>/dev/null || true
    return 0
}

# vd_wait_text FILE TEXT TIMEOUT_S: poll until FILE contains TEXT (fixed
# string).
vd_wait_text() {
    local file=$1 text=$2 timeout=${3:-10} end
    end=$((SECONDS + timeout))
    until grep -qF -- "$text" "$file" 2>/dev/null; do
        if [ "$SECONDS" -ge "$end" ]; then
            echo "vd_wait_text: '$text' not in $file after ${timeout}s" >&2
            return 1
        fi
        sleep 0.1
    done
}

# ---- the migration peer (up.sh --peer) ------------------------------------------

# vd_peer_virsh ARGS...: virsh on the peer daemon.
vd_peer_virsh() {
    virsh -c "${VD_PEER_URI:?the harness has no peer: up.sh --peer (a migrate_* test)}" "$@"
}

# vd_peer_wait_state NAME STATE TIMEOUT_S: vd_wait_state on the peer.
vd_peer_wait_state() {
    ( VD_TEST_URI=${VD_PEER_URI:?the harness has no peer} vd_wait_state "$@" )
}

# vd_peer_cleanup_guests PREFIX: vd_cleanup_guests on the peer.
vd_peer_cleanup_guests() {
    ( VD_TEST_URI=${VD_PEER_URI:?the harness has no peer} vd_cleanup_guests "$@" )
}

# vd_screens_same A B: true when two screenshots (PNG or PPM) are the
# same picture, up to a blinking text cursor (at most 64 pixels), and
# not all black. Uses the build's tests/live/console_probe ($VD_BUILD).
vd_screens_same() {
    local out diff nonblack
    out=$("${VD_BUILD:?}/tests/live/console_probe" cmp "$1" "$2" 2>&1)
    diff=$(printf '%s\n' "$out" | sed -n 's/.*, \([0-9]*\) pixels differ.*/\1/p')
    nonblack=$(printf '%s\n' "$out" | sed -n 's/.*, \([0-9]*\) non-black pixels.*/\1/p')
    [ -n "$diff" ] && [ -n "$nonblack" ] && [ "$diff" -le 64 ] && [ "$nonblack" -gt 0 ] && return 0
    echo "vd_screens_same: $out" >&2
    return 1
}

# vd_screenshot_stable URI NAME FILE TIMEOUT_S: take `virsh screenshot`s
# 0.5 s apart until two in a row are the same picture (vd_screens_same);
# leaves the last in FILE.
vd_screenshot_stable() {
    local uri=$1 name=$2 file=$3 timeout=${4:-30} end prev=$3.prev
    end=$((SECONDS + timeout))
    rm -f "$prev"
    while :; do
        if timeout 20 virsh -q -c "$uri" screenshot "$name" "$file" >/dev/null 2>&1 &&
           [ -s "$file" ]; then
            if [ -s "$prev" ] && vd_screens_same "$file" "$prev" 2>/dev/null; then
                rm -f "$prev"
                return 0
            fi
            cp "$file" "$prev"
        fi
        if [ "$SECONDS" -ge "$end" ]; then
            echo "vd_screenshot_stable: no steady picture of $name after ${timeout}s" >&2
            rm -f "$prev"
            return 1
        fi
        sleep 0.5
    done
}
