/*
 * cli_top.c: `virtdeck top --batch`, the live monitor without curses,
 * after `virt-top -b`: one row per domain per iteration, as a text
 * table, CSV or JSON lines.
 *
 * It runs the same core as the TUI: a worker per host polls with one
 * bulk stats call per tick and publishes snapshots; this file waits on
 * the bus and prints each host's new tick. The first tick of a host
 * only gives the base of the rates, so iteration 1 is its second tick.
 */
#include <errno.h>
#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "virtdeck/bus.h"
#include "virtdeck/core.h"
#include "virtdeck/host.h"
#include "virtdeck/stats.h"
#include "cli.h"
#include "cli_args.h"
#include "cli_top_rows.h"

#define PROG "virtdeck top"
#define QUIT_WAIT_MS 2000

/* The parsed command line (src/cli_top_args.c). */
typedef vd_top_args top_opts;
typedef vd_top_format out_format;
#define OUT_TEXT VD_TOP_TEXT
#define OUT_CSV VD_TOP_CSV
#define OUT_JSON VD_TOP_JSON

/* Where each host stands in the run. */
typedef struct top_host {
    vd_host *host;
    long long last_tick;        /* host sample stamp of the last tick seen */
    long printed;               /* iterations printed */
    bool seen_base;             /* the first tick (no rates yet) was seen */
    bool reached;               /* connected at least once */
    bool given_up;              /* failed before ever connecting */
    char *last_error;
} top_host;

/* Wall-clock ISO 8601 time of the monotonic instant mono_ms. */
static void
format_time(long long mono_ms, char *buf, size_t len)
{
    struct timespec now;
    struct tm tm;
    long long wall_ms;
    time_t secs;

    clock_gettime(CLOCK_REALTIME, &now);
    wall_ms = (long long)now.tv_sec * 1000 + now.tv_nsec / 1000000 -
              (vd_now_ms() - mono_ms);
    secs = (time_t)(wall_ms / 1000);
    localtime_r(&secs, &tm);
    strftime(buf, len, "%Y-%m-%dT%H:%M:%S", &tm);
    snprintf(buf + strlen(buf), len - strlen(buf), ".%03lld", wall_ms % 1000);
}

/* A text rate: "-" when unknown. */
static const char *
text_rate(bool valid, double bps, char *buf, size_t len)
{
    if (!valid)
        return "-";
    return vd_stats_fmt_bytes(bps, buf, len);
}

/* One iteration of a host as a text table. */
static void
block_text(FILE *out, const char *when, const vd_snapshot *snap)
{
    const vd_host_rates *hr = &snap->stats.rates;
    size_t i;

    fprintf(out, "%s %s: %u domains, %u active", when, snap->label,
            snap->stats.total, snap->stats.running);
    if (hr->cpu_valid)
        fprintf(out, ", CPU %.1f%%", hr->cpu_pct);
    if (hr->mem_valid)
        fprintf(out, ", memory %.1f%% of %llu MiB", hr->mem_pct,
                hr->mem_total_kib / 1024);
    fputc('\n', out);
    fprintf(out, "%-20s %-11s %4s %6s %15s %7s %7s %7s %7s\n", "NAME", "STATE",
            "VCPU", "CPU%", "MEM MiB", "RD/s", "WR/s", "RX/s", "TX/s");
    for (i = 0; i < snap->ndomains; i++) {
        const vd_domain *d = &snap->domains[i];
        const vd_dom_rates *r = &d->rates;
        char cpu[16], mem[48], b[4][16];

        if (r->valid && r->cpu_valid)
            snprintf(cpu, sizeof(cpu), "%.1f", r->cpu_pct);
        else
            strcpy(cpu, "-");
        if (r->mem_valid)
            snprintf(mem, sizeof(mem), "%llu/%llu", r->mem_used_kib / 1024,
                     r->mem_total_kib / 1024);
        else
            snprintf(mem, sizeof(mem), "-/%llu", r->mem_total_kib / 1024);
        fprintf(out, "%-20.20s %-11s %4u %6s %15s %7s %7s %7s %7s\n",
                d->name ? d->name : "", vd_dom_state_name(d->state), d->vcpus,
                cpu, mem,
                text_rate(r->valid && r->disk_valid, r->rd_bps, b[0], sizeof(b[0])),
                text_rate(r->valid && r->disk_valid, r->wr_bps, b[1], sizeof(b[1])),
                text_rate(r->valid && r->net_valid, r->rx_bps, b[2], sizeof(b[2])),
                text_rate(r->valid && r->net_valid, r->tx_bps, b[3], sizeof(b[3])));
    }
    fputc('\n', out);
}

/* Print one host's iteration. */
static void
print_iteration(FILE *out, out_format fmt, const vd_snapshot *snap)
{
    char when[40];

    format_time(snap->stats.sample.taken_ms, when, sizeof(when));
    if (fmt == OUT_TEXT) {
        block_text(out, when, snap);
    } else if (vd_top_rows_write(out, fmt, when, snap) < 0) {
        fprintf(stderr, "%s: out of memory writing %s's rows\n", PROG, snap->label);
    }
    fflush(out);
}

/* Look at one host's latest snapshot: print a new tick, note failures.
 * Returns true when the host needs nothing more. */
static bool
check_host(top_host *th, const top_opts *o, FILE *out)
{
    vd_snapshot *snap = vd_host_snapshot(th->host);
    bool finished = false;

    if (snap->conn == VD_CONN_CONNECTED) {
        th->reached = true;
        if (snap->stats.sample.taken_ms &&
            snap->stats.sample.taken_ms != th->last_tick) {
            th->last_tick = snap->stats.sample.taken_ms;
            if (!th->seen_base) {
                th->seen_base = true;       /* the rates' base only */
            } else {
                print_iteration(out, o->format, snap);
                th->printed++;
            }
        }
    } else if (snap->conn == VD_CONN_FAILED) {
        if (snap->error && (!th->last_error ||
                            strcmp(th->last_error, snap->error) != 0)) {
            fprintf(stderr, "%s: %s: %s\n", PROG, snap->label, snap->error);
            free(th->last_error);
            th->last_error = strdup(snap->error);
        }
        if (!th->reached)
            th->given_up = true;
        th->seen_base = false;              /* rates start over on reconnect */
    }
    if (th->given_up || (o->iterations && th->printed >= o->iterations))
        finished = true;
    vd_snapshot_unref(snap);
    return finished;
}

/* `virtdeck top`. */
int
vd_cli_top(int argc, char **argv)
{
    top_opts o = { .format = OUT_TEXT };
    top_host hosts[VD_CLI_MAX_HOSTS];
    FILE *out = stdout;
    vd_bus *bus = NULL;
    const char *err;
    bool all_ended = true, any_reached = false;
    size_t i, started = 0;
    int ret = 1, rc;

    memset(hosts, 0, sizeof(hosts));
    if ((rc = vd_top_args_parse(&o, argc, argv)) == VD_CLI_SCREEN)
        return VD_CLI_RUN_TOP;  /* main() starts the screen with argv */
    if (rc != VD_CLI_RUN)
        return vd_cli_report(&vd_cli_top_cmd, rc, o.err);
    if (!o.tick_ms)
        o.tick_ms = 2000;
    if (o.nuris == 0) {
        const char *env = getenv("LIBVIRT_DEFAULT_URI");
        o.uris[o.nuris++] = env && *env ? env : "qemu:///system";
    }
    if (o.format == OUT_CSV && o.csv_file && strcmp(o.csv_file, "-") != 0 &&
        !(out = fopen(o.csv_file, "w"))) {
        fprintf(stderr, "%s: %s: %s\n", PROG, o.csv_file, strerror(errno));
        return 2;
    }
    if (vd_core_init(&err) < 0) {
        fprintf(stderr, "%s: %s\n", PROG, err);
        goto cleanup;
    }
    if (!(bus = vd_bus_new())) {
        perror(PROG ": event descriptor");
        goto cleanup;
    }
    for (i = 0; i < o.nuris; i++) {
        vd_host_opts hopts = {
            .uri = o.uris[i],
            .readonly = o.readonly,
            .tick_ms = o.tick_ms,
            .balloon_period = o.mem_period,
            .domains_only = true,   /* no row shows flags, counts, networks */
        };
        if (!(hosts[i].host = vd_host_new(&hopts, (int)i, bus))) {
            fprintf(stderr, "%s: could not start a worker for %s\n", PROG,
                    o.uris[i]);
            goto cleanup;
        }
        started++;
    }
    if (o.format == OUT_CSV) {
        vd_top_csv_header_write(out);
        fflush(out);
    }

    for (;;) {
        struct pollfd p = { .fd = vd_bus_fd(bus), .events = POLLIN };
        vd_result *res;
        bool done = true;

        vd_bus_clear(bus);
        while ((res = vd_bus_pop(bus)))
            vd_result_free(res);
        for (i = 0; i < started; i++) {
            if (!check_host(&hosts[i], &o, out))
                done = false;
        }
        if (done)
            break;
        if (poll(&p, 1, -1) < 0 && errno != EINTR)
            break;
    }
    for (i = 0; i < started; i++)
        any_reached |= hosts[i].reached;
    ret = any_reached ? 0 : 1;
    if (!any_reached)
        fprintf(stderr, "%s: no host could be reached\n", PROG);

 cleanup:
    for (i = 0; i < started; i++) {
        if (!vd_host_free(hosts[i].host, QUIT_WAIT_MS))
            all_ended = false;
        free(hosts[i].last_error);
    }
    if (all_ended) {
        vd_bus_free(bus);
        vd_core_shutdown();
    }
    if (out != stdout && fclose(out) != 0) {
        fprintf(stderr, "%s: %s: %s\n", PROG, o.csv_file, strerror(errno));
        ret = ret ? ret : 1;
    }
    return ret;
}
