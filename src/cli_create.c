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

#include "virtdeck/create.h"
#include "virtdeck/domspec.h"
#include "virtdeck/journal.h"
#include "virtdeck/osinfo.h"
#include "cli.h"

#define PROG "virtdeck create"

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
    int installs;               /* how many install options were given */
} create_opts;

/* Print a message prefixed with the command's name; returns 1 (the
 * exit status of a failure). */
/* The last message fail() printed, for the journal. */
static char last_failure[1024];

static int
fail(const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, "%s: ", PROG);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    va_start(ap, fmt);          /* for the journal */
    vsnprintf(last_failure, sizeof(last_failure), fmt, ap);
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
    fprintf(out,
"Usage: virtdeck create [-c URI] --name NAME --memory MiB [OPTION]...\n"
"Define a new virtual machine (and with --start, start it). The options\n"
"follow virt-install's syntax; the XML is built and checked exactly as\n"
"the create wizard does it.\n"
"\n"
"  -c, --connect URI        libvirt URI (default $LIBVIRT_DEFAULT_URI or\n"
"                           qemu:///system)\n"
"  -n, --name NAME          the new domain's name\n"
"      --vcpus N            virtual CPUs (default 1, or the OS's recommendation)\n"
"      --memory MiB         memory in MiB\n"
"      --cpu MODE           host-passthrough, host-model or default\n"
"      --os-variant ID      libosinfo short id (debian12, win11, ...): sets\n"
"                           recommended memory, vCPUs, disk size, disk bus,\n"
"                           NIC model where not given; 'generic' for none\n"
"\n"
"Install source (one of):\n"
"      --cdrom SOURCE       an ISO: POOL/VOLUME, or an absolute path on the host\n"
"      --location URL[,kernel=PATH,initrd=PATH]\n"
"                           network install tree (http://, https://, ftp://,\n"
"                           nfs: or a directory on the host); the kernel and\n"
"                           initrd are files on the host (found in a local\n"
"                           tree when not given)\n"
"      --extra-args ARGS    kernel command line for --location\n"
"      --import             the disk already holds an installed system\n"
"      --pxe                boot from the network\n"
"\n"
"Storage (one --disk):\n"
"      --disk pool=POOL,size=GiB[,format=qcow2|raw][,bus=virtio|sata|scsi]\n"
"             [,cache=none|writethrough|writeback|directsync|unsafe][,name=VOLUME]\n"
"                           a new volume (default name NAME.qcow2 / NAME.img)\n"
"      --disk vol=POOL/VOLUME[,bus=...][,cache=...]   an existing volume\n"
"      --disk path=FILE[,bus=...][,cache=...]         a file or device on the host\n"
"      --disk none          no disk\n"
"\n"
"Network (one --network):\n"
"      --network network=NAME[,model=virtio|e1000e|e1000|rtl8139][,mac=MAC]\n"
"      --network bridge=BRIDGE[,model=...][,mac=...]\n"
"      --network type=direct,source=IFACE[,model=...][,mac=...]   macvtap\n"
"      --network none\n"
"\n"
"Display:\n"
"      --graphics vnc|spice|none[,listen=ADDRESS][,password=PASSWORD]\n"
"      --video vga|virtio|qxl|bochs|cirrus|none\n"
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
"  -h, --help               show this help and exit\n"
"\n"
"Values may not contain ','. Exit status: 0 on success, 1 when a value is\n"
"refused or libvirt fails (nothing is left behind), 2 on a usage error.\n");
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

/* --disk. */
static int
parse_disk(char *arg, vd_domain_spec *spec, create_opts *o)
{
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
        return fail("--disk: too many options"), -1;
    for (i = 0; i < n; i++) {
        const char *k = keys[i], *val = vals[i];
        if (!val)
            return fail("--disk: '%s' needs a value (%s=...)", k, k), -1;
        if (strcmp(k, "pool") == 0) {
            d->kind = VD_DISK_NEW_VOLUME;
            if (vd_spec_set(&d->pool, val) < 0)
                return -1;
        } else if (strcmp(k, "size") == 0) {
            if (parse_gib(val, &d->size_bytes) < 0)
                return fail("--disk: size '%s' is not a number of GiB", val), -1;
            o->have_disk_size = true;
        } else if (strcmp(k, "format") == 0) {
            if (parse_enum("--disk", "format", val, vd_disk_format_parse, &v) < 0)
                return -1;
            d->format = v;
        } else if (strcmp(k, "bus") == 0) {
            if (parse_enum("--disk", "bus", val, vd_disk_bus_parse, &v) < 0)
                return -1;
            d->bus = v;
            o->have_disk_bus = true;
        } else if (strcmp(k, "cache") == 0) {
            if (parse_enum("--disk", "cache mode", val, vd_disk_cache_parse, &v) < 0)
                return -1;
            d->cache = v;
        } else if (strcmp(k, "name") == 0) {
            if (vd_spec_set(&d->volume, val) < 0)
                return -1;
        } else if (strcmp(k, "vol") == 0) {
            const char *slash = strchr(val, '/');
            if (!slash || slash == val || !slash[1])
                return fail("--disk: vol= must be POOL/VOLUME"), -1;
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
            return fail("--disk: unknown option '%s'", k), -1;
        }
    }
    if (d->kind == VD_DISK_NONE)
        return fail("--disk: give pool=, vol=, path= or none"), -1;
    if (d->kind == VD_DISK_NEW_VOLUME && d->format == VD_FMT_UNSET)
        d->format = VD_FMT_QCOW2;
    return 0;
}

/* --network. */
static int
parse_network(char *arg, vd_domain_spec *spec, create_opts *o)
{
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
        return fail("--network: too many options"), -1;
    for (i = 0; i < n; i++) {
        const char *k = keys[i], *val = vals[i];
        if (!val)
            return fail("--network: '%s' needs a value (%s=...)", k, k), -1;
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
                return fail("--network: type '%s' is not network, bridge or "
                            "direct", val), -1;
            direct = strcmp(val, "direct") == 0;
        } else if (strcmp(k, "source") == 0) {
            if (vd_spec_set(&net->source, val) < 0)
                return -1;
        } else if (strcmp(k, "source_mode") == 0 || strcmp(k, "source.mode") == 0) {
            if (strcmp(val, "bridge") != 0)
                return fail("--network: only source_mode=bridge is supported"), -1;
        } else if (strcmp(k, "model") == 0 || strcmp(k, "model.type") == 0) {
            if (parse_enum("--network", "NIC model", val, vd_nic_model_parse, &v) < 0)
                return -1;
            net->model = v;
            o->have_nic_model = true;
        } else if (strcmp(k, "mac") == 0 || strcmp(k, "mac.address") == 0) {
            if (vd_spec_set(&net->mac, val) < 0)
                return -1;
        } else {
            return fail("--network: unknown option '%s'", k), -1;
        }
    }
    if (direct)
        net->kind = VD_NET_MACVTAP;
    if (net->kind == VD_NET_NONE)
        return fail("--network: give network=, bridge=, type=direct,source= "
                    "or none"), -1;
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
        } else {
            return fail("--graphics: unknown option '%s'", k), -1;
        }
    }
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
    };
    static const struct option longopts[] = {
        { "connect", required_argument, NULL, 'c' },
        { "name", required_argument, NULL, 'n' },
        { "vcpus", required_argument, NULL, OPT_VCPUS },
        { "memory", required_argument, NULL, OPT_MEMORY },
        { "ram", required_argument, NULL, OPT_MEMORY },
        { "cpu", required_argument, NULL, OPT_CPU },
        { "os-variant", required_argument, NULL, OPT_OS },
        { "osinfo", required_argument, NULL, OPT_OS },
        { "cdrom", required_argument, NULL, OPT_CDROM },
        { "location", required_argument, NULL, OPT_LOCATION },
        { "extra-args", required_argument, NULL, OPT_EXTRA },
        { "import", no_argument, NULL, OPT_IMPORT },
        { "pxe", no_argument, NULL, OPT_PXE },
        { "disk", required_argument, NULL, OPT_DISK },
        { "network", required_argument, NULL, OPT_NETWORK },
        { "graphics", required_argument, NULL, OPT_GRAPHICS },
        { "video", required_argument, NULL, OPT_VIDEO },
        { "boot", required_argument, NULL, OPT_BOOT },
        { "virt-type", required_argument, NULL, OPT_VIRT_TYPE },
        { "arch", required_argument, NULL, OPT_ARCH },
        { "machine", required_argument, NULL, OPT_MACHINE },
        { "print-xml", no_argument, NULL, OPT_PRINT_XML },
        { "dry-run", no_argument, NULL, OPT_DRY_RUN },
        { "start", no_argument, NULL, OPT_START },
        { "domcaps", required_argument, NULL, OPT_DOMCAPS },
        { "help", no_argument, NULL, 'h' },
        { NULL, 0, NULL, 0 },
    };
    unsigned long long num;
    int c, v;

    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":c:n:h", longopts, NULL)) != -1) {
        switch (c) {
        case 'c':
            o->uri = optarg;
            break;
        case 'n':
            if (vd_spec_set(&spec->name, optarg) < 0)
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
            spec->vcpus = (unsigned int)num;
            o->have_vcpus = true;
            break;
        }
        case OPT_MEMORY:
            if (strncmp(optarg, "memory=", 7) == 0)
                optarg += 7;
            if (parse_uint(optarg, &num) < 0) {
                fail("--memory: '%s' is not a number of MiB", optarg);
                return -1;
            }
            spec->memory_mib = num;
            o->have_memory = true;
            break;
        case OPT_CPU:
            if (strcmp(optarg, "host") == 0)
                optarg = "host-model";
            if (parse_enum("--cpu", "CPU mode", optarg, vd_cpu_mode_parse, &v) < 0)
                return -1;
            spec->cpu_mode = v;
            break;
        case OPT_OS:
            if (strncmp(optarg, "name=", 5) == 0 || strncmp(optarg, "id=", 3) == 0)
                optarg = strchr(optarg, '=') + 1;
            if (vd_spec_set(&spec->os_variant, optarg) < 0)
                return -1;
            break;
        case OPT_CDROM:
            o->installs++;
            if (parse_cdrom(optarg, spec) < 0)
                return -1;
            break;
        case OPT_LOCATION:
            o->installs++;
            if (parse_location(optarg, spec) < 0)
                return -1;
            break;
        case OPT_EXTRA:
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
            if (o->have_disk) {
                fail("--disk: only one disk is supported");
                return -1;
            }
            if (parse_disk(optarg, spec, o) < 0)
                return -1;
            break;
        case OPT_NETWORK:
            if (o->have_net) {
                fail("--network: only one network interface is supported");
                return -1;
            }
            if (parse_network(optarg, spec, o) < 0)
                return -1;
            break;
        case OPT_GRAPHICS:
            if (parse_graphics(optarg, spec, o) < 0)
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
        case OPT_ARCH:
            if (vd_spec_set(&spec->arch, optarg) < 0)
                return -1;
            break;
        case OPT_MACHINE:
            if (vd_spec_set(&spec->machine, optarg) < 0)
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
        fail("--os-variant: there is no OS variant '%s' in the libosinfo "
             "database (osinfo-query os lists them)", spec->os_variant);
        goto cleanup;
    }
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

/* Check every field against the host. 0 or 1 (message printed). */
static int
check_against_host(virConnectPtr conn, const char *uri, vd_domain_spec *spec,
                   const vd_host_caps *caps)
{
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

    switch (spec->disk.kind) {
    case VD_DISK_NEW_VOLUME: {
        virStoragePoolInfo info;
        char *volname = vd_spec_new_volume_name(spec);
        virStoragePoolPtr p;
        int bad;

        if (!volname) {
            fail("out of memory");
            goto cleanup;
        }
        bad = check_pool_volume(&pl, spec->disk.pool, volname, false, NULL);
        free(volname);
        if (bad)
            goto cleanup;
        p = find_pool(&pl, spec->disk.pool);
        if (virStoragePoolGetInfo(p, &info) < 0) {
            fail("pool '%s': %s", spec->disk.pool, virt_error());
            goto cleanup;
        }
        if (report(vd_check_disk_size(spec->disk.size_bytes, spec->disk.pool,
                                      info.available, true)))
            goto cleanup;
        break;
    }
    case VD_DISK_VOLUME:
        if (check_pool_volume(&pl, spec->disk.pool, spec->disk.volume, true,
                              &spec->disk.format))
            goto cleanup;
        break;
    case VD_DISK_PATH: {
        const char *dot = strrchr(spec->disk.path, '.');
        if (dot && (strcmp(dot, ".qcow2") == 0 || strcmp(dot, ".qcow") == 0))
            spec->disk.format = VD_FMT_QCOW2;
        if (report(vd_check_host_path(spec->disk.path,
                                      host_has_file(conn, local, spec->disk.path,
                                                    &spec->disk.format))))
            goto cleanup;
        break;
    }
    default:
        break;
    }

    if (spec->net.kind == VD_NET_NETWORK) {
        virNetworkPtr *nets = NULL;
        const char **nnames;
        bool *active;
        int n = virConnectListAllNetworks(conn, &nets, 0), bad;

        if (n < 0) {
            fail("cannot list the networks: %s", virt_error());
            goto cleanup;
        }
        nnames = calloc(n + 1, sizeof(*nnames));
        active = calloc(n + 1, sizeof(*active));
        for (i = 0; nnames && active && i < n; i++) {
            nnames[i] = virNetworkGetName(nets[i]);
            active[i] = virNetworkIsActive(nets[i]) == 1;
        }
        bad = nnames && active
            ? report(vd_check_network(spec->net.source, nnames, active, (size_t)n))
            : (fail("out of memory"), 1);
        for (i = 0; i < n; i++)
            virNetworkFree(nets[i]);
        free(nets);
        free(nnames);
        free(active);
        if (bad)
            goto cleanup;
    }
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
    if (spec->net.kind == VD_NET_NETWORK || spec->net.kind == VD_NET_NONE) {
        /* names of virtual networks are libvirt's business */
    } else if (report(vd_check_ifname(spec->net.source))) {
        return 1;
    }
    if (report(vd_check_mac(spec->net.mac)) ||
        report(vd_check_listen(spec->gfx.listen)) ||
        report(vd_check_password(spec->gfx.password, spec->gfx.kind)))
        return 1;
    if (spec->install.kind == VD_INSTALL_IMPORT &&
        spec->disk.kind != VD_DISK_VOLUME && spec->disk.kind != VD_DISK_PATH)
        return fail("importing needs an existing disk (a volume or a path)");
    return 0;
}

/* The journal's entry for this create: what was asked, without the
 * graphics password (vd_journal_arg redacts it by name). */
static vd_journal_entry *
journal_entry(const vd_domain_spec *spec, const create_opts *o)
{
    vd_journal_entry *e = vd_journal_action_new(o->uri, o->uri, "domain",
                                                spec->name, NULL,
                                                o->start ? "create and start"
                                                         : "create");
    char buf[64];

    if (!e)
        return NULL;
    snprintf(buf, sizeof(buf), "%u", spec->vcpus);
    vd_journal_arg(e, "vcpus", buf);
    snprintf(buf, sizeof(buf), "%llu", (unsigned long long)spec->memory_mib);
    vd_journal_arg(e, "memory_mib", buf);
    if (spec->os_variant)
        vd_journal_arg(e, "os_variant", spec->os_variant);
    if (spec->disk.pool)
        vd_journal_arg(e, "disk_pool", spec->disk.pool);
    if (spec->disk.path)
        vd_journal_arg(e, "disk_path", spec->disk.path);
    if (spec->net.source)
        vd_journal_arg(e, "network", spec->net.source);
    if (spec->gfx.password)
        vd_journal_arg(e, "graphics_password", spec->gfx.password);
    return e;
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
    vd_journal_entry *je = NULL;
    long long start_ms = 0;
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

    /* from here on, what happens is an action on the host: journaled */
    if (!o.print_xml && !o.dry_run) {
        const char *jerr = NULL;
        if (vd_journal_init("create", &jerr) < 0)
            fprintf(stderr, "%s: warning: no journal: %s\n", PROG, jerr);
        start_ms = vd_journal_now_ms();
        je = journal_entry(&spec, &o);
    }
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
    if (check_against_host(conn, o.uri, &spec, have_caps ? &caps : NULL))
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
    if (vd_create(conn, &spec, have_caps ? &caps : NULL,
                  o.start ? VD_CREATE_START : 0, uuid, &err) < 0) {
        fail("%s", err ? err : "creation failed");
        goto cleanup;
    }
    printf("Domain '%s' %s (UUID %s).\n", spec.name,
           o.start ? "created and started" : "created", uuid);
    snprintf(last_failure, sizeof(last_failure), "%s %s", spec.name,
             o.start ? "created and started" : "created");
    if (je && !je->uuid)
        je->uuid = strdup(uuid);
    ret = 0;

 cleanup:
    if (je) {
        vd_journal_action_done(je, start_ms, ret == 0, last_failure);
        vd_journal_shutdown(5000);
        {
            char *jmsg = vd_journal_take_error();
            if (jmsg)
                fprintf(stderr, "%s: warning: %s\n", PROG, jmsg);
            free(jmsg);
        }
    }
    free(err);
    free(xml);
    if (conn)
        virConnectClose(conn);
    vd_host_caps_clear(&caps);
    vd_domain_spec_clear(&spec);
    return ret;
}
