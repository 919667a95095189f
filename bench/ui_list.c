/*
 * ui_list.c: what the UI machinery costs on the UI thread.
 *
 * 1. Rebuilding the domains table (listview.c: rows from a snapshot,
 *    filter, sort by name / by memory) for N domains, as happens after
 *    every new snapshot or a sort/filter key.
 *    Then a cursor move on the sorted list (a key in the domains pane or
 *    the top view: vd_list_go + vd_list_get, no rebuild): the key path
 *    costs the same with any number of rows.
 * 2. Opening the create wizard's OS list: loading libosinfo's database
 *    and listing every variant (once per process; the wizard keeps it).
 *
 *   build/bench/bench_ui_list [N]      (default 1000)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "virtdeck/osinfo.h"
#include "ui/widgets/listview.h"
#include "ui/ui_priv.h"

/* Monotonic time in microseconds. */
static double
now_us(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

/* Median of n doubles (sorts them). */
static int
cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;

    return x < y ? -1 : x > y;
}

int
main(int argc, char **argv)
{
    size_t n = argc > 1 ? (size_t)atol(argv[1]) : 1000;
    enum { ROUNDS = 200 };
    static double t[ROUNDS];
    vd_snapshot snap;
    vd_ui_host host;
    vd_app app;
    char *err = NULL;
    vd_os_variant *vars = NULL;
    vd_osdb *db;
    double t0;
    int nv;

    memset(&snap, 0, sizeof(snap));
    memset(&host, 0, sizeof(host));
    memset(&app, 0, sizeof(app));
    snap.conn = VD_CONN_CONNECTED;
    snap.ndomains = n;
    snap.domains = calloc(n, sizeof(*snap.domains));
    for (size_t i = 0; i < n; i++) {
        vd_domain *d = &snap.domains[i];

        snprintf(d->uuid, sizeof(d->uuid), "%08x-0000-4000-8000-%012x",
                 (unsigned)i, (unsigned)i);
        if (asprintf(&d->name, "guest-%05zu", (i * 7919) % n) < 0)
            return 1;
        d->state = i % 3 == 0 ? VD_DOM_RUNNING : VD_DOM_SHUTOFF;
        d->mem_kib = 1024 * ((i * 31) % 4096 + 1);
        d->id = -1;
    }
    host.snap = &snap;
    app.hosts = &host;
    app.nhosts = 1;
    /* the domains pane's list takes its kind from vd_pane_domains */

    for (int mode = 0; mode < 3; mode++) {
        static const char *const names[] = {
            "sort by name", "sort by memory", "filter state:running + sort by name",
        };

        for (int r = 0; r < ROUNDS; r++) {
            vd_list_invalidate(&app, VD_PANE_DOMAINS);
            t0 = now_us();
            vd_list_get(&app, VD_PANE_DOMAINS);
            t[r] = now_us() - t0;
        }
        qsort(t, ROUNDS, sizeof(t[0]), cmp_d);
        printf("table rebuild, %zu domains, %s: median %.1f us, max %.1f us\n",
               n, names[mode], t[ROUNDS / 2], t[ROUNDS - 1]);
        if (mode == 0)
            vd_list_sort_by(&app, vd_list_get(&app, VD_PANE_DOMAINS), 3);     /* memory */
        else {
            vd_list_sort_by(&app, vd_list_get(&app, VD_PANE_DOMAINS), 0);
            vd_list_set_filter(&app, vd_list_get(&app, VD_PANE_DOMAINS), "state:running");
        }
    }

    {
        vd_list *l = vd_list_get(&app, VD_PANE_DOMAINS);
        unsigned int builds;

        /* the name widths a draw asks for: measured once per rebuild
         * (before this change: on every draw, so on every key) */
        for (int r = 0; r < ROUNDS; r++) {
            vd_list_invalidate(&app, VD_PANE_DOMAINS);
            l = vd_list_get(&app, VD_PANE_DOMAINS);
            t0 = now_us();
            vd_list_name_width(l, 0, 1000);
            vd_list_source_name_width(l);
            t[r] = now_us() - t0;
        }
        qsort(t, ROUNDS, sizeof(t[0]), cmp_d);
        printf("name widths after a rebuild, %zu domains: median %.1f us\n", n,
               t[ROUNDS / 2]);
        builds = l->builds;

        for (int r = 0; r < ROUNDS; r++) {
            t0 = now_us();
            vd_list_go(&app, l, r % 2 ? VD_MOVE_UP : VD_MOVE_PAGE_DOWN, 40);
            vd_list_get(&app, VD_PANE_DOMAINS);
            t[r] = now_us() - t0;
        }
        qsort(t, ROUNDS, sizeof(t[0]), cmp_d);
        printf("cursor move, %zu domains: median %.2f us, max %.2f us "
               "(rebuilds during the moves: %u)\n", n, t[ROUNDS / 2],
               t[ROUNDS - 1], l->builds - builds);
    }

    t0 = now_us();
    db = vd_osdb_open(&err);
    printf("libosinfo database load: %.1f ms%s%s\n", (now_us() - t0) / 1e3,
           db ? "" : ": ", db ? "" : err);
    if (db) {
        t0 = now_us();
        nv = vd_osdb_search(db, "", 0, &vars);
        printf("list every OS variant (%d): %.1f ms\n", nv, (now_us() - t0) / 1e3);
        vd_os_variants_free(vars, nv > 0 ? (size_t)nv : 0);
        vd_osdb_free(db);
    }
    free(err);
    vd_lists_free(&app);
    for (size_t i = 0; i < n; i++)
        free(snap.domains[i].name);
    free(snap.domains);
    return 0;
}
