/*
 * test_top_rows.c: the rows of `virtdeck top --batch` (cli_top_rows.c)
 * format every figure exactly as printf would: decimals are rounded by
 * hand there, so each is checked against snprintf's "%.Nf" over random
 * values, exact halves and the edges; CSV quoting and JSON escaping.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "virtdeck/core.h"
#include "core/snapshot_priv.h"
#include "cli_top_rows.h"

/* The rows of snap written to a string; the caller frees it. */
static char *
rows_of(vd_top_format fmt, const vd_snapshot *snap)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);

    assert_non_null(f);
    assert_int_equal(vd_top_rows_write(f, fmt, "T", snap), 0);
    fclose(f);
    return buf;
}

/* CSV field number col (0-based) of line, unquoted fields only. */
static void
csv_col(const char *line, int col, char *out, size_t len)
{
    const char *p = line, *e;

    while (col-- > 0)
        p = strchr(p, ',') + 1;
    e = p + strcspn(p, ",\n");
    snprintf(out, len, "%.*s", (int)(e - p), p);
}

/* A one-domain snapshot whose CPU % is v and disk rates are v. */
static vd_snapshot *
snap_with(double v, const char *label)
{
    vd_snapshot *snap = vd_snapshot_new(0, "test:///x", label, false);
    vd_domain *d = calloc(1, sizeof(*d));

    assert_non_null(snap);
    assert_non_null(d);
    d->name = strdup(strchr(label, ',') ? "d\"q" : "d");
    strcpy(d->uuid, "00000000-0000-4000-8000-000000000001");
    d->state = VD_DOM_RUNNING;
    d->id = 3;
    d->rates.valid = d->rates.cpu_valid = d->rates.disk_valid = true;
    d->rates.cpu_pct = v;
    d->rates.rd_bps = v;
    d->rates.rd_rps = v;
    snap->domains = d;
    snap->ndomains = 1;
    return snap;
}

/* Figures rounded by hand equal printf's, at 0, 1 and 2 decimals. */
static void
test_decimals_as_printf(void **state)
{
    static const double edges[] = {
        0, -0.0, 0.125, 0.375, 1.005, 2.675, 0.005, 0.015, 0.045, 99.995,
        -0.001, -1.125, 0.5, 1.5, 2.5, -2.5, 1e8 + 0.5, 1e9, 1e12 + 0.25,
        123456.785, 0.045000000000000005, 4.35, 1.45, 1e-300,
    };
    int i, n = (int)(sizeof(edges) / sizeof(edges[0])) + 20000;
    unsigned int seed = 18;

    (void)state;
    for (i = 0; i < n; i++) {
        double v;
        vd_snapshot *snap;
        char *rows, got[64], want[64];

        if (i < (int)(sizeof(edges) / sizeof(edges[0])))
            v = edges[i];
        else if (i % 2)     /* a quarter or a half step: an exact tie */
            v = (double)(rand_r(&seed) % 400000) / 8.0;
        else
            v = (double)rand_r(&seed) / RAND_MAX * 1000.0 *
                (i % 3 ? 1 : 1e4) * (i % 5 ? 1 : -1);
        snap = snap_with(v, "h");
        rows = rows_of(VD_TOP_CSV, snap);
        csv_col(rows, 6, got, sizeof(got));         /* cpu_pct: %.2f */
        snprintf(want, sizeof(want), "%.2f", v);
        assert_string_equal(got, want);
        csv_col(rows, 11, got, sizeof(got));        /* rd_bytes_s: %.0f */
        snprintf(want, sizeof(want), "%.0f", v);
        assert_string_equal(got, want);
        csv_col(rows, 13, got, sizeof(got));        /* rd_reqs_s: %.1f */
        snprintf(want, sizeof(want), "%.1f", v);
        assert_string_equal(got, want);
        free(rows);
        vd_snapshot_unref(snap);
    }
}

/* The whole row, quoting and unknown figures (empty, never 0). */
static void
test_csv_row(void **state)
{
    vd_snapshot *snap = snap_with(12.345, "h,1");
    char *rows = rows_of(VD_TOP_CSV, snap);

    (void)state;
    assert_string_equal(rows,
        "T,\"h,1\",\"d\"\"q\",00000000-0000-4000-8000-000000000001,running,0,"
        "12.35,0.00,,0,,12,0,12.3,0.0,,,,,,,,,,,,,0,0,3,,0,0,\n");
    free(rows);
    vd_snapshot_unref(snap);
}

/* JSON: escaped strings, null for unknown figures. */
static void
test_json_row(void **state)
{
    vd_snapshot *snap = snap_with(0.5, "h,1");
    char *rows;

    (void)state;
    free(snap->domains[0].name);
    snap->domains[0].name = strdup("a\\b\x01");
    rows = rows_of(VD_TOP_JSON, snap);
    assert_non_null(strstr(rows, "{\"time\":\"T\",\"host\":\"h,1\",\"name\":\"a\\\\b\\u0001\","));
    assert_non_null(strstr(rows, ",\"cpu_pct\":0.50,\"cpu_host_pct\":0.00,\"mem_used_kib\":null,"));
    assert_non_null(strstr(rows, ",\"rd_bytes_s\":0,\"wr_bytes_s\":0,\"rd_reqs_s\":0.5,"));
    assert_non_null(strstr(rows, ",\"domain_id\":3,\"arch\":\"\",\"physical_cpus\":0,\"blocked\":0,\"mem_host_pct\":null}\n"));
    free(rows);
    vd_snapshot_unref(snap);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decimals_as_printf),
        cmocka_unit_test(test_csv_row),
        cmocka_unit_test(test_json_row),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
