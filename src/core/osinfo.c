/*
 * osinfo.c: OS variants and their recommended resources and devices,
 * from libosinfo. glib stays inside this file. Built as the module
 * virtdeck-osinfo.so (osinfo_module.h): libosinfo brings libsoup,
 * sqlite and libxslt, which only the create wizard and `virtdeck
 * create` need.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <osinfo/osinfo.h>

#include "core/osinfo_module.h"
#include "core/module.h"

struct vd_osdb {
    OsinfoLoader *loader;       /* owns db */
    OsinfoDb *db;
};

/* Load the database. */
vd_osdb *
vd_osdb_open(char **err)
{
    vd_osdb *db = calloc(1, sizeof(*db));
    GError *gerr = NULL;
    OsinfoOsList *oses = NULL;

    *err = NULL;
    if (!db)
        goto oom;
    db->loader = osinfo_loader_new();
    osinfo_loader_process_default_path(db->loader, &gerr);
    if (gerr) {
        if (asprintf(err, "the libosinfo database could not be read: %s",
                     gerr->message) < 0)
            *err = NULL;
        g_error_free(gerr);
        vd_osdb_free(db);
        return NULL;
    }
    db->db = osinfo_loader_get_db(db->loader);
    oses = osinfo_db_get_os_list(db->db);
    if (!oses || osinfo_list_get_length(OSINFO_LIST(oses)) == 0) {
        if (oses)
            g_object_unref(oses);
        *err = strdup("the libosinfo database is empty: install osinfo-db");
        vd_osdb_free(db);
        return NULL;
    }
    g_object_unref(oses);
    return db;

 oom:
    *err = strdup("out of memory");
    return NULL;
}

/* Free the database. */
void
vd_osdb_free(vd_osdb *db)
{
    if (!db)
        return;
    if (db->loader)
        g_object_unref(db->loader);
    free(db);
}

/* strdup that passes NULL through. */
static char *
dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

/* Whether the OS is past its end of life (today). */
static bool
os_is_eol(OsinfoOs *os)
{
    GDate *eol = osinfo_product_get_eol_date(OSINFO_PRODUCT(os));
    GDate *today;
    bool ret;

    if (!eol)
        return false;
    today = g_date_new();
    g_date_set_time_t(today, time(NULL));
    ret = g_date_compare(eol, today) < 0;
    g_date_free(today);
    return ret;
}

/* Fill v from os. 0 or -1 (out of memory). */
static int
fill_variant(OsinfoOs *os, vd_os_variant *v)
{
    memset(v, 0, sizeof(*v));
    v->id = dup_or_null(osinfo_entity_get_id(OSINFO_ENTITY(os)));
    v->short_id = dup_or_null(osinfo_product_get_short_id(OSINFO_PRODUCT(os)));
    v->name = dup_or_null(osinfo_product_get_name(OSINFO_PRODUCT(os)));
    v->family = dup_or_null(osinfo_os_get_family(os));
    v->eol = os_is_eol(os);
    if (!v->id) {
        vd_os_variant_clear(v);
        return -1;
    }
    return 0;
}

/* Whether any short id of os equals id. */
static bool
has_short_id(OsinfoOs *os, const char *id)
{
    GList *ids = osinfo_product_get_short_id_list(OSINFO_PRODUCT(os));
    GList *l;
    bool found = false;

    for (l = ids; l && !found; l = l->next)
        found = l->data && strcmp(l->data, id) == 0;
    g_list_free(ids);
    return found;
}

/* Whether every word of query is in the short id or the name. */
static bool
matches(OsinfoOs *os, const char *query)
{
    const char *sid = osinfo_product_get_short_id(OSINFO_PRODUCT(os));
    const char *name = osinfo_product_get_name(OSINFO_PRODUCT(os));
    char *copy, *word, *save = NULL;
    bool ok = true;

    if (!query || !*query)
        return true;
    if (!(copy = strdup(query)))
        return false;
    for (word = strtok_r(copy, " \t", &save); word && ok;
         word = strtok_r(NULL, " \t", &save))
        ok = (sid && strcasestr(sid, word)) || (name && strcasestr(name, word));
    free(copy);
    return ok;
}

/* qsort comparator: by name, case-insensitive. */
static int
variant_cmp(const void *a, const void *b)
{
    const vd_os_variant *x = a, *y = b;

    return strcasecmp(x->name ? x->name : "", y->name ? y->name : "");
}

/* Search the database. */
int
vd_osdb_search(vd_osdb *db, const char *query, size_t max,
               vd_os_variant **out)
{
    OsinfoOsList *oses = osinfo_db_get_os_list(db->db);
    unsigned int i, len = osinfo_list_get_length(OSINFO_LIST(oses));
    vd_os_variant *res = calloc(len ? len : 1, sizeof(*res));
    size_t n = 0, exact = (size_t)-1;

    *out = NULL;
    if (!res) {
        g_object_unref(oses);
        return -1;
    }
    for (i = 0; i < len; i++) {
        OsinfoOs *os = OSINFO_OS(osinfo_list_get_nth(OSINFO_LIST(oses), i));
        if (!matches(os, query))
            continue;
        if (fill_variant(os, &res[n]) < 0)
            continue;
        if (query && has_short_id(os, query))
            exact = n;
        n++;
    }
    g_object_unref(oses);
    if (exact != (size_t)-1 && exact != 0) {
        vd_os_variant tmp = res[0];
        res[0] = res[exact];
        res[exact] = tmp;
    }
    if (n > 1)
        qsort(res + (exact != (size_t)-1), n - (exact != (size_t)-1),
              sizeof(*res), variant_cmp);
    if (max && n > max) {
        size_t j;
        for (j = max; j < n; j++)
            vd_os_variant_clear(&res[j]);
        n = max;
    }
    *out = res;
    return (int)n;
}

/* The first resources entry for arch (or "all") in list, or NULL. */
static OsinfoResources *
resources_for(OsinfoResourcesList *list, const char *arch)
{
    unsigned int i, len;
    OsinfoResources *all = NULL;

    if (!list)
        return NULL;
    len = osinfo_list_get_length(OSINFO_LIST(list));
    for (i = 0; i < len; i++) {
        OsinfoResources *r = OSINFO_RESOURCES(osinfo_list_get_nth(OSINFO_LIST(list), i));
        const char *a = osinfo_resources_get_architecture(r);
        if (a && strcmp(a, arch) == 0)
            return r;
        if (!all && a && strcmp(a, "all") == 0)
            all = r;
    }
    return all;
}

/* Memory, vCPUs and disk from a resources entry, where not yet set;
 * memory times factor (2 for a minimum standing in for a missing
 * recommended value, as virt-install does). vCPUs and the disk keep the
 * minimum (docs/create.md: virt-install doubles them too). */
static void
take_resources(OsinfoResources *r, vd_os_recommend *rec, unsigned int factor)
{
    gint64 ram, storage;
    gint cpus;

    if (!r)
        return;
    ram = osinfo_resources_get_ram(r);
    storage = osinfo_resources_get_storage(r);
    cpus = osinfo_resources_get_n_cpus(r);
    if (!rec->memory_mib && ram > 0)
        rec->memory_mib = (unsigned long long)ram / VD_MIB * factor;
    if (!rec->disk_bytes && storage > 0)
        rec->disk_bytes = (unsigned long long)storage;
    if (!rec->vcpus && cpus > 0)
        rec->vcpus = (unsigned int)cpus;
}

/* Disk bus and NIC model from the devices the OS supports. */
static void
take_devices(OsinfoOs *os, vd_os_recommend *rec)
{
    OsinfoDeviceList *devs = osinfo_os_get_all_devices(os, NULL);
    unsigned int i, len = devs ? osinfo_list_get_length(OSINFO_LIST(devs)) : 0;
    bool virtio_blk = false, ahci = false, virtio_net = false;
    bool e1000e = false, e1000 = false, rtl = false;

    for (i = 0; i < len; i++) {
        OsinfoDevice *d = OSINFO_DEVICE(osinfo_list_get_nth(OSINFO_LIST(devs), i));
        const char *name = osinfo_device_get_name(d);
        const char *cls = osinfo_device_get_class(d);

        if (!name || !cls)
            continue;
        if (strcmp(cls, "block") == 0 && strstr(name, "virtio"))
            virtio_blk = true;
        else if (strcmp(cls, "block") == 0 && strstr(name, "ahci"))
            ahci = true;
        else if (strcmp(cls, "net") == 0 && strstr(name, "virtio"))
            virtio_net = true;
        else if (strcmp(cls, "net") == 0 && strcmp(name, "e1000e") == 0)
            e1000e = true;
        else if (strcmp(cls, "net") == 0 && strcmp(name, "e1000") == 0)
            e1000 = true;
        else if (strcmp(cls, "net") == 0 && strcmp(name, "rtl8139") == 0)
            rtl = true;
        if (strstr(name, "virtio") &&
            (strstr(name, "console") || strstr(name, "serial")))
            rec->agent = true;
    }
    if (devs)
        g_object_unref(devs);
    if (len) {
        rec->disk_bus_known = true;
        rec->disk_bus = virtio_blk ? VD_BUS_VIRTIO : ahci ? VD_BUS_SATA
                                                         : VD_BUS_IDE;
    }
    if (virtio_net || e1000e || e1000 || rtl) {
        rec->nic_model_known = true;
        rec->nic_model = virtio_net ? VD_NIC_VIRTIO : e1000e ? VD_NIC_E1000E
                       : e1000 ? VD_NIC_E1000 : VD_NIC_RTL8139;
    }
}

/* Whether the OS needs UEFI: libosinfo marks BIOS as unsupported (a
 * firmware type not listed at all is taken as supported). */
static bool
uefi_only(OsinfoOs *os, const char *arch)
{
    OsinfoFirmwareList *fws = osinfo_os_get_firmware_list(os, NULL);
    unsigned int i, len = fws ? osinfo_list_get_length(OSINFO_LIST(fws)) : 0;
    bool no_bios = false;

    for (i = 0; i < len; i++) {
        OsinfoFirmware *fw = OSINFO_FIRMWARE(osinfo_list_get_nth(OSINFO_LIST(fws), i));
        const char *a = osinfo_firmware_get_architecture(fw);
        const char *t = osinfo_firmware_get_firmware_type(fw);

        if (!t || (a && strcmp(a, arch) != 0 && strcmp(a, "all") != 0))
            continue;
        if (strcmp(t, "bios") == 0 && !osinfo_firmware_is_supported(fw))
            no_bios = true;
    }
    if (fws)
        g_object_unref(fws);
    return no_bios;
}

/* Find the OS whose id or short id is id, or NULL. */
static OsinfoOs *
find_os(vd_osdb *db, const char *id)
{
    OsinfoOs *os;
    OsinfoOsList *oses;
    unsigned int i, len;

    if (!id || !*id)
        return NULL;
    if ((os = osinfo_db_get_os(db->db, id)))
        return os;
    oses = osinfo_db_get_os_list(db->db);
    len = osinfo_list_get_length(OSINFO_LIST(oses));
    for (i = 0; i < len && !os; i++) {
        OsinfoOs *cand = OSINFO_OS(osinfo_list_get_nth(OSINFO_LIST(oses), i));
        if (has_short_id(cand, id))
            os = cand;          /* the db keeps its own reference */
    }
    g_object_unref(oses);
    return os;
}

/* Look a variant up and read its recommendations. */
int
vd_osdb_lookup(vd_osdb *db, const char *id, const char *arch,
               vd_os_variant *v, vd_os_recommend *rec)
{
    OsinfoOs *os = find_os(db, id);

    if (v)
        memset(v, 0, sizeof(*v));
    if (rec)
        memset(rec, 0, sizeof(*rec));
    if (!os)
        return -1;
    if (!arch)
        arch = "x86_64";
    if (v && fill_variant(os, v) < 0)
        return -1;
    if (rec) {
        OsinfoResourcesList *list;

        if ((list = osinfo_os_get_recommended_resources(os))) {
            take_resources(resources_for(list, arch), rec, 1);
            g_object_unref(list);
        }
        /* fill the gaps from twice the minimum (virt-install's rule) */
        if ((list = osinfo_os_get_minimum_resources(os))) {
            take_resources(resources_for(list, arch), rec, 2);
            g_object_unref(list);
        }
        take_devices(os, rec);
        rec->uefi_only = uefi_only(os, arch);
    }
    return 0;
}

/* Edit distance of a and b (both short), with a shared prefix made
 * cheaper so "debian1" is nearer to "debian10" than to "fedora1". */
static size_t
distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b), i, j, prefix = 0;
    size_t row[64], prev, tmp;

    if (la > 63 || lb > 63)
        return (size_t)-1;
    for (j = 0; j <= lb; j++)
        row[j] = j;
    for (i = 1; i <= la; i++) {
        prev = row[0];
        row[0] = i;
        for (j = 1; j <= lb; j++) {
            size_t best = prev + (tolower((unsigned char)a[i - 1]) !=
                                  tolower((unsigned char)b[j - 1]));
            if (row[j] + 1 < best)
                best = row[j] + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            tmp = row[j];
            row[j] = best;
            prev = tmp;
        }
    }
    while (a[prefix] && a[prefix] == b[prefix])
        prefix++;
    return row[lb] * 4 + 8 - (prefix > 8 ? 8 : prefix);
}

/* See osinfo.h. */
char *
vd_osdb_suggest(vd_osdb *db, const char *id, size_t max)
{
    OsinfoOsList *oses = osinfo_db_get_os_list(db->db);
    unsigned int i, len = osinfo_list_get_length(OSINFO_LIST(oses));
    const char *best[8] = { 0 };
    size_t dist[8], n = 0, k;
    char *out = NULL;
    size_t outlen = 0;
    FILE *f;

    if (max > 8)
        max = 8;
    for (i = 0; i < len; i++) {
        OsinfoOs *os = OSINFO_OS(osinfo_list_get_nth(OSINFO_LIST(oses), i));
        const char *sid = osinfo_product_get_short_id(OSINFO_PRODUCT(os));
        size_t d;

        if (!sid || (d = distance(id, sid)) == (size_t)-1)
            continue;
        /* insert sorted */
        for (k = n; k > 0 && dist[k - 1] > d; k--) {
            if (k < max) {
                best[k] = best[k - 1];
                dist[k] = dist[k - 1];
            }
        }
        if (k < max) {
            best[k] = sid;
            dist[k] = d;
            if (n < max)
                n++;
        }
    }
    if (n && (f = open_memstream(&out, &outlen))) {
        for (k = 0; k < n; k++)
            fprintf(f, "%s%s", k ? ", " : "", best[k]);
        fclose(f);
    }
    g_object_unref(oses);       /* the db keeps the strings */
    return out;
}

/* The module's one exported symbol (osinfo_module.h); everything else
 * in it is hidden. */
VD_MODULE_EXPORT
const vd_osinfo_api vd_osinfo_module_api = {
    .version = VD_OSINFO_API_VERSION,
    .open = vd_osdb_open,
    .free = vd_osdb_free,
    .search = vd_osdb_search,
    .lookup = vd_osdb_lookup,
    .suggest = vd_osdb_suggest,
};
