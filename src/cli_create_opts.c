/*
 * cli_create_opts.c: `virtdeck create`'s options: the help text and the
 * parser of virt-install's option syntax (names, short forms, older
 * spellings, sub-options) into a vd_domain_spec and create_opts. Pure:
 * no host is asked here (cli_create_host.c does that).
 */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>

#include "virtdeck/cloudinit.h"
#include "virtdeck/create.h"
#include "virtdeck/devopts.h"
#include "virtdeck/domspec.h"
#include "virtdeck/osinfo.h"
#include "cli.h"
#include "cli_create.h"

/* Print the help text. */
void
cc_usage(FILE *out)
{
    fputs(
"Usage: virtdeck create [-c URI] --name NAME --memory MiB [OPTION]...\n"
"Define a new virtual machine (and with --start, start it). The options\n"
"are virt-install's, under its names, short forms and older spellings;\n"
"the XML is built and checked exactly as the create wizard does it.\n"
"\n"
"  -c, --connect URI        libvirt URI (default $LIBVIRT_DEFAULT_URI or\n"
"                           qemu:///system). NOTE: -c is --connect, as in\n"
"                           virsh, not virt-install's -c (--cdrom)\n"
"  -n, --name NAME          the new domain's name\n"
"  -u, --uuid UUID          the domain's UUID (default: libvirt makes one)\n"
"      --vcpus N            virtual CPUs (default 1, or the OS's recommendation)\n"
"      --memory MiB         memory in MiB (also -r, --ram)\n"
"      --cpu MODE|MODEL     host (= host-model), host-model, host-passthrough,\n"
"                           default, or a CPU model name (Nehalem, EPYC, ...)\n"
"      --os-variant ID      libosinfo short id or alias (debian11, win11, ...;\n"
"                           also --osinfo, name=ID, id=URL): recommended memory,\n"
"                           vCPUs, disk size and bus, NIC model where not\n"
"                           given, and the guest agent channel; 'generic': none\n"
"\n"
"Install source (one of):\n"
"      --cdrom SOURCE       an ISO: POOL/VOLUME, or an absolute path on the host\n"
"  -l, --location URL[,kernel=PATH,initrd=PATH]\n"
"                           network install tree (http://, https://, ftp://,\n"
"                           nfs: or a directory on the host); the kernel and\n"
"                           initrd are files on the host (found in a local\n"
"                           tree when not given)\n"
"  -x, --extra-args ARGS    kernel command line for --location\n"
"      --import             boot the disk as it is (an installed system, or a\n"
"                           new disk on a cloud image with --cloud-init)\n"
"      --pxe                boot from the network\n"
"\n"
"Storage (--disk may be repeated; the first is the boot disk):\n"
"      --disk pool=POOL,size=GiB[,format=qcow2|raw][,name=VOLUME]\n"
"                           a new volume (default name NAME.qcow2, then\n"
"                           NAME-1.qcow2, ...); size=GiB alone: pool 'default'\n"
"      --disk pool=POOL[,size=GiB],backing_store=VOLUME\n"
"                           a new qcow2 volume on an image of the pool\n"
"      --disk vol=POOL/VOLUME             an existing volume\n"
"      --disk [path=]FILE                 a file or device on the host\n"
"      --disk path=FILE,size=GiB[,format=...]\n"
"                           a new file: a new volume of the pool whose\n"
"                           directory holds FILE (refused when none does)\n"
"      --disk none          no disk (also --nodisks)\n"
"    sub-options of each: bus=virtio|sata|scsi|ide|usb|fdc, device=disk|cdrom|\n"
"      floppy|lun, cache=none|writethrough|writeback|directsync|unsafe,\n"
"      io=native|threads|io_uring, discard=unmap|ignore, readonly=on|off,\n"
"      shareable=on|off, perms=ro|rw|sh, boot.order=N, serial=TEXT\n"
"  -f, --file PATH, -s, --file-size GiB   older spellings of --disk path=,size=\n"
"\n"
"Network (--network may be repeated):\n"
"  -w, --network network=NAME     a libvirt network ('default' alone: network\n"
"                                 'default'; NAME alone also works)\n"
"      --network bridge=BRIDGE    a host bridge (also -b, --bridge BRIDGE)\n"
"      --network type=direct,source=IFACE   macvtap in bridge mode\n"
"      --network user             user-mode networking\n"
"      --network none             no interface (also --nonetworks)\n"
"    sub-options of each: model=virtio|e1000e|e1000|rtl8139|vmxnet3|ne2k_pci|\n"
"      pcnet, mac=MAC, link_state=up|down, boot.order=N\n"
"  -m, --mac MAC            the first interface's MAC (older spelling)\n"
"\n"
"Display:\n"
"      --graphics vnc|spice|none[,listen=ADDRESS][,password=PASSWORD]\n"
"                 [,port=N][,tlsport=N (SPICE)][,keymap=MAP]\n"
"      --vnc, --vncport N, --vnclisten ADDR, --spice, --nographics,\n"
"  -k, --keymap MAP         older spellings of --graphics\n"
"      --video vga|virtio|qxl|bochs|cirrus|none\n"
"\n"
"Devices (virt-install's syntax; each may be repeated):\n"
"      --controller usb2|usb3|virtio-scsi|type=T[,model=M][,index=N][,ports=N]\n"
"      --sound ich9|ich6|ich7|ac97|es1370|sb16|usb|default|none (also --soundhw)\n"
"      --rng /dev/urandom|builtin|none|type=random,device=PATH[,model=virtio]\n"
"      --tpm emulator|none|type=emulator[,model=tpm-crb|tpm-tis][,version=2.0]\n"
"      --watchdog MODEL[,action=reset|shutdown|poweroff|pause|none|dump|inject-nmi]\n"
"      --memballoon virtio|none\n"
"      --serial pty|file,path=F|unix,path=F[,mode=bind|connect]|tcp,host=H:P|null\n"
"               [,target_type=isa-serial|usb-serial|pci-serial]\n"
"      --console pty|...[,target_type=serial|virtio]\n"
"      --channel unix,name=NAME|spicevmc|pty   (by default a guest agent\n"
"                           channel where libosinfo says the OS has virtio-serial)\n"
"      --filesystem SOURCE,TARGET[,driver.type=virtiofs|path][,accessmode=M]\n"
"                           a host directory (virtiofs by default: the memory\n"
"                           is made shared for it)\n"
"      --memorybacking hugepages=on|source.type=memfd|access.mode=shared|\n"
"                      locked=on|nosharepages=on\n"
"      --host-device DEV    a host PCI or USB device (also --hostdev): a node\n"
"                           device name (pci_0000_00_19_0, usb_1_3), a PCI\n"
"                           address, USB 0xVENDOR:0xPRODUCT or BUS.DEVICE\n"
"      --input tablet|mouse|keyboard[,bus=usb|ps2|virtio]\n"
"      --clock offset=utc|localtime\n"
"\n"
"Cloud images:\n"
"      --cloud-init [user-data=FILE][,meta-data=FILE][,network-config=FILE]\n"
"                   [,root-password-generate=on][,ssh-key=FILE][,disable=on]\n"
"                           a NoCloud seed ISO (label cidata) made with\n"
"                           libisofs, uploaded as volume NAME-cidata.iso into\n"
"                           the pool of the first new disk (else 'default') and\n"
"                           attached as a CD-ROM; a generated root password is\n"
"                           printed once (alone, --cloud-init generates one)\n"
"\n"
"Firmware and boot:\n"
"      --boot uefi|bios[,DEV...]  firmware and/or boot order, DEV one of\n"
"                           hd, cdrom, network (e.g. --boot uefi,cdrom,hd)\n"
"      --virt-type kvm|qemu hardware acceleration or plain emulation\n"
"                           (default kvm where the host offers it)\n"
"      --arch ARCH          guest architecture (default the host's)\n"
"      --machine TYPE       machine type (default q35 on x86 where offered)\n"
"\n"
"What to do:\n"
"      --print-xml          print the domain XML and change nothing\n"
"      --dry-run            check everything, create nothing\n"
"      --start              start the new domain once defined\n"
"      --domcaps FILE       read the host's domain capabilities from FILE\n"
"                           instead of asking the host (offline use, tests)\n"
"  -q, --quiet              no notes on stderr\n"
"  -h, --help               show this help and exit\n"
"\n"
"Taken with a note on stderr, and no effect: --noautoconsole, --autoconsole,\n"
"--wait, --os-type, --accelerate, --hvm (-v), --noreboot, --check, --debug\n"
"(-d), --os-variant detect=on. Refused: --unattended.\n"
"\n"
"Values may not contain ','. Exit status: 0 on success, 1 when a value is\n"
"refused or libvirt fails (nothing is left behind), 2 on a usage error.\n",
          out);
}

/* Split "a=b,c=d" into keys and values in place (at most max pairs).
 * A part without '=' gets a NULL value. Returns the count or -1. */
static int
split_opts(char *s, char **keys, char **vals, int max)
{
    int n = 0;
    char *part, *save = NULL;

    for (part = strtok_r(s, ",", &save); part;
         part = strtok_r(NULL, ",", &save)) {
        char *eq = strchr(part, '=');
        if (n == max)
            return -1;
        if (eq)
            *eq = '\0';
        keys[n] = part;
        vals[n] = eq ? eq + 1 : NULL;
        n++;
    }
    return n;
}

/* Parse an unsigned decimal integer from s. */
static int
parse_uint(const char *s, unsigned long long *out)
{
    char *end;

    if (!s || !*s || *s == '-')
        return -1;
    errno = 0;
    *out = strtoull(s, &end, 10);
    return errno || *end ? -1 : 0;
}

/* Parse a size in GiB ("20", "0.5") into bytes. */
static int
parse_gib(const char *s, unsigned long long *bytes)
{
    char *end;
    double gib;

    if (!s || !*s)
        return -1;
    errno = 0;
    gib = strtod(s, &end);
    if (errno || *end || gib < 0 || gib > 1e9)
        return -1;
    *bytes = (unsigned long long)(gib * (double)VD_GIB + 0.5);
    return 0;
}

/* Set an enum field from a word, or report the bad word. */
static int
parse_enum(const char *opt, const char *key, const char *word,
           int (*parse)(const char *), int *field)
{
    int v = parse(word);

    if (v < 0) {
        cc_fail("%s: '%s' is not a valid %s", opt, word ? word : "", key);
        return -1;
    }
    *field = v;
    return 0;
}

/* A yes/no value of a sub-option (on/off/yes/no/true/false). */
static int
parse_bool(const char *opt, const char *key, const char *val, bool *out)
{
    if (strcmp(val, "on") == 0 || strcmp(val, "yes") == 0 ||
        strcmp(val, "true") == 0) {
        *out = true;
        return 0;
    }
    if (strcmp(val, "off") == 0 || strcmp(val, "no") == 0 ||
        strcmp(val, "false") == 0) {
        *out = false;
        return 0;
    }
    return cc_fail("%s: %s '%s' is not on or off", opt, key, val), -1;
}

/* A boot order number (1..99). */
static int
parse_boot_order(const char *opt, const char *val, unsigned int *out)
{
    unsigned long long num;

    if (parse_uint(val, &num) < 0 || num < 1 || num > 99)
        return cc_fail("%s: boot.order '%s' is not a number from 1 to 99", opt, val), -1;
    *out = (unsigned int)num;
    return 0;
}

/* Whether word is one of the '|'-separated words. */
static bool
one_of(const char *words, const char *word)
{
    size_t len = strlen(word);
    const char *p = words;

    while (p) {
        const char *bar = strchr(p, '|');
        size_t n = bar ? (size_t)(bar - p) : strlen(p);
        if (n == len && strncmp(p, word, n) == 0)
            return true;
        p = bar ? bar + 1 : NULL;
    }
    return false;
}

/* Set a string field to val when val is one of words. */
static int
parse_word(const char *opt, const char *key, const char *val,
           const char *words, char **field)
{
    if (!one_of(words, val)) {
        char *list = strdup(words), *p;
        for (p = list; p && *p; p++) {
            if (*p == '|')
                *p = ',';
        }
        cc_fail("%s: '%s' is not a valid %s (%s)", opt, val, key,
             list ? list : words);
        free(list);
        return -1;
    }
    return vd_spec_set(field, val);
}

/* A keymap as QEMU names them ("de", "en-us", "pt-br"). */
static int
parse_keymap(const char *opt, const char *val, vd_gfx_spec *g)
{
    static const char *const maps =
        "ar|bepo|cz|da|de|de-ch|en-gb|en-us|es|et|fi|fo|fr|fr-be|fr-ca|"
        "fr-ch|hr|hu|is|it|ja|lt|lv|mk|nl|no|pl|pt|pt-br|ru|sl|sv|th|tr";

    if (!one_of(maps, val))
        return cc_fail("%s: keymap '%s' is not one QEMU knows (%s)", opt, val,
                    "en-us, de, fr, ... as in /usr/share/qemu/keymaps"), -1;
    return vd_spec_set(&g->keymap, val);
}

/* --disk (each one: the first is the main disk). */
static int
parse_disk(char *arg, vd_domain_spec *spec, create_opts *o)
{
    char *keys[24], *vals[24];
    vd_disk_spec disk = { 0 }, *d = &disk;
    int i, n, v, ret = -1;

    if (strcmp(arg, "none") == 0) {
        if (o->ndisks > 0)
            return cc_fail("--disk none: other disks were given"), -1;
        o->have_disk = true;
        o->disk_none = true;
        return 0;
    }
    if (o->disk_none)
        return cc_fail("--disk: --disk none was given"), -1;
    if ((n = split_opts(arg, keys, vals, 24)) < 0)
        return cc_fail("--disk: too many options"), -1;
    for (i = 0; i < n; i++) {
        const char *k = keys[i], *val = vals[i];
        if (!val && i == 0) {           /* virt-install's bare path */
            val = k;
            k = "path";
        }
        if (!val)
            return cc_fail("--disk: '%s' needs a value (%s=...)", k, k), -1;
        if (strcmp(k, "pool") == 0) {
            d->kind = VD_DISK_NEW_VOLUME;
            if (vd_spec_set(&d->pool, val) < 0)
                goto cleanup;
        } else if (strcmp(k, "size") == 0) {
            if (parse_gib(val, &d->size_bytes) < 0 || d->size_bytes == 0) {
                cc_fail("--disk: size '%s' is not a number of GiB", val);
                goto cleanup;
            }
        } else if (strcmp(k, "format") == 0 || strcmp(k, "driver.type") == 0) {
            if (parse_enum("--disk", "format", val, vd_disk_format_parse, &v) < 0)
                goto cleanup;
            d->format = v;
        } else if (strcmp(k, "bus") == 0 || strcmp(k, "target.bus") == 0) {
            if (parse_enum("--disk", "bus", val, vd_disk_bus_parse, &v) < 0)
                goto cleanup;
            d->bus = v;
            if (o->ndisks == 0)
                o->have_disk_bus = true;
        } else if (strcmp(k, "cache") == 0 || strcmp(k, "driver.cache") == 0) {
            if (parse_enum("--disk", "cache mode", val, vd_disk_cache_parse, &v) < 0)
                goto cleanup;
            d->cache = v;
        } else if (strcmp(k, "name") == 0) {
            if (vd_spec_set(&d->volume, val) < 0)
                goto cleanup;
        } else if (strcmp(k, "vol") == 0) {
            const char *slash = strchr(val, '/');
            if (!slash || slash == val || !slash[1]) {
                cc_fail("--disk: vol= must be POOL/VOLUME");
                goto cleanup;
            }
            d->kind = VD_DISK_VOLUME;
            if (vd_spec_set(&d->volume, slash + 1) < 0)
                goto cleanup;
            ((char *)slash)[0] = '\0';
            if (vd_spec_set(&d->pool, val) < 0)
                goto cleanup;
        } else if (strcmp(k, "path") == 0) {
            if (val[0] != '/') {
                cc_fail("--disk: path '%s' is not an absolute path", val);
                goto cleanup;
            }
            d->kind = VD_DISK_PATH;
            if (vd_spec_set(&d->path, val) < 0)
                goto cleanup;
        } else if (strcmp(k, "device") == 0) {
            if (parse_word("--disk", "device", val, "disk|cdrom|floppy|lun",
                           &d->device) < 0)
                goto cleanup;
        } else if (strcmp(k, "io") == 0 || strcmp(k, "driver.io") == 0) {
            if (parse_word("--disk", "io mode", val, "native|threads|io_uring",
                           &d->io) < 0)
                goto cleanup;
        } else if (strcmp(k, "discard") == 0 || strcmp(k, "driver.discard") == 0) {
            if (parse_word("--disk", "discard mode", val, "unmap|ignore",
                           &d->discard) < 0)
                goto cleanup;
        } else if (strcmp(k, "readonly") == 0 || strcmp(k, "perms") == 0) {
            if (strcmp(k, "perms") == 0) {
                if (strcmp(val, "ro") && strcmp(val, "rw") && strcmp(val, "sh")) {
                    cc_fail("--disk: perms '%s' is not ro, rw or sh", val);
                    goto cleanup;
                }
                d->readonly = strcmp(val, "ro") == 0;
                d->shareable = strcmp(val, "sh") == 0;
            } else if (parse_bool("--disk", k, val, &d->readonly) < 0) {
                goto cleanup;
            }
        } else if (strcmp(k, "shareable") == 0) {
            if (parse_bool("--disk", k, val, &d->shareable) < 0)
                goto cleanup;
        } else if (strcmp(k, "boot.order") == 0 || strcmp(k, "boot_order") == 0) {
            if (parse_boot_order("--disk", val, &d->boot_order) < 0)
                goto cleanup;
        } else if (strcmp(k, "serial") == 0) {
            if (!*val || strlen(val) > 20 || strspn(val,
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.+-")
                != strlen(val)) {
                cc_fail("--disk: serial '%s' must be 1 to 20 letters, digits, "
                     "'_', '.', '+' or '-'", val);
                goto cleanup;
            }
            if (vd_spec_set(&d->serial, val) < 0)
                goto cleanup;
        } else if (strcmp(k, "backing_store") == 0 ||
                   strcmp(k, "backing.store") == 0) {
            if (vd_spec_set(&d->backing, val) < 0)
                goto cleanup;
        } else if (strcmp(k, "sparse") == 0) {
            bool sparse;
            if (parse_bool("--disk", k, val, &sparse) < 0)
                goto cleanup;
            if (!sparse) {
                cc_fail("--disk: sparse=no is not supported (new volumes are sparse)");
                goto cleanup;
            }
        } else {
            cc_fail("--disk: unknown option '%s'", k);
            goto cleanup;
        }
    }
    if (d->kind == VD_DISK_NONE && d->size_bytes)
        d->kind = VD_DISK_NEW_VOLUME;   /* --disk size=N: the default pool */
    if (d->kind == VD_DISK_NEW_VOLUME && !d->pool &&
        vd_spec_set(&d->pool, "default") < 0)
        goto cleanup;
    if (d->kind == VD_DISK_PATH && d->size_bytes)
        o->path_new[o->ndisks] = true;  /* resolved to a pool on the host */
    if (d->kind == VD_DISK_NONE &&
        !(d->device && (strcmp(d->device, "cdrom") == 0 ||
                        strcmp(d->device, "floppy") == 0))) {
        cc_fail("--disk: give pool=, vol=, path=, size= or none");
        goto cleanup;
    }
    if (d->backing && d->kind != VD_DISK_NEW_VOLUME) {
        cc_fail("--disk: backing_store= goes with pool=P,size=S (a new volume)");
        goto cleanup;
    }
    if (d->kind == VD_DISK_NEW_VOLUME && d->format == VD_FMT_UNSET)
        d->format = VD_FMT_QCOW2;
    if (d->kind == VD_DISK_NEW_VOLUME && d->size_bytes == 0 && !d->backing) {
        cc_fail("--disk: pool=%s needs size=GiB", d->pool);
        goto cleanup;
    }
    if (o->ndisks >= MAX_DEVS) {
        cc_fail("--disk: at most %d disks", MAX_DEVS);
        goto cleanup;
    }
    o->have_disk = true;
    if (o->ndisks == 0) {
        if (d->size_bytes)
            o->have_disk_size = true;
        spec->disk = *d;
        memset(d, 0, sizeof(*d));
    } else if (vd_spec_add_disk(spec, d) < 0) {
        goto cleanup;
    }
    o->ndisks++;
    ret = 0;

 cleanup:
    vd_disk_spec_clear(d);
    return ret;
}

/* --network (each one: the first is the main NIC). */
static int
parse_network(char *arg, vd_domain_spec *spec, create_opts *o)
{
    char *keys[16], *vals[16];
    vd_net_spec nic = { 0 }, *net = &nic;
    const char *type = NULL;
    int i, n, v, ret = -1;

    if (strcmp(arg, "none") == 0) {
        if (o->nnets > 0)
            return cc_fail("--network none: other interfaces were given"), -1;
        o->have_net = true;
        o->net_none = true;
        return 0;
    }
    if (o->net_none)
        return cc_fail("--network: --network none was given"), -1;
    if ((n = split_opts(arg, keys, vals, 16)) < 0)
        return cc_fail("--network: too many options"), -1;
    for (i = 0; i < n; i++) {
        const char *k = keys[i], *val = vals[i];
        char *colon;
        if (!val && i == 0) {
            /* "default", "user", "bridge:br0", "network:NAME" */
            if ((colon = strchr(k, ':'))) {
                *colon = '\0';
                val = colon + 1;
            } else if (strcmp(k, "user") == 0 || strcmp(k, "default") == 0) {
                val = k;
                k = "type";
            } else {
                val = k;
                k = "network";
            }
        }
        if (!val)
            return cc_fail("--network: '%s' needs a value (%s=...)", k, k), -1;
        if (strcmp(k, "network") == 0) {
            net->kind = VD_NET_NETWORK;
            if (vd_spec_set(&net->source, val) < 0)
                goto cleanup;
        } else if (strcmp(k, "bridge") == 0) {
            net->kind = VD_NET_BRIDGE;
            if (vd_spec_set(&net->source, val) < 0)
                goto cleanup;
        } else if (strcmp(k, "type") == 0) {
            if (!one_of("direct|network|bridge|user|default", val)) {
                cc_fail("--network: type '%s' is not network, bridge, direct or "
                     "user", val);
                goto cleanup;
            }
            type = val;
        } else if (strcmp(k, "source") == 0) {
            if (vd_spec_set(&net->source, val) < 0)
                goto cleanup;
        } else if (strcmp(k, "source_mode") == 0 || strcmp(k, "source.mode") == 0) {
            if (strcmp(val, "bridge") != 0) {
                cc_fail("--network: only source_mode=bridge is supported");
                goto cleanup;
            }
        } else if (strcmp(k, "model") == 0 || strcmp(k, "model.type") == 0) {
            if (parse_enum("--network", "NIC model", val, vd_nic_model_parse, &v) < 0)
                goto cleanup;
            net->model = v;
            if (o->nnets == 0)
                o->have_nic_model = true;
        } else if (strcmp(k, "mac") == 0 || strcmp(k, "mac.address") == 0) {
            if (strcmp(val, "RANDOM") != 0 && vd_spec_set(&net->mac, val) < 0)
                goto cleanup;
        } else if (strcmp(k, "link_state") == 0 || strcmp(k, "link.state") == 0) {
            if (parse_word("--network", "link state", val, "up|down",
                           &net->link_state) < 0)
                goto cleanup;
        } else if (strcmp(k, "boot.order") == 0 || strcmp(k, "boot_order") == 0) {
            if (parse_boot_order("--network", val, &net->boot_order) < 0)
                goto cleanup;
        } else {
            cc_fail("--network: unknown option '%s'", k);
            goto cleanup;
        }
    }
    if (type && strcmp(type, "direct") == 0)
        net->kind = VD_NET_MACVTAP;
    else if (type && strcmp(type, "user") == 0)
        net->kind = VD_NET_USER;
    else if (type && strcmp(type, "default") == 0 && net->kind == VD_NET_NONE) {
        net->kind = VD_NET_NETWORK;
        if (vd_spec_set(&net->source, "default") < 0)
            goto cleanup;
    } else if (type && strcmp(type, "network") == 0 && net->kind == VD_NET_NONE)
        net->kind = VD_NET_NETWORK;
    else if (type && strcmp(type, "bridge") == 0 && net->kind == VD_NET_NONE)
        net->kind = VD_NET_BRIDGE;
    if (net->kind == VD_NET_NONE) {
        cc_fail("--network: give network=, bridge=, type=direct,source=, user "
             "or none");
        goto cleanup;
    }
    if (net->mac) {
        vd_check_msg *m = vd_check_mac(net->mac);
        if (m) {
            cc_fail("--network: %s", m);
            vd_check_free(m);
            goto cleanup;
        }
    }
    if (o->nnets >= MAX_DEVS) {
        cc_fail("--network: at most %d interfaces", MAX_DEVS);
        goto cleanup;
    }
    o->have_net = true;
    if (o->nnets == 0) {
        spec->net = *net;
        memset(net, 0, sizeof(*net));
    } else if (vd_spec_add_net(spec, net) < 0) {
        goto cleanup;
    }
    o->nnets++;
    ret = 0;

 cleanup:
    vd_net_spec_clear(net);
    return ret;
}

/* A TCP port for --graphics (5900..65535), or -1 meaning automatic. */
static int
parse_port(const char *key, const char *val, int *out)
{
    unsigned long long num;

    if (strcmp(val, "-1") == 0 || strcmp(val, "auto") == 0) {
        *out = 0;
        return 0;
    }
    if (parse_uint(val, &num) < 0 || num < 1 || num > 65535)
        return cc_fail("--graphics: %s '%s' is not a TCP port (1-65535) or -1",
                    key, val), -1;
    *out = (int)num;
    return 0;
}

/* --graphics. */
static int
parse_graphics(char *arg, vd_domain_spec *spec, create_opts *o)
{
    char *keys[16], *vals[16];
    vd_gfx_spec *g = &spec->gfx;
    int i, n, v;

    o->have_gfx = true;
    if ((n = split_opts(arg, keys, vals, 16)) < 0)
        return cc_fail("--graphics: too many options"), -1;
    for (i = 0; i < n; i++) {
        const char *k = keys[i], *val = vals[i];
        if (!val && i == 0) {
            val = k;
            k = "type";
        }
        if (!val)
            return cc_fail("--graphics: '%s' needs a value (%s=...)", k, k), -1;
        if (strcmp(k, "type") == 0) {
            if (parse_enum("--graphics", "graphics type", val, vd_gfx_kind_parse, &v) < 0)
                return -1;
            g->kind = v;
        } else if (strcmp(k, "listen") == 0) {
            if (vd_spec_set(&g->listen, val) < 0)
                return -1;
        } else if (strcmp(k, "password") == 0 || strcmp(k, "passwd") == 0) {
            if (vd_spec_set(&g->password, val) < 0)
                return -1;
        } else if (strcmp(k, "port") == 0) {
            if (parse_port(k, val, &g->port) < 0)
                return -1;
        } else if (strcmp(k, "tlsport") == 0 || strcmp(k, "tlsPort") == 0) {
            if (parse_port(k, val, &g->tlsport) < 0)
                return -1;
        } else if (strcmp(k, "keymap") == 0) {
            if (parse_keymap("--graphics", val, g) < 0)
                return -1;
        } else {
            return cc_fail("--graphics: unknown option '%s'", k), -1;
        }
    }
    if (g->tlsport && g->kind != VD_GFX_SPICE)
        return cc_fail("--graphics: tlsport= is for SPICE"), -1;
    return 0;
}

/* --boot: firmware and boot order. */
static int
parse_boot(char *arg, vd_domain_spec *spec, create_opts *o)
{
    char *keys[16], *vals[16];
    int i, n, v;

    if ((n = split_opts(arg, keys, vals, 16)) < 0)
        return cc_fail("--boot: too many options"), -1;
    spec->nboot = 0;
    for (i = 0; i < n; i++) {
        const char *k = keys[i];
        if (vals[i])
            return cc_fail("--boot: unknown option '%s=%s'", k, vals[i]), -1;
        if (strcmp(k, "uefi") == 0 || strcmp(k, "bios") == 0) {
            spec->firmware = strcmp(k, "uefi") == 0 ? VD_FW_UEFI : VD_FW_BIOS;
            o->have_firmware = true;
        } else if ((v = vd_boot_dev_parse(k)) >= 0) {
            if (spec->nboot == VD_SPEC_MAX_BOOT)
                return cc_fail("--boot: at most %d boot devices", VD_SPEC_MAX_BOOT), -1;
            spec->boot[spec->nboot++] = v;
        } else {
            return cc_fail("--boot: '%s' is not uefi, bios, hd, cdrom or network", k), -1;
        }
    }
    return 0;
}

/* --cdrom: POOL/VOLUME or an absolute path. */
static int
parse_cdrom(const char *arg, vd_domain_spec *spec)
{
    const char *slash;
    char *pool;
    int ret;

    if (arg[0] == '/') {
        spec->install.kind = VD_INSTALL_CDROM_PATH;
        return vd_spec_set(&spec->install.path, arg);
    }
    if (!(slash = strchr(arg, '/')) || slash == arg || !slash[1] ||
        strchr(slash + 1, '/'))
        return cc_fail("--cdrom: '%s' is neither POOL/VOLUME nor an absolute "
                    "path", arg), -1;
    spec->install.kind = VD_INSTALL_CDROM_VOLUME;
    if (!(pool = strndup(arg, slash - arg)))
        return -1;
    ret = vd_spec_set(&spec->install.pool, pool);
    free(pool);
    if (ret == 0)
        ret = vd_spec_set(&spec->install.volume, slash + 1);
    return ret;
}

/* --location URL[,kernel=PATH,initrd=PATH]. */
static int
parse_location(char *arg, vd_domain_spec *spec)
{
    char *keys[8], *vals[8];
    int i, n;

    spec->install.kind = VD_INSTALL_LOCATION;
    if ((n = split_opts(arg, keys, vals, 8)) < 1)
        return cc_fail("--location: give a URL or a directory"), -1;
    for (i = 0; i < n; i++) {
        const char *k = keys[i], *val = vals[i];
        if (i == 0 && !val) {
            if (vd_spec_set(&spec->install.location, k) < 0)
                return -1;
        } else if (val && strcmp(k, "kernel") == 0) {
            if (vd_spec_set(&spec->install.kernel, val) < 0)
                return -1;
        } else if (val && strcmp(k, "initrd") == 0) {
            if (vd_spec_set(&spec->install.initrd, val) < 0)
                return -1;
        } else {
            return cc_fail("--location: unknown option '%s'", k), -1;
        }
    }
    return 0;
}


/* --cloud-init [KEY=VALUE,...]. */
static int
parse_cloud_init(char *arg, create_opts *o)
{
    char *keys[12], *vals[12];
    int i, n;
    bool on;

    o->cloud_init = true;
    if (!arg || !*arg)
        return 0;
    if ((n = split_opts(arg, keys, vals, 12)) < 0)
        return cc_fail("--cloud-init: too many options"), -1;
    for (i = 0; i < n; i++) {
        const char *k = keys[i], *val = vals[i];
        if (!val)
            return cc_fail("--cloud-init: '%s' needs a value (%s=...)", k, k), -1;
        if (strcmp(k, "user-data") == 0) {
            o->ci_user_data = val;
        } else if (strcmp(k, "meta-data") == 0) {
            o->ci_meta_data = val;
        } else if (strcmp(k, "network-config") == 0) {
            o->ci_network_config = val;
        } else if (strcmp(k, "ssh-key") == 0 || strcmp(k, "root-ssh-key") == 0) {
            o->ci_ssh_key = val;
        } else if (strcmp(k, "root-password-generate") == 0) {
            if (parse_bool("--cloud-init", k, val, &on) < 0)
                return -1;
            o->ci_root_password = on;
        } else if (strcmp(k, "disable") == 0) {
            if (parse_bool("--cloud-init", k, val, &on) < 0)
                return -1;
            if (on)
                cc_note(o, "--cloud-init disable=on: the seed ISO stays attached; "
                     "detach it after the first boot");
        } else {
            return cc_fail("--cloud-init: unknown option '%s'", k), -1;
        }
    }
    if (o->ci_user_data && (o->ci_ssh_key || o->ci_root_password))
        return cc_fail("--cloud-init: user-data= replaces the generated user-data: "
                    "give it alone, or ssh-key=/root-password-generate= without it"),
               -1;
    return 0;
}

/* A device option ("--rng /dev/urandom") into spec's devopts, checked. */
static int
add_devopt(vd_domain_spec *spec, const char *kind, const char *value)
{
    if (cc_report(vd_check_devopt(kind, value)))
        return -1;
    return vd_spec_add_devopt(spec, kind, value);
}

/* Parse argv into spec and o. Returns 0, 1 for --help (exit 0), or -1
 * (message printed; exit 2 for usage, 1 for a refused value). */
int
cc_parse_args(int argc, char **argv, vd_domain_spec *spec, create_opts *o)
{
    enum {
        OPT_VCPUS = 256, OPT_MEMORY, OPT_CPU, OPT_OS, OPT_CDROM, OPT_LOCATION,
        OPT_EXTRA, OPT_IMPORT, OPT_PXE, OPT_DISK, OPT_NETWORK, OPT_GRAPHICS,
        OPT_VIDEO, OPT_BOOT, OPT_VIRT_TYPE, OPT_ARCH, OPT_MACHINE,
        OPT_PRINT_XML, OPT_DRY_RUN, OPT_START, OPT_DOMCAPS,
        OPT_NODISKS, OPT_NONETWORKS, OPT_FILE, OPT_FILE_SIZE, OPT_BRIDGE,
        OPT_MAC, OPT_VNC, OPT_VNCPORT, OPT_VNCLISTEN, OPT_SPICE,
        OPT_NOGRAPHICS, OPT_KEYMAP, OPT_UUID, OPT_HVM, OPT_NOOP,
        OPT_WAIT, OPT_OS_TYPE, OPT_AUTOCONSOLE, OPT_QUIET, OPT_CHECK,
        OPT_DEVOPT, OPT_CLOUD_INIT, OPT_UNATTENDED,
    };
    /* Every option, under virt-install's names; the device options all
     * go to OPT_DEVOPT and are told apart by their name. */
    static const struct option longopts[] = {
        { "connect", required_argument, NULL, 'c' },
        { "name", required_argument, NULL, 'n' },
        { "uuid", required_argument, NULL, 'u' },
        { "vcpus", required_argument, NULL, OPT_VCPUS },
        { "memory", required_argument, NULL, OPT_MEMORY },
        { "ram", required_argument, NULL, 'r' },
        { "cpu", required_argument, NULL, OPT_CPU },
        { "os-variant", required_argument, NULL, OPT_OS },
        { "osinfo", required_argument, NULL, OPT_OS },
        { "os-type", required_argument, NULL, OPT_OS_TYPE },
        { "cdrom", required_argument, NULL, OPT_CDROM },
        { "location", required_argument, NULL, 'l' },
        { "extra-args", required_argument, NULL, 'x' },
        { "import", no_argument, NULL, OPT_IMPORT },
        { "pxe", no_argument, NULL, OPT_PXE },
        { "disk", required_argument, NULL, OPT_DISK },
        { "nodisks", no_argument, NULL, OPT_NODISKS },
        { "file", required_argument, NULL, 'f' },
        { "file-size", required_argument, NULL, 's' },
        { "network", required_argument, NULL, 'w' },
        { "nonetworks", no_argument, NULL, OPT_NONETWORKS },
        { "bridge", required_argument, NULL, 'b' },
        { "mac", required_argument, NULL, 'm' },
        { "graphics", required_argument, NULL, OPT_GRAPHICS },
        { "vnc", no_argument, NULL, OPT_VNC },
        { "vncport", required_argument, NULL, OPT_VNCPORT },
        { "vnclisten", required_argument, NULL, OPT_VNCLISTEN },
        { "spice", no_argument, NULL, OPT_SPICE },
        { "nographics", no_argument, NULL, OPT_NOGRAPHICS },
        { "keymap", required_argument, NULL, 'k' },
        { "video", required_argument, NULL, OPT_VIDEO },
        { "boot", required_argument, NULL, OPT_BOOT },
        { "virt-type", required_argument, NULL, OPT_VIRT_TYPE },
        { "hvm", no_argument, NULL, 'v' },
        { "accelerate", no_argument, NULL, OPT_NOOP },
        { "arch", required_argument, NULL, OPT_ARCH },
        { "machine", required_argument, NULL, OPT_MACHINE },
        { "memballoon", required_argument, NULL, OPT_DEVOPT },
        { "clock", required_argument, NULL, OPT_DEVOPT },
        { "controller", required_argument, NULL, OPT_DEVOPT },
        { "sound", required_argument, NULL, OPT_DEVOPT },
        { "soundhw", required_argument, NULL, OPT_DEVOPT },
        { "rng", required_argument, NULL, OPT_DEVOPT },
        { "tpm", required_argument, NULL, OPT_DEVOPT },
        { "watchdog", required_argument, NULL, OPT_DEVOPT },
        { "serial", required_argument, NULL, OPT_DEVOPT },
        { "console", required_argument, NULL, OPT_DEVOPT },
        { "channel", required_argument, NULL, OPT_DEVOPT },
        { "filesystem", required_argument, NULL, OPT_DEVOPT },
        { "memorybacking", required_argument, NULL, OPT_DEVOPT },
        { "host-device", required_argument, NULL, OPT_DEVOPT },
        { "hostdev", required_argument, NULL, OPT_DEVOPT },
        { "input", required_argument, NULL, OPT_DEVOPT },
        { "cloud-init", optional_argument, NULL, OPT_CLOUD_INIT },
        { "unattended", optional_argument, NULL, OPT_UNATTENDED },
        { "print-xml", optional_argument, NULL, OPT_PRINT_XML },
        { "dry-run", no_argument, NULL, OPT_DRY_RUN },
        { "start", no_argument, NULL, OPT_START },
        { "noautoconsole", no_argument, NULL, OPT_AUTOCONSOLE },
        { "autoconsole", required_argument, NULL, OPT_AUTOCONSOLE },
        { "wait", optional_argument, NULL, OPT_WAIT },
        { "noreboot", no_argument, NULL, OPT_NOOP },
        { "check", required_argument, NULL, OPT_CHECK },
        { "quiet", no_argument, NULL, 'q' },
        { "debug", no_argument, NULL, 'd' },
        { "domcaps", required_argument, NULL, OPT_DOMCAPS },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    unsigned long long num;
    int c, v, idx;

    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":c:n:u:r:l:x:f:s:w:b:m:k:vqdh",
                            longopts, &idx)) != -1) {
        const char *optname = c >= 256 || c == 0 ? longopts[idx].name : NULL;
        switch (c) {
        case 'c':
            o->uri = optarg;
            break;
        case 'n':
            if (vd_spec_set(&spec->name, optarg) < 0)
                return -1;
            break;
        case 'u':
            if (strlen(optarg) != 36 && strlen(optarg) != 32) {
                cc_fail("--uuid: '%s' is not a UUID", optarg);
                return -1;
            }
            if (vd_spec_set(&spec->uuid, optarg) < 0)
                return -1;
            break;
        case OPT_VCPUS: {
            char *comma = strchr(optarg, ',');
            if (comma)          /* "2,maxvcpus=4": only the count counts */
                *comma = '\0';
            if (strncmp(optarg, "vcpus=", 6) == 0)
                optarg += 6;
            if (parse_uint(optarg, &num) < 0 || num > 100000) {
                cc_fail("--vcpus: '%s' is not a number", optarg);
                return -1;
            }
            if (comma)
                cc_note(o, "--vcpus: only the count is used; %s is ignored", comma + 1);
            spec->vcpus = (unsigned int)num;
            o->have_vcpus = true;
            break;
        }
        case 'r':
        case OPT_MEMORY: {
            const char *opt = c == 'r' ? "--ram" : "--memory";
            char *comma = strchr(optarg, ',');
            if (comma)
                *comma = '\0';
            if (strncmp(optarg, "memory=", 7) == 0)
                optarg += 7;
            else if (strncmp(optarg, "currentMemory=", 14) == 0)
                optarg += 14;
            if (parse_uint(optarg, &num) < 0) {
                cc_fail("%s: '%s' is not a number of MiB", opt, optarg);
                return -1;
            }
            if (comma) {
                cc_fail("%s: only a size in MiB is supported, not %s", opt, comma + 1);
                return -1;
            }
            spec->memory_mib = num;
            o->have_memory = true;
            break;
        }
        case OPT_CPU: {
            char *comma = strchr(optarg, ',');
            if (comma) {
                cc_fail("--cpu: only a mode or a model name is supported, not '%s'",
                     comma + 1);
                return -1;
            }
            if (strcmp(optarg, "host") == 0)
                optarg = "host-model";
            if ((v = vd_cpu_mode_parse(optarg)) >= 0) {
                spec->cpu_mode = v;
            } else if (strspn(optarg, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijkl"
                              "mnopqrstuvwxyz0123456789_.-") == strlen(optarg) &&
                       *optarg) {
                if (vd_spec_set(&spec->cpu_model, optarg) < 0)
                    return -1;
            } else {
                cc_fail("--cpu: '%s' is not host, host-model, host-passthrough or "
                     "a CPU model name", optarg);
                return -1;
            }
            break;
        }
        case OPT_OS: {
            char *comma;
            if (strncmp(optarg, "detect=", 7) == 0) {
                cc_note(o, "--os-variant detect=: virtdeck does not detect the OS "
                     "of an install medium; no variant is used");
                break;
            }
            if ((comma = strchr(optarg, ',')))
                *comma = '\0';
            if (strncmp(optarg, "name=", 5) == 0 || strncmp(optarg, "id=", 3) == 0 ||
                strncmp(optarg, "short-id=", 9) == 0)
                optarg = strchr(optarg, '=') + 1;
            if (vd_spec_set(&spec->os_variant, optarg) < 0)
                return -1;
            break;
        }
        case OPT_OS_TYPE:
            cc_note(o, "--os-type is deprecated in virt-install and has no effect; "
                 "use --os-variant");
            break;
        case OPT_CDROM:
            o->installs++;
            if (parse_cdrom(optarg, spec) < 0)
                return -1;
            break;
        case 'l':
            o->installs++;
            if (parse_location(optarg, spec) < 0)
                return -1;
            break;
        case 'x':
            if (vd_spec_set(&spec->install.extra_args, optarg) < 0)
                return -1;
            break;
        case OPT_IMPORT:
            o->installs++;
            spec->install.kind = VD_INSTALL_IMPORT;
            break;
        case OPT_PXE:
            o->installs++;
            spec->install.kind = VD_INSTALL_PXE;
            break;
        case OPT_DISK:
            if (parse_disk(optarg, spec, o) < 0)
                return -1;
            break;
        case OPT_NODISKS:
            if (parse_disk((char[]){ "none" }, spec, o) < 0)
                return -1;
            break;
        case 'f': {             /* --file PATH: a disk at PATH */
            char *buf = NULL;
            int rc;
            if (asprintf(&buf, "path=%s", optarg) < 0)
                return -1;
            rc = parse_disk(buf, spec, o);
            free(buf);
            if (rc < 0)
                return -1;
            break;
        }
        case 's': {             /* --file-size GiB: the size of the last --file */
            vd_disk_spec *d = o->ndisks <= 1 ? &spec->disk
                            : &spec->more_disks[spec->n_more_disks - 1];
            if (o->ndisks == 0 || d->kind != VD_DISK_PATH) {
                cc_fail("--file-size goes after --file PATH");
                return -1;
            }
            if (parse_gib(optarg, &d->size_bytes) < 0 || !d->size_bytes) {
                cc_fail("--file-size: '%s' is not a number of GiB", optarg);
                return -1;
            }
            o->path_new[o->ndisks - 1] = true;
            if (o->ndisks == 1)
                o->have_disk_size = true;
            break;
        }
        case 'w':
            if (parse_network(optarg, spec, o) < 0)
                return -1;
            break;
        case OPT_NONETWORKS:
            if (parse_network((char[]){ "none" }, spec, o) < 0)
                return -1;
            break;
        case 'b': {
            char *buf = NULL;
            int rc;
            if (asprintf(&buf, "bridge=%s", optarg) < 0)
                return -1;
            rc = parse_network(buf, spec, o);
            free(buf);
            if (rc < 0)
                return -1;
            break;
        }
        case 'm':
            o->legacy_mac = optarg;
            break;
        case OPT_GRAPHICS:
            if (parse_graphics(optarg, spec, o) < 0)
                return -1;
            break;
        case OPT_VNC:
        case OPT_SPICE:
        case OPT_NOGRAPHICS:
            o->have_gfx = true;
            spec->gfx.kind = c == OPT_VNC ? VD_GFX_VNC
                           : c == OPT_SPICE ? VD_GFX_SPICE : VD_GFX_NONE;
            break;
        case OPT_VNCPORT:
            o->have_gfx = true;
            spec->gfx.kind = VD_GFX_VNC;
            if (parse_port("--vncport", optarg, &spec->gfx.port) < 0)
                return -1;
            break;
        case OPT_VNCLISTEN:
            o->have_gfx = true;
            spec->gfx.kind = VD_GFX_VNC;
            if (vd_spec_set(&spec->gfx.listen, optarg) < 0)
                return -1;
            break;
        case 'k':
            if (parse_keymap("--keymap", optarg, &spec->gfx) < 0)
                return -1;
            break;
        case OPT_VIDEO:
            if (strncmp(optarg, "model.type=", 11) == 0)
                optarg += 11;
            else if (strncmp(optarg, "model=", 6) == 0)
                optarg += 6;
            if (parse_enum("--video", "video model", optarg, vd_video_model_parse, &v) < 0)
                return -1;
            spec->gfx.video = v;
            break;
        case OPT_BOOT:
            if (parse_boot(optarg, spec, o) < 0)
                return -1;
            break;
        case OPT_VIRT_TYPE:
            if (parse_enum("--virt-type", "virtualisation type", optarg,
                           vd_virt_type_parse, &v) < 0)
                return -1;
            spec->virt_type = v;
            o->have_virt_type = true;
            break;
        case 'v':
            cc_note(o, "--hvm: every virtdeck guest is fully virtualised");
            break;
        case OPT_NOOP:
            if (strcmp(optname, "accelerate") == 0)
                cc_note(o, "--accelerate is deprecated in virt-install and has no "
                     "effect; KVM is used where the host offers it");
            else
                cc_note(o, "--noreboot: virtdeck starts the guest only with --start");
            break;
        case OPT_ARCH:
            if (vd_spec_set(&spec->arch, optarg) < 0)
                return -1;
            break;
        case OPT_MACHINE:
            if (vd_spec_set(&spec->machine, optarg) < 0)
                return -1;
            break;
        case OPT_DEVOPT: {
            const char *kind = optname;
            if (strcmp(kind, "soundhw") == 0)
                kind = "sound";
            else if (strcmp(kind, "host-device") == 0)
                kind = "hostdev";
            if (add_devopt(spec, kind, optarg) < 0)
                return -1;
            break;
        }
        case OPT_CLOUD_INIT:
            /* "--cloud-init KEY=VALUE": the value may be the next word */
            if (!optarg && optind < argc && argv[optind][0] != '-' &&
                strchr(argv[optind], '='))
                optarg = argv[optind++];
            if (parse_cloud_init(optarg, o) < 0)
                return -1;
            break;
        case OPT_UNATTENDED:
            cc_fail("--unattended is not supported: use --cloud-init with a "
                 "cloud image, or install from --cdrom");
            return -1;
        case OPT_PRINT_XML:
            if (optarg) {
                cc_fail("--print-xml: the install phases (%s) are virt-install's; "
                     "virtdeck prints one document", optarg);
                return -1;
            }
            o->print_xml = true;
            break;
        case OPT_DRY_RUN:
            o->dry_run = true;
            break;
        case OPT_START:
            o->start = true;
            break;
        case OPT_AUTOCONSOLE:
            cc_note(o, "--%s: virtdeck never attaches a console; open it in the "
                 "TUI or with 'virtdeck console'", optname);
            break;
        case OPT_WAIT:
            if (!optarg && optind < argc && argv[optind][0] != '-' &&
                strspn(argv[optind], "-0123456789") == strlen(argv[optind]))
                optind++;       /* "--wait 10" */
            cc_note(o, "--wait: virtdeck does not wait for an install to end");
            break;
        case OPT_CHECK:
            cc_note(o, "--check %s: virtdeck's checks cannot be turned off", optarg);
            break;
        case 'q':
            o->quiet = true;
            break;
        case 'd':
            cc_note(o, "--debug has no effect (LIBVIRT_DEBUG=1 shows libvirt's log)");
            break;
        case OPT_DOMCAPS:
            o->domcaps_file = optarg;
            break;
        case 'h':
            cc_usage(stdout);
            return 1;
        case ':':
            fprintf(stderr, "%s: %s needs a value\n", PROG, argv[optind - 1]);
            goto usage_error;
        default:
            fprintf(stderr, "%s: unknown option '%s'\n", PROG, argv[optind - 1]);
            goto usage_error;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "%s: unexpected argument '%s'\n", PROG, argv[optind]);
        goto usage_error;
    }
    if (o->installs > 1) {
        cc_fail("give only one of --cdrom, --location, --import and --pxe");
        return -1;
    }
    if (o->legacy_mac) {
        if (o->nnets == 0 && !o->net_none &&
            parse_network((char[]){ "default" }, spec, o) < 0)
            return -1;
        if (o->net_none) {
            cc_fail("--mac: --network none was given");
            return -1;
        }
        if (cc_report(vd_check_mac(o->legacy_mac)) ||
            vd_spec_set(&spec->net.mac, o->legacy_mac) < 0)
            return -1;
    }
    return 0;

 usage_error:
    fprintf(stderr, "Try 'virtdeck create --help' for more information.\n");
    return -2;
}
