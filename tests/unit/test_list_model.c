/*
 * test_list_model.c: the list component's model (list_model.h) and the
 * domain comparators (dom_sort.h), from the UI-model library — no
 * curses, no app: rows kept by host + UUID through re-sorts, sort by
 * column (ascending, largest first, reversed), filter terms, marks by
 * host + UUID (two hosts may hold one UUID), cursor moves, header
 * clicks, sorting only when finish() runs, and a list of rows known by
 * another key than a UUID (the hosts pane's "host:ID").
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <cmocka.h>

#include "ui/panes/dom_sort.h"
#include "ui/widgets/list_model.h"

enum { C_NAME, C_STATE, C_VCPUS, C_CPU, C_HOST, NC };

/* how many times a comparator ran (sorting happens in finish only) */
static unsigned long ncmp;

static int
count_vcpus(const vd_row *a, const vd_row *b)
{
    ncmp++;
    return vd_dom_cmp_vcpus(a, b);
}

/* A filter term: vcpus:N. */
static bool
match(const void *ctx, const vd_row *row, const char *key, const char *value)
{
    const vd_domain *d = row->obj;

    assert_ptr_equal(ctx, &ncmp);       /* the ctx given to finish() */
    if (strcasecmp(key, "vcpus") == 0)
        return d->vcpus == (unsigned)atoi(value);
    return false;
}

static const vd_list_kind kind = {
    .cmp = { [C_NAME] = vd_dom_cmp_name, [C_STATE] = vd_dom_cmp_state,
             [C_VCPUS] = count_vcpus, [C_CPU] = vd_dom_cmp_cpu,
             [C_HOST] = vd_dom_cmp_host },
    .desc = { [C_CPU] = true },
    .names = { [C_NAME] = "name", [C_STATE] = "state", [C_VCPUS] = "vCPUs",
               [C_CPU] = "CPU %", [C_HOST] = "host" },
    .ncols = NC,
    .default_col = C_NAME,
    .match = match,
};

/* The domains: two hosts; "same" has one UUID on both. */
static vd_domain doms[6];
static const size_t dom_host[6] = { 0, 0, 0, 1, 1, 1 };

static void
make_domains(void)
{
    static const struct {
        const char *name, *uuid;
        vd_dom_state st;
        unsigned vcpus;
        double cpu;             /* <0: no figure */
    } d[6] = {
        { "delta", "00000000-0000-0000-0000-000000000004", VD_DOM_SHUTOFF, 1, -1 },
        { "alpha", "00000000-0000-0000-0000-000000000001", VD_DOM_RUNNING, 4, 50 },
        { "same", "00000000-0000-0000-0000-0000000000ff", VD_DOM_PAUSED, 2, 10 },
        { "charlie", "00000000-0000-0000-0000-000000000003", VD_DOM_RUNNING, 2, 90 },
        { "same", "00000000-0000-0000-0000-0000000000ff", VD_DOM_RUNNING, 8, 5 },
        { "bravo", "00000000-0000-0000-0000-000000000002", VD_DOM_SHUTOFF, 1, -1 },
    };

    memset(doms, 0, sizeof(doms));
    for (int i = 0; i < 6; i++) {
        snprintf(doms[i].uuid, sizeof(doms[i].uuid), "%s", d[i].uuid);
        doms[i].name = (char *)d[i].name;
        doms[i].state = d[i].st;
        doms[i].vcpus = d[i].vcpus;
        doms[i].rates.cpu_valid = d[i].cpu >= 0;
        doms[i].rates.cpu_pct = d[i].cpu;
    }
}

/* Rebuild list from doms[first..last). */
static void
build(vd_list *l, size_t first, size_t last)
{
    vd_list_begin(l);
    for (size_t i = first; i < last; i++)
        vd_list_add(l, dom_host[i], &doms[i], doms[i].uuid, doms[i].name);
    vd_list_finish(l, &ncmp);
}

/* The names of the rows, blank-separated, with the host of "same". */
static const char *
names(const vd_list *l)
{
    static char buf[256];
    size_t used = 0;

    buf[0] = '\0';
    for (size_t i = 0; i < l->n; i++)
        used += (size_t)snprintf(buf + used, sizeof(buf) - used, "%s%s%s",
                                 i ? " " : "", l->rows[i].name,
                                 strcmp(l->rows[i].name, "same") == 0
                                 ? (l->rows[i].host ? "@1" : "@0") : "");
    return buf;
}

static int
setup(void **state)
{
    vd_list *l;

    make_domains();
    ncmp = 0;
    if (!(l = vd_list_new(&kind, NULL)))
        return -1;
    build(l, 0, 6);
    *state = l;
    return 0;
}

static int
teardown(void **state)
{
    vd_list_free(*state);
    return 0;
}

/* By name at first (the kind's default), ties by UUID then host order. */
static void
test_sort_name(void **state)
{
    vd_list *l = *state;
    char buf[64];

    assert_int_equal(l->n, 6);
    assert_int_equal(l->total, 6);
    assert_string_equal(names(l), "alpha bravo charlie delta same@0 same@1");
    assert_string_equal(vd_list_sort_text(l, buf, sizeof(buf)), "name");
}

/* A column sorts ascending, again reversed; a desc column largest
 * first with unknown figures last; ties by name. */
static void
test_sort_columns(void **state)
{
    vd_list *l = *state;
    char buf[64];

    assert_true(vd_list_sort_col(l, C_VCPUS));
    build(l, 0, 6);
    assert_string_equal(names(l), "bravo delta charlie same@0 alpha same@1");
    assert_true(vd_list_sort_col(l, C_VCPUS));
    assert_true(l->reverse);
    assert_string_equal(vd_list_sort_text(l, buf, sizeof(buf)), "vCPUs, reversed");
    build(l, 0, 6);
    assert_string_equal(names(l), "same@1 alpha same@0 charlie delta bravo");
    assert_true(vd_list_sort_col(l, C_CPU));
    assert_false(l->reverse);
    build(l, 0, 6);
    assert_string_equal(names(l), "charlie alpha same@0 same@1 bravo delta");
    assert_true(vd_list_sort_col(l, C_STATE));
    build(l, 0, 6);
    assert_string_equal(names(l), "alpha charlie same@1 same@0 bravo delta");
    /* a column without comparator does not sort */
    assert_false(vd_list_sort_col(l, NC));
    assert_int_equal(l->sort_col, C_STATE);
}

/* > and < cycle through the sortable columns and wrap. */
static void
test_sort_cycle(void **state)
{
    vd_list *l = *state;

    assert_true(vd_list_sort_next(l, 1));
    assert_int_equal(l->sort_col, C_STATE);
    assert_true(vd_list_sort_next(l, -1));
    assert_true(vd_list_sort_next(l, -1));
    assert_int_equal(l->sort_col, C_HOST);
    vd_list_sort_flip(l);
    assert_true(l->reverse);
    assert_true(vd_list_sort_next(l, 1));
    assert_int_equal(l->sort_col, C_NAME);
    assert_false(l->reverse);
}

/* Sorting happens in finish() only: moving the cursor compares
 * nothing, and a sort key changes nothing until the next rebuild. */
static void
test_sort_once(void **state)
{
    vd_list *l = *state;
    unsigned int gen = l->gen;

    vd_list_sort_col(l, C_VCPUS);
    assert_int_not_equal(l->gen, gen);  /* the view rebuilds on this */
    ncmp = 0;
    assert_string_equal(names(l), "alpha bravo charlie delta same@0 same@1");
    for (int i = 0; i < 100; i++)
        vd_list_move(l, i % 2 ? VD_MOVE_UP : VD_MOVE_DOWN, 10);
    assert_int_equal(ncmp, 0);
    build(l, 0, 6);
    assert_true(ncmp > 0);
}

/* Plain terms match names (any case); key:value goes to the kind's
 * match with the ctx; all terms must match; an unknown key matches
 * nothing. */
static void
test_filter(void **state)
{
    vd_list *l = *state;

    vd_list_filter_set(l, "A");
    build(l, 0, 6);
    assert_string_equal(names(l), "alpha bravo charlie delta same@0 same@1");
    vd_list_filter_set(l, "ha");
    build(l, 0, 6);
    assert_string_equal(names(l), "alpha charlie");
    assert_int_equal(l->total, 6);
    vd_list_filter_set(l, "vcpus:2");
    build(l, 0, 6);
    assert_string_equal(names(l), "charlie same@0");
    vd_list_filter_set(l, "vcpus:2 char");
    build(l, 0, 6);
    assert_string_equal(names(l), "charlie");
    vd_list_filter_set(l, "colour:red");
    build(l, 0, 6);
    assert_int_equal(l->n, 0);
    assert_null(vd_list_cursor_row(l));
    vd_list_filter_set(l, NULL);
    build(l, 0, 6);
    assert_int_equal(l->n, 6);
}

/* The cursor stays on its host + UUID when the rows re-sort, and on
 * the same host's row when two hosts hold the UUID. */
static void
test_cursor_follows(void **state)
{
    vd_list *l = *state;
    const vd_row *r;

    vd_list_select(l, 5);               /* same@1 */
    r = vd_list_cursor_row(l);
    assert_string_equal(r->name, "same");
    assert_int_equal(r->host, 1);
    vd_list_sort_col(l, C_VCPUS);
    build(l, 0, 6);
    r = vd_list_cursor_row(l);
    assert_int_equal(l->cur->cursor, 5);
    assert_int_equal(r->host, 1);
    assert_int_equal(((const vd_domain *)r->obj)->vcpus, 8);
    vd_list_sort_flip(l);
    build(l, 0, 6);
    assert_int_equal(l->cur->cursor, 0);
    assert_int_equal(vd_list_cursor_row(l)->host, 1);
    /* host 1 goes away: the same UUID on host 0 takes the cursor */
    build(l, 0, 3);
    r = vd_list_cursor_row(l);
    assert_string_equal(r->name, "same");
    assert_int_equal(r->host, 0);
    /* the object goes: the cursor stays on its row number (clamped) */
    vd_list_select(l, 2);
    build(l, 0, 1);
    assert_int_equal(l->cur->cursor, 0);
    assert_string_equal(vd_list_cursor_row(l)->name, "delta");
}

/* A pane's list uses the pane's per-host cursor, not its own. */
static void
test_cursor_outside(void **state)
{
    vd_list *l = *state;
    vd_list_cursor other = { 0 };

    vd_list_select(l, 1);
    l->cur = &other;
    vd_list_retrack(l);
    assert_int_equal(other.cursor, 0);
    assert_string_equal(other.uuid, "00000000-0000-0000-0000-000000000001");
    vd_list_move(l, VD_MOVE_END, 1);
    assert_int_equal(other.cursor, 5);
    l->cur = &l->own;
    assert_int_equal(l->cur->cursor, 1);
}

/* Rebuild an unsorted list of hosts from ids[0, n): row i is host i
 * (the hosts pane's list), known by "host:ID". */
static void
build_hosts(vd_list *l, const int *ids, size_t n)
{
    static char keys[8][16];

    vd_list_begin(l);
    for (size_t i = 0; i < n; i++) {
        snprintf(keys[i], sizeof(keys[i]), "host:%d", ids[i]);
        vd_list_add(l, i, NULL, keys[i], keys[i]);
    }
    vd_list_finish(l, NULL);
}

/* Rows without a UUID, known by another key whose host index changes
 * with them: the cursor stays on its key when rows before it go, come
 * or move, and on the same row number when its own row goes. */
static void
test_cursor_by_key(void **state)
{
    vd_list *l = vd_list_new(NULL, NULL);
    static const int four[] = { 1, 2, 3, 4 };
    static const int no_first[] = { 2, 3, 4 };
    static const int added[] = { 2, 3, 4, 5 };
    static const int moved[] = { 3, 5, 4, 2 };
    static const int no_three[] = { 5, 4, 2 };

    (void)state;
    assert_non_null(l);
    build_hosts(l, four, 4);
    assert_string_equal(l->rows[0].uuid, "host:1");     /* source order */
    vd_list_select(l, 2);                               /* host:3 */
    assert_string_equal(l->cur->uuid, "host:3");
    assert_int_equal(l->cur->host, 2);
    build_hosts(l, no_first, 3);        /* a host before it goes */
    assert_int_equal(l->cur->cursor, 1);
    assert_string_equal(vd_list_cursor_row(l)->uuid, "host:3");
    assert_int_equal(l->cur->host, 1);  /* its index now */
    build_hosts(l, added, 4);           /* one comes at the end */
    assert_int_equal(l->cur->cursor, 1);
    build_hosts(l, moved, 4);           /* the hosts list reordered */
    assert_int_equal(l->cur->cursor, 0);
    assert_string_equal(vd_list_cursor_row(l)->uuid, "host:3");
    build_hosts(l, no_three, 3);        /* its own row goes: same row */
    assert_int_equal(l->cur->cursor, 0);
    assert_string_equal(vd_list_cursor_row(l)->uuid, "host:5");
    vd_list_select(l, 2);
    build_hosts(l, no_three, 2);        /* the last goes: clamped */
    assert_int_equal(l->cur->cursor, 1);
    assert_string_equal(vd_list_cursor_row(l)->uuid, "host:4");
    vd_list_free(l);
}

/* Moves: up/down stop at the ends, pages, home, end, the wheel. */
static void
test_moves(void **state)
{
    vd_list *l = *state;

    assert_false(vd_list_move(l, VD_MOVE_UP, 2));
    assert_true(vd_list_move(l, VD_MOVE_DOWN, 2));
    assert_int_equal(l->cur->cursor, 1);
    vd_list_move(l, VD_MOVE_PAGE_DOWN, 2);
    assert_int_equal(l->cur->cursor, 3);
    vd_list_move(l, VD_MOVE_PAGE_DOWN, 2);
    vd_list_move(l, VD_MOVE_PAGE_DOWN, 2);
    assert_int_equal(l->cur->cursor, 5);
    assert_false(vd_list_move(l, VD_MOVE_DOWN, 2));
    vd_list_move(l, VD_MOVE_WHEEL_UP, 2);
    assert_int_equal(l->cur->cursor, 5 - VD_LIST_WHEEL_ROWS);
    vd_list_move(l, VD_MOVE_HOME, 2);
    assert_int_equal(l->cur->cursor, 0);
    vd_list_move(l, VD_MOVE_WHEEL_DOWN, 2);
    assert_int_equal(l->cur->cursor, VD_LIST_WHEEL_ROWS);
    vd_list_move(l, VD_MOVE_END, 2);
    assert_int_equal(l->cur->cursor, 5);
    vd_list_move(l, VD_MOVE_PAGE_UP, 4);
    assert_int_equal(l->cur->cursor, 1);
    vd_list_move(l, VD_MOVE_PAGE_UP, 4);
    assert_int_equal(l->cur->cursor, 0);
    /* the cursor remembers its object as it moves */
    vd_list_move(l, VD_MOVE_END, 2);
    assert_string_equal(l->cur->uuid, "00000000-0000-0000-0000-0000000000ff");
    assert_int_equal(l->cur->host, 1);
    /* an empty list */
    assert_int_equal(vd_list_move_index(0, 0, VD_MOVE_END, 5), 0);
    assert_int_equal(vd_list_move_index(0, 0, VD_MOVE_DOWN, 5), 0);
}

/* vd_sel_fit scrolls the cursor into view without blank rows below. */
static void
test_fit(void **state)
{
    vd_list_cursor c = { .cursor = 9, .top = 0 };

    (void)state;
    vd_sel_fit(&c, 10, 4);
    assert_int_equal(c.top, 6);
    c.cursor = 7;
    vd_sel_fit(&c, 10, 4);
    assert_int_equal(c.top, 6);
    c.cursor = 2;
    vd_sel_fit(&c, 10, 4);
    assert_int_equal(c.top, 2);
    vd_sel_fit(&c, 3, 4);               /* fewer rows than the page */
    assert_int_equal(c.top, 0);
    c.top = 8;
    c.cursor = 9;
    vd_sel_fit(&c, 10, 4);              /* no blank rows at the bottom */
    assert_int_equal(c.top, 6);
    vd_sel_fit(&c, 0, 4);
    assert_int_equal(c.cursor, 0);
    assert_int_equal(c.top, 0);
}

/* Marks go by host + UUID: marking same@0 leaves same@1 unmarked; the
 * marks outlive a rebuild and a filter hides, not forgets, them. */
static void
test_marks(void **state)
{
    vd_list *l = *state;
    const vd_row *out[8];

    assert_true(vd_list_mark_toggle(l, &l->rows[4]));   /* same@0 */
    assert_true(vd_list_mark_toggle(l, &l->rows[0]));   /* alpha */
    assert_true(vd_list_marked(l, &l->rows[4]));
    assert_false(vd_list_marked(l, &l->rows[5]));
    assert_int_equal(vd_list_marked_rows_in(l, out, 8), 2);
    assert_string_equal(out[0]->name, "alpha");
    assert_int_equal(out[1]->host, 0);
    vd_list_sort_flip(l);
    build(l, 0, 6);
    assert_int_equal(vd_list_marked_rows_in(l, out, 8), 2);
    assert_string_equal(out[1]->name, "alpha");        /* in row order */
    assert_int_equal(vd_list_marked_rows_in(l, out, 1), 2);  /* counts all */
    vd_list_filter_set(l, "alp");
    build(l, 0, 6);
    assert_int_equal(vd_list_marked_rows_in(l, out, 8), 1);
    vd_list_filter_set(l, "");
    build(l, 0, 6);
    assert_int_equal(vd_list_marked_rows_in(l, out, 8), 2);
    /* toggling again unmarks; a row without UUID is not marked */
    assert_true(vd_list_mark_toggle(l, out[1]));
    assert_int_equal(vd_list_marked_rows_in(l, out, 8), 1);
    {
        vd_row none = { .host = 0, .obj = NULL, .uuid = "", .name = "x" };

        assert_false(vd_list_mark_toggle(l, &none));
    }
    vd_list_marks_clear(l);
    assert_int_equal(vd_list_marked_rows_in(l, out, 8), 0);
}

/* A click on a title sorts by it (again: reversed); elsewhere, on a
 * hidden title or one that does not sort, nothing. */
static void
test_header(void **state)
{
    vd_list *l = *state;
    /* name [1,10), state [11,18), vCPU hidden, CPU [20,25), host [26,30) */
    int x0[NC] = { 1, 11, -1, 20, 26 }, x1[NC] = { 10, 18, -1, 25, 30 };

    assert_int_equal(vd_list_header_col(l, 3, 12), -1);      /* not drawn */
    vd_list_header_place(l, 3, NC, x0, x1);
    assert_int_equal(vd_list_header_col(l, 3, 12), C_STATE);
    assert_int_equal(vd_list_header_col(l, 3, 18), C_STATE); /* the gap */
    assert_int_equal(vd_list_header_col(l, 4, 12), -1);
    assert_int_equal(vd_list_header_col(l, 3, 0), -1);
    assert_int_equal(vd_list_header_col(l, 3, 22), C_CPU);
    assert_int_equal(vd_list_header_col(l, 3, 40), -1);
}

/* A first picture's gaps (no vCPUs or memory read yet: lists.c) are
 * shown as unknown, never as 0 vCPUs or 0 B. */
static void
test_dom_unknown_sizes(void **state)
{
    vd_domain d;
    char buf[16];

    (void)state;
    memset(&d, 0, sizeof(d));
    assert_string_equal(vd_dom_vcpus_text(&d, buf, sizeof(buf)), "-");
    assert_int_equal(vd_dom_mem_bytes(&d), 0);
    d.vcpus = 2;
    d.max_mem_kib = 1024;
    assert_string_equal(vd_dom_vcpus_text(&d, buf, sizeof(buf)), "2");
    assert_int_equal(vd_dom_mem_bytes(&d), 1024 * 1024);
    d.mem_kib = 512;
    assert_int_equal(vd_dom_mem_bytes(&d), 512 * 1024);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_sort_name, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sort_columns, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sort_cycle, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sort_once, setup, teardown),
        cmocka_unit_test_setup_teardown(test_filter, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cursor_follows, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cursor_outside, setup, teardown),
        cmocka_unit_test(test_cursor_by_key),
        cmocka_unit_test_setup_teardown(test_moves, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_marks, setup, teardown),
        cmocka_unit_test_setup_teardown(test_header, setup, teardown),
        cmocka_unit_test(test_dom_unknown_sizes),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
