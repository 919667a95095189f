/*
 * cli_top_rows.c: the CSV and JSON rows of `virtdeck top --batch`, one
 * per domain per iteration. A 1000-domain iteration is 34 000 figures:
 * they are formatted into one buffer by hand (stdio's printf machinery
 * cost as much as the tick itself) and written at once. Decimals are
 * exactly what printf's "%.Nf" gives: a figure whose rounding is in
 * doubt (near a half, or huge) is handed to snprintf.
 */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "virtdeck/stats.h"
#include "cli_top_rows.h"

const char vd_top_csv_header[] =
    "time,host,name,uuid,state,vcpus,cpu_pct,cpu_host_pct,"
    "mem_used_kib,mem_total_kib,mem_pct,"
    "rd_bytes_s,wr_bytes_s,rd_reqs_s,wr_reqs_s,"
    "rx_bytes_s,tx_bytes_s,rx_pkts_s,tx_pkts_s,"
    "cpu_time_ns,rd_bytes,wr_bytes,rx_bytes,tx_bytes,"
    "host_cpu_pct,host_mem_used_kib,host_mem_total_kib,"
    "disk_stale,net_stale,"
    "domain_id,arch,physical_cpus,blocked,mem_host_pct\n";

/* A growing output buffer; a failed growth sets oom and drops the rest. */
typedef struct obuf {
    char *p;
    size_t len, cap;
    bool oom;
} obuf;

/* Make room for n more bytes. */
static bool
ob_room(obuf *b, size_t n)
{
    char *p;
    size_t cap;

    if (b->oom)
        return false;
    if (b->len + n <= b->cap)
        return true;
    cap = b->cap ? b->cap : 1 << 16;
    while (cap < b->len + n)
        cap *= 2;
    if (!(p = realloc(b->p, cap))) {
        b->oom = true;
        return false;
    }
    b->p = p;
    b->cap = cap;
    return true;
}

/* Append n bytes. */
static void
ob_mem(obuf *b, const char *s, size_t n)
{
    if (ob_room(b, n)) {
        memcpy(b->p + b->len, s, n);
        b->len += n;
    }
}

/* Append a string. */
static void
ob_str(obuf *b, const char *s)
{
    ob_mem(b, s, strlen(s));
}

/* Append one byte. */
static void
ob_ch(obuf *b, char c)
{
    if (ob_room(b, 1))
        b->p[b->len++] = c;
}

/* Append v in decimal, as "%llu". */
static void
ob_ull(obuf *b, unsigned long long v)
{
    char tmp[24];
    int i = sizeof(tmp);

    do {
        tmp[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    ob_mem(b, tmp + i, sizeof(tmp) - (size_t)i);
}

/* Append v in decimal, as "%d". */
static void
ob_int(obuf *b, int v)
{
    if (v < 0) {
        ob_ch(b, '-');
        ob_ull(b, (unsigned long long)-(long long)v);
    } else {
        ob_ull(b, (unsigned long long)v);
    }
}

/* Append v with prec (0-2) decimals, exactly as "%.*f". */
static void
ob_fixed(obuf *b, double v, int prec)
{
    static const double scale[] = { 1, 10, 100 };
    static const unsigned long long iscale[] = { 1, 10, 100 };
    double x = v * scale[prec], r = nearbyint(x);
    unsigned long long u, frac;
    char tmp[64];
    int n;

    /* |x| < 1e9: the product is within 1e-7 of v * 10^prec, so only a
     * figure within 1e-6 of a half can round otherwise than printf */
    if (!(fabs(x) < 1e9) || fabs(fabs(x - r) - 0.5) < 1e-6) {
        n = snprintf(tmp, sizeof(tmp), "%.*f", prec, v);
        if (n > 0)
            ob_mem(b, tmp, (size_t)n < sizeof(tmp) ? (size_t)n : sizeof(tmp) - 1);
        return;
    }
    if (signbit(v))
        ob_ch(b, '-');
    u = (unsigned long long)fabs(r);
    ob_ull(b, u / iscale[prec]);
    if (prec) {
        frac = u % iscale[prec];
        ob_ch(b, '.');
        if (prec == 2)
            ob_ch(b, (char)('0' + frac / 10));
        ob_ch(b, (char)('0' + frac % 10));
    }
}

/* Append s as a CSV field (quoted when needed). */
static void
csv_field(obuf *b, const char *s)
{
    if (!strpbrk(s, ",\"\n\r")) {
        ob_str(b, s);
        return;
    }
    ob_ch(b, '"');
    for (; *s; s++) {
        if (*s == '"')
            ob_ch(b, '"');
        ob_ch(b, *s);
    }
    ob_ch(b, '"');
}

/* Append s as a JSON string. */
static void
json_string(obuf *b, const char *s)
{
    static const char hex[] = "0123456789abcdef";

    ob_ch(b, '"');
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;

        if (ch == '"' || ch == '\\') {
            ob_ch(b, '\\');
            ob_ch(b, (char)ch);
        } else if (ch < 0x20) {
            ob_str(b, "\\u00");
            ob_ch(b, hex[ch >> 4]);
            ob_ch(b, hex[ch & 15]);
        } else {
            ob_ch(b, (char)ch);
        }
    }
    ob_ch(b, '"');
}

/* virt-top's remaining figures (its CSV's "Domain ID", "Arch", "Physical
 * CPUs", "Blocked" and the memory as a share of the host's): the host's
 * part is the same for every row of an iteration. */
typedef struct vt_host {
    const char *arch;               /* the host's CPU architecture */
    unsigned int pcpus;             /* the host's CPUs */
    unsigned int blocked;           /* the host's blocked domains */
    unsigned long long mem_kib;     /* the host's memory, 0: unknown */
} vt_host;

/* The host's part of virt-top's figures, once per iteration. */
static void
vt_host_of(const vd_snapshot *snap, vt_host *x)
{
    size_t i;

    x->mem_kib = snap->stats.rates.mem_valid ? snap->stats.rates.mem_total_kib
                                             : snap->info.mem_kib;
    x->arch = snap->info.cpu_model ? snap->info.cpu_model : "";
    x->pcpus = snap->info.cpus;
    x->blocked = 0;
    for (i = 0; i < snap->ndomains; i++)
        x->blocked += snap->domains[i].state == VD_DOM_BLOCKED;
}

/* Domain d's memory as a share of the host's; false when unknown (like
 * virt-top: only a running domain holds memory). */
static bool
mem_host_pct(const vt_host *x, const vd_domain *d, double *pct)
{
    unsigned long long kib = d->mem_kib ? d->mem_kib : d->max_mem_kib;

    if (!x->mem_kib || d->id <= 0)
        return false;
    *pct = 100.0 * (double)kib / (double)x->mem_kib;
    return true;
}

/* A CSV figure or an empty field, then the comma. */
static void
csv_fixed(obuf *b, bool known, double v, int prec)
{
    if (known)
        ob_fixed(b, v, prec);
    ob_ch(b, ',');
}

/* A cumulative counter: empty when never read, then the comma. */
static void
csv_counter(obuf *b, bool known, unsigned long long v)
{
    if (known)
        ob_ull(b, v);
    ob_ch(b, ',');
}

/* One CSV row. */
static void
row_csv(obuf *b, const char *when, const vd_snapshot *snap,
        const vt_host *x, const vd_domain *d)
{
    const vd_dom_rates *r = &d->rates;
    const vd_host_rates *hr = &snap->stats.rates;
    bool cpu = r->valid && r->cpu_valid, disk = r->valid && r->disk_valid;
    bool net = r->valid && r->net_valid;
    double pct;

    ob_str(b, when);
    ob_ch(b, ',');
    csv_field(b, snap->label);
    ob_ch(b, ',');
    csv_field(b, d->name ? d->name : "");
    ob_ch(b, ',');
    ob_str(b, d->uuid);
    ob_ch(b, ',');
    csv_field(b, vd_dom_state_name(d->state));
    ob_ch(b, ',');
    ob_ull(b, d->vcpus);
    ob_ch(b, ',');
    csv_fixed(b, cpu, r->cpu_pct, 2);
    csv_fixed(b, cpu, r->cpu_host_pct, 2);
    csv_counter(b, r->mem_valid, r->mem_used_kib);
    csv_counter(b, true, r->mem_total_kib);
    csv_fixed(b, r->mem_valid, r->mem_pct, 2);
    csv_fixed(b, disk, r->rd_bps, 0);
    csv_fixed(b, disk, r->wr_bps, 0);
    csv_fixed(b, disk, r->rd_rps, 1);
    csv_fixed(b, disk, r->wr_rps, 1);
    csv_fixed(b, net, r->rx_bps, 0);
    csv_fixed(b, net, r->tx_bps, 0);
    csv_fixed(b, net, r->rx_pps, 1);
    csv_fixed(b, net, r->tx_pps, 1);
    csv_counter(b, d->sample.has_cpu, d->sample.cpu_ns);
    csv_counter(b, d->sample.has_block, d->sample.rd_bytes);
    csv_counter(b, d->sample.has_block, d->sample.wr_bytes);
    csv_counter(b, d->sample.has_net, d->sample.rx_bytes);
    csv_counter(b, d->sample.has_net, d->sample.tx_bytes);
    csv_fixed(b, hr->cpu_valid, hr->cpu_pct, 2);
    if (hr->mem_valid) {
        ob_ull(b, hr->mem_used_kib);
        ob_ch(b, ',');
        ob_ull(b, hr->mem_total_kib);
    } else {
        ob_ch(b, ',');
    }
    ob_ch(b, ',');
    ob_ch(b, d->sample.block_stale ? '1' : '0');
    ob_ch(b, ',');
    ob_ch(b, d->sample.net_stale ? '1' : '0');
    ob_ch(b, ',');
    if (d->id > 0)
        ob_int(b, d->id);
    ob_ch(b, ',');
    csv_field(b, x->arch);
    ob_ch(b, ',');
    ob_ull(b, x->pcpus);
    ob_ch(b, ',');
    ob_ull(b, x->blocked);
    ob_ch(b, ',');
    if (mem_host_pct(x, d, &pct))
        ob_fixed(b, pct, 2);
    ob_ch(b, '\n');
}

/* ,"key": */
static void
json_key(obuf *b, const char *key)
{
    ob_str(b, ",\"");
    ob_str(b, key);
    ob_str(b, "\":");
}

/* A JSON number or null. */
static void
json_num(obuf *b, const char *key, bool valid, double v, int prec)
{
    json_key(b, key);
    if (valid)
        ob_fixed(b, v, prec);
    else
        ob_str(b, "null");
}

/* A JSON counter (exact) or null. */
static void
json_ull(obuf *b, const char *key, bool known, unsigned long long v)
{
    json_key(b, key);
    if (known)
        ob_ull(b, v);
    else
        ob_str(b, "null");
}

/* One JSON line. */
static void
row_json(obuf *b, const char *when, const vd_snapshot *snap,
         const vt_host *x, const vd_domain *d)
{
    const vd_dom_rates *r = &d->rates;
    const vd_host_rates *hr = &snap->stats.rates;
    bool cpu = r->valid && r->cpu_valid, disk = r->valid && r->disk_valid;
    bool net = r->valid && r->net_valid, mem;
    double pct = 0;

    ob_str(b, "{\"time\":");
    json_string(b, when);
    ob_str(b, ",\"host\":");
    json_string(b, snap->label);
    ob_str(b, ",\"name\":");
    json_string(b, d->name ? d->name : "");
    ob_str(b, ",\"uuid\":\"");
    ob_str(b, d->uuid);
    ob_str(b, "\",\"state\":");
    json_string(b, vd_dom_state_name(d->state));
    json_ull(b, "vcpus", true, d->vcpus);
    json_num(b, "cpu_pct", cpu, r->cpu_pct, 2);
    json_num(b, "cpu_host_pct", cpu, r->cpu_host_pct, 2);
    json_num(b, "mem_used_kib", r->mem_valid, (double)r->mem_used_kib, 0);
    json_ull(b, "mem_total_kib", true, r->mem_total_kib);
    json_num(b, "mem_pct", r->mem_valid, r->mem_pct, 2);
    json_num(b, "rd_bytes_s", disk, r->rd_bps, 0);
    json_num(b, "wr_bytes_s", disk, r->wr_bps, 0);
    json_num(b, "rd_reqs_s", disk, r->rd_rps, 1);
    json_num(b, "wr_reqs_s", disk, r->wr_rps, 1);
    json_num(b, "rx_bytes_s", net, r->rx_bps, 0);
    json_num(b, "tx_bytes_s", net, r->tx_bps, 0);
    json_num(b, "rx_pkts_s", net, r->rx_pps, 1);
    json_num(b, "tx_pkts_s", net, r->tx_pps, 1);
    json_ull(b, "cpu_time_ns", d->sample.has_cpu, d->sample.cpu_ns);
    json_ull(b, "rd_bytes", d->sample.has_block, d->sample.rd_bytes);
    json_ull(b, "wr_bytes", d->sample.has_block, d->sample.wr_bytes);
    json_ull(b, "rx_bytes", d->sample.has_net, d->sample.rx_bytes);
    json_ull(b, "tx_bytes", d->sample.has_net, d->sample.tx_bytes);
    json_num(b, "host_cpu_pct", hr->cpu_valid, hr->cpu_pct, 2);
    json_num(b, "host_mem_used_kib", hr->mem_valid, (double)hr->mem_used_kib, 0);
    json_key(b, "disk_stale");
    ob_str(b, d->sample.block_stale ? "true" : "false");
    json_key(b, "net_stale");
    ob_str(b, d->sample.net_stale ? "true" : "false");
    json_key(b, "domain_id");
    if (d->id > 0)
        ob_int(b, d->id);
    else
        ob_str(b, "null");
    ob_str(b, ",\"arch\":");
    json_string(b, x->arch);
    json_ull(b, "physical_cpus", true, x->pcpus);
    json_ull(b, "blocked", true, x->blocked);
    mem = mem_host_pct(x, d, &pct);
    json_num(b, "mem_host_pct", mem, pct, 2);
    ob_str(b, "}\n");
}

/* Write one iteration's rows; see cli_top_rows.h. */
int
vd_top_rows_write(FILE *out, vd_top_format fmt, const char *when,
                  const vd_snapshot *snap)
{
    obuf b = { 0 };
    vt_host x;
    size_t i;

    vt_host_of(snap, &x);
    for (i = 0; i < snap->ndomains; i++) {
        if (fmt == VD_TOP_CSV)
            row_csv(&b, when, snap, &x, &snap->domains[i]);
        else
            row_json(&b, when, snap, &x, &snap->domains[i]);
    }
    if (!b.oom && b.len)
        fwrite(b.p, 1, b.len, out);
    free(b.p);
    return b.oom ? -1 : 0;
}
