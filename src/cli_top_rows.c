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

/* One row being written, as CSV or as a JSON object; with header set,
 * only the column names (the CSV header line). Each put_* is one field:
 * unknown figures are empty in CSV, null in JSON, never 0. */
typedef struct rowput {
    obuf *b;
    vd_top_format fmt;
    bool header;
    bool first;
} rowput;

/* Start the field key; false when only its name is wanted. */
static bool
put_key(rowput *w, const char *key)
{
    if (w->fmt == VD_TOP_CSV) {
        if (!w->first)
            ob_ch(w->b, ',');
        w->first = false;
        if (w->header)
            ob_str(w->b, key);
        return !w->header;
    }
    ob_str(w->b, w->first ? "{\"" : ",\"");
    w->first = false;
    ob_str(w->b, key);
    ob_str(w->b, "\":");
    return true;
}

/* An unknown figure. */
static void
put_null(rowput *w)
{
    if (w->fmt == VD_TOP_JSON)
        ob_str(w->b, "null");
}

/* A text field: quoted as CSV needs, escaped as a JSON string. */
static void
put_str(rowput *w, const char *key, const char *s)
{
    if (!put_key(w, key))
        return;
    if (w->fmt == VD_TOP_CSV)
        csv_field(w->b, s);
    else
        json_string(w->b, s);
}

/* A decimal figure with prec decimals, or unknown. */
static void
put_fixed(rowput *w, const char *key, bool known, double v, int prec)
{
    if (!put_key(w, key))
        return;
    if (known)
        ob_fixed(w->b, v, prec);
    else
        put_null(w);
}

/* A counter, or unknown. */
static void
put_ull(rowput *w, const char *key, bool known, unsigned long long v)
{
    if (!put_key(w, key))
        return;
    if (known)
        ob_ull(w->b, v);
    else
        put_null(w);
}

/* A yes/no: 1/0 in CSV, true/false in JSON. */
static void
put_bool(rowput *w, const char *key, bool v)
{
    if (!put_key(w, key))
        return;
    if (w->fmt == VD_TOP_CSV)
        ob_ch(w->b, v ? '1' : '0');
    else
        ob_str(w->b, v ? "true" : "false");
}

/* One row of d (all NULL with w->header: the names only). */
static void
put_row(rowput *w, const char *when, const vd_snapshot *snap,
        const vt_host *x, const vd_domain *d)
{
    static const vd_dom_rates none_r;
    static const vd_host_rates none_hr;
    static const vd_domain none_d;
    const vd_domain *dd = d ? d : &none_d;
    const vd_dom_rates *r = d ? &d->rates : &none_r;
    const vd_host_rates *hr = snap ? &snap->stats.rates : &none_hr;
    const vd_dom_sample *sm = &dd->sample;
    bool cpu = r->valid && r->cpu_valid, disk = r->valid && r->disk_valid;
    bool net = r->valid && r->net_valid, mem = false;
    double pct = 0;

    w->first = true;
    put_str(w, "time", when ? when : "");
    put_str(w, "host", snap ? snap->label : "");
    put_str(w, "name", dd->name ? dd->name : "");
    put_str(w, "uuid", dd->uuid);
    put_str(w, "state", vd_dom_state_name(dd->state));
    put_ull(w, "vcpus", true, dd->vcpus);
    put_fixed(w, "cpu_pct", cpu, r->cpu_pct, 2);
    put_fixed(w, "cpu_host_pct", cpu, r->cpu_host_pct, 2);
    put_ull(w, "mem_used_kib", r->mem_valid, r->mem_used_kib);
    put_ull(w, "mem_total_kib", true, r->mem_total_kib);
    put_fixed(w, "mem_pct", r->mem_valid, r->mem_pct, 2);
    put_fixed(w, "rd_bytes_s", disk, r->rd_bps, 0);
    put_fixed(w, "wr_bytes_s", disk, r->wr_bps, 0);
    put_fixed(w, "rd_reqs_s", disk, r->rd_rps, 1);
    put_fixed(w, "wr_reqs_s", disk, r->wr_rps, 1);
    put_fixed(w, "rx_bytes_s", net, r->rx_bps, 0);
    put_fixed(w, "tx_bytes_s", net, r->tx_bps, 0);
    put_fixed(w, "rx_pkts_s", net, r->rx_pps, 1);
    put_fixed(w, "tx_pkts_s", net, r->tx_pps, 1);
    put_ull(w, "cpu_time_ns", sm->has_cpu, sm->cpu_ns);
    put_ull(w, "rd_bytes", sm->has_block, sm->rd_bytes);
    put_ull(w, "wr_bytes", sm->has_block, sm->wr_bytes);
    put_ull(w, "rx_bytes", sm->has_net, sm->rx_bytes);
    put_ull(w, "tx_bytes", sm->has_net, sm->tx_bytes);
    put_fixed(w, "host_cpu_pct", hr->cpu_valid, hr->cpu_pct, 2);
    put_ull(w, "host_mem_used_kib", hr->mem_valid, hr->mem_used_kib);
    if (w->fmt == VD_TOP_CSV)       /* JSON has never had it */
        put_ull(w, "host_mem_total_kib", hr->mem_valid, hr->mem_total_kib);
    put_bool(w, "disk_stale", sm->block_stale);
    put_bool(w, "net_stale", sm->net_stale);
    put_ull(w, "domain_id", dd->id > 0, (unsigned long long)dd->id);
    put_str(w, "arch", x ? x->arch : "");
    put_ull(w, "physical_cpus", true, x ? x->pcpus : 0);
    put_ull(w, "blocked", true, x ? x->blocked : 0);
    if (x && d)
        mem = mem_host_pct(x, d, &pct);
    put_fixed(w, "mem_host_pct", mem, pct, 2);
    ob_str(w->b, w->fmt == VD_TOP_JSON ? "}\n" : "\n");
}

/* Write the CSV header line; see cli_top_rows.h. */
void
vd_top_csv_header_write(FILE *out)
{
    obuf b = { 0 };
    rowput w = { .b = &b, .fmt = VD_TOP_CSV, .header = true };

    put_row(&w, NULL, NULL, NULL, NULL);
    if (!b.oom)
        fwrite(b.p, 1, b.len, out);
    free(b.p);
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
    rowput w = { .b = &b, .fmt = fmt };

    for (i = 0; i < snap->ndomains; i++)
        put_row(&w, when, snap, &x, &snap->domains[i]);
    if (!b.oom && b.len)
        fwrite(b.p, 1, b.len, out);
    free(b.p);
    return b.oom ? -1 : 0;
}
