/*
 * stats_read.c: libvirt's stats records and node stats into samples.
 * Called only by a host's worker.
 */
#include <stdlib.h>
#include <string.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include "core/stats_read.h"

/* An unsigned value of any integer parameter type. */
static unsigned long long
param_ull(const virTypedParameter *p)
{
    switch (p->type) {
    case VIR_TYPED_PARAM_INT:
        return p->value.i < 0 ? 0 : (unsigned long long)p->value.i;
    case VIR_TYPED_PARAM_UINT:
        return p->value.ui;
    case VIR_TYPED_PARAM_LLONG:
        return p->value.l < 0 ? 0 : (unsigned long long)p->value.l;
    case VIR_TYPED_PARAM_ULLONG:
        return p->value.ul;
    default:
        return 0;
    }
}

/* The part of name after "PREFIX.<index>.", or NULL. */
static const char *
indexed_suffix(const char *name, const char *prefix, size_t plen)
{
    const char *p;

    if (strncmp(name, prefix, plen) != 0)
        return NULL;
    p = name + plen;
    if (*p < '0' || *p > '9')
        return NULL;
    while (*p >= '0' && *p <= '9')
        p++;
    return *p == '.' ? p + 1 : NULL;
}

/* One "block.N.*" parameter. */
static void
add_block(vd_dom_sample *s, const char *key, unsigned long long v)
{
    if (!strcmp(key, "rd.bytes"))
        s->rd_bytes += v;
    else if (!strcmp(key, "wr.bytes"))
        s->wr_bytes += v;
    else if (!strcmp(key, "rd.reqs"))
        s->rd_reqs += v;
    else if (!strcmp(key, "wr.reqs"))
        s->wr_reqs += v;
    else
        return;
    s->has_block = true;
}

/* One "net.N.*" parameter. */
static void
add_net(vd_dom_sample *s, const char *key, unsigned long long v)
{
    if (!strcmp(key, "rx.bytes"))
        s->rx_bytes += v;
    else if (!strcmp(key, "tx.bytes"))
        s->tx_bytes += v;
    else if (!strcmp(key, "rx.pkts"))
        s->rx_pkts += v;
    else if (!strcmp(key, "tx.pkts"))
        s->tx_pkts += v;
    else
        return;
    s->has_net = true;
}

/* Fill d and d->sample from a record's parameters in one pass. */
void
vd_stats_from_params(const virTypedParameter *params, int n, vd_domain *d)
{
    vd_dom_sample *s = &d->sample;
    int i;

    for (i = 0; i < n; i++) {
        const char *name = params[i].field;
        unsigned long long v = param_ull(&params[i]);
        const char *key;

        switch (name[0]) {
        case 's':
            if (!strcmp(name, "state.state"))
                d->state = (vd_dom_state)v;
            else if (!strcmp(name, "state.reason"))
                d->reason = (int)v;
            break;
        case 'c':
            if (!strcmp(name, "cpu.time")) {
                d->cpu_time_ns = s->cpu_ns = v;
                s->has_cpu = true;
            }
            break;
        case 'v':
            if (!strcmp(name, "vcpu.current"))
                d->vcpus = (unsigned int)v;
            else if (!strcmp(name, "vcpu.maximum"))
                d->max_vcpus = (unsigned int)v;
            break;
        case 'b':
            if (!strcmp(name, "balloon.current")) {
                d->mem_kib = s->bal_current = v;
            } else if (!strcmp(name, "balloon.maximum")) {
                d->max_mem_kib = s->bal_maximum = v;
            } else if (!strcmp(name, "balloon.unused")) {
                s->bal_unused = v;
                s->has_unused = true;
            } else if (!strcmp(name, "balloon.rss")) {
                s->bal_rss = v;
                s->has_rss = true;
            } else if (!strcmp(name, "block.count")) {
                s->nblock = (unsigned int)v;
                s->block_counted = true;
            } else if ((key = indexed_suffix(name, "block.", 6))) {
                add_block(s, key, v);
            }
            break;
        case 'n':
            if (!strcmp(name, "net.count")) {
                s->nnet = (unsigned int)v;
                s->net_counted = true;
            } else if ((key = indexed_suffix(name, "net.", 4))) {
                add_net(s, key, v);
            }
            break;
        default:
            break;
        }
    }
}

/* Complete a sample after the record (and any fallback) was read. */
void
vd_stats_finish_sample(vd_domain *d, long long taken_ms)
{
    vd_dom_sample *s = &d->sample;

    s->taken_ms = taken_ms;
    s->id = d->id;
    s->running = d->state == VD_DOM_RUNNING || d->state == VD_DOM_BLOCKED ||
                 d->state == VD_DOM_PAUSED;
    s->vcpus = d->vcpus;
    /* no disks (or NICs) at all: the zero totals are the truth; disks
     * listed without counters were left out (NOWAIT): unknown */
    if (s->block_counted && s->nblock == 0)
        s->has_block = true;
    if (s->net_counted && s->nnet == 0)
        s->has_net = true;
    if (s->has_block)
        s->block_ms = taken_ms;
    if (s->has_net)
        s->net_ms = taken_ms;
    if (!s->has_cpu && d->cpu_time_ns) {
        s->cpu_ns = d->cpu_time_ns;
        s->has_cpu = true;
    }
    if (!s->bal_current)
        s->bal_current = d->mem_kib;
    if (!s->bal_maximum)
        s->bal_maximum = d->max_mem_kib;
}

/* The host's CPU and memory counters: one call each. */
void
vd_stats_read_host(virConnectPtr conn, vd_stats_host_caps *caps,
                   vd_host_sample *s, long long taken_ms)
{
    virNodeCPUStats cpu[16];
    virNodeMemoryStats mem[16];
    int n, i;

    memset(s, 0, sizeof(*s));
    s->taken_ms = taken_ms;
    /* the parameter counts, asked once per connection */
    if (!caps->no_cpu && !caps->ncpu_params &&
        (virNodeGetCPUStats(conn, VIR_NODE_CPU_STATS_ALL_CPUS, NULL,
                            &caps->ncpu_params, 0) < 0 ||
         caps->ncpu_params <= 0 || caps->ncpu_params > 16)) {
        caps->no_cpu = true;
        virResetLastError();
    }
    if (!caps->no_mem && !caps->nmem_params &&
        (virNodeGetMemoryStats(conn, VIR_NODE_MEMORY_STATS_ALL_CELLS, NULL,
                               &caps->nmem_params, 0) < 0 ||
         caps->nmem_params <= 0 || caps->nmem_params > 16)) {
        caps->no_mem = true;
        virResetLastError();
    }
    n = caps->ncpu_params;
    if (!caps->no_cpu &&
        virNodeGetCPUStats(conn, VIR_NODE_CPU_STATS_ALL_CPUS, cpu, &n, 0) == 0) {
        for (i = 0; i < n && i < 16; i++) {
            const char *f = cpu[i].field;
            if (!strcmp(f, VIR_NODE_CPU_STATS_KERNEL) ||
                !strcmp(f, VIR_NODE_CPU_STATS_USER)) {
                s->cpu_busy_ns += cpu[i].value;
                s->cpu_total_ns += cpu[i].value;
            } else if (!strcmp(f, VIR_NODE_CPU_STATS_IDLE) ||
                       !strcmp(f, VIR_NODE_CPU_STATS_IOWAIT)) {
                s->cpu_total_ns += cpu[i].value;
            }
        }
        s->has_cpu = s->cpu_total_ns > 0;
    } else if (!caps->no_cpu) {
        caps->no_cpu = true;    /* the driver has none: do not ask again */
        virResetLastError();
    }
    n = caps->nmem_params;
    if (!caps->no_mem &&
        virNodeGetMemoryStats(conn, VIR_NODE_MEMORY_STATS_ALL_CELLS, mem, &n, 0) == 0) {
        for (i = 0; i < n && i < 16; i++) {
            const char *f = mem[i].field;
            if (!strcmp(f, VIR_NODE_MEMORY_STATS_TOTAL))
                s->mem_total_kib = mem[i].value;
            else if (!strcmp(f, VIR_NODE_MEMORY_STATS_FREE))
                s->mem_free_kib = mem[i].value;
            else if (!strcmp(f, VIR_NODE_MEMORY_STATS_BUFFERS))
                s->mem_buffers_kib = mem[i].value;
            else if (!strcmp(f, VIR_NODE_MEMORY_STATS_CACHED))
                s->mem_cached_kib = mem[i].value;
        }
        s->has_mem = s->mem_total_kib > 0;
    } else if (!caps->no_mem) {
        caps->no_mem = true;
        virResetLastError();
    }
}
