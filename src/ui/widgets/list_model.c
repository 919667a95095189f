/*
 * list_model.c: rows, sort, filter, marks and cursor of the list
 * component (list_model.h). No curses, no app: unit-tested.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ui/widgets/list_model.h"

/* A new list. */
vd_list *
vd_list_new(const vd_list_kind *kind, vd_row_source_fn source)
{
    vd_list *list = calloc(1, sizeof(*list));

    if (!list)
        return NULL;
    list->kind = kind;
    list->source = source;
    list->sort_col = kind ? kind->default_col : -1;
    list->cur = &list->own;
    list->hdr_y = -1;
    list->name_w = -1;
    return list;
}

/* Free a list. */
void
vd_list_free(vd_list *list)
{
    if (!list)
        return;
    vd_list_marks_clear(list);
    free(list->rows);
    free(list);
}

/* Forget the rows before the source adds them again. */
void
vd_list_begin(vd_list *list)
{
    list->n = 0;
    list->total = 0;
}

/* Add a row (dropped when out of memory). */
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
    list->rows[list->n].uuid = uuid ? uuid : "";
    list->rows[list->n].name = name ? name : "";
    list->n++;
}

/* Whether one filter term matches row. */
static bool
term_matches(const vd_list *list, const void *ctx, const vd_row *row,
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
            return list->kind->match(ctx, row, key, colon + 1);
        return false;
    }
    return strcasestr(row->name, term) != NULL;
}

/* Whether row passes every term of the filter. */
bool
vd_list_filter_matches(const vd_list *list, const void *ctx, const vd_row *row)
{
    char buf[256], *save = NULL;

    if (!list->filter[0])
        return true;
    snprintf(buf, sizeof(buf), "%s", list->filter);
    for (char *t = strtok_r(buf, " \t", &save); t; t = strtok_r(NULL, " \t", &save))
        if (!term_matches(list, ctx, row, t))
            return false;
    return true;
}

/* The list qsort is sorting (qsort has no context; the UI is one
 * thread). */
static const vd_list *sorting;

/* qsort comparator: the sort column, then name, UUID and host. */
static int
row_cmp(const void *pa, const void *pb)
{
    const vd_row *a = pa, *b = pb;
    const vd_list *l = sorting;
    int c = 0;

    if (vd_list_sortable(l, l->sort_col)) {
        c = l->kind->cmp[l->sort_col](a, b);
        if (l->kind->desc[l->sort_col])
            c = -c;
    }
    if (c == 0)
        c = strcasecmp(a->name, b->name);
    if (c == 0)
        c = strcmp(a->name, b->name);
    if (c == 0)
        c = strcmp(a->uuid, b->uuid);
    if (c == 0)                 /* one UUID on two hosts */
        c = a->host < b->host ? -1 : a->host > b->host;
    return l->reverse ? -c : c;
}

/* Filter and sort the rows the source added, once; then the cursor
 * goes back to its object. */
void
vd_list_finish(vd_list *list, const void *ctx)
{
    size_t j = 0;

    list->total = list->n;
    for (size_t i = 0; i < list->n; i++)
        if (vd_list_filter_matches(list, ctx, &list->rows[i]))
            list->rows[j++] = list->rows[i];
    list->n = j;
    if (list->kind && list->n > 1) {
        sorting = list;
        qsort(list->rows, list->n, sizeof(list->rows[0]), row_cmp);
        sorting = NULL;
    }
    list->builds++;
    vd_list_retrack(list);
}

/* Give list a kind. */
bool
vd_list_kind_set(vd_list *list, const vd_list_kind *kind)
{
    if (list->kind == kind)
        return false;
    list->kind = kind;
    if (kind && (list->sort_col < 0 || (size_t)list->sort_col >= kind->ncols))
        list->sort_col = kind->default_col;
    list->gen++;
    return true;
}

/* Whether column c of list sorts. */
bool
vd_list_sortable(const vd_list *list, int c)
{
    return list && list->kind && c >= 0 && (size_t)c < list->kind->ncols &&
           c < VD_LIST_MAXCOLS && list->kind->cmp[c];
}

/* Sort by column col (again: reverse). */
bool
vd_list_sort_col(vd_list *list, int col)
{
    if (!vd_list_sortable(list, col))
        return false;
    list->reverse = list->sort_col == col ? !list->reverse : false;
    list->sort_col = col;
    list->gen++;
    return true;
}

/* The next / previous sortable column. */
bool
vd_list_sort_next(vd_list *list, int dir)
{
    int n, c;

    if (!list->kind || (n = (int)list->kind->ncols) == 0)
        return false;
    c = list->sort_col < 0 ? (dir > 0 ? -1 : 0) : list->sort_col;
    for (int k = 0; k < n; k++) {
        c = (c + (dir > 0 ? 1 : n - 1) + n) % n;
        if (vd_list_sortable(list, c)) {
            list->sort_col = c;
            list->reverse = false;
            list->gen++;
            return true;
        }
    }
    return false;
}

/* Reverse the order. */
void
vd_list_sort_flip(vd_list *list)
{
    list->reverse = !list->reverse;
    list->gen++;
}

/* What the list is sorted by, in words. */
const char *
vd_list_sort_text(const vd_list *list, char *buf, size_t len)
{
    const char *name;

    buf[0] = '\0';
    if (!vd_list_sortable(list, list->sort_col))
        return buf;
    name = list->kind->names[list->sort_col];
    snprintf(buf, len, "%s%s", name ? name : "?",
             list->reverse ? ", reversed" : "");
    return buf;
}

/* Set the filter. */
void
vd_list_filter_set(vd_list *list, const char *filter)
{
    snprintf(list->filter, sizeof(list->filter), "%s", filter ? filter : "");
    list->gen++;
}

/* A row's mark: its host and UUID. */
static void
mark_key(const vd_row *row, char *buf, size_t len)
{
    snprintf(buf, len, "%zu %s", row->host, row->uuid ? row->uuid : "");
}

/* Whether row is marked. */
bool
vd_list_marked(const vd_list *list, const vd_row *row)
{
    char key[VD_UUID_LEN + 32];

    if (list->nmarks == 0)
        return false;
    mark_key(row, key, sizeof(key));
    for (size_t i = 0; i < list->nmarks; i++)
        if (strcmp(list->marks[i], key) == 0)
            return true;
    return false;
}

/* Mark or unmark row. */
bool
vd_list_mark_toggle(vd_list *list, const vd_row *row)
{
    char key[VD_UUID_LEN + 32], **nm, *copy;

    if (!row || !row->uuid || !*row->uuid)
        return false;
    mark_key(row, key, sizeof(key));
    for (size_t i = 0; i < list->nmarks; i++) {
        if (strcmp(list->marks[i], key) == 0) {
            free(list->marks[i]);
            list->marks[i] = list->marks[--list->nmarks];
            return true;
        }
    }
    if (!(copy = strdup(key)))
        return false;
    if (!(nm = realloc(list->marks, (list->nmarks + 1) * sizeof(*nm)))) {
        free(copy);
        return false;
    }
    list->marks = nm;
    list->marks[list->nmarks++] = copy;
    return true;
}

/* Unmark every row. */
void
vd_list_marks_clear(vd_list *list)
{
    for (size_t i = 0; i < list->nmarks; i++)
        free(list->marks[i]);
    free(list->marks);
    list->marks = NULL;
    list->nmarks = 0;
}

/* The marked rows shown, in row order. */
size_t
vd_list_marked_rows_in(const vd_list *list, const vd_row **out, size_t max)
{
    size_t n = 0;

    if (!list || list->nmarks == 0)
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

/* The cursor's row. */
const vd_row *
vd_list_cursor_row(const vd_list *list)
{
    return list->cur->cursor < list->n ? &list->rows[list->cur->cursor] : NULL;
}

/* Put the cursor on row i. */
void
vd_list_select(vd_list *list, size_t i)
{
    vd_list_cursor *c = list->cur;

    if (list->n == 0) {
        c->cursor = 0;
        c->top = 0;
        return;
    }
    c->cursor = i < list->n ? i : list->n - 1;
    snprintf(c->uuid, sizeof(c->uuid), "%s", list->rows[c->cursor].uuid);
    c->host = list->rows[c->cursor].host;
}

/* Where a move leads. */
size_t
vd_list_move_index(size_t cursor, size_t count, vd_list_move_kind how,
                   size_t page)
{
    size_t last = count ? count - 1 : 0, to = cursor;

    if (page == 0)
        page = 1;
    switch (how) {
    case VD_MOVE_UP:
        to = cursor ? cursor - 1 : 0;
        break;
    case VD_MOVE_DOWN:
        to = cursor + 1;
        break;
    case VD_MOVE_PAGE_UP:
        to = cursor > page ? cursor - page : 0;
        break;
    case VD_MOVE_PAGE_DOWN:
        to = cursor + page;
        break;
    case VD_MOVE_HOME:
        to = 0;
        break;
    case VD_MOVE_END:
        to = last;
        break;
    case VD_MOVE_WHEEL_UP:
        to = cursor >= VD_LIST_WHEEL_ROWS ? cursor - VD_LIST_WHEEL_ROWS : 0;
        break;
    case VD_MOVE_WHEEL_DOWN:
        to = cursor + VD_LIST_WHEEL_ROWS;
        break;
    }
    return to > last ? last : to;
}

/* Move the cursor. */
bool
vd_list_move(vd_list *list, vd_list_move_kind how, size_t page)
{
    size_t old = list->cur->cursor;

    if (list->n == 0)
        return false;
    vd_list_select(list, vd_list_move_index(old, list->n, how, page));
    return list->cur->cursor != old;
}

/* Put the cursor back on its object after a rebuild. */
void
vd_list_retrack(vd_list *list)
{
    vd_list_cursor *sel = list->cur;

    if (list->n == 0) {
        sel->cursor = 0;
        sel->top = 0;
        return;
    }
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
    vd_list_select(list, sel->cursor);
}

/* Scroll sel so that its cursor is visible. */
void
vd_sel_fit(vd_list_cursor *sel, size_t count, size_t page)
{
    if (page == 0)
        page = 1;
    if (count == 0) {
        sel->cursor = 0;
        sel->top = 0;
        return;
    }
    if (sel->cursor >= count)
        sel->cursor = count - 1;
    if (sel->cursor < sel->top)
        sel->top = sel->cursor;
    if (sel->cursor >= sel->top + page)
        sel->top = sel->cursor - page + 1;
    /* No blank rows at the bottom while there are rows above. */
    if (count >= page && sel->top > count - page)
        sel->top = count - page;
    else if (count < page)
        sel->top = 0;
}

/* Remember where the header's titles are. */
void
vd_list_header_place(vd_list *list, int y, size_t ncols, const int *x0,
                     const int *x1)
{
    list->hdr_y = y;
    list->nh = ncols < VD_LIST_MAXCOLS ? ncols : VD_LIST_MAXCOLS;
    for (size_t i = 0; i < list->nh; i++) {
        list->hx0[i] = x0[i];
        list->hx1[i] = x1[i];
    }
}

/* The sortable column titled at (y, x). */
int
vd_list_header_col(const vd_list *list, int y, int x)
{
    if (!list->kind || y != list->hdr_y)
        return -1;
    for (size_t i = 0; i < list->nh; i++)
        if (list->hx0[i] >= 0 && x >= list->hx0[i] && x < list->hx1[i] + 1 &&
            vd_list_sortable(list, (int)i))
            return (int)i;
    return -1;
}
