/*
 * form.c: the form engine (see form.h): fields, validation as typed,
 * pages, scrolling, and the form's view.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ui/widgets/dialog.h"
#include "ui/widgets/draw.h"
#include "ui/widgets/form.h"
#include "ui/widgets/lineedit.h"
#include "ui/widgets/table.h"

#define LABEL_MAX 24            /* widest label column */
#define VALUE_MAX 60            /* widest value column */
#define MAX_HITS 32

/* ASCII lower case of c (other characters unchanged). */
static int
tolower_ascii(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 'a' - 'A' : c;
}

struct vd_field {
    vd_form *form;
    vd_field_type type;
    char *id;
    char *label;
    char *unit;
    char *help;
    int page;
    vd_line line;               /* text, number, password; list: search */
    char **items;               /* choice, list: labels */
    char **values;              /* choice, list: values */
    size_t nitems;
    long index;                 /* chosen item, -1 none */
    size_t *shown;              /* list: items matching the search */
    size_t nshown;
    size_t ltop;                /* list: first shown row */
    int rows;                   /* list: rows shown */
    bool checked;
    bool hidden;
    bool touched;               /* edited by the user */
    bool ranged;
    long long min, max;
    vd_field_check_fn check;
    void *check_ctx;
    vd_field_press_fn press;    /* button: its own action (no submit) */
    void *press_ctx;
    char err[256];              /* "" when valid */
    char ext_err[256];          /* error set from outside */
    int draw_y;                 /* screen row of the last draw, -1 hidden */
    int list_y;                 /* screen row of the list's first entry */
};

/* A click target of the last draw. */
typedef struct form_hit {
    int y, x0, x1;
    long code;                  /* focus target code (see targets()) */
} form_hit;

/* Focus targets besides fields: the page's implicit buttons. */
enum { BTN_NONE = 0, BTN_BACK, BTN_NEXT, BTN_SUBMIT };

struct vd_form {
    char *title;
    vd_field **fields;
    size_t nfields;
    char **pages;
    int npages;
    int page;
    vd_field *focus;            /* focused field, or NULL for a button */
    int focus_btn;              /* BTN_* when focus is NULL */
    bool show_errors[64];       /* per page: show every error */
    int scroll;                 /* first layout row shown */
    char *submit_label;
    void *ctx;
    void (*ctx_free)(void *ctx);
    vd_form_change_fn on_change;
    vd_form_page_fn on_page;
    vd_form_submit_fn on_submit;
    vd_form_cancel_fn on_cancel;
    vd_form_result_fn on_result;
    char msg[1024];
    vd_msg_kind msg_kind;
    bool busy;
    bool dirty;                 /* the user changed something */
    bool entered;               /* on_page ran for the first page */
    bool esc_back;              /* Esc: previous page (not on the first) */
    vd_view *view;
    vd_app *app;                /* set while shown */
    form_hit hits[MAX_HITS];    /* buttons of the last draw */
    size_t nhits;
};

/* ---- building ---- */

/* A new form. */
vd_form *
vd_form_new(const char *title)
{
    vd_form *f = calloc(1, sizeof(*f));

    if (!f)
        return NULL;
    f->title = strdup(title ? title : "");
    f->submit_label = strdup("Submit");
    if (!f->title || !f->submit_label) {
        vd_form_free(f);
        return NULL;
    }
    return f;
}

/* Free the items of a choice or list. */
static void
free_items(vd_field *fld)
{
    for (size_t i = 0; i < fld->nitems; i++) {
        free(fld->items[i]);
        free(fld->values[i]);
    }
    free(fld->items);
    free(fld->values);
    free(fld->shown);
    fld->items = fld->values = NULL;
    fld->shown = NULL;
    fld->nitems = fld->nshown = 0;
}

/* Free one field. */
static void
free_field(vd_field *fld)
{
    if (!fld)
        return;
    free(fld->id);
    free(fld->label);
    free(fld->unit);
    free(fld->help);
    vd_line_free(&fld->line);
    free_items(fld);
    free(fld);
}

/* Free a form. */
void
vd_form_free(vd_form *form)
{
    if (!form)
        return;
    for (size_t i = 0; i < form->nfields; i++)
        free_field(form->fields[i]);
    free(form->fields);
    for (int i = 0; i < form->npages; i++)
        free(form->pages[i]);
    free(form->pages);
    free(form->title);
    free(form->submit_label);
    if (form->ctx_free)
        form->ctx_free(form->ctx);
    free(form);
}

/* Start a new page. */
int
vd_form_page(vd_form *form, const char *title)
{
    char **np = realloc(form->pages, (size_t)(form->npages + 1) * sizeof(*np));

    if (!np)
        return form->npages - 1;
    form->pages = np;
    form->pages[form->npages] = strdup(title ? title : "");
    return form->npages++;
}

/* A new field of type on the current page. */
static vd_field *
add_field(vd_form *form, vd_field_type type, const char *id, const char *label)
{
    vd_field **nf;
    vd_field *fld;

    if (form->npages == 0 && vd_form_page(form, "") < 0)
        return NULL;
    if (!(fld = calloc(1, sizeof(*fld))))
        return NULL;
    if (!(nf = realloc(form->fields, (form->nfields + 1) * sizeof(*nf)))) {
        free(fld);
        return NULL;
    }
    form->fields = nf;
    fld->form = form;
    fld->type = type;
    fld->id = strdup(id ? id : "");
    fld->label = label ? strdup(label) : NULL;
    fld->page = form->npages - 1;
    fld->index = -1;
    fld->rows = 5;
    vd_line_init(&fld->line, "");
    form->fields[form->nfields++] = fld;
    return fld;
}

/* Text field. */
vd_field *
vd_form_text(vd_form *form, const char *id, const char *label,
             const char *initial)
{
    vd_field *fld = add_field(form, VD_FIELD_TEXT, id, label);

    if (fld)
        vd_line_set(&fld->line, initial);
    return fld;
}

/* Password field. */
vd_field *
vd_form_password(vd_form *form, const char *id, const char *label,
                 const char *initial)
{
    vd_field *fld = add_field(form, VD_FIELD_PASSWORD, id, label);

    if (fld)
        vd_line_set(&fld->line, initial);
    return fld;
}

/* Number field. */
vd_field *
vd_form_number(vd_form *form, const char *id, const char *label,
               long long initial, const char *unit)
{
    vd_field *fld = add_field(form, VD_FIELD_NUMBER, id, label);

    if (!fld)
        return NULL;
    fld->unit = unit ? strdup(unit) : NULL;
    vd_field_set_number(fld, initial);
    return fld;
}

/* Copy n strings (NULL entries as ""); NULL when out of memory. */
static char **
copy_strings(const char *const *src, size_t n)
{
    char **dst = calloc(n ? n : 1, sizeof(*dst));

    if (!dst)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        if (!(dst[i] = strdup(src[i] ? src[i] : ""))) {
            while (i-- > 0)
                free(dst[i]);
            free(dst);
            return NULL;
        }
    }
    return dst;
}

/* How well word w matches a label: 3 when it is one of its words
 * (split at blanks, brackets and commas), 2 when a word starts with it,
 * 1 when it is inside, 0 not at all. Case is ignored. */
static int
word_score(const char *label, const char *w)
{
    size_t wl = strlen(w);
    int best = strcasestr(label, w) ? 1 : 0;

    for (const char *p = label; best && *p; ) {
        size_t tl;

        p += strspn(p, " \t(),");
        tl = strcspn(p, " \t(),");
        if (tl >= wl && strncasecmp(p, w, wl) == 0)
            best = tl == wl ? 3 : (best > 2 ? best : 2);
        p += tl;
    }
    return best;
}

/* How well item i of a list matches every blank-separated word of q
 * (in its label or its value): -1 when a word is missing, else the sum
 * of the words' scores, so "centos 7" puts CentOS 7 before CentOS 5.7. */
static int
item_score(const vd_field *fld, size_t i, const char *q)
{
    char buf[256], *save = NULL;
    int score = 0;

    snprintf(buf, sizeof(buf), "%s", q);
    for (char *w = strtok_r(buf, " \t", &save); w; w = strtok_r(NULL, " \t", &save)) {
        int s = word_score(fld->items[i], w);
        int v = strcasestr(fld->values[i], w) ? 1 : 0;

        if (!s && !v)
            return -1;
        score += s > v ? s : v;
    }
    return score;
}

/* An item's place in a filtered list: best score first, then the
 * list's own order. */
typedef struct ranked {
    int score;
    size_t index;
} ranked;

/* qsort comparator of ranked items. */
static int
ranked_cmp(const void *a, const void *b)
{
    const ranked *x = a, *y = b;

    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

/* Recompute which list items match the search line. */
static void
filter_list(vd_field *fld)
{
    const char *q = fld->line.buf ? fld->line.buf : "";
    ranked *r = *q ? calloc(fld->nitems ? fld->nitems : 1, sizeof(*r)) : NULL;
    size_t n = 0;
    bool keep = false;

    fld->nshown = 0;
    for (size_t i = 0; i < fld->nitems; i++) {
        int score = *q ? item_score(fld, i, q) : 0;

        if (score < 0)
            continue;
        if (r) {
            r[n].score = score;
            r[n++].index = i;
        }
        fld->shown[fld->nshown++] = i;
        if ((long)i == fld->index)
            keep = true;
    }
    if (r) {                    /* out of memory: the list's order */
        qsort(r, n, sizeof(*r), ranked_cmp);
        for (size_t i = 0; i < n; i++)
            fld->shown[i] = r[i].index;
        free(r);
    }
    /* While searching, the choice follows the first match. */
    if (fld->type == VD_FIELD_LIST && *q && !keep)
        fld->index = fld->nshown ? (long)fld->shown[0] : -1;
    fld->ltop = 0;
}

/* Replace a choice's or list's entries. */
void
vd_field_set_items(vd_field *fld, const char *const *labels,
                   const char *const *values, size_t n)
{
    char *old = NULL;
    char **nl, **nv;
    size_t *ns;

    if (fld->index >= 0 && (size_t)fld->index < fld->nitems)
        old = strdup(fld->values[fld->index]);
    nl = copy_strings(labels, n);
    nv = copy_strings(values ? values : labels, n);
    ns = calloc(n ? n : 1, sizeof(*ns));
    if (!nl || !nv || !ns) {
        for (size_t i = 0; nl && i < n; i++)
            free(nl[i]);
        for (size_t i = 0; nv && i < n; i++)
            free(nv[i]);
        free(nl);
        free(nv);
        free(ns);
        free(old);
        return;
    }
    free_items(fld);
    fld->items = nl;
    fld->values = nv;
    fld->shown = ns;
    fld->nitems = n;
    fld->index = fld->type == VD_FIELD_CHOICE && n ? 0 : -1;
    if (old) {
        for (size_t i = 0; i < n; i++)
            if (strcmp(nv[i], old) == 0)
                fld->index = (long)i;
        free(old);
    }
    filter_list(fld);
}

/* Choice field. */
vd_field *
vd_form_choice(vd_form *form, const char *id, const char *label,
               const char *const *choices, const char *const *values,
               size_t n, size_t initial)
{
    vd_field *fld = add_field(form, VD_FIELD_CHOICE, id, label);

    if (!fld)
        return NULL;
    vd_field_set_items(fld, choices, values, n);
    if (initial < n)
        fld->index = (long)initial;
    return fld;
}

/* Checkbox. */
vd_field *
vd_form_check(vd_form *form, const char *id, const char *label, bool initial)
{
    vd_field *fld = add_field(form, VD_FIELD_CHECK, id, label);

    if (fld)
        fld->checked = initial;
    return fld;
}

/* Read-only text. */
vd_field *
vd_form_label(vd_form *form, const char *id, const char *label,
              const char *text)
{
    vd_field *fld = add_field(form, VD_FIELD_LABEL, id, label);

    if (fld)
        vd_line_set(&fld->line, text);
    return fld;
}

/* Searchable list. */
vd_field *
vd_form_list(vd_form *form, const char *id, const char *label, int rows)
{
    vd_field *fld = add_field(form, VD_FIELD_LIST, id, label);

    if (!fld)
        return NULL;
    fld->rows = rows > 0 ? rows : 5;
    vd_field_set_items(fld, NULL, NULL, 0);
    return fld;
}

/* Button. */
vd_field *
vd_form_button(vd_form *form, const char *id, const char *label)
{
    return add_field(form, VD_FIELD_BUTTON, id, label);
}

/* Callbacks. */
void
vd_form_set_ctx(vd_form *form, void *ctx, void (*ctx_free)(void *ctx))
{
    form->ctx = ctx;
    form->ctx_free = ctx_free;
}

void *vd_form_ctx(const vd_form *form) { return form->ctx; }
void vd_form_on_change(vd_form *form, vd_form_change_fn fn) { form->on_change = fn; }
void vd_form_on_page(vd_form *form, vd_form_page_fn fn) { form->on_page = fn; }
void vd_form_on_submit(vd_form *form, vd_form_submit_fn fn) { form->on_submit = fn; }
void vd_form_on_cancel(vd_form *form, vd_form_cancel_fn fn) { form->on_cancel = fn; }
void vd_form_on_result(vd_form *form, vd_form_result_fn fn) { form->on_result = fn; }

void
vd_form_set_esc_back(vd_form *form, bool back)
{
    form->esc_back = back;
}

/* The implicit submit button's label. */
void
vd_form_set_submit_label(vd_form *form, const char *label)
{
    char *l = strdup(label ? label : "Submit");

    if (!l)
        return;
    free(form->submit_label);
    form->submit_label = l;
}

/* ---- fields ---- */

void
vd_field_validate(vd_field *fld, vd_field_check_fn fn, void *ctx)
{
    fld->check = fn;
    fld->check_ctx = ctx;
}

void
vd_field_on_press(vd_field *fld, vd_field_press_fn fn, void *ctx)
{
    fld->press = fn;
    fld->press_ctx = ctx;
}

void
vd_field_range(vd_field *fld, long long min, long long max)
{
    fld->ranged = true;
    fld->min = min;
    fld->max = max;
}

void
vd_field_set_help(vd_field *fld, const char *help)
{
    free(fld->help);
    fld->help = help ? strdup(help) : NULL;
}

bool vd_field_hidden(const vd_field *fld) { return fld->hidden; }
const char *vd_field_id(const vd_field *fld) { return fld->id; }
vd_field_type vd_field_get_type(const vd_field *fld) { return fld->type; }
bool vd_field_checked(const vd_field *fld) { return fld->checked; }
long vd_field_index(const vd_field *fld) { return fld->index; }

/* Whether the field can take the focus. */
static bool
focusable(const vd_field *fld)
{
    return !fld->hidden && fld->type != VD_FIELD_LABEL;
}

/* Hide or show a field. */
void
vd_field_set_hidden(vd_field *fld, bool hidden)
{
    vd_form *f = fld->form;

    fld->hidden = hidden;
    if (hidden && f->focus == fld)
        f->focus = NULL;        /* fixed by the next draw/key (fix_focus) */
}

/* Set the value from text. */
void
vd_field_set_value(vd_field *fld, const char *value)
{
    if (!value)
        value = "";
    switch (fld->type) {
    case VD_FIELD_TEXT:
    case VD_FIELD_NUMBER:
    case VD_FIELD_PASSWORD:
    case VD_FIELD_LABEL:
        vd_line_set(&fld->line, value);
        break;
    case VD_FIELD_CHOICE:
    case VD_FIELD_LIST:
        for (size_t i = 0; i < fld->nitems; i++) {
            if (strcmp(fld->values[i], value) == 0) {
                fld->index = (long)i;
                break;
            }
        }
        break;
    case VD_FIELD_CHECK:
        fld->checked = strcmp(value, "1") == 0 || strcasecmp(value, "yes") == 0 ||
                       strcasecmp(value, "true") == 0;
        break;
    case VD_FIELD_BUTTON:
        break;
    }
    fld->ext_err[0] = '\0';
}

void
vd_field_set_number(vd_field *fld, long long value)
{
    char buf[32];

    snprintf(buf, sizeof(buf), "%lld", value);
    vd_field_set_value(fld, buf);
}

void
vd_field_set_checked(vd_field *fld, bool checked)
{
    fld->checked = checked;
}

void
vd_field_set_error(vd_field *fld, const char *msg)
{
    snprintf(fld->ext_err, sizeof(fld->ext_err), "%s", msg ? msg : "");
    if (msg)
        snprintf(fld->err, sizeof(fld->err), "%s", msg);
    fld->touched = true;
    if (fld->form->app)
        fld->form->app->dirty = true;
}

/* The current value. */
const char *
vd_field_value(const vd_field *fld)
{
    switch (fld->type) {
    case VD_FIELD_CHOICE:
    case VD_FIELD_LIST:
        if (fld->index < 0 || (size_t)fld->index >= fld->nitems)
            return "";
        return fld->values[fld->index];
    case VD_FIELD_CHECK:
        return fld->checked ? "1" : "0";
    case VD_FIELD_BUTTON:
        return fld->label ? fld->label : "";
    case VD_FIELD_TEXT:
    case VD_FIELD_NUMBER:
    case VD_FIELD_PASSWORD:
    case VD_FIELD_LABEL:
        break;
    }
    return fld->line.buf ? fld->line.buf : "";
}

/* Parse a number field; false when it is not an integer. */
static bool
parse_number(const vd_field *fld, long long *out)
{
    const char *s = vd_field_value(fld);
    char *end;

    while (*s == ' ')
        s++;
    if (!*s)
        return false;
    errno = 0;
    *out = strtoll(s, &end, 10);
    while (*end == ' ')
        end++;
    return errno == 0 && *end == '\0';
}

long long
vd_field_number(const vd_field *fld)
{
    long long v;

    return parse_number(fld, &v) ? v : 0;
}

bool
vd_field_touched(const vd_field *fld)
{
    return fld->touched;
}

const char *
vd_field_error(const vd_field *fld)
{
    return fld->err[0] ? fld->err : NULL;
}

vd_field *
vd_form_field(const vd_form *form, const char *id)
{
    for (size_t i = 0; i < form->nfields; i++)
        if (strcmp(form->fields[i]->id, id) == 0)
            return form->fields[i];
    return NULL;
}

const char *
vd_form_value(const vd_form *form, const char *id)
{
    vd_field *fld = vd_form_field(form, id);

    return fld ? vd_field_value(fld) : "";
}

long long
vd_form_number_value(const vd_form *form, const char *id)
{
    vd_field *fld = vd_form_field(form, id);

    return fld ? vd_field_number(fld) : 0;
}

bool
vd_form_checked(const vd_form *form, const char *id)
{
    vd_field *fld = vd_form_field(form, id);

    return fld && fld->checked;
}

/* ---- validation ---- */

/* Check one field; true when valid. */
static bool
check_field(vd_form *form, vd_field *fld)
{
    long long v;

    fld->err[0] = '\0';
    if (fld->hidden || fld->type == VD_FIELD_LABEL || fld->type == VD_FIELD_BUTTON)
        return true;
    if (fld->ext_err[0]) {
        snprintf(fld->err, sizeof(fld->err), "%s", fld->ext_err);
        return false;
    }
    if (fld->type == VD_FIELD_NUMBER) {
        if (!parse_number(fld, &v)) {
            snprintf(fld->err, sizeof(fld->err), "%s", "Enter a whole number");
            return false;
        }
        if (fld->ranged && (v < fld->min || v > fld->max)) {
            snprintf(fld->err, sizeof(fld->err), "Enter a number from %lld to %lld%s%s",
                     fld->min, fld->max, fld->unit ? " " : "",
                     fld->unit ? fld->unit : "");
            return false;
        }
    }
    if (fld->check &&
        !fld->check(form, fld, vd_field_value(fld), fld->err, sizeof(fld->err),
                    fld->check_ctx)) {
        if (!fld->err[0])
            snprintf(fld->err, sizeof(fld->err), "%s", "Not valid");
        return false;
    }
    fld->err[0] = '\0';
    return true;
}

/* Check every field; returns the first invalid one on page (page < 0:
 * any page), or NULL. */
static vd_field *
check_all(vd_form *form, int page)
{
    vd_field *bad = NULL;

    for (size_t i = 0; i < form->nfields; i++) {
        vd_field *fld = form->fields[i];

        if (!check_field(form, fld) && !bad && (page < 0 || fld->page == page))
            bad = fld;
    }
    return bad;
}

void
vd_form_revalidate(vd_form *form)
{
    check_all(form, -1);
    if (form->app)
        form->app->dirty = true;
}

bool
vd_form_valid(vd_form *form)
{
    return check_all(form, -1) == NULL;
}

/* ---- focus ---- */

/* The focus targets of the current page, in order: fields, then the
 * implicit buttons. Targets are encoded as field index + 1, or
 * -BTN_x. Returns how many. */
static size_t
targets(const vd_form *form, long *out, size_t max)
{
    size_t n = 0;
    bool own_buttons = false;

    for (size_t i = 0; i < form->nfields && n < max; i++) {
        const vd_field *fld = form->fields[i];

        if (fld->page != form->page || !focusable(fld))
            continue;
        if (fld->type == VD_FIELD_BUTTON)
            own_buttons = true;
        out[n++] = (long)i + 1;
    }
    if (form->page > 0 && n < max)
        out[n++] = -BTN_BACK;
    if (form->page < form->npages - 1 && n < max)
        out[n++] = -BTN_NEXT;
    else if (!own_buttons && n < max)
        out[n++] = -BTN_SUBMIT;
    return n;
}

/* The current focus as a target code. */
static long
focus_code(const vd_form *form)
{
    if (form->focus) {
        for (size_t i = 0; i < form->nfields; i++)
            if (form->fields[i] == form->focus)
                return (long)i + 1;
    }
    return -form->focus_btn;
}

/* Focus the target code. */
static void
set_focus_code(vd_form *form, long code)
{
    if (code > 0) {
        form->focus = form->fields[code - 1];
        form->focus_btn = BTN_NONE;
    } else {
        form->focus = NULL;
        form->focus_btn = (int)-code;
    }
}

/* Make sure the focus is on a target of the current page. */
static void
fix_focus(vd_form *form)
{
    long t[256];
    size_t n = targets(form, t, 256);
    long cur = focus_code(form);

    for (size_t i = 0; i < n; i++)
        if (t[i] == cur)
            return;
    if (n)
        set_focus_code(form, t[0]);
}

/* Move the focus by dir (+1 / -1) among the page's targets. */
static void
move_focus(vd_form *form, int dir)
{
    long t[256];
    size_t n = targets(form, t, 256);
    long cur = focus_code(form);
    size_t i;

    if (n == 0)
        return;
    for (i = 0; i < n && t[i] != cur; i++)
        ;
    if (i == n)
        i = 0;
    else
        i = (i + n + (size_t)(dir > 0 ? 1 : n - 1)) % n;
    set_focus_code(form, t[i]);
}

/* Enter page and tell the caller. */
static void
enter_page(vd_app *app, vd_form *form, int page)
{
    if (page < 0 || page >= form->npages)
        return;
    form->page = page;
    form->scroll = 0;
    form->focus = NULL;
    form->focus_btn = BTN_NONE;
    if (form->on_page)
        form->on_page(app, form, page, form->ctx);
    check_all(form, -1);
    fix_focus(form);
    app->dirty = true;
}

void
vd_form_goto_page(vd_app *app, vd_form *form, int page)
{
    enter_page(app, form, page);
}

int vd_form_current_page(const vd_form *form) { return form->page; }
int vd_form_npages(const vd_form *form) { return form->npages; }

void
vd_form_focus(vd_app *app, vd_form *form, vd_field *fld)
{
    if (fld->page != form->page)
        enter_page(app, form, fld->page);
    if (focusable(fld)) {
        form->focus = fld;
        form->focus_btn = BTN_NONE;
    }
    app->dirty = true;
}

/* ---- messages, busy, commands ---- */

void
vd_form_message(vd_form *form, vd_msg_kind kind, const char *fmt, ...)
{
    va_list ap;

    form->msg[0] = '\0';
    form->msg_kind = kind;
    if (fmt) {
        va_start(ap, fmt);
        vsnprintf(form->msg, sizeof(form->msg), fmt, ap);
        va_end(ap);
    }
    if (form->app)
        form->app->dirty = true;
}

void vd_form_set_busy(vd_form *form, bool busy) { form->busy = busy; }
bool vd_form_busy(const vd_form *form) { return form->busy; }
vd_view *vd_form_view(const vd_form *form) { return form->view; }

unsigned long long
vd_form_submit_cmd(vd_app *app, vd_form *form, size_t hi, vd_cmd *cmd)
{
    return vd_view_submit(app, form->view, hi, cmd);
}

/* ---- actions ---- */

/* Validate page (or all pages when all) and show the errors; false,
 * focusing the first bad field, when one is invalid. */
static bool
gate(vd_app *app, vd_form *form, bool all)
{
    vd_field *bad = check_all(form, all ? -1 : form->page);

    if (!bad)
        return true;
    if (bad->page >= 0 && bad->page < 64)
        form->show_errors[bad->page] = true;
    form->show_errors[form->page] = true;
    vd_form_focus(app, form, bad);
    vd_form_message(form, VD_MSG_ERROR, "Fix the marked field first: %s",
                    bad->label ? bad->label : bad->id);
    return false;
}

/* Submit with button id (NULL: the default). */
static void
submit(vd_app *app, vd_form *form, const char *button)
{
    if (form->busy) {
        vd_form_message(form, VD_MSG_BUSY, "Still working; wait for the answer");
        return;
    }
    if (!gate(app, form, true))
        return;
    vd_form_message(form, VD_MSG_INFO, NULL);
    if (form->on_submit)
        form->on_submit(app, form, button, form->ctx);
    else
        vd_form_close(app, form);
}

/* A button was pressed: its own action, else submit with its id. */
static void
press(vd_app *app, vd_form *form, vd_field *fld)
{
    if (fld->press) {
        vd_form_message(form, VD_MSG_INFO, NULL);
        fld->press(app, form, fld, fld->press_ctx);
        app->dirty = true;
        return;
    }
    submit(app, form, fld->id);
}

/* Next page after validating this one, or submit on the last. */
static void
advance(vd_app *app, vd_form *form)
{
    if (form->page < form->npages - 1) {
        if (gate(app, form, false)) {
            vd_form_message(form, VD_MSG_INFO, NULL);
            enter_page(app, form, form->page + 1);
        }
        return;
    }
    submit(app, form, NULL);
}

/* The user changed fld. */
static void
changed(vd_app *app, vd_form *form, vd_field *fld)
{
    fld->touched = true;
    fld->ext_err[0] = '\0';
    form->dirty = true;
    if (fld->type == VD_FIELD_LIST)
        filter_list(fld);
    if (form->on_change)
        form->on_change(app, form, fld, form->ctx);
    check_all(form, -1);
    fix_focus(form);
    app->dirty = true;
}

/* The picker of a choice answered. */
static void
picked(vd_app *app, long index, void *ctx)
{
    vd_form *form = ctx;
    vd_field *fld = form->focus;

    if (index < 0 || !fld || fld->type != VD_FIELD_CHOICE ||
        (size_t)index >= fld->nitems)
        return;
    fld->index = index;
    changed(app, form, fld);
}

/* Open the picker of the focused choice. */
static void
open_picker(vd_app *app, vd_form *form, vd_field *fld)
{
    vd_menu_item *items = calloc(fld->nitems ? fld->nitems : 1, sizeof(*items));

    if (!items)
        return;
    for (size_t i = 0; i < fld->nitems; i++)
        items[i].label = fld->items[i];
    vd_dialog_menu(app, fld->label ? fld->label : fld->id, items, fld->nitems,
                   fld->index, fld->nitems > 12, picked, form);
    free(items);
}

/* Cancel after the user said yes to losing the input. */
static void
cancel_answer(vd_app *app, bool yes, void *ctx)
{
    vd_form *form = ctx;

    if (!yes || !form->view || !vd_view_alive(app, form->view))
        return;
    if (form->on_cancel)
        form->on_cancel(app, form, form->ctx);
    vd_form_close(app, form);
}

/* Esc: close, asking first when the user typed something. */
static void
cancel(vd_app *app, vd_form *form)
{
    if (form->dirty) {
        vd_dialog_confirm(app, "Discard?", "Close this form and lose what "
                          "you entered? [y/N]", cancel_answer, form);
        return;
    }
    cancel_answer(app, true, form);
}

/* Keys of a list field; true when handled. */
static bool
list_key(vd_app *app, vd_form *form, vd_field *fld, int key)
{
    size_t pos = 0;
    bool found = false;

    for (size_t i = 0; i < fld->nshown; i++) {
        if ((long)fld->shown[i] == fld->index) {
            pos = i;
            found = true;
        }
    }
    if (key == VD_KEY(KEY_DOWN)) {
        if (fld->nshown == 0 || (found && pos + 1 >= fld->nshown))
            return false;       /* leave the list */
        fld->index = (long)fld->shown[found ? pos + 1 : 0];
        changed(app, form, fld);
        return true;
    }
    if (key == VD_KEY(KEY_UP)) {
        if (!found || pos == 0)
            return false;
        fld->index = (long)fld->shown[pos - 1];
        changed(app, form, fld);
        return true;
    }
    return false;
}

static bool form_key(vd_app *app, vd_view *v, int key);

/* A click: focus the field under it, press a button, choose a list
 * entry. */
static void
form_click(vd_app *app, vd_form *form)
{
    const MEVENT *ev = &app->mev;

    if (!(ev->bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)))
        return;
    for (size_t i = 0; i < form->nhits; i++) {
        const form_hit *h = &form->hits[i];

        if (ev->y == h->y && ev->x >= h->x0 && ev->x < h->x1) {
            set_focus_code(form, h->code);
            form_key(app, form->view, '\n');
            return;
        }
    }
    for (size_t i = 0; i < form->nfields; i++) {
        vd_field *fld = form->fields[i];

        if (fld->page != form->page || !focusable(fld) || fld->draw_y < 0)
            continue;
        if (fld->type == VD_FIELD_LIST && ev->y >= fld->list_y &&
            ev->y < fld->list_y + fld->rows) {
            size_t row = fld->ltop + (size_t)(ev->y - fld->list_y);

            form->focus = fld;
            form->focus_btn = BTN_NONE;
            if (row < fld->nshown) {
                fld->index = (long)fld->shown[row];
                changed(app, form, fld);
            }
            return;
        }
        if (ev->y == fld->draw_y) {
            form->focus = fld;
            form->focus_btn = BTN_NONE;
            app->dirty = true;
            return;
        }
    }
}

/* The form view's key handler. */
static bool
form_key(vd_app *app, vd_view *v, int key)
{
    vd_form *form = v->data;
    vd_field *fld;

    fix_focus(form);
    fld = form->focus;
    app->dirty = true;
    if (key == VD_KEY(KEY_MOUSE)) {
        form_click(app, form);
        return true;
    }
    if (key == 27) {
        if (form->esc_back && form->page > 0)
            enter_page(app, form, form->page - 1);
        else
            cancel(app, form);
        return true;
    }
    if (key == '\t') {
        move_focus(form, 1);
        return true;
    }
    if (key == VD_KEY(KEY_BTAB)) {
        move_focus(form, -1);
        return true;
    }
    if (fld && fld->type == VD_FIELD_LIST && list_key(app, form, fld, key))
        return true;
    if (key == VD_KEY(KEY_DOWN)) {
        /* down from the last field goes to the button that goes on,
         * never to "< Back" (Enter would then undo the page) */
        move_focus(form, 1);
        if (fld && !form->focus && form->focus_btn == BTN_BACK)
            move_focus(form, 1);
        return true;
    }
    if (key == VD_KEY(KEY_UP)) {
        move_focus(form, -1);
        return true;
    }
    if (key == VD_KEY(KEY_NPAGE)) {
        advance(app, form);
        return true;
    }
    if (key == VD_KEY(KEY_PPAGE)) {
        if (form->page > 0)
            enter_page(app, form, form->page - 1);
        return true;
    }
    if (key == '\n') {
        if (!fld) {
            switch (form->focus_btn) {
            case BTN_BACK:
                enter_page(app, form, form->page - 1);
                break;
            case BTN_NEXT:
                advance(app, form);
                break;
            default:
                submit(app, form, NULL);
                break;
            }
        } else if (fld->type == VD_FIELD_BUTTON) {
            press(app, form, fld);
        } else {
            advance(app, form);
        }
        return true;
    }
    if (!fld)
        return key != 'q' && key != '?' && key != VD_KEY(KEY_F(1)) ? true : false;
    switch (fld->type) {
    case VD_FIELD_CHOICE:
        if (key == VD_KEY(KEY_LEFT) || key == VD_KEY(KEY_RIGHT)) {
            if (fld->nitems) {
                long n = (long)fld->nitems;

                fld->index = (fld->index + (key == VD_KEY(KEY_RIGHT) ? 1 : n - 1)) % n;
                changed(app, form, fld);
            }
            return true;
        }
        if (key == ' ' || key == VD_KEY(KEY_F(4))) {
            open_picker(app, form, fld);
            return true;
        }
        /* A letter jumps to the next choice starting with it. */
        for (size_t k = 1; k <= fld->nitems && key < 128 && key > ' '; k++) {
            size_t i = ((size_t)(fld->index < 0 ? 0 : fld->index) + k) % fld->nitems;

            if (tolower_ascii(fld->items[i][0]) == tolower_ascii(key)) {
                fld->index = (long)i;
                changed(app, form, fld);
                return true;
            }
        }
        return key != '?' && key != VD_KEY(KEY_F(1));
    case VD_FIELD_CHECK:
        if (key == ' ' || key == 'x' || key == VD_KEY(KEY_LEFT) ||
            key == VD_KEY(KEY_RIGHT)) {
            fld->checked = !fld->checked;
            changed(app, form, fld);
        }
        return key != '?' && key != VD_KEY(KEY_F(1));
    case VD_FIELD_BUTTON:
        if (key == ' ')
            press(app, form, fld);
        return key != '?' && key != VD_KEY(KEY_F(1));
    case VD_FIELD_TEXT:
    case VD_FIELD_NUMBER:
    case VD_FIELD_PASSWORD:
    case VD_FIELD_LIST:
        switch (vd_line_key(&fld->line, key)) {
        case VD_LINE_CHANGED:
            changed(app, form, fld);
            return true;
        case VD_LINE_MOVED:
            return true;
        case VD_LINE_IGNORED:
            break;
        }
        return false;
    case VD_FIELD_LABEL:
        break;
    }
    return false;
}

/* ---- drawing ---- */

/* Rows a field takes (without its error and help lines). */
static int
field_rows(const vd_field *fld)
{
    int n = 1;

    if (fld->type == VD_FIELD_LIST)
        return 1 + fld->rows;
    if (fld->type == VD_FIELD_LABEL && fld->line.buf)
        for (const char *p = fld->line.buf; *p; p++)
            n += *p == '\n';
    return n;
}

/* Whether fld's error is shown. */
static bool
error_shown(const vd_form *form, const vd_field *fld)
{
    return fld->err[0] && (fld->touched || fld->ext_err[0] ||
                           (fld->page < 64 && form->show_errors[fld->page]));
}

/* Rows fld takes with its error and help lines. */
static int
field_height(const vd_form *form, const vd_field *fld)
{
    int n = field_rows(fld);

    if (error_shown(form, fld))
        n++;
    if (fld->help && form->focus == fld)
        n++;
    return n;
}

/* Draw a label field's lines from row y. */
static void
draw_label_text(const vd_field *fld, int y, int x, int w, int maxy)
{
    const char *p = fld->line.buf ? fld->line.buf : "";

    while (y < maxy) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        char *row = strndup(p, len);

        if (row) {
            vd_draw_text(y, x, w, row, vd_role_attr(VD_ROLE_NORMAL));
            free(row);
        }
        if (!nl)
            break;
        p = nl + 1;
        y++;
    }
}

/* Draw a list field's entries. */
static void
draw_list(vd_form *form, vd_field *fld, int y, int x, int w, int miny, int maxy)
{
    bool focused = form->focus == fld;
    size_t pos = 0;

    for (size_t i = 0; i < fld->nshown; i++)
        if ((long)fld->shown[i] == fld->index)
            pos = i;
    if (pos < fld->ltop)
        fld->ltop = pos;
    if (pos >= fld->ltop + (size_t)fld->rows)
        fld->ltop = pos - (size_t)fld->rows + 1;
    fld->list_y = y;
    for (int r = 0; r < fld->rows; r++) {
        size_t i = fld->ltop + (size_t)r;
        bool chosen;
        attr_t a;

        if (y + r < miny || y + r >= maxy)
            continue;
        if (i >= fld->nshown) {
            if (r == 0)
                vd_draw_text(y, x + 2, w - 2, fld->nitems ? "(no match)" : "(empty)",
                             vd_role_attr(VD_ROLE_DIM));
            continue;
        }
        chosen = (long)fld->shown[i] == fld->index;
        a = chosen ? vd_row_attr(true, focused, VD_ROLE_NORMAL) : vd_role_attr(VD_ROLE_NORMAL);
        vd_draw_fill(y + r, x, w, a);
        vd_draw_text(y + r, x, 2, chosen ? vd_glyph_str(VD_GLYPH_MARK) : " ", a);
        vd_draw_text(y + r, x + 2, w - 2, fld->items[fld->shown[i]], a);
    }
}

/* Draw one field at row y (rows outside [miny, maxy) are not drawn). */
static void
draw_field(vd_app *app, vd_form *form, vd_field *fld, int y, int lx, int lw,
           int vx, int vw, int miny, int maxy)
{
    bool focused = form->focus == fld;
    attr_t la = vd_role_attr(focused ? VD_ROLE_PANE_TITLE_FOCUS : VD_ROLE_NORMAL);
    attr_t fa = vd_role_attr(focused ? VD_ROLE_SELECTED : VD_ROLE_SELECTED_UNFOCUSED);
    int rows = field_rows(fld);
    char buf[512];
    int cx;

    fld->draw_y = y >= miny && y < maxy ? y : -1;
    if (y >= miny && y < maxy && fld->label) {
        snprintf(buf, sizeof(buf), "%s", fld->label);
        vd_draw_text(y, lx, lw, buf, la);
    }
    if (fld->type == VD_FIELD_LABEL && !fld->label) {
        draw_label_text(fld, y, lx, vx + vw - lx, maxy);
    } else if (y >= miny && y < maxy) {
        switch (fld->type) {
        case VD_FIELD_TEXT:
        case VD_FIELD_PASSWORD:
        case VD_FIELD_NUMBER: {
            int w = vw - 2;

            if (fld->type == VD_FIELD_NUMBER) {
                w = 14 < vw - 2 ? 14 : vw - 2;
            }
            vd_draw_text(y, vx, 1, "[", vd_role_attr(VD_ROLE_DIM));
            cx = vd_line_draw(&fld->line, y, vx + 1, w, fa,
                              fld->type == VD_FIELD_PASSWORD);
            vd_draw_text(y, vx + 1 + w, 1, "]", vd_role_attr(VD_ROLE_DIM));
            if (fld->unit)
                vd_draw_text(y, vx + w + 3, vw - w - 3, fld->unit,
                             vd_role_attr(VD_ROLE_NORMAL));
            if (focused) {
                app->cur_y = y;
                app->cur_x = cx;
            }
            break;
        }
        case VD_FIELD_CHOICE:
            snprintf(buf, sizeof(buf), "< %s >",
                     fld->index >= 0 ? fld->items[fld->index] : "");
            vd_draw_text(y, vx, vw, buf, fa);
            break;
        case VD_FIELD_CHECK:
            vd_draw_text(y, vx, vw, fld->checked ? "[x]" : "[ ]", fa);
            break;
        case VD_FIELD_LABEL:
            draw_label_text(fld, y, vx, vw, maxy);
            break;
        case VD_FIELD_LIST: {
            int w = vw - 2 > 30 ? 30 : vw - 2;

            vd_draw_text(y, vx, 1, "[", vd_role_attr(VD_ROLE_DIM));
            cx = vd_line_draw(&fld->line, y, vx + 1, w, fa, false);
            vd_draw_text(y, vx + 1 + w, 1, "]", vd_role_attr(VD_ROLE_DIM));
            snprintf(buf, sizeof(buf), " %zu of %zu, type to search", fld->nshown,
                     fld->nitems);
            vd_draw_text(y, vx + w + 2, vw - w - 2, buf, vd_role_attr(VD_ROLE_DIM));
            if (focused) {
                app->cur_y = y;
                app->cur_x = cx;
            }
            break;
        }
        case VD_FIELD_BUTTON:
            break;
        }
    }
    if (fld->type == VD_FIELD_LIST)
        draw_list(form, fld, y + 1, vx, vw, miny, maxy);
    y += rows;
    if (error_shown(form, fld)) {
        if (y >= miny && y < maxy) {
            snprintf(buf, sizeof(buf), "%s %s", vd_draw_utf8() ? "\u2717" : "!",
                     fld->err);
            /* the value column is capped for looks; a message may use
             * the whole row, so it is read in full on wide screens */
            vd_draw_text(y, vx, COLS - vx - 1 > vw ? COLS - vx - 1 : vw, buf,
                         vd_role_attr(VD_ROLE_STATUS_ERROR));
        }
        y++;
    }
    if (fld->help && focused && y >= miny && y < maxy)
        vd_draw_text(y, vx, vw, fld->help, vd_role_attr(VD_ROLE_DIM));
}

/* Draw the button row at y. */
static void
draw_buttons(vd_form *form, int y, int x, int w)
{
    long t[256];
    size_t n = targets(form, t, 256);
    long cur = focus_code(form);
    int pos = x;

    form->nhits = 0;
    for (size_t i = 0; i < n; i++) {
        char buf[128];
        const char *label;
        int bw;

        if (t[i] > 0) {
            const vd_field *fld = form->fields[t[i] - 1];

            if (fld->type != VD_FIELD_BUTTON)
                continue;
            label = fld->label ? fld->label : fld->id;
        } else if (t[i] == -BTN_BACK) {
            label = "< Back";
        } else if (t[i] == -BTN_NEXT) {
            label = "Next >";
        } else {
            label = form->submit_label;
        }
        snprintf(buf, sizeof(buf), "[ %s ]", label);
        bw = vd_text_width(buf);
        if (pos + bw > x + w)
            break;
        vd_draw_text(y, pos, bw, buf, vd_role_attr(t[i] == cur ? VD_ROLE_SELECTED
                                                     : VD_ROLE_KEY_LABEL));
        if (form->nhits < MAX_HITS) {
            form->hits[form->nhits].y = y;
            form->hits[form->nhits].x0 = pos;
            form->hits[form->nhits].x1 = pos + bw;
            form->hits[form->nhits].code = t[i];
            form->nhits++;
        }
        pos += bw + 2;
    }
}

/* The form view's draw. */
static void
form_draw(vd_app *app, vd_view *v, const vd_rect *area)
{
    vd_form *form = v->data;
    int lw = 0, vx, vw, top, bottom, y, total = 0, fy = -1, fh = 0, mrows;
    char buf[512];
    vd_role mrole = VD_ROLE_NORMAL;

    if (area->h < 4 || area->w < 20)
        return;
    fix_focus(form);
    /* Title: the form's, and the step. */
    vd_draw_fill(area->y, area->x, area->w, vd_role_attr(VD_ROLE_PANE_TITLE_FOCUS));
    if (form->npages > 1)
        snprintf(buf, sizeof(buf), " %s %s Step %d of %d: %s ", form->title,
                 vd_glyph_str(VD_GLYPH_SEP), form->page + 1, form->npages,
                 form->pages[form->page]);
    else
        snprintf(buf, sizeof(buf), " %s ", form->title);
    vd_draw_text(area->y, area->x, area->w, buf,
                 vd_role_attr(VD_ROLE_PANE_TITLE_FOCUS));

    for (size_t i = 0; i < form->nfields; i++) {
        const vd_field *fld = form->fields[i];
        int w;

        form->fields[i]->draw_y = -1;
        if (fld->page != form->page || fld->hidden || !fld->label ||
            fld->type == VD_FIELD_BUTTON)
            continue;
        w = vd_text_width(fld->label);
        if (w > lw)
            lw = w;
    }
    if (lw > LABEL_MAX)
        lw = LABEL_MAX;
    if (lw > area->w / 3)
        lw = area->w / 3;
    vx = area->x + 2 + lw + 2;
    vw = area->x + area->w - 2 - vx;
    if (vw > VALUE_MAX + 20)
        vw = VALUE_MAX + 20;

    /* Scroll so that the focused field is inside [top, bottom). */
    top = area->y + 2;
    /* A long message (libvirt's words) takes up to 3 rows. */
    mrows = 1;
    if (form->msg[0] && area->w > 8) {
        int tw = vd_text_width(form->msg);

        mrows = (tw + area->w - 5) / (area->w - 4);
        if (tw > area->w - 4)
            mrows++;            /* word breaks waste some of each row */
        if (mrows < 1)
            mrows = 1;
        if (mrows > 3)
            mrows = 3;
    }
    bottom = area->y + area->h - 2 - mrows;
    for (size_t i = 0; i < form->nfields; i++) {
        const vd_field *fld = form->fields[i];

        if (fld->page != form->page || fld->hidden || fld->type == VD_FIELD_BUTTON)
            continue;
        if (fld == form->focus) {
            fy = total;
            fh = field_height(form, fld);
        }
        total += field_height(form, fld);
    }
    if (fy >= 0) {
        if (fy < form->scroll)
            form->scroll = fy;
        if (fy + fh > form->scroll + (bottom - top))
            form->scroll = fy + fh - (bottom - top);
    }
    if (form->scroll > total - (bottom - top))
        form->scroll = total - (bottom - top);
    if (form->scroll < 0)
        form->scroll = 0;

    y = top - form->scroll;
    for (size_t i = 0; i < form->nfields; i++) {
        vd_field *fld = form->fields[i];

        if (fld->page != form->page || fld->hidden || fld->type == VD_FIELD_BUTTON)
            continue;
        draw_field(app, form, fld, y, area->x + 2, lw, vx, vw, top, bottom);
        y += field_height(form, fld);
    }
    if (form->scroll > 0)
        vd_draw_text_right(top - 1, area->x, area->w - 2, "more above",
                           vd_role_attr(VD_ROLE_DIM));
    if (y > bottom)
        vd_draw_text_right(bottom, area->x, area->w - 2, "more below",
                           vd_role_attr(VD_ROLE_DIM));

    switch (form->msg_kind) {
    case VD_MSG_ERROR:
        mrole = VD_ROLE_STATUS_ERROR;
        break;
    case VD_MSG_OK:
        mrole = VD_ROLE_STATUS_OK;
        break;
    case VD_MSG_BUSY:
        mrole = VD_ROLE_STATUS_BUSY;
        break;
    case VD_MSG_INFO:
        break;
    }
    if (form->msg[0]) {
        vd_rect mr = { area->y + area->h - 1 - mrows, area->x + 2, mrows,
                       area->w - 4 };

        vd_draw_wrap(&mr, mr.y, form->msg, vd_role_attr(mrole));
    }
    draw_buttons(form, area->y + area->h - 1, area->x + 2, area->w - 4);
}

/* The view of a form: free it with the view. */
static void
form_close(vd_app *app, vd_view *v)
{
    vd_form *form = v->data;

    (void)app;
    form->view = NULL;
    form->app = NULL;
    vd_form_free(form);
}

/* A result for the form. */
static void
form_result(vd_app *app, vd_view *v, vd_result *res)
{
    vd_form *form = v->data;

    if (form->on_result)
        form->on_result(app, form, res, form->ctx);
    else
        vd_app_message(app, res->ok ? VD_MSG_OK : VD_MSG_ERROR, "%s",
                       res->message ? res->message : (res->ok ? "done" : "failed"));
}

/* Snapshots may change what validators see. */
static void
form_snapshot(vd_app *app, vd_view *v)
{
    (void)app;
    check_all(v->data, -1);
}

static void key_next(vd_app *app, const vd_binding *b) { (void)b; form_key(app, vd_view_top(app), VD_KEY(KEY_NPAGE)); }
static void key_prev(vd_app *app, const vd_binding *b) { (void)b; form_key(app, vd_view_top(app), VD_KEY(KEY_PPAGE)); }

static const vd_binding form_keys[] = {
    { '\t', "Tab", "Next field (also Down)", "Form", 0, NULL, 0, 0, NULL },
    { VD_KEY(KEY_BTAB), "S-Tab", "Previous field (also Up)", "Form", 0, NULL, 0,
      0, NULL },
    { '\n', "Enter", "Next page; submit on the last; press a button", "Form",
      0, NULL, 0, 0, NULL },
    { VD_KEY(KEY_NPAGE), "PgDn", "Next page", "Form", 0, key_next, 0, 5, "Next" },
    { VD_KEY(KEY_PPAGE), "PgUp", "Previous page", "Form", 0, key_prev, 0, 4,
      "Prev" },
    { ' ', "Space", "Toggle a checkbox, open a choice's picker", "Form", 0,
      NULL, 0, 0, NULL },
    { VD_KEY(KEY_LEFT), "Left/Right", "Change a choice; move in text", "Form",
      0, NULL, 0, 0, NULL },
    { VD_CTRL('a'), "^A/^E", "Start / end of the text (also Home/End)",
      "Editing", 0, NULL, 0, 0, NULL },
    { VD_CTRL('u'), "^U", "Delete to the start of the text", "Editing", 0,
      NULL, 0, 0, NULL },
    { VD_CTRL('k'), "^K", "Delete to the end of the text", "Editing", 0, NULL,
      0, 0, NULL },
};

static const vd_view_ops form_ops = {
    .name = "form",
    .draw = form_draw,
    .key = form_key,
    .on_snapshot = form_snapshot,
    .on_result = form_result,
    .close = form_close,
    .flags = VD_VIEW_NO_Q,
    .keys = form_keys,
    .nkeys = sizeof(form_keys) / sizeof(form_keys[0]),
};

/* Show the form. */
vd_view *
vd_form_show(vd_app *app, vd_form *form)
{
    vd_view *v;

    form->app = app;
    if (!(v = vd_view_push(app, &form_ops, form, form->title)))
        return NULL;
    form->view = v;
    enter_page(app, form, 0);
    return v;
}

/* Close the form's view. */
void
vd_form_close(vd_app *app, vd_form *form)
{
    if (form->view)
        vd_view_close(app, form->view);
}

/* The form of a view. */
vd_form *
vd_form_of(const vd_view *v)
{
    return v && v->ops == &form_ops ? v->data : NULL;
}
