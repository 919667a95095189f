/*
 * listview.c: sorted, filtered, marked rows of the object panes
 * (listview.h).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ui/widgets/draw.h"
#include "ui/widgets/listview.h"

/* The list of pane, allocated on first use; NULL for the hosts pane or
 * when out of memory. */
static vd_list *
list_of(vd_app *app, vd_pane_id pane)
{
    if (pane <= VD_PANE_HOSTS || pane >= VD_PANE_LAST)
        return NULL;
    if (!app->lists[pane]) {
        app->lists[pane] = calloc(1, sizeof(vd_list));
        if (app->lists[pane])
            app->lists[pane]->sort_col = -1;
    }
    return app->lists[pane];
}

/* Add a row. */
void
vd_list_add(vd_list *list, size_t host, const void *obj, const char *uuid,
            const char *name)
{
    if (list->n == list->cap) {
        size_t nc = list->cap ? list->cap * 2 : 64;
        vd_row *nr = realloc(list->rows, nc * sizeof(*nr));

        if (!nr)
            return;
        list->rows = nr;
        list->cap = nc;
    }
    list->rows[list->n].host = host;
    list->rows[list->n].obj = obj;
    list->rows[list->n].uuid = uuid;
    list->rows[list->n].name = name ? name : "";
    list->n++;
}

/* The default source: the selected host's objects of pane's kind. */
static void
source_selected(vd_app *app, vd_pane_id pane, vd_list *list)
{
    size_t hi = app->host_sel.cursor;
    const vd_snapshot *snap;

    if (hi >= app->nhosts || !(snap = app->hosts[hi].snap) ||
        snap->conn != VD_CONN_CONNECTED)
        return;
    switch (pane) {
    case VD_PANE_DOMAINS:
        for (size_t i = 0; i < snap->ndomains; i++)
            vd_list_add(list, hi, &snap->domains[i], snap->domains[i].uuid,
                        snap->domains[i].name);
        break;
    case VD_PANE_NETWORKS:
        for (size_t i = 0; i < snap->nnetworks; i++)
            vd_list_add(list, hi, &snap->networks[i], snap->networks[i].uuid,
                        snap->networks[i].name);
        break;
    case VD_PANE_POOLS:
        for (size_t i = 0; i < snap->npools; i++)
            vd_list_add(list, hi, &snap->pools[i], snap->pools[i].uuid,
                        snap->pools[i].name);
        break;
    case VD_PANE_HOSTS:
    case VD_PANE_LAST:
        break;
    }
}

/* What the rows depend on besides sort/filter: the selected host and
 * every host's snapshot. */
static unsigned long long
inputs_key(const vd_app *app)
{
    unsigned long long k = 1469598103934665603ULL;

    k = (k ^ app->host_sel.cursor) * 1099511628211ULL;
    for (size_t i = 0; i < app->nhosts; i++) {
        k = (k ^ (unsigned long long)(uintptr_t)app->hosts[i].snap) * 1099511628211ULL;
        k = (k ^ (app->hosts[i].snap ? app->hosts[i].snap->seq : 0)) *
            1099511628211ULL;
    }
    return k;
}

/* Whether one filter term matches row. */
static bool
term_matches(const vd_app *app, const vd_list *list, const vd_row *row,
             const char *term)
{
    const char *colon = strchr(term, ':');

    if (colon && colon != term) {
        char key[64];
        size_t kl = (size_t)(colon - term);

        if (kl >= sizeof(key))
            return false;
        memcpy(key, term, kl);
        key[kl] = '\0';
        if (list->kind && list->kind->match)
            return list->kind->match(app, row, key, colon + 1);
        return false;
    }
    return strcasestr(row->name, term) != NULL;
}

/* Whether row passes every term of the filter. */
static bool
filter_matches(const vd_app *app, const vd_list *list, const vd_row *row)
{
    char buf[256], *save = NULL;

    if (!list->filter[0])
        return true;
    snprintf(buf, sizeof(buf), "%s", list->filter);
    for (char *t = strtok_r(buf, " \t", &save); t; t = strtok_r(NULL, " \t", &save))
        if (!term_matches(app, list, row, t))
            return false;
    return true;
}

static const vd_list *sorting;  /* the list qsort is sorting (UI thread) */

/* qsort comparator: the sort column, then name, then UUID. */
static int
row_cmp(const void *pa, const void *pb)
{
    const vd_row *a = pa, *b = pb;
    const vd_list *l = sorting;
    int c = 0;

    if (l->kind && l->sort_col >= 0 && (size_t)l->sort_col < l->kind->ncols &&
        l->kind->cmp[l->sort_col])
        c = l->kind->cmp[l->sort_col](a, b);
    if (c == 0)
        c = strcasecmp(a->name, b->name);
    if (c == 0)
        c = strcmp(a->name, b->name);
    if (c == 0)
        c = strcmp(a->uuid, b->uuid);
    return l->reverse ? -c : c;
}

/* Rebuild list's rows. */
static void
rebuild(vd_app *app, vd_pane_id pane, vd_list *list)
{
    size_t j = 0;

    list->n = 0;
    if (list->source)
        list->source(app, pane, list);
    else
        source_selected(app, pane, list);
    list->total = list->n;
    for (size_t i = 0; i < list->n; i++)
        if (filter_matches(app, list, &list->rows[i]))
            list->rows[j++] = list->rows[i];
    list->n = j;
    if (list->kind && list->n > 1) {
        sorting = list;
        qsort(list->rows, list->n, sizeof(list->rows[0]), row_cmp);
        sorting = NULL;
    }
}

/* Put a cursor back on its UUID after a rebuild. */
static void
retrack(vd_sel *sel, const vd_list *list)
{
    if (list->n == 0) {
        sel->cursor = 0;
        sel->top = 0;
        return;
    }
    /* (host and UUID: in the all-hosts view two hosts may hold one
     * UUID, and the cursor stays on its host's row) */
    if (sel->uuid[0]) {
        for (size_t i = 0; i < list->n; i++) {
            if (list->rows[i].host == sel->host &&
                strcmp(list->rows[i].uuid, sel->uuid) == 0) {
                sel->cursor = i;
                return;
            }
        }
        for (size_t i = 0; i < list->n; i++) {
            if (strcmp(list->rows[i].uuid, sel->uuid) == 0) {
                sel->cursor = i;
                sel->host = list->rows[i].host;
                return;
            }
        }
    }
    if (sel->cursor >= list->n)
        sel->cursor = list->n - 1;
    snprintf(sel->uuid, sizeof(sel->uuid), "%s", list->rows[sel->cursor].uuid);
    sel->host = list->rows[sel->cursor].host;
}

/* The rows of pane, fresh. */
vd_list *
vd_list_get(vd_app *app, vd_pane_id pane)
{
    static vd_list empty;
    vd_list *list = list_of(app, pane);
    unsigned long long key;

    if (!list) {
        memset(&empty, 0, sizeof(empty));
        return &empty;
    }
    key = inputs_key(app);
    if (!list->built || list->key != key || list->built_gen != list->gen) {
        rebuild(app, pane, list);
        list->key = key;
        list->built_gen = list->gen;
        list->built = true;
        retrack(vd_app_sel(app, pane), list);
    }
    return list;
}

/* Row i of pane. */
const vd_row *
vd_app_row(vd_app *app, vd_pane_id pane, size_t i)
{
    vd_list *list = vd_list_get(app, pane);

    return i < list->n ? &list->rows[i] : NULL;
}

void
vd_list_set_kind(vd_app *app, vd_pane_id pane, const vd_list_kind *kind)
{
    vd_list *list = list_of(app, pane);

    if (!list || list->kind == kind)
        return;
    list->kind = kind;
    if (kind && list->sort_col < 0)
        list->sort_col = kind->default_col;
    list->gen++;
}

void
vd_list_set_source(vd_app *app, vd_pane_id pane, vd_row_source_fn fn)
{
    vd_list *list = list_of(app, pane);

    if (!list)
        return;
    list->source = fn;
    list->gen++;
    app->dirty = true;
}

void
vd_list_invalidate(vd_app *app, vd_pane_id pane)
{
    vd_list *list = list_of(app, pane);

    if (list)
        list->gen++;
    app->dirty = true;
}

/* Whether column c of list sorts. */
static bool
sortable(const vd_list *list, int c)
{
    return list->kind && c >= 0 && (size_t)c < list->kind->ncols &&
           list->kind->cmp[c];
}

void
vd_list_sort_by(vd_app *app, vd_pane_id pane, int col)
{
    vd_list_sort_by_in(app, list_of(app, pane), col);
}

/* Sort list by column col (again: reverse). */
void
vd_list_sort_by_in(vd_app *app, vd_list *list, int col)
{
    if (!list || !sortable(list, col))
        return;
    if (list->sort_col == col)
        list->reverse = !list->reverse;
    else
        list->reverse = false;
    list->sort_col = col;
    list->gen++;
    app->dirty = true;
}

void
vd_list_sort_cycle(vd_app *app, vd_pane_id pane, int dir)
{
    vd_list_sort_cycle_in(app, list_of(app, pane), dir);
}

/* Sort list by the next / previous sortable column. */
void
vd_list_sort_cycle_in(vd_app *app, vd_list *list, int dir)
{
    int n, c;

    if (!list || !list->kind || (n = (int)list->kind->ncols) == 0)
        return;
    c = list->sort_col;
    for (int k = 0; k < n; k++) {
        c = (c + (dir > 0 ? 1 : n - 1) + n) % n;
        if (sortable(list, c)) {
            list->sort_col = c;
            list->reverse = false;
            list->gen++;
            app->dirty = true;
            return;
        }
    }
}

void
vd_list_sort_reverse(vd_app *app, vd_pane_id pane)
{
    vd_list_sort_reverse_in(app, list_of(app, pane));
}

/* Reverse list's order. */
void
vd_list_sort_reverse_in(vd_app *app, vd_list *list)
{
    if (!list)
        return;
    list->reverse = !list->reverse;
    list->gen++;
    app->dirty = true;
}

void
vd_list_set_filter(vd_app *app, vd_pane_id pane, const char *filter)
{
    vd_list_set_filter_in(app, list_of(app, pane), filter);
}

/* Set list's filter. */
void
vd_list_set_filter_in(vd_app *app, vd_list *list, const char *filter)
{
    if (!list)
        return;
    snprintf(list->filter, sizeof(list->filter), "%s", filter ? filter : "");
    list->gen++;
    app->dirty = true;
}

/* A row's mark: its host and UUID (two hosts may hold one UUID). */
static void
mark_key(const vd_row *row, char *buf, size_t len)
{
    snprintf(buf, len, "%zu %s", row->host, row->uuid ? row->uuid : "");
}

bool
vd_list_marked(const vd_list *list, const vd_row *row)
{
    char key[VD_UUID_LEN + 32];

    mark_key(row, key, sizeof(key));
    for (size_t i = 0; i < list->nmarks; i++)
        if (strcmp(list->marks[i], key) == 0)
            return true;
    return false;
}

void
vd_list_toggle_mark_in(vd_app *app, vd_list *list, const vd_row *row)
{
    char key[VD_UUID_LEN + 32], **nm, *copy;

    if (!list || !row || !row->uuid || !*row->uuid)
        return;
    mark_key(row, key, sizeof(key));
    app->dirty = true;
    for (size_t i = 0; i < list->nmarks; i++) {
        if (strcmp(list->marks[i], key) == 0) {
            free(list->marks[i]);
            list->marks[i] = list->marks[--list->nmarks];
            return;
        }
    }
    if (!(copy = strdup(key)))
        return;
    if (!(nm = realloc(list->marks, (list->nmarks + 1) * sizeof(*nm)))) {
        free(copy);
        return;
    }
    list->marks = nm;
    list->marks[list->nmarks++] = copy;
}

void
vd_list_toggle_mark(vd_app *app, vd_pane_id pane, const vd_row *row)
{
    vd_list_toggle_mark_in(app, list_of(app, pane), row);
}

void
vd_list_clear_marks_in(vd_app *app, vd_list *list)
{
    if (!list)
        return;
    for (size_t i = 0; i < list->nmarks; i++)
        free(list->marks[i]);
    free(list->marks);
    list->marks = NULL;
    list->nmarks = 0;
    app->dirty = true;
}

void
vd_list_clear_marks(vd_app *app, vd_pane_id pane)
{
    vd_list_clear_marks_in(app, list_of(app, pane));
}

size_t
vd_list_marked_rows_in(const vd_list *list, const vd_row **out, size_t max)
{
    size_t n = 0;

    if (list->nmarks == 0)
        return 0;
    for (size_t i = 0; i < list->n; i++) {
        if (!vd_list_marked(list, &list->rows[i]))
            continue;
        if (n < max)
            out[n] = &list->rows[i];
        n++;
    }
    return n;
}

size_t
vd_list_marked_rows(vd_app *app, vd_pane_id pane, const vd_row **out,
                    size_t max)
{
    return vd_list_marked_rows_in(vd_list_get(app, pane), out, max);
}

void
vd_list_header(vd_app *app, vd_pane_id pane, const vd_table *t, int y,
               attr_t attr)
{
    vd_list_header_in(list_of(app, pane), t, y, attr);
}

/* Draw t's header for list, the sort column marked. */
void
vd_list_header_in(vd_list *list, const vd_table *t, int y, attr_t attr)
{
    vd_table_header(t, y, attr);
    if (!list)
        return;
    list->hdr_y = y;
    list->nh = t->ncols;
    for (size_t i = 0; i < t->ncols; i++) {
        list->hx0[i] = t->shown[i] ? t->cx[i] : -1;
        list->hx1[i] = t->shown[i] ? t->cx[i] + t->cw[i] : -1;
    }
    if (sortable(list, list->sort_col) && t->shown[list->sort_col]) {
        const char *arrow = vd_draw_utf8() ? (list->reverse ? "\u25bc" : "\u25b2")
                                           : (list->reverse ? "v" : "^");
        const char *title = t->cols[list->sort_col].title;
        int c = list->sort_col;
        int w = vd_text_width(title);
        int x;

        /* The title as vd_table_header() drew it. */
        if (w > t->cw[c] && t->cols[c].short_title)
            w = vd_text_width(t->cols[c].short_title);
        if (w > t->cw[c])
            w = t->cw[c];
        /* The arrow goes in the blank next to the title: after it, or
         * before a right-aligned one (the gap between columns at worst). */
        x = t->cols[c].right ? t->cx[c] + t->cw[c] - w - 1 : t->cx[c] + w;
        if (x >= t->x && x < t->x + t->width)
            vd_draw_text(y, x, 1, arrow, attr | A_BOLD);
    }
}

bool
vd_list_header_click(vd_app *app, vd_pane_id pane, int y, int x)
{
    return vd_list_header_click_in(app, list_of(app, pane), y, x);
}

/* A click on list's header: sort by that title. */
bool
vd_list_header_click_in(vd_app *app, vd_list *list, int y, int x)
{
    if (!list || !list->kind || y != list->hdr_y)
        return false;
    for (size_t i = 0; i < list->nh; i++) {
        if (list->hx0[i] >= 0 && x >= list->hx0[i] && x < list->hx1[i] + 1 &&
            sortable(list, (int)i)) {
            vd_list_sort_by_in(app, list, (int)i);
            return true;
        }
    }
    return false;
}

void
vd_lists_free(vd_app *app)
{
    for (int p = 0; p < VD_PANE_LAST; p++) {
        vd_list *list = app->lists[p];

        if (!list)
            continue;
        for (size_t i = 0; i < list->nmarks; i++)
            free(list->marks[i]);
        free(list->marks);
        free(list->rows);
        free(list);
        app->lists[p] = NULL;
    }
}

/* ---- lists owned by a view ---- */

/* A list of its own, not a pane's. */
vd_list *
vd_list_new(const vd_list_kind *kind, vd_row_source_fn source)
{
    vd_list *list = calloc(1, sizeof(*list));

    if (!list)
        return NULL;
    list->kind = kind;
    list->source = source;
    list->sort_col = kind ? kind->default_col : -1;
    return list;
}

/* Free a list made by vd_list_new(). */
void
vd_list_free(vd_list *list)
{
    if (!list)
        return;
    for (size_t i = 0; i < list->nmarks; i++)
        free(list->marks[i]);
    free(list->marks);
    free(list->rows);
    free(list);
}

/* Rebuild list when its inputs changed; true when it did. */
bool
vd_list_refresh(vd_app *app, vd_list *list)
{
    unsigned long long key = inputs_key(app);

    if (list->built && list->key == key && list->built_gen == list->gen)
        return false;
    rebuild(app, VD_PANE_DOMAINS, list);
    list->key = key;
    list->built_gen = list->gen;
    list->built = true;
    return true;
}

/* The widest name of the rows. */
int
vd_list_name_width(const vd_list *list, int lo, int hi)
{
    int w = lo;

    for (size_t i = 0; list && i < list->n && w < hi; i++) {
        int tw = list->rows[i].name ? vd_text_width(list->rows[i].name) : 0;

        if (tw > w)
            w = tw;
    }
    return w < hi ? w : hi;
}
