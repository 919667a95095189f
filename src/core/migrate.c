/*
 * migrate.c: the migration engine (core/migrate.h): the checks made
 * before any migration call, the blocking call on a helper thread, and
 * the job statistics polled while it runs.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#include <libxml/parser.h>

#include "virtdeck/core.h"
#include "core/errors.h"
#include "core/migrate.h"
#include "core/watched_call.h"
#include "core/xml_read.h"

/* See core/migrate.h. */
void
vd_migrate_opts_settle(vd_migrate_opts *o, bool active)
{
    if (!(o->flags & (VD_MIG_LIVE | VD_MIG_OFFLINE)))
        o->flags |= active ? VD_MIG_LIVE : VD_MIG_OFFLINE;
    if (o->flags & VD_MIG_OFFLINE)
        o->flags |= VD_MIG_PERSIST;
    if (o->flags & VD_MIG_TUNNELLED)
        o->flags |= VD_MIG_P2P;
}

/* The host UUID in a capabilities XML (malloc'ed) or NULL. */
static char *
host_uuid(virConnectPtr conn)
{
    char *caps = virConnectGetCapabilities(conn);
    char *ret = caps ? vd_xr_doc_str(caps, "string(/capabilities/host/uuid)") : NULL;

    free(caps);
    virResetLastError();
    return ret;
}

/* The value of attribute name of node (malloc'ed by libxml2) or NULL. */
static char *
attr(xmlNodePtr node, const char *name)
{
    return (char *)xmlGetProp(node, BAD_CAST name);
}

/* The first child element of node called name, or NULL. */
static xmlNodePtr
child(xmlNodePtr node, const char *name)
{
    xmlNodePtr c;

    for (c = node ? node->children : NULL; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, BAD_CAST name))
            return c;
    return NULL;
}

/* The directory part of path (malloc'ed). */
static char *
dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');

    if (!slash)
        return strdup(".");
    if (slash == path)
        return strdup("/");
    return strndup(path, (size_t)(slash - path));
}

/* Check one network the guest's NIC uses; a message or NULL. */
static char *
check_network(virConnectPtr dst, const char *net, bool live)
{
    virNetworkPtr n = virNetworkLookupByName(dst, net);
    char *msg = NULL;

    if (!n) {
        if (asprintf(&msg, "network '%s' that the guest uses does not exist "
                     "on the destination", net) < 0)
            msg = NULL;
    } else if (live && virNetworkIsActive(n) != 1) {
        if (asprintf(&msg, "network '%s' is not active on the destination", net) < 0)
            msg = NULL;
    }
    if (n)
        virNetworkFree(n);
    virResetLastError();
    return msg;
}

/* Check one disk: a message or NULL. */
static char *
check_disk(virConnectPtr dst, xmlNodePtr disk, const vd_migrate_opts *o)
{
    char *type = attr(disk, "type"), *device = attr(disk, "device");
    xmlNodePtr src = child(disk, "source"), tgt = child(disk, "target");
    char *path = NULL, *pool = NULL, *dev = tgt ? attr(tgt, "dev") : NULL;
    char *msg = NULL, *dir = NULL;
    bool copy = o->flags & (VD_MIG_COPY_ALL | VD_MIG_COPY_INC);
    virStorageVolPtr vol = NULL;
    virStoragePoolPtr p = NULL;

    if (!src || child(disk, "readonly"))
        goto cleanup;           /* empty CD-ROM, read-only: nothing to move */
    if (type && strcmp(type, "volume") == 0) {
        if ((pool = attr(src, "pool")) && !(p = virStoragePoolLookupByName(dst, pool))) {
            if (asprintf(&msg, "storage pool '%s' that disk %s uses does not exist "
                         "on the destination", pool, dev ? dev : "?") < 0)
                msg = NULL;
        }
        goto cleanup;
    }
    if (!type || (strcmp(type, "file") != 0 && strcmp(type, "block") != 0))
        goto cleanup;           /* network disks: shared by nature */
    if (!(path = attr(src, strcmp(type, "file") == 0 ? "file" : "dev")))
        goto cleanup;
    if (device && strcmp(device, "cdrom") == 0 && !copy)
        goto cleanup;
    vol = virStorageVolLookupByPath(dst, path);
    if (vol && !copy)
        goto cleanup;           /* the destination sees the same storage */
    if (!copy) {
        if (asprintf(&msg, "disk %s (%s) is not on storage the destination "
                     "sees; choose copy storage (all or incremental)%s",
                     dev ? dev : "?", path,
                     o->flags & VD_MIG_OFFLINE ? ", or migrate it live: "
                     "offline migration copies no storage" : "") < 0)
            msg = NULL;
        goto cleanup;
    }
    if (o->flags & VD_MIG_OFFLINE) {
        if (asprintf(&msg, "disk %s (%s): offline migration copies no storage",
                     dev ? dev : "?", path) < 0)
            msg = NULL;
        goto cleanup;
    }
    if (vol)
        goto cleanup;           /* copied into the existing volume */
    dir = dir_of(path);
    if (!(p = virStoragePoolLookupByTargetPath(dst, dir))) {
        if (asprintf(&msg, "copy storage: the destination has no storage pool "
                     "at %s to create disk %s in", dir, dev ? dev : "?") < 0)
            msg = NULL;
    }

 cleanup:
    if (vol)
        virStorageVolFree(vol);
    if (p)
        virStoragePoolFree(p);
    virResetLastError();
    xmlFree(type);
    xmlFree(device);
    xmlFree(path);
    xmlFree(pool);
    xmlFree(dev);
    free(dir);
    return msg;
}

/* The destination's side of the checks: networks, pools, disks, name. */
static char *
check_destination(virDomainPtr dom, virConnectPtr dst, const vd_migrate_opts *o)
{
    bool live = o->flags & VD_MIG_LIVE;
    char *xml = virDomainGetXMLDesc(dom, live ? 0 : VIR_DOMAIN_XML_INACTIVE);
    xmlDocPtr doc = vd_xr_parse(xml);
    xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
    xmlNodePtr devs = child(root, "devices"), d;
    virDomainPtr other;
    char *msg = NULL;

    if (!doc) {
        char *e = vd_err_take("cannot read the domain's XML");
        msg = e;
        goto cleanup;
    }
    if ((other = virDomainLookupByName(dst, virDomainGetName(dom)))) {
        virDomainFree(other);
        if (asprintf(&msg, "the destination already has a domain named '%s'",
                     virDomainGetName(dom)) < 0)
            msg = NULL;
        goto cleanup;
    }
    virResetLastError();
    for (d = devs ? devs->children : NULL; d && !msg; d = d->next) {
        if (d->type != XML_ELEMENT_NODE)
            continue;
        if (xmlStrEqual(d->name, BAD_CAST "interface")) {
            char *type = attr(d, "type"), *net = NULL;
            xmlNodePtr s = child(d, "source");

            if (type && strcmp(type, "network") == 0 && s && (net = attr(s, "network")))
                msg = check_network(dst, net, live);
            xmlFree(type);
            xmlFree(net);
        } else if (xmlStrEqual(d->name, BAD_CAST "disk")) {
            msg = check_disk(dst, d, o);
        }
    }

 cleanup:
    xmlFreeDoc(doc);
    free(xml);
    virResetLastError();
    return msg;
}

/* See core/migrate.h. */
char *
vd_migrate_check(virConnectPtr src, virDomainPtr dom, virConnectPtr dst,
                 vd_migrate_opts *o)
{
    int active = virDomainIsActive(dom);
    char *msg = NULL, *su = NULL, *du = NULL;

    if (active < 0)
        return vd_err_take("cannot read the domain's state");
    vd_migrate_opts_settle(o, active == 1);
    if ((msg = vd_migrate_opts_check(o)))
        return msg;
    if ((o->flags & VD_MIG_LIVE) && active != 1) {
        if (asprintf(&msg, "%s is shut off: only an offline migration can move it",
                     virDomainGetName(dom)) < 0)
            msg = NULL;
        return msg;
    }
    if ((o->flags & VD_MIG_OFFLINE) && active == 1) {
        if (asprintf(&msg, "%s is running: offline migration needs a shut off guest "
                     "(use live)", virDomainGetName(dom)) < 0)
            msg = NULL;
        return msg;
    }
    if ((o->flags & VD_MIG_OFFLINE) && virDomainIsPersistent(dom) != 1) {
        virResetLastError();
        return strdup("a transient guest has no definition to move offline");
    }
    if ((o->flags & VD_MIG_UNDEFINE_SOURCE) && !(o->flags & VD_MIG_PERSIST)) {
        return strdup("undefine on the source needs persistent on the destination, "
                      "or the guest would be defined nowhere");
    }
    if (!dst)
        return NULL;
    su = host_uuid(src);
    du = host_uuid(dst);
    if (su && du && strcmp(su, du) == 0) {
        if (asprintf(&msg, "the destination is the same host as the source "
                     "(host UUID %s)", su) < 0)
            msg = NULL;
    }
    free(su);
    free(du);
    if (!msg)
        msg = check_destination(dom, dst, o);
    return msg;
}

/* The file disks of dom that dst does not have yet (a NULL-ended list,
 * malloc'ed): with copy storage the destination creates them, and a
 * failed or cancelled migration must not leave them behind. */
static char **
new_disks(virDomainPtr dom, virConnectPtr dst)
{
    char *xml = virDomainGetXMLDesc(dom, 0);
    xmlDocPtr doc = vd_xr_parse(xml);
    xmlNodePtr devs = child(doc ? xmlDocGetRootElement(doc) : NULL, "devices"), d;
    char **list = calloc(1, sizeof(char *));
    size_t n = 0;

    for (d = devs ? devs->children : NULL; d && list; d = d->next) {
        xmlNodePtr src = child(d, "source");
        char *path = NULL, **grown;
        virStorageVolPtr vol;

        if (d->type != XML_ELEMENT_NODE || !xmlStrEqual(d->name, BAD_CAST "disk") ||
            !src || child(d, "readonly") || !(path = attr(src, "file")))
            continue;
        if ((vol = virStorageVolLookupByPath(dst, path))) {
            virStorageVolFree(vol);
            xmlFree(path);
            continue;
        }
        virResetLastError();
        if ((grown = realloc(list, (n + 2) * sizeof(char *)))) {
            list = grown;
            list[n++] = strdup(path);
            list[n] = NULL;
        }
        xmlFree(path);
    }
    xmlFreeDoc(doc);
    free(xml);
    return list;
}

/* Free a NULL-ended list of strings. */
static void
free_list(char **list)
{
    size_t i;

    for (i = 0; list && list[i]; i++)
        free(list[i]);
    free(list);
}

/* Delete on dst the volumes at paths that exist now; free paths. */
static void
remove_disks(virConnectPtr dst, char **paths)
{
    size_t i;

    for (i = 0; paths && paths[i]; i++) {
        virStorageVolPtr vol = virStorageVolLookupByPath(dst, paths[i]);

        if (vol) {
            if (virStorageVolDelete(vol, 0) < 0)
                virResetLastError();
            virStorageVolFree(vol);
        }
        virResetLastError();
        free(paths[i]);
    }
    free(paths);
}

/* Whether the domain with dom's uuid is active on dst. */
static bool
active_on(virConnectPtr dst, virDomainPtr dom)
{
    unsigned char uuid[VIR_UUID_BUFLEN];
    virDomainPtr there;
    bool active = false;

    if (!dst || virDomainGetUUID(dom, uuid) < 0) {
        virResetLastError();
        return false;
    }
    if ((there = virDomainLookupByUUID(dst, uuid))) {
        active = virDomainIsActive(there) == 1;
        virDomainFree(there);
    }
    virResetLastError();
    return active;
}

/* See core/migrate.h. */
char *
vd_migrate_whereabouts(virConnectPtr src, virDomainPtr dom, virConnectPtr dst)
{
    const char *state = NULL;
    char *out = NULL;
    int st = -1, reason;

    if (active_on(dst, dom))
        return strdup("the guest runs on the destination");
    if (!src || virConnectIsAlive(src) != 1) {
        virResetLastError();
        return strdup(dst ? "the guest is not on the destination: it stays on "
                            "the source, whose connection was lost (libvirt "
                            "there ends the migration once its daemon is back)"
                          : "the connection to the source was lost: the guest "
                            "is to be found there once its daemon is back");
    }
    if (virDomainGetState(dom, &st, &reason, 0) < 0)
        virResetLastError();
    switch (st) {
    case VIR_DOMAIN_RUNNING: state = "running"; break;
    case VIR_DOMAIN_PAUSED: state = "paused"; break;
    case VIR_DOMAIN_SHUTOFF: state = "shut off"; break;
    default: state = NULL; break;
    }
    if (asprintf(&out, "the guest stays on the source%s%s", state ? ", " : "",
                 state ? state : "") < 0)
        out = NULL;
    return out;
}

/* ---- running it --------------------------------------------------------- */

typedef struct call {
    virDomainPtr dom;
    virConnectPtr dst;
    const vd_migrate_opts *o;
    virTypedParameterPtr params;
    int nparams;
    unsigned long flags;

    bool ok;                    /* the helper's outcome */
    char *err;
} call;

/* On the helper thread (watched_call.h): the blocking migration call. */
static void
call_main(void *opaque)
{
    call *c = opaque;
    virDomainPtr ddom = NULL;
    bool ok;

    if (c->flags & VIR_MIGRATE_PEER2PEER) {
        const char *to = c->o->peer_uri && *c->o->peer_uri ? c->o->peer_uri
                                                           : c->o->dest_uri;
        ok = virDomainMigrateToURI3(c->dom, to, c->params, (unsigned)c->nparams,
                                    (unsigned)c->flags) == 0;
    } else {
        ddom = virDomainMigrate3(c->dom, c->dst, c->params, (unsigned)c->nparams,
                                 (unsigned)c->flags);
        ok = ddom != NULL;
        if (ddom)
            virDomainFree(ddom);
    }
    if (!ok)
        c->err = vd_err_take("the migration failed");
    c->ok = ok;
}

/* The libvirt flags for o. */
static unsigned long
libvirt_flags(const vd_migrate_opts *o)
{
    unsigned long f = 0;

    if (o->flags & VD_MIG_LIVE)
        f |= VIR_MIGRATE_LIVE;
    if (o->flags & VD_MIG_OFFLINE)
        f |= VIR_MIGRATE_OFFLINE | VIR_MIGRATE_PERSIST_DEST;
    if (o->flags & VD_MIG_PERSIST)
        f |= VIR_MIGRATE_PERSIST_DEST;
    if (o->flags & VD_MIG_UNDEFINE_SOURCE)
        f |= VIR_MIGRATE_UNDEFINE_SOURCE;
    if (o->flags & VD_MIG_COPY_ALL)
        f |= VIR_MIGRATE_NON_SHARED_DISK;
    if (o->flags & VD_MIG_COPY_INC)
        f |= VIR_MIGRATE_NON_SHARED_INC;
    if (o->flags & VD_MIG_AUTO_CONVERGE)
        f |= VIR_MIGRATE_AUTO_CONVERGE;
    if (o->flags & VD_MIG_POSTCOPY)
        f |= VIR_MIGRATE_POSTCOPY;
    if (o->flags & (VD_MIG_P2P | VD_MIG_TUNNELLED))
        f |= VIR_MIGRATE_PEER2PEER;
    if (o->flags & VD_MIG_TUNNELLED)
        f |= VIR_MIGRATE_TUNNELLED;
    if (o->flags & VD_MIG_UNSAFE)
        f |= VIR_MIGRATE_UNSAFE;
    return f;
}

/* Read the job statistics into st; false when there is no job (yet). */
static bool
read_stats(virDomainPtr dom, bool postcopy, long long t0, vd_migrate_stats *st)
{
    virTypedParameterPtr p = NULL;
    int n = 0, type = 0;
    unsigned long long v, page = 4096, disk_rem = 0, mem_proc = 0;
    bool have;

    memset(st, 0, sizeof(*st));
    st->downtime_ms = -1;
    st->eta_ms = -1;
    st->elapsed_ms = vd_now_ms() - t0;
    st->phase = "setup";
    if (virDomainGetJobStats(dom, &type, &p, &n, 0) < 0) {
        virResetLastError();
        return false;
    }
    have = type == VIR_DOMAIN_JOB_BOUNDED || type == VIR_DOMAIN_JOB_UNBOUNDED;
    if (have) {
        if (virTypedParamsGetULLong(p, n, VIR_DOMAIN_JOB_TIME_ELAPSED, &v) == 1)
            st->elapsed_ms = (long long)v;
        virTypedParamsGetULLong(p, n, VIR_DOMAIN_JOB_DATA_PROCESSED, &st->processed);
        virTypedParamsGetULLong(p, n, VIR_DOMAIN_JOB_DATA_REMAINING, &st->remaining);
        virTypedParamsGetULLong(p, n, VIR_DOMAIN_JOB_DATA_TOTAL, &st->total);
        virTypedParamsGetULLong(p, n, VIR_DOMAIN_JOB_MEMORY_PAGE_SIZE, &page);
        if (virTypedParamsGetULLong(p, n, VIR_DOMAIN_JOB_MEMORY_BPS, &v) == 1)
            st->rate = (double)v;
        if (virTypedParamsGetULLong(p, n, VIR_DOMAIN_JOB_DISK_BPS, &v) == 1 &&
            (double)v > st->rate)
            st->rate = (double)v;
        if (virTypedParamsGetULLong(p, n, VIR_DOMAIN_JOB_MEMORY_DIRTY_RATE, &v) == 1)
            st->dirty_rate = (double)v * (double)page;
        virTypedParamsGetULLong(p, n, VIR_DOMAIN_JOB_MEMORY_ITERATION, &st->iteration);
        if (virTypedParamsGetULLong(p, n, VIR_DOMAIN_JOB_DOWNTIME, &v) == 1)
            st->downtime_ms = (long long)v;
        virTypedParamsGetULLong(p, n, VIR_DOMAIN_JOB_DISK_REMAINING, &disk_rem);
        virTypedParamsGetULLong(p, n, VIR_DOMAIN_JOB_MEMORY_PROCESSED, &mem_proc);
        if (postcopy)
            st->phase = "post-copy";
        else if (disk_rem > 0 && mem_proc == 0)
            st->phase = "storage";
        else if (st->processed > 0)
            st->phase = "memory";
        if (st->rate > 0 && st->remaining > 0)
            st->eta_ms = (long long)((double)st->remaining * 1000.0 / st->rate);
    }
    virTypedParamsFree(p, n);
    return have;
}

/* See core/migrate.h. */
int
vd_migrate_run(virConnectPtr src, virDomainPtr dom, virConnectPtr dst,
               const vd_migrate_opts *o, const vd_migrate_ctl *ctl, char **err)
{
    call c = { .dom = dom, .dst = dst, .o = o };
    int maxp = 0, rc = -1;
    vd_watched w;
    bool aborted = false, downtime_set = o->downtime_ms <= 0;
    bool postcopy = false, had_job = false;
    char **made = NULL;         /* disks the destination creates */
    unsigned long long last_processed = 0;
    long long last_ms = 0;
    long long t0 = vd_now_ms(), next_poll = t0;

    (void)src;
    *err = NULL;
    c.flags = libvirt_flags(o);
    if (!(c.flags & VIR_MIGRATE_PEER2PEER) && !dst) {
        *err = strdup("no connection to the destination");
        return -1;
    }
    if ((o->migrate_uri && *o->migrate_uri &&
         virTypedParamsAddString(&c.params, &c.nparams, &maxp,
                                 VIR_MIGRATE_PARAM_URI, o->migrate_uri) < 0) ||
        (o->bandwidth > 0 &&
         virTypedParamsAddULLong(&c.params, &c.nparams, &maxp,
                                 VIR_MIGRATE_PARAM_BANDWIDTH, o->bandwidth) < 0)) {
        *err = vd_err_take("out of memory");
        virTypedParamsFree(c.params, c.nparams);
        return -1;
    }
    if (dst && (o->flags & (VD_MIG_COPY_ALL | VD_MIG_COPY_INC)))
        made = new_disks(dom, dst);
    /* The bandwidth parameter limits QEMU's migration stream; the copy
     * of the disks (NBD mirrors) follows the domain's migration speed. */
    if (o->bandwidth > 0 && (o->flags & VD_MIG_LIVE) &&
        virDomainMigrateSetMaxSpeed(dom, (unsigned long)o->bandwidth, 0) < 0)
        virResetLastError();
    if (vd_watched_start(&w, call_main, &c) < 0) {
        *err = strdup("could not start a thread");
        goto cleanup;
    }
    /* look at cancel ~10 times a second */
    while (!vd_watched_wait(&w, 100)) {
        long long now;

        if (ctl && ctl->cancelled && ctl->cancelled(ctl->opaque))
            aborted = true;
        if (aborted) {
            /* until the call returns: the job may not have started yet */
            if (virDomainAbortJob(dom) < 0)
                virResetLastError();
        }
        if (!aborted && ctl && ctl->postcopy && ctl->postcopy(ctl->opaque)) {
            if (virDomainMigrateStartPostCopy(dom, 0) == 0)
                postcopy = true;
            else
                virResetLastError();
        }
        now = vd_now_ms();
        if (now < next_poll)
            continue;
        next_poll = now + VD_MIGRATE_POLL_MS;
        {
            vd_migrate_stats st;
            bool have = read_stats(dom, postcopy, t0, &st);

            /* no rate from libvirt (a disk copy): from the last look */
            if (have && st.rate <= 0 && st.processed > last_processed &&
                now > last_ms && last_ms > 0)
                st.rate = (double)(st.processed - last_processed) * 1000.0 /
                          (double)(now - last_ms);
            if (have && st.rate > 0 && st.remaining > 0 && st.eta_ms < 0)
                st.eta_ms = (long long)((double)st.remaining * 1000.0 / st.rate);
            last_processed = st.processed;
            last_ms = now;

            if (have && !downtime_set) {
                if (virDomainMigrateSetMaxDowntime(dom, (unsigned long long)o->downtime_ms, 0) == 0)
                    downtime_set = true;
                else
                    virResetLastError();
            }
            /* after the job ended (the call is returning) nothing new */
            if (ctl && ctl->progress && (have || !had_job))
                ctl->progress(&st, ctl->opaque);
            had_job = had_job || have;
        }
    }
    if (c.ok) {
        rc = 0;
        free_list(made);
        made = NULL;
    } else if (aborted) {
        rc = 1;
    } else {
        *err = c.err;
        c.err = NULL;
    }

 cleanup:
    if (made && active_on(dst, dom))    /* it did arrive: keep its disks */
        free_list(made);
    else if (made)
        remove_disks(dst, made);
    free(c.err);
    virTypedParamsFree(c.params, c.nparams);
    return rc;
}
