/*
 * cli_create_args.c: the command line of `virtdeck create`: its option
 * table (virt-install's options under its names, short forms and older
 * spellings; --help, the man page and completion are made from it) and
 * its parser into a vd_domain_spec and vd_create_args. The parser never
 * prints: refusals go into args->err, notes about options without effect
 * into args->notes; src/cli_create.c runs what it parsed.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "virtdeck/devopts.h"
#include "virtdeck/domspec.h"
#include "cli_args.h"

/* Where a refusal's message goes: the args being parsed (one parse at a
 * time). ERR() formats into it and returns VD_CLI_REFUSED. */
static char *err_buf;
static size_t err_len;
#define ERR(...) vd_cli_errf(err_buf, err_len, __VA_ARGS__)

enum {
    OPT_VCPUS = 256, OPT_MEMORY, OPT_CPU, OPT_OS, OPT_OS_TYPE, OPT_CDROM,
    OPT_IMPORT, OPT_PXE, OPT_DISK, OPT_NODISKS, OPT_NONETWORKS,
    OPT_GRAPHICS, OPT_VNC, OPT_VNCPORT, OPT_VNCLISTEN, OPT_SPICE,
    OPT_NOGRAPHICS, OPT_VIDEO, OPT_BOOT, OPT_VIRT_TYPE, OPT_ARCH,
    OPT_MACHINE, OPT_ACCELERATE, OPT_NOREBOOT, OPT_CLOUD_INIT,
    OPT_UNATTENDED, OPT_PRINT_XML, OPT_DRY_RUN, OPT_START,
    OPT_NOAUTOCONSOLE, OPT_AUTOCONSOLE, OPT_WAIT, OPT_CHECK, OPT_DOMCAPS,
    /* the device options, in the order of devopt_kinds */
    OPT_MEMBALLOON, OPT_CLOCK, OPT_CONTROLLER, OPT_SOUND, OPT_RNG, OPT_TPM,
    OPT_WATCHDOG, OPT_SERIAL, OPT_CONSOLE, OPT_CHANNEL, OPT_FILESYSTEM,
    OPT_MEMORYBACKING, OPT_HOSTDEV, OPT_INPUT,
};

/* The devopts kind of each device option (devopts.h). */
static const char *const devopt_kinds[] = {
    "memballoon", "clock", "controller", "sound", "rng", "tpm", "watchdog",
    "serial", "console", "channel", "filesystem", "memorybacking",
    "hostdev", "input",
};

#define ALIASES(...) (const char *const[]){ __VA_ARGS__, NULL }

static const vd_cli_opt create_opts_table[] = {
    { .name = "connect", .key = 'c', .arg = "URI", .values = "@hosts",
      .help = "libvirt URI (default $LIBVIRT_DEFAULT_URI or\n"
              "qemu:///system). NOTE: -c is --connect, as in\n"
              "virsh, not virt-install's -c (--cdrom)" },
    { .name = "name", .key = 'n', .arg = "NAME", .help = "the new domain's name" },
    { .name = "uuid", .key = 'u', .arg = "UUID",
      .help = "the domain's UUID (default: libvirt makes one)" },
    { .name = "vcpus", .key = OPT_VCPUS, .arg = "N",
      .help = "virtual CPUs (default 1, or the OS's recommendation)" },
    { .name = "memory", .key = OPT_MEMORY, .arg = "MiB",
      .help = "memory in MiB (also -r, --ram)" },
    { .name = "ram", .key = 'r', .arg = "MiB", .help = "the older spelling of --memory" },
    { .name = "cpu", .key = OPT_CPU, .arg = "MODE|MODEL",
      .values = "host host-passthrough host-model default",
      .help = "host (= host-model), host-model, host-passthrough,\n"
              "default, or a CPU model name (Nehalem, EPYC, ...)" },
    { .name = "os-variant", .key = OPT_OS, .arg = "ID", .values = "@osinfo",
      .aliases = ALIASES("osinfo"),
      .help = "libosinfo short id or alias (debian11, win11, ...;\n"
              "name=ID, id=URL too): recommended memory, vCPUs,\n"
              "disk size and bus, NIC model where not given, and\n"
              "the guest agent channel; 'generic': none" },
    { .name = "os-type", .key = OPT_OS_TYPE, .arg = "TYPE",
      .help = "deprecated in virt-install: taken with a note" },
    { .name = "cdrom", .key = OPT_CDROM, .arg = "SOURCE",
      .group = "Install source (one of):",
      .help = "an ISO: POOL/VOLUME, or an absolute path on the host" },
    { .name = "location", .key = 'l', .arg = "URL[,kernel=PATH,initrd=PATH]",
      .help = "network install tree (http://, https://, ftp://,\n"
              "nfs: or a directory on the host); the kernel and\n"
              "initrd are files on the host (found in a local\n"
              "tree when not given)" },
    { .name = "extra-args", .key = 'x', .arg = "ARGS",
      .help = "kernel command line for --location" },
    { .name = "import", .key = OPT_IMPORT,
      .help = "boot the disk as it is (an installed system, or a\n"
              "new disk on a cloud image with --cloud-init)" },
    { .name = "pxe", .key = OPT_PXE, .help = "boot from the network" },
    { .name = "disk", .key = OPT_DISK, .arg = "SPEC",
      .values = "pool= vol= path= size= none",
      .group = "Storage (--disk may be repeated; the first is the boot disk):",
      .help = "one of:\n"
              "  pool=POOL,size=GiB[,format=qcow2|raw][,name=VOLUME]\n"
              "    a new volume (NAME.qcow2, then NAME-1.qcow2, ...)\n"
              "  pool=POOL[,size=GiB],backing_store=VOLUME\n"
              "    a new qcow2 volume on an image of the pool\n"
              "  vol=POOL/VOLUME   an existing volume\n"
              "  [path=]FILE   a file or device on the host\n"
              "  path=FILE,size=GiB   a new file: a volume of the\n"
              "    pool whose directory holds it\n"
              "  none   no disk\n"
              "sub-options: bus=virtio|sata|scsi|ide|usb|fdc,\n"
              "device=disk|cdrom|floppy|lun, cache=MODE,\n"
              "io=native|threads|io_uring, discard=unmap|ignore,\n"
              "readonly=on|off, shareable=on|off, perms=ro|rw|sh,\n"
              "boot.order=N, serial=TEXT" },
    { .name = "nodisks", .key = OPT_NODISKS, .help = "--disk none" },
    { .name = "file", .key = 'f', .arg = "PATH", .values = "@file",
      .help = "the older spelling of --disk path=PATH" },
    { .name = "file-size", .key = 's', .arg = "GiB",
      .help = "the older spelling of size= for the last --file" },
    { .name = "network", .key = 'w', .arg = "SPEC",
      .values = "network= bridge= type=direct,source= user default none",
      .group = "Network (--network may be repeated):",
      .help = "one of: network=NAME (or NAME, 'default'),\n"
              "bridge=BRIDGE, type=direct,source=IFACE (macvtap),\n"
              "user, none; sub-options: model=virtio|e1000e|e1000|\n"
              "rtl8139|vmxnet3|ne2k_pci|pcnet, mac=MAC,\n"
              "link_state=up|down, boot.order=N" },
    { .name = "nonetworks", .key = OPT_NONETWORKS, .help = "--network none" },
    { .name = "bridge", .key = 'b', .arg = "BRIDGE",
      .help = "the older spelling of --network bridge=BRIDGE" },
    { .name = "mac", .key = 'm', .arg = "MAC",
      .help = "the first interface's MAC (older spelling)" },
    { .name = "graphics", .key = OPT_GRAPHICS,
      .arg = "vnc|spice|none[,listen=ADDR][,password=PW][,port=N][,tlsport=N][,keymap=MAP]",
      .values = "vnc spice none", .group = "Display:",
      .help = "the graphical console; tlsport= is SPICE's" },
    { .name = "vnc", .key = OPT_VNC, .help = "the older spelling of --graphics vnc" },
    { .name = "vncport", .key = OPT_VNCPORT, .arg = "N",
      .help = "the older spelling of --graphics vnc,port=N" },
    { .name = "vnclisten", .key = OPT_VNCLISTEN, .arg = "ADDR",
      .help = "the older spelling of --graphics vnc,listen=ADDR" },
    { .name = "spice", .key = OPT_SPICE, .help = "the older spelling of --graphics spice" },
    { .name = "nographics", .key = OPT_NOGRAPHICS, .help = "--graphics none" },
    { .name = "keymap", .key = 'k', .arg = "MAP",
      .help = "the older spelling of --graphics ...,keymap=MAP" },
    { .name = "video", .key = OPT_VIDEO, .arg = "MODEL",
      .values = "vga virtio qxl bochs cirrus none",
      .help = "video model: vga, virtio, qxl, bochs, cirrus or none" },
    { .name = "controller", .key = OPT_CONTROLLER,
      .arg = "usb2|usb3|virtio-scsi|type=T[,model=M][,index=N][,ports=N]",
      .values = "usb2 usb3 virtio-scsi type=", .group = "Devices (each may be repeated):",
      .help = "a controller" },
    { .name = "sound", .key = OPT_SOUND, .arg = "MODEL", .aliases = ALIASES("soundhw"),
      .values = "ich9 ich6 ich7 ac97 es1370 sb16 usb default none",
      .help = "a sound card" },
    { .name = "rng", .key = OPT_RNG, .arg = "/dev/urandom|builtin|none|type=random,device=PATH",
      .values = "/dev/urandom builtin none", .help = "a virtio random number generator" },
    { .name = "tpm", .key = OPT_TPM,
      .arg = "emulator|none|type=emulator[,model=tpm-crb|tpm-tis][,version=V]",
      .values = "emulator none", .help = "an emulated TPM" },
    { .name = "watchdog", .key = OPT_WATCHDOG, .arg = "MODEL[,action=ACTION]",
      .values = "i6300esb ib700 diag288 itco",
      .help = "a watchdog; actions: reset, shutdown, poweroff,\n"
              "pause, none, dump, inject-nmi" },
    { .name = "memballoon", .key = OPT_MEMBALLOON, .arg = "virtio|none",
      .values = "virtio none", .help = "the memory balloon" },
    { .name = "serial", .key = OPT_SERIAL,
      .arg = "pty|file,path=F|unix,path=F|tcp,host=H:P|null[,target_type=T]",
      .values = "pty file unix tcp null", .help = "a serial port (replaces the default one)" },
    { .name = "console", .key = OPT_CONSOLE, .arg = "pty|...[,target_type=serial|virtio]",
      .values = "pty", .help = "a console (replaces the default serial console)" },
    { .name = "channel", .key = OPT_CHANNEL, .arg = "unix,name=NAME|spicevmc|pty",
      .values = "unix spicevmc pty",
      .help = "a channel (by default a guest agent channel where\n"
              "libosinfo says the OS has virtio-serial)" },
    { .name = "filesystem", .key = OPT_FILESYSTEM,
      .arg = "SOURCE,TARGET[,driver.type=virtiofs|path]",
      .help = "a host directory (virtiofs by default, with the\n"
              "shared memory it needs)" },
    { .name = "memorybacking", .key = OPT_MEMORYBACKING,
      .arg = "hugepages=on|source.type=memfd|access.mode=shared|...",
      .help = "the memory backing" },
    { .name = "host-device", .key = OPT_HOSTDEV, .arg = "DEV", .aliases = ALIASES("hostdev"),
      .help = "a host PCI or USB device: a node device name\n"
              "(pci_0000_00_19_0, usb_1_3), a PCI address, a USB\n"
              "0xVENDOR:0xPRODUCT or BUS.DEVICE" },
    { .name = "input", .key = OPT_INPUT, .arg = "tablet|mouse|keyboard[,bus=B]",
      .values = "tablet mouse keyboard", .help = "an input device" },
    { .name = "clock", .key = OPT_CLOCK, .arg = "offset=utc|localtime",
      .values = "offset=utc offset=localtime", .help = "the clock's offset" },
    { .name = "cloud-init", .key = OPT_CLOUD_INIT,
      .group = "Cloud images:",
      .help = "[user-data=FILE][,meta-data=FILE][,network-config=FILE]\n"
              "[,root-password-generate=on][,ssh-key=FILE] as the next\n"
              "word: a NoCloud seed ISO (label cidata, libisofs)\n"
              "uploaded as volume NAME-cidata.iso into the pool of\n"
              "the first new disk (else 'default'), attached as a\n"
              "CD-ROM; a generated root password is printed once" },
    { .name = "boot", .key = OPT_BOOT, .arg = "uefi|bios[,DEV...]",
      .values = "uefi bios hd cdrom network uefi,cdrom,hd",
      .group = "Firmware and boot:",
      .help = "firmware and/or boot order, DEV one of\n"
              "hd, cdrom, network (e.g. --boot uefi,cdrom,hd)" },
    { .name = "virt-type", .key = OPT_VIRT_TYPE, .arg = "kvm|qemu",
      .values = "kvm qemu",
      .help = "hardware acceleration or plain emulation\n"
              "(default kvm where the host offers it)" },
    { .name = "arch", .key = OPT_ARCH, .arg = "ARCH",
      .values = "x86_64 i686 aarch64 ppc64le s390x riscv64",
      .help = "guest architecture (default the host's)" },
    { .name = "machine", .key = OPT_MACHINE, .arg = "TYPE",
      .values = "q35 pc",
      .help = "machine type (default q35 on x86 where offered)" },
    { .name = "print-xml", .key = OPT_PRINT_XML, .group = "What to do:",
      .help = "print the domain XML and change nothing" },
    { .name = "dry-run", .key = OPT_DRY_RUN,
      .help = "check everything, create nothing" },
    { .name = "start", .key = OPT_START,
      .help = "start the new domain once defined" },
    { .name = "domcaps", .key = OPT_DOMCAPS, .arg = "FILE", .values = "@file",
      .help = "read the host's domain capabilities from FILE\n"
              "instead of asking the host (offline use, tests)" },
    { .name = "quiet", .key = 'q', .help = "no notes on stderr" },
    { .name = "noautoconsole", .key = OPT_NOAUTOCONSOLE,
      .group = "Taken with a note, no effect:",
      .help = "virtdeck never attaches a console" },
    { .name = "autoconsole", .key = OPT_AUTOCONSOLE, .arg = "TYPE",
      .help = "virtdeck never attaches a console" },
    { .name = "wait", .key = OPT_WAIT,
      .help = "virtdeck does not wait for an install (a number\n"
              "after it is taken too)" },
    { .name = "accelerate", .key = OPT_ACCELERATE, .help = "deprecated in virt-install" },
    { .name = "hvm", .key = 'v', .help = "every guest is fully virtualised" },
    { .name = "noreboot", .key = OPT_NOREBOOT, .help = "the guest starts only with --start" },
    { .name = "check", .key = OPT_CHECK, .arg = "CHECK",
      .help = "virtdeck's checks cannot be turned off" },
    { .name = "debug", .key = 'd', .help = "no effect (LIBVIRT_DEBUG=1 shows libvirt's log)" },
    { .name = "unattended", .key = OPT_UNATTENDED,
      .help = "refused: use --cloud-init with a cloud image" },
    { .name = "help", .key = 'h', .help = "show this help and exit" },
    { .name = NULL },
};

const vd_cli_cmd vd_cli_create_cmd = {
    .name = "create",
    .summary = "define a new virtual machine (virt-install's options)",
    .synopsis = "virtdeck create [-c URI] --name NAME --memory MiB [OPTION]...",
    .description = "Define a new virtual machine (and with --start, start it). The options\n"
                   "are virt-install's, under its names, short forms and older spellings;\n"
                   "the XML is built and checked exactly as the create wizard does it.",
    .epilog = "Values may not contain ','. Exit status: 0 on success, 1 when a value is\n"
              "refused or libvirt fails (nothing is left behind), 2 on a usage error.",
    .opts = create_opts_table,
};

/* A validator's message (if any) into the error buffer and released.
 * Returns 1 when there was one, 0 when the value is fine. */
static int
take_msg(vd_check_msg *msg)
{
    if (!msg)
        return 0;
    ERR("%s", msg);
    vd_check_free(msg);
    return 1;
}

/* A note about an option taken without effect, into o->notes (printed
 * by the runner unless -q). */
static void __attribute__((format(printf, 2, 3)))
add_note(vd_create_args *o, const char *fmt, ...)
{
    size_t len = strlen(o->notes);
    va_list ap;

    if (len + 2 >= sizeof(o->notes))
        return;
    va_start(ap, fmt);
    vsnprintf(o->notes + len, sizeof(o->notes) - len - 1, fmt, ap);
    va_end(ap);
    len = strlen(o->notes);
    o->notes[len] = '\n';
    o->notes[len + 1] = '\0';
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
        ERR("%s: '%s' is not a valid %s", opt, word ? word : "", key);
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
    return ERR("%s: %s '%s' is not on or off", opt, key, val), -1;
}

/* A boot order number (1..99). */
static int
parse_boot_order(const char *opt, const char *val, unsigned int *out)
{
    unsigned long long num;

    if (parse_uint(val, &num) < 0 || num < 1 || num > 99)
        return ERR("%s: boot.order '%s' is not a number from 1 to 99", opt, val), -1;
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
        ERR("%s: '%s' is not a valid %s (%s)", opt, val, key,
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
        return ERR("%s: keymap '%s' is not one QEMU knows (%s)", opt, val,
                    "en-us, de, fr, ... as in /usr/share/qemu/keymaps"), -1;
    return vd_spec_set(&g->keymap, val);
}

/* The "none" of a device option (--disk, --network; opt is its name):
 * no device of the kind. given is how many devices of the kind (others)
 * came before; *have and *none are set when it is taken. Returns 1 when
 * arg was "none" and was taken, 0 when arg is a device, -1 (with the
 * message) for "none" after other devices or a device after "none". */
static int
take_none(const char *arg, const char *opt, const char *others, int given,
          bool *have, bool *none)
{
    if (strcmp(arg, "none") == 0) {
        if (given > 0)
            return ERR("%s none: other %s were given", opt, others), -1;
        *have = true;
        *none = true;
        return 1;
    }
    if (*none)
        return ERR("%s: %s none was given", opt, opt), -1;
    return 0;
}

/* --disk (each one: the first is the main disk). */
static int
parse_disk(char *arg, vd_domain_spec *spec, vd_create_args *o)
{
    char *keys[24], *vals[24];
    vd_disk_spec disk = { 0 }, *d = &disk;
    int i, n, v, ret = -1;

    if ((n = take_none(arg, "--disk", "disks", o->ndisks, &o->have_disk,
                       &o->disk_none)) != 0)
        return n < 0 ? -1 : 0;
    if ((n = split_opts(arg, keys, vals, 24)) < 0)
        return ERR("--disk: too many options"), -1;
    for (i = 0; i < n; i++) {
        const char *k = keys[i], *val = vals[i];
        if (!val && i == 0) {           /* virt-install's bare path */
            val = k;
            k = "path";
        }
        if (!val)
            { ERR("--disk: '%s' needs a value (%s=...)", k, k); goto cleanup; }
        if (strcmp(k, "pool") == 0) {
            d->kind = VD_DISK_NEW_VOLUME;
            if (vd_spec_set(&d->pool, val) < 0)
                goto cleanup;
        } else if (strcmp(k, "size") == 0) {
            if (parse_gib(val, &d->size_bytes) < 0 || d->size_bytes == 0) {
                ERR("--disk: size '%s' is not a number of GiB", val);
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
                ERR("--disk: vol= must be POOL/VOLUME");
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
                ERR("--disk: path '%s' is not an absolute path", val);
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
                    ERR("--disk: perms '%s' is not ro, rw or sh", val);
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
            vd_check_msg *why = *val ? vd_check_disk_serial(val)
                                     : vd_check_msgf("serial must not be empty");
            if (why) {
                ERR("--disk: %s", why);
                vd_check_free(why);
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
                ERR("--disk: sparse=no is not supported (new volumes are sparse)");
                goto cleanup;
            }
        } else {
            ERR("--disk: unknown option '%s'", k);
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
        ERR("--disk: give pool=, vol=, path=, size= or none");
        goto cleanup;
    }
    if (d->backing && d->kind != VD_DISK_NEW_VOLUME) {
        ERR("--disk: backing_store= goes with pool=P,size=S (a new volume)");
        goto cleanup;
    }
    if (d->kind == VD_DISK_NEW_VOLUME && d->format == VD_FMT_UNSET)
        d->format = VD_FMT_QCOW2;
    if (d->kind == VD_DISK_NEW_VOLUME && d->size_bytes == 0 && !d->backing) {
        ERR("--disk: pool=%s needs size=GiB", d->pool);
        goto cleanup;
    }
    if (o->ndisks >= VD_CREATE_MAX_DEVS) {
        ERR("--disk: at most %d disks", VD_CREATE_MAX_DEVS);
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
parse_network(char *arg, vd_domain_spec *spec, vd_create_args *o)
{
    char *keys[16], *vals[16];
    vd_net_spec nic = { 0 }, *net = &nic;
    const char *type = NULL;
    int i, n, v, ret = -1;

    if ((n = take_none(arg, "--network", "interfaces", o->nnets, &o->have_net,
                       &o->net_none)) != 0)
        return n < 0 ? -1 : 0;
    if ((n = split_opts(arg, keys, vals, 16)) < 0)
        return ERR("--network: too many options"), -1;
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
            { ERR("--network: '%s' needs a value (%s=...)", k, k); goto cleanup; }
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
                ERR("--network: type '%s' is not network, bridge, direct or "
                     "user", val);
                goto cleanup;
            }
            type = val;
        } else if (strcmp(k, "source") == 0) {
            if (vd_spec_set(&net->source, val) < 0)
                goto cleanup;
        } else if (strcmp(k, "source_mode") == 0 || strcmp(k, "source.mode") == 0) {
            if (strcmp(val, "bridge") != 0) {
                ERR("--network: only source_mode=bridge is supported");
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
            ERR("--network: unknown option '%s'", k);
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
        ERR("--network: give network=, bridge=, type=direct,source=, user "
             "or none");
        goto cleanup;
    }
    if (net->mac) {
        vd_check_msg *m = vd_check_mac(net->mac);
        if (m) {
            ERR("--network: %s", m);
            vd_check_free(m);
            goto cleanup;
        }
    }
    if (o->nnets >= VD_CREATE_MAX_DEVS) {
        ERR("--network: at most %d interfaces", VD_CREATE_MAX_DEVS);
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
        return ERR("--graphics: %s '%s' is not a TCP port (1-65535) or -1",
                    key, val), -1;
    *out = (int)num;
    return 0;
}

/* --graphics. */
static int
parse_graphics(char *arg, vd_domain_spec *spec, vd_create_args *o)
{
    char *keys[16], *vals[16];
    vd_gfx_spec *g = &spec->gfx;
    int i, n, v;

    o->have_gfx = true;
    if ((n = split_opts(arg, keys, vals, 16)) < 0)
        return ERR("--graphics: too many options"), -1;
    for (i = 0; i < n; i++) {
        const char *k = keys[i], *val = vals[i];
        if (!val && i == 0) {
            val = k;
            k = "type";
        }
        if (!val)
            return ERR("--graphics: '%s' needs a value (%s=...)", k, k), -1;
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
            return ERR("--graphics: unknown option '%s'", k), -1;
        }
    }
    if (g->tlsport && g->kind != VD_GFX_SPICE)
        return ERR("--graphics: tlsport= is for SPICE"), -1;
    return 0;
}

/* --boot: firmware and boot order. */
static int
parse_boot(char *arg, vd_domain_spec *spec, vd_create_args *o)
{
    char *keys[16], *vals[16];
    int i, n, v;

    if ((n = split_opts(arg, keys, vals, 16)) < 0)
        return ERR("--boot: too many options"), -1;
    spec->nboot = 0;
    for (i = 0; i < n; i++) {
        const char *k = keys[i];
        if (vals[i])
            return ERR("--boot: unknown option '%s=%s'", k, vals[i]), -1;
        if (strcmp(k, "uefi") == 0 || strcmp(k, "bios") == 0) {
            spec->firmware = strcmp(k, "uefi") == 0 ? VD_FW_UEFI : VD_FW_BIOS;
            o->have_firmware = true;
        } else if ((v = vd_boot_dev_parse(k)) >= 0) {
            if (spec->nboot == VD_SPEC_MAX_BOOT)
                return ERR("--boot: at most %d boot devices", VD_SPEC_MAX_BOOT), -1;
            spec->boot[spec->nboot++] = v;
        } else {
            return ERR("--boot: '%s' is not uefi, bios, hd, cdrom or network", k), -1;
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
        return ERR("--cdrom: '%s' is neither POOL/VOLUME nor an absolute "
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
        return ERR("--location: give a URL or a directory"), -1;
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
            return ERR("--location: unknown option '%s'", k), -1;
        }
    }
    return 0;
}


/* --cloud-init [KEY=VALUE,...]. */
static int
parse_cloud_init(char *arg, vd_create_args *o)
{
    char *keys[12], *vals[12];
    int i, n;
    bool on;

    o->cloud_init = true;
    if (!arg || !*arg)
        return 0;
    if ((n = split_opts(arg, keys, vals, 12)) < 0)
        return ERR("--cloud-init: too many options"), -1;
    for (i = 0; i < n; i++) {
        const char *k = keys[i], *val = vals[i];
        if (!val)
            return ERR("--cloud-init: '%s' needs a value (%s=...)", k, k), -1;
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
                add_note(o, "--cloud-init disable=on: the seed ISO stays attached; "
                     "detach it after the first boot");
        } else {
            return ERR("--cloud-init: unknown option '%s'", k), -1;
        }
    }
    if (o->ci_user_data && (o->ci_ssh_key || o->ci_root_password))
        return ERR("--cloud-init: user-data= replaces the generated user-data: "
                    "give it alone, or ssh-key=/root-password-generate= without it"),
               -1;
    return 0;
}

/* A device option ("--rng /dev/urandom") into spec's devopts, checked. */
static int
add_devopt(vd_domain_spec *spec, const char *kind, const char *value)
{
    if (take_msg(vd_check_devopt(kind, value)))
        return -1;
    return vd_spec_add_devopt(spec, kind, value);
}

/* What create's options fill: its args, and argv, of which some
 * options take the next word as their value. */
typedef struct create_parse {
    vd_create_args *o;
    int argc;
    char **argv;
} create_parse;

/* Take one of create's options into the create_parse ctx. */
static int
create_take(void *ctx, int key, const char *carg)
{
    create_parse *p = ctx;
    vd_create_args *o = p->o;
    vd_domain_spec *spec = &o->spec;
    char *arg = (char *)carg;   /* argv's own, writable string */
    int argc = p->argc;
    char **argv = p->argv;
    unsigned long long num;
    int v;

    switch (key) {
    case 'c':
        o->uri = arg;
        break;
    case 'n':
        if (vd_spec_set(&spec->name, arg) < 0)
            return -1;
        break;
    case 'u':
        if (strlen(arg) != 36 && strlen(arg) != 32) {
            ERR("--uuid: '%s' is not a UUID", arg);
            return -1;
        }
        if (vd_spec_set(&spec->uuid, arg) < 0)
            return -1;
        break;
    case OPT_VCPUS: {
        char *comma = strchr(arg, ',');
        if (comma)          /* "2,maxvcpus=4": only the count counts */
            *comma = '\0';
        if (strncmp(arg, "vcpus=", 6) == 0)
            arg += 6;
        if (parse_uint(arg, &num) < 0 || num > 100000) {
            ERR("--vcpus: '%s' is not a number", arg);
            return -1;
        }
        if (comma)
            add_note(o, "--vcpus: only the count is used; %s is ignored", comma + 1);
        spec->vcpus = (unsigned int)num;
        o->have_vcpus = true;
        break;
    }
    case 'r':
    case OPT_MEMORY: {
        const char *opt = key == 'r' ? "--ram" : "--memory";
        char *comma = strchr(arg, ',');
        if (comma)
            *comma = '\0';
        if (strncmp(arg, "memory=", 7) == 0)
            arg += 7;
        else if (strncmp(arg, "currentMemory=", 14) == 0)
            arg += 14;
        if (parse_uint(arg, &num) < 0) {
            ERR("%s: '%s' is not a number of MiB", opt, arg);
            return -1;
        }
        if (comma) {
            ERR("%s: only a size in MiB is supported, not %s", opt, comma + 1);
            return -1;
        }
        spec->memory_mib = num;
        o->have_memory = true;
        break;
    }
    case OPT_CPU: {
        char *comma = strchr(arg, ',');
        if (comma) {
            ERR("--cpu: only a mode or a model name is supported, not '%s'",
                 comma + 1);
            return -1;
        }
        if (strcmp(arg, "host") == 0)
            arg = "host-model";
        if ((v = vd_cpu_mode_parse(arg)) >= 0) {
            spec->cpu_mode = v;
        } else if (strspn(arg, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijkl"
                          "mnopqrstuvwxyz0123456789_.-") == strlen(arg) &&
                   *arg) {
            if (vd_spec_set(&spec->cpu_model, arg) < 0)
                return -1;
        } else {
            ERR("--cpu: '%s' is not host, host-model, host-passthrough or "
                 "a CPU model name", arg);
            return -1;
        }
        break;
    }
    case OPT_OS: {
        char *comma;
        if (strncmp(arg, "detect=", 7) == 0) {
            add_note(o, "--os-variant detect=: virtdeck does not detect the OS "
                 "of an install medium; no variant is used");
            break;
        }
        if ((comma = strchr(arg, ',')))
            *comma = '\0';
        if (strncmp(arg, "name=", 5) == 0 || strncmp(arg, "id=", 3) == 0 ||
            strncmp(arg, "short-id=", 9) == 0)
            arg = strchr(arg, '=') + 1;
        if (vd_spec_set(&spec->os_variant, arg) < 0)
            return -1;
        break;
    }
    case OPT_OS_TYPE:
        add_note(o, "--os-type is deprecated in virt-install and has no effect; "
             "use --os-variant");
        break;
    case OPT_CDROM:
        o->installs++;
        if (parse_cdrom(arg, spec) < 0)
            return -1;
        break;
    case 'l':
        o->installs++;
        if (parse_location(arg, spec) < 0)
            return -1;
        break;
    case 'x':
        if (vd_spec_set(&spec->install.extra_args, arg) < 0)
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
        if (parse_disk(arg, spec, o) < 0)
            return -1;
        break;
    case OPT_NODISKS:
        if (parse_disk((char[]){ "none" }, spec, o) < 0)
            return -1;
        break;
    case 'f': {             /* --file PATH: a disk at PATH */
        char *buf = NULL;
        int rc;
        if (asprintf(&buf, "path=%s", arg) < 0)
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
            ERR("--file-size goes after --file PATH");
            return -1;
        }
        if (parse_gib(arg, &d->size_bytes) < 0 || !d->size_bytes) {
            ERR("--file-size: '%s' is not a number of GiB", arg);
            return -1;
        }
        o->path_new[o->ndisks - 1] = true;
        if (o->ndisks == 1)
            o->have_disk_size = true;
        break;
    }
    case 'w':
        if (parse_network(arg, spec, o) < 0)
            return -1;
        break;
    case OPT_NONETWORKS:
        if (parse_network((char[]){ "none" }, spec, o) < 0)
            return -1;
        break;
    case 'b': {
        char *buf = NULL;
        int rc;
        if (asprintf(&buf, "bridge=%s", arg) < 0)
            return -1;
        rc = parse_network(buf, spec, o);
        free(buf);
        if (rc < 0)
            return -1;
        break;
    }
    case 'm':
        o->legacy_mac = arg;
        break;
    case OPT_GRAPHICS:
        if (parse_graphics(arg, spec, o) < 0)
            return -1;
        break;
    case OPT_VNC:
    case OPT_SPICE:
    case OPT_NOGRAPHICS:
        o->have_gfx = true;
        spec->gfx.kind = key == OPT_VNC ? VD_GFX_VNC
                       : key == OPT_SPICE ? VD_GFX_SPICE : VD_GFX_NONE;
        break;
    case OPT_VNCPORT:
        o->have_gfx = true;
        spec->gfx.kind = VD_GFX_VNC;
        if (parse_port("--vncport", arg, &spec->gfx.port) < 0)
            return -1;
        break;
    case OPT_VNCLISTEN:
        o->have_gfx = true;
        spec->gfx.kind = VD_GFX_VNC;
        if (vd_spec_set(&spec->gfx.listen, arg) < 0)
            return -1;
        break;
    case 'k':
        if (parse_keymap("--keymap", arg, &spec->gfx) < 0)
            return -1;
        break;
    case OPT_VIDEO:
        if (strncmp(arg, "model.type=", 11) == 0)
            arg += 11;
        else if (strncmp(arg, "model=", 6) == 0)
            arg += 6;
        if (parse_enum("--video", "video model", arg, vd_video_model_parse, &v) < 0)
            return -1;
        spec->gfx.video = v;
        break;
    case OPT_BOOT:
        if (parse_boot(arg, spec, o) < 0)
            return -1;
        break;
    case OPT_VIRT_TYPE:
        if (parse_enum("--virt-type", "virtualisation type", arg,
                       vd_virt_type_parse, &v) < 0)
            return -1;
        spec->virt_type = v;
        o->have_virt_type = true;
        break;
    case 'v':
        add_note(o, "--hvm: every virtdeck guest is fully virtualised");
        break;
    case OPT_ACCELERATE:
        add_note(o, "--accelerate is deprecated in virt-install and has no "
                 "effect; KVM is used where the host offers it");
        break;
    case OPT_NOREBOOT:
        add_note(o, "--noreboot: virtdeck starts the guest only with --start");
        break;
    case OPT_ARCH:
        if (vd_spec_set(&spec->arch, arg) < 0)
            return -1;
        break;
    case OPT_MACHINE:
        if (vd_spec_set(&spec->machine, arg) < 0)
            return -1;
        break;
    case OPT_MEMBALLOON: case OPT_CLOCK: case OPT_CONTROLLER:
    case OPT_SOUND: case OPT_RNG: case OPT_TPM: case OPT_WATCHDOG:
    case OPT_SERIAL: case OPT_CONSOLE: case OPT_CHANNEL:
    case OPT_FILESYSTEM: case OPT_MEMORYBACKING: case OPT_HOSTDEV:
    case OPT_INPUT:
        if (add_devopt(spec, devopt_kinds[key - OPT_MEMBALLOON], arg) < 0)
            return -1;
        break;
    case OPT_CLOUD_INIT:
        /* "--cloud-init KEY=VALUE": the value is the next word */
        if (optind < argc && argv[optind][0] != '-' &&
            strchr(argv[optind], '='))
            arg = argv[optind++];
        if (parse_cloud_init(arg, o) < 0)
            return -1;
        break;
    case OPT_UNATTENDED:
        ERR("--unattended is not supported: use --cloud-init with a "
             "cloud image, or install from --cdrom");
        return -1;
    case OPT_PRINT_XML:
        o->print_xml = true;
        break;
    case OPT_DRY_RUN:
        o->dry_run = true;
        break;
    case OPT_START:
        o->start = true;
        break;
    case OPT_NOAUTOCONSOLE:
    case OPT_AUTOCONSOLE:
        add_note(o, "--%s: virtdeck never attaches a console; open it in the "
                 "TUI or with 'virtdeck console'",
                 key == OPT_AUTOCONSOLE ? "autoconsole" : "noautoconsole");
        break;
    case OPT_WAIT:
        if (optind < argc && argv[optind][0] != '-' &&
            strspn(argv[optind], "-0123456789") == strlen(argv[optind]))
            optind++;       /* "--wait 10" */
        add_note(o, "--wait: virtdeck does not wait for an install to end");
        break;
    case OPT_CHECK:
        add_note(o, "--check %s: virtdeck's checks cannot be turned off", arg);
        break;
    case 'q':
        o->quiet = true;
        break;
    case 'd':
        add_note(o, "--debug has no effect (LIBVIRT_DEBUG=1 shows libvirt's log)");
        break;
    case OPT_DOMCAPS:
        o->domcaps_file = arg;
        break;
    }
    return VD_CLI_RUN;
}

/* See cli_args.h. */
vd_cli_status
vd_create_args_parse(vd_create_args *o, int argc, char **argv)
{
    create_parse p = { o, argc, argv };
    vd_domain_spec *spec = &o->spec;
    int c;

    err_buf = o->err;
    err_len = sizeof(o->err);
    if (!spec->vcpus)
        spec->vcpus = 1;
    if ((c = vd_cli_parse_options(&vd_cli_create_cmd, argc, argv, create_take,
                                  &p, o->err, sizeof(o->err))) != VD_CLI_RUN)
        return c;
    if (o->installs > 1) {
        ERR("give only one of --cdrom, --location, --import and --pxe");
        return -1;
    }
    if (o->legacy_mac) {
        if (o->nnets == 0 && !o->net_none &&
            parse_network((char[]){ "default" }, spec, o) < 0)
            return -1;
        if (o->net_none) {
            ERR("--mac: --network none was given");
            return -1;
        }
        if (take_msg(vd_check_mac(o->legacy_mac)) ||
            vd_spec_set(&spec->net.mac, o->legacy_mac) < 0)
            return -1;
    }
    return VD_CLI_RUN;
}

/* See cli_args.h. */
void
vd_create_args_clear(vd_create_args *a)
{
    vd_domain_spec_clear(&a->spec);
}
