/*
 * snapshot.c: reference counting, copying and reading of host
 * snapshots.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "virtdeck/model.h"
#include "core/snapshot_priv.h"

/* Replace *dst with a copy of src (NULL allowed). */
int
vd_strset(char **dst, const char *src)
{
    char *copy = NULL;

    if (src && !(copy = strdup(src)))
        return -1;
    free(*dst);
    *dst = copy;
    return 0;
}

/* A new empty snapshot with one reference. */
vd_snapshot *
vd_snapshot_new(int host_id, const char *uri, const char *label, bool readonly)
{
    vd_snapshot *snap = calloc(1, sizeof(*snap));

    if (!snap)
        return NULL;
    snap->refs = 1;
    snap->host_id = host_id;
    snap->readonly = readonly;
    if (vd_strset(&snap->uri, uri) < 0 ||
        vd_strset(&snap->label, label ? label : uri) < 0) {
        vd_snapshot_unref(snap);
        return NULL;
    }
    return snap;
}

/* Deep-copy the domain list. */
static vd_domain *
domains_copy(const vd_domain *src, size_t n)
{
    vd_domain *dst;
    size_t i;

    if (n == 0)
        return NULL;
    if (!(dst = calloc(n, sizeof(*dst))))
        return NULL;
    for (i = 0; i < n; i++) {
        dst[i] = src[i];
        dst[i].name = NULL;
        dst[i].history = vd_history_ref(src[i].history);
        if (vd_strset(&dst[i].name, src[i].name) < 0) {
            vd_domains_free(dst, i + 1);
            return NULL;
        }
    }
    return dst;
}

/* Deep-copy the network list. */
static vd_network *
networks_copy(const vd_network *src, size_t n)
{
    vd_network *dst;
    size_t i;

    if (n == 0)
        return NULL;
    if (!(dst = calloc(n, sizeof(*dst))))
        return NULL;
    for (i = 0; i < n; i++) {
        dst[i] = src[i];
        dst[i].name = NULL;
        dst[i].bridge = NULL;
        if (vd_strset(&dst[i].name, src[i].name) < 0 ||
            vd_strset(&dst[i].bridge, src[i].bridge) < 0) {
            vd_networks_free(dst, i + 1);
            return NULL;
        }
    }
    return dst;
}

/* Deep-copy the pool list. */
static vd_pool *
pools_copy(const vd_pool *src, size_t n)
{
    vd_pool *dst;
    size_t i;

    if (n == 0)
        return NULL;
    if (!(dst = calloc(n, sizeof(*dst))))
        return NULL;
    for (i = 0; i < n; i++) {
        dst[i] = src[i];
        dst[i].name = NULL;
        if (vd_strset(&dst[i].name, src[i].name) < 0) {
            vd_pools_free(dst, i + 1);
            return NULL;
        }
    }
    return dst;
}

static vd_snapshot *snapshot_clone(const vd_snapshot *src, bool domains);

/* A deep copy of src with one reference and the next sequence number. */
vd_snapshot *
vd_snapshot_clone(const vd_snapshot *src)
{
    return snapshot_clone(src, true);
}

/* A clone without the domain list. */
vd_snapshot *
vd_snapshot_clone_nodomains(const vd_snapshot *src)
{
    return snapshot_clone(src, false);
}

/* vd_snapshot_clone, with or without the domains. */
static vd_snapshot *
snapshot_clone(const vd_snapshot *src, bool domains)
{
    vd_snapshot *snap = vd_snapshot_new(src->host_id, src->uri, src->label,
                                        src->readonly);

    if (!snap)
        return NULL;
    snap->seq = src->seq + 1;
    snap->conn = src->conn;
    snap->attempts = src->attempts;
    snap->retry_at_ms = src->retry_at_ms;
    snap->connect_ms = src->connect_ms;
    snap->taken_ms = src->taken_ms;
    snap->stats = src->stats;
    snap->tick_ms = src->tick_ms;
    snap->info = src->info;
    snap->info.hostname = snap->info.hv_type = snap->info.cpu_model = NULL;
    snap->info.cpu_name = snap->info.cpu_vendor = NULL;
    if (vd_strset(&snap->error, src->error) < 0 ||
        vd_strset(&snap->hint, src->hint) < 0 ||
        vd_strset(&snap->info.hostname, src->info.hostname) < 0 ||
        vd_strset(&snap->info.hv_type, src->info.hv_type) < 0 ||
        vd_strset(&snap->info.cpu_model, src->info.cpu_model) < 0 ||
        vd_strset(&snap->info.cpu_name, src->info.cpu_name) < 0 ||
        vd_strset(&snap->info.cpu_vendor, src->info.cpu_vendor) < 0)
        goto error;
    if ((domains && src->ndomains &&
         !(snap->domains = domains_copy(src->domains, src->ndomains))) ||
        (src->nnetworks && !(snap->networks = networks_copy(src->networks, src->nnetworks))) ||
        (src->npools && !(snap->pools = pools_copy(src->pools, src->npools))))
        goto error;
    snap->ndomains = domains ? src->ndomains : 0;
    snap->nnetworks = src->nnetworks;
    snap->npools = src->npools;
    return snap;

 error:
    vd_snapshot_unref(snap);
    return NULL;
}

/* Free n domains and the array. */
void
vd_domains_free(vd_domain *doms, size_t n)
{
    size_t i;

    for (i = 0; doms && i < n; i++) {
        free(doms[i].name);
        vd_history_unref(doms[i].history);
    }
    free(doms);
}

/* Free n networks and the array. */
void
vd_networks_free(vd_network *nets, size_t n)
{
    size_t i;

    for (i = 0; nets && i < n; i++) {
        free(nets[i].name);
        free(nets[i].bridge);
    }
    free(nets);
}

/* Free n pools and the array. */
void
vd_pools_free(vd_pool *pools, size_t n)
{
    size_t i;

    for (i = 0; pools && i < n; i++)
        free(pools[i].name);
    free(pools);
}

/* Free the strings of a host info and zero it. */
void
vd_host_info_clear(vd_host_info *info)
{
    free(info->hostname);
    free(info->hv_type);
    free(info->cpu_model);
    free(info->cpu_name);
    free(info->cpu_vendor);
    memset(info, 0, sizeof(*info));
}

/* Take a reference. */
vd_snapshot *
vd_snapshot_ref(vd_snapshot *snap)
{
    if (snap)
        __atomic_add_fetch(&snap->refs, 1, __ATOMIC_RELAXED);
    return snap;
}

/* Drop a reference; the last one frees. */
void
vd_snapshot_unref(vd_snapshot *snap)
{
    if (!snap || __atomic_sub_fetch(&snap->refs, 1, __ATOMIC_ACQ_REL) > 0)
        return;
    free(snap->uri);
    free(snap->label);
    free(snap->error);
    free(snap->hint);
    vd_host_info_clear(&snap->info);
    vd_domains_free(snap->domains, snap->ndomains);
    vd_networks_free(snap->networks, snap->nnetworks);
    vd_pools_free(snap->pools, snap->npools);
    free(snap);
}

/* Compare a UUID key with a domain, for bsearch. */
static int
domain_uuid_cmp(const void *key, const void *elem)
{
    return strcmp((const char *)key, ((const vd_domain *)elem)->uuid);
}

/* Find a domain by UUID (the list is sorted by UUID). */
const vd_domain *
vd_snapshot_find_domain(const vd_snapshot *snap, const char *uuid)
{
    if (!snap || !uuid || !snap->ndomains)
        return NULL;
    return bsearch(uuid, snap->domains, snap->ndomains, sizeof(vd_domain),
                   domain_uuid_cmp);
}

/* Find a pool by name (a host has a few: a walk). */
const vd_pool *
vd_snapshot_find_pool(const vd_snapshot *snap, const char *name)
{
    for (size_t i = 0; snap && name && i < snap->npools; i++)
        if (snap->pools[i].name && strcmp(snap->pools[i].name, name) == 0)
            return &snap->pools[i];
    return NULL;
}

/* Count domains by state (model.h: the one vocabulary). */
void
vd_dom_count(const vd_domain *doms, size_t n, vd_dom_counts *c)
{
    size_t i;

    memset(c, 0, sizeof(*c));
    for (i = 0; i < n; i++) {
        switch (doms[i].state) {
        case VD_DOM_RUNNING:
        case VD_DOM_BLOCKED:
        case VD_DOM_SHUTDOWN:
            c->running++;
            break;
        case VD_DOM_PAUSED:
        case VD_DOM_PMSUSPENDED:
            c->paused++;
            break;
        default:
            c->off++;
            break;
        }
    }
    c->active = c->running + c->paused;
    c->total = n;
}

/* Short word for a domain state, as virsh prints it. */
const char *
vd_dom_state_name(vd_dom_state state)
{
    static const char *const names[VD_DOM_STATE_LAST] = {
        [VD_DOM_NOSTATE] = "no state",
        [VD_DOM_RUNNING] = "running",
        [VD_DOM_BLOCKED] = "idle",
        [VD_DOM_PAUSED] = "paused",
        [VD_DOM_SHUTDOWN] = "in shutdown",
        [VD_DOM_SHUTOFF] = "shut off",
        [VD_DOM_CRASHED] = "crashed",
        [VD_DOM_PMSUSPENDED] = "pmsuspended",
    };

    if ((int)state < 0 || state >= VD_DOM_STATE_LAST)
        return "unknown";
    return names[state];
}

/* Word for a connection state. */
const char *
vd_conn_state_name(vd_conn_state state)
{
    static const char *const names[VD_CONN_LAST] = {
        [VD_CONN_IDLE] = "disconnected",
        [VD_CONN_CONNECTING] = "connecting",
        [VD_CONN_CONNECTED] = "connected",
        [VD_CONN_FAILED] = "failed",
    };

    if ((int)state < 0 || state >= VD_CONN_LAST)
        return "unknown";
    return names[state];
}

/* Word for a pool state, as virsh prints it. */
const char *
vd_pool_state_name(vd_pool_state state)
{
    static const char *const names[VD_POOL_STATE_LAST] = {
        [VD_POOL_INACTIVE] = "inactive",
        [VD_POOL_BUILDING] = "building",
        [VD_POOL_RUNNING] = "active",
        [VD_POOL_DEGRADED] = "degraded",
        [VD_POOL_INACCESSIBLE] = "inaccessible",
    };

    if ((int)state < 0 || state >= VD_POOL_STATE_LAST)
        return "unknown";
    return names[state];
}

/* "major.minor.micro" of a libvirt-style version number. */
char *
vd_version_string(unsigned long long version, char *buf, size_t len)
{
    snprintf(buf, len, "%llu.%llu.%llu", version / 1000000,
             (version / 1000) % 1000, version % 1000);
    return buf;
}
