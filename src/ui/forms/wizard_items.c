/*
 * wizard_items.c: the create wizard's lists of disks, NICs and host
 * devices. Each list is a page with the list and Add / Edit / Remove
 * buttons; an item is edited in a small sub-form built from its list's
 * field table, every field checked as typed like the wizard's own. The
 * items become the spec's disks, NICs and hostdev entries, which the
 * core's create engine makes (volumes first, undone on failure).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "virtdeck/cloudinit.h"
#include "virtdeck/devopts.h"
#include "ui/widgets/draw.h"
#include "ui/widgets/table.h"
#include "ui/forms/wizard_priv.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* ---- the field tables ---- */

enum { FILL_NONE, FILL_POOLS, FILL_NETS, FILL_ISO, FILL_VOLS, FILL_IMAGES,
       FILL_NODEDEVS };

/* One field of an item's sub-form. kinds: bit k set when the field is
 * shown for the kind choice's entry k (0: always shown). */
typedef struct wz_field {
    const char *id, *label;
    vd_field_type type;
    const char *const *labels, *const *values;
    size_t n;
    const char *initial;
    const char *unit, *help;
    vd_field_check_fn check;
    unsigned int kinds;
    int fill;
} wz_field;

/* What a list holds and how it is shown. */
typedef struct wz_kind {
    const char *noun;           /* "disk" */
    const char *list_id, *list_label;
    const wz_field *fields;
    size_t nfields;
    bool editable;              /* an Edit button */
} wz_kind;

/* disks */
enum { DK_NEW, DK_VOL, DK_PATH, DK_CD_VOL, DK_CD_PATH };
static const char *const dk_labels[] = {
    "New volume in a pool", "Existing volume", "File or device on the host",
    "CD-ROM: ISO volume", "CD-ROM: ISO file on the host",
};
static const char *const dk_values[] = {
    "new", "volume", "path", "cdrom-volume", "cdrom-path",
};
enum { D_KIND, D_POOL, D_SIZE, D_FORMAT, D_VOLNAME, D_IMAGE, D_VOL, D_ISO,
       D_PATH, D_BUS, D_CACHE, D_IO, D_DISCARD, D_SERIAL, D_ACCESS, D_BOOT };
static const char *const fmt_labels[] = { "qcow2", "raw" };
static const char *const bus_labels[] = { "virtio", "sata", "scsi" };
static const char *const cache_labels[] = {
    "default", "none", "writethrough", "writeback", "directsync", "unsafe",
};
static const char *const io_labels[] = { "default", "native", "threads", "io_uring" };
static const char *const discard_labels[] = { "default", "unmap", "ignore" };
static const char *const access_labels[] = {
    "read-write", "read-only", "shareable (several guests)",
};
static const char *const access_values[] = { "rw", "ro", "sh" };

/* NICs */
enum { NK_NETWORK, NK_BRIDGE, NK_MACVTAP };
static const char *const nk_labels[] = {
    "Virtual network", "Host bridge", "macvtap on a host interface",
};
static const char *const nk_values[] = { "network", "bridge", "macvtap" };
enum { N_KIND, N_NETWORK, N_BRIDGE, N_IFACE, N_MODEL, N_MAC, N_LINK, N_BOOT };
static const char *const nic_labels[] = { "virtio", "e1000e", "e1000", "rtl8139" };
static const char *const link_labels[] = { "default", "up", "down" };

/* host devices */
enum { H_DEV };

#define K(k) (1u << (k))

static bool v_pool(const vd_form *, const vd_field *, const char *, char *, size_t, void *);
static bool v_size(const vd_form *, const vd_field *, const char *, char *, size_t, void *);
static bool v_volname(const vd_form *, const vd_field *, const char *, char *, size_t, void *);
static bool v_bus(const vd_form *, const vd_field *, const char *, char *, size_t, void *);
static bool v_network(const vd_form *, const vd_field *, const char *, char *, size_t, void *);
static bool v_ifname(const vd_form *, const vd_field *, const char *, char *, size_t, void *);
static bool v_mac(const vd_form *, const vd_field *, const char *, char *, size_t, void *);
static bool v_nodedev(const vd_form *, const vd_field *, const char *, char *, size_t, void *);
static bool v_serial(const vd_form *, const vd_field *, const char *, char *, size_t, void *);
static bool v_boot(const vd_form *, const vd_field *, const char *, char *, size_t, void *);

static const wz_field disk_fields[] = {
    [D_KIND] = { "kind", "Disk", VD_FIELD_CHOICE, dk_labels, dk_values,
                 N(dk_labels), "new", NULL, NULL, NULL, 0, FILL_NONE },
    [D_POOL] = { "pool", "Pool", VD_FIELD_CHOICE, NULL, NULL, 0, NULL, NULL,
                 NULL, v_pool, K(DK_NEW), FILL_POOLS },
    [D_SIZE] = { "size", "Size", VD_FIELD_NUMBER, NULL, NULL, 0, "20", "GiB",
                 NULL, v_size, K(DK_NEW), FILL_NONE },
    [D_FORMAT] = { "format", "Format", VD_FIELD_CHOICE, fmt_labels, NULL,
                   N(fmt_labels), "qcow2", NULL, NULL, NULL, K(DK_NEW), FILL_NONE },
    [D_VOLNAME] = { "volname", "Volume name", VD_FIELD_TEXT, NULL, NULL, 0, "",
                    NULL, "Empty: NAME.qcow2, NAME-1.qcow2 for the second "
                    "disk and so on (.img for raw), as virtdeck create names them", v_volname, K(DK_NEW), FILL_NONE },
    [D_IMAGE] = { "image", "Cloud image", VD_FIELD_LIST, NULL, NULL, 0, "", NULL,
                  "Optional: the new volume starts from this image (it "
                  "becomes the volume's backing store)", NULL, K(DK_NEW),
                  FILL_IMAGES },
    [D_VOL] = { "vol", "Volume", VD_FIELD_LIST, NULL, NULL, 0, "", NULL,
                "Type to search", wz_v_volume, K(DK_VOL), FILL_VOLS },
    [D_ISO] = { "iso", "ISO volume", VD_FIELD_LIST, NULL, NULL, 0, "", NULL,
                "Type to search", wz_v_volume, K(DK_CD_VOL), FILL_ISO },
    [D_PATH] = { "path", "Path", VD_FIELD_TEXT, NULL, NULL, 0, "", NULL,
                 "A file or block device on the host", wz_v_path,
                 K(DK_PATH) | K(DK_CD_PATH), FILL_NONE },
    [D_BUS] = { "bus", "Bus", VD_FIELD_CHOICE, bus_labels, NULL, N(bus_labels),
                "virtio", NULL, NULL, v_bus, 0, FILL_NONE },
    [D_CACHE] = { "cache", "Cache", VD_FIELD_CHOICE, cache_labels, NULL,
                  N(cache_labels), "default", NULL, NULL, NULL,
                  K(DK_NEW) | K(DK_VOL) | K(DK_PATH), FILL_NONE },
    [D_IO] = { "io", "I/O mode", VD_FIELD_CHOICE, io_labels, NULL, N(io_labels),
               "default", NULL, "QEMU's I/O for the disk (virt-install io=)",
               NULL, K(DK_NEW) | K(DK_VOL) | K(DK_PATH), FILL_NONE },
    [D_DISCARD] = { "discard", "Discard", VD_FIELD_CHOICE, discard_labels, NULL,
                    N(discard_labels), "default", NULL,
                    "unmap: the guest's TRIM frees space in the volume",
                    NULL, K(DK_NEW) | K(DK_VOL) | K(DK_PATH), FILL_NONE },
    [D_SERIAL] = { "serial", "Serial", VD_FIELD_TEXT, NULL, NULL, 0, "", NULL,
                   "Optional: the serial number the guest sees", v_serial,
                   K(DK_NEW) | K(DK_VOL) | K(DK_PATH), FILL_NONE },
    [D_ACCESS] = { "access", "Access", VD_FIELD_CHOICE, access_labels,
                   access_values, N(access_labels), "rw", NULL, NULL, NULL,
                   K(DK_NEW) | K(DK_VOL) | K(DK_PATH), FILL_NONE },
    [D_BOOT] = { "boot", "Boot order", VD_FIELD_TEXT, NULL, NULL, 0, "", NULL,
                 "Optional: 1 boots first (then the host tries 2, ...)", v_boot,
                 0, FILL_NONE },
};

static const wz_field nic_fields[] = {
    [N_KIND] = { "kind", "Connect to", VD_FIELD_CHOICE, nk_labels, nk_values,
                 N(nk_labels), "network", NULL, NULL, NULL, 0, FILL_NONE },
    [N_NETWORK] = { "network", "Network", VD_FIELD_CHOICE, NULL, NULL, 0, NULL,
                    NULL, NULL, v_network, K(NK_NETWORK), FILL_NETS },
    [N_BRIDGE] = { "bridge", "Bridge", VD_FIELD_TEXT, NULL, NULL, 0, "", NULL,
                   NULL, v_ifname, K(NK_BRIDGE), FILL_NONE },
    [N_IFACE] = { "iface", "Host interface", VD_FIELD_TEXT, NULL, NULL, 0, "",
                  NULL, NULL, v_ifname, K(NK_MACVTAP), FILL_NONE },
    [N_MODEL] = { "model", "NIC model", VD_FIELD_CHOICE, nic_labels, NULL,
                  N(nic_labels), "virtio", NULL, NULL, NULL, 0, FILL_NONE },
    [N_MAC] = { "mac", "MAC address", VD_FIELD_TEXT, NULL, NULL, 0, "", NULL,
                "Empty: libvirt picks one", v_mac, 0, FILL_NONE },
    [N_LINK] = { "link", "Link", VD_FIELD_CHOICE, link_labels, NULL,
                 N(link_labels), "default", NULL,
                 "down: the cable is unplugged until you plug it in", NULL, 0,
                 FILL_NONE },
    [N_BOOT] = { "boot", "Boot order", VD_FIELD_TEXT, NULL, NULL, 0, "", NULL,
                 "Optional: 1 boots first (then the host tries 2, ...)", v_boot,
                 0, FILL_NONE },
};

static const wz_field hostdev_fields[] = {
    [H_DEV] = { "dev", "Host device", VD_FIELD_LIST, NULL, NULL, 0, "", NULL,
                "The host's PCI and USB devices; type to search", v_nodedev, 0,
                FILL_NODEDEVS },
};

static const wz_kind kinds[WZ_NLISTS] = {
    [WZ_DISKS] = { "disk", "disks", "Disks", disk_fields, N(disk_fields), true },
    [WZ_NICS] = { "NIC", "nics", "NICs", nic_fields, N(nic_fields), true },
    [WZ_HOSTDEVS] = { "host device", "hostdevs", "Host devices", hostdev_fields,
                      N(hostdev_fields), false },
};

_Static_assert(N(disk_fields) <= WZ_MAX_FIELDS && N(nic_fields) <= WZ_MAX_FIELDS,
               "an item has more fields than wz_item holds");

/* ---- items ---- */

/* An item's value of field i ("" when none). */
static const char *
iv(const wz_item *it, size_t i)
{
    return it->v[i] ? it->v[i] : "";
}

/* The index of value among a kind choice's values, or 0. */
static size_t
kind_index(const wz_field *f, const char *value)
{
    for (size_t i = 0; i < f->n; i++)
        if (strcmp(f->values ? f->values[i] : f->labels[i], value) == 0)
            return i;
    return 0;
}

/* The name of the volume a new disk makes: volname, or NAME.qcow2 for
 * the first disk and NAME-I.qcow2 for the disk of index I (.img for
 * raw), the names `virtdeck create` gives. */
static void
item_volname(const wizard *w, size_t idx, const wz_item *it, char *buf, size_t len)
{
    const char *ext = strcmp(iv(it, D_FORMAT), "raw") == 0 ? "img" : "qcow2";
    const char *name = vd_form_value(w->form, "name");

    if (*iv(it, D_VOLNAME))
        snprintf(buf, len, "%s", iv(it, D_VOLNAME));
    else if (idx == 0)
        snprintf(buf, len, "%s.%s", name, ext);
    else
        snprintf(buf, len, "%s-%zu.%s", name, idx, ext);
}

/* The facts' volume named "pool/name", or NULL. */
static const vd_create_vol *
facts_volume(const wizard *w, const char *pool_slash_name)
{
    const char *slash = strchr(pool_slash_name, '/');

    for (size_t i = 0; slash && w->facts && i < w->facts->nvols; i++) {
        const vd_create_vol *v = &w->facts->vols[i];

        if (strlen(v->pool) == (size_t)(slash - pool_slash_name) &&
            strncmp(v->pool, pool_slash_name, (size_t)(slash - pool_slash_name)) == 0 &&
            strcmp(v->name, slash + 1) == 0)
            return v;
    }
    return NULL;
}

/* Whether another new disk than skip makes volume name in pool. */
static long
other_new_volume(const wizard *w, size_t skip, const char *pool, const char *name)
{
    const wz_list *l = &w->lists[WZ_DISKS];
    char buf[512];

    for (size_t i = 0; i < l->n; i++) {
        if (i == skip || strcmp(iv(&l->items[i], D_KIND), "new") != 0 ||
            strcmp(iv(&l->items[i], D_POOL), pool) != 0)
            continue;
        item_volname(w, i, &l->items[i], buf, sizeof(buf));
        if (strcmp(buf, name) == 0)
            return (long)i;
    }
    return -1;
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

/* A new volume's name in pool for disk idx: free on the host, among
 * the other disks and against the seed. */
static bool
check_new_volume(const wizard *w, size_t idx, const char *pool, const char *name,
                 char *err, size_t errlen)
{
    char seed[512];
    long other;

    if (!vd_check_into(vd_check_volume_name(name, pool, volume_exists(w, pool, name),
                                      false), err, errlen))
        return false;
    if ((other = other_new_volume(w, idx, pool, name)) >= 0) {
        snprintf(err, errlen, "disk %ld makes a volume '%s' in pool '%s' "
                 "already", other + 1, name, pool);
        return false;
    }
    snprintf(seed, sizeof(seed), "%s-cidata.iso", vd_form_value(w->form, "name"));
    if (vd_form_checked(w->form, "ci") && strcmp(name, seed) == 0) {
        snprintf(err, errlen, "'%s' is the name of the cloud-init seed", name);
        return false;
    }
    return true;
}

/* ---- validators of the sub-forms (ctx: the wizard) ---- */

/* value against the host's pools (pools) or networks: known and active. */
static bool
check_named(wizard *w, bool pools, const char *value, char *err, size_t errlen)
{
    const vd_snapshot *s = wz_snap(w);
    size_t total = !s ? 0 : pools ? s->npools : s->nnetworks;
    const char **names = calloc(total + 1, sizeof(*names));
    bool *active = calloc(total + 1, sizeof(*active));
    bool ok;

    for (size_t i = 0; names && active && i < total; i++) {
        const char *name = pools ? s->pools[i].name : s->networks[i].name;

        names[i] = name ? name : "";
        active[i] = pools ? s->pools[i].state == VD_POOL_RUNNING : s->networks[i].active;
    }
    if (!names || !active)
        total = 0;
    ok = vd_check_into(pools ? vd_check_pool(value, names, active, total)
                       : vd_check_network(value, names, active, total), err, errlen);
    free(names);
    free(active);
    return ok;
}

static bool
v_pool(const vd_form *f, const vd_field *fld, const char *value, char *err,
       size_t errlen, void *ctx)
{
    (void)f;
    (void)fld;
    return check_named(ctx, true, value, err, errlen);
}

static bool
v_size(const vd_form *f, const vd_field *fld, const char *value, char *err,
       size_t errlen, void *ctx)
{
    wizard *w = ctx;
    const char *pool = vd_form_value(f, "pool");
    const vd_pool *p = vd_snapshot_find_pool(wz_snap(w), pool);
    long long gib = vd_field_number(fld);

    (void)value;
    if (gib <= 0) {
        snprintf(err, errlen, "the size must be at least 1 GiB");
        return false;
    }
    return vd_check_into(vd_check_disk_size((unsigned long long)gib * VD_GIB, pool,
                                      p ? p->available : 0, p != NULL),
                   err, errlen);
}

static bool
v_volname(const vd_form *f, const vd_field *fld, const char *value, char *err,
          size_t errlen, void *ctx)
{
    wizard *w = ctx;
    wz_item it = { 0 };
    char name[512];

    (void)fld;
    it.v[D_VOLNAME] = (char *)value;
    it.v[D_FORMAT] = (char *)vd_form_value(f, "format");
    item_volname(w, w->sub_index, &it, name, sizeof(name));
    return check_new_volume(w, w->sub_index, vd_form_value(f, "pool"), name,
                            err, errlen);
}

static bool
v_bus(const vd_form *f, const vd_field *fld, const char *value, char *err,
      size_t errlen, void *ctx)
{
    (void)fld;
    (void)ctx;
    if (strncmp(vd_form_value(f, "kind"), "cdrom", 5) == 0 &&
        strcmp(value, "virtio") == 0) {
        snprintf(err, errlen, "a CD-ROM cannot be on the virtio bus: choose "
                 "sata or scsi");
        return false;
    }
    return true;
}

static bool
v_network(const vd_form *f, const vd_field *fld, const char *value, char *err,
          size_t errlen, void *ctx)
{
    (void)f;
    (void)fld;
    return check_named(ctx, false, value, err, errlen);
}

static bool
v_ifname(const vd_form *f, const vd_field *fld, const char *value, char *err,
         size_t errlen, void *ctx)
{
    (void)f;
    (void)fld;
    (void)ctx;
    return vd_check_into(vd_check_ifname(value), err, errlen);
}

/* A MAC: well-formed, and not that of another NIC. */
static bool
v_mac(const vd_form *f, const vd_field *fld, const char *value, char *err,
      size_t errlen, void *ctx)
{
    wizard *w = ctx;
    const wz_list *l = &w->lists[WZ_NICS];

    (void)f;
    (void)fld;
    if (!vd_check_into(vd_check_mac(value), err, errlen))
        return false;
    for (size_t i = 0; *value && i < l->n; i++)
        if (i != w->sub_index && strcasecmp(iv(&l->items[i], N_MAC), value) == 0) {
            snprintf(err, errlen, "NIC %zu has the MAC address %s already", i + 1,
                     value);
            return false;
        }
    return true;
}

/* A disk's serial (domspec.h's rule). */
static bool
v_serial(const vd_form *f, const vd_field *fld, const char *value, char *err,
         size_t errlen, void *ctx)
{
    (void)f;
    (void)fld;
    (void)ctx;
    return vd_check_into(vd_check_disk_serial(value), err, errlen);
}

/* A boot order: 1 to 99, or empty. */
static bool
v_boot(const vd_form *f, const vd_field *fld, const char *value, char *err,
       size_t errlen, void *ctx)
{
    unsigned int order;

    (void)f;
    (void)fld;
    (void)ctx;
    return vd_check_into(vd_check_boot_order(value, &order), err, errlen);
}

/* The host's device with value (0000:00:19.0), or NULL. */
static const vd_nodedev *
find_nodedev(const wizard *w, const char *value)
{
    for (size_t i = 0; w->nodedevs && i < w->nodedevs->n; i++)
        if (strcmp(w->nodedevs->devs[i].value, value) == 0)
            return &w->nodedevs->devs[i];
    return NULL;
}

/* A host device: chosen, free, not chosen twice. */
static bool
v_nodedev(const vd_form *f, const vd_field *fld, const char *value, char *err,
          size_t errlen, void *ctx)
{
    wizard *w = ctx;
    const wz_list *l = &w->lists[WZ_HOSTDEVS];
    const vd_nodedev *d;

    (void)f;
    (void)fld;
    if (!w->nodedevs) {
        snprintf(err, errlen, "%s", w->nodedev_error ? w->nodedev_error
                 : "reading the host's devices...");
        return false;
    }
    if (!*value) {
        snprintf(err, errlen, "choose a device (type to search)");
        return false;
    }
    if ((d = find_nodedev(w, value)) && d->used_by) {
        snprintf(err, errlen, "%s is in use: domain '%s' has it", value, d->used_by);
        return false;
    }
    for (size_t i = 0; i < l->n; i++)
        if (i != w->sub_index && strcmp(iv(&l->items[i], H_DEV), value) == 0) {
            snprintf(err, errlen, "%s is chosen already", value);
            return false;
        }
    return true;
}

/* ---- filling choices and lists ---- */

/* The host's devices as a list's entries. */
static void
fill_nodedevs(wizard *w, vd_field *fld)
{
    size_t n = w->nodedevs ? w->nodedevs->n : 0, m = 0;
    const char **labels = calloc(n + 1, sizeof(*labels));
    const char **values = calloc(n + 1, sizeof(*values));
    char **own = calloc(n + 1, sizeof(*own));

    for (size_t i = 0; labels && values && own && i < n; i++) {
        const vd_nodedev *d = &w->nodedevs->devs[i];

        if (asprintf(&own[m], "%s %s  %s %s%s%s%s", d->pci ? "PCI" : "USB", d->value,
                     d->vendor ? d->vendor : "", d->product ? d->product : "",
                     d->used_by ? "  (in use by " : "", d->used_by ? d->used_by : "",
                     d->used_by ? ")" : "") < 0) {
            own[m] = NULL;
            continue;
        }
        labels[m] = own[m];
        values[m++] = d->value;
    }
    if (labels && values)
        vd_field_set_items(fld, labels, values, m);
    for (size_t i = 0; own && i < m; i++)
        free(own[i]);
    free(own);
    free(labels);
    free(values);
}

/* Fill fld as table entry t says. */
static void
fill_field(wizard *w, vd_field *fld, const wz_field *t)
{
    switch (t->fill) {
    case FILL_POOLS: wz_fill_pools(w, fld); break;
    case FILL_NETS: wz_fill_networks(w, fld); break;
    case FILL_ISO: wz_fill_volumes(w, fld, true, false); break;
    case FILL_VOLS: wz_fill_volumes(w, fld, false, false); break;
    case FILL_IMAGES: wz_fill_volumes(w, fld, false, true); break;
    case FILL_NODEDEVS: fill_nodedevs(w, fld); break;
    default: break;
    }
}

/* ---- the sub-form ---- */

/* Show the sub-form's fields its kind needs. */
static void
sub_visibility(wizard *w)
{
    const wz_kind *k = &kinds[w->sub_list];
    size_t ki = kind_index(&k->fields[0], vd_form_value(w->sub, k->fields[0].id));

    for (size_t i = 1; i < k->nfields; i++)
        if (k->fields[i].kinds)
            vd_field_set_hidden(vd_form_field(w->sub, k->fields[i].id),
                                !(k->fields[i].kinds & K(ki)));
}

static void
sub_change(vd_app *app, vd_form *f, vd_field *fld, void *ctx)
{
    wizard *w = ctx;

    (void)app;
    (void)f;
    sub_visibility(w);
    if (strcmp(vd_field_id(fld), "path") == 0 && vd_field_value(fld)[0] == '/')
        wz_ask_path(w, vd_field_value(fld));
    /* a CD-ROM is not on virtio: the bus follows until the user chose */
    if (strcmp(vd_field_id(fld), "kind") == 0 && w->sub_list == WZ_DISKS &&
        !vd_field_touched(vd_form_field(w->sub, "bus")))
        vd_field_set_value(vd_form_field(w->sub, "bus"),
                           strncmp(vd_field_value(fld), "cdrom", 5) == 0 ? "sata"
                                                                           : "virtio");
}

/* The main form's list of list: its rows again, item sel chosen. */
static void
refill_list(wizard *w, int list, size_t sel);

/* OK in the sub-form: save the item and go back to the list page. */
static void
sub_submit(vd_app *app, vd_form *f, const char *button, void *ctx)
{
    wizard *w = ctx;
    const wz_kind *k = &kinds[w->sub_list];
    wz_list *l = &w->lists[w->sub_list];
    wz_item it = { .edited = true };

    (void)button;
    for (size_t i = 0; i < k->nfields; i++) {
        if (!(it.v[i] = strdup(vd_form_value(f, k->fields[i].id)))) {
            for (size_t j = 0; j < i; j++)
                free(it.v[j]);
            vd_form_message(f, VD_MSG_ERROR, "out of memory");
            return;
        }
    }
    if (w->sub_index >= l->n) {
        wz_item *grown = realloc(l->items, (l->n + 1) * sizeof(*grown));

        if (!grown) {
            for (size_t j = 0; j < k->nfields; j++)
                free(it.v[j]);
            vd_form_message(f, VD_MSG_ERROR, "out of memory");
            return;
        }
        l->items = grown;
        w->sub_index = l->n++;
    } else {
        for (size_t j = 0; j < WZ_MAX_FIELDS; j++)
            free(l->items[w->sub_index].v[j]);
    }
    l->items[w->sub_index] = it;
    refill_list(w, w->sub_list, w->sub_index);
    w->sub = NULL;
    vd_form_close(app, f);
    vd_form_message(w->form, VD_MSG_OK, "Saved %s %zu", k->noun, w->sub_index + 1);
    wz_changed(w);
}

static void
sub_cancel(vd_app *app, vd_form *f, void *ctx)
{
    wizard *w = ctx;

    (void)app;
    (void)f;
    w->sub = NULL;
}

/* Open the sub-form of list for item idx (idx == n: a new item). */
static void
open_item(wizard *w, int list, size_t idx)
{
    const wz_kind *k = &kinds[list];
    const wz_list *l = &w->lists[list];
    const wz_item *it = idx < l->n ? &l->items[idx] : NULL;
    char title[64];
    vd_form *f;

    if (idx < l->n)
        snprintf(title, sizeof(title), "%c%s %zu", k->noun[0] - 32 * (k->noun[0] >= 'a'),
                 k->noun + 1, idx + 1);
    else
        snprintf(title, sizeof(title), "New %s", k->noun);
    if (!(f = vd_form_new(title)))
        return;
    w->sub = f;
    w->sub_list = list;
    w->sub_index = idx;
    vd_form_set_ctx(f, w, NULL);
    for (size_t i = 0; i < k->nfields; i++) {
        const wz_field *t = &k->fields[i];
        vd_field *fld = NULL;

        switch (t->type) {
        case VD_FIELD_CHOICE:
            fld = vd_form_choice(f, t->id, t->label, t->labels, t->values, t->n, 0);
            break;
        case VD_FIELD_NUMBER:
            fld = vd_form_number(f, t->id, t->label, atoll(t->initial), t->unit);
            break;
        case VD_FIELD_LIST:
            fld = vd_form_list(f, t->id, t->label, 5);
            break;
        default:
            fld = vd_form_text(f, t->id, t->label, t->initial ? t->initial : "");
            break;
        }
        if (!fld)
            continue;
        fill_field(w, fld, t);
        if (it && it->v[i])
            vd_field_set_value(fld, it->v[i]);
        else if (t->initial && t->type != VD_FIELD_NUMBER)
            vd_field_set_value(fld, t->initial);
        if (t->check)
            vd_field_validate(fld, t->check, w);
        if (t->help)
            vd_field_set_help(fld, t->help);
    }
    vd_form_set_submit_label(f, "OK");
    vd_form_on_change(f, sub_change);
    vd_form_on_submit(f, sub_submit);
    vd_form_on_cancel(f, sub_cancel);
    sub_visibility(w);
    if (!vd_form_show(w->app, f))
        w->sub = NULL;
    else
        vd_form_revalidate(f);
}

/* See wizard_priv.h. */
void
wz_items_refresh(wizard *w)
{
    const wz_kind *k;

    if (!w->sub)
        return;
    k = &kinds[w->sub_list];
    for (size_t i = 0; i < k->nfields; i++)
        if (k->fields[i].fill == FILL_ISO || k->fields[i].fill == FILL_VOLS ||
            k->fields[i].fill == FILL_IMAGES || k->fields[i].fill == FILL_NODEDEVS) {
            vd_field *fld = vd_form_field(w->sub, k->fields[i].id);
            char *keep = strdup(vd_field_value(fld));

            fill_field(w, fld, &k->fields[i]);
            if (keep && *keep)
                vd_field_set_value(fld, keep);
            free(keep);
        }
    vd_form_revalidate(w->sub);
}

/* ---- the list pages ---- */

/* One item's line, for the list and the review. */
static void
item_summary(const wizard *w, int list, size_t idx, char *buf, size_t len)
{
    const wz_item *it = &w->lists[list].items[idx];
    const char *image;
    char name[256];

    switch (list) {
    case WZ_DISKS:
        switch (kind_index(&disk_fields[D_KIND], iv(it, D_KIND))) {
        case DK_NEW:
            item_volname(w, idx, it, name, sizeof(name));
            image = strchr(iv(it, D_IMAGE), '/');
            snprintf(buf, len, "new %s GiB %s volume in %s (%s%s%s) %s%s%s",
                     iv(it, D_SIZE), iv(it, D_FORMAT), iv(it, D_POOL), iv(it, D_BUS),
                     strcmp(iv(it, D_CACHE), "default") ? ", cache " : "",
                     strcmp(iv(it, D_CACHE), "default") ? iv(it, D_CACHE) : "",
                     name, image ? " from " : "", image ? image + 1 : "");
            break;
        case DK_VOL:
            snprintf(buf, len, "volume %s (%s)", iv(it, D_VOL), iv(it, D_BUS));
            break;
        case DK_PATH:
            snprintf(buf, len, "file %s (%s)", iv(it, D_PATH), iv(it, D_BUS));
            break;
        case DK_CD_VOL:
            snprintf(buf, len, "CD-ROM %s (%s)", iv(it, D_ISO), iv(it, D_BUS));
            break;
        default:
            snprintf(buf, len, "CD-ROM %s (%s)", iv(it, D_PATH), iv(it, D_BUS));
            break;
        }
        break;
    case WZ_NICS:
        switch (kind_index(&nic_fields[N_KIND], iv(it, N_KIND))) {
        case NK_NETWORK:
            snprintf(buf, len, "network %s, %s", iv(it, N_NETWORK), iv(it, N_MODEL));
            break;
        case NK_BRIDGE:
            snprintf(buf, len, "bridge %s, %s", iv(it, N_BRIDGE), iv(it, N_MODEL));
            break;
        default:
            snprintf(buf, len, "macvtap on %s, %s", iv(it, N_IFACE), iv(it, N_MODEL));
            break;
        }
        if (*iv(it, N_MAC)) {
            size_t used = strlen(buf);

            snprintf(buf + used, len - used, ", MAC %s", iv(it, N_MAC));
        }
        break;
    default: {
        const vd_nodedev *d = find_nodedev(w, iv(it, H_DEV));

        snprintf(buf, len, "%s%s%s%s%s", iv(it, H_DEV), d && d->vendor ? "  " : "",
                 d && d->vendor ? d->vendor : "", d && d->product ? " " : "",
                 d && d->product ? d->product : "");
        break;
    }
    }
}

static void
refill_list(wizard *w, int list, size_t sel)
{
    const wz_list *l = &w->lists[list];
    vd_field *fld = vd_form_field(w->form, kinds[list].list_id);
    const char **labels = calloc(l->n + 1, sizeof(*labels));
    const char **values = calloc(l->n + 1, sizeof(*values));
    char (*own)[560] = calloc(l->n + 1, sizeof(*own));
    char (*num)[24] = calloc(l->n + 1, sizeof(*num));

    if (fld && labels && values && own && num) {
        for (size_t i = 0; i < l->n; i++) {
            char line[480];

            item_summary(w, list, i, line, sizeof(line));
            snprintf(own[i], sizeof(own[i]), "%zu. %s", i + 1, line);
            snprintf(num[i], sizeof(num[i]), "%zu", i + 1);
            labels[i] = own[i];
            values[i] = num[i];
        }
        vd_field_set_items(fld, labels, values, l->n);
        if (sel < l->n)
            vd_field_set_value(fld, num[sel]);
    }
    free(labels);
    free(values);
    free(own);
    free(num);
}

/* The list whose page holds button fld ("disks_add" ...). */
static int
button_list(const vd_field *fld)
{
    for (int i = 0; i < WZ_NLISTS; i++)
        if (strncmp(vd_field_id(fld), kinds[i].list_id, strlen(kinds[i].list_id)) == 0)
            return i;
    return WZ_DISKS;
}

static void
press_add(vd_app *app, vd_form *f, vd_field *fld, void *ctx)
{
    wizard *w = ctx;
    int list = button_list(fld);

    (void)app;
    (void)f;
    open_item(w, list, w->lists[list].n);
}

/* The chosen item of list's page, or the message why none. */
static bool
chosen(wizard *w, int list, size_t *idx)
{
    long i = vd_field_index(vd_form_field(w->form, kinds[list].list_id));

    if (i < 0 || (size_t)i >= w->lists[list].n) {
        vd_form_message(w->form, VD_MSG_ERROR, "No %s chosen%s", kinds[list].noun,
                        w->lists[list].n ? ": choose one in the list" : ": add one first");
        return false;
    }
    *idx = (size_t)i;
    return true;
}

static void
press_edit(vd_app *app, vd_form *f, vd_field *fld, void *ctx)
{
    wizard *w = ctx;
    int list = button_list(fld);
    size_t idx;

    (void)app;
    (void)f;
    if (chosen(w, list, &idx))
        open_item(w, list, idx);
}

static void
press_remove(vd_app *app, vd_form *f, vd_field *fld, void *ctx)
{
    wizard *w = ctx;
    int list = button_list(fld);
    wz_list *l = &w->lists[list];
    size_t idx;

    (void)app;
    if (!chosen(w, list, &idx))
        return;
    for (size_t j = 0; j < WZ_MAX_FIELDS; j++)
        free(l->items[idx].v[j]);
    memmove(&l->items[idx], &l->items[idx + 1], (l->n - idx - 1) * sizeof(*l->items));
    l->n--;
    refill_list(w, list, idx < l->n ? idx : idx - 1);
    vd_form_message(f, VD_MSG_OK, "Removed %s %zu", kinds[list].noun, idx + 1);
    wz_changed(w);
}

/* The list field's check: the disks together (import needs an existing
 * first disk; new volumes' names stay free as the domain's name changes). */
static bool
v_list(const vd_form *f, const vd_field *fld, const char *value, char *err,
       size_t errlen, void *ctx)
{
    wizard *w = ctx;
    const wz_list *l = &w->lists[WZ_DISKS];
    char name[512];

    (void)value;
    if (strcmp(vd_field_id(fld), "disks") != 0)
        return true;
    if (strcmp(vd_form_value(f, "install"), "Import an existing disk") == 0 &&
        !wz_items_first_disk_exists(w)) {
        snprintf(err, errlen, "importing needs an existing volume or file as disk 1");
        return false;
    }
    for (size_t i = 0; i < l->n; i++) {
        if (strcmp(iv(&l->items[i], D_KIND), "new") != 0)
            continue;
        item_volname(w, i, &l->items[i], name, sizeof(name));
        if (!check_new_volume(w, i, iv(&l->items[i], D_POOL), name, err, errlen)) {
            size_t used = strlen(err);

            snprintf(err + used, errlen - used, " (disk %zu)", i + 1);
            return false;
        }
    }
    return true;
}

/* See wizard_priv.h. */
void
wz_items_page(wizard *w, int list)
{
    const wz_kind *k = &kinds[list];
    char id[32], label[48];
    vd_field *fld;

    fld = vd_form_list(w->form, k->list_id, k->list_label, 6);
    vd_field_validate(fld, v_list, w);
    vd_field_set_help(fld, k->editable ? "Choose one, then Edit or Remove; Add "
                      "makes another" : "Choose one, then Remove; Add picks another");
    snprintf(id, sizeof(id), "%s_add", k->list_id);
    snprintf(label, sizeof(label), "Add %s", k->noun);
    vd_field_on_press(vd_form_button(w->form, id, label), press_add, w);
    if (k->editable) {
        snprintf(id, sizeof(id), "%s_edit", k->list_id);
        snprintf(label, sizeof(label), "Edit %s", k->noun);
        vd_field_on_press(vd_form_button(w->form, id, label), press_edit, w);
    }
    snprintf(id, sizeof(id), "%s_remove", k->list_id);
    snprintf(label, sizeof(label), "Remove %s", k->noun);
    vd_field_on_press(vd_form_button(w->form, id, label), press_remove, w);
}

/* A new item of list with the table's initial values; the pool and
 * network fields get the first active one. */
static void
default_item(wizard *w, int list)
{
    const wz_kind *k = &kinds[list];
    wz_list *l = &w->lists[list];
    const vd_snapshot *s = wz_snap(w);
    wz_item *grown = realloc(l->items, (l->n + 1) * sizeof(*grown));
    wz_item *it;

    if (!grown)
        return;
    l->items = grown;
    it = &l->items[l->n++];
    memset(it, 0, sizeof(*it));
    for (size_t i = 0; i < k->nfields; i++) {
        const char *v = k->fields[i].initial ? k->fields[i].initial : "";

        for (size_t j = 0; s && k->fields[i].fill == FILL_POOLS && j < s->npools; j++)
            if (s->pools[j].state == VD_POOL_RUNNING && s->pools[j].name) {
                v = s->pools[j].name;
                break;
            }
        for (size_t j = 0; s && k->fields[i].fill == FILL_NETS && j < s->nnetworks; j++)
            if (s->networks[j].active && s->networks[j].name) {
                v = s->networks[j].name;
                break;
            }
        it->v[i] = strdup(v);
    }
    refill_list(w, list, 0);
}

/* See wizard_priv.h. */
void
wz_items_relabel(wizard *w)
{
    for (int i = 0; i < WZ_NLISTS; i++) {
        long sel = vd_field_index(vd_form_field(w->form, kinds[i].list_id));

        refill_list(w, i, sel < 0 ? 0 : (size_t)sel);
    }
}

/* See wizard_priv.h. */
void
wz_items_defaults(wizard *w)
{
    default_item(w, WZ_DISKS);
    default_item(w, WZ_NICS);
    refill_list(w, WZ_HOSTDEVS, 0);
}

/* See wizard_priv.h. */
void
wz_items_free(wizard *w)
{
    for (int i = 0; i < WZ_NLISTS; i++) {
        for (size_t j = 0; j < w->lists[i].n; j++)
            for (size_t f = 0; f < WZ_MAX_FIELDS; f++)
                free(w->lists[i].items[j].v[f]);
        free(w->lists[i].items);
    }
    vd_nodedev_list_free(w->nodedevs);
    free(w->nodedev_error);
}

/* See wizard_priv.h. */
bool
wz_items_first_disk_exists(const wizard *w)
{
    const wz_list *l = &w->lists[WZ_DISKS];

    return l->n && (strcmp(iv(&l->items[0], D_KIND), "volume") == 0 ||
                    strcmp(iv(&l->items[0], D_KIND), "path") == 0);
}

/* Set *pool and *volume from "pool/name". */
static void
split_volume(const char *v, char **pool, char **volume)
{
    const char *slash = strchr(v, '/');
    char *p;

    if (!slash || !(p = strndup(v, (size_t)(slash - v))))
        return;
    vd_spec_set(pool, p);
    vd_spec_set(volume, slash + 1);
    free(p);
}

/* Disk idx of the list as a disk spec. */
static int
disk_spec(wizard *w, size_t idx, vd_disk_spec *d)
{
    const wz_item *it = &w->lists[WZ_DISKS].items[idx];
    const vd_create_vol *v;
    char name[512];
    int k;

    memset(d, 0, sizeof(*d));
    k = vd_disk_bus_parse(iv(it, D_BUS));
    d->bus = k < 0 ? VD_BUS_VIRTIO : (vd_disk_bus)k;
    k = vd_disk_cache_parse(iv(it, D_CACHE));
    d->cache = k < 0 ? VD_CACHE_DEFAULT : (vd_disk_cache)k;
    switch (kind_index(&disk_fields[D_KIND], iv(it, D_KIND))) {
    case DK_NEW:
        d->kind = VD_DISK_NEW_VOLUME;
        vd_spec_set(&d->pool, iv(it, D_POOL));
        if (idx > 0 || *iv(it, D_VOLNAME)) {
            item_volname(w, idx, it, name, sizeof(name));
            vd_spec_set(&d->volume, name);
        }
        d->size_bytes = (unsigned long long)atoll(iv(it, D_SIZE)) * VD_GIB;
        k = vd_disk_format_parse(iv(it, D_FORMAT));
        d->format = k <= 0 ? VD_FMT_QCOW2 : (vd_disk_format)k;
        if (*iv(it, D_IMAGE) && (v = facts_volume(w, iv(it, D_IMAGE))) && v->path) {
            vd_spec_set(&d->backing, v->path);
            d->backing_format = v->format == VD_FMT_UNSET ? VD_FMT_QCOW2 : v->format;
        }
        break;
    case DK_VOL:
    case DK_CD_VOL:
        d->kind = VD_DISK_VOLUME;
        split_volume(iv(it, strcmp(iv(it, D_KIND), "volume") == 0 ? D_VOL : D_ISO),
                     &d->pool, &d->volume);
        if ((v = facts_volume(w, iv(it, strcmp(iv(it, D_KIND), "volume") == 0
                                       ? D_VOL : D_ISO))))
            d->format = v->format;
        break;
    default:
        d->kind = VD_DISK_PATH;
        vd_spec_set(&d->path, iv(it, D_PATH));
        break;
    }
    if (strncmp(iv(it, D_KIND), "cdrom", 5) == 0) {
        vd_spec_set(&d->device, "cdrom");
        d->readonly = true;
        d->format = d->kind == VD_DISK_VOLUME ? VD_FMT_RAW : d->format;
    } else {
        /* "default" leaves them to libvirt */
        if (strcmp(iv(it, D_IO), "default") && *iv(it, D_IO))
            vd_spec_set(&d->io, iv(it, D_IO));
        if (strcmp(iv(it, D_DISCARD), "default") && *iv(it, D_DISCARD))
            vd_spec_set(&d->discard, iv(it, D_DISCARD));
        vd_spec_set(&d->serial, iv(it, D_SERIAL));
        d->readonly = strcmp(iv(it, D_ACCESS), "ro") == 0;
        d->shareable = strcmp(iv(it, D_ACCESS), "sh") == 0;
    }
    vd_check_free(vd_check_boot_order(iv(it, D_BOOT), &d->boot_order));
    return 0;
}

/* NIC idx of the list as a NIC spec. */
static void
nic_spec(wizard *w, size_t idx, vd_net_spec *n)
{
    const wz_item *it = &w->lists[WZ_NICS].items[idx];
    int k = vd_nic_model_parse(iv(it, N_MODEL));

    memset(n, 0, sizeof(*n));
    n->model = k < 0 ? VD_NIC_VIRTIO : (vd_nic_model)k;
    vd_spec_set(&n->mac, iv(it, N_MAC));
    if (strcmp(iv(it, N_LINK), "default") && *iv(it, N_LINK))
        vd_spec_set(&n->link_state, iv(it, N_LINK));
    vd_check_free(vd_check_boot_order(iv(it, N_BOOT), &n->boot_order));
    switch (kind_index(&nic_fields[N_KIND], iv(it, N_KIND))) {
    case NK_NETWORK:
        n->kind = VD_NET_NETWORK;
        vd_spec_set(&n->source, iv(it, N_NETWORK));
        break;
    case NK_BRIDGE:
        n->kind = VD_NET_BRIDGE;
        vd_spec_set(&n->source, iv(it, N_BRIDGE));
        break;
    default:
        n->kind = VD_NET_MACVTAP;
        vd_spec_set(&n->source, iv(it, N_IFACE));
        break;
    }
}

/* See wizard_priv.h. */
int
wz_items_spec(wizard *w, vd_domain_spec *spec, char *err, size_t errlen)
{
    for (size_t i = 0; i < w->lists[WZ_DISKS].n; i++) {
        vd_disk_spec d;

        disk_spec(w, i, &d);
        if (i == 0) {
            spec->disk = d;
        } else if (vd_spec_add_disk(spec, &d) < 0) {
            vd_disk_spec_clear(&d);
            goto oom;
        }
    }
    for (size_t i = 0; i < w->lists[WZ_NICS].n; i++) {
        vd_net_spec n;

        nic_spec(w, i, &n);
        if (i == 0) {
            spec->net = n;
        } else if (vd_spec_add_net(spec, &n) < 0) {
            vd_net_spec_clear(&n);
            goto oom;
        }
    }
    for (size_t i = 0; i < w->lists[WZ_HOSTDEVS].n; i++)
        if (vd_spec_add_devopt(spec, "hostdev", iv(&w->lists[WZ_HOSTDEVS].items[i],
                                                   H_DEV)) < 0)
            goto oom;
    return 0;

 oom:
    snprintf(err, errlen, "out of memory");
    return -1;
}

/* See wizard_priv.h. */
void
wz_items_review(wizard *w, char *buf, size_t size, size_t *len)
{
    static const char *const heads[WZ_NLISTS] = { "Disk", "NIC", "Device" };

    for (int list = 0; list < WZ_NLISTS; list++) {
        const wz_list *l = &w->lists[list];

        if (!l->n && list != WZ_HOSTDEVS) {
            int n = snprintf(buf + *len, size - *len, "%-10s none\n",
                             list == WZ_DISKS ? "Disks:" : "NICs:");
            if (n > 0 && (size_t)n < size - *len)
                *len += (size_t)n;
        }
        for (size_t i = 0; i < l->n; i++) {
            char line[480], head[32];
            int n;

            item_summary(w, list, i, line, sizeof(line));
            snprintf(head, sizeof(head), "%s %zu:", heads[list], i + 1);
            n = snprintf(buf + *len, size - *len, "%-10s %s\n", head, line);
            if (n > 0 && (size_t)n < size - *len)
                *len += (size_t)n;
        }
    }
}

/* See wizard_priv.h. */
void
wz_items_apply_os(wizard *w, const vd_os_choice *c)
{
    wz_item *d = w->lists[WZ_DISKS].n ? &w->lists[WZ_DISKS].items[0] : NULL;
    wz_item *n = w->lists[WZ_NICS].n ? &w->lists[WZ_NICS].items[0] : NULL;
    char buf[32];

    if (d && !d->edited) {
        if (c->disk_bytes) {
            snprintf(buf, sizeof(buf), "%llu", (c->disk_bytes + VD_GIB - 1) / VD_GIB);
            vd_spec_set(&d->v[D_SIZE], buf);
        }
        if (c->disk_bus_known && c->disk_bus <= VD_BUS_SCSI)
            vd_spec_set(&d->v[D_BUS], vd_disk_bus_name(c->disk_bus));
        refill_list(w, WZ_DISKS, 0);
    }
    if (n && !n->edited && c->nic_model_known) {
        vd_spec_set(&n->v[N_MODEL], vd_nic_model_name(c->nic_model));
        refill_list(w, WZ_NICS, 0);
    }
}
