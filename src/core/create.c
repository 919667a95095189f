/*
 * create.c: atomic creation of a new domain: volume, define, start, and
 * undoing the earlier steps when a later one fails.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include "virtdeck/create.h"
#include "core/errors.h"
#include "core/xml_read.h"
#include "core/leftovers.h"

/* *err = the printf-formatted text (allocated). */
static void __attribute__((format(printf, 2, 3)))
set_err(char **err, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    if (vasprintf(err, fmt, ap) < 0)
        *err = NULL;
    va_end(ap);
}

/* Append "; " and more text to an allocated *err. */
static void __attribute__((format(printf, 2, 3)))
append_err(char **err, const char *fmt, ...)
{
    va_list ap;
    char *more = NULL, *joined = NULL;

    va_start(ap, fmt);
    if (vasprintf(&more, fmt, ap) < 0)
        more = NULL;
    va_end(ap);
    if (more && asprintf(&joined, "%s; %s", *err ? *err : "", more) >= 0) {
        free(*err);
        *err = joined;
    }
    free(more);
}

static char *xml_domain_name(const char *domain_xml);

/* Say in *err what became of the volume pool/name that this call made
 * (or was making: partial) and could not remove (why): remembered for
 * the host's reconnect when the connection was lost on a host's worker,
 * else named as left on the host. owner: the uuid of the domain made
 * with it and left defined, or NULL. */
static void
volume_left(virConnectPtr conn, const char *pool, const char *name,
            const char *owner, bool partial, const char *why, char **err)
{
    if (vd_leftover_here_volume(conn, pool, name, owner,
                                partial ? "the partial volume of the interrupted create"
                                        : "the new volume of the interrupted create")) {
        append_err(err, "the connection was lost: the %svolume %s/%s will be "
                   "deleted when the host is connected again",
                   partial ? "partial " : "new ", pool, name);
    } else if (partial) {
        append_err(err, "the volume %s/%s may be left half-made on the host "
                   "(the connection was lost while it was made)", pool, name);
    } else {
        append_err(err, "the new volume %s/%s is left on the host: "
                   "it could not be removed again: %s", pool, name, why);
    }
}

/* Remove a domain this call defined, or may have (dom NULL: the
 * connection was lost while defining it, name_was_free: no domain had
 * its name before). Returns NULL when it is gone; else says in *err
 * what became of it and returns what names it (its uuid in owner_buf,
 * or name): its volumes wait for it. */
static const char *
undo_define(virConnectPtr conn, virDomainPtr dom, const char *name,
            bool name_was_free, char owner_buf[VD_UUID_LEN], char **err)
{
    const char *owner = name;
    char *msg;

    if (dom && virDomainUndefineFlags(dom, VIR_DOMAIN_UNDEFINE_NVRAM) == 0)
        return NULL;
    virResetLastError();
    if (dom && virDomainUndefine(dom) == 0)
        return NULL;
    msg = dom ? vd_err_take("failed")
              : strdup("the connection was lost while it was being defined");
    if (dom && virDomainGetUUIDString(dom, owner_buf) == 0)
        owner = owner_buf;
    virResetLastError();
    if ((dom || name_was_free) &&
        vd_leftover_here_domain(conn, owner == name ? NULL : owner, name,
                                "the domain of the interrupted create"))
        append_err(err, "the connection was lost: the domain '%s' will be "
                   "undefined when the host is connected again (if it is "
                   "shut off)", name);
    else
        append_err(err, "the domain '%s' %s left on the host: it could not "
                   "be removed again: %s", name, dom ? "is" : "may be",
                   msg ? msg : "out of memory");
    free(msg);
    return owner;
}

/* Remove a volume this call created in pool; says in *err if it cannot. */
static void
undo_volume(virConnectPtr conn, virStorageVolPtr vol, const char *pool,
            const char *owner, char **err)
{
    char *msg;

    if (virStorageVolDelete(vol, 0) == 0)
        return;
    msg = vd_err_take("failed");
    volume_left(conn, pool, virStorageVolGetName(vol), owner, false, msg, err);
    free(msg);
}

/* libvirt's message for a failed call on conn; when it left none and
 * conn is gone, that the connection was lost. Allocated. */
static char *
take_err(virConnectPtr conn)
{
    char *msg = vd_err_take(NULL);

    if (msg && strcmp(msg, "unknown error") == 0 && vd_conn_lost(conn)) {
        free(msg);
        msg = strdup("the connection to the host was lost");
    }
    return msg;
}

/* Whether pool holds a volume named name (a failed look-up: no). */
static bool
volume_exists(virStoragePoolPtr pool, const char *name)
{
    virStorageVolPtr vol = virStorageVolLookupByName(pool, name);

    virResetLastError();
    if (!vol)
        return false;
    virStorageVolFree(vol);
    return true;
}

/* Fill a new volume with data through a stream. 0 or -1 (*err set). */
static int
upload(virConnectPtr conn, virStorageVolPtr vol, const void *data, size_t len,
       char **err)
{
    virStreamPtr st = virStreamNew(conn, 0);
    const char *p = data;
    size_t left = len;
    char *msg = NULL;

    if (!st || virStorageVolUpload(vol, st, 0, len, 0) < 0)
        goto fail;
    while (left > 0) {
        int n = virStreamSend(st, p, left > 65536 ? 65536 : left);
        if (n < 0)
            goto fail_abort;
        p += n;
        left -= (size_t)n;
    }
    if (virStreamFinish(st) < 0)
        goto fail_abort;
    virStreamFree(st);
    return 0;

 fail_abort:
    msg = vd_err_take("failed");
    virStreamAbort(st);
    virResetLastError();
    goto report;
 fail:
    msg = vd_err_take("failed");
 report:
    set_err(err, "could not upload into the volume '%s': %s",
            virStorageVolGetName(vol), msg);
    free(msg);
    if (st)
        virStreamFree(st);
    return -1;
}

/* Create from XML; see create.h. */
int
vd_create_volumes_from_xml(virConnectPtr conn, const char *domain_xml,
                           const vd_create_volume *vols, size_t nvols,
                           unsigned int flags, char uuid[VD_UUID_LEN],
                           char **err)
{
    virStorageVolPtr *made = calloc(nvols + 1, sizeof(*made));
    const char **made_pool = calloc(nvols + 1, sizeof(*made_pool));
    virDomainPtr dom = NULL, named;
    char *msg = NULL, *name = NULL, owner_buf[VD_UUID_LEN];
    const char *owner = NULL;
    size_t i, nmade = 0;
    bool name_was_free = false;
    int ret = -1;

    *err = NULL;
    if (!made || !made_pool)
        goto cleanup;
    for (i = 0; i < nvols; i++) {
        virStoragePoolPtr pool;
        const char *perr = NULL;
        char *vol_xml;
        bool existed;

        if (!vols[i].pool || !*vols[i].pool) {
            set_err(err, "a new volume needs a pool");
            goto undo;
        }
        if (!(vol_xml = vd_volume_xml(vols[i].vol, &perr))) {
            set_err(err, "%s", perr);
            goto undo;
        }
        if (!(pool = virStoragePoolLookupByName(conn, vols[i].pool))) {
            msg = vd_err_take("no such pool");
            set_err(err, "pool '%s': %s", vols[i].pool, msg);
            free(vol_xml);
            goto undo;
        }
        existed = volume_exists(pool, vols[i].vol->name);
        made[nmade] = virStorageVolCreateXML(pool, vol_xml, 0);
        free(vol_xml);
        virStoragePoolFree(pool);
        if (!made[nmade]) {
            msg = take_err(conn);
            set_err(err, "could not create the volume '%s' in pool '%s': %s",
                    vols[i].vol->name, vols[i].pool, msg);
            /* the daemon died making it: its partial file may be there */
            if (!existed && vd_conn_lost(conn))
                volume_left(conn, vols[i].pool, vols[i].vol->name, NULL,
                            true, msg, err);
            goto undo;
        }
        made_pool[nmade++] = vols[i].pool;
        if (vols[i].data && upload(conn, made[nmade - 1], vols[i].data,
                                   vols[i].len, err) < 0)
            goto undo;
    }
    if ((name = xml_domain_name(domain_xml)) &&
        !(named = virDomainLookupByName(conn, name))) {
        virResetLastError();
        name_was_free = true;
    } else if (name) {
        virDomainFree(named);
    }
    if (!(dom = virDomainDefineXMLFlags(conn, domain_xml,
                                        VIR_DOMAIN_DEFINE_VALIDATE))) {
        msg = take_err(conn);
        set_err(err, "could not define the domain: %s", msg);
        if (name && vd_conn_lost(conn))     /* it may be defined */
            owner = undo_define(conn, NULL, name, name_was_free, owner_buf, err);
        goto undo;
    }
    if ((flags & VD_CREATE_START) && virDomainCreate(dom) < 0) {
        msg = take_err(conn);
        set_err(err, "could not start '%s': %s", virDomainGetName(dom), msg);
        owner = undo_define(conn, dom, virDomainGetName(dom), false, owner_buf,
                            err);
        goto undo;
    }
    if (uuid && virDomainGetUUIDString(dom, uuid) < 0) {
        uuid[0] = '\0';
        virResetLastError();
    }
    ret = 0;
    goto cleanup;

 undo:
    for (i = nmade; i > 0; i--)
        undo_volume(conn, made[i - 1], made_pool[i - 1], owner, err);

 cleanup:
    if (!*err && ret < 0)
        *err = strdup("out of memory");
    free(msg);
    free(name);
    if (dom)
        virDomainFree(dom);
    for (i = 0; i < nmade; i++)
        virStorageVolFree(made[i]);
    free(made);
    free(made_pool);
    return ret;
}

/* Create from XML with at most one volume; see create.h. */
int
vd_create_from_xml(virConnectPtr conn, const char *domain_xml,
                   const char *pool_name, const vd_volume_spec *vol_spec,
                   unsigned int flags, char uuid[VD_UUID_LEN], char **err)
{
    vd_create_volume v = { .pool = pool_name, .vol = vol_spec };

    return vd_create_volumes_from_xml(conn, domain_xml, &v, vol_spec ? 1 : 0,
                                      flags, uuid, err);
}

/* The volume of one NEW_VOLUME disk. */
static int
disk_volume(const vd_disk_spec *d, char *name, vd_create_volume *out)
{
    vd_volume_spec *vol = calloc(1, sizeof(*vol));

    if (!vol || !name) {
        free(vol);
        free(name);
        return -1;
    }
    vol->name = name;
    vol->capacity = d->size_bytes;
    vol->format = d->format == VD_FMT_UNSET ? VD_FMT_QCOW2 : d->format;
    if (d->backing && !(vol->backing = strdup(d->backing))) {
        vd_volume_spec_clear(vol);
        free(vol);
        return -1;
    }
    vol->backing_format = d->backing_format;
    out->pool = d->pool;
    out->vol = vol;
    out->data = NULL;
    out->len = 0;
    return 0;
}

/* See create.h. */
int
vd_spec_volumes(const vd_domain_spec *spec, vd_create_volume **vols, size_t *n)
{
    vd_create_volume *v = calloc(spec->n_more_disks + 1, sizeof(*v));
    size_t i;

    *vols = v;
    *n = 0;
    if (!v)
        return -1;
    if (spec->disk.kind == VD_DISK_NEW_VOLUME) {
        if (disk_volume(&spec->disk, vd_spec_new_volume_name(spec), &v[*n]) < 0)
            goto fail;
        (*n)++;
    }
    for (i = 0; i < spec->n_more_disks; i++) {
        const vd_disk_spec *d = &spec->more_disks[i];
        if (d->kind != VD_DISK_NEW_VOLUME)
            continue;
        if (!d->volume || disk_volume(d, strdup(d->volume), &v[*n]) < 0)
            goto fail;
        (*n)++;
    }
    return 0;

 fail:
    vd_spec_volumes_free(v, *n);
    *vols = NULL;
    *n = 0;
    return -1;
}

/* See create.h. */
void
vd_spec_volumes_free(vd_create_volume *vols, size_t n)
{
    size_t i;

    for (i = 0; vols && i < n; i++) {
        vd_volume_spec_clear((vd_volume_spec *)vols[i].vol);
        free((vd_volume_spec *)vols[i].vol);
    }
    free(vols);
}

/* Build and create with further volumes; see create.h. */
int
vd_create_with(virConnectPtr conn, const vd_domain_spec *spec,
               const vd_host_caps *caps, const vd_create_volume *extra,
               size_t nextra, unsigned int flags,
               char uuid[VD_UUID_LEN], char **err)
{
    vd_create_volume *vols = NULL, *all = NULL;
    vd_check_msg *problem;
    const char *perr = NULL;
    char *xml = NULL;
    size_t n = 0;
    int ret = -1;

    *err = NULL;
    if ((problem = vd_check_spec(spec))) {
        *err = strdup(problem);
        vd_check_free(problem);
        return -1;
    }
    if (vd_spec_volumes(spec, &vols, &n) < 0 ||
        !(all = calloc(n + nextra + 1, sizeof(*all)))) {
        *err = strdup("out of memory (or a new disk without a volume name)");
        goto cleanup;
    }
    if (nextra)
        memcpy(all, extra, nextra * sizeof(*all));
    if (n)
        memcpy(all + nextra, vols, n * sizeof(*all));
    if (!(xml = vd_domain_xml(spec, caps, &perr))) {
        *err = strdup(perr);
        goto cleanup;
    }
    ret = vd_create_volumes_from_xml(conn, xml, all, n + nextra, flags, uuid, err);

 cleanup:
    free(xml);
    free(all);
    vd_spec_volumes_free(vols, n);
    return ret;
}

/* Build and create; see create.h. */
int
vd_create(virConnectPtr conn, const vd_domain_spec *spec,
          const vd_host_caps *caps, unsigned int flags,
          char uuid[VD_UUID_LEN], char **err)
{
    return vd_create_with(conn, spec, caps, NULL, 0, flags, uuid, err);
}

/* The new volume named by a domain XML; see create.h. */
int
vd_create_volume_from_xml(const char *domain_xml, unsigned long long capacity,
                          char **pool, vd_volume_spec *vol, const char **err)
{
    vd_xr x;
    char *fmt = NULL;
    int ret = -1;

    *pool = NULL;
    memset(vol, 0, sizeof(*vol));
    *err = NULL;
    if (!vd_xr_open(&x, domain_xml)) {
        *err = x.doc ? "out of memory" : "the domain XML is not well-formed";
        goto cleanup;
    }
#define NEW_DISK "(/domain/devices/disk[@type='volume' and @device='disk'])[1]"
    *pool = vd_xr_str(x.ctxt, NULL, "string(" NEW_DISK "/source/@pool)");
    vol->name = vd_xr_str(x.ctxt, NULL, "string(" NEW_DISK "/source/@volume)");
    fmt = vd_xr_str(x.ctxt, NULL, "string(" NEW_DISK "/driver/@type)");
#undef NEW_DISK
    if (!*pool || !vol->name) {
        *err = "the domain XML has no volume disk to create";
        goto cleanup;
    }
    vol->capacity = capacity;
    vol->format = fmt && vd_disk_format_parse(fmt) > 0
                ? (vd_disk_format)vd_disk_format_parse(fmt) : VD_FMT_QCOW2;
    ret = 0;

 cleanup:
    if (ret < 0) {
        free(*pool);
        *pool = NULL;
        vd_volume_spec_clear(vol);
    }
    free(fmt);
    vd_xr_close(&x);
    return ret;
}

/* The name in a domain XML, malloc'ed, or NULL. */
static char *
xml_domain_name(const char *domain_xml)
{
    return vd_xr_doc_str(domain_xml, "string(/domain/name)");
}

/* VD_CMD_DOM_CREATE on a worker; see create.h. */
int
vd_create_command(virConnectPtr conn, const char *domain_xml,
                  unsigned long long new_volume_bytes, unsigned int flags,
                  char uuid[VD_UUID_LEN], char **message)
{
    vd_volume_spec vol = { 0 };
    const char *perr = NULL;
    char *pool = NULL, *err = NULL, *name = NULL;
    int ret = -1;

    *message = NULL;
    if (!domain_xml) {
        *message = strdup("create: no domain XML");
        return -1;
    }
    if (new_volume_bytes &&
        vd_create_volume_from_xml(domain_xml, new_volume_bytes, &pool, &vol,
                                  &perr) < 0) {
        set_err(message, "create: %s", perr);
        goto cleanup;
    }
    if (vd_create_from_xml(conn, domain_xml, pool,
                           new_volume_bytes ? &vol : NULL, flags, uuid,
                           &err) < 0) {
        set_err(message, "create: %s", err ? err : "failed");
        goto cleanup;
    }
    name = xml_domain_name(domain_xml);
    set_err(message, "%s %s", name ? name : "the domain",
            flags & VD_CREATE_START ? "created and started" : "created");
    ret = 0;

 cleanup:
    free(name);
    free(err);
    free(pool);
    vd_volume_spec_clear(&vol);
    return ret;
}
