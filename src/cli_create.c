/*
 * cli_create.c: `virtdeck create`, a new domain from the command line
 * with virt-install's option syntax, through the same spec, validators
 * and XML builder as the create wizard.
 *
 * The options fill a vd_domain_spec; the host's facts (names in use,
 * memory, pools, networks, domain capabilities) are read once over the
 * connection and each field is checked with its vd_check_* function, so
 * the messages are the wizard's. --print-xml prints the XML and changes
 * nothing on the host.
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

#define PROG "virtdeck create"
#define MAX_DEVS 32             /* disks, NICs */

/* What the command line asked for beyond the spec. */
typedef struct create_opts {
    const char *uri;
    const char *domcaps_file;   /* host caps from a file, not the host */
    bool print_xml;
    bool dry_run;
    bool start;
    bool have_memory;
    bool have_vcpus;
    bool have_disk_size;
    bool have_disk_bus;
    bool have_nic_model;
    bool have_firmware;
    bool have_virt_type;
    bool have_disk;
    bool have_net;
    bool have_gfx;
    bool disk_none;             /* --disk none / --nodisks */
    bool net_none;              /* --network none / --nonetworks */
    bool quiet;
    int installs;               /* how many install options were given */
    int ndisks;                 /* --disk options taken (main + more) */
    int nnets;
    bool path_new[MAX_DEVS];    /* disk i: path= of a new file with size= */
    const char *legacy_mac;     /* --mac: the first NIC's MAC */
    /* --cloud-init */
    bool cloud_init;
    const char *ci_user_data, *ci_meta_data, *ci_network_config;
    const char *ci_ssh_key;
    bool ci_root_password;
} create_opts;

/* Print a message prefixed with the command's name; returns 1 (the
 * exit status of a failure). */
static int
fail(const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, "%s: ", PROG);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    return 1;
}

/* Report a validator's message (if any) and release it. Returns 1 when
 * there was one, 0 when the field is fine. */
static int
report(vd_check_msg *msg)
{
    if (!msg)
        return 0;
    fail("%s", msg);
    vd_check_free(msg);
    return 1;
}

/* libvirt's last error text, for a message. Static until the next call. */
static const char *
virt_error(void)
{
    static char buf[1024];
    virErrorPtr err = virGetLastError();

    snprintf(buf, sizeof(buf), "%s",
             err && err->message ? err->message : "unknown libvirt error");
    virResetLastError();
    return buf;
}

/* Print the help text. */
static void
usage(FILE *out)
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
        fail("%s: '%s' is not a valid %s", opt, word ? word : "", key);
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
    return fail("%s: %s '%s' is not on or off", opt, key, val), -1;
}

/* A boot order number (1..99). */
static int
parse_boot_order(const char *opt, const char *val, unsigned int *out)
{
    unsigned long long num;

    if (parse_uint(val, &num) < 0 || num < 1 || num > 99)
        return fail("%s: boot.order '%s' is not a number from 1 to 99", opt, val), -1;
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
        fail("%s: '%s' is not a valid %s (%s)", opt, val, key,
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
        return fail("%s: keymap '%s' is not one QEMU knows (%s)", opt, val,
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
            return fail("--disk none: other disks were given"), -1;
        o->have_disk = true;
        o->disk_none = true;
        return 0;
    }
    if (o->disk_none)
        return fail("--disk: --disk none was given"), -1;
    if ((n = split_opts(arg, keys, vals, 24)) < 0)
        return fail("--disk: too many options"), -1;
    for (i = 0; i < n; i++) {
        const char *k = keys[i], *val = vals[i];
        if (!val && i == 0) {           /* virt-install's bare path */
            val = k;
            k = "path";
        }
        if (!val)
            return fail("--disk: '%s' needs a value (%s=...)", k, k), -1;
        if (strcmp(k, "pool") == 0) {
            d->kind = VD_DISK_NEW_VOLUME;
            if (vd_spec_set(&d->pool, val) < 0)
                goto cleanup;
        } else if (strcmp(k, "size") == 0) {
            if (parse_gib(val, &d->size_bytes) < 0 || d->size_bytes == 0) {
                fail("--disk: size '%s' is not a number of GiB", val);
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
                fail("--disk: vol= must be POOL/VOLUME");
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
                fail("--disk: path '%s' is not an absolute path", val);
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
                    fail("--disk: perms '%s' is not ro, rw or sh", val);
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
                fail("--disk: serial '%s' must be 1 to 20 letters, digits, "
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
                fail("--disk: sparse=no is not supported (new volumes are sparse)");
                goto cleanup;
            }
        } else {
            fail("--disk: unknown option '%s'", k);
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
        fail("--disk: give pool=, vol=, path=, size= or none");
        goto cleanup;
    }
    if (d->backing && d->kind != VD_DISK_NEW_VOLUME) {
        fail("--disk: backing_store= goes with pool=P,size=S (a new volume)");
        goto cleanup;
    }
    if (d->kind == VD_DISK_NEW_VOLUME && d->format == VD_FMT_UNSET)
        d->format = VD_FMT_QCOW2;
    if (d->kind == VD_DISK_NEW_VOLUME && d->size_bytes == 0 && !d->backing) {
        fail("--disk: pool=%s needs size=GiB", d->pool);
        goto cleanup;
    }
    if (o->ndisks >= MAX_DEVS) {
        fail("--disk: at most %d disks", MAX_DEVS);
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
            return fail("--network none: other interfaces were given"), -1;
        o->have_net = true;
        o->net_none = true;
        return 0;
    }
    if (o->net_none)
        return fail("--network: --network none was given"), -1;
    if ((n = split_opts(arg, keys, vals, 16)) < 0)
        return fail("--network: too many options"), -1;
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
            return fail("--network: '%s' needs a value (%s=...)", k, k), -1;
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
                fail("--network: type '%s' is not network, bridge, direct or "
                     "user", val);
                goto cleanup;
            }
            type = val;
        } else if (strcmp(k, "source") == 0) {
            if (vd_spec_set(&net->source, val) < 0)
                goto cleanup;
        } else if (strcmp(k, "source_mode") == 0 || strcmp(k, "source.mode") == 0) {
            if (strcmp(val, "bridge") != 0) {
                fail("--network: only source_mode=bridge is supported");
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
            fail("--network: unknown option '%s'", k);
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
        fail("--network: give network=, bridge=, type=direct,source=, user "
             "or none");
        goto cleanup;
    }
    if (net->mac) {
        vd_check_msg *m = vd_check_mac(net->mac);
        if (m) {
            fail("--network: %s", m);
            vd_check_free(m);
            goto cleanup;
        }
    }
    if (o->nnets >= MAX_DEVS) {
        fail("--network: at most %d interfaces", MAX_DEVS);
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
        return fail("--graphics: %s '%s' is not a TCP port (1-65535) or -1",
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
        return fail("--graphics: too many options"), -1;
    for (i = 0; i < n; i++) {
        const char *k = keys[i], *val = vals[i];
        if (!val && i == 0) {
            val = k;
            k = "type";
        }
        if (!val)
            return fail("--graphics: '%s' needs a value (%s=...)", k, k), -1;
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
            return fail("--graphics: unknown option '%s'", k), -1;
        }
    }
    if (g->tlsport && g->kind != VD_GFX_SPICE)
        return fail("--graphics: tlsport= is for SPICE"), -1;
    return 0;
}

/* --boot: firmware and boot order. */
static int
parse_boot(char *arg, vd_domain_spec *spec, create_opts *o)
{
    char *keys[16], *vals[16];
    int i, n, v;

    if ((n = split_opts(arg, keys, vals, 16)) < 0)
        return fail("--boot: too many options"), -1;
    spec->nboot = 0;
    for (i = 0; i < n; i++) {
        const char *k = keys[i];
        if (vals[i])
            return fail("--boot: unknown option '%s=%s'", k, vals[i]), -1;
        if (strcmp(k, "uefi") == 0 || strcmp(k, "bios") == 0) {
            spec->firmware = strcmp(k, "uefi") == 0 ? VD_FW_UEFI : VD_FW_BIOS;
            o->have_firmware = true;
        } else if ((v = vd_boot_dev_parse(k)) >= 0) {
            if (spec->nboot == VD_SPEC_MAX_BOOT)
                return fail("--boot: at most %d boot devices", VD_SPEC_MAX_BOOT), -1;
            spec->boot[spec->nboot++] = v;
        } else {
            return fail("--boot: '%s' is not uefi, bios, hd, cdrom or network", k), -1;
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
        return fail("--cdrom: '%s' is neither POOL/VOLUME nor an absolute "
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
        return fail("--location: give a URL or a directory"), -1;
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
            return fail("--location: unknown option '%s'", k), -1;
        }
    }
    return 0;
}

/* A note on stderr about an option virtdeck takes but does not act on. */
static void
note(const create_opts *o, const char *fmt, ...)
{
    va_list ap;

    if (o->quiet)
        return;
    fprintf(stderr, "%s: note: ", PROG);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
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
        return fail("--cloud-init: too many options"), -1;
    for (i = 0; i < n; i++) {
        const char *k = keys[i], *val = vals[i];
        if (!val)
            return fail("--cloud-init: '%s' needs a value (%s=...)", k, k), -1;
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
                note(o, "--cloud-init disable=on: the seed ISO stays attached; "
                     "detach it after the first boot");
        } else {
            return fail("--cloud-init: unknown option '%s'", k), -1;
        }
    }
    if (o->ci_user_data && (o->ci_ssh_key || o->ci_root_password))
        return fail("--cloud-init: user-data= replaces the generated user-data: "
                    "give it alone, or ssh-key=/root-password-generate= without it"),
               -1;
    return 0;
}

/* A device option ("--rng /dev/urandom") into spec's devopts, checked. */
static int
add_devopt(vd_domain_spec *spec, const char *kind, const char *value)
{
    if (report(vd_check_devopt(kind, value)))
        return -1;
    return vd_spec_add_devopt(spec, kind, value);
}

/* Parse argv into spec and o. Returns 0, 1 for --help (exit 0), or -1
 * (message printed; exit 2 for usage, 1 for a refused value). */
static int
parse_args(int argc, char **argv, vd_domain_spec *spec, create_opts *o)
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
                fail("--uuid: '%s' is not a UUID", optarg);
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
                fail("--vcpus: '%s' is not a number", optarg);
                return -1;
            }
            if (comma)
                note(o, "--vcpus: only the count is used; %s is ignored", comma + 1);
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
                fail("%s: '%s' is not a number of MiB", opt, optarg);
                return -1;
            }
            if (comma) {
                fail("%s: only a size in MiB is supported, not %s", opt, comma + 1);
                return -1;
            }
            spec->memory_mib = num;
            o->have_memory = true;
            break;
        }
        case OPT_CPU: {
            char *comma = strchr(optarg, ',');
            if (comma) {
                fail("--cpu: only a mode or a model name is supported, not '%s'",
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
                fail("--cpu: '%s' is not host, host-model, host-passthrough or "
                     "a CPU model name", optarg);
                return -1;
            }
            break;
        }
        case OPT_OS: {
            char *comma;
            if (strncmp(optarg, "detect=", 7) == 0) {
                note(o, "--os-variant detect=: virtdeck does not detect the OS "
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
            note(o, "--os-type is deprecated in virt-install and has no effect; "
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
                fail("--file-size goes after --file PATH");
                return -1;
            }
            if (parse_gib(optarg, &d->size_bytes) < 0 || !d->size_bytes) {
                fail("--file-size: '%s' is not a number of GiB", optarg);
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
            note(o, "--hvm: every virtdeck guest is fully virtualised");
            break;
        case OPT_NOOP:
            if (strcmp(optname, "accelerate") == 0)
                note(o, "--accelerate is deprecated in virt-install and has no "
                     "effect; KVM is used where the host offers it");
            else
                note(o, "--noreboot: virtdeck starts the guest only with --start");
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
            fail("--unattended is not supported: use --cloud-init with a "
                 "cloud image, or install from --cdrom");
            return -1;
        case OPT_PRINT_XML:
            if (optarg) {
                fail("--print-xml: the install phases (%s) are virt-install's; "
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
            note(o, "--%s: virtdeck never attaches a console; open it in the "
                 "TUI or with 'virtdeck console'", optname);
            break;
        case OPT_WAIT:
            if (!optarg && optind < argc && argv[optind][0] != '-' &&
                strspn(argv[optind], "-0123456789") == strlen(argv[optind]))
                optind++;       /* "--wait 10" */
            note(o, "--wait: virtdeck does not wait for an install to end");
            break;
        case OPT_CHECK:
            note(o, "--check %s: virtdeck's checks cannot be turned off", optarg);
            break;
        case 'q':
            o->quiet = true;
            break;
        case 'd':
            note(o, "--debug has no effect (LIBVIRT_DEBUG=1 shows libvirt's log)");
            break;
        case OPT_DOMCAPS:
            o->domcaps_file = optarg;
            break;
        case 'h':
            usage(stdout);
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
        fail("give only one of --cdrom, --location, --import and --pxe");
        return -1;
    }
    if (o->legacy_mac) {
        if (o->nnets == 0 && !o->net_none &&
            parse_network((char[]){ "default" }, spec, o) < 0)
            return -1;
        if (o->net_none) {
            fail("--mac: --network none was given");
            return -1;
        }
        if (report(vd_check_mac(o->legacy_mac)) ||
            vd_spec_set(&spec->net.mac, o->legacy_mac) < 0)
            return -1;
    }
    return 0;

 usage_error:
    fprintf(stderr, "Try 'virtdeck create --help' for more information.\n");
    return -2;
}

/* Whether the URI names this machine (no host part), so that a path
 * can be checked with stat(). */
static bool
uri_is_local(const char *uri)
{
    const char *p = strstr(uri, "://");

    if (!p)
        return true;            /* an alias or "test:///..." style */
    p += 3;
    return *p == '/' || strncmp(p, "localhost/", 10) == 0;
}

/* The format of an existing volume from its XML (target/format/@type). */
static vd_disk_format
volume_format(virStorageVolPtr vol)
{
    char *xml = virStorageVolGetXMLDesc(vol, 0);
    vd_disk_format fmt = VD_FMT_UNSET;
    xmlDocPtr doc;

    if (!xml)
        return VD_FMT_UNSET;
    if ((doc = xmlReadMemory(xml, (int)strlen(xml), "vol.xml", NULL,
                             XML_PARSE_NONET | XML_PARSE_NOERROR |
                             XML_PARSE_NOWARNING))) {
        xmlXPathContextPtr ctxt = xmlXPathNewContext(doc);
        xmlXPathObjectPtr obj = ctxt ? xmlXPathEvalExpression(BAD_CAST
                "string(/volume/target/format/@type)", ctxt) : NULL;
        if (obj && obj->type == XPATH_STRING && obj->stringval) {
            int v = vd_disk_format_parse((const char *)obj->stringval);
            if (v > 0)
                fmt = v;
        }
        xmlXPathFreeObject(obj);
        xmlXPathFreeContext(ctxt);
        xmlFreeDoc(doc);
    }
    free(xml);
    return fmt;
}

/* Whether the host has a file at path: a volume in a pool, or (for a
 * local connection) a file. Sets *format from the volume when known. */
static bool
host_has_file(virConnectPtr conn, bool local, const char *path,
              vd_disk_format *format)
{
    virStorageVolPtr vol = virStorageVolLookupByPath(conn, path);
    struct stat st;

    if (vol) {
        vd_disk_format fmt = volume_format(vol);
        if (format && fmt != VD_FMT_UNSET)
            *format = fmt;
        virStorageVolFree(vol);
        return true;
    }
    virResetLastError();
    return local ? stat(path, &st) == 0 : true;   /* remote: cannot tell */
}

/* The host's pools: names, active flags and free bytes. */
typedef struct pool_list {
    virStoragePoolPtr *pools;
    const char **names;
    bool *active;
    int n;
} pool_list;

/* Read the pools. 0 or -1 (message printed). */
static int
read_pools(virConnectPtr conn, pool_list *pl)
{
    int i;

    memset(pl, 0, sizeof(*pl));
    if ((pl->n = virConnectListAllStoragePools(conn, &pl->pools, 0)) < 0) {
        pl->n = 0;
        return fail("cannot list the storage pools: %s", virt_error()), -1;
    }
    pl->names = calloc(pl->n + 1, sizeof(*pl->names));
    pl->active = calloc(pl->n + 1, sizeof(*pl->active));
    if (!pl->names || !pl->active)
        return fail("out of memory"), -1;
    for (i = 0; i < pl->n; i++) {
        pl->names[i] = virStoragePoolGetName(pl->pools[i]);
        pl->active[i] = virStoragePoolIsActive(pl->pools[i]) == 1;
    }
    return 0;
}

/* Free the pool list. */
static void
free_pools(pool_list *pl)
{
    int i;

    for (i = 0; i < pl->n; i++)
        virStoragePoolFree(pl->pools[i]);
    free(pl->pools);
    free(pl->names);
    free(pl->active);
}

/* The pool called name in pl, or NULL. */
static virStoragePoolPtr
find_pool(const pool_list *pl, const char *name)
{
    int i;

    for (i = 0; i < pl->n; i++) {
        if (strcmp(pl->names[i], name) == 0)
            return pl->pools[i];
    }
    return NULL;
}

/* Check that pool holds (or, for a new volume, does not hold) volume;
 * returns the volume's format in *fmt for an existing one. 0 or 1. */
static int
check_pool_volume(const pool_list *pl, const char *pool, const char *volume,
                  bool want_existing, vd_disk_format *fmt)
{
    virStoragePoolPtr p;
    virStorageVolPtr vol;

    if (report(vd_check_pool(pool, pl->names, pl->active, (size_t)pl->n)))
        return 1;
    p = find_pool(pl, pool);
    /* a pool may have changed behind libvirt's back */
    if (virStoragePoolRefresh(p, 0) < 0)
        virResetLastError();
    vol = virStorageVolLookupByName(p, volume);
    virResetLastError();
    if (vol && fmt)
        *fmt = volume_format(vol);
    if (report(vd_check_volume_name(volume, pool, vol != NULL, want_existing))) {
        if (vol)
            virStorageVolFree(vol);
        return 1;
    }
    if (vol)
        virStorageVolFree(vol);
    return 0;
}

/* The names of the host's domains (into *names, caller frees the
 * strings and the array). Returns the count or -1. */
static int
domain_names(virConnectPtr conn, char ***names)
{
    virDomainPtr *doms = NULL;
    int i, n;

    *names = NULL;
    if ((n = virConnectListAllDomains(conn, &doms, 0)) < 0)
        return -1;
    *names = calloc(n + 1, sizeof(**names));
    for (i = 0; i < n; i++) {
        if (*names)
            (*names)[i] = strdup(virDomainGetName(doms[i]));
        virDomainFree(doms[i]);
    }
    free(doms);
    return *names ? n : -1;
}

/* Fill kernel and initrd of a --location that is a local directory
 * from the usual layouts of install trees. */
static void
find_tree_kernel(vd_install_spec *in, bool local)
{
    static const char *const layouts[][2] = {
        { "images/pxeboot/vmlinuz", "images/pxeboot/initrd.img" },   /* Fedora, RHEL */
        { "install.amd/vmlinuz", "install.amd/initrd.gz" },          /* Debian */
        { "casper/vmlinuz", "casper/initrd" },                        /* Ubuntu */
        { "boot/x86_64/loader/linux", "boot/x86_64/loader/initrd" },  /* openSUSE */
        { "linux", "initrd.gz" },                                     /* netboot dir */
    };
    char *k = NULL, *i = NULL;
    struct stat st;
    size_t n;

    if (!in->location || in->location[0] != '/')
        return;
    /* relative kernel=/initrd= are inside the tree */
    if (in->kernel && in->kernel[0] != '/' && asprintf(&k, "%s/%s", in->location, in->kernel) >= 0) {
        free(in->kernel);
        in->kernel = k;
        k = NULL;
    }
    if (in->initrd && in->initrd[0] != '/' && asprintf(&i, "%s/%s", in->location, in->initrd) >= 0) {
        free(in->initrd);
        in->initrd = i;
        i = NULL;
    }
    if ((in->kernel && in->initrd) || !local)
        return;
    for (n = 0; n < sizeof(layouts) / sizeof(layouts[0]); n++) {
        if (asprintf(&k, "%s/%s", in->location, layouts[n][0]) < 0)
            return;
        if (asprintf(&i, "%s/%s", in->location, layouts[n][1]) < 0) {
            free(k);
            return;
        }
        if (stat(k, &st) == 0 && stat(i, &st) == 0) {
            if (!in->kernel) {
                in->kernel = k;
                k = NULL;
            }
            if (!in->initrd) {
                in->initrd = i;
                i = NULL;
            }
        }
        free(k);
        free(i);
        k = i = NULL;
        if (in->kernel && in->initrd)
            return;
    }
}

/* Apply --os-variant: look it up and take its recommendations where the
 * command line gave no value. 0 or 1 (message printed). */
static int
apply_os_variant(vd_domain_spec *spec, const create_opts *o)
{
    vd_osdb *db;
    vd_os_variant v;
    vd_os_recommend rec;
    unsigned int mask = 0;
    char *err = NULL;
    int ret = 1;

    if (!spec->os_variant || strcmp(spec->os_variant, "generic") == 0 ||
        strcmp(spec->os_variant, "none") == 0) {
        vd_spec_set(&spec->os_variant, NULL);
        return 0;
    }
    if (!(db = vd_osdb_open(&err))) {
        fail("%s", err ? err : "the libosinfo database could not be read");
        free(err);
        return 1;
    }
    if (vd_osdb_lookup(db, spec->os_variant, spec->arch, &v, &rec) < 0) {
        char *near = vd_osdb_suggest(db, spec->os_variant, 5);
        fail("--os-variant: there is no OS variant '%s' in the libosinfo "
             "database%s%s (osinfo-query os lists them)", spec->os_variant,
             near ? "; the closest are " : "", near ? near : "");
        free(near);
        goto cleanup;
    }
    /* the guest agent channel, unless a --channel was given */
    spec->agent_channel = rec.agent && !vd_spec_has_devopt(spec, "channel");
    if (o->have_memory)
        mask |= VD_OSREC_MEMORY;
    if (o->have_vcpus)
        mask |= VD_OSREC_VCPUS;
    if (o->have_disk_size || spec->disk.kind != VD_DISK_NEW_VOLUME)
        mask |= VD_OSREC_DISK_SIZE;
    if (o->have_disk_bus)
        mask |= VD_OSREC_DISK_BUS;
    if (o->have_nic_model)
        mask |= VD_OSREC_NIC_MODEL;
    if (o->have_firmware)
        mask |= VD_OSREC_FIRMWARE;
    if (vd_os_apply(&v, &rec, mask, spec) < 0)
        fail("out of memory");
    else
        ret = 0;
    vd_os_variant_clear(&v);

 cleanup:
    vd_osdb_free(db);
    return ret;
}

/* Read the host caps (from --domcaps or the host), choosing the virt
 * type when not given. Returns whether caps were read: the test driver
 * and other non-QEMU drivers have none, which is no error. */
static bool
read_caps(virConnectPtr conn, vd_domain_spec *spec, const create_opts *o,
          vd_host_caps *caps)
{
    const char *hv = virConnectGetType(conn);
    const char *arch = spec->arch ? spec->arch : "x86_64";
    char *err = NULL;
    bool x86 = strcmp(arch, "x86_64") == 0 || strcmp(arch, "i686") == 0;

    if (o->domcaps_file) {
        FILE *f = fopen(o->domcaps_file, "r");
        char *xml = NULL;
        size_t len = 0;
        const char *perr = NULL;

        if (f) {
            FILE *mem = open_memstream(&xml, &len);
            int ch;
            while (mem && (ch = fgetc(f)) != EOF)
                fputc(ch, mem);
            if (mem)
                fclose(mem);
            fclose(f);
        }
        if (!xml || vd_domcaps_parse(xml, caps, &perr) < 0) {
            fail("--domcaps: cannot read %s: %s", o->domcaps_file,
                 perr ? perr : strerror(errno));
            free(xml);
            return false;
        }
        free(xml);
        return true;
    }
    if (!hv || strcasecmp(hv, "QEMU") != 0) {
        virResetLastError();
        if (!o->have_virt_type && hv && strcasecmp(hv, "TEST") == 0)
            spec->virt_type = VD_VIRT_TEST;
        return false;
    }
    if (!spec->arch)
        arch = NULL;            /* the host's own */
    /* Prefer q35 on x86, as virt-manager does; fall back to the default
     * machine where q35 is missing. */
    for (;;) {
        const char *machine = spec->machine ? spec->machine
                            : x86 ? "q35" : NULL;
        if (vd_domcaps_read(conn, vd_virt_type_name(spec->virt_type), arch,
                            machine, caps, &err) == 0)
            return true;
        free(err);
        err = NULL;
        if (!spec->machine && x86) {
            if (vd_domcaps_read(conn, vd_virt_type_name(spec->virt_type),
                                arch, NULL, caps, &err) == 0)
                return true;
            free(err);
            err = NULL;
        }
        if (!o->have_virt_type && spec->virt_type == VD_VIRT_KVM) {
            spec->virt_type = VD_VIRT_QEMU;     /* no KVM: plain emulation */
            continue;
        }
        return false;
    }
}

/* The target directory of a pool (from its XML), or NULL. Caller frees. */
static char *
pool_dir(virStoragePoolPtr pool)
{
    char *xml = virStoragePoolGetXMLDesc(pool, 0), *dir = NULL;
    xmlDocPtr doc;

    if (!xml) {
        virResetLastError();
        return NULL;
    }
    if ((doc = xmlReadMemory(xml, (int)strlen(xml), "pool.xml", NULL,
                             XML_PARSE_NONET | XML_PARSE_NOERROR |
                             XML_PARSE_NOWARNING))) {
        xmlXPathContextPtr ctxt = xmlXPathNewContext(doc);
        xmlXPathObjectPtr obj = ctxt ? xmlXPathEvalExpression(BAD_CAST
                "string(/pool[@type='dir' or @type='fs' or @type='netfs']"
                "/target/path)", ctxt) : NULL;
        if (obj && obj->type == XPATH_STRING && obj->stringval &&
            obj->stringval[0])
            dir = strdup((const char *)obj->stringval);
        xmlXPathFreeObject(obj);
        xmlXPathFreeContext(ctxt);
        xmlFreeDoc(doc);
    }
    free(xml);
    return dir;
}

/* A disk path= of a file that does not exist yet, with size=: make it a
 * new volume of the pool whose directory holds it. 0 or 1. */
static int
path_to_pool_volume(const pool_list *pl, vd_disk_spec *d)
{
    const char *slash = strrchr(d->path, '/');
    char *dir = strndup(d->path, slash > d->path ? (size_t)(slash - d->path) : 1);
    const char *pool = NULL;
    int i;

    if (!dir)
        return fail("out of memory");
    for (i = 0; i < pl->n && !pool; i++) {
        char *pdir = pool_dir(pl->pools[i]);
        size_t len = pdir ? strlen(pdir) : 0;
        while (len > 1 && pdir[len - 1] == '/')
            pdir[--len] = '\0';
        if (pdir && strcmp(pdir, dir) == 0)
            pool = pl->names[i];
        free(pdir);
    }
    if (!pool) {
        fail("--disk: no storage pool has the directory %s, so %s cannot be "
             "created there: define a pool for it (virsh pool-define-as NAME "
             "dir --target %s) or use pool=POOL,size=GiB", dir, d->path, dir);
        free(dir);
        return 1;
    }
    free(dir);
    if (!slash[1])
        return fail("--disk: path %s names no file", d->path);
    if (d->format == VD_FMT_UNSET)
        d->format = VD_FMT_QCOW2;       /* as virt-install, whatever the name */
    if (vd_spec_set(&d->volume, slash + 1) < 0 || vd_spec_set(&d->pool, pool) < 0)
        return fail("out of memory");
    free(d->path);
    d->path = NULL;
    d->kind = VD_DISK_NEW_VOLUME;
    return 0;
}

/* backing_store=VOLUME of a new disk: a volume of the same pool (or a
 * path of a volume); its path and format go into the disk, and its size
 * when size= is not given. 0 or 1. */
static int
resolve_backing(virConnectPtr conn, const pool_list *pl, vd_disk_spec *d)
{
    virStoragePoolPtr p = find_pool(pl, d->pool);
    virStorageVolPtr vol;
    virStorageVolInfo info;
    char *path;
    int fmt;

    vol = d->backing[0] == '/' ? virStorageVolLookupByPath(conn, d->backing)
        : p ? virStorageVolLookupByName(p, d->backing) : NULL;
    if (!vol) {
        virResetLastError();
        return fail("--disk: backing_store: pool '%s' has no volume '%s'",
                    d->pool, d->backing);
    }
    path = virStorageVolGetPath(vol);
    fmt = volume_format(vol);
    if (virStorageVolGetInfo(vol, &info) == 0 && d->size_bytes == 0)
        d->size_bytes = info.capacity;
    virStorageVolFree(vol);
    virResetLastError();
    if (!path)
        return fail("--disk: backing_store: the path of '%s' is unknown", d->backing);
    free(d->backing);
    d->backing = path;
    d->backing_format = fmt == VD_FMT_UNSET ? VD_FMT_RAW : fmt;
    if (d->format != VD_FMT_QCOW2)
        return fail("--disk: backing_store= needs format=qcow2 for the new disk");
    return 0;
}

/* One disk against the host (idx 0 is the main disk). 0 or 1. */
static int
check_disk_host(virConnectPtr conn, bool local, const pool_list *pl,
                vd_domain_spec *spec, vd_disk_spec *d, int idx,
                const create_opts *o)
{
    if (d->kind == VD_DISK_PATH && idx < MAX_DEVS && o->path_new[idx]) {
        if (host_has_file(conn, local, d->path, NULL))
            return fail("--disk: %s exists already: drop size= to use it as "
                        "it is", d->path);
        if (path_to_pool_volume(pl, d))
            return 1;
    }
    switch (d->kind) {
    case VD_DISK_NEW_VOLUME: {
        virStoragePoolInfo info;
        char *volname = NULL;
        virStoragePoolPtr p;
        size_t j;

        if (idx > 0 && !d->volume &&
            asprintf(&d->volume, "%s-%d.%s", spec->name, idx,
                     d->format == VD_FMT_RAW ? "img" : "qcow2") < 0) {
            d->volume = NULL;
            return fail("out of memory");
        }
        volname = idx == 0 ? vd_spec_new_volume_name(spec) : strdup(d->volume);
        if (!volname)
            return fail("out of memory");
        /* two new disks of one name in one pool */
        for (j = 0; idx > 0 && j < spec->n_more_disks &&
                    &spec->more_disks[j] != d; j++) {
            const vd_disk_spec *e = &spec->more_disks[j];
            if (e->kind == VD_DISK_NEW_VOLUME && strcmp(e->pool, d->pool) == 0 &&
                e->volume && strcmp(e->volume, volname) == 0) {
                fail("--disk: two new disks are called '%s' in pool '%s'",
                     volname, d->pool);
                free(volname);
                return 1;
            }
        }
        if (idx > 0 && spec->disk.kind == VD_DISK_NEW_VOLUME &&
            strcmp(spec->disk.pool, d->pool) == 0) {
            char *main = vd_spec_new_volume_name(spec);
            bool same = main && strcmp(main, volname) == 0;
            free(main);
            if (same) {
                fail("--disk: two new disks are called '%s' in pool '%s'",
                     volname, d->pool);
                free(volname);
                return 1;
            }
        }
        if (check_pool_volume(pl, d->pool, volname, false, NULL)) {
            free(volname);
            return 1;
        }
        free(volname);
        if (d->backing && resolve_backing(conn, pl, d))
            return 1;
        p = find_pool(pl, d->pool);
        if (virStoragePoolGetInfo(p, &info) < 0)
            return fail("pool '%s': %s", d->pool, virt_error());
        /* a disk on a backing image starts (nearly) empty */
        if (!d->backing && report(vd_check_disk_size(d->size_bytes, d->pool,
                                                     info.available, true)))
            return 1;
        return 0;
    }
    case VD_DISK_VOLUME:
        return check_pool_volume(pl, d->pool, d->volume, true, &d->format);
    case VD_DISK_PATH: {
        const char *dot = strrchr(d->path, '.');
        if (dot && (strcmp(dot, ".qcow2") == 0 || strcmp(dot, ".qcow") == 0))
            d->format = VD_FMT_QCOW2;
        return report(vd_check_host_path(d->path,
                                         host_has_file(conn, local, d->path,
                                                       &d->format)));
    }
    default:
        return 0;
    }
}

/* One NIC's network against the host. 0 or 1. */
static int
check_network_host(virConnectPtr conn, const vd_net_spec *net)
{
    virNetworkPtr *nets = NULL;
    const char **nnames;
    bool *active;
    int i, n, bad;

    if (net->kind != VD_NET_NETWORK)
        return 0;
    if ((n = virConnectListAllNetworks(conn, &nets, 0)) < 0)
        return fail("cannot list the networks: %s", virt_error());
    nnames = calloc(n + 1, sizeof(*nnames));
    active = calloc(n + 1, sizeof(*active));
    for (i = 0; nnames && active && i < n; i++) {
        nnames[i] = virNetworkGetName(nets[i]);
        active[i] = virNetworkIsActive(nets[i]) == 1;
    }
    bad = nnames && active
        ? report(vd_check_network(net->source, nnames, active, (size_t)n))
        : fail("out of memory");
    for (i = 0; i < n; i++)
        virNetworkFree(nets[i]);
    free(nets);
    free(nnames);
    free(active);
    return bad;
}

/* The numbers of a node device's XML at the XPath expressions exprs
 * (each "number(...)"), into out; NaN becomes -1. 0 or -1. */
static int
nodedev_numbers(virNodeDevicePtr dev, const char *const *exprs, long *out,
                int n)
{
    char *xml = virNodeDeviceGetXMLDesc(dev, 0);
    xmlDocPtr doc;
    xmlXPathContextPtr ctxt;
    int i;

    if (!xml)
        return -1;
    doc = xmlReadMemory(xml, (int)strlen(xml), "nodedev.xml", NULL,
                        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    free(xml);
    if (!doc)
        return -1;
    ctxt = xmlXPathNewContext(doc);
    for (i = 0; i < n; i++) {
        xmlXPathObjectPtr obj = ctxt ? xmlXPathEvalExpression(BAD_CAST exprs[i], ctxt) : NULL;
        out[i] = obj && obj->type == XPATH_NUMBER && obj->floatval == obj->floatval
               ? (long)obj->floatval : -1;
        xmlXPathFreeObject(obj);
    }
    xmlXPathFreeContext(ctxt);
    xmlFreeDoc(doc);
    return 0;
}

/* The domain (other than none) whose XML has a host device matching the
 * XPath predicate expr, or NULL. Caller frees. */
static char *
hostdev_user(virConnectPtr conn, const char *expr)
{
    virDomainPtr *doms = NULL;
    char *who = NULL;
    int i, n = virConnectListAllDomains(conn, &doms, 0);

    for (i = 0; i < n; i++) {
        char *xml = who ? NULL : virDomainGetXMLDesc(doms[i], 0);
        xmlDocPtr doc = xml ? xmlReadMemory(xml, (int)strlen(xml), "d.xml", NULL,
                                            XML_PARSE_NONET | XML_PARSE_NOERROR |
                                            XML_PARSE_NOWARNING) : NULL;
        xmlXPathContextPtr ctxt = doc ? xmlXPathNewContext(doc) : NULL;
        xmlXPathObjectPtr obj = ctxt ? xmlXPathEvalExpression(BAD_CAST expr, ctxt) : NULL;

        if (obj && obj->type == XPATH_BOOLEAN && obj->boolval)
            who = strdup(virDomainGetName(doms[i]));
        xmlXPathFreeObject(obj);
        xmlXPathFreeContext(ctxt);
        xmlFreeDoc(doc);
        free(xml);
        virDomainFree(doms[i]);
    }
    free(doms);
    virResetLastError();
    return who;
}

/* One --host-device value: find it among the host's node devices and
 * write its canonical form ("0000:00:19.0" or "0x1d6b:0x0002") into
 * *canon (caller frees). 0 or 1. */
static int
resolve_hostdev(virConnectPtr conn, const char *v, char **canon)
{
    static const char *const pci_x[] = {
        "number(/device/capability[@type='pci']/domain)",
        "number(/device/capability[@type='pci']/bus)",
        "number(/device/capability[@type='pci']/slot)",
        "number(/device/capability[@type='pci']/function)",
    };
    static const char *const usb_x[] = {
        "number(/device/capability[@type='usb_device']/bus)",
        "number(/device/capability[@type='usb_device']/device)",
        "number(/device/capability[@type='usb_device']/vendor/@id)",
        "number(/device/capability[@type='usb_device']/product/@id)",
    };
    unsigned int a = 0, b, c, e;
    long num[4];
    char name[64], tail, *expr = NULL, *who;
    virNodeDevicePtr dev = NULL;
    bool pci = false;

    *canon = NULL;
    if (sscanf(v, "%x:%x:%x.%x%c", &a, &b, &c, &e, &tail) == 4 ||
        (a = 0, sscanf(v, "%x:%x.%x%c", &b, &c, &e, &tail) == 3)) {
        snprintf(name, sizeof(name), "pci_%04x_%02x_%02x_%x", a, b, c, e);
        pci = true;
    } else if (sscanf(v, "0x%x:0x%x%c", &a, &b, &tail) == 2 ||
               sscanf(v, "%u.%u%c", &a, &b, &tail) == 2) {
        bool by_id = v[0] == '0' && v[1] == 'x';
        virNodeDevicePtr *devs = NULL;
        int i, n = virConnectListAllNodeDevices(conn, &devs,
                                                VIR_CONNECT_LIST_NODE_DEVICES_CAP_USB_DEV);
        for (i = 0; i < n; i++) {
            if (!dev && nodedev_numbers(devs[i], usb_x, num, 4) == 0 &&
                (by_id ? num[2] == (long)a && num[3] == (long)b
                       : num[0] == (long)a && num[1] == (long)b)) {
                dev = devs[i];
                continue;
            }
            virNodeDeviceFree(devs[i]);
        }
        free(devs);
        virResetLastError();
        if (!dev)
            return fail("--host-device: the host has no USB device %s "
                        "(virsh nodedev-list --cap usb_device)", v);
        snprintf(name, sizeof(name), "%s", virNodeDeviceGetName(dev));
    } else {
        snprintf(name, sizeof(name), "%s", v);
    }
    if (!dev && !(dev = virNodeDeviceLookupByName(conn, name))) {
        virResetLastError();
        return fail("--host-device: the host has no device %s (virsh "
                    "nodedev-list lists them)", v);
    }
    if (pci || strncmp(name, "pci_", 4) == 0) {
        if (nodedev_numbers(dev, pci_x, num, 4) < 0 || num[1] < 0) {
            virNodeDeviceFree(dev);
            return fail("--host-device: %s is not a PCI or USB device", v);
        }
        if (asprintf(canon, "%04lx:%02lx:%02lx.%lx", num[0], num[1], num[2],
                     num[3]) < 0 ||
            asprintf(&expr, "boolean(//hostdev[@type='pci']/source/address["
                     "number(@domain)=%ld and number(@bus)=%ld and "
                     "number(@slot)=%ld and number(@function)=%ld])",
                     num[0], num[1], num[2], num[3]) < 0)
            expr = NULL;
    } else {
        if (nodedev_numbers(dev, usb_x, num, 4) < 0 || num[2] < 0) {
            virNodeDeviceFree(dev);
            return fail("--host-device: %s is not a PCI or USB device", v);
        }
        if (asprintf(canon, "0x%04lx:0x%04lx", num[2], num[3]) < 0 ||
            asprintf(&expr, "boolean(//hostdev[@type='usb']/source["
                     "number(vendor/@id)=%ld and number(product/@id)=%ld])",
                     num[2], num[3]) < 0)
            expr = NULL;
    }
    virNodeDeviceFree(dev);
    if (!expr || !*canon)
        return fail("out of memory");
    who = hostdev_user(conn, expr);
    free(expr);
    if (who) {
        fail("--host-device: %s is in use: domain '%s' has it", v, who);
        free(who);
        free(*canon);
        *canon = NULL;
        return 1;
    }
    return 0;
}

/* Every --host-device of spec resolved on the host (see above). 0 or 1. */
static int
resolve_hostdevs(virConnectPtr conn, vd_domain_spec *spec)
{
    size_t i, j;

    for (i = 0; i < spec->n_devopts; i++) {
        char *canon = NULL, *opt = NULL;
        if (strncmp(spec->devopts[i], "hostdev:", 8) != 0)
            continue;
        if (resolve_hostdev(conn, spec->devopts[i] + 8, &canon))
            return 1;
        for (j = 0; j < i; j++) {
            if (strncmp(spec->devopts[j], "hostdev:", 8) == 0 &&
                strcmp(spec->devopts[j] + 8, canon) == 0) {
                fail("--host-device: %s is given twice", spec->devopts[i] + 8);
                free(canon);
                return 1;
            }
        }
        if (asprintf(&opt, "hostdev:%s", canon) < 0) {
            free(canon);
            return fail("out of memory");
        }
        free(canon);
        free(spec->devopts[i]);
        spec->devopts[i] = opt;
    }
    return 0;
}

/* Check every field against the host. 0 or 1 (message printed). */
static int
check_against_host(virConnectPtr conn, const char *uri, vd_domain_spec *spec,
                   const vd_host_caps *caps, create_opts *o)
{
    size_t j;
    bool local = uri_is_local(uri);
    pool_list pl = { 0 };
    char **names = NULL;
    int ndoms, i, ret = 1;
    virNodeInfo node;

    if ((ndoms = domain_names(conn, &names)) < 0)
        return fail("cannot list the domains: %s", virt_error());
    if (report(vd_check_name(spec->name, (const char *const *)names,
                             (size_t)ndoms)))
        goto cleanup;
    if (report(vd_check_vcpus(spec->vcpus, caps ? caps->max_vcpus : 0)))
        goto cleanup;
    if (virNodeGetInfo(conn, &node) < 0) {
        fail("cannot read the host's memory: %s", virt_error());
        goto cleanup;
    }
    if (report(vd_check_memory(spec->memory_mib, node.memory / 1024)))
        goto cleanup;

    if (read_pools(conn, &pl) < 0)
        goto cleanup;
    switch (spec->install.kind) {
    case VD_INSTALL_CDROM_VOLUME:
        if (check_pool_volume(&pl, spec->install.pool, spec->install.volume,
                              true, NULL))
            goto cleanup;
        break;
    case VD_INSTALL_CDROM_PATH:
        if (report(vd_check_host_path(spec->install.path,
                                      host_has_file(conn, local,
                                                    spec->install.path, NULL))))
            goto cleanup;
        break;
    case VD_INSTALL_LOCATION:
        if (report(vd_check_location(spec->install.location)))
            goto cleanup;
        find_tree_kernel(&spec->install, local);
        if (!spec->install.kernel || !spec->install.initrd) {
            fail("--location: give kernel=PATH,initrd=PATH (files on the host): "
                 "virtdeck does not download install trees");
            goto cleanup;
        }
        if (report(vd_check_host_path(spec->install.kernel,
                                      host_has_file(conn, local, spec->install.kernel, NULL))) ||
            report(vd_check_host_path(spec->install.initrd,
                                      host_has_file(conn, local, spec->install.initrd, NULL))))
            goto cleanup;
        break;
    default:
        break;
    }

    if (check_disk_host(conn, local, &pl, spec, &spec->disk, 0, o))
        goto cleanup;
    for (j = 0; j < spec->n_more_disks; j++) {
        if (check_disk_host(conn, local, &pl, spec, &spec->more_disks[j],
                            (int)j + 1, o))
            goto cleanup;
    }
    if (check_network_host(conn, &spec->net))
        goto cleanup;
    for (j = 0; j < spec->n_more_nets; j++) {
        if (check_network_host(conn, &spec->more_nets[j]))
            goto cleanup;
    }
    if (resolve_hostdevs(conn, spec))
        goto cleanup;
    if (report(vd_check_firmware(spec->firmware, caps)))
        goto cleanup;
    ret = 0;

 cleanup:
    for (i = 0; names && i < ndoms; i++)
        free(names[i]);
    free(names);
    free_pools(&pl);
    return ret;
}

/* The checks that need no host, in the order of the form. */
static int
check_fields(const vd_domain_spec *spec, const create_opts *o)
{
    size_t i;

    if (!spec->name)
        return fail("--name is required");
    if (report(vd_check_name(spec->name, NULL, 0)))
        return 1;
    if (!o->have_memory && !spec->memory_mib)
        return fail("--memory is required (MiB)");
    if (report(vd_check_memory(spec->memory_mib, 0)) ||
        report(vd_check_vcpus(spec->vcpus, 0)))
        return 1;
    if (spec->disk.kind == VD_DISK_NEW_VOLUME && !spec->disk.size_bytes &&
        !o->have_disk_size)
        return fail("--disk: pool=%s needs size=GiB", spec->disk.pool);
    if ((spec->net.kind == VD_NET_BRIDGE || spec->net.kind == VD_NET_MACVTAP) &&
        report(vd_check_ifname(spec->net.source)))
        return 1;
    for (i = 0; i < spec->n_more_nets; i++) {
        const vd_net_spec *n = &spec->more_nets[i];
        if ((n->kind == VD_NET_BRIDGE || n->kind == VD_NET_MACVTAP) &&
            report(vd_check_ifname(n->source)))
            return 1;
    }
    if (report(vd_check_mac(spec->net.mac)) ||
        report(vd_check_listen(spec->gfx.listen)) ||
        report(vd_check_password(spec->gfx.password, spec->gfx.kind)))
        return 1;
    if (spec->install.kind == VD_INSTALL_IMPORT && spec->disk.kind == VD_DISK_NONE)
        return fail("--import needs a --disk");
    return 0;
}

/* The text of a file the user named (at most 1 MiB) into *out (caller
 * frees). 0 or 1 (message naming opt). */
static int
read_text_file(const char *opt, const char *path, char **out)
{
    FILE *f = fopen(path, "r");
    size_t len = 0, n;
    char *buf;

    *out = NULL;
    if (!f)
        return fail("%s: cannot read %s: %s", opt, path, strerror(errno));
    if (!(buf = malloc(1024 * 1024 + 1))) {
        fclose(f);
        return fail("out of memory");
    }
    while ((n = fread(buf + len, 1, 1024 * 1024 + 1 - len, f)) > 0)
        len += n;
    fclose(f);
    if (len > 1024 * 1024) {
        free(buf);
        return fail("%s: %s is larger than 1 MiB", opt, path);
    }
    buf[len] = '\0';
    if (strlen(buf) != len) {
        free(buf);
        return fail("%s: %s is not a text file", opt, path);
    }
    *out = buf;
    return 0;
}

/* What --cloud-init makes: the seed ISO's bytes and its volume. */
typedef struct seed {
    void *iso;
    size_t len;
    char password[17];          /* a generated one, or "" */
    vd_volume_spec vol;
    char *pool;
} seed;

/* --cloud-init: build the seed ISO (unless only the XML is wanted) and
 * add its CD-ROM to spec. The seed volume goes into the pool of the
 * first new disk, else pool 'default'. 0 or 1. */
static int
prepare_seed(virConnectPtr conn, vd_domain_spec *spec, const create_opts *o,
             seed *sd)
{
    vd_cloudinit ci = { .hostname = spec->name };
    char *user = NULL, *meta = NULL, *netcfg = NULL, *key = NULL, *err = NULL;
    vd_disk_spec cd = { 0 };
    pool_list pl = { 0 };
    size_t i;
    int ret = 1;

    if (!o->cloud_init)
        return 0;
    if ((o->ci_user_data && read_text_file("--cloud-init: user-data", o->ci_user_data, &user)) ||
        (o->ci_meta_data && read_text_file("--cloud-init: meta-data", o->ci_meta_data, &meta)) ||
        (o->ci_network_config &&
         read_text_file("--cloud-init: network-config", o->ci_network_config, &netcfg)) ||
        (o->ci_ssh_key && read_text_file("--cloud-init: ssh-key", o->ci_ssh_key, &key)))
        goto cleanup;
    if (key) {
        char *nl = strchr(key, '\n');
        if (nl)
            *nl = '\0';
        if (strncmp(key, "ssh-", 4) != 0 && strncmp(key, "ecdsa-", 6) != 0 &&
            strncmp(key, "sk-", 3) != 0) {
            fail("--cloud-init: ssh-key: %s is not an SSH public key", o->ci_ssh_key);
            goto cleanup;
        }
    }
    ci.user_data = user;
    ci.meta_data = meta;
    ci.network_config = netcfg;
    ci.ssh_key = key;
    /* a bare --cloud-init generates a root password, as virt-install does */
    if (!user && (o->ci_root_password || !key)) {
        if (vd_cloudinit_password(sd->password, 16) < 0) {
            fail("--cloud-init: no random bytes for a password");
            goto cleanup;
        }
        ci.password = sd->password;
    }
    /* the pool: that of the first new disk, else 'default' */
    if (spec->disk.kind == VD_DISK_NEW_VOLUME)
        sd->pool = strdup(spec->disk.pool);
    for (i = 0; !sd->pool && i < spec->n_more_disks; i++) {
        if (spec->more_disks[i].kind == VD_DISK_NEW_VOLUME)
            sd->pool = strdup(spec->more_disks[i].pool);
    }
    if (!sd->pool)
        sd->pool = strdup("default");
    if (!sd->pool || asprintf(&sd->vol.name, "%s-cidata.iso", spec->name) < 0) {
        sd->vol.name = NULL;
        fail("out of memory");
        goto cleanup;
    }
    if (!o->print_xml) {
        if (read_pools(conn, &pl) < 0 ||
            check_pool_volume(&pl, sd->pool, sd->vol.name, false, NULL))
            goto cleanup;
        if (vd_cloudinit_iso(&ci, &sd->iso, &sd->len, &err) < 0) {
            fail("--cloud-init: %s", err ? err : "the seed ISO could not be built");
            goto cleanup;
        }
        sd->vol.capacity = sd->len;
        sd->vol.format = VD_FMT_RAW;
    }
    cd.kind = VD_DISK_VOLUME;
    cd.format = VD_FMT_RAW;
    if (vd_spec_set(&cd.pool, sd->pool) < 0 ||
        vd_spec_set(&cd.volume, sd->vol.name) < 0 ||
        vd_spec_set(&cd.device, "cdrom") < 0 ||
        vd_spec_add_disk(spec, &cd) < 0) {
        fail("out of memory");
        goto cleanup;
    }
    ret = 0;

 cleanup:
    vd_disk_spec_clear(&cd);
    free_pools(&pl);
    free(err);
    free(user);
    free(meta);
    free(netcfg);
    free(key);
    return ret;
}

/* libvirt's errors are read with virGetLastError(), not printed. */
static void
silent_error(void *opaque, virErrorPtr err)
{
    (void)opaque;
    (void)err;
}

/* virtdeck create. */
int
vd_cli_create(int argc, char **argv)
{
    vd_domain_spec spec = { .vcpus = 1 };
    create_opts o = { 0 };
    vd_host_caps caps = { 0 };
    virConnectPtr conn = NULL;
    vd_check_msg *problem;
    const char *perr = NULL;
    char *xml = NULL, *err = NULL;
    char uuid[VD_UUID_LEN] = "";
    seed sd = { 0 };
    vd_create_volume seedvol = { 0 };
    bool have_caps;
    int rc, ret = 1;

    if ((rc = parse_args(argc, argv, &spec, &o)) != 0) {
        ret = rc == 1 ? 0 : rc == -2 ? 2 : 1;
        goto cleanup;
    }
    if (!o.uri) {
        const char *env = getenv("LIBVIRT_DEFAULT_URI");
        o.uri = env && *env ? env : "qemu:///system";
    }
    if (apply_os_variant(&spec, &o) || check_fields(&spec, &o))
        goto cleanup;

    virSetErrorFunc(NULL, silent_error);
    if (virInitialize() < 0) {
        fail("libvirt could not be initialised");
        goto cleanup;
    }
    if (!(conn = virConnectOpenAuth(o.uri, virConnectAuthPtrDefault, 0))) {
        fail("cannot connect to %s: %s", o.uri, virt_error());
        goto cleanup;
    }
    have_caps = read_caps(conn, &spec, &o, &caps);
    if (o.domcaps_file && !have_caps)
        goto cleanup;
    if (check_against_host(conn, o.uri, &spec, have_caps ? &caps : NULL, &o) ||
        prepare_seed(conn, &spec, &o, &sd))
        goto cleanup;
    if ((problem = vd_check_spec(&spec))) {
        report(problem);
        goto cleanup;
    }
    if (!(xml = vd_domain_xml(&spec, have_caps ? &caps : NULL, &perr))) {
        fail("%s", perr);
        goto cleanup;
    }
    if (o.print_xml) {
        fputs(xml, stdout);
        ret = fflush(stdout) == 0 ? 0 : 1;
        goto cleanup;
    }
    if (o.dry_run) {
        printf("Dry run: '%s' would be created on %s; nothing was changed.\n",
               spec.name, o.uri);
        ret = 0;
        goto cleanup;
    }
    seedvol.pool = sd.pool;
    seedvol.vol = &sd.vol;
    seedvol.data = sd.iso;
    seedvol.len = sd.len;
    if (vd_create_with(conn, &spec, have_caps ? &caps : NULL,
                       &seedvol, sd.iso ? 1 : 0,
                       o.start ? VD_CREATE_START : 0, uuid, &err) < 0) {
        fail("%s", err ? err : "creation failed");
        goto cleanup;
    }
    printf("Domain '%s' %s (UUID %s).\n", spec.name,
           o.start ? "created and started" : "created", uuid);
    if (sd.iso)
        printf("Cloud-init seed: volume '%s' in pool '%s'.\n", sd.vol.name, sd.pool);
    if (sd.password[0])
        printf("Generated root password for the first boot: %s\n"
               "(shown only now; it is in the seed volume until you delete it)\n",
               sd.password);
    ret = 0;

 cleanup:
    free(err);
    free(xml);
    if (conn)
        virConnectClose(conn);
    vd_host_caps_clear(&caps);
    vd_domain_spec_clear(&spec);
    free(sd.iso);
    free(sd.pool);
    vd_volume_spec_clear(&sd.vol);
    explicit_bzero(sd.password, sizeof(sd.password));
    return ret;
}
