/*
 * domspec.c: the words of the spec's enums, ownership helpers and the
 * values derived from a spec (volume name, boot order).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "virtdeck/domspec.h"

static const char *const virt_type_names[VD_VIRT_LAST] = {
    "kvm", "qemu", "test",
};
static const char *const cpu_mode_names[VD_CPU_LAST] = {
    "", "host-passthrough", "host-model",
};
static const char *const disk_format_names[VD_FMT_LAST] = {
    "", "qcow2", "raw",
};
static const char *const disk_bus_names[VD_BUS_LAST] = {
    "virtio", "sata", "scsi", "ide", "usb", "fdc",
};
static const char *const disk_cache_names[VD_CACHE_LAST] = {
    "", "none", "writethrough", "writeback", "directsync", "unsafe",
};
static const char *const nic_model_names[VD_NIC_LAST] = {
    "virtio", "e1000e", "e1000", "rtl8139", "vmxnet3", "ne2k_pci", "pcnet",
};
static const char *const gfx_kind_names[VD_GFX_LAST] = {
    "none", "vnc", "spice",
};
static const char *const video_model_names[VD_VIDEO_LAST] = {
    "", "vga", "virtio", "qxl", "bochs", "cirrus", "none",
};
static const char *const boot_dev_names[VD_BOOT_LAST] = {
    "hd", "cdrom", "network",
};

/* names[v] when v is in range, else "". */
static const char *
enum_name(const char *const *names, int n, int v)
{
    return v >= 0 && v < n ? names[v] : "";
}

/* The index of word in names, "default" meaning the "" entry; -1. */
static int
enum_parse(const char *const *names, int n, const char *word)
{
    int i;

    if (!word)
        return -1;
    for (i = 0; i < n; i++) {
        if (names[i][0] ? strcmp(names[i], word) == 0
                        : strcmp(word, "default") == 0)
            return i;
    }
    return -1;
}

#define ENUM_FUNCS(type, fname, names, last) \
    const char *vd_##fname##_name(type v) \
    { return enum_name(names, last, (int)v); } \
    int vd_##fname##_parse(const char *word) \
    { return enum_parse(names, last, word); }

/* Word <-> value for each enum. */
ENUM_FUNCS(vd_virt_type, virt_type, virt_type_names, VD_VIRT_LAST)
ENUM_FUNCS(vd_cpu_mode, cpu_mode, cpu_mode_names, VD_CPU_LAST)
ENUM_FUNCS(vd_disk_format, disk_format, disk_format_names, VD_FMT_LAST)
ENUM_FUNCS(vd_disk_bus, disk_bus, disk_bus_names, VD_BUS_LAST)
ENUM_FUNCS(vd_disk_cache, disk_cache, disk_cache_names, VD_CACHE_LAST)
ENUM_FUNCS(vd_nic_model, nic_model, nic_model_names, VD_NIC_LAST)
ENUM_FUNCS(vd_gfx_kind, gfx_kind, gfx_kind_names, VD_GFX_LAST)
ENUM_FUNCS(vd_video_model, video_model, video_model_names, VD_VIDEO_LAST)
ENUM_FUNCS(vd_boot_dev, boot_dev, boot_dev_names, VD_BOOT_LAST)

/* Replace *field with a copy of value. */
int
vd_spec_set(char **field, const char *value)
{
    char *copy = NULL;

    if (value && *value && !(copy = strdup(value)))
        return -1;
    free(*field);
    *field = copy;
    return 0;
}

/* Free one disk's strings and zero it. */
void
vd_disk_spec_clear(vd_disk_spec *d)
{
    if (!d)
        return;
    free(d->pool);
    free(d->volume);
    free(d->path);
    free(d->device);
    free(d->io);
    free(d->discard);
    free(d->serial);
    free(d->backing);
    memset(d, 0, sizeof(*d));
}

/* Free one NIC's strings and zero it. */
void
vd_net_spec_clear(vd_net_spec *n)
{
    if (!n)
        return;
    free(n->source);
    free(n->mac);
    free(n->link_state);
    memset(n, 0, sizeof(*n));
}

/* Free the strings of a domain spec and zero it. */
void
vd_domain_spec_clear(vd_domain_spec *s)
{
    size_t i;

    if (!s)
        return;
    free(s->name);
    free(s->uuid);
    free(s->arch);
    free(s->machine);
    free(s->os_variant);
    free(s->os_id);
    free(s->cpu_model);
    free(s->install.pool);
    free(s->install.volume);
    free(s->install.path);
    free(s->install.location);
    free(s->install.kernel);
    free(s->install.initrd);
    free(s->install.extra_args);
    vd_disk_spec_clear(&s->disk);
    vd_net_spec_clear(&s->net);
    for (i = 0; i < s->n_more_disks; i++)
        vd_disk_spec_clear(&s->more_disks[i]);
    free(s->more_disks);
    for (i = 0; i < s->n_more_nets; i++)
        vd_net_spec_clear(&s->more_nets[i]);
    free(s->more_nets);
    for (i = 0; i < s->n_devopts; i++)
        free(s->devopts[i]);
    free(s->devopts);
    free(s->gfx.listen);
    free(s->gfx.password);
    free(s->gfx.keymap);
    memset(s, 0, sizeof(*s));
}

/* Append the item of size bytes at item to the array *arr of *n,
 * moving it (item is zeroed). 0 or -1. */
static int
append_moved(void *arr, size_t *n, void *item, size_t size)
{
    char *grown = realloc(*(void **)arr, (*n + 1) * size);

    if (!grown)
        return -1;
    *(void **)arr = grown;
    memcpy(grown + *n * size, item, size);
    (*n)++;
    memset(item, 0, size);
    return 0;
}

/* Append a disk (moved). */
int
vd_spec_add_disk(vd_domain_spec *spec, vd_disk_spec *d)
{
    return append_moved(&spec->more_disks, &spec->n_more_disks, d, sizeof(*d));
}

/* Append a NIC (moved). */
int
vd_spec_add_net(vd_domain_spec *spec, vd_net_spec *n)
{
    return append_moved(&spec->more_nets, &spec->n_more_nets, n, sizeof(*n));
}

/* Append "KIND:VALUE". */
int
vd_spec_add_devopt(vd_domain_spec *spec, const char *kind, const char *value)
{
    char **grown, *opt = NULL;

    if (asprintf(&opt, "%s:%s", kind, value ? value : "") < 0)
        return -1;
    if (!(grown = realloc(spec->devopts, (spec->n_devopts + 1) * sizeof(*grown)))) {
        free(opt);
        return -1;
    }
    spec->devopts = grown;
    grown[spec->n_devopts++] = opt;
    return 0;
}

/* Free the strings of a volume spec and zero it. */
void
vd_volume_spec_clear(vd_volume_spec *v)
{
    if (!v)
        return;
    free(v->name);
    free(v->backing);
    memset(v, 0, sizeof(*v));
}

/* Free the strings of host caps and zero them. */
void
vd_host_caps_clear(vd_host_caps *c)
{
    if (!c)
        return;
    free(c->emulator);
    free(c->machine);
    free(c->arch);
    free(c->uefi_loader);
    memset(c, 0, sizeof(*c));
}

/* Duplicate *p in place (NULL stays NULL). 0 or -1. */
static int
dup_in_place(char **p)
{
    if (*p && !(*p = strdup(*p)))
        return -1;
    return 0;
}

/* Duplicate a disk's strings in place. 0 or -1. */
static int
dup_disk(vd_disk_spec *d)
{
    char **f[] = { &d->pool, &d->volume, &d->path, &d->device, &d->io,
                   &d->discard, &d->serial, &d->backing };
    size_t i, n = sizeof(f) / sizeof(f[0]);

    for (i = 0; i < n; i++) {
        if (dup_in_place(f[i]) < 0) {
            for (; i < n; i++)
                *f[i] = NULL;
            return -1;
        }
    }
    return 0;
}

/* Duplicate a NIC's strings in place. 0 or -1. */
static int
dup_net(vd_net_spec *nt)
{
    char **f[] = { &nt->source, &nt->mac, &nt->link_state };
    size_t i, n = sizeof(f) / sizeof(f[0]);

    for (i = 0; i < n; i++) {
        if (dup_in_place(f[i]) < 0) {
            for (; i < n; i++)
                *f[i] = NULL;
            return -1;
        }
    }
    return 0;
}

/* Deep copy of a domain spec. */
int
vd_domain_spec_copy(vd_domain_spec *dst, const vd_domain_spec *src)
{
    char **fields[] = {
        &dst->name, &dst->uuid, &dst->arch, &dst->machine,
        &dst->os_variant, &dst->os_id, &dst->cpu_model,
        &dst->install.pool, &dst->install.volume, &dst->install.path,
        &dst->install.location, &dst->install.kernel, &dst->install.initrd,
        &dst->install.extra_args,
        &dst->gfx.listen, &dst->gfx.password, &dst->gfx.keymap,
    };
    size_t i, n = sizeof(fields) / sizeof(fields[0]);
    bool ok = true;

    *dst = *src;
    dst->more_disks = NULL;
    dst->more_nets = NULL;
    dst->devopts = NULL;
    dst->n_more_disks = dst->n_more_nets = dst->n_devopts = 0;
    for (i = 0; i < n; i++) {
        if (dup_in_place(fields[i]) < 0) {
            for (; i < n; i++)
                *fields[i] = NULL;
            ok = false;
            break;
        }
    }
    if (dup_disk(&dst->disk) < 0) {
        memset(&dst->disk, 0, sizeof(dst->disk));
        ok = false;
    }
    if (dup_net(&dst->net) < 0) {
        memset(&dst->net, 0, sizeof(dst->net));
        ok = false;
    }
    for (i = 0; ok && i < src->n_more_disks; i++) {
        vd_disk_spec d = src->more_disks[i];
        if (dup_disk(&d) < 0 || vd_spec_add_disk(dst, &d) < 0) {
            vd_disk_spec_clear(&d);
            ok = false;
        }
    }
    for (i = 0; ok && i < src->n_more_nets; i++) {
        vd_net_spec nt = src->more_nets[i];
        if (dup_net(&nt) < 0 || vd_spec_add_net(dst, &nt) < 0) {
            vd_net_spec_clear(&nt);
            ok = false;
        }
    }
    for (i = 0; ok && i < src->n_devopts; i++) {
        char **grown = realloc(dst->devopts, (i + 1) * sizeof(*grown));
        if (!grown || !(grown[i] = strdup(src->devopts[i]))) {
            if (grown)
                dst->devopts = grown;
            ok = false;
            break;
        }
        dst->devopts = grown;
        dst->n_devopts = i + 1;
    }
    if (!ok) {
        vd_domain_spec_clear(dst);
        return -1;
    }
    return 0;
}

/* The name of a NEW_VOLUME disk's volume. */
char *
vd_spec_new_volume_name(const vd_domain_spec *spec)
{
    char *name = NULL;

    if (spec->disk.volume && *spec->disk.volume)
        return strdup(spec->disk.volume);
    if (!spec->name || !*spec->name)
        return NULL;
    if (asprintf(&name, "%s.%s", spec->name,
                 spec->disk.format == VD_FMT_RAW ? "img" : "qcow2") < 0)
        return NULL;
    return name;
}

/* The boot order in effect. */
size_t
vd_spec_boot_order(const vd_domain_spec *spec, vd_boot_dev *out)
{
    size_t i, n = 0;

    if (spec->nboot > 0) {
        for (i = 0; i < spec->nboot && i < VD_SPEC_MAX_BOOT; i++)
            out[n++] = spec->boot[i];
        return n;
    }
    switch (spec->install.kind) {
    case VD_INSTALL_CDROM_VOLUME:
    case VD_INSTALL_CDROM_PATH:
        out[n++] = VD_BOOT_CDROM;
        break;
    case VD_INSTALL_PXE:
        out[n++] = VD_BOOT_NETWORK;
        break;
    default:
        break;
    }
    /* no disk: nothing to boot from but the install medium */
    if (n == 0 || spec->disk.kind != VD_DISK_NONE)
        out[n++] = VD_BOOT_HD;
    return n;
}

/* The volume a NEW_VOLUME disk needs. */
int
vd_spec_volume(const vd_domain_spec *spec, vd_volume_spec *vol)
{
    memset(vol, 0, sizeof(*vol));
    if (spec->disk.kind != VD_DISK_NEW_VOLUME)
        return -1;
    if (!(vol->name = vd_spec_new_volume_name(spec)))
        return -1;
    vol->capacity = spec->disk.size_bytes;
    vol->format = spec->disk.format == VD_FMT_UNSET ? VD_FMT_QCOW2
                                                    : spec->disk.format;
    return 0;
}
