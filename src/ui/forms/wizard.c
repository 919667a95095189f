/*
 * wizard.c: the create wizard (issue 5): nine pages of one form, every
 * field checked as it is typed with the core's vd_check_* functions
 * against the host's snapshot and facts, a review page with the
 * generated XML, then VD_CMD_DOM_CREATE on the host's worker.
 *
 * Facts beyond the snapshot (domain capabilities, the pools' volumes)
 * come from VD_CMD_CREATE_FACTS when the wizard opens; whether a path
 * exists on the host comes from VD_CMD_PATH_EXISTS, cached per path.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "virtdeck/createfacts.h"
#include "virtdeck/devopts.h"
#include "virtdeck/domspec.h"
#include "virtdeck/osinfo.h"
#include "ui/widgets/dialog.h"
#include "ui/widgets/draw.h"
#include "ui/widgets/form.h"
#include "ui/widgets/table.h"
#include "ui/forms/wizard.h"

#define MAX_PATHS 64

/* A path the host was asked about. */
typedef struct path_state {
    char *path;
    char answer;                /* '1', '0', '?', or 0 while asked */
} path_state;

typedef struct wizard {
    vd_app *app;
    size_t host;                /* index into app->hosts */
    vd_form *form;
    vd_create_facts *facts;     /* NULL until the answer comes */
    bool facts_failed;
    path_state paths[MAX_PATHS];
    size_t npaths;
    char *xml;                  /* the XML of the last review */
    unsigned long long new_bytes; /* the new volume's size, 0 none */
    char *xml_error;            /* why no XML could be built */
    bool start;                 /* the pending create also starts */
    bool os_loaded;             /* the OS list arrived */
    char *os_short;             /* the variant whose recommendations came */
    char *os_full;              /* ... and its full id */
} wizard;


/* ---- choices ---- */

enum { INST_VOL, INST_PATH, INST_URL, INST_IMPORT, INST_PXE };
static const char *const inst_labels[] = {
    "ISO volume from a pool", "ISO file on the host", "Network install (URL)",
    "Import an existing disk", "PXE (network boot)",
};
enum { DISK_NEW, DISK_VOL, DISK_PATH, DISK_NONE };
static const char *const disk_labels[] = {
    "New volume in a pool", "Existing volume", "File or device on the host",
    "None",
};
enum { NET_NETWORK, NET_BRIDGE, NET_MACVTAP, NET_NONE };
static const char *const net_labels[] = {
    "Virtual network", "Host bridge", "macvtap on a host interface", "None",
};
static const char *const cpu_labels[] = {
    "Hypervisor default", "host-passthrough", "host-model",
};
static const char *const cpu_values[] = { "default", "host-passthrough", "host-model" };
static const char *const fmt_labels[] = { "qcow2", "raw" };
static const char *const bus_labels[] = { "virtio", "sata", "scsi" };
static const char *const cache_labels[] = {
    "default", "none", "writethrough", "writeback", "directsync", "unsafe",
};
static const char *const nic_labels[] = { "virtio", "e1000e", "e1000", "rtl8139" };
static const char *const gfx_labels[] = { "VNC", "SPICE", "None" };
static const char *const gfx_values[] = { "vnc", "spice", "none" };
static const char *const video_labels[] = {
    "default", "vga", "virtio", "qxl", "bochs", "cirrus", "none",
};
static const char *const fw_labels[] = { "BIOS", "UEFI" };
static const char *const boot_labels[] = {
    "Default for the install source", "CD-ROM, then disk", "Disk, then CD-ROM",
    "Network, then disk", "Disk only",
};
static const char *const boot_values[] = { "", "cdrom,hd", "hd,cdrom", "network,hd", "hd" };

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* ---- host facts ---- */

/* The snapshot of the wizard's host (may be NULL). */
static const vd_snapshot *
wsnap(const wizard *w)
{
    return w->host < w->app->nhosts ? w->app->hosts[w->host].snap : NULL;
}

/* The host's pool named name, or NULL. */
static const vd_pool *
find_pool(const wizard *w, const char *name)
{
    const vd_snapshot *s = wsnap(w);

    for (size_t i = 0; s && i < s->npools; i++)
        if (s->pools[i].name && strcmp(s->pools[i].name, name) == 0)
            return &s->pools[i];
    return NULL;
}

/* Whether the facts list a volume name in pool. */
static bool
volume_exists(const wizard *w, const char *pool, const char *name)
{
    for (size_t i = 0; w->facts && i < w->facts->nvols; i++)
        if (strcmp(w->facts->vols[i].pool, pool) == 0 &&
            strcmp(w->facts->vols[i].name, name) == 0)
            return true;
    return false;
}

/* Copy a check's message into err; false when there was one. */
static bool
take(vd_check_msg *msg, char *err, size_t errlen)
{
    if (!msg)
        return true;
    snprintf(err, errlen, "%s", msg);
    vd_check_free(msg);
    return false;
}

/* Ask the host whether path exists (once per path). */
static void
ask_path(wizard *w, const char *path)
{
    vd_cmd cmd = { .kind = VD_CMD_PATH_EXISTS };
    path_state *p;

    for (size_t i = 0; i < w->npaths; i++)
        if (strcmp(w->paths[i].path, path) == 0)
            return;
    if (w->npaths == MAX_PATHS) {
        free(w->paths[0].path);
        memmove(&w->paths[0], &w->paths[1], (MAX_PATHS - 1) * sizeof(w->paths[0]));
        w->npaths--;
    }
    p = &w->paths[w->npaths];
    if (!(p->path = strdup(path)) || !(cmd.str = strdup(path))) {
        free(p->path);
        return;
    }
    p->answer = 0;
    w->npaths++;
    vd_form_submit_cmd(w->app, w->form, w->host, &cmd);
}

/* What the host said about path: '1', '0', '?' or 0 (not yet). */
static char
path_answer(const wizard *w, const char *path)
{
    for (size_t i = 0; i < w->npaths; i++)
        if (strcmp(w->paths[i].path, path) == 0)
            return w->paths[i].answer;
    return 0;
}

/* A path that must exist on the host. */
static bool
check_existing_path(wizard *w, const char *path, char *err, size_t errlen)
{
    char a;

    if (!take(vd_check_host_path(path, true), err, errlen))
        return false;
    a = path_answer(w, path);
    if (a == '0')
        return take(vd_check_host_path(path, false), err, errlen);
    if (a == 0) {
        snprintf(err, errlen, "checking %s on the host%s", path,
                 vd_draw_utf8() ? "\u2026" : "...");
        return false;
    }
    return true;
}

/* ---- validators (ctx: the wizard) ---- */

static bool
v_name(const vd_form *f, const vd_field *fld, const char *value, char *err,
       size_t errlen, void *ctx)
{
    wizard *w = ctx;
    const vd_snapshot *s = wsnap(w);
    const char **taken = NULL;
    size_t n = 0;
    bool ok;

    (void)f;
    (void)fld;
    if (s && s->ndomains && (taken = calloc(s->ndomains, sizeof(*taken))))
        for (size_t i = 0; i < s->ndomains; i++)
            if (s->domains[i].name)
                taken[n++] = s->domains[i].name;
    ok = take(vd_check_name(value, taken, n), err, errlen);
    free(taken);
    return ok;
}

static bool
v_os(const vd_form *f, const vd_field *fld, const char *value, char *err,
     size_t errlen, void *ctx)
{
    (void)f;
    (void)fld;
    (void)ctx;
    if (!*value) {
        snprintf(err, errlen, "choose an OS variant (type to search; "
                 "\"generic\" when it is not listed)");
        return false;
    }
    return true;
}

static bool
v_iso_vol(const vd_form *f, const vd_field *fld, const char *value, char *err,
          size_t errlen, void *ctx)
{
    wizard *w = ctx;

    (void)f;
    (void)fld;
    if (!w->facts) {
        snprintf(err, errlen, "%s", w->facts_failed ? "the host's volumes could "
                 "not be read" : "reading the host's volumes...");
        return false;
    }
    if (!*value) {
        snprintf(err, errlen, "choose an ISO volume (type to search)");
        return false;
    }
    return true;
}

static bool
v_path(const vd_form *f, const vd_field *fld, const char *value, char *err,
       size_t errlen, void *ctx)
{
    (void)f;
    (void)fld;
    return check_existing_path(ctx, value, err, errlen);
}

/* A form validator that hands the field's text to one core check. */
#define VALUE_CHECK(fn, check)                                           \
    static bool                                                          \
    fn(const vd_form *f, const vd_field *fld, const char *value,         \
       char *err, size_t errlen, void *ctx)                              \
    {                                                                    \
        (void)f;                                                         \
        (void)fld;                                                       \
        (void)ctx;                                                       \
        return take(check(value), err, errlen);                          \
    }

VALUE_CHECK(v_location, vd_check_location)
VALUE_CHECK(v_ifname, vd_check_ifname)
VALUE_CHECK(v_mac, vd_check_mac)
VALUE_CHECK(v_listen, vd_check_listen)

/* The Advanced page: device options in virt-install's syntax, one field
 * each, id "dev_KIND". Empty: no such device. */
static const struct {
    const char *kind, *label, *help;
} adv_fields[] = {
    { "rng", "RNG", "e.g. /dev/urandom or builtin" },
    { "tpm", "TPM", "e.g. emulator or type=emulator,model=tpm-tis" },
    { "watchdog", "Watchdog", "e.g. i6300esb,action=reset" },
    { "sound", "Sound", "e.g. ich9, ac97 or default" },
    { "controller", "Controller", "e.g. usb3, usb2 or virtio-scsi" },
    { "serial", "Serial", "e.g. pty or file,path=/var/log/guest.log" },
    { "channel", "Channel", "e.g. unix,name=org.qemu.guest_agent.0" },
    { "filesystem", "Filesystem", "HOSTDIR,TAG: shared by virtiofs" },
};

/* A device option field: checked with the core's vd_check_devopt(),
 * the kind taken from the field's id. */
static bool
v_devopt(const vd_form *f, const vd_field *fld, const char *value, char *err,
         size_t errlen, void *ctx)
{
    (void)f;
    (void)ctx;
    if (!value || !*value)
        return true;
    return take(vd_check_devopt(vd_field_id(fld) + 4, value), err, errlen);
}

static bool
v_opt_path(const vd_form *f, const vd_field *fld, const char *value, char *err,
           size_t errlen, void *ctx)
{
    if (!*value)
        return true;
    return v_path(f, fld, value, err, errlen, ctx);
}

static bool
v_vcpus(const vd_form *f, const vd_field *fld, const char *value, char *err,
        size_t errlen, void *ctx)
{
    wizard *w = ctx;
    unsigned int max = w->facts && w->facts->have_caps ? w->facts->caps.max_vcpus : 0;

    (void)f;
    (void)value;
    return take(vd_check_vcpus((unsigned int)vd_field_number(fld), max), err, errlen);
}

static bool
v_memory(const vd_form *f, const vd_field *fld, const char *value, char *err,
         size_t errlen, void *ctx)
{
    wizard *w = ctx;
    const vd_snapshot *s = wsnap(w);
    long long mib = vd_field_number(fld);

    (void)f;
    (void)value;
    if (mib < 0)
        mib = 0;
    return take(vd_check_memory((unsigned long long)mib,
                                s ? s->info.mem_kib / 1024 : 0), err, errlen);
}

/* The pools as names and active flags, for vd_check_pool(). */
static bool
v_pool(const vd_form *f, const vd_field *fld, const char *value, char *err,
       size_t errlen, void *ctx)
{
    wizard *w = ctx;
    const vd_snapshot *s = wsnap(w);
    const char **names = NULL;
    bool *active = NULL;
    size_t n = 0;
    bool ok;

    (void)f;
    (void)fld;
    if (s && s->npools) {
        names = calloc(s->npools, sizeof(*names));
        active = calloc(s->npools, sizeof(*active));
        for (size_t i = 0; names && active && i < s->npools; i++) {
            names[n] = s->pools[i].name ? s->pools[i].name : "";
            active[n++] = s->pools[i].state == VD_POOL_RUNNING;
        }
    }
    ok = take(vd_check_pool(value, names, active, n), err, errlen);
    free(names);
    free(active);
    return ok;
}

static bool
v_size(const vd_form *f, const vd_field *fld, const char *value, char *err,
       size_t errlen, void *ctx)
{
    wizard *w = ctx;
    const char *pool = vd_form_value(f, "pool");
    const vd_pool *p = find_pool(w, pool);
    long long gib = vd_field_number(fld);

    (void)value;
    if (gib <= 0) {
        snprintf(err, errlen, "the size must be at least 1 GiB");
        return false;
    }
    return take(vd_check_disk_size((unsigned long long)gib * VD_GIB, pool,
                                   p ? p->available : 0, p != NULL),
                err, errlen);
}

static bool
v_volname(const vd_form *f, const vd_field *fld, const char *value, char *err,
          size_t errlen, void *ctx)
{
    wizard *w = ctx;
    const char *pool = vd_form_value(f, "pool");
    char def[512];

    (void)fld;
    if (!*value) {
        /* The default name: NAME.qcow2 / NAME.img. */
        snprintf(def, sizeof(def), "%s.%s", vd_form_value(f, "name"),
                 strcmp(vd_form_value(f, "format"), "raw") == 0 ? "img" : "qcow2");
        value = def;
    }
    return take(vd_check_volume_name(value, pool, volume_exists(w, pool, value),
                                     false), err, errlen);
}

static bool
v_disk_vol(const vd_form *f, const vd_field *fld, const char *value, char *err,
           size_t errlen, void *ctx)
{
    wizard *w = ctx;

    (void)f;
    (void)fld;
    if (!w->facts) {
        snprintf(err, errlen, "reading the host's volumes...");
        return false;
    }
    if (!*value) {
        snprintf(err, errlen, "choose a volume (type to search)");
        return false;
    }
    return true;
}

static bool
v_network(const vd_form *f, const vd_field *fld, const char *value, char *err,
          size_t errlen, void *ctx)
{
    wizard *w = ctx;
    const vd_snapshot *s = wsnap(w);
    const char **names = NULL;
    bool *active = NULL;
    size_t n = 0;
    bool ok;

    (void)f;
    (void)fld;
    if (s && s->nnetworks) {
        names = calloc(s->nnetworks, sizeof(*names));
        active = calloc(s->nnetworks, sizeof(*active));
        for (size_t i = 0; names && active && i < s->nnetworks; i++) {
            names[n] = s->networks[i].name ? s->networks[i].name : "";
            active[n++] = s->networks[i].active;
        }
    }
    ok = take(vd_check_network(value, names, active, n), err, errlen);
    free(names);
    free(active);
    return ok;
}

static bool
v_password(const vd_form *f, const vd_field *fld, const char *value, char *err,
           size_t errlen, void *ctx)
{
    int k = vd_gfx_kind_parse(vd_form_value(f, "gfx"));

    (void)fld;
    (void)ctx;
    return take(vd_check_password(value, k < 0 ? VD_GFX_NONE : (vd_gfx_kind)k),
                err, errlen);
}

static bool
v_firmware(const vd_form *f, const vd_field *fld, const char *value, char *err,
           size_t errlen, void *ctx)
{
    wizard *w = ctx;

    (void)f;
    (void)fld;
    if (strcmp(value, "UEFI") != 0)
        return true;
    return take(vd_check_firmware(VD_FW_UEFI, w->facts && w->facts->have_caps
                                  ? &w->facts->caps : NULL), err, errlen);
}

/* Import needs an existing disk. */
static bool
v_disk_kind(const vd_form *f, const vd_field *fld, const char *value, char *err,
            size_t errlen, void *ctx)
{
    (void)fld;
    (void)ctx;
    (void)value;
    if (vd_field_index(vd_form_field(f, "install")) == INST_IMPORT &&
        (vd_field_index(vd_form_field(f, "disk")) == DISK_NEW ||
         vd_field_index(vd_form_field(f, "disk")) == DISK_NONE)) {
        snprintf(err, errlen, "importing needs an existing volume or file");
        return false;
    }
    return true;
}

/* ---- the spec from the form ---- */

/* Fill spec from the form. Returns 0, or -1 with a message in err. */
static int
build_spec(wizard *w, vd_domain_spec *spec, char *err, size_t errlen)
{
    vd_form *f = w->form;
    long inst = vd_field_index(vd_form_field(f, "install"));
    long disk = vd_field_index(vd_form_field(f, "disk"));
    long net = vd_field_index(vd_form_field(f, "netkind"));
    const char *os = vd_form_value(f, "os");
    const char *v;
    char *slash;
    int k;

    memset(spec, 0, sizeof(*spec));
    vd_spec_set(&spec->name, vd_form_value(f, "name"));
    spec->virt_type = w->facts ? w->facts->virt_type : VD_VIRT_KVM;
    spec->vcpus = (unsigned int)vd_form_number_value(f, "vcpus");
    k = vd_cpu_mode_parse(vd_form_value(f, "cpu"));
    spec->cpu_mode = k < 0 ? VD_CPU_DEFAULT : (vd_cpu_mode)k;
    spec->memory_mib = (unsigned long long)vd_form_number_value(f, "memory");
    if (*os && strcmp(os, "generic") != 0) {
        vd_spec_set(&spec->os_variant, os);
        if (w->os_short && strcmp(w->os_short, os) == 0)
            vd_spec_set(&spec->os_id, w->os_full);
    }
    switch (inst) {
    case INST_VOL:
        spec->install.kind = VD_INSTALL_CDROM_VOLUME;
        v = vd_form_value(f, "iso_vol");
        if ((slash = strchr(v, '/'))) {
            char *pool = strndup(v, (size_t)(slash - v));

            vd_spec_set(&spec->install.pool, pool);
            vd_spec_set(&spec->install.volume, slash + 1);
            free(pool);
        }
        break;
    case INST_PATH:
        spec->install.kind = VD_INSTALL_CDROM_PATH;
        vd_spec_set(&spec->install.path, vd_form_value(f, "iso_path"));
        break;
    case INST_URL:
        spec->install.kind = VD_INSTALL_LOCATION;
        vd_spec_set(&spec->install.location, vd_form_value(f, "location"));
        vd_spec_set(&spec->install.kernel, vd_form_value(f, "kernel"));
        vd_spec_set(&spec->install.initrd, vd_form_value(f, "initrd"));
        vd_spec_set(&spec->install.extra_args, vd_form_value(f, "extra"));
        break;
    case INST_IMPORT:
        spec->install.kind = VD_INSTALL_IMPORT;
        break;
    case INST_PXE:
        spec->install.kind = VD_INSTALL_PXE;
        break;
    default:
        break;
    }
    k = vd_disk_bus_parse(vd_form_value(f, "bus"));
    spec->disk.bus = k < 0 ? VD_BUS_VIRTIO : (vd_disk_bus)k;
    k = vd_disk_cache_parse(vd_form_value(f, "cache"));
    spec->disk.cache = k < 0 ? VD_CACHE_DEFAULT : (vd_disk_cache)k;
    w->new_bytes = 0;
    switch (disk) {
    case DISK_NEW:
        spec->disk.kind = VD_DISK_NEW_VOLUME;
        vd_spec_set(&spec->disk.pool, vd_form_value(f, "pool"));
        vd_spec_set(&spec->disk.volume, vd_form_value(f, "volname"));
        spec->disk.size_bytes = (unsigned long long)vd_form_number_value(f, "size") *
                                VD_GIB;
        k = vd_disk_format_parse(vd_form_value(f, "format"));
        spec->disk.format = k <= 0 ? VD_FMT_QCOW2 : (vd_disk_format)k;
        w->new_bytes = spec->disk.size_bytes;
        break;
    case DISK_VOL:
        spec->disk.kind = VD_DISK_VOLUME;
        v = vd_form_value(f, "disk_vol");
        if ((slash = strchr(v, '/'))) {
            char *pool = strndup(v, (size_t)(slash - v));

            vd_spec_set(&spec->disk.pool, pool);
            vd_spec_set(&spec->disk.volume, slash + 1);
            free(pool);
            for (size_t i = 0; w->facts && i < w->facts->nvols; i++)
                if (strcmp(w->facts->vols[i].pool, spec->disk.pool) == 0 &&
                    strcmp(w->facts->vols[i].name, spec->disk.volume) == 0)
                    spec->disk.format = w->facts->vols[i].format;
        }
        break;
    case DISK_PATH:
        spec->disk.kind = VD_DISK_PATH;
        vd_spec_set(&spec->disk.path, vd_form_value(f, "disk_path"));
        break;
    default:
        spec->disk.kind = VD_DISK_NONE;
        break;
    }
    k = vd_nic_model_parse(vd_form_value(f, "nic"));
    spec->net.model = k < 0 ? VD_NIC_VIRTIO : (vd_nic_model)k;
    vd_spec_set(&spec->net.mac, vd_form_value(f, "mac"));
    switch (net) {
    case NET_NETWORK:
        spec->net.kind = VD_NET_NETWORK;
        vd_spec_set(&spec->net.source, vd_form_value(f, "network"));
        break;
    case NET_BRIDGE:
        spec->net.kind = VD_NET_BRIDGE;
        vd_spec_set(&spec->net.source, vd_form_value(f, "bridge"));
        break;
    case NET_MACVTAP:
        spec->net.kind = VD_NET_MACVTAP;
        vd_spec_set(&spec->net.source, vd_form_value(f, "iface"));
        break;
    default:
        spec->net.kind = VD_NET_NONE;
        break;
    }
    k = vd_gfx_kind_parse(vd_form_value(f, "gfx"));
    spec->gfx.kind = k < 0 ? VD_GFX_NONE : (vd_gfx_kind)k;
    if (spec->gfx.kind != VD_GFX_NONE) {
        vd_spec_set(&spec->gfx.listen, vd_form_value(f, "listen"));
        vd_spec_set(&spec->gfx.password, vd_form_value(f, "password"));
        k = vd_video_model_parse(vd_form_value(f, "video"));
        spec->gfx.video = k < 0 ? VD_VIDEO_DEFAULT : (vd_video_model)k;
    }
    for (size_t i = 0; i < N(adv_fields); i++) {
        char id[32];

        snprintf(id, sizeof(id), "dev_%s", adv_fields[i].kind);
        v = vd_form_value(f, id);
        if (v && *v && vd_spec_add_devopt(spec, adv_fields[i].kind, v) < 0) {
            snprintf(err, errlen, "out of memory");
            return -1;
        }
    }
    spec->firmware = strcmp(vd_form_value(f, "firmware"), "UEFI") == 0 ? VD_FW_UEFI
                                                                        : VD_FW_BIOS;
    v = vd_form_value(f, "boot");
    if (*v) {
        char buf[64], *save = NULL;

        snprintf(buf, sizeof(buf), "%s", v);
        for (char *t = strtok_r(buf, ",", &save); t && spec->nboot < VD_SPEC_MAX_BOOT;
             t = strtok_r(NULL, ",", &save)) {
            k = vd_boot_dev_parse(t);
            if (k >= 0)
                spec->boot[spec->nboot++] = (vd_boot_dev)k;
        }
    }
    {
        vd_check_msg *msg = vd_check_spec(spec);

        if (msg) {
            snprintf(err, errlen, "%s", msg);
            vd_check_free(msg);
            return -1;
        }
    }
    return 0;
}

/* Build the XML into w->xml (or the reason into w->xml_error). */
static void
build_xml(wizard *w)
{
    vd_domain_spec spec;
    char err[512];
    const char *xerr = NULL;

    free(w->xml);
    free(w->xml_error);
    w->xml = NULL;
    w->xml_error = NULL;
    if (build_spec(w, &spec, err, sizeof(err)) < 0) {
        w->xml_error = strdup(err);
    } else if (!(w->xml = vd_domain_xml(&spec, w->facts && w->facts->have_caps
                                        ? &w->facts->caps : NULL, &xerr))) {
        w->xml_error = strdup(xerr ? xerr : "the XML could not be built");
    }
    vd_domain_spec_clear(&spec);
}

/* ---- showing and hiding, defaults ---- */

/* Show the fields the chosen kinds need. */
static void
update_visibility(vd_form *f)
{
    long inst = vd_field_index(vd_form_field(f, "install"));
    long disk = vd_field_index(vd_form_field(f, "disk"));
    long net = vd_field_index(vd_form_field(f, "netkind"));
    bool gfx = strcmp(vd_form_value(f, "gfx"), "none") != 0;

    vd_field_set_hidden(vd_form_field(f, "iso_vol"), inst != INST_VOL);
    vd_field_set_hidden(vd_form_field(f, "iso_path"), inst != INST_PATH);
    vd_field_set_hidden(vd_form_field(f, "location"), inst != INST_URL);
    vd_field_set_hidden(vd_form_field(f, "kernel"), inst != INST_URL);
    vd_field_set_hidden(vd_form_field(f, "initrd"), inst != INST_URL);
    vd_field_set_hidden(vd_form_field(f, "extra"), inst != INST_URL);
    vd_field_set_hidden(vd_form_field(f, "pool"), disk != DISK_NEW);
    vd_field_set_hidden(vd_form_field(f, "size"), disk != DISK_NEW);
    vd_field_set_hidden(vd_form_field(f, "format"), disk != DISK_NEW);
    vd_field_set_hidden(vd_form_field(f, "volname"), disk != DISK_NEW);
    vd_field_set_hidden(vd_form_field(f, "disk_vol"), disk != DISK_VOL);
    vd_field_set_hidden(vd_form_field(f, "disk_path"), disk != DISK_PATH);
    vd_field_set_hidden(vd_form_field(f, "bus"), disk == DISK_NONE);
    vd_field_set_hidden(vd_form_field(f, "cache"), disk == DISK_NONE);
    vd_field_set_hidden(vd_form_field(f, "network"), net != NET_NETWORK);
    vd_field_set_hidden(vd_form_field(f, "bridge"), net != NET_BRIDGE);
    vd_field_set_hidden(vd_form_field(f, "iface"), net != NET_MACVTAP);
    vd_field_set_hidden(vd_form_field(f, "nic"), net == NET_NONE);
    vd_field_set_hidden(vd_form_field(f, "mac"), net == NET_NONE);
    vd_field_set_hidden(vd_form_field(f, "listen"), !gfx);
    vd_field_set_hidden(vd_form_field(f, "password"), !gfx);
    vd_field_set_hidden(vd_form_field(f, "video"), !gfx);
}

/* Set a choice field to value unless the user chose already. */
static void
default_choice(vd_form *f, const char *id, const char *value)
{
    vd_field *fld = vd_form_field(f, id);

    if (fld && !vd_field_touched(fld) && value && *value)
        vd_field_set_value(fld, value);
}

/* The recommendations of the chosen OS variant arrived: they become the
 * defaults of the fields the user has not changed. */
static void
apply_os(wizard *w, const vd_os_choice *c)
{
    vd_form *f = w->form;
    vd_field *fld;

    if (!c->found || !c->short_id || strcmp(c->short_id, vd_form_value(f, "os")) != 0)
        return;                 /* another variant was chosen meanwhile */
    free(w->os_short);
    free(w->os_full);
    w->os_short = strdup(c->short_id);
    w->os_full = c->id ? strdup(c->id) : NULL;
    if (c->memory_mib && (fld = vd_form_field(f, "memory")) && !vd_field_touched(fld))
        vd_field_set_number(fld, (long long)c->memory_mib);
    if (c->vcpus && (fld = vd_form_field(f, "vcpus")) && !vd_field_touched(fld))
        vd_field_set_number(fld, c->vcpus);
    if (c->disk_bytes && (fld = vd_form_field(f, "size")) && !vd_field_touched(fld))
        vd_field_set_number(fld, (long long)((c->disk_bytes + VD_GIB - 1) / VD_GIB));
    if (c->disk_bus_known && c->disk_bus <= VD_BUS_SCSI)
        default_choice(f, "bus", vd_disk_bus_name(c->disk_bus));
    if (c->nic_model_known)
        default_choice(f, "nic", vd_nic_model_name(c->nic_model));
    if (c->uefi_only)
        default_choice(f, "firmware", "UEFI");
    vd_form_message(f, VD_MSG_INFO, "Defaults for %s: %llu MiB, %u vCPU%s, %llu GiB disk",
                    c->short_id, c->memory_mib, c->vcpus, c->vcpus == 1 ? "" : "s",
                    (c->disk_bytes + VD_GIB - 1) / VD_GIB);
}

/* Ask for the recommendations of the chosen variant. */
static void
ask_os(wizard *w)
{
    vd_cmd cmd = { .kind = VD_CMD_OS_RECOMMEND };
    const char *id = vd_form_value(w->form, "os");

    if (!*id || strcmp(id, "generic") == 0 || !(cmd.str = strdup(id)))
        return;
    vd_form_submit_cmd(w->app, w->form, w->host, &cmd);
}

/* Fill the volume pickers from the facts. */
static void
fill_volumes(wizard *w)
{
    const char **labels, **values;
    char **own;
    size_t n = w->facts ? w->facts->nvols : 0, ni = 0, nd = 0;

    labels = calloc(n ? 2 * n : 1, sizeof(*labels));
    values = calloc(n ? 2 * n : 1, sizeof(*values));
    own = calloc(n ? 4 * n : 1, sizeof(*own));
    if (!labels || !values || !own)
        goto cleanup;
    /* ISO volumes first (first n slots), other volumes after (n..2n). */
    for (size_t i = 0; i < n; i++) {
        const vd_create_vol *v = &w->facts->vols[i];
        char size[32], *label = NULL, *value = NULL;

        vd_fmt_size(v->capacity, size, sizeof(size));
        if (asprintf(&label, "%s/%s  (%s)", v->pool, v->name, size) < 0)
            label = NULL;
        if (asprintf(&value, "%s/%s", v->pool, v->name) < 0)
            value = NULL;
        own[2 * i] = label;
        own[2 * i + 1] = value;
        if (!label || !value)
            continue;
        if (v->iso) {
            labels[ni] = label;
            values[ni++] = value;
        } else {
            labels[n + nd] = label;
            values[n + nd++] = value;
        }
    }
    vd_field_set_items(vd_form_field(w->form, "iso_vol"), labels, values, ni);
    vd_field_set_items(vd_form_field(w->form, "disk_vol"), labels + n, values + n, nd);

 cleanup:
    for (size_t i = 0; own && i < 2 * n; i++)
        free(own[i]);
    free(own);
    free(labels);
    free(values);
}

/* ---- the review page ---- */

/* The summary shown on the review page. */
static void
fill_review(wizard *w)
{
    vd_form *f = w->form;
    char buf[4096];
    size_t len = 0;
    long inst = vd_field_index(vd_form_field(f, "install"));
    long disk = vd_field_index(vd_form_field(f, "disk"));
    long net = vd_field_index(vd_form_field(f, "netkind"));

#define ADD(...) do { \
        int n_ = snprintf(buf + len, sizeof(buf) - len, __VA_ARGS__); \
        if (n_ > 0 && (size_t)n_ < sizeof(buf) - len) len += (size_t)n_; \
    } while (0)
    buf[0] = '\0';
    ADD("Name:      %s   OS: %s\n", vd_form_value(f, "name"), vd_form_value(f, "os"));
    ADD("CPU:       %lld vCPU%s (%s), %lld MiB memory\n",
        vd_form_number_value(f, "vcpus"),
        vd_form_number_value(f, "vcpus") == 1 ? "" : "s", vd_form_value(f, "cpu"),
        vd_form_number_value(f, "memory"));
    switch (inst) {
    case INST_VOL: ADD("Install:   CD-ROM %s\n", vd_form_value(f, "iso_vol")); break;
    case INST_PATH: ADD("Install:   CD-ROM %s\n", vd_form_value(f, "iso_path")); break;
    case INST_URL: ADD("Install:   from %s\n", vd_form_value(f, "location")); break;
    case INST_IMPORT: ADD("Install:   import the disk\n"); break;
    default: ADD("Install:   PXE\n"); break;
    }
    switch (disk) {
    case DISK_NEW:
        ADD("Disk:      new %lld GiB %s volume in %s (%s, %s)\n",
            vd_form_number_value(f, "size"), vd_form_value(f, "format"),
            vd_form_value(f, "pool"), vd_form_value(f, "bus"), vd_form_value(f, "cache"));
        break;
    case DISK_VOL: ADD("Disk:      %s (%s)\n", vd_form_value(f, "disk_vol"), vd_form_value(f, "bus")); break;
    case DISK_PATH: ADD("Disk:      %s (%s)\n", vd_form_value(f, "disk_path"), vd_form_value(f, "bus")); break;
    default: ADD("Disk:      none\n"); break;
    }
    switch (net) {
    case NET_NETWORK: ADD("Network:   network %s, %s\n", vd_form_value(f, "network"), vd_form_value(f, "nic")); break;
    case NET_BRIDGE: ADD("Network:   bridge %s, %s\n", vd_form_value(f, "bridge"), vd_form_value(f, "nic")); break;
    case NET_MACVTAP: ADD("Network:   macvtap on %s, %s\n", vd_form_value(f, "iface"), vd_form_value(f, "nic")); break;
    default: ADD("Network:   none\n"); break;
    }
    ADD("Graphics:  %s%s%s%s\n", vd_form_value(f, "gfx"),
        *vd_form_value(f, "listen") ? " on " : "", vd_form_value(f, "listen"),
        *vd_form_value(f, "password") ? ", with a password" : "");
    ADD("Firmware:  %s, boot: %s\n", vd_form_value(f, "firmware"),
        *vd_form_value(f, "boot") ? vd_form_value(f, "boot") : "default");
    {
        bool any = false;

        for (size_t i = 0; i < N(adv_fields); i++) {
            char id[32];
            const char *v;

            snprintf(id, sizeof(id), "dev_%s", adv_fields[i].kind);
            v = vd_form_value(f, id);
            if (v && *v) {
                ADD("%s%s %s", any ? ", " : "Devices:   ", adv_fields[i].kind, v);
                any = true;
            }
        }
        if (any)
            ADD("\n");
    }
    build_xml(w);
    if (w->xml)
        ADD("XML:       %zu bytes: Show XML shows it, Save XML writes it to a file",
            strlen(w->xml));
    else
        ADD("Cannot build the XML: %s", w->xml_error ? w->xml_error : "?");
#undef ADD
    vd_field_set_value(vd_form_field(f, "summary"), buf);
}

/* ---- callbacks ---- */

static void fill_os(wizard *w, const vd_os_list *list);

static void
on_change(vd_app *app, vd_form *f, vd_field *fld, void *ctx)
{
    wizard *w = ctx;
    const char *id = vd_field_id(fld);

    (void)app;
    if (strcmp(id, "os") == 0)
        ask_os(w);
    update_visibility(f);
    /* Paths are asked about as they are typed (answers are cached). */
    if ((strcmp(id, "iso_path") == 0 || strcmp(id, "disk_path") == 0 ||
         strcmp(id, "kernel") == 0 || strcmp(id, "initrd") == 0) &&
        vd_field_value(fld)[0] == '/')
        ask_path(w, vd_field_value(fld));
}

static void
on_page(vd_app *app, vd_form *f, int page, void *ctx)
{
    (void)app;
    (void)f;
    if (page == vd_form_npages(f) - 1)
        fill_review(ctx);
}

/* Save the XML to the file typed in the prompt (ctx: the form's view,
 * which may have closed meanwhile). */
static void
save_to(vd_app *app, const char *path, void *ctx)
{
    vd_view *v = ctx;
    vd_form *f;
    wizard *w;
    int fd;
    size_t len;

    if (!path || !vd_view_alive(app, v) || !(f = vd_form_of(v)))
        return;
    w = vd_form_ctx(f);
    if (!w->xml) {
        vd_form_message(f, VD_MSG_ERROR, "no XML to save");
        return;
    }
    fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) {
        vd_form_message(f, VD_MSG_ERROR, "cannot write %s: %s", path,
                        strerror(errno));
        return;
    }
    len = strlen(w->xml);
    if (write(fd, w->xml, len) != (ssize_t)len || close(fd) < 0) {
        vd_form_message(f, VD_MSG_ERROR, "cannot write %s: %s", path,
                        strerror(errno));
        unlink(path);
        return;
    }
    vd_form_message(f, VD_MSG_OK, "Saved the XML to %s", path);
}

static void
on_submit(vd_app *app, vd_form *f, const char *button, void *ctx)
{
    wizard *w = ctx;
    vd_cmd cmd = { .kind = VD_CMD_DOM_CREATE };
    char def[512];

    fill_review(w);
    if (!w->xml) {
        vd_form_message(f, VD_MSG_ERROR, "Cannot build the XML: %s",
                        w->xml_error ? w->xml_error : "?");
        return;
    }
    if (button && strcmp(button, "xml") == 0) {
        vd_textview_show(app, "Domain XML (Esc returns to the review)", w->xml);
        return;
    }
    if (button && strcmp(button, "save") == 0) {
        snprintf(def, sizeof(def), "%s.xml", vd_form_value(f, "name"));
        vd_dialog_prompt(app, "Save the XML", "File (created; an existing "
                         "file is not overwritten):", def, false, NULL, save_to,
                         vd_form_view(f));
        return;
    }
    w->start = button && strcmp(button, "start") == 0;
    if (!(cmd.str = strdup(w->xml)))
        return;
    cmd.num = (long long)w->new_bytes;
    cmd.flags = w->start ? VD_CMD_CREATE_START : 0;
    if (vd_form_submit_cmd(app, f, w->host, &cmd)) {
        vd_form_set_busy(f, true);
        vd_form_message(f, VD_MSG_BUSY, "%s %s%s", w->start ? "Creating and starting"
                        : "Creating", vd_form_value(f, "name"),
                        vd_draw_utf8() ? "\u2026" : "...");
    } else {
        vd_form_message(f, VD_MSG_ERROR, "%s", app->msg);
    }
}

static void
on_result(vd_app *app, vd_form *f, vd_result *res, void *ctx)
{
    wizard *w = ctx;

    switch (res->kind) {
    case VD_CMD_CREATE_FACTS:
        if (res->ok && res->data) {
            vd_create_facts_free(w->facts);
            w->facts = res->data;
            res->data = NULL;
            fill_volumes(w);
        } else {
            w->facts_failed = true;
            vd_form_message(f, VD_MSG_ERROR, "cannot read the host's facts: %s",
                            res->message ? res->message : "?");
        }
        vd_form_revalidate(f);
        return;
    case VD_CMD_OS_LIST:
        fill_os(w, res->data);
        vd_form_revalidate(f);
        return;
    case VD_CMD_OS_RECOMMEND:
        if (res->data)
            apply_os(w, res->data);
        vd_form_revalidate(f);
        return;
    case VD_CMD_PATH_EXISTS:
        for (size_t i = 0; i < w->npaths; i++)
            if (res->message && strcmp(w->paths[i].path, res->message) == 0)
                w->paths[i].answer = res->ok && res->text ? res->text[0] : '?';
        vd_form_revalidate(f);
        return;
    case VD_CMD_DOM_CREATE:
        vd_form_set_busy(f, false);
        if (!res->ok) {
            /* The form stays with everything typed; the daemon's words
             * go on the review page. */
            vd_form_message(f, VD_MSG_ERROR, "%s", res->message ? res->message
                                                                : "create failed");
            return;
        }
        vd_app_message(app, VD_MSG_OK, "%s", res->message ? res->message : "created");
        vd_form_close(app, f);
        return;
    default:
        break;
    }
}

/* Free the wizard (the form's ctx). */
static void
wizard_free(void *ctx)
{
    wizard *w = ctx;

    vd_create_facts_free(w->facts);
    for (size_t i = 0; i < w->npaths; i++)
        free(w->paths[i].path);
    free(w->xml);
    free(w->xml_error);
    free(w->os_short);
    free(w->os_full);
    free(w);
}

/* ---- building the form ---- */

/* The OS variants for the list: "generic" first, then libosinfo's
 * (list NULL: only generic, while the list is on its way). */
static void
fill_os(wizard *w, const vd_os_list *list)
{
    vd_field *fld = vd_form_field(w->form, "os");
    size_t n = list ? list->n : 0, m = 1;
    const char **labels = calloc(n + 1, sizeof(*labels));
    const char **values = calloc(n + 1, sizeof(*values));
    char **own = calloc(n + 1, sizeof(*own));

    if (!labels || !values || !own)
        goto cleanup;
    labels[0] = "Generic (not listed)";
    values[0] = "generic";
    for (size_t i = 0; i < n; i++) {
        const vd_os_variant *v = &list->vars[i];

        if (!v->short_id)
            continue;
        if (asprintf(&own[m], "%s (%s)", v->name ? v->name : "", v->short_id) < 0) {
            own[m] = NULL;
            continue;
        }
        labels[m] = own[m];
        values[m++] = v->short_id;
    }
    vd_field_set_items(fld, labels, values, m);
    if (list) {
        w->os_loaded = true;
        vd_field_set_help(fld, list->error ? list->error
                          : "Type to search; it sets the recommended memory, "
                            "CPUs, disk and NIC");
    }

 cleanup:
    for (size_t i = 0; own && i < m; i++)
        free(own[i]);
    free(own);
    free(labels);
    free(values);
}

/* A choice over the snapshot's pools (inactive ones flagged). */
static void
fill_pools(wizard *w, vd_field *fld)
{
    const vd_snapshot *s = wsnap(w);
    size_t n = s ? s->npools : 0, first_active = 0;
    const char **labels = calloc(n ? n : 1, sizeof(*labels));
    const char **values = calloc(n ? n : 1, sizeof(*values));
    char **own = calloc(n ? n : 1, sizeof(*own));
    bool found = false;

    if (labels && values && own) {
        for (size_t i = 0; i < n; i++) {
            char free_s[32];
            const vd_pool *p = &s->pools[i];

            vd_fmt_size(p->available, free_s, sizeof(free_s));
            if (asprintf(&own[i], "%s (%s free%s)", p->name ? p->name : "?", free_s,
                         p->state == VD_POOL_RUNNING ? "" : ", inactive") < 0)
                own[i] = NULL;
            labels[i] = own[i] ? own[i] : "?";
            values[i] = p->name ? p->name : "";
            if (!found && p->state == VD_POOL_RUNNING) {
                first_active = i;
                found = true;
            }
        }
        vd_field_set_items(fld, labels, values, n);
        if (n)
            vd_field_set_value(fld, values[first_active]);
    }
    for (size_t i = 0; own && i < n; i++)
        free(own[i]);
    free(own);
    free(labels);
    free(values);
}

/* A choice over the snapshot's networks (inactive ones flagged). */
static void
fill_networks(wizard *w, vd_field *fld)
{
    const vd_snapshot *s = wsnap(w);
    size_t n = s ? s->nnetworks : 0, first_active = 0;
    const char **labels = calloc(n ? n : 1, sizeof(*labels));
    const char **values = calloc(n ? n : 1, sizeof(*values));
    char **own = calloc(n ? n : 1, sizeof(*own));
    bool found = false;

    if (labels && values && own) {
        for (size_t i = 0; i < n; i++) {
            const vd_network *net = &s->networks[i];

            if (asprintf(&own[i], "%s%s", net->name ? net->name : "?",
                         net->active ? "" : " (inactive)") < 0)
                own[i] = NULL;
            labels[i] = own[i] ? own[i] : "?";
            values[i] = net->name ? net->name : "";
            if (!found && net->active) {
                first_active = i;
                found = true;
            }
        }
        vd_field_set_items(fld, labels, values, n);
        if (n)
            vd_field_set_value(fld, values[first_active]);
    }
    for (size_t i = 0; own && i < n; i++)
        free(own[i]);
    free(own);
    free(labels);
    free(values);
}

/* Open the wizard for host index hi. */
void
vd_wizard_open(vd_app *app, size_t hi)
{
    wizard *w;
    vd_form *f;
    vd_field *fld;
    vd_cmd cmd = { .kind = VD_CMD_CREATE_FACTS };
    const vd_snapshot *s = hi < app->nhosts ? app->hosts[hi].snap : NULL;

    if (!s || s->conn != VD_CONN_CONNECTED) {
        vd_app_message(app, VD_MSG_ERROR, "%s is not connected: cannot create "
                       "a machine there", s ? s->label : "no host");
        return;
    }
    if (s->readonly) {
        vd_app_message(app, VD_MSG_ERROR, "read-only connection: create refused");
        return;
    }
    if (!(w = calloc(1, sizeof(*w))) || !(f = vd_form_new("New virtual machine"))) {
        free(w);
        return;
    }
    w->app = app;
    w->host = hi;
    w->form = f;
    vd_form_set_ctx(f, w, wizard_free);
    vd_form_set_esc_back(f, true);

    vd_form_page(f, "Name and OS");
    fld = vd_form_text(f, "name", "Name", "");
    vd_field_validate(fld, v_name, w);
    fld = vd_form_list(f, "os", "OS variant", 6);
    fill_os(w, NULL);
    vd_field_set_value(fld, "generic");
    vd_field_validate(fld, v_os, w);
    vd_field_set_help(fld, "Reading libosinfo's OS variants...");

    vd_form_page(f, "Install source");
    vd_form_choice(f, "install", "Install from", inst_labels, NULL, N(inst_labels),
                   INST_VOL);
    fld = vd_form_list(f, "iso_vol", "ISO volume", 6);
    vd_field_validate(fld, v_iso_vol, w);
    fld = vd_form_text(f, "iso_path", "ISO path", "");
    vd_field_validate(fld, v_path, w);
    vd_field_set_help(fld, "An ISO file on the host, e.g. /var/lib/libvirt/images/x.iso");
    fld = vd_form_text(f, "location", "Location", "");
    vd_field_validate(fld, v_location, w);
    vd_field_set_help(fld, "An install tree: http(s)/ftp URL or a directory on the host");
    fld = vd_form_text(f, "kernel", "Kernel", "");
    vd_field_validate(fld, v_opt_path, w);
    fld = vd_form_text(f, "initrd", "Initrd", "");
    vd_field_validate(fld, v_opt_path, w);
    vd_form_text(f, "extra", "Kernel arguments", "");

    vd_form_page(f, "CPU and memory");
    fld = vd_form_number(f, "vcpus", "vCPUs", 1, NULL);
    vd_field_validate(fld, v_vcpus, w);
    vd_form_choice(f, "cpu", "CPU mode", cpu_labels, cpu_values, N(cpu_labels), 0);
    fld = vd_form_number(f, "memory", "Memory", 1024, "MiB");
    vd_field_validate(fld, v_memory, w);

    vd_form_page(f, "Storage");
    fld = vd_form_choice(f, "disk", "Disk", disk_labels, NULL, N(disk_labels), DISK_NEW);
    vd_field_validate(fld, v_disk_kind, w);
    fld = vd_form_choice(f, "pool", "Pool", NULL, NULL, 0, 0);
    fill_pools(w, fld);
    vd_field_validate(fld, v_pool, w);
    fld = vd_form_number(f, "size", "Size", 20, "GiB");
    vd_field_validate(fld, v_size, w);
    vd_form_choice(f, "format", "Format", fmt_labels, NULL, N(fmt_labels), 0);
    fld = vd_form_text(f, "volname", "Volume name", "");
    vd_field_validate(fld, v_volname, w);
    vd_field_set_help(fld, "Empty: NAME.qcow2 (NAME.img for raw)");
    fld = vd_form_list(f, "disk_vol", "Volume", 5);
    vd_field_validate(fld, v_disk_vol, w);
    fld = vd_form_text(f, "disk_path", "Path", "");
    vd_field_validate(fld, v_path, w);
    vd_form_choice(f, "bus", "Bus", bus_labels, NULL, N(bus_labels), 0);
    vd_form_choice(f, "cache", "Cache", cache_labels, NULL, N(cache_labels), 0);

    vd_form_page(f, "Network");
    vd_form_choice(f, "netkind", "Connect to", net_labels, NULL, N(net_labels),
                   NET_NETWORK);
    fld = vd_form_choice(f, "network", "Network", NULL, NULL, 0, 0);
    fill_networks(w, fld);
    vd_field_validate(fld, v_network, w);
    fld = vd_form_text(f, "bridge", "Bridge", "");
    vd_field_validate(fld, v_ifname, w);
    fld = vd_form_text(f, "iface", "Host interface", "");
    vd_field_validate(fld, v_ifname, w);
    vd_form_choice(f, "nic", "NIC model", nic_labels, NULL, N(nic_labels), 0);
    fld = vd_form_text(f, "mac", "MAC address", "");
    vd_field_validate(fld, v_mac, w);
    vd_field_set_help(fld, "Empty: libvirt picks one");

    vd_form_page(f, "Graphics");
    vd_form_choice(f, "gfx", "Display", gfx_labels, gfx_values, N(gfx_labels), 0);
    fld = vd_form_text(f, "listen", "Listen address", "127.0.0.1");
    vd_field_validate(fld, v_listen, w);
    fld = vd_form_password(f, "password", "Password", "");
    vd_field_validate(fld, v_password, w);
    vd_field_set_help(fld, "Optional; at most 8 characters for VNC");
    vd_form_choice(f, "video", "Video", video_labels, NULL, N(video_labels), 0);

    vd_form_page(f, "Firmware and boot");
    fld = vd_form_choice(f, "firmware", "Firmware", fw_labels, NULL, N(fw_labels), 0);
    vd_field_validate(fld, v_firmware, w);
    vd_form_choice(f, "boot", "Boot order", boot_labels, boot_values,
                   N(boot_labels), 0);

    vd_form_page(f, "Advanced");
    for (size_t i = 0; i < N(adv_fields); i++) {
        char id[32];

        snprintf(id, sizeof(id), "dev_%s", adv_fields[i].kind);
        fld = vd_form_text(f, id, adv_fields[i].label, "");
        vd_field_validate(fld, v_devopt, w);
        vd_field_set_help(fld, adv_fields[i].help);
    }

    vd_form_page(f, "Review");
    vd_form_label(f, "summary", NULL, "");
    vd_form_button(f, "create", "Create");
    vd_form_button(f, "start", "Create and start");
    vd_form_button(f, "xml", "Show XML");
    vd_form_button(f, "save", "Save XML");

    vd_form_on_change(f, on_change);
    vd_form_on_page(f, on_page);
    vd_form_on_submit(f, on_submit);
    vd_form_on_result(f, on_result);
    update_visibility(f);
    if (!vd_form_show(app, f))
        return;
    vd_form_submit_cmd(app, f, hi, &cmd);
    cmd = (vd_cmd){ .kind = VD_CMD_OS_LIST };
    vd_form_submit_cmd(app, f, hi, &cmd);
}

/* Key handler: the wizard for the selected host. */
void
vd_act_create(vd_app *app, const vd_binding *b)
{
    (void)b;
    vd_wizard_open(app, app->host_sel.cursor);
}
