/*
 * lists.c: a host's domains, networks and pools read with as few RPCs
 * as libvirt allows: one bulk stats call for the domains, filtered
 * list calls for the flags, never one call per domain on a tick.
 */
#include <stdlib.h>
#include <string.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include "virtdeck/core.h"
#include "core/lists.h"
#include "core/snapshot_priv.h"
#include "core/stats_read.h"

/* A sorted set of UUID strings. */
typedef struct uuid_set {
    char (*uuids)[VD_UUID_LEN];
    size_t n;
} uuid_set;

/* qsort/bsearch comparator for UUID strings. */
static int
uuid_cmp(const void *a, const void *b)
{
    return strcmp((const char *)a, (const char *)b);
}

/* Whether set holds uuid. */
static bool
uuid_set_has(const uuid_set *set, const char *uuid)
{
    return set->n && bsearch(uuid, set->uuids, set->n, VD_UUID_LEN, uuid_cmp);
}

/* A sorted set of names (domain names are unique on a host). */
typedef struct name_set {
    char **names;
    size_t n;
} name_set;

/* qsort/bsearch comparator for name pointers. */
static int
name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Whether set holds name. */
static bool
name_set_has(const name_set *set, const char *name)
{
    return set->n && name && bsearch(&name, set->names, set->n,
                                     sizeof(*set->names), name_cmp);
}

/* Free the names of set. */
static void
name_set_free(name_set *set)
{
    size_t i;

    for (i = 0; i < set->n; i++)
        free(set->names[i]);
    free(set->names);
    set->names = NULL;
    set->n = 0;
}

/* Domains matching the filter flags as a set of names (by name, not
 * UUID: virDomainGetName is the one getter that formats nothing for
 * libvirt's debug log). 0 or -1. */
static int
domain_names(virConnectPtr conn, unsigned int flags, name_set *set)
{
    virDomainPtr *doms = NULL;
    int n, i;

    if ((n = virConnectListAllDomains(conn, &doms, flags)) < 0)
        return -1;
    set->n = 0;
    set->names = n ? calloc(n, sizeof(*set->names)) : NULL;
    for (i = 0; i < n; i++) {
        const char *name = virDomainGetName(doms[i]);

        if (set->names && name && (set->names[set->n] = strdup(name)))
            set->n++;
        virDomainFree(doms[i]);
    }
    free(doms);
    if (set->n > 1)
        qsort(set->names, set->n, sizeof(*set->names), name_cmp);
    return 0;
}

/* Networks matching the filter flags as a UUID set. 0 or -1. */
static int
network_uuids(virConnectPtr conn, unsigned int flags, uuid_set *set)
{
    virNetworkPtr *nets = NULL;
    int n, i;

    if ((n = virConnectListAllNetworks(conn, &nets, flags)) < 0)
        return -1;
    set->n = 0;
    set->uuids = n ? calloc(n, VD_UUID_LEN) : NULL;
    for (i = 0; i < n; i++) {
        if (set->uuids && virNetworkGetUUIDString(nets[i], set->uuids[set->n]) == 0)
            set->n++;
        virNetworkFree(nets[i]);
    }
    free(nets);
    if (set->n > 1)
        qsort(set->uuids, set->n, VD_UUID_LEN, uuid_cmp);
    return 0;
}

/* Pools matching the filter flags as a UUID set. 0 or -1. */
static int
pool_uuids(virConnectPtr conn, unsigned int flags, uuid_set *set)
{
    virStoragePoolPtr *pools = NULL;
    int n, i;

    if ((n = virConnectListAllStoragePools(conn, &pools, flags)) < 0)
        return -1;
    set->n = 0;
    set->uuids = n ? calloc(n, VD_UUID_LEN) : NULL;
    for (i = 0; i < n; i++) {
        if (set->uuids && virStoragePoolGetUUIDString(pools[i], set->uuids[set->n]) == 0)
            set->n++;
        virStoragePoolFree(pools[i]);
    }
    free(pools);
    if (set->n > 1)
        qsort(set->uuids, set->n, VD_UUID_LEN, uuid_cmp);
    return 0;
}

/* Host facts. */
int
vd_lists_read_info(virConnectPtr conn, vd_host_info *info)
{
    virNodeInfo node;
    unsigned long ver = 0;
    const char *type;
    char *host;

    vd_host_info_clear(info);
    if ((host = virConnectGetHostname(conn)))
        info->hostname = host;
    else
        virResetLastError();
    if ((type = virConnectGetType(conn)) && vd_strset(&info->hv_type, type) < 0)
        return -1;
    if (virConnectGetLibVersion(conn, &ver) == 0)
        info->libvirt_version = ver;
    ver = 0;
    if (virConnectGetVersion(conn, &ver) == 0)
        info->hv_version = ver;
    if (virNodeGetInfo(conn, &node) < 0)
        return -1;
    if (vd_strset(&info->cpu_model, node.model) < 0)
        return -1;
    info->cpus = node.cpus;
    info->mem_kib = node.memory;
    virResetLastError();
    return 0;
}

/* Format a raw UUID as its string: libvirt's virDomainGetUUIDString
 * goes through snprintf 16 times, a fifth of a 1000-domain tick. */
static void
uuid_format(const unsigned char *raw, char *out)
{
    static const char hex[] = "0123456789abcdef";
    int i, k = 0;

    for (i = 0; i < VIR_UUID_BUFLEN; i++) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out[k++] = '-';
        out[k++] = hex[raw[i] >> 4];
        out[k++] = hex[raw[i] & 15];
    }
    out[k] = '\0';
}

/* Fill the identity of d from a domain handle (no RPC). */
static int
domain_identity(virDomainPtr dom, vd_domain *d)
{
    unsigned int id = virDomainGetID(dom);
    unsigned char raw[VIR_UUID_BUFLEN];

    if (virDomainGetUUID(dom, raw) < 0)
        return -1;
    uuid_format(raw, d->uuid);
    if (vd_strset(&d->name, virDomainGetName(dom)) < 0)
        return -1;
    d->id = id == (unsigned int)-1 ? -1 : (int)id;
    return 0;
}

/* The identity of d from a stats record. A domain whose record keeps
 * its name and state from the last read is known by its name alone:
 * hint is where the same record index landed last time, and a match of
 * name and state there gives UUID, name and id from the last snapshot.
 * virDomainGetName costs no formatting, while every other getter of a
 * virDomainPtr formats the UUID for libvirt's debug log whether logging
 * is on or not (8 000 instructions a call, a third of a bare 1000-domain
 * tick). Names are unique on a host; a rename, a define or an undefine
 * comes with an event and a full read, which asks for the UUID again.
 * Anything else (no hint, another name, a changed state) asks for the
 * UUID. *oldp is the same domain in prev, or NULL. */
static int
record_identity(virDomainPtr dom, const vd_snapshot *prev, bool full,
                const vd_domain *hint, vd_domain *d, const vd_domain **oldp)
{
    unsigned char raw[VIR_UUID_BUFLEN];
    const vd_domain *old;
    const char *name;

    *oldp = NULL;
    if (full || !prev) {
        if (domain_identity(dom, d) < 0)
            return -1;
        *oldp = vd_snapshot_find_domain(prev, d->uuid);
        return 0;
    }
    if (hint && hint->name && hint->state == d->state &&
        (name = virDomainGetName(dom)) && strcmp(name, hint->name) == 0) {
        old = hint;
        memcpy(d->uuid, old->uuid, sizeof(d->uuid));
    } else {
        if (virDomainGetUUID(dom, raw) < 0)
            return -1;
        uuid_format(raw, d->uuid);
        old = vd_snapshot_find_domain(prev, d->uuid);
    }
    *oldp = old;
    if (!old || old->state != d->state)
        return domain_identity(dom, d);
    if (vd_strset(&d->name, old->name) < 0)
        return -1;
    d->id = old->id;
    return 0;
}

/* Fill what the stats record lacked with virDomainGetInfo. */
static int
domain_info_fallback(virDomainPtr dom, vd_domain *d)
{
    virDomainInfo info;

    if (virDomainGetInfo(dom, &info) < 0)
        return -1;
    if (!d->state)
        d->state = info.state;
    if (!d->vcpus)
        d->vcpus = info.nrVirtCpu;
    if (!d->max_vcpus)
        d->max_vcpus = info.nrVirtCpu;
    if (!d->mem_kib)
        d->mem_kib = info.memory;
    if (!d->max_mem_kib)
        d->max_mem_kib = info.maxMem;
    if (!d->cpu_time_ns)
        d->cpu_time_ns = info.cpuTime;
    return 0;
}

/* Set the balloon stats period of a running guest that gives no
 * memory figures, once per boot (one RPC, not per tick). */
static void
set_stats_period(virDomainPtr dom, const vd_list_caps *caps,
                 const vd_domain *old, vd_domain *d)
{
    if (caps->balloon_period <= 0 || d->state != VD_DOM_RUNNING ||
        d->sample.has_unused || d->id <= 0)
        return;
    if (old && old->sample.period_set_id == d->id) {
        d->sample.period_set_id = d->id;
        return;
    }
    if (virDomainSetMemoryStatsPeriod(dom, caps->balloon_period,
                                      VIR_DOMAIN_AFFECT_LIVE) < 0)
        virResetLastError();    /* no balloon device: rss it is */
    d->sample.period_set_id = d->id;
}

/* Fill the gaps of d from the same domain in the last snapshot. */
static void
domain_carry_gaps(const vd_domain *old, vd_domain *d)
{
    if (!d->vcpus)
        d->vcpus = old->vcpus;
    if (!d->max_vcpus)
        d->max_vcpus = old->max_vcpus;
    if (!d->mem_kib)
        d->mem_kib = old->mem_kib;
    if (!d->max_mem_kib)
        d->max_mem_kib = old->max_mem_kib;
    if (!d->cpu_time_ns)
        d->cpu_time_ns = old->cpu_time_ns;
}

/* Copy one bulk stats record (taken at taken_ms) into d. */
static int
domain_from_record(virDomainStatsRecordPtr rec, const vd_list_caps *caps,
                   const vd_snapshot *prev, bool full, long long taken_ms,
                   const vd_domain *hint, vd_domain *d, const vd_domain **oldp)
{
    const vd_domain *old;
    bool need_info;

    vd_stats_from_params(rec->params, rec->nparams, d);
    if (record_identity(rec->dom, prev, full, hint, d, oldp) < 0)
        return -1;
    old = *oldp;

    /* Drivers without the vcpu/balloon groups (the test driver) leave
     * gaps. In-process drivers fill them from virDomainGetInfo, which
     * costs no RPC; through a daemon, that call is made only for a
     * domain that is new or changed state, else the gaps are carried
     * over, so a tick stays one RPC. */
    need_info = !d->vcpus || !d->max_mem_kib || !d->state;
    if (need_info && !caps->inproc && old &&
        d->state && old->state == d->state && old->id == d->id) {
        domain_carry_gaps(old, d);
        need_info = false;
    }
    if (need_info && domain_info_fallback(rec->dom, d) < 0)
        virResetLastError();
    vd_stats_finish_sample(d, taken_ms);
    set_stats_period(rec->dom, caps, old, d);
    return 0;
}

/* The bulk call, retried without NOWAIT when the daemon rejects it. */
static int
get_all_stats(virConnectPtr conn, vd_list_caps *caps,
              virDomainStatsRecordPtr **recs)
{
    unsigned int stats = VIR_DOMAIN_STATS_STATE | VIR_DOMAIN_STATS_CPU_TOTAL |
                         VIR_DOMAIN_STATS_BALLOON | VIR_DOMAIN_STATS_VCPU |
                         VIR_DOMAIN_STATS_BLOCK | VIR_DOMAIN_STATS_INTERFACE;
    int n;

    if (!caps->no_nowait) {
        n = virConnectGetAllDomainStats(conn, stats, recs,
                                        VIR_CONNECT_GET_ALL_DOMAINS_STATS_NOWAIT);
        if (n >= 0)
            return n;
        if (virGetLastErrorCode() != VIR_ERR_INVALID_ARG &&
            virGetLastErrorCode() != VIR_ERR_NO_SUPPORT)
            return -1;
        caps->no_nowait = true;
        virResetLastError();
    }
    return virConnectGetAllDomainStats(conn, stats, recs, 0);
}

/* Snapshot counts cost one small RPC per domain (virDomainSnapshotNum:
 * libvirt has no snapshot event and the bulk stats carry no count), so
 * a read takes them in turns: every domain at least once in
 * SNAPSHOT_TURN_READS reads (about two minutes at the 2 s tick), at
 * least SNAPSHOT_COUNTS_MIN and at most SNAPSHOT_COUNTS_MAX per read; a
 * domain a snapshot command just touched goes first. That is 1/64 of an
 * RPC per domain per tick, 2-3 % of a tick's CPU. Only hosts whose
 * counts are shown read them (not `virtdeck top --batch`); an open
 * snapshot view reads its own domain's list every tick. */
#define SNAPSHOT_TURN_READS 64
#define SNAPSHOT_COUNTS_MIN 4
#define SNAPSHOT_COUNTS_MAX 16

/* The snapshot count of dom into d, or -1; notes a driver without them. */
static void
snapshot_count(virDomainPtr dom, vd_list_caps *caps, vd_domain *d)
{
    int n;

    if (caps->no_snapshots)
        return;
    if ((n = virDomainSnapshotNum(dom, 0)) >= 0) {
        d->snapshots = n;
        return;
    }
    if (virGetLastErrorCode() == VIR_ERR_NO_SUPPORT)
        caps->no_snapshots = true;
    virResetLastError();
}

/* The snapshot counts of this read's turn; the others keep the last
 * count read. doms[i] is recs[i]'s, olds[i] its last self or NULL. */
static void
read_snapshot_counts(virDomainStatsRecordPtr *recs, size_t n, vd_domain *doms,
                     const vd_domain **olds, vd_list_caps *caps, bool first)
{
    size_t i, k, per = (n + SNAPSHOT_TURN_READS - 1) / SNAPSHOT_TURN_READS;
    size_t start = n ? caps->snap_cursor % n : 0;

    if (per < SNAPSHOT_COUNTS_MIN || first)
        per = first ? SNAPSHOT_COUNTS_MAX : SNAPSHOT_COUNTS_MIN;
    if (per > SNAPSHOT_COUNTS_MAX)
        per = SNAPSHOT_COUNTS_MAX;
    if (per > n)
        per = n;
    for (i = 0; i < n; i++)
        doms[i].snapshots = olds[i] ? olds[i]->snapshots : -1;
    if (!caps->snapshot_counts)
        return;
    if (caps->snap_first[0]) {
        for (i = 0; i < n; i++) {
            if (strcmp(doms[i].uuid, caps->snap_first) == 0) {
                snapshot_count(recs[i]->dom, caps, &doms[i]);
                break;
            }
        }
        caps->snap_first[0] = '\0';
    }
    for (k = 0; k < per; k++)
        snapshot_count(recs[(start + k) % n]->dom, caps, &doms[(start + k) % n]);
    caps->snap_cursor = start + per;
}

/* Domains without the bulk API: list, then one GetInfo each. */
static int
read_domains_slow(virConnectPtr conn, vd_list_caps *caps, vd_domain **out,
                  size_t *nout)
{
    virDomainPtr *doms = NULL;
    vd_domain *res = NULL;
    int n, i, ret = -1;
    size_t k = 0;

    if ((n = virConnectListAllDomains(conn, &doms, 0)) < 0)
        return -1;
    if (n && !(res = calloc(n, sizeof(*res))))
        goto cleanup;
    for (i = 0; i < n; i++) {
        if (domain_identity(doms[i], &res[k]) < 0)
            goto cleanup;
        if (domain_info_fallback(doms[i], &res[k]) < 0) {
            /* it vanished between the two calls: skip it */
            free(res[k].name);
            memset(&res[k], 0, sizeof(res[k]));
            virResetLastError();
            continue;
        }
        res[k].snapshots = -1;
        if (caps->snapshot_counts)
            snapshot_count(doms[i], caps, &res[k]);
        vd_stats_finish_sample(&res[k], vd_now_ms());
        k++;
    }
    *out = res;
    *nout = k;
    res = NULL;
    ret = 0;

 cleanup:
    vd_domains_free(res, k);
    for (i = 0; i < n; i++)
        virDomainFree(doms[i]);
    free(doms);
    return ret;
}

/* Sort record indices by their domain's UUID (qsort_r). */
static int
perm_cmp(const void *a, const void *b, void *arg)
{
    const vd_domain *doms = arg;

    return strcmp(doms[*(const size_t *)a].uuid, doms[*(const size_t *)b].uuid);
}

/* Move the domains rd (in record order) into *out sorted by UUID, and
 * note in caps->order where each record went. When every record is a
 * distinct domain of prev and none came or went, the order is prev's:
 * no sort at all. Takes what rd's elements hold; frees rd. 0 or -1. */
static int
place_sorted(vd_domain *rd, const vd_domain **olds, size_t n,
             const vd_snapshot *prev, vd_list_caps *caps, vd_domain **out)
{
    vd_domain *doms = n ? malloc(n * sizeof(*doms)) : NULL;
    size_t *order = n ? malloc(n * sizeof(*order)) : NULL;
    unsigned char *seen = NULL;
    size_t *perm = NULL, i;
    bool same = prev && prev->ndomains == n;

    if (n && (!doms || !order))
        goto fail;
    if (same && n && !(seen = calloc(n, 1)))
        goto fail;
    for (i = 0; same && i < n; i++) {
        size_t at;

        if (!olds[i]) {
            same = false;
            break;
        }
        at = (size_t)(olds[i] - prev->domains);
        if (seen[at]) {
            same = false;
            break;
        }
        seen[at] = 1;
        order[i] = at;
    }
    if (!same && n) {
        if (!(perm = malloc(n * sizeof(*perm))))
            goto fail;
        for (i = 0; i < n; i++)
            perm[i] = i;
        qsort_r(perm, n, sizeof(*perm), perm_cmp, rd);
        for (i = 0; i < n; i++)
            order[perm[i]] = i;
    }
    for (i = 0; i < n; i++)
        doms[order[i]] = rd[i];
    free(rd);
    free(caps->order);
    caps->order = order;
    caps->norder = n;
    free(seen);
    free(perm);
    *out = doms;
    return 0;

 fail:
    free(doms);
    free(order);
    free(seen);
    return -1;
}

/* All domains; see lists.h. */
int
vd_lists_read_domains(virConnectPtr conn, vd_list_caps *caps, bool full,
                      const vd_snapshot *prev, vd_domain **out, size_t *nout)
{
    virDomainStatsRecordPtr *recs = NULL;
    vd_domain *rd = NULL;
    const vd_domain **olds = NULL;
    name_set autostart = { 0 }, persistent = { 0 };
    size_t n = 0, i;
    int nrecs = 0, ret = -1;
    long long taken_ms = 0;

    if (!caps->no_bulk) {
        nrecs = get_all_stats(conn, caps, &recs);
        taken_ms = vd_now_ms();
        if (nrecs < 0 && virGetLastErrorCode() == VIR_ERR_NO_SUPPORT) {
            caps->no_bulk = true;
            virResetLastError();
        } else if (nrecs < 0) {
            return -1;
        }
    }
    if (caps->no_bulk) {
        if (read_domains_slow(conn, caps, &rd, &n) < 0)
            return -1;
        if (n && !(olds = calloc(n, sizeof(*olds))))
            goto cleanup;
        for (i = 0; i < n; i++)
            olds[i] = vd_snapshot_find_domain(prev, rd[i].uuid);
    } else {
        if (nrecs > 0 && (!(rd = calloc((size_t)nrecs, sizeof(*rd))) ||
                          !(olds = calloc((size_t)nrecs, sizeof(*olds)))))
            goto cleanup;
        for (i = 0; i < (size_t)nrecs; i++) {
            const vd_domain *hint = NULL;

            if (prev && i < caps->norder && caps->order[i] < prev->ndomains)
                hint = &prev->domains[caps->order[i]];
            if (domain_from_record(recs[i], caps, prev, full, taken_ms,
                                   hint, &rd[n], &olds[n]) < 0)
                goto cleanup;
            n++;
        }
        read_snapshot_counts(recs, n, rd, olds, caps, !prev);
    }

    if (full || !prev) {
        if (domain_names(conn, VIR_CONNECT_LIST_DOMAINS_AUTOSTART, &autostart) < 0 ||
            domain_names(conn, VIR_CONNECT_LIST_DOMAINS_PERSISTENT, &persistent) < 0)
            goto cleanup;
        for (i = 0; i < n; i++) {
            rd[i].autostart = name_set_has(&autostart, rd[i].name);
            rd[i].persistent = name_set_has(&persistent, rd[i].name);
        }
    } else {
        for (i = 0; i < n; i++) {
            /* a domain we have not seen yet: assume persistent until the
             * next full read says otherwise */
            rd[i].autostart = olds[i] ? olds[i]->autostart : false;
            rd[i].persistent = olds[i] ? olds[i]->persistent : true;
        }
    }
    if (place_sorted(rd, olds, n, prev, caps, out) < 0)
        goto cleanup;
    rd = NULL;
    *nout = n;
    ret = 0;

 cleanup:
    vd_domains_free(rd, n);
    free(olds);
    if (recs)
        virDomainStatsRecordListFree(recs);
    name_set_free(&autostart);
    name_set_free(&persistent);
    return ret;
}

/* Free what caps holds; see lists.h. */
void
vd_list_caps_clear(vd_list_caps *caps)
{
    free(caps->order);
    caps->order = NULL;
    caps->norder = 0;
}

/* Sort networks by name. */
static int
network_cmp(const void *a, const void *b)
{
    return strcmp(((const vd_network *)a)->name, ((const vd_network *)b)->name);
}

/* All networks; see lists.h. */
int
vd_lists_read_networks(virConnectPtr conn, vd_network **out, size_t *nout)
{
    virNetworkPtr *nets = NULL;
    vd_network *res = NULL;
    uuid_set active = { 0 }, persistent = { 0 }, autostart = { 0 };
    int n, i, ret = -1;
    size_t k = 0;

    if ((n = virConnectListAllNetworks(conn, &nets, 0)) < 0)
        return -1;
    if (network_uuids(conn, VIR_CONNECT_LIST_NETWORKS_ACTIVE, &active) < 0 ||
        network_uuids(conn, VIR_CONNECT_LIST_NETWORKS_PERSISTENT, &persistent) < 0 ||
        network_uuids(conn, VIR_CONNECT_LIST_NETWORKS_AUTOSTART, &autostart) < 0)
        goto cleanup;
    if (n && !(res = calloc(n, sizeof(*res))))
        goto cleanup;
    for (i = 0; i < n; i++) {
        vd_network *net = &res[k];
        char *bridge;

        if (virNetworkGetUUIDString(nets[i], net->uuid) < 0 ||
            vd_strset(&net->name, virNetworkGetName(nets[i])) < 0)
            goto cleanup;
        k++;
        net->active = uuid_set_has(&active, net->uuid);
        net->persistent = uuid_set_has(&persistent, net->uuid);
        net->autostart = uuid_set_has(&autostart, net->uuid);
        /* macvtap/direct networks have no bridge: not an error */
        if ((bridge = virNetworkGetBridgeName(nets[i])))
            net->bridge = bridge;
        else
            virResetLastError();
    }
    if (k > 1)
        qsort(res, k, sizeof(*res), network_cmp);
    *out = res;
    *nout = k;
    res = NULL;
    ret = 0;

 cleanup:
    vd_networks_free(res, k);
    for (i = 0; i < n; i++)
        virNetworkFree(nets[i]);
    free(nets);
    free(active.uuids);
    free(persistent.uuids);
    free(autostart.uuids);
    return ret;
}

/* Sort pools by name. */
static int
pool_cmp(const void *a, const void *b)
{
    return strcmp(((const vd_pool *)a)->name, ((const vd_pool *)b)->name);
}

/* All pools; see lists.h. */
int
vd_lists_read_pools(virConnectPtr conn, vd_pool **out, size_t *nout)
{
    virStoragePoolPtr *pools = NULL;
    vd_pool *res = NULL;
    uuid_set persistent = { 0 }, autostart = { 0 };
    int n, i, ret = -1;
    size_t k = 0;

    if ((n = virConnectListAllStoragePools(conn, &pools, 0)) < 0)
        return -1;
    if (pool_uuids(conn, VIR_CONNECT_LIST_STORAGE_POOLS_PERSISTENT, &persistent) < 0 ||
        pool_uuids(conn, VIR_CONNECT_LIST_STORAGE_POOLS_AUTOSTART, &autostart) < 0)
        goto cleanup;
    if (n && !(res = calloc(n, sizeof(*res))))
        goto cleanup;
    for (i = 0; i < n; i++) {
        vd_pool *pool = &res[k];
        virStoragePoolInfo info;

        if (virStoragePoolGetUUIDString(pools[i], pool->uuid) < 0 ||
            vd_strset(&pool->name, virStoragePoolGetName(pools[i])) < 0)
            goto cleanup;
        k++;
        pool->persistent = uuid_set_has(&persistent, pool->uuid);
        pool->autostart = uuid_set_has(&autostart, pool->uuid);
        if (virStoragePoolGetInfo(pools[i], &info) == 0) {
            pool->state = info.state;
            pool->capacity = info.capacity;
            pool->allocation = info.allocation;
            pool->available = info.available;
        } else {
            pool->state = VD_POOL_INACCESSIBLE;
            virResetLastError();
        }
    }
    if (k > 1)
        qsort(res, k, sizeof(*res), pool_cmp);
    *out = res;
    *nout = k;
    res = NULL;
    ret = 0;

 cleanup:
    vd_pools_free(res, k);
    for (i = 0; i < n; i++)
        virStoragePoolFree(pools[i]);
    free(pools);
    free(persistent.uuids);
    free(autostart.uuids);
    return ret;
}
