/*
 * dom_sort.c: the domain comparators (dom_sort.h).
 */
#include <stdio.h>

#include "ui/panes/dom_sort.h"

#define DOM(r) ((const vd_domain *)(r)->obj)

/* -1, 0, 1 as a compares to b. */
#define CMP3(a, b) ((a) < (b) ? -1 : (a) > (b) ? 1 : 0)

/* Order of states in a sort. */
int
vd_dom_state_rank(vd_dom_state s)
{
    static const int rank[VD_DOM_STATE_LAST] = {
        [VD_DOM_RUNNING] = 0, [VD_DOM_BLOCKED] = 1, [VD_DOM_PAUSED] = 2,
        [VD_DOM_PMSUSPENDED] = 3, [VD_DOM_SHUTDOWN] = 4, [VD_DOM_CRASHED] = 5,
        [VD_DOM_SHUTOFF] = 6, [VD_DOM_NOSTATE] = 7,
    };

    return s < VD_DOM_STATE_LAST ? rank[s] : 8;
}

/* The memory shown for dom. */
unsigned long long
vd_dom_mem_bytes(const vd_domain *dom)
{
    return (dom->mem_kib ? dom->mem_kib : dom->max_mem_kib) * 1024ULL;
}

/* The vCPUs shown for dom. */
const char *
vd_dom_vcpus_text(const vd_domain *dom, char *buf, size_t len)
{
    if (dom->vcpus)
        snprintf(buf, len, "%u", dom->vcpus);
    else
        snprintf(buf, len, "-");
    return buf;
}

/* Live figures as sort keys: -1 when unknown. */
static double cpu_key(const vd_domain *d) { return d->rates.cpu_valid ? d->rates.cpu_pct : -1; }
static double mem_pct_key(const vd_domain *d) { return d->rates.mem_valid ? d->rates.mem_pct : -1; }
static double mem_used_key(const vd_domain *d) { return d->rates.mem_valid ? (double)d->rates.mem_used_kib : -1; }
static double disk_key(const vd_domain *d) { return d->rates.disk_valid ? d->rates.rd_bps + d->rates.wr_bps : -1; }
static double net_key(const vd_domain *d) { return d->rates.net_valid ? d->rates.rx_bps + d->rates.tx_bps : -1; }

/* The comparators, one line each (dom_sort.h). */
int vd_dom_cmp_name(const vd_row *a, const vd_row *b) { (void)a; (void)b; return 0; }
int vd_dom_cmp_host(const vd_row *a, const vd_row *b) { return CMP3(a->host, b->host); }
int vd_dom_cmp_state(const vd_row *a, const vd_row *b) { return CMP3(vd_dom_state_rank(DOM(a)->state), vd_dom_state_rank(DOM(b)->state)); }
int vd_dom_cmp_vcpus(const vd_row *a, const vd_row *b) { return CMP3(DOM(a)->vcpus, DOM(b)->vcpus); }
int vd_dom_cmp_memory(const vd_row *a, const vd_row *b) { return CMP3(vd_dom_mem_bytes(DOM(a)), vd_dom_mem_bytes(DOM(b))); }
int vd_dom_cmp_autostart(const vd_row *a, const vd_row *b) { return CMP3(DOM(a)->autostart, DOM(b)->autostart); }
int vd_dom_cmp_persistent(const vd_row *a, const vd_row *b) { return CMP3(DOM(a)->persistent, DOM(b)->persistent); }
int vd_dom_cmp_id(const vd_row *a, const vd_row *b) { return CMP3((unsigned)DOM(a)->id, (unsigned)DOM(b)->id); }
int vd_dom_cmp_snapshots(const vd_row *a, const vd_row *b) { return CMP3(DOM(a)->snapshots, DOM(b)->snapshots); }
int vd_dom_cmp_cpu(const vd_row *a, const vd_row *b) { return CMP3(cpu_key(DOM(a)), cpu_key(DOM(b))); }
int vd_dom_cmp_mem_pct(const vd_row *a, const vd_row *b) { return CMP3(mem_pct_key(DOM(a)), mem_pct_key(DOM(b))); }
int vd_dom_cmp_mem_used(const vd_row *a, const vd_row *b) { return CMP3(mem_used_key(DOM(a)), mem_used_key(DOM(b))); }
int vd_dom_cmp_disk(const vd_row *a, const vd_row *b) { return CMP3(disk_key(DOM(a)), disk_key(DOM(b))); }
int vd_dom_cmp_net(const vd_row *a, const vd_row *b) { return CMP3(net_key(DOM(a)), net_key(DOM(b))); }
