/*
 * cmd_volume.c: storage volume commands run by a host worker: the list
 * of a pool's volumes (with the domains using each), create (checked
 * against the pool's free space), delete, wipe, resize and clone.
 * Upload and download are long jobs: vol_transfer.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>

#include "virtdeck/netstore.h"
#include "core/xml_read.h"
#include "core/commands_priv.h"
#include "core/cmd_netpool.h"
#include "core/cmd_netstore.h"
#include "core/errors.h"

/* The command's pool, or NULL after saying why. */
static virStoragePoolPtr
lookup_pool(virConnectPtr conn, const vd_cmd *cmd, vd_result *res,
            const char *verb)
{
    virStoragePoolPtr pool = virStoragePoolLookupByUUIDString(conn, cmd->uuid);

    if (!pool)
        vd_np_say_err(res, verb, NULL);
    return pool;
}

/* The capacity of a volume XML in bytes (libvirt's units); 0 when
 * absent or not a number. */
static unsigned long long
vol_capacity(const char *xml)
{
    static const struct { const char *unit; unsigned long long mult; } units[] = {
        { "", 1 }, { "b", 1 }, { "bytes", 1 },
        { "k", 1ULL << 10 }, { "kib", 1ULL << 10 }, { "kb", 1000ULL },
        { "m", 1ULL << 20 }, { "mib", 1ULL << 20 }, { "mb", 1000000ULL },
        { "g", 1ULL << 30 }, { "gib", 1ULL << 30 }, { "gb", 1000000000ULL },
        { "t", 1ULL << 40 }, { "tib", 1ULL << 40 }, { "tb", 1000000000000ULL },
    };
    char *num = vd_xr_doc_str(xml, "string(/volume/capacity)");
    char *unit = vd_xr_doc_str(xml, "string(/volume/capacity/@unit)");
    unsigned long long v = num ? strtoull(num, NULL, 10) : 0, mult = 0;
    size_t i;

    for (i = 0; i < sizeof(units) / sizeof(units[0]); i++)
        if (strcasecmp(units[i].unit, unit ? unit : "") == 0)
            mult = units[i].mult;
    free(num);
    free(unit);
    return v * mult;
}

/* "a,b" += name (when not there yet). */
static void
append_user(char **list, const char *name)
{
    char *grown;

    if (*list) {
        if (asprintf(&grown, "%s,%s", *list, name) < 0)
            return;
        free(*list);
        *list = grown;
    } else {
        *list = strdup(name);
    }
}

/* Fill used_by of each volume of list from every domain's disks. */
static void
find_users(virConnectPtr conn, vd_volume_list *list)
{
    virDomainPtr *doms = NULL;
    int i, n = virConnectListAllDomains(conn, &doms, 0);
    size_t j, k;

    for (i = 0; i < n; i++) {
        char *xml = virDomainGetXMLDesc(doms[i], VIR_DOMAIN_XML_INACTIVE);
        char **nets, **macs, **paths;
        size_t nnets, npaths;

        if (xml && vd_domain_xml_uses(xml, &nets, &macs, &nnets, &paths,
                                      &npaths) == 0) {
            for (j = 0; j < list->nvols; j++) {
                vd_volume_info *v = &list->vols[j];
                char *pv = NULL;

                if (asprintf(&pv, "%s/%s", list->pool, v->name) < 0)
                    pv = NULL;
                for (k = 0; k < npaths; k++) {
                    if ((v->path && strcmp(paths[k], v->path) == 0) ||
                        (pv && strcmp(paths[k], pv) == 0)) {
                        append_user(&v->used_by, virDomainGetName(doms[i]));
                        break;
                    }
                }
                free(pv);
            }
            vd_strv_free(nets, nnets);
            vd_strv_free(macs, nnets);
            vd_strv_free(paths, npaths);
        }
        free(xml);
        virDomainFree(doms[i]);
    }
    free(doms);
    virResetLastError();
}

/* Order volumes by name. */
static int
cmp_vol(const void *a, const void *b)
{
    return strcmp(((const vd_volume_info *)a)->name,
                  ((const vd_volume_info *)b)->name);
}

/* VD_CMD_VOL_LIST. */
int
vd_ns_vol_list(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd,
               vd_result *res)
{
    virStoragePoolPtr pool = lookup_pool(conn, cmd, res, "list volumes");
    virStorageVolPtr *vols = NULL;
    vd_volume_list *list = NULL;
    int i, n = -1;

    if (!pool)
        return vd_cmd_said(res, true);
    if (!(list = calloc(1, sizeof(*list))))
        goto cleanup;
    memcpy(list->pool_uuid, cmd->uuid, VD_UUID_LEN);
    list->pool = strdup(virStoragePoolGetName(pool));
    if ((n = virStoragePoolListAllVolumes(pool, &vols, 0)) < 0) {
        vd_np_say_err(res, "list volumes of", list->pool);
        goto cleanup;
    }
    if (n > 0 && !(list->vols = calloc((size_t)n, sizeof(*list->vols))))
        goto cleanup;
    for (i = 0; i < n; i++) {
        vd_volume_info *v = &list->vols[list->nvols];
        virStorageVolInfo info;
        char *xml;

        if (!(v->name = strdup(virStorageVolGetName(vols[i]))))
            continue;
        list->nvols++;
        v->path = virStorageVolGetPath(vols[i]);
        if (virStorageVolGetInfo(vols[i], &info) == 0) {
            v->capacity = info.capacity;
            v->allocation = info.allocation;
        }
        if ((xml = virStorageVolGetXMLDesc(vols[i], 0))) {
            v->format = vd_xr_doc_str(xml, "string(/volume/target/format/@type)");
            free(xml);
        }
        virResetLastError();
    }
    if (list->nvols > 1)
        qsort(list->vols, list->nvols, sizeof(*list->vols), cmp_vol);
    find_users(conn, list);
    res->ok = true;
    vd_result_say(res, "pool %s: %zu volume(s)", list->pool, list->nvols);
    res->data = list;
    res->data_free = (void (*)(void *))vd_volume_list_free;
    list = NULL;

 cleanup:
    for (i = 0; i < n; i++)
        virStorageVolFree(vols[i]);
    free(vols);
    vd_volume_list_free(list);
    virStoragePoolFree(pool);
    return vd_cmd_said(res, false);
}

/* The free bytes of pool, or -1 after libvirt failed. */
static int
pool_available(virStoragePoolPtr pool, unsigned long long *avail)
{
    virStoragePoolInfo info;

    if (virStoragePoolGetInfo(pool, &info) < 0)
        return -1;
    *avail = info.available;
    return 0;
}

/* Create a volume from xml in pool, refusing one larger than the pool's
 * free space. from: clone its content (NULL: a new volume). */
static bool
create_in(virStoragePoolPtr pool, const char *xml, virStorageVolPtr from,
          vd_result *res, const char *verb)
{
    unsigned long long avail = 0, cap = vol_capacity(xml);
    char *name = vd_xr_doc_str(xml, "string(/volume/name)");
    char *problem = NULL;
    virStorageVolPtr vol;

    if (!name) {
        vd_result_say(res, "%s: the text is not a volume XML with a name", verb);
        return false;
    }
    if (pool_available(pool, &avail) < 0) {
        vd_np_say_err(res, verb, name);
        free(name);
        return false;
    }
    if ((!from || cap) && (problem = vd_check_volume_fits(cap,
                               virStoragePoolGetName(pool), avail))) {
        vd_result_say(res, "volume %s not created: %s", name, problem);
        free(problem);
        free(name);
        return false;
    }
    vol = from ? virStorageVolCreateXMLFrom(pool, xml, from, 0)
               : virStorageVolCreateXML(pool, xml, 0);
    if (!vol) {
        vd_np_say_err(res, verb, name);
    } else {
        res->ok = true;
        vd_result_say(res, "volume %s %s in pool %s", name,
                  from ? "cloned" : "created", virStoragePoolGetName(pool));
        virStorageVolFree(vol);
    }
    free(name);
    return true;
}

/* VD_CMD_VOL_CREATE. */
int
vd_ns_vol_create(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd,
                 vd_result *res)
{
    virStoragePoolPtr pool = lookup_pool(conn, cmd, res, "create volume");
    bool changed;

    if (!pool)
        return vd_cmd_said(res, true);
    changed = create_in(pool, cmd->str ? cmd->str : "", NULL, res,
                        "create volume");
    virStoragePoolFree(pool);
    return vd_cmd_said(res, changed);
}

/* The named volume of the command's pool, or NULL after saying why. */
static virStorageVolPtr
lookup_vol(virConnectPtr conn, const vd_cmd *cmd, const char *name,
           vd_result *res, const char *verb, virStoragePoolPtr *poolp)
{
    virStoragePoolPtr pool = lookup_pool(conn, cmd, res, verb);
    virStorageVolPtr vol;

    if (!pool)
        return NULL;
    if (!name || !(vol = virStorageVolLookupByName(pool, name))) {
        virResetLastError();
        vd_result_say(res, "%s: pool %s has no volume '%s'", verb,
                  virStoragePoolGetName(pool), name ? name : "");
        virStoragePoolFree(pool);
        return NULL;
    }
    if (poolp)
        *poolp = pool;
    else
        virStoragePoolFree(pool);
    return vol;
}

/* VD_CMD_VOL_DELETE, _WIPE, _RESIZE: run it on the volume cmd->str and
 * say the table's done word or libvirt's error. */
int
vd_ns_vol_op(virConnectPtr conn, virDomainPtr dom, const vd_cmd *cmd,
             vd_result *res)
{
    const vd_cmd_info *info = vd_cmd_describe(cmd->kind);
    virStorageVolPtr vol;
    int rc;

    if (cmd->kind == VD_CMD_VOL_RESIZE && cmd->num <= 0) {
        vd_result_say(res, "resize volume: the new size must be more than 0");
        return VD_RC_REFUSED;
    }
    if (!(vol = lookup_vol(conn, cmd, cmd->str, res, info->verb, NULL)))
        return VD_RC_REFUSED;
    if (cmd->kind == VD_CMD_VOL_DELETE)
        rc = virStorageVolDelete(vol, 0);
    else if (cmd->kind == VD_CMD_VOL_WIPE)
        rc = virStorageVolWipe(vol, 0);
    else
        rc = virStorageVolResize(vol, (unsigned long long)cmd->num, 0);
    if (rc < 0)
        vd_np_say_err(res, info->verb, cmd->str);
    else
        vd_result_say(res, "volume %s %s", cmd->str, info->done);
    virStorageVolFree(vol);
    return rc < 0 ? VD_RC_FAILED : VD_RC_DONE;
}
