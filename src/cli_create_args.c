/*
 * cli_create_args.c: the command line of `virtdeck create` (its option
 * table, after virt-install's syntax, and its parser into a
 * vd_domain_spec). The parser never prints: src/cli_create.c runs what
 * it parsed.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "virtdeck/domspec.h"
#include "cli_args.h"

/* A refusal's message into o->err (for `return ERR(...), -1`). */
#define ERR(...) vd_cli_errf(o->err, sizeof(o->err), __VA_ARGS__)

enum {
    OPT_VCPUS = 256, OPT_MEMORY, OPT_CPU, OPT_OS, OPT_CDROM, OPT_LOCATION,
    OPT_EXTRA, OPT_IMPORT, OPT_PXE, OPT_DISK, OPT_NETWORK, OPT_GRAPHICS,
    OPT_VIDEO, OPT_BOOT, OPT_VIRT_TYPE, OPT_ARCH, OPT_MACHINE,
    OPT_PRINT_XML, OPT_DRY_RUN, OPT_START, OPT_DOMCAPS,
};

static const vd_cli_opt create_opts_table[] = {
    { .name = "connect", .key = 'c', .arg = "URI", .values = "@hosts",
      .help = "libvirt URI (default $LIBVIRT_DEFAULT_URI or\nqemu:///system)" },
    { .name = "name", .key = 'n', .arg = "NAME", .help = "the new domain's name" },
    { .name = "vcpus", .key = OPT_VCPUS, .arg = "N",
      .help = "virtual CPUs (default 1, or the OS's recommendation)" },
    { .name = "memory", .key = OPT_MEMORY, .arg = "MiB",
      .aliases = (const char *const[]){ "ram", NULL },
      .help = "memory in MiB" },
    { .name = "cpu", .key = OPT_CPU, .arg = "MODE",
      .values = "host-passthrough host-model default",
      .help = "host-passthrough, host-model or default" },
    { .name = "os-variant", .key = OPT_OS, .arg = "ID", .values = "@osinfo",
      .aliases = (const char *const[]){ "osinfo", NULL },
      .help = "libosinfo short id (debian12, win11, ...): sets\n"
              "recommended memory, vCPUs, disk size, disk bus,\n"
              "NIC model where not given; 'generic' for none" },
    { .name = "cdrom", .key = OPT_CDROM, .arg = "SOURCE",
      .group = "Install source (one of):",
      .help = "an ISO: POOL/VOLUME, or an absolute path on the host" },
    { .name = "location", .key = OPT_LOCATION,
      .arg = "URL[,kernel=PATH,initrd=PATH]",
      .help = "network install tree (http://, https://, ftp://,\n"
              "nfs: or a directory on the host); the kernel and\n"
              "initrd are files on the host (found in a local\n"
              "tree when not given)" },
    { .name = "extra-args", .key = OPT_EXTRA, .arg = "ARGS",
      .help = "kernel command line for --location" },
    { .name = "import", .key = OPT_IMPORT,
      .help = "the disk already holds an installed system" },
    { .name = "pxe", .key = OPT_PXE, .help = "boot from the network" },
    { .name = "disk", .key = OPT_DISK, .arg = "SPEC",
      .values = "pool= vol= path= none", .group = "Storage (one --disk):",
      .help = "one of:\n"
              "  pool=POOL,size=GiB[,format=qcow2|raw][,bus=virtio|sata|scsi]\n"
              "    [,cache=none|writethrough|writeback|directsync|unsafe][,name=VOLUME]\n"
              "    a new volume (default name NAME.qcow2 / NAME.img)\n"
              "  vol=POOL/VOLUME[,bus=...][,cache=...]   an existing volume\n"
              "  path=FILE[,bus=...][,cache=...]   a file or device on the host\n"
              "  none   no disk" },
    { .name = "network", .key = OPT_NETWORK, .arg = "SPEC",
      .values = "network= bridge= type=direct,source= none",
      .group = "Network (one --network):",
      .help = "one of:\n"
              "  network=NAME[,model=virtio|e1000e|e1000|rtl8139][,mac=MAC]\n"
              "  bridge=BRIDGE[,model=...][,mac=...]\n"
              "  type=direct,source=IFACE[,model=...][,mac=...]   macvtap\n"
              "  none" },
    { .name = "graphics", .key = OPT_GRAPHICS,
      .arg = "vnc|spice|none[,listen=ADDRESS][,password=PASSWORD]",
      .values = "vnc spice none", .group = "Display:",
      .help = "the graphical console" },
    { .name = "video", .key = OPT_VIDEO, .arg = "MODEL",
      .values = "vga virtio qxl bochs cirrus none",
      .help = "video model: vga, virtio, qxl, bochs, cirrus or none" },
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
    { .name = "help", .key = 'h', .help = "show this help and exit" },
    { .name = NULL },
};

const vd_cli_cmd vd_cli_create_cmd = {
    .name = "create",
    .summary = "define a new virtual machine (virt-install's options)",
    .synopsis = "virtdeck create [-c URI] --name NAME --memory MiB [OPTION]...",
    .description = "Define a new virtual machine (and with --start, start it). The options\n"
                   "follow virt-install's syntax; the XML is built and checked exactly as\n"
                   "the create wizard does it.",
    .epilog = "Values may not contain ','. Exit status: 0 on success, 1 when a value is\n"
              "refused or libvirt fails (nothing is left behind), 2 on a usage error.",
    .opts = create_opts_table,
};

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
parse_enum(vd_create_args *o, const char *opt, const char *key,
           const char *word, int (*parse)(const char *), int *field)
{
    int v = parse(word);

    if (v < 0) {
        ERR("%s: '%s' is not a valid %s", opt, word ? word : "", key);
        return -1;
    }
    *field = v;
    return 0;
}

/* --disk. */
static int
parse_disk(char *arg, vd_create_args *o)
{
    vd_domain_spec *spec = &o->spec;
    char *keys[16], *vals[16];
    vd_disk_spec *d = &spec->disk;
    int i, n, v;

    o->have_disk = true;
    if (strcmp(arg, "none") == 0) {
        d->kind = VD_DISK_NONE;
        return 0;
    }
    if (arg[0] == '/') {        /* virt-install's bare path */
        d->kind = VD_DISK_PATH;
        return vd_spec_set(&d->path, arg);
    }
    if ((n = split_opts(arg, keys, vals, 16)) < 0)
        return ERR("--disk: too many options"), -1;
    for (i = 0; i < n; i++) {
        const char *k = keys[i], *val = vals[i];
        if (!val)
            return ERR("--disk: '%s' needs a value (%s=...)", k, k), -1;
        if (strcmp(k, "pool") == 0) {
            d->kind = VD_DISK_NEW_VOLUME;
            if (vd_spec_set(&d->pool, val) < 0)
                return -1;
        } else if (strcmp(k, "size") == 0) {
            if (parse_gib(val, &d->size_bytes) < 0)
                return ERR("--disk: size '%s' is not a number of GiB", val), -1;
            o->have_disk_size = true;
        } else if (strcmp(k, "format") == 0) {
            if (parse_enum(o, "--disk", "format", val, vd_disk_format_parse, &v) < 0)
                return -1;
            d->format = v;
        } else if (strcmp(k, "bus") == 0) {
            if (parse_enum(o, "--disk", "bus", val, vd_disk_bus_parse, &v) < 0)
                return -1;
            d->bus = v;
            o->have_disk_bus = true;
        } else if (strcmp(k, "cache") == 0) {
            if (parse_enum(o, "--disk", "cache mode", val, vd_disk_cache_parse, &v) < 0)
                return -1;
            d->cache = v;
        } else if (strcmp(k, "name") == 0) {
            if (vd_spec_set(&d->volume, val) < 0)
                return -1;
        } else if (strcmp(k, "vol") == 0) {
            const char *slash = strchr(val, '/');
            if (!slash || slash == val || !slash[1])
                return ERR("--disk: vol= must be POOL/VOLUME"), -1;
            d->kind = VD_DISK_VOLUME;
            if (vd_spec_set(&d->volume, slash + 1) < 0)
                return -1;
            ((char *)slash)[0] = '\0';
            if (vd_spec_set(&d->pool, val) < 0)
                return -1;
        } else if (strcmp(k, "path") == 0) {
            d->kind = VD_DISK_PATH;
            if (vd_spec_set(&d->path, val) < 0)
                return -1;
        } else {
            return ERR("--disk: unknown option '%s'", k), -1;
        }
    }
    if (d->kind == VD_DISK_NONE)
        return ERR("--disk: give pool=, vol=, path= or none"), -1;
    if (d->kind == VD_DISK_NEW_VOLUME && d->format == VD_FMT_UNSET)
        d->format = VD_FMT_QCOW2;
    return 0;
}

/* --network. */
static int
parse_network(char *arg, vd_create_args *o)
{
    vd_domain_spec *spec = &o->spec;
    char *keys[16], *vals[16];
    vd_net_spec *net = &spec->net;
    bool direct = false;
    int i, n, v;

    o->have_net = true;
    if (strcmp(arg, "none") == 0) {
        net->kind = VD_NET_NONE;
        return 0;
    }
    if ((n = split_opts(arg, keys, vals, 16)) < 0)
        return ERR("--network: too many options"), -1;
    for (i = 0; i < n; i++) {
        const char *k = keys[i], *val = vals[i];
        if (!val)
            return ERR("--network: '%s' needs a value (%s=...)", k, k), -1;
        if (strcmp(k, "network") == 0) {
            net->kind = VD_NET_NETWORK;
            if (vd_spec_set(&net->source, val) < 0)
                return -1;
        } else if (strcmp(k, "bridge") == 0) {
            net->kind = VD_NET_BRIDGE;
            if (vd_spec_set(&net->source, val) < 0)
                return -1;
        } else if (strcmp(k, "type") == 0) {
            if (strcmp(val, "direct") != 0 && strcmp(val, "network") != 0 &&
                strcmp(val, "bridge") != 0)
                return ERR("--network: type '%s' is not network, bridge or "
                            "direct", val), -1;
            direct = strcmp(val, "direct") == 0;
        } else if (strcmp(k, "source") == 0) {
            if (vd_spec_set(&net->source, val) < 0)
                return -1;
        } else if (strcmp(k, "source_mode") == 0 || strcmp(k, "source.mode") == 0) {
            if (strcmp(val, "bridge") != 0)
                return ERR("--network: only source_mode=bridge is supported"), -1;
        } else if (strcmp(k, "model") == 0 || strcmp(k, "model.type") == 0) {
            if (parse_enum(o, "--network", "NIC model", val, vd_nic_model_parse, &v) < 0)
                return -1;
            net->model = v;
            o->have_nic_model = true;
        } else if (strcmp(k, "mac") == 0 || strcmp(k, "mac.address") == 0) {
            if (vd_spec_set(&net->mac, val) < 0)
                return -1;
        } else {
            return ERR("--network: unknown option '%s'", k), -1;
        }
    }
    if (direct)
        net->kind = VD_NET_MACVTAP;
    if (net->kind == VD_NET_NONE)
        return ERR("--network: give network=, bridge=, type=direct,source= "
                    "or none"), -1;
    return 0;
}

/* --graphics. */
static int
parse_graphics(char *arg, vd_create_args *o)
{
    vd_domain_spec *spec = &o->spec;
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
            if (parse_enum(o, "--graphics", "graphics type", val, vd_gfx_kind_parse, &v) < 0)
                return -1;
            g->kind = v;
        } else if (strcmp(k, "listen") == 0) {
            if (vd_spec_set(&g->listen, val) < 0)
                return -1;
        } else if (strcmp(k, "password") == 0 || strcmp(k, "passwd") == 0) {
            if (vd_spec_set(&g->password, val) < 0)
                return -1;
        } else {
            return ERR("--graphics: unknown option '%s'", k), -1;
        }
    }
    return 0;
}

/* --boot: firmware and boot order. */
static int
parse_boot(char *arg, vd_create_args *o)
{
    vd_domain_spec *spec = &o->spec;
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
parse_cdrom(const char *arg, vd_create_args *o)
{
    vd_domain_spec *spec = &o->spec;
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
parse_location(char *arg, vd_create_args *o)
{
    vd_domain_spec *spec = &o->spec;
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

/* Parse argv into o. */
vd_cli_status
vd_create_args_parse(vd_create_args *o, int argc, char **argv)
{
    vd_domain_spec *spec = &o->spec;
    unsigned long long num;
    vd_cli_getopt g;
    const char *carg;
    int c, v;

    if (!spec->vcpus)
        spec->vcpus = 1;
    vd_cli_getopt_init(&g, &vd_cli_create_cmd);
    while ((c = vd_cli_next(&g, argc, argv, &carg, o->err, sizeof(o->err))) != -1) {
        char *arg = (char *)carg;   /* argv's own, writable string */

        switch (c) {
        case 'c':
            o->uri = arg;
            break;
        case 'n':
            if (vd_spec_set(&spec->name, arg) < 0)
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
            spec->vcpus = (unsigned int)num;
            o->have_vcpus = true;
            break;
        }
        case OPT_MEMORY:
            if (strncmp(arg, "memory=", 7) == 0)
                arg += 7;
            if (parse_uint(arg, &num) < 0) {
                ERR("--memory: '%s' is not a number of MiB", arg);
                return -1;
            }
            spec->memory_mib = num;
            o->have_memory = true;
            break;
        case OPT_CPU:
            if (strcmp(arg, "host") == 0)
                arg = "host-model";
            if (parse_enum(o, "--cpu", "CPU mode", arg, vd_cpu_mode_parse, &v) < 0)
                return -1;
            spec->cpu_mode = v;
            break;
        case OPT_OS:
            if (strncmp(arg, "name=", 5) == 0 || strncmp(arg, "id=", 3) == 0)
                arg = strchr(arg, '=') + 1;
            if (vd_spec_set(&spec->os_variant, arg) < 0)
                return -1;
            break;
        case OPT_CDROM:
            o->installs++;
            if (parse_cdrom(arg, o) < 0)
                return -1;
            break;
        case OPT_LOCATION:
            o->installs++;
            if (parse_location(arg, o) < 0)
                return -1;
            break;
        case OPT_EXTRA:
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
            if (o->have_disk) {
                ERR("--disk: only one disk is supported");
                return -1;
            }
            if (parse_disk(arg, o) < 0)
                return -1;
            break;
        case OPT_NETWORK:
            if (o->have_net) {
                ERR("--network: only one network interface is supported");
                return -1;
            }
            if (parse_network(arg, o) < 0)
                return -1;
            break;
        case OPT_GRAPHICS:
            if (parse_graphics(arg, o) < 0)
                return -1;
            break;
        case OPT_VIDEO:
            if (strncmp(arg, "model.type=", 11) == 0)
                arg += 11;
            else if (strncmp(arg, "model=", 6) == 0)
                arg += 6;
            if (parse_enum(o, "--video", "video model", arg, vd_video_model_parse, &v) < 0)
                return -1;
            spec->gfx.video = v;
            break;
        case OPT_BOOT:
            if (parse_boot(arg, o) < 0)
                return -1;
            break;
        case OPT_VIRT_TYPE:
            if (parse_enum(o, "--virt-type", "virtualisation type", arg,
                           vd_virt_type_parse, &v) < 0)
                return -1;
            spec->virt_type = v;
            o->have_virt_type = true;
            break;
        case OPT_ARCH:
            if (vd_spec_set(&spec->arch, arg) < 0)
                return -1;
            break;
        case OPT_MACHINE:
            if (vd_spec_set(&spec->machine, arg) < 0)
                return -1;
            break;
        case OPT_PRINT_XML:
            o->print_xml = true;
            break;
        case OPT_DRY_RUN:
            o->dry_run = true;
            break;
        case OPT_START:
            o->start = true;
            break;
        case OPT_DOMCAPS:
            o->domcaps_file = arg;
            break;
        case 'h':
            return VD_CLI_HELP;
        default:
            return VD_CLI_USAGE;
        }
    }
    if (vd_cli_no_operands(argc, argv, o->err, sizeof(o->err)) != VD_CLI_RUN)
        return VD_CLI_USAGE;
    if (o->installs > 1)
        return ERR("give only one of --cdrom, --location, --import and --pxe");
    return VD_CLI_RUN;
}

/* Release what the parser allocated. */
void
vd_create_args_clear(vd_create_args *o)
{
    vd_domain_spec_clear(&o->spec);
}
