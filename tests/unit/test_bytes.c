/*
 * test_bytes.c: the one byte formatter (issue 19: it used to be five,
 * which disagreed on "bytes" or "B" and on "100.0 GiB" or "100 GiB"),
 * both styles on a table of counts.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "virtdeck/bytes.h"

#define KIB 1024.0
#define MIB (1024.0 * KIB)
#define GIB (1024.0 * MIB)
#define TIB (1024.0 * GIB)
#define PIB (1024.0 * TIB)

static const struct {
    double bytes;
    const char *lng;            /* VD_BYTES_LONG */
    const char *compact;        /* VD_BYTES_COMPACT */
} table[] = {
    { 0, "0 B", "0" },
    { 1, "1 B", "1" },
    { 512, "512 B", "512" },
    { 999, "999 B", "999" },
    { 1000, "1000 B", "1.0K" },          /* compact changes unit at 1000 */
    { 1023, "1023 B", "1.0K" },
    { KIB, "1.0 KiB", "1.0K" },
    { 1536, "1.5 KiB", "1.5K" },
    { 10 * KIB, "10.0 KiB", "10K" },     /* compact: no decimal from 10 */
    { 99.9 * KIB, "99.9 KiB", "100K" },
    { 100 * KIB, "100 KiB", "100K" },    /* long: no decimal from 100 */
    { 512 * MIB, "512 MiB", "512M" },
    { 768 * MIB, "768 MiB", "768M" },
    { GIB, "1.0 GiB", "1.0G" },
    { 2 * GIB, "2.0 GiB", "2.0G" },
    { 9.5 * GIB, "9.5 GiB", "9.5G" },
    { 20 * GIB, "20.0 GiB", "20G" },
    { 100 * GIB, "100 GiB", "100G" },
    { 1.5 * TIB, "1.5 TiB", "1.5T" },
    { 3 * PIB, "3.0 PiB", "3.0P" },
    { 5000 * PIB, "5000 PiB", "5000P" }, /* PiB is the last unit */
    { -1, "0 B", "0" },                   /* nonsense is 0 */
    { NAN, "0 B", "0" },
    { INFINITY, "0 B", "0" },
};

/* Every row of the table in both styles. */
static void
test_table(void **state)
{
    char buf[32];
    size_t i;

    (void)state;
    for (i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
        assert_string_equal(vd_fmt_bytes(table[i].bytes, VD_BYTES_LONG, buf, sizeof(buf)),
                            table[i].lng);
        assert_string_equal(vd_fmt_bytes(table[i].bytes, VD_BYTES_COMPACT, buf, sizeof(buf)),
                            table[i].compact);
    }
}

/* A short buffer is truncated, never overrun; an empty one is left alone. */
static void
test_short_buffer(void **state)
{
    char buf[8];

    (void)state;
    memset(buf, 'x', sizeof(buf));
    assert_ptr_equal(vd_fmt_bytes(1.5 * GIB, VD_BYTES_LONG, buf, 4), buf);
    assert_string_equal(buf, "1.5");
    assert_int_equal(buf[4], 'x');
    buf[0] = 'y';
    vd_fmt_bytes(GIB, VD_BYTES_LONG, buf, 0);
    assert_int_equal(buf[0], 'y');
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table),
        cmocka_unit_test(test_short_buffer),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
