#!/bin/bash
# Live test: `virtdeck create --start` defines and starts a guest with two
# new disks, two NICs, a cloud-init seed ISO and a virtio-rng device on the
# private libvirtd: virsh domblklist/domiflist show them, the seed volume
# (downloaded through libvirt) holds the user-data given, read back with
# libisofs, under the label "cidata". A start that fails removes every
# volume it made, the seed included. Malformed values of the new options
# are refused naming the option, and nothing is created (the host's
# domains and volumes compared before and after).
set -u
src=$(cd "$(dirname "$0")/../.." && pwd)
. "$src/tests/harness/lib.sh"
vd_harness_env || exit 1
bin=${VD_BIN:-$src/build/virtdeck}
isoread=${VD_BUILD:-$src/build}/tests/live/iso_read
P=lt-multi
name=$P-guest
work=$(mktemp -d)
fails=0

cleanup() {
    vd_cleanup_guests "$P" >/dev/null 2>&1
    for v in "$name.qcow2" "$name-1.qcow2" "$name-cidata.iso" "$P-fail.qcow2" \
             "$P-fail-1.qcow2" "$P-fail-cidata.iso"; do
        vd_virsh -q vol-delete --pool vdpool "$v" >/dev/null 2>&1
    done
}
trap 'cleanup; rm -rf "$work"' EXIT
cleanup

check() {   # check DESCRIPTION COMMAND...
    local what=$1; shift
    if "$@"; then echo "ok: $what"; else echo "FAIL: $what"; fails=$((fails + 1)); fi
}
state() {
    vd_virsh -q list --all --name | sort
    vd_virsh -q vol-list vdpool | awk '{print $1}' | sort
}

cat >"$work/user-data" <<'UD'
#cloud-config
hostname: lt-multi
write_files:
  - path: /etc/lt-multi
    content: "seed from virtdeck create"
UD

out=$("$bin" create -c "$VD_TEST_URI" --virt-type "$VD_VIRT_TYPE" -n "$name" -r 256 \
      --disk pool=vdpool,size=0.1 --disk pool=vdpool,size=0.1,bus=sata,serial=LTMULTI2 \
      -w network=vdnet,model=virtio -w network=vdnet,model=e1000e,mac=52:54:00:4c:54:02 \
      --rng /dev/urandom --cloud-init "user-data=$work/user-data" \
      --graphics none --noautoconsole --start 2>&1)
rc=$?
echo "$out"
[ "$rc" = 0 ] || { echo "FAIL: create exited $rc"; exit 1; }
check "running" vd_wait_state "$name" running 60

blk=$(vd_virsh -q domblklist "$name")
echo "$blk"
check "domblklist: first disk" grep -qE "^ *vda +$name\.qcow2$" <<<"$blk"
check "domblklist: second disk on SATA" grep -qE "^ *sda +$name-1\.qcow2$" <<<"$blk"
check "domblklist: the seed ISO" grep -qE "^ *sd[a-z] +$name-cidata\.iso$" <<<"$blk"
check "domblklist: three entries" [ "$(wc -l <<<"$blk")" = 3 ]
# each is a volume of the pool
has_vol() { vd_virsh -q vol-info --pool vdpool "$1" >/dev/null 2>&1; }
for v in "$name.qcow2" "$name-1.qcow2" "$name-cidata.iso"; do
    check "volume $v exists" has_vol "$v"
done

ifl=$(vd_virsh -q domiflist "$name")
echo "$ifl"
check "domiflist: two interfaces" [ "$(wc -l <<<"$ifl")" = 2 ]
check "domiflist: virtio NIC on vdnet" grep -qE "network +vdnet +virtio" <<<"$ifl"
check "domiflist: e1000e NIC with its MAC" grep -qE "network +vdnet +e1000e +52:54:00:4c:54:02" <<<"$ifl"

xml=$(vd_virsh dumpxml "$name")
check "virtio-rng from /dev/urandom" \
    grep -qzE "<rng model='virtio'>[[:space:]]*<backend model='random'>/dev/urandom</backend>" <<<"$xml"
check "the second disk's serial" grep -qF "<serial>LTMULTI2</serial>" <<<"$xml"
check "the seed is a read-only CD-ROM" \
    grep -qzE "<disk type='volume' device='cdrom'>.*<source pool='vdpool' volume='$name-cidata.iso'.*<readonly/>" <<<"$xml"

# the seed ISO, downloaded through libvirt and read with libisofs
vd_virsh -q vol-download --pool vdpool "$name-cidata.iso" "$work/seed.iso" || exit 1
check "seed label cidata" [ "$("$isoread" "$work/seed.iso" --volid)" = cidata ]
check "seed user-data is the file given" cmp -s "$work/user-data" <("$isoread" "$work/seed.iso" /user-data)
check "seed meta-data names the instance" \
    grep -qx "instance-id: $name" <("$isoread" "$work/seed.iso" /meta-data)

# A start that fails (a bridge the host does not have) removes the
# domain, both new disks and the seed volume.
before=$(state)
out=$("$bin" create -c "$VD_TEST_URI" --virt-type "$VD_VIRT_TYPE" -n "$P-fail" -r 64 \
      --disk pool=vdpool,size=0.1 --disk pool=vdpool,size=0.1 --network bridge=ltnobr0 \
      --cloud-init root-password-generate=on --graphics none --start 2>&1)
rc=$?
echo "$out"
check "failed start exits 1" [ "$rc" = 1 ]
check "failed start names the step" grep -qF "could not start '$P-fail'" <<<"$out"
check "failed start leaves nothing (seed ISO included)" [ "$before" = "$(state)" ]
check "no password printed for a failed creation" \
    bash -c '! grep -q "Generated root password" <<<"$1"' _ "$out"

# Malformed values: refused naming the option, nothing created.
refused() {   # refused DESCRIPTION MESSAGE ARGS...
    local what=$1 want=$2 before out rc
    shift 2
    before=$(state)
    out=$("$bin" create -c "$VD_TEST_URI" --virt-type "$VD_VIRT_TYPE" -n "$P-bad" -r 64 "$@" 2>&1)
    rc=$?
    if [ "$rc" = 0 ] || [[ "$out" != *"$want"* ]] || [ "$before" != "$(state)" ]; then
        echo "FAIL: $what: exit $rc, '$out' (wanted '$want')"; fails=$((fails + 1))
    else
        echo "ok: $what: $out"
    fi
}
refused "disk device" "--disk: 'tape' is not a valid device" --disk pool=vdpool,size=1,device=tape
refused "disk io" "--disk: 'fast' is not a valid io mode" --disk pool=vdpool,size=1,io=fast
refused "disk discard" "--disk: 'maybe' is not a valid discard mode" --disk pool=vdpool,size=1,discard=maybe
refused "disk readonly" "--disk: readonly 'perhaps' is not on or off" --disk pool=vdpool,size=1,readonly=perhaps
refused "disk shareable" "--disk: shareable 'x' is not on or off" --disk pool=vdpool,size=1,shareable=x
refused "disk boot order" "--disk: boot.order '0' is not a number" --disk pool=vdpool,size=1,boot.order=0
refused "disk serial" "--disk: serial 'a b' must be" --disk "pool=vdpool,size=1,serial=a b"
refused "disk cache" "--disk: 'fastest' is not a valid cache mode" --disk pool=vdpool,size=1,cache=fastest
refused "disk size" "--disk: size 'big' is not a number of GiB" --disk pool=vdpool,size=big
refused "new path outside every pool" "--disk: no storage pool has the directory /nonexistent" \
    --disk /nonexistent/x.qcow2,size=1
refused "backing store missing" "--disk: backing_store: pool 'vdpool' has no volume 'nope.qcow2'" \
    --disk pool=vdpool,size=1,backing_store=nope.qcow2
refused "NIC model" "--network: 'fastnic' is not a valid NIC model" --network network=vdnet,model=fastnic
refused "NIC MAC" "--network: MAC address 'zz:zz'" --network network=vdnet,mac=zz:zz
refused "NIC link state" "--network: 'sideways' is not a valid link state" \
    --network network=vdnet,link_state=sideways
refused "graphics port" "--graphics: port '70000' is not a TCP port" --graphics vnc,port=70000
refused "graphics tlsport on VNC" "--graphics: tlsport= is for SPICE" --graphics vnc,tlsport=5901
refused "graphics keymap" "--graphics: keymap 'klingon' is not one QEMU knows" --graphics vnc,keymap=klingon
refused "memballoon" "--memballoon: 'balloon9' is not a valid model" --memballoon balloon9
refused "clock" "--clock: 'mars' is not a valid offset" --clock offset=mars
refused "controller" "--controller: 'floppy' is not a valid type" --controller floppy
refused "sound" "--sound: 'gus' is not a valid model" --sound gus
refused "rng" "--rng: device 'urandom' is not an absolute path" --rng type=random,device=urandom
refused "tpm" "--tpm: only an emulated TPM is supported" --tpm /dev/tpm0
refused "watchdog" "--watchdog: 'explode' is not a valid action" --watchdog i6300esb,action=explode
refused "serial" "--serial: a file needs path=/FILE" --serial file
refused "console" "--console: 'hyper' is not a valid target.type" --console pty,target_type=hyper
refused "channel" "--channel: a unix channel needs name=NAME" --channel unix
refused "filesystem" "--filesystem: give the mount tag" --filesystem /tmp
refused "memorybacking" "--memorybacking: 'often' is not a valid hugepages" --memorybacking hugepages=often
refused "host device missing" "--host-device: the host has no device pci_0000_99_99_9" \
    --host-device pci_0000_99_99_9
refused "host device malformed" "--host-device: 'xyz!' is not a node device name" --host-device 'xyz!'
refused "cloud-init option" "--cloud-init: unknown option 'colour'" --cloud-init colour=blue
refused "cloud-init missing file" "--cloud-init: user-data: cannot read /nonexistent/ud" \
    --disk none --cloud-init user-data=/nonexistent/ud
refused "cloud-init ssh key" "--cloud-init: ssh-key: $work/user-data is not an SSH public key" \
    --disk none --cloud-init "ssh-key=$work/user-data"
refused "os variant" "--os-variant: there is no OS variant 'debain11'" --os-variant debain11
refused "os variant suggestions" "the closest are debian11" --os-variant debain11
refused "cpu" "--cpu: 'a b' is not host" --cpu "a b"
refused "unattended" "--unattended is not supported" --unattended

# A host PCI device from the node device list: defined (not started)
# into one domain, then refused for a second one.
dev=$(vd_virsh -q nodedev-list --cap pci | tail -1 | tr -d ' ')
if [ -z "$dev" ]; then
    echo "FAIL: the host lists no PCI node device"; fails=$((fails + 1))
else
    out=$("$bin" create -c "$VD_TEST_URI" --virt-type "$VD_VIRT_TYPE" -n "$P-hd1" -r 64 \
          --disk none --graphics none --host-device "$dev" 2>&1)
    check "a domain with host device $dev is defined" [ $? = 0 ]
    addr=$(vd_virsh nodedev-dumpxml "$dev" | sed -n "s:.*<slot>\(.*\)</slot>.*:\1:p" | head -1)
    check "its XML has the PCI host device (slot $addr)" \
        grep -qE "<hostdev mode='subsystem' type='pci' managed='yes'>" <<<"$(vd_virsh dumpxml "$P-hd1")"
    refused "host device in use" "is in use: domain '$P-hd1' has it" --disk none --host-device "$dev"
fi

echo "$fails failed"
[ "$fails" = 0 ]
